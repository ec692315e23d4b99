"""US DoD UAS group, NATO UAS class and MTCR Annex category, computed from `Specs`.

:func:`classify` answers three schemes at once. Each answer is a
:class:`Verdict`: the answer, the rule that decided it and the published
figures that decided it; or "undetermined", with the names of the specs that
are missing and, where the known figures already imply one, a lower bound.
It never guesses a missing figure.

>>> import dronemarket as dm
>>> result = dm.classify(dm.Specs(mtow="650 kg", ceiling="25,000 ft", max_speed="120 kn"))
>>> result.dod.answer
<DodGroup.GROUP_5: 5>
>>> print(result.nato)
NATO UAS class: Class III; max take-off mass > 600 kg [mtow = 650 kg]
>>> print(result.mtcr)
MTCR Annex category: undetermined; missing range, payload

Sources of the thresholds:

- US DoD UAS groups: Department of Defense, *Unmanned Aircraft System
  Airspace Integration Plan*, version 2.0, March 2011, and *Unmanned Systems
  Integrated Roadmap FY2011-2036* (2011); first published in the *FY2009-2034
  Unmanned Systems Integrated Roadmap*; today in JP 3-30 *Joint Air
  Operations* (CRS In Focus IF12797, 25 October 2024).
- NATO UAS classes: JAPCC, *Strategic Concept of Employment for Unmanned
  Aircraft Systems in NATO*, January 2010, with the classification agreed by
  NATO's Joint Capability Group on UAVs (JCGUAV), September 2009.
- MTCR categories: Missile Technology Control Regime, *Equipment, Software
  and Technology Annex* (MTCR/TEM/2024/Annex, 14 March 2024), items 1.A.2
  (Category I) and 19.A.2 (Category II).

See ``docs/classification.md`` for the tables, how their gaps are closed and
how disputed figures are reported.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final, Generic, NamedTuple, TypeVar

import attrs
from attrs import field, frozen

from dronemarket import _validate as v
from dronemarket.errors import ValidationError
from dronemarket.platforms import SPEC_FIELDS, Category, Figure, Platform, Reported, Specs
from dronemarket.sources import Source
from dronemarket.units import (
    Dimension,
    Quantity,
    _new,
    quantity,
    rounded,
    si_magnitude,
    unit_label,
)

__all__ = [
    "Classification",
    "DodGroup",
    "Evidence",
    "MtcrCategory",
    "NatoClass",
    "NatoSubclass",
    "Scheme",
    "Verdict",
    "classify",
]


class DodGroup(enum.IntEnum):
    """A US DoD UAS group, 1 (smallest) to 5 (largest)."""

    GROUP_1 = 1
    """Up to 20 lb, below 1,200 ft AGL, below 100 kn (hand-launched drones)."""
    GROUP_2 = 2
    """21 to 55 lb, below 3,500 ft AGL, below 250 kn (ScanEagle class)."""
    GROUP_3 = 3
    """Below 1,320 lb, below FL180, below 250 kn (Shadow class)."""
    GROUP_4 = 4
    """Above 1,320 lb, below FL180, any airspeed (Gray Eagle class)."""
    GROUP_5 = 5
    """Above 1,320 lb, above FL180, any airspeed (Reaper, Global Hawk)."""

    @property
    def label(self) -> str:
        """Return the group as people write it, like ``'Group 3'``."""
        return f"Group {self.value}"

    @property
    def rank(self) -> int:
        """Return the group's place in the scheme's order, lowest first."""
        return _RANKS[self]


class NatoClass(enum.Enum):
    """A NATO UAS class, by maximum take-off mass."""

    CLASS_I = "I"
    """Below 150 kg (micro, mini and small UAS)."""
    CLASS_II = "II"
    """150 kg to 600 kg (tactical UAS)."""
    CLASS_III = "III"
    """Above 600 kg (MALE, HALE, strike/combat UAS)."""

    @property
    def label(self) -> str:
        """Return the class as people write it, like ``'Class II'``."""
        return f"Class {self.value}"

    @property
    def rank(self) -> int:
        """Return the class's place in the scheme's order, lowest first."""
        return _RANKS[self]


class NatoSubclass(enum.Enum):
    """The category within a NATO class (the JCGUAV table's second column)."""

    MICRO = "micro"
    """Class I, below 2 kg."""
    MINI = "mini"
    """Class I, 2 kg to 20 kg."""
    SMALL = "small"
    """Class I, above 20 kg."""
    TACTICAL = "tactical"
    """Class II, the only category of the class."""
    MALE = "MALE"
    """Class III, medium altitude long endurance."""
    HALE = "HALE"
    """Class III, high altitude long endurance."""
    STRIKE_COMBAT = "strike/combat"
    """Class III, strike and combat UAS."""

    @property
    def nato_class(self) -> NatoClass:
        """Return the class this category belongs to."""
        return _SUBCLASS_OF[self]


class MtcrCategory(enum.Enum):
    """An MTCR Annex category for a complete UAV system, or neither."""

    NEITHER = "neither"
    """Neither item 1.A.2 nor item 19.A.2: a range below 300 km."""
    CATEGORY_II = "II"
    """Item 19.A.2: a range of at least 300 km, whatever the payload."""
    CATEGORY_I = "I"
    """Item 1.A.2: at least 500 kg of payload to at least 300 km."""

    @property
    def label(self) -> str:
        """Return the category as people write it, like ``'Category I'``."""
        return "neither category" if self is MtcrCategory.NEITHER else f"Category {self.value}"

    @property
    def rank(self) -> int:
        """Return the category's place in the scheme's order, least controlled first."""
        return _RANKS[self]


_RANKS: Final[Mapping[DodGroup | NatoClass | MtcrCategory, int]] = MappingProxyType(
    {
        **{member: rank for rank, member in enumerate(DodGroup, start=1)},
        **{member: rank for rank, member in enumerate(NatoClass, start=1)},
        **{member: rank for rank, member in enumerate(MtcrCategory, start=1)},
    }
)

_SUBCLASS_OF: Final[Mapping[NatoSubclass, NatoClass]] = MappingProxyType(
    {
        NatoSubclass.MICRO: NatoClass.CLASS_I,
        NatoSubclass.MINI: NatoClass.CLASS_I,
        NatoSubclass.SMALL: NatoClass.CLASS_I,
        NatoSubclass.TACTICAL: NatoClass.CLASS_II,
        NatoSubclass.MALE: NatoClass.CLASS_III,
        NatoSubclass.HALE: NatoClass.CLASS_III,
        NatoSubclass.STRIKE_COMBAT: NatoClass.CLASS_III,
    }
)

_CLASS_III_SUBCLASS: Final[Mapping[Category, NatoSubclass]] = MappingProxyType(
    {
        Category.MALE: NatoSubclass.MALE,
        Category.HALE: NatoSubclass.HALE,
        Category.UCAV: NatoSubclass.STRIKE_COMBAT,
    }
)
"""The NATO class III category a platform's :class:`Category` names, if any."""


class Scheme(enum.Enum):
    """A classification scheme :func:`classify` answers."""

    DOD = "US DoD UAS group"
    """US Department of Defense UAS groups 1 to 5 (:class:`DodGroup`)."""
    NATO = "NATO UAS class"
    """NATO JCGUAV classes I to III (:class:`NatoClass`)."""
    MTCR = "MTCR Annex category"
    """MTCR Annex Category I, II or neither (:class:`MtcrCategory`)."""

    @property
    def answers(self) -> type[DodGroup | NatoClass | MtcrCategory]:
        """Return the enum of the answers this scheme gives."""
        return _ANSWERS[self]


_ANSWERS: Final[Mapping[Scheme, type[DodGroup | NatoClass | MtcrCategory]]] = MappingProxyType(
    {Scheme.DOD: DodGroup, Scheme.NATO: NatoClass, Scheme.MTCR: MtcrCategory}
)

_ORDER: Final[Mapping[Scheme, tuple[DodGroup | NatoClass | MtcrCategory, ...]]] = MappingProxyType(
    {Scheme.DOD: tuple(DodGroup), Scheme.NATO: tuple(NatoClass), Scheme.MTCR: tuple(MtcrCategory)}
)
"""Each scheme's answers, lowest first: rank 1 is the first."""

A = TypeVar("A", DodGroup, NatoClass, MtcrCategory)


def _spec_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or value not in SPEC_FIELDS:
        v.fail(instance, attribute, value, f"is not a spec (known: {', '.join(SPEC_FIELDS)})")


def _check_value(instance: Evidence, attribute: attrs.Attribute[Any], value: object) -> None:
    dimension = SPEC_FIELDS[instance.spec].dimension
    checked = quantity(value, dimension, owner="Evidence", field=attribute.alias)  # type: ignore[arg-type]
    # Always our own copy, never the caller's Quantity (which can change in place).
    object.__setattr__(instance, attribute.name, checked)


@frozen(eq=False, repr=False)
class Evidence:
    """A published figure that decided a verdict: the spec, its value and source.

    The value is kept privately; :attr:`value` answers with a fresh Quantity
    on every read, so changing it in place changes nothing here.

    >>> str(Evidence("mtow", quantity("650 kg", Dimension.MASS)))
    'mtow = 650 kg'
    """

    spec: str = field(validator=_spec_name)
    """The name of the spec, as in :data:`~dronemarket.SPEC_FIELDS` (``"mtow"``)."""
    _value: Quantity = field(alias="value", validator=_check_value)
    source: Source | None = field(default=None, validator=v.optional(v.is_a(Source)))
    """Who published it, when known."""
    estimate: bool = field(default=False, kw_only=True, validator=v.is_a(bool))
    """Whether the source gives it as an estimate."""

    @property
    def value(self) -> Quantity:
        """Return the value as published, in its published unit (a fresh Quantity)."""
        value = self._value
        return _new(value._REGISTRY, value._magnitude, value._units)  # noqa: SLF001

    def __repr__(self) -> str:
        extras = "".join(
            [
                f", {self.source!r}" if self.source else "",
                ", estimate=True" if self.estimate else "",
            ]
        )
        return f"Evidence({self.spec!r}, {_published(self._value)!r}{extras})"

    @classmethod
    def of(cls, spec: str, reported: Reported) -> Evidence:
        """Return the evidence of one reported value of spec `spec`."""
        return cls(spec, reported.value, reported.source, estimate=reported.estimate)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Evidence:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[object, ...]:
        """Return the identity: the value in SI units, as `Specs` compares values."""
        return (self.spec, rounded(si_magnitude(self._value)), self.source, self.estimate)

    def __str__(self) -> str:
        approx = "~" if self.estimate else ""
        by = f" ({self.source.publisher})" if self.source else ""
        return f"{self.spec} = {approx}{_published(self._value)}{by}"


def _published(value: Quantity) -> str:
    """Return a value as the short text it parses back from, like ``'650 kg'``."""
    return f"{value.magnitude} {unit_label(value)}"


def _answer_of_scheme(
    instance: Verdict[Any], attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and not isinstance(value, kind := _ANSWERS[instance.scheme]):
        v.fail(instance, attribute, value, f"is not a {kind.__name__}")


_SPEC_NAMES: Final = v.items_of(str, unique=True)


def _check_missing(
    instance: Verdict[Any], attribute: attrs.Attribute[tuple[str, ...]], value: object
) -> None:
    _SPEC_NAMES(instance, attribute, value)
    for name in value:  # type: ignore[attr-defined]
        _spec_name(instance, attribute, name)
    if instance.answer is None and not value:
        v.fail(instance, attribute, value, "is empty, but an undetermined verdict names them")
    if instance.answer is not None and value:
        v.fail(instance, attribute, value, "is not empty, but the verdict is determined")


@frozen
class Verdict(Generic[A]):
    """One scheme's answer for a platform, with the rule and figures behind it.

    A determined verdict has an :attr:`answer`; :attr:`at_least` is the same.
    An undetermined one has no answer, names the :attr:`missing` specs and,
    when the known figures already imply one, a lower bound :attr:`at_least`.
    :attr:`alternatives` are the verdicts another reported value of a
    disputed spec would give, when they differ from this one.
    """

    scheme: Scheme = field(validator=v.is_a(Scheme))
    """The classification scheme."""
    answer: A | None = field(kw_only=True, validator=_answer_of_scheme)
    """The answer; None when undetermined."""
    at_least: A | None = field(kw_only=True, validator=_answer_of_scheme)
    """A lower bound the known figures imply; the answer itself when determined."""
    subclass: NatoSubclass | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(NatoSubclass))
    )
    """The category within the NATO class, when known (NATO only)."""
    rule: str = field(default="", kw_only=True, validator=v.note)
    """The rule that decided the answer or the bound; empty when nothing did."""
    evidence: tuple[Evidence, ...] = field(
        default=(), kw_only=True, converter=v.to_tuple, validator=v.items_of(Evidence, unique=True)
    )
    """The published figures that decided the answer or the bound."""
    missing: tuple[str, ...] = field(
        default=(), kw_only=True, converter=v.to_tuple, validator=_check_missing
    )
    """The specs that are unknown and could change the answer (undetermined only)."""
    assumes: Evidence | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(Evidence))
    )
    """The non-preferred reported value this verdict takes (alternatives only)."""
    alternatives: tuple[Verdict[A], ...] = field(default=(), kw_only=True, converter=v.to_tuple)
    """What other reported values of disputed specs would give, where it differs."""

    @at_least.validator
    def _bound_agrees(self, attribute: attrs.Attribute[A | None], value: A | None) -> None:
        if self.answer is not None and value is not self.answer:
            v.fail(self, attribute, value, f"differs from the answer ({self.answer!r})")

    @subclass.validator
    def _subclass_fits(
        self, attribute: attrs.Attribute[NatoSubclass | None], value: NatoSubclass | None
    ) -> None:
        if value is None:
            return
        if self.scheme is not Scheme.NATO:
            v.fail(self, attribute, value, "is given, but only the NATO scheme has subclasses")
        if value.nato_class is not self.answer:
            v.fail(self, attribute, value, f"is not a category of the answer ({self.answer!r})")

    @alternatives.validator
    def _alternatives_assume(
        self, attribute: attrs.Attribute[tuple[Verdict[A], ...]], value: object
    ) -> None:
        if not isinstance(value, tuple):
            v.fail(self, attribute, value, "is not a tuple")
        for alternative in value:
            if not isinstance(alternative, Verdict):
                v.fail(self, attribute, alternative, "is not a Verdict")
        for alternative in self.alternatives:
            if alternative.scheme is not self.scheme:
                v.fail(self, attribute, alternative.scheme, "is another scheme")
            if alternative.assumes is None or alternative.alternatives:
                rule = "is not an alternative (one assumed value, no alternatives of its own)"
                v.fail(self, attribute, str(alternative), rule)

    @property
    def determined(self) -> bool:
        """Say whether the known figures decide the answer."""
        return self.answer is not None

    @property
    def disputed(self) -> bool:
        """Say whether another reported value of a spec would change the verdict."""
        return bool(self.alternatives)

    @property
    def summary(self) -> str:
        """Return the answer as text: ``'Class III (MALE)'``, ``'undetermined'``."""
        if self.answer is not None:
            subclass = f" ({self.subclass.value})" if self.subclass else ""
            return f"{self.answer.label}{subclass}"
        if self.at_least is not None:
            return f"undetermined, at least {self.at_least.label}"
        return "undetermined"

    def __str__(self) -> str:
        text = f"{self.scheme.value}: {self.summary}"
        if self.rule:
            text += f"; {self.rule}"
        if self.evidence:
            text += f" [{', '.join(map(str, self.evidence))}]"
        if self.missing:
            text += f"; missing {', '.join(self.missing)}"
        if self.alternatives:
            others = ", ".join(f"{alt.summary} if {alt.assumes}" for alt in self.alternatives)
            text += f"; disputed: {others}"
        return text


