"""Time ``dronemarket.sipri.read`` on SIPRI's May 2026 register, beside pandas.

    python benchmarks/bench_sipri.py --worker --loops=1 --warmups=1 --values=5 \\
        --memory-out memory.json -o sipri.json

The register (29,916 records) is SIPRI's, not the project's: it is found
relative to the checkout, in ``../shared/realdata``, and read once, untimed.
Without it (or without pandas) the script says why and times nothing, and the
rows of the table show "not measured". Run it in pyperf's ``--worker`` mode,
as ``run.py`` does: one process measures the memory first (with cold caches),
then times every benchmark on the same bytes.

- ``sipri-read/dronemarket``: ``sipri.read(data)``, every record parsed and checked;
- ``sipri-drones/dronemarket``: ``sipri.read(data, drones_only=True)``;
- ``sipri-read/pandas``: ``pandas.read_csv(io.BytesIO(data), skiprows=11,
  encoding="latin-1")``, the baseline of both (pandas validates nothing);
- memory: the bytes tracemalloc counts as still allocated once ``read`` has
  returned, the result held (retained, not peak), against the DataFrame's
  ``memory_usage(deep=True).sum()``.

Two floors, for the record (no target): what any read that keeps one
validated ``Deal`` per record pays whatever its parser, against the same
pandas baselines:

- ``sipri-floor/dronemarket``: the register's deals rebuilt from their
  prebuilt parts (every part already made; each ``Deal`` checks its rules),
  then ``Market.of`` over them and the licensed production;
- ``sipri-floor-memory/dronemarket``: ``sys.getsizeof`` of the deals' own
  objects: each ``Deal``, its id and its notes (distinct objects once).
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import importlib.util
import io
import json
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyperf
import suite

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "realdata" / "alexarui_trade-register.csv"
"""SIPRI's May 2026 trade register, beside the checkout (never copied into it)."""
SKIP_ROWS = 11
"""The metadata lines before the header, as pandas is told to skip them."""

Thunk = Callable[[], object]


def missing() -> str | None:
    """Say why the SIPRI cases cannot run here; None when they can."""
    if not DATA.is_file():
        return f"the SIPRI register {DATA} is absent (it is found relative to the checkout)"
    if importlib.util.find_spec("pandas") is None:
        return 'pandas is not installed (python -m pip install -e ".[bench]")'
    return None


def load(records: int | None = None) -> bytes:
    """Return the register's bytes; with `records`, only its first that many records."""
    data = DATA.read_bytes()
    if records is None:
        return data
    lines = data.split(b"\n")
    return b"\n".join(lines[: SKIP_ROWS + 1 + records]) + b"\n"


def read_dm(data: bytes, *, drones_only: bool = False) -> Thunk:
    """Return the function timed: ``sipri.read`` on `data`."""
    from dronemarket import sipri  # noqa: PLC0415 - the submodule is imported on first use

    return lambda: sipri.read(data, drones_only=drones_only)


def read_pandas(data: bytes) -> Thunk:
    """Return the baseline: ``pandas.read_csv`` on the same bytes, nothing validated."""
    pd: Any = importlib.import_module("pandas")  # the bench extra; untyped here

    return lambda: pd.read_csv(io.BytesIO(data), skiprows=SKIP_ROWS, encoding="latin-1")


def rebuild(data: bytes) -> Thunk:
    """Return the time floor: the read's deals rebuilt from their parts, and ``Market.of``."""
    import attrs  # noqa: PLC0415 - the fixture's set-up only

    import dronemarket as dm  # noqa: PLC0415
    from dronemarket import sipri  # noqa: PLC0415

    market = sipri.read(data).market
    fields = [field for field in attrs.fields(dm.Deal) if field.init]
    parts = [
        {str(field.alias): getattr(deal, field.name) for field in fields} for deal in market.deals
    ]
    production = market.production

    def floor() -> object:
        return dm.Market.of(*[dm.Deal(**kwargs) for kwargs in parts], *production)

    return floor


def own_objects(market: Any) -> float:
    """Return ``sys.getsizeof`` of the deals, their ids and their notes (each object once)."""
    seen: dict[int, int] = {}
    for deal in market.deals:
        for item in (deal, deal.id, deal.notes):
            seen.setdefault(id(item), sys.getsizeof(item))
    return float(sum(seen.values()))


def memory(data: bytes) -> dict[str, float]:
    """Measure the imported result and the DataFrame, in bytes.

    Ours: tracemalloc's count of the bytes still allocated when ``read`` has
    returned, with the result held and garbage collected (retained; the
    peak while reading is given too, for the record). Run it first in a
    process, after a one-record read has loaded the library's tables
    (pycountry's), so that the parsers' caches are counted with the result.
    Pandas: the DataFrame's deep memory.
    """
    read_dm(load(records=1))()  # the library's first use (pycountry's tables), untraced
    read = read_dm(data)
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    result = read()
    gc.collect()
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    frame: Any = read_pandas(data)()
    deep = float(frame.memory_usage(deep=True).sum())
    floor = own_objects(result.market)  # type: ignore[attr-defined]
    del frame
    del result
    return {
        "sipri-memory/dronemarket": retained - before,
        "sipri-memory/pandas": deep,
        "sipri-memory-peak/dronemarket": peak - before,
        "sipri-floor-memory/dronemarket": floor,
    }


def benches(data: bytes) -> dict[str, Thunk]:
    """Return every timed function by benchmark name."""
    return {
        "sipri-read/dronemarket": read_dm(data),
        "sipri-drones/dronemarket": read_dm(data, drones_only=True),
        "sipri-read/pandas": read_pandas(data),
        "sipri-floor/dronemarket": rebuild(data),
    }


def _pass_options(cmd: list[str], args: argparse.Namespace) -> None:
    if args.records is not None:
        cmd.extend(("--records", str(args.records)))


def main() -> None:
    """Measure the memory, then register the timed benchmarks (or say why not)."""
    runner = pyperf.Runner(add_cmdline_args=_pass_options)
    runner.argparser.add_argument(
        "--records", type=int, default=None, help="read only the first N records (smoke runs)"
    )
    runner.argparser.add_argument(
        "--memory-out", type=Path, default=None, help="write the memory measures here (JSON)"
    )
    args = runner.parse_args()
    reason = missing()
    if reason is not None:
        print(f"sipri: skipped: {reason}")
        return
    data = load(args.records)
    if args.memory_out is not None:
        found = memory(data)
        args.memory_out.write_text(json.dumps(found), encoding="utf-8")
        print(
            f"sipri memory: retained {found['sipri-memory/dronemarket'] / 1e6:.1f} MB "
            f"(peak {found['sipri-memory-peak/dronemarket'] / 1e6:.1f} MB), "
            f"pandas deep {found['sipri-memory/pandas'] / 1e6:.1f} MB"
        )
    for name, func in benches(data).items():
        runner.bench_time_func(name, suite.timer(functools.partial(_same, func)))


def _same(func: Thunk) -> Thunk:
    """Return `func` itself: the set-up of a case whose fixture is already built."""
    return func


if __name__ == "__main__":
    main()
