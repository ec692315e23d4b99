"""Time the market cases (10^6 deals) with pyperf, and measure their memory.

    python benchmarks/bench_market.py --worker --loops=1 --warmups=1 --values=3 \\
        --deals 1000000 --memory-out memory.json -o market.json

Run it in pyperf's ``--worker`` mode, as ``run.py`` does: one process builds
the deals once (measuring their memory with tracemalloc as it goes) and times
every benchmark on them, dronemarket and baseline alike. Without ``--worker``
pyperf spawns a process per benchmark and each builds the deals again.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import pyperf
import suite


def _pass_options(cmd: list[str], args: argparse.Namespace) -> None:
    cmd.extend(("--deals", str(args.deals), "--seed", str(args.seed)))


def market_runner() -> pyperf.Runner:
    """Return a pyperf runner taking the market's --deals and --seed, passed to its workers."""
    runner = pyperf.Runner(add_cmdline_args=_pass_options)
    runner.argparser.add_argument("--deals", type=int, default=1_000_000, help="market size")
    runner.argparser.add_argument("--seed", type=int, default=2024, help="random seed")
    return runner


def main() -> None:
    """Build the market data (lazily) and register every market benchmark."""
    runner = market_runner()
    runner.argparser.add_argument(
        "--memory-out", type=Path, default=None, help="write the memory measures here (JSON)"
    )
    args = runner.parse_args()
    built: list[suite.MarketData] = []

    def data() -> suite.MarketData:
        if not built:
            measured = suite.MarketData.build(args.deals, seed=args.seed, measure_memory=True)
            built.append(measured)
            print(f"built {args.deals:,} deals and their market in {measured.build_seconds:.1f} s")
            if args.memory_out is not None:
                found = {**measured.memory, "build-deals": measured.build_seconds}
                args.memory_out.write_text(json.dumps(found), encoding="utf-8")
        return built[0]

    def setup(name: str) -> Callable[[], suite.Thunk]:
        return lambda: suite.market_benches(data())[name]

    for name in suite.MARKET_BENCHES:
        runner.bench_time_func(name, suite.timer(setup(name)))
    runner.bench_time_func("query-first/dronemarket", suite.first_query_timer(data))
    runner.bench_time_func("share-first/dronemarket", suite.first_share_timer(data))


if __name__ == "__main__":
    main()
