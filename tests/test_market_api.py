"""Tests of the settled query API of dronemarket.market: spellings, lists, empty lists, errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import dronemarket as dm

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
