"""Figures of a market: transfers by year, the supplier → recipient network, shares.

Each function returns a :class:`matplotlib.figure.Figure` and does nothing
else: no file is written, nothing is shown, pyplot's global state is not
touched (the figure is built directly, so it works on any backend, Agg
included). Save it with ``figure.savefig("timeline.png")``, or let a
notebook display it. matplotlib comes with the ``[plot]`` extra
(``pip install "dronemarket[plot]"``); without it each function raises
:class:`MissingExtraError`.

>>> import dronemarket as dm
>>> from dronemarket import plot
>>> figure = plot.timeline(dm.catalog.market())
>>> figure.axes[0].get_title()
'Transfers by delivery year, in units'
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, Unpack

from dronemarket._extras import require
from dronemarket.deals import TRANSFERS
from dronemarket.errors import MissingExtraError, ValidationError
from dronemarket.plot._data import MEASURES, Stack, party_label, yearly

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from dronemarket.market import DealFilters, Market, Shares

__all__ = ["MEASURES", "MissingExtraError", "network", "shares", "timeline"]

_SIZE: Final = (8.0, 4.5)
"""A figure's size in inches."""
_ESTIMATED: Final = {"alpha": 0.45, "hatch": "///"}
"""How the part resting on estimates is drawn: lighter, hatched."""
_MEASURE_LABELS: Final = {
    "units": "units",
    "tiv": "TIV (millions)",
    "deals": "deals",
    "value": "value",
}


def _new_figure(height: float = _SIZE[1]) -> Figure:
    """Return an empty figure, made directly (no pyplot); raise when matplotlib is missing."""
    figure: type[Figure] = require("matplotlib.figure").Figure
    return figure(figsize=(_SIZE[0], height), layout="constrained")


def _check_top(top: object) -> int:
    if type(top) is not int or top < 1:
        raise ValidationError("plot", "top", top, "is not an int >= 1")
    return top


def _colors(count: int) -> list[Any]:
    from matplotlib import colormaps  # noqa: PLC0415 - an optional dependency

    palette = colormaps["tab10"]
    return [palette(index % 10) for index in range(count)]


def _transfers(filters: DealFilters) -> DealFilters:
    """Return `filters`, selecting transfers (ordered, delivering, delivered) unless a status is."""
    return {"status": TRANSFERS, **filters}


def _note(figure: Figure, text: str) -> None:
    """Write `text` under the axes, left-aligned; the layout makes room for it."""
    figure.supxlabel(text, x=0.01, ha="left", fontsize="small")


def _empty(axes: Axes, text: str) -> None:
    axes.text(0.5, 0.5, text, ha="center", va="center", transform=axes.transAxes)
    axes.set_xticks([])
    axes.set_yticks([])


def timeline(
    market: Market,
    *,
    measure: str = "units",
    top: int = 8,
    **filters: Unpack[DealFilters],
) -> Figure:
    """Return a figure of transfers by delivery year, stacked by supplier.

    `measure` is ``"units"`` (units delivered) or ``"tiv"`` (SIPRI's TIV
    delivered, in millions); the rule for each is
    :func:`dronemarket.plot._data.yearly`'s. The part of each bar resting on
    estimates is hatched and lighter. The `top` largest suppliers have a
    colour and a legend entry each; the others are merged into "other
    suppliers". A note under the axes counts what is in no single year
    (a delivery spread over years, undated, or of unknown count): it is
    left out, never drawn as zero. `filters` select the deals, as
    :meth:`Market.deals <dronemarket.Market.deals>` takes them (transfers
    only by default: ordered, delivering or delivered).
    """
    top = _check_top(top)
    stack = yearly(market.deals(**_transfers(filters)), measure, top)
    figure = _new_figure()
    axes = figure.add_subplot()
    unit = _MEASURE_LABELS[measure]
    axes.set_title(f"Transfers by delivery year, in {unit}")
    axes.set_xlabel("delivery year")
    axes.set_ylabel(f"{unit} delivered")
    if not stack.series:
        _empty(axes, "No delivery with a year and a figure")
    else:
        _draw_stack(axes, stack)
    _note(figure, _stack_note(stack))
    return figure


