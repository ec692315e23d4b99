"""The command line's parser: its subcommands, their options and examples, and safe output.

Imported only by :mod:`dronemarket.__main__`. A bad argument is reported in
one line on standard error (status 2); ``--help`` and ``--version`` that
cannot be written exit 1 with one line, as the subcommands do.
"""

from __future__ import annotations

import argparse
import errno
import os
import pathlib
import re
import sys
import typing
import unicodedata
from typing import TYPE_CHECKING, Any, Final

import dronemarket
from dronemarket.catalog import UNITS
from dronemarket.deals import DealStatus
from dronemarket.market._analytics import BY, MEASURES

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = [
    "BY",
    "FORMATS",
    "KINDS",
    "MEASURES",
    "OVERVIEW",
    "PLOTS",
    "TABLES",
    "complain",
    "fit",
    "parser",
    "prog",
    "reason",
    "silence",
    "years",
]

OVERVIEW: Final = (
    "dronemarket: typed, validated, unit-aware models of the international military drone market"
)
"""The line ``python -m dronemarket`` prints before the version and the overview."""

TABLES: Final = ("deals", "deliveries", "production", "cooperation", "sanctions", "platforms")
"""The tables ``export`` writes (those of ``market.to_arrow``)."""
FORMATS: Final = ("csv", "json", "parquet")
"""The file formats ``export`` writes."""
PLOTS: Final = ("timeline", "network", "shares")
"""The figures ``plot`` draws (the functions of ``dronemarket.plot``)."""
KINDS: Final = (
    "deal",
    "production",
    "cooperation",
    "sanction",
    "platform",
    "organization",
    "source",
)
"""The kinds of record ``validate --kind`` reads a list of."""

EXAMPLES: Final = """examples:
  python -m dronemarket                       the built-in market (same as `show`)
  python -m dronemarket show --units metric   ... with specs in metric units
  python -m dronemarket platform "TB2"        one platform: every reported spec, its sources
  python -m dronemarket deals --recipient KGZ the deals to Kyrgyzstan, as a table
  python -m dronemarket shares --region "Central Asia" --measure deals
  python -m dronemarket validate my-deals.json
  python -m dronemarket export --table deals --format parquet --out deals.parquet
  python -m dronemarket sipri trade-register.csv --drones
  python -m dronemarket plot timeline --out timeline.png

`dronemarket` (the console script) is the same as `python -m dronemarket`.
"""

_EPILOGS: Final = {
    "show": """examples:
  python -m dronemarket show
  python -m dronemarket show --units imperial
  python -m dronemarket show --market my-market.json
""",
    "platform": """examples:
  python -m dronemarket platform "Bayraktar TB2"
  python -m dronemarket platform tb-2             (names and aliases; case, spaces, hyphens ignored)
  python -m dronemarket platform Ababil-2 --units metric
""",
    "deals": """examples:
  python -m dronemarket deals
  python -m dronemarket deals --supplier TUR --status delivered --status delivering
  python -m dronemarket deals --region "Central Asia" --years 2020-2022
  python -m dronemarket deals --platform TB2 --recipient Ukraine --recipient Poland
""",
    "shares": """examples:
  python -m dronemarket shares
  python -m dronemarket shares --by platform --measure deals --region "Central Asia"
  python -m dronemarket shares --sipri trade-register.csv --drones --measure tiv --years 2015-
""",
    "validate": """examples:
  python -m dronemarket validate market.json        (a market document: {"format": ...})
  python -m dronemarket validate deals.json         (a list of deals)
  python -m dronemarket validate factories.json --kind production
  python -m dronemarket validate my-deals.json --known-catalog  (deals naming "Bayraktar TB2")
exit status: 0 when valid, 1 when any error (each printed with its path), 2 on bad usage.
""",
    "export": """examples:
  python -m dronemarket export --table deals --format csv --out deals.csv
  python -m dronemarket export --table platforms --format json --out platforms.json
  python -m dronemarket export --table deliveries --format parquet --out d.parquet --supplier TUR
  python -m dronemarket export --sipri register.csv --table deals --format parquet --out t.parquet
""",
    "sipri": """example:
  python -m dronemarket sipri trade-register.csv --drones
""",
    "plot": """examples:
  python -m dronemarket plot timeline --out timeline.png
  python -m dronemarket plot timeline --measure tiv --sipri trade-register.csv --drones --out t.svg
  python -m dronemarket plot network --region "Central Asia" --out network.pdf
  python -m dronemarket plot shares --by supplier --measure deals --out shares.png
""",
}

