"""Analytics over time: the timeline of orders and deliveries, and a supplier's trend.

Orders are placed in their order year; deliveries in their delivery year.
A :class:`~dronemarket.DeliverySpan` (SIPRI's "2022; 2023" with one total)
is spread evenly over its years, in whole units, the earlier years taking
any remainder, and each year's part is marked as an estimate: never all in
its first year, never a split presented as reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final, Literal, cast

from dronemarket.deals import Deal, Delivery, DeliverySpan
from dronemarket.market._results import EMPTY_TALLY, Tally, TrendYear, YearTally
from dronemarket.market._tally import Figures, figures, figures_tally, measure_of, sum_tallies

__all__ = [
    "FLOWS",
    "WINDOW",
    "Flow",
    "delivered_by_year",
    "delivered_in",
    "ordered_in",
    "spread",
    "timeline",
    "trend",
    "undated",
]

WINDOW: Final = 5
"""SIPRI's moving average: five years, the year itself and the four before it."""
Flow = Literal["delivered", "ordered"]
"""What a trend follows."""
FLOWS: Final = ("delivered", "ordered")
"""What a trend follows: deliveries (SIPRI's TIV tables do) or orders."""

Amount = int | Decimal


def spread(total: Amount, parts: int) -> list[Amount]:
    """Return `total` split into `parts` parts that add up to it exactly.

    An int is split in whole units, the earlier parts taking the remainder
    (``spread(8, 3) == [3, 3, 2]``); a Decimal evenly, the last part taking
    what rounding leaves.
    """
    if isinstance(total, int):
        each, rest = divmod(total, parts)
        return [each + (index < rest) for index in range(parts)]
    each_part = total / parts
    return [*([each_part] * (parts - 1)), total - each_part * (parts - 1)]


def _split(found: Figures, parts: int) -> list[Figures]:
    """Return `found` spread over `parts` years, each part an estimate (when parts > 1)."""
    if parts == 1:
        return [found]
    low, central, high, _ = found
    lows, centrals = spread(low, parts), spread(central, parts)
    highs: list[Amount | None] = [None] * parts if high is None else list(spread(high, parts))
    return [cast("Figures", (lows[i], centrals[i], highs[i], True)) for i in range(parts)]


def delivered_units(deal: Deal) -> dict[int, list[Figures | None]]:
    """Return the units of `deal`'s dated deliveries by year, spans spread (see module)."""
    years: dict[int, list[Figures | None]] = defaultdict(list)
    for delivery in deal.deliveries:
        count = delivery.count
        found = None if count is None else (*figures(count), count.estimate)
        if isinstance(delivery, DeliverySpan):
            parts: list[Figures | None] = (
                [None] * len(delivery.years)
                if found is None
                else [*_split(found, len(delivery.years))]
            )
            for year, part in zip(delivery.years, parts, strict=True):
                years[year].append(part)
        elif delivery.date is not None:
            years[delivery.date.year].append(found)
    return years


def delivered_by_year(deal: Deal, amount: Figures) -> dict[int, Figures]:
    """Return `amount` (a deal's TIV or value) placed in its delivery years.

    In proportion to the units delivered each year where every count is
    known (an exact placement when the deliveries are in one year); spread
    evenly over the delivery years otherwise, and then an estimate.
    """
    units = delivered_units(deal)
    years = sorted(units)
    if len(years) <= 1:
        return dict.fromkeys(years, amount)
    weights: list[Amount] = [
        sum((part[1] for part in units[year] if part is not None), 0) for year in years
    ]
    whole = sum(weights)
    if not whole or any(part is None for year in years for part in units[year]):
        return dict(zip(years, _split(amount, len(years)), strict=True))

    def placed(value: Amount | None) -> list[Decimal | None]:
        if value is None:
            return [None] * len(years)
        parts = [Decimal(value) * weight / whole for weight in weights[:-1]]
        return [*parts, Decimal(value) - sum(parts, Decimal(0))]

    low, central, high, estimate = amount
    estimate = estimate or any(part and part[3] for year in years for part in units[year])
    rows = zip(years, placed(low), placed(central), placed(high), strict=True)
    return {year: cast("Figures", (lo, mid, hi, estimate)) for year, lo, mid, hi in rows}


