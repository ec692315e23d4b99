"""Every drone-market statement of the seed articles, built from the seeds' own sentences.

Each test quotes the sentence it builds. Where the seed does not state a
value (a date, a count, a maker), it is left unknown (None); where the model
cannot hold a statement without inventing something, the test is an xfail
that says what the model lacks. Platform categories the seeds do not state
are taken from the platforms' published descriptions and say so.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from dronemarket import (
    Arrangement,
    Category,
    Confidence,
    Cooperation,
    CooperationKind,
    Count,
    Country,
    Deal,
    DealStatus,
    Delivery,
    LicensedProduction,
    Money,
    Organization,
    OrgKind,
    PartialDate,
    Platform,
    ProductionStatus,
    Recipient,
    Reported,
    Role,
    Sanction,
    SanctionAuthority,
    Source,
    Specs,
    Statement,
    Supplier,
)
from dronemarket.errors import ValidationError
from dronemarket.units import registry

# --- the seed articles ------------------------------------------------------------------

# 000: a rewrite of Paul Iddon's Forbes article (2022; "In May" is May 2022).
SEED_000 = Source(
    "Turkey likely to take advantage of Central Asian drone market",
    publisher="Forbes",
    published=PartialDate(2022),
)
# 001: a rewrite of the opinion piece "Turan tactic" (2025).
SEED_001 = Source(
    "Turan tactic: Can Türkiye's defense diplomacy in Central Asia be disrupted?",
    publisher="Asia News",
    url="https://asia-news.biz/asia/turkey-asia/turan-tactic-disrupt-turkey-defense-diplomacy-central-asia",
    published=PartialDate(2025),
)
# 002: a German translation of The Defense Post of 2 December 2020.
SEED_002 = Source(
    "Kazakhstan Keen to Buy Dozens of Bayraktar TB2 Drones From Turkey: Russian Media",
    publisher="The Defense Post",
    url="https://www.thedefensepost.com/2020/12/02/kazakhstan-keen-bayraktar-tb2-drones/",
    published=PartialDate(2020, 12, 2),
)
SEED_002_DE = Source(
    "Kasachstan möchte Dutzende TB2 Drohnen kaufen", publisher="Balkanforum", language="de"
)
# 003: a rewrite of a Reuters exclusive of 25 September 2025.
REUTERS = Source(
    "Chinese drone experts worked with sanctioned Russian arms maker",
    publisher="Reuters",
    published=PartialDate(2025, 9, 25),
)
# 004: alground.com, 19 August 2025, in Italian.
SEED_004 = Source(
    "Giappone e Turchia: nuove alleanze nella difesa con i droni",
    publisher="Alground",
    url="https://www.alground.com/site/giappone-turchia-aprono-nuova-era-cooperazione-militare/60186",
    published=PartialDate(2025, 8, 19),
    language="it",
)

# --- parties ----------------------------------------------------------------------------

TURKEY, IRAN, CHINA, RUSSIA = (Country(c) for c in ("TUR", "IRN", "CHN", "RUS"))
KAZAKHSTAN, KYRGYZSTAN, TAJIKISTAN, TURKMENISTAN = (
    Country.lookup(name) for name in ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan")
)
UKRAINE, SERBIA, LIBYA, AZERBAIJAN = (Country(c) for c in ("UKR", "SRB", "LBY", "AZE"))
POLAND, QATAR, JAPAN = (Country(c) for c in ("POL", "QAT", "JPN"))

BAYKAR = Organization("Baykar", country=TURKEY, kind=OrgKind.MANUFACTURER)
TUSAS = Organization(
    "TUSAŞ",
    country=TURKEY,
    kind=OrgKind.MANUFACTURER,
    aliases={"Turkish Aerospace Industries", "TUSAS"},
)
STM = Organization("STM", country=TURKEY, kind=OrgKind.MANUFACTURER)
AVIC = Organization("AVIC", country=CHINA, kind=OrgKind.MANUFACTURER)
TURKISH_MOD = Organization(
    "Turkish Ministry of National Defence", country=TURKEY, kind=OrgKind.STATE_AGENCY
)
KAZAKH_MOD = Organization(
    "Ministry of Defence of Kazakhstan", country=KAZAKHSTAN, kind=OrgKind.STATE_AGENCY
)
UKRSPETSEXPORT = Organization("Ukrspetsexport", country=UKRAINE, kind=OrgKind.STATE_AGENCY)
IEMZ_KUPOL = Organization("IEMZ Kupol", country=RUSSIA, kind=OrgKind.MANUFACTURER)
TSK_VEKTOR = Organization("TSK Vektor", country=RUSSIA, kind=OrgKind.INTERMEDIARY)
CHINA_MFA = Organization(
    "Ministry of Foreign Affairs of China", country=CHINA, kind=OrgKind.STATE_AGENCY
)
JMSDF = Organization("Japan Maritime Self-Defense Force", country=JAPAN, kind=OrgKind.ARMED_FORCES)

# --- platforms --------------------------------------------------------------------------

# "TB2 sales to Kyrgyzstan and Turkmenistan obviously imply that 'these countries are turning
# to Turkey for a market share of MALE (medium altitude and long duration) drones.'"
# "Bayraktar TB2 ist eine Überwachungs- und Aufklärungsdrohne, die auch mit Waffen bewaffnet
# werden kann."
TB2 = Platform(
    "Bayraktar TB2",
    manufacturer=BAYKAR,
    category=Category.MALE,
    roles={Role.ISR, Role.STRIKE},
    aliases={"TB2"},
    sources=[SEED_000, SEED_002_DE],
)
# "errant single-use munitions that hit targets and explode" (the original: "single-use
# loitering munitions"); the seed does not name the maker.
ABABIL_2 = Platform("Ababil-2", manufacturer=None, category=Category.LOITERING_MUNITION)
# "Turkish Anka-S drones ..., a much more complicated drone than the Ababil-2" (a MALE drone
# by TUSAŞ, as published).
ANKA_S = Platform("Anka-S", manufacturer=TUSAS, category=Category.MALE)
# "chinesischer bewaffneter CH-92A-Drohnen": armed; a tactical drone (5,000 m ceiling,
# 150-250 km radius, as published); the seed does not name the maker.
CH_92A = Platform(
    "CH-92A", manufacturer=None, category=Category.TACTICAL, roles={Role.ISR, Role.STRIKE}
)
# "the Bayraktar TB2, which surpassed the Chinese Wing Loong" (a MALE drone by AVIC).
WING_LOONG = Platform("Wing Loong", manufacturer=AVIC, category=Category.MALE)
# "the Garpiya series—designed based on Iran's Shahed UAV".
SHAHED = Platform("Shahed", manufacturer=None, category=Category.ONE_WAY_ATTACK)
GARPIYA = Platform(
    "Garpiya",
    manufacturer=IEMZ_KUPOL,
    category=Category.ONE_WAY_ATTACK,
    roles={Role.STRIKE},
    aliases={"Garpiya series"},
    derived_from=SHAHED,
    sources=[REUTERS],
)
# "i droni kamikaze Kargu".
KARGU = Platform("Kargu", manufacturer=STM, category=Category.LOITERING_MUNITION)
# "il prossimo TB3 con ali pieghevoli sarebbe particolarmente adatto per le portaerei classe
# Izumo del Giappone" (an unmanned combat aircraft, as published).
TB3 = Platform(
    "Bayraktar TB3",
    manufacturer=BAYKAR,
    category=Category.UCAV,
    roles={Role.MARITIME},
    aliases={"TB3"},
)


def exported(recipient: Country, status: DealStatus, *sources: Source, notes: str = "") -> Deal:
    """Return a TB2 export from Turkey whose dates and numbers the seeds do not give."""
    return Deal(
        supplier=Supplier(TURKEY, manufacturer=BAYKAR),
        recipient=Recipient(recipient),
        platform=TB2,
        status=status,
        deliveries=[Delivery(None)],
        sources=sources,
        notes=notes,
    )


# --- seed 000: Central Asia (Forbes, 2022) ----------------------------------------------


def test_iran_opened_an_ababil_2_factory_in_tajikistan_in_may() -> None:
    """The Ababil-2 factory Iran opened in Tajikistan in May 2022 is licensed production."""
    # "In May, Iran opened a factory in Tajikistan to manufacture its Ababil-2 drones, ..."
    factory = LicensedProduction(
        platform=ABABIL_2,
        licensor=Supplier(IRAN),
        host=TAJIKISTAN,
        arrangement=Arrangement.LICENSED_PRODUCTION,
        status=ProductionStatus.PRODUCING,
        started=PartialDate(2022, 5),
        sources=[SEED_000],
    )
    assert factory.started is not None
    assert factory.started.precision == "month"
    assert PartialDate(2022, 5, 17) in factory.started  # the day other sources give
    assert factory.id == "irn-tjk-ababil-2-2022-05"
    assert factory.planned is None
    assert factory.confidence is Confidence.REPORTED


@pytest.mark.parametrize("recipient", [KYRGYZSTAN, TURKMENISTAN])
def test_turkey_exported_the_tb2_to_kyrgyzstan_and_turkmenistan(recipient: Country) -> None:
    """Turkey's TB2 exports to Kyrgyzstan and Turkmenistan are delivered deals of unknown size."""
    # "Turkey exported its famous Bayraktar TB2 drone to Kyrgyzstan and Turkmenistan ..."
    # "The Kyrgyz TB2 have already given the country credit in its border clash with Tajikistan."
    deal = exported(recipient, DealStatus.DELIVERED, SEED_000)
    assert deal.delivered is None
    assert deal.quantity is None
    assert deal.ordered is None
    assert deal.id == f"tur-{recipient.code.lower()}-bayraktar-tb2-undated"


