"""Specs and Platform: disputed figures, cross-field rules, bounds, equality, lineage."""

from __future__ import annotations

import re
from typing import Any

import attrs
import pint
import pytest

from dronemarket import (
    SPEC_FIELDS,
    Category,
    Country,
    Figure,
    Organization,
    OrgKind,
    PartialDate,
    Platform,
    Reported,
    Role,
    Source,
    Specs,
)
from dronemarket.errors import UnitError, ValidationError
from dronemarket.units import registry

BAYKAR_SITE = Source("Bayraktar TB2 technical specifications", publisher="Baykar")
ARMY_TECH = Source("Bayraktar TB2", publisher="Army Technology")
BAYKAR = Organization("Baykar", country=Country("TUR"), kind=OrgKind.MANUFACTURER)


def tb2_specs() -> Specs:
    """Return the TB2's disputed take-off mass and payload, each with its source."""
    return Specs(
        mtow=[Reported("650 kg", BAYKAR_SITE), Reported("630 kg", ARMY_TECH)],
        payload=[Reported("150 kg", BAYKAR_SITE), Reported("55 kg", ARMY_TECH)],
        ceiling="25,000 ft",
    )


def tb2(**changes: Any) -> Platform:
    """Return a TB2-like platform, with `changes` applied to its arguments."""
    arguments: dict[str, Any] = {
        "manufacturer": BAYKAR,
        "category": Category.MALE,
        "roles": {Role.ISR, Role.STRIKE},
        "specs": tb2_specs(),
        "aliases": {"TB2"},
        "first_flight": PartialDate(2014),
        "in_service": PartialDate(2014),
    }
    arguments.update(changes)
    return Platform("Bayraktar TB2", **arguments)


# --- disputed figures -------------------------------------------------------------------


def test_tb2_keeps_every_reported_figure_with_its_source() -> None:
    """The TB2's 650 kg and 630 kg take-off masses and 150 kg and 55 kg payloads are all kept."""
    specs = tb2_specs()
    assert [(str(r.value), r.source) for r in specs.reported("mtow")] == [
        ("650 kilogram", BAYKAR_SITE),
        ("630 kilogram", ARMY_TECH),
    ]
    assert [str(report) for report in specs.reported("payload")] == [
        "150 kg (Baykar)",
        "55 kg (Army Technology)",
    ]


def test_attribute_access_gives_the_preferred_figure() -> None:
    """specs.mtow is the first reported value, as a plain Quantity."""
    specs = tb2_specs()
    assert specs.mtow == registry().Quantity(650, "kg")
    assert specs.payload == registry().Quantity(150, "kg")
    assert isinstance(specs.mtow, pint.Quantity)
    figure = specs.figure("mtow")
    assert figure is not None
    assert figure.preferred == specs.mtow


def test_disputed_names_the_specs_whose_sources_disagree() -> None:
    """disputed lists mtow and payload, not the undisputed ceiling."""
    assert tb2_specs().disputed == ("mtow", "payload")
    assert Specs(ceiling="25,000 ft").disputed == ()


def test_the_same_value_in_two_units_is_not_disputed() -> None:
    """Two sources giving 650 kg and 0.65 t agree."""
    specs = Specs(mtow=[Reported("650 kg", BAYKAR_SITE), Reported("0.65 t", ARMY_TECH)])
    assert specs.disputed == ()


def test_an_undisputed_spec_has_one_unsourced_report() -> None:
    """A spec given as a string reports one value with no source; an unknown spec reports none."""
    specs = Specs(ceiling="25,000 ft")
    (report,) = specs.reported("ceiling")
    assert report.source is None
    assert specs.reported("mtow") == ()
    assert specs.figure("mtow") is None
    assert specs.mtow is None


def test_known_gives_the_preferred_value_of_each_known_spec() -> None:
    """known() maps each known spec to its preferred Quantity."""
    assert tb2_specs().known() == {
        "mtow": registry().Quantity(650, "kg"),
        "payload": registry().Quantity(150, "kg"),
        "ceiling": registry().Quantity(25000, "ft"),
    }


def test_figure_and_reported_reject_unknown_spec_names() -> None:
    """Asking for a spec that does not exist is a ValidationError."""
    with pytest.raises(ValidationError, match=r"^Specs\.name: 'wingspam' is not a spec$"):
        Specs().figure("wingspam")


