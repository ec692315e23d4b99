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
from typing import TypeVar, cast

import attrs

from dronemarket.parties import Country, Organization, OrgKind
from dronemarket.platforms import Category, Figure, Platform, Role, Specs
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


@functools.cache
def pool_platforms() -> tuple[Platform, ...]:
    """Return the pool's platforms: distinct names and aliases, realistic specs, some lineage.

    From a small quadcopter to a HALE platform, one with every spec
    unknown and one with a disputed take-off mass; two are a variant of,
    or derived from, another.
    """
    falcon = Platform(
        "Falcon",
        manufacturer=_maker(0),
        category=Category.MALE,
        roles={Role.ISR, Role.STRIKE},
        specs=Specs(
            wingspan="12 m",
            mtow=Figure.of("650 kg", "630 kg"),
            payload="150 kg",
            endurance="27 h",
            ceiling="25000 ft",
        ),
        aliases={"Falcon UAV"},
        sources=[_BROCHURE, _PRESS],
    )
    kestrel = Platform(
        "Kestrel-2",
        manufacturer=_maker(1),
        category=Category.TACTICAL,
        roles={Role.ISR},
        specs=Specs(wingspan="6.5 m", mtow="180 kg", endurance="12 h", range="150 km"),
        aliases={"Kestrel 2"},
    )
    fleet = [
        falcon,
        kestrel,
        Platform(
            "Harrier",
            manufacturer=_maker(2),
            category=Category.HALE,
            roles={Role.ISR, Role.COMMUNICATIONS_RELAY},
            specs=Specs(mtow="4.5 t", endurance="30 h", ceiling="50000 ft", max_speed="350 kn"),
        ),
        Platform(
            "Condor",
            manufacturer=_maker(3),
            category=Category.UCAV,
            roles={Role.STRIKE},
            specs=Specs(
                mtow="6 t", payload="1500 kg", cruise_speed="500 km/h", max_speed="700 km/h"
            ),
        ),
        Platform(
            "Swift",
            manufacturer=_maker(4),
            category=Category.SMALL,
            roles={Role.ISR, Role.TARGET_ACQUISITION},
            specs=Specs(mtow="5.5 kg", endurance="90 min", range="10 km", datalink_range="10 km"),
        ),
        Platform(
            "Merlin",
            manufacturer=_maker(5),
            category=Category.LOITERING_MUNITION,
            roles={Role.STRIKE},
            specs=Specs(mtow="20 kg", warhead="3.5 kg", range="40 km"),
        ),
        Platform(
            "Heron-3",
            manufacturer=_maker(6),
            category=Category.MALE,
            roles={Role.ISR, Role.ELECTRONIC_WARFARE},
            specs=Specs(mtow="1200 kg", engine_power="100 hp"),
        ),
        Platform(
            "Osprey-1", manufacturer=None, roles={Role.MARITIME}
        ),  # nothing known: no maker, no category
        Platform(
            "Falcon B",
            manufacturer=_maker(0),
            category=Category.MALE,
            roles={Role.ISR, Role.STRIKE},
            specs=Specs(mtow="700 kg", payload="200 kg"),
            variant_of=falcon,
        ),
        Platform(
            "Kestrel-3",
            manufacturer=_maker(7),
            category=Category.TACTICAL,
            roles={Role.ISR},
            specs=Specs(mtow="250 kg"),
            derived_from=kestrel,
        ),
    ]
    return tuple(fleet)


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