def test_kazakhstan_agreed_to_manufacture_the_anka_s() -> None:
    """Turkey's agreement to manufacture the Anka-S in Kazakhstan is agreed licensed production."""
    # "... and reached an agreement with Kazakhstan to manufacture Turkish Anka-S drones in that
    # country, a much more complicated drone than the Ababil-2."
    agreement = LicensedProduction(
        platform=ANKA_S,
        licensor=Supplier(TURKEY, manufacturer=TUSAS),
        host=KAZAKHSTAN,
        arrangement=Arrangement.LICENSED_PRODUCTION,
        status=ProductionStatus.AGREED,
        sources=[SEED_000],
    )
    assert agreement.produced is None
    assert agreement.id == "tur-kaz-anka-s-undated"


def test_tajikistan_briefly_bought_the_tb2_until_turkey_ended_the_sale() -> None:
    """Tajikistan's brief TB2 purchase, ended after Kyrgyz objections, is a cancelled deal."""
    # "Tajikistan also briefly purchased TB2."
    # "In the face of Kyrgyzstan's strong objections, Turkey can simply end drone sales to
    # Tajikistan, which then turned to Iran and signed a deal with Tehran," Ozeren said.
    deal = Deal(
        supplier=Supplier(TURKEY, manufacturer=BAYKAR),
        recipient=Recipient(TAJIKISTAN),
        platform=TB2,
        status=DealStatus.CANCELLED,
        sources=[SEED_000],
        notes="Briefly purchased; sales ended after Kyrgyzstan's strong objections.",
    )
    assert deal.deliveries == ()


