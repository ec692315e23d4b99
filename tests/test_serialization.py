"""Plain data in and out: exact round trips, strict structuring, every error with its path."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from typing import Any

import attrs
import cattrs
import jsonschema  # type: ignore[import-untyped]
import pint
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

import dronemarket as dm
from dronemarket import serialization
from dronemarket import strategies as dms
from dronemarket.classification import DodGroup, Verdict
from dronemarket.market import Market
from dronemarket.units import Dimension, quantity

TURKEY, KYRGYZSTAN = dm.Country("TUR"), dm.Country("KGZ")
BAYKAR = dm.Organization("Baykar", country=TURKEY, kind=dm.OrgKind.MANUFACTURER)
NEWS = dm.Source("Kyrgyzstan receives Bayraktar TB2", publisher="Daily Sabah")
SITE = dm.Source("TB2 specifications", publisher="Baykar", language="tr")
TB2 = dm.Platform(
    "Bayraktar TB2",
    manufacturer=BAYKAR,
    category=dm.Category.MALE,
    roles={dm.Role.STRIKE, dm.Role.ISR},
    specs=dm.Specs(
        mtow=[dm.Reported("650 kg", SITE), dm.Reported("630 kg", NEWS, estimate=True)],
        wingspan="12 m",
        ceiling="25,000 ft",
        endurance="27 h",
    ),
    aliases={"TB2", "Bayraktar TB-2"},
)
DEAL = dm.Deal(
    supplier=dm.Supplier(TURKEY, manufacturer=BAYKAR),
    recipient=dm.Recipient(KYRGYZSTAN),
    platform=TB2,
    status=dm.DealStatus.DELIVERED,
    ordered=dm.PartialDate(2021, 10),
    quantity=3,
    deliveries=[dm.Delivery(dm.PartialDate(2021, 12), 3)],
    value=dm.Money("69000000.50", "USD", estimate=True),
    sources=[NEWS],
)


def _json(data: object) -> Any:
    """Send data through JSON text, with no `default=` hook."""
    return json.loads(json.dumps(data))


def _errors(data: object, cls: Any) -> dict[str, str]:
    """Structure `data`, expecting failure; return its errors by path."""
    with pytest.raises(dm.StructureError) as caught:
        dm.structure(data, cls)
    return dict(caught.value.errors)


# --- round trips -------------------------------------------------------------

STRATEGIES: dict[type, SearchStrategy[Any]] = {
    dm.PartialDate: dms.partial_dates(),
    dm.Source: dms.sources(),
    dm.Country: dms.countries(),
    dm.Organization: dms.organizations(),
    dm.Supplier: dms.suppliers(),
    dm.Recipient: dms.recipients(),
    dm.Statement: dms.statements(),
    dm.Sanction: dms.sanctions(),
    dm.Count: dms.counts(),
    dm.Delivery: dms.deliveries(),
    dm.Money: dms.money(),
    dm.Reported: dms.reported(Dimension.MASS),
    dm.Figure: dms.figures("ceiling"),
    dm.Specs: dms.specs(),
    dm.Platform: dms.platforms(),
    dm.Deal: dms.deals(),
    dm.LicensedProduction: dms.licensed_production(),
    dm.Cooperation: dms.cooperations(),
    Market: dms.markets(),
}


@pytest.mark.parametrize("cls", list(STRATEGIES), ids=lambda cls: cls.__name__)
@settings(max_examples=60)
@given(data=st.data())
def test_every_public_type_round_trips_exactly_through_json(cls: type, data: st.DataObject) -> None:
    """structure(unstructure(x)) == x for every public type via JSON, and the data is stable."""
    value = data.draw(STRATEGIES[cls])
    plain = dm.unstructure(value)
    again: object = dm.structure(_json(plain), cls)
    assert again == value
    assert dm.unstructure(again) == plain


@settings(max_examples=60)
@given(value=dms.quantities(Dimension.LENGTH))
def test_a_quantity_round_trips_in_its_published_unit(value: dm.Quantity) -> None:
    """A quantity comes back in the unit it was given in, with the same magnitude."""
    again = dm.structure(_json(dm.unstructure(value)), dm.Quantity)
    assert again.units == value.units
    assert again.magnitude == value.magnitude
    assert type(again.magnitude) is type(value.magnitude)


@given(
    magnitude=st.floats(min_value=1e-300, max_value=1e300) | st.integers(1, 10**15),
    unit=st.sampled_from(["m", "ft", "km", "nmi", "mi"]),
)
def test_any_magnitude_survives_the_round_trip_bit_for_bit(magnitude: float, unit: str) -> None:
    """Float magnitudes are written so that they read back as the very same float."""
    value = quantity(f"1 {unit}", Dimension.LENGTH) * magnitude
    again = dm.structure(_json(dm.unstructure(value)), dm.Quantity)
    assert again.magnitude == value.magnitude
    assert again.units == value.units


def test_the_catalog_round_trips_record_by_record() -> None:
    """Every record of the built-in catalog comes back equal, with identical data."""
    market = dm.catalog.market()
    for records in (
        market.deals,
        market.platforms,
        market.organizations,
        market.production,
        market.sanctions,
        market.cooperation,
        dm.catalog.sources(),
    ):
        for record in records:
            plain = dm.unstructure(record)
            again = dm.structure(_json(plain), type(record))
            assert again == record
            assert dm.unstructure(again) == plain


def test_enums_round_trip_by_value() -> None:
    """An enum member is written as its value and read back from it."""
    for kind in (dm.DealStatus, dm.Category, dm.Role, dm.OrgKind, dm.Confidence, dm.Arrangement):
        for member in kind:
            assert dm.unstructure(member) == member.value
            assert dm.structure(member.value, kind) is member


def test_a_dimension_round_trips_by_name() -> None:
    """An enum whose values are not strings, such as Dimension, is written by member name."""
    assert dm.unstructure(Dimension.MASS) == "MASS"
    assert dm.structure("MASS", Dimension) is Dimension.MASS


# --- the wire forms ----------------------------------------------------------


def test_a_deal_is_written_in_the_documented_wire_forms() -> None:
    """Quantities as "number unit", money as a decimal string, dates by precision, sets sorted."""
    plain = dm.unstructure(DEAL)
    assert plain["platform"]["specs"] == {
        "wingspan": "12 m",
        "mtow": [
            {
                "value": "650 kg",
                "source": {"title": "TB2 specifications", "publisher": "Baykar", "language": "tr"},
            },
            {
                "value": "630 kg",
                "source": {"title": NEWS.title, "publisher": "Daily Sabah"},
                "estimate": True,
            },
        ],
        "endurance": "27 h",
        "ceiling": "25000 ft",
    }
    assert plain["platform"]["roles"] == ["ISR", "strike"]
    assert plain["platform"]["aliases"] == ["Bayraktar TB-2", "TB2"]
    assert plain["value"] == {"amount": "69000000.50", "currency": "USD", "estimate": True}
    assert plain["ordered"] == "2021-10"
    assert plain["quantity"] == 3
    assert plain["deliveries"] == [{"date": "2021-12", "count": 3}]
    assert plain["status"] == "delivered"
    assert plain["id"] == DEAL.id  # written as made, so that documents can refer to it
    assert "notes" not in plain  # defaults are left out
    assert dm.unstructure(attrs.evolve(DEAL, id="kgz-tb2-1"))["id"] == "kgz-tb2-1"
    assert json.dumps(plain)


def test_a_spec_with_several_plain_reports_is_a_list_of_strings() -> None:
    """Unsourced reports of a disputed spec are written as plain strings in a list."""
    specs = dm.Specs(mtow=["650 kg", "630 kg"])
    assert dm.unstructure(specs) == {"mtow": ["650 kg", "630 kg"]}
    assert dm.structure({"mtow": ["650 kg", "630 kg"]}, dm.Specs) == specs


def test_a_spec_with_one_sourced_report_is_a_list_of_one() -> None:
    """A single report that has a source, a note or an estimate flag is a one-item list."""
    specs = dm.Specs(mtow=dm.Reported("650 kg", note="export variant"))
    assert dm.unstructure(specs) == {"mtow": [{"value": "650 kg", "note": "export variant"}]}
    assert dm.structure(dm.unstructure(specs), dm.Specs) == specs


def test_a_spec_may_be_given_as_null() -> None:
    """A spec given as null is unknown, like a spec left out."""
    assert dm.structure({"mtow": None, "wingspan": "12 m"}, dm.Specs) == dm.Specs(wingspan="12 m")


def test_counts_are_integers_when_exact_and_objects_otherwise() -> None:
    """An exact count is a bare integer; an estimate keeps its bounds, flag and wording."""
    assert dm.unstructure(dm.Count.exact(5)) == 5
    dozens = dm.Count.at_least(24, wording="dozens")
    plain = dm.unstructure(dozens)
    assert plain == {
        "low": 24,
        "central": None,
        "high": None,
        "estimate": True,
        "wording": "dozens",
    }
    assert dm.structure(plain, dm.Count) == dozens
    assert dm.structure(5, dm.Count) == dm.Count.exact(5)


def test_statement_parties_and_sanction_targets_are_tagged() -> None:
    """A union of types is written as an object whose one key names the type."""
    statement = dm.Statement(TURKEY, position=dm.Confidence.CONFIRMED, source=NEWS)
    assert dm.unstructure(statement)["party"] == {"country": "TUR"}
    sanction = dm.Sanction(dm.SanctionAuthority.US, target="Ivan Petrov", sources=[NEWS])
    assert dm.unstructure(sanction)["target"] == {"person": "Ivan Petrov"}
    by_org = dm.Sanction(dm.SanctionAuthority.EU, target=BAYKAR, sources=[NEWS])
    assert dm.unstructure(by_org)["target"]["organization"]["name"] == "Baykar"
    for value in (statement, sanction, by_org):
        assert dm.structure(_json(dm.unstructure(value)), type(value)) == value


def test_quantity_strings_with_separators_and_spelled_units_are_accepted() -> None:
    """Input may use thousands separators and long unit names; output uses short symbols."""
    specs = dm.structure({"ceiling": "25,000 feet", "cruise_speed": "130 km/h"}, dm.Specs)
    assert specs == dm.Specs(ceiling="25000 ft", cruise_speed="130 km/h")
    assert dm.unstructure(specs) == {"ceiling": "25000 ft", "cruise_speed": "130 km / h"}


def test_a_unit_the_grammar_cannot_spell_is_written_in_si() -> None:
    """A quantity in a compound unit such as kg·m²/s³ is written in watts, and equal back."""
    registry = pint.get_application_registry()  # type: ignore[no-untyped-call]
    power = registry.Quantity(1500, "kg * m ** 2 / s ** 3")
    specs = dm.Specs(engine_power=power)
    assert dm.unstructure(specs) == {"engine_power": "1500.0 W"}
    assert dm.structure(dm.unstructure(specs), dm.Specs) == specs


def test_dates_keep_their_precision() -> None:
    """A year, a month and a day are written as "2022", "2022-05" and "2022-05-17"."""
    for date in (dm.PartialDate(2022), dm.PartialDate(2022, 5), dm.PartialDate(2022, 5, 17)):
        assert dm.structure(dm.unstructure(date), dm.PartialDate).precision == date.precision
    assert dm.unstructure(dm.PartialDate(2022, 5)) == "2022-05"


def test_money_is_a_decimal_string_both_ways() -> None:
    """Money amounts are strings on the wire, read back as exact Decimals."""
    money = dm.structure({"amount": "0.1", "currency": "EUR"}, dm.Money)
    assert money.amount == Decimal("0.1")
    assert dm.unstructure(money) == {"amount": "0.1", "currency": "EUR"}


# --- strictness --------------------------------------------------------------


def test_unknown_keys_are_rejected() -> None:
    """A key that is not a field of the class is an error at its own path."""
    errors = _errors({"title": "T", "publisher": "P", "author": "X"}, dm.Source)
    assert list(errors) == ["author"]
    assert "is not a field of Source" in errors["author"]


def test_unknown_specs_are_rejected() -> None:
    """A key that is not a spec name is an error that lists the known specs."""
    errors = _errors({"wingspan": "12 m", "span": "12 m"}, dm.Specs)
    assert list(errors) == ["span"]
    assert "wingspan" in errors["span"]


@pytest.mark.parametrize("bad", [3.7, "3", True, 3.0, [3]])
def test_counts_are_not_coerced(bad: object) -> None:
    """A float, a numeric string, a bool or a list is not taken for an integer count."""
    with pytest.raises(dm.StructureError):
        dm.structure(bad, dm.Count)
    with pytest.raises(dm.StructureError, match=r"deliveries\[0\]\.count"):
        dm.structure(
            {**dm.unstructure(DEAL), "deliveries": [{"date": "2021-12", "count": bad}]}, dm.Deal
        )


@pytest.mark.parametrize("bad", [1, 0, "true", None])
def test_booleans_are_not_coerced(bad: object) -> None:
    """An estimate flag must be true or false, not a number or a string."""
    errors = _errors({"amount": "5", "currency": "USD", "estimate": bad}, dm.Money)
    assert errors == {"estimate": f"expected true or false, got {bad!r}"}


@pytest.mark.parametrize("bad", [5, 5.5, 123, ["x"]])
def test_strings_are_not_coerced(bad: object) -> None:
    """A number or a list where a string belongs is an error."""
    errors = _errors({"title": bad, "publisher": "P"}, dm.Source)
    assert errors == {"title": f"expected a string, got {bad!r}"}


@pytest.mark.parametrize("bad", [69000000, 6.9e7, "69 million", "1,000"])
def test_money_amounts_must_be_decimal_strings(bad: object) -> None:
    """An amount as a number (possibly inexact) or as prose is rejected."""
    errors = _errors({"amount": bad, "currency": "USD"}, dm.Money)
    assert list(errors) == ["amount"]


def test_a_bare_number_is_not_a_quantity() -> None:
    """A spec given as a number without a unit is an error naming the dimension expected."""
    errors = _errors({"mtow": 650}, dm.Specs)
    assert errors == {"mtow": "expected a mass such as '650 kg' or '1.5 t', got 650"}


def test_a_frozenset_with_repeats_is_rejected() -> None:
    """A list that stands for a set may not repeat an item (it would be silently merged)."""
    plain = dm.unstructure(TB2)
    errors = _errors({**plain, "roles": ["ISR", "ISR"]}, dm.Platform)
    assert list(errors) == ["roles"]
    assert "repeated" in errors["roles"]


def test_an_enum_value_must_be_one_of_its_members() -> None:
    """An unknown status names the values it could have been."""
    errors = _errors({**dm.unstructure(DEAL), "status": "shipped"}, dm.Deal)
    assert errors["status"].startswith("expected one of 'interest', 'negotiation'")


def test_a_missing_required_field_is_reported() -> None:
    """A required field that is absent is an error at its path."""
    errors = _errors({"title": "T"}, dm.Source)
    assert errors == {"publisher": "is missing (required)"}


def test_a_record_given_as_something_else_is_reported() -> None:
    """A list, a string or a number where an object belongs is an error at that path."""
    assert _errors([1], dm.Source) == {"": "expected an object (a Source), got [1]"}


# --- every error at once, with its path --------------------------------------


def test_every_error_in_a_document_is_reported_with_its_path() -> None:
    """Errors in several records and fields come together in one StructureError."""
    good = dm.unstructure(DEAL)
    bad_spec = json.loads(json.dumps(good))
    bad_spec["platform"]["specs"]["mtow"] = "12 m"
    bad_status = {**good, "status": 7, "quantity": "3"}
    with pytest.raises(dm.StructureError) as caught:
        dm.structure([good, good, good, bad_spec, bad_status], list[dm.Deal])
    errors = dict(caught.value.errors)
    assert errors == {
        "[3].platform.specs.mtow": "expected a mass, got '12 m'",
        "[4].status": errors["[4].status"],
        "[4].quantity": errors["[4].quantity"],
    }
    assert "[3].platform.specs.mtow: expected a mass, got '12 m'" in str(caught.value)
    assert str(caught.value).startswith("3 errors in the data")


def test_errors_nest_inside_a_document() -> None:
    """A path runs from the document root through keys and list indexes."""
    plain = dm.unstructure(DEAL)
    plain["platform"]["specs"]["mtow"][1]["source"]["published"] = "2022-13"
    plain["deliveries"][0]["date"] = "sometime"
    errors = _errors(plain, dm.Deal)
    assert errors == {
        "platform.specs.mtow[1].source.published": (
            "'2022-13' is not a valid date (month 13 is outside 1..12)"
        ),
        "deliveries[0].date": (
            "expected a date such as '2022', '2022-05' or '2022-05-17', got 'sometime'"
        ),
    }


def test_a_rule_of_the_class_surfaces_at_the_field_that_breaks_it() -> None:
    """A ValidationError raised by a constructor is reported at the path of its field."""
    plain = dm.unstructure(DEAL)
    plain["recipient"] = {"party": "TUR"}
    errors = _errors([plain], list[dm.Deal])
    assert errors == {"[0].recipient": "Country('TUR') is the supplier's party too"}


def test_every_spec_that_breaks_a_bound_is_reported() -> None:
    """Several implausible specs are each reported, not only the first."""
    errors = _errors({"wingspan": "2 km", "ceiling": "400 km"}, dm.Specs)
    assert set(errors) == {"wingspan", "ceiling"}
    assert "plausible" in errors["wingspan"]


def test_a_cross_field_spec_rule_is_reported_at_the_smaller_spec() -> None:
    """A payload heavier than the take-off mass is reported at the payload."""
    errors = _errors({"mtow": "650 kg", "payload": "700 kg"}, dm.Specs)
    assert list(errors) == ["payload"]
    assert "exceeds the maximum take-off mass" in errors["payload"]


def test_odd_keys_are_shown_quoted_in_paths() -> None:
    """A key that is not an identifier appears in brackets in its path."""
    errors = _errors({"title": "T", "publisher": "P", "the author": 1}, dm.Source)
    assert list(errors) == ["['the author']"]


def test_a_structure_error_lists_its_errors_in_the_message() -> None:
    """The message of a StructureError has one line per error, each with its path."""
    with pytest.raises(dm.StructureError) as caught:
        dm.structure({"mtow": "12 m", "ceiling": "1 kg"}, dm.Specs)
    assert str(caught.value).splitlines()[1:] == [
        "  mtow: expected a mass, got '12 m'",
        "  ceiling: expected a length, got '1 kg'",
    ]


# --- batch loading -----------------------------------------------------------


def test_batch_loading_keeps_the_valid_records_and_reports_the_rest() -> None:
    """Every input record is either loaded or rejected with its index and errors."""
    good = dm.unstructure(DEAL)
    items = [good, {**good, "status": "shipped"}, "not a deal", good]
    result = dm.load_records(items, dm.Deal)
    assert result.loaded == (DEAL, DEAL)
    assert [rejected.index for rejected in result.rejected] == [1, 2]
    assert result.rejected[0].data == items[1]
    assert [path for path, _ in result.rejected[0].errors] == ["status"]
    assert result.rejected[1].errors == (("", "expected an object (a Deal), got 'not a deal'"),)
    assert not result.ok
    assert str(result.rejected[0]).startswith("record 1:\n  status: expected one of")


def test_batch_loading_of_valid_records_is_ok() -> None:
    """When every record loads, nothing is rejected."""
    result = dm.load_records((dm.unstructure(d) for d in [DEAL, DEAL]), dm.Deal)
    assert result.ok
    assert result.loaded == (DEAL, DEAL)


def test_batch_loading_wants_a_list_of_records() -> None:
    """A single object or a string is not a batch of records."""
    for bad in ({"title": "T"}, "records", 5):
        with pytest.raises(dm.StructureError, match="expected a list of records"):
            dm.load_records(bad, dm.Source)  # type: ignore[arg-type]


# --- size limits -------------------------------------------------------------


def test_nesting_deeper_than_the_limit_is_rejected_before_structuring() -> None:
    """A document nested deeper than MAX_DEPTH is refused, with the path where it goes too deep."""
    deep: object = "x"
    for _ in range(serialization.MAX_DEPTH + 5):
        deep = [deep]
    errors = _errors({"title": deep, "publisher": "P"}, dm.Source)
    assert len(errors) == 1
    ((path, message),) = errors.items()
    assert path.startswith("title[0][0]")
    assert "deeper than 32 levels" in message


def test_a_very_deep_document_is_refused_without_recursion() -> None:
    """Even 100,000 levels of nesting are refused cleanly, without a RecursionError."""
    deep: list[object] = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(dm.StructureError, match="deeper than"):
        dm.structure(deep, dm.Deal)


def test_a_string_longer_than_the_limit_is_rejected() -> None:
    """A string of more than MAX_STRING characters is refused, at its path."""
    errors = _errors({"title": "x" * (serialization.MAX_STRING + 1), "publisher": "P"}, dm.Source)
    assert errors == {"title": "is a string longer than 10,000 characters"}


def test_a_long_key_is_rejected() -> None:
    """An object key longer than MAX_STRING characters is refused."""
    errors = _errors({"k" * (serialization.MAX_STRING + 1): 1}, dm.Source)
    assert errors == {"": "has a key longer than 10,000 characters"}


def test_a_list_longer_than_the_limit_is_rejected() -> None:
    """A list of more than MAX_LENGTH items is refused without structuring any of them."""
    errors = _errors({"mtow": ["650 kg"] * (serialization.MAX_LENGTH + 1)}, dm.Specs)
    assert errors == {"mtow": "has more than 100,000 items"}


def test_a_document_with_too_many_values_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document holding more than MAX_ITEMS values in all is refused as a whole."""
    monkeypatch.setattr(serialization._limits, "MAX_ITEMS", 10)
    assert _errors([[1, 2, 3]] * 5, list[list[int]]) == {"": "holds more than 10 values"}


