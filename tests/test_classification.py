"""Tests of `dronemarket.classification`: DoD groups, NATO classes, MTCR categories."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import dronemarket as dm
from dronemarket import strategies
from dronemarket.classification import (
    Classification,
    DodGroup,
    Evidence,
    MtcrCategory,
    NatoClass,
    NatoSubclass,
    Scheme,
    Verdict,
    classify,
)
from dronemarket.units import Dimension, Quantity, quantity, si_magnitude

BAYKAR = dm.Source("Bayraktar TB2 technical specifications", publisher="Baykar")
ARMY_TECH = dm.Source("Bayraktar TB2", publisher="Army Technology")

# Figures in group 1 of every DoD attribute, to isolate the one under test.
SMALL = {"mtow": "5 lb", "ceiling": "500 ft", "max_speed": "50 kn"}


def dod(**specs: Any) -> Verdict[DodGroup]:
    return classify(dm.Specs(**{**SMALL, **specs})).dod


def nato(**specs: Any) -> Verdict[NatoClass]:
    return classify(dm.Specs(**specs)).nato


def mtcr(**specs: Any) -> Verdict[MtcrCategory]:
    return classify(dm.Specs(**specs)).mtcr


def floor(verdict: Verdict[Any]) -> int:
    """Return the lowest rank a verdict allows: its answer, its bound, or 0."""
    known = verdict.answer if verdict.answer is not None else verdict.at_least
    return 0 if known is None else known.rank


def platform(category: dm.Category, specs: dm.Specs) -> dm.Platform:
    return dm.Platform("Test drone", manufacturer=None, category=category, specs=specs)


# --- DoD groups: each threshold on both sides ----------------------------------------


@pytest.mark.parametrize(
    ("mtow", "group"),
    [
        ("20 lb", 1),
        ("20.01 lb", 2),
        ("55 lb", 2),
        ("55.01 lb", 3),
        ("1319.9 lb", 3),
        ("1320 lb", 4),
        ("9.0718474 kg", 1),  # exactly 20 lb, given in kilograms
    ],
)
def test_dod_weight_thresholds(mtow: str, group: int) -> None:
    """Up to 20 lb is group 1, up to 55 lb group 2, below 1,320 lb group 3, then group 4."""
    verdict = dod(mtow=mtow)
    assert verdict.answer == group
    assert verdict.determined
    assert verdict.evidence[0].spec == "mtow" or group == 1


@pytest.mark.parametrize(
    ("ceiling", "group"),
    [
        ("1199 ft", 1),
        ("1200 ft", 2),
        ("365.76 m", 2),  # exactly 1,200 ft, given in metres
        ("3499 ft", 2),
        ("3500 ft", 3),
        ("17999 ft", 3),
        ("18000 ft", 5),
    ],
)
def test_dod_altitude_thresholds(ceiling: str, group: int) -> None:
    """Below 1,200 ft is group 1, below 3,500 ft group 2, below FL180 group 3, then group 5."""
    assert dod(ceiling=ceiling).answer == group


@pytest.mark.parametrize(
    ("max_speed", "group"),
    [("99.9 kn", 1), ("100 kn", 2), ("249.9 kn", 2), ("250 kn", 4)],
)
def test_dod_airspeed_thresholds(max_speed: str, group: int) -> None:
    """Below 100 kn is group 1, below 250 kn group 2, 250 kn and faster group 4."""
    assert dod(max_speed=max_speed).answer == group


def test_dod_lift_rule() -> None:
    """A light, low drone that flies at 300 kn is lifted into group 4 by its speed alone."""
    verdict = dod(max_speed="300 kn")
    assert verdict.answer is DodGroup.GROUP_4
    assert [evidence.spec for evidence in verdict.evidence] == ["max_speed"]
    assert "lifts the platform" in verdict.rule


def test_dod_group_one_names_every_figure() -> None:
    """A group 1 verdict with every attribute in group 1 cites all three figures."""
    verdict = dod()
    assert verdict.answer is DodGroup.GROUP_1
    assert {evidence.spec for evidence in verdict.evidence} == {"mtow", "ceiling", "max_speed"}
    assert "lifts" not in verdict.rule


def test_dod_undetermined_names_missing_specs() -> None:
    """With only a light take-off mass known, the group is undetermined; the gaps are named."""
    verdict = classify(dm.Specs(mtow="10 lb")).dod
    assert not verdict.determined
    assert verdict.answer is None
    assert verdict.at_least is None
    assert verdict.missing == ("ceiling", "max_speed")


def test_dod_lower_bound_from_known_figures() -> None:
    """A 100 lb take-off mass alone gives at least group 3, with ceiling and speed missing."""
    verdict = classify(dm.Specs(mtow="100 lb")).dod
    assert verdict.answer is None
    assert verdict.at_least is DodGroup.GROUP_3
    assert verdict.missing == ("ceiling", "max_speed")
    assert verdict.evidence[0].spec == "mtow"


def test_dod_ceiling_above_fl180_decides_alone() -> None:
    """A ceiling at or above FL180 decides group 5 whatever else is unknown."""
    verdict = classify(dm.Specs(ceiling="25,000 ft")).dod
    assert verdict.answer is DodGroup.GROUP_5
    assert verdict.missing == ()


def test_dod_missing_speed_cannot_lift_past_group_4() -> None:
    """A heavy drone below FL180 is group 4 even with its speed unknown: speed lifts only to 4."""
    verdict = classify(dm.Specs(mtow="1400 lb", ceiling="17,000 ft")).dod
    assert verdict.answer is DodGroup.GROUP_4
    heavy = classify(dm.Specs(mtow="1400 lb")).dod
    assert heavy.at_least is DodGroup.GROUP_4
    assert heavy.missing == ("ceiling",)


def test_dod_cruise_speed_is_a_lower_bound() -> None:
    """With no maximum speed, a cruise speed bounds it below; 250 kn and more decides it."""
    fast = classify(dm.Specs(mtow="5 lb", ceiling="500 ft", cruise_speed="260 kn")).dod
    assert fast.answer is DodGroup.GROUP_4
    assert fast.evidence[0].spec == "cruise_speed"
    slow = classify(dm.Specs(mtow="5 lb", ceiling="2000 ft", cruise_speed="80 kn")).dod
    assert slow.answer is None
    assert slow.at_least is DodGroup.GROUP_2
    assert slow.missing == ("max_speed",)


def test_dod_empty_mass_bounds_the_take_off_weight() -> None:
    """An empty mass above 1,320 lb implies at least group 4 while the take-off mass is unknown."""
    verdict = classify(dm.Specs(empty_mass="700 kg")).dod
    assert verdict.at_least is DodGroup.GROUP_4
    assert verdict.missing == ("ceiling",)
    assert verdict.evidence[0].spec == "empty_mass"


# --- NATO classes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mtow", "nato_class", "subclass"),
    [
        ("1.99 kg", NatoClass.CLASS_I, NatoSubclass.MICRO),
        ("2 kg", NatoClass.CLASS_I, NatoSubclass.MINI),
        ("20 kg", NatoClass.CLASS_I, NatoSubclass.MINI),
        ("20.01 kg", NatoClass.CLASS_I, NatoSubclass.SMALL),
        ("149.9 kg", NatoClass.CLASS_I, NatoSubclass.SMALL),
        ("150 kg", NatoClass.CLASS_II, NatoSubclass.TACTICAL),
        ("600 kg", NatoClass.CLASS_II, NatoSubclass.TACTICAL),
        ("600.1 kg", NatoClass.CLASS_III, None),
    ],
)
def test_nato_thresholds(mtow: str, nato_class: NatoClass, subclass: NatoSubclass | None) -> None:
    """Class I below 150 kg (micro < 2, mini 2-20, small > 20 kg), II to 600 kg, III above."""
    verdict = nato(mtow=mtow)
    assert verdict.answer is nato_class
    assert verdict.subclass is subclass
    assert verdict.evidence == (Evidence("mtow", quantity(mtow, Dimension.MASS)),)


@pytest.mark.parametrize(
    ("category", "subclass"),
    [
        (dm.Category.MALE, NatoSubclass.MALE),
        (dm.Category.HALE, NatoSubclass.HALE),
        (dm.Category.UCAV, NatoSubclass.STRIKE_COMBAT),
        (dm.Category.LOITERING_MUNITION, None),
    ],
)
def test_nato_class_iii_takes_the_platform_category(
    category: dm.Category, subclass: NatoSubclass | None
) -> None:
    """Given a platform, class III names its category: MALE, HALE or strike/combat."""
    verdict = classify(platform(category, dm.Specs(mtow="650 kg"))).nato
    assert verdict.answer is NatoClass.CLASS_III
    assert verdict.subclass is subclass


def test_nato_undetermined_without_take_off_mass() -> None:
    """Without a take-off mass the NATO class is undetermined and names mtow as missing."""
    verdict = nato(wingspan="12 m")
    assert verdict.answer is None
    assert verdict.missing == ("mtow",)
    assert verdict.at_least is None


def test_nato_payload_bounds_the_class() -> None:
    """A 200 kg payload implies at least class II; a 700 kg empty mass decides class III."""
    assert nato(payload="200 kg").at_least is NatoClass.CLASS_II
    assert nato(payload="200 kg").missing == ("mtow",)
    assert nato(empty_mass="700 kg").answer is NatoClass.CLASS_III


# --- MTCR categories -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("specs", "answer", "at_least", "missing"),
    [
        ({"range": "299 km", "payload": "600 kg"}, MtcrCategory.NEITHER, None, ()),
        ({"range": "299 km"}, MtcrCategory.NEITHER, None, ()),
        ({"range": "300 km", "payload": "500 kg"}, MtcrCategory.CATEGORY_I, None, ()),
        ({"range": "300 km", "payload": "499 kg"}, MtcrCategory.CATEGORY_II, None, ()),
        ({"range": "300 km"}, None, MtcrCategory.CATEGORY_II, ("payload",)),
        ({"payload": "600 kg"}, None, None, ("range",)),
        ({"payload": "100 kg"}, None, None, ("range",)),
        ({"wingspan": "3 m"}, None, None, ("range", "payload")),
        ({"combat_radius": "400 km", "payload": "100 kg"}, MtcrCategory.CATEGORY_II, None, ()),
        ({"range": "400 km", "warhead": "550 kg"}, MtcrCategory.CATEGORY_I, None, ()),
        ({"combat_radius": "200 km", "payload": "100 kg"}, None, None, ("range",)),
    ],
)
def test_mtcr_combinations(
    specs: dict[str, str],
    answer: MtcrCategory | None,
    at_least: MtcrCategory | None,
    missing: tuple[str, ...],
) -> None:
    """Category I needs 500 kg to 300 km, II 300 km alone; an unknown figure is named."""
    verdict = mtcr(**specs)
    assert verdict.answer is answer
    assert verdict.at_least is (answer if answer is not None else at_least)
    assert verdict.missing == missing


def test_mtcr_rule_cites_the_annex_item() -> None:
    """Each determined MTCR verdict cites the Annex item that decided it."""
    assert "1.A.2" in mtcr(range="400 km", payload="600 kg").rule
    assert "19.A.2" in mtcr(range="400 km", payload="60 kg").rule
    assert [e.spec for e in mtcr(range="400 km", payload="600 kg").evidence] == [
        "range",
        "payload",
    ]


# --- disputed figures -------------------------------------------------------------------


def tb2_specs(mtow_alternative: str = "630 kg") -> dm.Specs:
    return dm.Specs(
        mtow=[dm.Reported("650 kg", BAYKAR), dm.Reported(mtow_alternative, ARMY_TECH)],
        payload=[dm.Reported("150 kg", BAYKAR), dm.Reported("55 kg", ARMY_TECH)],
        ceiling="25,000 ft",
        range="300 km",
    )


def test_disputed_figures_that_agree_on_the_answer_are_not_a_dispute() -> None:
    """The TB2's 650 vs 630 kg and 150 vs 55 kg change no answer, so no verdict is disputed."""
    result = classify(tb2_specs())
    assert result.nato.answer is NatoClass.CLASS_III
    assert result.mtcr.answer is MtcrCategory.CATEGORY_II
    assert not result.nato.disputed
    assert not result.mtcr.disputed
    assert result.nato.evidence == (Evidence("mtow", quantity("650 kg", Dimension.MASS), BAYKAR),)


