"""The command line's files: the market it reads, ``validate``, ``export`` and ``plot``.

Imported only by :mod:`dronemarket.__main__`. Every problem a user can cause
(a missing file, bad JSON, an unknown name, a missing optional dependency)
is raised as :class:`~dronemarket._cli.CliError`, one line that says it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, TextIO

from dronemarket import catalog, sipri
from dronemarket._cli import CliError, with_progress
from dronemarket.cooperation import Cooperation
from dronemarket.deals import Deal
from dronemarket.errors import DroneMarketError, StructureError
from dronemarket.market import Market
from dronemarket.parties import Organization, Sanction
from dronemarket.platforms import Platform
from dronemarket.production import LicensedProduction
from dronemarket.serialization import (
    DOCUMENT_FORMAT,
    LoadResult,
    load_market,
    load_records,
    structure,
)
from dronemarket.sources import Source

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "EXTRAS",
    "LIST_SEPARATOR",
    "RECORD_KINDS",
    "export",
    "filters",
    "first_line",
    "flat",
    "guess_kind",
    "market_of",
    "plot",
    "read_bytes",
    "validate",
]

RECORD_KINDS: Final[Mapping[str, type]] = {
    "deal": Deal,
    "production": LicensedProduction,
    "cooperation": Cooperation,
    "sanction": Sanction,
    "platform": Platform,
    "organization": Organization,
    "source": Source,
}
"""The kinds of record ``validate`` reads a list of, and their classes."""

# The keys that tell one kind of record from the others, tried in this order.
_TELLING: Final = (
    ("production", {"licensor", "arrangement", "host"}),
    ("cooperation", {"parties", "summary"}),
    ("sanction", {"authority", "target", "program"}),
    ("deal", {"supplier", "recipient"}),
    ("platform", {"specs", "manufacturer", "category", "roles"}),
    ("organization", {"country"}),
    ("source", {"publisher", "title"}),
)

EXTRAS: Final = {"pyarrow": "arrow", "matplotlib": "plot", "pandas": "pandas"}
"""The extra that installs each optional module the command line uses."""

_FILTERS: Final = (
    "supplier",
    "recipient",
    "platform",
    "manufacturer",
    "category",
    "region",
    "years",
    "status",
)


def first_line(error: BaseException) -> str:
    """Return the first line of an error's message (its class name when it has none)."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def read_bytes(path: str) -> bytes:
    """Return the bytes of the file at `path`, or raise CliError saying why it cannot be read."""
    try:
        return pathlib.Path(path).read_bytes()
    except OSError as error:
        raise CliError(f"cannot read {path}: {error.strerror or type(error).__name__}") from None


def _json(path: str, data: bytes) -> object:
    """Return the JSON value in `data`, or raise CliError naming the line and column."""
    try:
        return json.loads(data)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise CliError(f"{path} is not JSON: {error.msg} ({where})") from None
    except UnicodeDecodeError:
        raise CliError(f"{path} is not JSON: it is not UTF-8 text") from None
    except RecursionError:
        raise CliError(f"{path} is not JSON this reads: it is nested too deeply") from None


def market_of(arguments: argparse.Namespace, stderr: TextIO | None) -> Market:
    """Return the market the arguments name: ``--market FILE``, ``--sipri FILE`` or the catalog."""
    if getattr(arguments, "market", None):
        path: str = arguments.market
        document = _json(path, read_bytes(path))
        try:
            return with_progress(lambda: structure(document, Market), f"reading {path}", stderr)
        except DroneMarketError as error:
            count = len(error.errors) if isinstance(error, StructureError) else 1
            first = _errors(error)[0]
            raise CliError(
                f"{path} is not a valid market document ({count} error"
                f"{'s' if count != 1 else ''}; first: {_where(*first)}); "
                f"see `validate {path}`"
            ) from None
    if getattr(arguments, "sipri", None):
        path = arguments.sipri
        data = read_bytes(path)
        drones = bool(getattr(arguments, "drones", False))
        try:
            read = with_progress(
                lambda: sipri.read(data, drones_only=drones), f"reading {path}", stderr
            )
        except DroneMarketError as error:
            message = f"{path} is not a SIPRI export this library reads: {first_line(error)}"
            raise CliError(message) from None
        return read.market
    return catalog.market()