_YEARS: Final = re.compile(r"(\d{1,4})?\s*(?:-|\.\.|:)\s*(\d{1,4})?")


def years(text: str) -> int | tuple[int | None, int | None]:
    """Return the years an option gives: ``2021``, ``2018-2022``, ``2018-`` or ``-2022``.

    >>> years("2021"), years("2018-2022"), years("2018-"), years("..2022")
    (2021, (2018, 2022), (2018, None), (None, 2022))
    """
    text = text.strip()
    if text.isdigit() and len(text) <= 4:
        return int(text)
    found = _YEARS.fullmatch(text)
    if found is None or found.group(1) is found.group(2) is None:
        message = f"{text!r} is not a year or a span of years (2021, 2018-2022, 2018-, -2022)"
        raise argparse.ArgumentTypeError(message)
    first, last = (None if year is None else int(year) for year in found.groups())
    if first is not None and last is not None and first > last:
        message = f"{text!r} ends before it begins (write the first year first)"
        raise argparse.ArgumentTypeError(message)
    return (first, last)


def prog() -> str:
    """Return how the program was started: ``dronemarket`` (the script) or ``python -m ...``."""
    started = pathlib.Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return "dronemarket" if started == "dronemarket" else "python -m dronemarket"


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


def complain(message: str) -> None:
    """Write one line to standard error, if there is one that still takes it."""
    line = " ".join(message.split())  # one line, whatever the message held
    try:
        if sys.stderr is not None:
            sys.stderr.write(fit(f"{prog()}: {line}\n", getattr(sys.stderr, "encoding", None)))
            sys.stderr.flush()
    except (OSError, ValueError):  # stderr is gone too: nothing more can be said
        pass


def silence(stream: object) -> None:
    """Point `stream`'s descriptor at the null device, so that the exit-time flush is quiet."""
    fileno = getattr(stream, "fileno", None)
    if fileno is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fileno())
    except (OSError, ValueError):  # no descriptor left to redirect
        pass


