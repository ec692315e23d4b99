"""The Hypothesis strategies: valid objects only, arguments that constrain, every enum member.

Also the entry-point registration (``st.from_type(dm.Deal)`` with no import of
``dronemarket.strategies``), checked in a fresh interpreter.
"""

from __future__ import annotations

import enum
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

import dronemarket as dm
from dronemarket import strategies as dst
from dronemarket.units import Dimension, si_magnitude

# Strategies whose examples are cheap to make: no specs to draw for every platform.
BARE_PLATFORMS = dst.platforms(specs=st.just(dm.Specs()))
SHRINK = settings(database=None, max_examples=500, derandomize=True)

# (strategy, the type it yields) for every public strategy.
STRATEGIES: dict[str, tuple[Callable[[], SearchStrategy[Any]], type]] = {
    "quantities": (lambda: dst.quantities(Dimension.LENGTH), dm.Quantity),
    "reported": (lambda: dst.reported(Dimension.MASS), dm.Reported),
    "figures": (lambda: dst.figures(Dimension.SPEED), dm.Figure),
    "specs": (dst.specs, dm.Specs),
    "countries": (dst.countries, dm.Country),
    "organizations": (dst.organizations, dm.Organization),
    "partial_dates": (dst.partial_dates, dm.PartialDate),
    "sources": (dst.sources, dm.Source),
    "statements": (dst.statements, dm.Statement),
    "suppliers": (dst.suppliers, dm.Supplier),
    "recipients": (dst.recipients, dm.Recipient),
    "counts": (dst.counts, dm.Count),
    "deliveries": (dst.deliveries, dm.Delivery),
    "money": (dst.money, dm.Money),
    "sanctions": (dst.sanctions, dm.Sanction),
    "platforms": (dst.platforms, dm.Platform),
    "deals": (dst.deals, dm.Deal),
    "licensed_production": (dst.licensed_production, dm.LicensedProduction),
    "cooperations": (dst.cooperations, dm.Cooperation),
    "markets": (dst.markets, dm.Market),
    "territories": (dst.territories, dm.Territory),
    "armed_groups": (dst.armed_groups, dm.ArmedGroup),
    "multinationals": (dst.multinationals, dm.Multinational),
    "conditions": (dst.conditions, dm.Condition),
    "tivs": (dst.tivs, dm.Tiv),
    "delivery_spans": (dst.delivery_spans, dm.DeliverySpan),
}


def revalidated(value: Any) -> Any:
    """Rebuild an object through its constructor, which runs every check again."""
    if isinstance(value, dm.Market):
        return rebuilt(value)
    return attrs.evolve(value) if attrs.has(type(value)) else value


def rebuilt(market: dm.Market) -> dm.Market:
    """Build a market anew from the records of `market`."""
    return dm.Market(
        platforms=market.platforms,
        organizations=market.organizations,
        deals=market.deals,
        production=market.production,
        sanctions=market.sanctions,
        cooperation=market.cooperation,
    )


@pytest.mark.parametrize("name", sorted(STRATEGIES))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_strategy_yields_valid_objects(name: str, data: st.DataObject) -> None:
    """Each strategy yields objects of its type that pass validation again when rebuilt."""
    make, kind = STRATEGIES[name]
    value = data.draw(make())
    assert isinstance(value, kind)
    assert revalidated(value) == value


@given(dst.quantities(Dimension.MASS, min_value="500 kg", max_value="1.5 t"))
def test_quantities_respect_their_bounds(value: dm.Quantity) -> None:
    """A quantity drawn between 500 kg and 1.5 t is a mass in that range."""
    assert dm.units.quantity(value, Dimension.MASS) == value
    assert 500 <= si_magnitude(value) <= 1500


@given(dst.quantities("ceiling"))
def test_a_spec_name_bounds_quantities_by_its_plausible_value(value: dm.Quantity) -> None:
    """Quantities for a spec name lie within that spec's plausibility bound."""
    assert 0 < si_magnitude(value) <= 40_000
    assert dm.Specs(ceiling=value).ceiling == value


@given(dst.quantities(Dimension.SPEED, units=["kn"]))
def test_quantities_use_the_units_asked_for(value: dm.Quantity) -> None:
    """Quantities asked for in knots are published in knots."""
    assert str(value.units) == "knot"


