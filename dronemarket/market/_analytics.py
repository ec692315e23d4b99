"""Analytics over a market's deals: shares, concentration and network.

Every analytic selects deals as ``market.deals(...)`` does, except that
without ``status=`` it counts SIPRI's transfers only (ordered, delivering,
delivered); each deal contributes what :func:`measure_of` says, by the one
counting rule of :func:`~dronemarket.market._tally.figures`.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal
from itertools import compress
from typing import TYPE_CHECKING, Any, Final, cast

from dronemarket import _iso
from dronemarket.deals import TRANSFERS, Deal, DealStatus
from dronemarket.market._checks import fail
from dronemarket.market._filters import as_party_key, wanted, year_bounds
from dronemarket.market._results import (
    EMPTY_TALLY,
    Concentration,
    Edge,
    PartyKey,
    Share,
    ShareKey,
    Shares,
    Tally,
)
from dronemarket.market._tally import (
    Figures,
    UnitColumn,
    figures_tally,
    measure_of,
    sum_tallies,
    units_of,
)
from dronemarket.market._timeline import delivered_by_year
from dronemarket.parties import ArmedGroup, Country, Multinational, Territory
from dronemarket.platforms import Category

if TYPE_CHECKING:
    from dronemarket.market._checks import Holdings
    from dronemarket.market._index import Key, Table

__all__ = [
    "BY",
    "MEASURES",
    "check_currency",
    "check_measure",
    "concentration",
    "network",
    "pick_currency",
    "share",
    "transfers_by_default",
]

BY: Final[tuple[str, ...]] = ("supplier", "recipient", "manufacturer", "platform", "category")
"""What a share splits the market by."""
MEASURES: Final[tuple[str, ...]] = ("units", "deals", "value", "tiv")
"""What an analytic can measure."""
_TRANSFER_NAMES: Final = tuple(
    status.value for status in DealStatus if status in TRANSFERS
)  # in the enum's order: ordered, delivering, delivered


def transfers_by_default(filters: Mapping[str, Any]) -> dict[str, Any]:
    """Return `filters` with ``status=`` set to SIPRI's transfers when it is not given.

    ``status=None`` given on purpose means every status.
    """
    if "status" in filters:
        return dict(filters)
    return {**filters, "status": TRANSFERS}


def _statuses(filters: Mapping[str, Any]) -> tuple[str, ...]:
    """Return the status values the (defaulted) `filters` count, in the enum's order."""
    given = filters.get("status")
    if given is None:
        return tuple(status.value for status in DealStatus)
    chosen = {given} if isinstance(given, DealStatus | str) else set(given)
    values = {s.value if isinstance(s, DealStatus) else str(s).casefold() for s in chosen}
    return tuple(s.value for s in DealStatus if s.value in values or s.name.casefold() in values)


def check_measure(measure: object, allowed: tuple[str, ...] = MEASURES) -> str:
    """Return `measure` when it is one of `allowed`; raise a ValidationError otherwise."""
    if measure not in allowed:
        raise fail("measure", measure, f"is not one of {', '.join(map(repr, allowed))}")
    return measure


def check_currency(currency: object) -> None:
    """Refuse a currency that is not an upper-case ISO 4217 code."""
    if (
        not isinstance(currency, str)
        or not currency.isascii()
        or not currency.isupper()
        or _iso.currencies().get(alpha_3=currency) is None
    ):
        raise fail("currency", currency, "is not an ISO 4217 currency code such as 'USD'")


def pick_currency(deals: Sequence[Deal], currency: str | None) -> str | None:
    """Return the one currency the values of `deals` are counted in.

    `currency` when given (checked); else the one currency of every value;
    values in several currencies are refused, never added up.
    """
    if currency is not None:
        check_currency(currency)
        return currency
    found = {deal.value.currency for deal in deals if deal.value is not None}
    if len(found) > 1:
        rule = "are mixed; pass currency= to count the deals valued in one of them"
        raise fail("currency", sorted(found), rule)
    return next(iter(found), None)


