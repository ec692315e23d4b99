"""Analytics that never look surer than the data (issue 13).

Transfers by default; unknown is None, never zero; one counting rule for
shares, timeline, network, concentration, row export and ``sum()``; coverage
on every answer; years by order, delivery or either; every measure; trends;
filters by lists, platform families and non-state parties.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import dronemarket as dm
from dronemarket.market._tally import figures
from dronemarket.regions import CENTRAL_ASIA

TUR, RUS, CHN = dm.Country("TUR"), dm.Country("RUS"), dm.Country("CHN")
KAZ, KGZ, TJK, LBY = dm.Country("KAZ"), dm.Country("KGZ"), dm.Country("TJK"), dm.Country("LBY")
NOTE = dm.Source("Illustrative figures for the analytics tests", publisher="tests")
BAYKAR = dm.Organization("Baykar", country=TUR, kind=dm.OrgKind.MANUFACTURER)
TB2 = dm.Platform("Bayraktar TB2", manufacturer=BAYKAR, category=dm.Category.MALE, aliases={"TB2"})
TB2S = dm.Platform("Bayraktar TB2S", manufacturer=BAYKAR, variant_of=TB2)
TB3 = dm.Platform("Bayraktar TB3", manufacturer=BAYKAR, derived_from=TB2)
ORLAN = dm.Platform("Orlan-10", manufacturer=None, category=dm.Category.SMALL)
WING = dm.Platform("Wing Loong", manufacturer=None, category=dm.Category.MALE)


def deal(
    supplier: dm.Country,
    recipient: dm.Party,
    *,
    platform: dm.Platform = TB2,
    status: dm.DealStatus = dm.DealStatus.DELIVERED,
    ordered: int | None = 2020,
    quantity: int | dm.Count | None = None,
    deliveries: tuple[dm.Delivery | dm.DeliverySpan, ...] = (),
    value: dm.Money | None = None,
    tiv: dm.Tiv | None = None,
    announced: int | None = None,
    ident: str | None = None,
) -> dm.Deal:
    """Return a deal with the given facts (ordered deals without deliveries are ORDERED)."""
    if status is dm.DealStatus.DELIVERED and not deliveries:
        status = dm.DealStatus.ORDERED
    return dm.Deal(
        supplier=dm.Supplier(supplier),
        recipient=dm.Recipient(recipient),
        platform=platform,
        status=status,
        ordered=None if ordered is None else dm.PartialDate(ordered),
        announced=None if announced is None else dm.PartialDate(announced),
        quantity=quantity,
        deliveries=deliveries,
        value=value,
        tiv=tiv,
        sources=[NOTE],
        id=ident,
    )


def central_asia() -> dm.Market:
    """Return the catalog's Central Asian problem in small: an interest, unknowns, a cancelling."""
    return dm.Market.of(
        deal(TUR, KAZ, status=dm.DealStatus.INTEREST, ordered=None, announced=2020,
             quantity=dm.Count.at_least(24, wording="dozens")),
        deal(TUR, KGZ, deliveries=(dm.Delivery(dm.PartialDate(2021), None),)),
        deal(RUS, KGZ, ordered=2019),
        deal(TUR, TJK, status=dm.DealStatus.CANCELLED, quantity=4),
    )  # fmt: skip


# --- 3. one counting rule ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (dm.Count.exact(5), (5, 5, 5)),
        (dm.Count.about(15), (15, 15, 15)),
        (dm.Count.between(20, 31), (20, 25, 31)),
        (dm.Count.at_least(24), (24, 24, None)),
        (dm.Count.up_to(50), (1, 50, 50)),
        (dm.Count(24, 30, None, estimate=True), (24, 30, None)),
    ],
)
def test_each_kind_of_count_contributes_its_documented_figures(
    count: dm.Count, expected: tuple[int, int, int | None]
) -> None:
    """Exact, about, between, at-least and up-to counts contribute the documented figures."""
    assert count.figures() == expected
    assert figures(count) == expected


def test_about_n_is_an_estimate_of_n_never_one_to_unbounded() -> None:
    """about(15) is tallied as 15 (low and high too) in share, sum() and the row export."""
    market = dm.Market.of(deal(TUR, KGZ, quantity=dm.Count.about(15)))
    tally = market.share()["TUR"].tally
    assert (tally.low, tally.central, tally.high, tally.estimated) == (15, 15, 15, 1)
    total = sum([dm.Count.about(15), dm.Count.exact(1)])
    assert isinstance(total, dm.Count)
    assert total.figures() == (16, 16, 16)
    row = market.to_records()[0]
    assert (row["quantity_low"], row["quantity"], row["quantity_high"]) == (15, 15, 15)