@given(dst.quantities(Dimension.LENGTH))
def test_quantities_have_short_published_magnitudes(value: dm.Quantity) -> None:
    """A drawn magnitude has at most three significant digits, like a published figure."""
    digits = str(value.magnitude).replace(".", "").strip("0")
    assert len(digits) <= 3


def test_quantities_shrink_to_a_round_figure() -> None:
    """The smallest mass over 500 kg that shrinking finds is a round figure in a common unit."""
    found = find(dst.quantities(Dimension.MASS), lambda q: si_magnitude(q) > 500, settings=SHRINK)
    assert str(found.units) in {"kilogram", "metric_ton", "pound"}
    assert len(str(found.magnitude)) <= 4


@given(dst.specs(required=["mtow", "payload", "warhead", "empty_mass"], max_reports=3))
def test_specs_keep_every_reported_mass_below_the_take_off_mass(specs: dm.Specs) -> None:
    """Generated specs hold the mass rules for every reported value, preferred or not."""
    assert specs.mtow is not None
    assert specs.payload is not None
    top = max(si_magnitude(r.value) for r in specs.reported("mtow"))
    assert all(si_magnitude(r.value) <= top for r in specs.reported("payload"))
    assert si_magnitude(specs.payload) <= si_magnitude(specs.mtow)


@given(dst.specs(fields=["wingspan", "ceiling"]))
def test_specs_hold_only_the_fields_asked_for(specs: dm.Specs) -> None:
    """Specs drawn from two fields know no other spec."""
    assert set(specs.known()) <= {"wingspan", "ceiling"}


def test_specs_shrink_to_single_round_values() -> None:
    """The smallest specs with a payload and a take-off mass are two plain, round values."""
    masses = dst.specs(fields=["mtow", "payload", "warhead"])
    found = find(masses, lambda s: s.payload is not None and s.mtow is not None, settings=SHRINK)
    assert found == dm.Specs(mtow="1 kg", payload="1 kg")


@given(dst.partial_dates(2020, 2022, precision="month"))
def test_partial_dates_respect_years_and_precision(date: dm.PartialDate) -> None:
    """Dates drawn month-precise between 2020 and 2022 are that."""
    assert 2020 <= date.year <= 2022
    assert date.precision == "month"


@given(dst.organizations(kinds=[dm.OrgKind.INTERMEDIARY], countries=["RUS"]))
def test_organizations_respect_kinds_and_countries(org: dm.Organization) -> None:
    """Organizations drawn as Russian intermediaries are that."""
    assert org.kind is dm.OrgKind.INTERMEDIARY
    assert org.country == dm.Country("RUS")


@given(dst.countries(codes=["KAZ", "KGZ"]))
def test_countries_come_from_the_codes_given(country: dm.Country) -> None:
    """Countries drawn from two codes are one of them."""
    assert country.code in {"KAZ", "KGZ"}


@given(dst.counts(kinds=["between"], min_value=10, max_value=20))
def test_counts_respect_kind_and_range(count: dm.Count) -> None:
    """Ranges drawn between 10 and 20 are estimated ranges inside those figures."""
    low, central, high = count.bounds()
    assert central is None
    assert low is not None
    assert high is not None
    assert 10 <= low <= high <= 20
    assert count.estimate


@given(dst.money(currencies=["EUR"], max_value=Decimal(1000)))
def test_money_respects_currency_and_bound(value: dm.Money) -> None:
    """Money drawn in euros up to 1,000 is that."""
    assert value.currency == "EUR"
    assert 0 < value.amount <= 1000


@given(dst.deliveries(not_before=dm.PartialDate(2021, 6)))
def test_deliveries_are_never_surely_before_the_floor(delivery: dm.Delivery) -> None:
    """A delivery drawn not before June 2021 is not surely before it."""
    if delivery.date is not None:
        assert not delivery.date.surely_before(dm.PartialDate(2021, 6))


@given(dst.platforms(categories=[dm.Category.LOITERING_MUNITION], roles=[dm.Role.STRIKE]))
def test_platforms_respect_categories_and_roles(platform: dm.Platform) -> None:
    """Platforms drawn as strike loitering munitions are that."""
    assert platform.category is dm.Category.LOITERING_MUNITION
    assert platform.roles <= {dm.Role.STRIKE}