def share(
    table: Table[Deal],
    holdings: Holdings,
    *,
    by: object,
    measure: object,
    currency: str | None,
    filters: Mapping[str, Any],
) -> Shares:
    """Return the shares of the deals of `table` selected by `filters`, split `by` a key."""
    if by not in BY:
        rule = f"is not one of {', '.join(map(repr, BY))}"
        raise fail("by", by, rule)
    measure = check_measure(measure)
    if currency is not None:
        check_currency(currency)
    chosen = transfers_by_default(filters)
    groups = _groups(table, holdings, by, chosen)
    deals = table.records
    excluded = 0
    if measure == "units":
        units = table.cached("units", lambda: UnitColumn(deals))
        tallies = {key: units.tally(positions) for key, positions in groups.items()}
    elif measure == "deals":
        tallies = {key: Tally(len(p), len(p), len(p), len(p)) for key, p in groups.items()}
    else:
        every = [deals[p] for positions in groups.values() for p in positions]
        if measure == "value":
            currency = pick_currency(every, currency)
            excluded = sum(
                1 for deal in every if deal.value is not None and deal.value.currency != currency
            )
        low, high = year_bounds(chosen.get("years"))
        by_year = measure == "tiv" and chosen.get("year_of", "any") != "order"
        if by_year and (low is not None or high is not None):

            def one(deal: Deal) -> Figures | None:
                return _tiv_in_years(deal, low, high)
        else:

            def one(deal: Deal) -> Figures | None:
                return measure_of(deal, measure, currency)

        tallies = {
            key: figures_tally(
                one(deals[p])
                for p in positions
                if measure != "value" or _same_currency(deals[p], currency)
            )
            for key, positions in groups.items()
        }
    return _shares(
        holdings,
        by,
        measure,
        tallies,
        currency=currency if measure == "value" else None,
        excluded=excluded,
        statuses=_statuses(chosen),
    )


def _tiv_in_years(deal: Deal, low: int | None, high: int | None) -> Figures | None:
    """Return the TIV `deal` delivered in the years `low`..`high`, as SIPRI's TIV tables count.

    Placed by :func:`delivered_by_year`; None when the deal has no TIV
    delivered or no dated delivery; 0 when it delivered in other years only.
    """
    amount = measure_of(deal, "tiv")
    if amount is None:
        return None
    placed = delivered_by_year(deal, amount)
    if not placed:
        return None
    parts = [
        found
        for year, found in placed.items()
        if (low is None or year >= low) and (high is None or year <= high)
    ]
    return (
        sum((part[0] for part in parts), Decimal(0)),
        sum((part[1] for part in parts), Decimal(0)),
        sum((cast("Decimal", part[2]) for part in parts), Decimal(0)),
        any(part[3] for part in parts),
    )  # type: ignore[return-value]


def _same_currency(deal: Deal, currency: str | None) -> bool:
    """Say whether `deal` is counted in `currency`: unvalued, or valued in it."""
    return deal.value is None or deal.value.currency == currency


def _groups(
    table: Table[Deal], holdings: Holdings, by: str, filters: Mapping[str, Any]
) -> dict[Key, Sequence[int]]:
    """Return the positions of the deals selected by `filters`, grouped by `by`."""
    keys = wanted(filters, DealStatus, table, holdings)
    if not keys:
        return dict(table.index(by).positions)
    if keys == {"status": TRANSFERS}:  # the default selection: grouped once, kept
        table.index(by), table.index("status")  # built first: `cached` holds the table's lock
        return table.cached(f"transfers by {by}", lambda: _transfers_by(table, by))
    return _grouped(table, by, keys)


def _transfers_by(table: Table[Deal], by: str) -> dict[Key, Sequence[int]]:
    """Return the positions of the transfers, grouped by `by` (C-level passes, no sort)."""
    index, statuses = table.index(by), table.index("status")
    allowed = frozenset(statuses.codes[key] for key in TRANSFERS if key in statuses.codes)
    column = statuses.column
    grouped: dict[Key, Sequence[int]] = {}
    for key, positions in index.positions.items():
        kept = array(
            "I", compress(positions, map(allowed.__contains__, map(column.__getitem__, positions)))
        )
        if kept:
            grouped[key] = kept
    return grouped


def _grouped(table: Table[Deal], by: str, keys: Mapping[str, frozenset[Key]]) -> dict[Key, Any]:
    index = table.index(by)
    grouped: dict[int, array[int]] = defaultdict(lambda: array("I"))
    column = index.column
    for position in table.select(keys):
        grouped[column[position]].append(position)
    return {index.keys[code]: positions for code, positions in grouped.items()}