def test_tajikistan_then_signed_a_deal_with_iran() -> None:
    """Tajikistan's deal with Tehran is an ordered deal, its platform read from the article."""
    # "... Tajikistan, which then turned to Iran and signed a deal with Tehran,"
    # The sentence names no platform; the article's Iranian drone for Tajikistan is the Ababil-2.
    deal = Deal(
        supplier=Supplier(IRAN),
        recipient=Recipient(TAJIKISTAN),
        platform=ABABIL_2,
        status=DealStatus.ORDERED,
        sources=[SEED_000],
        notes="The seed names no platform; the article's factory makes the Ababil-2.",
    )
    assert deal.status is DealStatus.ORDERED


@pytest.mark.xfail(
    strict=True,
    raises=TypeError,
    reason="MODEL: no aggregate record for 'exported to dozens of countries' (a count of "
    "recipient countries, each unnamed); a Deal has one recipient",
)
def test_the_tb2_was_exported_to_dozens_of_countries() -> None:
    """The TB2's export to 'dozens of countries' is held as one claim with a count of recipients."""
    # "The Turk has exported its TB2 drone to dozens of countries, ..."
    Deal(  # type: ignore[call-arg]
        supplier=Supplier(TURKEY, manufacturer=BAYKAR),
        recipient=Recipient(),
        recipients=Count.at_least(24, wording="dozens"),
        platform=TB2,
        status=DealStatus.DELIVERED,
        deliveries=[Delivery(None)],
        sources=[SEED_000],
    )


