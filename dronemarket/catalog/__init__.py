"""The built-in catalog: every drone-market fact in the seed articles, cited.

Nothing is built at import; :func:`market` builds the catalog on first call
(once, even when several threads ask at the same moment) and returns the
same immutable :class:`~dronemarket.Market` after that. The module offers
the accessors of a Market, delegating to :func:`market`: ``platforms()``,
``organizations()``, ``deals(...)``, ``production(...)``,
``cooperation(...)``, ``sanctions()``, ``platform``, ``organization``,
``record``, ``suppliers_of``, ``recipients_of``, ``platforms_of``,
``sanctions_on``, ``sanctioned_parties``, ``share``, ``concentration``,
``timeline``, ``network`` and ``to_records``. A lookup that finds nothing
raises :class:`~dronemarket.NotFoundError`, suggesting close names.

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

>>> meeting = dm.catalog.record("meeting-jpn-tur-2025-08-19")
>>> meeting.kind.value, str(meeting.start), [p.name for p in meeting.platforms]
('meeting', '2025-08-19', ['Bayraktar TB2'])

The queries of a Market work on the module:

>>> len(dm.catalog.deals(supplier="TUR", platform=["TB2", "TB3"])) > 0
True
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Unpack

from dronemarket import _validate as v
from dronemarket.catalog._cooperation import cooperation as _cooperation_data
from dronemarket.catalog._deals import deals as _deals_data
from dronemarket.catalog._gaps import ASSUMPTIONS, GAPS, Assumption, Gap
from dronemarket.catalog._organizations import organizations as _organizations_data
from dronemarket.catalog._overview import UNITS, overview
from dronemarket.catalog._platforms import platforms as _platforms_data
from dronemarket.catalog._production import production as _production_data
from dronemarket.catalog._sanctions import sanctions as _sanctions_data
from dronemarket.catalog._sources import SEEDS, sources
from dronemarket.errors import NotFoundError
from dronemarket.parties import Organization
from dronemarket.platforms import Platform

if TYPE_CHECKING:
    from collections.abc import Iterable

    from dronemarket.cooperation import Cooperation
    from dronemarket.deals import Deal
    from dronemarket.market import (
        Concentration,
        CooperationFilters,
        DealFilters,
        Edge,
        Market,
        ProductionFilters,
        Shares,
        YearTally,
    )
    from dronemarket.parties import Country, Sanction
    from dronemarket.production import LicensedProduction
    from dronemarket.sources import Source

__all__ = [
    "ASSUMPTIONS",
    "GAPS",
    "SEEDS",
    "UNITS",
    "Assumption",
    "Gap",
    "concentration",
    "cooperation",
    "deals",
    "lookup",
    "market",
    "network",
    "organization",
    "organizations",
    "overview",
    "platform",
    "platforms",
    "platforms_of",
    "production",
    "recipients_of",
    "record",
    "sanction",
    "sanctioned_parties",
    "sanctions",
    "sanctions_by_key",
    "sanctions_on",
    "share",
    "source",
    "sources",
    "suppliers_of",
    "timeline",
    "to_records",
]

_LOCK = threading.Lock()
_BUILT: list[Market] = []  # the memo: empty until the first call builds the market


def market() -> Market:
    """Return the built-in market: every platform, organization, record and sanction.

    The records are the deals, the production abroad and the cooperation.

    Built on the first call, once even under concurrent first calls, then
    memoized; the Market is immutable.
    """
    if _BUILT:
        return _BUILT[0]
    with _LOCK:
        if not _BUILT:
            from dronemarket.market import Market  # noqa: PLC0415 - keeps `import dronemarket` light

            _BUILT.append(
                Market(
                    platforms=_platforms_data().values(),
                    organizations=_organizations_data().values(),
                    deals=_deals_data().values(),
                    production=_production_data().values(),
                    sanctions=_sanctions_data().values(),
                    cooperation=_cooperation_data().values(),
                )
            )
    return _BUILT[0]


# --- the accessors of a Market, on the built-in market --------------------------------


def platforms() -> tuple[Platform, ...]:
    """Return every platform of the catalog (``market().platforms``)."""
    return market().platforms


def organizations() -> tuple[Organization, ...]:
    """Return every organization of the catalog (``market().organizations``)."""
    return market().organizations


def deals(**filters: Unpack[DealFilters]) -> tuple[Deal, ...]:
    """Return the catalog's deals matching every filter (``market().deals(...)``)."""
    return market().deals(**filters)


def production(**filters: Unpack[ProductionFilters]) -> tuple[LicensedProduction, ...]:
    """Return the catalog's production records matching every filter (``market().production``)."""
    return market().production(**filters)


