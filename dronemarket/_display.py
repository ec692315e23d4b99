"""How records, markets and results show themselves: short reprs, the full form, HTML.

Records and markets have a short ``repr``, one line of bounded length, so a
REPL or a notebook stays readable (a catalog deal's is under 300
characters; a market's counts its collections). The full field-by-field
form is :func:`describe`. Notebooks (Jupyter, VS Code) call
``_repr_html_``: a market shows its counts and its first deals, a deal its
fields, a platform every reported value of every spec with its source, and
shares their figures and coverage. Every text in HTML is escaped.

The classes wire these functions in with one line each
(``__repr__ = _display.deal``); this module imports nothing of the
library's above :mod:`dronemarket.units`, so that every class may use it.
"""

from __future__ import annotations

import functools
import html
import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast

import attrs

from dronemarket.errors import ValidationError
from dronemarket.units import unit_label

if TYPE_CHECKING:
    from dronemarket.cooperation import Cooperation
    from dronemarket.deals import Deal
    from dronemarket.market import Market, Shares, Tally
    from dronemarket.parties import Organization, Party, Sanction
    from dronemarket.platforms import Platform
    from dronemarket.production import LicensedProduction
    from dronemarket.sources import Source

__all__ = [
    "ROWS",
    "cooperation",
    "coverage",
    "deal",
    "deal_html",
    "describe",
    "market",
    "market_html",
    "organization",
    "platform",
    "platform_html",
    "production",
    "sanction",
    "shares",
    "shares_html",
]

T = TypeVar("T")

ROWS: Final = 5
"""How many deals a market's HTML shows."""
_TEXT: Final = 48
"""The most characters of one name or text a short repr shows."""
_PARTY: Final = 32
"""The most characters of one party's name a short repr shows."""
_ID: Final = 64
"""The most characters of an id a short repr shows."""
_PARTIES: Final = 4
"""The most parties a cooperation record's short repr names."""


# --- text -------------------------------------------------------------------------


def _clip(text: str, limit: int = _TEXT) -> str:
    """Return `text`, cut to `limit` characters with an ellipsis when longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quoted(text: str, limit: int = _TEXT) -> str:
    """Return `text` cut to `limit` and quoted as Python would (control characters escaped)."""
    return repr(_clip(text, limit))


def _party(party: Party | Organization | None) -> str:
    """Return a party as a short label: a country's code, another party's name, or unknown."""
    if party is None:
        return "unknown"
    code = getattr(party, "code", None)
    if isinstance(code, str):
        return code
    return _clip(str(getattr(party, "name", party)) if _is_org(party) else str(party), _PARTY)


def _is_org(party: object) -> bool:
    return type(party).__name__ == "Organization"


def _when(label: str, date: object) -> str:
    return f"{label} {date}" if date is not None else ""


def _short(kind: str, key: str, parts: Iterable[str]) -> str:
    shown = ", ".join(part for part in parts if part)
    return f"<{kind} {key}: {shown}>" if shown else f"<{kind} {key}>"


# --- short reprs ------------------------------------------------------------------


def _safe(show: Callable[[T], str]) -> Callable[[T], str]:
    """Return `show`, answering for an object still being built (a field not set yet).

    A repr is called on half-built objects by debuggers and tracebacks; it
    must never raise.
    """

    @functools.wraps(show)
    def safe(value: T) -> str:
        try:
            return show(value)
        except AttributeError:
            return f"<{type(value).__name__} (incomplete)>"

    return safe


@_safe
def deal(record: Deal) -> str:
    """Return a deal's short repr: id, parties, platform, count, status and date."""
    quantity = record.quantity
    what = _quoted(record.platform.name)
    if quantity is not None:
        what += f" x {_clip(str(quantity), 24)}"
    date = _when("ordered", record.ordered) or _when("announced", record.announced)
    confidence = record.confidence.value
    return _short(
        "Deal",
        _quoted(record.id, _ID),
        [
            f"{_party(record.supplier.party)} → {_party(record.recipient.party)}",
            what,
            record.status.value,
            date,
            confidence if confidence != "reported" else "",
        ],
    )