@given(dst.platforms())
def test_platform_lineage_names_another_platform(platform: dm.Platform) -> None:
    """A generated platform's parent is another platform, and service follows first flight."""
    for parent in platform.lineage():
        assert parent.name != platform.name
    if platform.first_flight and platform.in_service:
        assert not platform.in_service.surely_before(platform.first_flight)


TB2 = dm.Platform(
    "Bayraktar TB2",
    manufacturer=dm.Organization("Baykar", country=dm.Country("TUR"), kind=dm.OrgKind.MANUFACTURER),
    category=dm.Category.MALE,
)


@given(dst.deals(status=[dm.DealStatus.DELIVERED], platforms=[TB2]))
def test_deals_respect_statuses_and_platforms(deal: dm.Deal) -> None:
    """Deals drawn as delivered TB2s are that, with at least one delivery."""
    assert deal.status is dm.DealStatus.DELIVERED
    assert deal.platform is TB2
    assert deal.deliveries


@given(
    dst.deals(
        platforms=BARE_PLATFORMS,
        suppliers=[dm.Supplier(dm.Country("TUR"))],
        recipients=dst.recipients(countries=["TUR", "KGZ"]),
    )
)
def test_deals_never_pair_a_country_with_itself(deal: dm.Deal) -> None:
    """With a Turkish supplier, the recipient drawn is never Türkiye too."""
    assert deal.supplier == dm.Supplier(dm.Country("TUR"))
    assert deal.recipient.country != dm.Country("TUR")


@given(dst.deals(platforms=BARE_PLATFORMS))
def test_deals_obey_every_deal_rule(deal: dm.Deal) -> None:
    """Generated deals keep order, delivery, count, country, source and statement rules."""
    assert deal.sources
    if deal.supplier.party is not None:
        assert deal.supplier.party != deal.recipient.party
    for delivery in deal.deliveries:
        date = delivery.start if isinstance(delivery, dm.DeliverySpan) else delivery.date
        if deal.ordered is not None and date is not None:
            assert not date.surely_before(deal.ordered)
    delivered = deal.delivered
    if delivered is not None and delivered.is_exact and deal.quantity and deal.quantity.is_exact:
        assert delivered.central is not None
        assert deal.quantity.central is not None
        assert delivered.central <= deal.quantity.central
    if deal.confidence in {dm.Confidence.CONFIRMED, dm.Confidence.DENIED}:
        assert any(s.position is deal.confidence for s in deal.statements)


@given(
    dst.licensed_production(
        platforms=BARE_PLATFORMS,
        arrangements=[dm.Arrangement.JOINT_VENTURE],
        hosts=["UKR"],
    )
)
def test_licensed_production_respects_its_arguments(record: dm.LicensedProduction) -> None:
    """Joint ventures drawn in Ukraine are that, with a licensor from elsewhere."""
    assert record.arrangement is dm.Arrangement.JOINT_VENTURE
    assert record.host == dm.Country("UKR")
    assert record.licensor.country != record.host


@given(dst.sanctions(authorities=[dm.SanctionAuthority.EU], targets=["Ivan Petrov"]))
def test_sanctions_respect_authorities_and_targets(sanction: dm.Sanction) -> None:
    """Sanctions drawn as EU sanctions on one person are that."""
    assert sanction.authority is dm.SanctionAuthority.EU
    assert sanction.target == "Ivan Petrov"


@pytest.mark.slow
def test_a_deal_shrinks_to_a_small_readable_example() -> None:
    """The smallest deal is an undated expression of interest with one source and a made id."""
    found = find(dst.deals(platforms=BARE_PLATFORMS), lambda _: True, settings=SHRINK)
    assert found.status is dm.DealStatus.INTEREST
    assert found.ordered is None
    assert found.announced is None
    assert len(found.sources) == 1
    assert re.fullmatch(r"[a-z]{3}-[a-z]{3}-[a-z0-9-]+-undated-[0-9a-f]{10}", found.id)


