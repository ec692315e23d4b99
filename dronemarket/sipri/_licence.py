"""Licensed production and assembly, read from SIPRI's Comments.

SIPRI's trade register has no licence column; its Comments say, clause by
clause (separated by ``;``), "Produced under licence in India as Drishti-10
Starliner", "incl production under licence in Ukraine" or "Possibly
assembled/produced under licence in Algeria as Algeria-54 or El Djazair-54".
"""

from __future__ import annotations

import re
from typing import Final

from attrs import field, frozen

from dronemarket import _validate as v
from dronemarket.errors import UnknownCodeError
from dronemarket.parties import Country, Territory
from dronemarket.sipri._names import state
from dronemarket.sources import Confidence

__all__ = ["LicenceNote", "licences"]

_CLAUSE: Final = re.compile(
    r"(?P<hedge>\b(?:possibly|probably)\b)?[^;]*?"
    r"\b(?P<kind>assembl\w*|produc\w*)\b[^;]*?"
    r"\bunder licence (?:of [^;]*? )?in (?P<place>[A-Z][\w' -]*?)"
    r"(?: as (?P<alias>[^;()]+?))?\s*(?:[()].*)?$",
    re.IGNORECASE,
)

_LICENCE: Final = re.compile("licence", re.IGNORECASE)


@frozen(cache_hash=True)
class LicenceNote:
    """A production or assembly under licence that a SIPRI comment reports.

    >>> (note,) = licences("Possibly assembled/produced under licence in Algeria as A-5 or B-5")
    >>> note.licensee, note.local_designations, note.assembly, note.confidence.name
    (Country('DZA'), ('A-5', 'B-5'), True, 'UNCONFIRMED')
    """

    licensee: Country | Territory | None = field(validator=v.optional(v.is_a(Country, Territory)))
    """The country that produces or assembles, when the place is one SIPRI names."""
    place: str = field(kw_only=True, validator=v.text())
    """The place as the comment writes it (``"India"``)."""
    local_designations: tuple[str, ...] = field(
        default=(), kw_only=True, converter=v.to_tuple, validator=v.items_of(str, unique=True)
    )
    """The local names ("as Drishti-10 Starliner"): aliases of the platform."""
    assembly: bool = field(default=False, kw_only=True, validator=v.is_a(bool))
    """Whether the comment mentions assembly (assembly, or assembly/production)."""
    possible: bool = field(default=False, kw_only=True, validator=v.is_a(bool))
    """Whether the comment hedges ("possibly", "probably")."""
    clause: str = field(kw_only=True, validator=v.note)
    """The comment's clause, verbatim."""

    @property
    def confidence(self) -> Confidence:
        """Return REPORTED, or UNCONFIRMED when the comment hedges."""
        return Confidence.UNCONFIRMED if self.possible else Confidence.REPORTED


_MOST_WORDS: Final = 4  # the longest state name SIPRI writes has four words


def _place(text: str) -> tuple[Country | Territory | None, str]:
    """Return the state the place `text` starts with, and its name; None when none."""
    words = text.split()
    for size in range(min(len(words), _MOST_WORDS), 0, -1):
        name = " ".join(words[:size])
        try:
            return state(name), name
        except UnknownCodeError:
            continue
    return None, text


def licences(comments: str) -> tuple[LicenceNote, ...]:
    """Return every production or assembly under licence that `comments` reports."""
    if "licence" not in comments:
        return ()
    found = []
    for raw in comments.split(";"):
        if _LICENCE.search(raw) is None:  # the clause's regex needs the word; skip it fast
            continue
        clause = raw.strip()
        match = _CLAUSE.search(clause)
        if match is None:
            continue
        licensee, place = _place(match["place"].strip())
        alias = match["alias"] or ""
        names = tuple(dict.fromkeys(n.strip() for n in alias.split(" or ") if n.strip()))
        found.append(
            LicenceNote(
                licensee,
                place=place,
                local_designations=names,
                assembly="assembl" in clause.casefold(),
                possible=match["hedge"] is not None,
                clause=clause,
            )
        )
    return tuple(found)
