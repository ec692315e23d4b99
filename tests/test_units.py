"""Quantities: the accepted forms, every rejection, and the untrusted-input guarantee."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from typing import Any

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dronemarket.errors import UnitError
from dronemarket.units import (
    MAX_QUANTITY_TEXT,
    Dimension,
    magnitude_in,
    quantity,
    registry,
    si_magnitude,
    unit_label,
)

LENGTH = Dimension.LENGTH
APP = pint.get_application_registry()  # type: ignore[no-untyped-call]
EXPECT_LENGTH = "(expected a length, such as '12 m' or '30,000 ft')"


def exact(message: str) -> str:
    """Return a pattern that matches `message` and nothing else."""
    return f"^{re.escape(message)}$"


def ceiling(value: Any) -> pint.Quantity[Any]:
    """Read `value` as the ceiling of a Specs, the way Specs reads it."""
    return quantity(value, LENGTH, owner="Specs", field="ceiling")


# --- what is accepted -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dimension", "magnitude", "unit"),
    [
        ("25000 ft", Dimension.LENGTH, 25000, "foot"),
        ("27 h", Dimension.DURATION, 27, "hour"),
        ("70 kn", Dimension.SPEED, 70, "knot"),
        ("100 hp", Dimension.POWER, 100, "horsepower"),
        ("1.5 t", Dimension.MASS, 1.5, "metric_ton"),
        ("130 km/h", Dimension.SPEED, 130, "kilometer / hour"),
        ("650kg", Dimension.MASS, 650, "kilogram"),
        (" 12 m ", Dimension.LENGTH, 12, "meter"),
        ("2.5e3 m", Dimension.LENGTH, 2500.0, "meter"),
        (".5 h", Dimension.DURATION, 0.5, "hour"),
        ("+45 min", Dimension.DURATION, 45, "minute"),
    ],
)
def test_strings_of_each_dimension_are_read_in_their_own_unit(
    text: str, dimension: Dimension, magnitude: float, unit: str
) -> None:
    """A number and a unit becomes a Quantity of that dimension, in the unit given."""
    made = quantity(text, dimension)
    assert made.magnitude == magnitude
    assert str(made.units) == unit


def test_units_are_kept_as_given() -> None:
    """A published '30,000 ft' stays 30,000 feet; conversion is on demand."""
    made = quantity("30,000 ft", LENGTH)
    assert made.magnitude == 30000
    assert type(made.magnitude) is int
    assert str(made.units) == "foot"
    assert made.to("m").magnitude == pytest.approx(9144)


def test_thousands_separators_are_read() -> None:
    """'1,234,567 m' is read as 1234567 metres."""
    assert quantity("1,234,567 m", LENGTH).magnitude == 1234567


def test_dimension_none_accepts_any_known_kind() -> None:
    """With no declared dimension, any length, mass, duration, speed or power is accepted."""
    for text in ("12 m", "650 kg", "27 h", "70 kn", "100 hp"):
        assert quantity(text, None).magnitude > 0


def test_quantities_are_made_in_the_application_registry() -> None:
    """Quantities come from pint's application registry, not a registry of the library's own."""
    made = quantity("12 m", LENGTH)
    assert made._REGISTRY is APP.get()
    assert registry() is APP.get()


def test_a_quantity_is_copied_so_the_caller_cannot_change_it_in_place() -> None:
    """A Quantity is accepted as an equal copy: a later q.ito() does not reach the record."""
    given_ = registry().Quantity(12, "m")
    kept = quantity(given_, LENGTH)
    assert kept == given_
    assert kept is not given_
    given_.ito("cm")
    assert str(kept) == "12 meter"


def test_quantities_from_another_registry_are_recreated_in_the_application_registry() -> None:
    """A Quantity from another UnitRegistry is re-created in the application registry."""
    other: pint.UnitRegistry[Any] = pint.UnitRegistry()
    foreign = other.Quantity(30000, "ft")
    made = quantity(foreign, LENGTH)
    assert made._REGISTRY is registry()
    assert made._REGISTRY is not other
    assert made.magnitude == 30000
    assert str(made.units) == "foot"
    assert made == registry().Quantity(30000, "ft")


def test_a_unit_unknown_to_the_application_registry_is_kept_in_si() -> None:
    """A foreign Quantity in a unit the application registry does not define is converted to SI."""
    other: pint.UnitRegistry[Any] = pint.UnitRegistry()
    other.define("smoot = 1.7018 m")
    made = quantity(other.Quantity(3, "smoot"), LENGTH)
    assert made._REGISTRY is registry()
    assert str(made.units) == "meter"
    assert made.magnitude == pytest.approx(5.1054)


def test_a_foreign_quantity_is_converted_by_its_own_registrys_definitions() -> None:
    """A registry that defines foot = 2 m has its 12 ft read as 24 m, never as our 3.66 m."""
    other: pint.UnitRegistry[Any] = pint.UnitRegistry(on_redefinition="ignore")
    other.define("foot = 2 m")
    made = quantity(other.Quantity(12, "foot"), LENGTH)
    assert si_magnitude(made) == pytest.approx(24)
    assert str(made.units) == "meter"


@pytest.mark.parametrize(
    "other",
    [pint.UnitRegistry(case_sensitive=False), pint.UnitRegistry(fmt_locale=None)],
    ids=["case-insensitive", "latex"],
)
def test_a_case_insensitive_or_latex_registry_works(other: pint.UnitRegistry[Any]) -> None:
    """Quantities of a case-insensitive or LaTeX-formatted registry are read by value."""
    other.formatter.default_format = "L"
    made = quantity(other.Quantity(40, other.kilometer), LENGTH)
    assert si_magnitude(made) == pytest.approx(40_000)
    assert str(made.units) == "kilometer"


def test_specs_work_with_a_case_insensitive_latex_application_registry() -> None:
    """With such a registry as the application registry, Specs read '40 km' as a length."""
    script = """
