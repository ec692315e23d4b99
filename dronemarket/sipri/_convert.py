"""SIPRI records to deals and licensed production.

Each :class:`SipriRecord` read becomes one :class:`~dronemarket.Deal`:

- the parties as SIPRI names them (an unknown party is None), resolved
  against the known market;
- one platform per designation (matched by ``name_key``): the known market's
  platform when it holds one by that name or alias, otherwise a new one with
  the category and roles the description says, and nothing else;
- the order year as a year-precise date; SIPRI's ``?`` on it is said in the
  notes (:data:`ORDER_YEAR_ESTIMATE`), as the model has no flag for a date;
- the number ordered (None when empty, ``Count.about`` when flagged ``?``);
- the deliveries: one :class:`~dronemarket.Delivery` per year where the
  format gives per-year counts or one year, a :class:`~dronemarket.DeliverySpan`
  for several years with one total;
- the condition, the TIV, SIPRI's Comments verbatim as the notes (followed by
  lines starting ``SIPRI:`` for flags and columns the model has no field for);
- the status by SIPRI's inclusion rule (:attr:`SipriRecord.status`);
- the id ``sipri-<SIPRI AT Database ID>`` where the format gives one, else
  ``sipri-a-<digest of the record>``.

Licensed production comes from format B's ``Local production: Yes`` (and the
JSON's licence code) and from format A's Comments.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Final

from dronemarket.dates import PartialDate
from dronemarket.deals import Count, Deal, Delivery, DeliverySpan
from dronemarket.errors import DroneMarketError
from dronemarket.market import Market, name_key
from dronemarket.parties import ArmedGroup, Country, Multinational, Recipient, Supplier, Territory
from dronemarket.platforms import Platform
from dronemarket.production import Arrangement, LicensedProduction, ProductionStatus
from dronemarket.sipri._licence import LicenceNote
from dronemarket.sipri._record import SipriRecord
from dronemarket.sipri._resolve import Resolver, describe
from dronemarket.sources import Confidence, Source
from dronemarket.specs import Specs

__all__ = [
    "DESCRIPTION",
    "ORDER_AFTER_DELIVERY",
    "ORDER_YEAR_ESTIMATE",
    "Converted",
    "convert",
    "ordered_of",
]

ORDER_YEAR_ESTIMATE: Final = "SIPRI: the year of order is an estimate (?)"
"""The notes line that carries SIPRI's ``?`` on the year of order."""
ORDER_AFTER_DELIVERY: Final = (
    "SIPRI: the year of order is an estimate (?) after the first delivery, so not held as"
    " the order date:"
)
"""The notes line (followed by the year) of an estimated order year that a delivery precedes."""
DESCRIPTION: Final = "SIPRI: weapon description: "
"""The notes line that keeps SIPRI's weapon description (followed by it)."""
_MARK: Final = "SIPRI: "


class Converted:
    """What :func:`convert` made: the market, and the records it could not make a deal of."""

    __slots__ = ("failed", "market")

    def __init__(self, market: Market, failed: tuple[tuple[SipriRecord, str], ...]) -> None:
        """Hold `market` and the `failed` records, each with the rule it breaks."""
        self.market = market
        """The deals and the licensed production."""
        self.failed = failed
        """Records that break a rule of :class:`~dronemarket.Deal`, each with the rule."""


def _count(number: int | None, *, estimate: bool) -> Count | None:
    if number is None or number == 0:
        return None
    return Count.about(number) if estimate else Count.exact(number)


def _deliveries(record: SipriRecord, ctx: _Context) -> tuple[Delivery | DeliverySpan, ...]:
    """Return the record's deliveries; equal ones are one shared tuple within a read."""
    if record.deliveries:  # format B: per-year counts, as given
        key: object = record.deliveries
    else:
        key = (record.delivery_years, record.number_delivered, record.number_delivered_estimate)
    found = ctx.deliveries.get(key)
    if found is None:
        found = ctx.deliveries[key] = _make_deliveries(record, ctx)
    return found


