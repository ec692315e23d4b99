"""The trade network as a networkx directed graph, weights unknown kept as None."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from dronemarket.market._analytics import _tiv_tallies
from dronemarket.market._results import EMPTY_TALLY, Edge, Tally
from dronemarket.parties import ArmedGroup, Country, Party, party_kind
from dronemarket.tables._deps import require

if TYPE_CHECKING:
    import networkx as nx

    from dronemarket.deals import Deal
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
    """Return how much of a tally rests on data: counted over records; None with no record.

    Uses ``Tally.coverage`` where the tally has it (the one definition, in
    the analytics); computes the same from ``counted`` and ``records`` where not.
    """
    found: object = getattr(tally, "coverage", tally)
    if found is not tally:
        return found  # type: ignore[return-value]
    return tally.counted / tally.records if tally.records else None


def _known(figure: int | Decimal | None, tally: Tally) -> int | Decimal | None:
    """Return a tally's figure; None when no record of it is known (never 0)."""
    return figure if tally.counted else None


def _tivs(edges: Sequence[Edge], deals: Sequence[Deal]) -> dict[tuple[str, str], Tally]:
    """Return each link's TIV tally: ``Edge.tiv`` where edges have it, else from `deals`."""
    if all(hasattr(edge, "tiv") for edge in edges):
        return {_link(edge): edge.tiv for edge in edges}  # type: ignore[attr-defined]
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for position, deal in enumerate(deals):
        supplier, recipient = deal.supplier.party, deal.recipient.party
        if supplier is not None and recipient is not None:
            groups[node_key(supplier), node_key(recipient)].append(position)
    return _tiv_tallies(deals, groups)  # type: ignore[arg-type, return-value]


def _link(edge: Edge) -> tuple[str, str]:
    return node_key(edge.supplier), node_key(edge.recipient)


def _edge_attributes(edge: Edge, tiv: Tally) -> dict[str, Any]:
    units = edge.units
    own: object = getattr(edge, "coverage", edge)
    return {
        "units": _known(units.central, units),
        "units_low": _known(units.low, units),
        "units_high": _known(units.high, units),
        "units_estimated": units.estimated,
        "units_coverage": coverage(units),
        "tiv": _known(tiv.central, tiv),
        "tiv_coverage": coverage(tiv),
        "deals": edge.deals,
        "coverage": coverage(units) if own is edge else own,
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
    tivs = _tivs(edges, market.deals(**filters)) if edges else {}
    graph = networkx.DiGraph()
    for edge in edges:
        for party in (edge.supplier, edge.recipient):
            key = node_key(party)
            if key not in graph:
                graph.add_node(key, **_node(party))
        link = _link(edge)
        graph.add_edge(*link, **_edge_attributes(edge, tivs.get(link, EMPTY_TALLY)))
    return graph