def reason(error: OSError | ValueError) -> str:
    """Say in words why writing failed (a ValueError: the stream object is closed)."""
    if isinstance(error, BrokenPipeError) or getattr(error, "errno", None) == errno.EPIPE:
        return "the reader closed the pipe"
    if isinstance(error, OSError):
        return error.strerror or type(error).__name__
    return "standard output is closed"


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports a bad argument in one line on standard error."""

    def error(self, message: str) -> typing.NoReturn:
        complain(f"{message} (see --help)")
        raise SystemExit(2)

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        """Write ``--help`` or ``--version``; a closed or full output is status 1, as for `main`."""
        if not message:
            return
        if file is None:  # started with standard output closed (`>&-`)
            complain("cannot write: standard output is closed")
            raise SystemExit(1)
        try:
            file.write(fit(message, getattr(file, "encoding", None)))
            if flush := getattr(file, "flush", None):
                flush()
        except (OSError, ValueError) as error:
            silence(file)
            complain(f"cannot write: {reason(error)}")
            raise SystemExit(1) from None


def _source_options(parser: argparse.ArgumentParser) -> None:
    """Add the options that pick the market: the catalog, a market document or a SIPRI export."""
    group = parser.add_argument_group("the market (the built-in catalog unless one is given)")
    given = group.add_mutually_exclusive_group()
    given.add_argument("--market", metavar="FILE", help="a market document (JSON) to read")
    given.add_argument("--sipri", metavar="FILE", help="a SIPRI Arms Transfers export to read")
    group.add_argument(
        "--drones", action="store_true", help="with --sipri: keep only unmanned aircraft"
    )


def _filter_options(parser: argparse.ArgumentParser, *, status: bool = True) -> None:
    """Add the deal filters; each may be given several times (any of them matches)."""
    group = parser.add_argument_group("filters (repeat an option to match any of its values)")
    for name, what in (
        ("supplier", "a supplying country or party: code or name (TUR, Türkiye)"),
        ("recipient", "a recipient country or party: code or name"),
        ("platform", "a platform: name or alias (TB2)"),
        ("manufacturer", "a manufacturer: name or alias (Baykar)"),
        ("category", "a platform category (MALE, loitering munition, ...)"),
    ):
        group.add_argument(f"--{name}", action="append", metavar="NAME", help=what)
    group.add_argument("--region", metavar="NAME", help="a named region (Central Asia, NATO)")
    group.add_argument(
        "--years", type=years, metavar="YEARS", help="a year or span: 2021, 2018-2022, 2018-"
    )
    if status:
        group.add_argument(
            "--status",
            action="append",
            choices=[status.value for status in DealStatus],
            metavar="STATUS",
            help="a deal status: " + ", ".join(status.value for status in DealStatus),
        )


def _add(
    commands: argparse._SubParsersAction[Any],
    name: str,
    summary: str,
    description: str,
) -> argparse.ArgumentParser:
    """Add subcommand `name`, with its one-line `summary` and its examples."""
    added: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=_EPILOGS[name],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return added


_COMMANDS: Final[dict[str, tuple[str, str]]] = {
    "show": (
        "print the built-in market (the default)",
        (
            "Print today's overview of the market: platforms and key specs, deals, licensed "
            "production, the supplier picture for Central Asia, sanctions and cooperation."
        ),
    ),
    "platform": (
        "one platform: every reported spec with its source, and its classification",
        (
            "Print one platform: its maker, category and roles, every spec with every value "
            "reported and its source (the preferred one first), and its classification (US DoD "
            "group, NATO class, MTCR category) with the rule and the evidence that decided it."
        ),
    ),
    "deals": (
        "the deals, as a table, selected by supplier, recipient, platform, years ...",
        (
            "Print the deals the filters select as a table: id, route, platform, status, "
            "order date, quantity and units delivered. '?' is unknown, never zero."
        ),
    ),
    "shares": (
        "market shares by supplier, recipient, platform ..., with their coverage",
        (
            "Print the shares of the deals selected, split --by a key, in --measure: units, "
            "deals, value or tiv (SIPRI's trend-indicator value). Transfers (ordered, "
            "delivering, delivered) unless --status says otherwise. Each share shows its "
            "low-high band and how many deals it rests on; unknown figures are counted apart."
        ),
    ),
    "validate": (
        "check a market document or a list of records; print every error with its path",
        (
            'Read a JSON file, a market document (an object with "format": '
            '"dronemarket.market") or a list of records, and print every error in it with its '
            "path. The kind of record is guessed from the first record's keys unless --kind "
            "says it."
        ),
    ),
    "export": (
        "write a table (deals, deliveries, ...) as CSV, JSON or Parquet",
        (
            "Write one table of the market (market.to_arrow(table)) to a file: CSV, JSON (a "
            "list of rows; dates in ISO form, decimals as strings) or Parquet, which pandas, "
            "polars, DuckDB and Spark read as it is. Needs the 'arrow' extra."
        ),
    ),
    "sipri": (
        "read a SIPRI Arms Transfers Database export and summarise it",
        (
            "Read an export of the SIPRI Arms Transfers Database (trade register CSV, "
            "per-delivery CSV or the web service's JSON) and print its records, loaded, "
            "rejected (with the first reasons) and skipped, and the suppliers ranked by "
            "TIV delivered, with coverage."
        ),
    ),
    "plot": (
        "draw a timeline, the network or the shares to an image file",
        (
            "Draw a figure with dronemarket.plot and save it to --out (the format follows the "
            "file's extension: png, svg, pdf, ...). timeline: transfers by year, stacked by "
            "supplier; network: supplier -> recipient flows; shares: shares with their low-high "
            "bands and coverage. Needs the 'plot' extra."
        ),
    ),
}
"""Each subcommand's one-line summary and its description, in the order ``--help`` lists them."""
_FILTERED: Final = ("deals", "shares", "export", "plot")
"""The subcommands that select deals with the filter options."""
_SOURCED: Final = ("show", "platform", "deals", "shares", "export", "plot")
"""The subcommands that may read --market or --sipri instead of the catalog."""