def test_the_tb2_and_the_wing_loong_in_libya() -> None:
    """TB2s from Turkey and Wing Loongs from an unknown supplier both reached Libya."""
    # "The civil war in Libya is a main spectacle for the Bayraktar TB2, which surpassed the
    # Chinese Wing Loong," Ozeren said.
    # "TB2 haben derzeit aktive Rollen in Libyen und Aserbaidschan."
    tb2 = exported(LIBYA, DealStatus.DELIVERED, SEED_000, SEED_002_DE)
    wing_loong = Deal(
        supplier=Supplier(),  # Chinese-made; who delivered it the seed does not say
        recipient=Recipient(LIBYA),
        platform=WING_LOONG,
        status=DealStatus.DELIVERED,
        deliveries=[Delivery(None)],
        sources=[SEED_000],
    )
    assert tb2.sources == (SEED_000, SEED_002_DE)
    assert not wing_loong.supplier.known
    assert wing_loong.id == "unknown-lby-wing-loong-undated"


# --- seed 001: Turan tactic (2025) -----------------------------------------------------


def test_turkey_transfers_drone_technology_to_kazakhstan() -> None:
    """Türkiye's drone technology transfer to Kazakhstan, with no platform named, is held."""
    # "Kazakhstan | Joint Training & Equipment Supply | Annual military drills, drone tech
    # transfer |"
    transfer = Cooperation(
        kind=CooperationKind.TECHNOLOGY_TRANSFER,
        parties=[TURKEY, KAZAKHSTAN],
        summary="Drone technology transfer from Türkiye to Kazakhstan",
        sources=[SEED_001],
    )
    assert transfer.platforms == ()
    assert transfer.countries == (TURKEY, KAZAKHSTAN)
    assert transfer.id == "technology-transfer-tur-kaz-undated"


# --- seed 002: The Defense Post, 2 December 2020 ------------------------------------------


def test_kazakhstan_is_interested_in_dozens_of_tb2() -> None:
    """Kazakhstan's interest in 'dozens' of TB2, after its 23-25 November 2020 visit, is held."""
    # The headline: "Kazakhstan Keen to Buy Dozens of Bayraktar TB2 Drones From Turkey: Russian
    # Media", in German "Kasachstan möchte Dutzende TB2 Drohnen kaufen".
    # "Eine Delegation des kasachischen Verteidigungsministeriums besuchte vom 23. bis
    # 25. November 2020 das 14. Basiskommando für unbemannte Flugzeugsysteme, um das UAV und
    # seine Einrichtungen zu untersuchen", sagte das türkische Verteidigungsministerium.
    visit = Statement(
        TURKISH_MOD,
        position=Confidence.CONFIRMED,
        source=SEED_002_DE,
        date=PartialDate(2020, 11),
        quote="Eine Delegation des kasachischen Verteidigungsministeriums besuchte vom 23. bis "
        "25. November 2020 das 14. Basiskommando für unbemannte Flugzeugsysteme",
    )
    deal = Deal(
        supplier=Supplier(TURKEY, manufacturer=BAYKAR),
        recipient=Recipient(KAZAKHSTAN, end_user=KAZAKH_MOD),
        platform=TB2,
        status=DealStatus.INTEREST,
        announced=PartialDate(2020, 12, 2),
        quantity=Count.at_least(24, wording="dozens"),
        sources=[SEED_002, SEED_002_DE],
        statements=[visit],
        notes="Reported by the Russian site Avia.pro after the delegation's visit to Batman.",
    )
    assert deal.quantity is not None
    assert str(deal.quantity) == "dozens"
    assert deal.quantity.bounds() == (24, None, None)
    assert deal.confidence is Confidence.REPORTED
    assert visit.date is not None
    assert PartialDate(2020, 11, 23) in visit.date
    assert PartialDate(2020, 11, 25) in visit.date
    assert visit.date.surely_before(deal.announced)  # type: ignore[arg-type]


