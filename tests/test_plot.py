"""dronemarket.plot: figures of a market, checked by their content on the Agg backend."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")

import pytest
from hypothesis import HealthCheck, given, settings
from matplotlib import _pylab_helpers
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

import dronemarket as dm
from dronemarket import plot, sipri
from dronemarket import strategies as dst
from dronemarket.plot._data import OTHERS, yearly

FIXTURE = Path(__file__).parent / "fixtures" / "sipri" / "register.csv"
NEWS = dm.Source("A report", publisher="Daily News")
KGZ = dm.Country("KGZ")


def _deal(
    supplier: str, deliveries: list[dm.Delivery | dm.DeliverySpan], **extra: object
) -> dm.Deal:
    maker = dm.Organization(
        f"Maker {supplier}", country=dm.Country(supplier), kind=dm.OrgKind.MANUFACTURER
    )
    platform = dm.Platform(f"Drone {supplier}", manufacturer=maker)
    fields: dict[str, object] = {
        "supplier": dm.Supplier(dm.Country(supplier)),
        "recipient": dm.Recipient(KGZ),
        "platform": platform,
        "status": dm.DealStatus.DELIVERED,
        "ordered": dm.PartialDate(2019),
        "deliveries": deliveries,
        "sources": [NEWS],
    }
    fields.update(extra)
    return dm.Deal(**fields)  # type: ignore[arg-type]


def _market(*deals: dm.Deal) -> dm.Market:
    return dm.Market(
        platforms={d.platform for d in deals},
        organizations={d.platform.manufacturer for d in deals if d.platform.manufacturer},
        deals=deals,
    )


@pytest.fixture(scope="module")
def three() -> dm.Market:
    """Three suppliers delivering in 2020 and 2021, one of them an estimate, one in a span."""
    return _market(
        _deal("TUR", [dm.Delivery(dm.PartialDate(2020), 4), dm.Delivery(dm.PartialDate(2021), 2)]),
        _deal("CHN", [dm.Delivery(dm.PartialDate(2021), dm.Count.about(10))]),
        _deal("ISR", [dm.DeliverySpan((2020, 2021), count=6)]),
        _deal(
            "USA", [dm.Delivery(dm.PartialDate(2020), 1)], id="usa", status=dm.DealStatus.DELIVERED
        ),
    )


@pytest.fixture(scope="module")
def imported() -> dm.Market:
    """The drones of the invented SIPRI trade-register fixture."""
    return sipri.read(FIXTURE.read_bytes(), drones_only=True).market


def _axes(figure: Figure) -> Axes:
    assert isinstance(figure, Figure)
    return figure.axes[0]


def _legend(axes: Axes) -> list[str]:
    legend = axes.get_legend()
    assert legend is not None
    return [text.get_text() for text in legend.get_texts()]


def _note(figure: Figure) -> str:
    label = figure.get_supxlabel()
    assert isinstance(label, str)
    return label


# --- timeline ---------------------------------------------------------------------


def test_timeline_has_title_labels_and_one_legend_entry_per_supplier(three: dm.Market) -> None:
    """A units timeline is titled and labelled, with one legend entry per supplier."""
    figure = plot.timeline(three)
    axes = _axes(figure)
    assert axes.get_title() == "Transfers by delivery year, in units"
    assert axes.get_xlabel() == "delivery year"
    assert axes.get_ylabel() == "units delivered"
    assert sorted(_legend(axes)) == ["China", "Israel", "Türkiye", "United States"]


def test_timeline_stacks_the_figures_and_hatches_estimates(three: dm.Market) -> None:
    """Bars stack each supplier's units per year; the estimated part is a hatched bar."""
    axes = _axes(plot.timeline(three))
    bars = [p for p in axes.patches if isinstance(p, Rectangle)]
    drawn: set[tuple[int, float, str | None]] = {
        (round(p.get_x() + p.get_width() / 2), p.get_height(), p.get_hatch())
        for p in bars
        if p.get_height()
    }
    assert (2021, 10.0, "///") in drawn  # China's estimate, hatched
    assert (2020, 4.0, None) in drawn
    assert (2021, 2.0, None) in drawn
    assert (2020, 1.0, None) in drawn


