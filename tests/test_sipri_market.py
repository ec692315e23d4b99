"""dronemarket.sipri.read builds a market: deals, platforms, licensed production, known names."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import dronemarket as dm
from dronemarket import sipri
from dronemarket.deals import Condition, DeliverySpan
from dronemarket.sipri._formats import HEADER_A

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sipri"
EMPTY = dm.Market()


def register(*rows: str) -> str:
    """Return a format A export of `rows` (invented records), with SIPRI's header."""
    return "\n".join((HEADER_A, *rows)) + "\n"


def one(row: str, *, known: dm.Market = EMPTY) -> dm.Deal:
    """Return the one deal read from `row`."""
    result = sipri.read(register(row), known=known)
    assert result.rejected == ()
    (deal,) = result.market.deals
    return deal


def test_invariant_on_the_fixtures() -> None:
    """Deals plus rejected plus skipped is the number of records, in every fixture."""
    for name in ("register.csv", "deliveries-excel.csv", "web.json"):
        for drones in (False, True):
            result = sipri.read((FIXTURES / name).read_bytes(), drones_only=drones, known=EMPTY)
            total = len(result.market.deals) + len(result.rejected) + result.skipped
            assert total == result.records
            assert len(result.market.deals) == len(set(result.market.deals))


def test_one_deal_per_record_with_every_column() -> None:
    """A record's parties, platform, dates, counts, condition, TIV and comments reach its deal."""
    deal = one(
        "Portugal,Turkiye,2021,?,4,?,Falcon-7,armed drone,3,?,2022; 2023,Second hand,"
        "incl 2 for training,1.5,6,4.5"
    )
    assert deal.supplier.party == dm.Country("TUR")
    assert deal.recipient.party == dm.Country("PRT")
    assert deal.platform.name == "Falcon-7"
    assert deal.platform.roles == frozenset({dm.Role.STRIKE})
    assert deal.platform.category is None
    assert deal.platform.manufacturer is None
    assert deal.ordered == dm.PartialDate(2021)
    assert deal.quantity == dm.Count.about(4)
    assert deal.deliveries == (DeliverySpan((2022, 2023), count=dm.Count.about(3)),)
    assert deal.status is dm.DealStatus.DELIVERING
    assert deal.condition is Condition.SECOND_HAND
    assert deal.tiv == dm.Tiv(per_unit="1.5", order="6", delivered="4.5")
    assert deal.notes.splitlines() == [
        "incl 2 for training",
        "SIPRI: weapon description: armed drone",
        sipri.ORDER_YEAR_ESTIMATE,
    ]
    assert deal.id.startswith("sipri-a-")
    assert [source.title for source in deal.sources] == ["SIPRI Arms Transfers Database"]


def test_one_year_is_one_delivery_and_empty_ordered_is_unknown() -> None:
    """One delivery year is a Delivery; an empty number ordered is None, and decides nothing."""
    deal = one("Chile,Spain,2019,,,,Sky Lance,loitering munition,3,,2020,New,,0.5,0,1.5")
    assert deal.quantity is None
    assert deal.deliveries == (dm.Delivery(dm.PartialDate(2020), 3),)
    assert deal.status is dm.DealStatus.DELIVERING
    assert deal.platform.category is dm.Category.LOITERING_MUNITION


def test_nothing_delivered_is_ordered() -> None:
    """Nothing delivered makes an ORDERED deal with no deliveries."""
    deal = one("Ghana,China,2024,,3,,Sparrow-2,reconnaissance drone,0,,,New,,2.2,6.6,0")
    assert deal.status is dm.DealStatus.ORDERED
    assert deal.deliveries == ()
    assert deal.platform.roles == frozenset({dm.Role.ISR})


def test_all_delivered_is_delivered() -> None:
    """Everything delivered makes a DELIVERED deal."""
    deal = one("Ghana,China,2020,,3,,Sparrow-2,UAV,3,,2021,New,,2.2,6.6,6.6")
    assert deal.status is dm.DealStatus.DELIVERED
    assert deal.platform.roles == frozenset()  # "UAV" says no role


def test_ids_are_stable_and_unique() -> None:
    """The same record gets the same id in two reads; a repeated record gets a suffix."""
    row = "Ghana,China,2020,,3,,Sparrow-2,UAV,3,,2021,New,,2.2,6.6,6.6"
    first = sipri.read(register(row, row), known=EMPTY)
    second = sipri.read(register(row), known=EMPTY)
    ids = [deal.id for deal in first.market.deals]
    assert ids[0] == second.market.deals[0].id
    assert ids[1] == f"{ids[0]}-2"


def test_format_b_ids_and_per_year_deliveries() -> None:
    """Format B's deal gets SIPRI's id and one delivery per year with its count and flag."""
    result = sipri.read((FIXTURES / "deliveries-excel.csv").read_bytes(), known=EMPTY)
    for deal in result.market.deals:
        assert deal.id.startswith("sipri-")
        assert deal.id.removeprefix("sipri-").isdigit()
        assert all(type(d) is dm.Delivery for d in deal.deliveries)


def test_more_delivered_than_ordered_is_rejected_with_the_rule() -> None:
    """A record delivering more than its exact number ordered is rejected, naming the rule."""
    result = sipri.read(
        register("Ghana,China,2020,,3,,Sparrow-2,UAV,5,,2021,New,,2.2,6.6,11"), known=EMPTY
    )
    assert result.market.deals == ()
    (rejected,) = result.rejected
    assert "exceeds the quantity ordered" in rejected.reason
    assert result.records == 1


