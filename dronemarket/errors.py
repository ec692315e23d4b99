"""The exceptions `dronemarket` raises.

Every error the library raises on purpose is a :class:`DroneMarketError`.
Errors about bad values are also :class:`ValueError`, so code that already
catches ``ValueError`` keeps working:

>>> import dronemarket as dm
>>> try:
...     dm.Country("XYZ")
... except ValueError as error:
...     print(error)
Country.code: 'XYZ' is not an ISO 3166-1 country (expected an alpha-3 code such as 'TUR')
"""

from __future__ import annotations

import pickle
import reprlib
from collections.abc import Sequence
from typing import Any

__all__ = [
    "DroneMarketError",
    "MissingExtraError",
    "NotFoundError",
    "StructureError",
    "UnitError",
    "UnknownCodeError",
    "ValidationError",
]

_MAX_SHOWN = 60  # characters of a rejected value quoted in a message
_MAX_ITEMS = 20  # items of a container beyond which its repr is abbreviated before it is made

_SHORT_REPR = reprlib.Repr()
_SHORT_REPR.maxstring = _SHORT_REPR.maxother = _MAX_SHOWN
_SHORT_REPR.maxlevel = 3


def _bounded_repr(value: object) -> str:
    """Return ``repr(value)``, made from a bounded part of `value` when it is long.

    A string or bytes value is cut before its repr is made (its head and its
    end are kept); a large container is abbreviated with :mod:`reprlib`. So a
    ten-million-character value costs a few hundred bytes, not its size again.
    """
    if isinstance(value, str) and len(value) > 2 * _MAX_SHOWN:
        return repr(value[:_MAX_SHOWN] + value[-_MAX_SHOWN:])
    if isinstance(value, bytes | bytearray) and len(value) > 2 * _MAX_SHOWN:
        return repr(value[:_MAX_SHOWN] + value[-_MAX_SHOWN:])
    if isinstance(value, list | tuple | set | frozenset | dict) and len(value) > _MAX_ITEMS:
        return _SHORT_REPR.repr(value)
    return repr(value)


def quote(value: object) -> str:
    """Return a short, safe ``repr`` of a rejected value for an error message."""
    try:
        text = _bounded_repr(value)
    except Exception:  # noqa: BLE001 - e.g. an int over 4,300 digits; the message must not fail
        text = f"<{type(value).__name__} that cannot be shown>"
    if len(text) > _MAX_SHOWN:
        return f"{text[: _MAX_SHOWN - 5]}...{text[-2:]}"
    return text


class DroneMarketError(Exception):
    """The base class of every error `dronemarket` raises on purpose."""


class ValidationError(DroneMarketError, ValueError):
    """A value breaks a rule of the class that owns it.

    The message names the class, the field, the value given and the rule;
    the same four are attributes, for code that wants them.
    """

    owner: str
    field: str
    value: object
    rule: str

    def __init__(self, owner: str, field: str, value: object, rule: str) -> None:
        self.owner = owner
        self.field = field
        self.value = value
        self.rule = rule
        super().__init__(f"{owner}.{field}: {quote(value)} {rule}")

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the error with its message; a value that cannot be pickled is kept as text.

        So an error crosses a process pool whatever value it was given (a
        lambda, a lock): the copy has the same class, parts and message, and
        such a value becomes its short repr.
        """
        value = self.value
        try:
            pickle.dumps(value)
        except Exception:  # noqa: BLE001 - any value at all may refuse to pickle, in any way
            value = quote(value)
        state = {**self.__dict__, "value": value}
        return (_rebuild, (type(self), self.args, state))


def _rebuild(kind: type[BaseException], args: tuple[Any, ...], state: dict[str, Any]) -> Any:  # noqa: ANN401
    """Return an error of class `kind` with message `args` and attributes `state` (unpickling)."""
    error = kind.__new__(kind)
    error.args = args
    error.__dict__.update(state)
    return error


class UnitError(ValidationError):
    """A value is not a quantity of the expected dimension, or not a quantity."""


class UnknownCodeError(ValidationError):
    """A code (country, currency, language) is not in its ISO standard."""


class StructureError(DroneMarketError, ValueError):
    """Plain data could not be turned into `dronemarket` objects.

    Every problem in the document is collected, each with the path where it
    was found, so one pass over bad data shows all of it.
    """

    errors: tuple[tuple[str, str], ...]

    def __init__(self, errors: Sequence[tuple[str, str]]) -> None:
        self.errors = tuple(errors)
        lines = [f"{path}: {message}" if path else message for path, message in errors]
        count = len(lines)
        head = f"{count} error{'s' if count != 1 else ''} in the data"
        super().__init__("\n  ".join([head, *lines]))

    def __reduce__(self) -> tuple[type[StructureError], tuple[tuple[tuple[str, str], ...]]]:
        return (type(self), (self.errors,))


class NotFoundError(DroneMarketError, LookupError):
    """A lookup found nothing: no platform, organization, record or region is called so.

    The message names what was looked for, the key given and where, and
    suggests close matches; ``suggestions`` holds them (best first).

    >>> import dronemarket as dm
    >>> try:
    ...     dm.regions.lookup("central asai")
    ... except LookupError as error:
    ...     print(error)
    no region in dronemarket.regions is called 'central asai'; did you mean 'Central Asia'?
    """

    what: str
    key: object
    where: str
    suggestions: tuple[str, ...]

    def __init__(self, what: str, key: object, where: str, suggestions: Sequence[str] = ()) -> None:
        self.what = what
        self.key = key
        self.where = where
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(map(repr, self.suggestions))}?" if suggestions else ""
        super().__init__(f"no {what} in {where} is called {quote(key)}{hint}")

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the error with its message; a key that cannot be pickled is kept as text."""
        key = self.key
        try:
            pickle.dumps(key)
        except Exception:  # noqa: BLE001 - any key at all may refuse to pickle, in any way
            key = quote(key)
        return (_rebuild, (type(self), self.args, {**self.__dict__, "key": key}))


class MissingExtraError(DroneMarketError, ImportError):
    """An optional dependency is not installed; the message names the extra to install.

    It is an :class:`ImportError` too, so code that already guards an import
    catches it.

    >>> MissingExtraError("pyarrow", "arrow").extra
    'arrow'
    >>> isinstance(MissingExtraError("pyarrow", "arrow"), ImportError)
    True
    """

    def __init__(self, module: str, extra: str) -> None:
        self.module = module
        """The module that could not be imported (``"pyarrow"``)."""
        self.extra = extra
        """The extra that installs it (``"arrow"``)."""
        message = (
            f"{module} is not installed: it comes with dronemarket's {extra!r} extra "
            f'(python -m pip install "dronemarket[{extra}]")'
        )
        super().__init__(message)

    def __reduce__(self) -> tuple[type[MissingExtraError], tuple[str, str]]:
        """Pickle the error by the module and the extra it names."""
        return (type(self), (self.module, self.extra))
