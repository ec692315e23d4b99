"""Physical quantities: pint's application registry, dimensions, safe parsing.

`dronemarket` never builds a unit registry of its own. It uses pint's
*application registry* (:func:`pint.get_application_registry`), and touches it
only when a quantity is first made, never at import time.

A spec is given either as a pint Quantity or as a short string:

>>> from dronemarket.units import Dimension, quantity
>>> quantity("25,000 ft", Dimension.LENGTH)
<Quantity(25000, 'foot')>
>>> quantity("1.5 t", Dimension.MASS).to("kg")
<Quantity(1500.0, 'kilogram')>

The unit it was given in is kept; conversion is on demand. Strings are
untrusted input, so they are *not* handed to pint's expression parser (which
evaluates arithmetic and can be made to run for minutes). The accepted form is
a plain number and a unit name::

    [sign] digits [. digits] [e exponent]  [space]  unit [/ unit]

with optional thousands separators (``25,000``), at most
:data:`MAX_QUANTITY_TEXT` characters. Anything else is rejected at once:

>>> quantity("12 kg", Dimension.LENGTH, owner="Specs", field="wingspan")
Traceback (most recent call last):
...
dronemarket.errors.UnitError: Specs.wingspan: '12 kg' is not a length (expected ...)
"""

from __future__ import annotations

import enum
import functools
import math
import numbers
import re
import threading
from typing import TYPE_CHECKING, Annotated, Any, Final, NamedTuple, TypeAlias

import pint

from dronemarket._validate import a
from dronemarket.errors import UnitError

if TYPE_CHECKING:
    from pint.util import UnitsContainer

_Registry: TypeAlias = "pint.UnitRegistry[Any]"

__all__ = [
    "MAX_QUANTITY_TEXT",
    "Dimension",
    "Duration",
    "Length",
    "Mass",
    "Power",
    "Quantity",
    "Speed",
    "magnitude_in",
    "quantity",
    "registry",
    "si_magnitude",
    "unit_named",
]

if TYPE_CHECKING:
    Quantity: TypeAlias = pint.Quantity[Any]
else:
    Quantity = pint.Quantity
"""The type of every physical value in `dronemarket`: a pint Quantity."""

MAX_QUANTITY_TEXT: Final = 64
"""The longest string :func:`quantity` parses; longer input is rejected unread."""


class Dimension(enum.Enum):
    """A physical dimension a spec can have, with the SI unit it is keyed in."""

    LENGTH = ("length", "[length]", "meter", "'12 m' or '30,000 ft'")
    MASS = ("mass", "[mass]", "kilogram", "'650 kg' or '1.5 t'")
    DURATION = ("duration", "[time]", "second", "'27 h' or '45 min'")
    SPEED = ("speed", "[length] / [time]", "meter / second", "'70 kn' or '130 km/h'")
    POWER = ("power", "[mass] * [length] ** 2 / [time] ** 3", "watt", "'100 hp'")

    def __init__(self, noun: str, pint_dimension: str, si_unit: str, example: str) -> None:
        self.noun = noun
        self.pint_dimension = pint_dimension
        self.si_unit = si_unit
        self.example = example

    @property
    def expectation(self) -> str:
        """Say what a value of this dimension looks like, for error messages."""
        return f"expected a {self.noun}, such as {self.example}"


Length: TypeAlias = Annotated[Quantity, Dimension.LENGTH]
"""A Quantity of length (wingspan, ceiling, range)."""
Mass: TypeAlias = Annotated[Quantity, Dimension.MASS]
"""A Quantity of mass (take-off mass, payload, warhead)."""
Duration: TypeAlias = Annotated[Quantity, Dimension.DURATION]
"""A Quantity of time (endurance)."""
Speed: TypeAlias = Annotated[Quantity, Dimension.SPEED]
"""A Quantity of speed (cruise and maximum speed)."""
Power: TypeAlias = Annotated[Quantity, Dimension.POWER]
"""A Quantity of power (engine power)."""


_LOCK: Final = threading.RLock()
"""Guards the first use of a registry and the misses of the unit memos.

pint builds its application registry on first attribute access, and a second
thread that uses it meanwhile sees it half loaded; so every first use in
`dronemarket` goes through this lock.
"""


