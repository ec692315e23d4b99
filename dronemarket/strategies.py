"""Hypothesis strategies for every public `dronemarket` type.

Needs the ``strategies`` extra (``pip install "dronemarket[strategies]"``);
``import dronemarket`` alone never imports Hypothesis. Every strategy yields
only valid objects (each passes the checks of its class), takes keyword
arguments to constrain what it yields, and shrinks towards small, readable
examples: names drawn from short lists of realistic ones, round
"published-looking" figures such as ``650 kg`` or ``12.5 m``, and optional
fields left out.

>>> import dronemarket as dm
>>> from hypothesis import given
>>> from dronemarket import strategies as dst
>>> @given(dst.deals(statuses=[dm.DealStatus.DELIVERED]))
... def test_a_delivered_deal_has_a_delivery(deal: dm.Deal) -> None:
...     assert deal.deliveries
>>> test_a_delivered_deal_has_a_delivery()

The strategies are also registered with Hypothesis through its entry point,
so ``st.from_type(dm.Deal)`` yields what :func:`deals` yields, with no
import of this module.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from decimal import Decimal
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Final, Literal, NamedTuple, TypeVar, cast

import attrs
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from dronemarket.cooperation import MULTILATERAL_KINDS, Cooperation, CooperationKind
from dronemarket.dates import MAX_YEAR, MIN_YEAR, PartialDate
from dronemarket.deals import (
    DELIVERY_BEGUN,
    MAX_AMOUNT,
    MAX_COUNT,
    PRE_ORDER,
    Condition,
    Count,
    Deal,
    DealStatus,
    Delivery,
    Money,
)
from dronemarket.errors import ValidationError
from dronemarket.market import Market, name_key
from dronemarket.parties import (
    Country,
    Organization,
    OrgKind,
    Recipient,
    Sanction,
    SanctionAuthority,
    Statement,
    Supplier,
)
from dronemarket.platforms import (
    _ORDERED_PAIRS,
    SPEC_FIELDS,
    Category,
    Figure,
    Platform,
    Reported,
    Role,
    Specs,
)
from dronemarket.production import NOT_STARTED, Arrangement, LicensedProduction, ProductionStatus
from dronemarket.sources import Confidence, Source
from dronemarket.units import Dimension, Quantity, quantity, si_magnitude

if TYPE_CHECKING:
    from dronemarket.platforms import SpecInputs

__all__ = [
    "COUNTRY_CODES",
    "DEFAULT_MAX_YEAR",
    "DEFAULT_MIN_YEAR",
    "UNITS",
    "cooperations",
    "countries",
    "counts",
    "deals",
    "deliveries",
    "figures",
    "licensed_production",
    "markets",
    "money",
    "organizations",
    "partial_dates",
    "platforms",
    "quantities",
    "recipients",
    "reported",
    "sanctions",
    "sources",
    "specs",
    "statements",
    "suppliers",
]

T = TypeVar("T")
E = TypeVar("E", bound="object")

Precision = Literal["year", "month", "day"]
CountKind = Literal["exact", "about", "between", "at_least", "up_to"]

DEFAULT_MIN_YEAR: Final = 1990
"""The earliest year the date strategies draw unless told otherwise."""
DEFAULT_MAX_YEAR: Final = 2030
"""The latest year the date strategies draw unless told otherwise."""

COUNTRY_CODES: Final = (
    "TUR", "KAZ", "USA", "CHN", "ISR", "IRN", "RUS", "UKR", "KGZ", "TJK", "UZB", "TKM",
    "AZE", "PAK", "IND", "ARE", "SAU", "QAT", "POL", "DEU", "ITA", "FRA", "GBR", "BLR",
    "ETH", "MAR", "NGA", "IDN",
)  # fmt: skip
"""The countries :func:`countries` draws from by default: makers and buyers of drones."""

UNITS: Final[Mapping[Dimension, tuple[str, ...]]] = {
    Dimension.LENGTH: ("m", "ft", "km"),
    Dimension.MASS: ("kg", "lb", "t"),
    Dimension.DURATION: ("h", "min"),
    Dimension.SPEED: ("km/h", "kn", "m/s"),
    Dimension.POWER: ("hp", "kW"),
}
"""The units :func:`quantities` publishes values in, per dimension, simplest first."""

# The units each spec is published in, in practice; simplest first.
_FIELD_UNITS: Final[Mapping[str, tuple[str, ...]]] = {
    "wingspan": ("m", "ft"),
    "length": ("m", "ft"),
    "mtow": ("kg", "lb", "t"),
    "empty_mass": ("kg", "lb", "t"),
    "payload": ("kg", "lb"),
    "warhead": ("kg", "lb"),
    "endurance": ("h", "min"),
    "ceiling": ("m", "ft", "km"),
    "range": ("km", "m"),
    "combat_radius": ("km", "m"),
    "datalink_range": ("km", "m"),
    "cruise_speed": ("km/h", "kn", "m/s"),
    "max_speed": ("km/h", "kn", "m/s"),
    "engine_power": ("hp", "kW"),
}

_PRECISIONS: Final[tuple[Precision, ...]] = ("year", "month", "day")
_COUNT_KINDS: Final[tuple[CountKind, ...]] = ("exact", "about", "between", "at_least", "up_to")
_MAX_PLACES: Final = 9  # the most decimal places a drawn magnitude has
_SIGNIFICANT: Final = 3  # drawn magnitudes keep at most this many significant digits

_ORG_NAMES: Final[Mapping[OrgKind, tuple[str, ...]]] = {
    OrgKind.MANUFACTURER: (
        "Sky Dynamics", "Falcon Aerospace", "Kestrel Systems", "Vector Aviation",
        "Nova Unmanned", "Orbit Aero", "Griffin Defence", "Steppe Aviation Works",
    ),
    OrgKind.STATE_AGENCY: (
        "{country} Ministry of Defence", "{country} Defence Export Agency",
        "{country} Procurement Agency",
    ),
    OrgKind.ARMED_FORCES: (
        "{country} Air Force", "{country} Army", "{country} Navy", "{country} National Guard",
    ),
    OrgKind.INTERMEDIARY: (
        "Vertex Trading", "Meridian Trade House", "Polar Logistics", "Atlas Supply",
    ),
    OrgKind.RESEARCH_INSTITUTE: (
        "{country} Aviation Research Institute", "Institute of Flight Systems",
    ),
    OrgKind.NON_STATE_GROUP: ("Northern Militia", "Mountain Brigade", "Coastal Front"),
}  # fmt: skip
_PLATFORM_WORDS: Final = (
    "Falcon", "Kestrel", "Harrier", "Condor", "Albatross", "Heron", "Swift", "Merlin",
    "Osprey", "Petrel", "Buzzard", "Shrike", "Tern", "Gannet", "Skua", "Lark",
)  # fmt: skip
_VARIANT_SUFFIXES: Final = ("A", "B", "M", "Block 2")
_TITLES: Final = (
    "Drone deal reported",
    "Ministry confirms drone purchase",
    "First drones delivered",
    "Talks on drone sale under way",
    "Drone factory opens",
    "Sanctions target drone suppliers",
    "Technical specifications",
)
_PUBLISHERS: Final = (
    "Reuters", "Defense News", "Janes", "SIPRI", "Army Technology", "Daily Sabah",
    "Eurasianet", "Der Spiegel",
)  # fmt: skip
_LANGUAGES: Final = ("en", "de", "it", "fr", "ru", "tr")
_NOTES: Final = ("", "Figures from the manufacturer.", "Reported by one source only.")
_FIGURE_NOTES: Final = ("", "export variant", "manufacturer's figure")
_PERSONS: Final = ("Ivan Petrov", "Ali Karimov", "Chen Wei")
_PROGRAMS: Final = ("OFAC SDN list", "EU Council Regulation 269/2014", "UK sanctions list")
_FACILITIES: Final = ("Main plant", "Assembly plant", "Dushanbe", "Kazan")
_CURRENCIES: Final = ("USD", "EUR", "TRY", "RUB", "CNY", "GBP", "ILS", "KZT")
_CONFIDENCES: Final = (
    Confidence.REPORTED,
    Confidence.UNCONFIRMED,
    Confidence.CONFIRMED,
    Confidence.DENIED,
)


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


def _country(value: object, name: str) -> Country:
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
    return st.sampled_from([_country(item, name) for item in _collection(given, name)])


def _check_years(min_year: int, max_year: int) -> None:
    for name, year in (("min_year", min_year), ("max_year", max_year)):
        if type(year) is not int or not MIN_YEAR <= year <= MAX_YEAR:
            raise InvalidArgument(f"{name}={year!r} is not a year in {MIN_YEAR}..{MAX_YEAR}")
    if min_year > max_year:
        raise InvalidArgument(f"min_year={min_year} is after max_year={max_year}")


def _check_limit(value: int, name: str, least: int = 0) -> None:
    if type(value) is not int or value < least:
        raise InvalidArgument(f"{name}={value!r} is not an int of at least {least}")


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


def _acronym(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper())


def _draw_org(
    draw: st.DrawFn, kinds: Sequence[OrgKind], country: Country | None = None
) -> Organization:
    kind = draw(st.sampled_from(kinds))
    where = country or _draw_country(draw)
    name = draw(st.sampled_from(_ORG_NAMES[kind])).format(country=where.name)
    acronym = _acronym(name)
    wanted = len(acronym) > 1 and acronym != name and draw(st.booleans())
    return Organization(name, country=where, kind=kind, aliases={acronym} if wanted else ())


@attrs.frozen
class _Orgs:
    """Where the organizations of a record come from: new ones, a strategy, or a pool.

    A market draws its organizations first and every record picks from that
    pool, so that every organization a record names is one the market holds.
    """

    pool: tuple[Organization, ...] | None = None
    strategy: SearchStrategy[Organization] | None = None
    by_kind: bool = True  # False: a caller's own collection, used whatever the kinds

    @classmethod
    def given(
        cls, given: Collection[Organization] | SearchStrategy[Organization] | None, name: str
    ) -> _Orgs:
        if given is None:
            return cls()
        if isinstance(given, SearchStrategy):
            return cls(strategy=given)
        items = tuple(_collection(given, name))
        for item in items:
            if not isinstance(item, Organization):
                raise InvalidArgument(f"{name} holds {item!r}, which is not an Organization")
        return cls(pool=items, by_kind=False)

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


# --- quantities and specs ------------------------------------------------------------------------


class _Bounds(NamedTuple):
    """Where a drawn quantity may lie, in SI base units."""

    low: float
    low_inclusive: bool
    high: float  # inclusive
    at_high: Quantity  # a valid quantity of SI magnitude `high`: the fallback


@functools.cache
def _si_factor(unit: str, dimension: Dimension) -> float:
    """Return what one `unit` is in SI base units, as `dronemarket` computes it."""
    return si_magnitude(quantity(f"1 {unit}", dimension))


@functools.cache
def _upper(name: str) -> Quantity:
    """Return the plausibility bound of spec `name` as a Quantity."""
    spec = SPEC_FIELDS[name]
    return quantity(spec.upper, spec.dimension)


def _magnitude(number: int, places: int) -> int | float:
    """Return ``number / 10**places``, as an int when it is whole."""
    scale: int = 10**places
    return number // scale if number % scale == 0 else number / scale


def _fits(magnitude: float, factor: float, bounds: _Bounds) -> bool:
    value = magnitude * factor  # exactly as units.si_magnitude computes it
    above = value >= bounds.low if bounds.low_inclusive else value > bounds.low
    return above and 0 < value <= bounds.high


def _span(factor: float, bounds: _Bounds, places: int) -> tuple[int, int] | None:
    """Return the integers n for which ``n / 10**places`` of the unit fits `bounds`."""
    scale: int = 10**places
    high = math.floor(bounds.high / factor * scale)
    low = max(1, math.ceil(bounds.low / factor * scale))
    for _ in range(3):  # float rounding may put an end a step outside the bounds
        if high >= low and not _fits(_magnitude(high, places), factor, bounds):
            high -= 1
        if low <= high and not _fits(_magnitude(low, places), factor, bounds):
            low += 1
    ends_fit = _fits(_magnitude(low, places), factor, bounds) and _fits(
        _magnitude(high, places), factor, bounds
    )
    return (low, high) if low <= high and ends_fit else None


def _published(number: int, low: int) -> int:
    """Round `number` down to a few significant digits, as published figures are."""
    digits = len(str(number))
    if digits <= _SIGNIFICANT:
        return number
    rounded = number - number % 10 ** (digits - _SIGNIFICANT)
    return rounded if rounded >= low else number


def _draw_quantity(
    draw: st.DrawFn, dimension: Dimension, units: Sequence[str], bounds: _Bounds
) -> Quantity:
    """Draw a quantity in one of `units`, with a short magnitude, within `bounds`."""
    first = draw(st.sampled_from(units))
    places = draw(st.integers(0, 2))
    for unit in (first, *(unit for unit in units if unit != first)):
        factor = _si_factor(unit, dimension)
        for tried in range(places, _MAX_PLACES + 1):
            span = _span(factor, bounds, tried)
            if span is not None:
                number = _published(draw(st.integers(*span)), span[0])
                return quantity(f"{_magnitude(number, tried)} {unit}", dimension)
    return bounds.at_high  # no short decimal fits (a very narrow range): the bound itself


def _draw_reported(draw: st.DrawFn, value: Quantity) -> Reported:
    """Return `value` as reported: plain (first), or with a source, estimate flag and note."""
    if not draw(st.booleans()):
        return Reported(value)
    source = _maybe(draw, lambda: _draw_source(draw))
    estimate = draw(st.booleans())
    return Reported(value, source, estimate=estimate, note=draw(st.sampled_from(_FIGURE_NOTES)))


def _draw_reports(
    draw: st.DrawFn, dimension: Dimension, units: Sequence[str], bounds: _Bounds, most: int
) -> list[Reported]:
    """Draw one to `most` distinct reported values (repeats are dropped)."""
    number = draw(st.integers(1, most))
    return _unique(
        _draw_reported(draw, _draw_quantity(draw, dimension, units, bounds)) for _ in range(number)
    )


def _spec_name_or_dimension(dimension: Dimension | str) -> tuple[Dimension, tuple[str, ...]]:
    """Return the dimension and the spec names whose bounds apply."""
    if isinstance(dimension, Dimension):
        names = tuple(name for name, spec in SPEC_FIELDS.items() if spec.dimension is dimension)
        return dimension, names
    given: object = dimension
    if isinstance(given, str) and given in SPEC_FIELDS:
        return SPEC_FIELDS[given].dimension, (given,)
    rule = f"a Dimension or a spec name ({', '.join(SPEC_FIELDS)})"
    raise InvalidArgument(f"dimension={dimension!r} is not {rule}")


def _bounds(
    dimension: Dimension | str,
    min_value: Quantity | str | None,
    max_value: Quantity | str | None,
) -> tuple[Dimension, _Bounds]:
    kind, names = _spec_name_or_dimension(dimension)
    top = min((_upper(name) for name in names), key=si_magnitude)
    low = 0.0
    try:
        if max_value is not None:
            given = quantity(max_value, kind, owner="quantities", field="max_value")
            top = given if si_magnitude(given) < si_magnitude(top) else top
        if min_value is not None:
            low = si_magnitude(quantity(min_value, kind, owner="quantities", field="min_value"))
    except ValidationError as error:
        raise InvalidArgument(str(error)) from None
    high = si_magnitude(top)
    if low > high:
        raise InvalidArgument(f"min_value={min_value!r} exceeds the largest allowed ({top})")
    return kind, _Bounds(low, min_value is not None, high, top)


def _units_of(kind: Dimension, units: Collection[str] | None) -> tuple[str, ...]:
    chosen = UNITS[kind] if units is None else tuple(_collection(units, "units"))
    for unit in chosen:
        try:
            _si_factor(unit, kind)
        except (ValidationError, TypeError):
            rule = f"units holds {unit!r}, which is not a unit of {kind.noun}"
            raise InvalidArgument(rule) from None
    return chosen


@st.composite
def _quantities(
    draw: st.DrawFn, dimension: Dimension, units: tuple[str, ...], bounds: _Bounds
) -> Quantity:
    return _draw_quantity(draw, dimension, units, bounds)


def quantities(
    dimension: Dimension | str,
    *,
    min_value: Quantity | str | None = None,
    max_value: Quantity | str | None = None,
    units: Collection[str] | None = None,
) -> SearchStrategy[Quantity]:
    """Generate positive quantities of `dimension`, in realistic units.

    `dimension` is a :class:`~dronemarket.Dimension`, or the name of a spec
    (``"mtow"``, ``"ceiling"``) whose plausibility bound then applies.
    Values lie in ``(0, bound]``, where the bound is the spec's from
    :data:`~dronemarket.SPEC_FIELDS`, or for a dimension the tightest bound
    of any spec of that dimension (so the value fits every such spec).
    `min_value` (inclusive) and `max_value` narrow that range; they take a
    Quantity or a string such as ``"500 kg"``.

    Each value is published in a unit drawn from `units` (default: those in
    :data:`UNITS`, such as m, ft and km for a length), and its magnitude is
    a short decimal with at most three significant digits (``12.5 m``,
    ``630 kg``), so failing examples shrink to figures one can read.
    """
    kind, bounds = _bounds(dimension, min_value, max_value)
    return _quantities(kind, _units_of(kind, units), bounds)


@st.composite
def _reported(
    draw: st.DrawFn, dimension: Dimension, units: tuple[str, ...], bounds: _Bounds
) -> Reported:
    return _draw_reported(draw, _draw_quantity(draw, dimension, units, bounds))


def reported(
    dimension: Dimension | str,
    *,
    min_value: Quantity | str | None = None,
    max_value: Quantity | str | None = None,
) -> SearchStrategy[Reported]:
    """Generate :class:`~dronemarket.Reported` values: a quantity, maybe with a source.

    The value is drawn as :func:`quantities` draws it, with the same
    arguments; examples shrink to a plain value with no source.
    """
    kind, bounds = _bounds(dimension, min_value, max_value)
    return _reported(kind, UNITS[kind], bounds)


@st.composite
def _figures(draw: st.DrawFn, dimension: Dimension, bounds: _Bounds, most: int) -> Figure:
    return Figure(tuple(_draw_reports(draw, dimension, UNITS[dimension], bounds, most)))


def figures(
    dimension: Dimension | str,
    *,
    min_value: Quantity | str | None = None,
    max_value: Quantity | str | None = None,
    max_reports: int = 3,
) -> SearchStrategy[Figure]:
    """Generate :class:`~dronemarket.Figure` s: one to `max_reports` distinct reported values.

    The values are drawn as :func:`reported` draws them.
    """
    _check_limit(max_reports, "max_reports", 1)
    kind, bounds = _bounds(dimension, min_value, max_value)
    return _figures(kind, bounds, max_reports)


def _draw_order() -> tuple[str, ...]:
    """Return the spec names so that each larger spec of a pair comes before the smaller."""
    order: list[str] = []

    def place(name: str) -> None:
        if name in order:
            return
        for smaller, larger in _ORDERED_PAIRS:
            if smaller == name:
                place(larger)
        order.append(name)

    for name in SPEC_FIELDS:
        place(name)
    return tuple(order)


_DRAW_ORDER: Final = _draw_order()
_LARGER: Final = {
    name: tuple(larger for smaller, larger in _ORDERED_PAIRS if smaller == name)
    for name in SPEC_FIELDS
}


def _preferred(value: Quantity | Figure) -> Quantity:
    return value.preferred if isinstance(value, Figure) else value


def _field_bounds(name: str, drawn: Mapping[str, Quantity | Figure]) -> _Bounds:
    """Return where spec `name` may lie, given the larger specs of its pairs already drawn."""
    top = _upper(name)
    for larger in _LARGER[name]:
        value = drawn.get(larger)
        if value is not None and si_magnitude(_preferred(value)) < si_magnitude(top):
            # Every report at most the larger spec's preferred value satisfies both
            # cross-field rules (preferred <= preferred, and max <= max).
            top = _preferred(value)
    return _Bounds(low=0.0, low_inclusive=False, high=si_magnitude(top), at_high=top)


@st.composite
def _specs(draw: st.DrawFn, fields: frozenset[str], required: frozenset[str], most: int) -> Specs:
    drawn: dict[str, Quantity | Figure] = {}
    for name in _DRAW_ORDER:
        if name not in fields or (name not in required and draw(st.integers(0, 2)) != 2):
            continue  # about a third of the specs are known, as for most platforms
        spec = SPEC_FIELDS[name]
        bounds = _field_bounds(name, drawn)
        reports = _draw_reports(draw, spec.dimension, _FIELD_UNITS[name], bounds, most)
        plain = len(reports) == 1 and reports[0] == Reported(reports[0].value)
        drawn[name] = reports[0].value if plain else Figure(tuple(reports))
    return Specs(**cast("SpecInputs", drawn))


def _spec_names(given: Collection[str] | None, name: str) -> frozenset[str]:
    if given is None:
        return frozenset(SPEC_FIELDS)
    names = frozenset(given) if not given else frozenset(_collection(given, name))
    unknown = sorted(names - set(SPEC_FIELDS))
    if unknown:
        raise InvalidArgument(f"{name} holds {unknown}, which are not specs")
    return names


def specs(
    *,
    fields: Collection[str] | None = None,
    required: Collection[str] = (),
    max_reports: int = 2,
) -> SearchStrategy[Specs]:
    """Generate valid :class:`~dronemarket.Specs`.

    Each spec named in `fields` (default: all of
    :data:`~dronemarket.SPEC_FIELDS`) may be present; those in `required`
    always are. A spec holds one to `max_reports` reported values, each in
    a unit that spec is published in (feet or metres for a ceiling, knots
    or km/h for a speed). The cross-field rules hold by construction, not by
    filtering: the larger spec of each pair (take-off mass, payload, range,
    maximum speed) is drawn first, and every value of the smaller one is at
    most its preferred value. Examples shrink to ``Specs()``.
    """
    chosen = _spec_names(fields, "fields")
    needed = _spec_names(required, "required")
    if not needed <= chosen:
        raise InvalidArgument(f"required={sorted(needed)} names specs not in fields")
    _check_limit(max_reports, "max_reports", 1)
    return _specs(chosen, needed, max_reports)


_any_specs = specs  # for functions whose `specs` argument hides this one


# --- dates, sources, parties --------------------------------------------------------------------


@st.composite
def _partial_dates(
    draw: st.DrawFn, min_year: int, max_year: int, precisions: tuple[Precision, ...]
) -> PartialDate:
    return _draw_date(draw, min_year, max_year, precisions)


def partial_dates(
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
    *,
    precision: Precision | Collection[Precision] | None = None,
) -> SearchStrategy[PartialDate]:
    """Generate :class:`~dronemarket.PartialDate` s between `min_year` and `max_year`.

    `precision` is ``"year"``, ``"month"`` or ``"day"``, or a collection of
    them (default: any). Dates shrink to the year `min_year`.
    """
    _check_years(min_year, max_year)
    wanted: Collection[str] = (
        _PRECISIONS
        if precision is None
        else (precision,)
        if isinstance(precision, str)
        else _collection(precision, "precision")
    )
    if not set(wanted) <= set(_PRECISIONS):
        raise InvalidArgument(f"precision={precision!r} is not one of {_PRECISIONS}")
    return _partial_dates(min_year, max_year, tuple(p for p in _PRECISIONS if p in wanted))


@st.composite
def _sources(draw: st.DrawFn, languages: tuple[str, ...]) -> Source:
    return _draw_source(draw, languages)


def sources(*, languages: Collection[str] | None = None) -> SearchStrategy[Source]:
    """Generate :class:`~dronemarket.Source` s: a realistic headline and publisher.

    `languages` restricts the ISO 639-1 codes (default: en, de, it, fr, ru, tr).
    Sources shrink to an English Reuters article with no date or address.
    """
    chosen = _LANGUAGES if languages is None else tuple(_collection(languages, "languages"))
    for code in chosen:
        try:
            Source("title", publisher="publisher", language=code)
        except ValidationError:
            raise InvalidArgument(f"languages holds {code!r}, not an ISO 639-1 code") from None
    return _sources(chosen)


def countries(*, codes: Collection[str] | None = None) -> SearchStrategy[Country]:
    """Generate :class:`~dronemarket.Country` s.

    Drawn from `codes` (ISO 3166-1 alpha-3), by default from
    :data:`COUNTRY_CODES`, countries that make or buy military drones.
    Examples shrink to the first code (Türkiye by default).
    """
    if codes is None:
        return st.sampled_from(COUNTRY_CODES).map(Country)
    chosen = [_country(code, "codes").code for code in _collection(codes, "codes")]
    return st.sampled_from(chosen).map(Country)


@st.composite
def _organizations(
    draw: st.DrawFn, kinds: tuple[OrgKind, ...], where: SearchStrategy[Country] | None
) -> Organization:
    return _draw_org(draw, kinds, None if where is None else draw(where))


def organizations(
    *,
    kinds: Collection[OrgKind] | None = None,
    countries: Collection[Country | str] | SearchStrategy[Country] | None = None,
) -> SearchStrategy[Organization]:
    """Generate :class:`~dronemarket.Organization` s of the given `kinds` and `countries`.

    Names are realistic and readable ("Sky Dynamics", "Kazakhstan Air
    Force"); `countries` is a collection of countries (or alpha-3 codes) or
    a strategy, by default :func:`countries`.
    """
    return _organizations(_members(kinds, OrgKind, "kinds"), _countries_of(countries, "countries"))


def _draw_supplier(
    draw: st.DrawFn,
    where: SearchStrategy[Country] | None,
    makers: _Orgs,
    known: bool | None,
) -> Supplier:
    if known is False or (known is None and draw(st.integers(0, 4)) == 4):
        return Supplier()
    country = _draw_country(draw) if where is None else draw(where)
    return Supplier(country, manufacturer=makers.maybe(draw, _MAKERS, country))


@st.composite
def _suppliers(
    draw: st.DrawFn, where: SearchStrategy[Country] | None, makers: _Orgs, known: bool | None
) -> Supplier:
    return _draw_supplier(draw, where, makers, known)


def suppliers(
    *,
    countries: Collection[Country | str] | SearchStrategy[Country] | None = None,
    manufacturers: Collection[Organization] | SearchStrategy[Organization] | None = None,
    known: bool | None = None,
) -> SearchStrategy[Supplier]:
    """Generate :class:`~dronemarket.Supplier` s: an exporting country, maybe with its maker.

    The manufacturer, when there is one, is drawn from `manufacturers`, by
    default a new one in the supplier's country. `known=True` always gives
    a country, `known=False` always the unknown ``Supplier()``; by default
    about one in five is unknown.
    """
    orgs = _Orgs.given(manufacturers, "manufacturers")
    return _suppliers(_countries_of(countries, "countries"), orgs, known)


def _draw_recipient(
    draw: st.DrawFn,
    country_of: Callable[[], Country],
    users: _Orgs,
    known: bool | None,
) -> Recipient:
    country = None
    if known is True or (known is None and draw(st.integers(0, 4)) != 4):
        country = country_of()
    end_user = users.maybe(draw, _END_USERS, country)
    if country is None and end_user is not None and end_user.kind is not OrgKind.NON_STATE_GROUP:
        end_user = None  # only a non-state group is named without the recipient's country
    return Recipient(country, end_user=end_user)


@st.composite
def _recipients(
    draw: st.DrawFn, where: SearchStrategy[Country] | None, users: _Orgs, known: bool | None
) -> Recipient:
    def country_of() -> Country:
        return _draw_country(draw) if where is None else draw(where)

    return _draw_recipient(draw, country_of, users, known)


def recipients(
    *,
    countries: Collection[Country | str] | SearchStrategy[Country] | None = None,
    end_users: Collection[Organization] | SearchStrategy[Organization] | None = None,
    known: bool | None = None,
) -> SearchStrategy[Recipient]:
    """Generate :class:`~dronemarket.Recipient` s: an importing country, maybe with its end user.

    The end user, when there is one, is drawn from `end_users`, by default a
    new armed service, ministry or non-state group in the recipient's
    country. `known` works as in :func:`suppliers`.
    """
    orgs = _Orgs.given(end_users, "end_users")
    return _recipients(_countries_of(countries, "countries"), orgs, known)


def _draw_statement(
    draw: st.DrawFn, positions: Sequence[Confidence], party: Callable[[], Organization | Country]
) -> Statement:
    return Statement(
        party(),
        position=draw(st.sampled_from(positions)),
        source=_draw_source(draw),
        date=_maybe(draw, lambda: _draw_date(draw)),
        quote=draw(st.sampled_from(("", "We deny these reports.", "The contract is signed."))),
    )


_POSITIONS: Final = (Confidence.DENIED, Confidence.CONFIRMED)


@st.composite
def _statements(
    draw: st.DrawFn,
    positions: tuple[Confidence, ...],
    parties: SearchStrategy[Organization | Country] | None,
) -> Statement:
    def party() -> Organization | Country:
        if parties is not None:
            return draw(parties)
        if draw(st.booleans()):
            return _draw_org(draw, tuple(OrgKind))
        return _draw_country(draw)

    return _draw_statement(draw, positions, party)


def statements(
    *,
    positions: Collection[Confidence] | None = None,
    parties: Collection[Organization | Country]
    | SearchStrategy[Organization | Country]
    | None = None,
) -> SearchStrategy[Statement]:
    """Generate :class:`~dronemarket.Statement` s: a party confirming or denying a fact.

    `positions` is a subset of ``{CONFIRMED, DENIED}`` (default: both);
    `parties` by default are countries or new organizations.
    """
    chosen = _POSITIONS if positions is None else _members(positions, Confidence, "positions")
    if not set(chosen) <= set(_POSITIONS):
        raise InvalidArgument(f"positions={positions!r}: a party only confirms or denies")
    return _statements(tuple(p for p in _POSITIONS if p in chosen), _choose(parties, "parties"))


def _draw_sanction(
    draw: st.DrawFn,
    authorities: Sequence[SanctionAuthority],
    target: Callable[[], Organization | str],
) -> Sanction:
    return Sanction(
        draw(st.sampled_from(authorities)),
        target=target(),
        imposed=_maybe(draw, lambda: _draw_date(draw)),
        sources=_draw_sources(draw),
        program=_maybe(draw, lambda: draw(st.sampled_from(_PROGRAMS))),
    )


@st.composite
def _sanctions(
    draw: st.DrawFn,
    authorities: tuple[SanctionAuthority, ...],
    targets: SearchStrategy[Organization | str] | None,
) -> Sanction:
    def target() -> Organization | str:
        if targets is not None:
            return draw(targets)
        if draw(st.booleans()):
            return draw(st.sampled_from(_PERSONS))
        return _draw_org(
            draw, (OrgKind.INTERMEDIARY, *(k for k in OrgKind if k not in _GO_BETWEENS))
        )

    return _draw_sanction(draw, authorities, target)


def sanctions(
    *,
    authorities: Collection[SanctionAuthority] | None = None,
    targets: Collection[Organization | str] | SearchStrategy[Organization | str] | None = None,
) -> SearchStrategy[Sanction]:
    """Generate :class:`~dronemarket.Sanction` s on an organization or a person.

    `targets` by default are new organizations (intermediaries first) or a
    person's name.
    """
    return _sanctions(
        _members(authorities, SanctionAuthority, "authorities"), _choose(targets, "targets")
    )


# --- counts, deliveries, money ------------------------------------------------------------------


def _draw_count(draw: st.DrawFn, kinds: Sequence[CountKind], low: int, high: int) -> Count:
    kind = draw(st.sampled_from(kinds))
    first = draw(st.integers(low, high))
    if kind == "exact":
        return Count.exact(first)
    worded = draw(st.booleans())
    if kind == "between":
        second = draw(st.integers(first, high))
        wording = f"between {first} and {second}" if worded else ""
        return Count.between(first, second, wording=wording)
    make = {"about": Count.about, "at_least": Count.at_least, "up_to": Count.up_to}[kind]
    return make(first, wording=f"{kind.replace('_', ' ')} {first}" if worded else "")


_ESTIMATES: Final[tuple[CountKind, ...]] = ("about", "between", "at_least", "up_to")
_COUNT_HIGH: Final = 500


@st.composite
def _counts(draw: st.DrawFn, kinds: tuple[CountKind, ...], low: int, high: int) -> Count:
    return _draw_count(draw, kinds, low, high)


def counts(
    *,
    kinds: Collection[CountKind] | None = None,
    min_value: int = 1,
    max_value: int = _COUNT_HIGH,
) -> SearchStrategy[Count]:
    """Generate :class:`~dronemarket.Count` s: exact, or an estimate or a range.

    `kinds` chooses among ``"exact"``, ``"about"``, ``"between"``,
    ``"at_least"`` and ``"up_to"`` (the :class:`~dronemarket.Count`
    constructors of the same names); every figure lies in
    ``min_value..max_value``. Counts shrink to ``Count.exact(min_value)``.
    """
    wanted = _COUNT_KINDS if kinds is None else _collection(kinds, "kinds")
    if not set(wanted) <= set(_COUNT_KINDS):
        raise InvalidArgument(f"kinds={kinds!r} is not a collection of {_COUNT_KINDS}")
    for name, value in (("min_value", min_value), ("max_value", max_value)):
        if type(value) is not int or not 1 <= value <= MAX_COUNT:
            raise InvalidArgument(f"{name}={value!r} is not an int in 1..{MAX_COUNT}")
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value} exceeds max_value={max_value}")
    return _counts(tuple(k for k in _COUNT_KINDS if k in wanted), min_value, max_value)


_any_counts = counts  # for functions whose `counts` argument hides this one


@st.composite
def _deliveries(
    draw: st.DrawFn, floor: PartialDate | None, number: SearchStrategy[Count] | None
) -> Delivery:
    date = _maybe(draw, lambda: _draw_date_from(draw, floor))
    if number is not None:
        return Delivery(date, _maybe(draw, lambda: draw(number)))
    return Delivery(date, _maybe(draw, lambda: _draw_count(draw, _COUNT_KINDS, 1, _COUNT_HIGH)))


def deliveries(
    *,
    not_before: PartialDate | None = None,
    counts: SearchStrategy[Count] | None = None,
) -> SearchStrategy[Delivery]:
    """Generate :class:`~dronemarket.Delivery` s, never surely before `not_before`.

    A delivery's date or count may be unknown (None); `counts` defaults to
    :func:`counts`.
    """
    if not_before is not None and not isinstance(not_before, PartialDate):
        raise InvalidArgument(f"not_before={not_before!r} is not a PartialDate")
    return _deliveries(not_before, counts)


def _draw_money(draw: st.DrawFn, currencies: Sequence[str], low: Decimal, high: Decimal) -> Money:
    currency = draw(st.sampled_from(currencies))
    estimate = draw(st.booleans())
    amount = Decimal(draw(st.integers(1, 999)) * 10 ** draw(st.integers(0, 9)))
    if draw(st.booleans()):  # an amount with cents, now and then
        amount += Decimal(draw(st.integers(1, 99))) / 100
    if not low <= amount <= high:
        amount = draw(st.decimals(low, high, places=2))
    return Money(amount, currency, estimate=estimate)


@st.composite
def _money(draw: st.DrawFn, currencies: tuple[str, ...], low: Decimal, high: Decimal) -> Money:
    return _draw_money(draw, currencies, low, high)


def money(
    *,
    currencies: Collection[str] | None = None,
    min_value: Decimal | int = 1,
    max_value: Decimal | int = MAX_AMOUNT,
) -> SearchStrategy[Money]:
    """Generate :class:`~dronemarket.Money`: a Decimal amount in an ISO 4217 currency.

    Amounts are round (``69000000``) or carry cents, within
    ``min_value..max_value``; `currencies` defaults to a few common ones
    (USD first).
    """
    chosen = _CURRENCIES if currencies is None else tuple(_collection(currencies, "currencies"))
    try:
        low, high = Money(min_value, chosen[0]).amount, Money(max_value, chosen[0]).amount
        for code in chosen:
            Money(1, code)
    except ValidationError as error:
        raise InvalidArgument(str(error)) from None
    if low > high:
        raise InvalidArgument(f"min_value={min_value} exceeds max_value={max_value}")
    return _money(chosen, low, high)


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


# --- deals and production -----------------------------------------------------------------------


_NO_DELIVERY: Final = PRE_ORDER | {DealStatus.ORDERED}
_TRIES: Final = 5  # draws of a caller's recipient (or host) to find one in another country


def _platforms_of(
    given: Collection[Platform] | SearchStrategy[Platform] | None,
) -> SearchStrategy[Platform]:
    chosen = _choose(given, "platforms")
    return _any_platforms() if chosen is None else chosen


class _DealArgs(NamedTuple):
    statuses: tuple[DealStatus, ...]
    platforms: SearchStrategy[Platform]
    suppliers: SearchStrategy[Supplier] | None  # None: mostly the platform's maker
    recipients: SearchStrategy[Recipient] | None  # None: one in another country
    orgs: _Orgs


def _draw_maker_supplier(draw: st.DrawFn, platform: Platform, orgs: _Orgs) -> Supplier:
    """Return the platform's maker as supplier (first), else a drawn supplier."""
    maker = platform.manufacturer
    if maker is not None and not draw(st.booleans()):
        return Supplier(maker.country, manufacturer=maker)
    return _draw_supplier(draw, None, orgs, None)


def _draw_other(draw: st.DrawFn, strategy: SearchStrategy[T], ok: Callable[[T], bool]) -> T:
    """Draw from a caller's strategy until `ok` holds (a few tries, then reject the example)."""
    for _ in range(_TRIES):
        value = draw(strategy)
        if ok(value):
            return value
    assume(False)  # noqa: FBT003 - hypothesis' own API
    raise AssertionError  # pragma: no cover - assume(False) does not return


def _draw_deliveries(
    draw: st.DrawFn, status: DealStatus, ordered: PartialDate | None, ordered_count: Count | None
) -> list[Delivery]:
    """Draw deliveries that agree with the status, the order date and the quantity's bound.

    What is surely delivered (the sum of the counts' floors) stays within the
    most that was ordered (the quantity's ``high``), as :class:`Deal` requires.
    """
    if status in _NO_DELIVERY:
        return []
    number = draw(st.integers(1 if status in DELIVERY_BEGUN else 0, 3))
    budget = ordered_count.high if ordered_count is not None else None
    made: list[Delivery] = []
    for _ in range(number):
        date = _maybe(draw, lambda: _draw_date_from(draw, ordered))
        count: Count | None
        if budget is None:
            count = _maybe(draw, lambda: _draw_count(draw, _COUNT_KINDS, 1, _COUNT_HIGH))
        elif budget > 0:
            count = _maybe(draw, functools.partial(_draw_count, draw, _COUNT_KINDS, 1, budget))
            budget -= count.floor if count is not None else 0
        else:  # nothing more can surely be delivered: an unknown count adds nothing
            count = None
        made.append(Delivery(date, count))
    return made


def _draw_backing(
    draw: st.DrawFn, *countries: Country | None
) -> tuple[Confidence, list[Statement]]:
    """Draw a confidence and statements that back it (a confirmed record has a confirmation).

    The parties are the record's own countries, so a market needs to hold no
    extra organization for them.
    """
    present = [country for country in countries if country is not None] or list(
        map(Country, COUNTRY_CODES[:2])
    )

    def party() -> Country:
        return draw(st.sampled_from(present))

    confidence = draw(st.sampled_from(_CONFIDENCES))
    made = [_draw_statement(draw, _POSITIONS, party) for _ in range(draw(st.integers(0, 1)))]
    if confidence in _POSITIONS:
        made.insert(0, _draw_statement(draw, (confidence,), party))
    return confidence, _unique(made)


def _draw_deal(draw: st.DrawFn, args: _DealArgs) -> Deal:
    platform = draw(args.platforms)
    if args.suppliers is None:
        supplier = _draw_maker_supplier(draw, platform, args.orgs)
    else:
        supplier = draw(args.suppliers)
    if args.recipients is None:
        recipient = _draw_recipient(
            draw, lambda: _draw_country(draw, other_than=supplier.country), args.orgs, None
        )
    else:
        recipient = _draw_other(
            draw, args.recipients, lambda r: r.country is None or r.country != supplier.country
        )
    status = draw(st.sampled_from(args.statuses))
    ordered = None if status in PRE_ORDER else _maybe(draw, lambda: _draw_date(draw))
    ordered_count = _maybe(draw, lambda: _draw_count(draw, _COUNT_KINDS, 1, _COUNT_HIGH))
    go_betweens = [args.orgs.one(draw, _GO_BETWEENS, None) for _ in range(draw(st.integers(0, 2)))]
    confidence, said = _draw_backing(draw, supplier.country, recipient.country)
    return Deal(
        supplier=supplier,
        recipient=recipient,
        platform=platform,
        status=status,
        sources=_draw_sources(draw),
        ordered=ordered,
        announced=_maybe(draw, lambda: _draw_date(draw)),
        quantity=ordered_count,
        deliveries=_draw_deliveries(draw, status, ordered, ordered_count),
        value=_maybe(draw, lambda: _draw_money(draw, _CURRENCIES, Decimal(1), MAX_AMOUNT)),
        intermediaries=_unique(org for org in go_betweens if org is not None),
        condition=draw(st.none() | st.sampled_from(Condition)),
        confidence=confidence,
        statements=said,
        notes=draw(st.sampled_from(_NOTES)),
    )


@st.composite
def _deals(draw: st.DrawFn, args: _DealArgs) -> Deal:
    return _draw_deal(draw, args)


def deals(
    *,
    statuses: Collection[DealStatus] | None = None,
    platforms: Collection[Platform] | SearchStrategy[Platform] | None = None,
    suppliers: Collection[Supplier] | SearchStrategy[Supplier] | None = None,
    recipients: Collection[Recipient] | SearchStrategy[Recipient] | None = None,
) -> SearchStrategy[Deal]:
    """Generate valid :class:`~dronemarket.Deal` s.

    Every rule of :class:`~dronemarket.Deal` holds by construction: the
    status agrees with the order date and the deliveries, no delivery is
    surely before the order, exact deliveries never exceed an exact
    quantity, supplier and recipient countries differ, there is at least
    one source, and a confirmed or denied deal carries a party's statement
    saying so. `statuses` restricts the status; `platforms`, `suppliers`
    and `recipients` take a collection to choose from or a strategy. By
    default the supplier is mostly the platform's manufacturer and its
    country, and the recipient is in another country. A recipient drawn
    from `recipients` in the supplier's country is drawn again, so those
    two arguments must allow some pair of different countries.
    """
    args = _DealArgs(
        _members(statuses, DealStatus, "statuses"),
        _platforms_of(platforms),
        _choose(suppliers, "suppliers"),
        _choose(recipients, "recipients"),
        _Orgs(),
    )
    return _deals(args)


class _ProductionArgs(NamedTuple):
    arrangements: tuple[Arrangement, ...]
    statuses: tuple[ProductionStatus, ...]
    platforms: SearchStrategy[Platform]
    licensors: SearchStrategy[Supplier] | None  # None: mostly the platform's maker
    hosts: SearchStrategy[Country] | None  # None: a country other than the licensor's
    orgs: _Orgs


def _draw_produced(
    draw: st.DrawFn, status: ProductionStatus, planned: Count | None
) -> Count | None:
    """Draw a produced count that agrees with the status and the planned count's bound."""
    if status in NOT_STARTED:
        return None
    most = planned.high if planned is not None else None
    return _maybe(draw, lambda: _draw_count(draw, _COUNT_KINDS, 1, most or _COUNT_HIGH))


def _draw_production(draw: st.DrawFn, args: _ProductionArgs) -> LicensedProduction:
    platform = draw(args.platforms)
    if args.licensors is None:
        licensor = _draw_maker_supplier(draw, platform, args.orgs)
    else:
        licensor = draw(args.licensors)
    if args.hosts is None:
        host = _draw_country(draw, other_than=licensor.country)
    else:
        host = _draw_other(draw, args.hosts, lambda country: country != licensor.country)
    status = draw(st.sampled_from(args.statuses))
    agreed = _maybe(draw, lambda: _draw_date(draw))
    planned = _maybe(draw, lambda: _draw_count(draw, _COUNT_KINDS, 1, _COUNT_HIGH))
    confidence, said = _draw_backing(draw, licensor.country, host)
    return LicensedProduction(
        platform=platform,
        licensor=licensor,
        host=host,
        arrangement=draw(st.sampled_from(args.arrangements)),
        status=status,
        sources=_draw_sources(draw),
        licensee=args.orgs.maybe(draw, _LICENSEES, host),
        announced=_maybe(draw, lambda: _draw_date(draw)),
        agreed=agreed,
        started=_not_before(_maybe(draw, lambda: _draw_date(draw)), agreed),
        facility=_maybe(draw, lambda: draw(st.sampled_from(_FACILITIES))),
        planned=planned,
        produced=_draw_produced(draw, status, planned),
        confidence=confidence,
        statements=said,
        notes=draw(st.sampled_from(_NOTES)),
    )


@st.composite
def _licensed_production(draw: st.DrawFn, args: _ProductionArgs) -> LicensedProduction:
    return _draw_production(draw, args)


def licensed_production(
    *,
    arrangements: Collection[Arrangement] | None = None,
    statuses: Collection[ProductionStatus] | None = None,
    platforms: Collection[Platform] | SearchStrategy[Platform] | None = None,
    licensors: Collection[Supplier] | SearchStrategy[Supplier] | None = None,
    hosts: Collection[Country | str] | SearchStrategy[Country] | None = None,
) -> SearchStrategy[LicensedProduction]:
    """Generate valid :class:`~dronemarket.LicensedProduction` records.

    Every rule holds by construction: the host differs from the licensor's
    country, production does not start surely before the agreement, an
    exact produced count does not exceed an exact planned one, nothing is
    produced before production starts, there is at least one source, and a
    confirmed or denied record carries a party's statement. The arguments
    restrict each field as in :func:`deals`; by default the licensor is
    mostly the platform's manufacturer and its country.
    """
    args = _ProductionArgs(
        _members(arrangements, Arrangement, "arrangements"),
        _members(statuses, ProductionStatus, "statuses"),
        _platforms_of(platforms),
        _choose(licensors, "licensors"),
        _countries_of(hosts, "hosts"),
        _Orgs(),
    )
    return _licensed_production(args)


# --- cooperation -------------------------------------------------------------------------------

_SUMMARIES: Final = {
    CooperationKind.VISIT: "A delegation inspects the drone",
    CooperationKind.MEETING: "Defence ministers discuss drones",
    CooperationKind.AGREEMENT: "A memorandum on drone cooperation is signed",
    CooperationKind.BUDGET: "Money is set aside for drones",
    CooperationKind.PROPOSAL: "A purchase of drones is proposed",
    CooperationKind.EXPERTISE: "Experts help develop drones",
    CooperationKind.EXERCISE: "A joint exercise with drones",
}


class _CooperationArgs(NamedTuple):
    kinds: tuple[CooperationKind, ...]
    parties: SearchStrategy[Organization | Country] | None  # None: countries or new orgs
    platforms: SearchStrategy[Platform] | None  # None: the record concerns no platform


def _draw_cooperation(draw: st.DrawFn, args: _CooperationArgs) -> Cooperation:
    kind = draw(st.sampled_from(args.kinds))

    def party() -> Organization | Country:
        if args.parties is not None:
            return draw(args.parties)
        if draw(st.booleans()):
            return _draw_org(
                draw, (OrgKind.STATE_AGENCY, OrgKind.ARMED_FORCES, OrgKind.MANUFACTURER)
            )
        return _draw_country(draw)

    least = 2 if kind in MULTILATERAL_KINDS else 1
    parties = _unique(party() for _ in range(draw(st.integers(least, 3))))
    for _ in range(_TRIES):  # repeats were dropped: draw until there are enough parties
        if len(parties) >= least:
            break
        candidate = party()
        if candidate not in parties:
            parties.append(candidate)
    assume(len(parties) >= least)
    start = _maybe(draw, lambda: _draw_date(draw))
    value = _maybe(draw, lambda: _draw_money(draw, _CURRENCIES, Decimal(1), MAX_AMOUNT))
    if kind is CooperationKind.BUDGET and value is None:
        value = _draw_money(draw, _CURRENCIES, Decimal(1), MAX_AMOUNT)
    countries = (p if isinstance(p, Country) else p.country for p in parties)
    confidence, said = _draw_backing(draw, *countries)
    return Cooperation(
        kind=kind,
        parties=parties,
        summary=_SUMMARIES.get(kind, f"{kind.value.capitalize()} on drones"),
        sources=_draw_sources(draw),
        start=start,
        end=_not_before(_maybe(draw, lambda: _draw_date(draw)), start),
        platforms=_draw_concerned(draw, args.platforms),
        value=value,
        confidence=confidence,
        statements=said,
        notes=draw(st.sampled_from(_NOTES)),
    )


def _draw_concerned(draw: st.DrawFn, platforms: SearchStrategy[Platform] | None) -> list[Platform]:
    """Draw the platforms a cooperation record concerns: none to two, none without a pool."""
    if platforms is None:
        return []
    return _unique(draw(platforms) for _ in range(draw(st.integers(0, 2))))


@st.composite
def _cooperations(draw: st.DrawFn, args: _CooperationArgs) -> Cooperation:
    return _draw_cooperation(draw, args)


def cooperations(
    *,
    kinds: Collection[CooperationKind] | None = None,
    parties: Collection[Organization | Country]
    | SearchStrategy[Organization | Country]
    | None = None,
    platforms: Collection[Platform] | SearchStrategy[Platform] | None = None,
) -> SearchStrategy[Cooperation]:
    """Generate valid :class:`~dronemarket.Cooperation` records.

    Every rule holds by construction: visits, meetings, agreements and
    exercises have two or more distinct parties, every record at least one;
    the end is not surely before the start; a budget carries its amount;
    there is at least one source; a confirmed or denied record carries a
    party's statement. `parties` by default are countries or new
    organizations; `platforms` (default: :func:`platforms`) are the ones it
    concerns, none to two. The parties given must allow two distinct ones.
    """
    args = _CooperationArgs(
        _members(kinds, CooperationKind, "kinds"),
        _choose(parties, "parties"),
        _platforms_of(platforms),
    )
    return _cooperations(args)


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
