"""Strategies for markets: records that name only what the market holds."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import NamedTuple, TypeVar, cast

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from dronemarket.cooperation import CooperationKind
from dronemarket.deals import (
    Deal,
    DealStatus,
)
from dronemarket.market import Market, name_key
from dronemarket.parties import (
    Country,
    Organization,
    OrgKind,
    SanctionAuthority,
)
from dronemarket.platforms import (
    Category,
    Platform,
    Role,
)
from dronemarket.production import Arrangement, LicensedProduction, ProductionStatus
from dronemarket.strategies._checks import _check_limit
from dronemarket.strategies._drawing import _draw_org, _Orgs, _unique
from dronemarket.strategies._parties import _draw_sanction, countries
from dronemarket.strategies._platforms import _draw_platform, _PlatformArgs
from dronemarket.strategies._quantities import specs as _any_specs
from dronemarket.strategies._records import (
    _CooperationArgs,
    _DealArgs,
    _draw_cooperation,
    _draw_deal,
    _draw_production,
    _ProductionArgs,
)
from dronemarket.strategies._vocabulary import _PERSONS

T = TypeVar("T")

# --- markets ------------------------------------------------------------------------------------


def _with_unique_ids(records: Iterable[T], renamed: Callable[[T, str], T]) -> list[T]:
    """Give records that share an id a numbered one (``...-2``, ``...-3``)."""
    seen: set[str] = set()
    made: list[T] = []
    for record in records:
        given = cast("str", getattr(record, "id"))  # noqa: B009 - T is any record with an id
        ident, number = given, 1
        while ident in seen:
            number += 1
            ident = f"{given[:120]}-{number}"
        seen.add(ident)
        made.append(record if ident == given else renamed(record, ident))
    return made


def _distinct(drawn: Iterable[T], names: Callable[[T], Iterable[str]]) -> list[T]:
    """Drop items whose name or alias an earlier one has, as a market compares names."""
    seen: set[str] = set()
    kept: list[T] = []
    for item in drawn:
        normal = {name_key(name) for name in names(item)}
        if not normal & seen:
            kept.append(item)
            seen |= normal
    return kept


def _org_names(org: Organization) -> Iterable[str]:
    return (org.name, *org.aliases)


def _draw_lineage(draw: st.DrawFn, drawn: Iterable[Platform]) -> list[Platform]:
    """Make some platforms variants of, or derived from, ones before them."""
    made: list[Platform] = []
    for platform in drawn:
        if not made or not draw(st.booleans()):
            made.append(platform)
        elif draw(st.booleans()):
            made.append(attrs.evolve(platform, derived_from=draw(st.sampled_from(made))))
        else:
            made.append(attrs.evolve(platform, variant_of=draw(st.sampled_from(made))))
    return made


class _MarketArgs(NamedTuple):
    max_platforms: int
    max_deals: int
    max_production: int
    max_sanctions: int
    max_cooperation: int


def _draw_many(draw: st.DrawFn, most: int, make: Callable[[], T]) -> list[T]:
    return [make() for _ in range(draw(st.integers(0, most)))]


@st.composite
def _markets(draw: st.DrawFn, args: _MarketArgs) -> Market:
    kinds = tuple(OrgKind)
    orgs = _distinct(_draw_many(draw, 8, lambda: _draw_org(draw, kinds)), _org_names)
    pool = _Orgs(pool=tuple(orgs))
    made = _PlatformArgs(tuple(Category), tuple(Role), pool, _any_specs())
    drawn = _draw_many(draw, args.max_platforms, lambda: _draw_platform(draw, made, False))  # noqa: FBT003
    fleet = _draw_lineage(draw, _distinct(drawn, attrgetter("names")))
    deal_list: list[Deal] = []
    production: list[LicensedProduction] = []
    if fleet:
        choose = st.sampled_from(fleet)
        deal_args = _DealArgs(tuple(DealStatus), choose, None, None, pool)
        deal_list = _draw_many(draw, args.max_deals, lambda: _draw_deal(draw, deal_args))
        work = _ProductionArgs(
            tuple(Arrangement), tuple(ProductionStatus), choose, None, None, pool
        )
        production = _draw_many(draw, args.max_production, lambda: _draw_production(draw, work))

    def target() -> Organization | str:
        if not orgs or not draw(st.booleans()):
            return draw(st.sampled_from(_PERSONS))
        return draw(st.sampled_from(orgs))

    authorities = tuple(SanctionAuthority)
    sanction_list = _draw_many(
        draw, args.max_sanctions, lambda: _draw_sanction(draw, authorities, target)
    )
    parties: SearchStrategy[Organization | Country] = (
        countries() | st.sampled_from(orgs) if orgs else countries()
    )
    together = _CooperationArgs(
        tuple(CooperationKind), parties, st.sampled_from(fleet) if fleet else None
    )
    cooperation = _draw_many(draw, args.max_cooperation, lambda: _draw_cooperation(draw, together))
    return Market(
        platforms=fleet,
        organizations=orgs,
        deals=_with_unique_ids(deal_list, lambda d, i: attrs.evolve(d, id=i)),
        production=_with_unique_ids(production, lambda p, i: attrs.evolve(p, id=i)),
        sanctions=_unique(sanction_list),
        cooperation=_with_unique_ids(cooperation, lambda c, i: attrs.evolve(c, id=i)),
    )


def markets(
    *,
    max_platforms: int = 4,
    max_deals: int = 6,
    max_production: int = 2,
    max_sanctions: int = 2,
    max_cooperation: int = 2,
) -> SearchStrategy[Market]:
    """Generate consistent :class:`~dronemarket.market.Market` s.

    A market's organizations are drawn first, with distinct names; its
    platforms (distinct names and aliases, some variants of others) are
    made by those manufacturers; its deals, licensed production, sanctions
    and cooperation records (whose parties are countries or those
    organizations) name only those platforms and organizations, and have
    distinct ids. The ``max_*`` arguments bound how many of each it holds;
    examples shrink to the empty market.
    """
    for name, value in (
        ("max_platforms", max_platforms),
        ("max_deals", max_deals),
        ("max_production", max_production),
        ("max_sanctions", max_sanctions),
        ("max_cooperation", max_cooperation),
    ):
        _check_limit(value, name)
    return _markets(
        _MarketArgs(max_platforms, max_deals, max_production, max_sanctions, max_cooperation)
    )
