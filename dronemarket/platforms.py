"""Platforms and their specifications.

A spec is a Quantity in the unit it was published in. Published figures
disagree, so a spec can hold every reported value, each with its source; plain
attribute access answers with the *preferred* one, the first given:

>>> import dronemarket as dm
>>> army_tech = dm.Source("Bayraktar TB2", publisher="Army Technology")
>>> baykar_site = dm.Source("Bayraktar TB2 technical specifications", publisher="Baykar")
>>> specs = dm.Specs(
...     mtow=[dm.Reported("650 kg", baykar_site), dm.Reported("630 kg", army_tech)],
...     payload=[dm.Reported("150 kg", baykar_site), dm.Reported("55 kg", army_tech)],
...     ceiling="25,000 ft",
... )
>>> specs.mtow
<Quantity(650, 'kilogram')>
>>> [str(report) for report in specs.reported("payload")]
['150 kg (Baykar)', '55 kg (Army Technology)']
>>> specs.disputed
('mtow', 'payload')

Specs are equal, and hash equal, by value whatever the unit spelling:

>>> dm.Specs(wingspan="12 m") == dm.Specs(wingspan="1200 cm")
True
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import (
    TYPE_CHECKING,
    Any,
    Final,
    NamedTuple,
    TypedDict,
    Unpack,
    overload,
)

import attrs
import pint
from attrs import field, frozen
from pint.util import UnitsContainer

from dronemarket import _validate as v
from dronemarket.dates import PartialDate
from dronemarket.errors import UnitError, ValidationError
from dronemarket.parties import Organization
from dronemarket.sources import Source
from dronemarket.units import (
    Dimension,
    Quantity,
    _new,
    quantity,
    registry,
    rounded,
    si_magnitude,
    unit_label,
    unit_of,
    unit_table,
)

if TYPE_CHECKING:
    from typing import Self

__all__ = [
    "SPEC_FIELDS",
    "Category",
    "Figure",
    "Platform",
    "Reported",
    "Role",
    "SpecField",
    "Specs",
]


class Category(enum.Enum):
    """The kind of platform, as the trade and the press classify them."""

    HALE = "HALE"
    """High altitude, long endurance."""
    MALE = "MALE"
    """Medium altitude, long endurance (Bayraktar TB2, Anka-S, Wing Loong)."""
    UCAV = "UCAV"
    """Unmanned combat aerial vehicle, built for strike first (Bayraktar TB3)."""
    TACTICAL = "tactical"
    """Tactical UAV for brigade- or division-level use (Ababil-2)."""
    SMALL = "small"
    """Small and mini UAVs, hand- or rail-launched."""
    LOITERING_MUNITION = "loitering munition"
    """Loiters over a target area and attacks on command (Kargu)."""
    ONE_WAY_ATTACK = "one-way attack"
    """Flies a pre-set course to a target and explodes (Shahed-136, Garpiya)."""


class Role(enum.Enum):
    """A mission a platform flies."""

    ISR = "ISR"
    """Intelligence, surveillance and reconnaissance."""
    STRIKE = "strike"
    """Attacks targets with weapons it carries or with itself."""
    ELECTRONIC_WARFARE = "electronic warfare"
    """Jams, spoofs or listens to emitters."""
    TARGET_ACQUISITION = "target acquisition"
    """Finds and designates targets for other weapons (artillery spotting)."""
    COMMUNICATIONS_RELAY = "communications relay"
    """Relays radio links beyond line of sight."""
    MARITIME = "maritime"
    """Flies from ships or over the sea (the TB3 from short-deck carriers)."""
    TARGET_DRONE = "target drone"
    """Serves as an aerial target for air-defence training."""


class SpecField(NamedTuple):
    """One row of the spec table: what a spec measures, its bound, how it is shown and drawn.

    :data:`SPEC_FIELDS` is the one place the specs are listed. :class:`Specs`
    takes its keywords and attributes from it, the catalog overview its
    labels and display units, and :mod:`dronemarket.strategies` the units it
    publishes random values in.
    """

    name: str
    """The keyword and attribute of :class:`Specs`."""
    dimension: Dimension
    """What it measures."""
    upper: str
    """The largest plausible value; a larger one is taken for a typo."""
    description: str
    """Its display label, as in "maximum take-off mass" (used in messages and the overview)."""
    units: tuple[str, ...]
    """The units it is published in, in practice, simplest first (strategies draw from them)."""
    metric: str
    """The unit the overview shows it in, in metric."""
    imperial: str
    """The unit the overview shows it in, in imperial."""

    @property
    def label(self) -> str:
        """Return the display label (the description)."""
        return self.description


def _table(*rows: SpecField) -> Mapping[str, SpecField]:
    return MappingProxyType({row.name: row for row in rows})


_L, _M, _T = Dimension.LENGTH, Dimension.MASS, Dimension.DURATION
_S, _P = Dimension.SPEED, Dimension.POWER
_SPEEDS: Final = ("km/h", "kn", "m/s")

SPEC_FIELDS: Final[Mapping[str, SpecField]] = _table(
    SpecField("wingspan", _L, "150 m", "wingspan", ("m", "ft"), "m", "ft"),
    SpecField("length", _L, "100 m", "length", ("m", "ft"), "m", "ft"),
    SpecField("mtow", _M, "50 t", "maximum take-off mass", ("kg", "lb", "t"), "kg", "lb"),
    SpecField("empty_mass", _M, "50 t", "empty mass", ("kg", "lb", "t"), "kg", "lb"),
    SpecField("payload", _M, "20 t", "payload", ("kg", "lb"), "kg", "lb"),
    SpecField("warhead", _M, "5 t", "warhead mass", ("kg", "lb"), "kg", "lb"),
    SpecField("endurance", _T, "2000 h", "endurance", ("h", "min"), "h", "h"),
    SpecField("ceiling", _L, "40 km", "service ceiling", ("m", "ft", "km"), "m", "ft"),
    SpecField("range", _L, "50000 km", "range", ("km", "m"), "km", "mi"),
    SpecField("combat_radius", _L, "25000 km", "combat radius", ("km", "m"), "km", "mi"),
    SpecField("datalink_range", _L, "50000 km", "datalink range", ("km", "m"), "km", "mi"),
    SpecField("cruise_speed", _S, "2000 m/s", "cruise speed", _SPEEDS, "km/h", "mph"),
    SpecField("max_speed", _S, "2000 m/s", "maximum speed", _SPEEDS, "km/h", "mph"),
    SpecField("engine_power", _P, "100 MW", "engine power", ("hp", "kW"), "kW", "hp"),
)
"""THE table of specs: every spec :class:`Specs` holds, by name, in order.

