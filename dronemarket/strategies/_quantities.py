"""Strategies for quantities, reported values, figures and specs."""

from __future__ import annotations

import functools
import math
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Final, NamedTuple, cast

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from dronemarket.errors import ValidationError
from dronemarket.platforms import (
    _ORDERED_PAIRS,
    SPEC_FIELDS,
    Figure,
    Reported,
    Specs,
)
from dronemarket.strategies._checks import _check_limit, _collection
from dronemarket.strategies._drawing import _draw_source, _maybe, _unique
from dronemarket.strategies._vocabulary import (
    _FIELD_UNITS,
    _FIGURE_NOTES,
    _MAX_PLACES,
    _SIGNIFICANT,
    DRAWN_UNITS,
)
from dronemarket.units import Dimension, Quantity, quantity, si_magnitude

if TYPE_CHECKING:
    from dronemarket.platforms import SpecInputs


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
    chosen = DRAWN_UNITS[kind] if units is None else tuple(_collection(units, "units"))
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
    :data:`DRAWN_UNITS`, such as m, ft and km for a length), and its magnitude is
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
    return _reported(kind, DRAWN_UNITS[kind], bounds)


@st.composite
def _figures(draw: st.DrawFn, dimension: Dimension, bounds: _Bounds, most: int) -> Figure:
    return Figure(tuple(_draw_reports(draw, dimension, DRAWN_UNITS[dimension], bounds, most)))


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


def _spec_units(name: str) -> tuple[str, ...]:
    """Return the units spec `name` is drawn in: the spec table's, where it gives them."""
    given = getattr(SPEC_FIELDS[name], "units", None)  # the table may carry them
    return tuple(given) if given else _FIELD_UNITS[name]


@st.composite
def _specs(draw: st.DrawFn, fields: frozenset[str], required: frozenset[str], most: int) -> Specs:
    drawn: dict[str, Quantity | Figure] = {}
    for name in _DRAW_ORDER:
        if name not in fields or (name not in required and draw(st.integers(0, 2)) != 2):
            continue  # about a third of the specs are known, as for most platforms
        spec = SPEC_FIELDS[name]
        bounds = _field_bounds(name, drawn)
        reports = _draw_reports(draw, spec.dimension, _spec_units(name), bounds, most)
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
