"""Countries, organizations, suppliers, recipients, sanctions and statements."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import dronemarket as dm
from dronemarket import (
    Confidence,
    Country,
    Organization,
    OrgKind,
    PartialDate,
    Recipient,
    Sanction,
    SanctionAuthority,
    Source,
    Statement,
    Supplier,
)
from dronemarket.errors import UnknownCodeError, ValidationError
from dronemarket.parties import armed_group

TURKEY = Country("TUR")
RUSSIA = Country("RUS")
BAYKAR = Organization("Baykar", country=TURKEY, kind=OrgKind.MANUFACTURER)
TSK_VEKTOR = Organization("TSK Vektor", country=RUSSIA, kind=OrgKind.INTERMEDIARY)
REUTERS = Source(
    "Chinese drone experts worked with sanctioned Russian arms maker", publisher="Reuters"
)


def exact(message: str) -> str:
    """Return a pattern that matches `message` and nothing else."""
    return f"^{re.escape(message)}$"


# --- Country ----------------------------------------------------------------------------


def test_country_by_alpha_3_code() -> None:
    """A country is made from its ISO 3166-1 alpha-3 code and knows its names and alpha-2."""
    assert TURKEY.code == "TUR"
    assert TURKEY.name == "Türkiye"
    assert str(TURKEY) == "Türkiye"
    assert TURKEY.alpha2 == "TR"
    assert repr(TURKEY) == "Country('TUR')"
    assert Country("IRN").name == "Iran"


@pytest.mark.parametrize("code", ["tur", "TR", "TURK", "T1R", "\u0422\u0423\u0420", ""])
def test_country_codes_must_be_three_capital_letters(code: str) -> None:
    """A code that is not three capital ASCII letters is an UnknownCodeError."""
    rule = "is not an ISO 3166-1 alpha-3 code (three capital letters such as 'TUR')"
    with pytest.raises(UnknownCodeError, match=exact(f"Country.code: {code!r} {rule}")):
        Country(code)


@pytest.mark.parametrize("code", ["XYZ", "AAA", "EUR"])
def test_unknown_alpha_3_codes_are_rejected(code: str) -> None:
    """Three letters that ISO 3166-1 does not assign are an UnknownCodeError."""
    rule = "is not an ISO 3166-1 country (expected an alpha-3 code such as 'TUR')"
    with pytest.raises(UnknownCodeError, match=exact(f"Country.code: {code!r} {rule}")):
        Country(code)


def test_country_code_must_be_a_string() -> None:
    """A code that is not a string is a ValidationError."""
    with pytest.raises(ValidationError, match=exact("Country.code: 792 is not a string")):
        Country(792)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("KAZ", "KAZ"),
        ("kaz", "KAZ"),
        ("KZ", "KAZ"),
        ("tr", "TUR"),
        ("Kyrgyzstan", "KGZ"),
        ("Tajikistan", "TJK"),
        ("Turkmenistan", "TKM"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("turkey", "TUR"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("UK", "GBR"),
        ("Iran", "IRN"),
        ("United States", "USA"),
        (" Serbia ", "SRB"),
    ],
)
def test_lookup_by_alpha_2_alpha_3_or_name(text: str, code: str) -> None:
    """lookup finds a country by alpha-3, alpha-2, ISO name or everyday name, in any case."""
    assert Country.lookup(text) == Country(code)


@pytest.mark.parametrize("text", ["Narnia", "   ", "Central Asia"])
def test_lookup_of_unknown_names_raises_unknown_code_error(text: str) -> None:
    """A name that is no country is an UnknownCodeError."""
    rule = "is not an ISO 3166-1 code or country name"
    with pytest.raises(UnknownCodeError, match=exact(f"Country.text: {text!r} {rule}")):
        Country.lookup(text)


@pytest.mark.parametrize("text", ["", 5, None])
def test_lookup_of_empty_or_non_string_input_is_rejected(text: object) -> None:
    """An empty string or a non-string is an UnknownCodeError."""
    with pytest.raises(
        UnknownCodeError, match=exact(f"Country.text: {text!r} is not a country code or name")
    ):
        Country.lookup(text)


def test_lookup_of_over_long_input_is_rejected() -> None:
    """Input longer than 500 characters is rejected without a search."""
    with pytest.raises(UnknownCodeError, match=r"is not a country code or name$"):
        Country.lookup("x" * 501)


def test_countries_are_equal_by_code_and_sort_by_code() -> None:
    """Countries are equal and hash equal by code, and sort by code."""
    assert Country("TUR") == TURKEY
    assert hash(Country("TUR")) == hash(TURKEY)
    assert sorted([TURKEY, RUSSIA, Country("KAZ")]) == [Country("KAZ"), RUSSIA, TURKEY]


# --- Organization -----------------------------------------------------------------------


def test_organization_holds_name_country_kind_and_aliases() -> None:
    """An organization keeps its name, country, kind and aliases."""
    tusas = Organization(
        "TUSAŞ", country=TURKEY, kind=OrgKind.MANUFACTURER, aliases=["Turkish Aerospace", "TAI"]
    )
    assert tusas.aliases == frozenset({"Turkish Aerospace", "TAI"})
    assert tusas.country == TURKEY


def test_organization_kinds_cover_the_market() -> None:
    """Manufacturers, state agencies, armed forces, intermediaries, institutes and groups exist."""
    assert {kind.name for kind in OrgKind} >= {
        "MANUFACTURER",
        "STATE_AGENCY",
        "ARMED_FORCES",
        "INTERMEDIARY",
        "RESEARCH_INSTITUTE",
        "NON_STATE_GROUP",
    }


def test_organization_name_is_validated() -> None:
    """A blank organization name is rejected."""
    with pytest.raises(ValidationError, match=exact("Organization.name: ' ' is blank")):
        Organization(" ", country=TURKEY, kind=OrgKind.MANUFACTURER)


def test_organization_country_must_be_a_country() -> None:
    """A country given as a code string is rejected."""
    with pytest.raises(
        ValidationError, match=exact("Organization.country: 'TUR' is not a Country")
    ):
        Organization("Baykar", country="TUR", kind=OrgKind.MANUFACTURER)  # type: ignore[arg-type]


def test_organization_kind_must_be_an_org_kind() -> None:
    """A kind given as a string is rejected."""
    with pytest.raises(ValidationError, match=r"^Organization\.kind: 'manufacturer' is not a"):
        Organization("Baykar", country=TURKEY, kind="manufacturer")  # type: ignore[arg-type]


def test_alias_repeating_the_name_is_rejected() -> None:
    """An alias equal to the name is rejected."""
    with pytest.raises(
        ValidationError, match=exact("Organization.aliases: 'Baykar' repeats the name as an alias")
    ):
        Organization("Baykar", country=TURKEY, kind=OrgKind.MANUFACTURER, aliases={"Baykar"})


def test_aliases_given_as_a_string_are_rejected() -> None:
    """A single string is not taken as the set of its letters."""
    with pytest.raises(
        ValidationError, match=exact("Organization.aliases: 'BK' is not a frozenset")
    ):
        Organization("Baykar", country=TURKEY, kind=OrgKind.MANUFACTURER, aliases="BK")


def test_blank_aliases_are_rejected() -> None:
    """Each alias is validated as a name."""
    with pytest.raises(ValidationError, match=exact("Organization.aliases: '' is blank")):
        Organization("Baykar", country=TURKEY, kind=OrgKind.MANUFACTURER, aliases={""})


# --- Supplier and Recipient -------------------------------------------------------------


def test_supplier_with_country_and_manufacturer() -> None:
    """A supplier is a country, with the manufacturer when known."""
    supplier = Supplier(TURKEY, manufacturer=BAYKAR)
    assert supplier.known
    assert supplier.manufacturer == BAYKAR


def test_unknown_supplier() -> None:
    """Supplier() is an unknown supplier."""
    assert not Supplier().known
    assert Supplier().country is None


def test_supplier_manufacturer_without_country_is_rejected() -> None:
    """A manufacturer needs the supplier's party."""
    rule = "is given without the supplier's party"
    with pytest.raises(ValidationError, match=exact(f"Supplier.manufacturer: 'Baykar' {rule}")):
        Supplier(manufacturer=BAYKAR)


