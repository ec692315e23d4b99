"""`classify`: every scheme's verdict, with alternatives where disputed figures differ."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, NamedTuple

from dronemarket.classification._rules import (
    _ALL_CONSULTED,
    _CONSULTED,
    _Core,
    _dod,
    _mtcr,
    _nato,
    _Outcome,
    _Tables,
    _tables,
)
from dronemarket.classification._schemes import _ORDER, Scheme
from dronemarket.classification._verdicts import Classification, Evidence, Verdict
from dronemarket.errors import ValidationError
from dronemarket.platforms import Category, Platform
from dronemarket.specs import Figure, Reported, Specs
from dronemarket.units import Quantity, rounded, si_magnitude

__all__ = ["classify"]


_Published = Quantity | Reported
"""A spec's value as published: a plain Quantity, or a reported value with its source."""


def _evidence(name: str, published: _Published) -> Evidence:
    if isinstance(published, Reported):
        return Evidence.of(name, published)
    return Evidence(name, published)


def _verdict(
    scheme: Scheme,
    outcome: _Outcome,
    published: Mapping[str, _Published],
    assumes: Evidence | None = None,
    alternatives: tuple[Verdict[Any], ...] = (),
) -> Verdict[Any]:
    members = _ORDER[scheme]
    answer = None if outcome.answer is None else members[outcome.answer - 1]
    at_least = answer
    if answer is None and outcome.low > 1:
        at_least = members[outcome.low - 1]
    informative = answer is not None or at_least is not None
    evidence: tuple[Evidence, ...] = ()
    if informative:
        evidence = tuple(_evidence(name, published[name]) for name in outcome.deciding)
    return Verdict(
        scheme,
        answer=answer,
        at_least=at_least,
        subclass=outcome.subclass,
        rule=outcome.rule if informative else "",
        evidence=evidence,
        missing=outcome.missing,
        assumes=assumes,
        alternatives=alternatives,
    )


class _Inputs(NamedTuple):
    """What every scheme reads, computed once per :func:`classify` call."""

    preferred: Mapping[str, float]  # each known consulted spec's preferred value, SI
    published: Mapping[str, _Published]  # ... and as published
    figures: Mapping[str, tuple[Figure, tuple[float, ...]]]  # the disputed ones, in SI
    category: Category | None
    tables: _Tables


def _judge(scheme: Scheme, core: _Core, inputs: _Inputs) -> Verdict[Any]:
    preferred, published, category, tables = (
        inputs.preferred,
        inputs.published,
        inputs.category,
        inputs.tables,
    )
    outcome = core(preferred, tables, category)
    shown = (outcome.answer, outcome.low, outcome.subclass)
    alternatives: list[Verdict[Any]] = []
    for name in _CONSULTED[scheme]:
        if name not in inputs.figures:
            continue
        figure, (first, *others) = inputs.figures[name]
        for report, value in zip(figure.reports[1:], others, strict=True):
            if value == first:
                continue
            other = core({**preferred, name: value}, tables, category)
            if (other.answer, other.low, other.subclass) == shown:
                continue
            assumed = Evidence.of(name, report)
            alternatives.append(_verdict(scheme, other, {**published, name: report}, assumed))
    return _verdict(scheme, outcome, published, alternatives=tuple(alternatives))


_CORES: Final[tuple[tuple[Scheme, _Core], ...]] = (
    (Scheme.DOD, _dod),
    (Scheme.NATO, _nato),
    (Scheme.MTCR, _mtcr),
)


def classify(subject: Platform | Specs) -> Classification:
    """Return the DoD group, NATO class and MTCR category of a platform or its specs.

    Each answer is decided on the preferred value of each spec; where another
    reported value of a spec would give a different answer, the verdict lists
    it under :attr:`Verdict.alternatives`. Given a :class:`Platform`, a NATO
    class III verdict also names the category (MALE, HALE, strike/combat)
    from the platform's :class:`Category`.

    >>> import dronemarket as dm
    >>> print(dm.classify(dm.Specs(mtow="1.5 kg", ceiling="400 ft", max_speed="40 kn")).dod)
    US DoD UAS group: Group 1; max gross take-off weight ≤ 20 lb; service ceiling < 1,200 ft;
    maximum speed < 100 kn [mtow = 1.5 kg, ceiling = 400 ft, max_speed = 40 kn]
    """
    if isinstance(subject, Platform):
        specs, category = subject.specs, subject.category
    elif isinstance(subject, Specs):
        specs, category = subject, None
    else:
        raise ValidationError("classify", "subject", subject, "is not a Platform or Specs")
    preferred: dict[str, float] = {}
    published: dict[str, _Published] = {}
    figures: dict[str, tuple[Figure, tuple[float, ...]]] = {}
    for name, stored in specs.stored().items():
        if name not in _ALL_CONSULTED:
            continue
        if isinstance(stored, Figure):
            values = tuple(map(rounded, stored.si_values()))
            preferred[name], published[name] = values[0], stored.reports[0]
            if len(values) > 1:
                figures[name] = (stored, values)
        else:
            preferred[name], published[name] = rounded(si_magnitude(stored)), stored
    inputs = _Inputs(preferred, published, figures, category, _tables())
    dod, nato, mtcr = (_judge(scheme, core, inputs) for scheme, core in _CORES)
    return Classification(dod, nato, mtcr)
