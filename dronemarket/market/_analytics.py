"""Analytics over a market's deals: shares, concentration, timeline and network."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from dronemarket import _iso
from dronemarket.deals import Count, Deal, DealStatus, Delivery, Money
from dronemarket.market._checks import fail
from dronemarket.market._filters import as_country, wanted
from dronemarket.market._results import (
    EMPTY_TALLY,
    Concentration,
    Edge,
    Share,
    ShareKey,
    Shares,
    Tally,
    YearTally,
)
from dronemarket.market._tally import (
    Figures,
    UnitColumn,
    count_tally,
    figures_tally,
    sum_tallies,
    units_of,
)
from dronemarket.parties import ArmedGroup, Country, Multinational, Territory
from dronemarket.platforms import Category

if TYPE_CHECKING:
    from dronemarket.market._checks import Holdings
    from dronemarket.market._index import Key, Table

__all__ = ["concentration", "network", "share", "timeline"]

_BY: tuple[str, ...] = ("supplier", "recipient", "manufacturer", "platform", "category")
_MEASURES: tuple[str, ...] = ("units", "deals", "value", "tiv")


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
    if by not in _BY:
        rule = f"is not one of {', '.join(map(repr, _BY))}"
        raise fail("by", by, rule)
    if measure not in _MEASURES:
        raise fail("measure", measure, f"is not one of {', '.join(map(repr, _MEASURES))}")
    if currency is not None:
        _check_currency(currency)
    groups = _groups(table, holdings, by, filters)
    deals = table.records
    excluded = 0
    if measure == "units":
        units = table.cached("units", lambda: UnitColumn(deals))
        tallies = {key: units.tally(positions) for key, positions in groups.items()}
    elif measure == "deals":
        tallies = {key: Tally(len(p), len(p), len(p), len(p)) for key, p in groups.items()}
    elif measure == "tiv":
        tallies = _tiv_tallies(deals, groups)
    else:
        currency, tallies, excluded = _value_tallies(deals, groups, currency)
    return _shares(
        holdings,
        by,
        measure,
        tallies,
        currency=currency,
        excluded=excluded,
    )


def _check_currency(currency: object) -> None:
    """Refuse a currency that is not an upper-case ISO 4217 code."""
    if (
        not isinstance(currency, str)
        or not currency.isascii()
        or not currency.isupper()
        or _iso.currencies().get(alpha_3=currency) is None
    ):
        raise fail("currency", currency, "is not an ISO 4217 currency code such as 'USD'")


def _groups(
    table: Table[Deal], holdings: Holdings, by: str, filters: Mapping[str, Any]
) -> dict[Key, Sequence[int]]:
    """Return the positions of the deals selected by `filters`, grouped by `by`."""
    index = table.index(by)
    keys = wanted(filters, DealStatus, table, holdings)
    if not keys:
        return dict(index.positions)
    grouped: dict[int, list[int]] = defaultdict(list)
    column = index.column
    for position in table.select(keys):
        grouped[column[position]].append(position)
    return {index.keys[code]: positions for code, positions in grouped.items()}


def _value_tallies(
    deals: Sequence[Deal], groups: Mapping[Key, Sequence[int]], currency: str | None
) -> tuple[str | None, dict[Key, Tally], int]:
    values: dict[Key, list[Money | None]] = {
        key: [deals[p].value for p in positions] for key, positions in groups.items()
    }
    currencies = {v.currency for found in values.values() for v in found if v is not None}
    if currency is None:
        if len(currencies) > 1:
            rule = "are mixed; pass currency= to share the deals valued in one of them"
            raise fail("currency", sorted(currencies), rule)
        currency = next(iter(currencies), None)
    excluded = 0
    tallies: dict[Key, Tally] = {}
    for key, found in values.items():
        total = Decimal(0)
        counted = estimated = unknown = 0
        for value in found:
            if value is None:
                unknown += 1
            elif value.currency != currency:
                excluded += 1
            else:
                total += value.amount
                counted += 1
                estimated += value.estimate
        tallies[key] = Tally(total, total, total, counted, estimated, unknown)
    return currency, tallies, excluded


def _tiv_tallies(deals: Sequence[Deal], groups: Mapping[Key, Sequence[int]]) -> dict[Key, Tally]:
    """Return each group's TIV delivered, added up exactly; a deal without one is unknown."""
    tallies: dict[Key, Tally] = {}
    for key, positions in groups.items():
        total = Decimal(0)
        counted = unknown = 0
        for position in positions:
            tiv = deals[position].tiv
            delivered = None if tiv is None else tiv.delivered
            if delivered is None:
                unknown += 1
            else:
                total += delivered
                counted += 1
        tallies[key] = Tally(total, total, total, counted, 0, unknown)
    return tallies


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
) -> Shares:
    total = sum_tallies(tallies.values()) if tallies else EMPTY_TALLY
    items = []
    for key, tally in tallies.items():
        if not tally.records:
            continue
        share_key, name = _share_key(holdings, by, key)
        fraction = float(tally.central / total.central) if total.central else None
        items.append(Share(share_key, name, fraction, tally))
    items.sort(key=lambda s: (-s.tally.central, s.key is None, s.name))
    return Shares(
        by, measure, tuple(items), total, currency if measure == "value" else None, excluded
    )


def concentration(
    table: Table[Deal], holdings: Holdings, recipient: object, filters: Mapping[str, Any]
) -> Concentration:
    """Return the Herfindahl-Hirschman index of `recipient`'s suppliers, by units."""
    country = as_country(recipient, "recipient")
    if "recipient" in filters:
        raise fail("filters", "recipient", "is given twice (it is the first argument)")
    chosen = {**filters, "recipient": country}
    shares = share(table, holdings, by="supplier", measure="units", currency=None, filters=chosen)
    known = [item.tally.central for item in shares if item.key is not None]
    total = sum(known)
    hhi = sum((part / total) ** 2 for part in known) if total else None
    return Concentration(country, float(hhi) if hhi is not None else None, shares)


def timeline(deals: Sequence[Deal]) -> tuple[YearTally, ...]:
    """Return, year by year, the units ordered against the units delivered, of `deals`."""
    ordered: dict[int, list[Count | None]] = defaultdict(list)
    delivered: dict[int, list[Count | None]] = defaultdict(list)
    for deal in deals:
        if deal.ordered is not None:
            ordered[deal.ordered.year].append(deal.quantity)
        for delivery in deal.deliveries:  # a span is in no single year: no split is invented
            if type(delivery) is Delivery and delivery.date is not None:
                delivered[delivery.date.year].append(delivery.count)
    return tuple(
        YearTally(year, count_tally(ordered.get(year, ())), count_tally(delivered.get(year, ())))
        for year in sorted(ordered.keys() | delivered.keys())
    )


def network(deals: Sequence[Deal]) -> tuple[Edge, ...]:
    """Return the supplier → recipient links of `deals`, weighted by units, heaviest first."""
    links: dict[tuple[str, str], list[Figures | None]] = defaultdict(list)
    for deal in deals:
        supplier, recipient = deal.supplier.country, deal.recipient.country
        if supplier is not None and recipient is not None:
            links[supplier.code, recipient.code].append(units_of(deal))
    edges = [
        Edge(Country(supplier), Country(recipient), figures_tally(counts))
        for (supplier, recipient), counts in links.items()
    ]
    edges.sort(key=lambda e: (-e.units.central, e.supplier.code, e.recipient.code))
    return tuple(edges)
