r"""Write a market's deals as a SIPRI trade register (format A), for round trips.

Format A holds, per deal: the parties under SIPRI's names (``*`` after an
armed group, ``**`` after an organisation, "unknown supplier(s)"), the year
of order and its ``?``, the number ordered (empty when unknown, ``?`` when an
estimate), the designation and a description, the number delivered and its
``?``, the delivery years, the condition, the Comments and three TIV figures.
SIPRI writes no commas inside a field (it writes ``;``) and neither does this
writer. A deal it cannot hold is left out (see :func:`holds`).

>>> import dronemarket as dm
>>> from dronemarket import sipri
>>> text = sipri.to_trade_register(dm.Market())
>>> text.splitlines()[11].startswith("Recipient,Supplier,Year of order")
True
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Final

from dronemarket.deals import TRANSFERS, Condition, Count, Deal, Delivery, Tiv
from dronemarket.errors import DroneMarketError, ValidationError
from dronemarket.market import Market
from dronemarket.parties import ArmedGroup, Country, Multinational, Territory
from dronemarket.platforms import Category, Role
from dronemarket.sipri import _names
from dronemarket.sipri._convert import DESCRIPTION, ORDER_AFTER_DELIVERY, ORDER_YEAR_ESTIMATE
from dronemarket.sipri._formats import HEADER_A
from dronemarket.sipri._names import party as read_party

__all__ = ["holds", "to_trade_register"]

_Party = Country | Territory | ArmedGroup | Multinational

_CONDITIONS: Final = {
    Condition.NEW: "New",
    Condition.SECOND_HAND: "Second hand",
    Condition.SECOND_HAND_MODERNIZED: "Second hand but modernized",
}
_MARK: Final = "SIPRI: "
_MOST: Final = 9_999_999  # SIPRI's numbers have at most seven digits
_PLACES: Final = 9  # and at most nine decimal places in a TIV
_FIRST_YEAR: Final = 1900
_LAST_YEAR: Final = 2100


class _CannotHold(Exception):  # noqa: N818 - a signal, caught in this module
    """The deal has something format A cannot hold."""


def _describe(deal: Deal) -> str:  # noqa: PLR0911 - one return per description
    for line in deal.notes.split("\n"):
        if line.startswith(DESCRIPTION) and line.removeprefix(DESCRIPTION).strip():
            return line.removeprefix(DESCRIPTION).strip().replace(",", ";")
    platform = deal.platform
    if platform.category is Category.LOITERING_MUNITION:
        return "loitering munition"
    if platform.category is Category.ONE_WAY_ATTACK:
        return "one-way attack drone"
    roles = platform.roles
    if Role.MARITIME in roles:
        return "maritime patrol drone"
    if Role.STRIKE in roles:
        return "armed reconnaissance drone" if Role.ISR in roles else "armed drone"
    if Role.ISR in roles:
        return "reconnaissance drone"
    return "drone"


def _country_names(country: Country) -> list[str]:
    names = [_names.name_of(country), country.name, country.code]
    official = getattr(country, "official_name", None)
    if isinstance(official, str):
        names.append(official)
    return names


def _party(party: _Party | None, unknown: str) -> str:
    if party is None:
        return unknown
    if isinstance(party, Multinational):
        candidates = [f"{party.name}**"]
    elif isinstance(party, ArmedGroup):
        candidates = [f"{party}*"]
    elif isinstance(party, Territory):
        candidates = [party.name]
    else:
        candidates = _country_names(party)
    for text in candidates:
        if "," in text or text != text.strip():
            continue
        try:
            if read_party(text) == party:
                return text
        except DroneMarketError:
            continue
    raise _CannotHold


def _number(count: Count | None) -> tuple[str, str]:
    """Return a count's digits and flag; ("", "") when unknown."""
    if count is None:
        return "", ""
    if count.is_exact:
        number = count.central
    elif count.central is not None and count.low is None and count.high is None:
        number = count.central  # Count.about: SIPRI's "?"
    else:
        number = count.central
        if number is None:
            raise _CannotHold
    if number is None or not 1 <= number <= _MOST:
        raise _CannotHold
    return str(number), "" if count.is_exact else "?"


def _decimal(value: Decimal | None) -> str:
    if value is None:
        return ""
    if value.is_signed() or value.as_tuple().exponent < -_PLACES:  # type: ignore[operator]
        raise _CannotHold
    text = format(value, "f")
    if len(text.partition(".")[0]) > _PLACES:
        raise _CannotHold
    return text