def filters(arguments: argparse.Namespace) -> dict[str, Any]:
    """Return the deal filters the arguments give, as keywords for a market query."""
    given: dict[str, Any] = {}
    for name in _FILTERS:
        value = getattr(arguments, name, None)
        if value is None:
            continue
        if isinstance(value, list):
            value = value[0] if len(value) == 1 else tuple(value)
        given[name] = value
    return given


def described(given: Mapping[str, Any]) -> str:
    """Return the filters as a clause: ``" (supplier TUR, years 2020-2022)"``."""
    parts = []
    for name, value in given.items():
        if isinstance(value, tuple) and name == "years":
            first, last = value
            shown = f"{first or ''}-{last or ''}"
        elif isinstance(value, tuple):
            shown = " or ".join(map(str, value))
        else:
            shown = str(value)
        parts.append(f"{name} {shown}")
    return f" ({', '.join(parts)})" if parts else ""


# --- validate -------------------------------------------------------------------------


def _errors(error: DroneMarketError) -> list[tuple[str, str]]:
    """Return an error's (path, message) pairs: a StructureError's every one, else its own."""
    if isinstance(error, StructureError):
        return list(error.errors) or [("", first_line(error))]
    return [("", str(error))]


def _where(path: str, message: str) -> str:
    return f"{path}: {message}" if path else message


def _at(index: int, path: str) -> str:
    """Return the path of an error in record `index` of a list: ``[3].status``."""
    if not path:
        return f"[{index}]"
    return f"[{index}]{path}" if path.startswith("[") else f"[{index}].{path}"


def guess_kind(records: list[object]) -> str:
    """Return the kind of record a list holds, told by the keys of its first record (or deal)."""
    first = next((item for item in records if isinstance(item, Mapping)), None)
    if first is not None:
        keys = set(first)
        for kind, telling in _TELLING:
            if keys & telling:
                return kind
    return "deal"


def validate(
    path: str, data: bytes, kind: str | None, known: Market | None = None
) -> tuple[str, int]:
    """Check the JSON in `data`; return the report and the status (1 when any error).

    With `known`, a platform, organization or source may be given by a name
    `known` holds (see :func:`dronemarket.load_records`).
    """
    value = _json(path, data)
    errors: list[tuple[str, str]]
    if isinstance(value, Mapping):
        what = "a market document"
        if value.get("format") not in (None, DOCUMENT_FORMAT):
            what += f" (format {value.get('format')!r}?)"
        try:
            market = load_market(value, known=known)
        except DroneMarketError as error:
            errors = _errors(error)
        else:
            errors = []
            what += (
                f": {len(market.platforms)} platforms, {len(market.organizations)} "
                f"organizations, {len(market.deals)} deals, {len(market.production)} "
                f"production, {len(market.sanctions)} sanctions, "
                f"{len(market.cooperation)} cooperation"
            )
    elif isinstance(value, list):
        kind = kind or guess_kind(value)
        result: LoadResult[Any] = load_records(value, RECORD_KINDS[kind], known=known)
        what = f"a list of {len(value)} {kind} record{'s' if len(value) != 1 else ''}"
        if not result.rejected:
            what += f": {len(result.loaded)} loaded"
        errors = [
            (_at(rejected.index, where), message)
            for rejected in result.rejected
            for where, message in rejected.errors
        ]
    else:
        raise CliError(f"{path} is neither a market document (a JSON object) nor a list of records")
    if not errors:
        return f"{path}: valid, {what}\n", 0
    count = len(errors)
    lines = [f"{path}: {count} error{'s' if count != 1 else ''} in {what}"]
    lines.extend(f"  {_where(where, message)}" for where, message in errors)
    return "\n".join(lines) + "\n", 1


# --- export and plot ------------------------------------------------------------------


def _import(module: str) -> Any:  # noqa: ANN401 - an optional module, untyped here
    """Import optional `module`, or raise CliError naming the extra that installs it."""
    import importlib  # noqa: PLC0415 - only the subcommands that need it import it

    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.partition(".")[0]
        extra = EXTRAS.get(top)
        if extra is None:
            raise CliError(f"{module} is not available in this version of dronemarket") from None
        raise CliError(
            f"{top} is not installed: it comes with dronemarket's "
            f'{extra!r} extra (python -m pip install "dronemarket[{extra}]")'
        ) from None