def _of_scheme(scheme: Scheme) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Verdict):
            v.fail(instance, attribute, value, "is not a Verdict")
        if value.scheme is not scheme:
            v.fail(instance, attribute, value, f"is not a verdict of the {scheme.value} scheme")

    return check


@frozen
class Classification:
    """A platform's DoD group, NATO class and MTCR category, as :func:`classify` gives them."""

    dod: Verdict[DodGroup] = field(validator=_of_scheme(Scheme.DOD))
    """The US DoD UAS group."""
    nato: Verdict[NatoClass] = field(validator=_of_scheme(Scheme.NATO))
    """The NATO UAS class."""
    mtcr: Verdict[MtcrCategory] = field(validator=_of_scheme(Scheme.MTCR))
    """The MTCR Annex category."""

    def __str__(self) -> str:
        return "\n".join(map(str, (self.dod, self.nato, self.mtcr)))


# --- thresholds ---------------------------------------------------------------------


class _Band(NamedTuple):
    """One row of a threshold table for one attribute."""

    rank: int
    limit: float | None  # SI upper limit of the band; None: no limit
    inclusive: bool  # whether a value equal to the limit is in this band
    text: str  # the whole band, as a rule
    floor: str  # its lower edge, as a rule for a lower bound


def _lt(rank: int, limit: float, text: str, floor: str) -> _Band:
    """Return a band of values below `limit`."""
    return _Band(rank, limit, False, text, floor)  # noqa: FBT003


