"""Counting: the figures a count contributes, and tallies over sets of records."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import cast

from dronemarket.deals import Count, Deal
from dronemarket.market._results import Tally

__all__ = ["UnitColumn", "count_tally", "figures", "sum_tallies", "units_of"]


def units_of(deal: Deal) -> Count | None:
    """Return the count a deal's units are measured by: ordered, else delivered."""
    return deal.quantity if deal.quantity is not None else deal.delivered


def figures(count: Count) -> tuple[int, int, int | None]:
    """Return a count's low, central and high figures as shares use them."""
    low = count.low if count.low is not None else 1
    if count.central is not None:
        central = count.central
    elif count.low is not None and count.high is not None:
        central = (count.low + count.high) // 2
    else:
        central = count.low if count.low is not None else cast("int", count.high)
    return low, central, count.high


class UnitColumn:
    """Each deal's central unit figure when exact; the rest kept apart by position."""

    __slots__ = ("exact", "other")

    def __init__(self, deals: Sequence[Deal]) -> None:
        self.exact: array[int] = array("q", bytes(8 * len(deals)))
        self.other: dict[int, tuple[int, int, int | None] | None] = {}
        exact, other = self.exact, self.other
        for position, deal in enumerate(deals):
            count = deal.quantity
            if count is None:
                count = deal.delivered
                if count is None:
                    other[position] = None
                    continue
            if count.estimate:
                other[position] = figures(count)
            else:
                exact[position] = cast("int", count.central)

    def tally(self, positions: Sequence[int]) -> Tally:
        """Return the unit tally of the deals at `positions`."""
        low = central = sum(map(self.exact.__getitem__, positions))
        high: int | None = central
        estimated = unknown = 0
        for position in filter(self.other.__contains__, positions):
            found = self.other[position]
            if found is None:
                unknown += 1
                continue
            estimated += 1
            low += found[0]
            central += found[1]
            high = None if high is None or found[2] is None else high + found[2]
        counted = len(positions) - unknown
        return Tally(low, central, high, counted, estimated, unknown)


def sum_tallies(tallies: Iterable[Tally]) -> Tally:
    """Return the tally of every record of `tallies` together."""
    low: int | Decimal = 0
    central: int | Decimal = 0
    high: int | Decimal | None = 0
    counted = estimated = unknown = 0
    for tally in tallies:
        low += tally.low
        central += tally.central
        high = None if high is None or tally.high is None else high + tally.high
        counted += tally.counted
        estimated += tally.estimated
        unknown += tally.unknown
    return Tally(low, central, high, counted, estimated, unknown)


def count_tally(counts: Iterable[Count | None]) -> Tally:
    """Return the tally of `counts`, None for a record with no figure."""
    low = central = counted = estimated = unknown = 0
    high: int | None = 0
    for count in counts:
        if count is None:
            unknown += 1
            continue
        counted += 1
        low_figure, central_figure, high_figure = figures(count)
        estimated += count.estimate
        low += low_figure
        central += central_figure
        high = None if high is None or high_figure is None else high + high_figure
    return Tally(low, central, high, counted, estimated, unknown)
