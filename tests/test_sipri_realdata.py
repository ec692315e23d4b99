"""dronemarket.sipri.read on every real SIPRI export in ../shared/realdata."""

from __future__ import annotations

from pathlib import Path

import pytest

import dronemarket as dm
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
    """Every record of the export is a deal or rejected, and the count is the README's."""
    result = sipri.read(path.read_bytes())
    assert len(result.market.deals) + len(result.rejected) + result.skipped == result.records
    if path.name in EXPECTED:
        assert result.records == EXPECTED[path.name][0]
    # Findings, not normal outcomes: the two records with repeated delivery years, and
    # non-drone records whose first delivery is before an order year SIPRI does not flag.
    allowed = ("Year(s) of delivery", "has a delivery before the order")
    assert all(any(word in r.reason for word in allowed) for r in result.rejected)
    assert len(result.rejected) <= 3


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_drone_records_load_with_none_rejected(path: Path) -> None:
    """The drone records of every export load, none rejected."""
    result = sipri.read(path.read_bytes(), drones_only=True)
    assert result.rejected == ()
    assert len(result.market.deals) + result.skipped == result.records
    if path.name in EXPECTED:
        assert len(result.market.deals) == EXPECTED[path.name][1]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_drone_deals_merge_with_the_catalog(path: Path) -> None:
    """The drone deals of every export merge with the catalog, and SIPRI's TB2 is the catalog's."""
    catalog = dm.catalog.market()
    result = sipri.read(path.read_bytes(), drones_only=True)
    merged = catalog | result.market
    assert len(merged.deals) == len(catalog.deals) + len(result.market.deals)
    tb2 = catalog.platform("Bayraktar TB2")
    data = path.read_bytes()
    drones = [r for r in sipri.records(data) if isinstance(r, sipri.SipriRecord)]
    drones = [r for r in drones if sipri.is_drone(r.description)]
    for record, deal in zip(drones, result.market.deals, strict=True):
        if dm.market.name_key(record.designation) == "bayraktartb2":
            assert deal.platform == tb2


def test_tajikistan_licence_disagreement_is_noted() -> None:
    """SIPRI's licence in Tajikistan (Ababil-T) and the catalog's Ababil-2 factory are both kept."""
    path = REALDATA / "alexarui_trade-register.csv"
    if not path.exists():
        pytest.skip("the May 2026 register is absent")
    result = sipri.read(path.read_bytes(), drones_only=True)
    (found,) = [p for p in result.market.production if p.host == dm.Country("TJK")]
    assert found.platform.name == "Ababil-T"
    assert "disagree" in found.notes
    assert "Ababil-2" in found.notes
