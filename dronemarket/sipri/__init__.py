r"""Read the SIPRI Arms Transfers Database's exports, every record accounted for.

The caller reads the file; :func:`read` takes its ``bytes`` (or ``str``),
detects the format and returns a :class:`SipriImport` (:func:`records` gives
the typed records one by one, without a market):

>>> from dronemarket import sipri
>>> result = sipri.read(
...     "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,"
...     "Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,"
...     "SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons\n"
...     "Ruritania,Turkiye,2021,,4,?,Falcon-7,armed drone,2,,2022,New,,1.5,6,3\n"
... )
>>> result.format, result.records, len(result.rejected)
(<Format.TRADE_REGISTER: 'A'>, 1, 1)
>>> print(result.rejected[0].reason[:50])
Recipient: 'Ruritania' is not a state or territory

Each record read becomes a :class:`~dronemarket.Deal` in ``result.market``
(see :mod:`dronemarket.sipri._convert` for how each column is kept), and
``len(result.market.deals) + len(result.rejected) + result.skipped ==
result.records`` always holds.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from attrs import field, frozen

from dronemarket import _validate as v
from dronemarket.dates import PartialDate
from dronemarket.errors import ValidationError
from dronemarket.market import Market
from dronemarket.sipri import _csv, _names, _parse
from dronemarket.sipri._convert import ORDER_AFTER_DELIVERY, ORDER_YEAR_ESTIMATE, convert
from dronemarket.sipri._formats import Format, SipriFormatError, decode, detect, generated
from dronemarket.sipri._licence import LicenceNote
from dronemarket.sipri._record import SipriDelivery, SipriRecord
from dronemarket.sipri._writer import holds, to_trade_register
from dronemarket.sources import Source

__all__ = [
    "ORDER_AFTER_DELIVERY",
    "ORDER_YEAR_ESTIMATE",
    "Format",
    "LicenceNote",
    "Rejected",
    "SipriDelivery",
    "SipriFormatError",
    "SipriImport",
    "SipriRecord",
    "holds",
    "is_drone",
    "name_of",
    "read",
    "records",
    "source",
    "to_trade_register",
]

_A_WIDTH = 16
_COMMENTS = 13  # format A's Comments is its 13th field: only a raw newline there splits a record
_B_WIDTH = 17
_HOME = "https://www.sipri.org/databases/armstransfers"

is_drone = _names.is_drone
name_of = _names.name_of


@frozen
class Rejected:
    """A record ``read`` could not read, with where it is and why."""

    line: int = field(validator=v.whole(1))
    """Its first line in the file (for the JSON: its position in the list), from 1."""
    text: str = field(validator=v.is_a(str))
    """The raw record (its lines joined by ``\\n``)."""
    reason: str = field(validator=v.text(2_000))
    """The column and the rule it breaks."""


@frozen
class SipriImport:
    """What :func:`read` made of an export: the records, and an account of each one.

    ``len(market.deals) + len(rejected) + skipped == records`` always holds:
    ``market`` holds one deal per record read. The typed records themselves
    are not kept (a register's would double the result's memory):
    :func:`records` gives them.
    """

    format: Format = field(validator=v.is_a(Format))
    """The export's format."""
    records: int = field(kw_only=True, validator=v.whole(0))
    """How many records the data holds (format B: one per SIPRI AT Database ID)."""
    rejected: tuple[Rejected, ...] = field(kw_only=True, validator=v.items_of(Rejected))
    """The records that could not be read, each with its reason."""
    skipped: int = field(kw_only=True, validator=v.whole(0))
    """How many records ``drones_only`` left out."""
    generated: dt.datetime | None = field(kw_only=True, validator=v.optional(v.is_a(dt.datetime)))
    """The export's "Data generated" stamp (SIPRI gives no time zone); None if absent."""
    source: Source = field(kw_only=True, validator=v.is_a(Source))
    """The SIPRI Arms Transfers Database, cited at the export's date."""
    market: Market = field(factory=Market, kw_only=True, validator=v.is_a(Market))
    """One deal per record read, and the licensed production read from them."""

    def __attrs_post_init__(self) -> None:
        deals = len(self.market.deals)
        if deals + len(self.rejected) + self.skipped != self.records:
            rule = (
                f"is not the deals ({deals}) + rejected ({len(self.rejected)})"
                f" + skipped ({self.skipped})"
            )
            raise ValidationError("SipriImport", "records", self.records, rule)