@functools.lru_cache(maxsize=8)
def _ready(reg: _Registry) -> _Registry:
    """Return `reg` once it is fully built (memoized, so built once, under the lock)."""
    with _LOCK:
        reg.Quantity  # noqa: B018 - the first attribute access builds a lazy registry
        return reg


def registry() -> _Registry:
    """Return the registry quantities are made in: pint's application registry.

    The call is cheap. The registry is built on first use, under a lock, so
    threads that make their first quantities at the same time all see it whole.
    """
    reg: _Registry = _APPLICATION.get()
    if reg is _LAST_READY[0]:  # the usual case: the registry of the last call, already whole
        return reg
    # lru_cache keys by hash, and pint registries hash by identity.
    _LAST_READY[0] = made = _ready(reg)
    return made


_LAST_READY: Final[list[_Registry | None]] = [None]
"""The registry :func:`registry` last returned, fully built: a pure cache of one entry."""


_APPLICATION: Final = pint.get_application_registry()  # type: ignore[no-untyped-call]
"""pint's wrapper of the application registry: one object, whatever registry it holds."""


class _Unit(NamedTuple):
    """What `dronemarket` needs to know of one unit, computed once per unit."""

    units: UnitsContainer
    dimension: Dimension | None  # None: not a dimension a spec can have
    si_factor: float  # multiply a magnitude by this to get SI base units


@functools.lru_cache(maxsize=512)
def _unit(reg: _Registry, units: UnitsContainer) -> _Unit:
    """Classify a unit: its dimension and its factor to SI (memoized, pure)."""
    one = reg.Quantity(1, units)
    if not one._is_multiplicative:  # noqa: SLF001 - offset units (degC) are not amounts
        return _Unit(units, None, math.nan)
    dimensionality = one.dimensionality
    for dimension in Dimension:
        if dimensionality == reg.get_dimensionality(dimension.pint_dimension):
            factor = float(one.to(dimension.si_unit).magnitude)
            return _Unit(units, dimension, factor)
    return _Unit(units, None, math.nan)


# A letter (or the micro sign, U+00B5 or U+03BC), then letters, digits or underscores.
_UNIT_NAME = r"(?:[^\W\d]|[\u00b5\u03bc])\w*"
_UNIT_TEXT = rf"{_UNIT_NAME}(?:\s*/\s*{_UNIT_NAME})?"
_QUANTITY_TEXT = re.compile(
    r"\s*(?P<number>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?(?:[eE][-+]?\d{1,3})?"
    r"|[-+]?\.\d+(?:[eE][-+]?\d{1,3})?)"
    rf"\s*(?P<unit>{_UNIT_TEXT})\s*",
    re.ASCII,
)
_UNIT_ONLY = re.compile(rf"\s*(?P<unit>{_UNIT_TEXT})\s*", re.ASCII)


@functools.lru_cache(maxsize=8)
def unit_table(reg: _Registry) -> dict[int, _Unit]:  # noqa: ARG001 - the cache key
    """Return the memo of :func:`_unit` results for one registry, for hot loops.

    Keyed by the identity of a unit container (pint hashes containers in
    Python, which costs more than the rest of a lookup); each entry holds its
    container, so an id cannot be reused while its entry exists, and a hit
    is checked with ``info.units is units``. The table is a pure cache: it
    changes no result, only how fast it comes.
    """
    return {}


def unit_of(reg: _Registry, units: UnitsContainer) -> _Unit:
    """Return what `dronemarket` knows of a unit, from the memo when it can."""
    table = unit_table(reg)
    info = table.get(id(units))
    if info is None or info.units is not units:
        info = _unit(reg, units)._replace(units=units)
        if len(table) < _MAX_UNITS_MEMO:
            table[id(units)] = info
    return info


_MAX_UNITS_MEMO: Final = 4096


@functools.lru_cache(maxsize=8)
def _text_table(reg: _Registry) -> dict[str, _Unit]:  # noqa: ARG001 - the cache key
    """Return the memo of unit names found in one registry (found ones only)."""
    return {}


