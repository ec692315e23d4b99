"""Hypothesis strategies for every public `dronemarket` type.

Needs the ``strategies`` extra (``pip install "dronemarket[strategies]"``);
``import dronemarket`` alone never imports Hypothesis. Every strategy yields
only valid objects (each passes the checks of its class), takes keyword
arguments to constrain what it yields, and shrinks towards small, readable
examples: names drawn from short lists of realistic ones, round
"published-looking" figures such as ``650 kg`` or ``12.5 m``, and optional
fields left out.

>>> import dronemarket as dm
>>> from hypothesis import given
>>> from dronemarket import strategies as dst
>>> @given(dst.deals(status=dm.DealStatus.DELIVERED))
... def test_a_delivered_deal_has_a_delivery(deal: dm.Deal) -> None:
...     assert deal.deliveries
>>> test_a_delivered_deal_has_a_delivery()

The strategies are also registered with Hypothesis through its entry point,
so ``st.from_type(dm.Deal)`` yields what :func:`deals` yields, with no
import of this module.

The strategies live in private modules beside this one, one per kind of
value (``_quantities``, ``_parties``, ``_platforms``, ``_records``,
``_markets``, and ``_sipri`` for what real registers hold: parties that are
not countries, condition, TIV, delivery spans), over shared argument
checks (``_checks``), drawing helpers (``_drawing``) and vocabulary
(``_vocabulary``); import them from here.
"""

from __future__ import annotations

from dronemarket.strategies._markets import markets
from dronemarket.strategies._parties import (
    countries,
    organizations,
    partial_dates,
    recipients,
    sanctions,
    sources,
    statements,
    suppliers,
)
from dronemarket.strategies._platforms import platforms
from dronemarket.strategies._quantities import figures, quantities, reported, specs
from dronemarket.strategies._records import (
    cooperations,
    counts,
    deals,
    deliveries,
    licensed_production,
    money,
)
from dronemarket.strategies._sipri import (
    armed_groups,
    conditions,
    delivery_spans,
    multinationals,
    parties,
    territories,
    tivs,
)
from dronemarket.strategies._vocabulary import (
    COUNTRY_CODES,
    DEFAULT_MAX_YEAR,
    DEFAULT_MIN_YEAR,
    DRAWN_UNITS,
    FORMER_CODES,
)

__all__ = [
    "COUNTRY_CODES",
    "DEFAULT_MAX_YEAR",
    "DEFAULT_MIN_YEAR",
    "DRAWN_UNITS",
    "FORMER_CODES",
    "armed_groups",
    "conditions",
    "cooperations",
    "countries",
    "counts",
    "deals",
    "deliveries",
    "delivery_spans",
    "figures",
    "licensed_production",
    "markets",
    "money",
    "multinationals",
    "organizations",
    "partial_dates",
    "parties",
    "platforms",
    "quantities",
    "recipients",
    "reported",
    "sanctions",
    "sources",
    "specs",
    "statements",
    "suppliers",
    "territories",
    "tivs",
]