def test_figure_needs_at_least_one_report() -> None:
    """An empty list of reports is rejected."""
    with pytest.raises(ValidationError, match=r"^Specs\.mtow: \[\] .*is empty"):
        Specs(mtow=[])


def test_figure_rejects_repeated_reports() -> None:
    """The same report twice is rejected."""
    report = Reported("650 kg", BAYKAR_SITE)
    with pytest.raises(ValidationError, match=r"^Specs\.mtow: .* has duplicates$"):
        Specs(mtow=[report, report])


def test_figure_rejects_mixed_dimensions() -> None:
    """A figure mixing a mass and a length is rejected."""
    with pytest.raises(
        ValidationError, match=r"^Figure\.reports: .* mixes dimensions \(length, mass\)$"
    ):
        Figure.of("650 kg", "12 m")


def test_reported_source_must_be_a_source() -> None:
    """A source given as a publisher's name is rejected."""
    with pytest.raises(ValidationError, match=r"^Reported\.source: 'Baykar' is not a Source$"):
        Reported("650 kg", "Baykar")  # type: ignore[arg-type]


def test_reported_estimate_must_be_a_bool() -> None:
    """An estimate flag that is not a bool is rejected."""
    with pytest.raises(ValidationError, match=r"^Reported\.estimate: 1 is not a bool$"):
        Reported("650 kg", estimate=1)  # type: ignore[arg-type]


def test_reported_value_must_be_a_quantity() -> None:
    """A bare number reported as a value is a UnitError."""
    with pytest.raises(UnitError, match=r"^Reported\.value: 650 is an int"):
        Reported(650)  # type: ignore[arg-type]


def test_estimates_are_shown_with_a_tilde() -> None:
    """An estimated report reads '~650 kg (Baykar)'."""
    assert str(Reported("650 kg", BAYKAR_SITE, estimate=True)) == "~650 kg (Baykar)"


# --- cross-field rules ------------------------------------------------------------------

CROSS_FIELD = [
    ("payload", "700 kg", "mtow", "650 kg", "maximum take-off mass"),
    ("empty_mass", "700 kg", "mtow", "650 kg", "maximum take-off mass"),
    ("warhead", "60 kg", "payload", "55 kg", "payload"),
    ("cruise_speed", "150 kn", "max_speed", "120 kn", "maximum speed"),
    ("combat_radius", "300 km", "range", "200 km", "range"),
]


@pytest.mark.parametrize(("smaller", "low", "larger", "high", "description"), CROSS_FIELD)
def test_cross_field_rule_rejects_the_smaller_spec_exceeding_the_larger(
    smaller: str, low: str, larger: str, high: str, description: str
) -> None:
    """Payload and empty mass <= mtow, warhead <= payload, cruise <= max speed, radius <= range."""
    message = f"Specs.{smaller}: {low!r} exceeds the {description} ({high})"
    with pytest.raises(ValidationError, match=f"^{re.escape(message)}$"):
        Specs(**{smaller: low, larger: high})


@pytest.mark.parametrize(("smaller", "low", "larger", "high", "description"), CROSS_FIELD)
def test_cross_field_rule_accepts_equal_values_across_units(
    smaller: str, low: str, larger: str, high: str, description: str
) -> None:
    """The smaller spec may equal the larger one, even in another unit."""
    del low, description
    magnitude, unit = high.split()
    scaled = {"kg": ("g", 1000), "kn": ("kn", 1), "km": ("m", 1000)}[unit]
    equal = f"{int(magnitude) * scaled[1]} {scaled[0]}"
    specs = Specs(**{smaller: equal, larger: high})
    assert specs.known()[smaller] == specs.known()[larger]


def test_cross_field_rule_checks_the_preferred_values_of_disputed_figures() -> None:
    """A preferred payload above the preferred take-off mass is rejected, whatever else fits."""
    with pytest.raises(
        ValidationError, match=r"^Specs\.payload: '700 kg' exceeds the maximum take-off mass"
    ):
        Specs(
            payload=[Reported("700 kg", BAYKAR_SITE), Reported("100 kg", ARMY_TECH)],
            mtow=[Reported("650 kg", BAYKAR_SITE), Reported("800 kg", ARMY_TECH)],
        )


