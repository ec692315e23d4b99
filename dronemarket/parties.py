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
import re
from collections.abc import Callable
from typing import Final, TypeAlias

import attrs
from attrs import field, frozen

from dronemarket import _display, _iso
from dronemarket import _validate as v
from dronemarket.dates import PartialDate
from dronemarket.errors import UnknownCodeError, ValidationError
from dronemarket.sources import Confidence, Source

__all__ = [
    "ArmedGroup",
    "Country",
    "Multinational",
    "OrgKind",
    "Organization",
    "Party",
    "PartyKind",
    "Recipient",
    "Sanction",
    "SanctionAuthority",
    "Statement",
    "Supplier",
    "Territory",
    "country_of",
    "lookup_party",
    "party_kind",
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

# The SIPRI Arms Transfers Database's spellings of states that pycountry's lookup
# does not resolve (checked against every export in ../shared/realdata). Current
# states map to ISO 3166-1 alpha-3, former ones to ISO 3166-3's alpha-3 code
# (pycountry.historic_countries). Everything else SIPRI calls a state resolves
# through pycountry ("Viet Nam", "eSwatini", "Cabo Verde", "Timor-Leste", ...).
_SIPRI_NAMES: Final = {
    "turkiye": "TUR",
    "uae": "ARE",
    "dr congo": "COD",
    "bosnia-herzegovina": "BIH",
    "cote d'ivoire": "CIV",
    "brunei": "BRN",
    "micronesia": "FSM",
    "palestine": "PSE",
    "saint vincent": "VCT",
    "libya gnc": "LBY",  # SIPRI's 2024 name for Libya's recognised government, later "Libya"
    "soviet union": "SUN",
    "czechoslovakia": "CSK",
    "yugoslavia": "YUG",
    "east germany": "DDR",
    "east germany (gdr)": "DDR",
    "gdr": "DDR",
    "west germany": "DEU",  # ISO 3166-1 coded the Federal Republic DEU before 1990 too
    "frg": "DEU",
    "macedonia": "MKD",  # in a group's place: "NLA (Macedonia)*"
    "south yemen": "YMD",
    "north vietnam": "VDR",
}


def _check_code(instance: Country, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        v.fail(instance, attribute, value, "is not a string")
    if len(value) != 3 or not value.isascii() or not value.isupper() or not value.isalpha():
        rule = "is not an ISO 3166-1 alpha-3 code (three capital letters such as 'TUR')"
        raise UnknownCodeError(type(instance).__name__, attribute.name, value, rule)
    if _iso.countries().get(alpha_3=value) is None and _iso.historic(value) is None:
        rule = "is not an ISO 3166-1 country (expected an alpha-3 code such as 'TUR')"
        raise UnknownCodeError(type(instance).__name__, attribute.name, value, rule)


@frozen(repr=False, order=True, cache_hash=True)
class Country:
    """A country, by its ISO 3166-1 alpha-3 code (``Country("TUR")``).

    A former state takes its ISO 3166-3 alpha-3 code (``Country("SUN")``, the
    Soviet Union) and says so in :attr:`former`. Use :meth:`lookup` to find one
    by alpha-2 code or by name, including the SIPRI Arms Transfers Database's
    spellings ("Turkiye", "UAE", "DR Congo", "Soviet Union").

    >>> Country.lookup("East Germany (GDR)"), Country("DDR").former
    (Country('DDR'), True)
    """

    code: str = field(validator=_check_code)
    """The ISO 3166-1 alpha-3 code (``"TUR"``), or ISO 3166-3's for a former state."""

    @classmethod
    def lookup(cls, text: object) -> Country:
        """Find a country by alpha-3 or alpha-2 code, or by its name in English.

        ISO 3166 names (official, common or short), a few everyday names
        ISO does not list ("Turkey", "Russia", "UK"), SIPRI's state names
        ("Turkiye", "Bosnia-Herzegovina", "Saint Vincent") and ISO 3166-3's
        former states ("Soviet Union", "CSHH") are recognised; case does not
        matter. Entities ISO does not hold (Kosovo, Biafra) are
        :class:`Territory` records, not countries.

        >>> Country.lookup("russia").name
        'Russian Federation'
        >>> Country.lookup("Soviet Union").former
        True
        """
        if not isinstance(text, str) or not 0 < len(text) <= v.MAX_TEXT:
            raise UnknownCodeError("Country", "text", text, "is not a country code or name")
        key = text.strip().casefold()
        code = _EVERYDAY_NAMES.get(key) or _SIPRI_NAMES.get(key)
        if code is None:
            try:
                code = _iso.countries().lookup(text.strip()).alpha_3
            except LookupError:
                former = _iso.historic_lookup(text.strip())
                if former is None:
                    rule = "is not an ISO 3166-1 code or country name"
                    if key in _TERRITORIES:
                        rule += " (ISO 3166 does not hold it: it is a Territory)"
                    raise UnknownCodeError("Country", "text", text, rule) from None
                code = former
        return cls(code)

    @property
    def former(self) -> bool:
        """Say whether this is a former state, coded by ISO 3166-3 (``SUN``, ``DDR``)."""
        return _iso.countries().get(alpha_3=self.code) is None

    @property
    def name(self) -> str:
        """Return the country's everyday ISO name, such as ``"Türkiye"``."""
        record = _iso.countries().get(alpha_3=self.code) or _iso.historic(self.code)
        return str(getattr(record, "common_name", None) or record.name)

    @property
    def alpha2(self) -> str:
        """Return the ISO 3166-1 alpha-2 code, such as ``"TR"`` (ISO 3166-3's when former)."""
        record = _iso.countries().get(alpha_3=self.code) or _iso.historic(self.code)
        return str(record.alpha_2)

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

    __repr__ = _display.organization

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


# States and polities the SIPRI Arms Transfers Database lists as states that
# ISO 3166 (parts 1 and 3) does not hold; key: casefolded name, value: the name
# kept and whether the polity no longer exists.
_TERRITORIES: Final = {
    "kosovo": ("Kosovo", False),
    "northern cyprus": ("Northern Cyprus", False),
    "biafra": ("Biafra", True),
    "katanga": ("Katanga", True),
    "north yemen": ("North Yemen", True),
    "yemen arab republic (north yemen)": ("North Yemen", True),
    "south vietnam": ("South Vietnam", True),
}


@frozen(cache_hash=True)
class Territory:
    """A state or polity that ISO 3166 does not code: Kosovo, Northern Cyprus, Biafra.

    It has a name and no code: the library invents no ISO codes (Kosovo's
    ``XK``/``XKX`` is a user-assigned code outside the standard). It is never
    equal to a :class:`Country`.

    >>> Territory.lookup("Biafra")
    Territory(name='Biafra', former=True)
    """

    name: str = field(validator=v.text())
    """Its name, as SIPRI spells it (``"Northern Cyprus"``)."""
    former: bool = field(default=False, kw_only=True, validator=v.is_a(bool))
    """Whether it no longer exists (Biafra, Katanga, North Yemen, South Vietnam)."""

    @classmethod
    def lookup(cls, text: object) -> Territory:
        """Return the known territory named `text` (case does not matter)."""
        known = _TERRITORIES.get(text.strip().casefold()) if isinstance(text, str) else None
        if known is None:
            names = ", ".join(sorted({name for name, _ in _TERRITORIES.values()}))
            raise UnknownCodeError("Territory", "text", text, f"is not one of: {names}")
        name, former = known
        return cls(name, former=former)

    def __str__(self) -> str:
        return self.name


@frozen(cache_hash=True)
class ArmedGroup:
    """A non-state armed group (SIPRI's ``*`` suffix): ``"Houthi rebels (Yemen)*"``.

    ``base`` is the state in brackets, when SIPRI names one. A group is never
    equal to its base: deals to the Houthis are not deals to Yemen.

    >>> houthis = ArmedGroup("Houthi rebels", base=Country("YEM"))
    >>> houthis == Country("YEM"), str(houthis)
    (False, 'Houthi rebels (Yemen)')
    """

    name: str = field(validator=v.text())
    """Its name without the bracketed base or the ``*`` (``"Houthi rebels"``)."""
    base: Country | Territory | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(Country, Territory))
    )
    """The state it is based in or fights in, or None when not given."""
    place: str = field(default="", kw_only=True, validator=v.note)
    """SIPRI's bracketed place when it names no single state (``"Israel/Palestine"``)."""

    def __str__(self) -> str:
        where = self.place or (str(self.base) if self.base is not None else "")
        return f"{self.name} ({where})" if where else self.name