import pint
reg = pint.UnitRegistry(case_sensitive=False)
reg.formatter.default_format = "L"
pint.set_application_registry(reg)
import dronemarket as dm
specs = dm.Specs(ceiling="40 km", mtow="650 kg", cruise_speed="130 km/h")
assert f"{specs.ceiling.units:D}" == "kilometer", specs.ceiling
print(repr(specs))
"""
    done = subprocess.run(  # noqa: S603 - our own interpreter on our own script
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Specs(mtow='650 kg', ceiling='40 km', cruise_speed='130 km / h')"


# --- threads ------------------------------------------------------------------------------


def test_eight_threads_making_their_first_quantity_at_once_all_succeed() -> None:
    """In a fresh interpreter, eight threads that make their first Quantity together all succeed."""
    script = """
import threading
import dronemarket as dm
barrier = threading.Barrier(8)
results = []
def work():
    barrier.wait()
    try:
        results.append(repr(dm.units.quantity("12 m", None)))
    except Exception as error:
        results.append(f"{type(error).__name__}: {error}")
threads = [threading.Thread(target=work) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
results.append(repr(dm.units.quantity("12 m", None)))
print(*results, sep=chr(10))
"""
    done = subprocess.run(  # noqa: S603 - our own interpreter on our own script
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["<Quantity(12, 'meter')>"] * 9


def test_a_unit_defined_after_a_failed_lookup_then_works() -> None:
    """A failed unit lookup is not remembered: defining the unit afterwards makes it known."""
    name = "dmtestfurlong"
    with pytest.raises(UnitError, match="unknown unit"):
        quantity(f"3 {name}", LENGTH)
    registry().define(f"{name} = 201.168 m")
    assert si_magnitude(quantity(f"3 {name}", LENGTH)) == pytest.approx(603.504)


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["1e308 km", "1e300 ly", "1e308 t"])
def test_a_value_that_overflows_in_si_is_refused(text: str) -> None:
    """A finite value whose SI value overflows a float is a UnitError, not infinity."""
    with pytest.raises(UnitError, match=r"too large: in .* it overflows a float"):
        quantity(text, None)
    with pytest.raises(UnitError, match="overflows"):
        quantity(registry().Quantity(text), None)


def test_a_value_that_underflows_in_si_is_refused_as_not_positive() -> None:
    """A tiny value that becomes 0 in SI is refused for that, not as too large."""
    with pytest.raises(UnitError, match="underflows to zero, so it is not positive"):
        quantity("5e-324 mm", LENGTH)


def test_a_float_subclass_is_a_real_number() -> None:
    """A float subclass (as numpy's float64 is) is a real magnitude, kept as a plain float."""

    class F(float):
        """A float subclass."""

    made = quantity(registry().Quantity(F(12.5), "m"), LENGTH)
    assert made.magnitude == 12.5
    assert type(made.magnitude) is float


@pytest.mark.parametrize(
    "text",
    ["12 m", "12 meter", "12 ft", "70 kn", "100 hp", "1.5 t", "130 km/h", "45 min", "27 h",
     "12 µm", "12 μm", "100 kW", "650 kg", "1 lb", "5 km", "20 m/s"],
)  # fmt: skip
def test_every_unit_the_docs_promise_is_read(text: str) -> None:
    """Each unit symbol docs/units.md names parses, the micro sign in both spellings included."""
    made = quantity(text, None)
    assert made.magnitude > 0


# --- unit names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "rule"),
    [
        ("9**9**9 m", "is not a known unit name"),
        ("kg", "is not a length"),
        ("degC", "is not a length"),
        ("nosuchunit", "is not a known unit name"),
        ("m" * 100, "is longer than 64 characters"),
        (5, "is an int, not a unit name"),
    ],
)
def test_magnitude_in_reads_its_unit_safely(unit: Any, rule: str) -> None:
    """magnitude_in answers a bad unit name at once with a UnitError naming itself and the rule."""
    with pytest.raises(UnitError, match=rf"^magnitude_in\.unit: .*{re.escape(rule)}"):
        magnitude_in(quantity("12 m", LENGTH), unit)


def test_magnitude_in_refuses_what_is_not_a_quantity() -> None:
    """magnitude_in of a plain number is a UnitError naming its value argument."""
    with pytest.raises(UnitError, match=r"^magnitude_in\.value: 12 is an int"):
        magnitude_in(12, "m")  # type: ignore[arg-type]


def test_si_magnitude_and_magnitude_in_convert() -> None:
    """si_magnitude gives SI base units, magnitude_in any unit, unit_label the short symbol."""
    made = quantity("25,000 ft", LENGTH)
    assert si_magnitude(made) == pytest.approx(7620)
    assert magnitude_in(made, "km") == pytest.approx(7.62)
    assert unit_label(made) == "ft"


# --- what is rejected ---------------------------------------------------------------------


def test_wrong_dimension_is_rejected() -> None:
    """A mass given for a length is a UnitError saying what was expected."""
    with pytest.raises(
        UnitError, match=exact(f"Specs.ceiling: '12 kg' is not a length {EXPECT_LENGTH}")
    ):
        ceiling("12 kg")


def test_wrong_dimension_quantity_is_rejected() -> None:
    """A mass Quantity given for a length is a UnitError."""
    with pytest.raises(
        UnitError, match=r"^Specs\.ceiling: <Quantity\(12, 'kilogram'\)> is not a length"
    ):
        ceiling(registry().Quantity(12, "kg"))


def test_a_quantity_of_no_known_kind_is_rejected_when_any_kind_is_allowed() -> None:
    """An area is not a length, mass, duration, speed or power."""
    with pytest.raises(UnitError, match=r"is not a quantity of a known kind \(length, mass, "):
        quantity(registry().Quantity(3, "m**2"), None)


@pytest.mark.parametrize(
    "value",
    [
        float("nan"),
        float("inf"),
        float("-inf"),
    ],
)
def test_non_finite_quantities_are_rejected(value: float) -> None:
    """NaN and infinite magnitudes are a UnitError."""
    with pytest.raises(UnitError, match=re.escape(f"is not finite {EXPECT_LENGTH}")):
        ceiling(registry().Quantity(value, "m"))


def test_an_overflowing_string_is_rejected_as_not_finite() -> None:
    """'1e999 m' overflows to infinity and is a UnitError."""
    with pytest.raises(
        UnitError, match=exact(f"Specs.ceiling: '1e999 m' is not finite {EXPECT_LENGTH}")
    ):
        ceiling("1e999 m")


@pytest.mark.parametrize("text", ["nan m", "inf m", "NaN m", "infinity m"])
def test_non_finite_strings_are_rejected(text: str) -> None:
    """NaN and infinity spelled out are not numbers and are a UnitError."""
    with pytest.raises(
        UnitError,
        match=exact(f"Specs.ceiling: {text!r} is not a number and a unit {EXPECT_LENGTH}"),
    ):
        ceiling(text)


@pytest.mark.parametrize("text", ["0 m", "0.0 m", "-5 m", "-0.1 ft"])
def test_zero_and_negative_strings_are_rejected(text: str) -> None:
    """Zero and negative lengths are a UnitError."""
    with pytest.raises(
        UnitError, match=exact(f"Specs.ceiling: {text!r} is not positive {EXPECT_LENGTH}")
    ):
        ceiling(text)


@pytest.mark.parametrize("magnitude", [0, -1, -0.5])
def test_zero_and_negative_quantities_are_rejected(magnitude: float) -> None:
    """Zero and negative Quantities are a UnitError."""
    with pytest.raises(UnitError, match=re.escape(f"is not positive {EXPECT_LENGTH}")):
        ceiling(registry().Quantity(magnitude, "m"))


@pytest.mark.parametrize("value", [True, False])
def test_bools_are_rejected(value: bool) -> None:
    """A bool is not a quantity."""
    message = f"Specs.ceiling: {value!r} is a bool, not a quantity with a unit {EXPECT_LENGTH}"
    with pytest.raises(UnitError, match=exact(message)):
        ceiling(value)


@pytest.mark.parametrize("value", [12, 12.5, None, b"12 m", [12, "m"]])
def test_bare_numbers_and_other_objects_are_rejected(value: object) -> None:
    """A bare number (no unit) or any other non-quantity is a UnitError."""
    kind = type(value).__name__
    article = "an" if kind[0] in "aeiou" else "a"
    with pytest.raises(
        UnitError, match=re.escape(f"is {article} {kind}, not a quantity with a unit")
    ):
        ceiling(value)


@pytest.mark.parametrize("text", ["12", "12.5", "  7  "])
def test_number_strings_without_a_unit_are_rejected(text: str) -> None:
    """A string holding only a number is a UnitError."""
    with pytest.raises(
        UnitError,
        match=exact(f"Specs.ceiling: {text!r} is not a number and a unit {EXPECT_LENGTH}"),
    ):
        ceiling(text)


@pytest.mark.parametrize("text", ["20 degC", "20 degree_Celsius", "70 degF"])
def test_offset_unit_strings_are_rejected(text: str) -> None:
    """Offset units such as degrees Celsius are not amounts and are a UnitError."""
    with pytest.raises(UnitError, match=r"is not a (length|quantity of a known kind)"):
        quantity(text, None)
    with pytest.raises(
        UnitError, match=exact(f"Specs.ceiling: {text!r} is not a length {EXPECT_LENGTH}")
    ):
        ceiling(text)


def test_the_degree_sign_is_rejected() -> None:
    """'20 °C' is not a number and a unit."""
    with pytest.raises(UnitError, match="is not a number and a unit"):
        quantity("20 °C", None)


def test_offset_unit_quantities_are_rejected() -> None:
    """A Quantity in degrees Celsius, from any registry, is a UnitError."""
    with pytest.raises(UnitError, match="is not a quantity of a known kind"):
        quantity(registry().Quantity(20, "degC"), None)
    with pytest.raises(UnitError, match="is not a quantity of a known kind"):
        quantity(pint.UnitRegistry().Quantity(20, "degC"), None)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "m",
        "twelve m",
        "12 m m",
        "12 m*s",
        "12 m^2",
        "1,5 m",
        "12,00 m",
        "0x10 m",
        "1e m",
    ],
)
def test_malformed_strings_are_rejected(text: str) -> None:
    """A string that is not a plain number and a unit is a UnitError."""
    with pytest.raises(
        UnitError,
        match=exact(f"Specs.ceiling: {text!r} is not a number and a unit {EXPECT_LENGTH}"),
    ):
        ceiling(text)


