"""Tests of dronemarket.market: the Market, its queries and its analytics."""

from __future__ import annotations

import math
import pickle
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, cast

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dronemarket as dm
from dronemarket import regions
from dronemarket import strategies as dst
from dronemarket.market import RECORD_COLUMNS, synthetic

TUR, RUS, CHN, IRN = dm.Country("TUR"), dm.Country("RUS"), dm.Country("CHN"), dm.Country("IRN")
KAZ, KGZ, TJK, UZB = dm.Country("KAZ"), dm.Country("KGZ"), dm.Country("TJK"), dm.Country("UZB")

NEWS = dm.Source("Drone deals in Central Asia", publisher="Eurasianet")
MAKER = dm.OrgKind.MANUFACTURER

BAYKAR = dm.Organization("Baykar", country=TUR, kind=MAKER)
TUSAS = dm.Organization("TUSAŞ", country=TUR, kind=MAKER, aliases={"TAI"})
ZALA = dm.Organization("ZALA Aero", country=RUS, kind=MAKER)
KUPOL = dm.Organization("IEMZ Kupol", country=RUS, kind=MAKER)
CAIG = dm.Organization("CAIG", country=CHN, kind=MAKER)
HESA = dm.Organization("HESA", country=IRN, kind=MAKER)
VEKTOR = dm.Organization("TSK Vektor", country=RUS, kind=dm.OrgKind.INTERMEDIARY)
KGZ_ARMY = dm.Organization("Kyrgyz Armed Forces", country=KGZ, kind=dm.OrgKind.ARMED_FORCES)

TB2 = dm.Platform("Bayraktar TB2", manufacturer=BAYKAR, category=dm.Category.MALE, aliases={"TB2"})
AKINCI = dm.Platform("Bayraktar Akinci", manufacturer=BAYKAR, category=dm.Category.UCAV)
ANKA = dm.Platform("Anka-S", manufacturer=TUSAS, category=dm.Category.MALE)
ORLAN = dm.Platform("Orlan-10", manufacturer=ZALA, category=dm.Category.SMALL)
WING_LOONG = dm.Platform("Wing Loong", manufacturer=CAIG, category=dm.Category.MALE)
ABABIL = dm.Platform("Ababil-2", manufacturer=HESA, category=dm.Category.TACTICAL)


def deal(
    supplier: dm.Country | None,
    recipient: dm.Country | None,
    platform: dm.Platform,
    quantity: int | dm.Count | None,
    *,
    year: int = 2021,
    status: dm.DealStatus = dm.DealStatus.ORDERED,
    **extra: Any,
) -> dm.Deal:
    """Return a deal, ordered in `year` unless the status comes before an order."""
    before = status in {dm.DealStatus.INTEREST, dm.DealStatus.NEGOTIATION}
    maker = (
        platform.manufacturer if supplier == getattr(platform.manufacturer, "country", 0) else None
    )
    return dm.Deal(
        supplier=dm.Supplier(supplier, manufacturer=maker) if supplier else dm.Supplier(),
        recipient=extra.pop("recipient_party", None) or dm.Recipient(recipient),
        platform=platform,
        status=status,
        ordered=None if before else dm.PartialDate(year),
        announced=dm.PartialDate(year) if before else None,
        quantity=quantity,
        sources=[NEWS],
        **extra,
    )


DEALS = (
    deal(
        TUR,
        KGZ,
        TB2,
        3,
        status=dm.DealStatus.DELIVERED,
        deliveries=[dm.Delivery(dm.PartialDate(2021, 12), 3)],
        recipient_party=dm.Recipient(KGZ, end_user=KGZ_ARMY),
    ),
    deal(TUR, KAZ, ANKA, 3, year=2022),
    deal(
        TUR,
        KAZ,
        TB2,
        dm.Count.at_least(24, wording="dozens"),
        status=dm.DealStatus.INTEREST,
        year=2020,
    ),
    deal(RUS, KAZ, ORLAN, 10, year=2015, value=dm.Money("20000000", "USD")),
    deal(
        CHN, KAZ, WING_LOONG, dm.Count.between(2, 4), year=2018, value=dm.Money("50000000", "USD")
    ),
    deal(TUR, UZB, AKINCI, None, year=2023),
    deal(CHN, UZB, WING_LOONG, 2, year=2014),
    deal(
        CHN,
        RUS,
        WING_LOONG,
        dm.Count.about(10),
        year=2024,
        intermediaries=[VEKTOR],
        confidence=dm.Confidence.UNCONFIRMED,
    ),
    deal(
        None,
        TJK,
        TB2,
        2,
        status=dm.DealStatus.DELIVERED,
        year=2022,
        deliveries=[dm.Delivery(None, 2)],
    ),
)
FACTORY = dm.LicensedProduction(
    platform=ABABIL,
    licensor=dm.Supplier(IRN, manufacturer=HESA),
    host=TJK,
    arrangement=dm.Arrangement.LICENSED_PRODUCTION,
    status=dm.ProductionStatus.PRODUCING,
    started=dm.PartialDate(2022, 5, 17),
    sources=[NEWS],
)
ANKA_KAZ = dm.LicensedProduction(
    platform=ANKA,
    licensor=dm.Supplier(TUR, manufacturer=TUSAS),
    host=KAZ,
    arrangement=dm.Arrangement.LICENSED_PRODUCTION,
    status=dm.ProductionStatus.AGREED,
    agreed=dm.PartialDate(2022, 5),
    sources=[NEWS],
)
SANCTION = dm.Sanction(dm.SanctionAuthority.US, target=VEKTOR, sources=[NEWS])

