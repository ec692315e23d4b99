"""The text of ``platform``, ``deals`` and ``shares``: pure functions of a market.

Imported only by :mod:`dronemarket.__main__`, which prints what they return.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from dronemarket.catalog._overview import spec_text
from dronemarket.classification import classify
from dronemarket.parties import Country, Party
from dronemarket.platforms import SPEC_FIELDS

if TYPE_CHECKING:
    from dronemarket.deals import Count, Deal
    from dronemarket.market import Shares, Tally
    from dronemarket.platforms import Platform, Reported

__all__ = ["deals_table", "platform_report", "shares_report", "table"]


def _reported(report: Reported, spec: str, units: str) -> str:
    """Return one reported value with its source: value, publisher, date, title, note."""
    approx = "~" if report.estimate else ""
    line = f"{approx}{spec_text(report.value, spec, units)}"
    source = report.source
    if source is None:
        line += "  (no source given)"
    else:
        when = f", {source.published}" if source.published is not None else ""
        line += f"  {source.publisher}{when}: {source.title}"
    if report.note:
        line += f" [{report.note}]"
    return line


def platform_report(platform: Platform, *, units: str = "published") -> str:
    """Return a platform's page: maker, category, roles, every spec reported, classification."""
    maker = platform.manufacturer
    made_by = f"{maker.name} ({maker.country.name})" if maker else "maker unknown"
    lines = [platform.name, f"  manufacturer  {made_by}"]
    lines.append(f"  category      {platform.category.value if platform.category else 'unknown'}")
    if platform.roles:
        lines.append(f"  roles         {', '.join(sorted(role.value for role in platform.roles))}")
    if platform.aliases:
        lines.append(f"  also called   {', '.join(sorted(platform.aliases))}")
    for label, when in (
        ("first flight", platform.first_flight),
        ("in service", platform.in_service),
    ):
        if when is not None:
            lines.append(f"  {label:<12}  {when}")
    lineage = platform.lineage()
    if lineage:
        lines.append(f"  lineage       {' <- '.join(one.name for one in (platform, *lineage))}")
    figures = platform.specs.figures()
    lines.append("")
    lines.append(
        f"Specs (units: {units}; every reported value with its source, the preferred first"
        "; ~ an estimate)"
    )
    if not figures:
        lines.append("  no published figures")
    for name, figure in figures.items():
        disputed = "  (sources disagree)" if figure.disputed else ""
        lines.append(f"  {SPEC_FIELDS[name].description}{disputed}")
        lines.extend(f"    {_reported(report, name, units)}" for report in figure)
    lines.append("")
    lines.append("Classification")
    lines.extend(f"  {line}" for line in str(classify(platform)).splitlines())
    return "\n".join(lines) + "\n"


def _party(party: Party | None) -> str:
    if party is None:
        return "unknown"
    return party.name if isinstance(party, Country) else str(party)


def _count(count: Count | None) -> str:
    return "?" if count is None else str(count)


def table(
    header: Sequence[str], rows: Sequence[Sequence[str]], *, right: Collection[int] = ()
) -> list[str]:
    r"""Return `rows` under `header` as aligned text lines; columns `right` align right.

    >>> print("\n".join(table(["a", "bb"], [["xyz", "1"]], right={1})))
    a    bb
    xyz   1
    """
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        cells = [
            cell.rjust(width) if i in right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    return [line(header), *map(line, rows)]


def _deal_row(deal: Deal) -> list[str]:
    when = f"{deal.ordered}" if deal.ordered else (f"({deal.announced})" if deal.announced else "?")
    delivered = _count(deal.delivered) if deal.deliveries else "-"
    route = f"{_party(deal.supplier.party)} -> {_party(deal.recipient.party)}"  # ASCII: aligned
    return [
        deal.id,
        route,
        deal.platform.name,
        deal.status.value,
        when,
        _count(deal.quantity),
        delivered,
    ]


def deals_table(deals: Sequence[Deal], described: str) -> str:
    """Return `deals` as a table, under a line saying how many and which (`described`)."""
    count = len(deals)
    lines = [f"{count} deal{'s' if count != 1 else ''}{described}"]
    if deals:
        header = ["id", "route", "platform", "status", "ordered", "quantity", "delivered"]
        lines.extend(table(header, [_deal_row(deal) for deal in deals], right={5, 6}))
        lines.append(
            "ordered: the order date, or (the date reported) when none;"
            " '?' unknown, '-' none delivered"
        )
    return "\n".join(lines) + "\n"


def _figure(value: Any) -> str:  # noqa: ANN401 - an int or a Decimal total
    return f"{value:,}"


def _band(tally: Tally) -> str:
    """Return a tally's figures: the central one, and its low-high band when they differ."""
    if not tally.counted:
        return "?"
    high = "unbounded" if tally.high is None else _figure(tally.high)
    if tally.low == tally.central == tally.high:
        return _figure(tally.central)
    return f"{_figure(tally.central)} ({_figure(tally.low)}-{high})"


def _basis(tally: Tally) -> str:
    """Return what a tally rests on: deals counted, of them estimated, and unknown."""
    parts = [f"{tally.counted} counted"]
    if tally.estimated:
        parts.append(f"{tally.estimated} estimated")
    if tally.unknown:
        parts.append(f"{tally.unknown} unknown")
    return ", ".join(parts)


def _percent(value: float | None) -> str:
    return "?" if value is None else f"{value:.0%}"


def shares_report(shares: Shares, described: str) -> str:
    """Return the shares as a table, with their bands, what they rest on, and the coverage."""
    unit = {"tiv": "TIV, millions (not money)", "value": shares.currency or "value"}
    measure = unit.get(shares.measure, shares.measure)
    lines = [f"Shares by {shares.by}, in {measure}{described}"]
    rows = [
        [
            str(rank),
            item.name,
            _percent(item.share),
            _band(item.tally),
            _basis(item.tally),
        ]
        for rank, item in enumerate(shares, 1)
    ]
    if rows:
        header = ["#", shares.by, "share", shares.measure, "rests on (deals)"]
        lines.extend(table(header, rows, right={0, 2, 3}))
    else:
        lines.append("  no deal selected")
    total = shares.total
    lines.append(f"total: {_band(total)}; {_basis(total)}")
    lines.append(
        f"coverage: {_percent(total.coverage)} "
        f"({total.counted} of {total.records} deals have a figure)"
    )
    if shares.excluded:
        lines.append(f"excluded: {shares.excluded} deals valued in another currency")
    return "\n".join(lines) + "\n"
