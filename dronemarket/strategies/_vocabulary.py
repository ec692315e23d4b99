"""Vocabulary: the names, titles, publishers, units and other short lists strategies draw from."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

from dronemarket.parties import OrgKind
from dronemarket.sources import Confidence
from dronemarket.units import Dimension

Precision = Literal["year", "month", "day"]
CountKind = Literal["exact", "about", "between", "at_least", "up_to"]

DEFAULT_MIN_YEAR: Final = 1990
"""The earliest year the date strategies draw unless told otherwise."""
DEFAULT_MAX_YEAR: Final = 2030
"""The latest year the date strategies draw unless told otherwise."""

COUNTRY_CODES: Final = (
    "TUR", "KAZ", "USA", "CHN", "ISR", "IRN", "RUS", "UKR", "KGZ", "TJK", "UZB", "TKM",
    "AZE", "PAK", "IND", "ARE", "SAU", "QAT", "POL", "DEU", "ITA", "FRA", "GBR", "BLR",
    "ETH", "MAR", "NGA", "IDN",
)  # fmt: skip
"""The countries :func:`countries` draws from by default: makers and buyers of drones."""

FORMER_CODES: Final = ("SUN", "CSK", "YUG", "DDR", "YMD")
"""Former states (ISO 3166-3) :func:`parties` draws from: SIPRI's Soviet Union, GDR, ..."""

_TERRITORY_NAMES: Final = ("Kosovo", "Northern Cyprus", "Biafra", "Katanga", "North Yemen")
_GROUP_NAMES: Final = ("Houthi rebels", "Hezbollah", "Hamas", "RSF", "unknown rebel group")
_GROUP_PLACES: Final = ("", "Israel/Palestine")
_MULTINATIONAL_NAMES: Final = (
    "NATO",
    "United Nations",
    "African Union",
    "European Union",
    "OSCE",
    "Regional Security System",
)

DRAWN_UNITS: Final[Mapping[Dimension, tuple[str, ...]]] = {
    Dimension.LENGTH: ("m", "ft", "km"),
    Dimension.MASS: ("kg", "lb", "t"),
    Dimension.DURATION: ("h", "min"),
    Dimension.SPEED: ("km/h", "kn", "m/s"),
    Dimension.POWER: ("hp", "kW"),
}
"""The units :func:`quantities` draws values in, per dimension, simplest first.

Not to be confused with ``dronemarket.catalog.UNITS``, the unit systems
(published, metric, imperial) the catalog's overview displays.
"""

# The units each spec is published in, in practice; simplest first. Used until
# SPEC_FIELDS gives them (see _quantities._spec_units).
_FIELD_UNITS: Final[Mapping[str, tuple[str, ...]]] = {
    "wingspan": ("m", "ft"),
    "length": ("m", "ft"),
    "mtow": ("kg", "lb", "t"),
    "empty_mass": ("kg", "lb", "t"),
    "payload": ("kg", "lb"),
    "warhead": ("kg", "lb"),
    "endurance": ("h", "min"),
    "ceiling": ("m", "ft", "km"),
    "range": ("km", "m"),
    "combat_radius": ("km", "m"),
    "datalink_range": ("km", "m"),
    "cruise_speed": ("km/h", "kn", "m/s"),
    "max_speed": ("km/h", "kn", "m/s"),
    "engine_power": ("hp", "kW"),
}

_PRECISIONS: Final[tuple[Precision, ...]] = ("year", "month", "day")
_COUNT_KINDS: Final[tuple[CountKind, ...]] = ("exact", "about", "between", "at_least", "up_to")
_MAX_PLACES: Final = 9  # the most decimal places a drawn magnitude has
_SIGNIFICANT: Final = 3  # drawn magnitudes keep at most this many significant digits

_ORG_NAMES: Final[Mapping[OrgKind, tuple[str, ...]]] = {
    OrgKind.MANUFACTURER: (
        "Sky Dynamics", "Falcon Aerospace", "Kestrel Systems", "Vector Aviation",
        "Nova Unmanned", "Orbit Aero", "Griffin Defence", "Steppe Aviation Works",
    ),
    OrgKind.STATE_AGENCY: (
        "{country} Ministry of Defence", "{country} Defence Export Agency",
        "{country} Procurement Agency",
    ),
    OrgKind.ARMED_FORCES: (
        "{country} Air Force", "{country} Army", "{country} Navy", "{country} National Guard",
    ),
    OrgKind.INTERMEDIARY: (
        "Vertex Trading", "Meridian Trade House", "Polar Logistics", "Atlas Supply",
    ),
    OrgKind.RESEARCH_INSTITUTE: (
        "{country} Aviation Research Institute", "Institute of Flight Systems",
    ),
    OrgKind.NON_STATE_GROUP: ("Northern Militia", "Mountain Brigade", "Coastal Front"),
}  # fmt: skip
_PLATFORM_WORDS: Final = (
    "Falcon", "Kestrel", "Harrier", "Condor", "Albatross", "Heron", "Swift", "Merlin",
    "Osprey", "Petrel", "Buzzard", "Shrike", "Tern", "Gannet", "Skua", "Lark",
)  # fmt: skip
_VARIANT_SUFFIXES: Final = ("A", "B", "M", "Block 2")
_TITLES: Final = (
    "Drone deal reported",
    "Ministry confirms drone purchase",
    "First drones delivered",
    "Talks on drone sale under way",
    "Drone factory opens",
    "Sanctions target drone suppliers",
    "Technical specifications",
)
_PUBLISHERS: Final = (
    "Reuters", "Defense News", "Janes", "SIPRI", "Army Technology", "Daily Sabah",
    "Eurasianet", "Der Spiegel",
)  # fmt: skip
_LANGUAGES: Final = ("en", "de", "it", "fr", "ru", "tr")
_NOTES: Final = ("", "Figures from the manufacturer.", "Reported by one source only.")
_FIGURE_NOTES: Final = ("", "export variant", "manufacturer's figure")
_PERSONS: Final = ("Ivan Petrov", "Ali Karimov", "Chen Wei")
_PROGRAMS: Final = ("OFAC SDN list", "EU Council Regulation 269/2014", "UK sanctions list")
_FACILITIES: Final = ("Main plant", "Assembly plant", "Dushanbe", "Kazan")
_CURRENCIES: Final = ("USD", "EUR", "TRY", "RUB", "CNY", "GBP", "ILS", "KZT")
_CONFIDENCES: Final = (
    Confidence.REPORTED,
    Confidence.UNCONFIRMED,
    Confidence.CONFIRMED,
    Confidence.DENIED,
)