JPN = dm.Country("JPN")
KAZ_MOD = dm.Organization(
    "Ministry of Defence of Kazakhstan", country=KAZ, kind=dm.OrgKind.STATE_AGENCY
)
TUR_MOD = dm.Organization(
    "Ministry of National Defence of Türkiye", country=TUR, kind=dm.OrgKind.STATE_AGENCY
)
VISIT = dm.Cooperation(
    kind=dm.CooperationKind.VISIT,
    parties=[KAZ_MOD, TUR_MOD],
    start=dm.PartialDate(2020, 11, 23),
    end=dm.PartialDate(2020, 11, 25),
    platforms=[TB2],
    summary="Kazakh delegation inspects the TB2 in Batman",
    sources=[NEWS],
)
MEETING = dm.Cooperation(
    kind=dm.CooperationKind.MEETING,
    parties=[JPN, TUR],
    start=dm.PartialDate(2025, 8, 19),
    platforms=[TB2, AKINCI],
    summary="Defence ministers meet in Ankara",
    sources=[NEWS],
)
BUDGET = dm.Cooperation(
    kind=dm.CooperationKind.BUDGET,
    parties=[JPN],
    start=dm.PartialDate(2026),
    value=dm.Money("100000000000", "JPY"),
    summary="Drones in the 2026 defence budget",
    sources=[NEWS],
)
TRANSFER = dm.Cooperation(
    kind=dm.CooperationKind.TECHNOLOGY_TRANSFER,
    parties=[TUR, KAZ],
    summary="Drone technology transfer",
    sources=[NEWS],
    confidence=dm.Confidence.UNCONFIRMED,
)
COOPERATION = (VISIT, MEETING, BUDGET, TRANSFER)


@pytest.fixture(scope="module")
def market() -> dm.Market:
    return dm.Market.of(*DEALS, FACTORY, ANKA_KAZ, SANCTION)


def ids(deals: Iterable[dm.Deal]) -> list[str]:
    return [d.id for d in deals]


# ------------------------------------------------------------------------ construction


def test_of_collects_every_referenced_object(market: dm.Market) -> None:
    """Market.of holds the platforms and organizations its records refer to."""
    assert set(market.platforms) == {TB2, AKINCI, ANKA, ORLAN, WING_LOONG, ABABIL}
    assert {BAYKAR, TUSAS, ZALA, CAIG, HESA, VEKTOR, KGZ_ARMY} == set(market.organizations)
    assert len(market.deals) == len(DEALS)
    assert market.production == (FACTORY, ANKA_KAZ)
    assert market.sanctions == (SANCTION,)


def test_of_keeps_equal_records_once() -> None:
    """An equal record given twice to Market.of is held once."""
    assert len(dm.Market.of(DEALS[0], DEALS[0], TB2, BAYKAR).deals) == 1


def test_of_collects_lineage_and_statement_parties() -> None:
    """Market.of holds a platform's ancestors and organizations that made statements."""
    tb2t = dm.Platform("TB2T-AI", manufacturer=BAYKAR, category=dm.Category.MALE, variant_of=TB2)
    said = dm.Statement(ZALA, position=dm.Confidence.DENIED, source=NEWS)
    denied = deal(TUR, KGZ, tb2t, 2, statements=[said], confidence=dm.Confidence.DENIED)
    market = dm.Market.of(denied)
    assert TB2 in market.platforms
    assert ZALA in market.organizations


def test_of_rejects_what_is_not_a_record() -> None:
    """Market.of rejects an object that is not a market record."""
    with pytest.raises(dm.ValidationError, match="not a market record"):
        dm.Market.of("deal")  # type: ignore[arg-type]


def test_empty_market() -> None:
    """An empty market answers every query with nothing."""
    market = dm.Market()
    assert market.deals() == ()
    assert len(market.share()) == 0
    assert market.share().total.central == 0
    assert market.timeline() == ()
    assert market.network() == ()
    assert market.to_records() == []
    assert market.cooperation() == ()
    assert market.cooperation(country="JPN", kind="meeting", years=2025) == ()


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: dm.Market(deals=[DEALS[0]], organizations=[BAYKAR, KGZ_ARMY]), "deals.platform"),
        (
            lambda: dm.Market(deals=[DEALS[0]], platforms=[TB2], organizations=[BAYKAR]),
            "deals.recipient.end_user",
        ),
        (
            lambda: dm.Market(
                deals=[DEALS[1]],
                platforms=[
                    ANKA,
                    dm.Platform("Spare", manufacturer=None, category=dm.Category.SMALL),
                ],
            ),
            "platforms.manufacturer",
        ),
        (
            lambda: dm.Market(deals=[DEALS[7]], platforms=[WING_LOONG], organizations=[CAIG]),
            "deals.intermediaries",
        ),
        (lambda: dm.Market(production=[FACTORY], organizations=[HESA]), "production.platform"),
        (
            lambda: dm.Market(
                production=[
                    attrs.evolve(
                        FACTORY, licensee=dm.Organization("TJ Aero", country=TJK, kind=MAKER)
                    )
                ],
                platforms=[ABABIL],
                organizations=[HESA],
            ),
            "production.licensee",
        ),
        (lambda: dm.Market(sanctions=[SANCTION]), "sanctions.target"),
    ],
)
def test_references_must_be_held(make: Callable[[], dm.Market], field: str) -> None:
    """A record referring to a platform or organization the market does not hold is rejected."""
    with pytest.raises(
        dm.ValidationError, match=r"^Market\." + field.replace(".", r"\.")
    ) as caught:
        make()
    assert caught.value.owner == "Market"
    assert caught.value.field == field


def test_supplier_manufacturer_must_be_held() -> None:
    """A deal naming a manufacturer the market does not hold is rejected."""
    licensee = dm.Organization("UkrSpecExport", country=dm.Country("UKR"), kind=MAKER)
    built = attrs.evolve(DEALS[1], supplier=dm.Supplier(dm.Country("UKR"), manufacturer=licensee))
    with pytest.raises(dm.ValidationError, match=r"deals\.supplier\.manufacturer"):
        dm.Market(deals=[built], platforms=[ANKA], organizations=[TUSAS])


def test_statement_party_must_be_held() -> None:
    """A deal whose statement comes from an organization the market does not hold is rejected."""
    said = dm.Statement(ZALA, position=dm.Confidence.DENIED, source=NEWS)
    denied = deal(TUR, KGZ, TB2, 2, statements=[said], confidence=dm.Confidence.DENIED)
    with pytest.raises(dm.ValidationError, match=r"deals\.statements: 'ZALA Aero'"):
        dm.Market(deals=[denied], platforms=[TB2], organizations=[BAYKAR])


def test_lineage_must_be_held() -> None:
    """A platform whose parent the market does not hold is rejected."""
    tb2t = dm.Platform("TB2T-AI", manufacturer=BAYKAR, category=dm.Category.MALE, variant_of=TB2)
    with pytest.raises(dm.ValidationError, match=r"platforms\.lineage"):
        dm.Market(platforms=[tb2t], organizations=[BAYKAR])


