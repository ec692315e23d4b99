"""Plain data in and out: JSON-ready primitives, losslessly, and back with every error.

:func:`unstructure` turns any `dronemarket` object into dicts, lists, strings,
numbers, booleans and None, ready for :func:`json.dumps`; :func:`structure`
turns such data back into the object, and the round trip is exact:

>>> import json
>>> import dronemarket as dm
>>> specs = dm.Specs(ceiling="25,000 ft", mtow="650 kg")
>>> data = dm.unstructure(specs)
>>> data
{'mtow': '650 kg', 'ceiling': '25000 ft'}
>>> dm.structure(json.loads(json.dumps(data)), dm.Specs) == specs
True

Bad data is answered with one :class:`~dronemarket.StructureError` that lists
every problem with its path:

>>> dm.structure({"mtow": "12 m", "ceiling": 3}, dm.Specs)
Traceback (most recent call last):
...
dronemarket.errors.StructureError: 2 errors in the data
  mtow: expected a mass, got '12 m'
  ceiling: expected a length such as '12 m' or '30,000 ft', got 3

The wire forms, the size limits and the market document are described in
the "Loading and saving data" page of the documentation.
"""

# Plain data and the hooks that read it are dynamically typed by nature; every
# hook has the signature (value, ctx) whether it needs the context or not; and
# quantities are read and written through pint's private fields for speed, as
# dronemarket.units does:
# ruff: noqa: ANN401, ARG001, ARG002, ARG005, SLF001

from __future__ import annotations

import contextlib
import enum
import functools
import inspect
import math
import operator
import re
import reprlib
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar, overload

import attrs
import cattrs
import pint
from attrs import frozen
from cattrs.errors import AttributeValidationNote, BaseValidationError, IterableValidationNote

from dronemarket import units
from dronemarket.classification import Classification, Evidence, Verdict
from dronemarket.cooperation import Cooperation
from dronemarket.dates import PartialDate
from dronemarket.deals import Count, Deal, Delivery, Money, slug
from dronemarket.errors import DroneMarketError, StructureError, ValidationError
from dronemarket.market import Market
from dronemarket.parties import (
    Country,
    Organization,
    Recipient,
    Sanction,
    Statement,
    Supplier,
)
from dronemarket.platforms import SPEC_FIELDS, Figure, Platform, Reported, Specs
from dronemarket.production import LicensedProduction
from dronemarket.sources import Source
from dronemarket.units import Dimension, Quantity

if TYPE_CHECKING:
    from pint.util import UnitsContainer

__all__ = [
    "DOCUMENT_FORMAT",
    "DOCUMENT_VERSION",
    "MAX_DEPTH",
    "MAX_INTEGER",
    "MAX_ITEMS",
    "MAX_LENGTH",
    "MAX_STRING",
    "LoadResult",
    "Rejected",
    "json_schema",
    "load_records",
    "make_converter",
    "structure",
    "unstructure",
]

T = TypeVar("T")

MAX_DEPTH: Final = 32
"""The deepest nesting of lists and objects a document may have."""
MAX_LENGTH: Final = 100_000
"""The most items a single list, or keys a single object, may have."""
MAX_STRING: Final = 10_000
"""The longest string (value or key) a document may hold, in characters."""
MAX_ITEMS: Final = 2_000_000
"""The most values (counting every list item and object value) a document may hold."""
MAX_INTEGER: Final = 2**53
"""The largest integer (in absolute value) a document may hold: JSON's exact range."""

DOCUMENT_FORMAT: Final = "dronemarket.market"
"""The value of the ``format`` key of a market document."""
DOCUMENT_VERSION: Final = 1
"""The version of the market document this library writes and reads."""

_SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
_MISSING: Final = attrs.NOTHING


# ----------------------------------------------------------------------------
# Errors: collected with their paths, as tuples of keys and indexes.

Path = tuple[str | int, ...]
_Errors = list[tuple[Path, str]]


class _Invalid(Exception):  # noqa: N818 - an internal signal, never raised to callers
    """Raised inside the structuring functions; carries every error found below."""

    def __init__(self, errors: _Errors) -> None:
        super().__init__(errors)
        self.errors = errors


_shower = reprlib.Repr()
_shower.maxstring = 60
_shower.maxother = 60
_shower.maxlist = 4
_shower.maxdict = 4
_shower.maxlevel = 2


def _show(value: object) -> str:
    """Return a short, safe ``repr`` of a value from the input."""
    try:
        return _shower.repr(value)
    except Exception:  # noqa: BLE001 - a huge int's repr raises: show its type instead
        return f"<{type(value).__name__}>"


def _expected(what: str, value: object) -> str:
    return f"expected {what}, got {_show(value)}"


def _fail(message: str) -> _Invalid:
    return _Invalid([((), message)])


def _nest(errors: _Errors | None, key: str | int, error: _Invalid) -> _Errors:
    out = [] if errors is None else errors
    out.extend(((key, *path), message) for path, message in error.errors)
    return out


def _add(errors: _Errors | None, key: str | int, message: str) -> _Errors:
    out = [] if errors is None else errors
    out.append(((key,), message))
    return out


def _at(prefix: Path, error: _Invalid) -> _Errors:
    """Return the errors of `error` with `prefix` put before their paths."""
    return [((*prefix, *path), message) for path, message in error.errors]


def _path_text(path: Path) -> str:
    """Return a path as ``deals[3].platform.specs.mtow``."""
    text = ""
    for part in path:
        if type(part) is int:
            text += f"[{part}]"
        elif isinstance(part, str) and part.isidentifier():
            text += f".{part}" if text else part
        else:
            text += f"[{_show(part)}]"
    return text


def _structure_error(errors: _Errors) -> StructureError:
    return StructureError([(_path_text(path), message) for path, message in errors])


def _join(prefix: str, path: str) -> str:
    if not prefix:
        return path
    if not path:
        return prefix
    return prefix + path if path.startswith("[") else f"{prefix}.{path}"


def _from_validation(error: DroneMarketError, keys: Iterable[str] = ()) -> _Invalid:
    """Turn an error a class raised at construction into an error at its field."""
    if isinstance(error, ValidationError):
        if error.field in keys:
            return _Invalid([((error.field,), f"{_show(error.value)} {error.rule}")])
        return _fail(str(error))
    if isinstance(error, StructureError):
        return _Invalid(
            [((), f"{path}: {message}" if path else message) for path, message in error.errors]
        )
    return _fail(str(error))


# ----------------------------------------------------------------------------
# Size limits, checked before any structuring.


def _within_limits(data: object) -> bool:  # noqa: C901, PLR0911, PLR0912 - one tight loop
    """Say quickly whether `data` keeps every size limit (no paths, no messages)."""
    kind = type(data)
    if kind is str:
        return len(data) <= MAX_STRING  # type: ignore[arg-type]
    if kind is not dict and kind is not list:
        return not isinstance(data, dict | list | tuple | str)
    level: list[Any] = [data]
    depth = 0
    count = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            return False
        below: list[Any] = []
        for container in level:
            if len(container) > MAX_LENGTH:
                return False
            count += len(container)
            if type(container) is dict:
                for key in container:
                    if type(key) is not str or len(key) > MAX_STRING:
                        return False
                items = container.values()
            else:
                items = container
            for item in items:
                kind = type(item)
                if kind is str:
                    if len(item) > MAX_STRING:
                        return False
                elif kind is dict or kind is list:
                    below.append(item)
                elif (
                    kind is not int and kind is not float and kind is not bool and item is not None
                ):
                    return False
        if count > MAX_ITEMS:
            return False
        level = below
    return True


