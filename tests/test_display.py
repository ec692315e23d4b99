"""Display: short reprs, dronemarket.describe's full form and notebook HTML (escaped)."""

from __future__ import annotations

import html
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import dronemarket as dm
from dronemarket import _display
from dronemarket import strategies as dst
from dronemarket.market import Tally

HOSTILE = "<script>alert('x')</script> & \"q\""
"""A name that breaks HTML unless it is escaped."""

TUR, KGZ = dm.Country("TUR"), dm.Country("KGZ")
NEWS = dm.Source("A report", publisher="Daily News", url="https://news.example/a")


def _maker(name: str = "Baykar") -> dm.Organization:
    return dm.Organization(name, country=TUR, kind=dm.OrgKind.MANUFACTURER)


def _deal(platform: dm.Platform, **changes: object) -> dm.Deal:
    fields: dict[str, object] = {
        "supplier": dm.Supplier(TUR, manufacturer=platform.manufacturer),
        "recipient": dm.Recipient(KGZ),
        "platform": platform,
        "status": dm.DealStatus.ORDERED,
        "ordered": dm.PartialDate(2021, 10),
        "quantity": 3,
        "sources": [NEWS],
    }
    fields.update(changes)
    return dm.Deal(**fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def catalog() -> dm.Market:
    """The built-in catalog's market."""
    return dm.catalog.market()


# --- short reprs --------------------------------------------------------------------


def test_every_catalog_deal_has_a_short_repr(catalog: dm.Market) -> None:
    """Each catalog deal's repr is one line under 300 characters that starts with its id."""
    for deal in catalog.deals:
        text = repr(deal)
        assert len(text) < 300, text
        assert "\n" not in text
        assert text.startswith(f"<Deal {deal.id!r}: ")


def test_a_deal_repr_names_parties_platform_count_status_and_date() -> None:
    """A deal's repr says who sells what to whom, how many, where it stands and when."""
    deal = _deal(dm.Platform("Bayraktar TB2", manufacturer=_maker()))
    assert repr(deal) == (
        "<Deal 'tur-kgz-bayraktar-tb2-2021-10': TUR → KGZ, 'Bayraktar TB2' x 3, ordered,"
        " ordered 2021-10>"
    )


def test_a_deal_repr_stays_bounded_for_huge_values() -> None:
    """Long names, notes, ids and wordings are cut: the repr stays under 300 characters."""
    long = "N" * 400
    platform = dm.Platform(long, manufacturer=_maker(long))
    deal = _deal(
        platform,
        recipient=dm.Recipient(dm.ArmedGroup(long)),
        quantity=dm.Count.about(48, wording="w" * 400),
        notes="x" * 5_000,
        id="i" * 128,
        confidence=dm.Confidence.DENIED,
        statements=[dm.Statement(TUR, position=dm.Confidence.DENIED, source=NEWS)],
    )
    text = repr(deal)
    assert len(text) < 300, text
    assert text.endswith(", denied>")
    assert "…" in text


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(deal=dst.deals())
def test_any_deal_repr_is_short(deal: dm.Deal) -> None:
    """Any valid deal, however long its texts, has a one-line repr under 300 characters."""
    text = repr(deal)
    assert len(text) < 300
    assert "\n" not in text


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(platform=dst.platforms())
def test_any_platform_repr_is_short(platform: dm.Platform) -> None:
    """Any valid platform's repr is one line under 200 characters, whatever its specs."""
    assert len(repr(platform)) < 200
    assert "\n" not in repr(platform)


def test_record_reprs_are_short_and_name_the_record(catalog: dm.Market) -> None:
    """Platforms, organizations, sanctions, production and cooperation records repr in one line."""
    tb2 = catalog.platform("Bayraktar TB2")
    assert repr(tb2) == "<Platform 'Bayraktar TB2': MALE, by 'Baykar' (TUR)>"
    assert repr(catalog.organization("Baykar")) == "<Organization 'Baykar': TUR, manufacturer>"
    variant = next(p for p in catalog.platforms if p.variant_of is tb2)
    assert repr(variant).endswith("variant of 'Bayraktar TB2'>")
    records = [*catalog.sanctions, *catalog.production, *catalog.cooperation]
    for record in records:
        text = repr(record)
        assert text.startswith(f"<{type(record).__name__} ")
        assert len(text) < 300, text
    assert repr(catalog.sanctions[0]).startswith("<Sanction US: on 'TSK Vektor'")
    production = catalog.production[0]
    assert repr(production).startswith(f"<LicensedProduction {production.id!r}: ")


def test_a_market_repr_is_a_one_line_summary(catalog: dm.Market) -> None:
    """A market's repr counts each collection on one line, thousands separated."""
    assert repr(catalog) == (
        f"<Market: {len(catalog.deals)} deals, {len(catalog.platforms)} platforms, "
        f"{len(catalog.organizations)} organizations, {len(catalog.production)} production, "
        f"{len(catalog.sanctions)} sanctions, {len(catalog.cooperation)} cooperation>"
    )
    big = dm.market.synthetic(1_200)
    assert repr(big).startswith("<Market: 1,200 deals, ")


def test_shares_repr_names_the_largest_and_the_coverage(catalog: dm.Market) -> None:
    """Shares show what they split, the three largest and the coverage, in one line."""
    shares = catalog.share(by="supplier", measure="units")
    text = repr(shares)
    assert text.startswith("<Shares by supplier (units): 'TUR' ")
    assert f"+{len(shares) - 3} more" in text
    assert text.endswith(f"coverage {_display.coverage(shares.total):.1%}>")


# --- describe: the full form ----------------------------------------------------------


def test_describe_shows_every_field(catalog: dm.Market) -> None:
    """dm.describe(deal) has a line for every field, nested records field by field."""
    deal = catalog.deals[0]
    text = dm.describe(deal)
    assert text.splitlines()[0] == "Deal"
    for attribute in attrs.fields(dm.Deal):
        if attribute.repr and not attribute.name.startswith("_"):
            assert f"\n  {attribute.name}: " in text, attribute.name
    assert "\n    manufacturer: Organization\n      name: 'Baykar'" in text
    assert f"  id: {deal.id!r}" in text
    assert deal.notes in text  # nothing is cut in the full form


def test_describe_lists_a_platform_spec_by_spec(catalog: dm.Market) -> None:
    """A platform's specs are one line each in the full form, with every reported value."""
    tb2 = catalog.platform("Bayraktar TB2")
    text = dm.describe(tb2)
    for name, figure in tb2.specs.figures().items():
        assert f"\n    {name}: {figure!r}\n" in text


def test_describe_names_parents_so_a_long_lineage_stays_short() -> None:
    """A 3,000-level lineage describes in a few lines: the parent is named by its short repr."""
    platform = dm.Platform("P0", manufacturer=None)
    for level in range(1, 3_000):
        platform = dm.Platform(f"P{level}", manufacturer=None, variant_of=platform)
    text = dm.describe(platform)
    assert "  variant_of: <Platform 'P2998': variant of 'P2997'>" in text
    assert len(text.splitlines()) < 20


def test_describe_limits_long_tuples_unless_asked(catalog: dm.Market) -> None:
    """A tuple of records shows `limit` items and says how many more; limit=None shows all."""
    tb2 = catalog.platform("Bayraktar TB2")
    short = dm.describe(tb2, limit=2)
    assert f"... and {len(tb2.sources) - 2} more" in short
    every = dm.describe(tb2, limit=None)
    assert "more" not in every.split("sources:")[1]
    assert every.count("    - Source") == len(tb2.sources)


def test_describe_a_market_lists_each_collection(catalog: dm.Market) -> None:
    """A market's full form counts each collection and lists its records by short repr."""
    text = dm.describe(catalog, limit=1)
    assert text.splitlines()[0] == repr(catalog)
    assert f"  deals: {len(catalog.deals)}\n    - {catalog.deals[0]!r}\n" in text


def test_describe_sorts_sets_so_the_form_is_stable() -> None:
    """A frozenset field is shown with its items sorted, the same in every run."""
    org = dm.Organization("X", country=TUR, kind=dm.OrgKind.MANUFACTURER, aliases={"b", "c", "a"})
    assert "  aliases: frozenset({'a', 'b', 'c'})" in dm.describe(org)


def test_describe_a_plain_value_is_its_repr() -> None:
    """Values with their own complete repr (a country, a date, a count) describe as it."""
    assert dm.describe(TUR) == "Country('TUR')"
    assert dm.describe(dm.Count.exact(3)) == "Count.exact(3)"
    assert dm.describe("text") == "'text'"


@pytest.mark.parametrize("limit", [-1, 1.5, "3", True])
def test_describe_rejects_a_bad_limit(limit: object) -> None:
    """A limit that is not None or a non-negative int is a ValidationError naming it."""
    with pytest.raises(dm.ValidationError, match=r"^describe\.limit: "):
        dm.describe(TUR, limit=limit)  # type: ignore[arg-type]


# --- HTML --------------------------------------------------------------------------


def _hostile_market() -> tuple[dm.Market, dm.Deal, dm.Platform]:
    maker = _maker(HOSTILE)
    source = dm.Source(HOSTILE, publisher=HOSTILE, url="https://x.example/?a=1&b='><script>")
    platform = dm.Platform(
        HOSTILE,
        manufacturer=maker,
        specs=dm.Specs(mtow=dm.Figure.of(dm.Reported("650 kg", source, note=HOSTILE), "630 kg")),
        aliases={HOSTILE + " alias"},
    )
    deal = _deal(platform, notes=HOSTILE, sources=[source])
    market = dm.Market(platforms=[platform], organizations=[maker], deals=[deal])
    return market, deal, platform


def test_html_escapes_every_text() -> None:
    """Names, notes, titles, ids and addresses are escaped: no tag from the data survives."""
    market, deal, platform = _hostile_market()
    shares = market.share(by="manufacturer")
    for text in (
        market._repr_html_(),
        deal._repr_html_(),
        platform._repr_html_(),
        shares._repr_html_(),
    ):
        assert "<script>" not in text
        assert "b='>" not in text
        assert html.escape(HOSTILE) in text


def test_market_html_shows_counts_and_a_few_deals() -> None:
    """A market's HTML has its counts and its first five deals, and says how many more."""
    market = dm.market.synthetic(12)
    text = market._repr_html_()
    assert text.count("<tr>") == 2 + _display.ROWS + 1  # counts head + row, deals head + rows
    for deal in market.deals[: _display.ROWS]:
        assert html.escape(deal.id) in text
    assert html.escape(market.deals[_display.ROWS].id) not in text
    assert "… and 7 more deals" in text


def test_empty_market_html_has_counts_and_no_deal_table() -> None:
    """An empty market's HTML shows zero counts and no deal rows."""
    text = dm.Market()._repr_html_()
    assert "<td>0</td>" in text
    assert "platform</th>" not in text


def test_deal_html_lists_fields_and_links_sources(catalog: dm.Market) -> None:
    """A deal's HTML has a row per field shown and each source linked to its address."""
    deal = next(d for d in catalog.deals if d.deliveries)
    text = deal._repr_html_()
    for header in ("supplier", "recipient", "platform", "status", "deliveries", "sources"):
        assert f">{header}</th>" in text
    for source in deal.sources:
        if source.url:
            assert f"href='{html.escape(source.url)}'" in text


def test_platform_html_shows_every_reported_value_and_its_source(catalog: dm.Market) -> None:
    """A platform's HTML has one specs row per reported value, with its source, disputes marked."""
    tb2 = catalog.platform("Bayraktar TB2")
    text = tb2._repr_html_()
    reports = [report for figure in tb2.specs.figures().values() for report in figure]
    specs_table = text.split("<th>note</th>")[1]
    assert specs_table.count("<tr>") == len(reports)
    for report in reports:
        assert report.source is not None
        assert html.escape(report.source.publisher) in specs_table
    assert "maximum take-off mass (disputed)" in text
    assert "<strong>650 kg</strong>" in text  # the preferred value


def test_platform_html_without_specs_says_so() -> None:
    """A platform with no spec says that no spec is reported."""
    assert "No spec reported." in dm.Platform("X", manufacturer=None)._repr_html_()


def test_shares_html_shows_figures_and_coverage(catalog: dm.Market) -> None:
    """Shares' HTML has a row per share with low, central, high and coverage, and the total."""
    shares = catalog.share(by="supplier", measure="units")
    text = shares._repr_html_()
    assert text.count("<tr>") == len(shares) + 1
    total = shares.total
    assert f"{total.counted:,} of {total.records:,} records counted" in text
    assert "<th>coverage</th>" in text
    assert "<td>unbounded</td>" in text  # "dozens" sets no upper bound
    assert "<td>ARE</td><td>unknown</td>" in text  # no record counted: no share


def test_coverage_uses_the_tally_attribute_when_it_has_one() -> None:
    """coverage() is counted over records, None with no record, or the tally's own coverage."""
    assert _display.coverage(Tally(5, 5, 5, 3, 0, 1)) == 0.75
    assert _display.coverage(Tally(0, 0, 0, 0)) is None

    @attrs.frozen
    class WithCoverage:
        counted: int = 1
        records: int = 4
        coverage: float | None = 0.5

    assert _display.coverage(WithCoverage()) == 0.5  # type: ignore[arg-type]


def test_value_shares_html_names_currency_and_excluded() -> None:
    """A value share's HTML names its currency and how many deals another currency left out."""
    platform = dm.Platform("Falcon", manufacturer=_maker())
    deals = [
        _deal(platform, value=dm.Money(Decimal(10), "USD")),
        _deal(platform, value=dm.Money(Decimal(10), "EUR"), id="other"),
    ]
    market = dm.Market(platforms=[platform], organizations=[_maker()], deals=deals)
    text = market.share(measure="value", currency="USD")._repr_html_()
    assert "value in USD" in text
    assert "1 excluded (another currency)" in text


def test_a_half_built_record_reprs_without_raising() -> None:
    """A record whose fields are not all set yet (as a debugger sees it) reprs as incomplete."""
    deal = object.__new__(dm.Deal)
    assert repr(deal) == "<Deal (incomplete)>"
    assert repr(object.__new__(dm.Platform)) == "<Platform (incomplete)>"
