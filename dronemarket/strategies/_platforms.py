"""Strategies for platforms."""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from dronemarket.parties import (
    Organization,
)
from dronemarket.platforms import (
    Category,
    Platform,
    Role,
    Specs,
)
from dronemarket.strategies._checks import _members, brief_repr
from dronemarket.strategies._drawing import (
    _MAKERS,
    _draw_date,
    _draw_sources,
    _maybe,
    _not_before,
    _Orgs,
)
from dronemarket.strategies._quantities import specs as _any_specs
from dronemarket.strategies._vocabulary import _PLATFORM_WORDS, _VARIANT_SUFFIXES

# --- platforms --------------------------------------------------------------------------------


def _draw_platform_name(draw: st.DrawFn) -> tuple[str, frozenset[str]]:
    word = draw(st.sampled_from(_PLATFORM_WORDS))
    number = _maybe(draw, lambda: draw(st.integers(1, 9)))
    name = word if number is None else f"{word}-{number}"
    alias = f"{word} UAV" if number is None else f"{word} {number}"
    return name, frozenset({alias}) if draw(st.booleans()) else frozenset()


class _PlatformArgs(NamedTuple):
    categories: tuple[Category | None, ...]
    roles: tuple[Role, ...]
    makers: _Orgs
    specs: SearchStrategy[Specs]

    def __repr__(self) -> str:
        return brief_repr(self)


def _draw_platform(draw: st.DrawFn, args: _PlatformArgs, lineage: bool) -> Platform:
    name, aliases = _draw_platform_name(draw)
    first_flight = _maybe(draw, lambda: _draw_date(draw))
    platform = Platform(
        name,
        manufacturer=args.makers.maybe(draw, _MAKERS, None),
        category=draw(st.sampled_from(args.categories)),
        roles=draw(st.frozensets(st.sampled_from(args.roles), max_size=3)),
        specs=draw(args.specs),
        aliases=aliases,
        first_flight=first_flight,
        in_service=_not_before(_maybe(draw, lambda: _draw_date(draw)), first_flight),
        sources=_draw_sources(draw, 0, 2),
    )
    if not lineage or not draw(st.booleans()):
        return platform
    parent = _draw_platform(draw, args, lineage=False)
    if draw(st.booleans()):
        suffix = draw(st.sampled_from(_VARIANT_SUFFIXES))
        name = f"{parent.name} {suffix}"
        return attrs.evolve(platform, name=name, aliases=(), variant_of=parent)
    if name.casefold() in {known.casefold() for known in parent.names}:
        name = f"{name} II"
    return attrs.evolve(platform, name=name, aliases=(), derived_from=parent)


@st.composite
def _platforms(draw: st.DrawFn, args: _PlatformArgs, lineage: bool) -> Platform:
    return _draw_platform(draw, args, lineage)


def platforms(
    *,
    categories: Collection[Category] | None = None,
    manufacturers: Collection[Organization] | SearchStrategy[Organization] | None = None,
    roles: Collection[Role] | None = None,
    specs: SearchStrategy[Specs] | None = None,
    lineage: bool = True,
) -> SearchStrategy[Platform]:
    """Generate :class:`~dronemarket.Platform` s.

    Names are bird names with an optional model number ("Falcon-2");
    `categories` and `roles` restrict the enums (by default the category
    may also be unknown, None); the manufacturer, when
    there is one, is drawn from `manufacturers` (default: a new one);
    `specs` defaults to :func:`specs`. With `lineage`, a platform may be a
    variant of, or derived from, another generated platform. Entry into
    service is never before the first flight.
    """
    args = _PlatformArgs(
        (*Category, None) if categories is None else _members(categories, Category, "categories"),
        _members(roles, Role, "roles"),
        _Orgs.given(manufacturers, "manufacturers"),
        _any_specs() if specs is None else specs,
    )
    return _platforms(args, lineage)


_any_platforms = platforms  # for functions whose `platforms` argument hides this one
