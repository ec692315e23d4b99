"""The fields every record shares, defined once: sources, confidence, statements, notes, id.

A record type (``Deal``, ``LicensedProduction``, ``Cooperation``) declares each
shared field with one line, in the place it wants it in its field order::

    sources: tuple[Source, ...] = _record.sources()
    confidence: Confidence = _record.confidence()
    statements: tuple[Statement, ...] = _record.statements()
    notes: str = _record.notes()
    _given_id: str | None = _record.given_id()
    id: str = _record.record_id()

and, in ``__attrs_post_init__``, checks the types its annotations state with
a checker made once by :func:`dronemarket._validate.type_checker_of`, and
settles its id with :func:`dronemarket._validate.settle_id`.
The type rules are derived from the annotations (see
:func:`dronemarket._validate.type_checker_of`); the rules an annotation cannot
state (at least one, no duplicates) are in each field's metadata.
"""

from __future__ import annotations

from typing import Any

import attrs

from dronemarket import _validate as v
from dronemarket.sources import Confidence


def sources() -> Any:  # noqa: ANN401 - an attrs field, typed by its annotation in the class
    """Return the ``sources`` field: where the record is reported; at least one, no duplicates."""
    return attrs.field(
        kw_only=True, converter=v.to_tuple, metadata={v.NON_EMPTY: True, v.UNIQUE: True}
    )


def confidence() -> Any:  # noqa: ANN401 - an attrs field
    """Return the ``confidence`` field: how certain the record is (default ``REPORTED``)."""
    return attrs.field(default=Confidence.REPORTED, kw_only=True)


def statements() -> Any:  # noqa: ANN401 - an attrs field
    """Return the ``statements`` field: what the parties said; no duplicates (default none)."""
    return attrs.field(default=(), kw_only=True, converter=v.to_tuple, metadata={v.UNIQUE: True})


def notes() -> Any:  # noqa: ANN401 - an attrs field
    """Return the ``notes`` field: anything else worth knowing, in prose (default ``""``)."""
    return attrs.field(default="", kw_only=True, validator=v.note)


def given_id() -> Any:  # noqa: ANN401 - an attrs field
    """Return the ``_given_id`` field: the id its caller gave (init keyword ``id``), or None."""
    return attrs.field(default=None, kw_only=True, alias="id", eq=False, repr=False)


def record_id() -> Any:  # noqa: ANN401 - an attrs field
    """Return the ``id`` field: set after init, the id given or one made from the record."""
    return attrs.field(init=False)