@pytest.mark.parametrize(
    "call",
    [
        lambda: dst.quantities("wingspan", min_value="200 m"),
        lambda: dst.quantities("nonsense"),
        lambda: dst.quantities(Dimension.MASS, units=["m"]),
        lambda: dst.specs(fields=["wingspan"], required=["mtow"]),
        lambda: dst.partial_dates(2030, 2020),
        lambda: dst.partial_dates(precision="week"),  # type: ignore[arg-type]
        lambda: dst.counts(min_value=0),
        lambda: dst.deals(status=[]),
        lambda: dst.deals(status=["sold"]),
        lambda: dst.countries(codes=["XYZ"]),
        lambda: dst.money(currencies=["XXY"]),
        lambda: dst.statements(positions=[dm.Confidence.REPORTED]),
        lambda: dst.markets(max_deals=-1),
        lambda: dst.markets(max_cooperation=-1),
    ],
)
def test_bad_arguments_are_rejected(call: Callable[[], object]) -> None:
    """An argument no valid object can satisfy raises Hypothesis' InvalidArgument at once."""
    with pytest.raises(InvalidArgument):
        call()


# --- every enum member is reached ------------------------------------------------------------

COVERAGE = settings(derandomize=True, database=None, max_examples=150, deadline=None)


def reached(strategy: SearchStrategy[Any], members: Callable[[Any], set[enum.Enum]]) -> set[Any]:
    """Return every enum member `members` finds in the examples `strategy` yields."""
    seen: set[enum.Enum] = set()

    @COVERAGE
    @given(strategy)
    def collect(value: Any) -> None:
        seen.update(members(value))

    collect()
    return seen


def _deal_members(deal: dm.Deal) -> set[enum.Enum]:
    return {deal.status, deal.confidence}


def _production_members(record: dm.LicensedProduction) -> set[enum.Enum]:
    return {record.arrangement, record.status, record.confidence}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("kinds", "strategy", "members"),
    [
        ((dm.Category, dm.Role), BARE_PLATFORMS, lambda p: {p.category, *p.roles}),
        ((dm.OrgKind,), dst.organizations(), lambda org: {org.kind}),
        (
            (dm.DealStatus, dm.Confidence),
            dst.deals(platforms=BARE_PLATFORMS),
            _deal_members,
        ),
        (
            (dm.Arrangement, dm.ProductionStatus),
            dst.licensed_production(platforms=BARE_PLATFORMS),
            _production_members,
        ),
        ((dm.SanctionAuthority,), dst.sanctions(), lambda s: {s.authority}),
        (
            (dm.CooperationKind,),
            dst.cooperations(platforms=BARE_PLATFORMS),
            lambda c: {c.kind},
        ),
    ],
    ids=["platform", "organization", "deal", "production", "sanction", "cooperation"],
)
def test_generation_reaches_every_enum_member(
    kinds: tuple[type[enum.Enum], ...],
    strategy: SearchStrategy[Any],
    members: Callable[[Any], set[enum.Enum]],
) -> None:
    """Over a fixed run, the strategies yield every member of every enum they draw."""
    seen = reached(strategy, members)
    for kind in kinds:
        assert set(kind) <= seen, sorted(m.name for m in set(kind) - seen)


def test_statements_reach_both_positions_and_both_kinds_of_party() -> None:
    """Statements come confirming and denying, from countries and from organizations."""
    seen = reached(dst.statements(), lambda s: {s.position})
    assert seen == {dm.Confidence.CONFIRMED, dm.Confidence.DENIED}
    parties: set[type] = set()

    @COVERAGE
    @given(dst.statements())
    def collect(statement: dm.Statement) -> None:
        parties.add(type(statement.party))

    collect()
    assert parties == {dm.Country, dm.Organization}


# --- registration through Hypothesis' entry point ---------------------------------------------

PUBLIC_TYPES = [
    "Country",
    "Territory",
    "ArmedGroup",
    "Multinational",
    "Organization",
    "PartialDate",
    "Source",
    "Statement",
    "Supplier",
    "Recipient",
    "Sanction",
    "Reported",
    "Figure",
    "Specs",
    "Platform",
    "Count",
    "Delivery",
    "DeliverySpan",
    "Tiv",
    "Money",
    "Deal",
    "LicensedProduction",
    "Cooperation",
    "Market",
]