def test_cross_field_rule_rejects_a_report_above_every_report_of_the_larger_spec() -> None:
    """A second-source payload above every reported take-off mass is rejected."""
    with pytest.raises(
        ValidationError, match=r"^Specs\.payload: .* exceeds every reported maximum take-off mass"
    ):
        Specs(
            payload=[Reported("150 kg", BAYKAR_SITE), Reported("700 kg", ARMY_TECH)],
            mtow=[Reported("650 kg", BAYKAR_SITE), Reported("630 kg", ARMY_TECH)],
        )


def test_cross_field_error_names_the_offending_reported_value() -> None:
    """The error for a disputed figure names the reported value that breaks the rule."""
    with pytest.raises(ValidationError, match=r"^Specs\.payload: .*700 kg"):
        Specs(
            payload=[Reported("150 kg", BAYKAR_SITE), Reported("700 kg", ARMY_TECH)],
            mtow=[Reported("650 kg", BAYKAR_SITE), Reported("630 kg", ARMY_TECH)],
        )


def test_cross_field_rule_allows_a_report_below_some_report_of_the_larger_spec() -> None:
    """A 640 kg payload fits a 650 kg take-off mass though another source gives 630 kg."""
    specs = Specs(
        payload="640 kg", mtow=[Reported("650 kg", BAYKAR_SITE), Reported("630 kg", ARMY_TECH)]
    )
    assert specs.payload == registry().Quantity(640, "kg")


# --- plausibility bounds ----------------------------------------------------------------


def test_a_25000_km_ceiling_is_rejected_as_implausible() -> None:
    """A ceiling of 25,000 km is taken for a typo."""
    with pytest.raises(
        ValidationError,
        match=r"^Specs\.ceiling: .*25000.* exceeds the plausible service ceiling of 40 km$",
    ):
        Specs(ceiling="25000 km")


def test_a_9000_h_endurance_is_rejected_as_implausible() -> None:
    """An endurance of 9,000 hours is taken for a typo."""
    with pytest.raises(
        ValidationError,
        match=r"^Specs\.endurance: .*9000.* exceeds the plausible endurance of 2000 h$",
    ):
        Specs(endurance="9000 h")


@pytest.mark.parametrize("name", list(SPEC_FIELDS))
def test_every_spec_accepts_its_bound_and_rejects_above_it(name: str) -> None:
    """Each spec accepts exactly its plausibility bound and rejects 1 % more."""
    bound = SPEC_FIELDS[name].upper
    magnitude, unit = bound.split(maxsplit=1)
    at_bound = Specs(**{name: bound})
    assert at_bound.known()[name] == registry().Quantity(float(magnitude), unit)
    above = f"{float(magnitude) * 1.01} {unit}"
    with pytest.raises(ValidationError, match=f"^Specs\\.{name}: .* exceeds the plausible "):
        Specs(**{name: above})


def test_a_disputed_report_above_the_bound_is_rejected() -> None:
    """Every reported value is checked against the bound, not only the preferred one."""
    with pytest.raises(ValidationError, match=r"^Specs\.ceiling: '25000 km' exceeds the plausible"):
        Specs(ceiling=[Reported("25000 ft", BAYKAR_SITE), Reported("25000 km", ARMY_TECH)])


@pytest.mark.parametrize("name", list(SPEC_FIELDS))
def test_every_spec_rejects_zero(name: str) -> None:
    """No spec may be zero."""
    unit = SPEC_FIELDS[name].upper.split(maxsplit=1)[1]
    with pytest.raises(UnitError, match=f"^Specs\\.{name}: .* is not positive"):
        Specs(**{name: f"0 {unit}"})


# --- dimensions and inputs --------------------------------------------------------------


def test_a_spec_of_the_wrong_dimension_is_a_unit_error() -> None:
    """A mass given for the wingspan is a UnitError naming the spec."""
    with pytest.raises(
        UnitError, match=r"^Specs\.wingspan: .*12.* is not a length \(expected a length"
    ):
        Specs(wingspan="12 kg")


def test_a_disputed_figure_of_the_wrong_dimension_is_a_unit_error() -> None:
    """Reported masses given for the ceiling are a UnitError naming the spec."""
    with pytest.raises(UnitError, match=r"^Specs\.ceiling: .* is not a length"):
        Specs(ceiling=[Reported("650 kg", BAYKAR_SITE)])


def test_a_bare_number_spec_is_a_unit_error() -> None:
    """A number without a unit is rejected."""
    with pytest.raises(UnitError, match=r"^Specs\.mtow: 650 is an int, not a quantity with a unit"):
        Specs(mtow=650)  # type: ignore[arg-type]


