"""Time ``import hypothesis`` with dronemarket's plugin against plugins off (issue 11, item 7).

Each sample is a fresh interpreter; prints the medians and their ratio (target: < 1.10).

python benchmarks/bench_plugin_import.py [--runs 21]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

CASES = {
    "import hypothesis (plugins off)": {"HYPOTHESIS_NO_PLUGINS": "1"},
    "import hypothesis (dronemarket plugin)": {},
}
"""Each case's extra environment; Hypothesis skips all plugins when HYPOTHESIS_NO_PLUGINS is set."""


def sample(extra: dict[str, str]) -> float:
    """Return the wall time of one fresh ``python -c 'import hypothesis'``, in seconds."""
    env = {k: v for k, v in os.environ.items() if k != "HYPOTHESIS_NO_PLUGINS"} | extra
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import hypothesis"], env=env, check=True)
    return time.perf_counter() - start


def main() -> None:
    """Sample both cases alternately and print their medians."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    times: dict[str, list[float]] = {name: [] for name in CASES}
    sample({})  # warm the file cache
    for _ in range(runs):
        for name, extra in CASES.items():
            times[name].append(sample(extra))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, value in medians.items():
        print(f"{name}: {value * 1000:.1f} ms (median of {runs})")
    off, on = medians.values()
    print(f"ratio: {on / off:.3f}")


if __name__ == "__main__":
    main()
