"""Markets with every kind of party: selection by party and kind, TIV shares, regions, spans."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

import dronemarket as dm
from dronemarket import regions

IRN, YEM, TUR, RUS = dm.Country("IRN"), dm.Country("YEM"), dm.Country("TUR"), dm.Country("RUS")
SUN, UKR = dm.Country("SUN"), dm.Country("UKR")
HOUTHIS = dm.ArmedGroup("Houthi rebels", base=YEM)
HEZBOLLAH = dm.ArmedGroup("Hezbollah", base=dm.Country("LBN"))
NATO = dm.Multinational("NATO")
KOSOVO = dm.Territory("Kosovo")
BIAFRA = dm.Territory("Biafra", former=True)
NEWS = dm.Source("A register of transfers", publisher="SIPRI")
HESA = dm.Organization("HESA", country=IRN, kind=dm.OrgKind.MANUFACTURER)
BAYKAR = dm.Organization("Baykar", country=TUR, kind=dm.OrgKind.MANUFACTURER)
ABABIL = dm.Platform("Ababil-2", manufacturer=HESA, category=dm.Category.TACTICAL)
TB2 = dm.Platform("Bayraktar TB2", manufacturer=BAYKAR, category=dm.Category.MALE)


def deal(
    supplier: dm.Party | None, recipient: dm.Party | None, tiv: str | None, **extra: Any
) -> dm.Deal:
    """Return an ordered deal of 4 Ababil-2 between two parties, with a delivered TIV."""
    arguments: dict[str, Any] = {
        "supplier": dm.Supplier(supplier),
        "recipient": dm.Recipient(recipient),
        "platform": ABABIL,
        "status": dm.DealStatus.ORDERED,
        "ordered": dm.PartialDate(2020),
        "quantity": 4,
        "tiv": None if tiv is None else dm.Tiv(per_unit="0.1", delivered=tiv),
        "sources": [NEWS],
    }
    arguments.update(extra)
    return dm.Deal(**arguments)


TO_HOUTHIS = deal(IRN, HOUTHIS, "0.1")
TO_YEMEN = deal(IRN, YEM, "0.2")
TO_HEZBOLLAH = deal(IRN, HEZBOLLAH, None)
FROM_NATO = deal(NATO, UKR, "1.05", platform=TB2)
TO_KOSOVO = deal(TUR, KOSOVO, "0.70", platform=TB2)
FROM_SOVIETS = deal(SUN, BIAFRA, "0.05", ordered=dm.PartialDate(1968))
UNKNOWN = deal(None, YEM, "3")
MARKET = dm.Market.of(
    TO_HOUTHIS, TO_YEMEN, TO_HEZBOLLAH, FROM_NATO, TO_KOSOVO, FROM_SOVIETS, UNKNOWN
)


def test_a_country_code_never_selects_a_group_based_there() -> None:
    """deals(recipient="YEM") gives the deals to Yemen, never those to the Houthis in Yemen."""
    assert set(MARKET.deals(recipient="YEM")) == {TO_YEMEN, UNKNOWN}
    assert set(MARKET.deals(recipient=YEM)) == {TO_YEMEN, UNKNOWN}


@pytest.mark.parametrize(
    "chosen", [HOUTHIS, "Houthi rebels (Yemen)*", "Houthi rebels", "houthi rebels (yemen)"]
)
def test_an_armed_group_is_selected_by_object_or_name(chosen: object) -> None:
    """A group is selected by itself, SIPRI's starred name, or its name as the market holds it."""
    assert MARKET.deals(recipient=chosen) == (TO_HOUTHIS,)  # type: ignore[arg-type]