def _make_deliveries(record: SipriRecord, ctx: _Context) -> tuple[Delivery | DeliverySpan, ...]:
    if record.deliveries:  # format B: per-year counts, as given
        return tuple(
            Delivery(ctx.date(row.year), ctx.count(row.count, estimate=bool(row.count_estimate)))
            for row in record.deliveries
        )
    count = ctx.count(record.number_delivered, estimate=record.number_delivered_estimate)
    years = record.delivery_years
    if len(years) == 1:
        return (Delivery(ctx.date(years[0]), count),)
    if years:
        return (DeliverySpan(years, count=count),)
    if count is not None:  # delivered, in no year SIPRI gives
        return (Delivery(None, count),)
    return ()


def _first_delivery(record: SipriRecord) -> int | None:
    years = record.delivery_years or tuple(row.year for row in record.deliveries)
    return years[0] if years else None


def _order_contradicted(record: SipriRecord) -> bool:
    """Say whether SIPRI's estimated (``?``) order year is after its first delivery."""
    first = _first_delivery(record)
    return (
        record.order_year_estimate
        and record.order_year is not None
        and first is not None
        and first < record.order_year
    )


def ordered_of(record: SipriRecord) -> PartialDate | None:
    """Return the deal's order date: SIPRI's year, unless it is an estimate its deliveries precede.

    Such a year is kept in the notes (:data:`ORDER_AFTER_DELIVERY`), not as the order date.
    """
    return None if _order_contradicted(record) else record.ordered


def _extra_notes(record: SipriRecord) -> list[str]:
    """Return the ``SIPRI:`` lines for what the deal has no field for."""
    lines = [f"{DESCRIPTION}{record.description}"]
    if _order_contradicted(record):
        lines.append(f"{ORDER_AFTER_DELIVERY} {record.order_year}")
    elif record.order_year_estimate:
        lines.append(ORDER_YEAR_ESTIMATE)
    guessed = [str(row.year) for row in record.deliveries if row.year_estimate]
    if guessed:
        lines.append(f"{_MARK}delivery year(s) estimated: {', '.join(guessed)}")
    if record.category is not None:
        lines.append(f"{_MARK}armament category: {record.category}")
    if record.tiv_new_unit is not None:
        lines.append(f"{_MARK}unit TIV when new (SIPRI estimate): {record.tiv_new_unit}")
    if record.condition_estimate:
        lines.append(f"{_MARK}the condition is inferred")
    if record.local_production:
        lines.append(f"{_MARK}local production: yes")
    lines.extend(f"{_MARK}{name}: {code}" for name, code in record.codes)
    return lines


def notes_of(record: SipriRecord) -> str:
    """Return a deal's notes: SIPRI's Comments verbatim, then the ``SIPRI:`` lines."""
    return "\n".join(part for part in (record.comments, *_extra_notes(record)) if part)


def _digest(record: SipriRecord, texts: Mapping[int, str]) -> str:
    text = (record.text or texts.get(record.line, "")).replace("\r", "").replace("\n", "")
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _ids(records: Sequence[SipriRecord], texts: Mapping[int, str]) -> list[str]:
    """Return each record's deal id; a repeated one gets ``-2``, ``-3``, ... in file order."""
    seen: dict[str, int] = {}
    out = []
    for record in records:
        base = f"sipri-{record.sipri_id}" if record.sipri_id is not None else None
        base = base or f"sipri-a-{_digest(record, texts)}"
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


