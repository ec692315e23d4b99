"""Time process start-up with pyperf: each command is a fresh ``python -c``.

python benchmarks/bench_startup.py --processes 4 --values 3 -o startup.json
"""

from __future__ import annotations

import sys

import pyperf
import suite


def main() -> None:
    """Register every start-up command with pyperf."""
    runner = pyperf.Runner()
    for name, code in suite.STARTUP.items():
        runner.bench_command(name, [sys.executable, "-c", code])


if __name__ == "__main__":
    main()
