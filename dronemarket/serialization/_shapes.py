"""dronemarket's own wire shapes: counts, reports, figures, specs, references."""

# Plain data is dynamically typed, and every hook takes (value, ctx) whether it uses ctx or not:
# ruff: noqa: ANN401, ARG001

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from dronemarket.deals import Condition, Count, Deal
from dronemarket.errors import DroneMarketError, ValidationError
from dronemarket.parties import Organization, Recipient, Supplier
from dronemarket.platforms import SPEC_FIELDS, Figure, Platform, Reported, Specs
from dronemarket.sources import Source
from dronemarket.units import Dimension

if TYPE_CHECKING:
    from dronemarket.serialization._walk import Builder

from dronemarket.serialization._codecs import Codec, Schemas, int_message, specs_writer, summary
from dronemarket.serialization._limits import LINEAGE_KEYS, MAX_INTEGER
from dronemarket.serialization._paths import (
    Errors,
    Invalid,
    Path,
    add_error,
    errors_at,
    expected_message,
    from_validation,
    invalid_here,
    nest_errors,
    short_repr,
    unexpected_message,
)


def count_codec(builder: Builder) -> Codec:
    record = builder.record(Count)
    s, u = record.structure, record.unstructure

    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is int:
            if not -MAX_INTEGER <= value <= MAX_INTEGER:
                raise invalid_here(int_message(value))
            try:
                return Count.exact(value)
            except ValidationError as error:
                raise invalid_here(f"{short_repr(value)} {error.rule}") from None
        if isinstance(value, dict):
            return s(value, ctx)
        raise invalid_here(
            expected_message("a whole number, or an object with low, central and high", value)
        )

    def unstructure_(value: Any, ctx: Any) -> Any:
        if value.estimate or value.wording:
            return u(value, ctx)
        return value.central

    def schema(schemas: Schemas) -> dict[str, Any]:
        exact = {"type": "integer", "minimum": 1, "description": "An exact count."}
        return {"oneOf": [exact, record.schema(schemas)]}

    return Codec(structure_, unstructure_, schema)


def reported_codec(builder: Builder, dimension: Dimension | None) -> Codec:
    """Return the codec of a report: ``"650 kg"`` if it has no source, flag or note."""
    value_codec = builder.quantity(dimension)
    name = f"Reported{dimension.name.title()}" if dimension else "Reported"
    record = builder.record(Reported, {"value": value_codec}, name)
    s, u = record.structure, record.unstructure
    s_value, u_value = value_codec.structure, value_codec.unstructure

    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is str:
            return Reported(s_value(value, ctx))
        if isinstance(value, dict):
            return s(value, ctx)
        raise invalid_here(
            expected_message("a quantity such as '650 kg', or an object with a value", value)
        )

    def unstructure_(value: Any, ctx: Any) -> Any:
        if value.source is None and not value.estimate and not value.note:
            return u_value(value.value, ctx)
        return u(value, ctx)

    def schema(schemas: Schemas) -> dict[str, Any]:
        return {"anyOf": [value_codec.schema(schemas), record.schema(schemas)]}

    return Codec(structure_, unstructure_, schema)


def figure_codec(builder: Builder) -> Codec:
    reports = builder.sequence(reported_codec(builder, None), unique=False)
    s, u = reports.structure, reports.unstructure

    def structure_(value: Any, ctx: Any) -> Any:
        made = s(value, ctx)
        try:
            return Figure(made)
        except ValidationError as error:
            raise invalid_here(f"{short_repr(value)} {error.rule}") from None

    def schema(schemas: Schemas) -> dict[str, Any]:
        made = reports.schema(schemas)
        made["minItems"] = 1
        return made

    return Codec(structure_, lambda value, ctx: u(value.reports, ctx), schema)


def spec_codec(builder: Builder, name: str) -> Codec:
    """Return the codec of one spec: ``"12 m"``, or a list of reports, or null."""
    spec = SPEC_FIELDS[name]
    plain = builder.quantity(spec.dimension)
    reports = builder.sequence(reported_codec(builder, spec.dimension), unique=False)
    s_plain, u_plain = plain.structure, plain.unstructure
    s_reports, u_reports = reports.structure, reports.unstructure

    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is str:
            return s_plain(value, ctx)
        if isinstance(value, list | tuple):
            if not value:
                raise invalid_here("expected at least one reported value, got []")
            return s_reports(value, ctx)
        if value is None:
            return None
        return s_plain(value, ctx)  # raises, naming the dimension expected

    def unstructure_(value: Any, ctx: Any) -> Any:
        if type(value) is Figure:
            return u_reports(value.reports, ctx)
        return u_plain(value, ctx)

    def schema(schemas: Schemas) -> dict[str, Any]:
        many = reports.schema(schemas)
        many["minItems"] = 1
        return {
            "description": spec.description,
            "anyOf": [plain.schema(schemas), many, {"type": "null"}],
        }

    return Codec(structure_, unstructure_, schema)