def test_ukraine_decided_to_buy_five_tb2() -> None:
    """Ukraine's announced decision to buy five TB2 next year is a confirmed, exact interest."""
    # "Zuvor hatte die Ukraine ihre Entscheidung bekannt gegeben, im nächsten Jahr fünf TB2 aus
    # der Türkei zu kaufen, ... Dies berichtete die türkische Website Daily Sabah unter Berufung
    # auf die ukrainische Website Armiya Inform."
    decision = Statement(UKRAINE, position=Confidence.CONFIRMED, source=SEED_002_DE)
    deal = Deal(
        supplier=Supplier(TURKEY, manufacturer=BAYKAR),
        recipient=Recipient(UKRAINE),
        platform=TB2,
        status=DealStatus.INTEREST,
        announced=PartialDate(2020),
        quantity=5,
        sources=[SEED_002, SEED_002_DE],
        confidence=Confidence.CONFIRMED,
        statements=[decision],
        notes="To be bought in 2021 ('im nächsten Jahr'); reported by Daily Sabah, citing "
        "Armiya Inform.",
    )
    assert deal.quantity == Count.exact(5)
    assert deal.id == "tur-ukr-bayraktar-tb2-2020"


def test_ukraine_and_turkey_form_a_joint_venture_for_about_four_dozen_tb2() -> None:
    """The joint venture to produce 'about four dozen' TB2 in Ukraine is held with its wording."""
    # "Die Ukraine und die Türkei bilden ebenfalls ein Joint Venture zur Herstellung von rund
    # vier Dutzend dieser Drohnen in der Ukraine, sagte der Generaldirektor des staatlichen
    # Verteidigungsherstellers der Ukraine, Ukrspetsexport, in einem Interview mit der
    # Online-Veröffentlichung Left Bank."
    said = Statement(
        UKRSPETSEXPORT,
        position=Confidence.CONFIRMED,
        source=SEED_002_DE,
        quote="rund vier Dutzend",
    )
    venture = LicensedProduction(
        platform=TB2,
        licensor=Supplier(TURKEY, manufacturer=BAYKAR),
        host=UKRAINE,
        arrangement=Arrangement.JOINT_VENTURE,
        status=ProductionStatus.ANNOUNCED,
        planned=Count.about(48, wording="about four dozen"),
        sources=[SEED_002, SEED_002_DE],
        confidence=Confidence.CONFIRMED,
        statements=[said],
    )
    assert venture.planned == Count.about(48, wording="about four dozen")
    assert str(venture.planned) == "about four dozen"
    assert venture.arrangement is Arrangement.JOINT_VENTURE


def test_serbia_negotiates_to_buy_the_tb2() -> None:
    """Serbia's TB2 talks, stated by its president in early October 2020, are a negotiation."""
    # "Zuvor hatte der serbische Präsident Aleksandar Vucic Anfang Oktober erklärt, sein Land
    # verhandele über den Kauf des türkischen UAV, ..."
    # „Wir werden sehen, ob wir eine Einigung mit der türkischen Seite erzielen. ..."
    vucic = Statement(
        SERBIA,
        position=Confidence.CONFIRMED,
        source=SEED_002_DE,
        date=PartialDate(2020, 10),
        quote="Wir werden sehen, ob wir eine Einigung mit der türkischen Seite erzielen.",
    )
    deal = Deal(
        supplier=Supplier(TURKEY, manufacturer=BAYKAR),
        recipient=Recipient(SERBIA),
        platform=TB2,
        status=DealStatus.NEGOTIATION,
        announced=PartialDate(2020, 10),
        sources=[SEED_002, SEED_002_DE],
        confidence=Confidence.CONFIRMED,
        statements=[vucic],
    )
    assert deal.ordered is None
    assert deal.year == 2020


def test_chinese_ch_92a_drones_arrived_in_serbia_in_july() -> None:
    """The armed CH-92A drones that arrived in Serbia in July 2020 are a delivered deal."""
    # "... obwohl die europäische Nation bereits im Juli die Ankunft chinesischer bewaffneter
    # CH-92A-Drohnen gesehen habe."
    deal = Deal(
        supplier=Supplier(CHINA),
        recipient=Recipient(SERBIA),
        platform=CH_92A,
        status=DealStatus.DELIVERED,
        deliveries=[Delivery(PartialDate(2020, 7))],
        sources=[SEED_002, SEED_002_DE],
    )
    (delivery,) = deal.deliveries
    assert isinstance(delivery, Delivery)
    assert delivery.date == PartialDate(2020, 7)
    assert delivery.count is None
    assert Role.STRIKE in deal.platform.roles