def _unit_from_text(reg: _Registry, text: str) -> _Unit | None:
    """Look a unit name (or ``a/b``) up in the registry; None when unknown.

    Names are matched case-sensitively whatever the registry's default (in a
    case-insensitive registry "km" could be a kilomolar). Only units found are
    memoized: a name the registry does not know yet may be defined later.
    """
    table = _text_table(reg)
    info = table.get(text)
    if info is not None:
        return info
    with _LOCK:
        try:
            units = reg.parse_units_as_container(text, case_sensitive=True)
        except Exception:  # noqa: BLE001 - pint's parser may raise anything on odd names
            return None
        info = _unit(reg, units)
        if len(table) < _MAX_UNITS_MEMO:
            table[text] = info
    return info


def _new(reg: _Registry, magnitude: float, units: UnitsContainer) -> Quantity:
    """Make a Quantity without pint's generic argument handling.

    Equivalent to ``reg.Quantity(magnitude, units)`` for a plain int or float
    and a UnitsContainer of `reg`, about ten times faster.
    """
    made: Quantity = object.__new__(reg.Quantity)
    made._magnitude = magnitude  # noqa: SLF001
    made._units = units  # noqa: SLF001
    return made


def _reject(owner: str, field: str, value: object, rule: str) -> UnitError:
    return UnitError(owner, field, value, rule)


def _check_magnitude(
    magnitude: object, value: object, owner: str, field: str, dimension: Dimension | None
) -> float:
    """Return `magnitude` as a plain positive finite int or float, or raise."""
    kind = type(magnitude)
    if kind is float or kind is int:  # the usual case, without the abstract checks
        plain: float = magnitude  # type: ignore[assignment]
    elif isinstance(magnitude, bool) or not isinstance(magnitude, numbers.Real):
        expected = _expected(dimension, "expected a physical quantity")
        rule = f"has a magnitude that is not a real number ({expected})"
        raise _reject(owner, field, value, rule)
    else:
        # Any other real (numpy's int64 and float32, a Fraction) is kept as the plain type.
        try:
            plain = int(magnitude) if isinstance(magnitude, numbers.Integral) else float(magnitude)
        except (OverflowError, ValueError, TypeError):  # a broken real
            plain = math.nan
    try:
        finite = math.isfinite(plain)
    except OverflowError:  # an int too large for a float
        finite = False
    if not finite:
        expected = _expected(dimension, "expected a physical quantity")
        raise _reject(owner, field, value, f"is not finite ({expected})")
    if plain <= 0:
        expected = _expected(dimension, "expected a physical quantity")
        raise _reject(owner, field, value, f"is not positive ({expected})")
    return plain


def _expected(dimension: Dimension | None, otherwise: str) -> str:
    """Say what was expected, for a message (built only when one is raised)."""
    return dimension.expectation if dimension else otherwise


def _check_si(magnitude: float, info: _Unit, value: object, owner: str, field: str) -> float:
    """Return a checked magnitude in SI base units: finite and, like it, positive."""
    try:
        si = magnitude * info.si_factor
    except OverflowError:  # an int too large for a float
        si = math.inf
    if not math.isfinite(si):
        unit = info.dimension.si_unit if info.dimension else "SI units"
        rule = f"is too large: in {unit} it overflows a float"
        raise _reject(owner, field, value, rule)
    if si <= 0:
        unit = info.dimension.si_unit if info.dimension else "SI units"
        rule = f"is too small: in {unit} it underflows to zero, so it is not positive"
        raise _reject(owner, field, value, rule)
    return si