def test_disputed_figure_that_changes_the_answer_is_reported() -> None:
    """A 590 kg report against the preferred 650 kg shows class II as the alternative."""
    verdict = classify(tb2_specs("590 kg")).nato
    assert verdict.answer is NatoClass.CLASS_III
    assert verdict.disputed
    (alternative,) = verdict.alternatives
    assert alternative.answer is NatoClass.CLASS_II
    assert alternative.subclass is NatoSubclass.TACTICAL
    assert alternative.assumes == Evidence("mtow", quantity("590 kg", Dimension.MASS), ARMY_TECH)
    assert "Class II (tactical) if mtow = 590 kg (Army Technology)" in str(verdict)


def test_disputed_payload_changes_mtcr_category() -> None:
    """A 600 vs 400 kg payload at 400 km range is Category I, with Category II as alternative."""
    specs = dm.Specs(range="400 km", payload=["600 kg", "400 kg"])
    verdict = classify(specs).mtcr
    assert verdict.answer is MtcrCategory.CATEGORY_I
    assert [alt.answer for alt in verdict.alternatives] == [MtcrCategory.CATEGORY_II]


# --- the objects themselves ------------------------------------------------------------


def test_classify_accepts_a_platform_and_its_specs_alike() -> None:
    """Classifying a platform gives its specs' verdicts (plus the NATO category)."""
    specs = dm.Specs(mtow="100 kg", ceiling="5000 ft", max_speed="80 kn", range="100 km")
    assert classify(platform(dm.Category.TACTICAL, specs)) == classify(specs)


