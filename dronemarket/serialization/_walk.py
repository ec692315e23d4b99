"""The type walk: one codec per type, built from the attrs classes."""

# Plain data is dynamically typed, and every hook takes (value, ctx) whether it uses ctx or not:
# ruff: noqa: ANN401, ARG001

from __future__ import annotations

import enum
import functools
import operator
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs
import pint

from dronemarket.dates import PartialDate
from dronemarket.deals import Count, Delivery, DeliverySpan
from dronemarket.market import Market
from dronemarket.parties import (
    ArmedGroup,
    Country,
    Multinational,
    Organization,
    Territory,
)
from dronemarket.platforms import Figure, Platform, Reported, Specs
from dronemarket.serialization._codecs import (
    Codec,
    QuantityText,
    Schemas,
    Unstructurer,
    any_enum_codec,
    bool_codec,
    country_codec,
    date_codec,
    decimal_codec,
    enum_codec,
    float_codec,
    hooked_codec,
    int_codec,
    leaf_key,
    no_schema,
    nullable,
    quantity_codec,
    string_codec,
)
from dronemarket.serialization._generate import (
    MISSING,
    PLAIN_FACTORIES,
    Field,
    generate_structure,
    generate_unstructure,
    record_schema,
)
from dronemarket.serialization._limits import MAX_LENGTH
from dronemarket.serialization._paths import (
    Errors,
    Invalid,
    add_error,
    expected_message,
    invalid_here,
    nest_errors,
    short_repr,
    unexpected_message,
)
from dronemarket.serialization._shapes import (
    MIGRATED,
    count_codec,
    figure_codec,
    lineage_codec,
    migrated_codec,
    reference_codec,
    reported_codec,
    specs_codec,
)
from dronemarket.sources import Source
from dronemarket.units import Dimension

PARTY_TAGS: Final = {
    Territory: "territory",
    ArmedGroup: "armed_group",
    Multinational: "multinational",
}
"""The key that tags each kind of party other than a country on the wire."""


