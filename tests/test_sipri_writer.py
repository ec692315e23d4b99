"""sipri.to_trade_register writes format A; read gives back the same facts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import dronemarket as dm
from dronemarket import sipri
from dronemarket import strategies as dms
from dronemarket.deals import TRANSFERS, Condition, Delivery

EMPTY = dm.Market()


def _years(deal: dm.Deal) -> tuple[int, ...]:
    years: set[int] = set()
    for delivery in deal.deliveries:
        if isinstance(delivery, Delivery):
            if delivery.date is not None:
                years.add(delivery.date.year)
        else:
            years.update(delivery.years)
    return tuple(sorted(years))


def _count(count: dm.Count | None) -> tuple[int | None, bool] | None:
    return None if count is None else (count.central, count.estimate)


def _notes(notes: str) -> str:
    lines = [line for line in notes.split("\n") if not line.startswith("SIPRI: ")]
    return " ".join(line.strip() for line in lines if line.strip()).replace(",", ";").strip()


def project(deal: dm.Deal) -> tuple[object, ...]:
    """Return the facts format A holds: parties, designation, order year, counts, ..."""
    estimated = sipri.ORDER_YEAR_ESTIMATE in deal.notes.split("\n")
    return (
        deal.supplier.party,
        deal.recipient.party,
        dm.market.name_key(deal.platform.name),
        deal.year,
        estimated,
        _count(deal.quantity),
        _count(deal.delivered) if deal.deliveries else None,
        _years(deal),
        deal.condition,
        deal.tiv,
        _notes(deal.notes),
    )


tivs = st.none() | st.builds(
    dm.Tiv,
    per_unit=st.decimals(min_value=0, max_value=1000, places=2) | st.none(),
    order=st.decimals(min_value=0, max_value=10000, places=3),
    delivered=st.decimals(min_value=0, max_value=10000, places=1) | st.none(),
)


def _fit(draw: st.DrawFn, deal: dm.Deal) -> dm.Deal:
    """Give a generated deal a condition and a TIV where it has none, and an order year.

    The strategies may draw no condition or TIV, and mostly no order date;
    a quantity that is a range or a bound becomes unknown. A change that
    breaks a deal's rule is not made.
    """
    first = (
        min(
            (d.date.year if type(d) is Delivery and d.date else getattr(d, "first", 9999))
            for d in deal.deliveries
        )
        if deal.deliveries
        else draw(st.integers(1990, 2030))
    )
    condition = deal.condition or draw(st.sampled_from(list(Condition)))
    tiv = deal.tiv if deal.tiv is not None else draw(tivs)
    ordered = deal.ordered
    if ordered is None and deal.status in TRANSFERS and first != 9999:
        ordered = dm.PartialDate(first)
    quantity = deal.quantity
    if quantity is not None and not quantity.is_exact and quantity.central is None:
        quantity = None
    try:
        return attrs.evolve(deal, condition=condition, tiv=tiv, ordered=ordered, quantity=quantity)
    except dm.ValidationError:
        return attrs.evolve(deal, condition=condition, tiv=tiv)


@st.composite
def sipri_markets(draw: st.DrawFn) -> tuple[dm.Market, list[dm.Deal]]:
    """Draw a generated market fitted to what SIPRI records (see ``_fit``).

    The deals written are those format A holds (``sipri.holds``, a filter, not
    ``assume``, so no example is discarded): transfers with an order year,
    counts that are exact or about a figure, and parties SIPRI's names give back.
    """
    market = draw(dms.markets(max_deals=4, max_production=0, max_cooperation=0))
    deals = [_fit(draw, deal) for deal in market.deals]
    held = [deal for deal in deals if sipri.holds(deal)]
    return dm.Market.of(*held), held


@settings(
    max_examples=25,
    phases=[Phase.explicit, Phase.generate],  # shrinking a market takes minutes; report as found
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)
@given(sipri_markets())
def test_round_trip_gives_back_the_same_facts(drawn: tuple[dm.Market, list[dm.Deal]]) -> None:
    """Every deal written reads back with the same parties, dates, counts, condition, TIV, notes."""
    market, deals = drawn
    result = sipri.read(sipri.to_trade_register(market), known=EMPTY)
    assert result.rejected == ()
    assert sorted(map(repr, map(project, result.market.deals))) == sorted(
        map(repr, map(project, deals))
    )


@st.composite
def sipri_deals(draw: st.DrawFn) -> dm.Deal:
    """Draw a generated transfer (ordered, delivering, delivered) fitted as in ``_fit``."""
    return _fit(draw, draw(dms.deals(status=TRANSFERS)))


@settings(
    max_examples=80,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(sipri_deals())
def test_one_deal_round_trip(deal: dm.Deal) -> None:
    """A deal format A holds reads back with the same facts; one it does not hold is left out."""
    try:
        market = dm.Market.of(deal)
    except dm.ValidationError:  # deals() may give two organizations one name: no market
        return
    result = sipri.read(sipri.to_trade_register(market), known=EMPTY)
    assert result.rejected == ()
    if not sipri.holds(deal):  # a filter, not assume: such a deal is simply not written
        assert result.records == 0
        return
    (back,) = result.market.deals
    assert project(back) == project(deal)


@settings(max_examples=15, deadline=None, database=None)
@given(dms.markets(max_deals=4))
def test_generated_markets_write_what_they_hold(market: dm.Market) -> None:
    """A generated market writes one row per deal format A holds, and reads back without rejects."""
    result = sipri.read(sipri.to_trade_register(market), known=EMPTY)
    assert result.records == sum(sipri.holds(deal) for deal in market.deals)
    assert result.rejected == ()


def test_header_metadata_and_stamp() -> None:
    """The register has SIPRI's 11 metadata lines, its header, and the stamp given."""
    text = sipri.to_trade_register(EMPTY, generated=dt.datetime(2026, 2, 3, 21, 5, 7))  # noqa: DTZ001 - SIPRI's stamps are naive
    lines = text.splitlines()
    assert lines[10] == "Data generated: 3 Feb 2026 9:05:07 PM"
    assert lines[11].startswith("Recipient,Supplier,Year of order, ,Number ordered")
    assert sipri.read(text).generated == dt.datetime(2026, 2, 3, 21, 5, 7)  # noqa: DTZ001


