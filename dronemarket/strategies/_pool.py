"""The shared pool: the organizations and platforms records are drawn with by default.

A market rejects two different platforms (or organizations) under one name,
and two different records under one id. So that any list of records drawn
by :func:`~dronemarket.strategies.deals`,
:func:`~dronemarket.strategies.licensed_production` and
:func:`~dronemarket.strategies.cooperations` builds a market, they draw
their platforms and organizations from one fixed pool, in which a name
always means the same object, and give each record an id made from all
of its content (:func:`content_id`), so that two records share an id only
when they are equal.

The pool is built on first use and memoized; it is immutable.
"""

from __future__ import annotations

import functools
import hashlib
from typing import Final, NamedTuple, TypeVar, cast

import attrs

from dronemarket.parties import Country, Organization, OrgKind
from dronemarket.platforms import Category, Platform, Role, SpecInputs, Specs
from dronemarket.sources import Source
from dronemarket.strategies._vocabulary import _ORG_NAMES, COUNTRY_CODES

R = TypeVar("R")

# Where the organizations with a fixed name are based, in the order of their names.
_HOMES: dict[OrgKind, tuple[str, ...]] = {
    OrgKind.MANUFACTURER: ("TUR", "USA", "CHN", "ISR", "IRN", "RUS", "UKR", "KAZ"),
    OrgKind.INTERMEDIARY: ("ARE", "KGZ", "BLR", "AZE"),
    OrgKind.RESEARCH_INSTITUTE: ("DEU", "DEU"),
    OrgKind.NON_STATE_GROUP: ("UKR", "ETH", "NGA"),
}


def _acronym(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper())


@functools.cache
def pool_organizations() -> tuple[Organization, ...]:
    """Return the pool's organizations: every name once, each with one country and kind.

    Names with a ``{country}`` part ("Kazakhstan Air Force") exist once per
    country of :data:`~dronemarket.strategies.COUNTRY_CODES`; the others
    ("Sky Dynamics") have one home and their acronym as an alias.
    """
    made: list[Organization] = []
    for kind, names in _ORG_NAMES.items():
        homes = _HOMES.get(kind, COUNTRY_CODES)
        for index, name in enumerate(names):
            if "{country}" in name:
                for code in COUNTRY_CODES:
                    country = Country(code)
                    made.append(
                        Organization(name.format(country=country.name), country=country, kind=kind)
                    )
            else:
                country = Country(homes[index % len(homes)])
                made.append(
                    Organization(name, country=country, kind=kind, aliases={_acronym(name)})
                )
    return tuple(made)


def _maker(index: int) -> Organization:
    makers = [org for org in pool_organizations() if org.kind is OrgKind.MANUFACTURER]
    return makers[index % len(makers)]


_BROCHURE = Source("Technical specifications", publisher="Janes", language="en")
_PRESS = Source("Drone deal reported", publisher="Reuters", language="en")


class _Design(NamedTuple):
    """One platform of the pool, as data (its specs are in :data:`_SPECS`)."""

    name: str
    maker: int | None
    """Its maker, by index among the pool's manufacturers; None: not known."""
    category: Category | None
    roles: tuple[Role, ...]
    aliases: tuple[str, ...] = ()
    sourced: bool = False
    """Whether it cites the brochure and the press report."""
    variant_of: str | None = None
    """The name of the pool's platform it is a variant of."""
    derived_from: str | None = None
    """The name of the pool's platform it is derived from."""


_ISR, _STRIKE = Role.ISR, Role.STRIKE

