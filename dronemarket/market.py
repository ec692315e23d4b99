"""The market: every platform, organization, deal, licence, sanction and cooperation, indexed.

A :class:`Market` is an immutable collection. It checks that every object a
record refers to is one it holds, and that no id is used twice; then it
answers questions:

>>> import dronemarket as dm
>>> turkey, kyrgyzstan = dm.Country("TUR"), dm.Country("KGZ")
>>> baykar = dm.Organization("Baykar", country=turkey, kind=dm.OrgKind.MANUFACTURER)
>>> tb2 = dm.Platform(
...     "Bayraktar TB2", manufacturer=baykar, category=dm.Category.MALE, aliases={"TB2"}
... )
>>> news = dm.Source("Kyrgyzstan receives Bayraktar TB2", publisher="Daily Sabah")
>>> deal = dm.Deal(
...     supplier=dm.Supplier(turkey, manufacturer=baykar),
...     recipient=dm.Recipient(kyrgyzstan),
...     platform=tb2,
...     status=dm.DealStatus.DELIVERED,
...     ordered=dm.PartialDate(2021, 10),
...     quantity=3,
...     deliveries=[dm.Delivery(dm.PartialDate(2021, 12), 3)],
...     sources=[news],
... )
>>> market = dm.Market.of(deal)
>>> [d.id for d in market.deals(recipient="Kyrgyzstan", platform="bayraktar tb-2")]
['tur-kgz-bayraktar-tb2-2021-10']
>>> market.share(by="supplier")["TUR"].share
1.0

``market.deals`` is every deal, as a tuple; called with filters it selects
(filters combine with AND). ``market.production`` and ``market.cooperation``
(visits, meetings, agreements, budgets, ...) work the same way.

**Scale.** Construction checks every record once. Each query index (by
supplier, recipient, platform, ...) is built the first time a query needs
it, once, and kept: as pandas builds an index's hash table on first use,
so that building a market of a million deals stays cheap and the second and
later queries touch only the records they select. Positions are kept in
compact ``array`` objects, not per-record Python objects. The cache is
invisible: it never changes what a market is equal to or what a query
returns.
"""

from __future__ import annotations

import enum
import random
import threading
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from itertools import chain, compress
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, Final, Generic, Literal, TypedDict, TypeVar, Unpack, cast

from attrs import field, frozen

from dronemarket.cooperation import Cooperation, CooperationKind
from dronemarket.dates import PartialDate
from dronemarket.deals import TRANSFERS, Count, Deal, DealStatus, Delivery, Money
from dronemarket.errors import ValidationError
from dronemarket.parties import (
    Country,
    Organization,
    OrgKind,
    Recipient,
    Sanction,
    Statement,
    Supplier,
)
from dronemarket.platforms import Category, Platform
from dronemarket.production import LicensedProduction, ProductionStatus
from dronemarket.regions import Region
from dronemarket.regions import lookup as region_lookup
from dronemarket.sources import Confidence, Source

if TYPE_CHECKING:
    from typing import Self

__all__ = [
    "RECORD_COLUMNS",
    "Concentration",
    "CooperationFilters",
    "CooperationRecords",
    "DealFilters",
    "DealRecords",
    "Edge",
    "Market",
    "ProductionFilters",
    "ProductionRecords",
    "Share",
    "Shares",
    "Tally",
    "YearTally",
    "name_key",
    "synthetic",
]

R = TypeVar("R", Deal, LicensedProduction, Cooperation)
Key = Hashable
CountryLike = Country | str
PlatformLike = Platform | str
OrganizationLike = Organization | str
RegionLike = Region | str | Iterable[Country | str]
YearsLike = int | tuple[int | None, int | None] | range
By = Literal["supplier", "recipient", "manufacturer", "platform", "category"]
Measure = Literal["units", "deals", "value"]

T = TypeVar("T")


class DealFilters(TypedDict, total=False):
    """The filters a deal query takes; see :meth:`Market.select_deals`."""

    supplier: CountryLike | None
    recipient: CountryLike | None
    platform: PlatformLike | None
    manufacturer: OrganizationLike | None
    category: Category | str | None
    status: DealStatus | str | Iterable[DealStatus | str] | None
    years: YearsLike | None
    region: RegionLike | None
    confidence: Confidence | str | Iterable[Confidence | str] | None


class ProductionFilters(TypedDict, total=False):
    """The filters a production query takes; see :meth:`Market.select_production`."""

    supplier: CountryLike | None
    recipient: CountryLike | None
    platform: PlatformLike | None
    manufacturer: OrganizationLike | None
    category: Category | str | None
    status: ProductionStatus | str | Iterable[ProductionStatus | str] | None
    years: YearsLike | None
    region: RegionLike | None
    confidence: Confidence | str | Iterable[Confidence | str] | None


class CooperationFilters(TypedDict, total=False):
    """The filters a cooperation query takes; see :meth:`Market.select_cooperation`."""

    country: CountryLike | None
    kind: CooperationKind | str | Iterable[CooperationKind | str] | None
    platform: PlatformLike | None
    years: YearsLike | None
    region: RegionLike | None
    confidence: Confidence | str | Iterable[Confidence | str] | None


_ORDERED_STATUSES: Final = TRANSFERS | {DealStatus.SUSPENDED}


def name_key(name: str) -> str:
    """Return the form names are matched in: no case, accents, spaces or punctuation.

    Platform and organization lookups, filters and the rule that no two held
    names clash all use it (the catalog too).

    >>> name_key("Bayraktar TB-2"), name_key("TUSAŞ")
    ('bayraktartb2', 'tusas')
    """
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed.casefold() if char.isalnum())


# --------------------------------------------------------------------------- results


@frozen
class Tally:
    """Totals over a set of records, carried as low, central and high figures.

    ``central`` is the best total; ``low`` and ``high`` bound it (``high``
    is None when some record counted has no upper bound, as "at least 24"
    has none). ``counted`` records went into the figures, ``estimated`` of
    them from an estimate; ``unknown`` records had no figure at all and are
    left out of the totals, never counted as zero.
    """

    low: int | Decimal
    """The least the total can be."""
    central: int | Decimal
    """The best single figure for the total."""
    high: int | Decimal | None
    """The most the total can be; None when unbounded."""
    counted: int
    """How many records the figures add up."""
    estimated: int = 0
    """How many of those were counted from an estimate."""
    unknown: int = 0
    """How many records had no figure and are not in the totals."""

    @property
    def records(self) -> int:
        """Return every record tallied: counted and unknown."""
        return self.counted + self.unknown


_EMPTY_TALLY: Final = Tally(0, 0, 0, 0)

ShareKey = Country | Organization | Platform | Category | None


@frozen
class Share:
    """One party's share of a market, with the figures it comes from."""

    key: ShareKey
    """Who or what the share belongs to; None for records where it is unknown."""
    name: str
    """The key as text: a country code, a name, a category; ``"unknown"`` for None."""
    share: float | None
    """The central figure over the central total; None when the total is zero."""
    tally: Tally
    """The figures the share comes from (its base)."""


@frozen
class Shares:
    """Shares of a market by supplier, manufacturer, platform or category.

    Shares are computed from central figures; they sum to 1 whenever the
    total is above zero. Iterating gives the :class:`Share` objects, largest
    first; indexing takes a key, its name or an alias, where case, spaces
    and hyphens do not count (``shares["TUR"]``, ``shares["tb2"]``).
    """

    by: str
    """What the market is split by."""
    measure: str
    """What is measured: ``"units"``, ``"deals"`` or ``"value"``."""
    items: tuple[Share, ...]
    """The shares, largest first (ties by name)."""
    total: Tally
    """The figures over every record counted."""
    currency: str | None = None
    """The currency of a value share; None for units and deals."""
    excluded: int = 0
    """Records left out because their value is in another currency."""

    def __iter__(self) -> Iterator[Share]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, key: object) -> Share:
        wanted = name_key(key) if isinstance(key, str) else None
        for item in self.items:
            if key in (item.key, item.name):
                return item
            names = (item.name, *getattr(item.key, "aliases", ()))
            if wanted is not None and any(name_key(name) == wanted for name in names):
                return item
        raise KeyError(key)

    def as_dict(self) -> dict[str, float | None]:
        """Return ``{name: share}``, largest first."""
        return {item.name: item.share for item in self.items}


