"""The JSON Schema of the plain data of any type the serializer takes."""

# A schema is asked of any type or type hint, which no static type describes:
# ruff: noqa: ANN401

from __future__ import annotations

import types
import typing
from typing import Any, Final

from dronemarket.market import Market
from dronemarket.parties import Party
from dronemarket.serialization._codecs import QuantityText, Schemas
from dronemarket.serialization._document import document_codec
from dronemarket.serialization._walk import Builder

__all__ = ["json_schema"]

_SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"


def _type_name(kind: Any) -> str:
    """Return the name of a type or hint: ``Deal``, ``Party``, ``list[Deal]``, ``Party | None``."""
    args = typing.get_args(kind)
    origin = typing.get_origin(kind)
    if origin in {typing.Union, types.UnionType}:
        rest = [arg for arg in args if arg is not type(None)]
        if set(rest) == set(typing.get_args(Party)):
            return "Party" if len(rest) == len(args) else "Party | None"
        return " | ".join(_type_name(arg) for arg in args)
    if kind is type(None):
        return "None"
    if origin is not None and args:
        listed = ", ".join("..." if arg is Ellipsis else _type_name(arg) for arg in args)
        return f"{_type_name(origin)}[{listed}]"
    name = getattr(kind, "__name__", None)
    return name if isinstance(name, str) else repr(kind)


def json_schema(cls: Any = Market) -> dict[str, Any]:
    """Return a JSON Schema (draft 2020-12) of the plain data of `cls`, generated from its types.

    By default, the schema of the market document; `cls` may be any type
    :func:`structure` takes, a union such as :data:`~dronemarket.Party`
    included. The schema describes the
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
    builder = Builder(document=cls is Market, text=QuantityText(), market=document_codec)
    schemas = Schemas()
    top = builder.codec(cls).schema(schemas)
    return {
        "$schema": _SCHEMA_DIALECT,
        "title": f"dronemarket {_type_name(cls)}",
        **top,
        "$defs": schemas.defs,
    }