def _le(rank: int, limit: float, text: str, floor: str) -> _Band:
    """Return a band of values up to `limit`, inclusive."""
    return _Band(rank, limit, True, text, floor)  # noqa: FBT003


def _top(rank: int, text: str, floor: str) -> _Band:
    """Return the last band: every value above the previous one."""
    return _Band(rank, None, False, text, floor)  # noqa: FBT003


def _place(value: float, bands: tuple[_Band, ...]) -> _Band:
    for band in bands:
        if band.limit is None or value < band.limit or (band.inclusive and value == band.limit):
            return band
    return bands[-1]  # pragma: no cover - the last band has no limit


class _Tables(NamedTuple):
    dod_weight: tuple[_Band, ...]
    dod_altitude: tuple[_Band, ...]
    dod_speed: tuple[_Band, ...]
    nato_class: tuple[_Band, ...]
    nato_class_i: tuple[_Band, ...]
    mtcr_range: float
    mtcr_payload: float


@functools.cache
def _tables() -> _Tables:
    """Return the thresholds in SI units, computed on first use.

    Values and thresholds are both rounded as `Specs` equality rounds them
    (:func:`~dronemarket.units.rounded`), so "1200 ft" and "365.76 m" sit on
    the same side of every threshold and equal `Specs` classify alike.
    """

    def si(text: str, dimension: Dimension) -> float:
        return rounded(si_magnitude(quantity(text, dimension)))

    mass, length, speed = Dimension.MASS, Dimension.LENGTH, Dimension.SPEED
    lb20, lb55, lb1320 = si("20 lb", mass), si("55 lb", mass), si("1320 lb", mass)
    ft1200, ft3500, fl180 = si("1200 ft", length), si("3500 ft", length), si("18000 ft", length)
    kn100, kn250 = si("100 kn", speed), si("250 kn", speed)
    return _Tables(
        dod_weight=(
            _le(1, lb20, "≤ 20 lb", "≤ 20 lb"),
            _le(2, lb55, "> 20 lb and ≤ 55 lb", "> 20 lb"),
            _lt(3, lb1320, "> 55 lb and < 1,320 lb", "> 55 lb"),
            _top(4, "≥ 1,320 lb", "≥ 1,320 lb"),
        ),
        dod_altitude=(
            _lt(1, ft1200, "< 1,200 ft", "< 1,200 ft"),
            _lt(2, ft3500, "≥ 1,200 ft and < 3,500 ft", "≥ 1,200 ft"),
            _lt(3, fl180, "≥ 3,500 ft and < 18,000 ft (FL180)", "≥ 3,500 ft"),
            _top(5, "≥ 18,000 ft (FL180)", "≥ 18,000 ft (FL180)"),
        ),
        dod_speed=(
            _lt(1, kn100, "< 100 kn", "< 100 kn"),
            _lt(2, kn250, "≥ 100 kn and < 250 kn", "≥ 100 kn"),
            _top(4, "≥ 250 kn", "≥ 250 kn"),
        ),
        nato_class=(
            _lt(1, si("150 kg", mass), "< 150 kg", "< 150 kg"),
            _le(2, si("600 kg", mass), "≥ 150 kg and ≤ 600 kg", "≥ 150 kg"),
            _top(3, "> 600 kg", "> 600 kg"),
        ),
        nato_class_i=(
            _lt(1, si("2 kg", mass), "< 2 kg", "< 2 kg"),
            _le(2, si("20 kg", mass), "2 kg to 20 kg", "≥ 2 kg"),
            _top(3, "> 20 kg", "> 20 kg"),
        ),
        mtcr_range=si("300 km", length),
        mtcr_payload=si("500 kg", mass),
    )