@frozen
class Concentration:
    """How concentrated a recipient's suppliers are: the Herfindahl-Hirschman index.

    ``hhi`` is the sum of squared supplier shares by units, on a 0..1 scale
    (multiply by 10,000 for the antitrust convention). With ``n`` suppliers
    it lies in ``[1/n, 1]``: 1 is a single supplier. None when no unit is
    known.
    """

    recipient: Country
    """Whose suppliers are measured."""
    hhi: float | None
    """The index, 0..1; None when no supplier's units are known."""
    shares: Shares
    """The supplier shares it is computed from (the base)."""

    @property
    def suppliers(self) -> int:
        """Return how many suppliers with known units the index is over."""
        return sum(1 for item in self.shares if item.key is not None and item.tally.central)


@frozen
class YearTally:
    """One year of a timeline: units ordered that year against units delivered."""

    year: int
    """The calendar year."""
    ordered: Tally
    """Deals ordered in the year (by order date) and their quantities."""
    delivered: Tally
    """Deliveries dated in the year and their counts."""


@frozen
class Edge:
    """A supplier → recipient link of the trade network, weighted."""

    supplier: Country
    """The exporting country."""
    recipient: Country
    """The importing country."""
    units: Tally
    """The units of every deal on the link (see :meth:`Market.share` for the count used)."""

    @property
    def deals(self) -> int:
        """Return how many deals the link carries."""
        return self.units.records


# ----------------------------------------------------------------------------- index


class _Index:
    """Where each key of one dimension occurs: positions per key, and a code per record.

    In a multi-valued index (a cooperation record's countries), each record
    holds a tuple of keys and is listed under each; it has no code column.
    """

    __slots__ = ("codes", "column", "keys", "multi", "positions")

    def __init__(self, keys_by_record: Sequence[Key], *, multi: bool = False) -> None:
        grouped: dict[Key, list[int]] = {}
        pairs: Iterable[tuple[int, Key]] = (
            (
                (position, key)
                for position, keys in enumerate(keys_by_record)
                for key in dict.fromkeys(cast("Iterable[Key]", keys))
            )
            if multi
            else enumerate(keys_by_record)
        )
        for position, key in pairs:
            bucket = grouped.get(key)
            if bucket is None:
                grouped[key] = [position]
            else:
                bucket.append(position)
        self.multi = multi
        self.keys: tuple[Key, ...] = tuple(grouped)
        self.codes: dict[Key, int] = {key: code for code, key in enumerate(self.keys)}
        self.positions: dict[Key, array[int]] = {
            key: array("I", found) for key, found in grouped.items()
        }
        typecode = "B" if len(self.keys) <= 0xFF else "H" if len(self.keys) <= 0xFFFF else "I"
        codes = () if multi else map(self.codes.__getitem__, keys_by_record)
        self.column: array[int] = array(typecode, codes)

    def holding(self, keys: Iterable[Key]) -> Sequence[int]:
        """Return the positions, ascending and each once, of records having one of `keys`."""
        found = [self.positions[key] for key in keys if key in self.positions]
        if len(found) == 1:
            return found[0]
        merged = chain.from_iterable(found)
        return sorted(set(merged) if self.multi else merged)

    def count(self, keys: Iterable[Key]) -> int:
        """Return how many records have one of `keys`."""
        return sum(len(self.positions.get(key, ())) for key in keys)


def _keys(
    records: Sequence[Any], fast: Callable[[Any], Key], slow: Callable[[Any], Key]
) -> list[Key]:
    """Return each record's key, by `fast` (C-level) when no link in its chain is None."""
    try:
        return list(map(fast, records))
    except AttributeError:
        return list(map(slow, records))


def _code(country: Country | None) -> str | None:
    return None if country is None else country.code


def _maker(supplier: Supplier, platform: Platform) -> str | None:
    maker = supplier.manufacturer or platform.manufacturer
    return None if maker is None else maker.name


_DEAL_KEYS: Final[dict[str, tuple[Callable[[Deal], Key], Callable[[Deal], Key]]]] = {
    "supplier": (attrgetter("supplier.country.code"), lambda d: _code(d.supplier.country)),
    "recipient": (attrgetter("recipient.country.code"), lambda d: _code(d.recipient.country)),
    "platform": (attrgetter("platform.name"), attrgetter("platform.name")),
    "manufacturer": (
        lambda d: _maker(d.supplier, d.platform),
        lambda d: _maker(d.supplier, d.platform),
    ),
    "category": (attrgetter("platform.category"), attrgetter("platform.category")),
    "status": (attrgetter("status"), attrgetter("status")),
    "confidence": (attrgetter("confidence"), attrgetter("confidence")),
    "year": (attrgetter("year"), attrgetter("year")),
}


def _country_codes(record: Cooperation) -> Key:
    return tuple(country.code for country in record.countries)


def _platform_names(record: Cooperation) -> Key:
    return tuple(platform.name for platform in record.platforms)


_COOPERATION_KEYS: Final[
    dict[str, tuple[Callable[[Cooperation], Key], Callable[[Cooperation], Key]]]
] = {
    "country": (_country_codes, _country_codes),
    "platform": (_platform_names, _platform_names),
    "kind": (attrgetter("kind"), attrgetter("kind")),
    "confidence": (attrgetter("confidence"), attrgetter("confidence")),
    "year": (attrgetter("year"), attrgetter("year")),
}
_COOPERATION_MULTI: Final = frozenset({"country", "platform"})
_COOPERATION_ALIASES: Final = {"region": "country"}  # a region filter reads the country index

_PRODUCTION_KEYS: Final[
    dict[str, tuple[Callable[[LicensedProduction], Key], Callable[[LicensedProduction], Key]]]
] = {
    "supplier": (attrgetter("licensor.country.code"), lambda p: _code(p.licensor.country)),
    "recipient": (attrgetter("host.code"), attrgetter("host.code")),
    "platform": (attrgetter("platform.name"), attrgetter("platform.name")),
    "manufacturer": (
        lambda p: _maker(p.licensor, p.platform),
        lambda p: _maker(p.licensor, p.platform),
    ),
    "category": (attrgetter("platform.category"), attrgetter("platform.category")),
    "status": (attrgetter("status"), attrgetter("status")),
    "confidence": (attrgetter("confidence"), attrgetter("confidence")),
    "year": (attrgetter("year"), attrgetter("year")),
}


class _Table(Generic[R]):
    """Records of one kind, with indices built on first use and kept."""

    __slots__ = ("_aliases", "_built", "_keyfuncs", "_lock", "_multi", "records")

    def __init__(
        self,
        records: tuple[R, ...],
        keyfuncs: Mapping[str, tuple[Callable[[R], Key], Callable[[R], Key]]],
        *,
        multi: frozenset[str] = frozenset(),
        aliases: Mapping[str, str] | None = None,
    ) -> None:
        self.records: tuple[R, ...] = records
        self._keyfuncs: Mapping[str, tuple[Callable[[R], Key], Callable[[R], Key]]] = keyfuncs
        self._multi = multi  # dimensions whose key is a tuple of keys
        self._aliases: Mapping[str, str] = aliases or {}  # filter name -> the index it reads
        self._built: dict[str, Any] = {}
        self._lock = threading.Lock()

    def index(self, dimension: str) -> _Index:
        """Return the index of `dimension`, building it once."""
        dimension = self._aliases.get(dimension, dimension)
        built = self._built.get(dimension)
        if built is None:
            with self._lock:
                built = self._built.get(dimension)
                if built is None:
                    fast, slow = self._keyfuncs[dimension]
                    keys = _keys(self.records, fast, slow)
                    built = _Index(keys, multi=dimension in self._multi)
                    self._built[dimension] = built
        return cast("_Index", built)

    def cached(self, name: str, build: Callable[[], T]) -> T:
        """Return the derived data `name`, building it once with `build`."""
        built = self._built.get(name)
        if built is None:
            with self._lock:
                built = self._built.get(name)
                if built is None:
                    built = build()
                    self._built[name] = built
        return cast("T", built)

    def select(self, wanted: Mapping[str, frozenset[Key]]) -> Sequence[int]:
        """Return the positions, ascending, of records whose keys are all wanted."""
        if not wanted:
            return range(len(self.records))
        if any(not keys for keys in wanted.values()):
            return ()
        indices = {dimension: self.index(dimension) for dimension in wanted}
        first = min(wanted, key=lambda dimension: indices[dimension].count(wanted[dimension]))
        candidates: Sequence[int] = indices[first].holding(wanted[first])
        for dimension, keys in wanted.items():
            if dimension == first or not candidates:
                continue
            index = indices[dimension]
            if index.multi:
                held = frozenset(index.holding(keys))
                candidates = [position for position in candidates if position in held]
                continue
            allowed = frozenset(index.codes[key] for key in keys if key in index.codes)
            column = index.column
            candidates = list(
                compress(candidates, map(allowed.__contains__, map(column.__getitem__, candidates)))
            )
        return candidates


