"""``python -m dronemarket`` (and the ``dronemarket`` script): a command line for everyday jobs.

This is the only module of the package that prints (with the modules only it
imports: :mod:`dronemarket._cli`, ``_cli_args``, ``_cli_io`` and
``_cli_text``). Subcommands:

- ``show`` (the default): :func:`dronemarket.catalog.overview` of the market;
- ``platform NAME``: every reported spec with its source, and the classification;
- ``deals [filters]``: the deals as a table;
- ``shares --by --measure [filters]``: shares with their bands and coverage;
- ``validate FILE``: a market document or a list of records, every error with
  its path; status 1 when any;
- ``export --table --format --out [filters]``: a table as CSV, JSON or Parquet;
- ``sipri FILE [--drones]``: a SIPRI export's records and suppliers by TIV;
- ``plot KIND --out FILE``: a timeline, the network or the shares, as an image.

``show``, ``platform``, ``deals``, ``shares``, ``export`` and ``plot`` read the
built-in catalog, or ``--market FILE`` (a market document) or ``--sipri FILE``.
A bad argument, an unknown name, an unreadable file or a missing optional
dependency gets one line on standard error and a non-zero status, never a
traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import dronemarket
from dronemarket import _cli, _cli_io, _cli_text, catalog
from dronemarket._cli_args import OVERVIEW, complain, fit, parser, reason, silence
from dronemarket.errors import DroneMarketError

__all__ = ["OVERVIEW", "fit", "main"]


def _show(arguments: argparse.Namespace) -> str:
    """Return the overview of the market, in the units asked."""
    units = getattr(arguments, "show_units", None) or arguments.units
    if arguments.command == "show" and units == "published":
        units = arguments.units
    market = _cli_io.market_of(arguments, sys.stderr)
    return "\n".join(
        [
            OVERVIEW,
            f"version {dronemarket.__version__}",
            "",
            catalog.overview(market, units=units),
        ]
    )


def _platform(arguments: argparse.Namespace) -> str:
    market = _cli_io.market_of(arguments, sys.stderr)
    units = arguments.show_units if arguments.show_units != "published" else arguments.units
    return _cli_text.platform_report(market.platform(arguments.name), units=units)


def _deals(arguments: argparse.Namespace) -> str:
    market = _cli_io.market_of(arguments, sys.stderr)
    given = _cli_io.filters(arguments)
    return _cli_text.deals_table(market.deals(**given), _cli_io.described(given))


def _shares(arguments: argparse.Namespace) -> str:
    market = _cli_io.market_of(arguments, sys.stderr)
    given = _cli_io.filters(arguments)
    shares = market.share(
        by=arguments.by, measure=arguments.measure, currency=arguments.currency, **given
    )
    return _cli_text.shares_report(shares, _cli_io.described(given))


def _run(arguments: argparse.Namespace) -> tuple[str, int]:
    """Run the subcommand; return the text to print and the exit status."""
    command = arguments.command
    if command == "validate":
        data = _cli_io.read_bytes(arguments.file)
        known = catalog.market() if arguments.known_catalog else None
        return _cli_io.validate(arguments.file, data, arguments.kind, known)
    if command == "sipri":
        data = _cli_io.read_bytes(arguments.file)
        report = _cli.sipri_report(
            arguments.file, data, drones_only=arguments.drones, stderr=sys.stderr
        )
        return report, 0
    if command == "export":
        market = _cli_io.market_of(arguments, sys.stderr)
        given = _cli_io.filters(arguments)
        written = _cli_io.export(
            market, arguments.table, arguments.format, arguments.out, given, stderr=sys.stderr
        )
        return written, 0
    if command == "plot":
        market = _cli_io.market_of(arguments, sys.stderr)
        given = _cli_io.filters(arguments)
        return _cli_io.plot(market, arguments.kind, arguments.out, arguments, given), 0
    text = {"platform": _platform, "deals": _deals, "shares": _shares}.get(command, _show)
    return text(arguments), 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on `argv` (``sys.argv[1:]`` when None); return the exit status.

    The status is 0; 1 when the work fails (an unknown name, an unreadable
    file, data with errors, a missing optional dependency, output that
    cannot be written: a closed pipe, a full disk), with one line on
    standard error saying why and no traceback; 2 for a bad argument; 130
    when interrupted (Ctrl-C).
    """
    arguments = parser().parse_args(argv)
    stdout = sys.stdout
    what = "the overview" if arguments.command in {None, "show"} else "the output"
    if stdout is None:  # started with standard output closed (`>&-`)
        complain(f"cannot write {what}: standard output is closed")
        return 1
    try:
        text, status = _run(arguments)
    except _cli.CliError as error:
        complain(str(error))
        return 1
    except (DroneMarketError, LookupError, ValueError) as error:  # an unknown name, a bad value
        complain(_cli_io.first_line(error))
        return 1
    except KeyboardInterrupt:  # Ctrl-C: a line, not a traceback; 128 + SIGINT, as shells do
        complain("interrupted")
        return 130
    try:
        stdout.write(fit(text, getattr(stdout, "encoding", None)))
        stdout.flush()
    except (OSError, ValueError) as error:
        silence(stdout)
        complain(f"cannot write {what}: {reason(error)}")
        return 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