def quantity(
    value: Quantity | str,
    dimension: Dimension | None,
    *,
    owner: str = "Quantity",
    field: str = "value",
) -> Quantity:
    """Return `value` as a positive Quantity of `dimension`, in the unit it came in.

    `value` is a pint Quantity (from any registry; one from another registry
    is re-created in the application registry) or a string such as
    ``"25000 ft"``, ``"27 h"``, ``"70 kn"``, ``"100 hp"`` or ``"1.5 t"``.
    `dimension` None accepts any of the :class:`Dimension` members.
    `owner` and `field` name the class and field in the error, a
    :class:`~dronemarket.errors.UnitError`, raised for: a wrong dimension,
    a bare number, a bool, NaN or infinity, zero or a negative value, an
    offset unit such as degrees Celsius, and a malformed or over-long string.

    >>> quantity("100 hp", Dimension.POWER).to("kW").magnitude
    74.569987158227...
    """
    reg = registry()
    value_: object = value
    if type(value_) is str:
        # Text read before is not read again: its unit and checked magnitude are kept.
        memo = _parsed_table(reg)
        known = memo.get(value_)
        if known is not None:
            info, magnitude = known
            if dimension is not None and info.dimension is not dimension:
                raise _wrong_dimension(value, owner, field, dimension)
            return _new(reg, magnitude, info.units)
        info, magnitude = _parse(value_, reg, owner, field, dimension)
        _check_si(magnitude, info, value, owner, field)
        if len(memo) < _MAX_UNITS_MEMO:
            memo[value_] = (info, magnitude)
        return _new(reg, magnitude, info.units)
    if isinstance(value_, str):
        info, magnitude = _parse(value_, reg, owner, field, dimension)
    elif isinstance(value_, pint.Quantity):
        info, magnitude = _adopt(value_, reg, owner, field, dimension)
    else:
        expected = dimension.expectation if dimension else "expected a physical quantity"
        rule = f"is {a(type(value).__name__)}, not a quantity with a unit ({expected})"
        raise _reject(owner, field, value, rule)
    _check_si(magnitude, info, value, owner, field)
    return _new(reg, magnitude, info.units)


def _wrong_dimension(
    value: object, owner: str, field: str, dimension: Dimension | None
) -> UnitError:
    if dimension is None:
        names = ", ".join(member.noun for member in Dimension)
        return _reject(owner, field, value, f"is not a quantity of a known kind ({names})")
    return _reject(owner, field, value, f"is not a {dimension.noun} ({dimension.expectation})")


def _adopt(
    value: Quantity, reg: _Registry, owner: str, field: str, dimension: Dimension | None
) -> tuple[_Unit, float]:
    """Return the unit (in `reg`) and magnitude `value` is kept in, checked.

    The result is always made anew: pint Quantities can change in place
    (``q.ito("lb")``), and a frozen record must not share one with its
    caller. A Quantity of another registry is converted by value, through
    that registry's own definitions: it keeps its unit where `reg` knows that
    unit with the same factor to SI, and is kept in SI units otherwise. It is
    never re-created from its unit's name, which may mean another thing here.
    """
    theirs = value._REGISTRY  # noqa: SLF001
    try:
        info = unit_of(theirs, value._units)  # noqa: SLF001
    except Exception:  # noqa: BLE001 - a foreign registry may fail in any way
        info = _Unit(value._units, None, math.nan)  # noqa: SLF001
    if info.dimension is None or (dimension is not None and info.dimension is not dimension):
        raise _wrong_dimension(value, owner, field, dimension)
    magnitude = _check_magnitude(value._magnitude, value, owner, field, dimension)  # noqa: SLF001
    if theirs is reg:
        return info, magnitude
    try:
        ours = unit_of(reg, value._units)  # noqa: SLF001
    except Exception:  # noqa: BLE001 - a unit this registry does not know
        ours = None
    if ours is not None and ours.dimension is info.dimension and ours.si_factor == info.si_factor:
        return ours, magnitude
    si = _check_si(magnitude, info, value, owner, field)
    return _si_unit(reg, info.dimension), si


@functools.lru_cache(maxsize=64)
def _si_unit(reg: _Registry, dimension: Dimension) -> _Unit:
    """Return what `dronemarket` knows of a dimension's SI unit in `reg`."""
    found = _unit_from_text(reg, dimension.si_unit.replace(" ", ""))
    if found is None:  # pragma: no cover - every registry defines the SI units
        raise UnitError("Quantity", "unit", dimension.si_unit, "is not known to the registry")
    return found


@functools.lru_cache(maxsize=8)
def _parsed_table(reg: _Registry) -> dict[str, tuple[_Unit, float]]:  # noqa: ARG001 - the key
    """Return the memo of texts :func:`quantity` has read in one registry (valid ones only).

    Each text maps to its unit and its checked magnitude; a text that failed
    is never kept, so a unit defined later is found then.
    """
    return {}


