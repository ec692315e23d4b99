"""Time process start-up: each command is a fresh ``python -c``, the commands interleaved.

    python benchmarks/bench_startup.py --rounds 30 --warmups 1 -o startup.json

On a shared machine the speed drifts, within a minute, by more than the
differences these cases measure. Timing all of one command's processes and
then all of its baseline's (pyperf's ``bench_command``) lets that drift into
the ratio. Here each round runs every command once, in an order that rotates
from round to round, so that a command and its baseline always run side by
side; the warm-up rounds are not kept. The values are written as pyperf's
JSON, so ``run.py`` reads their medians as for every other group.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import pyperf
import suite


def elapsed(code: str) -> float:
    """Return the wall-clock seconds a fresh ``python -c code`` takes, start to exit."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def measure(commands: dict[str, str], *, rounds: int, warmups: int) -> dict[str, list[float]]:
    """Return each command's times over `rounds` interleaved rounds, after `warmups` more."""
    names = list(commands)
    values: dict[str, list[float]] = {name: [] for name in names}
    for number in range(warmups + rounds):
        shift = number % len(names)
        for name in names[shift:] + names[:shift]:
            seconds = elapsed(commands[name])
            if number >= warmups:
                values[name].append(seconds)
    return values


def save(values: dict[str, list[float]], path: Path) -> None:
    """Write `values` as a pyperf benchmark suite, one benchmark per command."""
    benchmarks = [
        pyperf.Benchmark(
            [
                pyperf.Run(
                    times,
                    metadata={"name": name, "unit": "second", "loops": 1},
                    collect_metadata=False,
                )
            ]
        )
        for name, times in values.items()
    ]
    pyperf.BenchmarkSuite(benchmarks).dump(str(path), replace=True)


def main(argv: list[str] | None = None) -> None:
    """Time every start-up command, interleaved, and write the values."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30, help="rounds kept (default 30)")
    parser.add_argument("--warmups", type=int, default=1, help="rounds not kept (default 1)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="pyperf JSON file")
    parser.add_argument("--quiet", action="store_true", help="print nothing")
    args = parser.parse_args(argv)
    values = measure(suite.STARTUP, rounds=args.rounds, warmups=args.warmups)
    save(values, args.output)
    if not args.quiet:
        for name, times in values.items():
            print(f"{name}: median {sorted(times)[len(times) // 2] * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