def _draw_stack(axes: Axes, stack: Stack) -> None:
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415 - an optional dependency

    bottom = [0.0] * len(stack.years)
    colors = _colors(len(stack.series))
    for series, color in zip(stack.series, colors, strict=True):
        axes.bar(stack.years, series.exact, bottom=bottom, color=color, label=series.label)
        bottom = [b + e for b, e in zip(bottom, series.exact, strict=True)]
        if any(series.estimated):
            axes.bar(
                stack.years,
                series.estimated,
                bottom=bottom,
                color=color,
                edgecolor="white",
                label="_estimated",
                **_ESTIMATED,  # type: ignore[arg-type]
            )
            bottom = [b + e for b, e in zip(bottom, series.estimated, strict=True)]
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.legend(title="supplier", fontsize="small")


def _stack_note(stack: Stack) -> str:
    hatched = "Hatched: the part resting on estimates (a span's years are estimates)."
    if not stack.left_out:
        return hatched
    return f"{hatched} Left out: {stack.left_out:,} deliveries with no figure."


def network(market: Market, *, top: int = 30, **filters: Unpack[DealFilters]) -> Figure:
    """Return a figure of the supplier → recipient flows, by units.

    Suppliers are on the left, recipients on the right, each sorted by
    units; a line joins them for each link of :meth:`Market.network
    <dronemarket.Market.network>`, as wide as its units (central figure)
    and coloured by supplier. A link whose units are all unknown is dashed
    and thin: unknown is never drawn as zero. The `top` heaviest links are
    drawn. `filters` select the deals, as :meth:`Market.deals
    <dronemarket.Market.deals>` takes them.
    """
    top = _check_top(top)
    edges = market.network(**_transfers(filters))[:top]
    suppliers = _ranked([(e.supplier, _weight(e.units.central)) for e in edges])
    recipients = _ranked([(e.recipient, _weight(e.units.central)) for e in edges])
    rows = max(len(suppliers), len(recipients), 1)
    figure = _new_figure(max(_SIZE[1], 0.35 * rows + 1.2))
    axes = figure.add_subplot()
    axes.set_title("Supplier → recipient flows, in units")
    axes.set_axis_off()
    if not edges:
        _empty(axes, "No link between known parties")
        return figure
    left, right = _positions(suppliers, rows), _positions(recipients, rows)
    heaviest = max(_weight(e.units.central) for e in edges) or 1.0
    colors = dict(zip(suppliers, _colors(len(suppliers)), strict=True))
    for edge in edges:
        known = edge.units.central is not None
        width = 0.8 + 6.0 * _weight(edge.units.central) / heaviest if known else 0.8
        axes.plot(
            [0.0, 1.0],
            [left[edge.supplier], right[edge.recipient]],
            color=colors[edge.supplier] if known else "grey",
            linewidth=width,
            linestyle="-" if known else "--",
            alpha=0.75,
            solid_capstyle="butt",
        )
    for party, y in left.items():
        axes.text(-0.02, y, party_label(party), ha="right", va="center", fontsize="small")
    for party, y in right.items():
        axes.text(1.02, y, party_label(party), ha="left", va="center", fontsize="small")
    axes.text(-0.02, 1.06, "supplier", ha="right", va="bottom", weight="bold", fontsize="small")
    axes.text(1.02, 1.06, "recipient", ha="left", va="bottom", weight="bold", fontsize="small")
    axes.set_xlim(-0.45, 1.45)
    axes.set_ylim(-0.05, 1.12)
    note = "Line width: units (central figure). Dashed: units unknown."
    _note(figure, note)
    return figure


def _weight(figure: float | Decimal | None) -> float:
    """Return a figure as a weight for ranking and line widths; an unknown one weighs nothing.

    Only the layout uses it: an unknown figure is drawn as unknown (dashed,
    or no bar with the word "unknown"), never as zero.
    """
    return 0.0 if figure is None else float(figure)