def _parse(
    text: str, reg: _Registry, owner: str, field: str, dimension: Dimension | None
) -> tuple[_Unit, float]:
    expected = _expected(dimension, "expected a quantity such as '12 m'")
    if len(text) > MAX_QUANTITY_TEXT:
        rule = f"is longer than {MAX_QUANTITY_TEXT} characters ({expected})"
        raise _reject(owner, field, text, rule)
    match = _QUANTITY_TEXT.fullmatch(text)
    if match is None:
        raise _reject(owner, field, text, f"is not a number and a unit ({expected})")
    number = match["number"].replace(",", "")
    is_integer = number.lstrip("+-").isdigit()
    magnitude: float = int(number) if is_integer else float(number)
    info = _unit_from_text(reg, match["unit"].replace(" ", ""))
    if info is None:
        raise _reject(owner, field, text, f"has an unknown unit ({expected})")
    if info.dimension is None or (dimension is not None and info.dimension is not dimension):
        raise _wrong_dimension(text, owner, field, dimension)
    return info, _check_magnitude(magnitude, text, owner, field, dimension)


def si_magnitude(value: Quantity) -> float:
    """Return the magnitude of a `dronemarket` quantity in SI base units.

    Cheap: the unit's factor is computed once per unit, then it is one
    multiplication.

    >>> si_magnitude(quantity("1 km", Dimension.LENGTH))
    1000.0
    """
    info = unit_of(value._REGISTRY, value._units)  # noqa: SLF001
    return value.magnitude * info.si_factor  # type: ignore[no-any-return]


def magnitude_in(value: Quantity, unit: str) -> float:
    """Return the magnitude of `value` in `unit`, for thresholds and display.

    `unit` is a unit name or a ratio of two (``"lb"``, ``"km/h"``), read by the
    same safe parser as quantities; a malformed or unknown name, or one of
    another dimension, raises a :class:`~dronemarket.errors.UnitError`.

    >>> magnitude_in(quantity("650 kg", Dimension.MASS), "lb")
    1433.00...
    """
    given: object = value
    if not isinstance(given, pint.Quantity):
        rule = f"is {a(type(given).__name__)}, not a quantity with a unit"
        raise _reject("magnitude_in", "value", value, rule)
    info = unit_of(value._REGISTRY, value._units)  # noqa: SLF001
    if info.dimension is None:
        raise _wrong_dimension(value, "magnitude_in", "value", None)
    target = unit_named(unit, info.dimension, owner="magnitude_in", field="unit")
    magnitude = _check_magnitude(value._magnitude, value, "magnitude_in", "value", None)  # noqa: SLF001
    return float(magnitude * info.si_factor / target.si_factor)


def unit_named(
    unit: str, dimension: Dimension | None, *, owner: str = "Unit", field: str = "unit"
) -> _Unit:
    """Return what `dronemarket` knows of a unit name (``"ft"``, ``"km/h"``), checked.

    Read by the safe parser, in bounded time: a name that is not text, is
    malformed or over-long, is unknown, or is not of `dimension` raises a
    :class:`~dronemarket.errors.UnitError` naming `owner` and `field`.
    """
    given: object = unit
    expected = dimension.expectation if dimension else "expected a unit name such as 'm'"
    if not isinstance(given, str):
        rule = f"is {a(type(given).__name__)}, not a unit name ({expected})"
        raise _reject(owner, field, given, rule)
    if len(unit) > MAX_QUANTITY_TEXT:
        rule = f"is longer than {MAX_QUANTITY_TEXT} characters ({expected})"
        raise _reject(owner, field, unit, rule)
    match = _UNIT_ONLY.fullmatch(unit)
    info = None if match is None else _unit_from_text(registry(), match["unit"].replace(" ", ""))
    if info is None:
        raise _reject(owner, field, unit, f"is not a known unit name ({expected})")
    if info.dimension is None or (dimension is not None and info.dimension is not dimension):
        raise _wrong_dimension(unit, owner, field, dimension)
    return info


_KEY_BITS: Final = 34  # about ten significant decimal digits


def rounded(si: float) -> float:
    """Return an SI magnitude rounded to 34 significant bits (about ten digits).

    This is a value's identity for equality and hashing: ``12 m`` and
    ``1200 cm`` differ in their last binary digit once converted, and are
    the same value.
    """
    mantissa, exponent = math.frexp(si)
    return math.ldexp(round(mantissa * (1 << _KEY_BITS)), exponent - _KEY_BITS)


def unit_label(value: Quantity) -> str:
    """Return the short symbol of a quantity's unit, as in ``"ft"`` or ``"kg"``."""
    return f"{value.units:~}"
