"""Tests of dronemarket.tables: typed Arrow tables, pandas and polars frames, fixed schemas."""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import dronemarket as dm
from dronemarket import strategies as dms
from dronemarket.tables import (
    COLUMNS,
    TABLES,
    MissingExtraError,
    schema,
    to_arrow,
    to_pandas,
    to_polars,
)

pa = pytest.importorskip("pyarrow")

TUR, KGZ, UKR = dm.Country("TUR"), dm.Country("KGZ"), dm.Country("UKR")
NEWS = dm.Source("Drone deals", publisher="Test wire")
OTHER = dm.Source("Drone specs", publisher="Other wire")
BAYKAR = dm.Organization("Baykar", country=TUR, kind=dm.OrgKind.MANUFACTURER)
TB2 = dm.Platform(
    "Bayraktar TB2",
    manufacturer=BAYKAR,
    category=dm.Category.MALE,
    roles=frozenset({dm.Role.ISR, dm.Role.STRIKE}),
    specs=dm.Specs(
        mtow=[dm.Reported("650 kg", NEWS), dm.Reported("630 kg", OTHER)],
        ceiling="25,000 ft",
    ),
)
EXACT = dm.Deal(
    supplier=dm.Supplier(TUR, manufacturer=BAYKAR),
    recipient=dm.Recipient(KGZ),
    platform=TB2,
    status=dm.DealStatus.DELIVERED,
    ordered=dm.PartialDate(2021, 10),
    quantity=3,
    deliveries=[dm.Delivery(dm.PartialDate(2021, 12), 3)],
    value=dm.Money("69000000.5", "USD"),
    tiv=dm.Tiv(per_unit="2.4", order="7.20", delivered="7.20"),
    condition=dm.Condition.NEW,
    sources=[NEWS],
)
ABOUT = dm.Deal(
    supplier=dm.Supplier(TUR),
    recipient=dm.Recipient(dm.ArmedGroup("Some rebels", base=UKR)),
    platform=TB2,
    status=dm.DealStatus.DELIVERING,
    ordered=dm.PartialDate(2022),
    quantity=dm.Count.about(48, wording="about four dozen"),
    deliveries=[dm.DeliverySpan((2022, 2023), count=None)],
    sources=[NEWS],
)
UNKNOWN = dm.Deal(
    supplier=dm.Supplier(TUR),
    recipient=dm.Recipient(UKR),
    platform=TB2,
    status=dm.DealStatus.ORDERED,
    ordered=dm.PartialDate(2022, 2, 24),
    sources=[NEWS],
)
SANCTION = dm.Sanction(dm.SanctionAuthority.US, target=BAYKAR, sources=[NEWS])
MARKET = dm.Market.of(EXACT, ABOUT, UNKNOWN, SANCTION)


def _row(table: Any, index: int) -> dict[str, Any]:
    return {name: values[index] for name, values in table.to_pydict().items()}


def test_every_table_has_its_one_fixed_schema() -> None:
    """Each table of the catalog comes with exactly the columns and types its schema states."""
    market = dm.catalog.market()
    for name in TABLES:
        table = market.to_arrow(name)
        assert table.schema == schema(name), name
        assert table.column_names == [column.name for column in COLUMNS[name]]
        assert table.num_rows > 0, name


def test_an_empty_selection_has_every_column() -> None:
    """An empty market, or a selection of nothing, still gives every column with its type."""
    for name in TABLES:
        table = to_arrow(dm.Market(), name)
        assert table.num_rows == 0
        assert table.schema == schema(name)
    none = MARKET.to_arrow("deals", years=1950)
    assert none.num_rows == 0
    assert none.schema == schema("deals")


def test_columns_are_typed() -> None:
    """Counts are int64, dates date32, TIV and money decimal128, enumerations dictionaries."""
    fields = schema("deals")
    assert fields.field("units_central").type == pa.int64()
    assert fields.field("quantity_estimate").type == pa.bool_()
    assert fields.field("ordered").type == pa.date32()
    assert pa.types.is_decimal(fields.field("tiv_delivered").type)
    assert pa.types.is_decimal(fields.field("value").type)
    for name in ("status", "category", "supplier_kind", "ordered_precision", "value_currency"):
        assert pa.types.is_dictionary(fields.field(name).type), name
    assert fields.field("intermediaries").type == pa.list_(pa.string())


