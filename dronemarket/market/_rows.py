"""Row export: one flat row of plain values per deal, for pandas or polars."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from dronemarket.dates import PartialDate
from dronemarket.deals import Deal, Delivery, DeliverySpan
from dronemarket.market._tally import delivered_figures, figures, units_of
from dronemarket.parties import Country, Organization, Party

__all__ = ["RECORD_COLUMNS", "record_row"]

RECORD_COLUMNS: Final[Mapping[str, str]] = {
    "id": "str: the deal's id",
    "supplier": "str | None: the supplying country's alpha-3 code (None: not a country)",
    "supplier_name": "str | None: the supplying party's name",
    "supplier_manufacturer": "str | None: the manufacturer named on the supplier side",
    "recipient": "str | None: the receiving country's alpha-3 code (None: not a country)",
    "recipient_name": "str | None: the receiving party's name",
    "end_user": "str | None: the end user, when known",
    "platform": "str: the platform's name",
    "manufacturer": "str | None: the platform's manufacturer",
    "category": "str | None: the platform's category (Category value), when known",
    "status": "str: the DealStatus value",
    "confidence": "str: the Confidence value",
    "year": "int | None: the order year, else the announcement year",
    "ordered": "str | None: the order date, as precise as known ('2021-10')",
    "announced": "str | None: the announcement date",
    "quantity_low": "int | None: the quantity ordered, low figure by the counting rule",
    "quantity": "int | None: the quantity ordered, central figure by the counting rule",
    "quantity_high": "int | None: the quantity ordered, high figure (None: unbounded or unknown)",
    "quantity_estimate": "bool | None: whether the quantity is an estimate (None: unknown)",
    "units_low": "int | None: the units shares count (quantity, else delivered), low",
    "units": "int | None: the units shares count, central (None: unknown, never 0)",
    "units_high": "int | None: the units shares count, high (None: unbounded or unknown)",
    "units_estimate": "bool | None: whether those units rest on an estimate (None: unknown)",
    "delivered": "int | None: units delivered, central figure (None: unknown)",
    "deliveries": "int: how many deliveries are recorded",
    "last_delivery": "str | None: the date of the latest dated delivery (a span's last year)",
    "value": "float | None: the deal's value, in `value_currency`",
    "value_currency": "str | None: the ISO 4217 currency of the value",
    "value_estimate": "bool | None: whether the value is an estimate",
    "condition": "str | None: the Condition value (new, second hand, ...), when stated",
    "tiv_delivered": "float | None: SIPRI's TIV of what is delivered, in millions (None: unknown)",
    "intermediaries": "str | None: the intermediaries' names, joined by '; '",
    "sources": "int: how many sources report the deal",
    "source": "str | None: the first source's publisher and title",
}
"""The columns of :meth:`Market.to_records`, each with its type and meaning."""


def record_row(deal: Deal) -> dict[str, str | int | float | bool | None]:
    """Return the row of `deal`, its columns those of :data:`RECORD_COLUMNS`."""
    supplier, recipient = deal.supplier.party, deal.recipient.party
    quantity, delivered, value, tiv = deal.quantity, delivered_figures(deal), deal.value, deal.tiv
    ordered = (None, None, None) if quantity is None else figures(quantity)
    units = units_of(deal) or (None, None, None, None)
    category = deal.platform.category
    dated = [date for date in map(last_date, deal.deliveries) if date is not None]
    first = deal.sources[0]
    return {
        "id": deal.id,
        "supplier": _code(supplier),
        "supplier_name": _party_name(supplier),
        "supplier_manufacturer": _name(deal.supplier.manufacturer),
        "recipient": _code(recipient),
        "recipient_name": _party_name(recipient),
        "end_user": _name(deal.recipient.end_user),
        "platform": deal.platform.name,
        "manufacturer": _name(deal.platform.manufacturer),
        "category": None if category is None else category.value,
        "status": deal.status.value,
        "confidence": deal.confidence.value,
        "year": deal.year,
        "ordered": _date(deal.ordered),
        "announced": _date(deal.announced),
        "quantity_low": ordered[0],
        "quantity": ordered[1],
        "quantity_high": ordered[2],
        "quantity_estimate": None if quantity is None else quantity.estimate,
        "units_low": units[0],
        "units": units[1],
        "units_high": units[2],
        "units_estimate": units[3],
        "delivered": None if delivered is None else delivered[1],
        "deliveries": len(deal.deliveries),
        "last_delivery": _date(max(dated)) if dated else None,
        "value": None if value is None else float(value.amount),
        "value_currency": None if value is None else value.currency,
        "value_estimate": None if value is None else value.estimate,
        "condition": None if deal.condition is None else deal.condition.value,
        "tiv_delivered": None if tiv is None or tiv.delivered is None else float(tiv.delivered),
        "intermediaries": "; ".join(o.name for o in deal.intermediaries) or None,
        "sources": len(deal.sources),
        "source": f"{first.publisher}: {first.title}",
    }


def _code(party: Party | None) -> str | None:
    return party.code if type(party) is Country else None


def _party_name(party: Party | None) -> str | None:
    if party is None:
        return None
    return party.name if type(party) is Country else str(party)


def last_date(delivery: Delivery | DeliverySpan) -> PartialDate | None:
    """Return when a delivery ended: its date, or a span's last year."""
    if isinstance(delivery, DeliverySpan):
        return PartialDate(delivery.last)
    return delivery.date


def _name(organization: Organization | None) -> str | None:
    return None if organization is None else organization.name


def _date(date: PartialDate | None) -> str | None:
    return None if date is None else str(date)
