"""Who takes part in the market: countries, organizations, suppliers, recipients.

>>> import dronemarket as dm
>>> turkey = dm.Country("TUR")
>>> turkey.name
'Türkiye'
>>> dm.Country.lookup("Kyrgyzstan"), dm.Country.lookup("KZ"), dm.Country.lookup("Turkey")
(Country('KGZ'), Country('KAZ'), Country('TUR'))
>>> baykar = dm.Organization("Baykar", country=turkey, kind=dm.OrgKind.MANUFACTURER)
>>> dm.Supplier(turkey, manufacturer=baykar).manufacturer.name
'Baykar'
"""

from __future__ import annotations

import enum
from typing import Final

import attrs
from attrs import field, frozen

from dronemarket import _iso
from dronemarket import _validate as v
from dronemarket.dates import PartialDate
from dronemarket.errors import UnknownCodeError, ValidationError
from dronemarket.sources import Confidence, Source

__all__ = [
    "Country",
    "OrgKind",
    "Organization",
    "Recipient",
    "Sanction",
    "SanctionAuthority",
    "Statement",
    "Supplier",
]

# English names in everyday use that ISO 3166 does not list (it has "Türkiye",
# "Russian Federation", "United Kingdom"); codes and ISO names come from pycountry.
_EVERYDAY_NAMES: Final = {
    "turkey": "TUR",
    "russia": "RUS",
    "uk": "GBR",
    "britain": "GBR",
    "great britain": "GBR",
    "vietnam": "VNM",
    "laos": "LAO",
    "north korea": "PRK",
}


def _check_code(instance: Country, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        v.fail(instance, attribute, value, "is not a string")
    if len(value) != 3 or not value.isascii() or not value.isupper() or not value.isalpha():
        rule = "is not an ISO 3166-1 alpha-3 code (three capital letters such as 'TUR')"
        raise UnknownCodeError(type(instance).__name__, attribute.name, value, rule)
    if _iso.countries().get(alpha_3=value) is None:
        rule = "is not an ISO 3166-1 country (expected an alpha-3 code such as 'TUR')"
        raise UnknownCodeError(type(instance).__name__, attribute.name, value, rule)


@frozen(repr=False, order=True, cache_hash=True)
class Country:
    """A country, by its ISO 3166-1 alpha-3 code (``Country("TUR")``).

    Use :meth:`lookup` to find one by alpha-2 code or by name.
    """

    code: str = field(validator=_check_code)
    """The ISO 3166-1 alpha-3 code, such as ``"TUR"``."""

    @classmethod
    def lookup(cls, text: object) -> Country:
        """Find a country by alpha-3 or alpha-2 code, or by its name in English.

        ISO 3166 names (official, common or short) and a few everyday names
        ISO does not list ("Turkey", "Russia", "UK") are recognised; case
        does not matter.

        >>> Country.lookup("russia").name
        'Russian Federation'
        """
        if not isinstance(text, str) or not 0 < len(text) <= v.MAX_TEXT:
            raise UnknownCodeError("Country", "text", text, "is not a country code or name")
        code = _EVERYDAY_NAMES.get(text.strip().casefold())
        if code is None:
            try:
                code = _iso.countries().lookup(text.strip()).alpha_3
            except LookupError:
                rule = "is not an ISO 3166-1 code or country name"
                raise UnknownCodeError("Country", "text", text, rule) from None
        return cls(code)

    @property
    def name(self) -> str:
        """Return the country's everyday ISO name, such as ``"Türkiye"``."""
        record = _iso.countries().get(alpha_3=self.code)
        return str(getattr(record, "common_name", None) or record.name)

    @property
    def alpha2(self) -> str:
        """Return the ISO 3166-1 alpha-2 code, such as ``"TR"``."""
        return str(_iso.countries().get(alpha_3=self.code).alpha_2)

    def __repr__(self) -> str:
        return f"Country({self.code!r})"

    def __str__(self) -> str:
        return self.name


class OrgKind(enum.Enum):
    """What kind of organization takes part in the market."""

    MANUFACTURER = "manufacturer"
    """Designs or builds platforms (Baykar, TUSAŞ, HESA, IEMZ Kupol)."""
    STATE_AGENCY = "state agency"
    """A ministry, a state exporter or another government body."""
    ARMED_FORCES = "armed forces"
    """An armed service, the end user of most deals."""
    INTERMEDIARY = "intermediary"
    """A trading company or middleman that routes transfers (TSK Vektor)."""
    RESEARCH_INSTITUTE = "research institute"
    """A research or design institute."""
    NON_STATE_GROUP = "non-state group"
    """A non-state armed group."""


@frozen(cache_hash=True)
class Organization:
    """A company, agency, armed service or group, in one country."""

    name: str = field(validator=v.text())
    """The name in its usual English spelling."""
    country: Country = field(kw_only=True, validator=v.is_a(Country))
    """The country it is based in."""
    kind: OrgKind = field(kw_only=True, validator=v.is_a(OrgKind))
    """What kind of organization it is."""
    aliases: frozenset[str] = field(
        factory=frozenset, kw_only=True, converter=v.to_frozenset, validator=v.aliases
    )
    """Other names it goes by (``{"TUSAŞ", "TAI"}``)."""


@frozen(cache_hash=True)
class Supplier:
    """The exporting side of a deal: a country, with the manufacturer when known.

    ``Supplier()`` is an unknown supplier.
    """

    country: Country | None = field(default=None, validator=v.optional(v.is_a(Country)))
    """The exporting country, or None when unknown."""
    manufacturer: Organization | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(Organization))
    )
    """The company that made what is supplied, when known."""

    @manufacturer.validator
    def _country_known(
        self, attribute: attrs.Attribute[Organization | None], value: Organization | None
    ) -> None:
        if value is not None and self.country is None:
            v.fail(self, attribute, value.name, "is given without the supplier's country")

    @property
    def known(self) -> bool:
        """Say whether the supplying country is known."""
        return self.country is not None