def test_unknown_spec_names_are_rejected() -> None:
    """A keyword that is not a spec is a ValidationError listing the known specs."""
    with pytest.raises(
        ValidationError, match=r"^Specs\.wingspam: '12 m' is not a spec \(known: wingspan, "
    ):
        Specs(wingspam="12 m")  # type: ignore[call-arg]


def test_specs_accept_quantities_from_another_registry() -> None:
    """A Quantity from another UnitRegistry becomes one of the application registry."""
    other: pint.UnitRegistry[Any] = pint.UnitRegistry()
    specs = Specs(ceiling=other.Quantity(25000, "ft"))
    assert specs.ceiling is not None
    assert specs.ceiling._REGISTRY is registry()
    assert specs == Specs(ceiling="25000 ft")


def test_specs_keep_the_unit_given() -> None:
    """A published '30,000 ft' ceiling stays in feet."""
    ceiling = Specs(ceiling="30,000 ft").ceiling
    assert ceiling is not None
    assert (ceiling.magnitude, str(ceiling.units)) == (30000, "foot")


# --- equality, hashing, evolve ----------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ({"wingspan": "12 m"}, {"wingspan": "1200 cm"}),
        ({"ceiling": "25,000 ft"}, {"ceiling": "7620 m"}),
        ({"mtow": "1.5 t"}, {"mtow": "1500 kg"}),
        ({"endurance": "27 h"}, {"endurance": "1620 min"}),
        ({"wingspan": "12 m"}, {"wingspan": Figure.of("12 m")}),
    ],
)
def test_specs_are_equal_and_hash_equal_whatever_the_unit_spelling(
    one: dict[str, Any], other: dict[str, Any]
) -> None:
    """Specs(wingspan='12 m') == Specs(wingspan='1200 cm'), and their hashes agree."""
    assert Specs(**one) == Specs(**other)
    assert hash(Specs(**one)) == hash(Specs(**other))


def test_specs_with_different_values_or_sources_differ() -> None:
    """A different value, or the same value from another source, makes specs unequal."""
    assert Specs(wingspan="12 m") != Specs(wingspan="12.5 m")
    assert Specs(mtow=Reported("650 kg", BAYKAR_SITE)) != Specs(mtow=Reported("650 kg", ARMY_TECH))
    assert Specs(mtow="650 kg") != Specs(empty_mass="650 kg")
    assert tb2_specs() == tb2_specs()


def test_evolve_revalidates_specs() -> None:
    """attrs.evolve re-runs the cross-field rules."""
    specs = Specs(mtow="650 kg")
    with pytest.raises(
        ValidationError, match=r"^Specs\.payload: '700 kg' exceeds the maximum take-off mass"
    ):
        attrs.evolve(specs, payload="700 kg")  # type: ignore[call-arg]
    evolved = attrs.evolve(specs, payload="150 kg")  # type: ignore[call-arg]
    assert evolved == Specs(mtow="650 kg", payload="150 kg")


def test_replace_revalidates_and_none_removes() -> None:
    """Specs.replace checks the result; None removes a spec."""
    specs = tb2_specs()
    with pytest.raises(ValidationError, match="exceeds the maximum take-off mass"):
        specs.replace(mtow="100 kg")
    assert specs.replace(payload=None).payload is None
    assert specs.replace(payload=None).mtow == specs.mtow


# --- Platform ---------------------------------------------------------------------------


def test_platform_holds_what_it_is_given() -> None:
    """A platform keeps its name, maker, category, roles, specs, aliases and dates."""
    platform = tb2()
    assert platform.roles == frozenset({Role.ISR, Role.STRIKE})
    assert platform.names == frozenset({"Bayraktar TB2", "TB2"})
    assert platform.specs.ceiling == registry().Quantity(25000, "ft")
    assert platform.lineage() == ()


def test_categories_and_roles_the_issue_asks_for_exist() -> None:
    """The categories and roles issue 2 asks for exist."""
    assert {c.name for c in Category} >= {
        "MALE",
        "HALE",
        "TACTICAL",
        "SMALL",
        "LOITERING_MUNITION",
        "ONE_WAY_ATTACK",
        "UCAV",
    }
    assert {r.name for r in Role} >= {"ISR", "STRIKE", "ELECTRONIC_WARFARE", "TARGET_ACQUISITION"}