def test_an_equal_copy_of_a_held_object_is_accepted() -> None:
    """A record may refer to an equal, separately built copy of a held platform."""
    copy = attrs.evolve(TB2)
    assert copy is not TB2
    market = dm.Market(deals=[deal(TUR, KAZ, copy, 2)], platforms=[TB2], organizations=[BAYKAR])
    assert market.deals(platform="TB2")[0].platform is copy


def test_a_different_object_of_the_same_name_is_rejected() -> None:
    """A record referring to a different platform under a held platform's name is rejected."""
    other = dm.Platform("Bayraktar TB2", manufacturer=BAYKAR, category=dm.Category.UCAV)
    with pytest.raises(dm.ValidationError, match="not a platform the market holds"):
        dm.Market(deals=[deal(TUR, KAZ, other, 2)], platforms=[TB2], organizations=[BAYKAR])


def test_duplicate_deal_ids_are_rejected() -> None:
    """Two deals with one id are rejected, naming the id."""
    twin = attrs.evolve(DEALS[1], quantity=5)
    with pytest.raises(dm.ValidationError, match=r"Market\.deals\.id: 'tur-kaz-anka-s-2022'"):
        dm.Market.of(DEALS[1], twin)


def test_duplicate_production_ids_are_rejected() -> None:
    """Two production records with one id are rejected."""
    twin = attrs.evolve(FACTORY, facility="Dushanbe")
    with pytest.raises(dm.ValidationError, match=r"production\.id"):
        dm.Market.of(FACTORY, twin)


def test_a_record_given_twice_is_rejected() -> None:
    """The constructor rejects a record given twice."""
    with pytest.raises(dm.ValidationError, match="given twice"):
        dm.Market(platforms=[TB2, TB2], organizations=[BAYKAR])
    with pytest.raises(dm.ValidationError, match="given twice"):
        dm.Market(sanctions=[SANCTION, SANCTION], organizations=[VEKTOR])


def test_platform_names_must_differ_ignoring_case_spaces_and_hyphens() -> None:
    """Two platforms sharing a name or alias, up to case, spaces and hyphens, are rejected."""
    clash = dm.Platform("Bayraktar TB-2", manufacturer=BAYKAR, category=dm.Category.MALE)
    with pytest.raises(dm.ValidationError, match="share the name or alias"):
        dm.Market(platforms=[TB2, clash], organizations=[BAYKAR])
    alias = dm.Platform("Other", manufacturer=BAYKAR, category=dm.Category.MALE, aliases={"tb 2"})
    with pytest.raises(dm.ValidationError, match="'tb2'"):
        dm.Market(platforms=[TB2, alias], organizations=[BAYKAR])


def test_organization_names_must_differ() -> None:
    """Two organizations sharing a name (in another country, say) are rejected."""
    other = dm.Organization("Baykar", country=KAZ, kind=MAKER)
    with pytest.raises(dm.ValidationError, match=r"Market\.organizations"):
        dm.Market(organizations=[BAYKAR, other])


@pytest.mark.parametrize(
    "kind", ["platforms", "organizations", "deals", "production", "sanctions", "cooperation"]
)
def test_records_must_be_of_their_kind(kind: str) -> None:
    """Each collection takes only records of its own kind, and not a bare string."""
    wrong: dict[str, Any] = {kind: [object()]}
    with pytest.raises(dm.ValidationError, match=rf"Market\.{kind}"):
        dm.Market(**wrong)
    bare: dict[str, Any] = {kind: "TB2"}
    with pytest.raises(dm.ValidationError, match="not an iterable"):
        dm.Market(**bare)


