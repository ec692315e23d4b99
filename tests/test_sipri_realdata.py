"""dronemarket.sipri.read on every real SIPRI export in ../shared/realdata."""

from __future__ import annotations

from pathlib import Path

import pytest

from dronemarket import sipri

REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"
FILES = sorted(
    p for p in (REALDATA.iterdir() if REALDATA.is_dir() else ()) if p.suffix in {".csv", ".json"}
)
pytestmark = pytest.mark.skipif(
    not FILES, reason=f"SIPRI's exports are not beside the checkout ({REALDATA}); CI has them"
)

# (records, drone records) per export, counted independently (see realdata/README.md).
EXPECTED = {
    "alexarui_trade-register.csv": (29916, 391),
    "maodougie25_trade-register.csv": (28348, 386),
    "colasdroin_trade-register.csv": (29515, 441),
    "mjhofmann_trade-register.csv": (27951, 345),
    "nagehanrdogan_trade_register.csv": (12571, 368),
    "andreipetre_trade-register.csv": (13893, 330),
    "andreipetre_trade-register_initial_situation.csv": (14610, 18),
    "senapol_trade-register.csv": (323, 14),
    "andreipetre_russia.json": (1213, 0),
}


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_record_accounted_for(path: Path) -> None:
    """Every record of the export is loaded or rejected, and the count is the README's."""
    result = sipri.read(path.read_bytes())
    assert len(result.loaded) + len(result.rejected) + result.skipped == result.records
    if path.name in EXPECTED:
        assert result.records == EXPECTED[path.name][0]
    # Findings, not normal outcomes: only the two known records with repeated delivery years.
    assert all("Year(s) of delivery" in r.reason for r in result.rejected)
    assert len(result.rejected) <= 2


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_drone_records_load_with_none_rejected(path: Path) -> None:
    """The drone records of every export load, none rejected."""
    result = sipri.read(path.read_bytes(), drones_only=True)
    assert result.rejected == ()
    assert len(result.loaded) + result.skipped == result.records
    if path.name in EXPECTED:
        assert len(result.loaded) == EXPECTED[path.name][1]