Each row gives the dimension, the plausibility bound, the display label, the
units strategies draw from and the overview's display units. Every spec must
be positive and at most its bound; the bounds are generous (a 150 m wingspan,
a 40 km ceiling, 2,000 h endurance, 50,000 km range) so they only catch typos
such as a ceiling in kilometres given as metres.
"""

# (smaller, larger): the smaller may not exceed the larger.
_ORDERED_PAIRS: Final = (
    ("payload", "mtow"),
    ("empty_mass", "mtow"),
    ("warhead", "payload"),
    ("warhead", "mtow"),  # also when the payload is not known
    ("cruise_speed", "max_speed"),
    ("combat_radius", "range"),
)


def _report_value(value: Quantity | str) -> Quantity:
    return quantity(value, None, owner="Reported", field="value")


def _fresh(value: Quantity) -> Quantity:
    """Return a new Quantity equal to one a record keeps: callers may change theirs."""
    return _new(value._REGISTRY, value._magnitude, value._units)  # noqa: SLF001


@frozen(eq=False, repr=False)
class Reported:
    """One published value of a spec, with its source.

    The value is kept privately; :attr:`value` answers with a fresh Quantity
    on every read, so changing it in place (``q.ito("lb")``) changes nothing
    here.

    >>> str(Reported("650 kg", Source("TB2", publisher="Baykar"), estimate=True))
    '~650 kg (Baykar)'
    """

    _value: Quantity = field(alias="value", converter=_report_value)
    source: Source | None = field(default=None, validator=v.optional(v.is_a(Source)))
    """Who published it; None when the caller does not say."""
    estimate: bool = field(default=False, kw_only=True, validator=v.is_a(bool))
    """Whether the source gives it as an estimate ("about", "approximately")."""
    note: str = field(default="", kw_only=True, validator=v.note)
    """Context: the variant, the configuration, a caveat."""
    _si: float = field(init=False, repr=False)
    _key: tuple[object, ...] = field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        value = self._value  # quantity() has checked it: known dimension, finite SI
        info = unit_of(value._REGISTRY, value._units)  # noqa: SLF001
        si = value._magnitude * info.si_factor  # noqa: SLF001
        object.__setattr__(self, "_si", si)
        key = (info.dimension, rounded(si), self.source, self.estimate, self.note)
        object.__setattr__(self, "_key", key)

    @property
    def value(self) -> Quantity:
        """Return the value, in the unit it was published in (a fresh Quantity)."""
        return _fresh(self._value)

    @property
    def dimension(self) -> Dimension:
        """Return the dimension of the value."""
        return self._key[0]  # type: ignore[return-value]

    def __eq__(self, other: object) -> bool:
        if type(other) is not Reported:
            return NotImplemented
        return self._key == other._key

    def __hash__(self) -> int:
        return hash(self._key)

    def __repr__(self) -> str:
        extras = "".join(
            [
                f", {self.source!r}" if self.source else "",
                ", estimate=True" if self.estimate else "",
                f", note={self.note!r}" if self.note else "",
            ]
        )
        return f"Reported({_text(self._value)!r}{extras})"

    def __str__(self) -> str:
        approx = "~" if self.estimate else ""
        by = f" ({self.source.publisher})" if self.source else ""
        return f"{approx}{_text(self._value)}{by}"


def _text(value: Quantity) -> str:
    """Return a quantity as the short text it parses back from, like ``'650 kg'``."""
    return f"{value.magnitude} {unit_label(value)}"


@frozen(eq=False, repr=False)
class Figure:
    """Every reported value of one spec; the first is the preferred one.

    >>> Figure.of("650 kg", "630 kg").preferred
    <Quantity(650, 'kilogram')>
    """

    reports: tuple[Reported, ...] = field(converter=v.to_tuple)
    """The reported values, preferred first; at least one, no repeats."""
    _key: tuple[object, ...] = field(init=False, repr=False)

    @reports.validator
    def _check(self, attribute: attrs.Attribute[tuple[Reported, ...]], value: object) -> None:
        v.items_of(Reported, non_empty=True, unique=True)(self, attribute, value)
        dimensions = {report.dimension for report in self.reports}
        if len(dimensions) > 1:
            names = ", ".join(sorted(d.noun for d in dimensions))
            v.fail(self, attribute, value, f"mixes dimensions ({names})")

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_key", tuple(report._key for report in self.reports))  # noqa: SLF001

    @classmethod
    def of(cls, *values: Reported | Quantity | str) -> Figure:
        """Build a figure from reported values, quantities or strings, preferred first."""
        return cls(tuple(_as_reported(value) for value in values))

    @property
    def preferred(self) -> Quantity:
        """Return the preferred value: the first reported (a fresh Quantity)."""
        return self.reports[0].value

    @property
    def dimension(self) -> Dimension:
        """Return the dimension all the reported values share."""
        return self.reports[0].dimension

    @property
    def disputed(self) -> bool:
        """Say whether the sources give different values."""
        return len({report._key[1] for report in self.reports}) > 1  # noqa: SLF001

    def si_values(self) -> tuple[float, ...]:
        """Return every reported value in SI base units, preferred first."""
        return tuple(report._si for report in self.reports)  # noqa: SLF001

    def __iter__(self) -> Iterator[Reported]:
        return iter(self.reports)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Figure:
            return NotImplemented
        return self._key == other._key

    def __hash__(self) -> int:
        return hash(self._key)

    def __repr__(self) -> str:
        if len(self.reports) == 1 and self.reports[0].source is None:
            return repr(_text(self.reports[0]._value))  # noqa: SLF001
        return f"Figure({', '.join(map(repr, self.reports))})"


def _as_reported(value: Reported | Quantity | str) -> Reported:
    return value if isinstance(value, Reported) else Reported(value)


SpecInput = Quantity | str | Reported | Figure | Sequence[Reported | Quantity | str] | None
"""What a spec accepts: a Quantity, a string, reported values, or None."""


class SpecInputs(TypedDict, total=False):
    """The keyword arguments of :class:`Specs`, each optional (one per :data:`SPEC_FIELDS` row)."""

    wingspan: SpecInput
    length: SpecInput
    mtow: SpecInput
    empty_mass: SpecInput
    payload: SpecInput
    warhead: SpecInput
    endurance: SpecInput
    ceiling: SpecInput
    range: SpecInput
    combat_radius: SpecInput
    datalink_range: SpecInput
    cruise_speed: SpecInput
    max_speed: SpecInput
    engine_power: SpecInput


# A plain spec is kept raw, never as a Quantity a caller could change in place:
# (magnitude, units, SI magnitude, registry). Reading it builds a fresh Quantity.
_Raw = tuple[float, "UnitsContainer", float, Any]
_Stored = _Raw | Figure | None


def _build(raw: _Raw) -> Quantity:
    return _new(raw[3], raw[0], raw[1])


class _Preferred:
    """A Specs attribute that answers with the preferred Quantity of a spec (fresh)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.index = _NAMES.index(name)
        spec = SPEC_FIELDS[name]
        self.__doc__ = f"The preferred {spec.description} (a {spec.dimension.noun}), or None."

    @overload
    def __get__(self, instance: None, owner: type) -> _Preferred: ...
    @overload
    def __get__(self, instance: Specs, owner: type) -> Quantity | None: ...
    def __get__(self, instance: Specs | None, owner: type) -> _Preferred | Quantity | None:
        if instance is None:
            return self
        stored = instance._values[self.index]  # noqa: SLF001
        if stored is None:
            return None
        if type(stored) is Figure:
            return stored.preferred
        return _build(stored)  # type: ignore[arg-type]