# --- the schemes, on rounded SI values -------------------------------------------------


class _Outcome(NamedTuple):
    """A scheme's answer before it is dressed as a :class:`Verdict`."""

    answer: int | None  # rank, None when undetermined
    low: int  # the lowest rank still possible
    subclass: NatoSubclass | None
    rule: str
    deciding: tuple[str, ...]  # the specs whose figures decided the answer or bound
    missing: tuple[str, ...]


class _Attribute(NamedTuple):
    """What one attribute (mass, altitude, speed) says: a range of ranks."""

    low: int
    high: int
    deciding: tuple[str, ...]
    rule: str
    missing: str  # the spec that would pin the attribute down


_Values = Mapping[str, float]

_MASS_FLOORS: Final = ("empty_mass", "payload", "warhead")
"""Specs that never exceed the take-off mass (Specs checks it), so bound it below."""


def _mass(values: _Values, bands: tuple[_Band, ...], noun: str) -> _Attribute:
    """Place the max take-off mass, or bound it below by the specs it holds."""
    top = bands[-1].rank
    if (mtow := values.get("mtow")) is not None:
        band = _place(mtow, bands)
        return _Attribute(band.rank, band.rank, ("mtow",), f"{noun} {band.text}", "mtow")
    known = [(values[name], name) for name in _MASS_FLOORS if name in values]
    if not known:
        return _Attribute(bands[0].rank, top, (), "", "mtow")
    floor, name = max(known)
    band = _place(floor, bands)
    description = SPEC_FIELDS[name].description
    return _Attribute(band.rank, top, (name,), f"{noun} ≥ {description} {band.floor}", "mtow")


