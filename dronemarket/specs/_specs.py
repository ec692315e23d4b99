"""`Specs`: a platform's published specifications, checked against the table of specs."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TypedDict, Unpack, overload

import pint
from attrs import field, frozen
from pint.util import UnitsContainer

from dronemarket.errors import UnitError, ValidationError
from dronemarket.specs._reported import Figure, Reported, as_reported, text
from dronemarket.specs._table import ORDERED_PAIRS, SPEC_FIELDS
from dronemarket.units import (
    Dimension,
    Quantity,
    _new,
    quantity,
    registry,
    rounded,
    si_magnitude,
    unit_of,
    unit_table,
)

if TYPE_CHECKING:
    from typing import Self

__all__ = ["SpecInput", "SpecInputs", "Specs", "Stored"]


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
_ORDERED: Final = frozenset(name for pair in ORDERED_PAIRS for name in pair)

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
                # Tuples indexed, not named: info is (units, dimension, SI factor),
                # limit is (position, dimension, upper bound in SI).
                units = given._units  # noqa: SLF001
                info = table.get(id(units))
                if info is None or info[0] is not units:
                    info = unit_of(reg, units)
                magnitude = given._magnitude  # noqa: SLF001
                kind = type(magnitude)
                if (kind is float or kind is int) and info[1] is limit[1]:
                    try:
                        si = magnitude * info[2]
                    except OverflowError:  # an int too large for a float: the slow path says so
                        si = 0.0
                    if 0 < si <= limit[2]:
                        stored = (magnitude, units, si, reg)
            if stored is None:  # anything else, or out of bounds: checked in full
                stored = _normalize(name, given, limit, reg)
            values[limit[0]] = stored
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

    def _raw_values(self) -> tuple[_Stored, ...]:
        """Return every spec exactly as kept, for writers that only read it (the serializer).

        Each is None, a :class:`Figure`, or a plain value as a tuple
        ``(magnitude, units, SI magnitude, registry)``: no Quantity is built,
        so nothing handed out can change what these specs are.
        """
        return self._values

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
        try:  # the usual case: both keys made already (a platform hashes its specs)
            return self._hash == other._hash and self._key == other._key
        except AttributeError:
            pass
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
            shown = given if isinstance(given, str) else text(made)
            raise ValidationError("Specs", name, shown, rule)
        return (made._magnitude, made._units, si, reg)  # noqa: SLF001
    try:
        if isinstance(given, Figure):
            figure = given
        elif isinstance(given, Reported):
            figure = Figure((given,))
        else:
            figure = Figure(tuple(as_reported(item) for item in given))
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
            raise ValidationError("Specs", name, text(report._value), rule)  # noqa: SLF001
    return values


def _rule_of(error: ValidationError) -> str:
    """Return the rule of an error raised for a part, to re-raise it for the whole."""
    if error.owner == "Reported" and error.field == "value":
        return error.rule
    return f"has a bad part: {error}"


def _si_values(stored: _Raw | Figure) -> tuple[float, ...]:
    return stored.si_values() if isinstance(stored, Figure) else (stored[2],)


def _check_order(values: list[_Stored], limits: Mapping[str, _Limit]) -> None:
    for smaller, larger in ORDERED_PAIRS:
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
        return text(stored.reports[0]._value)  # noqa: SLF001
    return text(_build(stored))  # type: ignore[arg-type]
