"""Bulk helpers the table builders share: one value per distinct object, figures, dates.

Columns are built as lists, one pass per column. Values shared by many
records (a supplier, a platform, an enumeration member, a count) are
computed once per distinct object, found by identity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, Final, TypeVar

from dronemarket.dates import PartialDate
from dronemarket.deals import Count, Money
from dronemarket.market._tally import Figures, figures
from dronemarket.parties import Country, Organization, Party, party_kind
from dronemarket.sources import Source

__all__ = [
    "Columns",
    "count_columns",
    "count_figures",
    "dates",
    "enum_values",
    "figure_columns",
    "first_source",
    "mapped",
    "mapped_columns",
    "money_columns",
    "name_of",
    "party_info",
    "split",
]

T = TypeVar("T")
R = TypeVar("R")

Columns = dict[str, list[Any]]
"""A table's columns by name, each a list of plain values (one per row)."""


def mapped(objects: Sequence[T], compute: Callable[[T], R]) -> list[R]:
    """Return ``[compute(o) for o in objects]``, calling `compute` once per distinct object."""
    keys = list(map(id, objects))
    made = {key: compute(obj) for key, obj in dict(zip(keys, objects, strict=True)).items()}
    return list(map(made.__getitem__, keys))


def mapped_columns(
    objects: Sequence[T], compute: Callable[[T], Sequence[Any]], width: int
) -> list[list[Any]]:
    """Return the `width` columns of ``compute(o)`` for each of `objects`, as lists.

    `compute` is called once per distinct object (by identity); each column
    is then one lookup per object.
    """
    keys = list(map(id, objects))
    made = {key: compute(obj) for key, obj in dict(zip(keys, objects, strict=True)).items()}
    return [
        list(map({key: row[index] for key, row in made.items()}.__getitem__, keys))
        for index in range(width)
    ]


def split(rows: Sequence[Sequence[Any]], width: int) -> list[list[Any]]:
    """Return the `width` columns of `rows` (tuples of equal length), as lists."""
    return [[row[index] for row in rows] for index in range(width)]


def enum_values(members: Sequence[Any]) -> list[str | None]:
    """Return each enumeration member's value (None stays None)."""
    return mapped(members, lambda member: None if member is None else str(member.value))


def name_of(organization: Organization | None) -> str | None:
    """Return an organization's name, or None."""
    return None if organization is None else organization.name


def party_info(party: Party | None) -> tuple[str | None, str | None, str | None]:
    """Return a party's code (a country's alpha-3, else None), name and kind."""
    if party is None:
        return (None, None, None)
    if type(party) is Country:
        return (party.code, party.name, party_kind(party).value)
    return (None, str(party), party_kind(party).value)


_PRECISION: Final = ("year", "month", "day")


def _date_info(key: tuple[int, int | None, int | None] | None) -> tuple[Any, str | None]:
    if key is None:
        return (None, None)
    year, month, day = key
    precision = _PRECISION[(month is not None) + (day is not None)]
    return (dt.date(year, month or 1, day or 1), precision)


def dates(values: Sequence[PartialDate | None]) -> tuple[list[dt.date | None], list[str | None]]:
    """Return each date's earliest day and its precision (None for an unknown date).

    Each distinct date (by value) is converted once.
    """
    keys = [None if date is None else (date.year, date.month, date.day) for date in values]
    made = {key: _date_info(key) for key in dict.fromkeys(keys)}
    days = {key: info[0] for key, info in made.items()}
    precisions = {key: info[1] for key, info in made.items()}
    return list(map(days.__getitem__, keys)), list(map(precisions.__getitem__, keys))


def count_figures(count: Count | None) -> Figures | None:
    """Return the figures a count contributes, by the one counting rule; None when unknown."""
    if count is None:
        return None
    return (*figures(count), count.estimate)


_UNKNOWN: Final = (None, None, None, None)


def figure_columns(name: str, found: Iterable[Figures | None]) -> Columns:
    """Return the low, central, high and estimate columns of figures named `name`."""
    rows = [_UNKNOWN if one is None else one for one in found]
    low, central, high, estimate = split(rows, 4)
    return {
        f"{name}_low": low,
        f"{name}_central": central,
        f"{name}_high": high,
        f"{name}_estimate": estimate,
    }


def count_columns(name: str, counts: Sequence[Count | None]) -> Columns:
    """Return the figure columns of `counts`, each distinct count figured once."""
    low, central, high, estimate = mapped_columns(
        counts, lambda count: count_figures(count) or _UNKNOWN, 4
    )
    return {
        f"{name}_low": low,
        f"{name}_central": central,
        f"{name}_high": high,
        f"{name}_estimate": estimate,
    }


def _money_info(value: Money | None) -> tuple[Decimal | None, str | None, bool | None]:
    if value is None:
        return (None, None, None)
    return (value.amount, value.currency, value.estimate)


def money_columns(values: Sequence[Money | None]) -> Columns:
    """Return the value, value_currency and value_estimate columns of `values`."""
    amount, currency, estimate = mapped_columns(values, _money_info, 3)
    return {"value": amount, "value_currency": currency, "value_estimate": estimate}


def _source_text(source: Source | None) -> str | None:
    return None if source is None else f"{source.publisher}: {source.title}"


def first_source(sources: Sequence[tuple[Source, ...]]) -> list[str | None]:
    """Return each record's first source as ``'publisher: title'``."""
    return mapped([found[0] if found else None for found in sources], _source_text)
