"""PartialDate: validation, parsing, ordering between precisions, containment."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dronemarket import PartialDate
from dronemarket.dates import MAX_YEAR, MIN_YEAR
from dronemarket.errors import ValidationError


def exact(message: str) -> str:
    """Return a pattern that matches `message` and nothing else."""
    return f"^{re.escape(message)}$"


def test_year_month_and_day_precisions() -> None:
    """A date knows whether it is known to the year, the month or the day."""
    assert PartialDate(2022).precision == "year"
    assert PartialDate(2022, 5).precision == "month"
    assert PartialDate(2022, 5, 17).precision == "day"


@pytest.mark.parametrize("year", [MIN_YEAR - 1, MAX_YEAR + 1, 0, -2022])
def test_year_outside_the_range_is_rejected(year: int) -> None:
    """A year before 1900 or after 2100 is rejected."""
    message = f"PartialDate.year: {year} is outside {MIN_YEAR}..{MAX_YEAR}"
    with pytest.raises(ValidationError, match=exact(message)):
        PartialDate(year)


def test_year_range_bounds_are_accepted() -> None:
    """1900 and 2100 are valid years."""
    assert PartialDate(MIN_YEAR).year == MIN_YEAR
    assert PartialDate(MAX_YEAR).year == MAX_YEAR


@pytest.mark.parametrize("year", [True, 2022.0, "2022", None])
def test_year_must_be_an_int(year: object) -> None:
    """A year that is not an int (a bool, a float, a string) is rejected."""
    with pytest.raises(ValidationError, match=exact(f"PartialDate.year: {year!r} is not an int")):
        PartialDate(year)  # type: ignore[arg-type]


@pytest.mark.parametrize("month", [0, 13, -1])
def test_month_outside_1_to_12_is_rejected(month: int) -> None:
    """A month outside 1..12 is rejected."""
    with pytest.raises(
        ValidationError, match=exact(f"PartialDate.month: {month} is outside 1..12")
    ):
        PartialDate(2022, month)


def test_month_must_be_an_int() -> None:
    """A bool month is rejected."""
    with pytest.raises(ValidationError, match=exact("PartialDate.month: True is not an int")):
        PartialDate(2022, True)  # noqa: FBT003 - the bool is the point


def test_day_outside_the_month_is_rejected() -> None:
    """30 February and 29 February of a common year are rejected; 29 February 2024 is not."""
    with pytest.raises(
        ValidationError, match=exact("PartialDate.day: 30 is outside 1..29 for 2024-02")
    ):
        PartialDate(2024, 2, 30)
    with pytest.raises(
        ValidationError, match=exact("PartialDate.day: 29 is outside 1..28 for 2022-02")
    ):
        PartialDate(2022, 2, 29)
    assert PartialDate(2024, 2, 29).day == 29


def test_day_zero_is_rejected() -> None:
    """Day 0 is rejected."""
    with pytest.raises(
        ValidationError, match=exact("PartialDate.day: 0 is outside 1..31 for 2022-05")
    ):
        PartialDate(2022, 5, 0)


def test_day_without_month_is_rejected() -> None:
    """A day needs a month."""
    with pytest.raises(
        ValidationError, match=exact("PartialDate.day: 17 is given without a month")
    ):
        PartialDate(2022, None, 17)


def test_day_must_be_an_int() -> None:
    """A string day is rejected."""
    with pytest.raises(ValidationError, match=exact("PartialDate.day: '17' is not an int")):
        PartialDate(2022, 5, "17")  # type: ignore[arg-type]


def test_evolve_revalidates() -> None:
    """attrs.evolve re-runs validation: 31 May cannot become 31 June."""
    with pytest.raises(ValidationError, match=r"^PartialDate\.day: 31 is outside 1\.\.30"):
        attrs.evolve(PartialDate(2022, 5, 31), month=6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022", PartialDate(2022)),
        ("2022-05", PartialDate(2022, 5)),
        ("2022-05-17", PartialDate(2022, 5, 17)),
    ],
)
def test_parse_reads_each_precision(text: str, expected: PartialDate) -> None:
    """'2022', '2022-05' and '2022-05-17' parse to dates of that precision."""
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize(
    "text", ["", "22", "2022-5", "2022/05", "2022-05-17T00:00", " 2022", "May 2022", "2022-"]
)
def test_parse_rejects_other_forms(text: str) -> None:
    """Any other form is rejected, naming the accepted forms."""
    message = f"PartialDate.text: {text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
    with pytest.raises(ValidationError, match=exact(message)):
        PartialDate.parse(text)


def test_parse_rejects_non_strings() -> None:
    """Parsing something that is not a string is rejected."""
    with pytest.raises(ValidationError, match=r"^PartialDate\.text: 2022 is not a date"):
        PartialDate.parse(2022)


def test_parse_validates_the_calendar() -> None:
    """A well-formed but impossible date is rejected by the constructor's rules."""
    with pytest.raises(ValidationError, match=r"^PartialDate\.month: 13 is outside 1\.\.12$"):
        PartialDate.parse("2022-13")


