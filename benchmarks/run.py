"""Run the benchmark suite and regenerate ``docs/performance.md``.

    python benchmarks/run.py              # the whole suite, ~5 minutes on 2 idle cores
    python benchmarks/run.py --quick      # a smoke run: tiny sizes, one value each
    python benchmarks/run.py --groups micro --no-write

Three pyperf scripts do the timing, each spawned as a child process:

- ``bench_micro.py``: construction, hashing, (un)structuring; pyperf spawns
  its workers, each benchmark in several fresh processes;
- ``bench_market.py``: the 10^6-deal cases, all in one worker process (pyperf
  ``--worker`` mode) so the deals are built once; their memory is measured
  with tracemalloc while they are built;
- ``bench_startup.py``: fresh ``python -c`` processes, timed by pyperf;
- ``bench_sipri.py``: ``sipri.read`` on SIPRI's register (``../shared/realdata``),
  beside ``pandas.read_csv``, in one worker process; not measured without the data;
- ``bench_tables.py``: ``market.to_arrow("deals")`` and DuckDB's first query over it, at
  10^6 deals, beside ``Table.from_pylist(market.to_records())``, in one worker process.

dronemarket and its baseline run in the same invocation, on the same
fixtures; the table gives their medians and the ratio (dronemarket over
baseline, lower is better) against the target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import bench_sipri
import bench_tables
import pyperf
import suite

TIMES = "\N{MULTIPLICATION SIGN}"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DOC = ROOT / "docs" / "performance.md"
GROUPS = ("micro", "market", "startup", "sipri", "tables")


@dataclass(frozen=True)
class Result:
    """One case's measurements."""

    case: suite.Case
    dm: float | None
    baseline: float | None

    @property
    def ratio(self) -> float | None:
        """Return dronemarket's median over the baseline's, or None if either is missing."""
        if self.dm is None or not self.baseline:
            return None
        return self.dm / self.baseline

    @property
    def verdict(self) -> str:
        """Say whether the target is met."""
        if self.ratio is None:
            return "not measured"
        return "met" if self.ratio <= self.case.target else "**missed**"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: 10^4 deals, one value each"
    )
    parser.add_argument("--deals", type=int, default=None, help="market size (default 10^6)")
    parser.add_argument(
        "--groups", default=",".join(GROUPS), help=f"comma-separated, of {', '.join(GROUPS)}"
    )
    parser.add_argument("--no-write", action="store_true", help="do not write the page")
    parser.add_argument("--output", type=Path, default=DOC, help=f"the page (default {DOC})")
    return parser


def _pyperf_options(group: str, *, quick: bool) -> list[str]:
    """Return the pyperf options of a group: as few runs as a stable median needs."""
    if group == "startup":  # interleaved rounds of fresh processes (bench_startup.py)
        return ["--rounds=1", "--warmups=0"] if quick else ["--rounds=30", "--warmups=1"]
    if quick:
        if group in {"market", "sipri", "tables"}:
            return ["--worker", "--loops=1", "--warmups=0", "--values=1"]
        return ["--processes=1", "--values=1", "--warmups=0", "--loops=1", "--min-time=0"]
    if group in {"market", "tables"}:
        return ["--worker", "--loops=1", "--warmups=1", "--values=3"]
    if group == "sipri":
        return ["--worker", "--loops=1", "--warmups=1", "--values=5"]
    return ["--processes=4", "--values=3", "--warmups=1", "--min-time=0.05"]  # micro


def _run_group(group: str, out: Path, *, quick: bool, deals: int) -> float:
    """Run one group's pyperf script; return its duration in seconds."""
    script = HERE / f"bench_{group}.py"
    cmd = [sys.executable, str(script), *_pyperf_options(group, quick=quick), "-o", str(out)]
    if group == "market":
        cmd += ["--deals", str(deals), "--memory-out", str(out.with_suffix(".memory.json"))]
    if group == "sipri":
        cmd += ["--memory-out", str(out.with_suffix(".memory.json"))]
    if group == "tables":
        cmd += ["--deals", str(deals)]
    if group not in {"market", "sipri", "tables"} and not quick:
        cmd.append("--quiet")
    print(f"\n==> {group}: {' '.join(cmd[1:])}", flush=True)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT)
    return time.perf_counter() - start


def _medians(out: Path) -> dict[str, float]:
    """Return the median of every benchmark in a pyperf JSON file."""
    if not out.exists():
        return {}
    loaded = pyperf.BenchmarkSuite.load(str(out))
    return {bench.get_name(): bench.median() for bench in loaded.get_benchmarks()}


def _memory(out: Path) -> dict[str, float]:
    path = out.with_suffix(".memory.json")
    if not path.exists():
        return {}
    data: dict[str, float] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _time(seconds: float) -> str:
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def _bytes(size: float) -> str:
    return f"{size / 1e6:,.1f} MB" if size >= 1e6 else f"{size / 1e3:,.1f} kB"


def _value(result: Result, value: float | None) -> str:
    if value is None:
        return "n/a"
    return _bytes(value) if result.case.unit == "B" else _time(value)


