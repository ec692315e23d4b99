"""``python -m dronemarket``: an overview of the built-in market.

This is the only module of the package that prints. It prints
:func:`dronemarket.catalog.overview` of :func:`dronemarket.catalog.market`:
the platforms with their key specs (in the units ``--units`` picks), the
deals, licensed production, the supplier picture for Central Asia, the
sanctions and the cooperation (visits, meetings, budgets, proposals).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

import dronemarket
from dronemarket import catalog

__all__ = ["main"]

OVERVIEW = (
    "dronemarket: typed, validated, unit-aware models of the international military drone market"
)
"""The line ``python -m dronemarket`` prints before the version and the overview."""


def _parser() -> argparse.ArgumentParser:
    """Return the command-line parser."""
    parser = argparse.ArgumentParser(
        prog="python -m dronemarket",
        description=(
            f"{OVERVIEW}. Prints the built-in market: platforms and key specs, deals, "
            "licensed production, the supplier picture for Central Asia, sanctions and "
            "cooperation."
        ),
    )
    parser.add_argument(
        "--units",
        choices=catalog.UNITS,
        default="published",
        help="show specs as published (the default), in metric or in imperial units",
    )
    parser.add_argument(
        "--version", action="version", version=f"dronemarket {dronemarket.__version__}"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Print the overview of the built-in market; return the exit status (0)."""
    arguments = _parser().parse_args(argv)
    try:
        print(OVERVIEW)
        print(f"version {dronemarket.__version__}")
        print()
        print(catalog.overview(catalog.market(), units=arguments.units), end="")
        sys.stdout.flush()
    except BrokenPipeError:  # `python -m dronemarket | head`: the reader has had enough
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