def _ranked(weights: Sequence[tuple[Any, float]]) -> list[Any]:
    """Return the parties of `weights`, heaviest in total first (ties by name)."""
    totals: dict[Any, float] = {}
    for party, weight in weights:
        totals[party] = totals.get(party, 0.0) + weight
    return sorted(totals, key=lambda party: (-totals[party], party_label(party)))


def _positions(parties: Sequence[Any], rows: int) -> dict[Any, float]:
    """Return each party's height, the first at the top, evenly spaced over `rows` rows."""
    step = 1.0 / max(rows - 1, 1)
    return {party: 1.0 - index * step for index, party in enumerate(parties)}


def shares(shares: Shares, *, top: int = 12) -> Figure:
    """Return a figure of shares: each party's figure with its low-high band and coverage.

    Each bar is a share's central figure, in the measure of the shares; the
    whisker spans its low and high figures (an open-ended band, when no
    upper bound is known, ends in an arrow). Each bar is labelled with its
    share of the total and how many of its records were counted; the title
    gives the coverage of the whole. The `top` largest are drawn.
    """
    top = _check_top(top)
    items = list(shares)[:top]
    figure = _new_figure(max(_SIZE[1], 0.4 * len(items) + 1.5))
    axes = figure.add_subplot()
    unit = _MEASURE_LABELS.get(shares.measure, shares.measure)
    if shares.currency:
        unit = f"{unit} ({shares.currency})"
    axes.set_title(f"Shares by {shares.by}, in {unit}")
    axes.set_xlabel(unit)
    total = shares.total
    covered = total.coverage
    covered_text = "—" if covered is None else f"{covered:.0%}"
    _note(
        figure,
        f"Coverage {covered_text}: {total.counted:,} of {total.records:,} records counted. "
        "Whiskers: low-high; an arrow: no upper bound.",
    )
    if not items:
        _empty(axes, "No share")
        return figure
    _draw_shares(axes, items)
    return figure


def _draw_shares(axes: Axes, items: Sequence[Any]) -> None:
    names = [item.name for item in items]
    ys = list(range(len(items)))[::-1]
    nan = float("nan")  # an unknown figure draws no bar at all: never a bar of zero
    central = [nan if i.tally.central is None else float(i.tally.central) for i in items]
    low = [nan if i.tally.low is None else float(i.tally.low) for i in items]
    high = [
        float(item.tally.high) if item.tally.high is not None else c
        for item, c in zip(items, central, strict=True)
    ]
    axes.barh(ys, central, color=_colors(1)[0], alpha=0.8)
    axes.errorbar(
        central,
        ys,
        xerr=[
            [max(c - lo, 0.0) for c, lo in zip(central, low, strict=True)],
            [max(h - c, 0.0) for c, h in zip(central, high, strict=True)],
        ],
        fmt="none",
        ecolor="black",
        capsize=3,
    )
    reach = max([x for x in (*high, *central) if x == x] + [1.0])  # noqa: PLR0124 - x == x skips NaN
    for item, y, c, h in zip(items, ys, central, high, strict=True):
        end = 0.0 if c != c else max(h, c)  # noqa: PLR0124 - an unknown bar ends at the axis
        if item.tally.high is None and c == c:  # noqa: PLR0124 - only a known bar has an arrow
            axes.annotate(
                "",
                xy=(end + 0.08 * reach, y),
                xytext=(end, y),
                arrowprops={"arrowstyle": "->"},
            )
        counted = item.tally.counted
        share = "unknown" if item.share is None or not counted else f"{item.share:.0%}"
        label = f" {share} ({counted} of {item.tally.records} counted)"
        axes.text(end + 0.1 * reach, y, label, va="center", fontsize="small")
    axes.set_yticks(ys, names)
    axes.set_xlim(0.0, reach * 1.45)