class _Platforms:
    """One platform per designation, matched by ``name_key``."""

    def __init__(self, records: Sequence[SipriRecord], resolver: Resolver, source: Source) -> None:
        self._resolver = resolver
        self._source = source
        self._made: dict[str, Platform] = {}
        self._by_designation: dict[str, Platform] = {}
        first: dict[str, SipriRecord] = {}
        local: dict[str, list[str]] = {}
        keys: dict[str, str | None] = {}  # designation -> its name_key; None: a known platform
        for record in records:
            designation = record.designation
            if designation in keys:
                key = keys[designation]
            else:
                known = resolver.platform(designation) is not None
                key = keys[designation] = None if known else name_key(designation)
            if key is None:
                continue
            first.setdefault(key, record)
            if record.licences:
                for note in record.licences:
                    local.setdefault(key, []).extend(note.local_designations)
        taken = set(first)
        # Thousands of made platforms: the values they have in common are one object each.
        sources, specs, no_aliases = (source,), Specs(), frozenset[str]()
        for key, record in first.items():
            aliases = []
            for alias in dict.fromkeys(local.get(key, ())):
                alias_key = name_key(alias)
                if not alias_key or alias_key in taken or resolver.holds_name(alias):
                    continue  # it names another platform (or this one): no alias
                taken.add(alias_key)
                aliases.append(alias)
            category, roles = describe(record.description)
            self._made[key] = Platform(
                record.designation,
                manufacturer=None,
                category=category,
                roles=roles,
                specs=specs,
                aliases=frozenset(aliases) if aliases else no_aliases,
                sources=sources,
            )

    def __call__(self, designation: str) -> Platform:
        found = self._by_designation.get(designation)
        if found is None:
            known = self._resolver.platform(designation)
            found = known if known is not None else self._made[name_key(designation)]
            self._by_designation[designation] = found
        return found


def _deal(record: SipriRecord, deal_id: str, platform: Platform, ctx: _Context) -> Deal:
    return Deal(
        supplier=ctx.supplier(record.supplier),
        recipient=ctx.recipient(record.recipient),
        platform=platform,
        status=record.status,
        ordered=ctx.ordered(record),
        quantity=ctx.count(record.number_ordered, estimate=record.number_ordered_estimate),
        deliveries=_deliveries(record, ctx),
        condition=record.condition,
        tiv=record.tiv,
        sources=ctx.sources,
        notes=ctx.intern(notes_of(record)),
        id=deal_id,
    )


_Party = Country | Territory | ArmedGroup | Multinational


class _Context:
    """What one conversion shares among its deals: each distinct value is built once.

    Every object is still built (and checked) by its own class; equal ones
    are one object, so that a register's ~30,000 deals share their parties,
    counts, dates, deliveries and notes. Local to one :func:`convert` call.
    """

    __slots__ = (
        "_counts",
        "_dates",
        "_recipients",
        "_strings",
        "_suppliers",
        "deliveries",
        "resolver",
        "source",
        "sources",
    )

    def __init__(self, resolver: Resolver, source: Source) -> None:
        self.resolver = resolver
        self.source = source
        self.sources = (source,)
        self._suppliers: dict[_Party | None, Supplier] = {}
        self._recipients: dict[_Party | None, Recipient] = {}
        self._counts: dict[tuple[int, bool], Count] = {}
        self._dates: dict[int, PartialDate] = {}
        self._strings: dict[str, str] = {}
        self.deliveries: dict[object, tuple[Delivery | DeliverySpan, ...]] = {}

    def supplier(self, party: _Party | None) -> Supplier:
        found = self._suppliers.get(party)
        if found is None:
            found = self._suppliers[party] = Supplier(self.resolver.party(party))
        return found

    def recipient(self, party: _Party | None) -> Recipient:
        found = self._recipients.get(party)
        if found is None:
            found = self._recipients[party] = Recipient(self.resolver.party(party))
        return found

    def count(self, number: int | None, *, estimate: bool) -> Count | None:
        if number is None or number == 0:
            return None
        key = (number, estimate)
        found = self._counts.get(key)
        if found is None:
            found = Count.about(number) if estimate else Count.exact(number)
            self._counts[key] = found
        return found

    def date(self, year: int) -> PartialDate:
        found = self._dates.get(year)
        if found is None:
            found = self._dates[year] = PartialDate(year)
        return found

    def ordered(self, record: SipriRecord) -> PartialDate | None:
        year = record.order_year
        if year is None or _order_contradicted(record):
            return None
        return self.date(year)

    def intern(self, text: str) -> str:
        return self._strings.setdefault(text, text)


