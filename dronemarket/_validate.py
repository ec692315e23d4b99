"""attrs validators that raise :class:`~dronemarket.errors.ValidationError`.

A validator receives the instance and the field, so every message names the
class, the field, the value and the rule without repeating them at each call.
"""

from __future__ import annotations

import enum
import re
import types
import typing
from collections.abc import Callable, Iterable
from typing import Any, Final, NamedTuple, NoReturn

import attrs

from dronemarket.errors import ValidationError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

MAX_TEXT: Final = 500
"""The longest name, title or note a record accepts, in characters."""
MAX_NOTE: Final = 5_000
"""The longest free-text note a record accepts, in characters."""


def close_matches(word: object, possibilities: Iterable[str], n: int) -> list[str]:
    """Return up to `n` of `possibilities` close to `word`, for an error's suggestions.

    A word that is not a str, or longer than any name can be (:data:`MAX_TEXT`),
    cannot match: it gets no suggestion, at once, rather than a slow comparison.
    """
    if not isinstance(word, str) or not word or len(word) > MAX_TEXT:
        return []
    import difflib  # noqa: PLC0415 - only for error messages; keeps the import light

    return difflib.get_close_matches(word, list(possibilities), n=n)


def a(noun: str) -> str:
    """Return `noun` with its indefinite article: ``a("Organization")`` is ``"an Organization"``."""
    return f"{'an' if noun[:1] in 'AEIOUaeiou' else 'a'} {noun}"


def fail(instance: object, attribute: attrs.Attribute[Any], value: object, rule: str) -> NoReturn:
    """Raise the error for `value` breaking `rule` in `instance`'s `attribute`."""
    raise_for(instance, attribute.alias or attribute.name, value, rule)


def raise_for(instance: object, name: str, value: object, rule: str) -> NoReturn:
    """Raise the error for `value` breaking `rule` in `instance`'s field called `name`."""
    raise ValidationError(type(instance).__name__, name, value, rule)


def is_a(*kinds: type) -> Validator:
    """Require an instance of one of `kinds` (bools are not ints)."""
    names = " or ".join(kind.__name__ for kind in kinds)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            fail(instance, attribute, value, f"is not {a(names)}")

    return check


def optional(validator: Validator) -> Validator:
    """Accept None, or what `validator` accepts."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(instance, attribute, value)

    return check


def members_of(kind: type[enum.Enum]) -> Validator:
    """Require a set whose items are all members of the enum `kind`."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, frozenset):
            fail(instance, attribute, value, "is not a frozenset")
        for item in value:
            if not isinstance(item, kind):
                fail(instance, attribute, item, f"is not {a(kind.__name__)}")

    return check


def items_of(*kinds: type, non_empty: bool = False, unique: bool = False) -> Validator:
    """Require a tuple whose items are instances of `kinds` (a set has no order: not one)."""
    names = " or ".join(kind.__name__ for kind in kinds)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            fail(instance, attribute, value, "is not a tuple (give a list or a tuple)")
        if non_empty and not value:
            fail(instance, attribute, value, "is empty (at least one is required)")
        for item in value:
            if not isinstance(item, kinds) or isinstance(item, bool):
                fail(instance, attribute, item, f"is not {a(names)}")
        if unique and len(set(value)) != len(value):
            fail(instance, attribute, value, "has duplicates")

    return check


_CONTROL: Final = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
"""Unicode's control characters (category Cc: exactly the first two ranges) and surrogates."""
_NOTE_CONTROL: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")  # tabs, newlines
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
"""Lone surrogates: code points a str may hold but UTF-8 (and so JSON on disk) cannot."""


def _check_characters(
    instance: object,
    attribute: attrs.Attribute[Any],
    value: str,
    limit: int,
    *,
    control: re.Pattern[str],
    allowed: str,
) -> None:
    """Require at most `limit` characters, none that `control` matches (`allowed`: which pass)."""
    if len(value) > limit:
        fail(instance, attribute, value, f"is longer than {limit} characters")
    if control.search(value) is None:
        return
    if _SURROGATE.search(value):
        fail(instance, attribute, value, "contains a lone surrogate (not encodable as UTF-8)")
    fail(instance, attribute, value, f"contains control characters{allowed}")