@_safe
def production(record: LicensedProduction) -> str:
    """Return a production record's short repr: id, platform, licensor, host, status, date."""
    date = (
        _when("started", record.started)
        or _when("agreed", record.agreed)
        or _when("announced", record.announced)
    )
    return _short(
        "LicensedProduction",
        _quoted(record.id, _ID),
        [
            _quoted(record.platform.name),
            f"{_party(record.licensor.party)} → {_party(record.host)}",
            record.arrangement.value,
            record.status.value,
            date,
        ],
    )


@_safe
def cooperation(record: Cooperation) -> str:
    """Return a cooperation record's short repr: id, kind, parties, date and summary."""
    parties = [_party(party) for party in record.parties[:_PARTIES]]
    if len(record.parties) > _PARTIES:
        parties.append(f"+{len(record.parties) - _PARTIES} more")
    return _short(
        "Cooperation",
        _quoted(record.id, _ID),
        [
            record.kind.value,
            " & ".join(parties),
            str(record.start) if record.start is not None else "",
            _quoted(record.summary),
        ],
    )


@_safe
def platform(record: Platform) -> str:
    """Return a platform's short repr: name, category, manufacturer, lineage."""
    maker = record.manufacturer
    parent = record.variant_of or record.derived_from
    lineage = ""
    if parent is not None:
        how = "variant of" if record.variant_of is not None else "derived from"
        lineage = f"{how} {_quoted(parent.name)}"
    return _short(
        "Platform",
        _quoted(record.name),
        [
            record.category.value if record.category is not None else "",
            f"by {_quoted(maker.name)} ({maker.country.code})" if maker is not None else "",
            lineage,
        ],
    )


@_safe
def organization(record: Organization) -> str:
    """Return an organization's short repr: name, country and kind."""
    return f"<Organization {_quoted(record.name)}: {record.country.code}, {record.kind.value}>"


@_safe
def sanction(record: Sanction) -> str:
    """Return a sanction's short repr: authority, target, date and programme."""
    return _short(
        "Sanction",
        record.authority.value,
        [
            f"on {_quoted(record.target_name)}",
            str(record.imposed) if record.imposed is not None else "",
            _quoted(record.program) if record.program else "",
        ],
    )


@_safe
def market(held: Market) -> str:
    """Return a market's one-line summary: how many records of each kind it holds."""
    counts = {
        "deals": len(held.deals),
        "platforms": len(held.platforms),
        "organizations": len(held.organizations),
        "production": len(held.production),
        "sanctions": len(held.sanctions),
        "cooperation": len(held.cooperation),
    }
    return "<Market: " + ", ".join(f"{n:,} {name}" for name, n in counts.items()) + ">"


_SHARES_SHOWN: Final = 3
"""How many shares a Shares' short repr names."""


@_safe
def shares(held: Shares) -> str:
    """Return shares' short repr: what they split, the largest few and the coverage."""
    named = [
        f"{_quoted(item.name, _PARTY)} {_percent(item.share)}"
        for item in itertools.islice(held, _SHARES_SHOWN)
    ]
    if len(held) > _SHARES_SHOWN:
        named.append(f"+{len(held) - _SHARES_SHOWN:,} more")
    covered = f"coverage {_percent(coverage(held.total))}"
    return _short("Shares", f"by {held.by} ({held.measure})", [*named, covered])


# --- the full form ----------------------------------------------------------------


def _expands(value: object) -> bool:
    """Say whether `value` is shown field by field: an attrs object without a repr of its own."""
    cls = type(value)
    if not attrs.has(cls):
        return False
    method = cls.__repr__
    if getattr(method, "__module__", None) == __name__:
        return True
    code = getattr(method, "__code__", None)
    return code is not None and code.co_filename.startswith("<attrs generated")