def parser() -> argparse.ArgumentParser:
    """Return the command-line parser."""
    main = _Parser(
        prog=prog(),
        description=(
            f"{OVERVIEW}. Without a subcommand, prints the built-in market (`show`): "
            "platforms and key specs, deals, licensed production, the supplier picture for "
            "Central Asia, sanctions and cooperation."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    units = {
        "choices": UNITS,
        "default": "published",
        "help": "show specs as published (the default), in metric or in imperial units",
    }
    main.add_argument("--units", **units)  # type: ignore[arg-type]
    main.add_argument(
        "--version", action="version", version=f"dronemarket {dronemarket.__version__}"
    )
    commands = main.add_subparsers(
        dest="command", metavar="{show,platform,deals,shares,validate,export,sipri,plot}"
    )
    sub = {name: _add(commands, name, *texts) for name, texts in _COMMANDS.items()}
    for name in ("show", "platform"):
        sub[name].add_argument("--units", dest="show_units", **units)  # type: ignore[arg-type]

    sub["platform"].add_argument("name", help="the platform's name or alias")
    sub["shares"].add_argument("--by", choices=BY, default="supplier", help="split by (supplier)")
    sub["shares"].add_argument(
        "--measure", choices=MEASURES, default="units", help="measure (units)"
    )
    sub["shares"].add_argument(
        "--currency", metavar="CODE", help="with --measure value: ISO 4217 code"
    )
    sub["validate"].add_argument("file", help="the JSON file to check")
    sub["validate"].add_argument("--kind", choices=KINDS, help="the kind of record a list holds")
    sub["validate"].add_argument(
        "--known-catalog",
        action="store_true",
        help="accept platforms, organizations and sources named as the built-in catalog names them",
    )
    sub["export"].add_argument("--table", choices=TABLES, required=True, help="the table to write")
    sub["export"].add_argument("--format", choices=FORMATS, required=True, help="the file format")
    sub["export"].add_argument("--out", required=True, metavar="FILE", help="the file to write")
    sub["sipri"].add_argument("file", help="the export, as downloaded from SIPRI")
    sub["sipri"].add_argument(
        "--drones", action="store_true", help="keep only unmanned aircraft (UAV, drone, ...)"
    )
    sub["plot"].add_argument("kind", choices=PLOTS, help="the figure to draw")
    sub["plot"].add_argument("--out", required=True, metavar="FILE", help="the image file to write")
    sub["plot"].add_argument(
        "--measure", choices=MEASURES, default="units", help="timeline, shares: (units)"
    )
    sub["plot"].add_argument(
        "--by", choices=BY, default="supplier", help="shares: split by (supplier)"
    )
    sub["plot"].add_argument(
        "--top", type=int, metavar="N", help="how many suppliers, parties or shares to draw"
    )
    for name in _FILTERED:
        _filter_options(sub[name])
    for name in _SOURCED:
        _source_options(sub[name])
    return main
