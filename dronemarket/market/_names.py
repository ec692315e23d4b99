"""The one rule names are matched by."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from dronemarket import _validate as v
from dronemarket.errors import NotFoundError

__all__ = ["name_key", "not_found"]


def name_key(name: str) -> str:
    """Return the form names are matched in: no case, accents, spaces or punctuation.

    Platform and organization lookups, filters and the rule that no two held
    names clash all use it (the catalog too).

    >>> name_key("Bayraktar TB-2"), name_key("TUSAŞ")
    ('bayraktartb2', 'tusas')

    A name longer than any name can be matches nothing: its key is ``""``.
    """
    if len(name) > v.MAX_TEXT:
        return ""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed.casefold() if char.isalnum())


def not_found(
    what: str, key: object, names: Mapping[str, str], where: str = "the market"
) -> NotFoundError:
    """Return the error for `key`, suggesting up to three close names of `names`.

    `names` maps each name's :func:`name_key` to the name shown.
    """
    wanted = name_key(key) if isinstance(key, str) else ""
    close = v.close_matches(wanted, names, n=6)
    suggestions = list(dict.fromkeys(names[found] for found in close))[:3]
    return NotFoundError(what, key, where, suggestions)
