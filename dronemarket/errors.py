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

from collections.abc import Sequence

__all__ = [
    "DroneMarketError",
    "NotFoundError",
    "StructureError",
    "UnitError",
    "UnknownCodeError",
    "ValidationError",
]

_MAX_SHOWN = 60  # characters of a rejected value quoted in a message


def _show(value: object) -> str:
    """Return a short, safe ``repr`` of a rejected value for an error message."""
    try:
        text = repr(value)
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
        super().__init__(f"{owner}.{field}: {_show(value)} {rule}")

    def __reduce__(self) -> tuple[type[ValidationError], tuple[str, str, object, str]]:
        return (type(self), (self.owner, self.field, self.value, self.rule))


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
        super().__init__(f"no {what} in {where} is called {_show(key)}{hint}")

    def __reduce__(self) -> tuple[type[NotFoundError], tuple[str, object, str, tuple[str, ...]]]:
        return (type(self), (self.what, self.key, self.where, self.suggestions))
