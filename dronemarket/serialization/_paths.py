"""Errors with their paths: the internal signal, short reprs, the StructureError built."""

from __future__ import annotations

import reprlib
from collections.abc import Iterable

from dronemarket.errors import DroneMarketError, StructureError, ValidationError

Path = tuple[str | int, ...]
Errors = list[tuple[Path, str]]


class Invalid(Exception):  # noqa: N818 - an internal signal, never raised to callers
    """Raised inside the structuring functions; carries every error found below."""

    def __init__(self, errors: Errors) -> None:
        super().__init__(errors)
        self.errors = errors


_SHORT_REPR = reprlib.Repr()
_SHORT_REPR.maxstring = 60
_SHORT_REPR.maxother = 60
_SHORT_REPR.maxlist = 4
_SHORT_REPR.maxdict = 4
_SHORT_REPR.maxlevel = 2


def short_repr(value: object) -> str:
    """Return a short, safe ``repr`` of a value from the input."""
    try:
        return _SHORT_REPR.repr(value)
    except Exception:  # noqa: BLE001 - a huge int's repr raises: show its type instead
        return f"<{type(value).__name__}>"


def expected_message(what: str, value: object) -> str:
    return f"expected {what}, got {short_repr(value)}"


def invalid_here(message: str) -> Invalid:
    return Invalid([((), message)])


def nest_errors(errors: Errors | None, key: str | int, error: Invalid) -> Errors:
    out = [] if errors is None else errors
    out.extend(((key, *path), message) for path, message in error.errors)
    return out


def add_error(errors: Errors | None, key: str | int, message: str) -> Errors:
    out = [] if errors is None else errors
    out.append(((key,), message))
    return out


def errors_at(prefix: Path, error: Invalid) -> Errors:
    """Return the errors of `error` with `prefix` put before their paths."""
    return [((*prefix, *path), message) for path, message in error.errors]


def path_text(path: Path) -> str:
    """Return a path as ``deals[3].platform.specs.mtow``."""
    text = ""
    for part in path:
        if type(part) is int:
            text += f"[{part}]"
        elif isinstance(part, str) and part.isidentifier():
            text += f".{part}" if text else part
        else:
            text += f"[{short_repr(part)}]"
    return text


def structure_error(errors: Errors) -> StructureError:
    return StructureError([(path_text(path), message) for path, message in errors])


def join_paths(prefix: str, path: str) -> str:
    if not prefix:
        return path
    if not path:
        return prefix
    return prefix + path if path.startswith("[") else f"{prefix}.{path}"


def from_validation(error: DroneMarketError, keys: Iterable[str] = ()) -> Invalid:
    """Turn an error a class raised at construction into an error at its field."""
    if isinstance(error, ValidationError):
        if error.field in keys:
            return Invalid([((error.field,), f"{short_repr(error.value)} {error.rule}")])
        return invalid_here(str(error))
    if isinstance(error, StructureError):
        return Invalid(
            [((), f"{path}: {message}" if path else message) for path, message in error.errors]
        )
    return invalid_here(str(error))


def unexpected_message(value: object, error: BaseException) -> str:
    """Return the message of an error that is not dronemarket's, raised while reading `value`.

    Structuring never lets such an error out: it is reported at its path.
    """
    if isinstance(error, OverflowError):
        return f"{short_repr(value)} is out of range (its value overflows)"
    if isinstance(error, RecursionError):
        return "nests too deeply to be read"
    detail = str(error)[:200]
    return f"{short_repr(value)} cannot be read ({type(error).__name__}: {detail})"