class _Limit(NamedTuple):
    position: int
    dimension: Dimension
    upper_si: float


@functools.lru_cache(maxsize=8)
def _limits(reg: object) -> dict[str, _Limit]:
    """Return each spec's place, dimension and upper bound in SI (once per registry)."""
    del reg  # the key: bounds are computed in the registry in force
    return {
        name: _Limit(index, spec.dimension, si_magnitude(quantity(spec.upper, spec.dimension)))
        for index, (name, spec) in enumerate(SPEC_FIELDS.items())
    }


@functools.lru_cache(maxsize=8)
def _context(reg: Any) -> tuple[dict[str, _Limit], dict[int, Any], type[Quantity]]:  # noqa: ANN401 - any registry
    """Return what Specs needs of a registry: bounds, unit memo, Quantity class (one lookup)."""
    return _limits(reg), unit_table(reg), reg.Quantity


_NAMES: Final = tuple(SPEC_FIELDS)
_NONE: Final = (None,) * len(_NAMES)
_REAL: Final = (int, float)
# Which specs take part in an ordering rule: with at most one of them, none applies.
_ORDERED: Final = frozenset(name for pair in _ORDERED_PAIRS for name in pair)

Stored = Quantity | Figure | None
"""How Specs gives a spec as stored: a Quantity, a Figure when it has more to say, or None."""


