"""Cooperation and CooperationKind: every rule of cooperation.py, one test each.

Plus property tests over records drawn by ``dronemarket.strategies.cooperations``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given

import dronemarket as dm
from dronemarket import strategies as dst
from dronemarket.cooperation import MULTILATERAL_KINDS
from dronemarket.errors import ValidationError

KAZAKHSTAN, TURKIYE = dm.Country("KAZ"), dm.Country("TUR")
KAZAKH_MOD = dm.Organization(
    "Ministry of Defence of Kazakhstan", country=KAZAKHSTAN, kind=dm.OrgKind.STATE_AGENCY
)
BAYKAR = dm.Organization("Baykar", country=TURKIYE, kind=dm.OrgKind.MANUFACTURER)
TB2 = dm.Platform("Bayraktar TB2", manufacturer=BAYKAR, category=dm.Category.MALE)
NEWS = dm.Source("Kazakhstan keen to buy dozens of TB2", publisher="The Defense Post")


def visit(**changes: Any) -> dm.Cooperation:
    """Return the Kazakh delegation's visit to Türkiye, with `changes` applied."""
    arguments: dict[str, Any] = {
        "kind": dm.CooperationKind.VISIT,
        "parties": [KAZAKH_MOD, TURKIYE],
        "start": dm.PartialDate(2020, 11, 23),
        "end": dm.PartialDate(2020, 11, 25),
        "summary": "Kazakh MoD delegation inspects the TB2",
        "sources": [NEWS],
        "platforms": [TB2],
    }
    arguments.update(changes)
    return dm.Cooperation(**arguments)


def test_a_valid_record_holds_its_parts_and_derives_its_figures() -> None:
    """A visit keeps its fields and derives its id, year, countries, organizations and label."""
    record = visit()
    assert record.id == "visit-kaz-tur-2020-11-23"
    assert record.year == 2020
    assert record.countries == (KAZAKHSTAN, TURKIYE)
    assert record.organizations == (KAZAKH_MOD,)
    assert record.label == "visit: Bayraktar TB2"
    assert record.confidence is dm.Confidence.REPORTED


def test_an_undated_record_has_no_year_and_an_undated_id() -> None:
    """Without a start date the year is None and the id says "undated"."""
    record = visit(start=None, end=None)
    assert record.year is None
    assert record.id == "visit-kaz-tur-undated"


def test_the_label_without_platforms_is_the_kind() -> None:
    """A record that names no platform is labelled by its kind alone."""
    assert visit(platforms=()).label == "visit"


def test_countries_are_listed_once_in_order() -> None:
    """Two parties from one country give that country once."""
    army = dm.Organization("Kazakh Air Force", country=KAZAKHSTAN, kind=dm.OrgKind.ARMED_FORCES)
    record = visit(parties=[KAZAKH_MOD, army, TURKIYE])
    assert record.countries == (KAZAKHSTAN, TURKIYE)


def test_a_given_id_is_kept() -> None:
    """An id the caller gives is the record's id."""
    assert visit(id="kaz-visit-1").id == "kaz-visit-1"


def test_a_made_id_follows_the_fields_it_comes_from() -> None:
    """attrs.evolve makes the default id again from the changed start date."""
    assert attrs.evolve(visit(), start=dm.PartialDate(2020, 11)).id == "visit-kaz-tur-2020-11"


def test_a_malformed_id_is_rejected() -> None:
    """An id with capitals or spaces names the id rule."""
    with pytest.raises(ValidationError, match=r"^Cooperation\.id: .* is not an id"):
        visit(id="Not An Id")


@pytest.mark.parametrize(
    "kind", [kind for kind in dm.CooperationKind if kind in MULTILATERAL_KINDS]
)
def test_a_multilateral_kind_needs_two_parties(kind: dm.CooperationKind) -> None:
    """A visit, meeting, agreement or exercise with one party names the parties rule."""
    with pytest.raises(ValidationError, match=r"^Cooperation\.parties: .*needs two or more"):
        visit(kind=kind, parties=[KAZAKHSTAN])


@pytest.mark.parametrize(
    "kind",
    [
        dm.CooperationKind.PROPOSAL,
        dm.CooperationKind.TECHNOLOGY_TRANSFER,
        dm.CooperationKind.EXPERTISE,
    ],
)
def test_other_kinds_may_have_one_party(kind: dm.CooperationKind) -> None:
    """A proposal, a technology transfer or expertise may have a single party."""
    assert visit(kind=kind, parties=[KAZAKHSTAN]).parties == (KAZAKHSTAN,)


