"""The one rule names are matched by."""

from __future__ import annotations

import unicodedata

__all__ = ["name_key"]


def name_key(name: str) -> str:
    """Return the form names are matched in: no case, accents, spaces or punctuation.

    Platform and organization lookups, filters and the rule that no two held
    names clash all use it (the catalog too).

    >>> name_key("Bayraktar TB-2"), name_key("TUSAŞ")
    ('bayraktartb2', 'tusas')
    """
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed.casefold() if char.isalnum())