def test_market_is_immutable(market: dm.Market) -> None:
    """A market's fields cannot be reassigned."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        market.deals = ()  # type: ignore[misc, assignment]


def test_deals_is_a_tuple_that_selects_when_called(market: dm.Market) -> None:
    """`market.deals` is the tuple of deals in the order given; called, it selects."""
    assert isinstance(market.deals, tuple)
    assert tuple(market.deals) == DEALS
    assert market.deals(recipient="KGZ") == (DEALS[0],)
    assert market.production(recipient="TJK") == (FACTORY,)


def test_pickle_round_trip(market: dm.Market) -> None:
    """A market survives pickling, and its queries still work."""
    copy = pickle.loads(pickle.dumps(market))  # noqa: S301 - our own data
    assert copy == market
    assert copy.deals(recipient="KGZ") == (DEALS[0],)
    assert pickle.loads(pickle.dumps(market.deals)) == tuple(market.deals)  # noqa: S301


def test_evolve_rebuilds_and_revalidates(market: dm.Market) -> None:
    """attrs.evolve builds a new market from changed records, checked like any other."""
    smaller = attrs.evolve(market, deals=market.deals[:2], production=(), sanctions=())
    assert smaller.deals(recipient="KAZ") == (DEALS[1],)
    with pytest.raises(dm.ValidationError, match=r"deals\.platform"):
        attrs.evolve(market, platforms=())


def test_repr_and_len(market: dm.Market) -> None:
    """A market shows its size and its length is its number of deals."""
    assert repr(market).startswith("<Market: 9 deals, 6 platforms, 7 organizations")
    assert repr(market).endswith("1 sanctions, 0 cooperation>")
    assert len(market) == 9


# ----------------------------------------------------------------------- equality, merge


def test_equality_ignores_order() -> None:
    """Two markets holding the same records in another order are equal, and hash equal."""
    a = dm.Market.of(*DEALS)
    b = dm.Market.of(*reversed(DEALS))
    assert a == b
    assert hash(a) == hash(b)
    assert a != dm.Market.of(*DEALS[1:])
    assert a != "market"


def test_merge_unites_records(market: dm.Market) -> None:
    """Merging two markets holds every record of both, equal records once."""
    left = dm.Market.of(*DEALS[:5], SANCTION)
    right = dm.Market.of(*DEALS[3:], FACTORY, ANKA_KAZ)
    assert left | right == market
    assert left.merge(right) == right.merge(left)
    assert left.__or__("market") is NotImplemented


def test_merge_rejects_clashing_records() -> None:
    """Merging markets that hold two different deals under one id is rejected."""
    left = dm.Market.of(DEALS[1])
    right = dm.Market.of(attrs.evolve(DEALS[1], quantity=7))
    with pytest.raises(dm.ValidationError, match=r"deals\.id"):
        left.merge(right)
    with pytest.raises(dm.ValidationError, match="not a Market"):
        left.merge("market")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- lookups


@pytest.mark.parametrize(
    "name", ["Bayraktar TB2", "tb2", "TB2", "Bayraktar TB-2", "bayraktar tb 2"]
)
def test_platform_lookup_by_name_or_alias(market: dm.Market, name: str) -> None:
    """A platform is found by its name or alias, whatever the case, spaces and hyphens."""
    assert market.platform(name) is TB2


def test_platform_lookup_rejects_unknown(market: dm.Market) -> None:
    """An unknown platform, by name or object, is a NotFoundError suggesting close names."""
    with pytest.raises(dm.NotFoundError, match="no platform in the market") as caught:
        market.platform("Bayraktar TB22")
    assert caught.value.suggestions[0] == "Bayraktar TB2"
    with pytest.raises(dm.NotFoundError):
        market.platform(dm.Platform("Predator", manufacturer=None, category=dm.Category.MALE))
    with pytest.raises(dm.ValidationError, match="is not a Platform"):
        market.platform(5)  # type: ignore[arg-type]
    assert market.platform(attrs.evolve(TB2)) is TB2


def test_organization_lookup(market: dm.Market) -> None:
    """An organization is found by name or alias; an unknown one is an error."""
    assert market.organization("tai") is TUSAS
    assert market.organization("IEMZ-Kupol".replace("IEMZ-Kupol", "tsk vektor")) is VEKTOR
    assert market.organization(BAYKAR) is BAYKAR
    with pytest.raises(dm.NotFoundError, match="organization"):
        market.organization("Lockheed")


# ---------------------------------------------------------------------------- queries


def test_filter_by_recipient_accepts_code_name_and_country(market: dm.Market) -> None:
    """The recipient may be a Country, an alpha-3 or alpha-2 code, or a name."""
    expected = ids(DEALS[1:5])
    for recipient in (KAZ, "KAZ", "KZ", "Kazakhstan"):
        assert ids(market.deals(recipient=recipient)) == expected


def test_filters_combine(market: dm.Market) -> None:
    """Filters combine with AND."""
    assert market.deals(supplier="Turkey", recipient="KAZ", platform="tb2") == (DEALS[2],)
    assert market.deals(manufacturer="Baykar", status="ordered") == (DEALS[5],)
    in_years = market.deals(category="MALE", years=(2018, 2022))
    assert in_years == (DEALS[0], DEALS[1], DEALS[2], DEALS[4], DEALS[8])
    assert market.deals(region=regions.CENTRAL_ASIA, supplier="CHN") == (DEALS[4], DEALS[6])
    assert market.deals(region="Central Asia", confidence="unconfirmed") == ()
    assert market.deals(confidence=dm.Confidence.UNCONFIRMED) == (DEALS[7],)
    assert market.deals(status=["delivered", dm.DealStatus.INTEREST]) == (
        DEALS[0],
        DEALS[2],
        DEALS[8],
    )
    assert market.deals(years=2014) == (DEALS[6],)
    assert market.deals(years=range(2023, 2025)) == (DEALS[5], DEALS[7])
    assert market.deals(years=(2024, None)) == (DEALS[7],)
    assert market.deals(years=(1990, 1999)) == ()
    assert market.deals(region=["RUS"]) == (DEALS[7],)
    assert market.deals(recipient="KGZ", region="EU") == ()
    assert market.deals(supplier=None) == DEALS


def test_manufacturer_is_the_suppliers_else_the_platforms(market: dm.Market) -> None:
    """A deal's manufacturer is the supplier's manufacturer, else the platform's."""
    assert DEALS[8].supplier.manufacturer is None
    assert DEALS[8] in market.deals(manufacturer=BAYKAR)


def test_bad_filters_are_rejected(market: dm.Market) -> None:
    """An unknown filter, status or year range is a ValidationError; an unknown name NotFound."""
    bad: list[dict[str, Any]] = [
        {"colour": "red"},
        {"status": "lost"},
        {"category": 3},
        {"years": "2020"},
        {"years": (2020, "2021")},
        {"recipient": 643},
        {"recipient": [643]},
        {"platform": [5]},
        {"region": 5},
    ]
    for filters in bad:
        with pytest.raises(dm.ValidationError):
            market.deals(**filters)
    missing: list[dict[str, Any]] = [{"platform": "Predator"}, {"region": "Atlantis"}]
    for filters in [*missing, {"supplier": "Narnia"}]:
        with pytest.raises(dm.NotFoundError):
            market.deals(**filters)


def test_production_queries(market: dm.Market) -> None:
    """Production records are selected by licensor, host, platform, status and year."""
    assert market.production(supplier="IRN") == (FACTORY,)
    assert market.production(region=regions.CENTRAL_ASIA) == (FACTORY, ANKA_KAZ)
    assert market.production(status="agreed", years=2022) == (ANKA_KAZ,)
    assert market.production(manufacturer="TAI", category="MALE") == (ANKA_KAZ,)
    assert market.production(platform="ababil 2", confidence="reported") == (FACTORY,)


def test_suppliers_and_recipients(market: dm.Market) -> None:
    """suppliers_of and recipients_of list the countries on the other side, by code."""
    assert market.suppliers_of("KAZ") == (CHN, RUS, TUR)
    assert market.suppliers_of("TJK") == ()
    assert market.recipients_of("Turkey") == (KAZ, KGZ, UZB)


def test_platforms_of_counts_orders_and_production(market: dm.Market) -> None:
    """A country's platforms are those it ordered (not only wanted) or hosts production of."""
    assert market.platforms_of("KAZ") == (ANKA, ORLAN, WING_LOONG)
    assert market.platforms_of("TJK") == (ABABIL, TB2)