def ordered_in(deal: Deal, measure: str, currency: str | None) -> Figures | None:
    """Return what `deal` counts in its order year: its quantity, 1, its value or its TIV."""
    if measure == "units":
        quantity = deal.quantity
        return None if quantity is None else (*figures(quantity), quantity.estimate)
    if measure == "tiv":
        tiv = deal.tiv
        amount = None if tiv is None else tiv.order
        return None if amount is None else cast("Figures", (amount, amount, amount, False))
    return measure_of(deal, measure, currency)


def delivered_in(deal: Deal, measure: str, currency: str | None) -> dict[int, list[Figures | None]]:
    """Return what `deal` counts in each delivery year, by `measure`."""
    if measure == "units":
        return delivered_units(deal)
    years = delivered_units(deal)
    if measure == "deals":
        return {year: [cast("Figures", (1, 1, 1, False))] for year in years}
    amount = measure_of(deal, measure, currency)
    if amount is None:
        return {year: [None] for year in years}
    return {year: [found] for year, found in delivered_by_year(deal, amount).items()}


def timeline(
    deals: Sequence[Deal],
    measure: str,
    currency: str | None,
    years: tuple[int | None, int | None] = (None, None),
) -> tuple[YearTally, ...]:
    """Return, year by year within `years`, what `deals` ordered against what they delivered."""
    ordered: dict[int, list[Figures | None]] = defaultdict(list)
    delivered: dict[int, list[Figures | None]] = defaultdict(list)
    for deal in deals:
        if deal.ordered is not None:
            ordered[deal.ordered.year].append(ordered_in(deal, measure, currency))
        for year, found in delivered_in(deal, measure, currency).items():
            delivered[year].extend(found)
    low, high = years
    return tuple(
        YearTally(
            year, figures_tally(ordered.get(year, ())), figures_tally(delivered.get(year, ()))
        )
        for year in sorted(ordered.keys() | delivered.keys())
        if (low is None or year >= low) and (high is None or year <= high)
    )


def _flow(year: YearTally, flow: str) -> Tally:
    return year.delivered if flow == "delivered" else year.ordered


def undated(deals: Iterable[Deal], flow: str) -> int:
    """Return how many of `deals` are in no year of `flow`: no order date, or an undated delivery.

    Such a deal is in no year's figures; a trend says how many there are
    instead of letting its coverage look complete.
    """
    if flow == "ordered":
        return len([deal for deal in deals if deal.ordered is None])
    return len(
        [
            deal
            for deal in deals
            if any(isinstance(d, Delivery) and d.date is None for d in deal.deliveries)
        ]
    )


def trend(
    market_years: Iterable[YearTally],
    supplier_years: Iterable[YearTally],
    flow: str,
    window: int = WINDOW,
    undated: tuple[int, int] = (0, 0),
) -> tuple[TrendYear, ...]:
    """Return the supplier's share year by year, with the `window`-year moving average.

    Every year from the first to the last of the market's timeline is
    given (a year with no record has an unknown share). The moving average
    of a year is the supplier's total over the market's total, both over
    the `window` years ending with it (SIPRI's five-year moving average).
    `undated` counts the market's and the supplier's deals in no year.
    """
    totals = {year.year: _flow(year, flow) for year in market_years if _flow(year, flow).records}
    mine = {year.year: _flow(year, flow) for year in supplier_years if _flow(year, flow).records}
    if not totals:
        return ()
    found = []
    for year in range(min(totals), max(totals) + 1):
        total, part = totals.get(year, EMPTY_TALLY), mine.get(year, EMPTY_TALLY)
        span = range(year - window + 1, year + 1)
        window_total = sum_tallies(totals.get(one, EMPTY_TALLY) for one in span)
        window_part = sum_tallies(mine.get(one, EMPTY_TALLY) for one in span)
        found.append(
            TrendYear(
                year,
                _ratio(part, total),
                part,
                total,
                _ratio(window_part, window_total),
                *undated,
            )
        )
    return tuple(found)


def _ratio(part: Tally, whole: Tally) -> float | None:
    if not whole.central or part.central is None:
        return None
    return float(part.central / whole.central)
