"""Column parsing: one SIPRI record's fields to a :class:`SipriRecord`.

Every rule broken raises :class:`Reject`, naming the column and the rule; the
reader turns it into a ``rejected`` entry.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Final, TypeVar

from dronemarket.deals import Condition, Tiv
from dronemarket.errors import DroneMarketError, ValidationError, quote
from dronemarket.sipri import _names
from dronemarket.sipri._licence import licences
from dronemarket.sipri._record import SipriDelivery, SipriRecord

__all__ = ["Reject", "deliveries_record", "json_record", "register_record"]

_DIGITS: Final = re.compile(r"\d{1,7}", re.ASCII)
_YEAR: Final = re.compile(r"\d{4}", re.ASCII)
_DECIMAL: Final = re.compile(r"\d{1,9}(?:\.\d{1,9})?", re.ASCII)
_FLAGS_A: Final = {"": False, "?": True}
_FLAGS_B: Final = {"": None, "Yes": True, "No": False}
_CODED: Final = ("transferType", "locInvolvement", "reason1700")
_LICENSED: Final = 126065  # the JSON's locInvolvement on licence-built deals


T = TypeVar("T")


class Reject(  # noqa: N818 - a record is rejected; it is not an error of the reader
    DroneMarketError, ValueError
):
    """A record breaks a rule of SIPRI's format; the message names the column."""


def _fail(column: str, value: object, rule: str) -> Reject:
    return Reject(f"{column}: {quote(value)} {rule}")


# Registers repeat their values (~30,000 records, a few thousand distinct
# numbers, years and TIV figures): a read memoizes the pure parsers below in a
# Columns of its own (no cache outlives the read), which also shares one object
# per distinct value among its records.


def _year(column: str, text: str) -> int:
    if not _YEAR.fullmatch(text) or not 1900 <= int(text) <= 2100:
        raise _fail(column, text, "is not a four-digit year in 1900..2100")
    return int(text)


def _number(column: str, text: str, *, empty: bool = False) -> int | None:
    if empty and text == "":
        return None
    if not _DIGITS.fullmatch(text):
        raise _fail(column, text, "is not a whole number" + (" or empty" if empty else ""))
    return int(text)


def _flag(column: str, text: str, flags: Mapping[str, bool | None]) -> bool | None:
    try:
        return flags[text.strip()]
    except KeyError:
        words = " or ".join(repr(word) for word in flags)
        raise _fail(column, text, f"is not a flag ({words})") from None


def _flag_a(column: str, text: str) -> bool:
    return bool(_flag(column, text, _FLAGS_A))


def _decimal(column: str, text: str) -> Decimal | None:
    if text == "":
        return None
    if not _DECIMAL.fullmatch(text):
        raise _fail(column, text, "is not a plain decimal number (digits, one '.')")
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise _fail(column, text, "is not a decimal number") from None


def _party(column: str, text: str) -> _names.Party | None:
    try:
        return _names.party(text)
    except ValueError as error:
        raise _fail(column, text, str(error).split(" ", 2)[-1]) from None


def _text(column: str, text: str) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise _fail(column, text, "is blank")
    return cleaned


def _years(column: str, text: str) -> tuple[int, ...]:
    if text.strip() == "":
        return ()
    if ";" not in text:
        return (_year(column, text.strip()),)
    years = tuple(_year(column, part.strip()) for part in text.split(";"))
    if any(a >= b for a, b in itertools.pairwise(years)):
        raise _fail(column, text, "is not a list of years in increasing order")
    return years


def _build(column: str, **fields: object) -> SipriRecord:
    try:
        return SipriRecord(**fields)  # type: ignore[arg-type]
    except ValueError as error:
        raise Reject(f"{column}: cannot be held: {error}") from None


_MISSING: Final = object()


class Columns:
    """One read's memo of format A's column parsers: each distinct field is parsed once.

    Local to one read; equal values are one shared object among its records.
    """

    __slots__ = (
        "decimals",
        "delivered",
        "description",
        "designation",
        "order_year",
        "ordered",
        "parties",
        "tivs",
        "years",
    )

    def __init__(self) -> None:
        """Start with nothing parsed."""
        self.ordered: dict[str, int | None] = {}
        self.delivered: dict[str, int | None] = {}
        self.years: dict[str, tuple[int, ...]] = {}
        self.order_year: dict[str, int] = {}
        self.designation: dict[str, str] = {}
        self.description: dict[str, str] = {}
        self.parties: dict[tuple[str, str], _names.Party | None] = {}
        self.tivs: dict[tuple[str, str, str], Tiv | None] = {}
        self.decimals: dict[str, Decimal | None] = {}


def _memo(cache: dict[str, T], parse: Callable[[str, str], T], column: str, text: str) -> T:
    found = cache.get(text, _MISSING)
    if found is _MISSING:
        found = cache[text] = parse(column, text)
    return found  # type: ignore[return-value]