@frozen(cache_hash=True)
class Multinational:
    """A multinational organisation (SIPRI's ``**`` suffix): NATO, United Nations, OSCE.

    It is a party to transfers but not a country.

    >>> str(Multinational("NATO"))
    'NATO'
    """

    name: str = field(validator=v.text())
    """Its name without the ``**`` (``"African Union"``)."""

    def __str__(self) -> str:
        return self.name


Party: TypeAlias = Country | Territory | ArmedGroup | Multinational
"""A party to a transfer: a state (current or former), a territory, a group or an organisation."""

_PARTY_KINDS: Final = (Country, Territory, ArmedGroup, Multinational)


def country_of(party: object) -> Country | None:
    """Return `party` if it is a :class:`Country`, else None (a group is never its base)."""
    return party if type(party) is Country else None


class PartyKind(enum.Enum):
    """What kind of party a supplier or recipient is (a market filter's values)."""

    STATE = "state"
    """A current state, by its ISO 3166-1 code."""
    FORMER_STATE = "former state"
    """A state that no longer exists: ISO 3166-3's (Soviet Union), or a former Territory."""
    TERRITORY = "territory"
    """A state or polity ISO 3166 does not code that still exists (Kosovo)."""
    ARMED_GROUP = "armed group"
    """A non-state armed group (SIPRI's ``*``)."""
    MULTINATIONAL = "multinational"
    """A multinational organisation (SIPRI's ``**``)."""


