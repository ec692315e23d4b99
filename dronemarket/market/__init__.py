"""The market: every platform, organization, deal, licence, sanction and cooperation, indexed.

A :class:`Market` is an immutable collection. It checks that every object a
record refers to is one it holds, and that no id is used twice; then it
answers questions:

>>> import dronemarket as dm
>>> deal = dm.catalog.deals(recipient="KGZ")[0]
>>> market = dm.Market.of(deal)
>>> [d.id for d in market.deals(recipient="Kyrgyzstan", platform="bayraktar tb-2")]
['tur-kgz-bayraktar-tb2-2021']
>>> market.share(by="supplier", measure="deals")["TUR"].share
1.0

``market.deals`` is every deal, as a tuple; called with filters it selects
(filters combine with AND). ``market.production`` and ``market.cooperation``
(visits, meetings, agreements, budgets, ...) work the same way.

**Scale.** Construction checks every record once. Each query index (by
supplier, recipient, platform, ...) is built the first time a query needs
it, once, and kept: as pandas builds an index's hash table on first use,
so that building a market of a million deals stays cheap and the second and
later queries touch only the records they select. Positions are kept in
compact ``array`` objects, not per-record Python objects. The cache is
invisible: it never changes what a market is equal to or what a query
returns.
"""

from __future__ import annotations

from dronemarket.market._filters import CooperationFilters, DealFilters, ProductionFilters
from dronemarket.market._market import Market
from dronemarket.market._names import name_key
from dronemarket.market._records import CooperationRecords, DealRecords, ProductionRecords
from dronemarket.market._results import (
    Concentration,
    Edge,
    Share,
    Shares,
    Tally,
    TrendYear,
    YearTally,
)
from dronemarket.market._rows import RECORD_COLUMNS
from dronemarket.market._synthetic import synthetic

__all__ = [
    "RECORD_COLUMNS",
    "Concentration",
    "CooperationFilters",
    "CooperationRecords",
    "DealFilters",
    "DealRecords",
    "Edge",
    "Market",
    "ProductionFilters",
    "ProductionRecords",
    "Share",
    "Shares",
    "Tally",
    "TrendYear",
    "YearTally",
    "name_key",
    "synthetic",
]