def text(limit: int = MAX_TEXT) -> Validator:
    """Require a string of at most `limit` characters with a letter or a digit.

    It may not be blank, have leading or trailing white space, control
    characters or lone surrogates (which UTF-8 cannot encode).
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            fail(instance, attribute, value, "is not a string")
        if not value.strip():
            fail(instance, attribute, value, "is blank")
        if value != value.strip():
            fail(instance, attribute, value, "has leading or trailing white space")
        _check_characters(instance, attribute, value, limit, control=_CONTROL, allowed="")
        if not any(map(str.isalnum, value)):
            fail(instance, attribute, value, "has no letter or digit")

    return check


def note(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a string (possibly empty) of at most :data:`MAX_NOTE` characters.

    Tabs and newlines are allowed; other control characters and lone
    surrogates are not.
    """
    if not isinstance(value, str):
        fail(instance, attribute, value, "is not a string")
    allowed = " (other than tab and newline)"
    _check_characters(instance, attribute, value, MAX_NOTE, control=_NOTE_CONTROL, allowed=allowed)


def names(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a frozenset of valid names (as :func:`text` checks each)."""
    if not isinstance(value, frozenset):
        fail(instance, attribute, value, "is not a frozenset")
    check = text()
    for item in value:
        check(instance, attribute, item)


def aliases(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a frozenset of valid names that does not repeat the record's ``name``."""
    names(instance, attribute, value)
    name = getattr(instance, "name", None)
    if name in value:  # type: ignore[operator]
        fail(instance, attribute, name, "repeats the name as an alias")


ID: Final = re.compile(r"[a-z0-9][a-z0-9._-]{0,127}")
"""What a record id looks like: lower-case letters, digits, '.', '_', '-'."""
ID_RULE: Final = "is not an id (lower-case letters, digits, '.', '_', '-'; at most 128)"


def default_id(*parts: str, when: object | None) -> str:
    """Return a record's default id: its parts and its date ("undated" when None), hyphenated.

    The id is lower case and cut to 128 characters, as :data:`ID` requires.
    """
    dated = str(when) if when is not None else "undated"
    return "-".join([*parts, dated]).casefold()[:128]


def settle_id(record: Any, make: Callable[[Any], str]) -> None:  # noqa: ANN401
    """Set ``record.id``: the id given, or one made from the record; check its form.

    A record keeps the id its caller gave in ``_given_id`` (init keyword
    ``id``; None when not given) and its ``id`` is not an init argument, so
    that ``attrs.evolve`` re-makes a default id from the changed fields
    instead of keeping a stale one.
    """
    given = record._given_id  # noqa: SLF001
    value = make(record) if given is None else given
    if type(value) is not str or not ID.fullmatch(value):
        raise ValidationError(type(record).__name__, "id", value, ID_RULE)
    object.__setattr__(record, "id", value)


def whole(minimum: int = 0) -> Validator:
    """Require an int (not a bool) of at least `minimum`."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not int:
            fail(instance, attribute, value, "is not an int")
        if value < minimum:
            fail(instance, attribute, value, f"is less than {minimum}")

    return check


def to_frozenset(value: Iterable[Any]) -> frozenset[Any]:
    """Turn an iterable into a frozenset; pass anything else on for validation to reject.

    A string is passed on unchanged too, so that ``aliases="TB2"`` is an
    error rather than the set of its letters.
    """
    if isinstance(value, frozenset | str | bytes) or not hasattr(value, "__iter__"):
        return value  # type: ignore[return-value]
    try:
        return frozenset(value)
    except TypeError:  # unhashable items: the validator names the field
        return value  # type: ignore[return-value]


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Turn a list or other iterable into a tuple; pass anything else on for validation."""
    if type(value) is tuple:
        return value
    if isinstance(value, tuple | str | bytes | frozenset | dict) or not hasattr(value, "__iter__"):
        return value  # type: ignore[return-value]
    return tuple(value)


class Rule(NamedTuple):
    """The type rule of one field, for :func:`type_checker`."""

    name: str
    kinds: tuple[type, ...]
    optional: bool = False
    items: tuple[type, ...] = ()
    """For a tuple field: the types its items must have."""
    non_empty: bool = False
    unique: bool = False


NON_EMPTY: Final = "dronemarket.non_empty"
"""Field metadata key: a tuple field needs at least one item (its annotation cannot say so)."""
UNIQUE: Final = "dronemarket.unique"
"""Field metadata key: a tuple field may not repeat an item (its annotation cannot say so)."""


def _members(annotation: Any) -> tuple[Any, ...]:  # noqa: ANN401 - any annotation
    """Return the members of a union `annotation`, or the annotation alone."""
    if typing.get_origin(annotation) in {typing.Union, types.UnionType}:
        return typing.get_args(annotation)
    return (annotation,)


def _kinds(annotation: Any) -> tuple[tuple[type, ...], bool]:  # noqa: ANN401 - any annotation
    """Return the classes a union `annotation` admits, and whether it admits None."""
    members = _members(annotation)
    optional = type(None) in members
    kinds = tuple(typing.get_origin(m) or m for m in members if m is not type(None))
    if not all(isinstance(kind, type) for kind in kinds):
        message = f"cannot derive a type rule from the annotation {annotation!r}"
        raise TypeError(message)
    return kinds, optional


def rules_of(cls: type) -> tuple[Rule, ...]:
    """Return the type rules of `cls`'s attrs fields, derived from their annotations.

    Every public init field without a validator of its own gets one:
    ``X`` is an instance of X; ``X | None`` may also be None;
    ``tuple[X, ...]`` is a tuple of X items, with the metadata keys
    :data:`NON_EMPTY` and :data:`UNIQUE` for what an annotation cannot say.
    Fields with a validator check themselves.
    """
    hints = typing.get_type_hints(cls)
    rules = []
    for attribute in attrs.fields(cls):
        if not attribute.init or attribute.validator is not None or attribute.name[0] == "_":
            continue
        annotation = hints[attribute.name]
        kinds, optional = _kinds(annotation)
        items: tuple[type, ...] = ()
        if kinds == (tuple,):  # tuple[X, ...]: its items are checked too
            (whole,) = (m for m in _members(annotation) if typing.get_origin(m) is tuple)
            items = _kinds(typing.get_args(whole)[0])[0]
        rules.append(
            Rule(
                attribute.name,
                kinds,
                optional=optional,
                items=items,
                non_empty=attribute.metadata.get(NON_EMPTY, False),
                unique=attribute.metadata.get(UNIQUE, False),
            )
        )
    return tuple(rules)


def type_checker_of(cls: type) -> Callable[[object], None]:
    """Return :func:`type_checker` of the rules :func:`rules_of` derives from `cls`."""
    return type_checker(*rules_of(cls))


def type_checker(*rules: Rule) -> Callable[[object], None]:
    """Return one function that checks the types of many fields, for hot classes.

    Equivalent to an ``is_a`` / ``items_of`` validator per field, in a single
    loop: a record with fifteen fields pays one call instead of fifteen.
    """
    prepared = [
        (rule, frozenset(rule.kinds), " or ".join(kind.__name__ for kind in rule.kinds))
        for rule in rules
    ]

    def check(instance: object) -> None:
        for rule, exact, names in prepared:
            value = getattr(instance, rule.name)
            if value is None and rule.optional:
                continue
            if type(value) not in exact and (
                not isinstance(value, rule.kinds) or (type(value) is bool and bool not in exact)
            ):
                raise_for(instance, rule.name, value, f"is not {a(names)}")
            if rule.items:
                _check_items(instance, rule, value)

    return check


def _check_items(instance: object, rule: Rule, value: tuple[Any, ...]) -> None:
    if rule.non_empty and not value:
        raise_for(instance, rule.name, value, "is empty (at least one is required)")
    kinds = rule.items
    for item in value:
        if type(item) not in kinds and not isinstance(item, kinds):
            names = " or ".join(kind.__name__ for kind in kinds)
            raise_for(instance, rule.name, item, f"is not {a(names)}")
    if rule.unique and len(value) > 1 and len(set(value)) != len(value):
        raise_for(instance, rule.name, value, "has duplicates")
