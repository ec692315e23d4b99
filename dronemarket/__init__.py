"""Typed, validated, unit-aware models of the international military drone market.

>>> import dronemarket as dm
>>> tb2 = dm.Platform(
...     "Bayraktar TB2",
...     manufacturer=dm.Organization(
...         "Baykar", country=dm.Country("TUR"), kind=dm.OrgKind.MANUFACTURER
...     ),
...     category=dm.Category.MALE,
...     specs=dm.Specs(mtow="650 kg", ceiling="25,000 ft"),
... )
>>> tb2.specs.ceiling
<Quantity(25000, 'foot')>
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from dronemarket import units
from dronemarket.dates import PartialDate
from dronemarket.deals import Condition, Count, Deal, DealStatus, Delivery, DeliverySpan, Money, Tiv
from dronemarket.errors import (
    DroneMarketError,
    NotFoundError,
    StructureError,
    UnitError,
    UnknownCodeError,
    ValidationError,
)
from dronemarket.parties import (
    ArmedGroup,
    Country,
    Multinational,
    Organization,
    OrgKind,
    Party,
    PartyKind,
    Recipient,
    Sanction,
    SanctionAuthority,
    Statement,
    Supplier,
    Territory,
)
from dronemarket.platforms import (
    SPEC_FIELDS,
    Category,
    Figure,
    Platform,
    Reported,
    Role,
    SpecField,
    Specs,
)
from dronemarket.sources import Confidence, Source
from dronemarket.units import Dimension, Quantity

if TYPE_CHECKING:
    from dronemarket import catalog, regions, tables
    from dronemarket import serialization as _serialization
    from dronemarket._display import describe
    from dronemarket.classification import (
        Classification,
        DodGroup,
        Evidence,
        MtcrCategory,
        NatoClass,
        NatoSubclass,
        Scheme,
        Verdict,
        classify,
    )
    from dronemarket.cooperation import Cooperation, CooperationKind
    from dronemarket.market import Concentration, Edge, Market, Share, Shares, Tally, YearTally
    from dronemarket.production import Arrangement, LicensedProduction, ProductionStatus

    # The serializer's entry points, as _LAZY below finds them at run time.
    LoadResult = _serialization.LoadResult
    Rejected = _serialization.Rejected
    json_schema = _serialization.json_schema
    load_records = _serialization.load_records
    make_converter = _serialization.make_converter
    structure = _serialization.structure
    unstructure = _serialization.unstructure

# Submodules and names imported on first use, to keep `import dronemarket` light:
# the catalog, the market, the classification and the serializer each cost
# milliseconds of class building that most programs need only some of.
_LAZY: dict[str, str] = {
    "Arrangement": "dronemarket.production",
    "catalog": "dronemarket.catalog",
    "Classification": "dronemarket.classification",
    "classify": "dronemarket.classification",
    "Concentration": "dronemarket.market",
    "Cooperation": "dronemarket.cooperation",
    "CooperationKind": "dronemarket.cooperation",
    "describe": "dronemarket._display",
    "DodGroup": "dronemarket.classification",
    "Edge": "dronemarket.market",
    "Evidence": "dronemarket.classification",
    "json_schema": "dronemarket.serialization",
    "LicensedProduction": "dronemarket.production",
    "load_records": "dronemarket.serialization",
    "LoadResult": "dronemarket.serialization",
    "make_converter": "dronemarket.serialization",
    "Market": "dronemarket.market",
    "MtcrCategory": "dronemarket.classification",
    "NatoClass": "dronemarket.classification",
    "NatoSubclass": "dronemarket.classification",
    "ProductionStatus": "dronemarket.production",
    "regions": "dronemarket.regions",
    "Rejected": "dronemarket.serialization",
    "Scheme": "dronemarket.classification",
    "Share": "dronemarket.market",
    "Shares": "dronemarket.market",
    "structure": "dronemarket.serialization",
    "tables": "dronemarket.tables",
    "Tally": "dronemarket.market",
    "unstructure": "dronemarket.serialization",
    "Verdict": "dronemarket.classification",
    "YearTally": "dronemarket.market",
}


def __getattr__(name: str) -> Any:  # noqa: ANN401 - PEP 562 lazy import
    module_name = _LAZY.get(name)
    if module_name is None:
        message = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(message)
    module = importlib.import_module(module_name)
    value = module if module_name.endswith("." + name) else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__version__ = "0.1.0.dev0"

__all__ = [
    "SPEC_FIELDS",
    "ArmedGroup",
    "Arrangement",
    "Category",
    "Classification",
    "Concentration",
    "Condition",
    "Confidence",
    "Cooperation",
    "CooperationKind",
    "Count",
    "Country",
    "Deal",
    "DealStatus",
    "Delivery",
    "DeliverySpan",
    "Dimension",
    "DodGroup",
    "DroneMarketError",
    "Edge",
    "Evidence",
    "Figure",
    "LicensedProduction",
    "LoadResult",
    "Market",
    "Money",
    "MtcrCategory",
    "Multinational",
    "NatoClass",
    "NatoSubclass",
    "NotFoundError",
    "OrgKind",
    "Organization",
    "PartialDate",
    "Party",
    "PartyKind",
    "Platform",
    "ProductionStatus",
    "Quantity",
    "Recipient",
    "Rejected",
    "Reported",
    "Role",
    "Sanction",
    "SanctionAuthority",
    "Scheme",
    "Share",
    "Shares",
    "Source",
    "SpecField",
    "Specs",
    "Statement",
    "StructureError",
    "Supplier",
    "Tally",
    "Territory",
    "Tiv",
    "UnitError",
    "UnknownCodeError",
    "ValidationError",
    "Verdict",
    "YearTally",
    "__version__",
    "catalog",
    "classify",
    "describe",
    "json_schema",
    "load_records",
    "make_converter",
    "regions",
    "structure",
    "tables",
    "units",
    "unstructure",
]