def _limit_errors(data: object) -> _Errors:  # noqa: C901, PLR0912 - one walk, every limit
    """Return every size limit `data` breaks, with its path (the slow, thorough walk)."""
    errors: _Errors = []
    count = 0
    stack: list[tuple[object, Path]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            if len(value) > MAX_STRING:
                errors.append((path, f"is a string longer than {MAX_STRING:,} characters"))
            continue
        if not isinstance(value, dict | list | tuple):
            continue
        if len(path) >= MAX_DEPTH:
            errors.append((path, f"nests lists and objects deeper than {MAX_DEPTH} levels"))
            continue
        if len(value) > MAX_LENGTH:
            errors.append((path, f"has more than {MAX_LENGTH:,} items"))
            continue
        count += len(value)
        if count > MAX_ITEMS:
            return [((), f"holds more than {MAX_ITEMS:,} values")]
        if isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str):
                    errors.append((path, f"has a key that is not a string: {_show(key)}"))
                elif len(key) > MAX_STRING:
                    errors.append((path, f"has a key longer than {MAX_STRING:,} characters"))
                else:
                    stack.append((item, (*path, key)))
        else:
            stack.extend((item, (*path, index)) for index, item in enumerate(value))
    if not errors:  # something _within_limits refused and this walk accepts
        errors.append(
            ((), "holds a value that is not JSON (null, bool, number, string, list, object)")
        )
    return sorted(errors, key=lambda error: _path_text(error[0]))


def _check_limits(data: object) -> None:
    if not _within_limits(data):
        raise _Invalid(_limit_errors(data))


# ----------------------------------------------------------------------------
# Codecs: a structure function, an unstructure function and a schema, per type.

Structurer = Callable[[Any, Any], Any]
Unstructurer = Callable[[Any, Any], Any]