def test_dozens_is_the_same_figure_in_share_sum_and_rows() -> None:
    """ "Dozens" counts 24 (unbounded above) in share, in to_records and in sum() of counts."""
    dozens = dm.Count.at_least(24, wording="dozens")
    market = dm.Market.of(deal(TUR, KGZ, quantity=dozens))
    tally = market.share()["TUR"].tally
    row = market.to_records()[0]
    total = sum([dozens])
    assert isinstance(total, dm.Count)
    assert (tally.low, tally.central, tally.high) == (24, 24, None)
    assert (row["units_low"], row["units"], row["units_high"]) == (24, 24, None)
    assert total.figures() == (24, 24, None)


# --- 1 and 2: transfers by default, unknown is not zero ------------------------------------------


def test_share_counts_transfers_only_unless_status_is_given() -> None:
    """An interest and a cancelled deal count only when status= names them."""
    market = central_asia()
    assert market.share(measure="deals").total.records == 2
    assert market.share(measure="deals", status=None).total.records == 4
    assert market.share(measure="deals", status="interest").total.records == 1
    assert market.share().statuses == ("ordered", "delivering", "delivered")


def test_a_share_with_no_figure_is_none_never_zero() -> None:
    """Shares and totals of records without figures are None, and read as unknown."""
    shares = central_asia().share(region=CENTRAL_ASIA)
    assert shares.total.central is None
    assert all(item.share is None for item in shares)
    assert shares["RUS"].tally.central is None
    text = str(shares)
    assert "0.0" not in text
    assert "100" not in text
    assert "unknown" in text
    assert shares.coverage == 0.0


def test_coverage_counts_records_with_a_figure() -> None:
    """coverage is counted / records; None when nothing is selected."""
    market = dm.Market.of(
        deal(TUR, KGZ, quantity=3, ident="a"),
        deal(TUR, KGZ, quantity=dm.Count.about(4), ident="b"),
        deal(TUR, KGZ, ident="c"),
        deal(RUS, KGZ, ident="d"),
    )
    shares = market.share()
    assert shares.coverage == 0.5
    assert shares["TUR"].coverage == pytest.approx(2 / 3)
    assert shares["TUR"].tally.exact == 1
    assert shares["RUS"].share is None
    assert market.share(status=[]).coverage is None
    assert market.concentration("KGZ").coverage == 0.5


def test_str_says_when_a_share_rests_on_one_record_or_on_estimates() -> None:
    """The printed share says "single record" and "estimates" where they apply."""
    market = dm.Market.of(
        deal(TUR, KGZ, quantity=dm.Count.about(4), ident="a"),
        deal(RUS, KGZ, quantity=dm.Count.about(4), ident="b"),
        deal(RUS, KGZ, quantity=dm.Count.between(2, 6), ident="c"),
        deal(RUS, KGZ, quantity=1, ident="d"),
    )
    shares = market.share()
    assert "rests on a single record" in str(shares["TUR"])
    assert "mostly estimates" in str(shares["RUS"])
    assert "rests on a single record" not in str(shares["RUS"])


# --- the catalog's Central Asia answer -----------------------------------------------------------


def test_the_catalog_central_asia_answer_claims_no_more_than_the_data() -> None:
    """Read aloud: no 100 % from an interest, no 0.0 for an unknown, no edge for a cancellation."""
    market = dm.catalog.market()
    shares = market.share(by="supplier", measure="units", region=CENTRAL_ASIA)
    text = str(shares)
    for item in shares:
        interest_only = all(
            d.status is dm.DealStatus.INTEREST
            for d in market.deals(region=CENTRAL_ASIA, supplier=item.name, status=None)
        )
        assert not interest_only
        if item.tally.central is None:
            assert item.share is None
    assert "100.0%" not in text or shares.total.counted > 1
    assert "0.0%" not in text
    kazakhstan = market.concentration("KAZ")
    assert kazakhstan.hhi != 1.0 or kazakhstan.shares.total.counted > 1
    cancelled = {
        (d.supplier.party, d.recipient.party)
        for d in market.deals(region=CENTRAL_ASIA, status=["cancelled", "interest"])
    }
    transfers = {
        (d.supplier.party, d.recipient.party)
        for d in market.deals(region=CENTRAL_ASIA)
        if d.status in {dm.DealStatus.ORDERED, dm.DealStatus.DELIVERING, dm.DealStatus.DELIVERED}
    }
    links = {(e.supplier, e.recipient) for e in market.network(region=CENTRAL_ASIA)}
    assert not links & (cancelled - transfers)
    assert all(e.units.central is None or e.units.central > 0 for e in market.network())


