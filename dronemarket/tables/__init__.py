"""A market's tables through Apache Arrow, pandas and polars frames, and networkx graphs.

Needs the optional extras: ``arrow`` (pyarrow) for :func:`to_arrow`,
``pandas`` or ``polars`` for :func:`to_pandas` and :func:`to_polars`, and
``networkx`` for :func:`to_networkx`; without one, these functions raise
:class:`MissingExtraError`, naming the extra to install. ``Market.to_arrow``
and the like call them.

>>> import dronemarket as dm
>>> deals = dm.catalog.market().to_arrow("deals", recipient="KGZ")
>>> deals.num_rows, str(deals.schema.field("units_central").type)
(2, 'int64')

The tables (:data:`TABLES`) are ``"deals"``, ``"deliveries"`` (one row per
delivery), ``"production"``, ``"cooperation"``, ``"sanctions"`` and
``"platforms"``. Each has one fixed schema (:data:`COLUMNS`, as Arrow:
:func:`schema`), so an empty selection still gives every column:

- counts as ``*_low``, ``*_central`` and ``*_high`` nullable integers and an
  ``*_estimate`` flag, by the analytics' one counting rule (``units_*`` are
  the units :meth:`Market.share` counts); null is unknown (a null
  ``*_high`` beside a known low is unbounded), never 0;
- dates as their earliest day (``date32``) and a ``*_precision`` column
  (``"year"``, ``"month"``, ``"day"``);
- TIV and money as decimals (``decimal128``), never floats;
- enumerations (status, category, kind, ...) dictionary-encoded;
- parties by code (a country's alpha-3, null for any other party), name and kind;
- platform specs in SI (``*_si``, the unit in the field's metadata), as
  published (``*_value`` in ``*_unit``) and flagged when the sources
  disagree (``*_disputed``).
"""

from __future__ import annotations

from dronemarket.tables._arrow import MONEY_SCALE, TIV_SCALE, schema, to_arrow, to_pandas, to_polars
from dronemarket.tables._columns import COLUMNS, PRECISIONS, SI_SYMBOLS, TABLES, Column, TableName
from dronemarket.tables._deps import MissingExtraError
from dronemarket.tables._graph import coverage, node_key, to_networkx

__all__ = [
    "COLUMNS",
    "MONEY_SCALE",
    "PRECISIONS",
    "SI_SYMBOLS",
    "TABLES",
    "TIV_SCALE",
    "Column",
    "MissingExtraError",
    "TableName",
    "coverage",
    "node_key",
    "schema",
    "to_arrow",
    "to_networkx",
    "to_pandas",
    "to_polars",
]