def test_timeline_spreads_a_span_as_an_estimate(three: dm.Market) -> None:
    """A span is spread over its years as the analytics spread it, drawn as an estimate."""
    stack = yearly(three.deals, "units", 8)
    israel = next(series for series in stack.series if series.label == "Israel")
    assert dict(zip(stack.years, israel.estimated, strict=True)) == {2020: 3.0, 2021: 3.0}
    assert sum(israel.exact) == 0
    assert stack.left_out == 0


def test_timeline_notes_deliveries_with_no_figure() -> None:
    """A delivery of unknown count is left out and counted in the note, never drawn as 0."""
    market = _market(_deal("TUR", [dm.Delivery(dm.PartialDate(2020), None)]))
    assert "Left out: 1 deliveries with no figure" in _note(plot.timeline(market))


def test_timeline_merges_the_smallest_suppliers(three: dm.Market) -> None:
    """Beyond `top` suppliers the rest share one legend entry, "other suppliers"."""
    labels = _legend(_axes(plot.timeline(three, top=1)))
    assert labels == ["China", OTHERS]


def test_timeline_in_tiv_from_a_sipri_fixture(imported: dm.Market) -> None:
    """A TIV timeline of a SIPRI import puts each deal's delivered TIV in its delivery year."""
    figure = plot.timeline(imported, measure="tiv")
    axes = _axes(figure)
    assert axes.get_title() == "Transfers by delivery year, in TIV (millions)"
    assert axes.get_ylabel() == "TIV (millions) delivered"
    stack = yearly(imported.deals, "tiv", 8)
    totals = dict(
        zip(
            stack.years,
            (sum(s) for s in zip(*(x.exact for x in stack.series), strict=True)),
            strict=True,
        )
    )
    assert totals[2018] == 12.0  # the one unit delivered to NATO
    assert len(_legend(axes)) == len(stack.series)


def test_tiv_over_several_years_follows_the_units_delivered() -> None:
    """A deal delivered over two years places its TIV in proportion to each year's units."""
    deal = _deal(
        "TUR",
        [dm.Delivery(dm.PartialDate(2020), 2), dm.Delivery(dm.PartialDate(2021), 3)],
        tiv=dm.Tiv(per_unit="1.5", delivered="7.5"),
    )
    stack = yearly([deal], "tiv", 8)
    assert stack.years == (2020, 2021)
    assert stack.series[0].exact == (3.0, 4.5)
    assert stack.left_out == 0
    unknown = _deal("TUR", [dm.DeliverySpan((2020, 2021), count=5)], tiv=dm.Tiv(order="9"))
    assert yearly([unknown], "tiv", 8).left_out == 2  # no TIV delivered: unknown in each year


def test_timeline_selects_transfers_and_takes_filters(three: dm.Market) -> None:
    """Filters select the deals drawn, as market.deals takes them."""
    labels = _legend(_axes(plot.timeline(three, supplier="TUR")))
    assert labels == ["Türkiye"]


def test_timeline_of_nothing_says_so() -> None:
    """An empty market gives a figure that says there is nothing to draw."""
    axes = _axes(plot.timeline(dm.Market()))
    assert [t.get_text() for t in axes.texts] == ["No delivery with a year and a figure"]
    assert axes.get_legend() is None


@pytest.mark.parametrize(("keyword", "value"), [("measure", "value"), ("top", 0)])
def test_timeline_rejects_bad_arguments(three: dm.Market, keyword: str, value: object) -> None:
    """An unknown measure or a top below 1 is a ValidationError naming the argument."""
    with pytest.raises(dm.ValidationError, match=keyword):
        plot.timeline(three, **{keyword: value})  # type: ignore[arg-type]


@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(market=dst.markets(max_deals=8))
def test_timeline_figures_agree_with_the_market_timeline(market: dm.Market) -> None:
    """Each year's stacked units of transfers equal market.timeline's delivered central figure."""
    transfers = ["ordered", "delivering", "delivered"]
    stack = yearly(market.deals(status=transfers), "units", 100)
    drawn = {
        year: sum(s.exact[i] + s.estimated[i] for s in stack.series)
        for i, year in enumerate(stack.years)
    }
    timeline = market.timeline(status=transfers)
    expected = {
        y.year: float(y.delivered.central) for y in timeline if y.delivered.central is not None
    }
    # A year whose part of a spread span is 0 units has nothing to draw: compare drawn figures.
    assert {y: v for y, v in drawn.items() if v} == {y: v for y, v in expected.items() if v}