class _Schemas:
    """Collects the ``$defs`` of a JSON Schema while codecs describe themselves."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, name: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: a recursive type refers to itself
            self.defs[name] = build()
        return {"$ref": f"#/$defs/{name}"}


@attrs.define(eq=False)
class _Codec:
    """How one type goes to plain data and back."""

    structure: Structurer
    unstructure: Unstructurer
    schema: Callable[[_Schemas], dict[str, Any]]
    kind: str = "call"  # "str", "bool", "enum" are inlined by the class codecs
    table: Mapping[str, Any] | None = None  # an enum's members by value
    inner: _Codec | None = None  # what a nullable codec wraps


def _nullable(inner: _Codec) -> _Codec:
    s, u = inner.structure, inner.unstructure

    def structure_(value: Any, ctx: Any) -> Any:
        return None if value is None else s(value, ctx)

    def unstructure_(value: Any, ctx: Any) -> Any:
        return None if value is None else u(value, ctx)

    def schema(schemas: _Schemas) -> dict[str, Any]:
        return {"anyOf": [inner.schema(schemas), {"type": "null"}]}

    return _Codec(
        structure_,
        unstructure_,
        schema,
        kind="nullable:" + inner.kind,
        table=inner.table,
        inner=inner,
    )


def _string_codec() -> _Codec:
    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is str or isinstance(value, str):
            return value
        raise _fail(_expected("a string", value))

    return _Codec(
        structure_,
        lambda value, ctx: value,
        lambda schemas: {"type": "string", "maxLength": MAX_STRING},
        kind="str",
    )


def _bool_codec() -> _Codec:
    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is bool:
            return value
        raise _fail(_expected("true or false", value))

    return _Codec(
        structure_,
        lambda value, ctx: value,
        lambda schemas: {"type": "boolean"},
        kind="bool",
    )


def _int_message(value: object) -> str:
    if type(value) is int:
        return f"expected an integer of at most {MAX_INTEGER:,} in size, got a larger one"
    return _expected("an integer", value)


def _int_codec() -> _Codec:
    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is int and -MAX_INTEGER <= value <= MAX_INTEGER:
            return value
        raise _fail(_int_message(value))

    return _Codec(
        structure_,
        lambda value, ctx: value,
        lambda schemas: {"type": "integer"},
    )


def _float_codec() -> _Codec:
    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is float and math.isfinite(value):
            return value
        if type(value) is int and -MAX_INTEGER <= value <= MAX_INTEGER:
            return float(value)
        raise _fail(_expected("a finite number", value))

    return _Codec(
        structure_,
        lambda value, ctx: value,
        lambda schemas: {"type": "number"},
    )


def _enum_codec(kind: type[enum.Enum]) -> _Codec:
    by_name = not all(isinstance(member.value, str) for member in kind)
    table: dict[str, enum.Enum] = {
        (member.name if by_name else member.value): member for member in kind
    }
    choices = ", ".join(map(repr, table))

    def structure_(value: Any, ctx: Any) -> Any:
        member = table.get(value) if type(value) is str else None
        if member is None:
            raise _fail(_expected(f"one of {choices}", value))
        return member

    def unstructure_(value: Any, ctx: Any) -> Any:
        return value._name_ if by_name else value._value_

    def schema(schemas: _Schemas) -> dict[str, Any]:
        return schemas.ref(
            kind.__name__,
            lambda: {"description": _summary(kind), "enum": list(table)},
        )

    return _Codec(structure_, unstructure_, schema, kind="call" if by_name else "enum", table=table)


_DECIMAL_TEXT = re.compile(r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d{1,4})?")
_DECIMAL_PATTERN = r"^[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]{1,4})?$"


def _decimal_codec() -> _Codec:
    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is str and len(value) <= 64 and _DECIMAL_TEXT.fullmatch(value):
            try:
                return Decimal(value)
            except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
                pass
        raise _fail(_expected("a decimal number as a string, such as '69000000'", value))

    return _Codec(
        structure_,
        lambda value, ctx: str(value),
        lambda schemas: {"type": "string", "pattern": _DECIMAL_PATTERN, "maxLength": 64},
    )


_DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


_TWO_DIGITS: Final = tuple(f"{number:02}" for number in range(32))


def _date_text(value: PartialDate, ctx: Any = None) -> str:
    month = value.month
    if month is None:
        return str(value.year)  # years are 1900..2100: always four digits
    day = value.day
    if day is None:
        return f"{value.year}-{_TWO_DIGITS[month]}"
    return f"{value.year}-{_TWO_DIGITS[month]}-{_TWO_DIGITS[day]}"


def _date_codec() -> _Codec:
    memo: dict[str, PartialDate] = {}

    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is str:
            made = memo.get(value)
            if made is not None:
                return made
            if len(value) <= 10:
                try:
                    made = PartialDate.parse(value)
                except ValidationError as error:
                    if error.field != "text":
                        detail = f"{error.field} {_show(error.value)} {error.rule}"
                        message = f"{_show(value)} is not a valid date ({detail})"
                        raise _fail(message) from None
                else:
                    if len(memo) < 4096:
                        memo[value] = made
                    return made
        raise _fail(_expected("a date such as '2022', '2022-05' or '2022-05-17'", value))

    def schema(schemas: _Schemas) -> dict[str, Any]:
        return schemas.ref(
            "PartialDate",
            lambda: {
                "description": "A date known to the year, the month or the day.",
                "type": "string",
                "pattern": _DATE_PATTERN,
            },
        )

    return _Codec(structure_, _date_text, schema)


def _country_codec() -> _Codec:
    memo: dict[str, Country] = {}

    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is str:
            made = memo.get(value)
            if made is None:
                try:
                    made = Country(value)
                except ValidationError as error:
                    raise _fail(f"{_show(value)} {error.rule}") from None
                memo[value] = made
            return made
        raise _fail(_expected("an ISO 3166-1 alpha-3 country code such as 'TUR'", value))

    def schema(schemas: _Schemas) -> dict[str, Any]:
        return schemas.ref(
            "Country",
            lambda: {
                "description": "A country, by its ISO 3166-1 alpha-3 code.",
                "type": "string",
                "pattern": "^[A-Z]{3}$",
            },
        )

    return _Codec(structure_, lambda value, ctx: value.code, schema)


# ---- quantities -------------------------------------------------------------

_QUANTITY_PATTERN = (
    r"^\s*[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+|[0-9]*\.[0-9]+)(\.[0-9]*)?([eE][-+]?[0-9]{1,3})?"
    r"\s*[^\s0-9/.,+-][^\s/]*(\s*/\s*[^\s0-9/.,+-][^\s/]*)?\s*$"
)
_SI_SYMBOLS: Final = {
    Dimension.LENGTH: "m",
    Dimension.MASS: "kg",
    Dimension.DURATION: "s",
    Dimension.SPEED: "m / s",
    Dimension.POWER: "W",
}


class _QuantityText:
    """Writes quantities as ``"25000 ft"``: the magnitude, a space, pint's short symbol.

    The symbol of each unit is worked out once and checked to parse back to
    the same unit; a unit the string grammar cannot spell (such as
    ``kg * m ** 2 / s ** 3``) is written in the SI unit of its dimension.
    """

    def __init__(self) -> None:
        # Keyed by the id of a unit container, which the entry keeps alive (so
        # the id cannot be reused): pint hashes containers in Python, slowly.
        self.labels: dict[int, tuple[UnitsContainer, str | None]] = {}

    def __call__(self, value: Quantity, ctx: Any = None) -> str:
        magnitude = value._magnitude
        entry = self.labels.get(id(value._units))
        if entry is None or entry[0] is not value._units:
            entry = self._label(value)
        label = entry[1]
        if label is None:
            return self._in_si(value)
        text = f"{magnitude} {label}" if type(magnitude) is int else f"{magnitude!r} {label}"
        if len(text) > units.MAX_QUANTITY_TEXT:
            return f"{float(magnitude)!r} {label}"
        return text

    def _label(self, value: Quantity) -> tuple[UnitsContainer, str | None]:
        found: str | None = None
        for label in (units.unit_label(value), str(value.units)):
            try:
                again = units.quantity(f"1 {label}", None)
            except ValidationError:
                continue
            if again._units == value._units:
                found = label
                break
        entry = (value._units, found)
        if len(self.labels) < 4096:
            self.labels[id(value._units)] = entry
        return entry

    @staticmethod
    def _in_si(value: Quantity) -> str:
        dimension = units.quantity(value, None).dimensionality
        for member, symbol in _SI_SYMBOLS.items():
            if units.registry().get_dimensionality(member.pint_dimension) == dimension:
                return f"{units.si_magnitude(value)!r} {symbol}"
        raise _fail(f"{value!r} has no unit a document can spell")  # pragma: no cover


def _quantity_message(value: object, dimension: Dimension | None, error: ValidationError) -> str:
    if dimension is None:
        return f"{_show(value)} {error.rule}"
    if error.rule.startswith(f"is not a {dimension.noun}"):
        return f"expected a {dimension.noun}, got {_show(value)}"
    return f"{_show(value)} {error.rule}"


def _quantity_codec(dimension: Dimension | None, text: _QuantityText) -> _Codec:
    parse = units.quantity
    expected = (
        f"a {dimension.noun} such as {dimension.example.split(' or ')[0]} or "
        f"{dimension.example.split(' or ')[-1]}"
        if dimension
        else "a quantity such as '12 m'"
    )

    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is not str:
            raise _fail(_expected(expected, value))
        try:
            return parse(value, dimension)
        except ValidationError as error:
            raise _fail(_quantity_message(value, dimension, error)) from None

    def schema(schemas: _Schemas) -> dict[str, Any]:
        what = f"A {dimension.noun}" if dimension else "A physical quantity"
        return {
            "type": "string",
            "description": f"{what}: a number and a unit, such as "
            f"{(dimension.example if dimension else repr('12 m'))}.",
            "pattern": _QUANTITY_PATTERN,
            "maxLength": units.MAX_QUANTITY_TEXT,
        }

    return _Codec(structure_, text, schema)


# ---- the type walk: one codec per type, built from the attrs classes --------


def _summary(kind: type) -> str:
    doc = kind.__doc__ or kind.__name__
    return doc.strip().split("\n\n")[0].replace("\n", " ")


_PLAIN_FACTORIES: Final = frozenset({frozenset, tuple, list, dict, str})


class _Field(typing.NamedTuple):
    key: str
    attribute: str
    codec: _Codec
    required: bool
    always: bool  # emitted even when equal to the default
    default: object


class _Builder:
    """Builds the codecs of one converter, for standalone values or the market document."""

    def __init__(self, *, document: bool, text: _QuantityText) -> None:
        self.document = document
        self.text = text
        self.codecs: dict[object, _Codec] = {}
        self.building: dict[type, _Codec] = {}
        self.string = _string_codec()

    # -- dispatch --

    def codec(self, kind: Any) -> _Codec:
        try:
            return self.codecs[kind]
        except KeyError:
            pass
        except TypeError:  # unhashable type hint
            return self._make(kind)
        made = self._make(kind)
        self.codecs[kind] = made
        return made

    def _make(self, kind: Any) -> _Codec:  # noqa: C901, PLR0911, PLR0912 - one case per kind
        origin = typing.get_origin(kind)
        args = typing.get_args(kind)
        if origin is typing.Annotated:
            dimension = next((a for a in args[1:] if isinstance(a, Dimension)), None)
            return _quantity_codec(dimension, self.text)
        if origin in {typing.Union, types.UnionType}:
            return self._union(args)
        if isinstance(origin, type) and attrs.has(origin):
            return self.record(kind)  # a generic class with its parameters, Verdict[DodGroup]
        if isinstance(kind, typing.TypeVar):
            return _any_enum_codec(kind)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return self._sequence(self.codec(args[0]), unique=False)
        if origin in {list, tuple}:
            return self._sequence(self.codec(args[0]) if args else self.string, unique=False)
        if origin is frozenset or origin is set:
            return self._sequence(self.codec(args[0]), unique=True)
        if kind is str:
            return self.string
        if kind is bool:
            return _bool_codec()
        if kind is int:
            return _int_codec()
        if kind is float:
            return _float_codec()
        if kind is Decimal:
            return _decimal_codec()
        if isinstance(kind, type):
            if issubclass(kind, enum.Enum):
                return _enum_codec(kind)
            if issubclass(kind, pint.Quantity):
                return _quantity_codec(None, self.text)
            special = self._special(kind)
            if special is not None:
                return special
            if attrs.has(kind):
                return self.record(kind)
        msg = f"dronemarket cannot structure {kind!r}"
        raise TypeError(msg)

    def _special(self, kind: type) -> _Codec | None:  # noqa: PLR0911 - one case per kind
        if kind is PartialDate:
            return _date_codec()
        if kind is Country:
            return _country_codec()
        if kind is Specs:
            return self._specs()
        if kind is Figure:
            return self._figure()
        if kind is Reported:
            return self._reported(None)
        if kind is Count:
            return self._count()
        if kind is Market:
            return self._market()
        if self.document and kind in {Source, Organization, Platform}:
            return self._reference(kind)
        return None

    # -- containers and unions --

    def _sequence(self, inner: _Codec, *, unique: bool) -> _Codec:
        s = inner.structure
        what = "a list without repeats" if unique else "a list"

        def structure_(value: Any, ctx: Any) -> Any:
            if type(value) is not list and not isinstance(value, list | tuple):
                raise _fail(_expected(what, value))
            out = []
            errors: _Errors | None = None
            for index, item in enumerate(value):
                try:
                    out.append(s(item, ctx))
                except _Invalid as error:
                    errors = _nest(errors, index, error)
            if errors:
                raise _Invalid(errors)
            if unique:
                made = frozenset(out)
                if len(made) != len(out):
                    raise _fail(f"{_show(value)} has repeated items")
                return made
            return tuple(out)

        def schema(schemas: _Schemas) -> dict[str, Any]:
            made = {"type": "array", "items": inner.schema(schemas), "maxItems": MAX_LENGTH}
            if unique:
                made["uniqueItems"] = True
            return made

        return _Codec(structure_, _sequence_unstructure(inner, unique=unique), schema)

    def _union(self, args: tuple[Any, ...]) -> _Codec:
        rest = tuple(arg for arg in args if arg is not type(None))
        if len(rest) == 1:
            return _nullable(self.codec(rest[0]))
        if len(rest) < len(args):
            return _nullable(self._union(rest))
        tags = {Organization: "organization", Country: "country", str: "person"}
        if not all(arg in tags for arg in rest):
            msg = f"dronemarket cannot structure the union {args!r}"
            raise TypeError(msg)
        return self._tagged({tags[arg]: (arg, self.codec(arg)) for arg in rest})

    def _tagged(self, choices: dict[str, tuple[type, _Codec]]) -> _Codec:
        """Return a union's codec, as ``{"organization": ...}`` or ``{"country": ...}``."""
        names = " or ".join(repr(tag) for tag in choices)
        order = sorted(choices.items(), key=lambda item: item[1][0] is str)  # str last

        def structure_(value: Any, ctx: Any) -> Any:
            if not isinstance(value, dict) or len(value) != 1:
                raise _fail(_expected(f"an object with one key, {names}", value))
            ((tag, inner),) = value.items()
            choice = choices.get(tag) if type(tag) is str else None
            if choice is None:
                raise _Invalid([((tag,), f"unknown key (expected {names})")])
            try:
                return choice[1].structure(inner, ctx)
            except _Invalid as error:
                raise _Invalid(_nest(None, tag, error)) from None

        def unstructure_(value: Any, ctx: Any) -> Any:
            for tag, (kind, inner) in order:
                if isinstance(value, kind):
                    return {tag: inner.unstructure(value, ctx)}
            raise TypeError(value)  # pragma: no cover - the class validated the value

        def schema(schemas: _Schemas) -> dict[str, Any]:
            return {
                "oneOf": [
                    {
                        "type": "object",
                        "properties": {tag: inner.schema(schemas)},
                        "required": [tag],
                        "additionalProperties": False,
                    }
                    for tag, (_, inner) in choices.items()
                ]
            }

        return _Codec(structure_, unstructure_, schema)

    # -- attrs classes --

    def fields(
        self,
        kind: type,
        overrides: Mapping[str, _Codec] | None = None,
        parameters: Mapping[Any, Any] | None = None,
    ) -> list[_Field]:
        """Return the fields of an attrs class as the wire sees them, with their codecs."""
        hints = typing.get_type_hints(kind, include_extras=True)
        made = []
        for attribute in attrs.fields(kind):
            if not attribute.init:
                continue
            key = attribute.alias or attribute.name
            hint = _substitute(hints[attribute.name], parameters or {})
            codec = (overrides or {}).get(key) or self.codec(hint)
            default = attribute.default
            required = default is _MISSING
            always = required
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                factory: Any = default
                if factory.factory in _PLAIN_FACTORIES and not factory.takes_self:
                    default = factory.factory()
                else:  # made from the instance, or costly to make (Specs): always written
                    always = True
                    default = _MISSING
            if attribute.name == "_given_id":
                # A record's id (see _validate.settle_id) is always written, as
                # given or as made, so that documents and other tools can
                # refer to it; read back, it is the id given.
                made.append(_Field(key, "id", codec, required=False, always=True, default=None))
                continue
            made.append(_Field(key, attribute.name, codec, required, always, default))
        return made

    def record(
        self, kind: Any, overrides: Mapping[str, _Codec] | None = None, name: str | None = None
    ) -> _Codec:
        """Return the codec of an attrs class: an object keyed by its field names.

        `kind` may be a generic class with its parameters (``Verdict[DodGroup]``).
        """
        if kind in self.building:
            target = self.building[kind]
            # The class refers to itself (a platform's lineage): look the target
            # up at each call, once it is built.
            return _Codec(
                lambda value, ctx: target.structure(value, ctx),  # noqa: PLW0108
                lambda value, ctx: target.unstructure(value, ctx),  # noqa: PLW0108
                lambda schemas: target.schema(schemas),  # noqa: PLW0108
            )
        shell = _Codec(_unset, _unset, _no_schema)
        self.building[kind] = shell
        cls: type = typing.get_origin(kind) or kind
        arguments = typing.get_args(kind)
        parameters = dict(zip(getattr(cls, "__parameters__", ()), arguments, strict=False))
        try:
            fields = self.fields(cls, overrides, parameters)
        finally:
            del self.building[kind]
        shell.structure = _generate_structure(cls, fields)
        shell.unstructure = _generate_unstructure(cls, fields)
        named = cls.__name__ + "".join(getattr(a, "__name__", "") for a in arguments)
        shell.schema = _record_schema(cls, fields, name or named)
        return shell

    # -- dronemarket's own shapes --

    def _count(self) -> _Codec:
        record = self.record(Count)
        s, u = record.structure, record.unstructure

        def structure_(value: Any, ctx: Any) -> Any:
            if type(value) is int:
                if not -MAX_INTEGER <= value <= MAX_INTEGER:
                    raise _fail(_int_message(value))
                try:
                    return Count.exact(value)
                except ValidationError as error:
                    raise _fail(f"{_show(value)} {error.rule}") from None
            if isinstance(value, dict):
                return s(value, ctx)
            raise _fail(_expected("a whole number, or an object with low, central and high", value))

        def unstructure_(value: Any, ctx: Any) -> Any:
            if value.estimate or value.wording:
                return u(value, ctx)
            return value.central

        def schema(schemas: _Schemas) -> dict[str, Any]:
            exact = {"type": "integer", "minimum": 1, "description": "An exact count."}
            return {"oneOf": [exact, record.schema(schemas)]}

        return _Codec(structure_, unstructure_, schema)

    def _reported(self, dimension: Dimension | None) -> _Codec:
        """Return the codec of a report: ``"650 kg"`` if it has no source, flag or note."""
        value_codec = _quantity_codec(dimension, self.text)
        name = f"Reported{dimension.name.title()}" if dimension else "Reported"
        record = self.record(Reported, {"value": value_codec}, name)
        s, u = record.structure, record.unstructure
        s_value = value_codec.structure
        text = self.text

        def structure_(value: Any, ctx: Any) -> Any:
            if type(value) is str:
                return Reported(s_value(value, ctx))
            if isinstance(value, dict):
                return s(value, ctx)
            raise _fail(_expected("a quantity such as '650 kg', or an object with a value", value))

        def unstructure_(value: Any, ctx: Any) -> Any:
            if value.source is None and not value.estimate and not value.note:
                return text(value.value)
            return u(value, ctx)

        def schema(schemas: _Schemas) -> dict[str, Any]:
            return {"anyOf": [value_codec.schema(schemas), record.schema(schemas)]}

        return _Codec(structure_, unstructure_, schema)

    def _figure(self) -> _Codec:
        reports = self._sequence(self._reported(None), unique=False)
        s, u = reports.structure, reports.unstructure

        def structure_(value: Any, ctx: Any) -> Any:
            made = s(value, ctx)
            try:
                return Figure(made)
            except ValidationError as error:
                raise _fail(f"{_show(value)} {error.rule}") from None

        def schema(schemas: _Schemas) -> dict[str, Any]:
            made = reports.schema(schemas)
            made["minItems"] = 1
            return made

        return _Codec(structure_, lambda value, ctx: u(value.reports, ctx), schema)

    def _spec(self, name: str) -> _Codec:
        """Return the codec of one spec: ``"12 m"``, or a list of reports, or null."""
        spec = SPEC_FIELDS[name]
        plain = _quantity_codec(spec.dimension, self.text)
        reports = self._sequence(self._reported(spec.dimension), unique=False)
        s_plain, s_reports, u_reports, text = (
            plain.structure,
            reports.structure,
            reports.unstructure,
            self.text,
        )

        def structure_(value: Any, ctx: Any) -> Any:
            if type(value) is str:
                return s_plain(value, ctx)
            if isinstance(value, list | tuple):
                if not value:
                    raise _fail("expected at least one reported value, got []")
                return s_reports(value, ctx)
            if value is None:
                return None
            return s_plain(value, ctx)  # raises, naming the dimension expected

        def unstructure_(value: Any, ctx: Any) -> Any:
            if type(value) is Figure:
                return u_reports(value.reports, ctx)
            return text(value)

        def schema(schemas: _Schemas) -> dict[str, Any]:
            many = reports.schema(schemas)
            many["minItems"] = 1
            return {
                "description": spec.description,
                "anyOf": [plain.schema(schemas), many, {"type": "null"}],
            }

        return _Codec(structure_, unstructure_, schema)

    def _specs(self) -> _Codec:
        """Return the codec of Specs: an object of the known specs only."""
        codecs = {name: self._spec(name) for name in SPEC_FIELDS}
        known = ", ".join(SPEC_FIELDS)
        # Each spec is stored as a Quantity, or a Figure when it has more to say.
        writers = tuple(codecs[name].unstructure for name in SPEC_FIELDS)
        names = tuple(SPEC_FIELDS)
        read = Specs.stored_values

        def structure_(value: Any, ctx: Any) -> Any:
            return _structure_specs(value, ctx, codecs, known)

        def unstructure_(value: Any, ctx: Any) -> Any:
            return {
                name: write(stored, ctx)
                for name, write, stored in zip(names, writers, read(value), strict=True)
                if stored is not None
            }

        def schema(schemas: _Schemas) -> dict[str, Any]:
            return schemas.ref(
                "Specs",
                lambda: {
                    "description": _summary(Specs),
                    "type": "object",
                    "properties": {name: codec.schema(schemas) for name, codec in codecs.items()},
                    "additionalProperties": False,
                },
            )

        return _Codec(structure_, unstructure_, schema)

    # -- the market document --

    def _reference(self, kind: type) -> _Codec:
        noun = {Source: "source", Organization: "organization", Platform: "platform"}[kind]
        by = "id" if kind is Source else "name"
        table = {Source: "sources", Organization: "organizations", Platform: "platforms"}[kind]

        def structure_(value: Any, ctx: Any) -> Any:
            if type(value) is not str:
                raise _fail(_expected(f"the {by} of a {noun} in {table}", value))
            return ctx.resolve(kind, value)

        def unstructure_(value: Any, ctx: Any) -> Any:
            return ctx.name_of(kind, value)

        def schema(schemas: _Schemas) -> dict[str, Any]:
            return {
                "type": "string",
                "minLength": 1,
                "maxLength": 500,
                "description": f"The {by} of a {noun} in `{table}`.",
            }

        return _Codec(structure_, unstructure_, schema)

    def _market(self) -> _Codec:
        if not self.document:
            return self.document_builder().codec(Market)
        return _document_codec(self)

    def document_builder(self) -> _Builder:
        """Return the builder of the market document's codecs (sharing the quantity text)."""
        return _Builder(document=True, text=self.text)


