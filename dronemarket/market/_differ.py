"""Which fields two records differ in, named by their dotted paths."""

from __future__ import annotations

from typing import Final

import attrs

from dronemarket.platforms import SPEC_FIELDS, Specs

__all__ = ["differing"]

_DEPTH: Final = 2  # how deep :func:`differing` names the fields that differ


def differing(first: object, second: object, prefix: str = "", depth: int = 0) -> list[str]:
    """Return the fields in which two records differ, as dotted paths (``specs.mtow``).

    >>> import dronemarket as dm
    >>> turkey = dm.Country("TUR")
    >>> a = dm.Organization("Baykar", country=turkey, kind=dm.OrgKind.MANUFACTURER)
    >>> b = dm.Organization("Baykar", country=turkey, kind=dm.OrgKind.STATE_AGENCY)
    >>> differing(a, b)
    ['kind']
    """
    kind = type(first)
    if kind is not type(second) or not attrs.has(kind):
        return [prefix or "the value"]
    if kind is Specs:
        pairs = zip(first.stored_values(), second.stored_values(), strict=True)  # type: ignore[attr-defined]
        return [
            f"{prefix}.{name}" if prefix else name
            for name, (mine, theirs) in zip(SPEC_FIELDS, pairs, strict=True)
            if mine != theirs
        ]
    found: list[str] = []
    for attribute in attrs.fields(kind):
        if not attribute.eq or not attribute.init:
            continue
        mine, theirs = getattr(first, attribute.name), getattr(second, attribute.name)
        if mine == theirs:
            continue
        name = attribute.alias or attribute.name
        path = f"{prefix}.{name}" if prefix else name
        if depth < _DEPTH and type(mine) is type(theirs) and _composite(type(mine)):
            found.extend(differing(mine, theirs, path, depth + 1) or [path])
        else:
            found.append(path)
    return found or [prefix or "the value"]


def _composite(kind: type) -> bool:
    """Say whether `kind` is a record of several fields, worth naming which differ."""
    if kind is Specs:
        return True
    return attrs.has(kind) and sum(a.eq and a.init for a in attrs.fields(kind)) > 1
