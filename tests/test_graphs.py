"""Tests of dronemarket.tables.to_networkx: parties as nodes, weighted links, unknown as None."""

from __future__ import annotations

import sys
from decimal import Decimal

import pytest
from hypothesis import given, settings

import dronemarket as dm
from dronemarket import strategies as dms
from dronemarket.tables import MissingExtraError, coverage, node_key, to_networkx

nx = pytest.importorskip("networkx")

TUR, KGZ, UKR, CHN = dm.Country("TUR"), dm.Country("KGZ"), dm.Country("UKR"), dm.Country("CHN")
NEWS = dm.Source("Drone deals", publisher="Test wire")
BAYKAR = dm.Organization("Baykar", country=TUR, kind=dm.OrgKind.MANUFACTURER)
TB2 = dm.Platform("Bayraktar TB2", manufacturer=BAYKAR, category=dm.Category.MALE)


def _deal(
    supplier: dm.Country,
    recipient: dm.Country,
    quantity: int | None,
    tiv: str | None = None,
    year: int = 2021,
) -> dm.Deal:
    return dm.Deal(
        supplier=dm.Supplier(supplier),
        recipient=dm.Recipient(recipient),
        platform=TB2,
        status=dm.DealStatus.ORDERED,
        ordered=dm.PartialDate(year),
        quantity=quantity,
        tiv=None if tiv is None else dm.Tiv(order=tiv, delivered=tiv),
        sources=[NEWS],
    )


KNOWN = _deal(TUR, KGZ, 3, tiv="7.2")
UNKNOWN = _deal(TUR, UKR, None)
HALF = (_deal(CHN, UKR, 4, year=2020), _deal(CHN, UKR, None, year=2021))
MARKET = dm.Market.of(KNOWN, UNKNOWN, *HALF)


def test_nodes_are_parties_with_kind_and_country() -> None:
    """Each party on a link is a node keyed by its code, with name, kind and country."""
    graph = MARKET.to_networkx()
    assert isinstance(graph, nx.DiGraph)
    assert set(graph.nodes) == {"TUR", "KGZ", "UKR", "CHN"}
    assert graph.nodes["TUR"] == {
        "name": "Türkiye",
        "code": "TUR",
        "kind": "state",
        "country": "TUR",
    }


def test_edges_carry_units_deals_tiv_and_coverage() -> None:
    """A link gives its units, deals and TIV as the analytics tally them, with coverage 1."""
    edge = MARKET.to_networkx().edges["TUR", "KGZ"]
    assert (edge["units"], edge["units_low"], edge["units_high"]) == (3, 3, 3)
    assert edge["deals"] == 1
    assert edge["tiv"] == Decimal("7.2")
    assert edge["units_coverage"] == 1.0
    assert edge["coverage"] == 1.0


def test_an_unknown_weight_is_none_never_zero() -> None:
    """A link whose deals give no count or TIV has None weights and coverage 0, not 0 units."""
    edge = MARKET.to_networkx().edges["TUR", "UKR"]
    assert edge["units"] is None
    assert edge["units_low"] is None
    assert edge["tiv"] is None
    assert edge["units_coverage"] == 0.0
    assert edge["deals"] == 1


def test_a_partly_known_link_shows_its_coverage() -> None:
    """A link with one deal counted of two gives the known units and coverage 0.5."""
    edge = MARKET.to_networkx().edges["CHN", "UKR"]
    assert edge["units"] == 4
    assert edge["units_coverage"] == 0.5
    assert edge["deals"] == 2


def test_filters_select_the_deals_on_the_links() -> None:
    """Filters are those of market.deals, validated the same way."""
    graph = MARKET.to_networkx(supplier="CHN")
    assert list(graph.edges) == [("CHN", "UKR")]
    assert to_networkx(MARKET, years=1950).number_of_nodes() == 0
    with pytest.raises(dm.ValidationError, match="are not filters"):
        MARKET.to_networkx(colour="red")  # type: ignore[call-arg]


def test_node_keys_of_other_parties_are_their_names() -> None:
    """A party that is not a country is keyed by its name, never by its base's code."""
    group = dm.ArmedGroup("Houthi rebels", base=dm.Country("YEM"))
    assert node_key(group) == "Houthi rebels (Yemen)"
    assert node_key(dm.Multinational("NATO")) == "NATO"


def test_coverage_of_no_record_is_none() -> None:
    """The coverage of a tally of no record is None, not 0 or 1."""
    assert coverage(dm.Tally(0, 0, 0, 0)) is None
    assert coverage(dm.Tally(1, 1, 1, 1, 0, 3)) == 0.25


def test_a_missing_networkx_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without networkx, to_networkx raises a dronemarket error naming the extra."""
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(MissingExtraError, match=r"dronemarket\[networkx\]"):
        MARKET.to_networkx()


@pytest.mark.slow  # draws whole markets
@settings(max_examples=30)
@given(dms.markets(max_deals=8))
def test_the_graph_agrees_with_the_network(market: dm.Market) -> None:
    """Every edge of market.network is an edge of the graph with its tally, unknown as None."""
    graph = market.to_networkx()
    edges = market.network()
    assert graph.number_of_edges() == len(edges)
    for edge in edges:
        data = graph.edges[node_key(edge.supplier), node_key(edge.recipient)]
        assert data["deals"] == edge.deals
        assert data["units"] == (edge.units.central if edge.units.counted else None)
