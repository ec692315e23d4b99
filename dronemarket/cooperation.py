"""Cooperation that is not a transfer: visits, talks, agreements, budgets, aid.

Many drone-market facts are steps towards a deal, or around one: a
delegation inspects a drone, two ministers meet, a ministry budgets for
drones, experts help a factory. A :class:`Cooperation` holds them, typed:

>>> import dronemarket as dm
>>> kazakh_mod = dm.Organization(
...     "Ministry of Defence of Kazakhstan",
...     country=dm.Country("KAZ"),
...     kind=dm.OrgKind.STATE_AGENCY,
... )
>>> visit = dm.Cooperation(
...     kind=dm.CooperationKind.VISIT,
...     parties=[kazakh_mod, dm.Country("TUR")],
...     start=dm.PartialDate(2020, 11, 23),
...     end=dm.PartialDate(2020, 11, 25),
...     summary="Kazakh MoD delegation inspects the TB2 at the 14th UAS Base Command, Batman",
...     sources=[dm.Source("Kazakhstan keen to buy dozens of TB2", publisher="The Defense Post")],
... )
>>> visit.id
'visit-kaz-tur-2020-11-23'
"""

from __future__ import annotations

import enum
from typing import Final

from attrs import field, frozen

from dronemarket import _display, _record
from dronemarket import _validate as v
from dronemarket.dates import PartialDate
from dronemarket.deals import Money, slug
from dronemarket.errors import ValidationError
from dronemarket.parties import Country, Organization, check_confidence
from dronemarket.platforms import Platform

__all__ = ["MULTILATERAL_KINDS", "Cooperation", "CooperationKind"]


class CooperationKind(enum.Enum):
    """What kind of cooperation a record holds."""

    VISIT = "visit"
    """A delegation visits a maker, a base or a show (to inspect, to test)."""
    MEETING = "meeting"
    """Officials meet and discuss drones (ministers, chiefs of staff)."""
    AGREEMENT = "agreement"
    """A memorandum or framework agreement that is not itself an order."""
    BUDGET = "budget"
    """A government sets money aside for drones."""
    PROPOSAL = "proposal"
    """A party, parliament or agency proposes a drone policy or purchase."""
    TECHNOLOGY_TRANSFER = "technology transfer"
    """Know-how passes from one party to another, with no platform named."""
    EXPERTISE = "expertise"
    """Experts of one country work on another's drones."""
    EXERCISE = "exercise"
    """A joint exercise or trial with drones."""


MULTILATERAL_KINDS: Final = frozenset(
    {
        CooperationKind.VISIT,
        CooperationKind.MEETING,
        CooperationKind.AGREEMENT,
        CooperationKind.EXERCISE,
    }
)
"""The kinds of cooperation that need two parties or more."""


def _party_key(party: Organization | Country) -> str:
    return party.code if isinstance(party, Country) else party.country.code


def _default_id(record: Cooperation) -> str:
    codes = dict.fromkeys(_party_key(party) for party in record.parties)
    return v.default_id(slug(record.kind.value), *codes, when=record.start)


@frozen(cache_hash=True, field_transformer=_record.in_order)
class Cooperation(_record.Record):
    """A cooperation event or arrangement between parties, with its sources.

    Besides its own fields it has those every record has: ``sources``,
    ``confidence``, ``statements``, ``notes`` and ``id`` (keyword ``id=``).

    Rules: at least one party (two when it is a meeting, visit, agreement
    or exercise) and no party twice; at least one source; the end is not
    surely before the start; a budget carries its amount; a confirmed or
    denied record carries the party's statement.
    """

    _SOURCES_AFTER = "summary"
    __repr__ = _display.cooperation

    kind: CooperationKind = field(kw_only=True, validator=v.is_a(CooperationKind))
    """What kind of cooperation it is."""
    parties: tuple[Organization | Country, ...] = field(
        kw_only=True,
        converter=v.to_tuple,
        validator=v.items_of(Organization, Country, non_empty=True, unique=True),
    )
    """Who takes part: countries, or organizations (which carry their country)."""
    summary: str = field(kw_only=True, validator=v.text())
    """What happened, in one line."""
    start: PartialDate | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(PartialDate))
    )
    """When it happened or began, as precisely as known."""
    end: PartialDate | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(PartialDate))
    )
    """When it ended, for events over several days; None for a single date."""
    platforms: tuple[Platform, ...] = field(
        default=(), kw_only=True, converter=v.to_tuple, validator=v.items_of(Platform, unique=True)
    )
    """The platforms it concerns."""
    value: Money | None = field(default=None, kw_only=True, validator=v.optional(v.is_a(Money)))
    """The money involved (a budget), when reported."""

    def __attrs_post_init__(self) -> None:
        _check_types(self)
        v.settle_id(self, _default_id)
        name = type(self).__name__
        if self.kind in MULTILATERAL_KINDS and len(self.parties) < 2:
            rule = f"has one party, but a {self.kind.value} needs two or more"
            raise ValidationError(name, "parties", self.parties, rule)
        if self.start and self.end and self.end.surely_before(self.start):
            rule = f"is before the start ({self.start})"
            raise ValidationError(name, "end", str(self.end), rule)
        if self.kind is CooperationKind.BUDGET and self.value is None:
            raise ValidationError(name, "value", None, "is None, but a budget needs its amount")
        check_confidence(self, self.confidence, self.statements)

    @property
    def countries(self) -> tuple[Country, ...]:
        """Return the countries taking part, each once, in order."""
        found = (p if isinstance(p, Country) else p.country for p in self.parties)
        return tuple(dict.fromkeys(found))

    @property
    def organizations(self) -> tuple[Organization, ...]:
        """Return the organizations taking part."""
        return tuple(p for p in self.parties if isinstance(p, Organization))

    @property
    def year(self) -> int | None:
        """Return the year it happened or began."""
        return self.start.year if self.start else None

    @property
    def label(self) -> str:
        """Return a short label: the kind and the platforms' names."""
        names = ", ".join(platform.name for platform in self.platforms)
        return f"{self.kind.value}: {names}" if names else self.kind.value


_check_types = v.type_checker_of(Cooperation)
"""The type rules of :class:`Cooperation`'s fields that have no validator (from annotations)."""
