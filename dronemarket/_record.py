"""The fields every record shares, defined once: sources, confidence, statements, notes, id.

A record type (``Deal``, ``LicensedProduction``, ``Cooperation``) gets them in
one line, by deriving from :class:`Record` with :func:`in_order` as its field
transformer::

    @frozen(cache_hash=True, field_transformer=_record.in_order)
    class Deal(_record.Record):
        _SOURCES_AFTER = "status"
        ...

:func:`in_order` keeps the field order records have always had: ``sources``
right after the field named by ``_SOURCES_AFTER``, the other shared fields
last. A record checks the types its annotations state with a checker made once
by :func:`dronemarket._validate.type_checker_of`, and settles its id with
:func:`dronemarket._validate.settle_id`. The rules an annotation cannot state
(at least one, no duplicates) are in each field's metadata.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
from attrs import field, frozen

from dronemarket import _validate as v
from dronemarket.parties import Statement
from dronemarket.sources import Confidence, Source

__all__ = ["Record", "in_order"]


@frozen(cache_hash=True)
class Record:
    """The fields every record shares; a base class, never made on its own."""

    _SOURCES_AFTER: ClassVar[str] = ""
    """The field ``sources`` follows in the record's field order."""

    sources: tuple[Source, ...] = field(
        kw_only=True, converter=v.to_tuple, metadata={v.NON_EMPTY: True, v.UNIQUE: True}
    )
    """Where the record is reported; at least one, no source twice."""
    confidence: Confidence = field(default=Confidence.REPORTED, kw_only=True)
    """How certain the record is."""
    statements: tuple[Statement, ...] = field(
        default=(), kw_only=True, converter=v.to_tuple, metadata={v.UNIQUE: True}
    )
    """What the parties said: confirmations and denials."""
    notes: str = field(default="", kw_only=True, validator=v.note)
    """Anything else worth knowing, in prose."""
    _given_id: str | None = field(default=None, kw_only=True, alias="id", eq=False, repr=False)
    id: str = field(init=False)
    """A stable id: the id given (init keyword ``id``), or one made from the record."""


_SHARED = frozenset(a.name for a in attrs.fields(Record))


def in_order(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """Return `fields` in the record's order: its own, ``sources`` after ``_SOURCES_AFTER``.

    The other shared fields come last, as they always have.
    """
    shared = {a.name: a for a in fields if a.name in _SHARED}
    after = getattr(cls, "_SOURCES_AFTER", "")
    ordered: list[attrs.Attribute[Any]] = []
    for attribute in fields:
        if attribute.name in _SHARED:
            continue
        ordered.append(attribute)
        if attribute.name == after:
            ordered.append(shared["sources"])
    if after == "" or shared["sources"] not in ordered:
        ordered.insert(0, shared["sources"])
    ordered.extend(a for name, a in shared.items() if name != "sources")
    return ordered
