"""Argument checks: every public strategy rejects a bad argument with ``InvalidArgument``."""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable
from typing import Any, Final, TypeVar, cast

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from dronemarket.dates import MAX_YEAR, MIN_YEAR
from dronemarket.errors import ValidationError
from dronemarket.parties import (
    Country,
)

E = TypeVar("E", bound="object")
T = TypeVar("T")
S = TypeVar("S", bound=enum.Enum)

# --- arguments ---------------------------------------------------------------------------------


def _collection(given: object, name: str) -> list[Any]:
    """Return the items of a collection argument, rejecting strings and non-collections."""
    if isinstance(given, str | bytes) or not isinstance(given, Iterable):
        raise InvalidArgument(f"{name}={given!r} is not a collection")
    items = list(given)
    if not items:
        raise InvalidArgument(f"{name}={given!r} is empty")
    return items


def _choose(given: Collection[T] | SearchStrategy[T] | None, name: str) -> SearchStrategy[T] | None:
    """Return the strategy an argument asks for: its own, one of its values, or None."""
    if given is None or isinstance(given, SearchStrategy):
        return given
    return st.sampled_from(_collection(given, name))


def _members(given: Collection[E] | None, kind: type[E], name: str) -> tuple[E, ...]:
    """Return the enum members an argument allows (all of `kind` when None), in order."""
    every = tuple(cast("Iterable[E]", kind))
    if given is None:
        return every
    chosen = _collection(given, name)
    for item in chosen:
        if not isinstance(item, kind):
            raise InvalidArgument(f"{name} holds {item!r}, which is not a {kind.__name__}")
    return tuple(member for member in every if member in chosen)  # simplest (first) first


def _statuses(given: object, kind: type[S], name: str) -> tuple[S, ...]:
    """Return the statuses a ``status=`` argument allows: a member, its value, or several."""
    if given is None:
        return tuple(cast("Iterable[S]", kind))
    items = [given] if isinstance(given, str | kind) else _collection(given, name)
    chosen: list[S] = []
    for item in items:
        try:
            chosen.append(kind(item))
        except ValueError:
            raise InvalidArgument(
                f"{name} holds {item!r}, which is not a {kind.__name__}"
            ) from None
    every = tuple(cast("Iterable[S]", kind))
    return tuple(member for member in every if member in chosen)  # simplest (first) first


def _country_argument(value: object, name: str) -> Country:
    """Return a country given as a Country or an alpha-3 code."""
    if isinstance(value, Country):
        return value
    try:
        return Country(cast("str", value))
    except ValidationError as error:
        raise InvalidArgument(f"{name}: {error}") from None


def _countries_of(
    given: Collection[Country | str] | SearchStrategy[Country] | None, name: str
) -> SearchStrategy[Country] | None:
    """Return the strategy a ``countries=`` argument asks for; None means the default."""
    if given is None or isinstance(given, SearchStrategy):
        return given
    return st.sampled_from([_country_argument(item, name) for item in _collection(given, name)])


def _check_years(min_year: int, max_year: int) -> None:
    for name, year in (("min_year", min_year), ("max_year", max_year)):
        if type(year) is not int or not MIN_YEAR <= year <= MAX_YEAR:
            raise InvalidArgument(f"{name}={year!r} is not a year in {MIN_YEAR}..{MAX_YEAR}")
    if min_year > max_year:
        raise InvalidArgument(f"min_year={min_year} is after max_year={max_year}")


def _check_limit(value: int, name: str, least: int = 0) -> None:
    if type(value) is not int or value < least:
        raise InvalidArgument(f"{name}={value!r} is not an int of at least {least}")


_BRIEF: Final = 60  # characters of each argument a strategy's repr shows


def brief_repr(arguments: tuple[object, ...]) -> str:
    """Return a short repr of a strategy's arguments: long ones (a pool) are cut.

    Hypothesis builds a strategy's repr when it explains a failure; the
    shared pool's full repr runs to tens of kilobytes.
    """
    fields = cast("tuple[str, ...]", getattr(arguments, "_fields", ()))
    shown = []
    for name, value in zip(fields, arguments, strict=True):
        text = repr(value)
        shown.append(f"{name}={text if len(text) <= _BRIEF else text[: _BRIEF - 3] + '...'}")
    return f"{type(arguments).__name__}({', '.join(shown)})"
