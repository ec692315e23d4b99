"""The catalog's deals: who supplies which drones to whom, as the sources report it."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

from dronemarket.catalog._cooperation import kazakh_visit_statement
from dronemarket.catalog._organizations import organizations
from dronemarket.catalog._platforms import platforms
from dronemarket.catalog._sources import sources
from dronemarket.dates import PartialDate
from dronemarket.deals import Count, Deal, DealStatus, Delivery, Money
from dronemarket.parties import Country, Recipient, Statement, Supplier
from dronemarket.sources import Confidence, Source

__all__ = ["china_denial", "deals"]


def _src(*keys: str) -> tuple[Source, ...]:
    return tuple(sources()[key] for key in keys)


def _turkey_baykar() -> Supplier:
    return Supplier(Country("TUR"), manufacturer=organizations()["Baykar"])


def _central_asia() -> list[Deal]:
    org, tb2 = organizations(), platforms()["Bayraktar TB2"]
    kgz, tjk, kaz = Country("KGZ"), Country("TJK"), Country("KAZ")
    return [
        Deal(
            id="tur-kgz-bayraktar-tb2-2021",
            supplier=_turkey_baykar(),
            recipient=Recipient(
                kgz, end_user=org["State Committee for National Security of Kyrgyzstan"]
            ),
            platform=tb2,
            status=DealStatus.DELIVERED,
            announced=PartialDate(2021, 10),
            deliveries=[Delivery(PartialDate(2021, 12))],
            confidence=Confidence.CONFIRMED,
            statements=[
                Statement(
                    kgz,
                    position=Confidence.CONFIRMED,
                    source=sources()["asiaplus-2021-12-20"],
                    date=PartialDate(2021, 12, 18),
                ),
            ],
            sources=_src(
                "seed-000", "trt-2021-10-22", "asiaplus-2021-12-20", "almonitor-2022-kyrgyz"
            ),
            notes=(
                "Tashiev (GKNB) announced on 21-22 October 2021 that Turkey was building "
                "Bayraktar armed drones for Kyrgyzstan; they entered service with the border "
                "troops in December 2021. The number is not officially published. Used in "
                "the September 2022 Kyrgyz-Tajik border clashes ('The Kyrgyz TB2 have "
                "already given the country credit in its border clash with Tajikistan')."
            ),
        ),
        Deal(
            id="tur-tkm-bayraktar-tb2-2021",
            supplier=_turkey_baykar(),
            recipient=Recipient(Country("TKM")),
            platform=tb2,
            status=DealStatus.DELIVERED,
            announced=PartialDate(2021, 9, 27),
            deliveries=[Delivery(None)],
            sources=_src("seed-000", "oryx-2021-09-27"),
            notes=(
                "First shown at the 27 September 2021 independence parade in Ashgabat; "
                "no sale was announced and no number is published."
            ),
        ),
        Deal(
            id="tur-tjk-bayraktar-tb2-2022",
            supplier=_turkey_baykar(),
            recipient=Recipient(tjk),
            platform=tb2,
            status=DealStatus.CANCELLED,
            announced=PartialDate(2022, 4),
            sources=_src(
                "seed-000",
                "dominokirke-2022",
                "calgaryturkish-2022",
                "defensemirror-2022-04-29",
                "24kg-2022-04",
                "caspian-2022-06-08",
            ),
            notes=(
                "Contested. The seed's 'Tajikistan also briefly purchased TB2' renders the "
                "original 'Tajikistan too briefly reflected on buying TB2'; the original "
                "quotes Ozeren: 'Faced with strong objections from Kyrgyzstan, Turkey failed "
                "to complete the drone sale to Tajikistan, which then turned to Iran'. "
                "Kyrgyzstan's foreign minister told parliament in April 2022 that Turkey had "
                "sent Bayraktars to Tajikistan; neither Turkey nor Tajikistan confirmed a sale."
            ),
        ),
        Deal(
            id="tur-kaz-bayraktar-tb2-2020",
            supplier=_turkey_baykar(),
            recipient=Recipient(kaz, end_user=org["Ministry of Defence of Kazakhstan"]),
            platform=tb2,
            status=DealStatus.INTEREST,
            announced=PartialDate(2020, 12),
            quantity=Count.at_least(24, wording="dozens"),
            statements=[kazakh_visit_statement()],
            sources=_src("seed-002", "defensepost-2020-12-02", "ahval-2020-kazakhstan"),
            notes=(
                "Reported by the Russian site Avia.pro after the Kazakh Ministry of Defence "
                "delegation's visit of 23-25 November 2020 to Turkey's 14th UAV Systems Base "
                "Command in Batman (visit-kaz-tur-2020-11-23), which the Turkish Ministry of "
                "National Defence confirmed. "
                "'Dozens' is in the headline only; the body gives no number (Ahval: 'It is "
                "unclear how many'). Kazakhstan is 'the latest country to show interest in "
                "Baykar's drones'."
            ),
        ),
        Deal(
            id="rus-kgz-orlan-10-2021",
            supplier=Supplier(Country("RUS")),
            recipient=Recipient(
                kgz, end_user=org["State Committee for National Security of Kyrgyzstan"]
            ),
            platform=platforms()["Orlan-10"],
            status=DealStatus.ORDERED,
            ordered=PartialDate(2021),
            confidence=Confidence.CONFIRMED,
            statements=[
                Statement(
                    org["State Committee for National Security of Kyrgyzstan"],
                    position=Confidence.CONFIRMED,
                    source=sources()["trt-2021-10-22"],
                    date=PartialDate(2021, 10),
                ),
            ],
            sources=_src("seed-000", "dominokirke-2022", "trt-2021-10-22"),
            notes=(
                "The seed keeps only the orphan sentence 'Used for reconnaissance and "
                "electronic warfare.'; the original reads 'At the end of 2021, Kyrgyzstan also "
                "ordered Orlan-10 medium-range drones from Russia, used mainly for "
                "reconnaissance and electronic warfare.' Tashiev announced it in October 2021."
            ),
        ),
    ]


def _ukraine_serbia_libya() -> list[Deal]:
    org, tb2 = organizations(), platforms()["Bayraktar TB2"]
    ukr, srb, lby = Country("UKR"), Country("SRB"), Country("LBY")
    return [
        Deal(
            id="tur-ukr-bayraktar-tb2-2019",
            supplier=_turkey_baykar(),
            recipient=Recipient(ukr, end_user=org["Armed Forces of Ukraine"]),
            platform=tb2,
            status=DealStatus.DELIVERED,
            ordered=PartialDate(2019, 1),
            quantity=6,
            deliveries=[Delivery(PartialDate(2019), 3)],
            value=Money("69000000", "USD"),
            sources=_src("seed-004", "defensenews-2020-06-25", "gur-ukraine-mou", "S8"),
            notes=(
                "Kale-Baykar's $69 million contract for six TB2 with ground stations and "
                "ammunition; Ukraine's defence intelligence says three were delivered in 2019. "
                "Later deliveries are not itemised here."
            ),
        ),
        Deal(
            id="tur-ukr-bayraktar-tb2-2020",
            supplier=_turkey_baykar(),
            recipient=Recipient(ukr, end_user=org["Armed Forces of Ukraine"]),
            platform=tb2,
            status=DealStatus.NEGOTIATION,
            announced=PartialDate(2020, 11),
            quantity=Count.exact(5, wording="fünf"),
            confidence=Confidence.CONFIRMED,
            statements=[
                Statement(
                    org["Armed Forces of Ukraine"],
                    position=Confidence.CONFIRMED,
                    source=sources()["seed-002"],
                    quote=(
                        "Zuvor hatte die Ukraine ihre Entscheidung bekannt gegeben, im "
                        "nächsten Jahr fünf TB2 aus der Türkei zu kaufen"
                    ),
                ),
            ],
            sources=_src("seed-002", "defensepost-2020-12-02"),
            notes=(
                "Ukraine's decision to buy five TB2 'next year' (2021), after an October 2020 "
                "exercise in which the drones were tested for reconnaissance; reported by "
                "Daily Sabah citing Armiya Inform."
            ),
        ),
        Deal(
            id="tur-srb-bayraktar-tb2-2020",
            supplier=_turkey_baykar(),
            recipient=Recipient(srb),
            platform=tb2,
            status=DealStatus.NEGOTIATION,
            announced=PartialDate(2020, 10),
            confidence=Confidence.CONFIRMED,
            statements=[
                Statement(
                    srb,
                    position=Confidence.CONFIRMED,
                    source=sources()["urdupoint-2020-10-06"],
                    date=PartialDate(2020, 10, 5),
                    quote=(
                        "Whether we reach an agreement with the Turkish side or not, we'll "
                        "see. In any case, we are talking about very good - here I must "
                        "praise the Turkish manufacturers - very good drones."
                    ),
                ),
            ],
            sources=_src("seed-002", "defensepost-2020-12-02", "urdupoint-2020-10-06"),
            notes="President Vučić said in early October 2020 that Serbia was negotiating.",
        ),
        Deal(
            id="chn-srb-ch-92a-2019",
            supplier=Supplier(Country("CHN"), manufacturer=org["CASC"]),
            recipient=Recipient(srb, end_user=org["Serbian Air Force and Air Defence"]),
            platform=platforms()["CH-92A"],
            status=DealStatus.DELIVERED,
            ordered=PartialDate(2019, 9),
            quantity=6,
            deliveries=[Delivery(PartialDate(2020, 7), 6)],
            value=Money("19300000", "USD"),
            confidence=Confidence.CONFIRMED,
            statements=[
                Statement(
                    srb,
                    position=Confidence.CONFIRMED,
                    source=sources()["S82"],
                    date=PartialDate(2020, 7, 4),
                ),
            ],
            sources=_src("seed-002", "S80", "S82", "exit-2020-07-06", "exit-ch92a-price"),
            notes=(
                "Armed CH-92A arrived in July 2020 (30 June or 2 July by other reports) and "
                "were shown by President Vučić at Batajnica on 4 July 2020, with 18 FT-8 "
                "missiles. The value is from 2020 customs statistics."
            ),
        ),
        Deal(
            id="tur-lby-bayraktar-tb2-2019",
            supplier=_turkey_baykar(),
            recipient=Recipient(lby, end_user=org["Government of National Accord"]),
            platform=tb2,
            status=DealStatus.DELIVERED,
            deliveries=[Delivery(PartialDate(2019))],
            sources=_src("seed-000", "seed-002", "ahval-2019-libya"),
            notes=(
                "TB2 in service with the Tripoli government since 2019; 'The civil war in "
                "Libya is a main spectacle for the Bayraktar TB2, which surpassed the Chinese "
                "Wing Loong' (Ozeren); 'TB2 currently have active roles in Libya' (Dec 2020)."
            ),
        ),
        Deal(
            id="are-lby-wing-loong-2019",
            supplier=Supplier(Country("ARE")),
            recipient=Recipient(lby, end_user=org["Libyan National Army"]),
            platform=platforms()["Wing Loong I"],
            status=DealStatus.DELIVERED,
            deliveries=[Delivery(PartialDate(2019))],
            sources=_src("seed-000", "defenceweb-2019-wing-loong"),
            notes=(
                "Chinese-made Wing Loong drones supplied by the UAE to Haftar's forces, "
                "according to UN experts, diplomats and analysts. The sources say 'Wing "
                "Loong' without naming the variant; the record uses the Wing Loong I, whose "
                "alias that is."
            ),
        ),
    ]


def _tb2_customers() -> list[Deal]:
    org, tb2 = organizations(), platforms()["Bayraktar TB2"]
    pol, qat = Country("POL"), Country("QAT")
    return [
        Deal(
            id="tur-aze-bayraktar-tb2-2020",
            supplier=_turkey_baykar(),
            recipient=Recipient(Country("AZE")),
            platform=tb2,
            status=DealStatus.DELIVERED,
            announced=PartialDate(2020, 6),
            deliveries=[Delivery(PartialDate(2020))],
            sources=_src("seed-002", "seed-004", "defensenews-2020-06-25"),
            notes=(
                "Bought in 2020 and used in the September-November 2020 Karabakh war; the "
                "number is not disclosed."
            ),
        ),
        Deal(
            id="tur-pol-bayraktar-tb2-2021",
            supplier=_turkey_baykar(),
            recipient=Recipient(pol, end_user=org["Ministry of National Defence of Poland"]),
            platform=tb2,
            status=DealStatus.DELIVERING,
            ordered=PartialDate(2021, 5, 24),
            quantity=24,
            deliveries=[Delivery(None)],
            confidence=Confidence.CONFIRMED,
            statements=[
                Statement(
                    org["Ministry of National Defence of Poland"],
                    position=Confidence.CONFIRMED,
                    source=sources()["dailysabah-2021-05-22"],
                    date=PartialDate(2021, 5, 22),
                ),
            ],
            sources=_src("seed-004", "dailysabah-2021-05-22", "ap-2021-05-24"),
            notes=(
                "24 TB2 with a logistics and training package, signed during President "
                "Duda's visit to Ankara: the first sale to a NATO and EU member. First "
                "deliveries were expected in 2022; seed 004 (August 2025) lists Poland among "
                "TB2 customers. Delivery dates and counts are not itemised here."
            ),
        ),
        Deal(
            id="tur-qat-bayraktar-tb2-2018",
            supplier=_turkey_baykar(),
            recipient=Recipient(qat),
            platform=tb2,
            status=DealStatus.DELIVERED,
            ordered=PartialDate(2018),
            quantity=6,
            deliveries=[Delivery(None, 6)],
            confidence=Confidence.CONFIRMED,
            statements=[
                Statement(
                    qat,
                    position=Confidence.CONFIRMED,
                    source=sources()["qna-2019-02-08"],
                    date=PartialDate(2019, 2, 8),
                    quote=(
                        "Turkey is preparing to hand over six 'Bayraktar TB2' military drones "
                        "to Qatar, as part of a deal signed by the two sides in 2018."
                    ),
                ),
            ],
            sources=_src("seed-004", "qna-2019-02-08", "defensenews-2020-06-25"),
            notes="Defense News dates the contract 2017; the Qatar News Agency, 2018.",
        ),
    ]


def _japan() -> list[Deal]:
    org = organizations()
    jpn = Country("JPN")
    return [
        Deal(
            id="tur-jpn-bayraktar-tb2-2025",
            supplier=_turkey_baykar(),
            recipient=Recipient(jpn, end_user=org["Ministry of Defense of Japan"]),
            platform=platforms()["Bayraktar TB2"],
            status=DealStatus.INTEREST,
            announced=PartialDate(2025, 8, 19),
            sources=_src("seed-004", "devdiscourse-2025-08-19", "defaiya-2025-08-26"),
            notes=(
                "Baykar's drones, the TB2 among them, were at the centre of the defence "
                "ministers' talks of 19 August 2025 (meeting-jpn-tur-2025-08-19), after which "
                "Nakatani visited Baykar (visit-jpn-tur-industry-2025-08); Japan's ruling party "
                "had proposed the TB2 as a model in June (proposal-jpn-ldp-tb2-2025-06), and "
                "its fiscal 2026 budget holds over 100 billion yen for drones "
                "(budget-jpn-fy2026). Drones were not explicitly mentioned in the readouts "
                "(Defaiya), and no purchase is reported. A Japanese TB2 purchase would be "
                "Türkiye's first large defence export to the Asia-Pacific (the seed's claim)."
            ),
        ),
        Deal(
            id="tur-jpn-kargu",
            supplier=Supplier(Country("TUR"), manufacturer=org["STM"]),
            recipient=Recipient(jpn),
            platform=platforms()["Kargu"],
            status=DealStatus.INTEREST,
            confidence=Confidence.CONFIRMED,
            statements=[
                Statement(
                    org["STM"],
                    position=Confidence.CONFIRMED,
                    source=sources()["seed-004"],
                    quote=(
                        "STM ha confermato che il Giappone ha ripetutamente ispezionato ed "
                        "espresso interesse per i droni kamikaze Kargu durante esposizioni "
                        "internazionali."
                    ),
                ),
            ],
            sources=_src("seed-004", "S67"),
            notes=(
                "STM's CEO Özgür Güleryüz said Tokyo showed consistent demand at defence "
                "exhibitions; the buyer has not confirmed it. Shephard (October 2022): "
                "'Japan may remain elusive'."
            ),
        ),
        Deal(
            id="tur-jpn-bayraktar-tb3-2022",
            supplier=_turkey_baykar(),
            recipient=Recipient(jpn, end_user=org["Japan Maritime Self-Defense Force"]),
            platform=platforms()["Bayraktar TB3"],
            status=DealStatus.INTEREST,
            announced=PartialDate(2022),
            statements=[
                Statement(
                    org["Baykar"],
                    position=Confidence.CONFIRMED,
                    source=sources()["seed-004"],
                    quote=(
                        "Il CEO di Baykar, Haluk Bayraktar, ha precedentemente dichiarato che "
                        "il prossimo TB3 con ali pieghevoli sarebbe particolarmente adatto per "
                        "le portaerei classe Izumo del Giappone"
                    ),
                ),
            ],
            sources=_src("seed-004", "turdef-kaga"),
            notes=(
                "A seller's offer: Baykar's CEO pitched the folding-wing TB3 for Japan's "
                "Izumo-class carriers (Nikkei Asia interview, 2022). Japan's interest in the "
                "TB3 is not reported."
            ),
        ),
    ]


def _russia() -> list[Deal]:
    org = organizations()
    return [
        Deal(
            id="chn-rus-chinese-drones-via-tsk-vektor-2024",
            supplier=Supplier(Country("CHN"), manufacturer=org["Sichuan AEE"]),
            recipient=Recipient(Country("RUS"), end_user=org["IEMZ Kupol"]),
            platform=platforms()["Chinese-made attack and surveillance drones (unspecified)"],
            status=DealStatus.DELIVERED,
            announced=PartialDate(2025, 9, 25),
            deliveries=[
                Delivery(PartialDate(2024), Count.at_least(13, wording="more than a dozen"))
            ],
            intermediaries=[org["TSK Vektor"]],
            statements=[china_denial()],
            sources=_src("seed-003", "ukrpravda-2025-09-25", "unn-2025-09-25"),
            notes=(
                "Kupol received shipments of Chinese-made attack and surveillance drones "
                "through the Russian intermediary TSK Vektor, itself under US and EU "
                "sanctions. Reuters: Sichuan AEE billed for more than a dozen one-way attack "
                "drones in 2024. The platform's category is left unknown: the seed's shipments "
                "mix attack and surveillance drones, and 'one-way attack' describes only the "
                "dozen invoiced. The Kremlin, the Russian defence ministry and Kupol did not "
                "comment."
            ),
        ),
    ]


@functools.cache
def china_denial() -> Statement:
    """China's foreign ministry's denial of involvement, as Reuters reports it."""
    return Statement(
        organizations()["Ministry of Foreign Affairs of China"],
        position=Confidence.DENIED,
        source=sources()["seed-003"],
        date=PartialDate(2025, 9),
        quote=(
            "China's foreign ministry has formally denied any involvement in these military "
            "advancements, asserting that the country maintains a 'neutral and fair "
            "position' regarding the conflict in Ukraine."
        ),
    )


@functools.cache
def deals() -> Mapping[str, Deal]:
    """Return every deal of the catalog, by id (built on first call)."""
    made = [*_central_asia(), *_ukraine_serbia_libya(), *_tb2_customers(), *_japan(), *_russia()]
    return MappingProxyType({deal.id: deal for deal in made})