class Builder:
    """Builds the codecs of one converter, for standalone values or the market document."""

    def __init__(
        self,
        *,
        document: bool,
        text: QuantityText,
        market: Callable[[Builder], Codec] | None = None,
    ) -> None:
        self.document = document
        self.market = market  # makes the market document's codec (see _document)
        self.text = text
        self.codecs: dict[object, Codec] = {}
        self.building: dict[type, Codec] = {}
        self.string = string_codec()
        # The hooks registered on the converter for leaf types, used inside records too.
        self.user_structure: dict[type, Callable[[Any, Any], Any]] = {}
        self.user_unstructure: dict[type, Callable[[Any], Any]] = {}

    def use_hook(self, kind: Any, *, structure: Any = None, unstructure: Any = None) -> bool:
        """Use a hook registered for a leaf type wherever the type appears; say if it is one."""
        key = leaf_key(kind)
        if key is None:
            return False
        if structure is not None:
            self.user_structure[key] = structure
        if unstructure is not None:
            self.user_unstructure[key] = unstructure
        self.codecs.clear()  # every codec is made again, with the hook
        return True

    def quantity(self, dimension: Dimension | None) -> Codec:
        """Return the codec of a quantity of `dimension`, through a Quantity hook if any."""
        return self._leaf(pint.Quantity, quantity_codec(dimension, self.text), dimension)

    def _leaf(self, key: type, codec: Codec, dimension: Dimension | None = None) -> Codec:
        s_hook = self.user_structure.get(key)
        u_hook = self.user_unstructure.get(key)
        if s_hook is None and u_hook is None:
            return codec
        return hooked_codec(key, codec, s_hook, u_hook, dimension)

    # -- dispatch --

    def codec(self, kind: Any) -> Codec:
        try:
            return self.codecs[kind]
        except KeyError:
            pass
        except TypeError:  # unhashable type hint
            return self._make(kind)
        made = self._make(kind)
        self.codecs[kind] = made
        return made

    def _make(self, kind: Any) -> Codec:  # noqa: C901, PLR0911, PLR0912 - one case per kind
        origin = typing.get_origin(kind)
        args = typing.get_args(kind)
        if origin is typing.Annotated:
            dimension = next((a for a in args[1:] if isinstance(a, Dimension)), None)
            return self.quantity(dimension)
        if origin in {typing.Union, types.UnionType}:
            return self._union(args)
        if isinstance(origin, type) and attrs.has(origin):
            return self.record(kind)  # a generic class with its parameters, Verdict[DodGroup]
        if isinstance(kind, typing.TypeVar):
            return any_enum_codec(kind)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return self.sequence(self.codec(args[0]), unique=False)
        if origin in {list, tuple}:
            return self.sequence(self.codec(args[0]) if args else self.string, unique=False)
        if origin is frozenset or origin is set:
            return self.sequence(self.codec(args[0]), unique=True)
        if kind is str:
            return self.string
        if kind is bool:
            return bool_codec()
        if kind is int:
            return int_codec()
        if kind is float:
            return float_codec()
        if kind is Decimal:
            return decimal_codec()
        if isinstance(kind, type):
            if issubclass(kind, enum.Enum):
                return enum_codec(kind)
            if issubclass(kind, pint.Quantity):
                return self.quantity(None)
            special = self._special(kind)
            if special is not None:
                return special
            if attrs.has(kind):
                return self.record(kind)
        msg = f"dronemarket cannot structure {kind!r}"
        raise TypeError(msg)

    def _special(self, kind: type) -> Codec | None:  # noqa: C901, PLR0911 - one case per kind
        if kind is PartialDate:
            return self._leaf(PartialDate, date_codec())
        if kind is Country:
            return self._leaf(Country, country_codec())
        if kind is Specs:
            return specs_codec(self)
        if kind is Figure:
            return figure_codec(self)
        if kind is Reported:
            return reported_codec(self, None)
        if kind is Count:
            return self._leaf(Count, count_codec(self))
        if kind is Market:
            return self._market()
        if self.document and kind in {Source, Organization, Platform}:
            return reference_codec(kind)
        if kind is Platform:
            return lineage_codec(self.record(Platform))
        if kind in MIGRATED:  # reads the keys older documents used
            return migrated_codec(kind, self.record(kind))
        return None

    # -- containers and unions --

    def sequence(self, inner: Codec, *, unique: bool) -> Codec:  # noqa: C901 - one closure
        s = inner.structure
        what = "a list without repeats" if unique else "a list"

        def structure_(value: Any, ctx: Any) -> Any:
            if type(value) is not list and not isinstance(value, list | tuple):
                raise invalid_here(expected_message(what, value))
            out = []
            errors: Errors | None = None
            for index, item in enumerate(value):
                try:
                    out.append(s(item, ctx))
                except Invalid as error:
                    errors = nest_errors(errors, index, error)
                except Exception as error:  # noqa: BLE001 - not dronemarket's: at its path
                    errors = add_error(errors, index, unexpected_message(item, error))
            if errors:
                raise Invalid(errors)
            if unique:
                made = frozenset(out)
                if len(made) != len(out):
                    raise invalid_here(f"{short_repr(value)} has repeated items")
                return made
            return tuple(out)

        def schema(schemas: Schemas) -> dict[str, Any]:
            made = {"type": "array", "items": inner.schema(schemas), "maxItems": MAX_LENGTH}
            if unique:
                made["uniqueItems"] = True
            return made

        return Codec(structure_, sequence_unstructure(inner, unique=unique), schema)

    def _union(self, args: tuple[Any, ...]) -> Codec:
        rest = tuple(arg for arg in args if arg is not type(None))
        if len(rest) == 1:
            return nullable(self.codec(rest[0]))
        if len(rest) < len(args):
            return nullable(self._union(rest))
        if Country in rest and all(arg in PARTY_TAGS or arg is Country for arg in rest):
            return self._party(rest)
        if set(rest) == {Delivery, DeliverySpan}:
            return self._delivery()
        tags = {Organization: "organization", Country: "country", str: "person"}
        if not all(arg in tags for arg in rest):
            msg = f"dronemarket cannot structure the union {args!r}"
            raise TypeError(msg)
        return self._tagged({tags[arg]: (arg, self.codec(arg)) for arg in rest})

    def _tagged(self, choices: dict[str, tuple[type, Codec]]) -> Codec:
        """Return a union's codec, as ``{"organization": ...}`` or ``{"country": ...}``."""
        names = " or ".join(repr(tag) for tag in choices)
        order = sorted(choices.items(), key=lambda item: item[1][0] is str)  # str last

        def structure_(value: Any, ctx: Any) -> Any:
            if not isinstance(value, dict) or len(value) != 1:
                raise invalid_here(expected_message(f"an object with one key, {names}", value))
            ((tag, inner),) = value.items()
            choice = choices.get(tag) if type(tag) is str else None
            if choice is None:
                raise Invalid([((tag,), f"unknown key (expected {names})")])
            try:
                return choice[1].structure(inner, ctx)
            except Invalid as error:
                raise Invalid(nest_errors(None, tag, error)) from None
            except Exception as error:  # noqa: BLE001 - not dronemarket's: at its path
                raise Invalid([((tag,), unexpected_message(inner, error))]) from None

        def unstructure_(value: Any, ctx: Any) -> Any:
            for tag, (kind, inner) in order:
                if isinstance(value, kind):
                    return {tag: inner.unstructure(value, ctx)}
            raise TypeError(value)  # pragma: no cover - the class validated the value

        def schema(schemas: Schemas) -> dict[str, Any]:
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

        return Codec(structure_, unstructure_, schema)

    def _party(self, kinds: tuple[Any, ...]) -> Codec:
        """Return a party's codec: a country's code (``"TUR"``), else a tagged object.

        ``{"territory": {"name": "Kosovo"}}``, ``{"armed_group": {"name":
        "Houthi rebels", "base": "YEM"}}``, ``{"multinational": {"name": "NATO"}}``.
        """
        country = self.codec(Country)
        tagged = self._tagged({PARTY_TAGS[k]: (k, self.codec(k)) for k in kinds if k in PARTY_TAGS})
        s_country, u_country = country.structure, country.unstructure
        s_tagged, u_tagged = tagged.structure, tagged.unstructure
        names = " or ".join(repr(PARTY_TAGS[k]) for k in kinds if k in PARTY_TAGS)
        wanted = f"a country code such as 'TUR', or an object with one key, {names}"

        def structure_(value: Any, ctx: Any) -> Any:
            if type(value) is str:
                return s_country(value, ctx)
            if isinstance(value, dict):
                return s_tagged(value, ctx)
            raise invalid_here(expected_message(wanted, value))

        def unstructure_(value: Any, ctx: Any) -> Any:
            if type(value) is Country:
                return u_country(value, ctx)
            return u_tagged(value, ctx)

        def schema(schemas: Schemas) -> dict[str, Any]:
            return {"oneOf": [country.schema(schemas), *tagged.schema(schemas)["oneOf"]]}

        return Codec(structure_, unstructure_, schema)

    def _delivery(self) -> Codec:
        """Return a delivery's codec: ``{"date": ...}``, or a span's ``{"years": [...]}``."""
        one, span = self.codec(Delivery), self.codec(DeliverySpan)
        s_one, u_one, s_span, u_span = (
            one.structure,
            one.unstructure,
            span.structure,
            span.unstructure,
        )

        def structure_(value: Any, ctx: Any) -> Any:
            if isinstance(value, dict) and "years" in value:
                return s_span(value, ctx)
            return s_one(value, ctx)

        def unstructure_(value: Any, ctx: Any) -> Any:
            if type(value) is DeliverySpan:
                return u_span(value, ctx)
            return u_one(value, ctx)

        def schema(schemas: Schemas) -> dict[str, Any]:
            return {"oneOf": [one.schema(schemas), span.schema(schemas)]}

        return Codec(structure_, unstructure_, schema)

    # -- attrs classes --

    def fields(
        self,
        kind: type,
        overrides: Mapping[str, Codec] | None = None,
        parameters: Mapping[Any, Any] | None = None,
    ) -> list[Field]:
        """Return the fields of an attrs class as the wire sees them, with their codecs."""
        hints = typing.get_type_hints(kind, include_extras=True)
        made = []
        for attribute in attrs.fields(kind):
            if not attribute.init:
                continue
            key = attribute.alias or attribute.name
            hint = substitute(hints[attribute.name], parameters or {})
            codec = (overrides or {}).get(key) or self.codec(hint)
            default = attribute.default
            required = default is MISSING
            always = required
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                factory: Any = default
                if factory.factory in PLAIN_FACTORIES and not factory.takes_self:
                    default = factory.factory()
                else:  # made from the instance, or costly to make (Specs): always written
                    always = True
                    default = MISSING
            if attribute.name == "_given_id":
                # A record's id (see _validate.settle_id) is always written, as
                # given or as made, so that documents and other tools can
                # refer to it; read back, it is the id given.
                made.append(Field(key, "id", codec, required=False, always=True, default=None))
                continue
            made.append(Field(key, attribute.name, codec, required, always, default))
        return made

    def record(
        self, kind: Any, overrides: Mapping[str, Codec] | None = None, name: str | None = None
    ) -> Codec:
        """Return the codec of an attrs class: an object keyed by its field names.

        `kind` may be a generic class with its parameters (``Verdict[DodGroup]``).
        """
        if kind in self.building:
            target = self.building[kind]
            # The class refers to itself (a platform's lineage): look the target
            # up at each call, once it is built.
            return Codec(
                lambda value, ctx: target.structure(value, ctx),  # noqa: PLW0108
                lambda value, ctx: target.unstructure(value, ctx),  # noqa: PLW0108
                lambda schemas: target.schema(schemas),  # noqa: PLW0108
            )
        shell = Codec(unset, unset, no_schema)
        self.building[kind] = shell
        cls: type = typing.get_origin(kind) or kind
        arguments = typing.get_args(kind)
        parameters = dict(zip(getattr(cls, "__parameters__", ()), arguments, strict=False))
        try:
            fields = self.fields(cls, overrides, parameters)
        finally:
            del self.building[kind]
        shell.structure = generate_structure(cls, fields)
        shell.unstructure = generate_unstructure(cls, fields)
        named = cls.__name__ + "".join(getattr(a, "__name__", "") for a in arguments)
        shell.schema = record_schema(cls, fields, name or named)
        return shell

    # -- the market document --

    def _market(self) -> Codec:
        if self.market is None:
            msg = "dronemarket cannot structure a Market with this builder"
            raise TypeError(msg)
        if not self.document:
            return self.document_builder().codec(Market)
        return self.market(self)

    def document_builder(self) -> Builder:
        """Return the builder of the market document's codecs (sharing the quantity text)."""
        return self.sibling(document=True)

    def sibling(self, *, document: bool) -> Builder:
        """Return a builder sharing this one's quantity text and user hooks."""
        made = Builder(document=document, text=self.text, market=self.market)
        made.user_structure = self.user_structure
        made.user_unstructure = self.user_unstructure
        return made


def unset(value: Any, ctx: Any) -> Any:  # pragma: no cover - replaced before use
    raise AssertionError


def substitute(hint: Any, parameters: Mapping[Any, Any]) -> Any:
    """Return a type hint with the type parameters of a generic class replaced."""
    if not parameters:
        return hint
    if isinstance(hint, typing.TypeVar):
        return parameters.get(hint, hint)
    args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    if not args or origin is typing.Annotated:
        return hint
    new = tuple(arg if arg is Ellipsis else substitute(arg, parameters) for arg in args)
    if new == args:
        return hint
    if origin in {typing.Union, types.UnionType}:
        return functools.reduce(operator.or_, new)
    return origin[new]


def sequence_unstructure(inner: Codec, *, unique: bool) -> Unstructurer:
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