def _altitude(values: _Values, tables: _Tables) -> _Attribute:
    bands = tables.dod_altitude
    if (ceiling := values.get("ceiling")) is not None:
        band = _place(ceiling, bands)
        rule = f"service ceiling {band.text}"
        return _Attribute(band.rank, band.rank, ("ceiling",), rule, "ceiling")
    return _Attribute(bands[0].rank, bands[-1].rank, (), "", "ceiling")


def _speed(values: _Values, tables: _Tables) -> _Attribute:
    bands = tables.dod_speed
    top = bands[-1].rank
    if (max_speed := values.get("max_speed")) is not None:
        band = _place(max_speed, bands)
        rule = f"maximum speed {band.text}"
        return _Attribute(band.rank, band.rank, ("max_speed",), rule, "max_speed")
    if (cruise := values.get("cruise_speed")) is not None:
        band = _place(cruise, bands)
        rule = f"maximum speed ≥ cruise speed {band.floor}"
        return _Attribute(band.rank, top, ("cruise_speed",), rule, "max_speed")
    return _Attribute(bands[0].rank, top, (), "", "max_speed")


_LIFT: Final = "any attribute in a higher group lifts the platform into that group"


def _dod(values: _Values, tables: _Tables, _category: Category | None) -> _Outcome:
    attributes = (
        _mass(values, tables.dod_weight, "max gross take-off weight"),
        _altitude(values, tables),
        _speed(values, tables),
    )
    low = max(attribute.low for attribute in attributes)
    high = max(attribute.high for attribute in attributes)
    deciding = [a for a in attributes if a.deciding and a.low == low]
    rule = "; ".join(a.rule for a in deciding)
    if any(a.deciding and a.high < low for a in attributes):
        rule += f" ({_LIFT})"
    missing = tuple(a.missing for a in attributes if a.high > low)
    specs = tuple(name for a in deciding for name in a.deciding)
    return _Outcome(low if low == high else None, low, None, rule, specs, missing)