def _ordered(column: str, text: str) -> int | None:
    return _number(column, text, empty=True)


def _party_in(columns: Columns, column: str, text: str) -> _names.Party | None:
    key = (column, text)
    found = columns.parties.get(key, _MISSING)
    if found is _MISSING:
        found = columns.parties[key] = _party(column, text)
    return found  # type: ignore[return-value]


def register_record(
    line: int, text: str, f: Sequence[str], columns: Columns | None = None
) -> SipriRecord:
    """Return the record of a trade-register row (format A's 16 fields).

    `columns` memoizes the parsing within one read (None: a memo of its own).
    """
    c = Columns() if columns is None else columns
    comments = f[12].rstrip()
    ordered = _memo(c.ordered, _ordered, "Number ordered", f[4])
    delivered = _memo(c.delivered, _number, "Number delivered", f[8])
    years = _memo(c.years, _years, "Year(s) of delivery", f[10])
    if delivered and not years:
        raise _fail("Year(s) of delivery", f[10], "is empty although units are delivered")
    if delivered == 0 and years:
        raise _fail("Year(s) of delivery", f[10], "is given although Number delivered is 0")
    recipient = _party_in(c, "Recipient", f[0])
    supplier = _party_in(c, "Supplier", f[1])
    order_year = _memo(c.order_year, _year, "Year of order", f[2])
    order_flag = _FLAGS_A.get(f[3])
    if order_flag is None:
        order_flag = _flag_a("Year of order flag", f[3])
    ordered_flag = _FLAGS_A.get(f[5])
    if ordered_flag is None:
        ordered_flag = _flag_a("Number ordered flag", f[5])
    designation = _memo(c.designation, _text, "Weapon designation", f[6])
    description = _memo(c.description, _text, "Weapon description", f[7])
    delivered_flag = _FLAGS_A.get(f[9])
    if delivered_flag is None:
        delivered_flag = _flag_a("Number delivered flag", f[9])
    condition = _condition("status", f[11])
    notes = licences(comments) if "licence" in comments else ()
    figures = (f[13], f[14], f[15])
    tiv = c.tivs.get(figures, _MISSING)
    if tiv is _MISSING:
        tiv = c.tivs[figures] = _tiv(*figures, decimals=c.decimals)
    try:
        return SipriRecord(
            line,
            text,
            recipient=recipient,
            supplier=supplier,
            order_year=order_year,
            order_year_estimate=order_flag,
            number_ordered=ordered,
            number_ordered_estimate=ordered_flag,
            designation=designation,
            description=description,
            number_delivered=delivered,
            number_delivered_estimate=delivered_flag,
            delivery_years=years,
            condition=condition,
            comments=comments,
            licences=notes,
            tiv=tiv,  # type: ignore[arg-type]
        )
    except ValueError as error:
        raise Reject(f"record: cannot be held: {error}") from None


@functools.lru_cache(maxsize=64)
def _condition(column: str, text: str) -> Condition:
    try:
        return _names.condition(text)
    except ValueError:
        words = "'New', 'Second hand' or 'Second hand but modernized'"
        raise _fail(column, text, f"is not {words}") from None


_TIV_A: Final = {
    "per_unit": "SIPRI TIV per unit",
    "order": "SIPRI TIV for total order",
    "delivered": "SIPRI TIV of delivered weapons",
}
_TIV_B: Final = {"per_unit": "TIV deal unit", "delivered": "TIV delivery values (their sum)"}


def _tiv(
    unit: str, order: str, delivered: str, *, decimals: dict[str, Decimal | None]
) -> Tiv | None:
    """Return the TIV of format A's three columns; `decimals` shares one object per figure."""
    figures = (
        _memo(decimals, _decimal, "SIPRI TIV per unit", unit),
        _memo(decimals, _decimal, "SIPRI TIV for total order", order),
        _memo(decimals, _decimal, "SIPRI TIV of delivered weapons", delivered),
    )
    return None if figures == (None, None, None) else _tiv_of(*figures)


def _tiv_of(
    unit: Decimal | None,
    order: Decimal | None,
    delivered: Decimal | None,
    columns: Mapping[str, str] = _TIV_A,
) -> Tiv:
    try:
        return Tiv(unit, order, delivered)
    except ValidationError as error:  # the TIV's own rules (its typo guard)
        column, value = columns.get(error.field, "SIPRI TIV"), error.value
        raise _fail(column, str(value), error.rule) from None


_SAME_B: Final = (1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 16)
_NAMES_B: Final = (
    "SIPRI AT Database ID",
    "Supplier",
    "Recipient",
    "Designation",
    "Description",
    "Armament category",
    "Order date",
    "Order date is estimate",
    "Numbers delivered",
    "Numbers delivered is estimate",
    "Delivery year",
    "Delivery year is estimate",
    "Status",
    "SIPRI estimate",
    "TIV deal unit",
    "TIV delivery values",
    "Local production",
)