def specs_codec(builder: Builder) -> Codec:
    """Return the codec of Specs: an object of the known specs only."""
    codecs = {name: spec_codec(builder, name) for name in SPEC_FIELDS}
    known = ", ".join(SPEC_FIELDS)
    # Each spec is stored as a Quantity, or a Figure when it has more to say.
    writers = tuple(codecs[name].unstructure for name in SPEC_FIELDS)
    names = tuple(SPEC_FIELDS)
    read = Specs.stored_values

    def structure_(value: Any, ctx: Any) -> Any:
        return structure_specs(value, ctx, codecs, known)

    def unstructure_(value: Any, ctx: Any) -> Any:
        return {
            name: write(stored, ctx)
            for name, write, stored in zip(names, writers, read(value), strict=True)
            if stored is not None
        }

    def schema(schemas: Schemas) -> dict[str, Any]:
        return schemas.ref(
            "Specs",
            lambda: {
                "description": summary(Specs),
                "type": "object",
                "properties": {name: codec.schema(schemas) for name, codec in codecs.items()},
                "additionalProperties": False,
            },
        )

    # Without a user hook for quantities, plain specs are written from what Specs keeps.
    text = builder.text
    fast = all(builder.quantity(SPEC_FIELDS[n].dimension).unstructure is text for n in names)
    return Codec(structure_, specs_writer(text, names, writers) if fast else unstructure_, schema)


# -- the market document --


def reference_codec(kind: type) -> Codec:
    noun = {Source: "source", Organization: "organization", Platform: "platform"}[kind]
    by = "id" if kind is Source else "name"
    table = {Source: "sources", Organization: "organizations", Platform: "platforms"}[kind]

    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is not str:
            article = "an" if noun[0] in "aeiou" else "a"
            raise invalid_here(expected_message(f"the {by} of {article} {noun} in {table}", value))
        return ctx.resolve(kind, value)

    def unstructure_(value: Any, ctx: Any) -> Any:
        return ctx.name_of(kind, value)

    def schema(schemas: Schemas) -> dict[str, Any]:
        return {
            "type": "string",
            "minLength": 1,
            "maxLength": 500,
            "description": f"The {by} of a {noun} in `{table}`.",
        }

    return Codec(structure_, unstructure_, schema)


def structure_specs(  # noqa: C901 - one case per way a spec fails
    value: Any, ctx: Any, codecs: Mapping[str, Codec], known: str
) -> Specs:
    """Structure an object of specs, reporting every spec that is wrong."""
    if not isinstance(value, dict):
        raise invalid_here(expected_message("an object of specs", value))
    given: dict[str, Any] = {}
    errors: Errors | None = None
    for name, item in value.items():
        codec = codecs.get(name) if type(name) is str else None
        if codec is None:
            errors = add_error(errors, name, f"is not a spec (known: {known})")
            continue
        try:
            made = codec.structure(item, ctx)
        except Invalid as error:
            errors = nest_errors(errors, name, error)
        except Exception as error:  # noqa: BLE001 - not dronemarket's: at its path
            errors = add_error(errors, name, unexpected_message(item, error))
        else:
            if made is not None:
                given[name] = made
    if errors:
        raise Invalid(errors)
    try:
        return Specs(**given)
    except DroneMarketError as error:
        raise specs_errors(given, value, error) from None
    except Exception as error:  # noqa: BLE001 - not dronemarket's: at its path
        raise specs_errors(given, value, error) from None


def specs_errors(given: Mapping[str, Any], raw: Mapping[str, Any], error: Exception) -> Invalid:
    """Every spec that breaks a rule on its own, or else the cross-field rule broken."""
    errors: Errors = []
    for name, value in given.items():
        try:
            Specs(**{name: value})
        except ValidationError as alone:
            errors.append(((name,), f"{short_repr(alone.value)} {alone.rule}"))
        except Exception as alone:  # noqa: BLE001 - not dronemarket's: at its path
            errors.append(((name,), unexpected_message(raw[name], alone)))
    if errors:
        return Invalid(errors)
    if not isinstance(error, DroneMarketError):
        return Invalid([((), unexpected_message(raw, error))])
    return from_validation(error, SPEC_FIELDS)