def test_sanctioned_parties(market: dm.Market) -> None:
    """The sanctioned organizations anywhere in a deal's chain are found, by deal or id."""
    assert market.sanctioned_parties(DEALS[7]) == (VEKTOR,)
    assert market.sanctioned_parties(DEALS[7].id) == (VEKTOR,)
    assert market.sanctioned_parties(DEALS[0]) == ()
    assert market.sanctions_on(VEKTOR) == (SANCTION,)
    assert market.sanctions_on(BAYKAR) == ()
    assert market.sanctions_on("tsk vektor") == (SANCTION,)
    assert market.sanctions_on(["TSK Vektor", "Baykar"]) == (SANCTION,)
    assert market.sanctions_on([]) == ()
    with pytest.raises(dm.NotFoundError, match="no record"):
        market.sanctioned_parties("nope")
    with pytest.raises(dm.NotFoundError, match="no organization"):
        market.sanctions_on("Lockheed")


# ------------------------------------------------------------------------- cooperation


@pytest.fixture(scope="module")
def talks() -> dm.Market:
    return dm.Market.of(*DEALS[:3], *COOPERATION)


def test_of_collects_cooperation_and_what_it_names(talks: dm.Market) -> None:
    """Market.of holds cooperation records, their organizations and their platforms."""
    assert talks.cooperation == COOPERATION
    assert {KAZ_MOD, TUR_MOD} <= set(talks.organizations)
    assert AKINCI in talks.platforms  # named by the meeting only
    said = dm.Statement(TUR_MOD, position=dm.Confidence.CONFIRMED, source=NEWS)
    confirmed = attrs.evolve(TRANSFER, statements=[said], confidence=dm.Confidence.CONFIRMED)
    assert TUR_MOD in dm.Market.of(confirmed).organizations


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (
            lambda: dm.Market(cooperation=[VISIT], platforms=[TB2], organizations=[BAYKAR]),
            "parties",
        ),
        (
            lambda: dm.Market(cooperation=[MEETING], platforms=[TB2], organizations=[BAYKAR]),
            "platforms",
        ),
        (
            lambda: dm.Market(
                cooperation=[
                    attrs.evolve(
                        TRANSFER,
                        statements=[
                            dm.Statement(TUR_MOD, position=dm.Confidence.DENIED, source=NEWS)
                        ],
                        confidence=dm.Confidence.DENIED,
                    )
                ]
            ),
            "statements",
        ),
    ],
)
def test_cooperation_references_must_be_held(make: Callable[[], dm.Market], field: str) -> None:
    """A cooperation record naming an organization or platform the market lacks is rejected."""
    with pytest.raises(dm.ValidationError, match=rf"^Market\.cooperation\.{field}: ") as caught:
        make()
    assert caught.value.field == f"cooperation.{field}"


def test_duplicate_cooperation_ids_are_rejected() -> None:
    """Two cooperation records with one id are rejected, naming the id."""
    twin = attrs.evolve(BUDGET, value=dm.Money("200000000000", "JPY"))
    with pytest.raises(
        dm.ValidationError, match=r"^Market\.cooperation\.id: 'budget-jpn-2026' is given twice"
    ):
        dm.Market.of(BUDGET, twin)


def test_cooperation_is_a_tuple_that_selects_when_called(talks: dm.Market) -> None:
    """`market.cooperation` is the tuple of records in the order given; called, it selects."""
    assert isinstance(talks.cooperation, tuple)
    assert talks.cooperation(kind="budget") == (BUDGET,)
    assert pickle.loads(pickle.dumps(talks.cooperation)) == COOPERATION  # noqa: S301


def test_cooperation_filters(talks: dm.Market) -> None:
    """Cooperation is selected by any party's country, kind, platform, years, region, confidence."""
    assert talks.cooperation(country="KAZ") == (VISIT, TRANSFER)  # the ministry is Kazakh
    assert talks.cooperation(country="Japan") == (MEETING, BUDGET)
    assert talks.cooperation(country=TUR) == (VISIT, MEETING, TRANSFER)
    assert talks.cooperation(kind=dm.CooperationKind.TECHNOLOGY_TRANSFER) == (TRANSFER,)
    assert talks.cooperation(kind="technology transfer") == (TRANSFER,)
    assert talks.cooperation(kind=["VISIT", "meeting"]) == (VISIT, MEETING)
    assert talks.cooperation(platform="bayraktar tb-2") == (VISIT, MEETING)
    assert talks.cooperation(platform=AKINCI) == (MEETING,)
    assert talks.cooperation(years=2020) == (VISIT,)
    assert talks.cooperation(years=(2025, None)) == (MEETING, BUDGET)
    assert talks.cooperation(years=range(2000, 2030)) == (VISIT, MEETING, BUDGET)  # undated: no
    assert talks.cooperation(region=regions.CENTRAL_ASIA) == (VISIT, TRANSFER)
    assert talks.cooperation(region=["JPN"], kind="meeting") == (MEETING,)
    assert talks.cooperation(confidence="unconfirmed") == (TRANSFER,)
    assert talks.cooperation(country=None, kind=None) == COOPERATION


def test_country_and_region_each_hold_for_some_party(talks: dm.Market) -> None:
    """With a country and a region, each must hold for some party, not one party for both."""
    assert talks.cooperation(country="JPN", region=["TUR"]) == (MEETING,)
    assert talks.cooperation(country="JPN", region=regions.CENTRAL_ASIA) == ()


def test_bad_cooperation_filters_are_rejected(talks: dm.Market) -> None:
    """An unknown filter, kind, platform, country or year range is a ValidationError."""
    with pytest.raises(dm.ValidationError, match=r"Market\.filters: \['recipient'\] are not"):
        talks.cooperation(recipient="KAZ")  # type: ignore[call-arg]
    bad: list[dict[str, Any]] = [
        {"kind": "dinner"},
        {"country": 398},
        {"years": "2020"},
        {"confidence": "rumoured"},
    ]
    for filters in bad:
        with pytest.raises(dm.ValidationError):
            talks.cooperation(**filters)
    missing: list[dict[str, Any]] = [{"platform": "Predator"}, {"region": "Atlantis"}]
    for filters in missing:
        with pytest.raises(dm.NotFoundError):
            talks.cooperation(**filters)