def deliveries_record(line: int, text: str, rows: Sequence[Sequence[str]]) -> SipriRecord:
    """Return the record of one SIPRI AT Database ID's rows (format B's 17 fields each)."""
    first = rows[0]
    for row in rows[1:]:
        for column in _SAME_B:
            if row[column].strip() != first[column].strip():
                name = _NAMES_B[column]
                rule = f"differs between rows of the same SIPRI AT Database ID ({first[column]!r})"
                raise _fail(name, row[column], rule)
    deliveries = []
    for row in rows:
        count = _number("Numbers delivered", row[8])
        deliveries.append(
            SipriDelivery(
                _year("Delivery year", row[10]),
                count=count if count is not None else 0,
                count_estimate=_flag("Numbers delivered is estimate", row[9], _FLAGS_B),
                year_estimate=_flag("Delivery year is estimate", row[11], _FLAGS_B),
                tiv=_decimal("TIV delivery values", row[15]),
            )
        )
    deliveries.sort(key=lambda d: d.year)
    years = tuple(d.year for d in deliveries)
    if len(set(years)) != len(years):
        raise _fail("Delivery year", list(years), "repeats a year within one SIPRI AT Database ID")
    delivered_tiv = [d.tiv for d in deliveries]
    unit = _decimal("TIV deal unit", first[14])
    total = None
    if all(tiv is not None for tiv in delivered_tiv):
        total = sum((tiv for tiv in delivered_tiv if tiv is not None), Decimal(0))
    order_flag = _flag("Order date is estimate", first[7], _FLAGS_B)
    local = _flag("Local production", first[16], _FLAGS_B)
    return _build(
        "record",
        line=line,
        text=text,
        sipri_id=_number("SIPRI AT Database ID", first[0]),
        supplier=_party("Supplier", first[1]),
        recipient=_party("Recipient", first[2]),
        designation=_text("Designation", first[3]),
        description=_text("Description", first[4]),
        category=_text("Armament category", first[5]),
        order_year=_year("Order date", first[6]),
        order_year_estimate=bool(order_flag),
        number_delivered=sum(d.count for d in deliveries),
        number_delivered_estimate=any(d.count_estimate for d in deliveries),
        delivery_years=years,
        deliveries=deliveries,
        condition=_condition("Status", first[12]),
        tiv_new_unit=_decimal("SIPRI estimate", first[13]),
        tiv=None if unit is None and total is None else _tiv_of(unit, None, total, _TIV_B),
        local_production=local,
    )


def json_record(line: int, text: str, item: object) -> SipriRecord:
    """Return the record of one trade of the web service's JSON."""
    if not isinstance(item, dict):
        raise _fail("trade", item, "is not a JSON object")
    for key in ("buyer", "seller", "desg", "desc", "status"):
        if not isinstance(item.get(key), str):
            raise _fail(key, item.get(key), "is not a string")
    order = item.get("orderYr")
    units = item.get("units")
    delivery = item.get("deliveryYr", 0)
    trade = item.get("tradeId")
    _json_numbers(order=order, units=units, delivery=delivery)
    if type(trade) is not int or trade < 1:
        raise _fail("tradeId", trade, "is not a positive whole number")
    flags = _json_flags(item)
    codes = _json_codes(item)
    category = item.get("category")
    if category is not None and not isinstance(category, str):
        raise _fail("category", category, "is not a string")
    licensed = item.get("locInvolvement") == _LICENSED
    return _build(
        "record",
        line=line,
        text=text,
        sipri_id=trade,
        supplier=_party("seller", item["seller"]),
        recipient=_party("buyer", item["buyer"]),
        designation=_text("desg", item["desg"]),
        description=_text("desc", item["desc"]),
        category=category.strip() or None if category else None,
        order_year=_year("orderYr", str(order)) if order else None,
        order_year_estimate=flags["orderYrEst"],
        number_ordered=units or None,
        number_ordered_estimate=flags["unitsEst"],
        delivery_years=(_year("deliveryYr", str(delivery)),) if delivery else (),
        condition=_condition("status", item["status"]),
        condition_estimate=flags["statusEst"],
        local_production=True if licensed else None,
        codes=codes,
    )


def _json_numbers(**numbers: object) -> None:
    for key, value in numbers.items():
        if value is not None and (type(value) is not int or value < 0):
            raise _fail(key, value, "is not a whole number")


def _json_flags(item: Mapping[str, object]) -> dict[str, bool]:
    flags = {}
    for key in ("orderYrEst", "unitsEst", "statusEst"):
        value = item.get(key, False)
        if type(value) is not bool:
            raise _fail(key, value, "is not true or false")
        flags[key] = value
    return flags


def _json_codes(item: Mapping[str, object]) -> list[tuple[str, int]]:
    codes = []
    for key in _CODED:
        if key in item:
            value = item[key]
            if type(value) is not int:
                raise _fail(key, value, "is not a whole-number code")
            codes.append((key, value))
    return codes