def test_supplier_country_must_be_a_country() -> None:
    """A supplier's party given as a string is rejected."""
    with pytest.raises(ValidationError, match=r"^Supplier\.party: 'TUR' is not a Country or "):
        Supplier("TUR")  # type: ignore[arg-type]


def test_supplier_manufacturer_must_be_an_organization() -> None:
    """A manufacturer given as a string is rejected."""
    with pytest.raises(ValidationError, match=r"^Supplier\.manufacturer: 'Baykar' is not a"):
        Supplier(TURKEY, manufacturer="Baykar")  # type: ignore[arg-type]


def test_recipient_with_country_and_end_user() -> None:
    """A recipient is a country, with the end user when known."""
    kupol = Organization("IEMZ Kupol", country=RUSSIA, kind=OrgKind.MANUFACTURER)
    recipient = Recipient(RUSSIA, end_user=kupol)
    assert recipient.known
    assert recipient.end_user == kupol


def test_unknown_recipient() -> None:
    """Recipient() is an unknown recipient."""
    assert not Recipient().known


def test_recipient_end_user_without_country_is_rejected() -> None:
    """A state end user needs the recipient's party."""
    rule = "is given without the recipient's party"
    with pytest.raises(ValidationError, match=exact(f"Recipient.end_user: 'Baykar' {rule}")):
        Recipient(end_user=BAYKAR)


