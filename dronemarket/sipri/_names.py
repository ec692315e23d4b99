"""SIPRI's vocabulary: party names, condition words, drone wording.

SIPRI marks a non-state armed group with ``*`` ("Houthi rebels (Yemen)*"), a
multinational organisation with ``**`` ("NATO**"), and writes "unknown
supplier(s)" and "unknown recipient(s)" where the party is not known.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from dronemarket.deals import Condition
from dronemarket.errors import UnknownCodeError
from dronemarket.parties import ArmedGroup, Country, Multinational, Territory, armed_group

__all__ = ["DRONE", "SPELLINGS", "Party", "condition", "is_drone", "name_of", "party", "state"]

Party = Country | Territory | ArmedGroup | Multinational
"""A party SIPRI names: a state, a territory, an armed group or an organisation."""

UNKNOWN: Final = frozenset({"unknown supplier(s)", "unknown recipient(s)"})
"""SIPRI's words for a party that is not known: read as None."""

# Renames between vintages of the same party: the newest name is kept.
_RENAMES: Final = {
    "Libya HoR*": "House of Representatives (Libya)*",
    "HoR (Libya)*": "House of Representatives (Libya)*",
    "PIJ (Israel/Palestine)*": "Palestinian Islamic Jihad (Israel/Palestine)*",
}


SPELLINGS: Final = {
    "ARE": "UAE",
    "BIH": "Bosnia-Herzegovina",
    "BRN": "Brunei",
    "CIV": "Cote d'Ivoire",
    "COD": "DR Congo",
    "CSK": "Czechoslovakia",
    "DDR": "East Germany (GDR)",
    "FSM": "Micronesia",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SUN": "Soviet Union",
    "SWZ": "eSwatini",
    "TUR": "Turkiye",
    "VCT": "Saint Vincent",
    "VDR": "North Vietnam",
    "VNM": "Viet Nam",
    "YMD": "South Yemen",
    "YUG": "Yugoslavia",
}
"""SIPRI's spelling of a state, by ISO alpha-3 code, where it is not the ISO name.

The reverse of the names SIPRI writes that :meth:`~dronemarket.Country.lookup`
learns (checked against every export in ``../shared/realdata``); any other
state SIPRI calls by its ISO name.
"""


DRONE: Final = re.compile(
    r"\b(?:UAVs?|UCAVs?|drones?|loitering munitions?|unmanned)\b", re.IGNORECASE
)
"""The wording of an unmanned aircraft in SIPRI's descriptions, in every vintage."""

_CONDITIONS: Final = {
    "new": Condition.NEW,
    "second hand": Condition.SECOND_HAND,
    "second hand but modernized": Condition.SECOND_HAND_MODERNIZED,
    "n": Condition.NEW,
    "s": Condition.SECOND_HAND,
    "r": Condition.SECOND_HAND_MODERNIZED,
}


def is_drone(description: str) -> bool:
    """Say whether a SIPRI description names an unmanned aircraft."""
    return DRONE.search(description) is not None


def condition(text: str) -> Condition:
    """Return the condition SIPRI's status word (or the JSON's code N/S/R) names."""
    found = _CONDITIONS.get(text.strip().casefold())
    if found is None:
        words = "'New', 'Second hand', 'Second hand but modernized' (or N, S, R)"
        raise UnknownCodeError("SipriRecord", "condition", text, f"is not one of {words}")
    return found


def name_of(party: Party) -> str:
    """Return the name SIPRI gives `party`, suffixes included ("Turkiye", "NATO**").

    A state takes SIPRI's spelling (:data:`SPELLINGS`) or else its ISO name,
    an armed group ``*``, an organisation ``**``.

    >>> name_of(Country("TUR")), name_of(Country("COD")), name_of(Multinational("NATO"))
    ('Turkiye', 'DR Congo', 'NATO**')
    """
    if isinstance(party, Multinational):
        return f"{party.name}**"
    if isinstance(party, ArmedGroup):
        return f"{party}*"
    if isinstance(party, Country):
        return SPELLINGS.get(party.code) or party.name
    return party.name


@functools.lru_cache(maxsize=1024)
def state(name: str) -> Country | Territory:
    """Return the state or territory SIPRI names `name`."""
    try:
        return Territory.lookup(name)
    except UnknownCodeError:
        return Country.lookup(name)


@functools.lru_cache(maxsize=1024)
def party(text: str) -> Party | None:
    """Return the party SIPRI's name `text` stands for; None for an unknown party."""
    name = _RENAMES.get(text.strip(), text.strip())
    if name.casefold() in UNKNOWN:
        return None
    if name.endswith("**"):
        return Multinational(name[:-2].strip())
    if name.endswith("*"):
        return _armed_group(name[:-1].strip())
    try:
        return state(name)
    except UnknownCodeError:
        rule = (
            "is not a state or territory SIPRI lists, an armed group (suffix *), "
            "an organisation (suffix **) or 'unknown supplier(s)'/'unknown recipient(s)'"
        )
        raise UnknownCodeError("SipriRecord", "party", text, rule) from None


def _armed_group(name: str) -> ArmedGroup:
    return armed_group(name, state)