def test_platform_name_is_validated() -> None:
    """A blank platform name is rejected."""
    with pytest.raises(ValidationError, match=r"^Platform\.name: '' is blank$"):
        Platform("", manufacturer=None, category=Category.MALE)


def test_platform_category_must_be_a_category() -> None:
    """A category given as a string is rejected."""
    with pytest.raises(ValidationError, match=r"^Platform\.category: 'MALE' is not a Category$"):
        tb2(category="MALE")


def test_platform_roles_must_be_roles() -> None:
    """A role given as a string is rejected; a list of roles is accepted."""
    with pytest.raises(ValidationError, match=r"^Platform\.roles: 'ISR' is not a Role$"):
        tb2(roles=["ISR"])
    assert tb2(roles=[Role.ISR]).roles == frozenset({Role.ISR})


def test_platform_manufacturer_must_be_an_organization() -> None:
    """A manufacturer given as a name is rejected; an unknown one is None."""
    with pytest.raises(ValidationError, match=r"^Platform\.manufacturer: 'Baykar' is not a"):
        tb2(manufacturer="Baykar")
    assert tb2(manufacturer=None).manufacturer is None


def test_platform_specs_must_be_specs() -> None:
    """Specs given as a dict are rejected."""
    with pytest.raises(ValidationError, match=r"^Platform\.specs: .* is not a Specs$"):
        tb2(specs={"mtow": "650 kg"})


def test_platform_alias_repeating_the_name_is_rejected() -> None:
    """An alias equal to the name is rejected."""
    with pytest.raises(
        ValidationError,
        match=r"^Platform\.aliases: 'Bayraktar TB2' repeats the name as an alias$",
    ):
        tb2(aliases={"Bayraktar TB2", "TB2"})


def test_platform_aliases_given_as_a_string_are_rejected() -> None:
    """A single alias string is not taken as the set of its letters."""
    with pytest.raises(ValidationError, match=r"^Platform\.aliases: 'TB2' is not a frozenset$"):
        tb2(aliases="TB2")


def test_service_entry_before_first_flight_is_rejected() -> None:
    """A platform cannot enter service surely before it first flew."""
    with pytest.raises(
        ValidationError,
        match=r"^Platform\.in_service: '2013' is before the first flight \(2014-08\)$",
    ):
        tb2(first_flight=PartialDate(2014, 8), in_service=PartialDate(2013))


def test_service_entry_overlapping_first_flight_is_accepted() -> None:
    """Entry into service in 2014 fits a first flight in August 2014 (not surely before)."""
    assert tb2(first_flight=PartialDate(2014, 8), in_service=PartialDate(2014)).in_service == (
        PartialDate(2014)
    )


def test_platform_dates_must_be_partial_dates() -> None:
    """A first flight given as a string is rejected."""
    with pytest.raises(
        ValidationError, match=r"^Platform\.first_flight: '2014' is not a PartialDate$"
    ):
        tb2(first_flight="2014")


def test_variant_lineage() -> None:
    """The TB2T-AI is a variant of the TB2; its lineage starts with the TB2."""
    base = tb2()
    variant = Platform(
        "Bayraktar TB2T-AI", manufacturer=BAYKAR, category=Category.MALE, variant_of=base
    )
    assert variant.lineage() == (base,)


def test_derived_lineage_is_followed_nearest_first() -> None:
    """Garpiya derives from the Shahed; a Garpiya variant's lineage is Garpiya, then Shahed."""
    shahed = Platform("Shahed-136", manufacturer=None, category=Category.ONE_WAY_ATTACK)
    garpiya = Platform(
        "Garpiya", manufacturer=None, category=Category.ONE_WAY_ATTACK, derived_from=shahed
    )
    garpiya_3 = Platform(
        "Garpiya-3", manufacturer=None, category=Category.ONE_WAY_ATTACK, variant_of=garpiya
    )
    assert garpiya_3.lineage() == (garpiya, shahed)


@pytest.mark.parametrize("link", ["variant_of", "derived_from"])
def test_a_platform_cannot_descend_from_itself(link: str) -> None:
    """A variant of, or derivative of, a platform of the same name is rejected."""
    with pytest.raises(
        ValidationError, match=f"^Platform\\.{link}: 'Bayraktar TB2' names the platform itself$"
    ):
        tb2(**{link: tb2()})