# --- network -------------------------------------------------------------------------------------


def test_network_has_no_edge_for_interest_or_cancelled_deals() -> None:
    """Edges come from transfers only; an edge of unknown units has None figures and comes last."""
    market = dm.Market.of(
        *central_asia().deals, deal(RUS, KAZ, quantity=5, ident="r"),
    )  # fmt: skip
    edges = market.network()
    assert [(e.supplier, e.recipient) for e in edges] == [(RUS, KAZ), (RUS, KGZ), (TUR, KGZ)]
    assert edges[0].units.central == 5
    assert edges[-1].units.central is None
    assert edges[-1].coverage == 0.0
    assert "unknown" in str(edges[-1])
    assert len(market.network(status=None)) == 5


def test_network_links_non_state_parties_and_carries_tiv() -> None:
    """An armed group is a party of its own on the network, and edges carry TIV delivered."""
    houthis = dm.ArmedGroup("Houthi rebels", base=dm.Country("YEM"))
    iran = dm.Country("IRN")
    market = dm.Market.of(
        deal(iran, houthis, quantity=2, tiv=dm.Tiv(delivered="0.4"), ident="a"),
        deal(iran, houthis, quantity=3, ident="b"),
    )
    (edge,) = market.network(measure="tiv")
    assert edge.recipient == houthis
    assert (edge.units.central, edge.tiv.central, edge.tiv.unknown) == (5, Decimal("0.4"), 1)
    assert edge.deals == 2


# --- 5. measures ---------------------------------------------------------------------------------


@pytest.mark.parametrize("measure", ["units", "deals", "value", "tiv"])
def test_concentration_takes_every_measure(measure: str) -> None:
    """concentration(recipient, measure=...) works for every measure, "deals" included."""
    market = dm.Market.of(
        deal(TUR, KAZ, quantity=3, value=dm.Money(10, "USD"), tiv=dm.Tiv(delivered=1), ident="a"),
        deal(CHN, KAZ, quantity=1, value=dm.Money(30, "USD"), tiv=dm.Tiv(delivered=3), ident="b"),
    )
    found = market.concentration("KAZ", measure=measure)  # type: ignore[arg-type]
    assert found.hhi is not None
    assert 0.5 <= found.hhi <= 1
    assert found.shares.measure == measure


def test_value_refuses_mixed_unknown_and_lower_case_currencies() -> None:
    """Values in two currencies, an unknown code or a lower-case code raise a ValidationError."""
    market = dm.Market.of(
        deal(TUR, KAZ, quantity=3, value=dm.Money(10, "USD"), ident="a"),
        deal(CHN, KAZ, quantity=1, value=dm.Money(30, "EUR"), ident="b"),
    )
    for call in (
        lambda: market.share(measure="value"),
        lambda: market.timeline(measure="value"),
        lambda: market.concentration("KAZ", measure="value"),
        lambda: market.share(measure="value", currency="usd"),
        lambda: market.share(measure="value", currency="XYZ"),
    ):
        with pytest.raises(dm.ValidationError, match="currency"):
            call()
    assert market.share(measure="value", currency="EUR").excluded == 1


def test_a_bad_measure_is_refused_everywhere() -> None:
    """An unknown measure raises a ValidationError naming the argument."""
    market = central_asia()
    for call in (
        lambda: market.share(measure="money"),  # type: ignore[arg-type]
        lambda: market.timeline(measure="money"),  # type: ignore[arg-type]
        lambda: market.concentration("KGZ", measure="money"),  # type: ignore[arg-type]
        lambda: market.network(measure="value"),
    ):
        with pytest.raises(dm.ValidationError, match="measure"):
            call()


# --- 4. years ------------------------------------------------------------------------------------