class DealRecords(tuple[Deal, ...]):  # noqa: SLOT001 - holds its market in __dict__
    """Every deal of a market, as a tuple; call it with filters to select some.

    ``market.deals(recipient="KGZ", status="delivered")`` takes the filters
    of :meth:`Market.select_deals`.
    """

    _market: Market

    def __new__(cls, records: Iterable[Deal], market: Market) -> Self:
        """Return the deals `records` of `market`."""
        made = super().__new__(cls, records)
        made._market = market
        return made

    def __call__(self, **filters: Unpack[DealFilters]) -> tuple[Deal, ...]:
        """Return the deals matching every filter, as :meth:`Market.select_deals` does."""
        return self._market.select_deals(**filters)

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (tuple(self),))


class ProductionRecords(tuple[LicensedProduction, ...]):  # noqa: SLOT001 - idem
    """Every production record of a market; call it with filters to select some.

    ``market.production(recipient="TJK")`` takes the filters of
    :meth:`Market.select_production` (``recipient`` is the host country).
    """

    _market: Market

    def __new__(cls, records: Iterable[LicensedProduction], market: Market) -> Self:
        """Return the production records `records` of `market`."""
        made = super().__new__(cls, records)
        made._market = market
        return made

    def __call__(self, **filters: Unpack[ProductionFilters]) -> tuple[LicensedProduction, ...]:
        """Return the records matching every filter, as :meth:`Market.select_production` does."""
        return self._market.select_production(**filters)

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (tuple(self),))


class CooperationRecords(tuple[Cooperation, ...]):  # noqa: SLOT001 - idem
    """Every cooperation record of a market; call it with filters to select some.

    ``market.cooperation(country="JPN", kind="meeting")`` takes the filters
    of :meth:`Market.select_cooperation`.
    """

    _market: Market

    def __new__(cls, records: Iterable[Cooperation], market: Market) -> Self:
        """Return the cooperation records `records` of `market`."""
        made = super().__new__(cls, records)
        made._market = market
        return made

    def __call__(self, **filters: Unpack[CooperationFilters]) -> tuple[Cooperation, ...]:
        """Return the records matching every filter, as :meth:`Market.select_cooperation` does."""
        return self._market.select_cooperation(**filters)

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (tuple(self),))


# ------------------------------------------------------------------------ validation


def _fail(field_name: str, value: object, rule: str) -> ValidationError:
    return ValidationError("Market", field_name, value, rule)


def _unique_names(kind: str, items: Iterable[Platform] | Iterable[Organization]) -> dict[str, Any]:
    """Return every normalized name and alias → item; reject a name used by two items."""
    by_name: dict[str, Any] = {}
    for item in items:
        for name in {name_key(n) for n in (item.name, *item.aliases)}:
            other = by_name.setdefault(name, item)
            if other is not item:
                rule = f"share the name or alias {name!r} ({other.name!r} and {item.name!r})"
                raise _fail(kind, item.name, rule)
    return by_name


def _no_duplicates(kind: str, items: Sequence[object]) -> None:
    if len(set(items)) != len(items):
        seen: set[object] = set()
        for item in items:
            if item in seen:
                raise _fail(kind, item, "is given twice")
            seen.add(item)


def _statement_orgs(statements: Iterable[Statement]) -> Iterator[Organization]:
    return (s.party for s in statements if isinstance(s.party, Organization))


class _Holdings:
    """What a market holds, for checking references by identity first, equality second."""

    def __init__(
        self, platforms: tuple[Platform, ...], organizations: tuple[Organization, ...]
    ) -> None:
        self.platforms: dict[str, Platform] = {p.name: p for p in platforms}
        self.organizations: dict[str, Organization] = {o.name: o for o in organizations}
        self.platform_names = _unique_names("platforms", platforms)
        self.organization_names = _unique_names("organizations", organizations)

    def platform(self, field_name: str, platform: Platform) -> None:
        held = self.platforms.get(platform.name)
        if held is not platform and held != platform:
            rule = "is not a platform the market holds (add it to platforms)"
            raise _fail(field_name, platform.name, rule)

    def organization(self, field_name: str, organization: Organization | None) -> None:
        if organization is None:
            return
        held = self.organizations.get(organization.name)
        if held is not organization and held != organization:
            rule = "is not an organization the market holds (add it to organizations)"
            raise _fail(field_name, organization.name, rule)


def _check_deals(deals: tuple[Deal, ...], holdings: _Holdings) -> None:
    """Check every deal's references and ids in one pass (the hot path of construction)."""
    platforms_get = holdings.platforms.get
    organizations_get = holdings.organizations.get
    ids: set[str] = set()
    add = ids.add
    for deal in deals:
        if type(deal) is not Deal and not isinstance(deal, Deal):
            raise _fail("deals", deal, "is not a Deal")
        add(deal.id)
        platform = deal.platform
        if platforms_get(platform.name) is not platform:
            holdings.platform("deals.platform", platform)
        maker = deal.supplier.manufacturer
        if (
            maker is not None
            and maker is not platform.manufacturer  # held with its platform
            and organizations_get(maker.name) is not maker
        ):
            holdings.organization("deals.supplier.manufacturer", maker)
        user = deal.recipient.end_user
        if user is not None and organizations_get(user.name) is not user:
            holdings.organization("deals.recipient.end_user", user)
        if deal.intermediaries or deal.statements:
            for org in deal.intermediaries:
                holdings.organization("deals.intermediaries", org)
            for org in _statement_orgs(deal.statements):
                holdings.organization("deals.statements", org)
    if len(ids) != len(deals):
        _no_duplicates("deals.id", [deal.id for deal in deals])


def _check_production(records: tuple[LicensedProduction, ...], holdings: _Holdings) -> None:
    for record in records:
        if not isinstance(record, LicensedProduction):
            raise _fail("production", record, "is not a LicensedProduction")
        holdings.platform("production.platform", record.platform)
        holdings.organization("production.licensor.manufacturer", record.licensor.manufacturer)
        holdings.organization("production.licensee", record.licensee)
        for org in _statement_orgs(record.statements):
            holdings.organization("production.statements", org)
    _no_duplicates("production.id", [record.id for record in records])


def _check_cooperation(records: tuple[Cooperation, ...], holdings: _Holdings) -> None:
    for record in records:
        for party in record.organizations:
            holdings.organization("cooperation.parties", party)
        for platform in record.platforms:
            holdings.platform("cooperation.platforms", platform)
        for org in _statement_orgs(record.statements):
            holdings.organization("cooperation.statements", org)
    _no_duplicates("cooperation.id", [record.id for record in records])


def _as_tuple(kind: str, items: Iterable[Any], cls: type) -> tuple[Any, ...]:
    if isinstance(items, str | bytes) or not hasattr(items, "__iter__"):
        raise _fail(kind, items, "is not an iterable of records")
    made = tuple(items)
    for item in made:
        if not isinstance(item, cls):
            raise _fail(kind, item, f"is not a {cls.__name__}")
    return made


# -------------------------------------------------------------------------- the market


def _units_of(deal: Deal) -> Count | None:
    """Return the count a deal's units are measured by: ordered, else delivered."""
    return deal.quantity if deal.quantity is not None else deal.delivered