FROM_TYPE = textwrap.dedent(
    """
    import sys
    import attrs
    from hypothesis import given, settings, strategies as st
    import dronemarket as dm

    assert "dronemarket.strategies" not in sys.modules
    kinds = [getattr(dm, name) for name in {names!r}]
    def checker(kind):
        @settings(max_examples=5, database=None, deadline=None)
        @given(st.from_type(kind))
        def check(value):
            assert type(value) is kind, (kind, value)
            if kind is not dm.Market:
                assert attrs.evolve(value) == value
        return check
    for kind in kinds:
        checker(kind)()
    @settings(max_examples=5, database=None, deadline=None)
    @given(st.builds(lambda deal: deal, st.from_type(dm.Deal)))
    def check_builds(deal):
        assert deal.sources
    check_builds()
    print("resolved", len(kinds))
    """
).format(names=PUBLIC_TYPES)


def _run(code: str, **environment: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **environment}
    return subprocess.run(  # noqa: S603 - runs this interpreter on fixed code
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env=env,
    )


@pytest.mark.slow
def test_from_type_resolves_every_public_type_through_the_entry_point() -> None:
    """In a fresh interpreter, st.from_type yields valid objects of every public type."""
    result = _run(FROM_TYPE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("resolved")


@pytest.mark.slow
def test_without_the_plugin_from_type_cannot_make_a_valid_deal() -> None:
    """The check is not vacuous: with plugins off, st.from_type(Deal) does not work."""
    result = _run(FROM_TYPE, HYPOTHESIS_NO_PLUGINS="1")
    assert result.returncode != 0


# --- markets ------------------------------------------------------------------------------------


@pytest.mark.slow
@given(dst.markets())
def test_a_market_holds_everything_its_records_name(market: dm.Market) -> None:
    """A generated market equals the market its own records make with Market.of."""
    records = (*market.deals, *market.production, *market.sanctions, *market.cooperation)
    assert dm.Market.of(*records, *market.platforms, *market.organizations) == market
    assert len({deal.id for deal in market.deals}) == len(market.deals)
    assert len({record.id for record in market.production}) == len(market.production)
    assert len({record.id for record in market.cooperation}) == len(market.cooperation)


@given(
    dst.markets(max_platforms=1, max_deals=0, max_production=0, max_sanctions=0, max_cooperation=0)
)
def test_markets_respect_their_size_limits(market: dm.Market) -> None:
    """A market drawn with at most one platform and no records holds just that."""
    assert len(market.platforms) <= 1
    assert not market.deals
    assert not market.production
    assert not market.sanctions
    assert not market.cooperation


@pytest.mark.slow
def test_markets_draw_cooperation_with_the_markets_own_parties_and_platforms() -> None:
    """Markets hold cooperation records between countries and the market's organizations."""
    seen: set[str] = set()

    @COVERAGE
    @given(dst.markets(max_cooperation=3))
    def collect(market: dm.Market) -> None:
        for record in market.cooperation:
            assert set(record.organizations) <= set(market.organizations)
            assert set(record.platforms) <= set(market.platforms)
            seen.update(type(party).__name__ for party in record.parties)
            seen.update("platform" for _ in record.platforms)

    collect()
    assert seen == {"Country", "Organization", "platform"}


@pytest.mark.slow
def test_a_market_shrinks_to_one_plain_deal() -> None:
    """The smallest market with a deal holds one platform and one deal of interest."""
    small = dst.markets(max_platforms=2, max_deals=1, max_production=0, max_sanctions=0)
    found = find(small, lambda market: len(market.deals) > 0, settings=SHRINK)
    assert (len(found.platforms), len(found.deals)) == (1, 1)
    assert len(found.organizations) <= 1
    assert not found.cooperation
    assert found.deals[0].status is dm.DealStatus.INTEREST


@given(
    dst.cooperations(
        kinds=[dm.CooperationKind.VISIT], parties=[dm.Country("KAZ"), dm.Country("TUR")]
    )
)
def test_cooperations_respect_kinds_and_parties(record: dm.Cooperation) -> None:
    """A visit drawn between Kazakhstan and Türkiye has both as parties."""
    assert record.kind is dm.CooperationKind.VISIT
    assert set(record.parties) == {dm.Country("KAZ"), dm.Country("TUR")}


def test_platforms_may_have_an_unknown_category() -> None:
    """By default some generated platforms have no category, as some published ones do."""
    seen = reached(BARE_PLATFORMS, lambda p: {p.category})
    assert None in seen


# --- one shared pool: any list of records builds a market -----------------------------------------

POOLED = settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])


