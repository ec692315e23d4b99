"""Drawing helpers shared by the strategies: dates, sources, countries, organizations.

The public strategies are composites. The parts they share are plain
functions taking `draw`, so that no strategy object is built (and validated)
anew for every example: that keeps generation fast.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any, Final, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from dronemarket.dates import PartialDate
from dronemarket.parties import (
    Country,
    Organization,
    OrgKind,
)
from dronemarket.sources import Source
from dronemarket.strategies._checks import _collection
from dronemarket.strategies._pool import _acronym, pool_organizations
from dronemarket.strategies._vocabulary import (
    _LANGUAGES,
    _ORG_NAMES,
    _PRECISIONS,
    _PUBLISHERS,
    _TITLES,
    COUNTRY_CODES,
    DEFAULT_MAX_YEAR,
    DEFAULT_MIN_YEAR,
    Precision,
)

T = TypeVar("T")

# --- drawing helpers ----------------------------------------------------------------------------
# The public strategies are composites. The parts they share are plain
# functions taking `draw`, so that no strategy object is built (and validated)
# anew for every example: that keeps generation fast.


def _maybe(draw: st.DrawFn, make: Callable[[], T]) -> T | None:
    """Return None (what examples shrink to) or what `make` gives."""
    return make() if draw(st.booleans()) else None


def _unique(items: Iterable[T]) -> list[T]:
    return list(dict.fromkeys(items))


def _draw_date(
    draw: st.DrawFn,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
    precisions: Sequence[Precision] = _PRECISIONS,
) -> PartialDate:
    year = draw(st.integers(min_year, max_year))
    precision = draw(st.sampled_from(precisions))
    if precision == "year":
        return PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return PartialDate(year, month)
    return PartialDate(year, month, draw(st.integers(1, PartialDate(year, month).latest.day)))


def _draw_date_from(draw: st.DrawFn, floor: PartialDate | None) -> PartialDate:
    """Draw a date that is not surely before `floor` (any date when `floor` is None)."""
    if floor is None:
        return _draw_date(draw)
    date = _draw_date(draw, floor.year, max(floor.year, DEFAULT_MAX_YEAR))
    return floor if date.surely_before(floor) else date


def _not_before(date: PartialDate | None, floor: PartialDate | None) -> PartialDate | None:
    """Return `date`, or `floor` itself when `date` is surely before it."""
    if date is not None and floor is not None and date.surely_before(floor):
        return floor
    return date


def _url(title: str) -> str:
    return "https://news.example.com/" + "-".join(title.casefold().split())


def _draw_source(draw: st.DrawFn, languages: Sequence[str] = _LANGUAGES) -> Source:
    title = draw(st.sampled_from(_TITLES))
    return Source(
        title,
        publisher=draw(st.sampled_from(_PUBLISHERS)),
        url=_url(title) if draw(st.booleans()) else None,
        published=_maybe(draw, lambda: _draw_date(draw)),
        language=draw(st.sampled_from(languages)),
    )


def _draw_sources(draw: st.DrawFn, least: int = 1, most: int = 2) -> list[Source]:
    """Draw `least` to `most` distinct sources (repeats are dropped, keeping at least one)."""
    number = draw(st.integers(least, most))
    return _unique(_draw_source(draw) for _ in range(number))


def _draw_country(
    draw: st.DrawFn, codes: Sequence[str] = COUNTRY_CODES, other_than: Country | None = None
) -> Country:
    options = [code for code in codes if other_than is None or code != other_than.code]
    return Country(draw(st.sampled_from(options)))


def _draw_org(
    draw: st.DrawFn, kinds: Sequence[OrgKind], country: Country | None = None
) -> Organization:
    kind = draw(st.sampled_from(kinds))
    where = country or _draw_country(draw)
    name = draw(st.sampled_from(_ORG_NAMES[kind])).format(country=where.name)
    acronym = _acronym(name)
    wanted = len(acronym) > 1 and acronym != name and draw(st.booleans())
    return Organization(name, country=where, kind=kind, aliases={acronym} if wanted else ())


def _count(pool: tuple[Organization, ...] | None) -> str:
    return "None" if pool is None else f"<{len(pool)} organizations>"


@attrs.frozen
class _Orgs:
    """Where the organizations of a record come from: new ones, a strategy, or a pool.

    A market draws its organizations first and every record picks from that
    pool, so that every organization a record names is one the market holds.
    """

    pool: tuple[Organization, ...] | None = attrs.field(default=None, repr=_count)
    strategy: SearchStrategy[Organization] | None = None
    by_kind: bool = True  # False: a caller's own collection, used whatever the kinds

    @classmethod
    def given(
        cls, given: Collection[Organization] | SearchStrategy[Organization] | None, name: str
    ) -> _Orgs:
        if given is None:
            return cls.shared()
        if isinstance(given, SearchStrategy):
            return cls(strategy=given)
        items = tuple(_collection(given, name))
        for item in items:
            if not isinstance(item, Organization):
                raise InvalidArgument(f"{name} holds {item!r}, which is not an Organization")
        return cls(pool=items, by_kind=False)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # noqa: ANN401
        """Print the short repr (Hypothesis' printer would list the whole pool)."""
        del cycle
        printer.text(repr(self))

    @classmethod
    def shared(cls) -> _Orgs:
        """Return the shared pool, which records draw from by default."""
        return cls(pool=pool_organizations())

    def one(
        self, draw: st.DrawFn, kinds: Sequence[OrgKind], country: Country | None
    ) -> Organization | None:
        """Draw an organization of `kinds`, in `country` where possible; None if none is."""
        if self.strategy is not None:
            return draw(self.strategy)
        if self.pool is None:
            return _draw_org(draw, kinds, country)
        fits = [org for org in self.pool if not self.by_kind or org.kind in kinds]
        local = [org for org in fits if org.country == country]
        chosen = local or fits
        return draw(st.sampled_from(chosen)) if chosen else None

    def maybe(
        self, draw: st.DrawFn, kinds: Sequence[OrgKind], country: Country | None
    ) -> Organization | None:
        """Draw None (first) or an organization as :meth:`one` does."""
        return self.one(draw, kinds, country) if draw(st.booleans()) else None


_MAKERS: Final = (OrgKind.MANUFACTURER,)
_END_USERS: Final = (OrgKind.ARMED_FORCES, OrgKind.STATE_AGENCY, OrgKind.NON_STATE_GROUP)
_LICENSEES: Final = (OrgKind.MANUFACTURER, OrgKind.STATE_AGENCY, OrgKind.RESEARCH_INSTITUTE)
_GO_BETWEENS: Final = (OrgKind.INTERMEDIARY,)


@functools.cache
def _pooled_of(kinds: tuple[OrgKind, ...]) -> tuple[Organization, ...]:
    return tuple(org for org in pool_organizations() if org.kind in kinds)


def _draw_pooled(draw: st.DrawFn, kinds: Sequence[OrgKind]) -> Organization:
    """Draw an organization of one of `kinds` from the shared pool."""
    return draw(st.sampled_from(_pooled_of(tuple(kinds))))