@frozen(init=False, eq=False, repr=False)
class Specs:
    """A platform's published specifications; every field is optional.

    Each keyword takes a Quantity, a string such as ``"650 kg"``, a
    :class:`Reported` value, a list of them (preferred first) or a
    :class:`Figure`. Attribute access (``specs.mtow``) answers with the
    preferred Quantity, or None when unknown; :meth:`reported` gives every
    reported value and :meth:`figure` the whole :class:`Figure`. Every
    Quantity handed out is a fresh one: changing it in place changes nothing
    here.

    Rules, checked at construction: each spec has its dimension and lies in
    ``(0, bound]`` (see :data:`SPEC_FIELDS`); payload and empty mass do not
    exceed the maximum take-off mass; the warhead exceeds neither the payload
    nor the maximum take-off mass; cruise speed does not exceed maximum
    speed; combat radius does not exceed range. Where figures are disputed,
    the rule holds for the preferred values, and no reported value of the
    smaller spec exceeds every reported value of the larger one.

    Equality and hashing compare values in SI units (to about ten significant
    digits), sources and estimate flags; the key is computed once, on first
    use, so neither pays a unit conversion. ``attrs.evolve(specs,
    mtow=...)`` and :meth:`replace` re-validate.
    """

    # The fourteen specs, in SPEC_FIELDS order, in one slot: one store instead
    # of fourteen at construction. A spec given as one plain, unsourced value
    # is kept raw (see _Raw); anything richer as a Figure ("12 m" and
    # Figure.of("12 m") are equal and stored alike).
    _values: tuple[_Stored, ...] = field(alias="_values")
    _key: tuple[object, ...] = field(init=False, repr=False)  # set on first ==/hash
    _hash: int = field(init=False, repr=False)  # idem

    wingspan = _Preferred()
    length = _Preferred()
    mtow = _Preferred()
    empty_mass = _Preferred()
    payload = _Preferred()
    warhead = _Preferred()
    endurance = _Preferred()
    ceiling = _Preferred()
    range = _Preferred()
    combat_radius = _Preferred()
    datalink_range = _Preferred()
    cruise_speed = _Preferred()
    max_speed = _Preferred()
    engine_power = _Preferred()

    def __init__(self, **specs: Unpack[SpecInputs]) -> None:  # noqa: C901 - the hot path
        # `_values` is how attrs.evolve and pickle hand over the specs they keep.
        given_all: dict[str, Any] = specs  # type: ignore[assignment]
        if "_values" in given_all:
            kept = _check_values(given_all.pop("_values"))
            given_all = {**dict(zip(_NAMES, kept, strict=True)), **given_all}
        reg = registry()
        limits, table, plain = _context(reg)
        values: list[_Stored] = list(_NONE)
        for name, given in given_all.items():
            limit = limits.get(name)
            if limit is None:
                known = ", ".join(SPEC_FIELDS)
                raise ValidationError("Specs", name, given, f"is not a spec (known: {known})")
            if given is None:
                continue
            stored: _Stored = None
            if type(given) is plain:  # the fast path: a plain Quantity of the registry
                units = given._units  # noqa: SLF001
                info = table.get(id(units))
                if info is None or info.units is not units:
                    info = unit_of(reg, units)
                magnitude = given._magnitude  # noqa: SLF001
                if type(magnitude) in _REAL and info.dimension is limit.dimension:
                    try:
                        si = magnitude * info.si_factor
                    except OverflowError:  # an int too large for a float: the slow path says so
                        si = 0.0
                    if 0 < si <= limit.upper_si:
                        stored = (magnitude, units, si, reg)
            if stored is None:  # anything else, or out of bounds: checked in full
                stored = _normalize(name, given, limit, reg)
            values[limit.position] = stored
        if len(given_all) > 1 and len(_ORDERED.intersection(given_all)) > 1:
            _check_order(values, limits)
        object.__setattr__(self, "_values", tuple(values))

    def _identity(self) -> tuple[tuple[object, ...], int]:
        """Return the equality key and hash, computing them on first use."""
        try:
            return self._key, self._hash
        except AttributeError:
            key = tuple(
                None
                if stored is None
                else stored._key  # noqa: SLF001
                if type(stored) is Figure
                else rounded(stored[2])  # type: ignore[index]
                for stored in self._values
            )
            object.__setattr__(self, "_key", key)
            object.__setattr__(self, "_hash", hash(key))
            return key, self._hash

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt, not restored: the hash depends on the process.
        return (_rebuild_specs, (self.stored_values(),))

    def figure(self, name: str) -> Figure | None:
        """Return the :class:`Figure` of spec `name`, or None when unknown."""
        given: object = name  # callers may pass anything; answer with our error
        if not isinstance(given, str) or given not in SPEC_FIELDS:
            raise ValidationError("Specs", "name", name, "is not a spec")
        return _figure(self._values[_NAMES.index(name)])

    def reported(self, name: str) -> tuple[Reported, ...]:
        """Return every reported value of spec `name`, preferred first."""
        figure = self.figure(name)
        return () if figure is None else figure.reports

    def known(self) -> dict[str, Quantity]:
        """Return the preferred value of every spec that is known, by name (fresh Quantities)."""
        return {
            name: getattr(self, name)
            for name, stored in zip(_NAMES, self._values, strict=True)
            if stored is not None
        }

    def figures(self) -> dict[str, Figure]:
        """Return the :class:`Figure` of every spec that is known, by name."""
        return {
            name: _figure(stored)  # type: ignore[misc]
            for name, stored in zip(_NAMES, self._values, strict=True)
            if stored is not None
        }

    @property
    def disputed(self) -> tuple[str, ...]:
        """The names of the specs whose sources disagree (empty when none do).

        Like :attr:`Figure.disputed`, a property, and true exactly when some
        spec is disputed.
        """
        return tuple(
            name
            for name, stored in zip(_NAMES, self._values, strict=True)
            if type(stored) is Figure and stored.disputed
        )

    def replace(self, **specs: Unpack[SpecInputs]) -> Self:
        """Return a copy with the given specs replaced (None removes one)."""
        merged: dict[str, Any] = {**self.stored(), **specs}
        return type(self)(**merged)

    def stored_values(self) -> tuple[Stored, ...]:
        """Return every spec as stored, None where unknown, in :data:`SPEC_FIELDS` order.

        A plain spec comes as a fresh Quantity, a richer one as its Figure.
        """
        return tuple(_given(stored) for stored in self._values)

    def stored(self) -> dict[str, Quantity | Figure]:
        """Return each known spec as stored: a fresh Quantity, or a Figure when richer."""
        return {
            name: _given(stored)  # type: ignore[misc]
            for name, stored in zip(_NAMES, self._values, strict=True)
            if stored is not None
        }

    def __eq__(self, other: object) -> bool:
        if type(other) is not Specs:
            return NotImplemented
        key, hashed = self._identity()
        other_key, other_hashed = other._identity()
        return hashed == other_hashed and key == other_key

    def __hash__(self) -> int:
        return self._identity()[1]

    def __repr__(self) -> str:
        inner = ", ".join(
            f"{name}={stored!r}" if type(stored) is Figure else f"{name}={_shown(stored)!r}"
            for name, stored in zip(_NAMES, self._values, strict=True)
            if stored is not None
        )
        return f"Specs({inner})"


