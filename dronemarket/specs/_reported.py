"""One published value of a spec (`Reported`) and every value of one spec (`Figure`)."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from attrs import field, frozen

from dronemarket import _validate as v
from dronemarket.sources import Source
from dronemarket.units import Dimension, Quantity, _new, quantity, rounded, unit_label, unit_of

__all__ = ["ByKey", "Figure", "Reported", "arguments", "as_reported", "described", "fresh", "text"]


class ByKey:
    """A base for values that compare and hash by a key they compute once, in `_key`.

    Only values of the same class compare equal.
    """

    __slots__ = ()
    _key: tuple[object, ...]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ByKey) or type(other) is not type(self):
            return NotImplemented
        return self._key == other._key

    def __hash__(self) -> int:
        return hash(self._key)


def _report_value(value: Quantity | str) -> Quantity:
    return quantity(value, None, owner="Reported", field="value")


def fresh(value: Quantity) -> Quantity:
    """Return a new Quantity equal to one a record keeps: callers may change theirs."""
    return _new(value._REGISTRY, value._magnitude, value._units)  # noqa: SLF001


@frozen(eq=False, repr=False)
class Reported(ByKey):
    """One published value of a spec, with its source.

    The value is kept privately; :attr:`value` answers with a fresh Quantity
    on every read, so changing it in place (``q.ito("lb")``) changes nothing
    here.

    >>> str(Reported("650 kg", Source("TB2", publisher="Baykar"), estimate=True))
    '~650 kg (Baykar)'
    """

    _value: Quantity = field(alias="value", converter=_report_value)
    source: Source | None = field(default=None, validator=v.optional(v.is_a(Source)))
    """Who published it; None when the caller does not say."""
    estimate: bool = field(default=False, kw_only=True, validator=v.is_a(bool))
    """Whether the source gives it as an estimate ("about", "approximately")."""
    note: str = field(default="", kw_only=True, validator=v.note)
    """Context: the variant, the configuration, a caveat."""
    _si: float = field(init=False, repr=False)
    _key: tuple[object, ...] = field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        value = self._value  # quantity() has checked it: known dimension, finite SI
        info = unit_of(value._REGISTRY, value._units)  # noqa: SLF001
        si = value._magnitude * info.si_factor  # noqa: SLF001
        object.__setattr__(self, "_si", si)
        key = (info.dimension, rounded(si), self.source, self.estimate, self.note)
        object.__setattr__(self, "_key", key)

    @property
    def value(self) -> Quantity:
        """Return the value, in the unit it was published in (a fresh Quantity)."""
        return fresh(self._value)

    @property
    def dimension(self) -> Dimension:
        """Return the dimension of the value."""
        return self._key[0]  # type: ignore[return-value]

    def __repr__(self) -> str:
        return f"Reported({arguments(self._value, self.source, self.estimate, self.note)})"

    def __str__(self) -> str:
        return described(self._value, self.source, estimate=self.estimate)


def text(value: Quantity) -> str:
    """Return a quantity as the short text it parses back from, like ``'650 kg'``."""
    return f"{value.magnitude} {unit_label(value)}"


def described(value: Quantity, source: Source | None, *, estimate: bool) -> str:
    """Return a published value as people read it: ``'~650 kg (Baykar)'``."""
    approx = "~" if estimate else ""
    by = f" ({source.publisher})" if source else ""
    return f"{approx}{text(value)}{by}"


def arguments(value: Quantity, source: Source | None, estimate: bool, note: str = "") -> str:
    """Return the arguments that rebuild a published value, as its repr shows them."""
    extras = "".join(
        [
            f", {source!r}" if source else "",
            ", estimate=True" if estimate else "",
            f", note={note!r}" if note else "",
        ]
    )
    return f"{text(value)!r}{extras}"


@frozen(eq=False, repr=False)
class Figure(ByKey):
    """Every reported value of one spec; the first is the preferred one.

    >>> Figure.of("650 kg", "630 kg").preferred
    <Quantity(650, 'kilogram')>
    """

    reports: tuple[Reported, ...] = field(converter=v.to_tuple)
    """The reported values, preferred first; at least one, no repeats."""
    _key: tuple[object, ...] = field(init=False, repr=False)

    @reports.validator
    def _check(self, attribute: attrs.Attribute[tuple[Reported, ...]], value: object) -> None:
        v.items_of(Reported, non_empty=True, unique=True)(self, attribute, value)
        dimensions = {report.dimension for report in self.reports}
        if len(dimensions) > 1:
            names = ", ".join(sorted(d.noun for d in dimensions))
            v.fail(self, attribute, value, f"mixes dimensions ({names})")

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_key", tuple(report._key for report in self.reports))  # noqa: SLF001

    @classmethod
    def of(cls, *values: Reported | Quantity | str) -> Figure:
        """Build a figure from reported values, quantities or strings, preferred first."""
        return cls(tuple(as_reported(value) for value in values))

    @property
    def preferred(self) -> Quantity:
        """Return the preferred value: the first reported (a fresh Quantity)."""
        return self.reports[0].value

    @property
    def dimension(self) -> Dimension:
        """Return the dimension all the reported values share."""
        return self.reports[0].dimension

    @property
    def disputed(self) -> bool:
        """Say whether the sources give different values."""
        return len({report._key[1] for report in self.reports}) > 1  # noqa: SLF001

    def si_values(self) -> tuple[float, ...]:
        """Return every reported value in SI base units, preferred first."""
        return tuple(report._si for report in self.reports)  # noqa: SLF001

    def __iter__(self) -> Iterator[Reported]:
        return iter(self.reports)

    def __repr__(self) -> str:
        if len(self.reports) == 1 and self.reports[0].source is None:
            return repr(text(self.reports[0]._value))  # noqa: SLF001
        return f"Figure({', '.join(map(repr, self.reports))})"


def as_reported(value: Reported | Quantity | str) -> Reported:
    """Return `value` as a reported value: itself, or one with no source."""
    return value if isinstance(value, Reported) else Reported(value)
