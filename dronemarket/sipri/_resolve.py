"""Resolve SIPRI's designations and party names against a known market.

SIPRI writes "Bayraktar TB-2"; the catalog holds the "Bayraktar TB2" with the
alias "Bayraktar TB-2". Names are matched by
:func:`~dronemarket.market.name_key` (no case, accents, spaces or punctuation),
through every platform's aliases, so that a SIPRI record about a platform the
known market holds refers to that very platform, with its specs and
classification, and the two markets merge without a clash.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from dronemarket.market import Market, name_key
from dronemarket.parties import ArmedGroup, Country, Multinational, Territory
from dronemarket.platforms import Category, Platform, Role
from dronemarket.production import LicensedProduction

__all__ = ["Resolver", "describe"]

_Party = Country | Territory | ArmedGroup | Multinational

# SIPRI's descriptions of unmanned aircraft, in every vintage's wording, and the
# category and roles each one says; anything else says nothing (None, no roles).
_DESCRIPTIONS: Final[dict[str, tuple[Category | None, frozenset[Role]]]] = {
    "armed drone": (None, frozenset({Role.STRIKE})),
    "armed uav": (None, frozenset({Role.STRIKE})),
    "reconnaissance drone": (None, frozenset({Role.ISR})),
    "armed reconnaissance drone": (None, frozenset({Role.ISR, Role.STRIKE})),
    "(armed) reconnaissance drone": (None, frozenset({Role.ISR})),
    "loitering munition": (Category.LOITERING_MUNITION, frozenset({Role.STRIKE})),
    "one-way attack drone": (Category.ONE_WAY_ATTACK, frozenset({Role.STRIKE})),
    "maritime patrol drone": (None, frozenset({Role.ISR, Role.MARITIME})),
    "maritime patrol uav": (None, frozenset({Role.ISR, Role.MARITIME})),
}
_SAYS_NOTHING: Final[tuple[Category | None, frozenset[Role]]] = (None, frozenset())


def describe(description: str) -> tuple[Category | None, frozenset[Role]]:
    """Return the category and roles a SIPRI description says; (None, no roles) otherwise.

    >>> describe("loitering munition")
    (<Category.LOITERING_MUNITION: 'loitering munition'>, frozenset({<Role.STRIKE: 'strike'>}))
    >>> describe("UAV")
    (None, frozenset())
    """
    return _DESCRIPTIONS.get(description.strip().casefold(), _SAYS_NOTHING)


def _party_key(party: _Party) -> tuple[str, str]:
    return (type(party).__name__, name_key(str(party)))


class Resolver:
    """Find, for SIPRI's names, the platforms and parties a known market holds."""

    __slots__ = ("_parties", "_platforms", "known")

    def __init__(self, known: Market) -> None:
        """Index `known`'s platforms (names and aliases) and the parties of its records."""
        self.known = known
        """The market names are resolved against."""
        self._platforms: dict[str, Platform] = {}
        for platform in known.platforms:
            for name in (platform.name, *sorted(platform.aliases)):
                self._platforms.setdefault(name_key(name), platform)
        self._parties: dict[tuple[str, str], _Party] = {}
        for deal in known.deals:
            for party in (deal.supplier.party, deal.recipient.party):
                if party is not None:
                    self._parties.setdefault(_party_key(party), party)

    def platform(self, designation: str) -> Platform | None:
        """Return the known platform named (or aliased) `designation`; None when none is."""
        return self._platforms.get(name_key(designation))

    def holds_name(self, name: str) -> bool:
        """Say whether a known platform has `name` (or a name that matches it) already."""
        return name_key(name) in self._platforms

    def party(self, party: _Party | None) -> _Party | None:
        """Return the known market's equal party, or `party` itself when it holds none."""
        if party is None:
            return None
        return self._parties.get(_party_key(party), party)

    def production_of(self, host: Country) -> Iterable[LicensedProduction]:
        """Return the known market's production records hosted by `host`."""
        return (record for record in self.known.production if record.host == host)