@POOLED
@given(st.lists(dst.deals(), max_size=8))
def test_any_list_of_drawn_deals_builds_a_market(deals: list[dm.Deal]) -> None:
    """Deals drawn by deals() share one pool of platforms and organizations, so Market.of builds."""
    market = dm.Market.of(*deals)
    assert set(market.deals) == set(deals)


@pytest.mark.slow
@POOLED
@given(
    st.lists(dst.deals(), max_size=4),
    st.lists(dst.licensed_production(), max_size=4),
    st.lists(dst.cooperations(), max_size=4),
    st.lists(dst.sanctions(), max_size=3),
)
def test_any_mix_of_drawn_records_builds_a_market(
    deals: list[dm.Deal],
    production: list[dm.LicensedProduction],
    cooperation: list[dm.Cooperation],
    sanctions: list[dm.Sanction],
) -> None:
    """Deals, production, cooperation and sanctions drawn apart still build one market together."""
    market = dm.Market.of(*deals, *production, *cooperation, *sanctions)
    assert len(market.deals) == len(set(deals))
    assert len(market.production) == len(set(production))
    assert len(market.cooperation) == len(set(cooperation))


@POOLED
@given(dst.deals(), dst.deals())
def test_drawn_deals_share_an_id_only_when_equal(first: dm.Deal, second: dm.Deal) -> None:
    """Two drawn deals have the same id only if they are the same deal."""
    assert (first.id == second.id) == (first == second)


@pytest.mark.slow
@POOLED
@given(
    dst.markets(
        min_deals=2,
        max_deals=5,
        status=[dm.DealStatus.DELIVERED, "ordered"],
        suppliers=["TUR", dm.Supplier(dm.Country("USA"))],
    )
)
def test_markets_honour_deal_bounds_status_and_suppliers(market: dm.Market) -> None:
    """A market drawn with deal bounds, statuses and suppliers holds only such deals."""
    assert 2 <= len(market.deals) <= 5
    assert {deal.status for deal in market.deals} <= {
        dm.DealStatus.DELIVERED,
        dm.DealStatus.ORDERED,
    }
    assert {deal.supplier.country for deal in market.deals} <= {
        dm.Country("TUR"),
        dm.Country("USA"),
    }


@pytest.mark.slow
@POOLED
@given(dst.markets(max_deals=8, min_platforms=1, min_cooperation=1, max_cooperation=1))
def test_markets_honour_every_lower_bound(market: dm.Market) -> None:
    """Lower bounds hold: at least one platform, exactly one cooperation record, at most 8 deals."""
    assert market.platforms
    assert len(market.cooperation) == 1
    assert len(market.deals) <= 8


@pytest.mark.slow
def test_markets_with_deals_allowed_are_mostly_not_empty() -> None:
    """With max_deals=8, most drawn markets hold a deal (before, three in four were empty)."""
    sizes: list[int] = []

    @settings(COVERAGE, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
    @given(dst.markets(max_deals=8))
    def collect(market: dm.Market) -> None:
        sizes.append(len(market.deals))

    collect()
    assert sum(1 for size in sizes if size) > len(sizes) / 2


ISRAEL = dm.Supplier(dm.Country("ISR"))


@pytest.mark.slow
@POOLED
@given(dst.markets(suppliers=st.just(ISRAEL), min_deals=1))
def test_markets_take_a_strategy_of_suppliers(market: dm.Market) -> None:
    """Suppliers given as a strategy are the suppliers of every deal."""
    assert {deal.supplier for deal in market.deals} == {ISRAEL}


@pytest.mark.parametrize(
    "call",
    [
        lambda: dst.markets(min_deals=3, max_deals=2),
        lambda: dst.markets(min_deals=1, max_platforms=0),
        lambda: dst.markets(status=["sold"]),
        lambda: dst.markets(suppliers=["XXX"]),
        lambda: dst.markets(suppliers="TUR"),
        lambda: dst.markets(min_sanctions=-1),
    ],
)
def test_markets_reject_bad_bounds_and_arguments(call: Callable[[], SearchStrategy[Any]]) -> None:
    """Contradictory bounds, unknown statuses or countries raise InvalidArgument at once."""
    with pytest.raises(InvalidArgument):
        call()
