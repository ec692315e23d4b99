"""What `classify` answers: the evidence, a verdict per scheme, the classification."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, Generic

import attrs
from attrs import field, frozen

from dronemarket import _validate as v
from dronemarket.classification._schemes import (
    _ANSWERS,
    A,
    DodGroup,
    MtcrCategory,
    NatoClass,
    NatoSubclass,
    Scheme,
)
from dronemarket.sources import Source
from dronemarket.specs import SPEC_FIELDS, Reported
from dronemarket.specs._reported import arguments, described, fresh
from dronemarket.units import Quantity, quantity, rounded, si_magnitude

__all__ = ["Classification", "Evidence", "Verdict"]


def _spec_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or value not in SPEC_FIELDS:
        v.fail(instance, attribute, value, f"is not a spec (known: {', '.join(SPEC_FIELDS)})")


def _check_value(instance: Evidence, attribute: attrs.Attribute[Any], value: object) -> None:
    dimension = SPEC_FIELDS[instance.spec].dimension
    checked = quantity(value, dimension, owner="Evidence", field=attribute.alias)  # type: ignore[arg-type]
    # Always our own copy, never the caller's Quantity (which can change in place).
    object.__setattr__(instance, attribute.name, checked)


@frozen(eq=False, repr=False)
class Evidence:
    """A published figure that decided a verdict: the spec, its value and source.

    The value is kept privately; :attr:`value` answers with a fresh Quantity
    on every read, so changing it in place changes nothing here.

    >>> from dronemarket.units import Dimension
    >>> str(Evidence("mtow", quantity("650 kg", Dimension.MASS)))
    'mtow = 650 kg'
    """

    spec: str = field(validator=_spec_name)
    """The name of the spec, as in :data:`~dronemarket.SPEC_FIELDS` (``"mtow"``)."""
    _value: Quantity = field(alias="value", validator=_check_value)
    source: Source | None = field(default=None, validator=v.optional(v.is_a(Source)))
    """Who published it, when known."""
    estimate: bool = field(default=False, kw_only=True, validator=v.is_a(bool))
    """Whether the source gives it as an estimate."""

    @property
    def value(self) -> Quantity:
        """Return the value as published, in its published unit (a fresh Quantity)."""
        return fresh(self._value)

    def __repr__(self) -> str:
        return f"Evidence({self.spec!r}, {arguments(self._value, self.source, self.estimate)})"

    @classmethod
    def of(cls, spec: str, reported: Reported) -> Evidence:
        """Return the evidence of one reported value of spec `spec`."""
        return cls(spec, reported.value, reported.source, estimate=reported.estimate)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Evidence:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[object, ...]:
        """Return the identity: the value in SI units, as `Specs` compares values."""
        return (self.spec, rounded(si_magnitude(self._value)), self.source, self.estimate)

    def __str__(self) -> str:
        return f"{self.spec} = {described(self._value, self.source, estimate=self.estimate)}"


def _answer_of_scheme(
    instance: Verdict[Any], attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and not isinstance(value, kind := _ANSWERS[instance.scheme]):
        v.fail(instance, attribute, value, f"is not a {kind.__name__}")


_SPEC_NAMES: Final = v.items_of(str, unique=True)


def _check_missing(
    instance: Verdict[Any], attribute: attrs.Attribute[tuple[str, ...]], value: object
) -> None:
    _SPEC_NAMES(instance, attribute, value)
    for name in value:  # type: ignore[attr-defined]
        _spec_name(instance, attribute, name)
    if instance.answer is None and not value:
        v.fail(instance, attribute, value, "is empty, but an undetermined verdict names them")
    if instance.answer is not None and value:
        v.fail(instance, attribute, value, "is not empty, but the verdict is determined")


@frozen
class Verdict(Generic[A]):
    """One scheme's answer for a platform, with the rule and figures behind it.

    A determined verdict has an :attr:`answer`; :attr:`at_least` is the same.
    An undetermined one has no answer, names the :attr:`missing` specs and,
    when the known figures already imply one, a lower bound :attr:`at_least`.
    :attr:`alternatives` are the verdicts another reported value of a
    disputed spec would give, when they differ from this one.
    """

    scheme: Scheme = field(validator=v.is_a(Scheme))
    """The classification scheme."""
    answer: A | None = field(kw_only=True, validator=_answer_of_scheme)
    """The answer; None when undetermined."""
    at_least: A | None = field(kw_only=True, validator=_answer_of_scheme)
    """A lower bound the known figures imply; the answer itself when determined."""
    subclass: NatoSubclass | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(NatoSubclass))
    )
    """The category within the NATO class, when known (NATO only)."""
    rule: str = field(default="", kw_only=True, validator=v.note)
    """The rule that decided the answer or the bound; empty when nothing did."""
    evidence: tuple[Evidence, ...] = field(
        default=(), kw_only=True, converter=v.to_tuple, validator=v.items_of(Evidence, unique=True)
    )
    """The published figures that decided the answer or the bound."""
    missing: tuple[str, ...] = field(
        default=(), kw_only=True, converter=v.to_tuple, validator=_check_missing
    )
    """The specs that are unknown and could change the answer (undetermined only)."""
    assumes: Evidence | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(Evidence))
    )
    """The non-preferred reported value this verdict takes (alternatives only)."""
    alternatives: tuple[Verdict[A], ...] = field(default=(), kw_only=True, converter=v.to_tuple)
    """What other reported values of disputed specs would give, where it differs."""

    @at_least.validator
    def _bound_agrees(self, attribute: attrs.Attribute[A | None], value: A | None) -> None:
        if self.answer is not None and value is not self.answer:
            v.fail(self, attribute, value, f"differs from the answer ({self.answer!r})")

    @subclass.validator
    def _subclass_fits(
        self, attribute: attrs.Attribute[NatoSubclass | None], value: NatoSubclass | None
    ) -> None:
        if value is None:
            return
        if self.scheme is not Scheme.NATO:
            v.fail(self, attribute, value, "is given, but only the NATO scheme has subclasses")
        if value.nato_class is not self.answer:
            v.fail(self, attribute, value, f"is not a category of the answer ({self.answer!r})")

    @alternatives.validator
    def _alternatives_assume(
        self, attribute: attrs.Attribute[tuple[Verdict[A], ...]], value: object
    ) -> None:
        if not isinstance(value, tuple):
            v.fail(self, attribute, value, "is not a tuple")
        for alternative in value:
            if not isinstance(alternative, Verdict):
                v.fail(self, attribute, alternative, "is not a Verdict")
        for alternative in self.alternatives:
            if alternative.scheme is not self.scheme:
                v.fail(self, attribute, alternative.scheme, "is another scheme")
            if alternative.assumes is None or alternative.alternatives:
                rule = "is not an alternative (one assumed value, no alternatives of its own)"
                v.fail(self, attribute, str(alternative), rule)

    @property
    def determined(self) -> bool:
        """Say whether the known figures decide the answer."""
        return self.answer is not None

    @property
    def disputed(self) -> bool:
        """Say whether another reported value of a spec would change the verdict."""
        return bool(self.alternatives)

    @property
    def summary(self) -> str:
        """Return the answer as text: ``'Class III (MALE)'``, ``'undetermined'``."""
        if self.answer is not None:
            subclass = f" ({self.subclass.value})" if self.subclass else ""
            return f"{self.answer.label}{subclass}"
        if self.at_least is not None:
            return f"undetermined, at least {self.at_least.label}"
        return "undetermined"

    def __str__(self) -> str:
        text = f"{self.scheme.value}: {self.summary}"
        if self.rule:
            text += f"; {self.rule}"
        if self.evidence:
            text += f" [{', '.join(map(str, self.evidence))}]"
        if self.missing:
            text += f"; missing {', '.join(self.missing)}"
        if self.alternatives:
            others = ", ".join(f"{alt.summary} if {alt.assumes}" for alt in self.alternatives)
            text += f"; disputed: {others}"
        return text


def _of_scheme(scheme: Scheme) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Verdict):
            v.fail(instance, attribute, value, "is not a Verdict")
        if value.scheme is not scheme:
            v.fail(instance, attribute, value, f"is not a verdict of the {scheme.value} scheme")

    return check


@frozen
class Classification:
    """A platform's DoD group, NATO class and MTCR category, as :func:`classify` gives them."""

    dod: Verdict[DodGroup] = field(validator=_of_scheme(Scheme.DOD))
    """The US DoD UAS group."""
    nato: Verdict[NatoClass] = field(validator=_of_scheme(Scheme.NATO))
    """The NATO UAS class."""
    mtcr: Verdict[MtcrCategory] = field(validator=_of_scheme(Scheme.MTCR))
    """The MTCR Annex category."""

    def __str__(self) -> str:
        return "\n".join(map(str, (self.dod, self.nato, self.mtcr)))