def _nato(values: _Values, tables: _Tables, category: Category | None) -> _Outcome:
    mass = _mass(values, tables.nato_class, "max take-off mass")
    if mass.low != mass.high:
        return _Outcome(None, mass.low, None, mass.rule, mass.deciding, (mass.missing,))
    rule, subclass = mass.rule, None
    if mass.low == 1:
        band = _place(values["mtow"], tables.nato_class_i)
        subclass = (NatoSubclass.MICRO, NatoSubclass.MINI, NatoSubclass.SMALL)[band.rank - 1]
        rule += f", {subclass.value}: {band.text}"
    elif mass.low == 2:
        subclass = NatoSubclass.TACTICAL
    elif category is not None and (subclass := _CLASS_III_SUBCLASS.get(category)):
        rule += f", {subclass.value}: the platform's category"
    return _Outcome(mass.low, mass.low, subclass, rule, mass.deciding, ())


def _mtcr(values: _Values, tables: _Tables, _category: Category | None) -> _Outcome:
    neither, category_ii, category_i = 1, 2, 3
    range_ = values.get("range")
    range_spec, range_text = "range", "range ≥ 300 km"
    if range_ is None and (radius := values.get("combat_radius")) is not None:
        range_, range_spec, range_text = radius, "combat_radius", "range ≥ combat radius ≥ 300 km"
    payload = values.get("payload")
    payload_spec, payload_text = "payload", "payload ≥ 500 kg"
    if payload is None and (warhead := values.get("warhead")) is not None:
        payload, payload_spec, payload_text = warhead, "warhead", "payload ≥ warhead ≥ 500 kg"
    payload_exact = payload_spec == "payload"
    heavy = payload is not None and payload >= tables.mtcr_payload

    if range_ is None or range_ < tables.mtcr_range:
        if range_spec == "range" and range_ is not None:
            rule = "range < 300 km: neither item 1.A.2 nor item 19.A.2"
            return _Outcome(neither, neither, None, rule, ("range",), ())
        decided_payload = heavy or (payload is not None and payload_exact)
        missing = ("range",) if decided_payload else ("range", "payload")
        return _Outcome(None, neither, None, "", (), missing)
    if heavy:
        rule = f"item 1.A.2: {payload_text} to a {range_text}"
        return _Outcome(category_i, category_i, None, rule, (range_spec, payload_spec), ())
    if payload is not None and payload_exact:
        rule = f"item 19.A.2: {range_text}, payload < 500 kg (not item 1.A.2)"
        return _Outcome(category_ii, category_ii, None, rule, (range_spec, "payload"), ())
    rule = f"item 19.A.2: {range_text}"
    return _Outcome(None, category_ii, None, rule, (range_spec,), ("payload",))


