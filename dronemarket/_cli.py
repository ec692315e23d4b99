"""``python -m dronemarket sipri FILE``: read a SIPRI export and summarise it.

Imported only by :mod:`dronemarket.__main__`, which reads the file and hands
over its bytes and standard error (for progress, on a terminal only).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal
from typing import TextIO, TypeVar

from dronemarket import sipri
from dronemarket.errors import DroneMarketError
from dronemarket.market import Market

__all__ = ["CliError", "sipri_report", "tiv_by_supplier", "with_progress"]

T = TypeVar("T")

FIRST_REASONS = 5
"""How many rejected records the summary shows with their reasons."""
PROGRESS_AFTER = 1.0
"""Seconds of work after which progress is shown (on a terminal only)."""


class CliError(Exception):
    """A problem the command line reports in one line on standard error."""


def tiv_by_supplier(market: Market) -> tuple[list[tuple[str, Decimal]], int, int]:
    """Return the suppliers ranked by TIV delivered, and how many deals had one, of how many.

    It is ``market.share(by="supplier", measure="tiv")``: deals with no TIV
    delivered are unknown, not zero, and counted apart (the coverage).
    """
    shares = market.share(by="supplier", measure="tiv")
    ranked: list[tuple[str, Decimal]] = []
    known = 0
    for share in shares.items:
        known += share.tally.counted
        if share.tally.central is None:  # no TIV known: unknown, never ranked as 0
            continue
        name = "unknown supplier(s)" if share.key is None else str(share.key)
        ranked.append((name, Decimal(share.tally.central)))
    ranked.sort(key=lambda item: (-item[1], item[0]))
    return ranked, known, shares.total.records


def with_progress(work: Callable[[], T], label: str, stderr: TextIO | None) -> T:
    """Run `work`; on a terminal, say ``label ...`` on `stderr` once it takes over a second."""
    interactive = stderr is not None and stderr.isatty()
    shown = threading.Event()

    def show() -> None:
        if stderr is not None:
            shown.set()
            stderr.write(f"{label} ...\r")
            stderr.flush()

    timer = threading.Timer(PROGRESS_AFTER, show) if interactive else None
    if timer is not None:
        timer.daemon = True
        timer.start()
    try:
        return work()
    finally:
        if timer is not None:
            timer.cancel()
            if shown.is_set() and stderr is not None:
                stderr.write(" " * (len(label) + 4) + "\r")
                stderr.flush()


def sipri_report(path: str, data: bytes, *, drones_only: bool, stderr: TextIO | None = None) -> str:
    """Read `data`, the SIPRI export read from `path`, and return the summary to print.

    Raises :class:`CliError` (one line) when it is not a SIPRI export.
    Progress goes to `stderr` (the caller's, when it is a terminal).
    """
    try:
        result = with_progress(
            lambda: sipri.read(data, drones_only=drones_only), f"reading {path}", stderr
        )
    except DroneMarketError as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        message = f"{path} is not a SIPRI export this library reads: {first}"
        raise CliError(message) from None
    when = f", generated {result.generated:%Y-%m-%d %H:%M:%S}" if result.generated else ""
    lines = [
        f"{path}: SIPRI format {result.format.value}{when}",
        f"records   {result.records}",
        f"loaded    {len(result.market.deals)}",
        f"rejected  {len(result.rejected)}",
        f"skipped   {result.skipped}" + (" (not drones)" if drones_only else ""),
    ]
    lines.extend(
        f"  line {entry.line}: {entry.reason}" for entry in result.rejected[:FIRST_REASONS]
    )
    if len(result.rejected) > FIRST_REASONS:
        lines.append(f"  ... and {len(result.rejected) - FIRST_REASONS} more")
    ranked, known, total = tiv_by_supplier(result.market)
    lines.append("")
    lines.append("Suppliers by TIV delivered (SIPRI trend-indicator values, millions; not money)")
    width = max((len(name) for name, _ in ranked), default=0)
    for rank, (name, tiv) in enumerate(ranked, 1):
        lines.append(f"{rank:4}. {name:<{width}}  {tiv!s:>10}")
    lines.append(f"coverage: {known} of {total} deals have a TIV delivered")
    return "\n".join(lines) + "\n"
