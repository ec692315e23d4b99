"""``python -m dronemarket``: an overview of the built-in market, and SIPRI exports.

This is the only module of the package that prints (with :mod:`dronemarket._cli`,
which only it imports). Subcommands: ``show`` (the default) prints
:func:`dronemarket.catalog.overview` of :func:`dronemarket.catalog.market`:
the platforms with their key specs (in the units ``--units`` picks), the
deals, licensed production, the supplier picture for Central Asia, the
sanctions and the cooperation (visits, meetings, budgets, proposals);
``sipri FILE [--drones]`` reads a SIPRI export and prints its records,
loaded, rejected and skipped, and the suppliers ranked by TIV delivered.
"""

from __future__ import annotations

import argparse
import errno
import os
import pathlib
import sys
import typing
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

import dronemarket
from dronemarket import _cli, catalog

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = ["main"]

OVERVIEW = (
    "dronemarket: typed, validated, unit-aware models of the international military drone market"
)
"""The line ``python -m dronemarket`` prints before the version and the overview."""


EXAMPLES = """examples:
  python -m dronemarket                       the built-in market (same as `show`)
  python -m dronemarket show --units metric   ... with specs in metric units
  python -m dronemarket sipri trade-register.csv --drones
                                              a SIPRI export's drone deals, suppliers by TIV
"""


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports a bad argument in one line on standard error."""

    def error(self, message: str) -> typing.NoReturn:
        _complain(f"{message} (see --help)")
        raise SystemExit(2)

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        """Write ``--help`` or ``--version``; a closed or full output is status 1, as for `main`."""
        if not message:
            return
        if file is None:  # started with standard output closed (`>&-`)
            _complain("cannot write: standard output is closed")
            raise SystemExit(1)
        try:
            file.write(fit(message, getattr(file, "encoding", None)))
            if flush := getattr(file, "flush", None):
                flush()
        except (OSError, ValueError) as error:
            _silence(file)
            _complain(f"cannot write: {_reason(error)}")
            raise SystemExit(1) from None


def _parser() -> argparse.ArgumentParser:
    """Return the command-line parser."""
    parser = _Parser(
        prog="python -m dronemarket",
        description=(
            f"{OVERVIEW}. Without a subcommand, prints the built-in market (`show`): "
            "platforms and key specs, deals, licensed production, the supplier picture for "
            "Central Asia, sanctions and cooperation."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    units = {
        "choices": catalog.UNITS,
        "default": "published",
        "help": "show specs as published (the default), in metric or in imperial units",
    }
    parser.add_argument("--units", **units)  # type: ignore[arg-type]
    parser.add_argument(
        "--version", action="version", version=f"dronemarket {dronemarket.__version__}"
    )
    commands = parser.add_subparsers(dest="command", metavar="{show,sipri}")
    show = commands.add_parser("show", help="print the built-in market (the default)")
    show.add_argument("--units", dest="show_units", **units)  # type: ignore[arg-type]
    read = commands.add_parser(
        "sipri",
        help="read a SIPRI Arms Transfers Database export and summarise it",
        description=(
            "Read an export of the SIPRI Arms Transfers Database (trade register CSV, "
            "per-delivery CSV or the web service's JSON) and print its records, loaded, "
            "rejected (with the first reasons) and skipped, and the suppliers ranked by "
            "TIV delivered, with coverage."
        ),
        epilog="example:\n  python -m dronemarket sipri trade-register.csv --drones\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    read.add_argument("file", help="the export, as downloaded from SIPRI")
    read.add_argument(
        "--drones", action="store_true", help="keep only unmanned aircraft (UAV, drone, ...)"
    )
    return parser


# Characters of the overview that have no accent to drop, and their ASCII spelling.
_ASCII: dict[str, str] = {
    "\N{RIGHTWARDS ARROW}": "->",
    "\N{EM DASH}": "-",
    "\N{EN DASH}": "-",
    "\N{HORIZONTAL ELLIPSIS}": "...",
    "\N{LESS-THAN OR EQUAL TO}": "<=",
    "\N{GREATER-THAN OR EQUAL TO}": ">=",
    "\N{MULTIPLICATION SIGN}": "x",
}


def fit(text: str, encoding: str | None) -> str:
    """Return `text` as it can be written in `encoding`, falling back to ASCII where it cannot.

    Characters the encoding cannot write are spelled in ASCII: ``→`` as
    ``->``, accented letters without their accents, anything else as ``?``.

    >>> fit("Türkiye → Kyrgyzstan", "cp1252")
    'Türkiye -> Kyrgyzstan'
    >>> fit("Türkiye → Kyrgyzstan", "ascii")
    'Turkiye -> Kyrgyzstan'
    """
    try:
        text.encode(encoding or "ascii")
    except LookupError:
        encoding = "ascii"
    except UnicodeEncodeError:
        pass
    else:
        return text
    encoding = encoding or "ascii"
    out = []
    for char in text:
        try:
            char.encode(encoding)
        except UnicodeEncodeError:
            plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
            char = _ASCII.get(char) or plain or "?"  # noqa: PLW2901 - the char, spelled anew
        out.append(char)
    return "".join(out)


def _complain(message: str) -> None:
    """Write one line to standard error, if there is one that still takes it."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(f"python -m dronemarket: {message}\n")
            sys.stderr.flush()
    except (OSError, ValueError):  # stderr is gone too: nothing more can be said
        pass


def _silence(stream: object) -> None:
    """Point `stream`'s descriptor at the null device, so that the exit-time flush is quiet."""
    fileno = getattr(stream, "fileno", None)
    if fileno is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fileno())
    except (OSError, ValueError):  # no descriptor left to redirect
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Print the overview of the built-in market; return the exit status.

    The status is 0, or 1 when the output cannot be written (a closed pipe,
    a closed standard output, a full disk): then one line on standard error
    says why, and there is no traceback.
    """
    arguments = _parser().parse_args(argv)
    stdout = sys.stdout
    if stdout is None:  # started with standard output closed (`>&-`)
        _complain("cannot write the overview: standard output is closed")
        return 1
    if arguments.command == "sipri":
        try:
            data = pathlib.Path(arguments.file).read_bytes()
        except OSError as error:
            _complain(f"cannot read {arguments.file}: {error.strerror or type(error).__name__}")
            return 1
        try:
            text = _cli.sipri_report(
                arguments.file, data, drones_only=arguments.drones, stderr=sys.stderr
            )
        except _cli.CliError as error:
            _complain(str(error))
            return 1
    else:
        units = getattr(arguments, "show_units", None) or arguments.units
        if arguments.command == "show" and units == "published":
            units = arguments.units
        text = "\n".join(
            [
                OVERVIEW,
                f"version {dronemarket.__version__}",
                "",
                catalog.overview(catalog.market(), units=units),
            ]
        )
    try:
        stdout.write(fit(text, getattr(stdout, "encoding", None)))
        stdout.flush()
    except (OSError, ValueError) as error:
        _silence(stdout)
        _complain(f"cannot write the overview: {_reason(error)}")
        return 1
    return 0


def _reason(error: OSError | ValueError) -> str:
    """Say in words why writing failed (a ValueError: the stream object is closed)."""
    if isinstance(error, BrokenPipeError) or getattr(error, "errno", None) == errno.EPIPE:
        return "the reader closed the pipe"
    if isinstance(error, OSError):
        return error.strerror or type(error).__name__
    return "standard output is closed"


if __name__ == "__main__":
    raise SystemExit(main())