def source(generated: dt.datetime | None = None) -> Source:
    """Return the citation of the SIPRI Arms Transfers Database, as generated on a date."""
    when = None if generated is None else PartialDate.from_date(generated.date())
    return Source(
        "SIPRI Arms Transfers Database",
        publisher="Stockholm International Peace Research Institute (SIPRI)",
        url=_HOME,
        published=when,
    )


def read(
    data: bytes | str, *, drones_only: bool = False, known: Market | None = None
) -> SipriImport:
    """Read an export of the SIPRI Arms Transfers Database; no I/O.

    `data` is the file's ``bytes`` (Latin-1 as SIPRI writes it; UTF-8 after a
    BOM) or its text. The format is detected from the content; anything else
    raises :class:`SipriFormatError` saying what was expected. A record that
    cannot be read becomes a :class:`Rejected` entry naming the column and the
    rule; nothing is dropped silently. ``drones_only`` keeps the records whose
    description names an unmanned aircraft (:func:`is_drone`).

    Designations and party names are resolved against ``known`` (by
    ``name_key``, through aliases; None: the built-in catalog,
    :func:`dronemarket.catalog.market`; ``Market()`` resolves nothing), so
    ``known | result.market`` merges without a clash. A record that breaks a
    rule of :class:`~dronemarket.Deal` becomes a :class:`Rejected` entry
    naming the rule.
    """
    if known is None:
        from dronemarket import catalog  # noqa: PLC0415 - same layer; loaded on first use

        known = catalog.market()
    elif not isinstance(known, Market):
        raise ValidationError("read", "known", known, "is not a Market (or None)")
    if type(drones_only) is not bool:
        raise ValidationError("read", "drones_only", drones_only, "is not a bool")
    kind, stamp, entries = _entries(data, drones_only=drones_only, keep_text=False)
    loaded: list[SipriRecord] = []
    rejected: list[Rejected] = []
    texts: dict[int, str] = {}  # a loaded record's raw text, by line: for its id, or if it fails
    skipped = total = 0
    for entry in entries:
        total += 1
        if entry is None:
            skipped += 1
        elif isinstance(entry, Rejected):
            rejected.append(entry)
        else:
            record, raw = entry
            texts[record.line] = raw
            loaded.append(record)
    cited = source(stamp)
    converted = convert(loaded, source=cited, known=known, texts=texts)
    if converted.failed:
        rejected.extend(
            Rejected(r.line, r.text or texts[r.line], reason) for r, reason in converted.failed
        )
        rejected.sort(key=lambda entry: entry.line)
    del texts, loaded
    return SipriImport(
        kind,
        records=total,
        rejected=tuple(rejected),
        skipped=skipped,
        generated=stamp,
        source=cited,
        market=converted.market,
    )


def records(data: bytes | str) -> Iterator[SipriRecord | Rejected]:
    r"""Return every record of an export, each a typed :class:`SipriRecord` or a :class:`Rejected`.

    One at a time, in the order of the file, each with its raw ``text``: no
    market is built and nothing is kept, so a register of any size streams
    in little memory. The format and the decoding are :func:`read`'s, and so
    are the rules, except the :class:`~dronemarket.Deal`'s own (a record
    whose delivery precedes its order is a record here; :func:`read`
    rejects it). The format is detected at once (:class:`SipriFormatError`
    if it is none of SIPRI's); the records are read as they are asked for.
    Filter with :func:`is_drone` for the drones:

    >>> export = (
    ...     "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,"
    ...     "Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,"
    ...     "SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons\n"
    ...     "Chile,Turkiye,2021,,4,?,Falcon-7,armed drone,2,,2022,New,,1.5,6,3\n"
    ...     "Chile,Spain,2020,,2,,Truck,lorry,0,,,New,,,,\n"
    ...     "Ruritania,Spain,2020,,2,,Truck,lorry,0,,,New,,,,\n"
    ... )
    >>> for r in records(export):
    ...     print(r.line, r.reason[:50] if isinstance(r, Rejected) else r.designation)
    2 Falcon-7
    3 Truck
    4 Recipient: 'Ruritania' is not a state or territory
    """
    _kind, _stamp, entries = _entries(data, drones_only=False, keep_text=True)
    return (entry if isinstance(entry, Rejected) else entry[0] for entry in entries if entry)


