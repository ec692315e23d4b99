"""The trade network as a networkx directed graph, weights unknown kept as None."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dronemarket._extras import require
from dronemarket.market._results import Edge, Tally
from dronemarket.parties import ArmedGroup, Country, Party, party_kind

if TYPE_CHECKING:
    import networkx as nx

    from dronemarket.market import Market

__all__ = ["coverage", "node_key", "to_networkx"]


def node_key(party: Party) -> str:
    """Return a party's node in the graph: a country's code, any other party's name."""
    return party.code if type(party) is Country else str(party)


def _node(party: Party) -> dict[str, str | None]:
    """Return a node's attributes: name, code, kind, and the country it belongs to."""
    if type(party) is Country:
        return {
            "name": party.name,
            "code": party.code,
            "kind": party_kind(party).value,
            "country": party.code,
        }
    base = party.base if type(party) is ArmedGroup else None
    country = base.code if type(base) is Country else None
    return {"name": str(party), "code": None, "kind": party_kind(party).value, "country": country}


def coverage(tally: Tally) -> float | None:
    """Return how much of a tally rests on data (``Tally.coverage``); None with no record."""
    return tally.coverage


def _link(edge: Edge) -> tuple[str, str]:
    return node_key(edge.supplier), node_key(edge.recipient)


def _edge_attributes(edge: Edge) -> dict[str, Any]:
    units, tiv = edge.units, edge.tiv
    return {
        "units": units.central,
        "units_low": units.low,
        "units_high": units.high,
        "units_estimated": units.estimated,
        "units_coverage": units.coverage,
        "tiv": tiv.central,
        "tiv_coverage": tiv.coverage,
        "deals": edge.deals,
        "coverage": edge.coverage,
    }


def to_networkx(market: Market, **filters: Any) -> nx.DiGraph:  # noqa: ANN401
    """Return the supplier → recipient network of `market` as a :class:`networkx.DiGraph`.

    It is built from ``market.network(**filters)`` (the filters of
    ``market.deals(...)``). Nodes are the parties on a link, keyed by a
    country's code or another party's name, with ``name``, ``code`` (None
    when not a country), ``kind`` (a :class:`~dronemarket.PartyKind` value)
    and ``country`` (the country a party belongs to, None when none).
    Edges carry ``units`` (central), ``units_low``, ``units_high``,
    ``units_estimated``, ``tiv`` (delivered, a Decimal), ``deals`` and the
    coverage of each (``units_coverage``, ``tiv_coverage``, ``coverage``).
    A weight no record of the link gives is None, never 0.
    """
    networkx = require("networkx")
    edges = market.network(**filters)
    graph = networkx.DiGraph()
    for edge in edges:
        for party in (edge.supplier, edge.recipient):
            key = node_key(party)
            if key not in graph:
                graph.add_node(key, **_node(party))
        graph.add_edge(*_link(edge), **_edge_attributes(edge))
    return graph