def test_the_tb2_is_active_in_azerbaijan() -> None:
    """TB2s in active service in Azerbaijan are a delivered export."""
    # "TB2 haben derzeit aktive Rollen in Libyen und Aserbaidschan."
    # "Durante la guerra del 2020 nel Nagorno-Karabakh tra Azerbaigian e Armenia, questi sistemi
    # hanno causato devastazione tra le truppe armene."
    deal = exported(AZERBAIJAN, DealStatus.DELIVERED, SEED_002_DE, SEED_004)
    assert deal.recipient.country == AZERBAIJAN


# --- seed 003: Reuters, 25 September 2025 ---------------------------------------------------


def test_chinese_experts_work_on_drones_at_iemz_kupol_reported_and_denied() -> None:
    """The Chinese experts' work at IEMZ Kupol is reported by Reuters and denied by China."""
    # "According to European security officials and documents reviewed by Reuters, Chinese
    # experts have actively contributed to the advancement of military drones in Russia."
    # "China's foreign ministry has formally denied any involvement in these military
    # advancements, asserting that the country maintains a 'neutral and fair position' ..."
    denial = Statement(
        CHINA_MFA,
        position=Confidence.DENIED,
        source=REUTERS,
        quote="neutral and fair position",
    )
    assistance = LicensedProduction(
        platform=GARPIYA,
        licensor=Supplier(CHINA),
        licensee=IEMZ_KUPOL,
        host=RUSSIA,
        arrangement=Arrangement.TECHNICAL_ASSISTANCE,
        status=ProductionStatus.PRODUCING,
        sources=[REUTERS],
        confidence=Confidence.REPORTED,
        statements=[denial],
        notes="Technical work on existing models and flight tests of new ones. The Kremlin, "
        "the Russian defence ministry and Kupol did not comment.",
    )
    assert assistance.confidence is Confidence.REPORTED
    assert [s.position for s in assistance.statements] == [Confidence.DENIED]
    assert assistance.platform.lineage() == (SHAHED,)
    assert assistance.id == "chn-rus-garpiya-undated"


def test_the_ga_21_was_tested_with_chinese_experts() -> None:
    """The GA-21, of unstated kind, is a platform the Chinese experts worked on at Kupol."""
    # "Among the drone models tested during these collaborations are the Garpiya series ... and
    # other innovative systems like the GA-21. The GA-21 is notably versatile, capable of
    # executing both reconnaissance missions and strike operations."
    ga_21 = Platform(
        "GA-21",
        manufacturer=IEMZ_KUPOL,
        roles={Role.ISR, Role.STRIKE},
        sources=[REUTERS],
    )
    assert ga_21.category is None  # the seed gives its roles, not its kind
    LicensedProduction(
        platform=ga_21,
        licensor=Supplier(CHINA),
        licensee=IEMZ_KUPOL,
        host=RUSSIA,
        arrangement=Arrangement.TECHNICAL_ASSISTANCE,
        status=ProductionStatus.PRODUCING,
        sources=[REUTERS],
    )


def test_tsk_vektor_is_under_us_and_eu_sanctions() -> None:
    """TSK Vektor, Kupol's intermediary, is under a US and an EU sanction."""
    # "This intermediary has come under scrutiny due to its own status, being subject to
    # sanctions imposed by both the US and EU."
    sanctions = [
        Sanction(authority, target=TSK_VEKTOR, sources=[REUTERS])
        for authority in (SanctionAuthority.US, SanctionAuthority.EU)
    ]
    assert {s.authority for s in sanctions} == {SanctionAuthority.US, SanctionAuthority.EU}
    assert {s.target_name for s in sanctions} == {"TSK Vektor"}
    assert all(s.imposed is None for s in sanctions)  # the seed gives no date


def test_kupol_received_chinese_drones_through_tsk_vektor() -> None:
    """Kupol's receipt of Chinese-made drones through the sanctioned TSK Vektor is a deal."""
    # "The report further reveals that Kupol has received shipments of Chinese-made attack and
    # surveillance drones through Russian intermediary TSK Vektor."
    sanctions = [
        Sanction(authority, target=TSK_VEKTOR, sources=[REUTERS])
        for authority in (SanctionAuthority.US, SanctionAuthority.EU)
    ]
    unidentified = Platform(
        "Chinese-made attack and surveillance drones",
        manufacturer=None,
        roles={Role.STRIKE, Role.ISR},
    )
    deal = Deal(
        supplier=Supplier(CHINA),
        recipient=Recipient(RUSSIA, end_user=IEMZ_KUPOL),
        platform=unidentified,
        status=DealStatus.DELIVERED,
        deliveries=[Delivery(None)],
        intermediaries=[TSK_VEKTOR],
        sources=[REUTERS],
    )
    assert deal.intermediaries == (TSK_VEKTOR,)
    assert {s.target for s in sanctions} == {TSK_VEKTOR}


