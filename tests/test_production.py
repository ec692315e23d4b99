"""LicensedProduction and Arrangement: every rule of production.py, one test each."""

from __future__ import annotations

import re
from typing import Any

import attrs
import pytest

from dronemarket import (
    Arrangement,
    Category,
    Confidence,
    Count,
    Country,
    LicensedProduction,
    Organization,
    OrgKind,
    PartialDate,
    Platform,
    ProductionStatus,
    Source,
    Statement,
    Supplier,
)
from dronemarket.errors import ValidationError

IRAN, TAJIKISTAN = Country("IRN"), Country("TJK")
HESA = Organization("HESA", country=IRAN, kind=OrgKind.MANUFACTURER)
ABABIL_2 = Platform("Ababil-2", manufacturer=HESA, category=Category.TACTICAL)
NEWS = Source("Iran opens drone factory in Tajikistan", publisher="IFP News")


def exact(message: str) -> str:
    """Return a pattern that matches `message` and nothing else."""
    return f"^{re.escape(message)}$"


def factory(**changes: Any) -> LicensedProduction:
    """Return the Ababil-2 factory in Tajikistan, with `changes` applied."""
    arguments: dict[str, Any] = {
        "platform": ABABIL_2,
        "licensor": Supplier(IRAN, manufacturer=HESA),
        "host": TAJIKISTAN,
        "arrangement": Arrangement.LICENSED_PRODUCTION,
        "status": ProductionStatus.PRODUCING,
        "started": PartialDate(2022, 5, 17),
        "facility": "Dushanbe",
        "sources": [NEWS],
    }
    arguments.update(changes)
    return LicensedProduction(**arguments)


def test_a_valid_record_and_its_derived_figures() -> None:
    """A production record holds its parts and derives its id and year."""
    record = factory()
    assert record.id == "irn-tjk-ababil-2-2022-05-17"
    assert record.year == 2022
    assert record.confidence is Confidence.REPORTED


def test_arrangements() -> None:
    """Licensed production, joint venture, technology transfer, local assembly, assistance."""
    assert [arrangement.value for arrangement in Arrangement] == [
        "licensed production",
        "joint venture",
        "technology transfer",
        "local assembly",
        "technical assistance",
    ]


def test_production_statuses() -> None:
    """Announced, agreed, producing, suspended, ended, cancelled."""
    assert [status.value for status in ProductionStatus] == [
        "announced",
        "agreed",
        "producing",
        "suspended",
        "ended",
        "cancelled",
    ]


def test_host_must_differ_from_the_licensor() -> None:
    """Production in the licensor's own country is not production abroad."""
    message = "LicensedProduction.host: Country('IRN') is the licensor's country too"
    with pytest.raises(ValidationError, match=exact(message)):
        factory(host=IRAN)


def test_an_unknown_licensor_is_allowed() -> None:
    """The licensor's country may be unknown."""
    assert factory(licensor=Supplier()).id == "unknown-tjk-ababil-2-2022-05-17"


def test_a_record_needs_a_source() -> None:
    """A record without a source is rejected."""
    message = "LicensedProduction.sources: () is empty (at least one is required)"
    with pytest.raises(ValidationError, match=exact(message)):
        factory(sources=[])


def test_sources_must_not_repeat() -> None:
    """The same source twice is rejected."""
    with pytest.raises(ValidationError, match=r"^LicensedProduction\.sources: .* has duplicates$"):
        factory(sources=[NEWS, NEWS])


def test_production_does_not_start_before_the_agreement() -> None:
    """A start surely before the agreement is rejected."""
    message = "LicensedProduction.started: '2022-05-17' is before the agreement (2022-06)"
    with pytest.raises(ValidationError, match=exact(message)):
        factory(agreed=PartialDate(2022, 6))


def test_a_start_overlapping_the_agreement_is_accepted() -> None:
    """A start on 17 May 2022 may follow an agreement 'in 2022'."""
    assert factory(agreed=PartialDate(2022)).agreed == PartialDate(2022)


def test_produced_may_not_exceed_an_exact_plan() -> None:
    """Producing 50 of a planned 48 is rejected."""
    message = "LicensedProduction.produced: Count.exact(50) exceeds the planned count (48)"
    with pytest.raises(ValidationError, match=exact(message)):
        factory(planned=48, produced=50)


def test_produced_may_exceed_an_estimated_plan() -> None:
    """Estimates are not compared: 50 produced of 'about four dozen' is accepted."""
    record = factory(planned=Count.about(48, wording="about four dozen"), produced=50)
    assert record.produced == Count.exact(50)


