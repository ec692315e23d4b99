"""The typed record ``read`` makes of each SIPRI record, before it becomes a deal."""

from __future__ import annotations

import functools
import operator
import re
from decimal import Decimal
from typing import Final

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

    line: int = field()  # checked in __attrs_post_init__, as v.whole(1)
    """Its first line in the file (for the JSON: its position in the list), from 1."""
    text: str = field(repr=False)
    """The raw record as SIPRI wrote it (the lines of a split record joined by ``\\n``).

    :func:`~dronemarket.sipri.records` gives each record with it; a record
    built without it (as :func:`~dronemarket.sipri.read` builds them, keeping
    no record once its deal is made) holds ``""``.
    """
    supplier: Country | Territory | ArmedGroup | Multinational | None = field(kw_only=True)
    """The supplier; None for "unknown supplier(s)"."""
    recipient: Country | Territory | ArmedGroup | Multinational | None = field(kw_only=True)
    """The recipient; None for "unknown recipient(s)"."""
    designation: str = field(kw_only=True)  # checked in __attrs_post_init__, as v.text()
    """The weapon designation as published, trailing spaces trimmed."""
    description: str = field(kw_only=True)  # checked in __attrs_post_init__, as v.text()
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
    comments: str = field(default="", kw_only=True)  # checked in __attrs_post_init__, as v.note
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
        # Registers hold ~30,000 records: one pass of exact-type tests for the
        # usual record; anything else takes the full checks, in field order.
        if not _plain(self):
            _check_fields(self)
        ordered, delivered, order_year = self.number_ordered, self.number_delivered, self.order_year
        if (
            (ordered is not None and ordered < 0)
            or (delivered is not None and delivered < 0)
            or (order_year is not None and order_year < MIN_YEAR)
            or (self.sipri_id is not None and self.sipri_id < 0)
            or self.line < 0
        ):
            _out_of_range(self)
        years = self.delivery_years
        if years and (
            years[0] < MIN_YEAR
            or years[-1] > MAX_YEAR
            or (len(years) > 1 and any(map(operator.ge, years, years[1:])))
        ):
            rule = f"are not years in {MIN_YEAR}..{MAX_YEAR} in strictly increasing order"
            raise ValidationError("SipriRecord", "delivery_years", years, rule)
        if self.category is not None:
            _TEXT(self, _CATEGORY, self.category)
        if delivered == 0 and years:
            rule = "are given although nothing is delivered"
            raise ValidationError("SipriRecord", "delivery_years", years, rule)

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


_FIELDS = attrs.fields(SipriRecord)
_CATEGORY = _FIELDS.category
_TEXT = v.text()
_FIELD_CHECKS = (
    (_FIELDS.line, v.whole(1)),
    (_FIELDS.designation, _TEXT),
    (_FIELDS.description, _TEXT),
    (_FIELDS.comments, v.note),
)
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


def _out_of_range(record: SipriRecord) -> None:
    """Raise the error naming the first number out of its range."""
    for name in ("number_ordered", "number_delivered", "order_year", "sipri_id", "line"):
        value = getattr(record, name)
        if value is not None and value < (MIN_YEAR if name == "order_year" else 0):
            raise ValidationError("SipriRecord", name, value, "is out of range")


def _check_fields(record: SipriRecord) -> None:
    """Check every field, raising the error that names the first bad one."""
    for attribute, check in _FIELD_CHECKS:
        check(record, attribute, getattr(record, attribute.name))
    _check_types(record)


_NONE = type(None)
_PARTIES: Final = frozenset({Country, Territory, ArmedGroup, Multinational, _NONE})
_INTS: Final = frozenset({int, _NONE})
_BOOLS: Final = frozenset({bool, _NONE})
_STRS: Final = frozenset({str, _NONE})
_TIVS: Final = frozenset({Tiv, _NONE})
_DECIMALS: Final = frozenset({Decimal, _NONE})
_CONTROL: Final = re.compile("[\x00-\x1f\x7f-\x9f]")  # as v.text: Unicode's Cc
_NOTE_CONTROL: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # as v.note


@functools.lru_cache(maxsize=8192)  # designations and descriptions repeat
def _plain_string(value: str) -> bool:
    return (
        0 < len(value) <= v.MAX_TEXT
        and not value[0].isspace()
        and not value[-1].isspace()
        and _CONTROL.search(value) is None
    )


_VALUES: Final = operator.attrgetter(
    "line", "text", "supplier", "recipient", "designation", "description", "comments",
    "order_year", "number_ordered", "number_delivered", "sipri_id",
    "order_year_estimate", "number_ordered_estimate", "number_delivered_estimate",
    "condition_estimate", "condition", "tiv", "tiv_new_unit", "category", "local_production",
    "delivery_years", "deliveries", "licences", "codes",
)  # fmt: skip
_ONLY_INTS: Final = frozenset({int})
_ALLOWED: Final = (
    frozenset({int}), frozenset({str}), _PARTIES, _PARTIES,
    frozenset({str}), frozenset({str}), frozenset({str}),
    _INTS, _INTS, _INTS, _INTS,
    frozenset({bool}), frozenset({bool}), frozenset({bool}), frozenset({bool}),
    frozenset({Condition}), _TIVS, _DECIMALS, _STRS, _BOOLS,
    frozenset({tuple}), frozenset({tuple}), frozenset({tuple}), frozenset({tuple}),
)  # fmt: skip
"""The exact types each of ``_VALUES`` may have on the fast path."""


@functools.lru_cache(maxsize=256)  # a register's records have a few dozen type signatures
def _plain_types(signature: tuple[type, ...]) -> bool:
    return all(kind in allowed for kind, allowed in zip(signature, _ALLOWED, strict=True))


def _plain(record: SipriRecord) -> bool:
    """Say whether `record` passes every field check, by exact types (False: check fully)."""
    values = _VALUES(record)
    if not _plain_types(tuple(map(type, values))):
        return False
    comments, years, deliveries, licences = values[6], values[20], values[21], values[22]
    return (
        values[0] >= 1
        and _plain_string(values[4])
        and _plain_string(values[5])
        and len(comments) <= v.MAX_NOTE
        and (not comments or _NOTE_CONTROL.search(comments) is None)
        and {*map(type, years)} <= _ONLY_INTS
        and (not deliveries or all(type(row) is SipriDelivery for row in deliveries))
        and (not licences or all(type(note) is LicenceNote for note in licences))
        and values[23] == ()
    )