def test_non_state_group_may_be_an_end_user_without_a_country() -> None:
    """A non-state armed group may receive drones where the receiving country is unknown."""
    group = Organization("A militia", country=Country("LBY"), kind=OrgKind.NON_STATE_GROUP)
    assert Recipient(end_user=group).end_user == group


def test_recipient_country_must_be_a_country() -> None:
    """A recipient's party given as a string is rejected."""
    with pytest.raises(ValidationError, match=r"^Recipient\.party: 'KGZ' is not a Country or "):
        Recipient("KGZ")  # type: ignore[arg-type]


# --- Sanction ---------------------------------------------------------------------------


def test_sanction_on_an_organization() -> None:
    """A sanction names its authority, its target, its date and its sources."""
    sanction = Sanction(
        SanctionAuthority.US,
        target=TSK_VEKTOR,
        imposed=PartialDate(2023, 12),
        sources=[REUTERS],
        program="OFAC SDN list",
    )
    assert sanction.target_name == "TSK Vektor"
    assert sanction.sources == (REUTERS,)


def test_sanction_on_a_person() -> None:
    """A sanction's target may be a person, by name."""
    sanction = Sanction(SanctionAuthority.US, target="Artem Yamshchikov", sources=[REUTERS])
    assert sanction.target_name == "Artem Yamshchikov"


def test_sanction_authorities_include_us_eu_uk_un() -> None:
    """The US, the EU, the UK and the UN can impose sanctions."""
    assert {"US", "EU", "UK", "UN"} <= {authority.value for authority in SanctionAuthority}


def test_sanction_authority_must_be_a_sanction_authority() -> None:
    """An authority given as a string is rejected."""
    with pytest.raises(
        ValidationError, match=r"^Sanction\.authority: 'US' is not a SanctionAuthority$"
    ):
        Sanction("US", target=TSK_VEKTOR, sources=[REUTERS])  # type: ignore[arg-type]


def test_sanction_needs_a_source() -> None:
    """A sanction without a source is rejected."""
    with pytest.raises(
        ValidationError, match=exact("Sanction.sources: () is empty (at least one is required)")
    ):
        Sanction(SanctionAuthority.EU, target=TSK_VEKTOR, sources=[])