_Entry = tuple[SipriRecord, str] | Rejected | None
"""A record read (its raw text given beside it), rejected, or skipped (None)."""


def _entries(
    data: bytes | str, *, drones_only: bool, keep_text: bool
) -> tuple[Format, dt.datetime | None, Iterator[_Entry]]:
    """Detect the format and return it, the stamp, and the entries of every record.

    A record keeps its raw text only with `keep_text` (:func:`read` keeps none).
    """
    text = decode(data)
    lines = text.split("\n")
    kind, header = detect(lines)
    stamp = generated(lines[:header]) if header > 0 else None
    if kind is Format.WEB_JSON:
        return kind, stamp, _json(_trades(text), drones_only=drones_only, keep_text=keep_text)
    excel = lines[header].rstrip("\r").endswith(";")
    read = _register if kind is Format.TRADE_REGISTER else _deliveries
    entries = read(lines, header, excel=excel, drones_only=drones_only, keep_text=keep_text)
    return kind, stamp, entries


def _register(
    lines: list[str], header: int, *, excel: bool, drones_only: bool, keep_text: bool
) -> Iterator[_Entry]:
    columns = _parse.Columns()
    drone: dict[str, bool] = {}  # by description: a register repeats a few hundred

    def wanted(description: str) -> bool:
        found = drone.get(description)
        if found is None:
            found = drone[description] = is_drone(description)
        return found

    keep = (7, wanted) if drones_only else None
    rows = _csv.rows(lines, header + 1, _A_WIDTH, excel=excel, keep=keep, joins_from=_COMMENTS)
    for row in rows:
        if row is None:
            yield None
        elif row.fields is None:
            yield _wrong_width(row, _A_WIDTH)
        elif drones_only and not wanted(row.fields[7]):  # a re-joined record
            yield None
        else:
            try:
                raw = row.text if keep_text else ""
                yield _parse.register_record(row.line, raw, row.fields, columns), row.text
            except _parse.Reject as error:
                yield Rejected(row.line, row.text, str(error))


def _deliveries(
    lines: list[str], header: int, *, excel: bool, drones_only: bool, keep_text: bool
) -> Iterator[_Entry]:
    groups: dict[str, list[_csv.Row]] = {}
    for row in _csv.rows(lines, header + 1, _B_WIDTH, excel=excel):
        if row is None:  # pragma: no cover - rows yields None only when told what to keep
            continue
        if row.fields is None:
            yield _wrong_width(row, _B_WIDTH)
        else:
            groups.setdefault(row.fields[0].strip(), []).append(row)
    for rows in groups.values():
        first = rows[0]
        fields = [row.fields for row in rows if row.fields is not None]
        if drones_only and not is_drone(fields[0][4]):
            yield None
            continue
        text = "\n".join(row.text for row in rows)
        try:
            yield _parse.deliveries_record(first.line, text if keep_text else "", fields), text
        except _parse.Reject as error:
            yield Rejected(first.line, text, str(error))


def _trades(text: str) -> list[object]:
    """Return the web service's list of trades, or refuse the data as not one."""
    try:
        items = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        message = f"data: looks like JSON but is not valid JSON ({error})"
        raise SipriFormatError(message) from None
    if not isinstance(items, list):
        message = "data: is JSON but not a list of trades (SIPRI's web service returns a list)"
        raise SipriFormatError(message)
    return items


def _json(items: list[object], *, drones_only: bool, keep_text: bool) -> Iterator[_Entry]:
    for position, item in enumerate(items, 1):
        raw = json.dumps(item, ensure_ascii=False)
        description = item.get("desc") if isinstance(item, dict) else None
        if drones_only and isinstance(description, str) and not is_drone(description):
            yield None
            continue
        try:
            yield _parse.json_record(position, raw if keep_text else "", item), raw
        except _parse.Reject as error:
            yield Rejected(position, raw, str(error))


def _wrong_width(row: _csv.Row, width: int) -> Rejected:
    count = row.text.count(",") + 1
    reason = (
        f"record: has {count} fields, expected {width} "
        "(SIPRI writes no commas inside a field; a split record is re-joined)"
    )
    return Rejected(row.line, row.text, reason)
