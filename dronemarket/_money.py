"""Money: an amount in an ISO 4217 currency, never a float (re-exported by `deals`)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Final

import attrs
from attrs import field, frozen

from dronemarket import _iso
from dronemarket import _validate as v
from dronemarket.errors import UnknownCodeError

__all__ = ["MAX_AMOUNT", "MAX_AMOUNT_DIGITS", "MAX_AMOUNT_PLACES", "Money"]

MAX_AMOUNT: Final = Decimal(10) ** 15
"""The largest amount of money a deal may be worth, in its currency (typo guard)."""

MAX_AMOUNT_DIGITS: Final = 28
"""The most significant digits an amount may have, so that it always reads back from text."""
MAX_AMOUNT_PLACES: Final = 8
"""The most decimal places an amount may have, so that it always reads back from text."""


_AMOUNT_TEXT: Final = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]{1,4})?")
"""The text of an amount, as the schema's pattern has it: no spaces, underscores or other digits."""
_NOT_FINITE_TEXT: Final = re.compile(r"[-+]?(s?nan|inf(inity)?)", re.IGNORECASE)
"""NaN or infinity in text: read, so that the amount is refused as not finite."""


def _to_amount(value: Decimal | int | str) -> Decimal:
    """Turn an int or a decimal string of the schema's form into a Decimal; pass the rest on."""
    if type(value) is int:
        return Decimal(value)
    text = isinstance(value, str) and (
        _AMOUNT_TEXT.fullmatch(value) or _NOT_FINITE_TEXT.fullmatch(value)
    )
    if text:  # Decimal alone reads "1_0" and " 1" too
        try:
            return Decimal(value)
        except (InvalidOperation, ValueError):
            return value  # type: ignore[return-value]
    return value  # type: ignore[return-value]


def _check_amount(instance: Money, attribute: attrs.Attribute[Decimal], value: object) -> None:
    if not isinstance(value, Decimal):
        rule = "is not a Decimal, an int or a decimal string of ASCII digits"
        v.fail(instance, attribute, value, rule)
    if not value.is_finite() or value <= 0:
        v.fail(instance, attribute, value, "is not a positive finite amount")
    if value > MAX_AMOUNT:
        v.fail(instance, attribute, value, f"exceeds {MAX_AMOUNT:,} (typo guard)")
    digits, exponent = value.as_tuple()[1:]
    if len(digits) > MAX_AMOUNT_DIGITS or -exponent > MAX_AMOUNT_PLACES:  # type: ignore[operator]
        rule = (
            f"has more than {MAX_AMOUNT_DIGITS} significant digits "
            f"or {MAX_AMOUNT_PLACES} decimal places"
        )
        v.fail(instance, attribute, value, rule)


def _check_currency(instance: Money, attribute: attrs.Attribute[str], value: object) -> None:
    if (
        not isinstance(value, str)
        or not (len(value) == 3 and value.isascii() and value.isupper())
        or _iso.currencies().get(alpha_3=value) is None
    ):
        rule = "is not an ISO 4217 currency code such as 'USD'"
        raise UnknownCodeError(type(instance).__name__, attribute.name, value, rule)


@frozen(cache_hash=True)
class Money:
    """An amount of money in an ISO 4217 currency; never a float.

    Rules: the amount is a positive, finite Decimal of at most
    :data:`MAX_AMOUNT`, with at most :data:`MAX_AMOUNT_DIGITS` significant
    digits and :data:`MAX_AMOUNT_PLACES` decimal places (so it always reads
    back from its text); a string amount is written as the schema has it
    (ASCII digits, optional sign, fraction and exponent; no spaces or
    underscores); the currency is an ISO 4217 code.

    >>> Money("69000000", "USD")
    Money(amount=Decimal('69000000'), currency='USD', estimate=False)
    """

    amount: Decimal = field(converter=_to_amount, validator=_check_amount)
    """The amount, as a Decimal (an int or a decimal string is accepted)."""
    currency: str = field(validator=_check_currency)
    """The ISO 4217 code, such as ``"USD"``."""
    estimate: bool = field(default=False, kw_only=True, validator=v.is_a(bool))
    """Whether the amount is an estimate."""

    def __str__(self) -> str:
        approx = "~" if self.estimate else ""
        return f"{approx}{self.amount:,} {self.currency}"
