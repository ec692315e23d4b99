"""The model's growth for real data: SIPRI's state names, former states, new party kinds, TIV."""

from __future__ import annotations

from decimal import Decimal

import pytest

import dronemarket as dm
from dronemarket.deals import Condition, DeliverySpan, Tiv
from dronemarket.parties import ArmedGroup, Multinational, Territory


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Turkiye", "TUR"),
        ("Viet Nam", "VNM"),
        ("eSwatini", "SWZ"),
        ("Cabo Verde", "CPV"),
        ("DR Congo", "COD"),
        ("Congo", "COG"),
        ("Bosnia-Herzegovina", "BIH"),
        ("Saint Vincent", "VCT"),
        ("Cote d'Ivoire", "CIV"),
        ("Timor-Leste", "TLS"),
        ("North Korea", "PRK"),
        ("South Korea", "KOR"),
        ("UAE", "ARE"),
        ("Brunei", "BRN"),
        ("Micronesia", "FSM"),
        ("Palestine", "PSE"),
        ("Libya GNC", "LBY"),
    ],
)
def test_sipri_state_names(name: str, code: str) -> None:
    """Country.lookup resolves SIPRI's spelling of each state."""
    assert dm.Country.lookup(name) == dm.Country(code)
    assert not dm.Country(code).former


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Soviet Union", "SUN"),
        ("Czechoslovakia", "CSK"),
        ("CSHH", "CSK"),
        ("Yugoslavia", "YUG"),
        ("East Germany (GDR)", "DDR"),
        ("South Yemen", "YMD"),
    ],
)
def test_former_states(name: str, code: str) -> None:
    """Former states take their ISO 3166-3 code and say they are former."""
    country = dm.Country.lookup(name)
    assert country == dm.Country(code)
    assert country.former
    assert country.name
    assert country.alpha2


def test_a_reused_historic_code_is_current() -> None:
    """A code ISO 3166-1 still assigns (ATF) is a current country, not a former one."""
    assert not dm.Country("ATF").former


@pytest.mark.parametrize(
    ("name", "former"),
    [
        ("Kosovo", False),
        ("Northern Cyprus", False),
        ("Biafra", True),
        ("Katanga", True),
        ("North Yemen", True),
        ("Yemen Arab Republic (North Yemen)", True),
        ("South Vietnam", True),
    ],
)
def test_territories(name: str, former: bool) -> None:
    """Entities ISO 3166 does not hold are Territories with a name and no code."""
    territory = Territory.lookup(name)
    assert territory.former is former
    with pytest.raises(dm.UnknownCodeError, match="Territory"):
        dm.Country.lookup(name)


def test_unknown_territory() -> None:
    """A name that is no known territory is an UnknownCodeError listing the known ones."""
    with pytest.raises(dm.UnknownCodeError, match="Biafra"):
        Territory.lookup("Narnia")


def test_armed_group_is_not_its_base() -> None:
    """An armed group never equals the state it is based in, and prints its place."""
    group = ArmedGroup("Hezbollah", base=dm.Country("LBN"))
    assert group != dm.Country("LBN")  # type: ignore[comparison-overlap]
    assert str(group) == "Hezbollah (Lebanon)"
    assert str(ArmedGroup("PRC", place="Israel/Palestine")) == "PRC (Israel/Palestine)"
    assert str(ArmedGroup("unknown rebel group")) == "unknown rebel group"


@pytest.mark.parametrize("bad", ["", " NATO", 3])
def test_party_names_validated(bad: object) -> None:
    """Party names must be non-blank trimmed text."""
    with pytest.raises(dm.ValidationError):
        Multinational(bad)  # type: ignore[arg-type]
    with pytest.raises(dm.ValidationError):
        ArmedGroup(bad)  # type: ignore[arg-type]
    with pytest.raises(dm.ValidationError):
        Territory(bad)  # type: ignore[arg-type]


def test_armed_group_base_must_be_a_state() -> None:
    """An armed group's base is a Country or Territory, not a name."""
    with pytest.raises(dm.ValidationError, match=r"ArmedGroup\.base"):
        ArmedGroup("X", base="Yemen")  # type: ignore[arg-type]


def test_condition_values() -> None:
    """The three conditions are kept apart."""
    assert [c.value for c in Condition] == ["new", "second hand", "second hand but modernized"]


def test_tiv_keeps_figures_as_written() -> None:
    """TIV figures are Decimals as written; strings and ints convert."""
    tiv = Tiv("0.05", "4.8", 0)
    assert (tiv.per_unit, tiv.order, tiv.delivered) == (
        Decimal("0.05"),
        Decimal("4.8"),
        Decimal(0),
    )
    assert tiv != dm.Money("4.8", "USD")  # type: ignore[comparison-overlap]


@pytest.mark.parametrize(
    ("args", "rule"),
    [
        ((None, None, None), r"\(an unknown TIV is None\)"),
        (("-1",), "non-negative"),
        (("NaN",), "finite"),
        ((1.5,), "is not a Decimal"),
        (("2000000",), "typo guard"),
        (("abc",), "is not a Decimal"),
    ],
)
def test_tiv_rejects(args: tuple[object, ...], rule: str) -> None:
    """A TIV that is all unknown, negative, not finite, a float or absurd is rejected."""
    with pytest.raises(dm.ValidationError, match=rule):
        Tiv(*args)


def test_delivery_span() -> None:
    """A span keeps its years (gaps allowed) and its total."""
    span = DeliverySpan([1978, 1980, 1981], count=5)
    assert (span.years, span.first, span.last, span.count) == (
        (1978, 1980, 1981),
        1978,
        1981,
        dm.Count.exact(5),
    )
    assert DeliverySpan((2022,)).count is None


@pytest.mark.parametrize(
    ("years", "rule"),
    [
        ((), "non-empty"),
        ((2023, 2022), "increasing"),
        ((2022, 2022), "increasing"),
        ((1800,), "1900"),
    ],
)
def test_delivery_span_rejects(years: tuple[int, ...], rule: str) -> None:
    """A span needs years, in strictly increasing order, within the date range."""
    with pytest.raises(dm.ValidationError, match=rule):
        DeliverySpan(years)