def test_unknown_unit_names_are_rejected() -> None:
    """A well-formed string with a unit pint does not know is a UnitError."""
    with pytest.raises(
        UnitError, match=exact(f"Specs.ceiling: '3 furlongz' has an unknown unit {EXPECT_LENGTH}")
    ):
        ceiling("3 furlongz")


def test_strings_at_the_length_limit_are_read() -> None:
    """A string of exactly MAX_QUANTITY_TEXT characters is parsed."""
    text = "1" * (MAX_QUANTITY_TEXT - 2) + " m"
    assert len(text) == MAX_QUANTITY_TEXT
    assert quantity(text, LENGTH).magnitude == int("1" * (MAX_QUANTITY_TEXT - 2))


def test_over_long_strings_are_rejected_unread() -> None:
    """A string longer than MAX_QUANTITY_TEXT is a UnitError, even if well formed."""
    text = "1" * (MAX_QUANTITY_TEXT - 1) + " m"
    assert len(text) == MAX_QUANTITY_TEXT + 1
    with pytest.raises(
        UnitError, match=re.escape(f"is longer than {MAX_QUANTITY_TEXT} characters")
    ):
        ceiling(text)


# --- strings are untrusted ---------------------------------------------------------------

PARSER_BOMBS = [
    "2**2**2**2**2 m",
    "2**2**2**2**2**2**2**2 m",
    "9**9**9 m",
    "1e1000000 m",
    "1e1000 m",
    "(((((((((( m",
    "((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))) m",
    "m" * 500,
    "9" * 900 + " m",
    "1 " + "m*" * 30 + "m",
    "1 m" + "/m" * 30,
    "__import__('os') m",
    "1 m; import os",
    "1\x00 m",
    "1 m\n2 m",
]