class Built:
    """A platform already read, standing in for its data: lineage is read parents first."""

    __slots__ = ("made",)

    def __init__(self, made: Platform | None) -> None:
        self.made = made  # None: it failed, and its errors are reported already


class Lineage:
    """The context of writing a lineage: each platform's data by id, parents first."""

    __slots__ = ("written",)

    def __init__(self) -> None:
        self.written: dict[int, Any] = {}


def lineage_codec(inner: Codec) -> Codec:  # noqa: C901 - two explicit-stack walks
    """Return the codec of a standalone platform, reading and writing its lineage without recursion.

    A platform writes its parents in full under ``variant_of`` and
    ``derived_from``; a chain of any length the size limits allow is read
    parents first and written parents first, each platform once.
    """
    s, u = inner.structure, inner.unstructure
    keys = tuple(sorted(LINEAGE_KEYS))

    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is Built:
            if value.made is None:
                raise Invalid([])
            return value.made
        if type(value) is not dict or not any(type(value.get(key)) is dict for key in keys):
            return s(value, ctx)
        errors: Errors = []
        results: dict[int, Built] = {}
        stack: list[tuple[dict[str, Any], Path, bool]] = [(value, (), False)]
        while stack:
            node, path, expanded = stack.pop()
            children = [(key, node[key]) for key in keys if type(node.get(key)) is dict]
            if not expanded and children:
                stack.append((node, path, True))
                stack.extend(
                    (child, (*path, key), False)
                    for key, child in children
                    if id(child) not in results
                )
                continue
            if id(node) in results:
                continue
            given = dict(node)
            failed = False
            for key, child in children:
                given[key] = results[id(child)]
                failed = failed or results[id(child)].made is None
            try:
                made = s(given, ctx)
            except Invalid as error:
                errors.extend(errors_at(path, error))
                made = None
            results[id(node)] = Built(None if failed else made)
        if errors:
            raise Invalid(errors)
        return results[id(value)].made

    def unstructure_(value: Any, ctx: Any) -> Any:
        if type(ctx) is Lineage:
            return ctx.written[id(value)]
        if value.variant_of is None and value.derived_from is None:
            return u(value, ctx)
        order: list[Platform] = []
        seen: set[int] = set()
        stack: list[tuple[Platform, bool]] = [(value, False)]
        while stack:
            node, expanded = stack.pop()
            if expanded:
                order.append(node)
                continue
            if id(node) in seen:
                continue
            seen.add(id(node))
            stack.append((node, True))
            stack.extend(
                (parent, False)
                for parent in (node.variant_of, node.derived_from)
                if parent is not None and id(parent) not in seen
            )
        lineage = Lineage()
        for node in order:
            lineage.written[id(node)] = u(node, lineage)
        return lineage.written[id(value)]

    return Codec(structure_, unstructure_, inner.schema)


# -- documents written before a field was renamed --

_RENAMED: Final[dict[type, tuple[str, str]]] = {
    Supplier: ("country", "party"),
    Recipient: ("country", "party"),
}
"""Keys renamed since documents were first written: ``{class: (old key, new key)}``."""


def migrated_codec(kind: type, inner: Codec) -> Codec:
    """Return `inner` also reading the keys older documents used; it always writes the new ones.

    A supplier's or recipient's ``country`` (before parties other than
    countries) is read as ``party``; a deal's ``second_hand`` (before
    :class:`~dronemarket.Condition`) as its condition: ``true`` is
    ``"second hand"``, ``false`` says nothing. An error in an old key is
    reported at that key.
    """
    s = inner.structure
    old, new = _RENAMED.get(kind, ("second_hand", "condition"))

    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is not dict or old not in value:
            return s(value, ctx)
        if new in value:
            raise Invalid([((old,), f"is the old name of {new}: give {new} only")])
        given = {key: item for key, item in value.items() if key != old}
        if kind is Deal:
            flag = value[old]
            if type(flag) is not bool:
                raise Invalid([((old,), expected_message("true or false", flag))])
            if flag:
                given[new] = Condition.SECOND_HAND.value
        else:
            given[new] = value[old]
        try:
            return s(given, ctx)
        except Invalid as error:
            raise Invalid(
                [
                    ((old, *path[1:]) if path[:1] == (new,) else path, message)
                    for path, message in error.errors
                ]
            ) from None

    return Codec(structure_, inner.unstructure, inner.schema)


MIGRATED: Final = frozenset({*_RENAMED, Deal})
"""The classes whose older wire forms :func:`migrated_codec` reads."""
