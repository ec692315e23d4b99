"""The benchmark suite works: fixtures build, each timed function runs, both sides agree.

These are smoke tests at small sizes; nothing is timed here. The suite itself
runs with ``python benchmarks/run.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import dronemarket as dm

pytestmark = pytest.mark.slow  # benchmark smoke runs build markets and start interpreters

pytest.importorskip("pydantic")
pytest.importorskip("pyperf")

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
if not BENCHMARKS.is_dir():  # an sdist ships the tests, not the benchmarks
    pytest.skip("benchmarks/ is not here", allow_module_level=True)
sys.path.insert(0, str(BENCHMARKS))

import run  # noqa: E402 - benchmarks/ is put on the path above
import suite  # noqa: E402

MICRO = [case for case in suite.CASES if case.group == "micro"]
MARKET = [case for case in suite.CASES if case.group == "market"]
STARTUP = [case for case in suite.CASES if case.group == "startup"]


@pytest.fixture(scope="module")
def market_data() -> suite.MarketData:
    """Build a small market (2,000 deals), measuring its memory."""
    return suite.MarketData.build(2_000, measure_memory=True)


def test_the_suite_has_every_case_the_issues_ask_for() -> None:
    """The suite measures every case the issues name, each with a key of its own and a target."""
    keys = [case.key for case in suite.CASES]
    assert len(set(keys)) == len(keys)
    assert {"deal", "specs-quantities", "import", "catalog", "plugin"} <= set(keys)
    assert all(case.target > 0 for case in suite.CASES)


def test_every_case_names_benchmarks_that_exist() -> None:
    """Each case's two benchmarks are defined in the group that runs it."""
    known = {
        "micro": set(suite.MICRO),
        "market": set(suite.MARKET_BENCHES),
        "memory": {"memory/dronemarket", "memory/tuples"},
        "startup": set(suite.STARTUP),
    }
    for case in suite.CASES:
        assert {case.dm_bench, case.base_bench} <= known[case.group], case.key


@pytest.mark.parametrize("case", MICRO, ids=lambda case: case.key)
def test_micro_case_runs_and_both_sides_agree(case: suite.Case) -> None:
    """Each micro case sets up, runs each side once, and both give the same result."""
    ours = suite.MICRO[case.dm_bench]()()
    theirs = suite.MICRO[case.base_bench]()()
    assert case.check is not None
    assert case.check(ours, theirs)


@pytest.mark.parametrize("case", MARKET, ids=lambda case: case.key)
def test_market_case_runs_and_both_sides_agree(
    case: suite.Case, market_data: suite.MarketData
) -> None:
    """Each market case runs once on a small market; comparable results agree."""
    benches = suite.market_benches(market_data)
    ours, theirs = benches[case.dm_bench](), benches[case.base_bench]()
    if case.check is not None:
        assert case.check(ours, theirs)


def test_the_market_holds_every_deal_built(market_data: suite.MarketData) -> None:
    """The generated market holds as many distinct deals as asked for, the query's among them."""
    deals = market_data.deals
    assert len(deals) == 2_000
    assert len({deal.id for deal in deals}) == 2_000
    assert any(d.recipient.country == dm.Country(suite.QUERY_RECIPIENT) for d in deals)


def test_memory_is_measured_for_both_sides(market_data: suite.MarketData) -> None:
    """tracemalloc measures some memory for the market and for the plain tuples."""
    memory = market_data.memory
    assert memory["memory/dronemarket"] > 0
    assert memory["memory/tuples"] > 0


def test_the_plain_deals_are_deterministic() -> None:
    """The same seed gives the same plain deals, another seed other deals."""
    pool = suite.Pool.build()
    assert pool.plain_deals(50, seed=1) == pool.plain_deals(50, seed=1)
    assert pool.plain_deals(50, seed=1) != pool.plain_deals(50, seed=2)