def test_parties_of_every_kind_are_selected_by_sipri_names_and_lists() -> None:
    """NATO**, a territory's name, a former state's name and lists of mixed parties all select."""
    assert MARKET.deals(supplier="NATO**") == (FROM_NATO,)
    assert MARKET.deals(supplier=NATO) == (FROM_NATO,)
    assert MARKET.deals(recipient="Kosovo") == (TO_KOSOVO,)
    assert MARKET.deals(supplier="Soviet Union") == (FROM_SOVIETS,)
    assert MARKET.deals(recipient="Biafra") == (FROM_SOVIETS,)
    mixed = MARKET.deals(recipient=[HOUTHIS, "Hezbollah (Lebanon)*", "YEM"])
    assert set(mixed) == {TO_HOUTHIS, TO_HEZBOLLAH, TO_YEMEN, UNKNOWN}


def test_a_party_nobody_holds_selects_nothing() -> None:
    """A well-formed party the market does not hold selects no deal, as a country does."""
    assert MARKET.deals(recipient="Hamas (Palestine)*") == ()
    assert MARKET.deals(supplier=dm.Multinational("African Union")) == ()


def test_an_unknown_name_is_not_found_with_suggestions() -> None:
    """A name that is no party is a NotFoundError suggesting close names."""
    with pytest.raises(dm.NotFoundError, match="Houthi rebels"):
        MARKET.deals(recipient="Houthi rebelz")


def test_a_party_of_the_wrong_type_is_rejected() -> None:
    """A number given as a party is a ValidationError naming the filter."""
    with pytest.raises(dm.ValidationError, match="recipient"):
        MARKET.deals(recipient=5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("armed group", {TO_HOUTHIS, TO_HEZBOLLAH}),
        (dm.PartyKind.ARMED_GROUP, {TO_HOUTHIS, TO_HEZBOLLAH}),
        ("territory", {TO_KOSOVO}),
        ("former state", {FROM_SOVIETS}),
        ("state", {TO_YEMEN, FROM_NATO, UNKNOWN}),
        (["territory", "FORMER_STATE"], {TO_KOSOVO, FROM_SOVIETS}),
    ],
)
def test_recipients_are_selected_by_kind(kind: Any, expected: set[dm.Deal]) -> None:
    """recipient_kind= takes a PartyKind, its value or its name, or several."""
    assert set(MARKET.deals(recipient_kind=kind)) == expected


def test_suppliers_are_selected_by_kind() -> None:
    """supplier_kind= selects multinational and former-state suppliers; unknown is no kind."""
    assert MARKET.deals(supplier_kind="multinational") == (FROM_NATO,)
    assert MARKET.deals(supplier_kind="former state") == (FROM_SOVIETS,)
    assert UNKNOWN not in MARKET.deals(supplier_kind=list(dm.PartyKind))


def test_a_bad_kind_is_rejected() -> None:
    """A kind that is not a PartyKind is a ValidationError listing the kinds."""
    with pytest.raises(dm.ValidationError, match="'armed group'"):
        MARKET.deals(recipient_kind="rebels")


def test_kind_and_party_filters_combine() -> None:
    """A kind filter and a party filter together keep the deals that pass both."""
    assert MARKET.deals(supplier="IRN", recipient_kind="armed group", recipient=HOUTHIS) == (
        TO_HOUTHIS,
    )


def test_tiv_share_sums_delivered_tiv_exactly() -> None:
    """share(measure="tiv") adds tiv.delivered as Decimals, to the last decimal."""
    shares = MARKET.share(by="supplier", measure="tiv")
    iran = shares["IRN"]
    assert iran.tally.central == Decimal("0.3")
    assert shares["NATO"].tally.central == Decimal("1.05")
    assert shares.total.central == Decimal("0.1") + Decimal("0.2") + Decimal("1.05") + Decimal(
        "0.70"
    ) + Decimal("0.05") + Decimal(3)
    assert shares.measure == "tiv"


def test_deals_without_tiv_are_unknown_not_zero() -> None:
    """A deal with no TIV is tallied as unknown, apart from the counted ones."""
    iran = MARKET.share(by="supplier", measure="tiv")["IRN"]
    assert (iran.tally.counted, iran.tally.unknown) == (2, 1)