def libya() -> dm.Market:
    """Return deals ordered in 2017 and delivered to Libya in 2019, and one ordered in 2019."""
    return dm.Market.of(
        deal(TUR, LBY, ordered=2017, quantity=6,
             deliveries=(dm.Delivery(dm.PartialDate(2019, 5), 6),), ident="a"),
        deal(TUR, LBY, ordered=2018, quantity=6,
             deliveries=(dm.DeliverySpan((2019, 2020), count=6),), ident="b"),
        deal(CHN, LBY, ordered=2019, quantity=2, ident="c"),
    )  # fmt: skip


def test_years_select_by_order_delivery_or_either() -> None:
    """years= reads the year chosen by year_of=; "any" (the default) finds deliveries too."""
    market = libya()
    assert [d.id for d in market.deals(years=2019)] == ["a", "b", "c"]
    assert [d.id for d in market.deals(years=2019, year_of="any")] == ["a", "b", "c"]
    assert [d.id for d in market.deals(years=2019, year_of="order")] == ["c"]
    assert [d.id for d in market.deals(years=2019, year_of="delivery")] == ["a", "b"]
    assert [d.id for d in market.deals(years=2020, year_of="delivery")] == ["b"]
    with pytest.raises(dm.ValidationError, match="year_of"):
        market.deals(years=2019, year_of="signed")  # type: ignore[arg-type]


def test_timeline_places_orders_and_deliveries_in_their_own_years_and_spreads_spans() -> None:
    """Orders by order year, deliveries by delivery year, a span evenly as estimates."""
    years = {year.year: year for year in libya().timeline()}
    assert sorted(years) == [2017, 2018, 2019, 2020]
    assert years[2017].ordered.central == 6
    assert years[2017].delivered.records == 0
    assert years[2019].delivered.central == 6 + 3
    assert years[2019].delivered.estimated == 1
    assert years[2020].delivered.central == 3
    assert years[2019].ordered.central == 2
    assert [y.year for y in libya().timeline(years=2019)] == [2019]


def test_timeline_spreads_a_span_in_whole_units_earlier_years_first() -> None:
    """8 over three years is 3, 3 and 2; the total is kept exactly."""
    market = dm.Market.of(
        deal(TUR, LBY, ordered=2020, quantity=8,
             deliveries=(dm.DeliverySpan((2020, 2021, 2022), count=8),)),
    )  # fmt: skip
    assert [y.delivered.central for y in market.timeline()] == [3, 3, 2]


def test_timeline_tiv_follows_the_units_delivered_each_year() -> None:
    """TIV delivered is placed by the units delivered each year; TIV ordered in the order year."""
    market = dm.Market.of(
        deal(TUR, LBY, ordered=2018, quantity=4, tiv=dm.Tiv(order="8", delivered="8"),
             deliveries=(dm.Delivery(dm.PartialDate(2019), 1),
                         dm.Delivery(dm.PartialDate(2020), 3))),
    )  # fmt: skip
    years = {year.year: year for year in market.timeline(measure="tiv")}
    assert years[2018].ordered.central == Decimal(8)
    assert years[2019].delivered.central == Decimal(2)
    assert years[2020].delivered.central == Decimal(6)
    deals = {
        year.year: year.delivered.central
        for year in market.timeline(measure="deals")
        if year.delivered.records
    }
    assert deals == {2019: 1, 2020: 1}


# --- 6. trends -----------------------------------------------------------------------------------


def test_trend_gives_a_supplier_share_by_year_and_the_five_year_moving_average() -> None:
    """A share per year from the first year to the last, and the five-year window's share."""
    deals = [
        deal(RUS, KAZ, ordered=year, quantity=4,
             deliveries=(dm.Delivery(dm.PartialDate(year), 4),), ident=f"r{year}")
        for year in (2016, 2017, 2018, 2020)
    ] + [
        deal(TUR, KAZ, ordered=year, quantity=4,
             deliveries=(dm.Delivery(dm.PartialDate(year), 4),), ident=f"t{year}")
        for year in (2020, 2021)
    ]  # fmt: skip
    market = dm.Market.of(*deals)
    found = {year.year: year for year in market.trend("TUR", region=CENTRAL_ASIA)}
    assert sorted(found) == list(range(2016, 2022))
    assert found[2016].share == 0.0
    assert found[2019].share is None
    assert found[2020].share == 0.5
    assert found[2021].share == 1.0
    assert found[2021].average == pytest.approx(8 / 20)  # 2017..2021: RUS 12, TUR 8
    assert found[2020].coverage == 1.0
    assert "moving average" in str(found[2021])
    orders = market.trend(["TUR", "CHN"], flow="ordered", measure="deals")
    assert orders[-1].share == 1.0
    with pytest.raises(dm.ValidationError, match="flow"):
        market.trend("TUR", flow="signed")  # type: ignore[arg-type]