def test_a_deal_row_holds_its_figures_dates_and_decimals() -> None:
    """An exact deal's row gives its counts, earliest day with precision, TIV and value exactly."""
    row = _row(MARKET.to_arrow("deals", recipient="KGZ"), 0)
    assert row["id"] == EXACT.id
    assert (row["supplier_code"], row["supplier_kind"], row["supplier_manufacturer"]) == (
        "TUR",
        "state",
        "Baykar",
    )
    assert (row["units_low"], row["units_central"], row["units_high"]) == (3, 3, 3)
    assert row["units_estimate"] is False
    assert (row["ordered"], row["ordered_precision"]) == (dt.date(2021, 10, 1), "month")
    assert (row["last_delivery"], row["last_delivery_precision"]) == (dt.date(2021, 12, 1), "month")
    assert row["tiv_delivered"] == Decimal("7.2")
    assert row["tiv_per_unit"] == Decimal("2.4")
    assert (row["value"], row["value_currency"]) == (Decimal("69000000.5"), "USD")
    assert (row["status"], row["category"], row["condition"]) == ("delivered", "MALE", "new")
    assert row["announced"] is None
    assert row["announced_precision"] is None


def test_estimates_and_unknowns_stay_apart() -> None:
    """An estimate is flagged and an unknown count is null, never 0; other parties have no code."""
    table = MARKET.to_arrow("deals")
    rows = {row["id"]: row for row in table.to_pylist()}
    about, unknown = rows[ABOUT.id], rows[UNKNOWN.id]
    assert about["units_central"] == 48
    assert about["units_high"] is None  # unbounded
    assert about["units_estimate"] is True
    assert about["delivered_central"] is None
    assert (about["recipient_code"], about["recipient_kind"]) == (None, "armed group")
    assert about["recipient_name"] == "Some rebels (Ukraine)"
    assert unknown["units_low"] is None
    assert unknown["units_central"] is None
    assert unknown["units_estimate"] is None
    assert (unknown["ordered"], unknown["ordered_precision"]) == (dt.date(2022, 2, 24), "day")


def test_deliveries_table_has_one_row_per_delivery() -> None:
    """Each delivery or span is a row; a span keeps its years and its unknown count as null."""
    table = MARKET.to_arrow("deliveries")
    assert table.num_rows == 2
    rows = {row["deal_id"]: row for row in table.to_pylist()}
    assert rows[EXACT.id]["count_central"] == 3
    span = rows[ABOUT.id]
    assert span["span"] is True
    assert (span["first_year"], span["last_year"]) == (2022, 2023)
    assert (span["date"], span["date_precision"]) == (dt.date(2022, 1, 1), "year")
    assert span["count_central"] is None


def test_platform_specs_in_si_and_as_published_with_disputes_flagged() -> None:
    """A spec gives its SI value (unit in the metadata), its published value and unit, a flag."""
    table = MARKET.to_arrow("platforms")
    row = _row(table, 0)
    assert row["ceiling_si"] == pytest.approx(7620.0)
    assert (row["ceiling_value"], row["ceiling_unit"]) == (25000.0, "ft")
    assert row["ceiling_disputed"] is False
    assert (row["mtow_si"], row["mtow_unit"], row["mtow_disputed"]) == (650.0, "kg", True)
    assert row["wingspan_si"] is None
    assert row["wingspan_disputed"] is None
    assert row["roles"] == ["ISR", "strike"]
    assert table.schema.field("ceiling_si").metadata[b"unit"] == b"m"


def test_sanctions_table() -> None:
    """A sanction's row names its authority, target, target kind and country."""
    row = _row(MARKET.to_arrow("sanctions"), 0)
    assert (row["authority"], row["target"], row["target_kind"]) == ("US", "Baykar", "organization")
    assert row["target_country"] == "TUR"


