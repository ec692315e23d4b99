"""Dates known only as precisely as the source reports them.

"In May 2022" is ``PartialDate(2022, 5)``; "in 2021" is ``PartialDate(2021)``.

>>> from dronemarket import PartialDate
>>> may = PartialDate(2022, 5)
>>> str(may), may.precision
('2022-05', 'month')
>>> PartialDate.parse("2022-05-17") in may
True
>>> sorted([PartialDate(2022, 5), PartialDate(2022), PartialDate(2021, 12, 3)])
[PartialDate(2021, 12, 3), PartialDate(2022), PartialDate(2022, 5)]

**Ordering.** Dates sort by their earliest possible day; where that ties, the
less precise date comes first. So ``2022 < 2022-01 < 2022-01-01 < 2022-01-02``.
The order is total and agrees with equality. Whether one date is *surely*
before another is :meth:`PartialDate.surely_before`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, Final, Literal

import attrs
from attrs import field, frozen

from dronemarket._validate import fail
from dronemarket.errors import ValidationError

__all__ = ["MAX_YEAR", "MIN_YEAR", "PartialDate"]

MIN_YEAR: Final = 1900
"""The earliest year a date may have (before powered drones)."""
MAX_YEAR: Final = 2100
"""The latest year a date may have (plans reach decades ahead, not centuries)."""

_TEXT = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)


def _check_number(
    instance: PartialDate,
    attribute: attrs.Attribute[Any],
    value: object,
    bounds: tuple[int, int],
    of: str = "",
) -> None:
    """Require an int within `bounds`, inclusive; `of` says what sets them ("for 2022-02")."""
    if type(value) is not int:
        fail(instance, attribute, value, "is not an int")
    low, high = bounds
    if not low <= value <= high:
        fail(instance, attribute, value, f"is outside {low}..{high}{of}")


def _check_year(instance: PartialDate, attribute: attrs.Attribute[int], value: int) -> None:
    _check_number(instance, attribute, value, (MIN_YEAR, MAX_YEAR))


def _check_month(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None:
        _check_number(instance, attribute, value, (1, 12))


def _check_day(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if type(value) is not int:
        fail(instance, attribute, value, "is not an int")
    if instance.month is None:
        fail(instance, attribute, value, "is given without a month")
    last = calendar.monthrange(instance.year, instance.month)[1]
    _check_number(
        instance, attribute, value, (1, last), f" for {instance.year}-{instance.month:02}"
    )


@frozen(order=False, repr=False)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int = field(validator=_check_year)
    """The year, between :data:`MIN_YEAR` and :data:`MAX_YEAR`."""
    month: int | None = field(default=None, validator=_check_month)
    """The month, 1 to 12, or None when only the year is known."""
    day: int | None = field(default=None, validator=_check_day)
    """The day of the month, or None; a day needs a month."""

    @classmethod
    def parse(cls, text: object) -> PartialDate:
        """Read ``"2022"``, ``"2022-05"`` or ``"2022-05-17"``.

        >>> PartialDate.parse("2020-11")
        PartialDate(2020, 11)
        """
        match = _TEXT.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            rule = "is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
            raise ValidationError("PartialDate", "text", text, rule)
        year, month, day = (int(part) if part else None for part in match.groups())
        return cls(year, month, day)  # type: ignore[arg-type]

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        """Return the day-precise date of a :class:`datetime.date`."""
        given: object = value
        if not isinstance(given, dt.date):
            raise ValidationError("PartialDate", "value", given, "is not a datetime.date")
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        """Say how precisely the date is known."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    @property
    def earliest(self) -> dt.date:
        """Return the first day the date may stand for."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """Return the last day the date may stand for."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def surely_before(self, other: PartialDate) -> bool:
        """Say whether every day this date may be lies before every day `other` may be.

        >>> PartialDate(2021).surely_before(PartialDate(2021, 6))
        False
        >>> PartialDate(2021, 5).surely_before(PartialDate(2021, 6))
        True
        """
        given: object = other  # typed callers are not the only callers
        if not isinstance(given, PartialDate):
            rule = "is not a PartialDate (surely_before compares two PartialDates)"
            raise ValidationError("PartialDate", "other", given, rule)
        latest = (self.year, self.month or 12, self.day or 31)  # 31: after any real day
        return latest < (other.year, other.month or 1, other.day or 1)

    def __contains__(self, other: object) -> bool:
        """Say whether `other` (a PartialDate or date) lies within this date."""
        if isinstance(other, dt.date):
            if not MIN_YEAR <= other.year <= MAX_YEAR:
                return False
            other = PartialDate.from_date(other)
        if not isinstance(other, PartialDate):
            return False
        return self.earliest <= other.earliest and other.latest <= self.latest

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()

    def __str__(self) -> str:
        parts = [f"{self.year:04}"]
        if self.month is not None:
            parts.append(f"{self.month:02}")
        if self.day is not None:
            parts.append(f"{self.day:02}")
        return "-".join(parts)

    def __repr__(self) -> str:
        given = [self.year, self.month, self.day]
        while given[-1] is None:
            given.pop()
        return f"PartialDate({', '.join(map(str, given))})"