def _unset(value: Any, ctx: Any) -> Any:  # pragma: no cover - replaced before use
    raise AssertionError


def _substitute(hint: Any, parameters: Mapping[Any, Any]) -> Any:
    """Return a type hint with the type parameters of a generic class replaced."""
    if not parameters:
        return hint
    if isinstance(hint, typing.TypeVar):
        return parameters.get(hint, hint)
    args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    if not args or origin is typing.Annotated:
        return hint
    new = tuple(arg if arg is Ellipsis else _substitute(arg, parameters) for arg in args)
    if new == args:
        return hint
    if origin in {typing.Union, types.UnionType}:
        return functools.reduce(operator.or_, new)
    return origin[new]


def _any_enum_codec(parameter: typing.TypeVar) -> _Codec:
    """Return the codec of a type parameter left open (a bare ``Verdict``): write-only.

    An enum member is written as its typed parameter would write it; reading
    needs the parameter (``structure(data, Verdict[DodGroup])``).
    """

    def structure_(value: Any, ctx: Any) -> Any:
        raise _fail(f"cannot be read without knowing its type ({parameter.__name__})")

    def unstructure_(value: Any, ctx: Any) -> Any:
        by_value = all(isinstance(member.value, str) for member in type(value))
        return value._value_ if by_value else value._name_

    return _Codec(structure_, unstructure_, lambda schemas: {})