def test_production_and_cooperation_rows() -> None:
    """Production gives licensor, host, arrangement and dates; cooperation its parties as lists."""
    market = dm.catalog.market()
    production = market.to_arrow("production", recipient="TJK").to_pylist()
    assert len(production) == 1
    row = production[0]
    assert (row["licensor_code"], row["licensor_kind"], row["host_code"]) == ("IRN", "state", "TJK")
    assert (row["arrangement"], row["status"]) == ("licensed production", "producing")
    assert (row["started"], row["started_precision"]) == (dt.date(2022, 5, 17), "day")
    assert row["planned_central"] is None
    visits = market.to_arrow("cooperation", kind="visit", country="KAZ").to_pylist()
    assert visits
    assert all("KAZ" in row["countries"] for row in visits)
    assert all(row["kind"] == "visit" for row in visits)
    budget = next(r for r in market.to_arrow("cooperation").to_pylist() if r["kind"] == "budget")
    assert (budget["value"], budget["value_currency"]) == (Decimal(10) ** 11, "JPY")


def test_tiv_beyond_the_column_scale_is_rounded_half_even() -> None:
    """A TIV with more decimal places than the column holds is rounded, not refused."""
    deal = dm.Deal(
        supplier=dm.Supplier(TUR),
        recipient=dm.Recipient(KGZ),
        platform=TB2,
        status=dm.DealStatus.ORDERED,
        ordered=dm.PartialDate(2021),
        tiv=dm.Tiv(order="1.00000000000050"),
        sources=[NEWS],
    )
    row = _row(dm.Market.of(deal).to_arrow("deals"), 0)
    assert row["tiv_order"] == Decimal("1.000000000000")
    assert row["tiv_delivered"] is None


def test_filters_are_validated_like_the_queries() -> None:
    """An unknown table, an unknown filter or a filter on a table that takes none is refused."""
    with pytest.raises(dm.ValidationError, match="is not a table"):
        MARKET.to_arrow("dealz")
    with pytest.raises(dm.ValidationError, match="is not a table"):
        schema(["deals"])  # type: ignore[arg-type]
    with pytest.raises(dm.ValidationError, match="are not filters"):
        MARKET.to_arrow("deals", colour="red")
    with pytest.raises(dm.NotFoundError):
        MARKET.to_arrow("deals", platform="no such drone")
    with pytest.raises(dm.ValidationError, match="it takes none"):
        MARKET.to_arrow("sanctions", years=2021)