@pytest.mark.parametrize(
    "name", sorted({n for case in STARTUP for n in (case.dm_bench, case.base_bench)})
)
def test_startup_command_runs(name: str) -> None:
    """Each start-up command runs once in a fresh interpreter and succeeds."""
    result = subprocess.run(  # noqa: S603 - this interpreter on the suite's fixed code
        [sys.executable, "-c", suite.STARTUP[name]],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_timer_sets_up_once_and_returns_a_duration() -> None:
    """The pyperf time function runs the setup once, then the timed function `loops` times."""
    calls: list[str] = []

    def setup() -> suite.Thunk:
        calls.append("setup")
        return lambda: calls.append("run")

    time_func = suite.timer(setup)
    assert time_func(3) >= 0
    assert time_func(2) >= 0
    assert calls == ["setup"] + ["run"] * 5


def test_page_marks_each_target_met_or_missed() -> None:
    """The generated page has a row per case, met where the ratio is within the target."""
    results = [
        run.Result(case, dm=1.0, baseline=1.0 / case.target * (2.0 if i % 2 else 0.5))
        for i, case in enumerate(suite.CASES)
    ]
    notes = {"date": "2025-01-01", "micro": "", "market": "", "startup": "", "build": ""}
    text = run.page(results, notes)
    rows = [line for line in text.splitlines() if line.startswith("| ") and run.TIMES in line]
    assert len(rows) == len(suite.CASES)
    assert [row.endswith("| met |") for row in rows] == [bool(i % 2) for i in range(len(rows))]
    assert "**missed**" in text
    assert "Python" in text
    assert "pint" in text


def test_page_says_not_measured_when_a_side_is_missing() -> None:
    """A case without a measure is shown as not measured, never as met."""
    result = run.Result(suite.CASES[0], dm=None, baseline=1e-6)
    assert result.ratio is None
    assert result.verdict == "not measured"


def test_the_sipri_cases_run_on_the_first_records() -> None:
    """Each SIPRI benchmark runs once on the register's first 300 records; both sides agree."""
    import bench_sipri  # noqa: PLC0415 - benchmarks/ is put on the path above

    from dronemarket import sipri  # noqa: PLC0415 - the submodule is imported on first use

    reason = bench_sipri.missing()
    if reason is not None:
        pytest.skip(reason)
    data = bench_sipri.load(records=300)
    benches = bench_sipri.benches(data)
    result, drones = (benches[case.dm_bench]() for case in suite.SIPRI_CASES[:2])
    frame: Any = benches[suite.SIPRI_CASES[0].base_bench]()
    assert isinstance(result, sipri.SipriImport)
    assert isinstance(drones, sipri.SipriImport)
    assert result.records == drones.records == len(frame) == 300
    assert not result.rejected
    assert drones.skipped > 0
    floor: Any = benches[suite.SIPRI_FLOORS[0].dm_bench]()
    assert floor == result.market
    memory = bench_sipri.memory(data)
    assert memory["sipri-memory/dronemarket"] > 0
    assert memory["sipri-memory/pandas"] > 0
    assert 0 < memory["sipri-floor-memory/dronemarket"] < memory["sipri-memory/dronemarket"]


def test_page_shows_the_sipri_floors_apart() -> None:
    """The SIPRI floors are a section of their own, with no target and no verdict."""
    floors = [run.Result(case, dm=2.0, baseline=1.0) for case in suite.SIPRI_FLOORS]
    notes = {"date": "2025-01-01", "micro": "", "market": "", "startup": "", "build": ""}
    text = run.page([], notes, floors=floors)
    section = text.split("## What the SIPRI targets are up against")[1].split("## ")[0]
    assert section.count(f"| 2{run.TIMES} |") == len(suite.SIPRI_FLOORS)
    assert "met" not in section


def test_startup_rounds_interleave_and_save_as_pyperf(tmp_path: Path) -> None:
    """Start-up commands run once a round, warm-ups dropped; run.py reads their medians."""
    import bench_startup  # noqa: PLC0415 - benchmarks/ is put on the path above

    commands = {"first": "pass", "second": "import os"}
    values = bench_startup.measure(commands, rounds=2, warmups=1)
    assert {name: len(times) for name, times in values.items()} == {"first": 2, "second": 2}
    assert all(seconds > 0 for times in values.values() for seconds in times)
    out = tmp_path / "startup.json"
    bench_startup.save(values, out)
    medians = run._medians(out)
    assert set(medians) == set(commands)
    assert all(min(values[name]) <= medians[name] <= max(values[name]) for name in commands)