def cooperation(**filters: Unpack[CooperationFilters]) -> tuple[Cooperation, ...]:
    """Return the catalog's cooperation records matching every filter (``market().cooperation``)."""
    return market().cooperation(**filters)


def sanctions() -> tuple[Sanction, ...]:
    """Return every sanction of the catalog (``market().sanctions``)."""
    return market().sanctions


def platform(name: str | Platform) -> Platform:
    """Return the platform called `name` or one of its aliases (``market().platform``).

    >>> platform("geran-2").name
    'Shahed-136'
    """
    return market().platform(name)


def organization(name: str | Organization) -> Organization:
    """Return the organization called `name` or one of its aliases (``market().organization``).

    >>> organization("tsk vektor").kind.value
    'intermediary'
    """
    return market().organization(name)


def record(record_id: str) -> Deal | LicensedProduction | Cooperation:
    """Return the deal, production or cooperation record with id `record_id`."""
    return market().record(record_id)


def suppliers_of(recipient: Country | str) -> tuple[Country, ...]:
    """Return the countries that supply `recipient` (``market().suppliers_of``)."""
    return market().suppliers_of(recipient)


def recipients_of(supplier: Country | str) -> tuple[Country, ...]:
    """Return the countries `supplier` supplies (``market().recipients_of``)."""
    return market().recipients_of(supplier)


def platforms_of(country: Country | str) -> tuple[Platform, ...]:
    """Return the platforms `country` operates or has ordered (``market().platforms_of``)."""
    return market().platforms_of(country)


def sanctions_on(
    organization: Organization | str | Iterable[Organization | str],
) -> tuple[Sanction, ...]:
    """Return the sanctions against `organization` (``market().sanctions_on``)."""
    return market().sanctions_on(organization)


def sanctioned_parties(deal: Deal | str) -> tuple[Organization, ...]:
    """Return the sanctioned organizations in a deal's chain (``market().sanctioned_parties``)."""
    return market().sanctioned_parties(deal)


def share(*args: Any, **kwargs: Any) -> Shares:  # noqa: ANN401 - those of Market.share
    """Return shares of the catalog's deals (``market().share``, same arguments)."""
    return market().share(*args, **kwargs)


def concentration(recipient: Country | str, /, **filters: Unpack[DealFilters]) -> Concentration:
    """Return the HHI of `recipient`'s suppliers (``market().concentration``)."""
    return market().concentration(recipient, **filters)


def timeline(**filters: Unpack[DealFilters]) -> tuple[YearTally, ...]:
    """Return units ordered against delivered, by year (``market().timeline``)."""
    return market().timeline(**filters)


def network(**filters: Unpack[DealFilters]) -> tuple[Edge, ...]:
    """Return the supplier → recipient links (``market().network``)."""
    return market().network(**filters)


def to_records(**filters: Unpack[DealFilters]) -> list[dict[str, str | int | float | bool | None]]:
    """Return one flat row per deal (``market().to_records``)."""
    return market().to_records(**filters)


# --- the catalog's own ------------------------------------------------------------------


def lookup(name: str) -> Platform | Organization:
    """Return the platform or organization called `name` or one of its aliases.

    Case, accents, spaces and punctuation do not matter (``"tb2"``,
    ``"Bayraktar TB-2"``, ``"tusas"``). An unknown name raises
    :class:`~dronemarket.NotFoundError`, suggesting close names.
    """
    held = market()
    try:
        return held.platform(name)
    except NotFoundError as error:
        try:
            return held.organization(name)
        except NotFoundError as second:
            close = (*error.suggestions, *second.suggestions)[:3]
            what = "platform or organization"
            raise NotFoundError(what, name, "the catalog", close) from None


def sanctions_by_key() -> Mapping[str, Sanction]:
    """Return every sanction of the catalog by its stable key (``"us-tsk-vektor"``)."""
    return _sanctions_data()


def sanction(key: str) -> Sanction:
    """Return the sanction with key `key` (``"us-tsk-vektor"``)."""
    found = _sanctions_data().get(key) if isinstance(key, str) else None  # type: ignore[redundant-expr] # any key may come
    if found is None:
        raise NotFoundError("sanction", key, "the catalog", _close(key, _sanctions_data()))
    return found


def source(key: str) -> Source:
    """Return the source with key `key`: ``"seed-000"`` ... ``"seed-004"``, ``"S2"``, ..."""
    found = sources().get(key) if isinstance(key, str) else None  # type: ignore[redundant-expr] # any key may come
    if found is None:
        raise NotFoundError("source", key, "the catalog", _close(key, sources()))
    return found


def _close(key: object, known: Mapping[str, object]) -> list[str]:
    return v.close_matches(key, known, n=3)