_LINEAGE: Final = frozenset({"variant_of", "derived_from"})
"""Fields that name a parent: shown by the parent's short repr, so a long lineage stays short."""


def _lines(value: object, indent: str, limit: int | None) -> list[str]:
    """Return the lines that show `value`'s fields, each indented by `indent`."""
    out: list[str] = []
    for attribute in attrs.fields(cast("type[attrs.AttrsInstance]", type(value))):
        if not attribute.repr or attribute.name.startswith("_"):
            continue
        out.extend(_field(attribute.name, getattr(value, attribute.name), indent, limit))
    return out


def _field(name: str, value: object, indent: str, limit: int | None) -> list[str]:
    stored = getattr(value, "stored", None)
    if type(value).__name__ == "Specs" and callable(stored):  # a line per spec, not one in all
        specs = stored()
        lines = [f"{indent}  {spec}: {figure!r}" for spec, figure in specs.items()]
        return [f"{indent}{name}: {'Specs' if specs else 'Specs()'}", *lines]
    if name in _LINEAGE or not (_expands(value) or _is_sequence(value)):
        return [f"{indent}{name}: {_value(value)}"]
    if _expands(value):
        return [f"{indent}{name}: {type(value).__name__}", *_lines(value, indent + "  ", limit)]
    items = list(value)  # type: ignore[call-overload]
    if not items:
        return [f"{indent}{name}: {value!r}"]
    out = [f"{indent}{name}: {len(items)}"]
    shown = items if limit is None else items[:limit]
    for item in shown:
        if _expands(item):
            out.append(f"{indent}  - {type(item).__name__}")
            out.extend(_lines(item, indent + "      ", limit))
        else:
            out.append(f"{indent}  - {item!r}")
    if len(shown) < len(items):
        out.append(f"{indent}  ... and {len(items) - len(shown):,} more")
    return out


def _value(value: object) -> str:
    """Return `value`'s repr; a frozenset's items sorted, so the form is the same every run."""
    if isinstance(value, frozenset) and value:
        return "frozenset({" + ", ".join(sorted(map(repr, value))) + "})"
    return repr(value)


def _is_sequence(value: object) -> bool:
    return isinstance(value, tuple | frozenset) and any(_expands(item) for item in value)


def describe(value: object, *, limit: int | None = 20) -> str:
    """Return the full, field-by-field form of a record, a value or a market.

    Each field is on a line of its own; a nested record is shown field by
    field under it, indented, and so is each item of a tuple of records
    (at most `limit` of them, ``None`` for every one). A platform's
    parents are named by their short repr, so a long lineage stays short.
    A market lists each collection's records by their short repr. Any
    other value is its ``repr``.

    >>> import dronemarket as dm
    >>> print(
    ...     dm.describe(
    ...         dm.Organization("Baykar", country=dm.Country("TUR"), kind=dm.OrgKind.MANUFACTURER)
    ...     )
    ... )
    Organization
      name: 'Baykar'
      country: Country('TUR')
      kind: <OrgKind.MANUFACTURER: 'manufacturer'>
      aliases: frozenset()
    """
    if limit is not None and (type(limit) is not int or limit < 0):
        raise ValidationError("describe", "limit", limit, "is not None or an int >= 0")
    if type(value).__name__ == "Market" and hasattr(value, "platforms"):
        return _describe_market(value, limit)
    if not _expands(value):
        return repr(value)
    return "\n".join([type(value).__name__, *_lines(value, "  ", limit)])


def _describe_market(held: Any, limit: int | None) -> str:  # noqa: ANN401 - a Market
    out = [market(held)]
    for name in ("platforms", "organizations", "deals", "production", "sanctions", "cooperation"):
        items: Sequence[object] = getattr(held, name)
        out.append(f"  {name}: {len(items):,}")
        shown = items if limit is None else items[:limit]
        out.extend(f"    - {item!r}" for item in shown)
        if len(shown) < len(items):
            out.append(f"    ... and {len(items) - len(shown):,} more")
    return "\n".join(out)


