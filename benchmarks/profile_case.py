"""Profile dronemarket's side of a case with cProfile: where the time goes.

    python benchmarks/profile_case.py deal
    python benchmarks/profile_case.py share --deals 100000 --sort cumulative

Prints the top functions of the profile of the dronemarket benchmark of the
case (a micro case runs many times, a market case a few times).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time

import suite


def main(argv: list[str] | None = None) -> int:
    """Profile the case named on the command line."""
    keys = [c.key for c in suite.CASES if c.group in {"micro", "market"}]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("case", choices=keys)
    parser.add_argument("--deals", type=int, default=100_000, help="market size")
    parser.add_argument("--seconds", type=float, default=2.0, help="how long to profile")
    parser.add_argument("--sort", default="tottime", help="pstats sort key")
    parser.add_argument("--top", type=int, default=20, help="how many functions to print")
    parser.add_argument("--baseline", action="store_true", help="profile the baseline instead")
    args = parser.parse_args(argv)
    case = suite.case(args.case)
    name = case.base_bench if args.baseline else case.dm_bench
    if case.group == "micro":
        func = suite.MICRO[name]()
    else:
        func = suite.market_benches(suite.MarketData.build(args.deals))[name]
    func()
    profiler = cProfile.Profile()
    calls = 0
    deadline = time.perf_counter() + args.seconds
    profiler.enable()
    while calls == 0 or time.perf_counter() < deadline:
        func()
        calls += 1
    profiler.disable()
    print(f"{name}: {calls} calls profiled")
    pstats.Stats(profiler).strip_dirs().sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
