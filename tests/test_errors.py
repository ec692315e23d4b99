"""The error hierarchy and the shape of every error message."""

from __future__ import annotations

import pickle
import threading
import tracemalloc

import pytest

import dronemarket as dm
from dronemarket.errors import (
    DroneMarketError,
    StructureError,
    UnitError,
    UnknownCodeError,
    ValidationError,
)


@pytest.mark.parametrize("kind", [ValidationError, UnitError, UnknownCodeError, StructureError])
def test_every_error_is_a_value_error_and_a_dronemarket_error(kind: type[Exception]) -> None:
    """Every error the library raises on purpose is both a ValueError and a DroneMarketError."""
    assert issubclass(kind, ValueError)
    assert issubclass(kind, DroneMarketError)


@pytest.mark.parametrize("kind", [UnitError, UnknownCodeError])
def test_unit_and_code_errors_are_validation_errors(kind: type[ValidationError]) -> None:
    """A unit error and an unknown-code error are validation errors too."""
    assert issubclass(kind, ValidationError)


def test_message_names_class_field_value_and_rule() -> None:
    """A validation error's message reads 'Class.field: value rule'."""
    error = ValidationError("Deal", "quantity", -3, "is less than 1")
    assert str(error) == "Deal.quantity: -3 is less than 1"


def test_message_parts_are_attributes() -> None:
    """The class, field, value and rule of a validation error are its attributes."""
    error = UnitError("Specs", "ceiling", "12 kg", "is not a length")
    assert (error.owner, error.field, error.value, error.rule) == (
        "Specs",
        "ceiling",
        "12 kg",
        "is not a length",
    )


def test_long_values_are_shortened_in_the_message() -> None:
    """A long rejected value is quoted shortened to 60 characters, its end kept."""
    error = ValidationError("Source", "title", "x" * 1000, "is too long")
    quoted = str(error).removeprefix("Source.title: ").removesuffix(" is too long")
    assert len(quoted) == 60
    assert quoted.startswith("'xxx")
    assert quoted.endswith("...x'")
    assert error.value == "x" * 1000


@pytest.mark.parametrize("kind", [ValidationError, UnitError, UnknownCodeError])
def test_validation_errors_survive_pickling(kind: type[ValidationError]) -> None:
    """A validation error pickles and unpickles to the same class, parts and message."""
    error = kind("Money", "currency", "ZZZ", "is not an ISO 4217 currency code")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert type(copy) is kind
    assert str(copy) == str(error)
    assert (copy.owner, copy.field, copy.value, copy.rule) == (
        error.owner,
        error.field,
        error.value,
        error.rule,
    )


def test_structure_error_lists_every_problem_with_its_path() -> None:
    """A structure error counts its problems and shows each with its path."""
    error = StructureError(
        [("deals[3].specs.mtow", "expected a mass, got '12 m'"), ("", "not a mapping")]
    )
    assert str(error) == (
        "2 errors in the data\n  deals[3].specs.mtow: expected a mass, got '12 m'\n  not a mapping"
    )
    assert error.errors == (
        ("deals[3].specs.mtow", "expected a mass, got '12 m'"),
        ("", "not a mapping"),
    )


def test_structure_error_with_one_problem_says_error_in_the_singular() -> None:
    """One problem is reported as '1 error', not '1 errors'."""
    assert str(StructureError([("a", "b")])).startswith("1 error in the data")


def test_structure_error_survives_pickling() -> None:
    """A structure error pickles and unpickles with all its problems."""
    error = StructureError([("a", "b"), ("c", "d")])
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert copy.errors == error.errors
    assert str(copy) == str(error)


def test_library_errors_are_raised_as_the_documented_classes() -> None:
    """An unknown country raises UnknownCodeError, which callers can catch as ValueError."""
    with pytest.raises(ValueError, match=r"^Country\.code: 'XYZ' ") as caught:
        dm.Country("XYZ")
    assert type(caught.value) is UnknownCodeError


@pytest.mark.parametrize("value", [lambda: 1, threading.Lock(), iter(())])
def test_validation_error_pickles_whatever_value_it_was_given(value: object) -> None:
    """An error holding an unpicklable value (a lambda, a lock) pickles, its message intact."""
    error = ValidationError("Deal", "notes", value, "is not a string")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert type(copy) is ValidationError
    assert str(copy) == str(error)
    assert (copy.owner, copy.field, copy.rule) == ("Deal", "notes", "is not a string")


def test_subclass_errors_pickle_with_an_unpicklable_value() -> None:
    """A unit error holding a lambda pickles to a unit error with the same message."""
    error = UnitError("Specs", "mtow", lambda: 1, "is not a mass")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert type(copy) is UnitError
    assert str(copy) == str(error)


@pytest.mark.parametrize(
    "value",
    ["x" * 10**7, "é" * 10**7, b"x" * 10**7, list(range(10**6)), {i: i for i in range(10**5)}],
)
def test_message_of_a_huge_value_costs_little_memory(value: object) -> None:
    """Building the message of a ten-million-character value allocates well under a megabyte."""
    tracemalloc.start()
    try:
        error = ValidationError("Source", "title", value, "is too long")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000
    assert len(str(error)) < 200
