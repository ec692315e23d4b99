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


def within_limits(data: object) -> bool:  # noqa: C901, PLR0911, PLR0912 - one tight loop
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


def limit_errors(data: object) -> Errors:  # noqa: C901, PLR0912 - one walk, every limit
    """Return every size limit `data` breaks, with its path (the slow, thorough walk)."""
    errors: Errors = []
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
                    errors.append((path, f"has a key that is not a string: {short_repr(key)}"))
                elif len(key) > MAX_STRING:
                    errors.append((path, f"has a key longer than {MAX_STRING:,} characters"))
                else:
                    stack.append((item, (*path, key)))
        else:
            stack.extend((item, (*path, index)) for index, item in enumerate(value))
    if not errors:  # something within_limits refused and this walk accepts
        errors.append(
            ((), "holds a value that is not JSON (null, bool, number, string, list, object)")
        )
    return sorted(errors, key=lambda error: path_text(error[0]))
