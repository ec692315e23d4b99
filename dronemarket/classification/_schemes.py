"""The three schemes and their answers: DoD groups, NATO classes, MTCR categories."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, TypeVar

from dronemarket.platforms import Category

__all__ = [
    "A",
    "DodGroup",
    "MtcrCategory",
    "NatoClass",
    "NatoSubclass",
    "Scheme",
]


class _Answer:
    """What every scheme's answer has: a label and a rank in its scheme's order."""

    __slots__ = ()

    @property
    def label(self) -> str:
        """Return the answer as people write it: ``'Group 3'``, ``'Class II'``, ``'Category I'``."""
        return _LABELS[self]

    @property
    def rank(self) -> int:
        """Return the answer's place in its scheme's order, lowest (least controlled) first."""
        return _RANKS[self]


class DodGroup(_Answer, enum.IntEnum):
    """A US DoD UAS group, 1 (smallest) to 5 (largest); its :attr:`label` is like ``'Group 3'``."""

    GROUP_1 = 1
    """Up to 20 lb, below 1,200 ft AGL, below 100 kn (hand-launched drones)."""
    GROUP_2 = 2
    """21 to 55 lb, below 3,500 ft AGL, below 250 kn (ScanEagle class)."""
    GROUP_3 = 3
    """Below 1,320 lb, below FL180, below 250 kn (Shadow class)."""
    GROUP_4 = 4
    """Above 1,320 lb, below FL180, any airspeed (Gray Eagle class)."""
    GROUP_5 = 5
    """Above 1,320 lb, above FL180, any airspeed (Reaper, Global Hawk)."""


class NatoClass(_Answer, enum.Enum):
    """A NATO UAS class, by maximum take-off mass; its :attr:`label` is like ``'Class II'``."""

    CLASS_I = "I"
    """Below 150 kg (micro, mini and small UAS)."""
    CLASS_II = "II"
    """150 kg to 600 kg (tactical UAS)."""
    CLASS_III = "III"
    """Above 600 kg (MALE, HALE, strike/combat UAS)."""


class NatoSubclass(enum.Enum):
    """The category within a NATO class (the JCGUAV table's second column)."""

    MICRO = "micro"
    """Class I, below 2 kg."""
    MINI = "mini"
    """Class I, 2 kg to 20 kg."""
    SMALL = "small"
    """Class I, above 20 kg."""
    TACTICAL = "tactical"
    """Class II, the only category of the class."""
    MALE = "MALE"
    """Class III, medium altitude long endurance."""
    HALE = "HALE"
    """Class III, high altitude long endurance."""
    STRIKE_COMBAT = "strike/combat"
    """Class III, strike and combat UAS."""

    @property
    def nato_class(self) -> NatoClass:
        """Return the class this category belongs to."""
        return _SUBCLASS_OF[self]


class MtcrCategory(_Answer, enum.Enum):
    """An MTCR Annex category for a complete UAV system, or neither (its :attr:`rank` is 1)."""

    NEITHER = "neither"
    """Neither item 1.A.2 nor item 19.A.2: a range below 300 km."""
    CATEGORY_II = "II"
    """Item 19.A.2: a range of at least 300 km, whatever the payload."""
    CATEGORY_I = "I"
    """Item 1.A.2: at least 500 kg of payload to at least 300 km."""


_RANKS: Final[Mapping[_Answer, int]] = MappingProxyType(
    {
        member: rank
        for answers in (DodGroup, NatoClass, MtcrCategory)
        for rank, member in enumerate(answers, start=1)
    }
)
"""Each answer's rank: its place in its enum, from 1."""

_LABELS: Final[Mapping[_Answer, str]] = MappingProxyType(
    {
        **{member: f"Group {member.value}" for member in DodGroup},
        **{member: f"Class {member.value}" for member in NatoClass},
        **{member: f"Category {member.value}" for member in MtcrCategory},
        MtcrCategory.NEITHER: "neither category",
    }
)
"""Each answer as people write it."""

_SUBCLASS_OF: Final[Mapping[NatoSubclass, NatoClass]] = MappingProxyType(
    {
        NatoSubclass.MICRO: NatoClass.CLASS_I,
        NatoSubclass.MINI: NatoClass.CLASS_I,
        NatoSubclass.SMALL: NatoClass.CLASS_I,
        NatoSubclass.TACTICAL: NatoClass.CLASS_II,
        NatoSubclass.MALE: NatoClass.CLASS_III,
        NatoSubclass.HALE: NatoClass.CLASS_III,
        NatoSubclass.STRIKE_COMBAT: NatoClass.CLASS_III,
    }
)

_CLASS_III_SUBCLASS: Final[Mapping[Category, NatoSubclass]] = MappingProxyType(
    {
        Category.MALE: NatoSubclass.MALE,
        Category.HALE: NatoSubclass.HALE,
        Category.UCAV: NatoSubclass.STRIKE_COMBAT,
    }
)
"""The NATO class III category a platform's :class:`Category` names, if any."""


class Scheme(enum.Enum):
    """A classification scheme :func:`classify` answers."""

    DOD = "US DoD UAS group"
    """US Department of Defense UAS groups 1 to 5 (:class:`DodGroup`)."""
    NATO = "NATO UAS class"
    """NATO JCGUAV classes I to III (:class:`NatoClass`)."""
    MTCR = "MTCR Annex category"
    """MTCR Annex Category I, II or neither (:class:`MtcrCategory`)."""

    @property
    def answers(self) -> type[DodGroup | NatoClass | MtcrCategory]:
        """Return the enum of the answers this scheme gives."""
        return _ANSWERS[self]


_ANSWERS: Final[Mapping[Scheme, type[DodGroup | NatoClass | MtcrCategory]]] = MappingProxyType(
    {Scheme.DOD: DodGroup, Scheme.NATO: NatoClass, Scheme.MTCR: MtcrCategory}
)

_ORDER: Final[Mapping[Scheme, tuple[DodGroup | NatoClass | MtcrCategory, ...]]] = MappingProxyType(
    {Scheme.DOD: tuple(DodGroup), Scheme.NATO: tuple(NatoClass), Scheme.MTCR: tuple(MtcrCategory)}
)
"""Each scheme's answers, lowest first: rank 1 is the first."""

A = TypeVar("A", DodGroup, NatoClass, MtcrCategory)
"""The answer enum of one scheme."""
