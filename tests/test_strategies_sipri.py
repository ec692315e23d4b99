"""Strategies for SIPRI's facts: parties that are not countries, condition, TIV and spans."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import dronemarket as dm
from dronemarket import strategies as dst


@given(dst.parties(kinds="armed group"))
def test_parties_of_one_kind_are_of_that_kind(party: dm.Party) -> None:
    """parties(kinds="armed group") yields only armed groups."""
    assert isinstance(party, dm.ArmedGroup)


@given(dst.parties(kinds=[dm.PartyKind.FORMER_STATE, "multinational"]))
def test_parties_respect_several_kinds(party: dm.Party) -> None:
    """parties(kinds=[...]) yields parties whose kind is one of those asked for."""
    assert dm.parties.party_kind(party) in {
        dm.PartyKind.FORMER_STATE,
        dm.PartyKind.MULTINATIONAL,
    }


def test_parties_refuse_an_unknown_kind() -> None:
    """A kind that is not a PartyKind is an InvalidArgument."""
    with pytest.raises(InvalidArgument):
        dst.parties(kinds="rebels").example()


def test_parties_shrink_to_a_state() -> None:
    """The smallest party is a current state."""
    assert type(find(dst.parties(), lambda _: True)) is dm.Country


@given(dst.tivs())
def test_tivs_know_a_figure_and_round_trip_exactly(tiv: dm.Tiv) -> None:
    """A drawn Tiv knows at least one figure, and its JSON reads back with the same digits."""
    assert (tiv.per_unit, tiv.order, tiv.delivered) != (None, None, None)
    again = dm.structure(json.loads(json.dumps(dm.unstructure(tiv))), dm.Tiv)
    assert again == tiv
    assert [str(f) for f in (again.per_unit, again.order, again.delivered)] == [
        str(f) for f in (tiv.per_unit, tiv.order, tiv.delivered)
    ]


def test_tivs_keep_trailing_zeros() -> None:
    """Some drawn figure keeps a trailing zero after the point, as SIPRI's "4.80" does."""
    found = find(
        dst.tivs(),
        lambda tiv: any(
            f is not None and "." in str(f) and str(f).endswith("0")
            for f in (tiv.per_unit, tiv.order, tiv.delivered)
        ),
    )
    assert found is not None


@given(dst.delivery_spans(2000, 2010))
def test_delivery_spans_stay_within_their_years(span: dm.DeliverySpan) -> None:
    """A drawn span covers at least two increasing years within the bounds asked for."""
    assert 2000 <= span.first < span.last <= 2010


def test_delivery_spans_need_two_years() -> None:
    """A span cannot be drawn within a single year."""
    with pytest.raises(InvalidArgument):
        dst.delivery_spans(2020, 2020).example()


@pytest.mark.parametrize(
    "wanted",
    [
        lambda d: isinstance(d.recipient.party, dm.ArmedGroup),
        lambda d: isinstance(d.supplier.party, dm.Multinational),
        lambda d: d.condition is dm.Condition.SECOND_HAND_MODERNIZED,
        lambda d: d.tiv is not None and d.tiv.delivered is not None,
        lambda d: any(isinstance(x, dm.DeliverySpan) for x in d.deliveries),
    ],
)
def test_deals_reach_each_sipri_fact(wanted: Any) -> None:
    """Each SIPRI fact is reachable by the deal strategy."""
    assert wanted(find(dst.deals(), wanted, settings=settings(max_examples=500, database=None)))


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])
@given(dst.deals())
def test_a_drawn_deal_round_trips_through_json(deal: dm.Deal) -> None:
    """Every drawn deal, with its parties, condition, TIV and spans, reads back equal."""
    assert dm.structure(json.loads(json.dumps(dm.unstructure(deal))), dm.Deal) == deal


def test_from_type_of_a_party_draws_every_kind() -> None:
    """st.from_type(dm.Party) reaches an armed group through the registered strategies."""
    found = find(st.from_type(dm.Party), lambda p: isinstance(p, dm.ArmedGroup))  # type: ignore[arg-type]
    assert isinstance(found, dm.ArmedGroup)
