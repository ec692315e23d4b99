"""Gathering records and everything they refer to, for :meth:`Market.of`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dronemarket.cooperation import Cooperation
from dronemarket.deals import Deal
from dronemarket.market._checks import fail, statement_orgs
from dronemarket.parties import Organization, Sanction
from dronemarket.platforms import Platform
from dronemarket.production import LicensedProduction

__all__ = ["gather"]


def gather(  # noqa: C901, PLR0912 - one branch per kind of record
    records: Iterable[Deal | LicensedProduction | Sanction | Cooperation | Platform | Organization],
) -> dict[str, Any]:
    """Return `records` by collection, with every platform and organization they refer to.

    The keys are :class:`Market`'s collections; equal records given twice
    are kept once, in the order first given.
    """
    platforms: dict[Platform, None] = {}
    orgs: dict[Organization, None] = {}
    deals: dict[Deal, None] = {}
    production: dict[LicensedProduction, None] = {}
    sanctions: dict[Sanction, None] = {}
    cooperation: dict[Cooperation, None] = {}

    def add_org(org: Organization | None) -> None:
        if org is not None:
            orgs.setdefault(org)

    def add_platform(platform: Platform) -> None:
        for one in (platform, *platform.lineage()):
            platforms.setdefault(one)
            add_org(one.manufacturer)

    for record in records:
        if type(record) is Deal:  # the common case, cheaply: a platform is added once
            deals.setdefault(record)
            if record.platform not in platforms:
                add_platform(record.platform)
            if (
                record.supplier.manufacturer is not None
                or record.intermediaries
                or record.recipient.end_user is not None
                or record.statements
            ):
                for org in (*record.organizations, *statement_orgs(record.statements)):
                    add_org(org)
        elif isinstance(record, Deal):
            deals.setdefault(record)
            add_platform(record.platform)
            for org in (*record.organizations, *statement_orgs(record.statements)):
                add_org(org)
        elif isinstance(record, LicensedProduction):
            production.setdefault(record)
            add_platform(record.platform)
            add_org(record.licensor.manufacturer)
            add_org(record.licensee)
            for org in statement_orgs(record.statements):
                add_org(org)
        elif isinstance(record, Sanction):
            sanctions.setdefault(record)
            if isinstance(record.target, Organization):
                add_org(record.target)
        elif isinstance(record, Cooperation):
            cooperation.setdefault(record)
            for platform in record.platforms:
                add_platform(platform)
            for org in (*record.organizations, *statement_orgs(record.statements)):
                add_org(org)
        elif isinstance(record, Platform):
            add_platform(record)
        elif isinstance(record, Organization):
            add_org(record)
        else:
            raise fail("records", record, "is not a market record")
    return {
        "platforms": platforms,
        "organizations": orgs,
        "deals": deals,
        "production": production,
        "sanctions": sanctions,
        "cooperation": cooperation,
    }