def _given(stored: _Stored) -> Stored:
    """Return a stored spec as the public API gives it: a fresh Quantity, a Figure or None."""
    if stored is None or type(stored) is Figure:
        return stored
    return _build(stored)  # type: ignore[arg-type]


def _figure(stored: _Stored) -> Figure | None:
    if stored is None or type(stored) is Figure:
        return stored
    return Figure((Reported(_build(stored)),))  # type: ignore[arg-type]


def _normalize(name: str, given: object, limit: _Limit, reg: object) -> _Raw | Figure:
    """Check anything a spec accepts in full; return it as stored.

    A figure with a single plain report (no source, no flag, no note) is
    stored as its raw value, so that equal values are stored alike.
    """
    if not isinstance(given, Figure | Reported | list | tuple):
        made = quantity(given, limit.dimension, owner="Specs", field=name)  # type: ignore[arg-type]
        si = si_magnitude(made)
        if not _at_most(si, limit.upper_si):
            spec = SPEC_FIELDS[name]
            rule = f"exceeds the plausible {spec.description} of {spec.upper}"
            shown = given if isinstance(given, str) else _text(made)
            raise ValidationError("Specs", name, shown, rule)
        return (made._magnitude, made._units, si, reg)  # noqa: SLF001
    try:
        if isinstance(given, Figure):
            figure = given
        elif isinstance(given, Reported):
            figure = Figure((given,))
        else:
            figure = Figure(tuple(_as_reported(item) for item in given))
    except ValidationError as error:
        raise type(error)("Specs", name, given, _rule_of(error)) from None
    sis = _check_figure(name, figure, limit)
    if len(figure.reports) == 1:
        only = figure.reports[0]
        if only.source is None and not only.estimate and not only.note:
            value = only._value  # noqa: SLF001
            return (value._magnitude, value._units, sis[0], value._REGISTRY)  # noqa: SLF001
    return figure