# --- seed 004: alground.com, 19 August 2025 -------------------------------------------------


@pytest.mark.parametrize("recipient", [UKRAINE, AZERBAIJAN, POLAND, QATAR])
def test_turkey_already_exports_the_tb2_to_four_countries(recipient: Country) -> None:
    """TB2 exports to Ukraine, Azerbaijan, Poland and Qatar are deals being delivered."""
    # "Attualmente, la Turchia esporta già TB2 in Ucraina, Azerbaigian, Polonia e Qatar."
    deal = exported(recipient, DealStatus.DELIVERING, SEED_004)
    assert deal.status is DealStatus.DELIVERING
    assert deal.delivered is None


def test_japan_is_interested_in_the_tb2() -> None:
    """Japan's interest in Baykar's TB2, at the 19 August 2025 ministers' meeting, is held."""
    # "Al centro dei colloqui si è posizionata l'industria dei droni turchi, con particolare
    # attenzione ai sistemi aerei senza pilota prodotti da Baykar, inclusi i celebri Bayraktar
    # TB2 ..." "Un'eventuale acquisizione giapponese dei TB2 segnerebbe ..."
    # "Nel giugno scorso, il partito al governo Liberal Democratico ha proposto che il TB2
    # servisse da modello per la preparazione alla guerra di prossima generazione."
    deal = Deal(
        supplier=Supplier(TURKEY, manufacturer=BAYKAR),
        recipient=Recipient(JAPAN),
        platform=TB2,
        status=DealStatus.INTEREST,
        announced=PartialDate(2025, 8, 19),
        sources=[SEED_004],
        notes="In June 2025 the ruling LDP proposed the TB2 as a model for future warfare.",
    )
    assert deal.id == "tur-jpn-bayraktar-tb2-2025-08-19"


def test_japan_is_interested_in_stm_kargu_as_stm_confirms() -> None:
    """Japan's interest in the Kargu, confirmed by its maker STM, is a confirmed interest."""
    # "STM ha confermato che il Giappone ha ripetutamente ispezionato ed espresso interesse per
    # i droni kamikaze Kargu durante esposizioni internazionali."
    confirmation = Statement(
        STM,
        position=Confidence.CONFIRMED,
        source=SEED_004,
        quote="Tokyo ha mostrato una domanda consistente",
    )
    deal = Deal(
        supplier=Supplier(TURKEY, manufacturer=STM),
        recipient=Recipient(JAPAN),
        platform=KARGU,
        status=DealStatus.INTEREST,
        sources=[SEED_004],
        confidence=Confidence.CONFIRMED,
        statements=[confirmation],
    )
    assert deal.platform.category is Category.LOITERING_MUNITION
    assert deal.organizations == (STM,)


def test_baykar_pitches_the_tb3_for_japans_izumo_carriers() -> None:
    """Baykar's pitch of the folding-wing TB3 for the Izumo class is a reported interest."""
    # "Il CEO di Baykar, Haluk Bayraktar, ha precedentemente dichiarato che il prossimo TB3 con
    # ali pieghevoli sarebbe particolarmente adatto per le portaerei classe Izumo del Giappone"
    deal = Deal(
        supplier=Supplier(TURKEY, manufacturer=BAYKAR),
        recipient=Recipient(JAPAN, end_user=JMSDF),
        platform=TB3,
        status=DealStatus.INTEREST,
        sources=[SEED_004],
        notes="A seller's pitch by Baykar's CEO, not a stated Japanese interest.",
    )
    assert Role.MARITIME in deal.platform.roles