@pytest.mark.parametrize("text", PARSER_BOMBS, ids=lambda text: repr(text)[:30])
def test_known_parser_bombs_are_rejected(text: str) -> None:
    """Strings that make pint's expression parser run for minutes are a UnitError."""
    with pytest.raises(UnitError):
        quantity(text, LENGTH)


@given(st.text(max_size=1000), st.sampled_from([None, *Dimension]))
def test_any_text_gives_a_quantity_or_a_unit_error(text: str, dimension: Dimension | None) -> None:
    """quantity() answers any text up to 1,000 characters with a Quantity or a UnitError."""
    try:
        made = quantity(text, dimension)
    except UnitError:
        return
    assert isinstance(made, pint.Quantity)
    assert math.isfinite(made.magnitude)
    assert made.magnitude > 0


NUMBERISH = st.from_regex(
    r"\s?[-+]?[0-9,.]{1,12}([eE][-+]?[0-9]{1,4})?\s?(m|kg|ft|h|kn|hp|km/h|degC|x|/|\*|\^)?\s?",
    fullmatch=True,
)


@given(NUMBERISH, st.sampled_from([None, *Dimension]))
def test_number_like_text_gives_a_quantity_or_a_unit_error(
    text: str, dimension: Dimension | None
) -> None:
    """Text shaped like a quantity is read or rejected with a UnitError, nothing else."""
    try:
        made = quantity(text, dimension)
    except UnitError:
        return
    assert math.isfinite(made.magnitude)
    assert made.magnitude > 0
    if dimension is not None:
        assert made.check(dimension.pint_dimension)


def test_text_read_again_is_a_fresh_quantity_checked_against_its_dimension() -> None:
    """A text read a second time gives a new, equal Quantity; changing one changes no later one."""
    first = quantity("12.5 m", LENGTH)
    first.ito("ft")
    again = quantity("12.5 m", LENGTH)
    assert again is not first
    assert (again.magnitude, str(again.units)) == (12.5, "meter")
    message = "Specs.mtow: '12.5 m' is not a mass (expected a mass, such as '650 kg' or '1.5 t')"
    with pytest.raises(UnitError, match=re.escape(message)):
        quantity("12.5 m", Dimension.MASS, owner="Specs", field="mtow")


def test_a_text_that_failed_is_read_again_in_full() -> None:
    """A text refused once is refused again with the same message (failures are not remembered)."""
    messages = []
    for _ in range(2):
        with pytest.raises(UnitError) as raised:
            quantity("-3 m", LENGTH)
        messages.append(str(raised.value))
    assert messages[0] == messages[1]
    assert "is not positive" in messages[0]
