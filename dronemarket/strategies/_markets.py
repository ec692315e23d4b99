"""Strategies for markets: records that name only what the market holds."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from operator import attrgetter
from typing import Final, NamedTuple, TypeVar, cast

import attrs
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
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
    Supplier,
)
from dronemarket.platforms import (
    Category,
    Platform,
    Role,
)
from dronemarket.production import Arrangement, LicensedProduction, ProductionStatus
from dronemarket.strategies._checks import (
    _check_limit,
    _collection,
    _country_argument,
    _statuses,
    brief_repr,
)
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

_RETRIES: Final = 10  # extra draws to replace items dropped for a name already taken

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
    platforms: tuple[int, int]  # (least, most) of each kind
    deals: tuple[int, int]
    production: tuple[int, int]
    sanctions: tuple[int, int]
    cooperation: tuple[int, int]
    statuses: tuple[DealStatus, ...]
    suppliers: SearchStrategy[Supplier] | None  # None: mostly the platform's maker
    given_orgs: tuple[Organization, ...]  # the manufacturers of the suppliers given

    def __repr__(self) -> str:
        return brief_repr(self)


def _draw_many(draw: st.DrawFn, bounds: tuple[int, int], make: Callable[[], T]) -> list[T]:
    return [make() for _ in range(draw(st.integers(*bounds)))]


def _draw_distinct(
    draw: st.DrawFn,
    bounds: tuple[int, int],
    make: Callable[[], T],
    names: Callable[[T], Iterable[str]],
) -> list[T]:
    """Draw a number in `bounds`, then that many items with distinct names (a few retries)."""
    wanted = draw(st.integers(*bounds))
    kept: list[T] = []
    for _ in range(wanted + _RETRIES):
        if len(kept) >= wanted:
            break
        kept = _distinct([*kept, make()], names)
    assume(len(kept) >= bounds[0])
    return kept


def _held(orgs: Iterable[Organization], given: tuple[Organization, ...]) -> list[Organization]:
    """Return `given` and those of `orgs` whose names clash with none of them."""
    taken = {name_key(name) for org in given for name in _org_names(org)}
    return [*given, *(o for o in orgs if not {name_key(n) for n in _org_names(o)} & taken)]


@st.composite
def _markets(draw: st.DrawFn, args: _MarketArgs) -> Market:
    kinds = tuple(OrgKind)
    drawn_orgs = _draw_many(draw, (0, 8), lambda: _draw_org(draw, kinds))
    orgs = _held(_distinct(drawn_orgs, _org_names), args.given_orgs)
    pool = _Orgs(pool=tuple(orgs))
    # One reported value per spec: a market is a large example, and its records matter more.
    made = _PlatformArgs(tuple(Category), tuple(Role), pool, _any_specs(max_reports=1))
    drawn = _draw_distinct(
        draw,
        args.platforms,
        lambda: _draw_platform(draw, made, lineage=False),
        attrgetter("names"),
    )
    fleet = _draw_lineage(draw, drawn)
    deal_list: list[Deal] = []
    production: list[LicensedProduction] = []
    if fleet:
        choose = st.sampled_from(fleet)
        deal_args = _DealArgs(args.statuses, choose, args.suppliers, None, pool)
        deal_list = _draw_many(draw, args.deals, lambda: _draw_deal(draw, deal_args))
        work = _ProductionArgs(
            tuple(Arrangement), tuple(ProductionStatus), choose, None, None, pool
        )
        production = _draw_many(draw, args.production, lambda: _draw_production(draw, work))
    held = {org.name: org for org in orgs}
    for deal in deal_list:  # a supplier drawn from a caller's strategy brings its maker
        maker = deal.supplier.manufacturer
        if maker is not None and held.setdefault(maker.name, maker) != maker:
            assume(False)  # noqa: FBT003 - two different makers under one name
    orgs = list(held.values())
    assume(len(_distinct(orgs, _org_names)) == len(orgs))

    def target() -> Organization | str:
        if not orgs or not draw(st.booleans()):
            return draw(st.sampled_from(_PERSONS))
        return draw(st.sampled_from(orgs))

    authorities = tuple(SanctionAuthority)
    sanction_list = _draw_distinct(
        draw,
        args.sanctions,
        lambda: _draw_sanction(draw, authorities, target),
        lambda sanction: (repr(sanction),),
    )
    parties: SearchStrategy[Organization | Country] = (
        countries() | st.sampled_from(orgs) if orgs else countries()
    )
    together = _CooperationArgs(
        tuple(CooperationKind), parties, st.sampled_from(fleet) if fleet else None
    )
    cooperation = _draw_many(draw, args.cooperation, lambda: _draw_cooperation(draw, together))
    return Market(
        platforms=fleet,
        organizations=orgs,
        deals=_with_unique_ids(deal_list, lambda d, i: attrs.evolve(d, id=i)),
        production=_with_unique_ids(production, lambda p, i: attrs.evolve(p, id=i)),
        sanctions=sanction_list,
        cooperation=_with_unique_ids(cooperation, lambda c, i: attrs.evolve(c, id=i)),
    )


def _bounds(name: str, least: int, most: int) -> tuple[int, int]:
    _check_limit(least, f"min_{name}")
    _check_limit(most, f"max_{name}")
    if least > most:
        raise InvalidArgument(f"min_{name}={least} exceeds max_{name}={most}")
    return least, most


def _suppliers_of(
    given: Collection[Supplier | Country | str] | SearchStrategy[Supplier] | None,
) -> tuple[SearchStrategy[Supplier] | None, tuple[Organization, ...]]:
    """Return the suppliers a ``suppliers=`` argument allows, and the makers they name."""
    if given is None or isinstance(given, SearchStrategy):
        return given, ()
    chosen = [
        item if isinstance(item, Supplier) else Supplier(_country_argument(item, "suppliers"))
        for item in _collection(given, "suppliers")
    ]
    makers = _unique(s.manufacturer for s in chosen if s.manufacturer is not None)
    if len(_distinct(makers, _org_names)) != len(makers):
        raise InvalidArgument("suppliers name two different manufacturers under one name")
    return st.sampled_from(chosen), tuple(makers)


def markets(
    *,
    min_platforms: int = 0,
    max_platforms: int = 4,
    min_deals: int = 0,
    max_deals: int = 6,
    min_production: int = 0,
    max_production: int = 2,
    min_sanctions: int = 0,
    max_sanctions: int = 2,
    min_cooperation: int = 0,
    max_cooperation: int = 2,
    status: DealStatus | str | Collection[DealStatus | str] | None = None,
    suppliers: Collection[Supplier | Country | str] | SearchStrategy[Supplier] | None = None,
) -> SearchStrategy[Market]:
    """Generate consistent :class:`~dronemarket.market.Market` s.

    A market's organizations are drawn first, with distinct names; its
    platforms (distinct names and aliases, some variants of others) are
    made by those manufacturers; its deals, licensed production, sanctions
    and cooperation records (whose parties are countries or those
    organizations) name only those platforms and organizations, and have
    distinct ids.

    Each ``min_*``/``max_*`` pair bounds how many of each it holds, and is
    honoured: a market with deals or production holds at least one
    platform. `status` restricts the deals' status (a status, its value, or
    a collection of them), and `suppliers` their supplier: a collection of
    :class:`~dronemarket.Supplier` s, countries or alpha-3 codes, or a
    strategy; the manufacturer a supplier names is added to the market.
    Examples shrink to the smallest market the bounds allow.
    """
    deals_ = _bounds("deals", min_deals, max_deals)
    production = _bounds("production", min_production, max_production)
    platforms = _bounds("platforms", min_platforms, max_platforms)
    if (min_deals or min_production) and not max_platforms:
        raise InvalidArgument("max_platforms=0 leaves no platform for the deals or production")
    if (max_deals or max_production) and max_platforms:
        platforms = (max(platforms[0], 1), platforms[1])  # records need a platform
    chosen, makers = _suppliers_of(suppliers)
    return _markets(
        _MarketArgs(
            platforms,
            deals_,
            production,
            _bounds("sanctions", min_sanctions, max_sanctions),
            _bounds("cooperation", min_cooperation, max_cooperation),
            _statuses(status, DealStatus, "status"),
            chosen,
            makers,
        )
    )
