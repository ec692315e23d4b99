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

from dronemarket import catalog, regions, units
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
from dronemarket.dates import PartialDate
from dronemarket.deals import Count, Deal, DealStatus, Delivery, Money
from dronemarket.errors import (
    DroneMarketError,
    StructureError,
    UnitError,
    UnknownCodeError,
    ValidationError,
)
from dronemarket.market import Concentration, Edge, Market, Share, Shares, Tally, YearTally
from dronemarket.parties import (
    Country,
    Organization,
    OrgKind,
    Recipient,
    Sanction,
    SanctionAuthority,
    Statement,
    Supplier,
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
from dronemarket.production import Arrangement, LicensedProduction, ProductionStatus
from dronemarket.serialization import (
    LoadResult,
    Rejected,
    json_schema,
    load_records,
    make_converter,
    structure,
    unstructure,
)
from dronemarket.sources import Confidence, Source
from dronemarket.units import Dimension, Quantity

__version__ = "0.1.0.dev0"

__all__ = [
    "SPEC_FIELDS",
    "Arrangement",
    "Category",
    "Classification",
    "Concentration",
    "Confidence",
    "Cooperation",
    "CooperationKind",
    "Count",
    "Country",
    "Deal",
    "DealStatus",
    "Delivery",
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
    "NatoClass",
    "NatoSubclass",
    "OrgKind",
    "Organization",
    "PartialDate",
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
    "UnitError",
    "UnknownCodeError",
    "ValidationError",
    "Verdict",
    "YearTally",
    "__version__",
    "catalog",
    "classify",
    "json_schema",
    "load_records",
    "make_converter",
    "regions",
    "structure",
    "units",
    "unstructure",
]