def test_classify_rejects_anything_else() -> None:
    """Classifying something that is neither a Platform nor Specs raises ValidationError."""
    with pytest.raises(dm.ValidationError, match="is not a Platform or Specs"):
        classify("Bayraktar TB2")  # type: ignore[arg-type]


def test_str_is_readable() -> None:
    """The text of a classification states each scheme's answer, rule, figure and gaps."""
    text = str(classify(dm.Specs(mtow="650 kg", range="300 km")))
    assert text.splitlines() == [
        (
            "US DoD UAS group: undetermined, at least Group 4; "
            "max gross take-off weight ≥ 1,320 lb [mtow = 650 kg]; missing ceiling"
        ),
        "NATO UAS class: Class III; max take-off mass > 600 kg [mtow = 650 kg]",
        (
            "MTCR Annex category: undetermined, at least Category II; "
            "item 19.A.2: range ≥ 300 km [range = 300 km]; missing payload"
        ),
    ]


def test_answer_labels_and_ranks() -> None:
    """Answers read as people write them and rank in their scheme's order."""
    assert DodGroup.GROUP_3.label == "Group 3"
    assert NatoClass.CLASS_II.label == "Class II"
    assert MtcrCategory.CATEGORY_I.label == "Category I"
    assert MtcrCategory.NEITHER.label == "neither category"
    assert [g.rank for g in DodGroup] == [1, 2, 3, 4, 5]
    assert NatoClass.CLASS_I.rank < NatoClass.CLASS_III.rank
    assert MtcrCategory.NEITHER.rank < MtcrCategory.CATEGORY_II.rank < MtcrCategory.CATEGORY_I.rank
    assert NatoSubclass.MINI.nato_class is NatoClass.CLASS_I
    assert Scheme.MTCR.answers is MtcrCategory