_Core = Callable[[_Values, _Tables, Category | None], _Outcome]

_CONSULTED: Final = {
    Scheme.DOD: (
        "mtow",
        "empty_mass",
        "payload",
        "ceiling",
        "max_speed",
        "cruise_speed",
    ),
    Scheme.NATO: ("mtow", "empty_mass", "payload"),
    Scheme.MTCR: ("range", "combat_radius", "payload", "warhead"),
}
"""The specs each scheme reads, directly or as a bound."""

_ALL_CONSULTED: Final = frozenset(name for names in _CONSULTED.values() for name in names)


_Published = Quantity | Reported
"""A spec's value as published: a plain Quantity, or a reported value with its source."""


def _evidence(name: str, published: _Published) -> Evidence:
    if isinstance(published, Reported):
        return Evidence.of(name, published)
    return Evidence(name, published)


def _verdict(
    scheme: Scheme,
    outcome: _Outcome,
    published: Mapping[str, _Published],
    assumes: Evidence | None = None,
    alternatives: tuple[Verdict[Any], ...] = (),
) -> Verdict[Any]:
    members = _ORDER[scheme]
    answer = None if outcome.answer is None else members[outcome.answer - 1]
    at_least = answer
    if answer is None and outcome.low > 1:
        at_least = members[outcome.low - 1]
    informative = answer is not None or at_least is not None
    evidence: tuple[Evidence, ...] = ()
    if informative:
        evidence = tuple(_evidence(name, published[name]) for name in outcome.deciding)
    return Verdict(
        scheme,
        answer=answer,
        at_least=at_least,
        subclass=outcome.subclass,
        rule=outcome.rule if informative else "",
        evidence=evidence,
        missing=outcome.missing,
        assumes=assumes,
        alternatives=alternatives,
    )