def party_kind(party: Party) -> PartyKind:
    """Return the kind of `party`: Biafra, a former Territory, is a former state.

    >>> party_kind(Country("SUN")), party_kind(Territory("Kosovo"))
    (<PartyKind.FORMER_STATE: 'former state'>, <PartyKind.TERRITORY: 'territory'>)
    """
    if type(party) is Country:
        return PartyKind.FORMER_STATE if party.former else PartyKind.STATE
    if type(party) is Territory:
        return PartyKind.FORMER_STATE if party.former else PartyKind.TERRITORY
    if type(party) is ArmedGroup:
        return PartyKind.ARMED_GROUP
    return PartyKind.MULTINATIONAL


_GROUP: Final = re.compile(r"(?P<name>.*?)\s*\((?P<place>[^()]+)\)")


def lookup_party(text: object) -> Party:
    """Find a party by code or name, SIPRI's suffixes included.

    ``"NATO**"`` is a :class:`Multinational`; ``"Houthi rebels (Yemen)*"``
    an :class:`ArmedGroup` based in the state in brackets; otherwise a
    :class:`Territory` ISO 3166 does not code ("Kosovo") or a
    :class:`Country` as :meth:`Country.lookup` finds it ("YEM", "Turkiye").

    >>> lookup_party("Houthi rebels (Yemen)*")
    ArmedGroup(name='Houthi rebels', base=Country('YEM'), place='')
    >>> lookup_party("NATO**"), lookup_party("Turkiye")
    (Multinational(name='NATO'), Country('TUR'))
    """
    if not isinstance(text, str) or not 0 < len(text) <= v.MAX_TEXT:
        raise UnknownCodeError("Party", "text", text, "is not a party's code or name")
    name = text.strip()
    if name.endswith("**") and name[:-2].strip():
        return Multinational(name[:-2].strip())
    if name.endswith("*") and name[:-1].strip():
        return armed_group(name[:-1].strip())
    return _state(name)


def _state(name: str) -> Country | Territory:
    """Return the territory or the country `name` names."""
    if name.casefold() in _TERRITORIES:
        return Territory.lookup(name)
    return Country.lookup(name)


def armed_group(name: str, state: Callable[[str], Country | Territory] = _state) -> ArmedGroup:
    """Return the armed group "Name (Place)" or "Name" names, based in `state(place)`.

    A place `state` does not know is kept as the group's place text.
    """
    match = _GROUP.fullmatch(name)
    if match is None:
        return ArmedGroup(name)
    place = match["place"].strip()
    try:
        return ArmedGroup(match["name"], base=state(place))
    except UnknownCodeError:
        return ArmedGroup(match["name"], place=place)


def _party_given(side: str, *, unless: frozenset[OrgKind] = frozenset()) -> v.Validator:
    """Return a validator: an organization on `side` needs the party (unless its kind is exempt)."""

    def check(
        instance: _Side, attribute: attrs.Attribute[Organization | None], value: Organization | None
    ) -> None:
        if value is not None and instance.party is None and value.kind not in unless:
            v.fail(instance, attribute, value.name, f"is given without the {side}'s party")

    return check


@frozen
class _Side:
    """What the two sides of a deal share: a party, or None when unknown.

    :class:`Supplier` and :class:`Recipient` each add the organization of their side.
    """

    party: Party | None = field(default=None, validator=v.optional(v.is_a(*_PARTY_KINDS)))
    """The exporting or importing party, or None when unknown."""

    @property
    def country(self) -> Country | None:
        """Return the party if it is a :class:`Country`, else None."""
        return country_of(self.party)

    @property
    def known(self) -> bool:
        """Say whether the party is known."""
        return self.party is not None


@frozen(cache_hash=True)
class Supplier(_Side):
    """The exporting side of a deal: a party, with the manufacturer when known.

    ``Supplier()`` is an unknown supplier (SIPRI's "unknown supplier(s)"). The
    party is usually a :class:`Country`; it may be a :class:`Territory`, an
    :class:`ArmedGroup` or a :class:`Multinational`, and :attr:`country` is
    then None.

    >>> Supplier(Multinational("NATO")).country is None
    True
    """

    manufacturer: Organization | None = field(
        default=None,
        kw_only=True,
        validator=[v.optional(v.is_a(Organization)), _party_given("supplier")],
    )
    """The company that made what is supplied, when known."""


@frozen(cache_hash=True)
class Recipient(_Side):
    """The importing side of a deal: a party, with the end user when known.

    ``Recipient()`` is an unknown recipient (SIPRI's "unknown recipient(s)").
    An :class:`ArmedGroup` recipient is never its base: its :attr:`country`
    is None.

    >>> houthis = ArmedGroup("Houthi rebels", base=Country("YEM"))
    >>> Recipient(houthis).country is None
    True
    """

    end_user: Organization | None = field(
        default=None,
        kw_only=True,
        validator=[
            v.optional(v.is_a(Organization)),
            _party_given("recipient", unless=frozenset({OrgKind.NON_STATE_GROUP})),
        ],
    )
    """Who uses what is delivered (a service, a ministry, a non-state group)."""


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

    __repr__ = _display.sanction

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