def undetermined(**changes: Any) -> Verdict[Any]:
    fields: dict[str, Any] = {"answer": None, "at_least": None, "missing": ("range",)}
    return Verdict(Scheme.MTCR, **{**fields, **changes})


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"missing": ()}, "an undetermined verdict names them"),
        (
            {"answer": MtcrCategory.NEITHER, "at_least": MtcrCategory.NEITHER},
            "the verdict is determined",
        ),
        ({"missing": ("altitude",)}, "is not a spec"),
        ({"missing": ("range", "range")}, "has duplicates"),
        ({"at_least": DodGroup.GROUP_2}, "is not a MtcrCategory"),
        (
            {
                "answer": MtcrCategory.CATEGORY_I,
                "at_least": MtcrCategory.CATEGORY_II,
                "missing": (),
            },
            "differs from the answer",
        ),
        ({"subclass": NatoSubclass.MINI}, "only the NATO scheme has subclasses"),
        ({"alternatives": (undetermined(),)}, "is not an alternative"),
        ({"alternatives": ("II",)}, "is not a Verdict"),
        ({"evidence": ("mtow",)}, "is not an Evidence"),
    ],
)
def test_verdict_rules(changes: dict[str, Any], message: str) -> None:
    """A verdict that breaks one of its rules cannot be built."""
    with pytest.raises(dm.ValidationError, match=message):
        undetermined(**changes)