@pytest.mark.parametrize("status", [ProductionStatus.ANNOUNCED, ProductionStatus.AGREED])
def test_nothing_is_produced_before_production_starts(status: ProductionStatus) -> None:
    """A produced count is rejected while the status says production has not started."""
    message = (
        f"LicensedProduction.produced: Count.exact(5) is given, but the status is {status.name}"
    )
    with pytest.raises(ValidationError, match=exact(message)):
        factory(status=status, produced=5)


@pytest.mark.parametrize(
    "status", [ProductionStatus.PRODUCING, ProductionStatus.SUSPENDED, ProductionStatus.ENDED]
)
def test_produced_counts_are_allowed_once_production_started(status: ProductionStatus) -> None:
    """A produced count is allowed once production is under way or over."""
    assert factory(status=status, produced=5).produced == Count.exact(5)


@pytest.mark.parametrize("confidence", [Confidence.CONFIRMED, Confidence.DENIED])
def test_confirmed_or_denied_record_needs_a_statement_saying_so(confidence: Confidence) -> None:
    """A CONFIRMED or DENIED record carries a party's statement with that position."""
    rule = f"needs a Statement from a party with position {confidence.name}"
    with pytest.raises(
        ValidationError, match=exact(f"LicensedProduction.confidence: {confidence!r} {rule}")
    ):
        factory(confidence=confidence)
    statement = Statement(IRAN, position=confidence, source=NEWS)
    assert factory(confidence=confidence, statements=[statement]).confidence is confidence


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("arrangement", "licensed production"),
        ("status", "producing"),
        ("licensee", "Tajik Air Force"),
        ("started", "2022-05-17"),
        ("planned", 4.5),
        ("confidence", "reported"),
    ],
)
def test_parts_must_have_their_types(field: str, value: object) -> None:
    """A part of the wrong type is a ValidationError naming the field."""
    with pytest.raises(
        ValidationError, match=rf"^LicensedProduction\.{field}: {re.escape(repr(value))} is not a"
    ):
        factory(**{field: value})


@pytest.mark.parametrize(
    ("field", "value"), [("host", "TJK"), ("licensor", "IRN"), ("platform", "Ababil-2")]
)
def test_identity_parts_must_have_their_types_when_an_id_is_given(field: str, value: str) -> None:
    """A host, licensor or platform of the wrong type is a ValidationError naming the field."""
    with pytest.raises(ValidationError, match=rf"^LicensedProduction\.{field}: {value!r} is not a"):
        factory(**{field: value, "id": "x"})


@pytest.mark.parametrize(
    ("field", "value"), [("host", "TJK"), ("licensor", "IRN"), ("platform", "Ababil-2")]
)
def test_identity_parts_must_have_their_types(field: str, value: str) -> None:
    """A part of the wrong type is a ValidationError, also when the id is made by default."""
    with pytest.raises(ValidationError, match=rf"^LicensedProduction\.{field}: {value!r} is not a"):
        factory(**{field: value})


def test_facility_must_be_a_name() -> None:
    """A blank facility name is rejected."""
    with pytest.raises(ValidationError, match=exact("LicensedProduction.facility: '' is blank")):
        factory(facility="")


@pytest.mark.parametrize("bad_id", ["", "IRN-TJK", "a b", "x" * 129])
def test_id_must_be_lower_case_and_short(bad_id: str) -> None:
    """An id with capitals, spaces or over 128 characters is rejected."""
    with pytest.raises(ValidationError, match=r"^LicensedProduction\.id: .* is not an id"):
        factory(id=bad_id)


def test_default_id_falls_back_to_agreement_announcement_or_undated() -> None:
    """The id uses the start, else the agreement, else the announcement date, else 'undated'."""
    agreed = factory(started=None, agreed=PartialDate(2022, 5), status=ProductionStatus.AGREED)
    assert agreed.id == "irn-tjk-ababil-2-2022-05"
    announced = factory(
        started=None, announced=PartialDate(2021), status=ProductionStatus.ANNOUNCED
    )
    assert announced.id == "irn-tjk-ababil-2-2021"
    assert announced.year == 2021
    undated = factory(started=None, status=ProductionStatus.ANNOUNCED)
    assert undated.id == "irn-tjk-ababil-2-undated"
    assert undated.year is None


def test_evolve_revalidates() -> None:
    """attrs.evolve re-runs the record's rules."""
    with pytest.raises(ValidationError, match="is the licensor's country too"):
        attrs.evolve(factory(), host=IRAN)


def test_records_are_equal_by_value_and_hashable() -> None:
    """Two records built alike are equal and hash equal."""
    assert factory() == factory()
    assert hash(factory()) == hash(factory())