@given(st.dates(min_value=dt.date(MIN_YEAR, 1, 1), max_value=dt.date(MAX_YEAR, 12, 31)))
def test_str_and_parse_round_trip(day: dt.date) -> None:
    """str() of a date of any precision parses back to the same date."""
    for date in (
        PartialDate(day.year),
        PartialDate(day.year, day.month),
        PartialDate.from_date(day),
    ):
        assert PartialDate.parse(str(date)) == date


def test_str_and_repr() -> None:
    """str() is ISO-like with only the known parts; repr() shows only the given parts."""
    assert str(PartialDate(2022, 5)) == "2022-05"
    assert str(PartialDate(2020, 11, 3)) == "2020-11-03"
    assert repr(PartialDate(2022)) == "PartialDate(2022)"
    assert repr(PartialDate(2022, 5, 17)) == "PartialDate(2022, 5, 17)"


def test_ordering_puts_the_less_precise_date_first_on_a_tie() -> None:
    """2022 < 2022-01 < 2022-01-01 < 2022-01-02 < 2022-02, as documented."""
    chain = [
        PartialDate(2022),
        PartialDate(2022, 1),
        PartialDate(2022, 1, 1),
        PartialDate(2022, 1, 2),
        PartialDate(2022, 2),
        PartialDate(2023),
    ]
    shuffled = [chain[i] for i in (3, 5, 0, 4, 1, 2)]
    assert sorted(shuffled) == chain
    for earlier, later in itertools.pairwise(chain):
        assert earlier < later
        assert earlier <= later
        assert later > earlier
        assert later >= earlier


def test_ordering_with_other_types_is_not_supported() -> None:
    """Comparing a date with a string is a TypeError, not a silent answer."""
    with pytest.raises(TypeError):
        assert PartialDate(2022) < "2023"  # type: ignore[operator]


def test_equal_dates_are_equal_and_hash_equal() -> None:
    """Two dates with the same parts are equal and hash equal; different precisions differ."""
    assert PartialDate(2022, 5) == PartialDate(2022, 5)
    assert hash(PartialDate(2022, 5)) == hash(PartialDate(2022, 5))
    assert PartialDate(2022, 5) != PartialDate(2022, 5, 1)


def test_containment() -> None:
    """2022-05-17 lies within May 2022, which lies within 2022; not the other way round."""
    assert PartialDate(2022, 5, 17) in PartialDate(2022, 5)
    assert PartialDate(2022, 5) in PartialDate(2022)
    assert PartialDate(2022) not in PartialDate(2022, 5)
    assert PartialDate(2022, 6) not in PartialDate(2022, 5)
    assert dt.date(2022, 5, 17) in PartialDate(2022, 5)
    assert "2022-05" not in PartialDate(2022)


def test_earliest_and_latest_days() -> None:
    """A month spans its first to its last day; a year from 1 January to 31 December."""
    assert PartialDate(2024, 2).earliest == dt.date(2024, 2, 1)
    assert PartialDate(2024, 2).latest == dt.date(2024, 2, 29)
    assert PartialDate(2022).latest == dt.date(2022, 12, 31)


def test_surely_before() -> None:
    """A date is surely before another only if all its days are; overlap is not surely before."""
    assert PartialDate(2021, 5).surely_before(PartialDate(2021, 6))
    assert not PartialDate(2021).surely_before(PartialDate(2021, 6))
    assert not PartialDate(2021, 6).surely_before(PartialDate(2021))
    assert PartialDate(2020).surely_before(PartialDate(2021, 1, 1))