def _figures(count: Count) -> tuple[int, int, int | None]:
    """Return a count's low, central and high figures as shares use them."""
    low = count.low if count.low is not None else 1
    if count.central is not None:
        central = count.central
    elif count.low is not None and count.high is not None:
        central = (count.low + count.high) // 2
    else:
        central = count.low if count.low is not None else cast("int", count.high)
    return low, central, count.high


class _UnitColumn:
    """Each deal's central unit figure when exact; the rest kept apart by position."""

    __slots__ = ("exact", "other")

    def __init__(self, deals: Sequence[Deal]) -> None:
        self.exact: array[int] = array("q", bytes(8 * len(deals)))
        self.other: dict[int, tuple[int, int, int | None] | None] = {}
        exact, other = self.exact, self.other
        for position, deal in enumerate(deals):
            count = deal.quantity
            if count is None:
                count = deal.delivered
                if count is None:
                    other[position] = None
                    continue
            if count.estimate:
                other[position] = _figures(count)
            else:
                exact[position] = cast("int", count.central)

    def tally(self, positions: Sequence[int]) -> Tally:
        """Return the unit tally of the deals at `positions`."""
        low = central = sum(map(self.exact.__getitem__, positions))
        high: int | None = central
        estimated = unknown = 0
        for position in filter(self.other.__contains__, positions):
            figures = self.other[position]
            if figures is None:
                unknown += 1
                continue
            estimated += 1
            low += figures[0]
            central += figures[1]
            high = None if high is None or figures[2] is None else high + figures[2]
        counted = len(positions) - unknown
        return Tally(low, central, high, counted, estimated, unknown)


def _sum(tallies: Iterable[Tally]) -> Tally:
    low: int | Decimal = 0
    central: int | Decimal = 0
    high: int | Decimal | None = 0
    counted = estimated = unknown = 0
    for tally in tallies:
        low += tally.low
        central += tally.central
        high = None if high is None or tally.high is None else high + tally.high
        counted += tally.counted
        estimated += tally.estimated
        unknown += tally.unknown
    return Tally(low, central, high, counted, estimated, unknown)


def _rebuild(parts: Mapping[str, tuple[Any, ...]]) -> Market:
    """Return the market of `parts`, its records by keyword (for pickling)."""
    return Market(**parts)


