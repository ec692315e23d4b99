"""SIPRI's measures of a transfer: the condition of what is transferred, and its TIV.

Defined apart from :mod:`dronemarket.deals`, which re-exports them
(``dronemarket.deals.Tiv`` is this ``Tiv``), to keep each module short.
"""

from __future__ import annotations

import enum
from decimal import Decimal, InvalidOperation
from typing import Final

import attrs
from attrs import field, frozen

from dronemarket import _validate as v
from dronemarket.errors import ValidationError

__all__ = ["MAX_TIV", "Condition", "Tiv"]


class Condition(enum.Enum):
    """The condition of what is transferred, as SIPRI records it."""

    NEW = "new"
    """Newly built."""
    SECOND_HAND = "second hand"
    """Used, from the supplier's own stock."""
    SECOND_HAND_MODERNIZED = "second hand but modernized"
    """Used, and modernized before the transfer."""


MAX_TIV: Final = Decimal(1_000_000)
"""The largest TIV figure accepted, in millions (typo guard; SIPRI's largest order is ~10,000)."""


def _to_tiv(value: object) -> object:
    """Turn an int or a decimal string into a Decimal; pass anything else on."""
    if type(value) is int or isinstance(value, str):
        try:
            return Decimal(value)
        except (InvalidOperation, ValueError):
            return value
    return value


def _check_tiv(instance: Tiv, attribute: attrs.Attribute[Decimal | None], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, Decimal):
        v.fail(instance, attribute, value, "is not a Decimal, an int or a decimal string")
    if not value.is_finite() or value < 0:
        v.fail(instance, attribute, value, "is not a finite, non-negative TIV")
    if value > MAX_TIV:
        v.fail(instance, attribute, value, f"exceeds {MAX_TIV:,} million (typo guard)")


@frozen(cache_hash=True)
class Tiv:
    """SIPRI's trend-indicator value of a deal, in millions of TIV; not money.

    TIV measures military capability transferred, not a price: it has no
    currency and never mixes with :class:`Money`. Each figure is kept exactly
    as SIPRI wrote it (``Decimal("4.80")`` stays ``4.80``), even where
    ``per_unit`` times the count differs from the total through SIPRI's
    rounding.

    >>> Tiv(per_unit="2.4", order="14.4", delivered="7.2").delivered
    Decimal('7.2')
    """

    per_unit: Decimal | None = field(default=None, converter=_to_tiv, validator=_check_tiv)
    """The TIV of one unit, after SIPRI's second-hand discount; None when unknown."""
    order: Decimal | None = field(default=None, converter=_to_tiv, validator=_check_tiv)
    """The TIV of the whole order; None when unknown."""
    delivered: Decimal | None = field(default=None, converter=_to_tiv, validator=_check_tiv)
    """The TIV of what is delivered; None when unknown."""

    def __attrs_post_init__(self) -> None:
        if self.per_unit is None and self.order is None and self.delivered is None:
            rule = "is None, and so are order and delivered (an unknown TIV is None)"
            raise ValidationError("Tiv", "per_unit", None, rule)
