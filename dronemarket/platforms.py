"""Platforms: what a drone is (its category and roles), who makes it, what it can do.

A :class:`Platform` carries its published :class:`~dronemarket.specs.Specs`;
the specs, their table and their reported values live in
:mod:`dronemarket.specs`, and are importable from here as well.

>>> import dronemarket as dm
>>> tb2 = dm.Platform("Bayraktar TB2", manufacturer=None, category=dm.Category.MALE)
>>> tb2.names
frozenset({'Bayraktar TB2'})
"""

from __future__ import annotations

import enum
from typing import Any

import attrs
from attrs import field, frozen

from dronemarket import _display
from dronemarket import _validate as v
from dronemarket.dates import PartialDate
from dronemarket.parties import Organization
from dronemarket.sources import Source
from dronemarket.specs import SPEC_FIELDS as SPEC_FIELDS  # noqa: PLC0414 - re-exported
from dronemarket.specs import Figure as Figure  # noqa: PLC0414 - re-exported
from dronemarket.specs import Reported as Reported  # noqa: PLC0414 - re-exported
from dronemarket.specs import SpecField as SpecField  # noqa: PLC0414 - re-exported
from dronemarket.specs import Specs as Specs  # noqa: PLC0414 - re-exported
from dronemarket.specs._specs import SpecInputs as SpecInputs  # noqa: PLC0414 - re-exported
from dronemarket.specs._table import ORDERED_PAIRS

__all__ = ["Category", "Platform", "Role"]

# The specs moved to dronemarket.specs. The names above are re-exported so that
# `dronemarket.platforms.Specs` and the other old paths keep working.
_ORDERED_PAIRS = ORDERED_PAIRS  # the name dronemarket.strategies imports


class Category(enum.Enum):
    """The kind of platform, as the trade and the press classify them."""

    HALE = "HALE"
    """High altitude, long endurance."""
    MALE = "MALE"
    """Medium altitude, long endurance (Bayraktar TB2, Anka-S, Wing Loong)."""
    UCAV = "UCAV"
    """Unmanned combat aerial vehicle, built for strike first (Bayraktar TB3)."""
    TACTICAL = "tactical"
    """Tactical UAV for brigade- or division-level use (Ababil-2)."""
    SMALL = "small"
    """Small and mini UAVs, hand- or rail-launched."""
    LOITERING_MUNITION = "loitering munition"
    """Loiters over a target area and attacks on command (Kargu)."""
    ONE_WAY_ATTACK = "one-way attack"
    """Flies a pre-set course to a target and explodes (Shahed-136, Garpiya)."""


class Role(enum.Enum):
    """A mission a platform flies."""

    ISR = "ISR"
    """Intelligence, surveillance and reconnaissance."""
    STRIKE = "strike"
    """Attacks targets with weapons it carries or with itself."""
    ELECTRONIC_WARFARE = "electronic warfare"
    """Jams, spoofs or listens to emitters."""
    TARGET_ACQUISITION = "target acquisition"
    """Finds and designates targets for other weapons (artillery spotting)."""
    COMMUNICATIONS_RELAY = "communications relay"
    """Relays radio links beyond line of sight."""
    MARITIME = "maritime"
    """Flies from ships or over the sea (the TB3 from short-deck carriers)."""
    TARGET_DRONE = "target drone"
    """Serves as an aerial target for air-defence training."""


def _no_self_lineage(
    instance: Platform, attribute: attrs.Attribute[Platform | None], value: Platform | None
) -> None:
    if value is None:
        return
    v.is_a(Platform)(instance, attribute, value)
    if value.name == instance.name:
        v.fail(instance, attribute, value.name, "names the platform itself")