def test_nato_subclass_must_fit_the_class() -> None:
    """A NATO verdict of class II with a class I category is rejected."""
    with pytest.raises(dm.ValidationError, match="is not a category of the answer"):
        Verdict(
            Scheme.NATO,
            answer=NatoClass.CLASS_II,
            at_least=NatoClass.CLASS_II,
            subclass=NatoSubclass.MICRO,
        )


def test_alternatives_are_of_the_same_scheme() -> None:
    """An alternative from another scheme is rejected."""
    other = Verdict(
        Scheme.DOD,
        answer=None,
        at_least=None,
        missing=("mtow",),
        assumes=Evidence("mtow", quantity("10 kg", Dimension.MASS)),
    )
    with pytest.raises(dm.ValidationError, match="is another scheme"):
        undetermined(alternatives=(other,))


@pytest.mark.parametrize(
    ("spec", "value", "message"),
    [("altitude", "10 m", "is not a spec"), ("mtow", "10 m", "is not a mass")],
)
def test_evidence_rules(spec: str, value: str, message: str) -> None:
    """Evidence names a known spec and holds a value of its dimension."""
    with pytest.raises(dm.ValidationError, match=message):
        Evidence(spec, quantity(value, None))


def test_evidence_equality_ignores_unit_spelling() -> None:
    """Evidence of 12 m and of 1200 cm are equal and hash equal, as Specs are."""
    one = Evidence("wingspan", quantity("12 m", Dimension.LENGTH))
    other = Evidence("wingspan", quantity("1200 cm", Dimension.LENGTH))
    assert one == other
    assert hash(one) == hash(other)
    assert one != "wingspan"


def test_classification_checks_each_scheme() -> None:
    """A classification whose verdicts are in the wrong places is rejected."""
    result = classify(dm.Specs())
    with pytest.raises(dm.ValidationError, match="is not a verdict of the"):
        Classification(result.nato, result.dod, result.mtcr)  # type: ignore[arg-type]
    with pytest.raises(dm.ValidationError, match="is not a Verdict"):
        Classification("Group 1", result.nato, result.mtcr)  # type: ignore[arg-type]


