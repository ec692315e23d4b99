"""Counting: the figures a count contributes, and tallies over sets of records."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import cast

from dronemarket.deals import Count, Deal
from dronemarket.market._results import Tally

__all__ = [
    "Figures",
    "UnitColumn",
    "count_tally",
    "delivered_figures",
    "figures",
    "figures_tally",
    "measure_of",
    "sum_tallies",
    "units_of",
]


Figures = tuple[int, int, int | None, bool]
"""A record's low, central and high figures, and whether they rest on an estimate."""


def units_of(deal: Deal) -> Figures | None:
    """Return the figures a deal's units are measured by: ordered, else delivered.

    Delivered units add up each delivery's figures as plain integers (never
    the bounded ``Count`` addition), so a market that built is always counted;
    None when no quantity is given and some delivery's count is unknown.
    """
    quantity = deal.quantity
    if quantity is not None:
        return (*figures(quantity), quantity.estimate)
    return delivered_figures(deal)


def delivered_figures(deal: Deal) -> Figures | None:
    """Return the figures of a deal's deliveries added up; None if any count is unknown."""
    deliveries = deal.deliveries
    if not deliveries:
        return None
    low = central = 0
    high: int | None = 0
    estimated = False
    for delivery in deliveries:
        count = delivery.count
        if count is None:
            return None
        one_low, one_central, one_high = figures(count)
        low += one_low
        central += one_central
        high = None if high is None or one_high is None else high + one_high
        estimated = estimated or count.estimate
    return low, central, high, estimated


def measure_of(deal: Deal, measure: str, currency: str | None = None) -> Figures | None:
    """Return the figures `deal` contributes to `measure`; None when it has none.

    ``"units"``: :func:`~dronemarket.market._tally.units_of`; ``"deals"``:
    1; ``"value"``: the deal's value when in `currency`; ``"tiv"``: the TIV
    delivered. Amounts are Decimals, added up exactly.
    """
    if measure == "units":
        return units_of(deal)
    if measure == "deals":
        return (1, 1, 1, False)
    if measure == "tiv":
        tiv = deal.tiv
        amount = None if tiv is None else tiv.delivered
        return None if amount is None else (amount, amount, amount, False)  # type: ignore[return-value]
    value = deal.value
    if value is None or value.currency != currency:
        return None
    return (value.amount, value.amount, value.amount, value.estimate)  # type: ignore[return-value]


def figures(count: Count) -> tuple[int, int, int | None]:
    """Return a count's low, central and high figures: THE counting rule.

    Every analytic, the row export and ``sum()`` of counts use it; it is
    :meth:`Count.figures <dronemarket.Count.figures>`: an exact count is
    ``(n, n, n)``; ``about(n)`` is ``(n, n, n)``, an estimate of n;
    ``between(a, b)`` is ``(a, (a + b) // 2, b)``; ``at_least(n)`` is
    ``(n, n, None)`` (no upper bound); ``up_to(n)`` is ``(1, n, n)``.
    """
    return count.figures()


class UnitColumn:
    """Each deal's central unit figure when exact; the rest kept apart by position."""

    __slots__ = ("exact", "other")

    def __init__(self, deals: Sequence[Deal]) -> None:
        self.exact: array[int] = array("q", bytes(8 * len(deals)))
        self.other: dict[int, Figures | None] = {}
        exact, other = self.exact, self.other
        for position, deal in enumerate(deals):
            count = deal.quantity
            if count is not None and not count.estimate:
                exact[position] = cast("int", count.central)
                continue
            found = units_of(deal)
            if found is None:
                other[position] = None
            elif found[3]:
                other[position] = found
            else:
                exact[position] = found[1]

    def tally(self, positions: Sequence[int]) -> Tally:
        """Return the unit tally of the deals at `positions`."""
        exact = sum(map(self.exact.__getitem__, positions))
        other = self.other
        rest = figures_tally(map(other.__getitem__, filter(other.__contains__, positions)))
        counted = len(positions) - rest.unknown
        if not rest.counted:
            return Tally(exact, exact, exact, counted, 0, rest.unknown)
        high = None if rest.high is None else exact + rest.high
        return Tally(
            exact + cast("int", rest.low),
            exact + cast("int", rest.central),
            high,
            counted,
            rest.estimated,
            rest.unknown,
        )


def sum_tallies(tallies: Iterable[Tally]) -> Tally:
    """Return the tally of every record of `tallies` together (unknown figures add nothing)."""
    every = tuple(tallies)
    known = [tally for tally in every if tally.counted]
    highs = [tally.high for tally in known]
    return Tally(
        sum(cast("int", tally.low) for tally in known),
        sum(cast("int", tally.central) for tally in known),
        None if any(high is None for high in highs) else sum(cast("list[int | Decimal]", highs)),
        sum(tally.counted for tally in every),
        sum(tally.estimated for tally in every),
        sum(tally.unknown for tally in every),
    )


def count_tally(counts: Iterable[Count | None]) -> Tally:
    """Return the tally of `counts`, None for a record with no figure."""
    return figures_tally(
        None if count is None else (*figures(count), count.estimate) for count in counts
    )


def figures_tally(records: Iterable[Figures | None]) -> Tally:
    """Return the tally of each record's figures, None for a record with none."""
    low = central = counted = estimated = unknown = 0
    high: int | None = 0
    for found in records:
        if found is None:
            unknown += 1
            continue
        counted += 1
        estimated += found[3]
        low += found[0]
        central += found[1]
        high = None if high is None or found[2] is None else high + found[2]
    return Tally(low, central, high, counted, estimated, unknown)