@pytest.mark.parametrize("link", ["variant_of", "derived_from"])
def test_lineage_must_name_a_platform(link: str) -> None:
    """A parent given as a name is rejected."""
    with pytest.raises(ValidationError, match=f"^Platform\\.{link}: 'TB2' is not a Platform$"):
        tb2(**{link: "TB2"})


def test_platform_sources_must_not_repeat() -> None:
    """The same source twice is rejected."""
    with pytest.raises(ValidationError, match=r"^Platform\.sources: .* has duplicates$"):
        tb2(sources=[BAYKAR_SITE, BAYKAR_SITE])


def test_platforms_are_equal_by_value_and_hashable() -> None:
    """Two platforms built alike are equal and hash equal."""
    assert tb2() == tb2()
    assert hash(tb2()) == hash(tb2())
    assert tb2() != tb2(category=Category.TACTICAL)


def test_evolve_revalidates_platforms() -> None:
    """attrs.evolve re-runs the platform's rules."""
    with pytest.raises(ValidationError, match="repeats the name as an alias"):
        attrs.evolve(tb2(), name="TB2")


# --- numbers: overflow, underflow, exact messages, float subclasses ---------------------


@pytest.mark.parametrize(
    "given",
    [
        "1e308 km",
        [Reported("12 m"), "1e300 ly"],
        "make:1e308 km",
    ],
    ids=["string", "list-of-reports", "quantity"],
)
def test_a_spec_that_overflows_in_si_is_a_unit_error(given: Any) -> None:
    """A finite value whose SI value overflows is a UnitError on every Specs path."""
    if isinstance(given, str) and given.startswith("make:"):
        given = registry().Quantity(given.removeprefix("make:"))
    with pytest.raises(UnitError, match="overflows a float"):
        Specs(wingspan=given)


def test_a_reported_value_that_overflows_is_a_unit_error() -> None:
    """Reported refuses a value whose SI value overflows a float."""
    with pytest.raises(UnitError, match=r"^Reported\.value: '1e308 km' is too large"):
        Reported("1e308 km")


def test_a_spec_that_underflows_is_refused_as_not_positive() -> None:
    """A value that becomes zero in SI breaks positivity, not the upper bound."""
    with pytest.raises(UnitError, match="underflows to zero, so it is not positive"):
        Specs(wingspan="5e-324 mm")
    with pytest.raises(UnitError, match="underflows to zero"):
        Specs(wingspan=registry().Quantity(5e-324, "mm"))


def test_a_bound_message_quotes_the_value_as_given() -> None:
    """A value just over a bound is quoted in full, not rounded to one that seems to fit."""
    with pytest.raises(ValidationError, match=re.escape("'150.0000001 m' exceeds")):
        Specs(wingspan="150.0000001 m")
    with pytest.raises(ValidationError, match=re.escape("'150.0000001 m' exceeds")):
        Specs(wingspan=registry().Quantity(150.0000001, "m"))


def test_a_float_subclass_is_a_real_magnitude_in_specs() -> None:
    """A float subclass (numpy's float64 is one) is accepted and equals the plain float."""

    class F(float):
        """A float subclass."""

    specs = Specs(wingspan=registry().Quantity(F(12.5), "m"))
    assert specs == Specs(wingspan="12.5 m")
    assert type(specs.wingspan.magnitude) is float  # type: ignore[union-attr]


# --- immutability -------------------------------------------------------------------------


def test_changing_a_quantity_read_from_specs_changes_nothing() -> None:
    """ito on every Quantity Specs hands out leaves the Specs, their hash and text unchanged."""
    specs = Specs(wingspan="12 m", mtow=[Reported("650 kg", BAYKAR_SITE), Reported("630 kg")])
    before, text = hash(specs), repr(specs)
    handed = [
        specs.wingspan,
        specs.mtow,
        *specs.known().values(),
        *(v for v in specs.stored().values() if not isinstance(v, Figure)),
        *(v for v in specs.stored_values() if v is not None and not isinstance(v, Figure)),
        specs.reported("mtow")[0].value,
        specs.figure("mtow").preferred,  # type: ignore[union-attr]
        specs.figure("wingspan").preferred,  # type: ignore[union-attr]
    ]
    for quantity_ in handed:
        assert quantity_ is not None
        quantity_.ito("km" if "meter" in str(quantity_.units) else "lb")
    assert hash(specs) == before
    assert repr(specs) == text
    assert specs == Specs(wingspan="12 m", mtow=[Reported("650 kg", BAYKAR_SITE), "630 kg"])
    assert str(specs.wingspan) == "12 meter"