def test_verdicts_are_frozen() -> None:
    """A verdict cannot be changed after it is made."""
    verdict = classify(dm.Specs()).dod
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        verdict.answer = DodGroup.GROUP_1  # type: ignore[misc]


# --- properties --------------------------------------------------------------------------

CONSULTED = (
    "mtow",
    "empty_mass",
    "payload",
    "warhead",
    "ceiling",
    "max_speed",
    "cruise_speed",
    "range",
    "combat_radius",
)
PLAIN_SPECS = strategies.specs(fields=CONSULTED, max_reports=1)
ANY_SPECS = strategies.specs(fields=CONSULTED)


def grown(value: Quantity, factor: float, upper: str, dimension: Dimension) -> Quantity:
    """Return `value` times `factor`, but at most `upper` and never below `value`."""
    bigger: Quantity = value * factor
    cap = quantity(upper, dimension)
    return cap if si_magnitude(bigger) > si_magnitude(cap) else bigger


def verdicts(result: Classification) -> tuple[Verdict[Any], ...]:
    return (result.dod, result.nato, result.mtcr)


@pytest.mark.slow
@given(PLAIN_SPECS, st.floats(1.0, 1_000.0))
def test_more_mass_never_lowers_group_or_class(specs: dm.Specs, factor: float) -> None:
    """Growing the take-off mass never drops the DoD group or NATO class, or their bounds."""
    assume(specs.mtow is not None)
    assert specs.mtow is not None
    heavier = specs.replace(mtow=grown(specs.mtow, factor, "50 t", Dimension.MASS))
    before, after = classify(specs), classify(heavier)
    assert floor(after.dod) >= floor(before.dod)
    assert floor(after.nato) >= floor(before.nato)


@pytest.mark.slow
@given(PLAIN_SPECS, st.floats(1.0, 1_000.0))
def test_higher_ceiling_never_lowers_group(specs: dm.Specs, factor: float) -> None:
    """Raising the service ceiling never drops the DoD group or its lower bound."""
    assume(specs.ceiling is not None)
    assert specs.ceiling is not None
    higher = specs.replace(ceiling=grown(specs.ceiling, factor, "40 km", Dimension.LENGTH))
    assert floor(classify(higher).dod) >= floor(classify(specs).dod)


@given(ANY_SPECS, st.sampled_from(CONSULTED))
def test_learning_a_figure_never_contradicts_a_bound(specs: dm.Specs, name: str) -> None:
    """With one more figure known, no answer falls below the bound and none changes."""
    fewer = classify(specs.replace(**{name: None}))
    more = classify(specs)
    for partial, full in zip(verdicts(fewer), verdicts(more), strict=True):
        assert floor(full) >= floor(partial)
        if partial.determined:
            assert full.answer is partial.answer


@given(ANY_SPECS)
def test_verdicts_are_determined_or_name_what_is_missing(specs: dm.Specs) -> None:
    """Every verdict either has an answer or names at least one missing spec, never both."""
    for verdict in verdicts(classify(specs)):
        assert verdict.determined != bool(verdict.missing)
        assert all(name not in specs.known() for name in verdict.missing)
        for alternative in verdict.alternatives:
            assert alternative.assumes is not None
            assert alternative.assumes.spec in specs.disputed


def test_changing_an_evidence_value_changes_nothing() -> None:
    """Evidence.value is a fresh Quantity: changing it leaves the evidence, its hash and text."""
    given = quantity("650 kg", Dimension.MASS)
    evidence = Evidence("mtow", given)
    before = hash(evidence)
    given.ito("lb")
    evidence.value.ito("lb")
    assert hash(evidence) == before
    assert str(evidence) == "mtow = 650 kg"
    assert repr(evidence) == "Evidence('mtow', '650 kg')"