# --- network and shares ----------------------------------------------------------------


def test_network_draws_a_line_per_link_and_names_the_parties() -> None:
    """Each supplier → recipient link is a line; unknown units are dashed; parties are named."""
    market = _market(
        _deal("TUR", [dm.Delivery(dm.PartialDate(2020), 4)]),
        _deal("CHN", [dm.Delivery(dm.PartialDate(2020), None)]),
    )
    axes = _axes(plot.network(market))
    assert axes.get_title() == "Supplier → recipient flows, in units"
    assert len(axes.lines) == 2
    styles = sorted(line.get_linestyle() for line in axes.lines)
    assert styles == ["-", "--"]
    texts = {t.get_text() for t in axes.texts}
    assert {"Türkiye", "China", "Kyrgyzstan", "supplier", "recipient"} <= texts


def test_network_of_the_catalog_and_of_nothing() -> None:
    """The catalog's network draws its links; an empty market says there is no link."""
    catalog = dm.catalog.market()
    transfers = catalog.network(status=["ordered", "delivering", "delivered"])
    assert len(_axes(plot.network(catalog)).lines) == len(transfers)
    empty = _axes(plot.network(dm.Market()))
    assert [t.get_text() for t in empty.texts] == ["No link between known parties"]


def test_shares_draw_bars_bands_and_coverage() -> None:
    """Shares are bars named by party, with low-high whiskers, share labels and the coverage."""
    catalog = dm.catalog.market()
    shares = catalog.share(by="supplier", measure="units")
    figure = plot.shares(shares)
    axes = _axes(figure)
    assert axes.get_title() == "Shares by supplier, in units"
    assert axes.get_xlabel() == "units"
    names = [t.get_text() for t in axes.get_yticklabels()]
    assert names == [s.name for s in shares]
    assert list(axes.get_yticks()) == sorted(axes.get_yticks(), reverse=True)  # largest on top
    total = shares.total
    assert f"{total.counted:,} of {total.records:,} records counted" in _note(figure)
    labels = [t.get_text() for t in axes.texts]
    first = next(iter(shares))
    assert f" {first.share:.0%} ({first.tally.counted} of {first.tally.records} counted)" in labels
    assert any(label.startswith(" unknown (0 of") for label in labels)


def test_shares_in_tiv_name_the_measure(imported: dm.Market) -> None:
    """TIV shares are titled and labelled in TIV."""
    axes = _axes(plot.shares(imported.share(measure="tiv")))
    assert axes.get_title() == "Shares by supplier, in TIV (millions)"


# --- no side effects, and the extra ------------------------------------------------------


def test_plots_write_nothing_and_leave_pyplot_alone(
    three: dm.Market, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Making figures writes no file and registers no pyplot figure."""
    monkeypatch.chdir(tmp_path)
    before = len(_pylab_helpers.Gcf.get_all_fig_managers())
    plot.timeline(three)
    plot.network(three)
    plot.shares(three.share())
    assert list(tmp_path.iterdir()) == []
    assert len(_pylab_helpers.Gcf.get_all_fig_managers()) == before


def test_without_matplotlib_the_error_names_the_extra(
    three: dm.Market, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without matplotlib, a plot raises a dronemarket error naming the [plot] extra."""
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(plot.MissingExtraError, match=r'"dronemarket\[plot\]"') as caught:
        plot.timeline(three)
    assert isinstance(caught.value, dm.DroneMarketError)
    assert isinstance(caught.value, ImportError)


def test_a_figure_saves_as_png(three: dm.Market, tmp_path: Path) -> None:
    """The caller saves a figure: savefig writes a PNG."""
    path = tmp_path / "timeline.png"
    plot.timeline(three, measure="units").savefig(path)
    assert path.read_bytes().startswith(b"\x89PNG")


def test_tiv_values_are_decimal_exact_enough() -> None:
    """TIV figures are drawn from Decimals without losing the published digits."""
    deal = _deal(
        "TUR", [dm.Delivery(dm.PartialDate(2020), 1)], tiv=dm.Tiv(delivered=Decimal("4.80"))
    )
    assert yearly([deal], "tiv", 8).series[0].exact == (4.8,)
