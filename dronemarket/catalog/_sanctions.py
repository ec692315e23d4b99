"""The catalog's sanctions: on the intermediary, the maker and the suppliers of Kupol's drones."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

from dronemarket.catalog._organizations import organizations
from dronemarket.catalog._sources import sources
from dronemarket.dates import PartialDate
from dronemarket.parties import Sanction, SanctionAuthority

__all__ = ["sanctions"]

_OFAC = "OFAC SDN list (Russia-related, E.O. 14024)"


@functools.cache
def sanctions() -> Mapping[str, Sanction]:
    """Return every sanction of the catalog, by a stable key (built on first call)."""
    org, src = organizations(), sources()
    us, eu = SanctionAuthority.US, SanctionAuthority.EU
    made = {
        "us-tsk-vektor": Sanction(
            us,
            target=org["TSK Vektor"],
            imposed=PartialDate(2023, 12),
            program=_OFAC,
            sources=(src["seed-003"], src["idntimes-2024-10"], src["hoganlovells-2024-11"]),
        ),
        "eu-tsk-vektor": Sanction(
            eu,
            target=org["TSK Vektor"],
            sources=(src["seed-003"], src["ukrpravda-2025-09-25"]),
        ),
        "us-iemz-kupol": Sanction(
            us,
            target=org["IEMZ Kupol"],
            program=_OFAC,
            sources=(src["seed-003"], src["hoganlovells-2024-11"]),
        ),
        "us-xiamen-limbach": Sanction(
            us,
            target=org["Xiamen Limbach"],
            imposed=PartialDate(2024, 10, 17),
            program=_OFAC,
            sources=(src["hoganlovells-2024-11"],),
        ),
        "us-artem-yamshchikov": Sanction(
            us,
            target="Artem Mikhailovich Yamshchikov",
            imposed=PartialDate(2024, 10, 17),
            program=_OFAC,
            sources=(src["hoganlovells-2024-11"],),
        ),
    }
    return MappingProxyType(made)
