"""Strategies for what real registers hold: parties that are not countries, condition, TIV, spans.

SIPRI's Arms Transfers Database lists former states, territories ISO does not
code, non-state armed groups (``*``) and multinational organisations
(``**``); it records each deal's condition and TIV, and deliveries over
several years with no per-year split.
"""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from dronemarket.deals import Condition, Count, DeliverySpan, Tiv
from dronemarket.parties import (
    ArmedGroup,
    Country,
    Multinational,
    Party,
    PartyKind,
    Territory,
)
from dronemarket.strategies._checks import _check_years, _statuses
from dronemarket.strategies._drawing import _draw_country, _maybe
from dronemarket.strategies._vocabulary import (
    _GROUP_NAMES,
    _GROUP_PLACES,
    _MULTINATIONAL_NAMES,
    _TERRITORY_NAMES,
    DEFAULT_MAX_YEAR,
    DEFAULT_MIN_YEAR,
    FORMER_CODES,
)

_MOST_YEARS = 4  # a drawn span covers 2..4 years
_TIV_HIGH = 10_000  # SIPRI's largest order is ~10,117.5 TIV


def _draw_territory(draw: st.DrawFn) -> Territory:
    return Territory.lookup(draw(st.sampled_from(_TERRITORY_NAMES)))


def territories() -> SearchStrategy[Territory]:
    """Generate :class:`~dronemarket.Territory` s: Kosovo, Northern Cyprus, Biafra, ...

    Examples shrink to Kosovo.
    """
    return st.sampled_from(_TERRITORY_NAMES).map(Territory.lookup)


def _draw_armed_group(draw: st.DrawFn) -> ArmedGroup:
    name = draw(st.sampled_from(_GROUP_NAMES))
    where = draw(st.integers(0, 2))
    if where == 0:
        return ArmedGroup(name, place=draw(st.sampled_from(_GROUP_PLACES)))
    base = _draw_country(draw) if where == 1 else _draw_territory(draw)
    return ArmedGroup(name, base=base)


@st.composite
def _armed_groups(draw: st.DrawFn) -> ArmedGroup:
    return _draw_armed_group(draw)


def armed_groups() -> SearchStrategy[ArmedGroup]:
    """Generate :class:`~dronemarket.ArmedGroup` s, with a base country or territory, or none.

    Examples shrink to the Houthi rebels with no base.
    """
    return _armed_groups()


def multinationals() -> SearchStrategy[Multinational]:
    """Generate :class:`~dronemarket.Multinational` s: NATO, United Nations, African Union, ...

    Examples shrink to NATO.
    """
    return st.sampled_from(_MULTINATIONAL_NAMES).map(Multinational)


def _draw_party(draw: st.DrawFn, kinds: tuple[PartyKind, ...]) -> Party:
    kind = draw(st.sampled_from(kinds))
    if kind is PartyKind.STATE:
        return _draw_country(draw)
    if kind is PartyKind.FORMER_STATE:
        if draw(st.booleans()):
            return Territory.lookup(draw(st.sampled_from(("Biafra", "Katanga", "North Yemen"))))
        return Country(draw(st.sampled_from(FORMER_CODES)))
    if kind is PartyKind.TERRITORY:
        return Territory.lookup(draw(st.sampled_from(("Kosovo", "Northern Cyprus"))))
    if kind is PartyKind.ARMED_GROUP:
        return _draw_armed_group(draw)
    return Multinational(draw(st.sampled_from(_MULTINATIONAL_NAMES)))


@st.composite
def _parties(draw: st.DrawFn, kinds: tuple[PartyKind, ...]) -> Party:
    return _draw_party(draw, kinds)


def parties(
    *, kinds: PartyKind | str | Collection[PartyKind | str] | None = None
) -> SearchStrategy[Party]:
    """Generate parties (:data:`~dronemarket.Party`) of the given `kinds` (default: every kind).

    `kinds` is a :class:`~dronemarket.PartyKind`, its value, or a collection
    of them. States come from :data:`COUNTRY_CODES`, former states from
    :data:`FORMER_CODES` and SIPRI's former territories. Examples shrink to
    a state (Türkiye).
    """
    return _parties(_statuses(kinds, PartyKind, "kinds"))


_NOT_STATES = tuple(kind for kind in PartyKind if kind is not PartyKind.STATE)


def draw_other_party(draw: st.DrawFn, other_than: Party | None) -> Party | None:
    """Draw a party that is not a current state; None when it is `other_than`."""
    party = _draw_party(draw, _NOT_STATES)
    return None if party == other_than else party


def conditions() -> SearchStrategy[Condition]:
    """Generate :class:`~dronemarket.Condition` s; examples shrink to NEW."""
    return st.sampled_from(Condition)


def _draw_figure(draw: st.DrawFn) -> Decimal:
    """Draw a TIV figure as SIPRI writes it: up to 3 decimals, trailing zeros kept."""
    places = draw(st.integers(0, 3))
    whole = draw(st.integers(0, _TIV_HIGH * 10**places))
    return Decimal(whole).scaleb(-places)


def draw_tiv(draw: st.DrawFn) -> Tiv:
    known = draw(st.integers(1, 7))  # which of the three figures are known, in one draw
    per_unit, order, delivered = (_draw_figure(draw) if known & bit else None for bit in (4, 2, 1))
    return Tiv(per_unit, order, delivered)


@st.composite
def _tivs(draw: st.DrawFn) -> Tiv:
    return draw_tiv(draw)


def tivs() -> SearchStrategy[Tiv]:
    """Generate :class:`~dronemarket.Tiv` s: figures in millions with 0 to 3 decimals.

    Figures keep their exponent (``Decimal("4.80")``), at least one is
    known, and per-unit times count need not equal the total (as in SIPRI's
    rounded registers). Examples shrink to a delivered TIV of 0.
    """
    return _tivs()


def draw_span(draw: st.DrawFn, first: int, last: int, count: Count | None) -> DeliverySpan:
    """Draw a span of 2 to 4 years within `first`..`last` (one year when that is all)."""
    if first >= last:
        return DeliverySpan((first,), count=count)
    years = draw(st.lists(st.integers(first, last), min_size=2, max_size=_MOST_YEARS, unique=True))
    return DeliverySpan(tuple(sorted(years)), count=count)


@st.composite
def _delivery_spans(draw: st.DrawFn, first: int, last: int) -> DeliverySpan:
    count = _maybe(draw, lambda: Count.exact(draw(st.integers(1, 100))))
    return draw_span(draw, first, last, count)


def delivery_spans(
    min_year: int = DEFAULT_MIN_YEAR, max_year: int = DEFAULT_MAX_YEAR
) -> SearchStrategy[DeliverySpan]:
    """Generate :class:`~dronemarket.DeliverySpan` s: 2 to 4 years, with a total or none.

    Examples shrink to the first two years with no count.
    """
    _check_years(min_year, max_year)
    if min_year == max_year:
        raise InvalidArgument("a span needs min_year < max_year")
    return _delivery_spans(min_year, max_year)