def test_at_least_one_party() -> None:
    """A record with no party is rejected, naming the parties field."""
    with pytest.raises(ValidationError, match=r"^Cooperation\.parties: "):
        visit(kind=dm.CooperationKind.PROPOSAL, parties=[])


def test_no_party_twice() -> None:
    """The same party given twice is rejected."""
    with pytest.raises(ValidationError, match=r"^Cooperation\.parties: "):
        visit(parties=[TURKIYE, TURKIYE])


def test_a_party_is_a_country_or_an_organization() -> None:
    """A party given as a plain string is rejected, not looked up."""
    with pytest.raises(ValidationError, match=r"^Cooperation\.parties: "):
        visit(parties=["KAZ", TURKIYE])


def test_at_least_one_source() -> None:
    """A record with no source is rejected, naming the sources field."""
    with pytest.raises(ValidationError, match=r"^Cooperation\.sources: "):
        visit(sources=[])


def test_the_end_is_not_before_the_start() -> None:
    """An end surely before the start names the end and the start."""
    with pytest.raises(
        ValidationError, match=r"^Cooperation\.end: .*2020-11-20.* is before the start"
    ):
        visit(end=dm.PartialDate(2020, 11, 20))


def test_an_end_that_may_be_after_the_start_is_accepted() -> None:
    """An end known only to the month of the start is not surely before it."""
    assert visit(end=dm.PartialDate(2020, 11)).end == dm.PartialDate(2020, 11)


def test_a_budget_needs_its_amount() -> None:
    """A budget with no value is rejected, naming the value field."""
    with pytest.raises(ValidationError, match=r"^Cooperation\.value: None .*budget needs"):
        visit(kind=dm.CooperationKind.BUDGET, parties=[KAZAKHSTAN])


def test_a_budget_with_its_amount_is_accepted() -> None:
    """A budget holds its Money."""
    money = dm.Money(Decimal(100_000_000_000), "JPY")
    record = visit(kind=dm.CooperationKind.BUDGET, parties=[dm.Country("JPN")], value=money)
    assert record.value == money


def test_a_confirmed_record_needs_a_confirming_statement() -> None:
    """Confidence CONFIRMED without a party's confirmation is rejected."""
    with pytest.raises(ValidationError, match=r"^Cooperation\.confidence: .*needs a Statement"):
        visit(confidence=dm.Confidence.CONFIRMED)


def test_a_denied_record_with_a_denial_is_accepted() -> None:
    """Confidence DENIED with the party's denial is accepted."""
    denial = dm.Statement(KAZAKHSTAN, position=dm.Confidence.DENIED, source=NEWS)
    record = visit(confidence=dm.Confidence.DENIED, statements=[denial])
    assert record.statements == (denial,)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("kind", "visit"),
        ("summary", ""),
        ("start", "2020-11-23"),
        ("platforms", ["Bayraktar TB2"]),
        ("value", 100),
        ("confidence", "reported"),
        ("notes", 3),
    ],
)
def test_each_field_rejects_a_value_of_the_wrong_type(field: str, value: object) -> None:
    """A wrong type in any field raises ValidationError naming that field, never a TypeError."""
    with pytest.raises(ValidationError, match=rf"^Cooperation\.{field}: "):
        visit(**{field: value})


def test_records_are_immutable_and_hashable() -> None:
    """A record cannot be changed in place, and equal records hash alike."""
    record = visit()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        record.summary = "changed"  # type: ignore[misc]
    assert hash(record) == hash(visit())


def test_every_kind_has_a_value_and_a_docstring() -> None:
    """CooperationKind's members are the eight kinds, by value."""
    assert {kind.value for kind in dm.CooperationKind} == {
        "visit",
        "meeting",
        "agreement",
        "budget",
        "proposal",
        "technology transfer",
        "expertise",
        "exercise",
    }


@given(dst.cooperations())
def test_drawn_records_keep_every_rule(record: dm.Cooperation) -> None:
    """Every drawn record has enough distinct parties, a source, and an end not before its start."""
    least = 2 if record.kind in MULTILATERAL_KINDS else 1
    assert len(record.parties) >= least
    assert len(set(record.parties)) == len(record.parties)
    assert record.sources
    if record.start and record.end:
        assert not record.end.surely_before(record.start)
    if record.kind is dm.CooperationKind.BUDGET:
        assert record.value is not None


@given(dst.cooperations())
def test_evolve_revalidates_and_keeps_a_drawn_record_equal(record: dm.Cooperation) -> None:
    """attrs.evolve with no change gives an equal record."""
    assert attrs.evolve(record) == record