def _disagreements(
    platform: Platform, host: Country, licensor: Supplier, resolver: Resolver
) -> list[str]:
    """Say where the known market records production in the same host (of another platform)."""
    lines = []
    party = licensor.party
    for other in resolver.production_of(host):
        if other.platform == platform:
            lines.append(f"The known market records this production too ({other.id}).")
        elif party is not None and other.licensor.party == party:
            lines.append(
                f"SIPRI and the known market disagree: SIPRI names the {platform.name}, "
                f"the known market's {other.id} the {other.platform.name}, both produced in "
                f"{host.name} under a licence from {party}; both are kept."
            )
    return lines


def _production(deal: Deal, record: SipriRecord, resolver: Resolver) -> list[LicensedProduction]:
    status = ProductionStatus.PRODUCING if deal.deliveries else ProductionStatus.AGREED
    made: list[tuple[str, Country, Arrangement, Confidence, str]] = []
    host = deal.recipient.party
    if record.local_production and isinstance(host, Country):
        note = (
            f"From SIPRI's 'Local production: Yes' on deal {deal.id}; SIPRI does not say "
            "whether it is production under licence or assembly."
        )
        made.append(("local", host, Arrangement.LICENSED_PRODUCTION, Confidence.REPORTED, note))
    for number, licence in enumerate(record.licences, 1):
        if isinstance(licence.licensee, Country):  # else the comment stays in the deal's notes
            made.append(_from_comment(deal, licence, licence.licensee, number))
    licensor = Supplier(deal.supplier.party)
    out = []
    for suffix, where, arrangement, confidence, note in made:
        extra = _disagreements(deal.platform, where, licensor, resolver)
        try:
            out.append(
                LicensedProduction(
                    platform=deal.platform,
                    licensor=licensor,
                    host=where,
                    arrangement=arrangement,
                    status=status,
                    agreed=deal.ordered,
                    sources=deal.sources,
                    confidence=confidence,
                    notes="\n".join((note, *extra)),
                    id=f"{deal.id}-{suffix}",
                )
            )
        except DroneMarketError:
            continue  # e.g. produced in the supplier's own country; the comment is in the notes
    return out


def _from_comment(
    deal: Deal, licence: LicenceNote, host: Country, number: int
) -> tuple[str, Country, Arrangement, Confidence, str]:
    produced = "produc" in licence.clause.casefold()
    arrangement = (
        Arrangement.LOCAL_ASSEMBLY
        if licence.assembly and not produced
        else Arrangement.LICENSED_PRODUCTION
    )
    note = f"Read from SIPRI's comment on deal {deal.id}: {licence.clause!r}."
    if licence.possible:
        note += " SIPRI hedges it ('possibly'): unconfirmed."
    if licence.local_designations:
        note += f" Local designation(s): {', '.join(licence.local_designations)}."
    return (f"licence-{number}", host, arrangement, licence.confidence, note)


def convert(
    records: Sequence[SipriRecord],
    *,
    source: Source,
    known: Market,
    texts: Mapping[int, str] | None = None,
) -> Converted:
    """Return the market of `records` (deals and licensed production) and those that fail.

    `texts` gives, by line, the raw text of records built without it (``read``
    builds its records without it); a record's id digests its raw text.

    A record that breaks a rule of :class:`~dronemarket.Deal` (more delivered
    than ordered, a delivery before the order) fails with that rule.
    """
    resolver = Resolver(known)
    ctx = _Context(resolver, source)
    platform_of = _Platforms(records, resolver, source)
    deals: list[Deal] = []
    production: list[LicensedProduction] = []
    failed: list[tuple[SipriRecord, str]] = []
    for record, deal_id in zip(records, _ids(records, texts or {}), strict=True):
        try:
            deal = _deal(record, deal_id, platform_of(record.designation), ctx)
        except DroneMarketError as error:
            failed.append((record, str(error)))
            continue
        deals.append(deal)
        if record.local_production or record.licences:
            production.extend(_production(deal, record, resolver))
    return Converted(Market.of(*deals, *production), tuple(failed))