def _ratio(result: Result) -> str:
    return "n/a" if result.ratio is None else f"{result.ratio:.3g}{TIMES}"


def _cpu() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        text = ""
    for line in text.splitlines():
        if line.startswith("model name"):
            return line.partition(":")[2].strip()
    return platform.processor() or platform.machine()


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def machine() -> list[tuple[str, str]]:
    """Describe the machine and the software the suite ran on."""
    packages = (
        "dronemarket",
        "pint",
        "attrs",
        "cattrs",
        "pydantic",
        "pyperf",
        "pandas",
        "pyarrow",
        "duckdb",
    )
    return [
        ("CPU", f"{_cpu()}, {os.cpu_count()} logical cores"),
        ("System", platform.platform()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        *((name, _version(name)) for name in packages),
    ]


def table(results: Sequence[Result], *, verdicts: bool = True) -> list[str]:
    """Return the results as the lines of a markdown table."""
    if verdicts:
        lines = [
            "| case | dronemarket | baseline | ratio | target | met/missed |",
            "|---|---|---|---|---|---|",
        ]
    else:
        lines = ["| case | dronemarket | baseline | ratio |", "|---|---|---|---|"]
    for r in results:
        row = f"| {r.case.title} | {_value(r, r.dm)} | {_value(r, r.baseline)}: {r.case.baseline} "
        row += f"| {_ratio(r)} |"
        if verdicts:
            row += f" ≤ {r.case.target:g}{TIMES} | {r.verdict} |"
        lines.append(row)
    return lines


CODEGEN: Final = (
    "## Generated code: hand-written against `cattrs.gen`",
    "",
    "`benchmarks/bench_codegen.py` (run by hand; not in the table) times the",
    "serializer's hand-written per-class code against `cattrs.gen`'s",
    "`make_dict_structure_fn` / `make_dict_unstructure_fn` with the same leaf",
    "hooks, on the `Deal` above with its nested eight-spec platform. Two runs",
    "on the shared machine: structure 787 against 725 µs, then 721 against",
    "1,050 µs (a tie within noise: the leaf codecs both share dominate);",
    "unstructure 76 against 91 µs, then 108 against 122 µs (hand-written 13 to",
    "19 % faster). The hand-written generator is kept: it wins on writing, ties",
    "on reading, and threads the market document's reference tables through",
    "every record, which `cattrs.gen` hooks cannot do without global state",
    '(see the "Loading and saving" page).',
    "",
)
"""A fixed section of the page: the measurement issue 10 asked for, and the decision."""


def floors_section(results: Sequence[Result], floors: Sequence[Result]) -> list[str]:
    """Return the section that sets the SIPRI read and memory rows beside their floors."""
    by_key = {r.case.key: r for r in (*results, *floors)}

    def ratio(key: str) -> str:
        found = by_key.get(key)
        return "n/a" if found is None else _ratio(found)

    return [
        "## What the SIPRI targets are up against",
        "",
        "A read that keeps one validated `Deal` per record pays at least what these",
        "rows measure, whatever its parser. The first rebuilds the register's deals",
        "from parts already made (nothing parsed; every rule still checked, in",
        f"`Deal` itself) and builds the market: {ratio('sipri-floor')} `pandas.read_csv`,",
        f"against the read's target of 15{TIMES}. The second sizes the deals' own",
        f"objects alone: {ratio('sipri-floor-memory')} the DataFrame, against the",
        f"target of 2{TIMES} for everything the import holds (it holds",
        f"{ratio('sipri-memory')}: the platforms, TIVs, deliveries, cached hashes",
        "and indexes come on top). pandas parses the same bytes in C into Arrow",
        "columns and checks nothing. Meeting these two targets would take a market",
        "that does not hold a `Deal` object per record (a columnar store that",
        "makes deals on demand), which the rule that every record is a validated",
        "immutable object rules out for now.",
        "",
    ]


def page(
    results: list[Result],
    notes: dict[str, str],
    first_use: Sequence[Result] = (),
    floors: Sequence[Result] = (),
) -> str:
    """Return the text of ``docs/performance.md``."""
    met = sum(r.verdict == "met" for r in results)
    lines = [
        "# Performance",
        "",
        "<!-- Generated by `python benchmarks/run.py`; do not edit by hand. -->",
        "",
        "Every case times dronemarket and a baseline in the same run, on the same",
        "fixtures, with [pyperf](https://pyperf.readthedocs.io/). The table gives",
        "each side's median and their ratio (dronemarket's median over the",
        "baseline's: lower is better) against the target. The targets are",
        "deliberately hard, and a missed target stays in the table, marked.",
        "",
        f"**{met} of {len(results)} targets met**, measured on {notes['date']}.",
        "",
        *table(results),
        "",
        *(
            [f"The SIPRI rows were not measured: {notes['sipri-skipped']}.", ""]
            if notes.get("sipri-skipped")
            else []
        ),
        "## First use",
        "",
        "A market builds each query index the first time a query needs it, and",
        "keeps it. The cases above time a market in use (indexes built); these",
        "time the first query and the first share on a freshly built market,",
        "against the same baselines, for the record (no target).",
        "",
        *table(first_use, verdicts=False),
        "",
        *floors_section(results, floors),
        *table(floors, verdicts=False),
        "",
        *CODEGEN,
        "## How it is measured",
        "",
        "- Micro cases (construction, hashing, structuring): pyperf spawns fresh",
        "  worker processes for each benchmark; each builds its fixture once,",
        f"  untimed (`{notes['micro']}`).",
        "- Market cases: one process builds the deals once (from a few hundred",
        "  prebuilt platforms, suppliers and recipients, varying countries, dates",
        "  and counts with a seeded `random.Random`) and times both sides on them",
        f"  (`{notes['market']}`). {notes['build']}",
        "- Memory: tracemalloc's count of the bytes still allocated after the",
        "  deals and the market are built, against the same deals as tuples of",
        "  plain values (strings, ints, nested tuples for deliveries) in a list.",
        "- Start-up: fresh `python -c` processes, timed from start to exit and",
        "  interleaved: each round runs every command once, in an order rotating",
        "  from round to round, so that a command and its baseline share the",
        "  machine's drift (`benchmarks/bench_startup.py",
        f"  {notes['startup']}`).",
        "- SIPRI: one process reads SIPRI's May 2026 trade register (29,916",
        "  records, from `../shared/realdata`, never copied into the project)",
        "  once, untimed, and times `sipri.read` and `pandas.read_csv` on the",
        f"  same bytes (`{notes.get('sipri', '')}`). Memory: tracemalloc's count",
        "  of the bytes `read` leaves allocated with its result held (retained,",
        "  caches included, library tables loaded first), against the DataFrame's deep memory.",
        "  Without the data the rows are not measured. pandas 3 stores text in",
        "  pyarrow strings when pyarrow is installed (the `test` extra installs it",
        "  since the tables landed): its `read_csv` is about twice as fast, and its",
        "  DataFrame about a third of the size, as on earlier runs of this page,",
        "  which had no pyarrow. The SIPRI ratios are against that stronger baseline.",
        "- `hash()` of a record is computed once and cached (the records are",
        "  immutable); the hashing case times what a set or dict lookup pays.",
        "",
        "Rerun with `python benchmarks/run.py` (needs the `bench` extra:",
        '`python -m pip install -e ".[bench]"`); it rewrites this page.',
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {name} | {value} |" for name, value in machine()),
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the suite, print the table, and write the page."""
    args = _parser().parse_args(argv)
    groups = [g for g in args.groups.split(",") if g]
    unknown = set(groups) - set(GROUPS)
    if unknown:
        _parser().error(f"unknown groups: {', '.join(sorted(unknown))}")
    deals = args.deals or (10_000 if args.quick else 1_000_000)
    started = time.perf_counter()
    medians: dict[str, float] = {}
    durations: dict[str, float] = {}
    skipped: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="dronemarket-bench-") as tmp:
        for group in groups:
            out = Path(tmp) / f"{group}.json"
            if group == "sipri" and (reason := bench_sipri.missing()) is not None:
                print(f"\n==> sipri: not measured: {reason}", flush=True)
                skipped["sipri"] = reason
                continue
            durations[group] = _run_group(group, out, quick=args.quick, deals=deals)
            medians.update(_medians(out))
            medians.update(_memory(out))
    results = [
        Result(case, medians.get(case.dm_bench), medians.get(case.base_bench))
        for case in suite.CASES + suite.SIPRI_CASES + bench_tables.CASES
    ]
    first_use = [
        Result(case, medians.get(case.dm_bench), medians.get(case.base_bench))
        for case in suite.FIRST_USE + bench_tables.FIRST_USE
    ]
    floors = [
        Result(case, medians.get(case.dm_bench), medians.get(case.base_bench))
        for case in suite.SIPRI_FLOORS
    ]
    total = time.perf_counter() - started
    print(f"\n{'case':<20} {'dronemarket':>12} {'baseline':>12} {'ratio':>8} {'target':>8}")
    for r in results + first_use + floors:
        print(
            f"{r.case.key:<20} {_value(r, r.dm):>12} {_value(r, r.baseline):>12} "
            f"{_ratio(r):>8} {'≤ ' + format(r.case.target, 'g'):>8}  {r.verdict.strip('*')}"
        )
    timing = ", ".join(f"{g} {d:.0f} s" for g, d in durations.items())
    print(f"\ntotal {total:.0f} s ({timing})")
    build = medians.get("build-deals")
    notes = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d"),
        "micro": " ".join(_pyperf_options("micro", quick=args.quick)),
        "market": " ".join(_pyperf_options("market", quick=args.quick)) + f" --deals {deals}",
        "startup": " ".join(_pyperf_options("startup", quick=args.quick)),
        "sipri": " ".join(_pyperf_options("sipri", quick=args.quick)),
        "sipri-skipped": skipped.get("sipri", ""),
        "build": "" if build is None else f"Building the {deals:,} deals took {build:.0f} s.",
    }
    if not args.no_write:
        args.output.write_text(
            page(results, notes, first_use, floors) + f"\nThe suite took {total:.0f} s.\n"
        )
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