def _no_schema(schemas: _Schemas) -> dict[str, Any]:  # pragma: no cover - replaced before use
    raise AssertionError


def _is_annotated(kind: object) -> bool:
    origin: object = typing.get_origin(kind)
    return origin is typing.Annotated


def _sequence_unstructure(inner: _Codec, *, unique: bool) -> Unstructurer:
    """Return how a tuple or frozenset is written: a list, sorted for a set."""
    u = inner.unstructure
    if inner.kind in {"str", "bool"}:

        def plain(value: Any, ctx: Any) -> Any:
            return sorted(value) if unique else list(value)

    elif inner.kind == "enum":

        def plain(value: Any, ctx: Any) -> Any:
            values = [member._value_ for member in value]
            return sorted(values) if unique else values

    elif unique:

        def plain(value: Any, ctx: Any) -> Any:
            return sorted((u(item, ctx) for item in value), key=repr)

    else:

        def plain(value: Any, ctx: Any) -> Any:
            return [u(item, ctx) for item in value]

    return plain


def _structure_specs(value: Any, ctx: Any, codecs: Mapping[str, _Codec], known: str) -> Specs:
    """Structure an object of specs, reporting every spec that is wrong."""
    if not isinstance(value, dict):
        raise _fail(_expected("an object of specs", value))
    given: dict[str, Any] = {}
    errors: _Errors | None = None
    for name, item in value.items():
        codec = codecs.get(name) if type(name) is str else None
        if codec is None:
            errors = _add(errors, name, f"is not a spec (known: {known})")
            continue
        try:
            made = codec.structure(item, ctx)
        except _Invalid as error:
            errors = _nest(errors, name, error)
        else:
            if made is not None:
                given[name] = made
    if errors:
        raise _Invalid(errors)
    try:
        return Specs(**given)
    except ValidationError as error:
        raise _specs_errors(given, error) from None


def _specs_errors(given: Mapping[str, Any], error: ValidationError) -> _Invalid:
    """Every spec that breaks a rule on its own, or else the cross-field rule broken."""
    errors: _Errors = []
    for name, value in given.items():
        try:
            Specs(**{name: value})
        except ValidationError as alone:
            errors.append(((name,), f"{_show(alone.value)} {alone.rule}"))
    if errors:
        return _Invalid(errors)
    return _from_validation(error, SPEC_FIELDS)


# ---- generated per-class functions -----------------------------------------


