"""Tests of the settled query API of dronemarket.market: spellings, lists, empty lists, errors."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import dronemarket as dm
from dronemarket.market import synthetic

TUR, RUS, CHN = dm.Country("TUR"), dm.Country("RUS"), dm.Country("CHN")
KAZ, KGZ = dm.Country("KAZ"), dm.Country("KGZ")
NEWS = dm.Source("Drone deals", publisher="Test wire")
BAYKAR = dm.Organization("Baykar", country=TUR, kind=dm.OrgKind.MANUFACTURER)
ZALA = dm.Organization("ZALA Aero", country=RUS, kind=dm.OrgKind.MANUFACTURER)
CAIG = dm.Organization("CAIG", country=CHN, kind=dm.OrgKind.MANUFACTURER)
VEKTOR = dm.Organization("TSK Vektor", country=RUS, kind=dm.OrgKind.INTERMEDIARY)
TB2 = dm.Platform("Bayraktar TB2", manufacturer=BAYKAR, category=dm.Category.MALE, aliases={"TB2"})
TB3 = dm.Platform("Bayraktar TB3", manufacturer=BAYKAR, category=dm.Category.UCAV)
ORLAN = dm.Platform("Orlan-10", manufacturer=ZALA, category=dm.Category.SMALL)
WING = dm.Platform("Wing Loong", manufacturer=CAIG, category=dm.Category.MALE)


def _deal(
    supplier: dm.Country, recipient: dm.Country, platform: dm.Platform, quantity: int, **extra: Any
) -> dm.Deal:
    return dm.Deal(
        supplier=dm.Supplier(supplier),
        recipient=dm.Recipient(recipient),
        platform=platform,
        status=extra.pop("status", dm.DealStatus.ORDERED),
        ordered=dm.PartialDate(extra.pop("year", 2021)),
        quantity=quantity,
        sources=[NEWS],
        **extra,
    )


DEALS = (
    _deal(TUR, KGZ, TB2, 3),
    _deal(TUR, KAZ, TB3, 2, year=2022),
    _deal(RUS, KAZ, ORLAN, 10, intermediaries=[VEKTOR]),
    _deal(CHN, KAZ, WING, 2, value=dm.Money(40_000_000, "USD")),
)
SANCTION = dm.Sanction(dm.SanctionAuthority.US, target=VEKTOR, sources=[NEWS])
MARKET = dm.Market.of(*DEALS, SANCTION)


def test_lists_select_any_of_their_values() -> None:
    """Countries, platforms, manufacturers and categories may be given as lists of names."""
    assert MARKET.deals(supplier=["TUR", "China"]) == (DEALS[0], DEALS[1], DEALS[3])
    assert MARKET.deals(platform=["Bayraktar TB2", "bayraktar tb-3"]) == DEALS[:2]
    assert MARKET.deals(platform=[TB2, "Orlan-10"]) == (DEALS[0], DEALS[2])
    assert MARKET.deals(manufacturer=["Baykar", CAIG]) == (DEALS[0], DEALS[1], DEALS[3])
    assert MARKET.deals(category=["MALE", dm.Category.SMALL]) == (DEALS[0], DEALS[2], DEALS[3])
    assert MARKET.deals(recipient=(KAZ, "KGZ")) == DEALS
    assert MARKET.share(supplier=["TUR", "CHN"])["TUR"].tally.central == 5


def test_an_empty_list_selects_nothing_everywhere() -> None:
    """An empty list of statuses (or of anything) selects nothing in every query and analytic."""
    for name in ("status", "supplier", "recipient", "platform", "manufacturer", "category"):
        filters: dict[str, Any] = {name: []}
        assert MARKET.deals(**filters) == ()
        assert MARKET.share(**filters).total.records == 0
        assert MARKET.network(**filters) == ()
        assert MARKET.timeline(**filters) == ()
        assert MARKET.to_records(**filters) == []
    assert MARKET.production(status=[]) == ()
    assert MARKET.cooperation(kind=[]) == ()
    assert MARKET.concentration("KAZ", status=[]).hhi is None


def test_one_spelling_per_query() -> None:
    """`select_*` are gone and `statuses=` is refused: `market.deals(...)` and `status=`."""
    for gone in ("select_deals", "select_production", "select_cooperation"):
        assert not hasattr(MARKET, gone)
    with pytest.raises(dm.ValidationError, match="statuses"):
        MARKET.share(statuses=["ordered"])  # type: ignore[call-arg]
    assert MARKET.share(status=["ordered"]).total.records == len(DEALS)


def test_every_collection_is_a_tuple_and_record_collections_select() -> None:
    """Each collection attribute is a tuple; deals, production and cooperation are callable."""
    for name in ("platforms", "organizations", "deals", "production", "sanctions", "cooperation"):
        assert isinstance(getattr(MARKET, name), tuple)
    for name in ("deals", "production", "cooperation"):
        assert getattr(MARKET, name)() == getattr(MARKET, name)


def test_queries_take_names_or_aliases_wherever_they_take_objects() -> None:
    """`sanctions_on` and `record` take names and ids; lists of names work."""
    assert MARKET.sanctions_on("tsk vektor") == (SANCTION,)
    assert MARKET.sanctions_on([VEKTOR, "Baykar"]) == (SANCTION,)
    assert MARKET.sanctioned_parties(DEALS[2].id) == (VEKTOR,)
    assert MARKET.record(DEALS[1].id) is DEALS[1]


def test_a_lookup_that_finds_nothing_raises_not_found_with_suggestions() -> None:
    """Platforms, organizations, records, countries and regions: one NotFoundError."""
    cases: list[tuple[Callable[[], object], str]] = [
        (lambda: MARKET.platform("Bayraktar TB9"), "Bayraktar TB2"),
        (lambda: MARKET.organization("Baykr"), "Baykar"),
        (lambda: MARKET.record(DEALS[0].id + "x"), DEALS[0].id),
        (lambda: MARKET.deals(supplier="Turky"), "Türkiye"),
        (lambda: MARKET.deals(region="Central Asai"), "Central Asia"),
        (lambda: MARKET.share()["Turky"], "TUR"),
    ]
    for call, suggestion in cases:
        with pytest.raises(dm.NotFoundError) as caught:
            call()
        assert isinstance(caught.value, LookupError)
        assert isinstance(caught.value, dm.DroneMarketError)
        assert any(suggestion in found for found in caught.value.suggestions), caught.value
        assert suggestion in str(caught.value)


# ------------------------------------------------------------------ hardening (issue 11)


def _big_delivery_market() -> dm.Market:
    huge = dm.Deal(
        supplier=dm.Supplier(TUR),
        recipient=dm.Recipient(KGZ),
        platform=TB2,
        status=dm.DealStatus.DELIVERED,
        ordered=dm.PartialDate(2021),
        deliveries=[
            dm.Delivery(dm.PartialDate(2021), 600_000),
            dm.Delivery(dm.PartialDate(2022), 600_000),
        ],
        sources=[NEWS],
    )
    return dm.Market.of(huge, DEALS[2])


def test_analytics_never_raise_on_a_market_that_built() -> None:
    """Two deliveries of 600,000 with no quantity are counted as 1,200,000, never refused."""
    market = _big_delivery_market()
    assert market.share()["TUR"].tally.central == 1_200_000
    assert market.share(by="recipient").total.central == 1_200_010
    assert market.network()[0].units.central == 1_200_000
    assert market.to_records(supplier="TUR")[0]["delivered"] == 1_200_000
    assert market.concentration("KGZ").hhi == 1.0
    assert [year.delivered.central for year in market.timeline(supplier="TUR")] == [
        600_000,
        600_000,
    ]


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: MARKET.share(by=[]), "by"),  # type: ignore[arg-type]
        (lambda: MARKET.share(measure={}), "measure"),  # type: ignore[arg-type]
        (lambda: MARKET.sanctioned_parties(5), "deal"),  # type: ignore[arg-type]
        (lambda: MARKET.sanctions_on(5), "organization"),  # type: ignore[arg-type]
        (lambda: MARKET.record(5), "record_id"),  # type: ignore[arg-type]
        (lambda: MARKET.platform([]), "platform"),  # type: ignore[arg-type]
        (lambda: synthetic(5, seed=[1]), "seed"),  # type: ignore[arg-type]
        (lambda: dm.PartialDate(2021).surely_before("2022"), "other"),  # type: ignore[arg-type]
        (lambda: MARKET.share(measure="value", currency="usd"), "currency"),
        (lambda: MARKET.share(measure="value", currency="XYZ"), "currency"),
        (lambda: MARKET.share(measure="value", currency=5), "currency"),  # type: ignore[arg-type]
        (lambda: MARKET.deals(years=True), "years"),
    ],
)
def test_arguments_of_the_wrong_type_get_library_errors(
    call: Callable[[], object], argument: str
) -> None:
    """A wrong argument is a ValidationError naming it, not a raw TypeError or AttributeError."""
    with pytest.raises(dm.ValidationError) as caught:
        call()
    assert caught.value.field == argument


def test_a_valid_currency_shares_the_deals_in_it() -> None:
    """`currency="USD"` shares the deals valued in US dollars."""
    shares = MARKET.share(measure="value", currency="USD")
    assert shares.currency == "USD"
    assert shares["CHN"].share == 1.0


def _race(call: Callable[[], object], threads: int = 8) -> list[object]:
    """Return what `call` gives in each of `threads` threads started together."""
    barrier = threading.Barrier(threads)
    found: list[object] = []

    def run() -> None:
        barrier.wait()
        found.append(call())

    started = [threading.Thread(target=run) for _ in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join()
    return found


def test_concurrent_first_queries_on_a_fresh_market_agree() -> None:
    """Eight threads making the first query of a fresh market all get the same right answer."""
    expected = synthetic(3_000, seed=5)
    share = expected.share(by="platform", region="Central Asia")
    fresh = synthetic(3_000, seed=5)
    assert _race(lambda: fresh.share(by="platform", region="Central Asia")) == [share] * 8
    selected = expected.deals(supplier=["TUR", "CHN"], status="delivered")
    fresh = synthetic(3_000, seed=5)
    assert _race(lambda: fresh.deals(supplier=["TUR", "CHN"], status="delivered")) == [selected] * 8
    records = expected.to_records(years=(2010, 2012))
    fresh = synthetic(3_000, seed=5)
    assert _race(lambda: fresh.to_records(years=(2010, 2012))) == [records] * 8
    first = expected.deals[0]
    fresh = synthetic(3_000, seed=5)
    assert _race(lambda: fresh.record(first.id)) == [first] * 8


def test_two_platforms_under_one_name_say_which_fields_differ() -> None:
    """A market refusing two different platforms of one name names the fields they differ in."""
    deal = dm.catalog.market().deals[0]
    heavier = attrs.evolve(deal.platform, specs=deal.platform.specs.replace(mtow="700 kg"))
    other = attrs.evolve(deal, platform=heavier, id="another-deal")
    with pytest.raises(dm.ValidationError, match=r"and differ in: specs\.mtow"):
        dm.Market.of(deal, other)