def test_sanction_sources_must_not_repeat() -> None:
    """The same source twice is rejected."""
    with pytest.raises(ValidationError, match=r"^Sanction\.sources: .* has duplicates$"):
        Sanction(SanctionAuthority.EU, target=TSK_VEKTOR, sources=[REUTERS, REUTERS])


def test_sanction_sources_must_be_sources() -> None:
    """A source given as a string is rejected."""
    with pytest.raises(ValidationError, match=exact("Sanction.sources: 'Reuters' is not a Source")):
        Sanction(SanctionAuthority.EU, target=TSK_VEKTOR, sources=["Reuters"])


@pytest.mark.parametrize(
    ("target", "rule"), [("", "is blank"), (" x", "has leading or trailing white space")]
)
def test_sanctioned_person_must_be_named(target: str, rule: str) -> None:
    """A person's name must be a valid name."""
    with pytest.raises(ValidationError, match=exact(f"Sanction.target: {target!r} {rule}")):
        Sanction(SanctionAuthority.US, target=target, sources=[REUTERS])


def test_sanction_target_must_be_an_organization_or_a_name() -> None:
    """A target that is neither an organization nor a name is rejected."""
    with pytest.raises(
        ValidationError, match=r"^Sanction\.target: 5 is not an? Organization or str$"
    ):
        Sanction(SanctionAuthority.US, target=5, sources=[REUTERS])  # type: ignore[arg-type]


def test_sanction_date_must_be_a_partial_date() -> None:
    """A date given as a string is rejected."""
    with pytest.raises(
        ValidationError, match=exact("Sanction.imposed: '2023' is not a PartialDate")
    ):
        Sanction(SanctionAuthority.US, target=TSK_VEKTOR, sources=[REUTERS], imposed="2023")  # type: ignore[arg-type]


def test_sanction_program_must_not_be_blank() -> None:
    """A blank programme name is rejected."""
    with pytest.raises(ValidationError, match=exact("Sanction.program: '' is blank")):
        Sanction(SanctionAuthority.US, target=TSK_VEKTOR, sources=[REUTERS], program="")


# --- Statement --------------------------------------------------------------------------


def test_statement_of_denial_by_a_ministry() -> None:
    """A party's denial is a Statement with position DENIED, its source, date and quote."""
    ministry = Organization(
        "Ministry of Foreign Affairs of China", country=Country("CHN"), kind=OrgKind.STATE_AGENCY
    )
    statement = Statement(
        ministry,
        position=Confidence.DENIED,
        source=REUTERS,
        date=PartialDate(2025, 9),
        quote="neutral and fair position",
    )
    assert statement.position is Confidence.DENIED
    assert statement.party == ministry


def test_a_country_can_make_a_statement() -> None:
    """A country, as such, may confirm or deny."""
    assert Statement(
        Country("SRB"), position=Confidence.CONFIRMED, source=REUTERS
    ).party == Country("SRB")


@pytest.mark.parametrize("position", [Confidence.REPORTED, Confidence.UNCONFIRMED])
def test_statement_position_is_confirmed_or_denied(position: Confidence) -> None:
    """A party confirms or denies; a statement that 'reports' is rejected."""
    rule = "is neither CONFIRMED nor DENIED (a party confirms or denies)"
    with pytest.raises(ValidationError, match=exact(f"Statement.position: {position!r} {rule}")):
        Statement(TURKEY, position=position, source=REUTERS)


def test_statement_position_must_be_a_confidence() -> None:
    """A position given as a string is rejected."""
    with pytest.raises(
        ValidationError, match=r"^Statement\.position: 'denied' is not a Confidence$"
    ):
        Statement(TURKEY, position="denied", source=REUTERS)  # type: ignore[arg-type]