def _generate_structure(kind: type, fields: list[_Field]) -> Structurer:
    name = kind.__name__
    article = "an" if name[0] in "AEIOU" else "a"
    keys = frozenset(f.key for f in fields)
    listed = ", ".join(f.key for f in fields)
    namespace: dict[str, Any] = {
        "CLS": kind,
        "KEYS": keys,
        "MISSING": _MISSING,
        "_Invalid": _Invalid,
        "_nest": _nest,
        "_add": _add,
        "_expected": _expected,
        "_unknown": _unknown_keys,
        "_from_validation": _from_validation,
        "DroneMarketError": DroneMarketError,
        "DESC": f"an object ({article} {name})",
        "NAME": name,
        "LISTED": listed,
    }
    lines = [
        "def structure(data, ctx):",
        "    if type(data) is not dict and not isinstance(data, dict):",
        "        raise _Invalid([((), _expected(DESC, data))])",
        "    errors = None",
        "    if not KEYS.issuperset(data):",
        "        errors = _unknown(data, KEYS, NAME, LISTED)",
        "    kw = {}",
    ]
    for index, f in enumerate(fields):
        key = repr(f.key)
        namespace[f"s{index}"] = f.codec.structure
        namespace[f"t{index}"] = f.codec.table
        lines.append(f"    v = data.get({key}, MISSING)")
        if f.required:
            lines += [
                "    if v is MISSING:",
                f"        errors = _add(errors, {key}, 'is missing (required)')",
                "    else:",
            ]
        else:
            lines.append("    if v is not MISSING:")
        kind_ = f.codec.kind
        indent = "        "
        if kind_.startswith("nullable:"):
            lines += [f"{indent}if v is None:", f"{indent}    kw[{key}] = None", f"{indent}else:"]
            indent += "    "
            kind_ = kind_.removeprefix("nullable:")
        if kind_ == "str":
            lines += [
                f"{indent}if type(v) is str:",
                f"{indent}    kw[{key}] = v",
                f"{indent}else:",
                f"{indent}    errors = _add(errors, {key}, _expected('a string', v))",
            ]
        elif kind_ == "bool":
            lines += [
                f"{indent}if type(v) is bool:",
                f"{indent}    kw[{key}] = v",
                f"{indent}else:",
                f"{indent}    errors = _add(errors, {key}, _expected('true or false', v))",
            ]
        elif kind_ == "enum":
            lines += [
                f"{indent}m = t{index}.get(v) if type(v) is str else None",
                f"{indent}if m is not None:",
                f"{indent}    kw[{key}] = m",
                f"{indent}else:",
                f"{indent}    try:",
                f"{indent}        s{index}(v, ctx)",
                f"{indent}    except _Invalid as e:",
                f"{indent}        errors = _nest(errors, {key}, e)",
            ]
        else:
            lines += [
                f"{indent}try:",
                f"{indent}    kw[{key}] = s{index}(v, ctx)",
                f"{indent}except _Invalid as e:",
                f"{indent}    errors = _nest(errors, {key}, e)",
            ]
    lines += [
        "    if errors:",
        "        raise _Invalid(errors)",
        "    try:",
        "        return CLS(**kw)",
        "    except DroneMarketError as e:",
        "        raise _from_validation(e, KEYS) from None",
    ]
    code = compile("\n".join(lines), f"<dronemarket structure {name}>", "exec")
    exec(code, namespace)  # noqa: S102 - code made from the class's own fields, as attrs does
    return namespace["structure"]  # type: ignore[no-any-return]


def _unknown_keys(data: Mapping[Any, Any], keys: frozenset[str], name: str, listed: str) -> _Errors:
    return [
        ((key,), f"is not a field of {name} (known: {listed})") for key in data if key not in keys
    ]


def _generate_unstructure(kind: type, fields: list[_Field]) -> Unstructurer:
    namespace: dict[str, Any] = {}
    lines = ["def unstructure(obj, ctx):", "    d = {}"]
    for index, f in enumerate(fields):
        key = repr(f.key)
        codec = f.codec
        if f.default is None and not f.always and codec.inner is not None:
            codec = codec.inner  # None is left out, so the wrapper has nothing to do
        namespace[f"u{index}"] = codec.unstructure
        namespace[f"d{index}"] = f.default
        if codec.kind in {"str", "bool"}:
            expression = "v"
        elif codec.kind == "enum":
            expression = "v._value_"
        else:
            expression = f"u{index}(v, ctx)"
        lines.append(f"    v = obj.{f.attribute}")
        if f.always:
            lines.append(f"    d[{key}] = {expression}")
            continue
        default = f.default
        same = default is None or isinstance(default, bool | enum.Enum)
        test = f"v is not d{index}" if same else f"v != d{index}"
        lines += [f"    if {test}:", f"        d[{key}] = {expression}"]
    lines.append("    return d")
    source = "\n".join(lines)
    code = compile(source, f"<dronemarket unstructure {kind.__name__}>", "exec")
    exec(code, namespace)  # noqa: S102 - code made from the class's own fields, as attrs does
    return namespace["unstructure"]  # type: ignore[no-any-return]


def _record_schema(
    kind: type, fields: list[_Field], name: str
) -> Callable[[_Schemas], dict[str, Any]]:
    def schema(schemas: _Schemas) -> dict[str, Any]:
        def build() -> dict[str, Any]:
            made: dict[str, Any] = {
                "description": _summary(kind),
                "type": "object",
                "properties": {f.key: f.codec.schema(schemas) for f in fields},
                "additionalProperties": False,
            }
            required = [f.key for f in fields if f.required]
            if required:
                made["required"] = required
            return made

        return schemas.ref(name, build)

    return schema


# ---- the market document ----------------------------------------------------


class _Writing:
    """What unstructuring a market needs: the id given to each source."""

    def __init__(self, source: Structurer) -> None:
        self.unstructure_source = source
        self.ids: dict[Source, str] = {}
        self.sources: dict[str, Any] = {}

    def name_of(self, kind: type, value: Any) -> str:
        if kind is not Source:
            return value.name  # type: ignore[no-any-return]
        found = self.ids.get(value)
        if found is None:
            base = slug(f"{value.publisher} {value.title}")[:48].strip("-") or "source"
            found = base
            number = 1
            while found in self.sources:
                number += 1
                found = f"{base}-{number}"
            self.ids[value] = found
            self.sources[found] = self.unstructure_source(value, None)
        return found


class _Reading:
    """What structuring a market document needs: its sources, organizations and platforms."""

    def __init__(self, platform: Structurer) -> None:
        self.structure_platform = platform
        self.tables: dict[type, dict[str, Any]] = {Source: {}, Organization: {}, Platform: {}}
        self.failed: dict[type, dict[str, str]] = {Source: {}, Organization: {}, Platform: {}}
        self.raw_platforms: dict[str, tuple[int, Any]] = {}
        self.resolving: set[str] = set()
        self.errors: _Errors = []

    def read_sources(self, sources: object, structure: Structurer) -> None:
        """Structure the document's sources, by id."""
        if not isinstance(sources, dict):
            self.errors.append((("sources",), _expected("an object of sources by id", sources)))
            return
        for key, item in sources.items():
            try:
                self.tables[Source][key] = structure(item, None)
            except _Invalid as error:
                self.errors.extend(_at(("sources", key), error))
                self.failed[Source][key] = _path_text(("sources", key))

    def read_organizations(self, items: object, structure: Structurer) -> None:
        """Structure the document's organizations, each named once."""
        seen = self.tables[Organization]
        for index, item, name in self._named("organizations", items, seen):
            try:
                made = structure(item, None)
            except _Invalid as error:
                self.errors.extend(_at(("organizations", index), error))
                if name is not None:
                    self.failed[Organization][name] = f"organizations[{index}]"
            else:
                seen[made.name] = made

    def read_platforms(self, items: object) -> None:
        """Structure the document's platforms, each once, parents before variants."""
        for index, item, name in self._named("platforms", items, self.raw_platforms):
            if name is not None:
                self.raw_platforms[name] = (index, item)
                continue
            try:
                self.structure_platform(item, self)
            except _Invalid as error:
                self.errors.extend(_at(("platforms", index), error))
        for name in list(self.raw_platforms):
            if name not in self.tables[Platform] and name not in self.failed[Platform]:
                with contextlib.suppress(_Invalid):  # build_platform records the errors
                    self.build_platform(name)

    def _named(
        self, table: str, items: object, seen: Mapping[str, object]
    ) -> Iterable[tuple[int, Any, str | None]]:
        """Yield each definition of a table with its name, reporting names given twice."""
        if not isinstance(items, list | tuple):
            self.errors.append(((table,), _expected("a list", items)))
            return
        for index, item in enumerate(items):
            name = item.get("name") if isinstance(item, dict) else None
            if type(name) is not str:
                yield index, item, None
            elif name in seen:
                self.errors.append(((table, index, "name"), f"{_show(name)} is named twice"))
            else:
                yield index, item, name

    def resolve(self, kind: type, key: str) -> Any:
        found = self.tables[kind].get(key)
        if found is not None:
            return found
        where = self.failed[kind].get(key)
        if where is not None:
            raise _fail(f"names {_show(key)}, which is invalid (see {where})")
        if kind is Platform and key in self.raw_platforms:
            return self.build_platform(key)
        table = {Source: "sources", Organization: "organizations", Platform: "platforms"}[kind]
        raise _fail(f"{_show(key)} is not in {table}")

    def build_platform(self, name: str) -> Any:
        index, raw = self.raw_platforms[name]
        if name in self.resolving:
            raise _fail(f"names {_show(name)}, which descends from itself")
        self.resolving.add(name)
        try:
            made = self.structure_platform(raw, self)
        except _Invalid as error:
            self.errors.extend(_at(("platforms", index), error))
            self.failed[Platform][name] = f"platforms[{index}]"
            raise _fail(f"names {_show(name)}, which is invalid (see platforms[{index}])") from None
        finally:
            self.resolving.discard(name)
        self.tables[Platform][name] = made
        return made