def _at_most(value: float, bound: float) -> bool:
    """Say whether `value` is at most `bound`, or equal to it as equality compares (rounded SI).

    A value equal to a bound but given in another unit may exceed it in its
    last binary digit once converted; it is not larger for that.
    """
    if value <= bound:
        return True
    # Only a value within round-off of the bound gets the rounded comparison
    # (this also keeps infinities and NaN away from `rounded`).
    return value <= bound * (1 + 1e-9) and rounded(value) <= rounded(bound)


def _check_figure(name: str, figure: Figure, limit: _Limit) -> tuple[float, ...]:
    """Check every reported value of a figure for spec `name`; return them in SI."""
    spec = SPEC_FIELDS[name]
    if figure.dimension is not limit.dimension:
        rule = f"is not a {spec.dimension.noun} ({spec.dimension.expectation})"
        raise UnitError("Specs", name, figure, rule)
    values = figure.si_values()
    for report, value in zip(figure.reports, values, strict=True):
        if not _at_most(value, limit.upper_si):
            rule = f"exceeds the plausible {spec.description} of {spec.upper}"
            raise ValidationError("Specs", name, _text(report._value), rule)  # noqa: SLF001
    return values


def _rule_of(error: ValidationError) -> str:
    """Return the rule of an error raised for a part, to re-raise it for the whole."""
    if error.owner == "Reported" and error.field == "value":
        return error.rule
    return f"has a bad part: {error}"


def _si_values(stored: _Raw | Figure) -> tuple[float, ...]:
    return stored.si_values() if isinstance(stored, Figure) else (stored[2],)


def _check_order(values: list[_Stored], limits: Mapping[str, _Limit]) -> None:
    for smaller, larger in _ORDERED_PAIRS:
        small, large = values[limits[smaller].position], values[limits[larger].position]
        if small is None or large is None:
            continue
        lows, highs = _si_values(small), _si_values(large)
        low, high, most, top = lows[0], highs[0], max(lows), max(highs)
        if low <= high and most <= top:
            continue
        # Compared as equality compares (rounded SI), so that a value equal to
        # the larger one but given in another unit is not "larger" by round-off.
        if rounded(low) > rounded(high):
            rule = f"exceeds the {SPEC_FIELDS[larger].description} ({_shown(large)})"
            raise ValidationError("Specs", smaller, _shown(small), rule)
        if rounded(most) > rounded(top):
            worst = _reports(small)[lows.index(most)]
            best = _reports(large)[highs.index(top)]
            rule = f"exceeds every reported {SPEC_FIELDS[larger].description} (at most {best})"
            raise ValidationError("Specs", smaller, str(worst), rule)


def _rebuild_specs(values: tuple[Stored, ...]) -> Specs:
    """Rebuild pickled Specs from their stored values (re-validating them)."""
    return Specs(_values=values)  # type: ignore[call-arg]


