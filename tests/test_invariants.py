"""Property-based tests of the core types' invariants, on `dronemarket.strategies` data.

Units convert and come back; equality and hashing ignore the unit spelling;
the cross-field rules of specs, counts, deals and production hold whatever the
figures; dates order totally and agree with containment; and ``attrs.evolve``
checks every rule again.
"""

from __future__ import annotations

import math

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import dronemarket as dm
from dronemarket import strategies as dst
from dronemarket.units import Dimension, quantity, si_magnitude

# Platforms without specs: deals and production drawn on them are cheap to make.
BARE_PLATFORMS = dst.platforms(specs=st.just(dm.Specs()), lineage=False)
DEALS = dst.deals(platforms=BARE_PLATFORMS)
DELIVERED = dst.deals(platforms=BARE_PLATFORMS, status=[dm.DealStatus.DELIVERED])

# (smaller, larger): the smaller spec may never exceed the larger one.
ORDERED_PAIRS = [
    ("payload", "mtow"),
    ("empty_mass", "mtow"),
    ("warhead", "payload"),
    ("warhead", "mtow"),
    ("cruise_speed", "max_speed"),
    ("combat_radius", "range"),
]

# --- units ---------------------------------------------------------------------------------------


@st.composite
def quantity_and_unit(draw: st.DrawFn) -> tuple[dm.Quantity, str]:
    """Draw a quantity of any dimension and another unit of that dimension."""
    dimension = draw(st.sampled_from(Dimension))
    return draw(dst.quantities(dimension)), draw(st.sampled_from(dst.DRAWN_UNITS[dimension]))


@given(quantity_and_unit())
def test_unit_conversion_round_trips(drawn: tuple[dm.Quantity, str]) -> None:
    """Converting a quantity to another unit and back gives the same magnitude."""
    value, unit = drawn
    back = value.to(unit).to(value.units)
    assert math.isclose(back.magnitude, value.magnitude, rel_tol=1e-12)


@given(quantity_and_unit())
def test_a_converted_quantity_keeps_its_si_value_and_new_unit(
    drawn: tuple[dm.Quantity, str],
) -> None:
    """A converted quantity is accepted as is, in its new unit, with the same SI value."""
    value, unit = drawn
    converted = quantity(value.to(unit), None)
    assert converted.units == value.to(unit).units
    assert math.isclose(si_magnitude(converted), si_magnitude(value), rel_tol=1e-12)


def respelled(specs: dm.Specs, choice: st.DataObject) -> dm.Specs:
    """Return `specs` with every reported value converted to another unit of its kind."""
    values: dict[str, dm.Figure] = {}
    for name, figure in specs.figures().items():
        reports = []
        for report in figure:
            unit = choice.draw(st.sampled_from(dst.DRAWN_UNITS[figure.dimension]))
            reports.append(attrs.evolve(report, value=report.value.to(unit)))
        values[name] = dm.Figure(tuple(reports))
    return dm.Specs(**values)


@pytest.mark.slow
@given(dst.specs(max_reports=3), st.data())
def test_specs_in_other_units_are_equal_and_hash_equal(
    specs: dm.Specs, choice: st.DataObject
) -> None:
    """Specs built from the same values in other units are equal, and hash equal."""
    other = respelled(specs, choice)
    assert other == specs
    assert hash(other) == hash(specs)


@given(dst.quantities("wingspan"), st.sampled_from(["m", "cm", "ft", "km", "in"]))
def test_a_plain_value_and_its_respelling_are_the_same_spec(value: dm.Quantity, unit: str) -> None:
    """A wingspan given in metres or in inches is the same spec, as a string or a Quantity."""
    converted = value.to(unit)
    spelled = f"{converted.magnitude!r} {unit}"
    assert dm.Specs(wingspan=value) == dm.Specs(wingspan=spelled) == dm.Specs(wingspan=converted)
    assert hash(dm.Specs(wingspan=value)) == hash(dm.Specs(wingspan=spelled))


# --- specs' cross-field rules --------------------------------------------------------------------


@pytest.mark.parametrize(("smaller", "larger"), ORDERED_PAIRS)
@given(data=st.data())
def test_specs_never_accept_a_smaller_spec_above_the_larger(
    smaller: str, larger: str, data: st.DataObject
) -> None:
    """A spec above the one it must not exceed is rejected, in whatever units either comes."""
    top = data.draw(dst.quantities(larger))
    bound = dm.SPEC_FIELDS[smaller].upper
    assume(si_magnitude(top) * 1.001 <= si_magnitude(quantity(bound, None)))
    above = data.draw(dst.quantities(smaller, min_value=top * 1.001))
    with pytest.raises(dm.ValidationError, match=rf"Specs\.{smaller}: "):
        dm.Specs(**{smaller: above, larger: top})