# The pool's platforms, in order: a parent before the platforms that name it.
_FLEET: Final = (
    _Design("Falcon", 0, Category.MALE, (_ISR, _STRIKE), aliases=("Falcon UAV",), sourced=True),
    _Design("Kestrel-2", 1, Category.TACTICAL, (_ISR,), aliases=("Kestrel 2",)),
    _Design("Harrier", 2, Category.HALE, (_ISR, Role.COMMUNICATIONS_RELAY)),
    _Design("Condor", 3, Category.UCAV, (_STRIKE,)),
    _Design("Swift", 4, Category.SMALL, (_ISR, Role.TARGET_ACQUISITION)),
    _Design("Merlin", 5, Category.LOITERING_MUNITION, (_STRIKE,)),
    _Design("Heron-3", 6, Category.MALE, (_ISR, Role.ELECTRONIC_WARFARE)),
    _Design("Osprey-1", None, None, (Role.MARITIME,)),  # nothing known: no maker, no category
    _Design("Falcon B", 0, Category.MALE, (_ISR, _STRIKE), variant_of="Falcon"),
    _Design("Kestrel-3", 7, Category.TACTICAL, (_ISR,), derived_from="Kestrel-2"),
)
# Their specs, by name (none known for the Osprey-1).
_SPECS: Final[dict[str, SpecInputs]] = {
    "Falcon": {
        "wingspan": "12 m",
        "mtow": ("650 kg", "630 kg"),  # disputed: two reported values, the preferred first
        "payload": "150 kg",
        "endurance": "27 h",
        "ceiling": "25000 ft",
    },
    "Kestrel-2": {"wingspan": "6.5 m", "mtow": "180 kg", "endurance": "12 h", "range": "150 km"},
    "Harrier": {"mtow": "4.5 t", "endurance": "30 h", "ceiling": "50000 ft", "max_speed": "350 kn"},
    "Condor": {
        "mtow": "6 t",
        "payload": "1500 kg",
        "cruise_speed": "500 km/h",
        "max_speed": "700 km/h",
    },
    "Swift": {"mtow": "5.5 kg", "endurance": "90 min", "range": "10 km", "datalink_range": "10 km"},
    "Merlin": {"mtow": "20 kg", "warhead": "3.5 kg", "range": "40 km"},
    "Heron-3": {"mtow": "1200 kg", "engine_power": "100 hp"},
    "Falcon B": {"mtow": "700 kg", "payload": "200 kg"},
    "Kestrel-3": {"mtow": "250 kg"},
}


@functools.cache
def pool_platforms() -> tuple[Platform, ...]:
    """Return the pool's platforms: distinct names and aliases, realistic specs, some lineage.

    From a small quadcopter to a HALE platform, one with every spec
    unknown and one with a disputed take-off mass; two are a variant of,
    or derived from, another.
    """
    made: dict[str, Platform] = {}
    for design in _FLEET:
        made[design.name] = Platform(
            design.name,
            manufacturer=None if design.maker is None else _maker(design.maker),
            category=design.category,
            roles=design.roles,
            specs=Specs(**_SPECS.get(design.name, {})),
            aliases=design.aliases,
            variant_of=None if design.variant_of is None else made[design.variant_of],
            derived_from=None if design.derived_from is None else made[design.derived_from],
            sources=(_BROCHURE, _PRESS) if design.sourced else (),
        )
    return tuple(made.values())


def _fingerprint(value: object) -> str:
    """Return a text that is equal for equal values and the same in every process.

    Platforms and organizations count by name (in the pool a name is one
    object); sets are sorted; the record's own id is left out.
    """
    if isinstance(value, Platform | Organization):
        return f"{type(value).__name__}({value.name!r})"
    if attrs.has(type(value)):
        parts = (
            f"{field.name}={_fingerprint(getattr(value, field.name))}"
            for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(value)))
            if field.name != "id" and not field.name.startswith("_")
        )
        return f"{type(value).__name__}({', '.join(parts)})"
    if isinstance(value, frozenset | set):
        return "{" + ", ".join(sorted(map(_fingerprint, value))) + "}"
    if isinstance(value, tuple | list):
        return "[" + ", ".join(map(_fingerprint, value)) + "]"
    return repr(value)


def content_id(made: str, record: object) -> str:
    """Return `made` (a record's default id) followed by a digest of all its content."""
    digest = hashlib.blake2b(_fingerprint(record).encode(), digest_size=5).hexdigest()
    return f"{made[:116]}-{digest}"


def with_content_id(record: R) -> R:
    """Return `record` with the id :func:`content_id` gives it."""
    made = str(getattr(record, "id"))  # noqa: B009 - R is any record with an id
    return attrs.evolve(record, id=content_id(made, record))  # type: ignore[misc]