def test_delivery_before_an_unflagged_order_is_rejected() -> None:
    """A delivery before an order year SIPRI does not flag is rejected with the rule."""
    result = sipri.read(
        register("Ghana,China,2020,,3,,Sparrow-2,UAV,3,,2019,New,,2.2,6.6,6.6"), known=EMPTY
    )
    (rejected,) = result.rejected
    assert "has a delivery before the order" in rejected.reason


def test_delivery_before_an_estimated_order_year_loads_without_the_date() -> None:
    """An estimated (?) order year after the first delivery is kept in the notes, not as a date."""
    deal = one("Ghana,China,2020,?,3,,Sparrow-2,UAV,3,,2019,New,,2.2,6.6,6.6")
    assert deal.ordered is None
    assert deal.notes.splitlines()[-1] == f"{sipri.ORDER_AFTER_DELIVERY} 2020"


def test_one_platform_per_designation() -> None:
    """Designations that differ only in spelling are one platform, made once."""
    result = sipri.read(
        register(
            "Ghana,China,2020,,3,,Sparrow-2,UAV,3,,2021,New,,2.2,6.6,6.6",
            "Chile,China,2021,,3,,Sparrow 2,armed drone,3,,2022,New,,2.2,6.6,6.6",
        ),
        known=EMPTY,
    )
    first, second = result.market.deals
    assert first.platform is second.platform
    assert len(result.market.platforms) == 1


def test_known_platform_is_resolved_by_name_key() -> None:
    """SIPRI's "Bayraktar TB-2" is the catalog's Bayraktar TB2, with its specs."""
    catalog = dm.catalog.market()
    deal = one(
        "Portugal,Turkiye,2021,,4,,Bayraktar TB-2,armed drone,4,,2022,New,,2.4,9.6,9.6",
        known=catalog,
    )
    assert deal.platform == catalog.platform("Bayraktar TB2")
    assert deal.platform.specs.mtow is not None


def test_default_known_is_the_catalog_and_merge_has_no_clash() -> None:
    """By default names resolve against the catalog, and the two markets merge."""
    text = (FIXTURES / "register.csv").read_bytes() + (
        b"Ukraine,Turkiye,2019,,6,,Bayraktar TB-2,armed drone,6,,2019,New,,2.4,14.4,14.4\n"
    )
    result = sipri.read(text)
    catalog = dm.catalog.market()
    merged = catalog | result.market
    assert len(merged.deals) == len(catalog.deals) + len(result.market.deals)
    assert merged.platform("Bayraktar TB-2") == catalog.platform("Bayraktar TB2")


def test_known_must_be_a_market() -> None:
    """known= refuses anything but a Market, naming the field."""
    with pytest.raises(dm.ValidationError, match="known"):
        sipri.read(register(), known="catalog")  # type: ignore[arg-type]


def test_licence_comment_makes_production_with_local_alias() -> None:
    """A licence comment makes a LicensedProduction read from it; 'Possibly' lowers confidence."""
    result = sipri.read(
        register(
            "Algeria,China,2022,,10,,Desert Hawk,UAV,10,,2023,New,"
            "Possibly assembled/produced under licence in Algeria as Sahara-9,0.48,4.80,4.80"
        ),
        known=EMPTY,
    )
    (deal,) = result.market.deals
    (production,) = result.market.production
    assert production.platform is deal.platform
    assert production.host == dm.Country("DZA")
    assert production.licensor.party == dm.Country("CHN")
    assert production.confidence is dm.Confidence.UNCONFIRMED
    assert "Read from SIPRI's comment" in production.notes
    assert "Sahara-9" in deal.platform.aliases
    assert result.market.platform("Sahara-9") is deal.platform


def test_local_production_yes_makes_production() -> None:
    """Format B's 'Local production: Yes' makes a production record linked to its deal."""
    result = sipri.read((FIXTURES / "deliveries-excel.csv").read_bytes(), known=EMPTY)
    found = sipri.records((FIXTURES / "deliveries-excel.csv").read_bytes())
    local = [r for r in found if isinstance(r, sipri.SipriRecord) and r.local_production]
    made = [p for p in result.market.production if p.id.endswith("-local")]
    assert len(made) == len([r for r in local if isinstance(r.recipient, dm.Country)])
    for production in made:
        assert "Local production: Yes" in production.notes


def test_disagreement_with_the_known_market_is_noted() -> None:
    """A licence in a host where the known market has another platform says both are kept."""
    catalog = dm.catalog.market()
    result = sipri.read(
        register(
            "Tajikistan,Iran,2020,?,5,?,Ababil-Z,UAV,5,?,2021,New,"
            "Produced under licence in Tajikistan,0.1,0.5,0.5"
        ),
        known=catalog,
    )
    (production,) = result.market.production
    assert "disagree" in production.notes
    assert "Ababil-2" in production.notes
    merged = catalog | result.market
    assert production in merged.production


def test_tiv_totals_are_exact() -> None:
    """The TIV delivered sums exactly as SIPRI wrote it (Decimal, no float)."""
    result = sipri.read(
        register(
            "Ghana,China,2020,,3,,Sparrow-2,UAV,3,,2021,New,,0.1,0.3,0.3",
            "Chile,China,2020,,3,,Sparrow-2,UAV,3,,2021,New,,0.2,0.6,0.6",
        ),
        known=EMPTY,
    )
    total = sum(d.tiv.delivered for d in result.market.deals if d.tiv and d.tiv.delivered)
    assert total == Decimal("0.9")