def test_parties_use_suffixes_and_no_commas() -> None:
    """Armed groups get *, organisations **, unknown parties SIPRI's words; commas become ;."""
    row = (
        "Houthi rebels (Yemen)*,unknown supplier(s),2019,?,,,Buzz-1,one-way attack drone,"
        "40,?,2019; 2020,New,seen in 2020; 2021,0.02,0,0.8"
    )
    header = sipri.to_trade_register(EMPTY).splitlines()[11]
    result = sipri.read(f"{header}\n{row}\n", known=EMPTY)
    deal = attrs.evolve(result.market.deals[0], notes="seen in 2020, 2021", id="x-1")
    text = sipri.to_trade_register(dm.Market.of(deal))
    written = text.splitlines()[12]
    assert written.startswith("Houthi rebels (Yemen)*,unknown supplier(s),2019,,")
    assert written.count(",") == 15
    assert "seen in 2020; 2021" in written
    nato = attrs.evolve(deal, recipient=dm.Recipient(dm.parties.Multinational("NATO")), id="x-2")
    assert sipri.to_trade_register(dm.Market.of(nato)).splitlines()[12].startswith("NATO**,")


def test_every_sipri_spelling_reads_back_as_its_state() -> None:
    """Each of SIPRI's spellings in the table names the state it is listed for."""
    for code, spelling in sipri._names.SPELLINGS.items():
        assert sipri._names.party(spelling) == dm.Country(code)
        assert sipri.name_of(dm.Country(code)) == spelling


def test_states_are_written_under_sipri_spellings() -> None:
    """The writer names states as SIPRI does: Turkiye, Viet Nam, DR Congo, not ISO's names."""
    row = "Viet Nam,Turkiye,2021,,4,,Falcon-7,armed drone,4,,2022,New,,1.5,6,6"
    header = sipri.to_trade_register(EMPTY).splitlines()[11]
    result = sipri.read(f"{header}\n{row}\n", known=EMPTY)
    deal = result.market.deals[0]
    congo = attrs.evolve(deal, recipient=dm.Recipient(dm.Country("COD")), id="x-3")
    lines = sipri.to_trade_register(dm.Market.of(deal, congo)).splitlines()[12:]
    assert sorted(line.split(",")[:2] for line in lines) == [
        ["DR Congo", "Turkiye"],
        ["Viet Nam", "Turkiye"],
    ]
    assert sipri.name_of(dm.Country("USA")) == "United States"


def test_deals_format_a_cannot_hold_are_left_out() -> None:
    """A deal with no condition or no order year is not written, and holds() says so."""
    (deal,) = dm.catalog.market().deals(platform="Bayraktar TB2")[:1]
    assert not sipri.holds(attrs.evolve(deal, condition=None))
    assert Decimal(1) == Decimal(1)