def _tiv(tiv: Tiv | None) -> list[str]:
    if tiv is None:
        return ["", "", ""]
    return [_decimal(tiv.per_unit), _decimal(tiv.order), _decimal(tiv.delivered)]


def _order(deal: Deal) -> tuple[str, str, list[str]]:
    """Return the order year, its flag and the notes lines that remain."""
    lines = deal.notes.split("\n") if deal.notes else []
    flag = ""
    year: int | None = deal.ordered.year if deal.ordered is not None else None
    kept = []
    for line in lines:
        if line == ORDER_YEAR_ESTIMATE:
            flag = "?"
        elif line.startswith(ORDER_AFTER_DELIVERY) and year is None:
            digits = line.removeprefix(ORDER_AFTER_DELIVERY).strip()
            if digits.isdigit():
                year, flag = int(digits), "?"
        elif not line.startswith(_MARK):
            kept.append(line)
    if year is None or not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise _CannotHold
    return str(year), flag, kept


def _delivered(deal: Deal) -> tuple[str, str, str]:
    """Return the number delivered, its flag and the delivery years."""
    if not deal.deliveries:
        return "0", "", ""
    years: set[int] = set()
    for delivery in deal.deliveries:
        if type(delivery) is Delivery:
            if delivery.date is not None:
                years.add(delivery.date.year)
        else:
            years.update(delivery.years)  # type: ignore[union-attr]
    if not years or any(not _FIRST_YEAR <= year <= _LAST_YEAR for year in years):
        raise _CannotHold  # format A gives a delivery's year, always
    number, flag = _number(deal.delivered)
    if not number:
        raise _CannotHold  # a delivery of unknown size: format A needs a number
    return number, flag, "; ".join(str(year) for year in sorted(years))


def _comments(lines: list[str]) -> str:
    text = " ".join(line.strip() for line in lines if line.strip())
    return text.replace(",", ";").strip()


def _row(deal: Deal) -> str:
    if deal.status not in TRANSFERS or deal.condition is None:
        raise _CannotHold
    if "," in deal.platform.name:
        raise _CannotHold
    year, year_flag, lines = _order(deal)
    ordered, ordered_flag = _number(deal.quantity)
    delivered, delivered_flag, years = _delivered(deal)
    fields = [
        _party(deal.recipient.party, "unknown recipient(s)"),
        _party(deal.supplier.party, "unknown supplier(s)"),
        year,
        year_flag,
        ordered,
        ordered_flag,
        deal.platform.name,
        _describe(deal),
        delivered,
        delivered_flag,
        years,
        _CONDITIONS[deal.condition],
        _comments(lines),
        *_tiv(deal.tiv),
    ]
    return ",".join(fields)


def holds(deal: Deal) -> bool:
    """Say whether format A can hold `deal` (and :func:`to_trade_register` writes it).

    It cannot hold a deal before an order or called off, one with no order
    year (1900-2100) or no condition, a delivery with no year, a count that is a range or a bound, a
    delivery of unknown size, a party SIPRI's names cannot give back, a
    designation with a comma, or a TIV that is not a plain decimal.
    """
    try:
        _row(deal)
    except _CannotHold:
        return False
    return True


def _metadata(generated: dt.datetime | None) -> list[str]:
    stamp = (
        "Data generated: "
        f"{generated.day} {generated:%b %Y} {(generated.hour % 12) or 12}:{generated:%M:%S %p}"
        if generated is not None
        else "Data generated: (not given)"
    )
    return [
        "Trade register written by dronemarket: deals from a market, in SIPRI's format A ",
        "Not an export of the SIPRI Arms Transfers Database; the figures are the market's.",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "Written by dronemarket.sipri.to_trade_register.",
        stamp,
    ]


def to_trade_register(market: Market, *, generated: dt.datetime | None = None) -> str:
    """Return `market`'s deals that format A can hold, as a SIPRI trade register.

    ``generated`` becomes the "Data generated" stamp (the package reads no
    clock). A deal format A cannot hold is left out (:func:`holds` says
    which); ``read`` gives back the same facts for every deal written.
    """
    given: object = market
    if not isinstance(given, Market):
        raise ValidationError("to_trade_register", "market", given, "is not a Market")
    stamp: object = generated
    if stamp is not None and not isinstance(stamp, dt.datetime):
        rule = "is not a datetime (or None)"
        raise ValidationError("to_trade_register", "generated", stamp, rule)
    rows = []
    for deal in market.deals:
        try:
            rows.append(_row(deal))
        except _CannotHold:
            continue
    return "\n".join([*_metadata(generated), HEADER_A, *rows]) + "\n"