def test_statement_party_must_be_an_organization_or_a_country() -> None:
    """A party given as a string is rejected."""
    with pytest.raises(
        ValidationError, match=r"^Statement\.party: 'China' is not an? Organization or Country$"
    ):
        Statement("China", position=Confidence.DENIED, source=REUTERS)  # type: ignore[arg-type]


def test_statement_needs_a_source() -> None:
    """A statement's source given as a string is rejected."""
    with pytest.raises(ValidationError, match=exact("Statement.source: 'Reuters' is not a Source")):
        Statement(TURKEY, position=Confidence.DENIED, source="Reuters")  # type: ignore[arg-type]


def test_statement_quote_is_bounded() -> None:
    """A quote longer than 5,000 characters is rejected."""
    with pytest.raises(
        ValidationError, match=r"^Statement\.quote: .* is longer than 5000 characters$"
    ):
        Statement(TURKEY, position=Confidence.DENIED, source=REUTERS, quote="x" * 5001)


def test_evolve_revalidates() -> None:
    """attrs.evolve re-runs validation of parties."""
    with pytest.raises(ValidationError, match="repeats the name as an alias"):
        attrs.evolve(BAYKAR, aliases=frozenset({"Baykar"}))
    with pytest.raises(ValidationError, match="is given without the supplier's party"):
        attrs.evolve(Supplier(TURKEY, manufacturer=BAYKAR), party=None)


def test_public_names_are_exported() -> None:
    """The party types are available from the package root."""
    assert dm.Sanction is Sanction
    assert dm.Statement is Statement


@pytest.mark.parametrize("name", ["-", "\u200b", "...", "\u200b\u200c", "—"])
def test_names_need_a_letter_or_a_digit(name: str) -> None:
    """A name of punctuation or invisible characters only is refused."""
    with pytest.raises(
        dm.ValidationError, match=r"^Organization\.name: .* has no letter or digit$"
    ):
        Organization(name, country=Country("TUR"), kind=OrgKind.MANUFACTURER)


def test_aliases_need_a_letter_or_a_digit() -> None:
    """An alias of punctuation only is refused, like a name."""
    with pytest.raises(dm.ValidationError, match=r"^Organization\.aliases: '-' has no letter"):
        Organization("Baykar", country=Country("TUR"), kind=OrgKind.MANUFACTURER, aliases={"-"})


@pytest.mark.parametrize("field", ["name", "aliases"])
def test_lone_surrogates_are_refused_in_names(field: str) -> None:
    """A name or alias holding a lone surrogate (not writable as UTF-8) is refused."""
    bad = "Bay\ud800kar"
    given: dict[str, object] = {"name": "Baykar", "aliases": set()}
    given[field] = bad if field == "name" else {bad}
    with pytest.raises(dm.ValidationError, match=rf"^Organization\.{field}: .* lone surrogate"):
        Organization(
            given["name"],  # type: ignore[arg-type]
            country=Country("TUR"),
            kind=OrgKind.MANUFACTURER,
            aliases=given["aliases"],  # type: ignore[arg-type]
        )


def test_lone_surrogates_are_refused_in_notes() -> None:
    """A statement's quote (free text) holding a lone surrogate is refused."""
    source = Source("Title", publisher="Reuters")
    with pytest.raises(dm.ValidationError, match=r"^Statement\.quote: .* lone surrogate"):
        Statement(Country("TUR"), position=Confidence.DENIED, source=source, quote="no\udc80")


_ODD_VALUES = [5, None, 1.5, [1], {}, b"x", object(), True, 10**100, "\ud800", "x" * 10_000]
_PUBLIC_CALLS: dict[str, Callable[[Any], object]] = {
    "PartialDate.parse": PartialDate.parse,
    "PartialDate.from_date": PartialDate.from_date,
    "PartialDate": PartialDate,
    "Country.lookup": Country.lookup,
    "Country": Country,
    "Source.title": lambda value: Source(value, publisher="Reuters"),
    "Source.url": lambda value: Source("Title", publisher="Reuters", url=value),
    "Source.language": lambda value: Source("Title", publisher="Reuters", language=value),
    "Organization.aliases": lambda value: Organization(
        "Baykar", country=Country("TUR"), kind=OrgKind.MANUFACTURER, aliases=value
    ),
    "Supplier": dm.Supplier,
    "Recipient": Recipient,
    "Sanction.target": lambda value: Sanction(
        SanctionAuthority.US, target=value, sources=[Source("Title", publisher="Reuters")]
    ),
}