def _check_values(values: object) -> tuple[object, ...]:
    """Check the stored specs `attrs.evolve` or pickle hand back to :class:`Specs`.

    Raw values are rebuilt as Quantities, so that everything is checked again.
    """
    if type(values) is not tuple or len(values) != len(_NAMES):
        rule = f"is not a tuple of {len(_NAMES)} stored specs (use keywords such as mtow=)"
        raise ValidationError("Specs", "_values", values, rule)
    made: list[object] = []
    for value in values:
        if value is None or isinstance(value, Figure | Quantity):
            made.append(value)
        elif _is_raw(value):
            made.append(_build(value))
        else:
            rule = f"is not a tuple of {len(_NAMES)} stored specs (use keywords such as mtow=)"
            raise ValidationError("Specs", "_values", values, rule)
    return tuple(made)


def _is_raw(value: object) -> bool:
    return (
        type(value) is tuple
        and len(value) == 4
        and isinstance(value[3], pint.UnitRegistry)
        and isinstance(value[1], UnitsContainer)
        and type(value[0]) in _REAL
    )


def _reports(stored: _Raw | Figure) -> tuple[Reported | str, ...]:
    return stored.reports if type(stored) is Figure else (_shown(stored),)


def _shown(stored: _Raw | Figure) -> str:
    if type(stored) is Figure:
        return _text(stored.reports[0]._value)  # noqa: SLF001
    return _text(_build(stored))  # type: ignore[arg-type]


def _no_self_lineage(
    instance: Platform, attribute: attrs.Attribute[Platform | None], value: Platform | None
) -> None:
    if value is None:
        return
    v.is_a(Platform)(instance, attribute, value)
    if value.name == instance.name:
        v.fail(instance, attribute, value.name, "names the platform itself")