def test_a_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pyarrow, to_arrow raises a dronemarket error naming the extra to install."""
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match=r"dronemarket\[arrow\]") as caught:
        MARKET.to_arrow("deals")
    assert isinstance(caught.value, dm.DroneMarketError)
    assert isinstance(caught.value, ImportError)


def test_pandas_keeps_the_arrow_types() -> None:
    """to_pandas gives nullable Arrow-backed columns, and Categoricals for enumerations."""
    pd = pytest.importorskip("pandas")
    frame = to_pandas(MARKET, "deals")
    assert frame["units_central"].dtype == pd.ArrowDtype(pa.int64())
    assert frame["ordered"].dtype == pd.ArrowDtype(pa.date32())
    assert isinstance(frame["status"].dtype, pd.CategoricalDtype)
    assert frame["units_central"].isna().sum() == 1
    assert frame.shape == (3, len(COLUMNS["deals"]))


def test_polars_keeps_the_arrow_types() -> None:
    """to_polars gives Int64, Date, Decimal and Categorical columns, nulls kept."""
    pl = pytest.importorskip("polars")
    frame = to_polars(MARKET, "deals")
    assert frame.schema["units_central"] == pl.Int64
    assert frame.schema["ordered"] == pl.Date
    assert isinstance(frame.schema["tiv_delivered"], pl.Decimal)
    assert frame.schema["status"] == pl.Categorical
    assert frame["units_central"].null_count() == 1
    assert MARKET.to_polars("platforms").height == 1


_ALL_STATUSES = tuple(dm.DealStatus)


def _tally(rows: list[dict[str, Any]]) -> tuple[Any, ...]:
    known = [row for row in rows if row["units_central"] is not None]
    highs = [row["units_high"] for row in known]
    return (
        sum(row["units_low"] for row in known),
        sum(row["units_central"] for row in known),
        None if None in highs else sum(highs),
        len(known),
        sum(row["units_estimate"] for row in known),
        len(rows) - len(known),
    )


@pytest.mark.slow  # draws whole markets
@settings(max_examples=40)
@given(dms.markets(max_deals=8))
def test_every_figure_in_the_deals_table_agrees_with_the_analytics(market: dm.Market) -> None:
    """Units per supplier, added up from the table, are the tallies of market.share."""
    rows = market.to_arrow("deals").to_pylist()
    by_supplier: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        key = row["supplier_code"] or row["supplier_name"] or "unknown"
        by_supplier[key].append(row)
    shares = market.share(by="supplier", measure="units", status=_ALL_STATUSES)
    assert {item.name for item in shares} == set(by_supplier)
    for item in shares:
        tally = item.tally
        expected = (tally.low, tally.central, tally.high, tally.counted, tally.estimated)
        assert _tally(by_supplier[item.name]) == (*expected, tally.unknown)
    tiv = market.share(by="supplier", measure="tiv", status=_ALL_STATUSES)
    for item in tiv:
        known = [
            r["tiv_delivered"] for r in by_supplier[item.name] if r["tiv_delivered"] is not None
        ]
        assert sum(known, Decimal(0)) == item.tally.central
        assert len(known) == item.tally.counted


@pytest.mark.slow  # draws whole markets
@settings(max_examples=30)
@given(dms.markets(max_deals=8))
def test_every_figure_in_the_deliveries_table_agrees_with_the_timeline(market: dm.Market) -> None:
    """Dated deliveries, added up by year from the table, are the timeline's delivered tallies."""
    rows = market.to_arrow("deliveries").to_pylist()
    by_year: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if not row["span"] and row["date"] is not None:
            by_year[row["first_year"]].append(
                {name.replace("count_", "units_"): value for name, value in row.items()}
            )
    timeline = market.timeline(status=_ALL_STATUSES)
    delivered = {year.year: year.delivered for year in timeline if year.delivered.records}
    assert set(delivered) == set(by_year)
    for year, tally in delivered.items():
        expected = (tally.low, tally.central, tally.high, tally.counted, tally.estimated)
        assert _tally(by_year[year]) == (*expected, tally.unknown)


@pytest.mark.slow
def test_the_tables_benchmarks_run_and_both_sides_agree() -> None:
    """Each tables benchmark runs once on a small market; both routes hold the same deals."""
    pytest.importorskip("pyperf")
    pytest.importorskip("duckdb")
    benchmarks = Path(__file__).resolve().parent.parent / "benchmarks"
    if not benchmarks.is_dir():
        pytest.skip("benchmarks/ is not here")
    sys.path.insert(0, str(benchmarks))
    try:
        bench_tables = importlib.import_module("bench_tables")
        suite = importlib.import_module("suite")
    finally:
        sys.path.remove(str(benchmarks))
    data = suite.MarketData.build(300)
    made = {name: setup()() for name, setup in bench_tables.benches(data).items()}
    assert set(made) == set(bench_tables.BENCHES)
    ours, theirs = made["to-arrow/dronemarket"], made["to-arrow/from-pylist"]
    assert ours.num_rows == theirs.num_rows == 300
    assert ours["id"].to_pylist() == theirs["id"].to_pylist()
    assert dict(made["duckdb-first/dronemarket"]) == dict(made["duckdb-first/from-pylist"])


@pytest.mark.parametrize("table", TABLES)
def test_frames_of_an_empty_selection_have_every_column(table: str) -> None:
    """pandas and polars frames of nothing still have every column of the table."""
    pytest.importorskip("pandas")
    pytest.importorskip("polars")
    width = len(COLUMNS[table])  # type: ignore[index]
    assert dm.Market().to_pandas(table).shape == (0, width)
    assert dm.Market().to_polars(table).shape == (0, width)