@frozen(eq=False, repr=False)
class Platform:
    """A drone type: who makes it, what it is, what it does, what it can do.

    >>> import dronemarket as dm
    >>> baykar = dm.Organization("Baykar", country=dm.Country("TUR"), kind=dm.OrgKind.MANUFACTURER)
    >>> tb2 = dm.Platform(
    ...     "Bayraktar TB2",
    ...     manufacturer=baykar,
    ...     category=dm.Category.MALE,
    ...     roles={dm.Role.ISR, dm.Role.STRIKE},
    ...     specs=dm.Specs(ceiling="25,000 ft"),
    ...     aliases={"TB2"},
    ... )
    >>> tb2.specs.ceiling.to("m")
    <Quantity(7620.0, 'meter')>
    """

    name: str = field(validator=v.text())
    """The name it is best known by."""
    manufacturer: Organization | None = field(
        kw_only=True, validator=v.optional(v.is_a(Organization))
    )
    """Who designs and builds it; None when not known."""
    category: Category | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(Category))
    )
    """What kind of drone it is; None when no source says."""
    roles: frozenset[Role] = field(
        factory=frozenset, kw_only=True, converter=v.to_frozenset, validator=v.members_of(Role)
    )
    """The missions it flies."""
    specs: Specs = field(factory=Specs, kw_only=True, validator=v.is_a(Specs))
    """Its published specifications."""
    aliases: frozenset[str] = field(
        factory=frozenset, kw_only=True, converter=v.to_frozenset, validator=v.aliases
    )
    """Other names and spellings (``{"TB2", "Bayraktar TB-2"}``)."""
    first_flight: PartialDate | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(PartialDate))
    )
    """When it first flew, as precisely as known."""
    in_service: PartialDate | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(PartialDate))
    )
    """When it entered service, as precisely as known."""
    variant_of: Platform | None = field(default=None, kw_only=True, validator=_no_self_lineage)
    """The platform this is a variant of (the TB2T-AI of the TB2)."""
    derived_from: Platform | None = field(default=None, kw_only=True, validator=_no_self_lineage)
    """A platform of another line it was designed from (Garpiya from Shahed-136)."""
    sources: tuple[Source, ...] = field(
        default=(), kw_only=True, converter=v.to_tuple, validator=v.items_of(Source, unique=True)
    )
    """Where the platform's description comes from."""
    # Computed at construction from the parents' own, so O(1) per lineage level.
    _hash: int = field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        parents = (_hash_of(self.variant_of), _hash_of(self.derived_from))
        object.__setattr__(self, "_hash", hash((self._own(), parents)))

    def _own(self) -> tuple[object, ...]:
        """Return every field but the lineage: what two platforms compare first."""
        return (
            self.name,
            self.manufacturer,
            self.category,
            self.roles,
            self.specs,
            self.aliases,
            self.first_flight,
            self.in_service,
            self.sources,
        )

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:  # noqa: PLR0911 - fast exits first
        # Iterative, so that a lineage of any length compares without recursion.
        if type(other) is not Platform:
            return NotImplemented
        if self is other:
            return True
        if self._hash != other._hash or self._own() != other._own():
            return False
        if self.variant_of is other.variant_of and self.derived_from is other.derived_from:
            return True  # the usual case: the same parents, or none
        pending: list[tuple[Platform | None, Platform | None]] = [(self, other)]
        seen: set[tuple[int, int]] = set()
        while pending:
            mine, theirs = pending.pop()
            if mine is theirs:
                continue
            if mine is None or theirs is None or mine._hash != theirs._hash:
                return False
            pair = (id(mine), id(theirs))
            if pair in seen:
                continue
            seen.add(pair)
            if mine._own() != theirs._own():
                return False
            pending.append((mine.variant_of, theirs.variant_of))
            pending.append((mine.derived_from, theirs.derived_from))
        return True

    __repr__ = _display.platform
    _repr_html_ = _display.platform_html

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle the platform with its lineage flattened, parents first, so any length pickles.

        The default would pickle each parent inside its child, one level of
        recursion per generation; this rebuilds the chain in a loop.
        """
        order: list[Platform] = []
        index: dict[int, int] = {}
        pending: list[tuple[Platform, bool]] = [(self, False)]
        while pending:  # depth first, each platform after its parents
            platform, parents_done = pending.pop()
            if id(platform) in index:
                continue
            if parents_done:
                index[id(platform)] = len(order)
                order.append(platform)
                continue
            pending.append((platform, True))
            pending.extend((p, False) for p in (platform.variant_of, platform.derived_from) if p)

        def at(parent: Platform | None) -> int | None:
            return None if parent is None else index[id(parent)]

        rows = tuple((p._own(), at(p.variant_of), at(p.derived_from)) for p in order)  # noqa: SLF001 - its own class
        return (Platform._from_lineage, (rows,))

    @classmethod
    def _from_lineage(
        cls, rows: tuple[tuple[tuple[Any, ...], int | None, int | None], ...]
    ) -> Platform:
        """Return the last platform of `rows`, built parents first (unpickling)."""
        made: list[Platform] = []
        for own, variant, derived in rows:
            name, manufacturer, category, roles, specs, aliases, first, service, sources = own
            made.append(
                cls(
                    name,
                    manufacturer=manufacturer,
                    category=category,
                    roles=roles,
                    specs=specs,
                    aliases=aliases,
                    first_flight=first,
                    in_service=service,
                    variant_of=None if variant is None else made[variant],
                    derived_from=None if derived is None else made[derived],
                    sources=sources,
                )
            )
        return made[-1]

    def __copy__(self) -> Platform:
        """Return the platform itself: it is immutable."""
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> Platform:
        """Return the platform itself: it is immutable, its lineage included."""
        return self

    @in_service.validator
    def _not_before_first_flight(
        self, attribute: attrs.Attribute[PartialDate | None], value: PartialDate | None
    ) -> None:
        first = self.first_flight
        if value is not None and first is not None and value.surely_before(first):
            v.fail(self, attribute, str(value), f"is before the first flight ({first})")

    @property
    def names(self) -> frozenset[str]:
        """Return the name and every alias."""
        return self.aliases | {self.name}

    def lineage(self) -> tuple[Platform, ...]:
        """Return the platforms this one descends from, nearest first.

        Each step follows ``variant_of`` where it is set, else ``derived_from``
        (a variant's line is its parent's). Records are immutable, so the
        chain cannot loop.
        """
        chain: list[Platform] = []
        parent = self.variant_of or self.derived_from
        while parent is not None:
            chain.append(parent)
            parent = parent.variant_of or parent.derived_from
        return tuple(chain)


def _hash_of(platform: Platform | None) -> int:
    return 0 if platform is None else platform._hash  # noqa: SLF001
