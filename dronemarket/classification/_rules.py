"""The thresholds of each scheme and the rules that place rounded SI values in them.

Each scheme's core takes the preferred values of the specs it reads (rounded
SI magnitudes) and answers with an :class:`_Outcome`: a rank, or a lower bound
and the specs that are missing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Final, NamedTuple

from dronemarket.classification._schemes import _CLASS_III_SUBCLASS, NatoSubclass, Scheme
from dronemarket.platforms import Category
from dronemarket.specs import SPEC_FIELDS
from dronemarket.units import Dimension, quantity, rounded, si_magnitude

__all__: list[str] = []


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
