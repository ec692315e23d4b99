"""The built-in catalog: every drone-market fact in the seed articles, cited.

Nothing is built at import; :func:`market` builds the catalog on first call
and returns the same immutable :class:`~dronemarket.Market` after that.

>>> import dronemarket as dm
>>> market = dm.catalog.market()
>>> tb2 = dm.catalog.platform("Bayraktar TB-2")
>>> tb2.name, dm.catalog.platform("tb2") is tb2
('Bayraktar TB2', True)
>>> [str(report) for report in tb2.specs.reported("mtow")]
['650 kg (C4Defence)', '650 kg (TERAZ.sk (TASR))', '630 kg (Army Recognition)', '630 kg (Webtekno)']
>>> dm.catalog.organization("TUSAS").name
'Turkish Aerospace'

Every record cites its sources; the seed articles are ``seed-000`` to
``seed-004``:

>>> factory = dm.catalog.record("irn-tjk-ababil-2-2022-05-17")
>>> dm.catalog.source("seed-000") in factory.sources
True

Visits, meetings, budgets and proposals are cooperation records, by id:

>>> meeting = dm.catalog.cooperation()["meeting-jpn-tur-2025-08-19"]
>>> meeting.kind.value, str(meeting.start), [p.name for p in meeting.platforms]
('meeting', '2025-08-19', ['Bayraktar TB2'])
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING

from dronemarket.catalog._cooperation import cooperation
from dronemarket.catalog._deals import deals
from dronemarket.catalog._gaps import ASSUMPTIONS, GAPS, Assumption, Gap
from dronemarket.catalog._organizations import organizations
from dronemarket.catalog._overview import UNITS, overview
from dronemarket.catalog._platforms import platforms
from dronemarket.catalog._production import production
from dronemarket.catalog._sanctions import sanctions
from dronemarket.catalog._sources import SEEDS, sources
from dronemarket.market import name_key
from dronemarket.parties import Organization
from dronemarket.platforms import Platform

if TYPE_CHECKING:
    from dronemarket.deals import Deal
    from dronemarket.market import Market
    from dronemarket.parties import Sanction
    from dronemarket.production import LicensedProduction
    from dronemarket.sources import Source

__all__ = [
    "ASSUMPTIONS",
    "GAPS",
    "SEEDS",
    "UNITS",
    "Assumption",
    "Gap",
    "cooperation",
    "lookup",
    "market",
    "normalize",
    "organization",
    "overview",
    "platform",
    "record",
    "sanction",
    "sanctions",
    "source",
    "sources",
]


@functools.cache
def market() -> Market:
    """Return the built-in market: every platform, organization, record and sanction.

    The records are the deals, the production abroad and the cooperation.

    Built on the first call, then memoized; the Market is immutable.
    """
    from dronemarket.market import Market  # noqa: PLC0415 - keeps `import dronemarket` light

    return Market(
        platforms=platforms().values(),
        organizations=organizations().values(),
        deals=deals().values(),
        production=production().values(),
        sanctions=sanctions().values(),
        cooperation=cooperation().values(),
    )


normalize = name_key
"""Return the form names are compared in (the market's :func:`~dronemarket.market.name_key`)."""


@functools.cache
def _index() -> Mapping[str, Platform | Organization]:
    index: dict[str, Platform | Organization] = {}
    things: list[Platform | Organization] = [*platforms().values(), *organizations().values()]
    for thing in things:
        for name in {thing.name, *thing.aliases}:
            index.setdefault(normalize(name), thing)
    return index


def lookup(name: str) -> Platform | Organization:
    """Return the platform or organization called `name` or one of its aliases.

    Case, accents, spaces and punctuation do not matter (``"tb2"``,
    ``"Bayraktar TB-2"``, ``"tusas"``). An unknown name raises
    :class:`KeyError`, suggesting close names.
    """
    found = _index().get(normalize(str(name)))
    if found is None:
        import difflib  # noqa: PLC0415 - only for the error message; keeps the import light

        close = difflib.get_close_matches(normalize(str(name)), list(_index()), n=3)
        hint = f"; did you mean {', '.join(_index()[key].name for key in close)}?" if close else ""
        message = f"no platform or organization in the catalog is called {name!r}{hint}"
        raise KeyError(message)
    return found


def platform(name: str) -> Platform:
    """Return the platform called `name` or one of its aliases (as :func:`lookup` matches).

    >>> platform("geran-2").name
    'Shahed-136'
    """
    found = lookup(name)
    if not isinstance(found, Platform):
        message = f"{name!r} is an organization, not a platform"
        raise KeyError(message)
    return found


def organization(name: str) -> Organization:
    """Return the organization called `name` or one of its aliases (as :func:`lookup` matches).

    >>> organization("tsk vektor").kind.value
    'intermediary'
    """
    found = lookup(name)
    if not isinstance(found, Organization):
        message = f"{name!r} is a platform, not an organization"
        raise KeyError(message)
    return found


def record(record_id: str) -> Deal | LicensedProduction:
    """Return the deal or production record with id `record_id`."""
    found = deals().get(record_id) or production().get(record_id)
    if found is None:
        message = f"no deal or production record in the catalog has the id {record_id!r}"
        raise KeyError(message)
    return found


def sanction(key: str) -> Sanction:
    """Return the sanction with key `key` (``"us-tsk-vektor"``)."""
    return sanctions()[key]


def source(key: str) -> Source:
    """Return the source with key `key`: ``"seed-000"`` ... ``"seed-004"``, ``"S2"``, ..."""
    return sources()[key]
