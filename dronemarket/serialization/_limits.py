"""The size limits of plain data, checked before any structuring."""

from __future__ import annotations

from typing import Any, Final

from dronemarket.serialization._paths import Errors, Path, path_text, short_repr

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


LINEAGE_KEYS: Final = frozenset({"variant_of", "derived_from"})
"""The keys of a platform's lineage: an object under one counts at its parent's depth.

A standalone platform writes its parent platform in full under these keys,
so a lineage chain of any length nests that deep; the depth limit bounds
everything else, and the count limits bound the chain (which is read and
written without recursion).
"""


def _scalar(item: object) -> bool:
    kind = type(item)
    return kind is int or kind is float or kind is bool or item is None


def within_limits(data: object) -> bool:  # noqa: C901, PLR0911, PLR0912 - one tight loop
    """Say quickly whether `data` keeps every size limit (no paths, no messages)."""
    kind = type(data)
    if kind is str:
        return len(data) <= MAX_STRING  # type: ignore[arg-type]
    if kind is not dict and kind is not list:
        return _scalar(data)  # a set, a tuple or a range is refused as it is when nested
    level: list[Any] = [data]
    depth = 0
    count = 0
    lineage = LINEAGE_KEYS
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            return False
        below: list[Any] = []
        for container in level:  # grows as lineage objects join their parent's level
            if len(container) > MAX_LENGTH:
                return False
            count += len(container)
            if count > MAX_ITEMS:
                return False
            if type(container) is dict:
                for key, item in container.items():
                    if type(key) is not str or len(key) > MAX_STRING:
                        return False
                    kind = type(item)
                    if kind is str:
                        if len(item) > MAX_STRING:
                            return False
                    elif kind is dict:
                        (level if key in lineage else below).append(item)
                    elif kind is list:
                        below.append(item)
                    elif not _scalar(item):
                        return False
            else:
                for item in container:
                    kind = type(item)
                    if kind is str:
                        if len(item) > MAX_STRING:
                            return False
                    elif kind is dict or kind is list:
                        below.append(item)
                    elif not _scalar(item):
                        return False
        level = below
    return True


def limit_errors(data: object) -> Errors:  # noqa: C901, PLR0912 - one walk, every limit
    """Return every size limit `data` breaks, with its path (the slow, thorough walk)."""
    errors: Errors = []
    count = 0
    stack: list[tuple[object, Path, int]] = [(data, (), 0)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, str):
            if len(value) > MAX_STRING:
                errors.append((path, f"is a string longer than {MAX_STRING:,} characters"))
            continue
        if not isinstance(value, dict | list | tuple):
            continue
        if depth >= MAX_DEPTH:
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
                    errors.append((path, f"has a key that is not a string: {short_repr(key)}"))
                elif len(key) > MAX_STRING:
                    errors.append((path, f"has a key longer than {MAX_STRING:,} characters"))
                else:
                    same = key in LINEAGE_KEYS and isinstance(item, dict)
                    stack.append((item, (*path, key), depth if same else depth + 1))
        else:
            stack.extend((item, (*path, index), depth + 1) for index, item in enumerate(value))
    if not errors:  # something within_limits refused and this walk accepts
        errors.append(
            ((), "holds a value that is not JSON (null, bool, number, string, list, object)")
        )
    return sorted(errors, key=lambda error: path_text(error[0]))