def test_a_tiv_with_no_delivered_figure_is_unknown() -> None:
    """A Tiv that gives only the order's figure leaves the delivered TIV unknown."""
    ordered_only = attrs.evolve(deal(TUR, YEM, None), tiv=dm.Tiv(order="2.4"))
    shares = dm.Market.of(ordered_only).share(measure="tiv")
    assert (shares.total.counted, shares.total.unknown) == (0, 1)


def test_shares_key_non_country_parties_by_themselves() -> None:
    """A share by recipient keys an armed group by the group, named as SIPRI brackets it."""
    shares = MARKET.share(by="recipient", measure="deals")
    houthis = shares["Houthi rebels (Yemen)"]
    assert houthis.key == HOUTHIS
    assert shares["YEM"].tally.counted == 2
    assert shares[KOSOVO].name == "Kosovo"


def test_a_region_never_counts_a_group_based_in_it() -> None:
    """region= of the Middle East selects deals to Yemen but not to the Houthis or Hezbollah."""
    chosen = set(MARKET.deals(region=regions.MIDDLE_EAST))
    assert TO_YEMEN in chosen
    assert TO_HOUTHIS not in chosen
    assert TO_HEZBOLLAH not in chosen


def test_a_former_state_is_in_no_built_in_region() -> None:
    """The Soviet Union is in no built-in region; a region listing it selects its deals."""
    assert all(SUN not in region for region in regions.ALL)
    bloc = regions.Region("Eastern Bloc", ["SUN", "DDR"])
    assert MARKET.deals(supplier="SUN", region=["BIH"]) == ()
    assert SUN in bloc


def test_a_region_refuses_a_non_country_member() -> None:
    """A region's members are countries: a territory is refused with the rule."""
    with pytest.raises(dm.ValidationError, match="a region's members are countries"):
        regions.Region("Balkans", [KOSOVO])  # type: ignore[list-item]


def test_records_name_every_party() -> None:
    """to_records gives a country's code, and every party's name; a group has no code."""
    rows = {row["id"]: row for row in MARKET.to_records()}
    row = rows[TO_HOUTHIS.id]
    assert row["recipient"] is None
    assert row["recipient_name"] == "Houthi rebels (Yemen)"
    assert row["tiv_delivered"] == pytest.approx(0.1)
    assert rows[TO_YEMEN.id]["recipient"] == "YEM"


def test_timeline_spreads_a_span_over_its_years_as_estimates() -> None:
    """A span's units are spread evenly over its years (earlier first), never all in the first."""
    spread = deal(
        TUR,
        YEM,
        None,
        status=dm.DealStatus.DELIVERED,
        deliveries=[
            dm.Delivery(dm.PartialDate(2020, 5), 1),
            dm.DeliverySpan((2021, 2022), count=3),
        ],
    )
    years = {year.year: year for year in dm.Market.of(spread).timeline()}
    assert set(years) == {2020, 2021, 2022}
    assert years[2020].delivered.central == 1
    assert (years[2021].delivered.central, years[2022].delivered.central) == (2, 1)
    assert years[2021].delivered.estimated == years[2022].delivered.estimated == 1


def test_units_count_a_span_whole() -> None:
    """A deal with no quantity counts its span's total as its units delivered."""
    spread = deal(
        TUR,
        YEM,
        None,
        quantity=None,
        status=dm.DealStatus.DELIVERED,
        deliveries=[dm.DeliverySpan((2021, 2022), count=3)],
    )
    assert dm.Market.of(spread).share(measure="units").total.central == 3


def test_the_network_links_every_kind_of_party() -> None:
    """The network links groups, territories and multinationals as parties of their own."""
    edges = {(edge.supplier, edge.recipient) for edge in MARKET.network(status=None)}
    assert (IRN, YEM) in edges
    kinds = {type(party) for edge in edges for party in edge}
    assert {dm.ArmedGroup, dm.Multinational, dm.Territory} <= kinds
