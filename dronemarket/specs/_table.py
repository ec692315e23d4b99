"""The one table of specs: what each spec measures, its bound, how it is shown and drawn."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, NamedTuple

from dronemarket.units import Dimension

__all__ = ["ORDERED_PAIRS", "SPEC_FIELDS", "SpecField"]


class SpecField(NamedTuple):
    """One row of the spec table: what a spec measures, its bound, how it is shown and drawn.

    :data:`SPEC_FIELDS` is the one place the specs are listed. :class:`Specs`
    takes its keywords and attributes from it, the catalog overview its
    labels and display units, and :mod:`dronemarket.strategies` the units it
    publishes random values in.
    """

    name: str
    """The keyword and attribute of :class:`Specs`."""
    dimension: Dimension
    """What it measures."""
    upper: str
    """The largest plausible value; a larger one is taken for a typo."""
    description: str
    """Its display label, as in "maximum take-off mass" (used in messages and the overview)."""
    units: tuple[str, ...]
    """The units it is published in, in practice, simplest first (strategies draw from them)."""
    metric: str
    """The unit the overview shows it in, in metric."""
    imperial: str
    """The unit the overview shows it in, in imperial."""

    @property
    def label(self) -> str:
        """Return the display label (the description)."""
        return self.description


def _table(*rows: SpecField) -> Mapping[str, SpecField]:
    return MappingProxyType({row.name: row for row in rows})


_L, _M, _T = Dimension.LENGTH, Dimension.MASS, Dimension.DURATION
_S, _P = Dimension.SPEED, Dimension.POWER
_SPEEDS: Final = ("km/h", "kn", "m/s")

SPEC_FIELDS: Final[Mapping[str, SpecField]] = _table(
    SpecField("wingspan", _L, "150 m", "wingspan", ("m", "ft"), "m", "ft"),
    SpecField("length", _L, "100 m", "length", ("m", "ft"), "m", "ft"),
    SpecField("mtow", _M, "50 t", "maximum take-off mass", ("kg", "lb", "t"), "kg", "lb"),
    SpecField("empty_mass", _M, "50 t", "empty mass", ("kg", "lb", "t"), "kg", "lb"),
    SpecField("payload", _M, "20 t", "payload", ("kg", "lb"), "kg", "lb"),
    SpecField("warhead", _M, "5 t", "warhead mass", ("kg", "lb"), "kg", "lb"),
    SpecField("endurance", _T, "2000 h", "endurance", ("h", "min"), "h", "h"),
    SpecField("ceiling", _L, "40 km", "service ceiling", ("m", "ft", "km"), "m", "ft"),
    SpecField("range", _L, "50000 km", "range", ("km", "m"), "km", "mi"),
    SpecField("combat_radius", _L, "25000 km", "combat radius", ("km", "m"), "km", "mi"),
    SpecField("datalink_range", _L, "50000 km", "datalink range", ("km", "m"), "km", "mi"),
    SpecField("cruise_speed", _S, "2000 m/s", "cruise speed", _SPEEDS, "km/h", "mph"),
    SpecField("max_speed", _S, "2000 m/s", "maximum speed", _SPEEDS, "km/h", "mph"),
    SpecField("engine_power", _P, "100 MW", "engine power", ("hp", "kW"), "kW", "hp"),
)
"""THE table of specs: every spec :class:`Specs` holds, by name, in order.

Each row gives the dimension, the plausibility bound, the display label, the
units strategies draw from and the overview's display units. Every spec must
be positive and at most its bound; the bounds are generous (a 150 m wingspan,
a 40 km ceiling, 2,000 h endurance, 50,000 km range) so they only catch typos
such as a ceiling in kilometres given as metres.
"""

ORDERED_PAIRS: Final = (
    ("payload", "mtow"),
    ("empty_mass", "mtow"),
    ("warhead", "payload"),
    ("warhead", "mtow"),  # also when the payload is not known
    ("cruise_speed", "max_speed"),
    ("combat_radius", "range"),
)
"""The pairs of specs (smaller, larger) in which the smaller may not exceed the larger."""