def test_values_that_are_not_json_are_rejected() -> None:
    """A Python object that JSON cannot hold (a set, bytes) is refused."""
    assert _errors({"title": b"T", "publisher": "P"}, dm.Source)
    assert _errors({"title": {"T"}, "publisher": "P"}, dm.Source)


def test_a_huge_integer_is_rejected_without_printing_it() -> None:
    """An integer too large for JSON numbers is rejected, with no attempt to print it."""
    errors = _errors(10**5000, dm.Count)
    assert "larger" in errors[""]


# --- the converter -----------------------------------------------------------


def test_make_converter_returns_a_new_cattrs_converter() -> None:
    """Each call makes a separate converter, so hooks registered on one leave others alone."""
    one, two = dm.make_converter(), dm.make_converter()
    assert isinstance(one, cattrs.Converter)
    assert one is not two
    assert dm.structure(dm.unstructure(DEAL, converter=one), dm.Deal, converter=two) == DEAL


def test_a_converter_structures_containers_of_public_types() -> None:
    """cattrs' own containers work with the converter's hooks, and errors keep their paths."""
    converter = dm.make_converter()
    dates = converter.structure(["2022", "2022-05"], tuple[dm.PartialDate, ...])
    assert dates == (dm.PartialDate(2022), dm.PartialDate(2022, 5))
    errors = _errors({"a": "2022", "b": "May"}, dict[str, dm.PartialDate])
    assert list(errors) == ["b"]