def test_changing_a_reported_value_changes_nothing() -> None:
    """Reported.value is a fresh Quantity: changing it leaves the report as it was."""
    report = Reported("650 kg", BAYKAR_SITE)
    report.value.ito("lb")
    assert str(report) == "650 kg (Baykar)"


def test_specs_evolve_and_pickle_keep_their_values() -> None:
    """attrs.evolve and pickle rebuild Specs from their raw values, re-validated."""
    import pickle  # noqa: PLC0415 - only this test pickles

    specs = Specs(wingspan="12 m", ceiling="25,000 ft")
    evolved = attrs.evolve(specs, mtow="650 kg")  # type: ignore[call-arg]
    assert evolved == Specs(wingspan="12 m", ceiling="25,000 ft", mtow="650 kg")
    assert pickle.loads(pickle.dumps(specs)) == specs  # noqa: S301 - our own bytes


# --- depth --------------------------------------------------------------------------------


def test_a_lineage_of_5000_levels_hashes_compares_and_prints() -> None:
    """hash, == and repr of a 5,000-level lineage need no recursion."""

    def chain() -> Platform:
        platform = None
        for level in range(5000):
            parent = {"variant_of": platform} if level % 2 else {"derived_from": platform}
            platform = Platform(f"P{level}", manufacturer=None, **parent)  # type: ignore[arg-type]
        assert platform is not None
        return platform

    one, other = chain(), chain()
    assert hash(one) == hash(other)
    assert one == other
    assert one != Platform("P4999", manufacturer=None)
    assert repr(one) == "<Platform 'P4999': variant of 'P4998'>"
    assert len(one.lineage()) == 4999


def test_platforms_differing_deep_in_their_lineage_are_unequal() -> None:
    """Two lineages that differ only at the root are unequal."""
    roots = [Platform(name, manufacturer=None) for name in ("A", "B")]
    tips = []
    for root in roots:
        platform = root
        for level in range(50):
            platform = Platform(f"V{level}", manufacturer=None, variant_of=platform)
        tips.append(platform)
    assert tips[0] != tips[1]


# --- the spec table -----------------------------------------------------------------------


def test_the_spec_table_the_inputs_and_the_attributes_agree() -> None:
    """SPEC_FIELDS, SpecInputs' keys and Specs' attributes list the same specs in one order."""
    from dronemarket.specs._specs import SpecInputs  # noqa: PLC0415

    names = tuple(SPEC_FIELDS)
    assert tuple(SpecInputs.__annotations__) == names
    attributes = tuple(n for n, a in vars(Specs).items() if type(a).__name__ == "_Preferred")
    assert attributes == names
    for name, row in SPEC_FIELDS.items():
        assert row.name == name
        assert row.label == row.description
        assert row.units
        for unit in (*row.units, row.metric, row.imperial):
            assert Specs(**{name: f"1 {unit}"}).known()[name].magnitude == 1


def test_disputed_is_a_property_on_specs_as_on_figure() -> None:
    """Specs.disputed and Figure.disputed are both properties, true when sources disagree."""
    specs = tb2_specs()
    assert specs.disputed == ("mtow", "payload")
    assert specs.figure("mtow").disputed  # type: ignore[union-attr]
    assert not Specs(wingspan="12 m").disputed


def test_changing_a_catalog_quantity_changes_no_other_callers_catalog() -> None:
    """ito on the memoized catalog's take-off mass leaves what every other caller reads."""
    import dronemarket as dm  # noqa: PLC0415 - the catalog loads on first use

    specs = dm.catalog.market().platform("Bayraktar TB2").specs
    before = str(specs.mtow)
    specs.mtow.ito("lb")  # type: ignore[union-attr]
    assert str(dm.catalog.market().platform("Bayraktar TB2").specs.mtow) == before


def test_moved_spec_names_are_still_importable_from_platforms() -> None:
    """The spec names that moved to dronemarket.specs are the same objects under platforms."""
    import dronemarket.platforms as old  # noqa: PLC0415
    import dronemarket.specs as new  # noqa: PLC0415

    for name in ("SPEC_FIELDS", "Figure", "Reported", "SpecField", "Specs"):
        assert getattr(old, name) is getattr(new, name)
    assert set(old.__all__) == {"Category", "Platform", "Role"}