def test_cooperation_counts_in_equality_merge_and_pickling(talks: dm.Market) -> None:
    """Markets differing only in cooperation differ; merging and pickling keep cooperation."""
    without = dm.Market.of(*DEALS[:3], *COOPERATION[:3])
    assert without != talks
    assert without | dm.Market.of(TRANSFER) == talks
    assert dm.Market.of(*reversed(COOPERATION), *DEALS[:3]) == talks
    copy = pickle.loads(pickle.dumps(talks))  # noqa: S301 - our own data
    assert copy == talks
    assert copy.cooperation(country="JPN") == (MEETING, BUDGET)
    assert attrs.evolve(talks, cooperation=()).cooperation == ()


# --------------------------------------------------------------------------- analytics


def test_unit_share_counts_quantity_estimates_and_unknowns(market: dm.Market) -> None:
    """Units count the quantity ordered, carry estimates as ranges and keep unknowns apart."""
    shares = market.share(by="supplier", region=regions.CENTRAL_ASIA)
    turkey = shares["TUR"].tally
    # TB2 to KGZ: 3; Anka-S: 3; "dozens" TB2: at least 24; Akinci: unknown
    assert (turkey.low, turkey.central, turkey.high) == (30, 30, None)
    assert (turkey.counted, turkey.estimated, turkey.unknown) == (3, 1, 1)
    china = shares["CHN"].tally  # between 2 and 4 (central 3), and 2
    assert (china.low, china.central, china.high) == (4, 5, 6)
    unknown = shares[None].tally  # the unknown supplier's 2 TB2 to Tajikistan
    assert shares[None].name == "unknown"
    assert unknown.central == 2
    assert math.isclose(sum(s.share or 0 for s in shares), 1.0)
    assert shares.total.central == 30 + 10 + 5 + 2
    assert shares.total.unknown == 1
    assert shares.items[0].key == TUR
    assert shares.as_dict()["TUR"] == pytest.approx(30 / 47)


def test_a_deal_with_no_quantity_counts_its_deliveries() -> None:
    """A deal with no quantity counts what was delivered."""
    delivered = deal(
        TUR,
        KGZ,
        TB2,
        None,
        status=dm.DealStatus.DELIVERED,
        deliveries=[dm.Delivery(dm.PartialDate(2022), 4)],
    )
    assert dm.Market.of(delivered).share()["TUR"].tally.central == 4


def test_up_to_counts_its_bound() -> None:
    """An "up to" estimate counts its bound as central figure and 1 as its low."""
    market = dm.Market.of(deal(TUR, KGZ, TB2, dm.Count.up_to(50)))
    tally = market.share().items[0].tally
    assert (tally.low, tally.central, tally.high) == (1, 50, 50)


def test_share_by_other_keys(market: dm.Market) -> None:
    """Shares split by manufacturer, platform, category and recipient, keyed by objects."""
    assert market.share(by="manufacturer")["Baykar"].key is BAYKAR
    assert market.share(by="platform", recipient="KAZ")["tb2"].key is TB2
    by_category = market.share(by="category", status=["ordered", "delivered"])
    assert by_category["MALE"].key is dm.Category.MALE
    assert market.share(by="recipient", measure="deals")["KAZ"].tally.central == 4
    with pytest.raises(dm.NotFoundError):
        by_category["nothing"]


def test_unknown_category_is_a_share_of_its_own() -> None:
    """Deals of a platform of unknown category form the category share keyed None."""
    mystery = dm.Platform("Mystery", manufacturer=BAYKAR, category=None)
    market = dm.Market.of(deal(TUR, KGZ, mystery, 4), deal(TUR, KAZ, TB2, 4))
    shares = market.share(by="category")
    assert shares[None].share == 0.5
    assert shares["MALE"].share == 0.5
    assert market.to_records()[0]["category"] is None


def test_deal_share_counts_deals(market: dm.Market) -> None:
    """The deals measure counts each deal once, estimates or not."""
    shares = market.share(measure="deals")
    assert shares["TUR"].tally.central == 4
    assert shares.total.central == len(DEALS)
    assert shares.total.unknown == 0


def test_value_share_needs_one_currency(market: dm.Market) -> None:
    """Value shares add values in one currency; mixed currencies need a choice."""
    shares = market.share(measure="value", region="Central Asia")
    assert shares.currency == "USD"
    assert shares["CHN"].share == pytest.approx(50 / 70)
    assert shares["CHN"].tally.central == Decimal(50_000_000)
    assert shares.total.unknown == 6
    euro = deal(TUR, KGZ, TB2, 2, year=2019, value=dm.Money("1000000", "EUR"))
    mixed = dm.Market.of(*DEALS, euro)
    with pytest.raises(dm.ValidationError, match="mixed"):
        mixed.share(measure="value")
    in_euro = mixed.share(measure="value", currency="EUR")
    assert in_euro["TUR"].share == 1.0
    assert in_euro.excluded == 2


def test_bad_share_arguments(market: dm.Market) -> None:
    """An unknown `by` or `measure` is rejected."""
    with pytest.raises(dm.ValidationError, match="by"):
        market.share(by="colour")  # type: ignore[arg-type]
    with pytest.raises(dm.ValidationError, match="measure"):
        market.share(measure="weight")  # type: ignore[arg-type]


def test_concentration(market: dm.Market) -> None:
    """The HHI is 1 for a single supplier and the sum of squared shares otherwise."""
    assert market.concentration("KGZ").hhi == 1.0
    kazakhstan = market.concentration("Kazakhstan")
    shares = [27 / 40, 10 / 40, 3 / 40]
    assert kazakhstan.hhi == pytest.approx(sum(s * s for s in shares))
    assert kazakhstan.suppliers == 3
    assert kazakhstan.recipient == KAZ
    assert market.concentration("USA").hhi is None
    assert market.concentration("KAZ", years=(2015, 2019)).hhi == pytest.approx(
        (10 / 13) ** 2 + (3 / 13) ** 2
    )
    with pytest.raises(dm.ValidationError, match="twice"):
        market.concentration("KAZ", recipient="KGZ")


def test_timeline(market: dm.Market) -> None:
    """The timeline sets units ordered against units delivered, year by year."""
    years = {row.year: row for row in market.timeline()}
    assert years[2021].ordered.central == 3
    assert years[2021].delivered.central == 3
    assert years[2022].ordered.central == 5
    assert years[2022].delivered.records == 0  # the TJK delivery is undated
    assert years[2023].ordered.unknown == 1
    assert 2020 not in years  # interest only: nothing ordered
    assert [row.year for row in market.timeline(recipient="KGZ")] == [2021]