def _plain(value: object) -> object:
    """Return a value of an Arrow row as JSON takes it: dates in ISO form, decimals as text."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


LIST_SEPARATOR: Final = "; "
"""What joins the items of a list column in a CSV cell (CSV has no lists)."""


def flat(arrow: Any) -> Any:  # noqa: ANN401 - a pyarrow.Table (pyarrow is optional)
    """Return `arrow` with each list column as text, its items joined by ``"; "`` (for CSV).

    An empty list is an empty cell; a null list stays null. Other nested
    columns (structs, maps) are written as JSON text.
    """
    pa = _import("pyarrow")
    compute = _import("pyarrow.compute")
    for index, column in enumerate(arrow.schema):
        kind = column.type
        if pa.types.is_list(kind) or pa.types.is_large_list(kind):
            values = compute.cast(arrow.column(index), pa.list_(pa.string()))
            text = compute.binary_join(values, LIST_SEPARATOR)
        elif pa.types.is_nested(kind):
            rows = arrow.column(index).to_pylist()
            text = pa.array(
                [None if row is None else json.dumps(_plain(row)) for row in rows], pa.string()
            )
        else:
            continue
        arrow = arrow.set_column(index, pa.field(column.name, pa.string()), text)
    return arrow


def _guarded(work: Callable[[], Any], what: str) -> Any:  # noqa: ANN401 - whatever work returns
    """Run `work`; turn a user's error (an unknown name, a missing extra) into one CliError."""
    try:
        return work()
    except ImportError as error:  # the library's own missing-extra error names the extra
        raise CliError(first_line(error)) from None
    except (DroneMarketError, LookupError, ValueError, TypeError, NotImplementedError) as error:
        raise CliError(f"cannot {what}: {first_line(error)}") from None


def export(
    market: Market,
    table: str,
    fmt: str,
    out: str,
    given: Mapping[str, Any],
    *,
    stderr: TextIO | None,
) -> str:
    """Write `table` of `market`, selected by `given` filters, to `out` in `fmt`; say what."""
    _import("pyarrow")
    arrow = _guarded(
        lambda: with_progress(lambda: market.to_arrow(table, **given), f"building {table}", stderr),
        f"build the {table} table",
    )

    def write() -> None:
        if fmt == "csv":
            _import("pyarrow.csv").write_csv(flat(arrow), out)
        elif fmt == "parquet":
            _import("pyarrow.parquet").write_table(arrow, out)
        else:
            rows = [_plain(row) for row in arrow.to_pylist()]
            text = json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
            pathlib.Path(out).write_text(text, encoding="utf-8")

    try:
        _guarded(lambda: with_progress(write, f"writing {out}", stderr), f"write {out}")
    except OSError as error:
        raise CliError(f"cannot write {out}: {error.strerror or type(error).__name__}") from None
    rows = arrow.num_rows
    return f"wrote {rows} row{'s' if rows != 1 else ''} of {table} to {out} ({fmt})\n"


def plot(
    market: Market, kind: str, out: str, arguments: argparse.Namespace, given: Mapping[str, Any]
) -> str:
    """Draw the figure `kind` of `market` and save it to `out`; say what was written."""
    _import("matplotlib")
    plotting = _import("dronemarket.plot")
    top = {} if arguments.top is None else {"top": arguments.top}
    if kind == "timeline":
        figure = _guarded(
            lambda: plotting.timeline(market, measure=arguments.measure, **top, **given),
            "draw the timeline",
        )
    elif kind == "network":
        figure = _guarded(lambda: plotting.network(market, **top, **given), "draw the network")
    else:
        shares = _guarded(
            lambda: market.share(by=arguments.by, measure=arguments.measure, **given),
            "compute the shares",
        )
        figure = _guarded(lambda: plotting.shares(shares, **top), "draw the shares")
    try:
        figure.savefig(out)
    except OSError as error:
        raise CliError(f"cannot write {out}: {error.strerror or type(error).__name__}") from None
    except ValueError as error:  # matplotlib: an extension it has no writer for
        raise CliError(f"cannot write {out}: {first_line(error)}") from None
    return f"wrote the {kind} figure to {out}\n"