_DEFINED: Final = ("format", "version", "sources", "organizations", "platforms")


@functools.cache
def _record_tables() -> tuple[tuple[str, Any], ...]:
    """Return the record tables of a market, from its constructor: ``(("deals", Deal), ...)``.

    Every keyword of :class:`Market` other than its platforms and
    organizations takes an iterable of records; each is a list of the document.
    """
    hints = typing.get_type_hints(Market.__init__)
    tables = []
    for name in inspect.signature(Market.__init__).parameters:
        if name in _DEFINED or name not in hints:
            continue
        (kind,) = typing.get_args(hints[name])
        tables.append((name, kind))
    return tuple(tables)


def _rank(order: tuple[str, ...], path: Path) -> int:
    """Return where an error's table comes in the document, to report errors in its order."""
    return order.index(path[0]) if path and path[0] in order else -1


def _document_keys() -> tuple[str, ...]:
    return (*_DEFINED, *(name for name, _ in _record_tables()))


def _document_codec(builder: _Builder) -> _Codec:
    standalone = _Builder(document=False, text=builder.text)
    source = standalone.codec(Source)
    organization = standalone.codec(Organization)
    platform = builder.record(Platform)
    records = {
        name: builder.codec(typing.cast("Any", tuple)[kind, ...]) for name, kind in _record_tables()
    }
    order = _document_keys()
    keys = frozenset(order)
    listed = ", ".join(order)

    def structure_(value: Any, ctx: Any) -> Any:
        _check_header(value, keys, listed)
        reading = _Reading(platform.structure)
        reading.read_sources(value.get("sources", {}), source.structure)
        reading.read_organizations(value.get("organizations", []), organization.structure)
        reading.read_platforms(value.get("platforms", []))
        built: dict[str, Any] = {}
        for table, codec in records.items():
            try:
                built[table] = codec.structure(value.get(table, []), reading)
            except _Invalid as error:
                reading.errors.extend(_at((table,), error))
        if reading.errors:
            raise _Invalid(sorted(reading.errors, key=lambda error: _rank(order, error[0])))
        platforms = [reading.tables[Platform][name] for name in reading.raw_platforms]
        try:
            return Market(
                platforms=platforms,
                organizations=reading.tables[Organization].values(),
                **built,
            )
        except DroneMarketError as error:
            raise _from_validation(error, keys) from None

    def unstructure_(value: Any, ctx: Any) -> Any:
        writing = _Writing(source.unstructure)
        organizations = [organization.unstructure(org, None) for org in value.organizations]
        platforms = [platform.unstructure(item, writing) for item in value.platforms]
        written = {
            table: codec.unstructure(getattr(value, table), writing)
            for table, codec in records.items()
        }
        return {
            "format": DOCUMENT_FORMAT,
            "version": DOCUMENT_VERSION,
            "sources": writing.sources,
            "organizations": organizations,
            "platforms": platforms,
            **written,
        }

    def schema(schemas: _Schemas) -> dict[str, Any]:
        return schemas.ref(
            "Market",
            lambda: _document_schema(schemas, source, organization, platform, records),
        )

    return _Codec(structure_, unstructure_, schema)


def _check_header(value: Any, keys: frozenset[str], listed: str) -> None:
    """Require an object with the document's keys only, its format and its version."""
    if not isinstance(value, dict):
        raise _fail(_expected("a market document (an object)", value))
    errors: _Errors = _unknown_keys(value, keys, "a market document", listed)
    if value.get("format") != DOCUMENT_FORMAT:
        errors.append((("format",), _expected(repr(DOCUMENT_FORMAT), value.get("format"))))
    version = value.get("version")
    if type(version) is not int or version != DOCUMENT_VERSION:
        errors.append((("version",), _expected(str(DOCUMENT_VERSION), version)))
    if errors:
        raise _Invalid(errors)


def _document_schema(
    schemas: _Schemas,
    source: _Codec,
    organization: _Codec,
    platform: _Codec,
    records: Mapping[str, _Codec],
) -> dict[str, Any]:
    """Return the schema of the market document itself."""
    return {
        "description": _summary(Market),
        "type": "object",
        "properties": {
            "format": {"const": DOCUMENT_FORMAT},
            "version": {"const": DOCUMENT_VERSION},
            "sources": {
                "type": "object",
                "description": "Every source cited, by id.",
                "propertyNames": {"minLength": 1, "maxLength": 500},
                "additionalProperties": source.schema(schemas),
            },
            "organizations": {
                "type": "array",
                "items": organization.schema(schemas),
                "maxItems": MAX_LENGTH,
            },
            "platforms": {
                "type": "array",
                "items": platform.schema(schemas),
                "maxItems": MAX_LENGTH,
            },
            **{table: codec.schema(schemas) for table, codec in records.items()},
        },
        "required": ["format", "version"],
        "additionalProperties": False,
    }


# ----------------------------------------------------------------------------
# The converter.

_PUBLIC_TYPES: Final[tuple[type, ...]] = (
    PartialDate,
    Source,
    Country,
    Organization,
    Supplier,
    Recipient,
    Sanction,
    Statement,
    Reported,
    Figure,
    Specs,
    Platform,
    Count,
    Delivery,
    Money,
    Deal,
    LicensedProduction,
    Cooperation,
    Evidence,
    Classification,
    Market,
)


def _entry(codec: _Codec) -> tuple[Callable[[Any, Any], Any], Callable[[Any], Any]]:
    """Wrap a codec as cattrs hooks: limits checked first, errors as StructureError."""
    s, u = codec.structure, codec.unstructure

    def structure_hook(value: Any, _: Any) -> Any:
        if not _within_limits(value):
            raise _structure_error(_limit_errors(value))
        try:
            return s(value, None)
        except _Invalid as error:
            raise _structure_error(error.errors) from None

    def unstructure_hook(value: Any) -> Any:
        return u(value, None)

    return structure_hook, unstructure_hook