def test_network(market: dm.Market) -> None:
    """The network links supplier to recipient countries, weighted by units."""
    edges = market.network()
    heaviest = edges[0]
    assert (heaviest.supplier, heaviest.recipient) == (TUR, KAZ)
    assert heaviest.units.central == 27
    assert heaviest.deals == 2
    assert all(edge.supplier is not None for edge in edges)
    assert len(edges) == 7  # the deal with an unknown supplier is on no link


def test_to_records_are_flat_plain_rows(market: dm.Market) -> None:
    """to_records gives one flat row of plain values per deal, with the documented columns."""
    rows = market.to_records()
    assert len(rows) == len(DEALS)
    for row in rows:
        assert list(row) == list(RECORD_COLUMNS)
        assert all(
            value is None or type(value) in {str, int, float, bool} for value in row.values()
        )
    first = rows[0]
    assert first["supplier"] == "TUR"
    assert first["end_user"] == "Kyrgyz Armed Forces"
    assert first["last_delivery"] == "2021-12"
    assert rows[3]["value"] == 20_000_000.0
    assert rows[7]["intermediaries"] == "TSK Vektor"
    assert market.to_records(recipient="KGZ") == [first]


# --------------------------------------------------------------------------- synthetic


def test_synthetic_is_deterministic() -> None:
    """The same seed gives the same market; another seed another one."""
    assert synthetic(60, seed=5) == synthetic(60, seed=5)
    assert synthetic(60, seed=5) != synthetic(60, seed=6)
    assert len(synthetic(0).deals) == 0


def test_synthetic_rejects_bad_sizes() -> None:
    """A negative or non-integer size is rejected."""
    with pytest.raises(dm.ValidationError):
        synthetic(-1)
    with pytest.raises(dm.ValidationError):
        synthetic(10, platforms=0)


# ---------------------------------------------------------------------- property-based

FILTER_NAMES = (
    "supplier",
    "recipient",
    "platform",
    "manufacturer",
    "category",
    "status",
    "years",
    "region",
    "confidence",
)


def brute_force(name: str, value: Any) -> Callable[[dm.Deal], bool]:
    """Return a predicate testing one filter the slow, obvious way."""
    tests: dict[str, Callable[[dm.Deal], bool]] = {
        "supplier": lambda d: d.supplier.country == value,
        "recipient": lambda d: d.recipient.country == value,
        "platform": lambda d: d.platform == value,
        "manufacturer": lambda d: (d.supplier.manufacturer or d.platform.manufacturer) == value,
        "category": lambda d: d.platform.category is value,
        "status": lambda d: d.status in value,
        "confidence": lambda d: d.confidence in value,
        "years": lambda d: d.year is not None and value[0] <= d.year <= value[1],
        "region": lambda d: d.recipient.country in value.countries,
    }
    return tests[name]


@st.composite
def market_and_filters(draw: st.DrawFn) -> tuple[dm.Market, dict[str, Any]]:
    """Draw a market and a few filters whose values mostly occur in it."""
    market = draw(dst.markets(max_deals=12))
    deals: list[dm.Deal | None] = [*market.deals] or [None]
    names = draw(st.lists(st.sampled_from(FILTER_NAMES), max_size=3, unique=True))
    filters: dict[str, Any] = {}
    for name in names:
        d = draw(st.sampled_from(deals))
        if name in {"supplier", "recipient"}:
            side = getattr(d, name, None)
            filters[name] = getattr(side, "country", None) or draw(st.sampled_from([TUR, KAZ]))
        elif name == "platform" and market.platforms:
            filters[name] = draw(st.sampled_from(market.platforms))
        elif name == "manufacturer" and market.organizations:
            filters[name] = draw(st.sampled_from(market.organizations))
        elif name == "category":
            filters[name] = draw(st.sampled_from(list(dm.Category)))
        elif name == "status":
            filters[name] = frozenset(
                draw(st.sets(st.sampled_from(list(dm.DealStatus)), min_size=1))
            )
        elif name == "confidence":
            filters[name] = frozenset(
                draw(st.sets(st.sampled_from(list(dm.Confidence)), min_size=1))
            )
        elif name == "years":
            low = draw(st.integers(1990, 2030))
            filters[name] = (low, low + draw(st.integers(0, 20)))
        elif name == "region":
            filters[name] = draw(st.sampled_from(regions.ALL))
    return market, filters


PROPERTY = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow
@PROPERTY
@given(market_and_filters())
def test_every_query_agrees_with_a_brute_force_scan(
    drawn: tuple[dm.Market, dict[str, Any]],
) -> None:
    """deals(...) returns exactly the deals a scan testing each filter finds, in order."""
    market, filters = drawn
    tests = [brute_force(name, value) for name, value in filters.items()]
    expected = tuple(d for d in market.deals if all(test(d) for test in tests))
    assert market.deals(**filters) == expected


@pytest.mark.slow
@PROPERTY
@given(market_and_filters(), st.randoms(use_true_random=False))
def test_filters_commute(drawn: tuple[dm.Market, dict[str, Any]], rng: Any) -> None:
    """Filters give the same deals in any order, and chained as intersections."""
    market, filters = drawn
    items = list(filters.items())
    rng.shuffle(items)
    together = market.deals(**dict(items))
    assert together == market.deals(**filters)
    one_by_one = set(market.deals)
    for name, value in items:
        one_by_one &= set(market.deals(**{name: value}))
    assert set(together) == one_by_one


@pytest.mark.slow
@PROPERTY
@given(
    market_and_filters(),
    st.sampled_from(["supplier", "recipient", "manufacturer", "platform", "category"]),
    st.sampled_from(["units", "deals"]),
)
def test_shares_sum_to_one_and_agree_with_a_scan(
    drawn: tuple[dm.Market, dict[str, Any]], by: Any, measure: Any
) -> None:
    """Shares sum to 1 when the total is above zero, and their bases cover every deal selected."""
    market, filters = drawn
    shares = market.share(by=by, measure=measure, **filters)
    selected = market.deals(**filters)
    assert sum(item.tally.records for item in shares) == len(selected)
    if shares.total.central:
        assert math.isclose(sum(item.share or 0 for item in shares), 1.0)
        assert all(0 <= (item.share or 0) <= 1 for item in shares)
    else:
        assert all(item.share is None for item in shares)
    if measure == "units":
        known = [d for d in selected if d.quantity is not None or d.delivered is not None]
        assert shares.total.counted == len(known)
        assert shares.total.unknown == len(selected) - len(known)
        assert shares.total.low <= shares.total.central
        assert shares.total.high is None or shares.total.central <= shares.total.high