@frozen(cache_hash=True)
class Recipient:
    """The importing side of a deal: a country, with the end user when known.

    ``Recipient()`` is an unknown recipient.
    """

    country: Country | None = field(default=None, validator=v.optional(v.is_a(Country)))
    """The importing country, or None when unknown."""
    end_user: Organization | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(Organization))
    )
    """Who uses what is delivered (a service, a ministry, a non-state group)."""

    @end_user.validator
    def _country_known(
        self, attribute: attrs.Attribute[Organization | None], value: Organization | None
    ) -> None:
        if value is not None and self.country is None and value.kind is not OrgKind.NON_STATE_GROUP:
            v.fail(self, attribute, value.name, "is given without the recipient's country")

    @property
    def known(self) -> bool:
        """Say whether the receiving country is known."""
        return self.country is not None


class SanctionAuthority(enum.Enum):
    """Who imposes a sanction."""

    US = "US"
    EU = "EU"
    UK = "UK"
    UN = "UN"
    CANADA = "Canada"
    JAPAN = "Japan"
    SWITZERLAND = "Switzerland"
    AUSTRALIA = "Australia"
    UKRAINE = "Ukraine"


@frozen(cache_hash=True)
class Sanction:
    """A sanction imposed on an organization or a person."""

    authority: SanctionAuthority = field(validator=v.is_a(SanctionAuthority))
    """Who imposed it."""
    target: Organization | str = field(kw_only=True, validator=v.is_a(Organization, str))
    """The sanctioned organization, or a person's name."""
    imposed: PartialDate | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(PartialDate))
    )
    """When it was imposed, as precisely as known."""
    sources: tuple[Source, ...] = field(
        kw_only=True,
        converter=v.to_tuple,
        validator=v.items_of(Source, non_empty=True, unique=True),
    )
    """Where it is reported; at least one."""
    program: str | None = field(default=None, kw_only=True, validator=v.optional(v.text()))
    """The legal instrument or list, when known (``"OFAC SDN list"``)."""

    @target.validator
    def _person_named(self, attribute: attrs.Attribute[Organization | str], value: object) -> None:
        if isinstance(value, str):
            v.text()(self, attribute, value)

    @property
    def target_name(self) -> str:
        """Return the name of the sanctioned organization or person."""
        return self.target.name if isinstance(self.target, Organization) else self.target


@frozen(cache_hash=True)
class Statement:
    """What one party said about a reported fact: it confirmed it or denied it.

    "Reported by Reuters, denied by China's foreign ministry" is a record of
    confidence ``REPORTED`` that holds a ``Statement`` with ``position=DENIED``.
    """

    party: Organization | Country = field(validator=v.is_a(Organization, Country))
    """Who made the statement."""
    position: Confidence = field(kw_only=True, validator=v.is_a(Confidence))
    """``CONFIRMED`` or ``DENIED``."""
    source: Source = field(kw_only=True, validator=v.is_a(Source))
    """Where the statement is reported."""
    date: PartialDate | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(PartialDate))
    )
    """When it was made, as precisely as known."""
    quote: str = field(default="", kw_only=True, validator=v.note)
    """Its words, when quoted."""

    @position.validator
    def _confirms_or_denies(
        self, attribute: attrs.Attribute[Confidence], value: Confidence
    ) -> None:
        if value not in {Confidence.CONFIRMED, Confidence.DENIED}:
            v.fail(
                self,
                attribute,
                value,
                "is neither CONFIRMED nor DENIED (a party confirms or denies)",
            )


def check_confidence(
    owner: object, confidence: Confidence, statements: tuple[Statement, ...]
) -> None:
    """Require a CONFIRMED or DENIED record to carry a party's statement saying so."""
    wanted = {Confidence.CONFIRMED, Confidence.DENIED}
    if confidence in wanted and not any(s.position is confidence for s in statements):
        rule = f"needs a Statement from a party with position {confidence.name}"
        raise ValidationError(type(owner).__name__, "confidence", confidence, rule)