@pytest.mark.parametrize(("smaller", "larger"), ORDERED_PAIRS)
@given(data=st.data())
def test_specs_accept_a_smaller_spec_up_to_the_larger(
    smaller: str, larger: str, data: st.DataObject
) -> None:
    """A spec at most the one it must not exceed, even equal in another unit, is accepted."""
    top = data.draw(dst.quantities(larger))
    bound = dm.SPEC_FIELDS[smaller].upper
    assume(si_magnitude(top) <= si_magnitude(quantity(bound, None)))
    unit = data.draw(st.sampled_from(dst.DRAWN_UNITS[dm.SPEC_FIELDS[smaller].dimension]))
    equal = top.to(unit)
    specs = dm.Specs(**{smaller: equal, larger: top})
    assert specs.figure(smaller) is not None


@given(dst.quantities("mtow", min_value="2 kg"), st.data())
def test_no_reported_payload_may_exceed_every_reported_take_off_mass(
    mtow: dm.Quantity, data: st.DataObject
) -> None:
    """A disputed payload whose largest report tops every take-off mass is rejected."""
    assume(si_magnitude(mtow) * 1.001 <= 20_000)
    low = data.draw(dst.quantities("payload", max_value=mtow))
    high = data.draw(dst.quantities("payload", min_value=mtow * 1.001))
    with pytest.raises(dm.ValidationError, match=r"Specs\.payload: "):
        dm.Specs(mtow=mtow, payload=[low, high])


# --- attrs.evolve checks again -----------------------------------------------------------------


@pytest.mark.slow
@given(DEALS)
def test_evolve_rechecks_a_deal(deal: dm.Deal) -> None:
    """Evolving a deal into one without sources, or with a bad id, is rejected."""
    with pytest.raises(dm.ValidationError):
        attrs.evolve(deal, sources=())
    with pytest.raises(dm.ValidationError):
        attrs.evolve(deal, id="Not An Id")


@given(BARE_PLATFORMS)
def test_evolve_rechecks_a_platform(platform: dm.Platform) -> None:
    """Evolving a platform into one whose alias repeats its name is rejected."""
    with pytest.raises(dm.ValidationError, match="repeats the name"):
        attrs.evolve(platform, aliases={platform.name})


@given(dst.partial_dates(precision="day"))
def test_evolve_rechecks_a_date(date: dm.PartialDate) -> None:
    """Evolving a date onto a 32nd day is rejected."""
    with pytest.raises(dm.ValidationError):
        attrs.evolve(date, day=32)


# --- dates ---------------------------------------------------------------------------------------


@given(dst.partial_dates(), dst.partial_dates(), dst.partial_dates())
def test_date_ordering_is_total_and_transitive(
    a: dm.PartialDate, b: dm.PartialDate, c: dm.PartialDate
) -> None:
    """Exactly one of <, ==, > holds between two dates, and order is transitive."""
    assert [a < b, a == b, a > b].count(True) == 1
    assert (a <= b) == (not a > b)
    assert (a >= b) == (not a < b)
    if a <= b <= c:
        assert a <= c


@given(dst.partial_dates(), dst.partial_dates())
def test_date_ordering_follows_the_earliest_day(a: dm.PartialDate, b: dm.PartialDate) -> None:
    """Dates sort by their earliest day, then less precise first."""
    rank = {"year": 0, "month": 1, "day": 2}
    expected = (a.earliest, rank[a.precision]) < (b.earliest, rank[b.precision])
    assert (a < b) == expected


@given(dst.partial_dates(), dst.partial_dates())
def test_date_ordering_agrees_with_containment(a: dm.PartialDate, b: dm.PartialDate) -> None:
    """A date containing another sorts before or with it; one surely before sorts first."""
    if b in a:
        assert a <= b
        assert a.earliest <= b.earliest
        assert b.latest <= a.latest
    if a.surely_before(b):
        assert a < b
        assert b not in a


@given(dst.partial_dates())
def test_a_date_reads_back_from_its_text(date: dm.PartialDate) -> None:
    """A date's text parses back to an equal date, which it contains."""
    again = dm.PartialDate.parse(str(date))
    assert again == date
    assert again in date


# --- counts --------------------------------------------------------------------------------------