def test_the_tb2t_ai_flies_above_30000_ft() -> None:
    """The TB-2T AI is a TB2 variant whose ceiling is reported as above 30,000 ft."""
    # "Baykar ha anche sviluppato varianti avanzate, inclusa il TB-2T AI, potenziato con
    # intelligenza artificiale e motore turbo, capace di raggiungere altitudini superiori ai
    # 30.000 piedi."
    variant = Platform(
        "Bayraktar TB2T-AI",
        manufacturer=BAYKAR,
        category=Category.MALE,
        aliases={"TB-2T AI"},
        variant_of=TB2,
        specs=Specs(ceiling=Reported("30,000 ft", SEED_004, note="more than 30,000 ft")),
    )
    assert variant.lineage() == (TB2,)
    assert variant.specs.ceiling == registry().Quantity(30000, "ft")
    (report,) = variant.specs.reported("ceiling")
    assert report.note == "more than 30,000 ft"


def test_japans_drone_budget_is_money() -> None:
    """The over 100 billion yen (about 676 million dollars) for drones are Money values."""
    # "Il Ministero della Difesa giapponese ha stanziato oltre 100 miliardi di yen (circa 676
    # milioni di dollari) nel budget difesa 2026 specificamente per i veicoli aerei senza
    # pilota."
    yen = Money(Decimal(100_000_000_000), "JPY")
    dollars = Money("676000000", "USD", estimate=True)
    assert str(yen) == "100,000,000,000 JPY"
    assert str(dollars) == "~676,000,000 USD"


def test_japan_and_turkey_explore_defence_cooperation() -> None:
    """The Japan-Türkiye ministers' meeting of 19 August 2025 is a cooperation record."""
    # "L'incontro con il suo omologo turco Yaşar Güler, svoltosi il 19 agosto 2025, ..."
    # "L'incontro ad Ankara ha visto i due ministri esplorare nuove vie di collaborazione
    # nell'ambito dell'equipaggiamento e della tecnologia della difesa, ..."
    meeting = Cooperation(
        kind=CooperationKind.MEETING,
        parties=[JAPAN, TURKEY],
        start=PartialDate(2025, 8, 19),
        summary="Defence ministers Gen Nakatani and Yaşar Güler meet in Ankara",
        platforms=[TB2],
        sources=[SEED_004],
    )
    assert meeting.year == 2025
    assert meeting.label == "meeting: Bayraktar TB2"


def test_japan_budgets_for_drones() -> None:
    """Japan's budget of over 100 billion yen for drones in 2026 is a budget record."""
    # "Il Ministero della Difesa giapponese ha stanziato oltre 100 miliardi di yen (circa 676
    # milioni di dollari) nel budget difesa 2026 specificamente per i veicoli aerei senza
    # pilota."
    budget = Cooperation(
        kind=CooperationKind.BUDGET,
        parties=[JAPAN],
        summary="Over 100 billion yen for unmanned aerial vehicles in the 2026 defence budget",
        value=Money("100000000000", "JPY"),
        start=PartialDate(2026),
        sources=[SEED_004],
        notes="'oltre 100 miliardi di yen (circa 676 milioni di dollari)': a lower bound",
    )
    assert budget.value is not None
    assert budget.value.currency == "JPY"


def test_a_budget_needs_its_amount() -> None:
    """A budget record without an amount is rejected."""
    with pytest.raises(ValidationError, match=r"^Cooperation\.value: None is None, but a budget"):
        Cooperation(
            kind=CooperationKind.BUDGET, parties=[JAPAN], summary="Drones", sources=[SEED_004]
        )


def test_the_kazakh_delegation_visit_is_held_with_its_dates() -> None:
    """The Kazakh delegation's 23-25 November 2020 visit is a visit with a start and an end."""
    # "Eine Delegation des kasachischen Verteidigungsministeriums besuchte vom 23. bis
    # 25. November 2020 das 14. Basiskommando für unbemannte Flugzeugsysteme"
    visit = Cooperation(
        kind=CooperationKind.VISIT,
        parties=[KAZAKH_MOD, TURKISH_MOD],
        start=PartialDate(2020, 11, 23),
        end=PartialDate(2020, 11, 25),
        platforms=[TB2],
        summary="Kazakh MoD delegation inspects the TB2 at the 14th UAS Base Command, Batman",
        sources=[SEED_002_DE],
    )
    assert PartialDate(2020, 11) == PartialDate(2020, 11)
    assert visit.start in PartialDate(2020, 11)
    with pytest.raises(ValidationError, match=r"^Cooperation\.end: '2020-11-22' is before"):
        attrs.evolve(visit, end=PartialDate(2020, 11, 22))
