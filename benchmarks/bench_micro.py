"""Time the micro cases with pyperf, dronemarket and its baselines in one run.

    python benchmarks/bench_micro.py --fast -o micro.json
    python benchmarks/bench_micro.py --only deal/dronemarket,deal/pydantic

pyperf spawns worker processes; each builds its fixture once, untimed.
"""

from __future__ import annotations

import argparse

import pyperf
import suite


def _pass_only(cmd: list[str], args: argparse.Namespace) -> None:
    if args.only:
        cmd.extend(("--only", args.only))


def main() -> None:
    """Register every micro benchmark (or those named by ``--only``) with pyperf."""
    runner = pyperf.Runner(add_cmdline_args=_pass_only)
    runner.argparser.add_argument(
        "--only", default="", help="comma-separated benchmark names (default: all)"
    )
    args = runner.parse_args()
    wanted = set(filter(None, args.only.split(",")))
    for name, setup in suite.MICRO.items():
        if not wanted or name in wanted:
            runner.bench_time_func(name, suite.timer(setup))


if __name__ == "__main__":
    main()
