"""What the figures draw, computed without matplotlib: yearly stacks by supplier."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final, Literal, NamedTuple

from dronemarket.deals import Deal, Delivery, DeliverySpan
from dronemarket.errors import ValidationError
from dronemarket.market._tally import figures
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

    Units: each dated :class:`~dronemarket.Delivery` adds its count's central
    figure (as :func:`dronemarket.market._tally.figures` gives it) to its
    year; a :class:`~dronemarket.DeliverySpan`, an undated delivery or one of
    unknown count is in no year and is counted in ``left_out``, as
    :meth:`Market.timeline <dronemarket.Market.timeline>` leaves them out.

    TIV: a deal whose deliveries all fall in one year adds its
    ``tiv.delivered`` to it; a deal delivered over several years adds, for
    each dated delivery of known count, SIPRI's ``per_unit`` TIV times the
    count (SIPRI's own rule for TIV by year). A deal with no such figure is
    counted in ``left_out``.
    """
    if measure not in MEASURES:
        rule = f"is not one of {', '.join(map(repr, MEASURES))}"
        raise ValidationError("timeline", "measure", measure, rule)
    buckets: _Buckets = defaultdict(lambda: defaultdict(lambda: [0.0, 0.0]))
    left_out = 0
    add = _add_units if measure == "units" else _add_tiv
    for deal in deals:
        left_out += add(deal, buckets[party_label(deal.supplier.party)])
    return _stack(measure, buckets, top, left_out)


def _add_units(deal: Deal, years: dict[int, list[float]]) -> int:
    left_out = 0
    for delivery in deal.deliveries:
        count = delivery.count
        if type(delivery) is not Delivery or delivery.date is None or count is None:
            left_out += 1
            continue
        years[delivery.date.year][count.estimate] += figures(count)[1]
    return left_out


def _add_tiv(deal: Deal, years: dict[int, list[float]]) -> int:
    tiv, deliveries = deal.tiv, deal.deliveries
    if not deliveries:
        return 0
    spread = {
        year
        for delivery in deliveries
        for year in (
            delivery.years
            if isinstance(delivery, DeliverySpan)
            else ((delivery.date.year,) if delivery.date is not None else ())
        )
    }
    estimated = any(d.count is None or d.count.estimate for d in deliveries)
    if tiv is not None and tiv.delivered is not None and len(spread) == 1:
        years[spread.pop()][estimated] += float(tiv.delivered)
        return 0
    per_unit = tiv.per_unit if tiv is not None else None
    placed = False
    for delivery in deliveries:
        count = delivery.count
        if per_unit is None or type(delivery) is not Delivery or delivery.date is None:
            continue
        if count is None:
            continue
        value = per_unit * Decimal(figures(count)[1])
        years[delivery.date.year][count.estimate] += float(value)
        placed = True
    return 0 if placed else 1


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
