"""Production abroad: licences, joint ventures, technology transfer, local assembly.

SIPRI lists licensed production apart from transfers; so does `dronemarket`.
"In May, Iran opened a factory in Tajikistan to manufacture its Ababil-2":

>>> import dronemarket as dm
>>> iran, tajikistan = dm.Country("IRN"), dm.Country("TJK")
>>> hesa = dm.Organization("HESA", country=iran, kind=dm.OrgKind.MANUFACTURER)
>>> ababil = dm.Platform("Ababil-2", manufacturer=hesa, category=dm.Category.TACTICAL)
>>> factory = dm.LicensedProduction(
...     platform=ababil,
...     licensor=dm.Supplier(iran, manufacturer=hesa),
...     host=tajikistan,
...     arrangement=dm.Arrangement.LICENSED_PRODUCTION,
...     started=dm.PartialDate(2022, 5, 17),
...     facility="Dushanbe",
...     status=dm.ProductionStatus.PRODUCING,
...     sources=[dm.Source("Iran opens drone factory in Tajikistan", publisher="Reuters")],
... )
>>> factory.id
'irn-tjk-ababil-2-2022-05-17'
"""

from __future__ import annotations

import enum
from typing import Final

from attrs import field, frozen

from dronemarket import _display, _record
from dronemarket import _validate as v
from dronemarket.dates import PartialDate
from dronemarket.deals import Count, slug, to_count
from dronemarket.errors import ValidationError
from dronemarket.parties import Country, Organization, Supplier, check_confidence
from dronemarket.platforms import Platform

__all__ = ["NOT_STARTED", "Arrangement", "LicensedProduction", "ProductionStatus"]


class Arrangement(enum.Enum):
    """How production moves across a border."""

    LICENSED_PRODUCTION = "licensed production"
    """The licensee builds the platform under the licensor's licence."""
    JOINT_VENTURE = "joint venture"
    """Licensor and licensee build it together in a shared venture."""
    TECHNOLOGY_TRANSFER = "technology transfer"
    """The licensor hands over designs, processes or know-how."""
    LOCAL_ASSEMBLY = "local assembly"
    """Kits from the licensor are assembled in the host country."""
    TECHNICAL_ASSISTANCE = "technical assistance"
    """The licensor's experts help develop, test or build (not a licence)."""


class ProductionStatus(enum.Enum):
    """Where a production arrangement stands."""

    ANNOUNCED = "announced"
    """Announced or under negotiation; nothing signed is known."""
    AGREED = "agreed"
    """Signed (a memorandum, a contract); production has not started."""
    PRODUCING = "producing"
    """Production (or the assistance) is under way."""
    SUSPENDED = "suspended"
    """On hold."""
    ENDED = "ended"
    """Finished."""
    CANCELLED = "cancelled"
    """Called off before it ended."""


NOT_STARTED: Final = frozenset({ProductionStatus.ANNOUNCED, ProductionStatus.AGREED})
"""The production statuses before production starts: nothing can have been produced."""


def _default_id(record: LicensedProduction) -> str:
    licensor = record.licensor.country.code if record.licensor.country else "unknown"
    when = record.started or record.agreed or record.announced
    return v.default_id(licensor, record.host.code, slug(record.platform.name), when=when)


@frozen(cache_hash=True, field_transformer=_record.in_order)
class LicensedProduction(_record.Record):
    """Production of a platform outside its maker's country, and what is known of it.

    Besides its own fields it has those every record has: ``sources``,
    ``confidence``, ``statements``, ``notes`` and ``id`` (keyword ``id=``).

    Rules, checked when a record is made (and again by ``attrs.evolve``):

    - the host country differs from the licensor's;
    - there is at least one source, and no source twice;
    - production does not start surely before the agreement;
    - what is produced does not surely exceed the most planned: the
      produced count's ``floor`` is at most ``planned.high`` (a plan with no
      upper bound caps nothing);
    - nothing is produced while the status says production has not started
      (announced or agreed);
    - a confirmed or denied record carries the party's statement.
    """

    _SOURCES_AFTER = "status"
    __repr__ = _display.production

    platform: Platform = field(kw_only=True, validator=v.is_a(Platform))
    """What is produced (or developed)."""
    licensor: Supplier = field(kw_only=True, validator=v.is_a(Supplier))
    """Whose design or know-how it is: a country, with the company when known."""
    host: Country = field(kw_only=True, validator=v.is_a(Country))
    """Where production takes place."""
    arrangement: Arrangement = field(kw_only=True, validator=v.is_a(Arrangement))
    """How production crosses the border."""
    status: ProductionStatus = field(kw_only=True, validator=v.is_a(ProductionStatus))
    """Where the arrangement stands."""
    licensee: Organization | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(Organization))
    )
    """Who produces in the host country, when known."""
    announced: PartialDate | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(PartialDate))
    )
    """When it was first reported."""
    agreed: PartialDate | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(PartialDate))
    )
    """When the agreement was signed."""
    started: PartialDate | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(PartialDate))
    )
    """When production (or the factory) started."""
    facility: str | None = field(default=None, kw_only=True, validator=v.optional(v.text()))
    """The factory or site, when named ("Dushanbe")."""
    planned: Count | None = field(
        default=None, kw_only=True, converter=to_count, validator=v.optional(v.is_a(Count))
    )
    """How many are to be produced; None when not reported."""
    produced: Count | None = field(
        default=None, kw_only=True, converter=to_count, validator=v.optional(v.is_a(Count))
    )
    """How many have been produced; None when not reported."""

    def __attrs_post_init__(self) -> None:
        _check_types(self)
        v.settle_id(self, _default_id)
        name = type(self).__name__
        if self.licensor.country == self.host:
            raise ValidationError(name, "host", self.host, "is the licensor's country too")
        if self.started and self.agreed and self.started.surely_before(self.agreed):
            rule = f"is before the agreement ({self.agreed})"
            raise ValidationError(name, "started", str(self.started), rule)
        planned, produced = self.planned, self.produced
        if (
            planned is not None
            and produced is not None
            and planned.high is not None
            and produced.floor > planned.high
        ):
            rule = f"exceeds the planned count ({planned})"
            raise ValidationError(name, "produced", produced, rule)
        if produced is not None and self.status in NOT_STARTED:
            rule = f"is given, but the status is {self.status.name}"
            raise ValidationError(name, "produced", produced, rule)
        check_confidence(self, self.confidence, self.statements)

    @property
    def year(self) -> int | None:
        """Return the year it started, or was agreed, or was announced."""
        when = self.started or self.agreed or self.announced
        return when.year if when else None


_check_types = v.type_checker_of(LicensedProduction)
"""The type rules of :class:`LicensedProduction`'s fields with no validator (from annotations)."""
