"""What the figures draw, computed without matplotlib: yearly stacks by supplier."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Final, Literal, NamedTuple

from dronemarket.deals import Deal
from dronemarket.errors import ValidationError
from dronemarket.market._timeline import delivered_in
from dronemarket.parties import Party

__all__ = ["MEASURES", "OTHERS", "Series", "Stack", "party_label", "yearly"]

Measure = Literal["units", "tiv"]
"""What a timeline stacks: units delivered or SIPRI's TIV delivered."""
MEASURES: Final[tuple[str, ...]] = ("units", "tiv")
"""The measures :func:`yearly` takes."""
OTHERS: Final = "other suppliers"
"""The label of the series that merges the suppliers beyond the largest."""


class Series(NamedTuple):
    """One supplier's figures, year by year: the part from reported counts, the estimated part."""

    label: str
    """The supplier's name (``"unknown supplier"`` when not known)."""
    exact: tuple[float, ...]
    """Per year, the part resting on reported figures."""
    estimated: tuple[float, ...]
    """Per year, the part resting on estimates."""

    @property
    def total(self) -> float:
        """Return the series' total over every year."""
        return sum(self.exact) + sum(self.estimated)


class Stack(NamedTuple):
    """Figures by year, one series per supplier, largest first, and what could not be placed."""

    measure: str
    """``"units"`` or ``"tiv"``."""
    years: tuple[int, ...]
    """Every year with a figure, in order."""
    series: tuple[Series, ...]
    """One series per supplier, largest first; the smallest merged into :data:`OTHERS`."""
    left_out: int
    """Deliveries (units) or deals (TIV) in no single year or with no figure: never zero."""


def party_label(party: Party | None) -> str:
    """Return a party's name as a figure shows it; ``"unknown"`` when not known."""
    return "unknown" if party is None else str(party)


_Buckets = dict[str, dict[int, list[float]]]


def yearly(deals: Iterable[Deal], measure: str, top: int) -> Stack:
    """Return the figures delivered by year and supplier of `deals`, the `top` largest apart.

    Each deal's deliveries are placed in years by the analytics' own rule
    (:meth:`Market.timeline <dronemarket.Market.timeline>`): a dated
    delivery in its year, a :class:`~dronemarket.DeliverySpan` spread over
    its years as an estimate, TIV in proportion to the units delivered each
    year. A year's figure that rests on an estimate is drawn apart; a
    delivery whose figure is unknown is counted in ``left_out``, never
    drawn as zero.
    """
    if measure not in MEASURES:
        rule = f"is not one of {', '.join(map(repr, MEASURES))}"
        raise ValidationError("timeline", "measure", measure, rule)
    buckets: _Buckets = defaultdict(lambda: defaultdict(lambda: [0.0, 0.0]))
    left_out = 0
    for deal in deals:
        years = buckets[party_label(deal.supplier.party)]
        for year, found in delivered_in(deal, measure, None).items():
            for figures in found:
                if figures is None or figures[1] is None:
                    left_out += 1
                else:
                    years[year][figures[3]] += float(figures[1])
    return _stack(measure, buckets, top, left_out)


def _stack(measure: str, buckets: _Buckets, top: int, left_out: int) -> Stack:
    every = sorted({year for years in buckets.values() for year in years})
    series = [
        Series(
            label,
            tuple(years[year][0] if year in years else 0.0 for year in every),
            tuple(years[year][1] if year in years else 0.0 for year in every),
        )
        for label, years in buckets.items()
        if years
    ]
    series.sort(key=lambda one: (-one.total, one.label))
    kept, rest = series[:top], series[top:]
    if rest:
        kept.append(_merged(rest, len(every)))
    return Stack(measure, tuple(every), tuple(kept), left_out)


def _merged(rest: Sequence[Series], width: int) -> Series:
    exact = tuple(sum(one.exact[i] for one in rest) for i in range(width))
    estimated = tuple(sum(one.estimated[i] for one in rest) for i in range(width))
    return Series(OTHERS, exact, estimated)
