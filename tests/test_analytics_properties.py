"""Property tests of the analytics on generated markets (unknown, estimated and spread figures).

Every analytic agrees with a brute-force computation from the deals and
:meth:`Count.figures <dronemarket.Count.figures>`; the row export adds up to
the share and timeline totals; coverage adds up; the HHI lies in [1/n, 1];
the transfer-only defaults never count a non-transfer.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dronemarket as dm
from dronemarket import strategies as dst
from dronemarket.deals import TRANSFERS

PROPERTY = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
MARKETS = dst.markets(max_deals=10, max_production=0, max_sanctions=0, max_cooperation=0)
STATUSES = st.sampled_from([None, list(TRANSFERS), ["interest", "cancelled"], "delivered"])

pytestmark = pytest.mark.slow


def unit_figures(deal: dm.Deal) -> tuple[int, int, int | None, bool] | None:
    """Return the units a deal counts, the obvious way: quantity, else every delivery's count."""
    if deal.quantity is not None:
        return (*deal.quantity.figures(), deal.quantity.estimate)
    counts = [delivery.count for delivery in deal.deliveries]
    known = [count for count in counts if count is not None]
    if not counts or len(known) < len(counts):
        return None
    total = known[0]
    for count in known[1:]:
        total += count  # Count addition: the same rule
    return (*total.figures(), total.estimate)


def chosen(market: dm.Market, status: Any) -> tuple[dm.Deal, ...]:
    """Return the deals an analytic counts: transfers unless a status is given."""
    if status == "default":
        return tuple(d for d in market.deals if d.status in TRANSFERS)
    return market.deals(status=status)


def status_filter(status: Any) -> dict[str, Any]:
    """Return the status= keyword for `status` ("default": none)."""
    return {} if status == "default" else {"status": status}


@PROPERTY
@given(MARKETS, st.one_of(st.just("default"), STATUSES))
def test_unit_shares_agree_with_a_brute_force_sum(market: dm.Market, status: Any) -> None:
    """Each supplier's unit tally is the sum of its deals' figures, unknowns apart."""
    shares = market.share(**status_filter(status))
    expected: dict[Any, list[Any]] = defaultdict(list)
    for deal in chosen(market, status):
        expected[deal.supplier.party].append(unit_figures(deal))
    assert {item.key for item in shares} == set(expected)
    for item in shares:
        found = [f for f in expected[item.key] if f is not None]
        tally = item.tally
        assert (tally.counted, tally.unknown) == (len(found), len(expected[item.key]) - len(found))
        assert tally.estimated == sum(f[3] for f in found)
        if found:
            assert tally.low == sum(f[0] for f in found)
            assert tally.central == sum(f[1] for f in found)
            highs = [f[2] for f in found]
            assert tally.high == (None if None in highs else sum(highs))
        else:
            assert (tally.low, tally.central, tally.high) == (None, None, None)
            assert item.share is None


@PROPERTY
@given(MARKETS, st.one_of(st.just("default"), STATUSES))
def test_row_export_adds_up_to_the_share_and_timeline_totals(
    market: dm.Market, status: Any
) -> None:
    """The rows' unit columns add up to the share total; quantities to the timeline's orders."""
    rows = market.to_records(**{"status": TRANSFERS, **status_filter(status)})
    total = market.share(**status_filter(status)).total
    known = [row for row in rows if row["units"] is not None]
    assert total.counted == len(known)
    assert total.unknown == len(rows) - len(known)
    if known:
        assert total.central == sum(cast("int", row["units"]) for row in known)
        assert total.low == sum(cast("int", row["units_low"]) for row in known)
        highs = [cast("int | None", row["units_high"]) for row in known]
        assert total.high == (None if None in highs else sum(cast("list[int]", highs)))
    ordered_rows = [row for row in rows if row["ordered"] is not None]
    timeline = market.timeline(**status_filter(status))
    ordered = [year.ordered for year in timeline]
    assert sum(t.records for t in ordered) == len(ordered_rows)
    quantities = [cast("int", row["quantity"]) for row in ordered_rows if row["quantity"]]
    assert sum(t.central or 0 for t in ordered) == sum(quantities)


@PROPERTY
@given(MARKETS)
def test_timeline_deliveries_add_up_to_each_deals_dated_deliveries(market: dm.Market) -> None:
    """Delivered units over the years equal the dated deliveries' figures; spans are kept whole."""
    expected = 0
    for deal in market.deals:
        if deal.status not in TRANSFERS:
            continue
        for delivery in deal.deliveries:
            dated = isinstance(delivery, dm.DeliverySpan) or delivery.date is not None
            if dated and delivery.count is not None:
                expected += delivery.count.figures()[1]
    found = sum(year.delivered.central or 0 for year in market.timeline())
    assert found == expected


@PROPERTY
@given(MARKETS, st.sampled_from(["supplier", "recipient", "platform", "category"]))
def test_coverage_adds_up(market: dm.Market, by: Any) -> None:
    """Counted and unknown records of the shares add up to the total's; coverage is their ratio."""
    shares = market.share(by=by, status=None)
    assert sum(item.tally.counted for item in shares) == shares.total.counted
    assert sum(item.tally.unknown for item in shares) == shares.total.unknown
    assert shares.total.records == len(market.deals)
    if shares.total.records:
        assert shares.coverage == shares.total.counted / shares.total.records
    else:
        assert shares.coverage is None
    for edge in market.network(status=None):
        assert edge.coverage == edge.units.counted / edge.units.records


@PROPERTY
@given(MARKETS, st.sampled_from(["units", "deals", "tiv"]))
def test_hhi_lies_between_one_over_n_and_one_over_known_suppliers(
    market: dm.Market, measure: Any
) -> None:
    """The HHI over n suppliers with a known figure lies in [1/n, 1]; None when n is 0."""
    recipients = {d.recipient.party for d in market.deals}
    for recipient in recipients:
        if recipient is None:
            continue
        found = market.concentration(recipient, measure=measure, status=None)
        n = found.suppliers
        if found.hhi is None or n == 0:
            assert found.hhi is None or found.hhi == 0
            continue
        assert 1 / n - 1e-9 <= found.hhi <= 1 + 1e-9


@PROPERTY
@given(MARKETS)
def test_transfer_only_defaults_never_count_a_non_transfer(market: dm.Market) -> None:
    """Without status=, share, network, timeline and trend see transfers only."""
    transfers = [d for d in market.deals if d.status in TRANSFERS]
    assert market.share(measure="deals").total.records == len(transfers)
    linked = [d for d in transfers if d.supplier.party and d.recipient.party]
    assert sum(edge.deals for edge in market.network()) == len(linked)
    ordered = [d for d in transfers if d.ordered is not None]
    assert sum(year.ordered.records for year in market.timeline(measure="deals")) == len(ordered)
    for year in market.timeline(measure="deals"):
        assert year.ordered.central in {year.ordered.records, None} or not year.ordered.records