# --- 7. filters ----------------------------------------------------------------------------------


def test_family_selects_a_platform_with_its_variants_and_derivatives() -> None:
    """family="TB2" selects the TB2, its variant TB2S and its derivative TB3, not the Orlan."""
    market = dm.Market.of(
        deal(TUR, KAZ, platform=TB2, quantity=1, ident="a"),
        deal(TUR, KAZ, platform=TB2S, quantity=1, ident="b"),
        deal(TUR, KAZ, platform=TB3, quantity=1, ident="c"),
        deal(RUS, KAZ, platform=ORLAN, quantity=1, ident="d"),
    )
    assert [d.id for d in market.deals(family="tb2")] == ["a", "b", "c"]
    assert [d.id for d in market.deals(family="Bayraktar TB3")] == ["c"]
    assert market.share(family=["TB2", "Orlan-10"]).total.central == 4
    assert [d.id for d in market.deals(platform=["TB2", "Bayraktar TB3"])] == ["a", "c"]


def test_lists_names_and_non_state_recipients_select() -> None:
    """Lists, names and party kinds select; an armed group or multinational is selectable alone."""
    nato = dm.Multinational("NATO")
    houthis = dm.ArmedGroup("Houthi rebels", base=dm.Country("YEM"))
    market = dm.Market.of(
        deal(TUR, nato, quantity=1, ident="a"),
        deal(dm.Country("IRN"), houthis, quantity=2, ident="b"),
        deal(CHN, KAZ, quantity=3, ident="c"),
    )
    assert market.share(recipient_kind=["armed group", "multinational"]).total.central == 3
    assert market.share(recipient="NATO**").total.central == 1
    assert market.share(supplier=["Turkey", "CHN"]).total.central == 4
    assert market.concentration(houthis).hhi == 1.0
    assert market.concentration("Houthi rebels (Yemen)*").recipient == houthis


def test_production_refuses_deal_only_filters() -> None:
    """year_of= and family= apply to deals; on production they raise a ValidationError."""
    market = dm.catalog.market()
    with pytest.raises(dm.ValidationError, match="deals only"):
        market.production(family="Bayraktar TB2")  # type: ignore[call-arg]


def test_tiv_share_in_years_counts_what_was_delivered_in_those_years() -> None:
    """share(measure="tiv", years=...) counts the TIV delivered in those years, by units."""
    market = dm.Market.of(
        deal(TUR, LBY, ordered=2018, quantity=4, tiv=dm.Tiv(delivered="8"), ident="a",
             deliveries=(dm.Delivery(dm.PartialDate(2019), 1),
                         dm.Delivery(dm.PartialDate(2020), 3))),
        deal(CHN, LBY, ordered=2020, quantity=2, tiv=dm.Tiv(delivered="4"), ident="b",
             deliveries=(dm.Delivery(dm.PartialDate(2020), 2),)),
    )  # fmt: skip
    shares = market.share(measure="tiv", years=2020)
    assert shares["TUR"].tally.central == Decimal(6)
    assert shares["CHN"].tally.central == Decimal(4)
    assert market.share(measure="tiv", years=2019)["TUR"].tally.central == Decimal(2)
    assert market.share(measure="tiv", years=2020, year_of="order")["CHN"].tally.central == 4
    assert market.share(measure="tiv")["TUR"].tally.central == Decimal(8)


def test_trend_counts_the_deals_in_no_year_and_says_so() -> None:
    """Deals with no order date or an undated delivery are counted as in no year, not dropped."""
    market = dm.catalog.market()
    delivered = market.trend("TUR", region=CENTRAL_ASIA, measure="deals")
    assert [(y.year, y.undated, y.supplier_undated) for y in delivered] == [(2021, 1, 1)]
    assert "1 deal in no year (1 of the supplier's)" in str(delivered[0])
    ordered = market.trend("TUR", region=CENTRAL_ASIA, measure="deals", flow="ordered")
    assert all((y.undated, y.supplier_undated) == (2, 2) for y in ordered)
    assert "2 deals in no year (2 of the supplier's)" in str(ordered[0])
