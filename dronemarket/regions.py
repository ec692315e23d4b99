"""Named sets of countries: regions, alliances and organizations.

A :class:`Region` is a name and a frozenset of :class:`~dronemarket.Country`;
every query of a :class:`~dronemarket.Market` that takes a region takes one
of these, or its name:

>>> import dronemarket as dm
>>> from dronemarket import regions
>>> sorted(country.code for country in regions.CENTRAL_ASIA)
['KAZ', 'KGZ', 'TJK', 'TKM', 'UZB']
>>> "KGZ" in regions.CENTRAL_ASIA, dm.Country("TUR") in regions.CENTRAL_ASIA
(True, False)
>>> regions.lookup("Organization of Turkic States") is regions.ORGANIZATION_OF_TURKIC_STATES
True
>>> regions.lookup("ots").name
'Organization of Turkic States'

Membership changes: each region names its source and the date its
membership list is taken from. Make your own for anything else:

>>> regions.Region("Turan", regions.CENTRAL_ASIA | {dm.Country("TUR"), dm.Country("AZE")})
Region('Turan', 7 countries)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

import attrs
from attrs import field, frozen

from dronemarket import _validate as v
from dronemarket.errors import NotFoundError, ValidationError
from dronemarket.parties import Country

__all__ = [
    "ALL",
    "ASEAN",
    "CAUCASUS",
    "CENTRAL_ASIA",
    "COLLECTIVE_SECURITY_TREATY_ORGANIZATION",
    "CSTO",
    "EU",
    "EUROPEAN_UNION",
    "GCC",
    "GULF_COOPERATION_COUNCIL",
    "MIDDLE_EAST",
    "NATO",
    "ORGANIZATION_OF_TURKIC_STATES",
    "ORGANIZATION_OF_TURKIC_STATES_OBSERVERS",
    "OTS",
    "SCO",
    "SHANGHAI_COOPERATION_ORGANISATION",
    "SOUTH_CAUCASUS",
    "Region",
    "lookup",
]


def _to_countries(value: Iterable[Country | str]) -> frozenset[Country]:
    """Turn countries or alpha-3 codes into a frozenset of countries; pass the rest on."""
    if isinstance(value, str | bytes) or not hasattr(value, "__iter__"):
        return value  # type: ignore[return-value]
    return frozenset(Country(item) if isinstance(item, str) else item for item in value)


def _check_countries(
    instance: Region, attribute: attrs.Attribute[frozenset[Country]], value: object
) -> None:
    if not isinstance(value, frozenset):
        v.fail(instance, attribute, value, "is not a set of countries")
    if not value:
        v.fail(instance, attribute, value, "is empty (a region has at least one country)")
    for item in value:
        if not isinstance(item, Country):
            v.fail(instance, attribute, item, "is not a Country (a region's members are countries)")


@frozen(repr=False, cache_hash=True)
class Region:
    """A named set of countries, usable wherever a market query takes a region.

    Countries may be given as :class:`~dronemarket.Country` objects or
    alpha-3 codes. ``in`` accepts a country or an alpha-3 code.

    Its members are countries only: a territory, an armed group or a
    multinational organisation is in no region, and a group based in a
    member (the Houthis, in Yemen) is not counted as that member. A former
    state (``Country("SUN")``) is in no built-in region; a region that lists
    it selects it (``Region("Warsaw Pact", ["SUN", "POL", "DDR"])``).
    """

    name: str = field(validator=v.text())
    """The region's name, such as ``"Central Asia"``."""
    countries: frozenset[Country] = field(converter=_to_countries, validator=_check_countries)
    """The countries in it."""
    source: str = field(default="", kw_only=True, validator=v.note)
    """Where the membership comes from, and as of when."""
    aliases: frozenset[str] = field(
        factory=frozenset, kw_only=True, converter=v.to_frozenset, validator=v.names
    )
    """Other names it is looked up by (``{"OTS", "Turkic Council"}``)."""

    @property
    def codes(self) -> frozenset[str]:
        """Return the alpha-3 codes of its countries."""
        return frozenset(country.code for country in self.countries)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return any(country.code == item for country in self.countries)
        return item in self.countries

    def __iter__(self) -> Iterator[Country]:
        return iter(sorted(self.countries))

    def __len__(self) -> int:
        return len(self.countries)

    def __or__(self, other: Iterable[Country]) -> frozenset[Country]:
        """Return the countries of both (a set; name it with :class:`Region`)."""
        if isinstance(other, Region):
            return self.countries | other.countries
        if isinstance(other, frozenset | set):
            return self.countries | frozenset(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Region({self.name!r}, {len(self.countries)} countries)"

    def __str__(self) -> str:
        return self.name


CENTRAL_ASIA: Final = Region(
    "Central Asia",
    ["KAZ", "KGZ", "TJK", "TKM", "UZB"],
    source="UN M49 sub-region 143 'Central Asia' (UN Statistics Division, 2024)",
)
"""Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.

Source: the UN M49 standard, sub-region 143 "Central Asia", as published by
the UN Statistics Division in 2024.
"""

ORGANIZATION_OF_TURKIC_STATES: Final = Region(
    "Organization of Turkic States",
    ["AZE", "KAZ", "KGZ", "TUR", "UZB"],
    source="Organization of Turkic States, member states, as of 2024",
    aliases={"OTS", "Turkic Council", "Organisation of Turkic States"},
)
"""The member states: Azerbaijan, Kazakhstan, Kyrgyzstan, Türkiye, Uzbekistan.

Source: the Organization of Turkic States' list of member states, as of
2024. Observers are in :data:`ORGANIZATION_OF_TURKIC_STATES_OBSERVERS`.
"""

ORGANIZATION_OF_TURKIC_STATES_OBSERVERS: Final = Region(
    "Organization of Turkic States observers",
    ["HUN", "TKM"],
    source="Organization of Turkic States, observer states, as of 2024",
    aliases={"OTS observers"},
)
"""The observer states: Hungary (since 2018) and Turkmenistan (since 2021).

Source: the Organization of Turkic States' list of observers, as of 2024.
The third observer, the Turkish Republic of Northern Cyprus (since 2022),
has no ISO 3166-1 code, so it cannot be a :class:`~dronemarket.Country`
and is left out.
"""

OTS: Final = ORGANIZATION_OF_TURKIC_STATES
"""Short name of :data:`ORGANIZATION_OF_TURKIC_STATES`."""

SOUTH_CAUCASUS: Final = Region(
    "South Caucasus",
    ["ARM", "AZE", "GEO"],
    source="The sovereign states south of the Greater Caucasus range (UN M49 lists them "
    "in Western Asia), 2024",
    aliases={"Caucasus", "Transcaucasia"},
)
"""Armenia, Azerbaijan and Georgia.

Source: the sovereign states of the Caucasus; UN M49 (2024) places all three
in Western Asia. Russia's North Caucasus republics are not states and Russia
as a whole is not counted.
"""

CAUCASUS: Final = SOUTH_CAUCASUS
"""The same as :data:`SOUTH_CAUCASUS`: the sovereign states of the Caucasus."""

NATO: Final = Region(
    "NATO",
    [
        *("ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU"),
        *("GRC", "HUN", "ISL", "ITA", "LVA", "LTU", "LUX", "MNE", "NLD", "MKD", "NOR"),
        *("POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "TUR", "GBR", "USA"),
    ],
    source="NATO member countries, as of 7 March 2024 (Sweden's accession)",
    aliases={"North Atlantic Treaty Organization"},
)
"""The 32 members of the North Atlantic Treaty Organization.

Source: NATO's list of member countries, as of 7 March 2024, when Sweden
joined.
"""

EUROPEAN_UNION: Final = Region(
    "European Union",
    [
        *("AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA"),
        *("DEU", "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD"),
        *("POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE"),
    ],
    source="EU member states, as of 1 February 2020 (after the United Kingdom left)",
    aliases={"EU"},
)
"""The 27 member states of the European Union.

Source: the EU's list of member states, as of 1 February 2020, after the
United Kingdom's withdrawal.
"""

EU: Final = EUROPEAN_UNION
"""Short name of :data:`EUROPEAN_UNION`."""

MIDDLE_EAST: Final = Region(
    "Middle East",
    [
        *("BHR", "EGY", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN"),
        *("OMN", "PSE", "QAT", "SAU", "SYR", "TUR", "ARE", "YEM"),
    ],
    source="SIPRI's regional grouping 'Middle East' (SIPRI Military Expenditure Database, 2024)",
)
"""The Middle East as SIPRI groups it: Bahrain to Yemen, with Egypt and Türkiye.

Source: the "Middle East" region of the SIPRI Military Expenditure Database,
2024 edition. Other definitions differ (some leave out Türkiye or Egypt):
build your own :class:`Region` when you need another.
"""

COLLECTIVE_SECURITY_TREATY_ORGANIZATION: Final = Region(
    "Collective Security Treaty Organization",
    ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"],
    source="CSTO member states, as of 2024 (Armenia froze its participation in February 2024)",
    aliases={"CSTO"},
)
"""Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan.

Source: the CSTO's member states, as of 2024. Armenia froze its
participation in February 2024 but remains a member.
"""

CSTO: Final = COLLECTIVE_SECURITY_TREATY_ORGANIZATION
"""Short name of :data:`COLLECTIVE_SECURITY_TREATY_ORGANIZATION`."""

SHANGHAI_COOPERATION_ORGANISATION: Final = Region(
    "Shanghai Cooperation Organisation",
    ["BLR", "CHN", "IND", "IRN", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB"],
    source="SCO member states, as of 4 July 2024 (Belarus's accession)",
    aliases={"SCO", "Shanghai Cooperation Organization"},
)
"""The ten member states of the Shanghai Cooperation Organisation.

Source: the SCO's member states, as of 4 July 2024, when Belarus joined
(Iran joined on 4 July 2023).
"""

SCO: Final = SHANGHAI_COOPERATION_ORGANISATION
"""Short name of :data:`SHANGHAI_COOPERATION_ORGANISATION`."""

GULF_COOPERATION_COUNCIL: Final = Region(
    "Gulf Cooperation Council",
    ["BHR", "KWT", "OMN", "QAT", "SAU", "ARE"],
    source="GCC member states, as of 2024 (unchanged since 1981)",
    aliases={"GCC"},
)
"""Bahrain, Kuwait, Oman, Qatar, Saudi Arabia and the United Arab Emirates.

Source: the GCC's member states, as of 2024, unchanged since its founding
in 1981.
"""

GCC: Final = GULF_COOPERATION_COUNCIL
"""Short name of :data:`GULF_COOPERATION_COUNCIL`."""

ASEAN: Final = Region(
    "ASEAN",
    ["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"],
    source="ASEAN member states, as of 2024 (Timor-Leste an observer)",
    aliases={"Association of Southeast Asian Nations"},
)
"""The ten member states of the Association of Southeast Asian Nations.

Source: ASEAN's member states, as of 2024; Timor-Leste, admitted in
principle, is not yet a member.
"""

ALL: Final[tuple[Region, ...]] = (
    CENTRAL_ASIA,
    ORGANIZATION_OF_TURKIC_STATES,
    ORGANIZATION_OF_TURKIC_STATES_OBSERVERS,
    SOUTH_CAUCASUS,
    NATO,
    EUROPEAN_UNION,
    MIDDLE_EAST,
    COLLECTIVE_SECURITY_TREATY_ORGANIZATION,
    SHANGHAI_COOPERATION_ORGANISATION,
    GULF_COOPERATION_COUNCIL,
    ASEAN,
)
"""Every region this module defines."""

_SPACING = re.compile(r"[\s_\-\u2010-\u2015]+")


def _normal(name: str) -> str:
    return _SPACING.sub(" ", name.casefold()).strip()


_BY_NAME: Final = {
    _normal(name): region for region in ALL for name in (region.name, *region.aliases)
}


def lookup(name: object) -> Region:
    """Return the region this module defines under `name` or one of its aliases.

    Case, hyphens and repeated spaces do not matter. An unknown name raises
    :class:`~dronemarket.NotFoundError`, suggesting close names.

    >>> lookup("central-asia").name
    'Central Asia'
    """
    if not isinstance(name, str):
        raise ValidationError("Region", "name", name, "is not a region's name (a str)")
    region = _BY_NAME.get(_normal(name))
    if region is None:
        import difflib  # noqa: PLC0415 - only for the error message

        close = difflib.get_close_matches(_normal(name), list(_BY_NAME), n=6)
        suggestions = list(dict.fromkeys(_BY_NAME[found].name for found in close))[:3]
        suggestions = suggestions or sorted(region.name for region in ALL)  # they are few
        raise NotFoundError("region", name, "dronemarket.regions", suggestions)
    return region
