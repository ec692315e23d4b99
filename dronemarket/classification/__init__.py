"""US DoD UAS group, NATO UAS class and MTCR Annex category, computed from `Specs`.

:func:`classify` answers three schemes at once. Each answer is a
:class:`Verdict`: the answer, the rule that decided it and the published
figures that decided it; or "undetermined", with the names of the specs that
are missing and, where the known figures already imply one, a lower bound.
It never guesses a missing figure.

>>> import dronemarket as dm
>>> result = dm.classify(dm.Specs(mtow="650 kg", ceiling="25,000 ft", max_speed="120 kn"))
>>> result.dod.answer
<DodGroup.GROUP_5: 5>
>>> print(result.nato)
NATO UAS class: Class III; max take-off mass > 600 kg [mtow = 650 kg]
>>> print(result.mtcr)
MTCR Annex category: undetermined; missing range, payload

Sources of the thresholds:

- US DoD UAS groups: Department of Defense, *Unmanned Aircraft System
  Airspace Integration Plan*, version 2.0, March 2011, and *Unmanned Systems
  Integrated Roadmap FY2011-2036* (2011); first published in the *FY2009-2034
  Unmanned Systems Integrated Roadmap*; today in JP 3-30 *Joint Air
  Operations* (CRS In Focus IF12797, 25 October 2024).
- NATO UAS classes: JAPCC, *Strategic Concept of Employment for Unmanned
  Aircraft Systems in NATO*, January 2010, with the classification agreed by
  NATO's Joint Capability Group on UAVs (JCGUAV), September 2009.
- MTCR categories: Missile Technology Control Regime, *Equipment, Software
  and Technology Annex* (MTCR/TEM/2024/Annex, 14 March 2024), items 1.A.2
  (Category I) and 19.A.2 (Category II).

See ``docs/classification.md`` for the tables, how their gaps are closed and
how disputed figures are reported.
"""

from dronemarket.classification._classify import classify
from dronemarket.classification._schemes import (
    DodGroup,
    MtcrCategory,
    NatoClass,
    NatoSubclass,
    Scheme,
)
from dronemarket.classification._verdicts import Classification, Evidence, Verdict

__all__ = [
    "Classification",
    "DodGroup",
    "Evidence",
    "MtcrCategory",
    "NatoClass",
    "NatoSubclass",
    "Scheme",
    "Verdict",
    "classify",
]