class _Inputs(NamedTuple):
    """What every scheme reads, computed once per :func:`classify` call."""

    preferred: Mapping[str, float]  # each known consulted spec's preferred value, SI
    published: Mapping[str, _Published]  # ... and as published
    figures: Mapping[str, tuple[Figure, tuple[float, ...]]]  # the disputed ones, in SI
    category: Category | None
    tables: _Tables


def _judge(scheme: Scheme, core: _Core, inputs: _Inputs) -> Verdict[Any]:
    preferred, published, category, tables = (
        inputs.preferred,
        inputs.published,
        inputs.category,
        inputs.tables,
    )
    outcome = core(preferred, tables, category)
    shown = (outcome.answer, outcome.low, outcome.subclass)
    alternatives: list[Verdict[Any]] = []
    for name in _CONSULTED[scheme]:
        if name not in inputs.figures:
            continue
        figure, (first, *others) = inputs.figures[name]
        for report, value in zip(figure.reports[1:], others, strict=True):
            if value == first:
                continue
            other = core({**preferred, name: value}, tables, category)
            if (other.answer, other.low, other.subclass) == shown:
                continue
            assumed = Evidence.of(name, report)
            alternatives.append(_verdict(scheme, other, {**published, name: report}, assumed))
    return _verdict(scheme, outcome, published, alternatives=tuple(alternatives))


_CORES: Final[tuple[tuple[Scheme, _Core], ...]] = (
    (Scheme.DOD, _dod),
    (Scheme.NATO, _nato),
    (Scheme.MTCR, _mtcr),
)


def classify(subject: Platform | Specs) -> Classification:
    """Return the DoD group, NATO class and MTCR category of a platform or its specs.

    Each answer is decided on the preferred value of each spec; where another
    reported value of a spec would give a different answer, the verdict lists
    it under :attr:`Verdict.alternatives`. Given a :class:`Platform`, a NATO
    class III verdict also names the category (MALE, HALE, strike/combat)
    from the platform's :class:`Category`.

    >>> import dronemarket as dm
    >>> print(dm.classify(dm.Specs(mtow="1.5 kg", ceiling="400 ft", max_speed="40 kn")).dod)
    US DoD UAS group: Group 1; max gross take-off weight ≤ 20 lb; service ceiling < 1,200 ft;
    maximum speed < 100 kn [mtow = 1.5 kg, ceiling = 400 ft, max_speed = 40 kn]
    """
    if isinstance(subject, Platform):
        specs, category = subject.specs, subject.category
    elif isinstance(subject, Specs):
        specs, category = subject, None
    else:
        raise ValidationError("classify", "subject", subject, "is not a Platform or Specs")
    preferred: dict[str, float] = {}
    published: dict[str, _Published] = {}
    figures: dict[str, tuple[Figure, tuple[float, ...]]] = {}
    for name, stored in specs.stored().items():
        if name not in _ALL_CONSULTED:
            continue
        if isinstance(stored, Figure):
            values = tuple(map(rounded, stored.si_values()))
            preferred[name], published[name] = values[0], stored.reports[0]
            if len(values) > 1:
                figures[name] = (stored, values)
        else:
            preferred[name], published[name] = rounded(si_magnitude(stored)), stored
    inputs = _Inputs(preferred, published, figures, category, _tables())
    dod, nato, mtcr = (_judge(scheme, core, inputs) for scheme, core in _CORES)
    return Classification(dod, nato, mtcr)