@given(dst.counts())
def test_count_bounds_are_ordered(count: dm.Count) -> None:
    """A count's known figures are ordered low <= central <= high."""
    known = [figure for figure in count.bounds() if figure is not None]
    assert known == sorted(known)
    assert count.is_exact == (not count.estimate)


@given(st.integers(2, 1000), st.integers(1, 999))
def test_a_count_with_low_above_high_is_rejected(low: int, high: int) -> None:
    """A range whose low figure is above its high one is rejected."""
    assume(low > high)
    with pytest.raises(dm.ValidationError, match="is less than low"):
        dm.Count(low, None, high, estimate=True)


@given(dst.counts(), dst.counts())
def test_adding_counts_keeps_bounds_ordered(a: dm.Count, b: dm.Count) -> None:
    """The sum of two counts is a valid count, exact only when both are."""
    total = a + b
    assert total.is_exact == (a.is_exact and b.is_exact)
    if a.is_exact and b.is_exact:
        assert total.central == (a.central or 0) + (b.central or 0)


# --- deals ---------------------------------------------------------------------------------------


@given(DELIVERED, st.integers(1, 500), st.integers(1, 500))
def test_deliveries_never_exceed_an_exact_quantity(
    deal: dm.Deal, ordered: int, delivered: int
) -> None:
    """Delivering more than an exact quantity ordered is rejected; up to it is accepted."""

    def change() -> dm.Deal:
        return attrs.evolve(
            deal, quantity=ordered, deliveries=[dm.Delivery(None, delivered)], ordered=None
        )

    if delivered > ordered:
        with pytest.raises(dm.ValidationError, match="exceeds the quantity ordered"):
            change()
    else:
        assert change().delivered == dm.Count.exact(delivered)


@given(DELIVERED, dst.partial_dates(), dst.partial_dates())
def test_no_delivery_is_surely_before_the_order(
    deal: dm.Deal, ordered: dm.PartialDate, delivered: dm.PartialDate
) -> None:
    """A delivery dated surely before the order is rejected; any other date is accepted."""

    def change() -> dm.Deal:
        return attrs.evolve(deal, ordered=ordered, deliveries=[dm.Delivery(delivered)])

    if delivered.surely_before(ordered):
        with pytest.raises(dm.ValidationError, match="before the order"):
            change()
    else:
        assert change().ordered == ordered


@given(DEALS, dst.countries())
def test_supplier_and_recipient_countries_differ(deal: dm.Deal, country: dm.Country) -> None:
    """A deal whose recipient is in the supplier's country is rejected."""
    supplier = dm.Supplier(country)
    with pytest.raises(dm.ValidationError, match="supplier's country"):
        attrs.evolve(deal, supplier=supplier, recipient=dm.Recipient(country))


@given(DEALS)
def test_generated_deals_keep_their_rules(deal: dm.Deal) -> None:
    """A generated deal delivers no more than an exact quantity, and never before the order."""
    total = deal.delivered
    if total is not None and total.is_exact and deal.quantity and deal.quantity.is_exact:
        assert (total.central or 0) <= (deal.quantity.central or 0)
    for delivery in deal.deliveries:
        date = delivery.start if isinstance(delivery, dm.DeliverySpan) else delivery.date
        if date is not None and deal.ordered is not None:
            assert not date.surely_before(deal.ordered)
    assert deal.supplier.party is None or deal.supplier.party != deal.recipient.party


# --- production ----------------------------------------------------------------------------------


PRODUCING = dst.licensed_production(
    platforms=BARE_PLATFORMS, status=[dm.ProductionStatus.PRODUCING]
)


@pytest.mark.slow
@given(PRODUCING, st.integers(1, 500), st.integers(1, 500))
def test_production_never_exceeds_an_exact_plan(
    record: dm.LicensedProduction, planned: int, produced: int
) -> None:
    """Producing more than an exact planned count is rejected; up to it is accepted."""

    def change() -> dm.LicensedProduction:
        return attrs.evolve(record, planned=planned, produced=produced)

    if produced > planned:
        with pytest.raises(dm.ValidationError, match="exceeds the planned count"):
            change()
    else:
        assert change().produced == dm.Count.exact(produced)


@given(dst.licensed_production(platforms=BARE_PLATFORMS, licensors=dst.suppliers(known=True)))
def test_production_is_hosted_abroad(record: dm.LicensedProduction) -> None:
    """A production record hosted in its licensor's own country is rejected."""
    home = record.licensor.country
    assert home is not None
    with pytest.raises(dm.ValidationError, match="licensor's country"):
        attrs.evolve(record, host=home)
