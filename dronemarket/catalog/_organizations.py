"""The catalog's organizations: manufacturers, state agencies, armed forces, intermediaries."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

from dronemarket.parties import Country, Organization, OrgKind

__all__ = ["organizations"]

_M = OrgKind.MANUFACTURER
_S = OrgKind.STATE_AGENCY
_A = OrgKind.ARMED_FORCES
_I = OrgKind.INTERMEDIARY
_G = OrgKind.NON_STATE_GROUP

# Each row holds the name, then the country code, the kind and the aliases.
_ROWS: dict[str, tuple[str, OrgKind, tuple[str, ...]]] = {
    # Manufacturers
    "Baykar": ("TUR", _M, ("Baykar Makina", "Baykar Technologies")),
    "Turkish Aerospace": (
        "TUR",
        _M,
        ("TUSAŞ", "TUSAS", "TAI", "Turkish Aerospace Industries"),
    ),
    "STM": ("TUR", _M, ("Savunma Teknolojileri Mühendislik ve Ticaret A.Ş.",)),
    "HESA": ("IRN", _M, ("Iran Aircraft Manufacturing Industrial Company",)),
    "IEMZ Kupol": (
        "RUS",
        _M,
        ("Kupol", "AO IEMZ Kupol", "Izhevsk Electromechanical Plant Kupol"),
    ),
    "CASC": ("CHN", _M, ("China Aerospace Science and Technology Corporation",)),
    "AVIC": ("CHN", _M, ("Aviation Industry Corporation of China",)),
    "Chengdu Aircraft Industry Group": ("CHN", _M, ("CAIG", "CAC", "AVIC Chengdu")),
    "Sichuan AEE": ("CHN", _M, ("AEE",)),
    "Xiamen Limbach": ("CHN", _M, ("Xiamen Limbach Aircraft Engine Co.",)),
    "Kazakhstan Engineering": ("KAZ", _M, ("Kazakhstan Engineering JSC",)),
    # State agencies
    "Ukrspetsexport": ("UKR", _S, ()),
    "Ministry of Defence of Kazakhstan": ("KAZ", _S, ("Kazakh Ministry of Defence",)),
    "Ministry of National Defence of Türkiye": (
        "TUR",
        _S,
        ("Turkish Ministry of National Defence", "Turkish Ministry of Defence", "MSB"),
    ),
    "Ministry of Defense of Japan": ("JPN", _S, ("Japanese Ministry of Defense",)),
    "Ministry of Foreign Affairs of China": (
        "CHN",
        _S,
        ("Chinese foreign ministry", "China's foreign ministry"),
    ),
    "Ministry of Defence of Russia": ("RUS", _S, ("Russian defence ministry",)),
    "Ministry of National Defence of Poland": ("POL", _S, ("Polish Ministry of Defence",)),
    "State Committee for National Security of Kyrgyzstan": ("KGZ", _S, ("GKNB",)),
    "Government of National Accord": ("LBY", _S, ("GNA",)),
    # Armed forces
    "Turkish Armed Forces": ("TUR", _A, ("TSK",)),
    "Armed Forces of Ukraine": ("UKR", _A, ()),
    "Japan Self-Defense Forces": ("JPN", _A, ("JSDF",)),
    "Japan Maritime Self-Defense Force": ("JPN", _A, ("JMSDF",)),
    "Serbian Air Force and Air Defence": ("SRB", _A, ()),
    # Intermediaries
    "TSK Vektor": ("RUS", _I, ("TSK Vektor OOO", "TSK Vector")),
    # Non-state groups
    "Libyan National Army": ("LBY", _G, ("LNA",)),
}


@functools.cache
def organizations() -> Mapping[str, Organization]:
    """Return every organization of the catalog, by name (built on first call)."""
    return MappingProxyType(
        {
            name: Organization(name, country=Country(code), kind=kind, aliases=aliases)
            for name, (code, kind, aliases) in _ROWS.items()
        }
    )