_NONE_ALLOWED = frozenset({"Source.url", "Supplier", "Recipient"})
_EMPTY_ALLOWED = frozenset({"Organization.aliases"})


@pytest.mark.parametrize("call", _PUBLIC_CALLS, ids=str)
@pytest.mark.parametrize("value", _ODD_VALUES, ids=lambda value: type(value).__name__)
def test_wrong_typed_arguments_get_library_errors(call: str, value: object) -> None:
    """A wrong-typed argument of a public constructor or method is a library error, never raw."""
    if (value is None and call in _NONE_ALLOWED) or (value == {} and call in _EMPTY_ALLOWED):
        return  # a valid argument: an unknown country, no address, no aliases
    with pytest.raises(dm.DroneMarketError):
        _PUBLIC_CALLS[call](value)


# --- Parties of every kind on either side -----------------------------------------------

HOUTHIS = dm.ArmedGroup("Houthi rebels", base=Country("YEM"))


@pytest.mark.parametrize(
    "party",
    [
        Country("TUR"),
        Country("SUN"),
        dm.Territory("Kosovo"),
        HOUTHIS,
        dm.Multinational("NATO"),
    ],
)
def test_every_party_kind_may_supply_and_receive(party: dm.Party) -> None:
    """A state, a former state, a territory, an armed group or an organisation is a party."""
    assert Supplier(party).party == party
    assert Recipient(party).party == party
    assert Supplier(party).known
    assert Recipient(party).known


def test_country_is_the_party_only_when_it_is_a_country() -> None:
    """`.country` is the party when it is a Country, and None for any other kind of party."""
    assert Recipient(Country("YEM")).country == Country("YEM")
    assert Recipient(HOUTHIS).country is None
    assert Supplier(dm.Multinational("NATO")).country is None
    assert Supplier(dm.Territory("Kosovo")).country is None
    assert Recipient().country is None


def test_an_armed_group_is_never_its_base() -> None:
    """A recipient that is a group based in Yemen is not equal to a recipient that is Yemen."""
    assert Recipient(HOUTHIS) != Recipient(Country("YEM"))


def test_party_is_positional_and_keyword() -> None:
    """The party is the first positional argument and the keyword `party`."""
    assert Recipient(Country("KGZ")) == Recipient(party=Country("KGZ"))


def test_manufacturer_with_a_non_country_party_is_accepted() -> None:
    """A manufacturer may stand beside any known party, not only a country."""
    assert Supplier(dm.Multinational("NATO"), manufacturer=BAYKAR).manufacturer == BAYKAR


def test_country_keyword_is_gone() -> None:
    """The old keyword `country=` is refused: the field is `party`."""
    with pytest.raises(TypeError, match="country"):
        Supplier(country=TURKEY)  # type: ignore[call-arg]


def test_armed_group_takes_its_base_from_the_given_state_lookup() -> None:
    """armed_group bases a group in the place its `state` finds, else keeps the place text."""
    assert armed_group("Houthi rebels (Yemen)").base == dm.Country("YEM")
    assert armed_group("Rebels (Nowhere Land)") == dm.ArmedGroup("Rebels", place="Nowhere Land")
    assert armed_group("Rebels") == dm.ArmedGroup("Rebels")

    def nowhere(name: str) -> dm.Country:
        raise UnknownCodeError("Country", "name", name, "is unknown here")

    assert armed_group("Houthi rebels (Yemen)", nowhere).place == "Yemen"
