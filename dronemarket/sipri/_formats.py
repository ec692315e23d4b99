"""Which of SIPRI's export formats a text is, and how its bytes are decoded."""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Final

from dronemarket.errors import DroneMarketError

__all__ = ["Format", "SipriFormatError", "decode", "detect", "generated"]

_BOM: Final = b"\xef\xbb\xbf"
HEADER_A: Final = (
    "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,"
    "Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,"
    "SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons"
)
HEADER_B: Final = (
    "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,"
    "Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,"
    "Delivery year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,"
    "TIV delivery values,Local production"
)
_HEADER_SCAN: Final = 40  # lines searched for the header (SIPRI puts it on line 12)
_EXPECTED: Final = (
    "is not a SIPRI Arms Transfers Database export: expected the trade register CSV "
    "(a header line 'Recipient,Supplier,Year of order,...'), the per-delivery CSV "
    "('SIPRI AT Database ID,Supplier,Recipient,...') or the web service's JSON "
    "(a list of trades)"
)
_STAMP: Final = re.compile(
    r"Data generated: (\d{1,2}) ([A-Z][a-z]{2})[a-z]* (\d{4}) (\d{1,2}):(\d{2}):(\d{2}) ([AP]M)"
)
_MONTHS: Final = {
    name: number
    for number, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}


class SipriFormatError(DroneMarketError, ValueError):
    """The data is not an export of the SIPRI Arms Transfers Database ``read`` knows."""


class Format(enum.Enum):
    """The export formats of the SIPRI Arms Transfers Database."""

    TRADE_REGISTER = "A"
    """Format A: the trade register CSV, one row per deal (16 columns)."""
    DELIVERIES = "B"
    """Format B: the per-delivery CSV, one row per deal and delivery year (17 columns)."""
    WEB_JSON = "JSON"
    """The web service's JSON: a list of trades."""


def decode(data: bytes | str) -> str:
    """Return the text of `data`: Latin-1 as SIPRI writes it, or UTF-8 after a BOM."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if not isinstance(data, bytes | bytearray | memoryview):
        raise SipriFormatError(f"data: {type(data).__name__} is not bytes or str")
    raw = bytes(data)
    if raw.startswith(_BOM):
        try:
            return raw[len(_BOM) :].decode("utf-8")
        except UnicodeDecodeError as error:
            message = f"data: starts with a UTF-8 BOM but is not UTF-8 ({error.reason})"
            raise SipriFormatError(message) from None
    return raw.decode("latin-1")


def detect(lines: list[str]) -> tuple[Format, int]:
    """Return the format of the text split in `lines`, and the index of its header line.

    The JSON's header index is -1.
    """
    for index, line in enumerate(lines[:_HEADER_SCAN]):
        header = line.rstrip("\r").rstrip(";")
        if index == 0 and header.lstrip()[:1] in {"[", "{"}:
            return Format.WEB_JSON, -1
        if header == HEADER_A:
            return Format.TRADE_REGISTER, index
        if header == HEADER_B:
            return Format.DELIVERIES, index
    raise SipriFormatError(f"data: {_EXPECTED}")


def generated(lines: list[str]) -> dt.datetime | None:
    """Return the "Data generated" stamp of the metadata lines, or None when absent."""
    for line in lines:
        match = _STAMP.search(line)
        if match is None:
            continue
        day, month, year, hour, minute, second, half = match.groups()
        number = _MONTHS.get(month)
        clock = int(hour) % 12 + (12 if half == "PM" else 0)
        if number is None:
            return None
        try:
            return dt.datetime(int(year), number, int(day), clock, int(minute), int(second))  # noqa: DTZ001 - SIPRI gives no time zone
        except ValueError:
            return None
    return None
