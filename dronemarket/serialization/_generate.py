"""Generated per-class structure and unstructure functions, as attrs generates its own."""

from __future__ import annotations

import enum
import linecache
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from dronemarket.errors import DroneMarketError
from dronemarket.serialization._codecs import Codec, Schemas, Structurer, Unstructurer, summary
from dronemarket.serialization._paths import (
    Errors,
    Invalid,
    add_error,
    expected_message,
    from_validation,
    nest_errors,
    unexpected_message,
)

PLAIN_FACTORIES: Final = frozenset({frozenset, tuple, list, dict, str})


MISSING: Final = attrs.NOTHING


class Field(typing.NamedTuple):
    key: str
    attribute: str
    codec: Codec
    required: bool
    always: bool  # emitted even when equal to the default
    default: object


# ---- generated per-class functions -----------------------------------------


def _define(source: str, what: str, kind: type, namespace: dict[str, Any]) -> None:
    """Run generated `source` in `namespace`, registered with linecache as attrs does.

    Each text gets its own file name, so tracebacks and debuggers show the
    generated line; the same text made again reuses its name.
    """
    lines = source.splitlines(keepends=True)
    base = f"<dronemarket generated {what} {kind.__module__}.{kind.__qualname__}"
    filename = f"{base}>"
    number = 1
    while True:
        cached = linecache.cache.get(filename)
        if cached is None or (len(cached) == 4 and cached[2] == lines):
            break
        number += 1
        filename = f"{base}-{number}>"
    code = compile(source, filename, "exec")
    exec(code, namespace)  # noqa: S102 - code made from the class's own fields, as attrs does
    linecache.cache[filename] = (len(source), None, lines, filename)


def generate_structure(kind: type, fields: list[Field]) -> Structurer:
    name = kind.__name__
    article = "an" if name[0] in "AEIOU" else "a"
    keys = frozenset(f.key for f in fields)
    listed = ", ".join(f.key for f in fields)
    namespace: dict[str, Any] = {
        "CLS": kind,
        "KEYS": keys,
        "MISSING": MISSING,
        "Invalid": Invalid,
        "nest_errors": nest_errors,
        "add_error": add_error,
        "expected_message": expected_message,
        "_unknown": unknown_keys,
        "from_validation": from_validation,
        "unexpected_message": unexpected_message,
        "DroneMarketError": DroneMarketError,
        "DESC": f"an object ({article} {name})",
        "NAME": name,
        "LISTED": listed,
    }
    lines = [
        "def structure(data, ctx):",
        "    if type(data) is not dict and not isinstance(data, dict):",
        "        raise Invalid([((), expected_message(DESC, data))])",
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
                f"        errors = add_error(errors, {key}, 'is missing (required)')",
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
                f"{indent}    errors = add_error(errors, {key}, expected_message('a string', v))",
            ]
        elif kind_ == "bool":
            lines += [
                f"{indent}if type(v) is bool:",
                f"{indent}    kw[{key}] = v",
                f"{indent}else:",
                f"{indent}    message = expected_message('true or false', v)",
                f"{indent}    errors = add_error(errors, {key}, message)",
            ]
        elif kind_ == "enum":
            lines += [
                f"{indent}m = t{index}.get(v) if type(v) is str else None",
                f"{indent}if m is not None:",
                f"{indent}    kw[{key}] = m",
                f"{indent}else:",
                f"{indent}    try:",
                f"{indent}        s{index}(v, ctx)",
                f"{indent}    except Invalid as e:",
                f"{indent}        errors = nest_errors(errors, {key}, e)",
            ]
        else:
            lines += [
                f"{indent}try:",
                f"{indent}    kw[{key}] = s{index}(v, ctx)",
                f"{indent}except Invalid as e:",
                f"{indent}    errors = nest_errors(errors, {key}, e)",
                f"{indent}except Exception as e:",  # not dronemarket's: reported at its path
                f"{indent}    errors = add_error(errors, {key}, unexpected_message(v, e))",
            ]
    lines += [
        "    if errors:",
        "        raise Invalid(errors)",
        "    try:",
        "        return CLS(**kw)",
        "    except DroneMarketError as e:",
        "        raise from_validation(e, KEYS) from None",
        "    except Exception as e:",
        "        raise Invalid([((), unexpected_message(data, e))]) from None",
    ]
    _define("\n".join(lines), "structure", kind, namespace)
    return namespace["structure"]  # type: ignore[no-any-return]


def unknown_keys(data: Mapping[Any, Any], keys: frozenset[str], name: str, listed: str) -> Errors:
    return [
        ((key,), f"is not a field of {name} (known: {listed})") for key in data if key not in keys
    ]


def generate_unstructure(kind: type, fields: list[Field]) -> Unstructurer:
    namespace: dict[str, Any] = {}
    lines = ["def unstructure(obj, ctx):", "    d = {}"]
    for index, f in enumerate(fields):
        key = repr(f.key)
        codec = f.codec
        if f.default is None and not f.always and codec.inner is not None:
            codec = codec.inner  # None is left out, so the wrapper has nothing to do
        namespace[f"u{index}"] = codec.unstructure
        namespace[f"d{index}"] = f.default
        if codec.kind in {"str", "bool", "nullable:str", "nullable:bool"}:
            expression = "v"  # written as it is, and so is None
        elif codec.kind == "enum":
            expression = "v._value_"
        elif codec.kind == "nullable:enum":
            expression = "None if v is None else v._value_"
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
    _define(source, "unstructure", kind, namespace)
    return namespace["unstructure"]  # type: ignore[no-any-return]


def record_schema(
    kind: type, fields: list[Field], name: str
) -> Callable[[Schemas], dict[str, Any]]:
    def schema(schemas: Schemas) -> dict[str, Any]:
        def build() -> dict[str, Any]:
            made: dict[str, Any] = {
                "description": summary(kind),
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