def _share_key(holdings: Holdings, by: str, key: Key) -> tuple[ShareKey, str]:
    if key is None:
        return None, "unknown"
    if by in {"supplier", "recipient"}:
        if type(key) is str:
            return Country(key), key
        party = cast("Territory | ArmedGroup | Multinational", key)
        return party, str(party)
    if by == "manufacturer":
        return holdings.organizations[cast("str", key)], cast("str", key)
    if by == "platform":
        return holdings.platforms[cast("str", key)], cast("str", key)
    category = cast("Category", key)
    return category, category.value


def _shares(
    holdings: Holdings,
    by: str,
    measure: str,
    tallies: Mapping[Key, Tally],
    *,
    currency: str | None,
    excluded: int,
    statuses: tuple[str, ...],
) -> Shares:
    total = sum_tallies(tallies.values()) if tallies else EMPTY_TALLY
    whole = total.central
    items = []
    for key, tally in tallies.items():
        if not tally.records:
            continue
        share_key, name = _share_key(holdings, by, key)
        part = tally.central
        fraction = float(part / whole) if whole and part is not None else None
        items.append(Share(share_key, name, fraction, tally))
    items.sort(key=lambda s: (s.share is None, -(s.share or 0), s.key is None, s.name))
    return Shares(by, measure, tuple(items), total, currency, excluded, statuses)


def as_party(value: object, field_name: str, table: Table[Deal]) -> PartyKey:
    """Return the party `value` names (an object, a code or a name)."""
    key = as_party_key(value, field_name, table)
    return Country(key) if isinstance(key, str) else cast("PartyKey", key)


def concentration(
    table: Table[Deal],
    holdings: Holdings,
    recipient: object,
    *,
    measure: object = "units",
    currency: str | None = None,
    filters: Mapping[str, Any],
) -> Concentration:
    """Return the Herfindahl-Hirschman index of `recipient`'s suppliers, by `measure`."""
    party = as_party(recipient, "recipient", table)
    if "recipient" in filters:
        raise fail("filters", "recipient", "is given twice (it is the first argument)")
    chosen = {**filters, "recipient": party}
    shares = share(
        table, holdings, by="supplier", measure=measure, currency=currency, filters=chosen
    )
    known = [
        item.tally.central
        for item in shares
        if item.key is not None and item.tally.central is not None
    ]
    total = sum(known)
    hhi = sum((part / total) ** 2 for part in known) if total else None
    return Concentration(party, None if hhi is None else min(1.0, float(hhi)), shares)


_EDGE_MEASURES: Final = ("units", "deals", "tiv")


def network(deals: Sequence[Deal], measure: object = "units") -> tuple[Edge, ...]:
    """Return the supplier → recipient links of `deals`, heaviest by `measure` first.

    Each link carries the units and the TIV of its deals, by the counting
    rule; a link whose figures are all unknown has None figures (never 0)
    and comes after every link with a figure.
    """
    measure = check_measure(measure, _EDGE_MEASURES)
    units: dict[tuple[PartyKey, PartyKey], list[Figures | None]] = defaultdict(list)
    tivs: dict[tuple[PartyKey, PartyKey], list[Figures | None]] = defaultdict(list)
    for deal in deals:
        supplier, recipient = deal.supplier.party, deal.recipient.party
        if supplier is not None and recipient is not None:
            link = (supplier, recipient)
            units[link].append(units_of(deal))
            tivs[link].append(measure_of(deal, "tiv"))
    edges = [
        Edge(supplier, recipient, figures_tally(found), figures_tally(tivs[supplier, recipient]))
        for (supplier, recipient), found in units.items()
    ]

    def weight(edge: Edge) -> int | Decimal | None:
        if measure == "deals":
            return edge.deals
        return (edge.tiv if measure == "tiv" else edge.units).central

    def order(edge: Edge) -> tuple[bool, int | Decimal, str, str]:  # heaviest, then by code
        found = weight(edge)
        return (found is None, -(found or 0), _name(edge.supplier), _name(edge.recipient))

    edges.sort(key=order)
    return tuple(edges)


def _name(party: PartyKey) -> str:
    return party.code if type(party) is Country else str(party)