def make_converter() -> cattrs.Converter:
    """Return a new cattrs converter that structures and unstructures every public type.

    It is strict (unknown keys and wrong types are errors, nothing is
    coerced), reports every error at once as a
    :class:`~dronemarket.StructureError`, and checks the size limits before
    structuring. :func:`structure` and :func:`unstructure` use one made once,
    on first use; make your own to register hooks of your own on it.

    >>> converter = make_converter()
    >>> converter.unstructure(PartialDate(2022, 5))
    '2022-05'
    >>> converter.structure("2022-05", PartialDate)
    PartialDate(2022, 5)
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    builder = _Builder(document=False, text=_QuantityText())
    for kind in _PUBLIC_TYPES:
        structure_hook, unstructure_hook = _entry(builder.codec(kind))
        converter.register_structure_hook(kind, structure_hook)
        converter.register_unstructure_hook(kind, unstructure_hook)
    for kind in (str, bool, int, float, Decimal):
        structure_hook, unstructure_hook = _entry(builder.codec(kind))
        converter.register_structure_hook(kind, structure_hook)
        if kind is Decimal:
            converter.register_unstructure_hook(kind, unstructure_hook)

    def is_quantity(kind: Any) -> bool:
        return isinstance(kind, type) and issubclass(kind, pint.Quantity)

    def is_enum(kind: Any) -> bool:
        return isinstance(kind, type) and issubclass(kind, enum.Enum)

    quantity_structure, quantity_unstructure = _entry(builder.codec(pint.Quantity))
    converter.register_structure_hook_func(is_quantity, quantity_structure)
    converter.register_unstructure_hook_func(is_quantity, quantity_unstructure)
    converter.register_structure_hook_factory(is_enum, lambda kind: _entry(builder.codec(kind))[0])
    converter.register_unstructure_hook_factory(
        is_enum, lambda kind: _entry(builder.codec(kind))[1]
    )

    def is_generic(kind: Any) -> bool:
        origin: object = typing.get_origin(kind)
        return isinstance(origin, type) and attrs.has(origin)

    verdict_structure, verdict_unstructure = _entry(builder.codec(Verdict))
    converter.register_structure_hook(Verdict, verdict_structure)  # raises: needs its parameter
    converter.register_unstructure_hook(Verdict, verdict_unstructure)
    converter.register_structure_hook_func(
        is_generic, lambda value, kind: _entry(builder.codec(kind))[0](value, kind)
    )
    converter.register_structure_hook_func(
        _is_annotated,
        lambda value, kind: _entry(builder.codec(kind))[0](value, kind),
    )
    return converter


@functools.cache
def _default() -> cattrs.Converter:
    """Return the converter :func:`structure` and :func:`unstructure` use, made once."""
    return make_converter()


def unstructure(value: object, *, converter: cattrs.Converter | None = None) -> Any:
    """Return `value` as JSON-ready primitives: dicts, lists, strings, numbers, bools, None.

    A :class:`~dronemarket.Market` becomes the normalized market document.

    >>> import dronemarket as dm
    >>> unstructure(dm.Money("69000000", "USD"))
    {'amount': '69000000', 'currency': 'USD'}
    """
    return (converter or _default()).unstructure(value)


@overload
def structure(data: object, cls: type[T], *, converter: cattrs.Converter | None = None) -> T: ...
@overload
def structure(data: object, cls: Any, *, converter: cattrs.Converter | None = None) -> Any: ...
def structure(data: object, cls: Any, *, converter: cattrs.Converter | None = None) -> Any:
    """Return `data` (as :func:`unstructure` gives it) as an instance of `cls`.

    Raises :class:`~dronemarket.StructureError` listing every problem with
    its path. `cls` is any public type, or a container of them such as
    ``list[dm.Deal]``.

    >>> import dronemarket as dm
    >>> structure({"amount": "69000000", "currency": "USD"}, dm.Money)
    Money(amount=Decimal('69000000'), currency='USD', estimate=False)
    """
    use = converter or _default()
    if cls in _PUBLIC_TYPES:  # their hooks check the limits and raise StructureError only
        return use.structure(data, cls)
    if not _within_limits(data):
        raise _structure_error(_limit_errors(data))
    try:
        return use.structure(data, cls)
    except StructureError:
        raise
    except BaseValidationError as error:
        raise StructureError(_flatten(error, "")) from None
    except cattrs.errors.StructureHandlerNotFoundError:
        raise
    except DroneMarketError as error:
        raise StructureError([("", str(error))]) from None
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        # cattrs' own hooks for containers, given the wrong kind of value
        message = f"cannot be read as {_show(cls)}: {_show(data)} ({type(error).__name__})"
        raise StructureError([("", message)]) from None


def _flatten(error: BaseException, prefix: str) -> list[tuple[str, str]]:
    """Turn cattrs' nested validation errors into (path, message) pairs."""
    found: list[tuple[str, str]] = []
    if isinstance(error, BaseValidationError):
        for inner in error.exceptions:
            where = prefix
            for note in getattr(inner, "__notes__", ()):
                if isinstance(note, IterableValidationNote):
                    where = _join(prefix, _path_text((note.index,)))
                elif isinstance(note, AttributeValidationNote):
                    where = _join(prefix, _path_text((note.name,)))
            found.extend(_flatten(inner, where))
        return found
    if isinstance(error, StructureError):
        return [(_join(prefix, path), message) for path, message in error.errors]
    return [(prefix, str(error) or type(error).__name__)]


# ----------------------------------------------------------------------------
# Batch loading.


@frozen
class Rejected:
    """A record :func:`load_records` could not load, with every error in it."""

    index: int
    """Its position in the input."""
    data: object
    """The record as given."""
    errors: tuple[tuple[str, str], ...]
    """Each problem, as (path within the record, message)."""

    def __str__(self) -> str:
        lines = [f"record {self.index}:"]
        lines += [
            f"  {path}: {message}" if path else f"  {message}" for path, message in self.errors
        ]
        return "\n".join(lines)


@frozen
class LoadResult(Generic[T]):
    """What :func:`load_records` made of its input: every record is in one of the two."""

    loaded: tuple[T, ...]
    """The records that loaded, in input order."""
    rejected: tuple[Rejected, ...]
    """The records that did not, in input order, each with its errors."""

    @property
    def ok(self) -> bool:
        """Say whether every record loaded."""
        return not self.rejected


def load_records(
    items: Iterable[object], cls: type[T], *, converter: cattrs.Converter | None = None
) -> LoadResult[T]:
    """Structure each record of `items` as `cls`, keeping the valid ones and the errors of the rest.

    Nothing is dropped silently: every input record ends up in
    :attr:`LoadResult.loaded` or :attr:`LoadResult.rejected`.

    >>> import dronemarket as dm
    >>> result = load_records(["2022-05", "2022-13", 7], dm.PartialDate)
    >>> result.loaded
    (PartialDate(2022, 5),)
    >>> [(r.index, r.errors) for r in result.rejected]
    [(1, (('', "'2022-13' is not a valid date (month 13 is outside 1..12)"),)),
     (2, (('', "expected a date such as '2022', '2022-05' or '2022-05-17', got 7"),))]
    """
    use = converter or _default()
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise StructureError([("", _expected("a list of records", items))])
    loaded: list[T] = []
    rejected: list[Rejected] = []
    for index, item in enumerate(items):
        try:
            loaded.append(structure(item, cls, converter=use))
        except StructureError as error:
            rejected.append(Rejected(index, item, error.errors))
    return LoadResult(tuple(loaded), tuple(rejected))


# ----------------------------------------------------------------------------
# JSON Schema.


def json_schema(cls: type = Market) -> dict[str, Any]:
    """Return a JSON Schema (draft 2020-12) of the plain data of `cls`, generated from its types.

    By default, the schema of the market document. The schema describes the
    shape (keys, types, string patterns, size limits); the rules checked at
    construction (a payload lighter than the take-off mass, say) are
    :func:`structure`'s to check.

    >>> schema = json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> list(schema["$defs"]["Market"]["properties"])
    ['format', 'version', 'sources', 'organizations', 'platforms',
     'deals', 'production', 'sanctions', 'cooperation']
    """
    builder = _Builder(document=cls is Market, text=_QuantityText())
    schemas = _Schemas()
    top = builder.codec(cls).schema(schemas)
    return {
        "$schema": _SCHEMA_DIALECT,
        "title": f"dronemarket {cls.__name__}",
        **top,
        "$defs": schemas.defs,
    }