def test_primitive_types_are_strict_in_the_converter() -> None:
    """The converter's int, str, bool and float hooks do not coerce."""
    assert _errors(["1", 2.5, True], list[int]).keys() == {"[0]", "[1]", "[2]"}
    assert dm.structure([1, 2], list[int]) == [1, 2]
    assert dm.structure(2, float) == 2.0
    assert _errors("2", float)


def test_a_dimension_annotation_checks_the_dimension() -> None:
    """Structuring as units.Mass accepts masses only."""
    assert dm.structure("650 kg", dm.units.Mass) == quantity("650 kg", Dimension.MASS)
    assert _errors("12 m", dm.units.Mass) == {"": "expected a mass, got '12 m'"}


def test_importing_serialization_does_not_build_the_unit_registry() -> None:
    """Importing the module and making a converter leave pint's registry unbuilt."""
    code = (
        "import pint\n"
        "import dronemarket as dm\n"
        "dm.make_converter()\n"
        "dm.json_schema()\n"
        "registry = pint.get_application_registry().get()\n"
        "assert type(registry) is pint.registry.LazyRegistry, type(registry)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)  # noqa: S603


# --- the market document -----------------------------------------------------


def _market() -> Market:
    variant = dm.Platform("TB2T-AI", manufacturer=BAYKAR, category=dm.Category.MALE, variant_of=TB2)
    other = dm.Deal(
        supplier=dm.Supplier(TURKEY, manufacturer=BAYKAR),
        recipient=dm.Recipient(dm.Country("TKM")),
        platform=variant,
        status=dm.DealStatus.ORDERED,
        ordered=dm.PartialDate(2022),
        sources=[NEWS, SITE],
    )
    return Market.of(DEAL, other)


def test_a_market_is_one_normalized_document() -> None:
    """Each organization, platform and source is written once and referred to elsewhere."""
    market = _market()
    document = dm.unstructure(market)
    assert document["format"] == "dronemarket.market"
    assert document["version"] == 1
    assert [org["name"] for org in document["organizations"]] == ["Baykar"]
    assert sorted(p["name"] for p in document["platforms"]) == ["Bayraktar TB2", "TB2T-AI"]
    assert len(document["sources"]) == 2
    deal = next(d for d in document["deals"] if d["id"] == DEAL.id)
    assert deal["platform"] == "Bayraktar TB2"
    assert deal["supplier"] == {"party": "TUR", "manufacturer": "Baykar"}
    assert all(source in document["sources"] for source in deal["sources"])
    variant = next(p for p in document["platforms"] if p["name"] == "TB2T-AI")
    assert variant["variant_of"] == "Bayraktar TB2"
    assert dm.structure(_json(document), Market) == market


def _cooperating() -> Market:
    ministry = dm.Organization(
        "Ministry of Defence of Kazakhstan", country=dm.Country("KAZ"), kind=dm.OrgKind.STATE_AGENCY
    )
    visit = dm.Cooperation(
        kind=dm.CooperationKind.VISIT,
        parties=[ministry, TURKEY],
        start=dm.PartialDate(2020, 11, 23),
        end=dm.PartialDate(2020, 11, 25),
        summary="Kazakh MoD delegation inspects the TB2",
        platforms=[TB2],
        sources=[NEWS],
    )
    budget = dm.Cooperation(
        kind=dm.CooperationKind.BUDGET,
        parties=[dm.Country("JPN")],
        summary="Drones in the 2026 defence budget",
        value=dm.Money("100000000000", "JPY"),
        sources=[SITE],
    )
    return Market.of(DEAL, visit, budget)


def test_the_document_tables_follow_the_market_constructor() -> None:
    """Every record keyword of Market.__init__, cooperation included, is a table of the document."""
    document = dm.unstructure(_cooperating())
    assert list(document) == [
        "format",
        "version",
        "sources",
        "organizations",
        "platforms",
        "deals",
        "production",
        "sanctions",
        "cooperation",
    ]
    assert list(dm.json_schema()["$defs"]["Market"]["properties"]) == list(document)


def test_cooperation_is_written_in_the_document_by_reference() -> None:
    """A cooperation record names its organizations, platforms and sources by reference."""
    market = _cooperating()
    document = dm.unstructure(market)
    visit, budget = document["cooperation"]
    assert visit["parties"] == [
        {"organization": "Ministry of Defence of Kazakhstan"},
        {"country": "TUR"},
    ]
    assert visit["platforms"] == ["Bayraktar TB2"]
    assert (visit["start"], visit["end"]) == ("2020-11-23", "2020-11-25")
    assert all(source in document["sources"] for source in visit["sources"] + budget["sources"])
    assert budget["value"] == {"amount": "100000000000", "currency": "JPY"}
    again = dm.structure(_json(document), Market)
    assert again == market
    assert again.cooperation(kind="budget")[0].value == dm.Money("100000000000", "JPY")


def test_a_cooperation_reference_to_a_missing_party_is_reported() -> None:
    """A cooperation record naming an organization or platform not in the document is an error."""
    document = dm.unstructure(_cooperating())
    document["cooperation"][0]["parties"][0] = {"organization": "Nobody"}
    document["cooperation"][0]["platforms"] = ["Bayraktar TB3"]
    errors = _errors(document, Market)
    assert errors == {
        "cooperation[0].parties[0].organization": "'Nobody' is not in organizations",
        "cooperation[0].platforms[0]": "'Bayraktar TB3' is not in platforms",
    }


def test_a_cooperation_rule_broken_in_a_document_is_reported_at_its_field() -> None:
    """A visit with one party in a document is reported at the record's parties."""
    document = dm.unstructure(_cooperating())
    del document["cooperation"][0]["parties"][0]
    errors = _errors(document, Market)
    assert list(errors) == ["cooperation[0].parties"]
    assert "needs two or more" in errors["cooperation[0].parties"]


def test_the_catalog_market_round_trips() -> None:
    """The built-in market survives a trip through its JSON document."""
    market = dm.catalog.market()
    document = dm.unstructure(market)
    again = dm.structure(_json(document), Market)
    assert again == market
    assert dm.unstructure(again) == document


def test_a_reference_to_a_missing_platform_is_reported() -> None:
    """A deal naming a platform the document does not hold is an error at that reference."""
    document = dm.unstructure(_market())
    document["deals"][0]["platform"] = "Bayraktar TB3"
    errors = _errors(document, Market)
    assert errors == {"deals[0].platform": "'Bayraktar TB3' is not in platforms"}


def test_a_reference_to_a_missing_source_or_organization_is_reported() -> None:
    """Unknown source ids and organization names are errors at each reference."""
    document = dm.unstructure(_market())
    document["deals"][0]["sources"] = ["nowhere"]
    document["platforms"][0]["manufacturer"] = "Nobody"
    errors = _errors(document, Market)
    assert errors["platforms[0].manufacturer"] == "'Nobody' is not in organizations"
    assert errors["deals[0].sources[0]"] == "'nowhere' is not in sources"
    # What refers to the platform that failed points to it, rather than failing silently.
    assert errors["deals[0].platform"] == (
        "names 'Bayraktar TB2', which is invalid (see platforms[0])"
    )


def test_an_invalid_platform_is_reported_once_and_its_users_point_to_it() -> None:
    """A bad platform definition is reported where it is, and each reference points there."""
    document = dm.unstructure(_market())
    index = next(i for i, p in enumerate(document["platforms"]) if p["name"] == "Bayraktar TB2")
    document["platforms"][index]["category"] = "huge"
    errors = _errors(document, Market)
    assert f"platforms[{index}].category" in errors
    assert any("which is invalid" in message for message in errors.values())


def test_a_lineage_cycle_is_reported() -> None:
    """Platforms that descend from each other cannot be loaded."""
    document = dm.unstructure(_market())
    for platform in document["platforms"]:
        platform["variant_of"] = "TB2T-AI" if platform["name"] != "TB2T-AI" else "Bayraktar TB2"
    errors = _errors(document, Market)
    assert any("descends from itself" in message for message in errors.values())


def test_a_name_defined_twice_is_reported() -> None:
    """Two organizations with one name in a document are an error."""
    document = dm.unstructure(_market())
    document["organizations"].append(document["organizations"][0])
    errors = _errors(document, Market)
    assert errors == {"organizations[1].name": "'Baykar' is named twice"}


def test_a_document_needs_its_format_and_version() -> None:
    """A document without the right format and version is rejected before anything else."""
    document = dm.unstructure(_market())
    errors = _errors({**document, "format": "other", "version": 2}, Market)
    assert set(errors) == {"format", "version"}
    extra = _errors({"format": "dronemarket.market", "version": 1, "extra": 1}, Market)
    assert list(extra) == ["extra"]


def test_an_empty_document_is_an_empty_market() -> None:
    """A document with only format and version is the empty market."""
    assert dm.structure({"format": "dronemarket.market", "version": 1}, Market) == Market()


# --- the JSON Schema ---------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The generated schema passes the draft 2020-12 meta-schema."""
    schema = dm.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_schema_follows_the_types() -> None:
    """The schema is generated from the attrs fields: each class's keys are its fields."""
    schema = dm.json_schema(dm.Deal)
    deal = schema["$defs"]["Deal"]
    init_fields = [f.alias for f in __import__("attrs").fields(dm.Deal) if f.init]
    assert list(deal["properties"]) == init_fields
    assert deal["additionalProperties"] is False
    assert set(deal["required"]) == {"supplier", "recipient", "platform", "status", "sources"}


def test_the_catalog_document_validates_against_the_schema() -> None:
    """The built-in market's document is valid under the generated schema."""
    validator = jsonschema.Draft202012Validator(dm.json_schema())
    validator.validate(_json(dm.unstructure(dm.catalog.market())))


@pytest.mark.slow
@settings(max_examples=30)
@given(market=dms.markets())
def test_every_generated_document_validates_against_the_schema(market: Market) -> None:
    """Documents of generated markets are valid under the schema."""
    jsonschema.Draft202012Validator(dm.json_schema()).validate(_json(dm.unstructure(market)))


@pytest.mark.slow
@settings(max_examples=30)
@given(deal=dms.deals())
def test_every_generated_deal_validates_against_its_schema(deal: dm.Deal) -> None:
    """A standalone deal's data is valid under the schema of Deal."""
    jsonschema.Draft202012Validator(dm.json_schema(dm.Deal)).validate(_json(dm.unstructure(deal)))


def test_the_schema_rejects_what_structure_rejects_by_shape() -> None:
    """Unknown keys, wrong types and malformed dates fail the schema too."""
    validator = jsonschema.Draft202012Validator(dm.json_schema(dm.Deal))
    good = _json(dm.unstructure(DEAL))
    assert validator.is_valid(good)
    for bad in (
        {**good, "colour": "red"},
        {**good, "quantity": "3"},
        {**good, "ordered": "May 2021"},
        {**good, "status": "shipped"},
    ):
        assert not validator.is_valid(bad)


def test_a_cooperation_record_round_trips() -> None:
    """A cooperation record, with parties of both kinds, comes back equal."""
    ministry = dm.Organization(
        "Ministry of Defence of Kazakhstan", country=dm.Country("KAZ"), kind=dm.OrgKind.STATE_AGENCY
    )
    visit = dm.Cooperation(
        kind=dm.CooperationKind.VISIT,
        parties=[ministry, TURKEY],
        start=dm.PartialDate(2020, 11, 23),
        summary="Kazakh MoD delegation inspects the TB2",
        platforms=[TB2],
        sources=[NEWS],
    )
    plain = dm.unstructure(visit)
    assert plain["parties"][1] == {"country": "TUR"}
    assert dm.structure(_json(plain), dm.Cooperation) == visit


@pytest.mark.slow
@settings(max_examples=40)
@given(platform=dms.platforms())
def test_a_classification_round_trips_with_its_evidence(platform: dm.Platform) -> None:
    """A platform's classification, verdicts and evidence included, comes back equal."""
    classification = dm.classify(platform)
    plain = dm.unstructure(classification)
    assert dm.structure(_json(plain), dm.Classification) == classification
    jsonschema.Draft202012Validator(dm.json_schema(dm.Classification)).validate(_json(plain))


def test_a_bare_verdict_is_written_but_needs_its_parameter_to_be_read() -> None:
    """A Verdict is written as it is inside a Classification; reading one needs Verdict[...]."""
    verdict = dm.classify(TB2).dod
    plain = dm.unstructure(verdict)
    assert plain == dm.unstructure(dm.classify(TB2))["dod"]
    assert dm.structure(plain, Verdict[DodGroup]) == verdict
    with pytest.raises(dm.StructureError, match="without knowing its type"):
        dm.structure(plain, Verdict)


@pytest.mark.parametrize("bad", [5, None, 2.5])
def test_a_container_given_the_wrong_kind_of_value_is_a_structure_error(bad: object) -> None:
    """A number where cattrs expects a list or a mapping is a StructureError, not a TypeError."""
    with pytest.raises(dm.StructureError):
        dm.structure(bad, list[dm.Deal])
    with pytest.raises(dm.StructureError):
        dm.structure(bad, dict[str, dm.Deal])
