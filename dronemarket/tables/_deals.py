"""The columns of the deals and deliveries tables, built in bulk (one list per column)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from dronemarket.deals import Deal, Delivery, DeliverySpan, Tiv
from dronemarket.market._rows import last_date
from dronemarket.market._tally import delivered_figures, units_of
from dronemarket.parties import Organization, Recipient, Supplier
from dronemarket.platforms import Platform
from dronemarket.tables._fill import (
    Columns,
    count_columns,
    dates,
    enum_values,
    figure_columns,
    first_source,
    mapped,
    mapped_columns,
    money_columns,
    name_of,
    party_info,
)

__all__ = ["deal_columns", "delivery_columns"]


def _supplier(supplier: Supplier) -> tuple[Any, ...]:
    return (*party_info(supplier.party), name_of(supplier.manufacturer))


def _recipient(recipient: Recipient) -> tuple[Any, ...]:
    return (*party_info(recipient.party), name_of(recipient.end_user))


def _platform(platform: Platform) -> tuple[str, str | None, str | None]:
    category = platform.category
    return (
        platform.name,
        name_of(platform.manufacturer),
        None if category is None else category.value,
    )


def _tiv(tiv: Tiv | None) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    if tiv is None:
        return (None, None, None)
    return (tiv.per_unit, tiv.order, tiv.delivered)


def _names(organizations: tuple[Organization, ...]) -> list[str]:
    return [organization.name for organization in organizations]


def _last(deliveries: tuple[Delivery | DeliverySpan, ...]) -> Any:  # noqa: ANN401 - a date or None
    dated = [date for date in map(last_date, deliveries) if date is not None]
    return max(dated) if dated else None


def _route(deals: Sequence[Deal]) -> tuple[Columns, list[Any], list[Any]]:
    """Return the parties' code, name and kind columns, the manufacturers and the end users."""
    s_code, s_name, s_kind, s_maker = mapped_columns([d.supplier for d in deals], _supplier, 4)
    r_code, r_name, r_kind, r_user = mapped_columns([d.recipient for d in deals], _recipient, 4)
    parties = {
        "supplier_code": s_code,
        "supplier_name": s_name,
        "supplier_kind": s_kind,
        "recipient_code": r_code,
        "recipient_name": r_name,
        "recipient_kind": r_kind,
    }
    return parties, s_maker, r_user


def deal_columns(deals: Sequence[Deal]) -> Columns:
    """Return the columns of the deals table for `deals` (Arrow orders them by the schema)."""
    parties, s_maker, r_user = _route(deals)
    p_name, p_maker, p_category = mapped_columns([d.platform for d in deals], _platform, 3)
    ordered, ordered_precision = dates([d.ordered for d in deals])
    announced, announced_precision = dates([d.announced for d in deals])
    deliveries = [d.deliveries for d in deals]
    last, last_precision = dates(
        [
            found[0].date if len(found) == 1 and type(found[0]) is Delivery else _last(found)
            for found in deliveries
        ]
    )
    per_unit, order, tiv_delivered = mapped_columns([d.tiv for d in deals], _tiv, 3)
    sources = [d.sources for d in deals]
    return {
        "id": [d.id for d in deals],
        **parties,
        "supplier_manufacturer": s_maker,
        "end_user": r_user,
        "platform": p_name,
        "manufacturer": p_maker,
        "category": p_category,
        "status": enum_values([d.status for d in deals]),
        "year": [d.year for d in deals],
        "ordered": ordered,
        "ordered_precision": ordered_precision,
        "announced": announced,
        "announced_precision": announced_precision,
        **figure_columns("units", map(units_of, deals)),
        **count_columns("quantity", [d.quantity for d in deals]),
        **figure_columns("delivered", map(delivered_figures, deals)),
        "deliveries": list(map(len, deliveries)),
        "last_delivery": last,
        "last_delivery_precision": last_precision,
        **money_columns([d.value for d in deals]),
        "condition": enum_values([d.condition for d in deals]),
        "tiv_per_unit": per_unit,
        "tiv_order": order,
        "tiv_delivered": tiv_delivered,
        "intermediaries": mapped([d.intermediaries for d in deals], _names),
        "confidence": enum_values([d.confidence for d in deals]),
        "sources": list(map(len, sources)),
        "source": first_source(sources),
    }


def delivery_columns(deals: Sequence[Deal]) -> Columns:
    """Return the columns of the deliveries table: one row per delivery of `deals`."""
    rows = [(deal, delivery) for deal in deals for delivery in deal.deliveries]
    owners = [deal for deal, _ in rows]
    items = [delivery for _, delivery in rows]
    parties, _, _ = _route(owners)
    spans = [type(item) is DeliverySpan for item in items]
    when, precision = dates(
        [item.start if isinstance(item, DeliverySpan) else item.date for item in items]
    )
    first = [_first_year(item) for item in items]
    last = [_last_year(item) for item in items]
    return {
        "deal_id": [d.id for d in owners],
        **parties,
        "platform": [d.platform.name for d in owners],
        "status": enum_values([d.status for d in owners]),
        "span": spans,
        "date": when,
        "date_precision": precision,
        "first_year": first,
        "last_year": last,
        **count_columns("count", [item.count for item in items]),
    }


def _first_year(item: Delivery | DeliverySpan) -> int | None:
    if isinstance(item, DeliverySpan):
        return item.first
    date = item.date
    return None if date is None else date.year


def _last_year(item: Delivery | DeliverySpan) -> int | None:
    if isinstance(item, DeliverySpan):
        return item.last
    date = item.date
    return None if date is None else date.year
