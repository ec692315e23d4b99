"""The typed record ``read`` makes of each SIPRI record, before it becomes a deal."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

import attrs
from attrs import field, frozen

from dronemarket import _validate as v
from dronemarket.dates import MAX_YEAR, MIN_YEAR, PartialDate
from dronemarket.deals import Condition, DealStatus, DeliverySpan, Tiv
from dronemarket.errors import ValidationError
from dronemarket.parties import ArmedGroup, Country, Multinational, Territory
from dronemarket.sipri._licence import LicenceNote

__all__ = ["SipriDelivery", "SipriRecord"]

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


@frozen(cache_hash=True)
class SipriRecord:
    """One record of a SIPRI export, every column parsed, nothing dropped.

    A number SIPRI left empty is None; a ``?`` flag sets the matching
    ``*_estimate``. Phase 2 turns it into a :class:`~dronemarket.Deal`.
    """

    line: int = field(validator=v.whole(1))
    """Its first line in the file (for the JSON: its position in the list), from 1."""
    text: str = field(repr=False)
    """The raw record as SIPRI wrote it (the lines of a split record joined by ``\\n``)."""
    supplier: Country | Territory | ArmedGroup | Multinational | None = field(kw_only=True)
    """The supplier; None for "unknown supplier(s)"."""
    recipient: Country | Territory | ArmedGroup | Multinational | None = field(kw_only=True)
    """The recipient; None for "unknown recipient(s)"."""
    designation: str = field(kw_only=True, validator=v.text())
    """The weapon designation as published, trailing spaces trimmed."""
    description: str = field(kw_only=True, validator=v.text())
    """The weapon description as published ("armed UAV", "reconnaissance drone")."""
    order_year: int | None = field(kw_only=True)
    """The year of order; None where the export gives none."""
    order_year_estimate: bool = field(default=False, kw_only=True)
    """Whether the order year is uncertain (``?``)."""
    number_ordered: int | None = field(default=None, kw_only=True)
    """How many were ordered; None when SIPRI does not know (or the format has no column)."""
    number_ordered_estimate: bool = field(default=False, kw_only=True)
    """Whether the number ordered is SIPRI's estimate (``?``)."""
    number_delivered: int | None = field(default=None, kw_only=True)
    """How many were delivered in the selected years; None when unknown."""
    number_delivered_estimate: bool = field(default=False, kw_only=True)
    """Whether the number delivered is SIPRI's estimate."""
    delivery_years: tuple[int, ...] = field(default=(), kw_only=True, converter=v.to_tuple)
    """The years with deliveries, in order; empty when nothing is delivered."""
    deliveries: tuple[SipriDelivery, ...] = field(default=(), kw_only=True, converter=v.to_tuple)
    """Format B's per-year rows, as given (empty for the trade register)."""
    condition: Condition = field(kw_only=True)
    """New, second hand, or second hand but modernized (SIPRI's ``status`` column)."""
    condition_estimate: bool = field(default=False, kw_only=True)
    """Whether the condition is SIPRI's inference (the JSON's ``statusEst``)."""
    comments: str = field(default="", kw_only=True, validator=v.note)
    """SIPRI's Comments, verbatim (inner newlines kept, trailing space trimmed)."""
    tiv: Tiv | None = field(default=None, kw_only=True)
    """SIPRI's trend-indicator values, as written; None when the export has none."""
    tiv_new_unit: Decimal | None = field(default=None, kw_only=True)
    """Format B's "SIPRI estimate": the unit TIV when new, before any discount."""
    sipri_id: int | None = field(default=None, kw_only=True)
    """SIPRI's own id (format B's AT Database ID, the JSON's ``tradeId``), when given."""
    category: str | None = field(default=None, kw_only=True)
    """SIPRI's armament category ("Aircraft", "Missiles"), when the format gives it."""
    local_production: bool | None = field(default=None, kw_only=True)
    """Format B's "Local production" (or the JSON's licence code); None when not given."""
    licences: tuple[LicenceNote, ...] = field(default=(), kw_only=True, converter=v.to_tuple)
    """Production or assembly under licence that the Comments report."""
    codes: tuple[tuple[str, int], ...] = field(default=(), kw_only=True, converter=v.to_tuple)
    """The JSON's undocumented coded fields (``transferType``, ...), kept as given."""

    def __attrs_post_init__(self) -> None:
        # Registers hold ~30,000 records: one type-check pass, then the rules.
        _check_types(self)
        for name in ("number_ordered", "number_delivered", "order_year", "sipri_id", "line"):
            value = getattr(self, name)
            if value is not None and value < (MIN_YEAR if name == "order_year" else 0):
                raise ValidationError("SipriRecord", name, value, "is out of range")
        years = self.delivery_years
        if years and (
            years[0] < MIN_YEAR or years[-1] > MAX_YEAR or any(a >= b for a, b in pairwise(years))
        ):
            rule = f"are not years in {MIN_YEAR}..{MAX_YEAR} in strictly increasing order"
            raise ValidationError("SipriRecord", "delivery_years", years, rule)
        if self.category is not None:
            v.text()(self, _CATEGORY, self.category)
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
    def ordered(self) -> PartialDate | None:
        """Return the order year as a date known to the year; see ``order_year_estimate``."""
        return None if self.order_year is None else PartialDate(self.order_year)

    @property
    def delivery_span(self) -> DeliverySpan | None:
        """Return the delivery years with the total, no per-year split; None if none."""
        if not self.delivery_years:
            return None
        return DeliverySpan(self.delivery_years, count=self.number_delivered or None)


_CATEGORY = attrs.fields(SipriRecord).category
_check_types = v.type_checker(
    v.Rule("line", (int,)),
    v.Rule("text", (str,)),
    v.Rule("supplier", (Country, Territory, ArmedGroup, Multinational), optional=True),
    v.Rule("recipient", (Country, Territory, ArmedGroup, Multinational), optional=True),
    v.Rule("order_year", (int,), optional=True),
    v.Rule("order_year_estimate", (bool,)),
    v.Rule("number_ordered", (int,), optional=True),
    v.Rule("number_ordered_estimate", (bool,)),
    v.Rule("number_delivered", (int,), optional=True),
    v.Rule("number_delivered_estimate", (bool,)),
    v.Rule("delivery_years", (tuple,), items=(int,)),
    v.Rule("deliveries", (tuple,), items=(SipriDelivery,)),
    v.Rule("condition", (Condition,)),
    v.Rule("condition_estimate", (bool,)),
    v.Rule("tiv", (Tiv,), optional=True),
    v.Rule("tiv_new_unit", (Decimal,), optional=True),
    v.Rule("sipri_id", (int,), optional=True),
    v.Rule("category", (str,), optional=True),
    v.Rule("local_production", (bool,), optional=True),
    v.Rule("licences", (tuple,), items=(LicenceNote,)),
    v.Rule("codes", (tuple,), items=(tuple,)),
)
