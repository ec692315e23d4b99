"""Arrow tables of a market, and pandas and polars frames through Arrow's own conversions."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, cast

from dronemarket.errors import ValidationError
from dronemarket.tables._columns import COLUMNS, TABLES, Column, Kind, TableName
from dronemarket.tables._deals import deal_columns, delivery_columns
from dronemarket.tables._deps import require
from dronemarket.tables._fill import Columns
from dronemarket.tables._records import (
    cooperation_columns,
    platform_columns,
    production_columns,
    sanction_columns,
)

if TYPE_CHECKING:
    import polars as pl
    import pyarrow as pa

    from dronemarket.market import Market

__all__ = [
    "MONEY_SCALE",
    "TIV_SCALE",
    "PandasFrame",
    "schema",
    "to_arrow",
    "to_pandas",
    "to_polars",
]

PandasFrame = Any
"""A :class:`pandas.DataFrame` (pandas ships no type information)."""

MONEY_SCALE: Final = 8
"""Decimal places of a money column (``decimal128(38, 8)``): every amount fits exactly."""
TIV_SCALE: Final = 12
"""Decimal places of a TIV column (``decimal128(38, 12)``); SIPRI writes at most three."""


def _type(pa: Any, kind: Kind) -> Any:  # noqa: ANN401 - pyarrow is untyped
    """Return the Arrow type of a column kind."""
    types: dict[str, Callable[[], Any]] = {
        "str": pa.string,
        "enum": lambda: pa.dictionary(pa.int32(), pa.string()),
        "int": pa.int64,
        "bool": pa.bool_,
        "date": pa.date32,
        "money": lambda: pa.decimal128(38, MONEY_SCALE),
        "tiv": lambda: pa.decimal128(38, TIV_SCALE),
        "float": pa.float64,
        "strs": lambda: pa.list_(pa.string()),
    }
    return types[kind]()


def _field(pa: Any, column: Column) -> Any:  # noqa: ANN401 - pyarrow is untyped
    metadata = {"description": column.doc}
    if column.unit:
        metadata["unit"] = column.unit
    return pa.field(column.name, _type(pa, column.kind), metadata=metadata)


def schema(table: TableName) -> pa.Schema:
    """Return the fixed Arrow schema of `table` (one of :data:`TABLES`).

    Each field carries its meaning in its metadata (``description``), and a
    physical value its unit (``unit``).
    """
    return _schema(_table_name(table))


@functools.cache
def _schema(table: TableName) -> pa.Schema:
    pa = require("pyarrow")
    return pa.schema([_field(pa, column) for column in COLUMNS[table]])


def _table_name(table: object) -> TableName:
    if table not in TABLES:
        rule = f"is not a table ({', '.join(map(repr, TABLES))})"
        raise ValidationError("to_arrow", "table", table, rule)
    return table


def _no_filters(table: str, filters: Mapping[str, Any]) -> None:
    if filters:
        rule = f"are not filters of the {table} table (it takes none)"
        raise ValidationError("to_arrow", "filters", sorted(filters), rule)


def _columns(market: Market, table: TableName, filters: Mapping[str, Any]) -> Columns:
    """Return the columns of `table` for the records `filters` select."""
    if table == "deals":
        return deal_columns(market.deals(**filters))
    if table == "deliveries":
        return delivery_columns(market.deals(**filters))
    if table == "production":
        return production_columns(market.production(**filters))
    if table == "cooperation":
        return cooperation_columns(market.cooperation(**filters))
    _no_filters(table, filters)
    if table == "sanctions":
        return sanction_columns(market.sanctions)
    return platform_columns(market.platforms)


def _decimals(values: Sequence[Decimal | None], scale: int) -> list[Decimal | None]:
    """Round figures with more than `scale` places to it (half even); the rest as they are."""
    step = Decimal(1).scaleb(-scale)
    return [
        value
        if value is None or cast("int", value.as_tuple().exponent) >= -scale
        else value.quantize(step)
        for value in values
    ]


def _array(pa: Any, column: Column, values: list[Any]) -> Any:  # noqa: ANN401 - pyarrow is untyped
    """Return the Arrow array of one column."""
    kind = column.kind
    if kind == "enum":
        pc = require("pyarrow.compute")
        strings = pa.array(values, pa.string())
        if column.values:
            dictionary = pa.array(column.values, pa.string())
        else:
            dictionary = pc.unique(strings).drop_null().sort()
        indices = pc.index_in(strings, value_set=dictionary)
        return pa.DictionaryArray.from_arrays(indices.cast(pa.int32()), dictionary)
    if kind in {"money", "tiv"}:
        scale = MONEY_SCALE if kind == "money" else TIV_SCALE
        values = _decimals(values, scale)
    return pa.array(values, _type(pa, kind))


def to_arrow(market: Market, table: str, **filters: Any) -> pa.Table:  # noqa: ANN401
    """Return `table` of `market` as a :class:`pyarrow.Table`, its records selected by `filters`.

    `table` is one of :data:`TABLES`; the filters are those of
    ``market.deals(...)`` for ``"deals"`` and ``"deliveries"``, of
    ``market.production(...)`` and ``market.cooperation(...)`` for theirs,
    and none for ``"sanctions"`` and ``"platforms"``. Every table has a
    fixed schema (:func:`schema`): an empty selection gives every column.
    """
    pa = require("pyarrow")
    name = _table_name(table)
    columns = _columns(market, name, filters)
    spec = COLUMNS[name]
    arrays = [_array(pa, column, columns[column.name]) for column in spec]
    return pa.Table.from_arrays(arrays, schema=schema(name))


def _pandas_type(pd: Any, pa: Any) -> Callable[[Any], Any]:  # noqa: ANN401 - untyped modules
    def mapper(arrow_type: Any) -> Any:  # noqa: ANN401 - pyarrow is untyped
        if pa.types.is_dictionary(arrow_type):
            return None  # pandas' Categorical
        return pd.ArrowDtype(arrow_type)

    return mapper


def to_pandas(market: Market, table: str, **filters: Any) -> PandasFrame:  # noqa: ANN401
    """Return :func:`to_arrow`'s table as a pandas DataFrame, through Arrow's conversion.

    Columns keep their Arrow types as ``pd.ArrowDtype`` (nullable integers,
    dates, decimals, lists); enumerations become pandas Categoricals.
    """
    pd = require("pandas")
    arrow = to_arrow(market, table, **filters)
    return arrow.to_pandas(types_mapper=_pandas_type(pd, require("pyarrow")))


def to_polars(market: Market, table: str, **filters: Any) -> pl.DataFrame:  # noqa: ANN401
    """Return :func:`to_arrow`'s table as a polars DataFrame (``polars.from_arrow``).

    Enumerations become Categoricals, dates Dates, TIV and money Decimals.
    """
    polars = require("polars")
    arrow = to_arrow(market, table, **filters)
    return cast("pl.DataFrame", polars.from_arrow(arrow))
