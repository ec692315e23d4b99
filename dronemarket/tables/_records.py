"""The columns of the production, cooperation, sanctions and platforms tables."""

from __future__ import annotations

from collections.abc import Sequence

from dronemarket.cooperation import Cooperation
from dronemarket.parties import Country, Organization, Sanction
from dronemarket.platforms import Platform
from dronemarket.production import LicensedProduction
from dronemarket.specs import SPEC_FIELDS
from dronemarket.tables._fill import (
    Columns,
    count_figures,
    dates,
    enum_values,
    figure_columns,
    first_source,
    money_columns,
    name_of,
    party_info,
    split,
)
from dronemarket.units import si_magnitude, unit_label

__all__ = ["cooperation_columns", "platform_columns", "production_columns", "sanction_columns"]


def production_columns(records: Sequence[LicensedProduction]) -> Columns:
    """Return the columns of the production table for `records`, in the table's order."""
    l_code, l_name, l_kind = split([party_info(r.licensor.party) for r in records], 3)
    columns: Columns = {
        "id": [r.id for r in records],
        "platform": [r.platform.name for r in records],
        "manufacturer": [name_of(r.platform.manufacturer) for r in records],
        "licensor_code": l_code,
        "licensor_name": l_name,
        "licensor_kind": l_kind,
        "licensor_company": [name_of(r.licensor.manufacturer) for r in records],
        "host_code": [r.host.code for r in records],
        "host_name": [r.host.name for r in records],
        "arrangement": enum_values([r.arrangement for r in records]),
        "status": enum_values([r.status for r in records]),
        "licensee": [name_of(r.licensee) for r in records],
        "facility": [r.facility for r in records],
        "year": [r.year for r in records],
    }
    for name in ("announced", "agreed", "started"):
        day, precision = dates([getattr(r, name) for r in records])
        columns[name], columns[f"{name}_precision"] = day, precision
    columns.update(figure_columns("planned", [count_figures(r.planned) for r in records]))
    columns.update(figure_columns("produced", [count_figures(r.produced) for r in records]))
    columns.update(_record_columns(records))
    return columns


def _record_columns(records: Sequence[LicensedProduction | Cooperation]) -> Columns:
    sources = [r.sources for r in records]
    return {
        "confidence": enum_values([r.confidence for r in records]),
        "sources": list(map(len, sources)),
        "source": first_source(sources),
    }


def _party_name(party: Organization | Country) -> str:
    return party.code if isinstance(party, Country) else party.name


def cooperation_columns(records: Sequence[Cooperation]) -> Columns:
    """Return the columns of the cooperation table for `records`, in the table's order."""
    start, start_precision = dates([r.start for r in records])
    end, end_precision = dates([r.end for r in records])
    return {
        "id": [r.id for r in records],
        "kind": enum_values([r.kind for r in records]),
        "summary": [r.summary for r in records],
        "parties": [[_party_name(party) for party in r.parties] for r in records],
        "countries": [[country.code for country in r.countries] for r in records],
        "platforms": [[platform.name for platform in r.platforms] for r in records],
        "year": [r.year for r in records],
        "start": start,
        "start_precision": start_precision,
        "end": end,
        "end_precision": end_precision,
        **money_columns([r.value for r in records]),
        **_record_columns(records),
    }


def sanction_columns(sanctions: Sequence[Sanction]) -> Columns:
    """Return the columns of the sanctions table, in the table's order."""
    imposed, imposed_precision = dates([s.imposed for s in sanctions])
    targets = [s.target for s in sanctions]
    sources = [s.sources for s in sanctions]
    return {
        "authority": enum_values([s.authority for s in sanctions]),
        "target": [s.target_name for s in sanctions],
        "target_kind": [
            "organization" if isinstance(target, Organization) else "person" for target in targets
        ],
        "target_country": [
            target.country.code if isinstance(target, Organization) else None for target in targets
        ],
        "imposed": imposed,
        "imposed_precision": imposed_precision,
        "program": [s.program for s in sanctions],
        "sources": list(map(len, sources)),
        "source": first_source(sources),
    }


def platform_columns(platforms: Sequence[Platform]) -> Columns:
    """Return the columns of the platforms table, in the table's order.

    Each spec gives its preferred value in SI units and as published (the
    magnitude and its unit), and whether the sources disagree on it.
    """
    columns: Columns = {
        "name": [p.name for p in platforms],
        "manufacturer": [name_of(p.manufacturer) for p in platforms],
        "manufacturer_country": [
            None if p.manufacturer is None else p.manufacturer.country.code for p in platforms
        ],
        "category": enum_values([p.category for p in platforms]),
        "roles": [sorted(role.value for role in p.roles) for p in platforms],
        "aliases": [sorted(p.aliases) for p in platforms],
    }
    for name in ("first_flight", "in_service"):
        day, precision = dates([getattr(p, name) for p in platforms])
        columns[name], columns[f"{name}_precision"] = day, precision
    columns["variant_of"] = [None if p.variant_of is None else p.variant_of.name for p in platforms]
    columns["derived_from"] = [
        None if p.derived_from is None else p.derived_from.name for p in platforms
    ]
    columns["sources"] = [len(p.sources) for p in platforms]
    known = [p.specs.known() for p in platforms]
    disputed = [frozenset(p.specs.disputed) for p in platforms]
    for name in SPEC_FIELDS:
        values = [found.get(name) for found in known]
        columns[f"{name}_si"] = [None if q is None else si_magnitude(q) for q in values]
        columns[f"{name}_value"] = [None if q is None else float(q.magnitude) for q in values]
        columns[f"{name}_unit"] = [None if q is None else unit_label(q) for q in values]
        columns[f"{name}_disputed"] = [
            None if q is None else name in found for q, found in zip(values, disputed, strict=True)
        ]
    return columns