# --- HTML -------------------------------------------------------------------------


def _e(value: object) -> str:
    """Return `value` as escaped HTML text."""
    return html.escape(str(value), quote=True)


def _rows(rows: Iterable[tuple[str, str]]) -> str:
    """Return table rows of a header and a cell; the cell is HTML already escaped."""
    return "".join(
        f"<tr><th style='text-align:left'>{_e(h)}</th><td>{c}</td></tr>" for h, c in rows
    )


def _table(head: Sequence[str], body: Iterable[Sequence[str]]) -> str:
    """Return a table with the header `head` and rows of cells already escaped."""
    header = "".join(f"<th>{_e(cell)}</th>" for cell in head)
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in body)
    return f"<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"


def _box(title: str, *parts: str) -> str:
    return f"<div class='dronemarket'><p><strong>{title}</strong></p>{''.join(parts)}</div>"


def _source(source: Source) -> str:
    """Return a source as HTML: publisher and title, linked when it has an address."""
    title = _e(source.title)
    if source.url:
        title = f"<a href='{_e(source.url)}'>{title}</a>"
    when = f", {_e(source.published)}" if source.published is not None else ""
    return f"{_e(source.publisher)}: {title}{when}"


def _sources(sources: Sequence[Source]) -> str:
    return "<ol>" + "".join(f"<li>{_source(s)}</li>" for s in sources) + "</ol>"


def _party_html(party: Party | None, org: Organization | None) -> str:
    shown = "unknown" if party is None else str(party)
    code = getattr(party, "code", None)
    text = _e(shown) + (f" ({_e(code)})" if isinstance(code, str) else "")
    return text + (f"; {_e(org.name)}" if org is not None else "")


def _or_dash(value: object) -> str:
    return "—" if value is None or value == "" else _e(value)


def _delivered_when(delivery: object) -> str:
    years = getattr(delivery, "years", None)
    if years is not None:
        return "; ".join(map(str, years))
    date = getattr(delivery, "date", None)
    return "undated" if date is None else str(date)


def deal_html(record: Deal) -> str:
    """Return a deal as an HTML table of its fields, sources linked."""
    deliveries = "; ".join(
        f"{_e(_delivered_when(d))}: {_or_dash(d.count)}" for d in record.deliveries
    )
    rows = [
        ("supplier", _party_html(record.supplier.party, record.supplier.manufacturer)),
        ("recipient", _party_html(record.recipient.party, record.recipient.end_user)),
        ("platform", _e(record.platform.name)),
        ("status", _e(record.status.value)),
        ("ordered", _or_dash(record.ordered)),
        ("announced", _or_dash(record.announced)),
        ("quantity", _or_dash(record.quantity)),
        ("delivered", _or_dash(record.delivered)),
        ("deliveries", deliveries or "—"),
        ("value", _or_dash(record.value)),
        ("TIV delivered", _or_dash(record.tiv.delivered if record.tiv else None)),
        ("condition", _or_dash(record.condition.value if record.condition else None)),
        ("intermediaries", _e(", ".join(o.name for o in record.intermediaries)) or "—"),
        ("confidence", _e(record.confidence.value)),
        ("notes", _or_dash(record.notes)),
        ("sources", _sources(record.sources)),
    ]
    return _box(f"Deal <code>{_e(record.id)}</code>", f"<table>{_rows(rows)}</table>")