@frozen(eq=False, repr=False)
class Platform:
    """A drone type: who makes it, what it is, what it does, what it can do.

    >>> import dronemarket as dm
    >>> baykar = dm.Organization("Baykar", country=dm.Country("TUR"), kind=dm.OrgKind.MANUFACTURER)
    >>> tb2 = dm.Platform(
    ...     "Bayraktar TB2",
    ...     manufacturer=baykar,
    ...     category=dm.Category.MALE,
    ...     roles={dm.Role.ISR, dm.Role.STRIKE},
    ...     specs=dm.Specs(ceiling="25,000 ft"),
    ...     aliases={"TB2"},
    ... )
    >>> tb2.specs.ceiling.to("m")
    <Quantity(7620.0, 'meter')>
    """

    name: str = field(validator=v.text())
    """The name it is best known by."""
    manufacturer: Organization | None = field(
        kw_only=True, validator=v.optional(v.is_a(Organization))
    )
    """Who designs and builds it; None when not known."""
    category: Category | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(Category))
    )
    """What kind of drone it is; None when no source says."""
    roles: frozenset[Role] = field(
        factory=frozenset, kw_only=True, converter=v.to_frozenset, validator=v.members_of(Role)
    )
    """The missions it flies."""
    specs: Specs = field(factory=Specs, kw_only=True, validator=v.is_a(Specs))
    """Its published specifications."""
    aliases: frozenset[str] = field(
        factory=frozenset, kw_only=True, converter=v.to_frozenset, validator=v.aliases
    )
    """Other names and spellings (``{"TB2", "Bayraktar TB-2"}``)."""
    first_flight: PartialDate | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(PartialDate))
    )
    """When it first flew, as precisely as known."""
    in_service: PartialDate | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(PartialDate))
    )
    """When it entered service, as precisely as known."""
    variant_of: Platform | None = field(default=None, kw_only=True, validator=_no_self_lineage)
    """The platform this is a variant of (the TB2T-AI of the TB2)."""
    derived_from: Platform | None = field(default=None, kw_only=True, validator=_no_self_lineage)
    """A platform of another line it was designed from (Garpiya from Shahed-136)."""
    sources: tuple[Source, ...] = field(
        default=(), kw_only=True, converter=v.to_tuple, validator=v.items_of(Source, unique=True)
    )
    """Where the platform's description comes from."""
    # Computed at construction from the parents' own, so O(1) per lineage level.
    _hash: int = field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        parents = (_hash_of(self.variant_of), _hash_of(self.derived_from))
        object.__setattr__(self, "_hash", hash((self._own(), parents)))

    def _own(self) -> tuple[object, ...]:
        """Return every field but the lineage: what two platforms compare first."""
        return (
            self.name,
            self.manufacturer,
            self.category,
            self.roles,
            self.specs,
            self.aliases,
            self.first_flight,
            self.in_service,
            self.sources,
        )

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:  # noqa: PLR0911 - fast exits first
        # Iterative, so that a lineage of any length compares without recursion.
        if type(other) is not Platform:
            return NotImplemented
        if self is other:
            return True
        if self._hash != other._hash or self._own() != other._own():
            return False
        if self.variant_of is other.variant_of and self.derived_from is other.derived_from:
            return True  # the usual case: the same parents, or none
        pending: list[tuple[Platform | None, Platform | None]] = [(self, other)]
        seen: set[tuple[int, int]] = set()
        while pending:
            mine, theirs = pending.pop()
            if mine is theirs:
                continue
            if mine is None or theirs is None or mine._hash != theirs._hash:
                return False
            pair = (id(mine), id(theirs))
            if pair in seen:
                continue
            seen.add(pair)
            if mine._own() != theirs._own():
                return False
            pending.append((mine.variant_of, theirs.variant_of))
            pending.append((mine.derived_from, theirs.derived_from))
        return True

    def __repr__(self) -> str:
        # Parents are named, not spelled out, so a long lineage gives a short repr.
        parts = [repr(self.name), f"manufacturer={self.manufacturer!r}"]
        defaults: dict[str, object] = {
            "category": None,
            "roles": frozenset(),
            "aliases": frozenset(),
        }
        for name, default in defaults.items():
            value = getattr(self, name)
            if value != default:
                parts.append(f"{name}={value!r}")
        if self.specs.stored_values() != _NONE:
            parts.append(f"specs={self.specs!r}")
        for name in ("first_flight", "in_service"):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={value!r}")
        for name in ("variant_of", "derived_from"):
            parent = getattr(self, name)
            if parent is not None:
                parts.append(f"{name}=<Platform {parent.name!r}>")
        if self.sources:
            parts.append(f"sources={self.sources!r}")
        return f"Platform({', '.join(parts)})"

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle the platform with its lineage flattened, parents first, so any length pickles.

        The default would pickle each parent inside its child, one level of
        recursion per generation; this rebuilds the chain in a loop.
        """
        order: list[Platform] = []
        index: dict[int, int] = {}
        pending: list[tuple[Platform, bool]] = [(self, False)]
        while pending:  # depth first, each platform after its parents
            platform, parents_done = pending.pop()
            if id(platform) in index:
                continue
            if parents_done:
                index[id(platform)] = len(order)
                order.append(platform)
                continue
            pending.append((platform, True))
            pending.extend((p, False) for p in (platform.variant_of, platform.derived_from) if p)

        def at(parent: Platform | None) -> int | None:
            return None if parent is None else index[id(parent)]

        rows = tuple((p._own(), at(p.variant_of), at(p.derived_from)) for p in order)  # noqa: SLF001 - its own class
        return (Platform._from_lineage, (rows,))

    @classmethod
    def _from_lineage(
        cls, rows: tuple[tuple[tuple[Any, ...], int | None, int | None], ...]
    ) -> Platform:
        """Return the last platform of `rows`, built parents first (unpickling)."""
        made: list[Platform] = []
        for own, variant, derived in rows:
            name, manufacturer, category, roles, specs, aliases, first, service, sources = own
            made.append(
                cls(
                    name,
                    manufacturer=manufacturer,
                    category=category,
                    roles=roles,
                    specs=specs,
                    aliases=aliases,
                    first_flight=first,
                    in_service=service,
                    variant_of=None if variant is None else made[variant],
                    derived_from=None if derived is None else made[derived],
                    sources=sources,
                )
            )
        return made[-1]

    def __copy__(self) -> Platform:
        """Return the platform itself: it is immutable."""
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> Platform:
        """Return the platform itself: it is immutable, its lineage included."""
        return self

    @in_service.validator
    def _not_before_first_flight(
        self, attribute: attrs.Attribute[PartialDate | None], value: PartialDate | None
    ) -> None:
        first = self.first_flight
        if value is not None and first is not None and value.surely_before(first):
            v.fail(self, attribute, str(value), f"is before the first flight ({first})")

    @property
    def names(self) -> frozenset[str]:
        """Return the name and every alias."""
        return self.aliases | {self.name}

    def lineage(self) -> tuple[Platform, ...]:
        """Return the platforms this one descends from, nearest first.

        Each step follows ``variant_of`` where it is set, else ``derived_from``
        (a variant's line is its parent's). Records are immutable, so the
        chain cannot loop.
        """
        chain: list[Platform] = []
        parent = self.variant_of or self.derived_from
        while parent is not None:
            chain.append(parent)
            parent = parent.variant_of or parent.derived_from
        return tuple(chain)


def _hash_of(platform: Platform | None) -> int:
    return 0 if platform is None else platform._hash  # noqa: SLF001
