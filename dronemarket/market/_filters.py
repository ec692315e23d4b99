"""Query filters: their types, and turning the arguments given into index keys."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, Literal, TypedDict, TypeVar

from dronemarket import _iso
from dronemarket.cooperation import CooperationKind
from dronemarket.deals import TRANSFERS, DealStatus, DeliverySpan
from dronemarket.errors import UnknownCodeError, ValidationError
from dronemarket.market._checks import fail
from dronemarket.market._index import Index
from dronemarket.market._names import name_key, not_found
from dronemarket.parties import (
    ArmedGroup,
    Country,
    Multinational,
    Organization,
    Party,
    PartyKind,
    Territory,
    lookup_party,
)
from dronemarket.platforms import Category, Platform
from dronemarket.production import ProductionStatus
from dronemarket.regions import Region
from dronemarket.regions import lookup as region_lookup
from dronemarket.sources import Confidence

if TYPE_CHECKING:
    from dronemarket.market._checks import Holdings
    from dronemarket.market._index import Key, Table

__all__ = [
    "ORDERED_STATUSES",
    "YEAR_OF",
    "By",
    "CooperationFilters",
    "CountriesLike",
    "CountryLike",
    "DealFilters",
    "KindsLike",
    "Measure",
    "OrganizationLike",
    "OrganizationsLike",
    "PartiesLike",
    "PartyLike",
    "PlatformLike",
    "PlatformsLike",
    "ProductionFilters",
    "RecordFilters",
    "RegionLike",
    "YearOf",
    "YearsLike",
    "as_country",
    "as_party_key",
    "cooperation_wanted",
    "each",
    "wanted",
    "year_bounds",
]

CountryLike = Country | str
"""A Country, or a code or name."""
CountriesLike = CountryLike | Iterable[CountryLike]
"""One country, or several (any of them matches)."""
PartyLike = Party | str
"""A party, or a code or name (SIPRI's ``"Houthi rebels (Yemen)*"``, ``"NATO**"``)."""
PartiesLike = PartyLike | Iterable[PartyLike]
"""One party, or several (any of them matches)."""
KindsLike = PartyKind | str | Iterable[PartyKind | str]
"""One kind of party, or several: ``"state"``, ``"former state"``, ``"armed group"``, ..."""
PlatformLike = Platform | str
"""A Platform, or a name or alias."""
PlatformsLike = PlatformLike | Iterable[PlatformLike]
"""One platform, or several (any of them matches)."""
OrganizationLike = Organization | str
"""An Organization, or a name or alias."""
OrganizationsLike = OrganizationLike | Iterable[OrganizationLike]
"""One organization, or several (any of them matches)."""
RegionLike = Region | str | Iterable[Country | str]
"""A Region, a region name, or countries."""
YearsLike = int | tuple[int | None, int | None] | range
"""A year, an inclusive (first, last) pair, or a range."""
By = Literal["supplier", "recipient", "manufacturer", "platform", "category"]
"""What a share splits by."""
Measure = Literal["units", "deals", "value", "tiv"]
"""What a share measures."""
YearOf = Literal["order", "delivery", "any"]
"""Which year of a deal ``years=`` reads: its order's, a delivery's, or either."""
YEAR_OF: Final[tuple[str, ...]] = ("any", "order", "delivery")
"""The values of ``year_of=``; the first is the default."""


class RecordFilters(TypedDict, total=False):
    """The filters deal and production queries share; see ``DealFilters``."""

    supplier: PartiesLike | None
    recipient: PartiesLike | None
    supplier_kind: KindsLike | None
    recipient_kind: KindsLike | None
    platform: PlatformsLike | None
    manufacturer: OrganizationsLike | None
    category: Category | str | Iterable[Category | str] | None
    years: YearsLike | None
    region: RegionLike | None
    confidence: Confidence | str | Iterable[Confidence | str] | None


class DealFilters(RecordFilters, total=False):
    """The filters a deal query takes; see ``market.deals(...)``."""

    status: DealStatus | str | Iterable[DealStatus | str] | None
    family: PlatformsLike | None
    year_of: YearOf | None


class ProductionFilters(RecordFilters, total=False):
    """The filters a production query takes; see ``market.production(...)``."""

    status: ProductionStatus | str | Iterable[ProductionStatus | str] | None


class CooperationFilters(TypedDict, total=False):
    """The filters a cooperation query takes; see ``market.cooperation(...)``."""

    country: CountriesLike | None
    kind: CooperationKind | str | Iterable[CooperationKind | str] | None
    platform: PlatformsLike | None
    years: YearsLike | None
    region: RegionLike | None
    confidence: Confidence | str | Iterable[Confidence | str] | None


ORDERED_STATUSES: Final = TRANSFERS | {DealStatus.SUSPENDED}
"""The statuses of a deal whose platform the recipient operates or has ordered."""

_FILTERS: Final = frozenset(DealFilters.__annotations__)
_DEAL_ONLY: Final = frozenset({"family", "year_of"})
_COOPERATION_FILTERS: Final = frozenset(CooperationFilters.__annotations__)


def wanted(
    filters: Mapping[str, Any],
    status_kind: type[enum.Enum],
    table: Table[Any],
    holdings: Holdings,
) -> dict[str, frozenset[Key]]:
    """Turn deal or production query filters into the keys each dimension must have."""
    unknown = sorted(set(filters) - _FILTERS)
    if unknown:
        raise fail("filters", unknown, f"are not filters ({', '.join(sorted(_FILTERS))})")
    given = {name: value for name, value in filters.items() if value is not None}
    keys: dict[str, frozenset[Key]] = {}
    for name in ("supplier", "recipient"):
        if name in given:
            parties = each(given[name], _PARTY_TYPES)
            keys[name] = frozenset(as_party_key(one, name, table) for one in parties)
        kind = name + "_kind"
        if kind in given:
            keys[kind] = _enums(PartyKind, given[kind], kind)
    if "region" in given:
        codes = _region(given["region"]).codes
        keys["recipient"] = keys.get("recipient", codes) & codes
    if "platform" in given:
        found = map(holdings.find_platform, each(given["platform"], Platform))
        keys["platform"] = frozenset(platform.name for platform in found)
    if "manufacturer" in given:
        makers = map(holdings.find_organization, each(given["manufacturer"], Organization))
        keys["manufacturer"] = frozenset(maker.name for maker in makers)
    enums = (("category", Category), ("status", status_kind), ("confidence", Confidence))
    rest = _deal_keys(keys, given, table, holdings, is_deals=status_kind is DealStatus)
    return _enum_and_year_keys(keys, rest, table, enums)


def _deal_keys(
    keys: dict[str, frozenset[Key]],
    given: Mapping[str, Any],
    table: Table[Any],
    holdings: Holdings,
    *,
    is_deals: bool,
) -> Mapping[str, Any]:
    """Add to `keys` those of ``family=`` and of ``years=`` read by ``year_of=``.

    Return the filters left to read (``years=`` is read here unless by order year).
    """
    if not is_deals and _DEAL_ONLY & set(given):
        raise fail("filters", sorted(_DEAL_ONLY & set(given)), "apply to deals only")
    if "family" in given:
        family = _family(holdings, given["family"])
        keys["platform"] = keys.get("platform", family) & family
    year_of = given.get("year_of", YEAR_OF[0])
    if year_of not in YEAR_OF:
        raise fail("year_of", year_of, f"is not one of {', '.join(map(repr, YEAR_OF))}")
    if is_deals and "years" in given and year_of != "order":
        dimension = f"{year_of}_year"
        index = table.cached(dimension, lambda: Index(_deal_years(table, year_of), multi=True))
        keys[dimension] = _years_in(index, given["years"])
        return {name: value for name, value in given.items() if name != "years"}
    return given


def _family(holdings: Holdings, value: object) -> frozenset[Key]:
    """Return the names of the platforms `value` gives and their held variants and derivatives."""
    roots = {platform.name for platform in map(holdings.find_platform, each(value, Platform))}
    return frozenset(
        platform.name
        for platform in holdings.platforms.values()
        if platform.name in roots or any(parent.name in roots for parent in platform.lineage())
    )


def _deal_years(table: Table[Any], year_of: str) -> list[Key]:
    """Return each deal's delivery years (a span's every year), with its order year for "any"."""
    found: list[Key] = []
    for deal in table.records:
        years: list[int] = [] if year_of == "delivery" or deal.year is None else [deal.year]
        for delivery in deal.deliveries:
            if isinstance(delivery, DeliverySpan):
                years.extend(delivery.years)
            elif delivery.date is not None:
                years.append(delivery.date.year)
        found.append(tuple(years))
    return found


def _years_in(index: Index, value: object) -> frozenset[Key]:
    """Return the keys of `index` (years) that the years filter `value` selects."""
    low, high = _years(value)
    return frozenset(
        year
        for year in index.keys
        if isinstance(year, int) and (low is None or year >= low) and (high is None or year <= high)
    )


def cooperation_wanted(
    filters: Mapping[str, Any], table: Table[Any], holdings: Holdings
) -> dict[str, frozenset[Key]]:
    """Turn cooperation query filters into the keys each dimension must have."""
    unknown = sorted(set(filters) - _COOPERATION_FILTERS)
    if unknown:
        listed = ", ".join(sorted(_COOPERATION_FILTERS))
        raise fail("filters", unknown, f"are not filters ({listed})")
    given = {name: value for name, value in filters.items() if value is not None}
    keys: dict[str, frozenset[Key]] = {}
    if "country" in given:
        countries = each(given["country"], Country)
        keys["country"] = frozenset(as_country(one, "country").code for one in countries)
    if "region" in given:
        keys["region"] = _region(given["region"]).codes
    if "platform" in given:
        found = map(holdings.find_platform, each(given["platform"], Platform))
        keys["platform"] = frozenset(platform.name for platform in found)
    enums = (("kind", CooperationKind), ("confidence", Confidence))
    return _enum_and_year_keys(keys, given, table, enums)


def _enum_and_year_keys(
    keys: dict[str, frozenset[Key]],
    given: Mapping[str, Any],
    table: Table[Any],
    enums: tuple[tuple[str, type[enum.Enum]], ...],
) -> dict[str, frozenset[Key]]:
    """Add to `keys` those of the enum filters `enums` and of the years filter; return it."""
    for name, kind in enums:
        if name in given:
            keys[name] = _enums(kind, given[name], name)
    if "years" in given:
        keys["year"] = _year_keys(table, given["years"])
    return keys


def as_country(value: object, field_name: str) -> Country:
    """Return the Country `value` (a Country, a code or a name) names, for filter `field_name`."""
    if isinstance(value, Country):
        return value
    if isinstance(value, str):
        try:
            return Country.lookup(value)
        except UnknownCodeError:
            names = {name_key(c.name): c.name for c in _iso.countries()}
            raise not_found("country", value, names, "ISO 3166-1") from None
    raise fail(field_name, value, "is not a Country, a country code or a country name")


_PARTY_TYPES: Final = (Country, Territory, ArmedGroup, Multinational)


def as_party_key(value: object, field_name: str, table: Table[Any]) -> Key:
    """Return the index key of the party `value` names, for filter `field_name`.

    A Country's key is its code and any other party's the party itself, so
    ``"YEM"`` never selects a group based in Yemen. A string is a code or a
    name as :func:`~dronemarket.parties.lookup_party` reads it, or else the
    name of a non-country party the records hold (``"Houthi rebels"``).
    """
    if type(value) is Country:
        return value.code
    if isinstance(value, _PARTY_TYPES):
        return value.code if isinstance(value, Country) else value
    if not isinstance(value, str):
        rule = "is not a party (a Country, Territory, ArmedGroup, Multinational), code or name"
        raise fail(field_name, value, rule)
    try:
        party = lookup_party(value)
    except (UnknownCodeError, ValidationError):
        wanted_name = name_key(value)
        held: list[Territory | ArmedGroup | Multinational] = []
        for key in table.index(field_name).keys:
            if isinstance(key, Territory | ArmedGroup | Multinational):
                held.append(key)  # noqa: PERF401 - a loop narrows the type for mypy
        for key in held:
            if wanted_name in {name_key(str(key)), name_key(key.name)}:
                return key
        names = {name_key(c.name): c.name for c in _iso.countries()}
        names.update({name_key(str(key)): str(key) for key in held})
        raise not_found("party", value, names, "ISO 3166-1 or held by the records") from None
    return party.code if type(party) is Country else party


def each(value: object, kind: type | tuple[type, ...]) -> list[object]:
    """Return the values a filter `value` gives: itself when one, else its items."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, (str, *kinds)) or not isinstance(value, Iterable):
        return [value]
    return list(value)


def _region(value: object) -> Region:
    if isinstance(value, Region):
        return value
    if isinstance(value, str):
        return region_lookup(value)
    if isinstance(value, Iterable):
        return Region("countries", [as_country(item, "region") for item in value])
    raise fail("region", value, "is not a Region, a region name or countries")


E = TypeVar("E", bound=enum.Enum)


def _enum(kind: type[E], value: object, field_name: str) -> E:
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        for member in kind:
            if value.casefold() in {member.value.casefold(), member.name.casefold()}:
                return member
    names = ", ".join(repr(member.value) for member in kind)
    raise fail(field_name, value, f"is not a {kind.__name__} ({names})")


def _enums(kind: type[enum.Enum], value: object, field_name: str) -> frozenset[Key]:
    if isinstance(value, kind | str):
        return frozenset({_enum(kind, value, field_name)})
    if isinstance(value, Iterable):
        return frozenset(_enum(kind, item, field_name) for item in value)
    return frozenset({_enum(kind, value, field_name)})


def _year_keys(table: Table[Any], value: object) -> frozenset[Key]:
    """Return the years of `table`'s records that the years filter `value` selects."""
    return _years_in(table.index("year"), value)


def year_bounds(value: object) -> tuple[int | None, int | None]:
    """Return the first and last year a years filter `value` gives; (None, None) for None."""
    return (None, None) if value is None else _years(value)


def _years(value: object) -> tuple[int | None, int | None]:
    if type(value) is int:
        return value, value
    if isinstance(value, range) and value.step == 1:
        return value.start, value.stop - 1
    if isinstance(value, tuple) and len(value) == 2:
        low, high = value
        if all(bound is None or type(bound) is int for bound in (low, high)):
            return low, high
    raise fail("years", value, "is not a year or a (first, last) pair of years")
