"""Time the tables cases (10^6 deals) with pyperf: ``to_arrow`` and DuckDB's first query.

    python benchmarks/bench_tables.py --worker --loops=1 --warmups=1 --values=3 \\
        --deals 1000000 -o tables.json

Run it in pyperf's ``--worker`` mode, as ``run.py`` does: one process builds
the deals once (as ``bench_market.py`` does) and times every benchmark on them.

- ``to-arrow/dronemarket``: ``market.to_arrow("deals")``, typed columns built in bulk;
- ``to-arrow/from-pylist``: ``pyarrow.Table.from_pylist(market.to_records())``, the
  obvious route (the baseline, target at most 0.5 times);
- ``duckdb-first/dronemarket``: the first DuckDB query (units by supplier) on a fresh
  connection over the table ``to_arrow`` gave (measured, no target);
- ``duckdb-first/from-pylist``: the same query over the baseline's table.

Without pyarrow or DuckDB the script says why and times nothing: the rows
show "not measured".
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from typing import Any, Final

import suite
from bench_market import market_runner

Thunk = Callable[[], object]

CASES: Final = (
    suite.Case(
        "to-arrow",
        '`market.to_arrow("deals")` over 10⁶ deals',
        "to-arrow/dronemarket",
        "to-arrow/from-pylist",
        "`pyarrow.Table.from_pylist(market.to_records())`",
        0.5,
        "market",
    ),
)
"""The tables row of the performance table (issue 14)."""

FIRST_USE: Final = (
    suite.Case(
        "duckdb-first",
        'the first DuckDB query (units by supplier) over `to_arrow("deals")`, 10⁶ deals',
        "duckdb-first/dronemarket",
        "duckdb-first/from-pylist",
        "the same query over `Table.from_pylist(market.to_records())`",
        1.0,  # no target: shown in the first-use table, without a verdict
        "market",
    ),
)
"""The DuckDB row: measured, no target (issue 14)."""

QUERY: Final = (
    "SELECT supplier_code, sum(units_central) AS units FROM deals "
    "GROUP BY supplier_code ORDER BY units DESC"
)
"""The first query over the deals table."""
BASE_QUERY: Final = (
    "SELECT supplier, sum(quantity) AS units FROM deals GROUP BY supplier ORDER BY units DESC"
)
"""The same query over the baseline's columns."""


BENCHES: Final = (
    "to-arrow/dronemarket",
    "to-arrow/from-pylist",
    "duckdb-first/dronemarket",
    "duckdb-first/from-pylist",
)
"""The names of the benchmarks, as :func:`benches` returns them."""


def missing() -> str | None:
    """Say why the tables cases cannot run here; None when they can."""
    for module in ("pyarrow", "duckdb"):
        if importlib.util.find_spec(module) is None:
            return f'{module} is not installed (python -m pip install -e ".[test]")'
    return None


def baseline_table(data: suite.MarketData) -> Any:
    """Return the obvious route's table: ``pyarrow.Table.from_pylist(market.to_records())``."""
    pa: Any = importlib.import_module("pyarrow")
    return pa.Table.from_pylist(data.market.to_records())


def first_query(table: Any, query: str) -> Thunk:
    """Return a function running `query` first on a fresh DuckDB connection over `table`."""
    duckdb: Any = importlib.import_module("duckdb")
    with duckdb.connect() as warm:  # DuckDB's own first start is not the query's cost
        warm.execute("SELECT 1").fetchall()

    def run() -> object:
        connection = duckdb.connect()
        try:
            connection.register("deals", table)
            return connection.execute(query).fetchall()
        finally:
            connection.close()

    return run


def benches(data: suite.MarketData) -> dict[str, Callable[[], Thunk]]:
    """Return every benchmark by name: a set-up (untimed) returning the function timed."""
    market = data.market
    return {
        "to-arrow/dronemarket": lambda: lambda: market.to_arrow("deals"),
        "to-arrow/from-pylist": lambda: lambda: baseline_table(data),
        "duckdb-first/dronemarket": lambda: first_query(market.to_arrow("deals"), QUERY),
        "duckdb-first/from-pylist": lambda: first_query(baseline_table(data), BASE_QUERY),
    }


def main() -> None:
    """Build the market data (lazily) and register the tables benchmarks (or say why not)."""
    runner = market_runner()
    args = runner.parse_args()
    reason = missing()
    if reason is not None:
        print(f"tables: skipped: {reason}")
        return
    built: list[suite.MarketData] = []

    def data() -> suite.MarketData:
        if not built:
            built.append(suite.MarketData.build(args.deals, seed=args.seed))
            print(f"built {args.deals:,} deals in {built[0].build_seconds:.1f} s")
        return built[0]

    def setup(name: str) -> Callable[[], Thunk]:
        def made() -> Thunk:
            return benches(data())[name]()

        return made

    for name in BENCHES:
        runner.bench_time_func(name, suite.timer(setup(name)))


if __name__ == "__main__":
    main()
