"""Leaf codecs: a structure function, an unstructure function and a schema, per type."""

# Plain data is dynamically typed, and every hook takes (value, ctx) whether it uses ctx or not:
# ruff: noqa: ANN401, ARG001, ARG002, ARG005, SLF001

from __future__ import annotations

import enum
import math
import re
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Final

import attrs
import pint

from dronemarket import units
from dronemarket.dates import PartialDate
from dronemarket.deals import Count
from dronemarket.errors import DroneMarketError, ValidationError
from dronemarket.parties import (
    Country,
)
from dronemarket.units import Dimension, Quantity

if TYPE_CHECKING:
    from pint.util import UnitsContainer

from dronemarket.serialization._limits import MAX_INTEGER, MAX_STRING
from dronemarket.serialization._paths import (
    expected_message,
    from_validation,
    invalid_here,
    short_repr,
)

Structurer = Callable[[Any, Any], Any]
Unstructurer = Callable[[Any, Any], Any]


class Schemas:
    """Collects the ``$defs`` of a JSON Schema while codecs describe themselves."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, name: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: a recursive type refers to itself
            self.defs[name] = build()
        return {"$ref": f"#/$defs/{name}"}


@attrs.define(eq=False)
class Codec:
    """How one type goes to plain data and back."""

    structure: Structurer
    unstructure: Unstructurer
    schema: Callable[[Schemas], dict[str, Any]]
    kind: str = "call"  # "str", "bool", "enum" are inlined by the class codecs
    table: Mapping[str, Any] | None = None  # an enum's members by value
    inner: Codec | None = None  # what a nullable codec wraps


def nullable(inner: Codec) -> Codec:
    s, u = inner.structure, inner.unstructure

    def structure_(value: Any, ctx: Any) -> Any:
        return None if value is None else s(value, ctx)

    def unstructure_(value: Any, ctx: Any) -> Any:
        return None if value is None else u(value, ctx)

    def schema(schemas: Schemas) -> dict[str, Any]:
        return {"anyOf": [inner.schema(schemas), {"type": "null"}]}

    return Codec(
        structure_,
        unstructure_,
        schema,
        kind="nullable:" + inner.kind,
        table=inner.table,
        inner=inner,
    )


def string_codec() -> Codec:
    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is str or isinstance(value, str):
            return value
        raise invalid_here(expected_message("a string", value))

    return Codec(
        structure_,
        lambda value, ctx: value,
        lambda schemas: {"type": "string", "maxLength": MAX_STRING},
        kind="str",
    )


def bool_codec() -> Codec:
    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is bool:
            return value
        raise invalid_here(expected_message("true or false", value))

    return Codec(
        structure_,
        lambda value, ctx: value,
        lambda schemas: {"type": "boolean"},
        kind="bool",
    )


def int_message(value: object) -> str:
    if type(value) is int:
        return f"expected an integer of at most {MAX_INTEGER:,} in size, got a larger one"
    return expected_message("an integer", value)


def int_codec() -> Codec:
    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is int and -MAX_INTEGER <= value <= MAX_INTEGER:
            return value
        raise invalid_here(int_message(value))

    return Codec(
        structure_,
        lambda value, ctx: value,
        lambda schemas: {"type": "integer"},
    )


def float_codec() -> Codec:
    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is float and math.isfinite(value):
            return value
        if type(value) is int and -MAX_INTEGER <= value <= MAX_INTEGER:
            return float(value)
        raise invalid_here(expected_message("a finite number", value))

    return Codec(
        structure_,
        lambda value, ctx: value,
        lambda schemas: {"type": "number"},
    )


def enum_codec(kind: type[enum.Enum]) -> Codec:
    by_name = not all(isinstance(member.value, str) for member in kind)
    table: dict[str, enum.Enum] = {
        (member.name if by_name else member.value): member for member in kind
    }
    choices = ", ".join(map(repr, table))

    def structure_(value: Any, ctx: Any) -> Any:
        member = table.get(value) if type(value) is str else None
        if member is None:
            raise invalid_here(expected_message(f"one of {choices}", value))
        return member

    def unstructure_(value: Any, ctx: Any) -> Any:
        return value._name_ if by_name else value._value_

    def schema(schemas: Schemas) -> dict[str, Any]:
        return schemas.ref(
            kind.__name__,
            lambda: {"description": summary(kind), "enum": list(table)},
        )

    return Codec(structure_, unstructure_, schema, kind="call" if by_name else "enum", table=table)


_DECIMAL_TEXT = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]{1,4})?")  # ASCII only
_DECIMAL_PATTERN = r"^[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]{1,4})?$"


def decimal_codec() -> Codec:
    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is str and len(value) <= 64 and _DECIMAL_TEXT.fullmatch(value):
            try:
                return Decimal(value)
            except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
                pass
        raise invalid_here(
            expected_message("a decimal number as a string, such as '69000000'", value)
        )

    return Codec(
        structure_,
        lambda value, ctx: str(value),
        lambda schemas: {"type": "string", "pattern": _DECIMAL_PATTERN, "maxLength": 64},
    )


_DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


_TWO_DIGITS: Final = tuple(f"{number:02}" for number in range(32))


def date_text(value: PartialDate, ctx: Any = None) -> str:
    month = value.month
    if month is None:
        return str(value.year)  # years are 1900..2100: always four digits
    day = value.day
    if day is None:
        return f"{value.year}-{_TWO_DIGITS[month]}"
    return f"{value.year}-{_TWO_DIGITS[month]}-{_TWO_DIGITS[day]}"


def _string_schema(
    name: str, description: str, pattern: str
) -> Callable[[Schemas], dict[str, Any]]:
    """Return the schema function of a leaf type written as one patterned string."""

    def schema(schemas: Schemas) -> dict[str, Any]:
        return schemas.ref(
            name, lambda: {"description": description, "type": "string", "pattern": pattern}
        )

    return schema


def date_codec() -> Codec:
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
                        detail = f"{error.field} {short_repr(error.value)} {error.rule}"
                        message = f"{short_repr(value)} is not a valid date ({detail})"
                        raise invalid_here(message) from None
                else:
                    if len(memo) < 4096:
                        memo[value] = made
                    return made
        raise invalid_here(
            expected_message("a date such as '2022', '2022-05' or '2022-05-17'", value)
        )

    schema = _string_schema(
        "PartialDate", "A date known to the year, the month or the day.", _DATE_PATTERN
    )
    return Codec(structure_, date_text, schema)


def country_codec() -> Codec:
    memo: dict[str, Country] = {}

    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is str:
            made = memo.get(value)
            if made is None:
                try:
                    made = Country(value)
                except ValidationError as error:
                    raise invalid_here(f"{short_repr(value)} {error.rule}") from None
                memo[value] = made
            return made
        raise invalid_here(
            expected_message("an ISO 3166-1 alpha-3 country code such as 'TUR'", value)
        )

    schema = _string_schema("Country", "A country, by its ISO 3166-1 alpha-3 code.", "^[A-Z]{3}$")
    return Codec(structure_, lambda value, ctx: value.code, schema)


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


class QuantityText:
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
        raise invalid_here(f"{value!r} has no unit a document can spell")  # pragma: no cover


def specs_writer(
    text: QuantityText, names: tuple[str, ...], writers: tuple[Unstructurer, ...]
) -> Unstructurer:
    """Return how Specs are written when every quantity is written by `text` (no user hook).

    A plain spec is written straight from the magnitude and unit it is kept
    in, building no Quantity; anything else goes to its spec's writer in
    `writers`. The result is the same as writing each spec's Quantity with
    `text`: same labels, same digits, same keys in the same order.
    """
    labels = text.labels
    longest = units.MAX_QUANTITY_TEXT
    new = units._new

    def unstructure_(value: Any, ctx: Any) -> Any:
        out = {}
        for name, write, stored in zip(names, writers, value._raw_values(), strict=True):
            if stored is None:
                continue
            if type(stored) is tuple:  # (magnitude, units, SI magnitude, registry)
                magnitude, unit = stored[0], stored[1]
                entry = labels.get(id(unit))
                if entry is not None and entry[0] is unit and entry[1] is not None:
                    label = entry[1]
                    made = f"{magnitude!r} {label}"  # an int's repr is its str
                    out[name] = made if len(made) <= longest else f"{float(magnitude)!r} {label}"
                    continue
                out[name] = write(new(stored[3], magnitude, unit), ctx)  # first seen: in full
                continue
            out[name] = write(stored, ctx)
        return out

    return unstructure_


def quantity_message(value: object, dimension: Dimension | None, error: ValidationError) -> str:
    if dimension is None:
        return f"{short_repr(value)} {error.rule}"
    if error.rule.startswith(f"is not a {dimension.noun}"):
        return f"expected a {dimension.noun}, got {short_repr(value)}"
    return f"{short_repr(value)} {error.rule}"


def quantity_codec(dimension: Dimension | None, text: QuantityText) -> Codec:
    parse = units.quantity
    expected = (
        f"a {dimension.noun} such as {dimension.example.split(' or ')[0]} or "
        f"{dimension.example.split(' or ')[-1]}"
        if dimension
        else "a quantity such as '12 m'"
    )

    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is not str:
            raise invalid_here(expected_message(expected, value))
        try:
            return parse(value, dimension)
        except ValidationError as error:
            raise invalid_here(quantity_message(value, dimension, error)) from None

    def schema(schemas: Schemas) -> dict[str, Any]:
        what = f"A {dimension.noun}" if dimension else "A physical quantity"
        return {
            "type": "string",
            "description": f"{what}: a number and a unit, such as "
            f"{(dimension.example if dimension else repr('12 m'))}.",
            "pattern": _QUANTITY_PATTERN,
            "maxLength": units.MAX_QUANTITY_TEXT,
        }

    return Codec(structure_, text, schema)


def summary(kind: type) -> str:
    doc = kind.__doc__ or kind.__name__
    return doc.strip().split("\n\n")[0].replace("\n", " ")


def any_enum_codec(parameter: typing.TypeVar) -> Codec:
    """Return the codec of a type parameter left open (a bare ``Verdict``): write-only.

    An enum member is written as its typed parameter would write it; reading
    needs the parameter (``structure(data, Verdict[DodGroup])``).
    """

    def structure_(value: Any, ctx: Any) -> Any:
        raise invalid_here(f"cannot be read without knowing its type ({parameter.__name__})")

    def unstructure_(value: Any, ctx: Any) -> Any:
        by_value = all(isinstance(member.value, str) for member in type(value))
        return value._value_ if by_value else value._name_

    return Codec(structure_, unstructure_, lambda schemas: {})


def no_schema(schemas: Schemas) -> dict[str, Any]:  # pragma: no cover - replaced before use
    raise AssertionError


def is_annotated(kind: object) -> bool:
    origin: object = typing.get_origin(kind)
    return origin is typing.Annotated


def leaf_key(kind: Any) -> type | None:
    """Return the leaf type a hook registered for `kind` stands for, or None."""
    if kind in {PartialDate, Country, Count}:
        return kind  # type: ignore[no-any-return]
    if isinstance(kind, type) and issubclass(kind, pint.Quantity):
        return pint.Quantity
    return None


def hooked_codec(
    kind: type,
    codec: Codec,
    structure_hook: Callable[[Any, Any], Any] | None,
    unstructure_hook: Callable[[Any], Any] | None,
    dimension: Dimension | None,
) -> Codec:
    """Return `codec` with the hooks a user registered for its leaf type in its place.

    A quantity the hook makes must still have the dimension its field
    declares; errors the hook raises are reported at the field's path.
    """
    structure_ = codec.structure
    if structure_hook is not None:

        def structure_(value: Any, ctx: Any) -> Any:
            try:
                made = structure_hook(value, kind)
            except DroneMarketError as error:
                raise from_validation(error) from None
            if dimension is not None:
                try:
                    units.quantity(made, dimension)
                except ValidationError as error:
                    raise invalid_here(quantity_message(value, dimension, error)) from None
            return made

    unstructure_ = codec.unstructure
    if unstructure_hook is not None:

        def unstructure_(value: Any, ctx: Any) -> Any:
            return unstructure_hook(value)

    return Codec(structure_, unstructure_, codec.schema)
