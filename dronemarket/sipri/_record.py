"""The typed record ``read`` makes of each SIPRI record, before it becomes a deal."""

from __future__ import annotations

from decimal import Decimal

import attrs
from attrs import field, frozen

from dronemarket import _validate as v
from dronemarket.deals import Condition, DealStatus, DeliverySpan, Tiv
from dronemarket.errors import ValidationError
from dronemarket.parties import ArmedGroup, Country, Multinational, Territory
from dronemarket.sipri._licence import LicenceNote

__all__ = ["SipriDelivery", "SipriRecord"]

_PARTY = v.optional(v.is_a(Country, Territory, ArmedGroup, Multinational))
_COUNT = v.optional(v.whole(0))
_FLAG = v.optional(v.is_a(bool))


@frozen(cache_hash=True)
class SipriDelivery:
    """One row of SIPRI's per-delivery export: a year's deliveries of one deal.

    Each flag is None where SIPRI left it blank (the newest year in some exports).
    """

    year: int = field(validator=v.whole(1900))
    """The delivery year."""
    count: int = field(kw_only=True, validator=v.whole(0))
    """How many were delivered that year."""
    count_estimate: bool | None = field(default=None, kw_only=True, validator=_FLAG)
    """Whether the count is SIPRI's estimate; None when the flag is blank."""
    year_estimate: bool | None = field(default=None, kw_only=True, validator=_FLAG)
    """Whether the year is SIPRI's estimate; None when the flag is blank."""
    tiv: Decimal | None = field(default=None, kw_only=True, validator=v.optional(v.is_a(Decimal)))
    """The TIV of that year's deliveries ("TIV delivery values"), as written."""


def _check_years(
    _instance: SipriRecord, _attribute: attrs.Attribute[tuple[int, ...]], value: tuple[int, ...]
) -> None:
    if value:
        DeliverySpan(value)  # raises the span's own error for a bad year or order


@frozen(cache_hash=True)
class SipriRecord:
    """One record of a SIPRI export, every column parsed, nothing dropped.

    A number SIPRI left empty is None; a ``?`` flag sets the matching
    ``*_estimate``. Phase 2 turns it into a :class:`~dronemarket.Deal`.
    """

    line: int = field(validator=v.whole(1))
    """Its first line in the file (for the JSON: its position in the list), from 1."""
    text: str = field(repr=False, validator=v.is_a(str))
    """The raw record as SIPRI wrote it (the lines of a split record joined by ``\\n``)."""
    supplier: Country | Territory | ArmedGroup | Multinational | None = field(
        kw_only=True, validator=_PARTY
    )
    """The supplier; None for "unknown supplier(s)"."""
    recipient: Country | Territory | ArmedGroup | Multinational | None = field(
        kw_only=True, validator=_PARTY
    )
    """The recipient; None for "unknown recipient(s)"."""
    designation: str = field(kw_only=True, validator=v.text())
    """The weapon designation as published, trailing spaces trimmed."""
    description: str = field(kw_only=True, validator=v.text())
    """The weapon description as published ("armed UAV", "reconnaissance drone")."""
    order_year: int | None = field(kw_only=True, validator=v.optional(v.whole(1900)))
    """The year of order; None where the export gives none."""
    order_year_estimate: bool = field(default=False, kw_only=True, validator=v.is_a(bool))
    """Whether the order year is uncertain (``?``)."""
    number_ordered: int | None = field(default=None, kw_only=True, validator=_COUNT)
    """How many were ordered; None when SIPRI does not know (or the format has no column)."""
    number_ordered_estimate: bool = field(default=False, kw_only=True, validator=v.is_a(bool))
    """Whether the number ordered is SIPRI's estimate (``?``)."""
    number_delivered: int | None = field(default=None, kw_only=True, validator=_COUNT)
    """How many were delivered in the selected years; None when unknown."""
    number_delivered_estimate: bool = field(default=False, kw_only=True, validator=v.is_a(bool))
    """Whether the number delivered is SIPRI's estimate."""
    delivery_years: tuple[int, ...] = field(
        default=(), kw_only=True, converter=v.to_tuple, validator=_check_years
    )
    """The years with deliveries, in order; empty when nothing is delivered."""
    deliveries: tuple[SipriDelivery, ...] = field(
        default=(), kw_only=True, converter=v.to_tuple, validator=v.items_of(SipriDelivery)
    )
    """Format B's per-year rows, as given (empty for the trade register)."""
    condition: Condition = field(kw_only=True, validator=v.is_a(Condition))
    """New, second hand, or second hand but modernized (SIPRI's ``status`` column)."""
    condition_estimate: bool = field(default=False, kw_only=True, validator=v.is_a(bool))
    """Whether the condition is SIPRI's inference (the JSON's ``statusEst``)."""
    comments: str = field(default="", kw_only=True, validator=v.note)
    """SIPRI's Comments, verbatim (inner newlines kept, trailing space trimmed)."""
    tiv: Tiv | None = field(default=None, kw_only=True, validator=v.optional(v.is_a(Tiv)))
    """SIPRI's trend-indicator values, as written; None when the export has none."""
    tiv_new_unit: Decimal | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(Decimal))
    )
    """Format B's "SIPRI estimate": the unit TIV when new, before any discount."""
    sipri_id: int | None = field(default=None, kw_only=True, validator=v.optional(v.whole(1)))
    """SIPRI's own id (format B's AT Database ID, the JSON's ``tradeId``), when given."""
    category: str | None = field(default=None, kw_only=True, validator=v.optional(v.text()))
    """SIPRI's armament category ("Aircraft", "Missiles"), when the format gives it."""
    local_production: bool | None = field(default=None, kw_only=True, validator=_FLAG)
    """Format B's "Local production" (or the JSON's licence code); None when not given."""
    licences: tuple[LicenceNote, ...] = field(
        default=(), kw_only=True, converter=v.to_tuple, validator=v.items_of(LicenceNote)
    )
    """Production or assembly under licence that the Comments report."""
    codes: tuple[tuple[str, int], ...] = field(default=(), kw_only=True, converter=v.to_tuple)
    """The JSON's undocumented coded fields (``transferType``, ...), kept as given."""

    def __attrs_post_init__(self) -> None:
        if self.number_delivered == 0 and self.delivery_years:
            rule = "are given although nothing is delivered"
            raise ValidationError("SipriRecord", "delivery_years", self.delivery_years, rule)

    @property
    def status(self) -> DealStatus:
        """Return the status by SIPRI's inclusion rule.

        Nothing delivered is ORDERED, part of the order DELIVERING, all of it
        DELIVERED. An unknown number ordered decides nothing: a record with
        deliveries and no number ordered is DELIVERING (it is in the register
        because its delivery began; that it is complete is not known).
        """
        delivered = self.number_delivered
        if delivered is None:
            delivered = sum(row.count for row in self.deliveries) if self.deliveries else 0
        if delivered == 0 and not self.delivery_years:
            return DealStatus.ORDERED
        if self.number_ordered is not None and delivered >= self.number_ordered:
            return DealStatus.DELIVERED
        return DealStatus.DELIVERING

    @property
    def delivery_span(self) -> DeliverySpan | None:
        """Return the delivery years with the total, no per-year split; None if none."""
        if not self.delivery_years:
            return None
        return DeliverySpan(self.delivery_years, count=self.number_delivered or None)
