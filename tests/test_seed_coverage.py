"""Every drone-market statement in the seeds is held by a catalog object citing its seed.

``COVERAGE`` maps each statement, quoted from its seed, to the objects that
hold it: ``record:<id>`` (a deal or production record), ``cooperation:<id>``
(a visit, meeting, budget, proposal or technology transfer),
``platform:<name>``, ``sanction:<key>`` or ``statement:<id>`` (a party's
statement held by that record or cooperation record). Each must exist and
cite the seed. Statements no typed record can hold are in
``dronemarket.catalog.GAPS`` (and in docs/catalog.md) instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from dronemarket import catalog
from dronemarket.sources import Source


class Covered(NamedTuple):
    seed: str
    quote: str
    held_by: tuple[str, ...]


S000, S001, S002, S003, S004 = (f"seed-00{n}" for n in range(5))

COVERAGE: tuple[Covered, ...] = (
    # 000: Forbes (Paul Iddon), 2022
    Covered(
        S000,
        "In May, Iran opened a factory in Tajikistan to manufacture its Ababil-2 drones",
        ("record:irn-tjk-ababil-2-2022-05-17",),
    ),
    Covered(
        S000,
        "Used for reconnaissance and electronic warfare.",
        ("record:rus-kgz-orlan-10-2021", "platform:Orlan-10"),
    ),
    Covered(
        S000,
        "Turkey exported its famous Bayraktar TB2 drone to Kyrgyzstan and Turkmenistan",
        ("record:tur-kgz-bayraktar-tb2-2021", "record:tur-tkm-bayraktar-tb2-2021"),
    ),
    Covered(
        S000,
        "reached an agreement with Kazakhstan to manufacture Turkish Anka-S drones in that country",
        ("record:tur-kaz-anka-2022-05-11",),
    ),
    Covered(S000, "Tajikistan also briefly purchased TB2.", ("record:tur-tjk-bayraktar-tb2-2022",)),
    Covered(
        S000,
        "The Kyrgyz TB2 have already given the country credit in its border clash with Tajikistan.",
        ("record:tur-kgz-bayraktar-tb2-2021",),
    ),
    Covered(
        S000,
        "TB2 tips the scales in favor of Kyrgyzstan in Kyrgyzstan-Tajik border conflict.",
        ("record:tur-kgz-bayraktar-tb2-2021",),
    ),
    Covered(
        S000,
        "the agreement between Kazakhstan and Turkey is one of the externalities of the war in "
        "Ukraine.",
        ("record:tur-kaz-anka-2022-05-11",),
    ),
    Covered(
        S000,
        "Turkey can simply end drone sales to Tajikistan, which then turned to Iran and signed a "
        "deal with Tehran",
        ("record:tur-tjk-bayraktar-tb2-2022", "record:irn-tjk-ababil-2-2022-05-17"),
    ),
    Covered(
        S000,
        "The civil war in Libya is a main spectacle for the Bayraktar TB2, which surpassed the "
        "Chinese Wing Loong",
        ("record:tur-lby-bayraktar-tb2-2019", "record:are-lby-wing-loong-2019"),
    ),
    Covered(
        S000,
        "TB2 sales to Kyrgyzstan and Turkmenistan",
        ("record:tur-kgz-bayraktar-tb2-2021", "record:tur-tkm-bayraktar-tb2-2021"),
    ),
    Covered(
        S000,
        "these countries are turning to Turkey for a market share of MALE (medium altitude and "
        "long duration) drones.",
        ("platform:Bayraktar TB2",),
    ),
    # 001: Turan tactic, 2025
    Covered(
        S001,
        "Kazakhstan | Joint Training & Equipment Supply | Annual military drills, drone tech "
        "transfer |",
        ("cooperation:technology-transfer-tur-kaz",),
    ),
    # 002: The Defense Post, 2 December 2020 (German translation)
    Covered(
        S002,
        "Kazakhstan Keen to Buy Dozens of Bayraktar TB2 Drones From Turkey: Russian Media",
        ("record:tur-kaz-bayraktar-tb2-2020",),
    ),
    Covered(
        S002,
        "Berichten zufolge erwägt Kasachstan den Kauf unbemannter Bayraktar TB2-Luftfahrzeuge "
        "(UAV) aus der Türkei.",
        ("record:tur-kaz-bayraktar-tb2-2020",),
    ),
    Covered(
        S002,
        "Eine Delegation des kasachischen Verteidigungsministeriums besuchte vom 23. bis 25. "
        "November 2020 das 14. Basiskommando für unbemannte Flugzeugsysteme",
        (
            "cooperation:visit-kaz-tur-2020-11-23",
            "statement:visit-kaz-tur-2020-11-23",
            "statement:tur-kaz-bayraktar-tb2-2020",
        ),
    ),
    Covered(
        S002,
        "Kasachstan ist das jüngste Land, das Interesse an den türkischen "
        "Baykar-Verteidigungsdrohnen gezeigt hat.",
        ("record:tur-kaz-bayraktar-tb2-2020",),
    ),
    Covered(
        S002,
        "Bayraktar TB2 ist eine Überwachungs- und Aufklärungsdrohne, die auch mit Waffen "
        "bewaffnet werden kann.",
        ("platform:Bayraktar TB2",),
    ),
    Covered(
        S002,
        "Zuvor hatte die Ukraine ihre Entscheidung bekannt gegeben, im nächsten Jahr fünf TB2 aus "
        "der Türkei zu kaufen",
        ("record:tur-ukr-bayraktar-tb2-2020", "statement:tur-ukr-bayraktar-tb2-2020"),
    ),
    Covered(
        S002,
        "Die Ukraine und die Türkei bilden ebenfalls ein Joint Venture zur Herstellung von rund "
        "vier Dutzend dieser Drohnen in der Ukraine",
        (
            "record:tur-ukr-bayraktar-tb2-joint-venture-2020",
            "statement:tur-ukr-bayraktar-tb2-joint-venture-2020",
        ),
    ),
    Covered(
        S002,
        "sein Land verhandele über den Kauf des türkischen UAV",
        ("record:tur-srb-bayraktar-tb2-2020",),
    ),
    Covered(
        S002,
        "die Ankunft chinesischer bewaffneter CH-92A-Drohnen",
        ("record:chn-srb-ch-92a-2019",),
    ),
    Covered(
        S002,
        "TB2 haben derzeit aktive Rollen in Libyen und Aserbaidschan.",
        ("record:tur-lby-bayraktar-tb2-2019", "record:tur-aze-bayraktar-tb2-2020"),
    ),
    # 003: Reuters, 25 September 2025
    Covered(
        S003,
        "Chinese experts have actively contributed to the advancement of military drones in "
        "Russia.",
        ("record:chn-rus-garpiya-a1-assistance-2024", "record:chn-rus-ga-21-assistance-2024"),
    ),
    Covered(
        S003,
        "extensive technical work on existing drone models and the conduct of flight tests on "
        "new drones",
        ("record:chn-rus-garpiya-a1-assistance-2024", "record:chn-rus-ga-21-assistance-2024"),
    ),
    Covered(
        S003,
        "Among the drone models tested during these collaborations are the Garpiya series",
        ("platform:Garpiya-A1", "record:chn-rus-garpiya-a1-assistance-2024"),
    ),
    Covered(
        S003,
        "The GA-21 is notably versatile, capable of executing both reconnaissance missions and "
        "strike operations.",
        ("platform:GA-21", "record:chn-rus-ga-21-assistance-2024"),
    ),
    Covered(
        S003,
        "Kupol has received shipments of Chinese-made attack and surveillance drones through "
        "Russian intermediary TSK Vektor.",
        (
            "record:chn-rus-chinese-drones-via-tsk-vektor-2024",
            "platform:Chinese-made attack and surveillance drones (unspecified)",
        ),
    ),
    Covered(
        S003,
        "being subject to sanctions imposed by both the US and EU.",
        ("sanction:us-tsk-vektor", "sanction:eu-tsk-vektor"),
    ),
    Covered(
        S003,
        "has formally denied any involvement in these military advancements",
        (
            "statement:chn-rus-chinese-drones-via-tsk-vektor-2024",
            "statement:chn-rus-garpiya-a1-assistance-2024",
            "statement:chn-rus-ga-21-assistance-2024",
        ),
    ),
    Covered(
        S003,
        "the Kremlin, the Russian defense ministry, and Kupol have not provided comments",
        ("record:chn-rus-chinese-drones-via-tsk-vektor-2024",),
    ),
    # 004: Alground, 19 August 2025
    Covered(
        S004,
        "con particolare attenzione ai sistemi aerei senza pilota prodotti da Baykar, inclusi i "
        "celebri Bayraktar TB2",
        ("record:tur-jpn-bayraktar-tb2-2025",),
    ),
    Covered(
        S004,
        "comprese le Turkish Aerospace Industries (TUSAS), i cantieri navali e gli stabilimenti "
        "Baykar",
        ("cooperation:visit-jpn-tur-industry-2025-08",),
    ),
    Covered(
        S004,
        "L'incontro con il suo omologo turco Yaşar Güler, svoltosi il 19 agosto 2025",
        ("cooperation:meeting-jpn-tur-2025-08-19",),
    ),
    Covered(
        S004,
        "L'incontro ad Ankara ha visto i due ministri esplorare nuove vie di collaborazione "
        "nell'ambito dell'equipaggiamento e della tecnologia della difesa",
        ("cooperation:meeting-jpn-tur-2025-08-19",),
    ),
    Covered(
        S004,
        "Il Ministero della Difesa giapponese ha stanziato oltre 100 miliardi di yen (circa 676 "
        "milioni di dollari) nel budget difesa 2026 specificamente per i veicoli aerei senza "
        "pilota.",
        ("cooperation:budget-jpn-fy2026",),
    ),
    Covered(
        S004,
        "Nel giugno scorso, il partito al governo Liberal Democratico ha proposto che il TB2 "
        "servisse da modello per la preparazione alla guerra di prossima generazione.",
        ("cooperation:proposal-jpn-ldp-tb2-2025-06",),
    ),
    Covered(
        S004,
        "Il TB2 è un veicolo aereo tattico senza pilota capace di eseguire missioni di attacco "
        "armato e di intelligence, sorveglianza e ricognizione.",
        ("platform:Bayraktar TB2",),
    ),
    Covered(
        S004,
        "inclusa il TB-2T AI, potenziato con intelligenza artificiale e motore turbo, capace di "
        "raggiungere altitudini superiori ai 30.000 piedi.",
        ("platform:Bayraktar TB2T-AI",),
    ),
    Covered(
        S004,
        "Attualmente, la Turchia esporta già TB2 in Ucraina, Azerbaigian, Polonia e Qatar.",
        (
            "record:tur-ukr-bayraktar-tb2-2019",
            "record:tur-aze-bayraktar-tb2-2020",
            "record:tur-pol-bayraktar-tb2-2021",
            "record:tur-qat-bayraktar-tb2-2018",
        ),
    ),
    Covered(
        S004,
        "Durante la guerra del 2020 nel Nagorno-Karabakh tra Azerbaigian e Armenia",
        ("record:tur-aze-bayraktar-tb2-2020",),
    ),
    Covered(
        S004,
        "STM ha confermato che il Giappone ha ripetutamente ispezionato ed espresso interesse per "
        "i droni kamikaze Kargu durante esposizioni internazionali.",
        ("record:tur-jpn-kargu", "statement:tur-jpn-kargu", "platform:Kargu"),
    ),
    Covered(
        S004,
        "il prossimo TB3 con ali pieghevoli sarebbe particolarmente adatto per le portaerei "
        "classe Izumo del Giappone",
        ("record:tur-jpn-bayraktar-tb3-2022", "platform:Bayraktar TB3"),
    ),
)


def _text(seeds: Path, seed_key: str) -> str:
    name = next(name for name, key in catalog.SEEDS.items() if key == seed_key)
    return _squash((seeds / name).read_text(encoding="utf-8"))


def _squash(text: str) -> str:
    """Collapse white space and unify typographic apostrophes and dashes."""
    for fancy, plain in (("\u2019", "'"), ("\u2018", "'"), ("\u2014", "-"), ("\u2013", "-")):
        text = text.replace(fancy, plain)
    return " ".join(text.split())


def _sources_of(reference: str) -> tuple[Source, ...]:
    """Return the sources of the object `reference` names (it must exist)."""
    kind, _, name = reference.partition(":")
    if kind == "record":
        return catalog.record(name).sources
    if kind == "cooperation":
        return catalog.record(name).sources
    if kind == "statement":
        holder = catalog.record(name)
        assert holder.statements, reference
        return tuple(statement.source for statement in holder.statements)
    if kind == "platform":
        platform = catalog.platform(name)
        assert platform.name == name
        return platform.sources
    if kind == "sanction":
        return catalog.sanction(name).sources
    pytest.fail(f"unknown reference kind in {reference!r}")


@pytest.mark.parametrize("covered", COVERAGE, ids=lambda c: f"{c.seed}:{c.quote[:40]}")
def test_seed_statement_is_quoted_verbatim(covered: Covered, seeds: Path) -> None:
    """The quoted statement stands in its seed article (needs ../shared/seeds)."""
    assert _squash(covered.quote) in _text(seeds, covered.seed)


@pytest.mark.parametrize("covered", COVERAGE, ids=lambda c: f"{c.seed}:{c.quote[:40]}")
def test_seed_statement_is_held_by_objects_citing_the_seed(covered: Covered) -> None:
    """Each object holding a quoted statement cites the seed it comes from."""
    seed = catalog.source(covered.seed)
    for reference in covered.held_by:
        assert seed in _sources_of(reference), reference


def test_every_seed_is_covered() -> None:
    """Every seed article has statements mapped to catalog objects."""
    assert {c.seed for c in COVERAGE} == set(catalog.SEEDS.values())


def test_every_record_holds_some_seed_statement() -> None:
    """Every deal, production and cooperation record holds at least one mapped statement."""
    referenced = {
        reference.partition(":")[2]
        for covered in COVERAGE
        for reference in covered.held_by
        if reference.startswith(("record:", "statement:", "cooperation:"))
    }
    market = catalog.market()
    records = (*market.deals, *market.production, *market.cooperation)
    ids = {record.id for record in records}
    assert ids <= referenced, sorted(ids - referenced)


def test_no_statement_is_both_covered_and_listed_as_not_held() -> None:
    """A statement is either held by an object or listed as a gap, never both."""
    covered = {_squash(c.quote) for c in COVERAGE}
    gaps = {_squash(gap.quote) for gap in catalog.GAPS}
    assert not covered & gaps