@frozen(init=False, eq=False, repr=False)
class Market:
    """An immutable, indexed collection of the trade: who sells what to whom.

    Rules: every platform and organization a record refers to (a platform's
    manufacturer and lineage, a deal's platform, manufacturer, end user,
    intermediaries and the organizations in its statements, a licence's
    licensee, a sanction's target, a cooperation record's parties, platforms
    and the organizations in its statements) is held; no deal, production or
    cooperation id is used twice; no two platforms share a name or alias,
    nor two organizations, where case, spaces and hyphens do not count;
    nothing is given twice.

    Two markets are equal when they hold equal records, in any order;
    ``a | b`` merges them.
    """

    platforms: tuple[Platform, ...]
    """Every platform, in the order given."""
    organizations: tuple[Organization, ...]
    """Every organization, in the order given."""
    deals: DealRecords
    """Every deal, in the order given; call it with filters to select (:meth:`select_deals`)."""
    production: ProductionRecords
    """Every production record; call it with filters to select (:meth:`select_production`)."""
    sanctions: tuple[Sanction, ...]
    """Every sanction, in the order given."""
    cooperation: CooperationRecords
    """Every cooperation record; call it with filters to select (:meth:`select_cooperation`)."""
    _deal_table: _Table[Deal] = field(init=False, repr=False)
    _production_table: _Table[LicensedProduction] = field(init=False, repr=False)
    _cooperation_table: _Table[Cooperation] = field(init=False, repr=False)
    _holdings: _Holdings = field(init=False, repr=False)
    _sanctioned: dict[Organization, tuple[Sanction, ...]] = field(init=False, repr=False)

    def __init__(
        self,
        *,
        platforms: Iterable[Platform] = (),
        organizations: Iterable[Organization] = (),
        deals: Iterable[Deal] = (),
        production: Iterable[LicensedProduction] = (),
        sanctions: Iterable[Sanction] = (),
        cooperation: Iterable[Cooperation] = (),
    ) -> None:
        held_platforms = _as_tuple("platforms", platforms, Platform)
        held_orgs = _as_tuple("organizations", organizations, Organization)
        if isinstance(cast("object", deals), str | bytes) or not hasattr(deals, "__iter__"):
            raise _fail("deals", deals, "is not an iterable of records")
        held_deals = DealRecords(deals, self)  # the one copy of a million pointers
        held_production = _as_tuple("production", production, LicensedProduction)
        held_sanctions = _as_tuple("sanctions", sanctions, Sanction)
        held_cooperation = _as_tuple("cooperation", cooperation, Cooperation)
        _no_duplicates("platforms", held_platforms)
        _no_duplicates("organizations", held_orgs)
        _no_duplicates("sanctions", held_sanctions)
        holdings = _Holdings(held_platforms, held_orgs)
        for platform in held_platforms:
            holdings.organization("platforms.manufacturer", platform.manufacturer)
            for parent in platform.lineage():
                holdings.platform("platforms.lineage", parent)
        _check_deals(held_deals, holdings)
        _check_production(held_production, holdings)
        _check_cooperation(held_cooperation, holdings)
        sanctioned: dict[Organization, list[Sanction]] = defaultdict(list)
        for sanction in held_sanctions:
            if isinstance(sanction.target, Organization):
                holdings.organization("sanctions.target", sanction.target)
                sanctioned[sanction.target].append(sanction)
        setattr_ = object.__setattr__
        setattr_(self, "platforms", held_platforms)
        setattr_(self, "organizations", held_orgs)
        setattr_(self, "deals", held_deals)
        setattr_(self, "production", ProductionRecords(held_production, self))
        setattr_(self, "sanctions", held_sanctions)
        setattr_(self, "cooperation", CooperationRecords(held_cooperation, self))
        setattr_(self, "_deal_table", _Table(held_deals, _DEAL_KEYS))
        setattr_(self, "_production_table", _Table(held_production, _PRODUCTION_KEYS))
        cooperation_table = _Table(
            held_cooperation,
            _COOPERATION_KEYS,
            multi=_COOPERATION_MULTI,
            aliases=_COOPERATION_ALIASES,
        )
        setattr_(self, "_cooperation_table", cooperation_table)
        setattr_(self, "_holdings", holdings)
        setattr_(self, "_sanctioned", {org: tuple(found) for org, found in sanctioned.items()})

    # --- building ---------------------------------------------------------------

    @classmethod
    def of(  # noqa: C901, PLR0912 - one branch per kind of record
        cls,
        *records: Deal | LicensedProduction | Sanction | Cooperation | Platform | Organization,
    ) -> Market:
        """Return a market of `records` and every platform and organization they refer to.

        Records may be deals, production records, sanctions, cooperation
        records, platforms and organizations, in any order; equal records
        given twice are kept once.
        """
        platforms: dict[Platform, None] = {}
        orgs: dict[Organization, None] = {}
        deals: dict[Deal, None] = {}
        production: dict[LicensedProduction, None] = {}
        sanctions: dict[Sanction, None] = {}
        cooperation: dict[Cooperation, None] = {}

        def add_org(org: Organization | None) -> None:
            if org is not None:
                orgs.setdefault(org)

        def add_platform(platform: Platform) -> None:
            for each in (platform, *platform.lineage()):
                platforms.setdefault(each)
                add_org(each.manufacturer)

        for record in records:
            if isinstance(record, Deal):
                deals.setdefault(record)
                add_platform(record.platform)
                for org in (*record.organizations, *_statement_orgs(record.statements)):
                    add_org(org)
            elif isinstance(record, LicensedProduction):
                production.setdefault(record)
                add_platform(record.platform)
                add_org(record.licensor.manufacturer)
                add_org(record.licensee)
                for org in _statement_orgs(record.statements):
                    add_org(org)
            elif isinstance(record, Sanction):
                sanctions.setdefault(record)
                if isinstance(record.target, Organization):
                    add_org(record.target)
            elif isinstance(record, Cooperation):
                cooperation.setdefault(record)
                for platform in record.platforms:
                    add_platform(platform)
                for org in (*record.organizations, *_statement_orgs(record.statements)):
                    add_org(org)
            elif isinstance(record, Platform):
                add_platform(record)
            elif isinstance(record, Organization):
                add_org(record)
            else:
                raise _fail("records", record, "is not a market record")
        return cls(
            platforms=platforms,
            organizations=orgs,
            deals=deals,
            production=production,
            sanctions=sanctions,
            cooperation=cooperation,
        )

    def merge(self, other: Market) -> Market:
        """Return a market holding the records of both; equal records are kept once.

        Records that clash (one deal id for two different deals, one name
        for two different platforms) are rejected as in construction.
        Merging is associative, and commutative up to order.
        """
        if not isinstance(other, Market):
            raise _fail("other", other, "is not a Market")

        def union(mine: tuple[Any, ...], theirs: tuple[Any, ...]) -> list[Any]:
            return list(dict.fromkeys((*mine, *theirs)))

        return Market(
            platforms=union(self.platforms, other.platforms),
            organizations=union(self.organizations, other.organizations),
            deals=union(self.deals, other.deals),
            production=union(self.production, other.production),
            sanctions=union(self.sanctions, other.sanctions),
            cooperation=union(self.cooperation, other.cooperation),
        )

    def __or__(self, other: object) -> Market:
        if not isinstance(other, Market):
            return NotImplemented
        return self.merge(other)

    def _contents(self) -> tuple[frozenset[Any], ...]:
        return cast(
            "tuple[frozenset[Any], ...]",
            self._deal_table.cached(
                "contents",
                lambda: (
                    frozenset(self.platforms),
                    frozenset(self.organizations),
                    frozenset(self.deals),
                    frozenset(self.production),
                    frozenset(self.sanctions),
                    frozenset(self.cooperation),
                ),
            ),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Market):
            return NotImplemented
        if self is other:
            return True
        sizes = (len(self.platforms), len(self.organizations), len(self.deals))
        if sizes != (len(other.platforms), len(other.organizations), len(other.deals)):
            return False
        return self._contents() == other._contents()

    def __hash__(self) -> int:
        return hash(self._contents())

    def __len__(self) -> int:
        return len(self.deals)

    def __repr__(self) -> str:
        return (
            f"Market({len(self.platforms)} platforms, {len(self.organizations)} organizations, "
            f"{len(self.deals)} deals, {len(self.production)} production, "
            f"{len(self.sanctions)} sanctions, {len(self.cooperation)} cooperation)"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        parts = {
            "platforms": self.platforms,
            "organizations": self.organizations,
            "deals": tuple(self.deals),
            "production": tuple(self.production),
            "sanctions": self.sanctions,
            "cooperation": tuple(self.cooperation),
        }
        return (_rebuild, (parts,))

    # --- lookups -----------------------------------------------------------------

    def platform(self, name: str | Platform) -> Platform:
        """Return the platform with `name` or alias; case, spaces and hyphens do not count.

        ``"tb2"`` and ``"Bayraktar TB-2"`` both find the Bayraktar TB2 (when
        it has the alias "TB2").
        """
        if isinstance(name, Platform):
            self._holdings.platform("platform", name)
            return self._holdings.platforms[name.name]
        found = (
            self._holdings.platform_names.get(name_key(name))
            if isinstance(cast("object", name), str)
            else None
        )
        if found is None:
            raise _fail("platform", name, "is not the name or alias of a platform in the market")
        return cast("Platform", found)

    def organization(self, name: str | Organization) -> Organization:
        """Return the organization with `name` or alias; case, spaces and hyphens do not count."""
        if isinstance(name, Organization):
            self._holdings.organization("organization", name)
            return self._holdings.organizations[name.name]
        found = (
            self._holdings.organization_names.get(name_key(name))
            if isinstance(cast("object", name), str)
            else None
        )
        if found is None:
            rule = "is not the name or alias of an organization in the market"
            raise _fail("organization", name, rule)
        return cast("Organization", found)

    # --- filters -----------------------------------------------------------------

    def _wanted(  # noqa: C901 - one branch per filter
        self,
        filters: Mapping[str, Any],
        status_kind: type[enum.Enum],
        table: _Table[Any],
    ) -> dict[str, frozenset[Key]]:
        """Turn query filters into the keys each dimension must have."""
        unknown = sorted(set(filters) - _FILTERS)
        if unknown:
            raise _fail("filters", unknown, f"are not filters ({', '.join(sorted(_FILTERS))})")
        given = {name: value for name, value in filters.items() if value is not None}
        wanted: dict[str, frozenset[Key]] = {}
        for name in ("supplier", "recipient"):
            if name in given:
                wanted[name] = frozenset({_country(given[name], name).code})
        if "region" in given:
            codes = _region(given["region"]).codes
            wanted["recipient"] = wanted.get("recipient", codes) & codes
        if "platform" in given:
            wanted["platform"] = frozenset({self.platform(given["platform"]).name})
        if "manufacturer" in given:
            wanted["manufacturer"] = frozenset({self.organization(given["manufacturer"]).name})
        if "category" in given:
            wanted["category"] = frozenset({_enum(Category, given["category"], "category")})
        if "status" in given:
            wanted["status"] = _enums(status_kind, given["status"], "status")
        if "confidence" in given:
            wanted["confidence"] = _enums(Confidence, given["confidence"], "confidence")
        if "years" in given:
            wanted["year"] = _year_keys(table, given["years"])
        return wanted

    def _cooperation_wanted(self, filters: Mapping[str, Any]) -> dict[str, frozenset[Key]]:
        """Turn cooperation query filters into the keys each dimension must have."""
        unknown = sorted(set(filters) - _COOPERATION_FILTERS)
        if unknown:
            listed = ", ".join(sorted(_COOPERATION_FILTERS))
            raise _fail("filters", unknown, f"are not filters ({listed})")
        given = {name: value for name, value in filters.items() if value is not None}
        wanted: dict[str, frozenset[Key]] = {}
        if "country" in given:
            wanted["country"] = frozenset({_country(given["country"], "country").code})
        if "region" in given:
            wanted["region"] = _region(given["region"]).codes
        if "platform" in given:
            wanted["platform"] = frozenset({self.platform(given["platform"]).name})
        if "kind" in given:
            wanted["kind"] = _enums(CooperationKind, given["kind"], "kind")
        if "confidence" in given:
            wanted["confidence"] = _enums(Confidence, given["confidence"], "confidence")
        if "years" in given:
            wanted["year"] = _year_keys(self._cooperation_table, given["years"])
        return wanted

    def select_deals(self, **filters: Unpack[DealFilters]) -> tuple[Deal, ...]:
        """Return the deals matching every filter given, in market order.

        - ``supplier``, ``recipient``: a Country, a code or a country name
          (``"KGZ"``, ``"KG"``, ``"Kyrgyzstan"``).
        - ``platform``: a Platform, or a name or alias (see :meth:`platform`).
        - ``manufacturer``: the supplier's manufacturer when the deal names
          one, else the platform's; an Organization or a name.
        - ``category``: a Category or its value (``"MALE"``).
        - ``status``, ``confidence``: one or several, enums or values.
        - ``years``: an order year, or an inclusive ``(first, last)`` range
          (either end None for open), or a ``range``; a deal's year is its
          order year, else the year it was announced; deals with no year
          never match.
        - ``region``: the recipient is in the region (a Region, a region
          name, or countries).

        A filter given as None is no filter. ``market.deals(...)`` is the
        same call.
        """
        wanted = self._wanted(filters, DealStatus, self._deal_table)
        return _pick(self.deals, self._deal_table.select(wanted))

    def select_production(
        self, **filters: Unpack[ProductionFilters]
    ) -> tuple[LicensedProduction, ...]:
        """Return the production records matching every filter given, in market order.

        The filters are those of :meth:`select_deals`; ``supplier`` is the
        licensor's country, ``recipient`` and ``region`` the host country,
        ``status`` a :class:`~dronemarket.ProductionStatus`, and a record's
        year the year it started, else was agreed, else was announced.
        """
        wanted = self._wanted(filters, ProductionStatus, self._production_table)
        return _pick(self.production, self._production_table.select(wanted))

    def select_cooperation(self, **filters: Unpack[CooperationFilters]) -> tuple[Cooperation, ...]:
        """Return the cooperation records matching every filter given, in market order.

        - ``country``: one of the parties is, or belongs to, the country (a
          Country, a code or a country name).
        - ``region``: one of the parties' countries is in the region (a
          Region, a region name, or countries). With ``country`` too, both
          must hold, each for some party.
        - ``kind``: one or several :class:`~dronemarket.CooperationKind`, or
          their values (``"meeting"``, ``"technology transfer"``).
        - ``platform``: the record concerns the platform (a Platform, or a
          name or alias, as :meth:`platform` finds it).
        - ``years``: as in :meth:`select_deals`; a record's year is the year
          it started, and records with no date never match.
        - ``confidence``: one or several.

        A filter given as None is no filter. ``market.cooperation(...)`` is
        the same call.
        """
        wanted = self._cooperation_wanted(filters)
        return _pick(self.cooperation, self._cooperation_table.select(wanted))

    # --- relations ---------------------------------------------------------------

    def suppliers_of(self, recipient: CountryLike) -> tuple[Country, ...]:
        """Return the countries that supply `recipient` in any deal, by code."""
        code = _country(recipient, "recipient").code
        found = {deal.supplier.country for deal in self.select_deals(recipient=code)}
        return tuple(sorted(country for country in found if country is not None))

    def recipients_of(self, supplier: CountryLike) -> tuple[Country, ...]:
        """Return the countries `supplier` supplies in any deal, by code."""
        code = _country(supplier, "supplier").code
        found = {deal.recipient.country for deal in self.select_deals(supplier=code)}
        return tuple(sorted(country for country in found if country is not None))

    def platforms_of(self, country: CountryLike) -> tuple[Platform, ...]:
        """Return the platforms `country` operates or has ordered, by name.

        A platform counts when a deal to the country is ordered, delivering,
        delivered or suspended (not one of interest, under negotiation or
        cancelled), or when the country hosts its production.
        """
        code = _country(country, "country").code
        found = {d.platform for d in self.select_deals(recipient=code, status=_ORDERED_STATUSES)}
        found.update(record.platform for record in self.select_production(recipient=code))
        return tuple(sorted(found, key=attrgetter("name")))

    def sanctions_on(self, organization: Organization) -> tuple[Sanction, ...]:
        """Return the sanctions the market holds against `organization`."""
        return self._sanctioned.get(organization, ())

    def sanctioned_parties(self, deal: Deal | str) -> tuple[Organization, ...]:
        """Return the sanctioned organizations in a deal's chain, supplier to end user.

        The chain is the supplier's manufacturer, the platform's
        manufacturer, the intermediaries and the end user; an organization
        is sanctioned when the market holds a sanction against it. `deal`
        is a deal or its id.
        """
        if isinstance(deal, str):
            matches = [d for d in self.deals if d.id == deal]
            if not matches:
                raise _fail("deal", deal, "is not the id of a deal in the market")
            deal = matches[0]
        return tuple(org for org in deal.organizations if org in self._sanctioned)

    # --- analytics ---------------------------------------------------------------

    def share(
        self,
        by: By = "supplier",
        measure: Measure = "units",
        *,
        currency: str | None = None,
        statuses: DealStatus | str | Iterable[DealStatus | str] | None = None,
        **filters: Unpack[DealFilters],
    ) -> Shares:
        """Return the shares of the deals selected by `filters`, split `by` a key.

        `by` is ``"supplier"`` (the supplying country), ``"recipient"``,
        ``"manufacturer"`` (as in :meth:`select_deals`), ``"platform"`` or
        ``"category"``. `filters` are those of :meth:`select_deals`
        (``region=``, ``years=``, ...); ``statuses`` is the same as ``status``.

        `measure`:

        - ``"units"``: a deal counts its **quantity ordered**; a deal with no
          quantity counts its delivered total; a deal with neither is
          *unknown*, tallied apart and not counted as zero. An exact count
          adds the same figure to low, central and high. An estimate adds its
          own low (1 when it gives none: every count is at least 1), its
          central figure (the midpoint of its bounds when it gives none, else
          its one bound), and its high (the total's high becomes None,
          unbounded, when it gives none).
        - ``"deals"``: each deal counts 1.
        - ``"value"``: a deal counts its value; deals without one are
          unknown. Values in different currencies are not added up: pass
          ``currency="USD"`` to count the deals valued in US dollars (the
          others are reported as ``excluded``); without it, deals valued in
          more than one currency are rejected with a ValidationError.

        Shares are central figures over the central total and sum to 1
        when that total is above zero. Deals whose key is unknown (an
        unknown supplier) form a share of their own, with key None.
        """
        if by not in {"supplier", "recipient", "manufacturer", "platform", "category"}:
            rule = "is not one of 'supplier', 'recipient', 'manufacturer', 'platform', 'category'"
            raise _fail("by", by, rule)
        if measure not in {"units", "deals", "value"}:
            raise _fail("measure", measure, "is not one of 'units', 'deals', 'value'")
        groups = self._groups(by, {**filters, "status": statuses or filters.get("status")})
        table = self._deal_table
        deals = self.deals
        excluded = 0
        if measure == "units":
            units = table.cached("units", lambda: _UnitColumn(deals))
            tallies = {key: units.tally(positions) for key, positions in groups.items()}
        elif measure == "deals":
            tallies = {key: Tally(len(p), len(p), len(p), len(p)) for key, p in groups.items()}
        else:
            currency, tallies, excluded = self._value_tallies(groups, currency)
        return self._shares(by, measure, tallies, currency, excluded)

    def _groups(self, by: str, filters: Mapping[str, Any]) -> dict[Key, Sequence[int]]:
        """Return the positions of the deals selected by `filters`, grouped by `by`."""
        table = self._deal_table
        index = table.index(by)
        wanted = self._wanted(filters, DealStatus, table)
        if not wanted:
            return dict(index.positions)
        grouped: dict[int, list[int]] = defaultdict(list)
        column = index.column
        for position in table.select(wanted):
            grouped[column[position]].append(position)
        return {index.keys[code]: positions for code, positions in grouped.items()}

    def _value_tallies(
        self, groups: Mapping[Key, Sequence[int]], currency: str | None
    ) -> tuple[str | None, dict[Key, Tally], int]:
        deals = self.deals
        values: dict[Key, list[Money | None]] = {
            key: [deals[p].value for p in positions] for key, positions in groups.items()
        }
        currencies = {v.currency for found in values.values() for v in found if v is not None}
        if currency is None:
            if len(currencies) > 1:
                rule = "are mixed; pass currency= to share the deals valued in one of them"
                raise _fail("currency", sorted(currencies), rule)
            currency = next(iter(currencies), None)
        excluded = 0
        tallies: dict[Key, Tally] = {}
        for key, found in values.items():
            total = Decimal(0)
            counted = estimated = unknown = 0
            for value in found:
                if value is None:
                    unknown += 1
                elif value.currency != currency:
                    excluded += 1
                else:
                    total += value.amount
                    counted += 1
                    estimated += value.estimate
            tallies[key] = Tally(total, total, total, counted, estimated, unknown)
        return currency, tallies, excluded

    def _share_key(self, by: str, key: Key) -> tuple[ShareKey, str]:
        if key is None:
            return None, "unknown"
        if by in {"supplier", "recipient"}:
            return Country(cast("str", key)), cast("str", key)
        if by == "manufacturer":
            return self._holdings.organizations[cast("str", key)], cast("str", key)
        if by == "platform":
            return self._holdings.platforms[cast("str", key)], cast("str", key)
        category = cast("Category", key)
        return category, category.value

    def _shares(
        self,
        by: str,
        measure: str,
        tallies: Mapping[Key, Tally],
        currency: str | None,
        excluded: int,
    ) -> Shares:
        total = _sum(tallies.values()) if tallies else _EMPTY_TALLY
        items = []
        for key, tally in tallies.items():
            if not tally.records:
                continue
            share_key, name = self._share_key(by, key)
            share = float(tally.central / total.central) if total.central else None
            items.append(Share(share_key, name, share, tally))
        items.sort(key=lambda s: (-s.tally.central, s.key is None, s.name))
        return Shares(
            by, measure, tuple(items), total, currency if measure == "value" else None, excluded
        )

    def concentration(
        self, recipient: CountryLike, /, **filters: Unpack[DealFilters]
    ) -> Concentration:
        """Return the Herfindahl-Hirschman index of `recipient`'s suppliers, by units.

        The index is the sum of the squared shares of the supplying
        countries, on a 0..1 scale, over the deals to `recipient` selected
        by `filters` (those of :meth:`select_deals`). Units are counted as
        in :meth:`share`. Deals whose supplier is unknown, or whose count is
        unknown, are left out of the index (they may be from a supplier
        already counted); the shares returned with it show them.
        """
        country = _country(recipient, "recipient")
        if "recipient" in filters:
            raise _fail("filters", "recipient", "is given twice (it is the first argument)")
        chosen: DealFilters = {**filters, "recipient": country}
        shares = self.share("supplier", "units", **chosen)
        known = [item.tally.central for item in shares if item.key is not None]
        total = sum(known)
        hhi = sum((part / total) ** 2 for part in known) if total else None
        return Concentration(country, float(hhi) if hhi is not None else None, shares)

    def timeline(self, **filters: Unpack[DealFilters]) -> tuple[YearTally, ...]:
        """Return, year by year, the units ordered against the units delivered.

        A deal counts as ordered in the year of its order date, with its
        quantity (unknown when it has none; deals with no order date are
        not ordered); a delivery counts in the year of its date, with its
        count (unknown when it has none). Undated deliveries are in no year.
        `filters` are those of :meth:`select_deals`.
        """
        ordered: dict[int, list[Count | None]] = defaultdict(list)
        delivered: dict[int, list[Count | None]] = defaultdict(list)
        for deal in self.select_deals(**filters):
            if deal.ordered is not None:
                ordered[deal.ordered.year].append(deal.quantity)
            for delivery in deal.deliveries:
                if delivery.date is not None:
                    delivered[delivery.date.year].append(delivery.count)
        return tuple(
            YearTally(
                year, _count_tally(ordered.get(year, ())), _count_tally(delivered.get(year, ()))
            )
            for year in sorted(ordered.keys() | delivered.keys())
        )

    def network(self, **filters: Unpack[DealFilters]) -> tuple[Edge, ...]:
        """Return the supplier → recipient links, weighted by the units of their deals.

        Units are counted as in :meth:`share`. Deals whose supplier or
        recipient is unknown are on no link. Links come heaviest first.
        `filters` are those of :meth:`select_deals`.
        """
        links: dict[tuple[str, str], list[Count | None]] = defaultdict(list)
        for deal in self.select_deals(**filters):
            supplier, recipient = deal.supplier.country, deal.recipient.country
            if supplier is not None and recipient is not None:
                links[supplier.code, recipient.code].append(_units_of(deal))
        edges = [
            Edge(Country(supplier), Country(recipient), _count_tally(counts))
            for (supplier, recipient), counts in links.items()
        ]
        edges.sort(key=lambda e: (-e.units.central, e.supplier.code, e.recipient.code))
        return tuple(edges)

    def to_records(
        self, **filters: Unpack[DealFilters]
    ) -> list[dict[str, str | int | float | bool | None]]:
        """Return one flat row per deal, of plain values, for pandas or polars.

        ``pandas.DataFrame(market.to_records())`` and
        ``polars.DataFrame(market.to_records())`` take it as it is. The
        columns are :data:`RECORD_COLUMNS`; `filters` are those of
        :meth:`select_deals`.
        """
        return [_record(deal) for deal in self.select_deals(**filters)]


def _pick(records: tuple[R, ...], positions: Sequence[int]) -> tuple[R, ...]:
    """Return the records at `positions`, as a tuple (one C call for many)."""
    if isinstance(positions, range) and len(positions) == len(records):
        return tuple(records)
    if len(positions) < 2:  # itemgetter of one position gives the record, not a tuple
        return tuple(records[position] for position in positions)
    return cast("tuple[R, ...]", itemgetter(*positions)(records))


def _count_tally(counts: Iterable[Count | None]) -> Tally:
    low = central = counted = estimated = unknown = 0
    high: int | None = 0
    for count in counts:
        if count is None:
            unknown += 1
            continue
        counted += 1
        figures = _figures(count)
        estimated += count.estimate
        low += figures[0]
        central += figures[1]
        high = None if high is None or figures[2] is None else high + figures[2]
    return Tally(low, central, high, counted, estimated, unknown)


# ------------------------------------------------------------------------- arguments


def _country(value: object, field_name: str) -> Country:
    if isinstance(value, Country):
        return value
    if isinstance(value, str):
        return Country.lookup(value)
    raise _fail(field_name, value, "is not a Country, a country code or a country name")


def _region(value: object) -> Region:
    if isinstance(value, Region):
        return value
    if isinstance(value, str):
        return region_lookup(value)
    if isinstance(value, Iterable):
        return Region("countries", [_country(item, "region") for item in value])
    raise _fail("region", value, "is not a Region, a region name or countries")


E = TypeVar("E", bound=enum.Enum)


def _enum(kind: type[E], value: object, field_name: str) -> E:
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        for member in kind:
            if value.casefold() in {member.value.casefold(), member.name.casefold()}:
                return member
    names = ", ".join(repr(member.value) for member in kind)
    raise _fail(field_name, value, f"is not a {kind.__name__} ({names})")


def _enums(kind: type[enum.Enum], value: object, field_name: str) -> frozenset[Key]:
    if isinstance(value, kind | str):
        return frozenset({_enum(kind, value, field_name)})
    if isinstance(value, Iterable):
        return frozenset(_enum(kind, item, field_name) for item in value)
    return frozenset({_enum(kind, value, field_name)})


def _year_keys(table: _Table[Any], value: object) -> frozenset[Key]:
    """Return the years of `table`'s records that the years filter `value` selects."""
    low, high = _years(value)
    return frozenset(
        year
        for year in table.index("year").keys
        if isinstance(year, int) and (low is None or year >= low) and (high is None or year <= high)
    )


def _years(value: object) -> tuple[int | None, int | None]:
    if type(value) is int:
        return value, value
    if isinstance(value, range) and value.step == 1:
        return value.start, value.stop - 1
    if isinstance(value, tuple) and len(value) == 2:
        low, high = value
        if all(bound is None or type(bound) is int for bound in (low, high)):
            return low, high
    raise _fail("years", value, "is not a year or a (first, last) pair of years")


_FILTERS: Final = frozenset(
    {
        "supplier",
        "recipient",
        "platform",
        "manufacturer",
        "category",
        "status",
        "years",
        "region",
        "confidence",
    }
)
_COOPERATION_FILTERS: Final = frozenset(
    {"country", "region", "kind", "platform", "years", "confidence"}
)


# ---------------------------------------------------------------------------- records

RECORD_COLUMNS: Final[Mapping[str, str]] = {
    "id": "str: the deal's id",
    "supplier": "str | None: the supplying country's alpha-3 code",
    "supplier_name": "str | None: the supplying country's name",
    "supplier_manufacturer": "str | None: the manufacturer named on the supplier side",
    "recipient": "str | None: the receiving country's alpha-3 code",
    "recipient_name": "str | None: the receiving country's name",
    "end_user": "str | None: the end user, when known",
    "platform": "str: the platform's name",
    "manufacturer": "str | None: the platform's manufacturer",
    "category": "str | None: the platform's category (Category value), when known",
    "status": "str: the DealStatus value",
    "confidence": "str: the Confidence value",
    "year": "int | None: the order year, else the announcement year",
    "ordered": "str | None: the order date, as precise as known ('2021-10')",
    "announced": "str | None: the announcement date",
    "quantity_low": "int | None: the quantity ordered, low bound",
    "quantity": "int | None: the quantity ordered, central figure",
    "quantity_high": "int | None: the quantity ordered, high bound",
    "quantity_estimate": "bool | None: whether the quantity is an estimate (None: unknown)",
    "delivered": "int | None: units delivered, central figure (None: unknown)",
    "deliveries": "int: how many deliveries are recorded",
    "last_delivery": "str | None: the date of the latest dated delivery",
    "value": "float | None: the deal's value, in `value_currency`",
    "value_currency": "str | None: the ISO 4217 currency of the value",
    "value_estimate": "bool | None: whether the value is an estimate",
    "second_hand": "bool: whether the units come second hand",
    "intermediaries": "str | None: the intermediaries' names, joined by '; '",
    "sources": "int: how many sources report the deal",
    "source": "str | None: the first source's publisher and title",
}
"""The columns of :meth:`Market.to_records`, each with its type and meaning."""


def _record(deal: Deal) -> dict[str, str | int | float | bool | None]:
    supplier, recipient = deal.supplier.country, deal.recipient.country
    quantity, delivered, value = deal.quantity, deal.delivered, deal.value
    category = deal.platform.category
    dated = [d.date for d in deal.deliveries if d.date is not None]
    first = deal.sources[0]
    return {
        "id": deal.id,
        "supplier": None if supplier is None else supplier.code,
        "supplier_name": None if supplier is None else supplier.name,
        "supplier_manufacturer": _name(deal.supplier.manufacturer),
        "recipient": None if recipient is None else recipient.code,
        "recipient_name": None if recipient is None else recipient.name,
        "end_user": _name(deal.recipient.end_user),
        "platform": deal.platform.name,
        "manufacturer": _name(deal.platform.manufacturer),
        "category": None if category is None else category.value,
        "status": deal.status.value,
        "confidence": deal.confidence.value,
        "year": deal.year,
        "ordered": _date(deal.ordered),
        "announced": _date(deal.announced),
        "quantity_low": None if quantity is None else quantity.low,
        "quantity": None if quantity is None else quantity.central,
        "quantity_high": None if quantity is None else quantity.high,
        "quantity_estimate": None if quantity is None else quantity.estimate,
        "delivered": None if delivered is None else delivered.central,
        "deliveries": len(deal.deliveries),
        "last_delivery": _date(max(dated)) if dated else None,
        "value": None if value is None else float(value.amount),
        "value_currency": None if value is None else value.currency,
        "value_estimate": None if value is None else value.estimate,
        "second_hand": deal.second_hand,
        "intermediaries": "; ".join(o.name for o in deal.intermediaries) or None,
        "sources": len(deal.sources),
        "source": f"{first.publisher}: {first.title}",
    }


def _name(organization: Organization | None) -> str | None:
    return None if organization is None else organization.name


def _date(date: PartialDate | None) -> str | None:
    return None if date is None else str(date)


# -------------------------------------------------------------------------- synthetic

_SYNTHETIC_COUNTRIES: Final = (
    *("TUR", "RUS", "CHN", "USA", "ISR", "IRN", "FRA", "GBR", "DEU", "ITA", "UKR", "IND"),
    *("KAZ", "KGZ", "TJK", "UZB", "TKM", "AZE", "ARM", "GEO", "POL", "SRB", "PAK", "EGY"),
    *("ARE", "SAU", "QAT", "NGA", "ETH", "MAR", "IDN", "MYS", "JPN", "KOR", "BRA", "MEX"),
)
_SYNTHETIC_SUPPLIERS: Final = 12  # the first twelve countries build and export
_STATUS_WEIGHTS: Final = {
    DealStatus.INTEREST: 1,
    DealStatus.NEGOTIATION: 1,
    DealStatus.ORDERED: 3,
    DealStatus.DELIVERING: 2,
    DealStatus.DELIVERED: 5,
    DealStatus.CANCELLED: 1,
    DealStatus.SUSPENDED: 1,
}


def synthetic(n_deals: int, *, seed: int = 0, platforms: int = 120) -> Market:
    """Return a made-up market of `n_deals` valid deals, the same for the same seed.

    For testing and benchmarking at scale: twelve supplying countries,
    thirty-six countries in all, ``platforms`` platforms from 36
    manufacturers, and deals of every status, some with estimated or
    unknown quantities and some valued in US dollars or euros. Nothing in it
    is real. Objects are shared between deals as a catalog shares them.

    >>> market = synthetic(200, seed=1)
    >>> len(market.deals), market == synthetic(200, seed=1)
    (200, True)
    """
    if type(n_deals) is not int or n_deals < 0:
        raise ValidationError("synthetic", "n_deals", n_deals, "is not a whole number >= 0")
    if type(platforms) is not int or platforms < 1:
        raise ValidationError("synthetic", "platforms", platforms, "is not a whole number >= 1")
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not cryptography
    countries = [Country(code) for code in _SYNTHETIC_COUNTRIES]
    makers = [
        Organization(
            f"Synthetic Aero {i + 1}",
            country=countries[i % _SYNTHETIC_SUPPLIERS],
            kind=OrgKind.MANUFACTURER,
        )
        for i in range(3 * _SYNTHETIC_SUPPLIERS)
    ]
    categories = list(Category)
    fleet = [
        Platform(
            f"SX-{i + 1}",
            manufacturer=makers[i % len(makers)],
            category=categories[i % len(categories)],
        )
        for i in range(platforms)
    ]
    source = Source("Synthetic market", publisher="dronemarket.market.synthetic")
    suppliers = {maker: Supplier(maker.country, manufacturer=maker) for maker in makers}
    recipients = {country: Recipient(country) for country in countries}
    dates: dict[tuple[int, int | None], PartialDate] = {}

    def date(year: int, month: int | None = None) -> PartialDate:
        return dates.setdefault((year, month), PartialDate(year, month))

    statuses = list(_STATUS_WEIGHTS)
    weights = list(_STATUS_WEIGHTS.values())
    deals = []
    for number in range(n_deals):
        platform = fleet[rng.randrange(len(fleet))]
        supplier = suppliers[cast("Organization", platform.manufacturer)]
        recipient = countries[rng.randrange(len(countries))]
        if recipient == supplier.country:
            recipient = countries[(countries.index(recipient) + 1) % len(countries)]
        status = rng.choices(statuses, weights)[0]
        year = rng.randrange(2000, 2026)
        quantity, deliveries = _synthetic_counts(rng, status, year, date)
        value = None
        if quantity is not None and rng.random() < 0.4:
            amount = (quantity.central or quantity.low or 1) * rng.randrange(1, 30) * 1_000_000
            value = Money(
                amount, "USD" if rng.random() < 0.8 else "EUR", estimate=rng.random() < 0.3
            )
        before_order = status in {DealStatus.INTEREST, DealStatus.NEGOTIATION}
        deals.append(
            Deal(
                supplier=supplier,
                recipient=recipients[recipient],
                platform=platform,
                status=status,
                ordered=None if before_order else date(year, rng.randrange(1, 13)),
                announced=date(year) if before_order else None,
                quantity=quantity,
                deliveries=deliveries,
                value=value,
                confidence=Confidence.REPORTED if rng.random() < 0.85 else Confidence.UNCONFIRMED,
                sources=(source,),
                id=f"synthetic-{number:07d}",
            )
        )
    return Market(platforms=fleet, organizations=makers, deals=deals)


def _synthetic_counts(
    rng: random.Random,
    status: DealStatus,
    year: int,
    date: Callable[[int, int | None], PartialDate],
) -> tuple[Count | None, tuple[Delivery, ...]]:
    number = rng.randrange(1, 60)
    roll = rng.random()
    quantity: Count | None
    if roll < 0.75:
        quantity = Count.exact(number)
    elif roll < 0.82:
        quantity = Count.about(number)
    elif roll < 0.87:
        quantity = Count.between(number, number + rng.randrange(1, 20))
    elif roll < 0.92:
        quantity = Count.at_least(number, wording="dozens")
    else:
        quantity = None
    if status not in {DealStatus.DELIVERING, DealStatus.DELIVERED}:
        return quantity, ()
    when = date(min(year + rng.randrange(0, 3), 2026), None)
    if quantity is not None and quantity.is_exact:
        shipped = number if status is DealStatus.DELIVERED else max(1, number // 2)
        return quantity, (Delivery(when, shipped),)
    most = 9 if quantity is None or quantity.high is None else min(9, quantity.high)
    return quantity, (Delivery(when, None if rng.random() < 0.5 else rng.randrange(1, most + 1)),)