def platform_html(record: Platform) -> str:
    """Return a platform as HTML: what it is, then every reported value of every spec and source.

    The preferred value of each spec (the first reported) is in bold.
    """
    maker = record.manufacturer
    parent = record.variant_of or record.derived_from
    rows = [
        ("manufacturer", _e(f"{maker.name} ({maker.country.code})") if maker else "—"),
        ("category", _or_dash(record.category.value if record.category else None)),
        ("roles", _e(", ".join(sorted(r.value for r in record.roles))) or "—"),
        ("aliases", _e(", ".join(sorted(record.aliases))) or "—"),
        ("first flight", _or_dash(record.first_flight)),
        ("in service", _or_dash(record.in_service)),
        ("lineage", _e(parent.name) if parent is not None else "—"),
    ]
    specs = []
    from_table = _spec_labels()
    for name, figure in record.specs.figures().items():
        disputed = " (disputed)" if figure.disputed else ""
        for position, report in enumerate(figure.reports):
            value = report.value
            text = f"{'~' if report.estimate else ''}{value.magnitude} {unit_label(value)}"
            source = _source(report.source) if report.source is not None else "—"
            label = _e(from_table.get(name, name)) + disputed if position == 0 else ""
            note = _e(report.note) if report.note else ""
            shown = f"<strong>{_e(text)}</strong>" if position == 0 else _e(text)
            specs.append([label, shown, source, note])
    table = (
        _table(["spec", "value", "source", "note"], specs) if specs else "<p>No spec reported.</p>"
    )
    extra = f"<p>Sources</p>{_sources(record.sources)}" if record.sources else ""
    return _box(f"Platform {_e(record.name)}", f"<table>{_rows(rows)}</table>", table, extra)


def _spec_labels() -> dict[str, str]:
    # Parties use this module and the spec table sits above them: import it on use.
    from dronemarket.specs import SPEC_FIELDS  # noqa: PLC0415 - see above

    return {name: row.description for name, row in SPEC_FIELDS.items()}


def market_html(held: Market, rows: int = ROWS) -> str:
    """Return a market as HTML: how many records of each kind, then its first deals."""
    counts = [
        ("deals", len(held.deals)),
        ("platforms", len(held.platforms)),
        ("organizations", len(held.organizations)),
        ("production", len(held.production)),
        ("sanctions", len(held.sanctions)),
        ("cooperation", len(held.cooperation)),
    ]
    summary = _table([name for name, _ in counts], [[f"{n:,}" for _, n in counts]])
    body = [
        [
            f"<code>{_e(d.id)}</code>",
            _e(_party(d.supplier.party)),
            _e(_party(d.recipient.party)),
            _e(d.platform.name),
            _e(d.status.value),
            _or_dash(d.quantity),
            _or_dash(d.ordered or d.announced),
        ]
        for d in itertools.islice(held.deals, rows)
    ]
    head = ["id", "supplier", "recipient", "platform", "status", "quantity", "date"]
    deals = _table(head, body) if body else ""
    more = len(held.deals) - len(body)
    tail = f"<p>… and {more:,} more deals</p>" if more > 0 else ""
    return _box("Market", summary, deals, tail)


def coverage(tally: Tally) -> float | None:
    """Return how much of a tally rests on data: counted over records; None with no record."""
    return tally.coverage


def _percent(value: float | None) -> str:
    """Return a fraction as a percentage; ``"unknown"`` when None (never 0 %)."""
    return "unknown" if value is None else f"{value:.1%}"


def shares_html(held: Shares) -> str:
    """Return shares as HTML: each share, its low, central and high figures and its coverage."""
    body = [
        [
            _e(item.name),
            _percent(item.share) if item.tally.counted else "unknown",
            _e(item.tally.low),
            _e(item.tally.central),
            _e(item.tally.high) if item.tally.high is not None else "unbounded",
            _e(f"{item.tally.counted} of {item.tally.records}"),
            _percent(coverage(item.tally)),
        ]
        for item in held
    ]
    total = held.total
    head = ["name", "share", "low", "central", "high", "counted", "coverage"]
    currency = f" in {_e(held.currency)}" if held.currency else ""
    excluded = f"; {held.excluded:,} excluded (another currency)" if held.excluded else ""
    note = (
        f"<p>Coverage {_percent(coverage(total))}: {total.counted:,} of {total.records:,} "
        f"records counted{excluded}.</p>"
    )
    title = f"Shares by {_e(held.by)}, {_e(held.measure)}{currency}"
    return _box(title, _table(head, body), note)