@pytest.mark.slow
@PROPERTY
@given(dst.markets(max_deals=12), st.sampled_from([TUR, KAZ, KGZ, dm.Country("USA")]))
def test_hhi_lies_between_one_over_n_and_one(market: dm.Market, country: dm.Country) -> None:
    """The HHI of a recipient's n suppliers lies in [1/n, 1]."""
    for recipient in {d.recipient.country for d in market.deals} - {None} | {country}:
        assert recipient is not None
        found = market.concentration(recipient)
        if found.hhi is None:
            assert found.suppliers == 0
        else:
            n = found.suppliers
            assert 1 / n - 1e-12 <= found.hhi <= 1 + 1e-12


@pytest.mark.slow
@PROPERTY
@given(
    dst.markets(max_deals=9, max_production=3, max_sanctions=2, max_cooperation=3),
    st.randoms(use_true_random=False),
)
def test_merging_is_associative(whole: dm.Market, rng: Any) -> None:
    """(a | b) | c equals a | (b | c), and merging the parts of a market gives it back."""
    records: list[Any] = [*whole.deals, *whole.production, *whole.sanctions, *whole.cooperation]
    parts: list[list[Any]] = [[], [], []]
    for record in records:
        parts[rng.randrange(3)].append(record)
    a, b, c = (dm.Market.of(*part) for part in parts)
    assert (a | b) | c == a | (b | c)
    assert set((a | b | c).deals) == set(whole.deals)
    assert set((a | b | c).cooperation) == set(whole.cooperation)


@pytest.mark.slow
@PROPERTY
@given(dst.markets(max_deals=8), st.randoms(use_true_random=False))
def test_equality_ignores_record_order(market: dm.Market, rng: Any) -> None:
    """A market rebuilt from its records in another order is equal to it."""
    fields = ["platforms", "organizations", "deals", "production", "sanctions", "cooperation"]
    shuffled = {
        name: rng.sample(list(getattr(market, name)), len(getattr(market, name))) for name in fields
    }
    assert dm.Market(**shuffled) == market


COOPERATION_FILTERS = ("country", "region", "kind", "platform", "years", "confidence")


def brute_force_cooperation(name: str, value: Any) -> Callable[[dm.Cooperation], bool]:
    """Return a predicate testing one cooperation filter the slow, obvious way."""
    tests: dict[str, Callable[[dm.Cooperation], bool]] = {
        "country": lambda c: value in c.countries,
        "region": lambda c: any(country in value.countries for country in c.countries),
        "kind": lambda c: c.kind in value,
        "platform": lambda c: value in c.platforms,
        "years": lambda c: c.year is not None and value[0] <= c.year <= value[1],
        "confidence": lambda c: c.confidence in value,
    }
    return tests[name]


@st.composite
def market_and_cooperation_filters(draw: st.DrawFn) -> tuple[dm.Market, dict[str, Any]]:
    """Draw a market with cooperation records and a few filters whose values mostly occur."""
    market = draw(dst.markets(max_deals=0, max_production=0, max_sanctions=0, max_cooperation=10))
    records: list[dm.Cooperation | None] = [*market.cooperation] or [None]
    names = draw(st.lists(st.sampled_from(COOPERATION_FILTERS), max_size=3, unique=True))
    filters: dict[str, Any] = {}
    for name in names:
        record = draw(st.sampled_from(records))
        if name == "country":
            present = list(record.countries) if record else []
            filters[name] = draw(st.sampled_from([*present, TUR, KAZ]))
        elif name == "region":
            filters[name] = draw(st.sampled_from(regions.ALL))
        elif name == "kind":
            filters[name] = frozenset(
                draw(st.sets(st.sampled_from(list(dm.CooperationKind)), min_size=1))
            )
        elif name == "platform" and market.platforms:
            filters[name] = draw(st.sampled_from(market.platforms))
        elif name == "years":
            low = draw(st.integers(1990, 2030))
            filters[name] = (low, low + draw(st.integers(0, 20)))
        elif name == "confidence":
            filters[name] = frozenset(
                draw(st.sets(st.sampled_from(list(dm.Confidence)), min_size=1))
            )
    return market, filters


@pytest.mark.slow
@PROPERTY
@given(market_and_cooperation_filters(), st.randoms(use_true_random=False))
def test_every_cooperation_query_agrees_with_a_brute_force_scan(
    drawn: tuple[dm.Market, dict[str, Any]], rng: Any
) -> None:
    """cooperation(...) returns exactly what a scan testing each filter finds, in any order."""
    market, filters = drawn
    tests = [brute_force_cooperation(name, value) for name, value in filters.items()]
    expected = tuple(c for c in market.cooperation if all(test(c) for test in tests))
    assert market.cooperation(**filters) == expected
    items = list(filters.items())
    rng.shuffle(items)
    assert market.cooperation(**dict(items)) == expected


def test_a_non_deal_is_reported_before_a_duplicate_id() -> None:
    """A non-deal among the deals is reported even when two deals also share an id."""
    twin = attrs.evolve(DEALS[1], quantity=5)
    records = cast("list[dm.Deal]", ["not a deal", DEALS[1], twin])
    with pytest.raises(dm.ValidationError, match=r"^Market\.deals: 'not a deal' is not a Deal"):
        dm.Market(deals=records, platforms=[TB2], organizations=[BAYKAR])


def test_the_first_offending_deal_gives_the_error() -> None:
    """When two deals break rules, the error is the first deal's, in the order given."""
    other = dm.Platform("Bayraktar TB2", manufacturer=BAYKAR, category=dm.Category.UCAV)
    first = deal(TUR, KAZ, other, 2)
    with pytest.raises(dm.ValidationError, match=r"deals\.platform: 'Bayraktar TB2'"):
        dm.Market(deals=[first, first], platforms=[TB2], organizations=[BAYKAR])
