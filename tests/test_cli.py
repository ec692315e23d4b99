"""The command line's subcommands: platform, deals, shares, validate, export, plot, progress."""

from __future__ import annotations

import ast
import datetime as dt
import importlib.metadata
import importlib.util
import io
import json
import shutil
import subprocess
import sys
import threading
import types
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import dronemarket as dm
from dronemarket import _cli, _cli_io
from dronemarket.__main__ import main
from dronemarket._cli_args import years
from dronemarket.market import Market

FIXTURES = Path(__file__).parent / "fixtures" / "sipri"
COMMANDS = ("show", "platform", "deals", "shares", "validate", "export", "sipri", "plot")


def _err_line(capsys: pytest.CaptureFixture[str]) -> str:
    """Return standard error, asserting that it is exactly one line."""
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def _usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    return _err_line(capsys)


# --- help -----------------------------------------------------------------------------


def test_module_help_lists_every_subcommand_with_examples() -> None:
    """`python -m dronemarket --help` (a real process) names every subcommand and gives examples."""
    result = subprocess.run(
        [sys.executable, "-m", "dronemarket", "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for command in COMMANDS:
        assert f"python -m dronemarket {command}" in result.stdout
    assert "examples:" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_each_subcommand_help_has_examples(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every subcommand's --help exits 0 and shows an example of that subcommand."""
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "example" in out
    assert f"python -m dronemarket {command}" in out


def test_console_script_points_at_main() -> None:
    """The `dronemarket` console script is declared and calls `dronemarket.__main__:main`."""
    scripts = importlib.metadata.entry_points(group="console_scripts", name="dronemarket")
    assert [script.value for script in scripts] == ["dronemarket.__main__:main"]
    assert next(iter(scripts)).load() is main


def test_console_script_runs_and_names_itself() -> None:
    """The installed `dronemarket` script runs; its one-line errors start with `dronemarket:`."""
    script = shutil.which("dronemarket", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the package is not installed with its scripts in this environment")
    result = subprocess.run(  # noqa: S603 - the installed script, fixed arguments
        [script, "platform", "Bayraktar TB9"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stderr.startswith("dronemarket: no platform")
    assert result.stderr.count("\n") == 1


# --- platform -------------------------------------------------------------------------


def test_platform_shows_every_reported_value_with_its_source(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`platform tb-2` finds the TB2 by alias and lists each reported mass with its publisher."""
    assert main(["platform", "tb-2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Bayraktar TB2\n")
    assert "  first flight  2014\n  in service    2014-11\n" in out
    assert "  maximum take-off mass  (sources disagree)" in out
    assert "    650 kg  C4Defence, 2020-08-12: Bayraktar TB2 on Rhodes" in out
    assert "    630 kg  Army Recognition, 2022: Romania seeks to buy Bayraktar TB2 UCAVs" in out
    assert "27,000 ft  C4Defence" in out  # as published
    assert "\nClassification\n  US DoD UAS group: Group 5" in out
    assert "NATO UAS class: Class III" in out
    assert "MTCR Annex category: undetermined; missing range" in out


def test_platform_shows_its_lineage(capsys: pytest.CaptureFixture[str]) -> None:
    """A variant's page names what it derives from."""
    assert main(["platform", "TB2T-AI"]) == 0
    assert "  lineage       Bayraktar TB2T-AI <- Bayraktar TB2\n" in capsys.readouterr().out


def test_platform_in_metric_units(capsys: pytest.CaptureFixture[str]) -> None:
    """`platform --units metric` converts every value; 27,000 ft reads as 8,230 m."""
    assert main(["platform", "Bayraktar TB2", "--units", "metric"]) == 0
    out = capsys.readouterr().out
    assert "units: metric" in out
    assert "8,230 m  C4Defence" in out
    assert "130 km/h" in out


def test_unknown_platform_is_one_line_with_suggestions(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown platform exits 1 with one line suggesting close names, never a traceback."""
    assert main(["platform", "Bayraktar TB9"]) == 1
    err = _err_line(capsys)
    assert err.startswith("python -m dronemarket: no platform in the market is called")
    assert "did you mean 'Bayraktar TB3', 'Bayraktar TB2'" in err


# --- deals ----------------------------------------------------------------------------


def test_deals_table_selected_by_supplier_and_years(capsys: pytest.CaptureFixture[str]) -> None:
    """`deals --supplier TUR --years 2019-2021` prints those deals' rows and how many.

    Years select by order or delivery year (``year_of="any"``), so the TB2s
    delivered to Libya in 2019, with no order date, are among them.
    """
    assert main(["deals", "--supplier", "TUR", "--years", "2019-2021"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "9 deals (supplier TUR, years 2019-2021)"
    assert any(line.startswith("tur-lby-bayraktar-tb2-2019") for line in lines)
    assert lines[1].split() == [
        "id",
        "route",
        "platform",
        "status",
        "ordered",
        "quantity",
        "delivered",
    ]
    ukraine = next(line for line in lines if line.startswith("tur-ukr-bayraktar-tb2-2019"))
    assert ukraine.split()[-4:] == ["delivered", "2019-01", "6", "3"]
    assert len(lines) == 1 + 1 + 9 + 1


def test_deals_repeated_options_match_any(capsys: pytest.CaptureFixture[str]) -> None:
    """A repeated --recipient or --status matches any of its values."""
    argv = ["deals", "--recipient", "Ukraine", "--recipient", "POL", "--status", "delivered"]
    assert main([*argv, "--status", "delivering"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 deals (recipient Ukraine or POL, status delivered or delivering)")
    assert "tur-pol-bayraktar-tb2-2021" in out
    assert "tur-ukr-bayraktar-tb2-2020" not in out  # under negotiation


def test_deals_none_selected(capsys: pytest.CaptureFixture[str]) -> None:
    """A selection with no deal says `0 deals` and prints no table."""
    assert main(["deals", "--recipient", "FRA"]) == 0
    assert capsys.readouterr().out == "0 deals (recipient FRA)\n"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["deals", "--supplier", "Turkye"], "did you mean 'Türkiye'?"),
        (["deals", "--region", "central asai"], "did you mean 'Central Asia'?"),
        (["deals", "--platform", "TB9"], "no platform in the market is called 'TB9'"),
    ],
)
def test_deals_unknown_name_is_one_line(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown supplier, region or platform exits 1 with one line naming close matches."""
    assert main(argv) == 1
    assert expected in _err_line(capsys)


@pytest.mark.parametrize(
    "argv",
    [
        ["deals", "--years", "20x1"],
        ["deals", "--years", "2022-2018"],
        ["deals", "--status", "shipped"],
        ["shares", "--by", "colour"],
        ["export", "--table", "deals", "--format", "xlsx", "--out", "x"],
        ["plot", "pie", "--out", "x.png"],
        ["platform"],
    ],
)
def test_bad_arguments_are_one_line_and_status_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A malformed option or a missing argument exits 2 with one line pointing to --help."""
    assert "(see --help)" in _usage_error(argv, capsys)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021", 2021),
        ("2018-2022", (2018, 2022)),
        ("2018-", (2018, None)),
        ("..2022", (None, 2022)),
    ],
)
def test_years_reads_a_year_or_a_span(text: str, expected: object) -> None:
    """`--years` takes a year, a span, or a span open at one end."""
    assert years(text) == expected


# --- shares ---------------------------------------------------------------------------


def test_shares_by_region_with_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    """`shares --region "Central Asia" --measure deals` ranks suppliers and states coverage."""
    assert main(["shares", "--region", "Central Asia", "--measure", "deals"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Shares by supplier, in deals (region Central Asia)"
    assert lines[2].split()[:2] == ["1", "TUR"]
    assert "coverage: " in out
    assert "deals have a figure" in out


def test_shares_in_tiv_from_a_sipri_export(capsys: pytest.CaptureFixture[str]) -> None:
    """`shares --sipri FILE --measure tiv` reads the export and says TIV is not money."""
    path = str(FIXTURES / "register.csv")
    assert main(["shares", "--sipri", path, "--drones", "--measure", "tiv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Shares by supplier, in TIV, millions (not money)")
    assert "coverage: 100%" in out


def test_shares_unknown_figures_are_counted_apart(capsys: pytest.CaptureFixture[str]) -> None:
    """Deals with no count show as unknown (`?`), and coverage is below 100%."""
    assert main(["shares", "--by", "platform", "--status", "interest"]) == 0
    out = capsys.readouterr().out
    assert "?" in out
    assert "unknown" in out
    assert "coverage: 100%" not in out


def test_shares_value_in_mixed_currencies_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """A value share of a market priced in no or several currencies is refused in one line."""
    status = main(["shares", "--measure", "value", "--currency", "usd"])
    assert status == 1
    assert "currency" in _err_line(capsys).lower()


# --- validate -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    """The catalog as a market document."""
    return dm.unstructure(dm.catalog.market())  # type: ignore[no-any-return]


def _write(tmp_path: Path, name: str, value: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(value), encoding="utf-8")
    return str(path)


def test_validate_a_valid_document(
    tmp_path: Path, document: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    """A valid market document exits 0 and says what it holds."""
    path = _write(tmp_path, "market.json", document)
    assert main(["validate", path]) == 0
    assert capsys.readouterr().out == (
        f"{path}: valid, a market document: 15 platforms, 27 organizations, 18 deals, "
        "5 production, 5 sanctions, 6 cooperation\n"
    )


def test_validate_a_bad_document_prints_every_path(
    tmp_path: Path, document: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    """A document with errors exits 1 and prints each error on its own line, with its path."""
    bad = json.loads(json.dumps(document))
    bad["deals"][2]["status"] = "shipped"
    bad["production"][0]["status"] = 7
    path = _write(tmp_path, "bad.json", bad)
    assert main(["validate", path]) == 1
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert lines[0] == f"{path}: 2 errors in a market document"
    assert lines[1].startswith("  deals[2].status: expected one of 'interest'")
    assert lines[2].startswith("  production[0].status: ")
    assert out.err == ""


def test_validate_a_list_of_deals_guesses_the_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A list of deals is read as deals; bad records are reported by index and path."""
    deals = [dm.unstructure(deal) for deal in dm.catalog.market().deals[:3]]
    good = _write(tmp_path, "deals.json", deals)
    assert main(["validate", good]) == 0
    assert capsys.readouterr().out == f"{good}: valid, a list of 3 deal records: 3 loaded\n"
    deals[1]["status"] = "shipped"
    deals[2]["supplier"] = {"party": "XXX"}
    bad = _write(tmp_path, "bad-deals.json", deals)
    assert main(["validate", bad]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{bad}: 2 errors in a list of 3 deal records"
    assert lines[1].startswith("  [1].status: expected one of")
    assert lines[2].startswith("  [2].supplier.party: 'XXX' is not an ISO 3166-1 country")


def test_validate_known_catalog_accepts_platforms_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With --known-catalog a deal may name its platform; without it the name is an error."""
    deal = dm.unstructure(dm.catalog.market().deals[0])
    deal["platform"] = "Bayraktar TB2"
    path = _write(tmp_path, "mine.json", [deal])
    assert main(["validate", path, "--known-catalog"]) == 0
    assert capsys.readouterr().out == f"{path}: valid, a list of 1 deal record: 1 loaded\n"
    assert main(["validate", path]) == 1
    assert "[0].platform" in capsys.readouterr().out


def test_validate_kind_option_overrides_the_guess(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--kind source` reads the list as sources; a deal then fails as a source would."""
    deals = [dm.unstructure(dm.catalog.market().deals[0])]
    path = _write(tmp_path, "deals.json", deals)
    assert main(["validate", path, "--kind", "source"]) == 1
    assert "in a list of 1 source record" in capsys.readouterr().out


@pytest.mark.parametrize("kind", sorted(_cli_io.RECORD_KINDS))
def test_guess_kind_tells_each_kind_of_record(kind: str) -> None:
    """The kind of a list is told from its first record's keys, for every kind of record."""
    market = dm.catalog.market()
    record: object = {
        "deal": market.deals[0],
        "production": market.production[0],
        "cooperation": market.cooperation[0],
        "sanction": market.sanctions[0],
        "platform": market.platforms[0],
        "organization": market.organizations[0],
        "source": market.deals[0].sources[0],
    }[kind]
    assert _cli_io.guess_kind([dm.unstructure(record)]) == kind
    assert _cli_io.guess_kind([]) == "deal"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"format":', "is not JSON: Expecting value (line 1 column 11)"),
        (b"\xff\xfe\x00", "is not JSON"),
        (b"42", "is neither a market document (a JSON object) nor a list of records"),
    ],
)
def test_validate_not_a_document_is_one_line(
    content: bytes, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad JSON, or JSON that is neither a document nor a list, exits 1 with one line."""
    path = tmp_path / "x.json"
    path.write_bytes(content)
    assert main(["validate", str(path)]) == 1
    assert expected in _err_line(capsys)


def test_validate_missing_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that is not there exits 1 with one line saying it cannot be read."""
    assert main(["validate", str(tmp_path / "none.json")]) == 1
    assert "cannot read" in _err_line(capsys)


def test_market_option_reads_a_document(
    tmp_path: Path, document: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    """`deals --market FILE` reads the market from the document; a bad one is one line."""
    path = _write(tmp_path, "market.json", document)
    assert main(["deals", "--market", path, "--recipient", "KGZ"]) == 0
    assert capsys.readouterr().out.startswith("2 deals (recipient KGZ)")
    bad = json.loads(json.dumps(document))
    bad["deals"][0]["status"] = "shipped"
    bad_path = _write(tmp_path, "bad.json", bad)
    assert main(["deals", "--market", bad_path]) == 1
    err = _err_line(capsys)
    assert "is not a valid market document (1 error; first: deals[0].status" in err
    assert f"see `validate {bad_path}`" in err


def test_sipri_option_that_is_not_an_export_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--sipri FILE` with a file that is no SIPRI export exits 1 with one line."""
    path = tmp_path / "notes.txt"
    path.write_text("hello\n")
    assert main(["deals", "--sipri", str(path)]) == 1
    assert "is not a SIPRI export" in _err_line(capsys)


# --- export ---------------------------------------------------------------------------


def _fake_to_arrow(self: Market, table: str, **filters: Any) -> Any:  # noqa: ARG001
    """Stand in for the tables branch's to_arrow: a date, a decimal, nulls, integers, a list."""
    import pyarrow as pa  # noqa: PLC0415 - only these tests need it

    return pa.table(
        {
            "id": ["a", "b"],
            "ordered": pa.array([dt.date(2021, 5, 1), None], pa.date32()),
            "tiv": pa.array([Decimal("4.80"), Decimal("0.05")], pa.decimal128(18, 2)),
            "units_central": pa.array([3, None], pa.int64()),
            "via": pa.array([["X Ltd", "Y AG"], []], pa.list_(pa.string())),
        }
    )


@pytest.fixture
def fake_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give Market a stand-in `to_arrow`, as the contract describes it."""
    monkeypatch.setattr(Market, "to_arrow", _fake_to_arrow, raising=False)


@pytest.mark.usefixtures("fake_tables")
@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_export_writes_each_format(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`export --format F` writes the Arrow table to the file, and the file reads back."""
    out = tmp_path / f"deals.{fmt}"
    assert main(["export", "--table", "deals", "--format", fmt, "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote 2 rows of deals to {out} ({fmt})\n"
    if fmt == "json":
        assert json.loads(out.read_text(encoding="utf-8")) == [
            {
                "id": "a",
                "ordered": "2021-05-01",
                "tiv": "4.80",
                "units_central": 3,
                "via": ["X Ltd", "Y AG"],
            },
            {"id": "b", "ordered": None, "tiv": "0.05", "units_central": None, "via": []},
        ]
    elif fmt == "csv":
        lines = out.read_text(encoding="utf-8").splitlines()
        assert lines[0] == '"id","ordered","tiv","units_central","via"'
        assert lines[1] == '"a",2021-05-01,4.80,3,"X Ltd; Y AG"'
        assert lines[2] == '"b",,0.05,,""'
    else:
        import pyarrow.parquet as pq  # noqa: PLC0415 - only this test needs it

        assert pq.read_table(out).equals(_fake_to_arrow(dm.catalog.market(), "deals"))


@pytest.mark.usefixtures("fake_tables")
def test_export_to_a_folder_that_is_not_there_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An output file that cannot be written exits 1 with one line, never a traceback."""
    out = str(tmp_path / "none" / "deals.json")
    assert main(["export", "--table", "deals", "--format", "json", "--out", out]) == 1
    assert "cannot write" in _err_line(capsys)


def test_export_without_pyarrow_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without pyarrow, `export` exits 1 with one line naming the `arrow` extra."""
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    out = str(tmp_path / "d.csv")
    assert main(["export", "--table", "deals", "--format", "csv", "--out", out]) == 1
    assert "dronemarket[arrow]" in _err_line(capsys)


def test_export_filters_reach_to_arrow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The filters given to `export` are passed on to `market.to_arrow` as keywords."""
    seen: dict[str, Any] = {}

    def spy(self: Market, table: str, **filters: Any) -> Any:
        seen.update(filters, table=table)
        return _fake_to_arrow(self, table)

    monkeypatch.setattr(Market, "to_arrow", spy, raising=False)
    out = str(tmp_path / "d.csv")
    argv = ["export", "--table", "deliveries", "--format", "csv", "--out", out]
    assert main([*argv, "--supplier", "TUR", "--years", "2020-"]) == 0
    assert seen == {"table": "deliveries", "supplier": "TUR", "years": (2020, None)}
    capsys.readouterr()


def test_export_of_the_catalog_deals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With the tables package, `export --table deals --format csv` writes one row per deal."""
    if not hasattr(Market, "to_arrow"):
        pytest.skip("needs Market.to_arrow (the tables branch)")
    out = tmp_path / "deals.csv"
    assert main(["export", "--table", "deals", "--format", "csv", "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote 18 rows of deals to {out} (csv)\n"
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1 + 18


# --- plot -----------------------------------------------------------------------------


@pytest.fixture
def fake_plot(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Install a stand-in `dronemarket.plot` that records its calls and returns Figures."""
    from matplotlib.figure import Figure  # noqa: PLC0415 - only these tests need it

    calls: dict[str, Any] = {}

    def record(name: str) -> Any:
        def draw(*args: Any, **kwargs: Any) -> Figure:
            calls[name] = (args, kwargs)
            figure = Figure()
            figure.add_subplot().set_title(name)
            return figure

        return draw

    module = types.ModuleType("dronemarket.plot")
    for name in ("timeline", "network", "shares"):
        setattr(module, name, record(name))
    monkeypatch.setitem(sys.modules, "dronemarket.plot", module)
    return calls


@pytest.mark.parametrize("kind", ["timeline", "network", "shares"])
def test_plot_saves_each_figure(
    kind: str, fake_plot: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`plot KIND --out FILE` calls dronemarket.plot.KIND with the filters and saves the image."""
    out = tmp_path / f"{kind}.png"
    assert main(["plot", kind, "--out", str(out), "--supplier", "TUR"]) == 0
    assert capsys.readouterr().out == f"wrote the {kind} figure to {out}\n"
    assert out.read_bytes().startswith(b"\x89PNG")
    args, kwargs = fake_plot[kind]
    if kind == "shares":
        assert isinstance(args[0], dm.Shares)
        assert args[0].by == "supplier"
    else:
        assert isinstance(args[0], Market)
        assert kwargs["supplier"] == "TUR"
    if kind == "timeline":
        assert kwargs["measure"] == "units"
    assert "top" not in kwargs


def test_plot_top_is_passed_on(fake_plot: dict[str, Any], tmp_path: Path) -> None:
    """`plot network --top 5` asks dronemarket.plot.network for the top 5 parties."""
    assert main(["plot", "network", "--top", "5", "--out", str(tmp_path / "n.png")]) == 0
    assert fake_plot["network"][1]["top"] == 5


@pytest.mark.usefixtures("fake_plot")
def test_plot_to_an_unknown_image_format_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An --out extension matplotlib cannot write exits 1 with one line."""
    assert main(["plot", "timeline", "--out", str(tmp_path / "t.nosuch")]) == 1
    assert "cannot write" in _err_line(capsys)


def test_plot_without_matplotlib_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without matplotlib, `plot` exits 1 with one line naming the `plot` extra."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    assert main(["plot", "network", "--out", str(tmp_path / "n.png")]) == 1
    assert "dronemarket[plot]" in _err_line(capsys)


@pytest.mark.parametrize("kind", ["timeline", "network", "shares"])
def test_plot_the_catalog(kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With dronemarket.plot, each figure of the catalog is saved as an SVG file."""
    if importlib.util.find_spec("dronemarket.plot") is None:
        pytest.skip("needs dronemarket.plot (the display branch)")
    out = tmp_path / f"{kind}.svg"
    assert main(["plot", kind, "--out", str(out)]) == 0
    assert "<svg" in out.read_text(encoding="utf-8")
    capsys.readouterr()


# --- progress and output --------------------------------------------------------------


class _Terminal(io.StringIO):
    """A standard error that says it is a terminal, and signals its first write."""

    def __init__(self) -> None:
        super().__init__()
        self.written = threading.Event()

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.written.set()
        return super().write(text)


def test_progress_shows_on_a_terminal_for_long_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Work that outlasts the delay says so on a terminal's stderr, then clears the line."""
    monkeypatch.setattr(_cli, "PROGRESS_AFTER", 0.0)
    terminal = _Terminal()
    result = _cli.with_progress(lambda: terminal.written.wait(60), "building deals", terminal)
    assert result is True
    shown = terminal.getvalue()
    assert shown.startswith("building deals ...\r")
    assert shown.endswith("\r")


def test_no_progress_when_stderr_is_not_a_terminal() -> None:
    """On a stderr that is no terminal, nothing is written, however long the work."""
    stream = io.StringIO()
    assert _cli.with_progress(lambda: 7, "building deals", stream) == 7
    assert stream.getvalue() == ""


def test_closed_stdout_for_a_subcommand_is_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A subcommand whose output cannot be written exits 1, saying so in one line."""
    closed = io.StringIO()
    closed.close()
    errors = io.StringIO()
    monkeypatch.setattr(sys, "stdout", closed)
    monkeypatch.setattr(sys, "stderr", errors)
    assert main(["deals"]) == 1
    assert errors.getvalue() == (
        "python -m dronemarket: cannot write the output: standard output is closed\n"
    )


def _imported(path: Path) -> set[str]:
    """Return every dotted name a module imports (modules, and names from modules)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add(node.module or "")
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _is_cli(name: str) -> bool:
    return any(part.startswith("_cli") for part in name.split("."))


def test_only_main_imports_the_cli_modules() -> None:
    """The _cli* modules, which may do I/O, are imported by __main__ and each other only."""
    package = Path(dm.__file__).parent
    assert any(map(_is_cli, _imported(package / "__main__.py")))  # the scan is not vacuous
    for path in package.rglob("*.py"):
        if path.name != "__main__.py" and not path.name.startswith("_cli"):
            assert not any(map(_is_cli, _imported(path))), path


def test_an_interrupt_is_one_line_and_status_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C during the work exits 130 with one line, never a traceback."""

    def interrupted(*_: object) -> Market:
        raise KeyboardInterrupt

    monkeypatch.setattr(_cli_io, "market_of", interrupted)
    assert main(["deals"]) == 130
    assert _err_line(capsys) == "python -m dronemarket: interrupted\n"
