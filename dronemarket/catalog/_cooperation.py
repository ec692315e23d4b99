"""The catalog's cooperation: visits, meetings, budgets, proposals, technology transfer."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

from dronemarket.catalog._organizations import organizations
from dronemarket.catalog._platforms import platforms
from dronemarket.catalog._sources import sources
from dronemarket.cooperation import Cooperation, CooperationKind
from dronemarket.dates import PartialDate
from dronemarket.deals import Money
from dronemarket.parties import Country, Statement
from dronemarket.sources import Confidence, Source

__all__ = ["cooperation", "kazakh_visit_statement"]


def _src(*keys: str) -> tuple[Source, ...]:
    return tuple(sources()[key] for key in keys)


@functools.cache
def kazakh_visit_statement() -> Statement:
    """Return the Turkish Ministry of National Defence's account of the Kazakh visit."""
    return Statement(
        organizations()["Ministry of National Defence of Türkiye"],
        position=Confidence.CONFIRMED,
        source=sources()["seed-002"],
        quote=(
            "Eine Delegation des kasachischen Verteidigungsministeriums besuchte vom 23. bis "
            "25. November 2020 das 14. Basiskommando für unbemannte Flugzeugsysteme, um das "
            "UAV und seine Einrichtungen zu untersuchen"
        ),
    )


def _central_asia() -> list[Cooperation]:
    org, tb2 = organizations(), platforms()["Bayraktar TB2"]
    return [
        Cooperation(
            id="visit-kaz-tur-2020-11-23",
            kind=CooperationKind.VISIT,
            parties=[
                org["Ministry of Defence of Kazakhstan"],
                org["Ministry of National Defence of Türkiye"],
            ],
            start=PartialDate(2020, 11, 23),
            end=PartialDate(2020, 11, 25),
            platforms=[tb2],
            summary=(
                "A Kazakh Ministry of Defence delegation inspects the TB2 and its facilities "
                "at Türkiye's 14th UAS Base Command in Batman"
            ),
            confidence=Confidence.CONFIRMED,
            statements=[kazakh_visit_statement()],
            sources=_src("seed-002", "defensepost-2020-12-02", "ahval-2020-kazakhstan"),
            notes=(
                "Confirmed by the Turkish Ministry of National Defence. Days later Avia.pro "
                "reported Kazakhstan keen to buy dozens of TB2 (tur-kaz-bayraktar-tb2-2020)."
            ),
        ),
        Cooperation(
            id="technology-transfer-tur-kaz",
            kind=CooperationKind.TECHNOLOGY_TRANSFER,
            parties=[Country("TUR"), Country("KAZ")],
            summary="Drone technology transfer from Türkiye to Kazakhstan",
            sources=_src("seed-001"),
            notes=(
                "A row of the seed's table of Türkiye's recent initiatives: 'Kazakhstan | Joint "
                "Training & Equipment Supply | Annual military drills, drone tech transfer'. The "
                "opinion piece (2025) names no platform, maker or date. The dated drone "
                "technology transfer to Kazakhstan the catalog holds is TUSAŞ's Anka agreement "
                "of May 2022 (tur-kaz-anka-2022-05-11)."
            ),
        ),
    ]


def _japan() -> list[Cooperation]:
    org, tb2 = organizations(), platforms()["Bayraktar TB2"]
    japan_mod = org["Ministry of Defense of Japan"]
    return [
        Cooperation(
            id="meeting-jpn-tur-2025-08-19",
            kind=CooperationKind.MEETING,
            parties=[japan_mod, org["Ministry of National Defence of Türkiye"]],
            start=PartialDate(2025, 8, 19),
            platforms=[tb2],
            summary=(
                "Defence ministers Gen Nakatani and Yaşar Güler meet in Ankara and explore "
                "cooperation on defence equipment and technology, Baykar's drones first"
            ),
            confidence=Confidence.CONFIRMED,
            statements=[
                Statement(
                    japan_mod,
                    position=Confidence.CONFIRMED,
                    source=sources()["defaiya-2025-08-26"],
                ),
            ],
            sources=_src("seed-004", "devdiscourse-2025-08-19", "defaiya-2025-08-26"),
            notes=(
                "The first official visit of a Japanese defence minister to Türkiye, on a tour "
                "of 17-22 August that also took him to Djibouti and Jordan. The seed puts "
                "Baykar's drones, the TB2 among them, at the centre of the talks, which also "
                "aim at contacts between the Turkish Armed Forces and the Japan Self-Defense "
                "Forces. Japan's readout (via Defaiya): a meeting of about 100 minutes and "
                "consultations between senior officials on equipment and technology "
                "cooperation; drones were not explicitly mentioned in the readouts, and no "
                "purchase was expected. Japan's interest in the Kargu and Baykar's TB3 pitch "
                "are earlier and held by their own records (tur-jpn-kargu, "
                "tur-jpn-bayraktar-tb3-2022)."
            ),
        ),
        Cooperation(
            id="visit-jpn-tur-industry-2025-08",
            kind=CooperationKind.VISIT,
            parties=[japan_mod, org["Turkish Aerospace"], org["Baykar"]],
            start=PartialDate(2025, 8),
            end=PartialDate(2025, 8, 20),
            summary=(
                "Nakatani visits Turkish Aerospace (TUSAŞ), shipyards and Baykar, the maker of "
                "the Bayraktar drones"
            ),
            sources=_src("seed-004", "devdiscourse-2025-08-19", "defaiya-2025-08-26"),
            notes=(
                "The seed says the visits were scheduled during his stay, and dates the "
                "shipyard visit 20 August; Defaiya reports the visit to TAI and then to Baykar, "
                "in Istanbul, on Wednesday 20 August. The day of the TUSAŞ visit is not "
                "reported, so the start keeps only the month."
            ),
        ),
        Cooperation(
            id="budget-jpn-fy2026",
            kind=CooperationKind.BUDGET,
            parties=[japan_mod],
            start=PartialDate(2026, 4),
            end=PartialDate(2027, 3),
            value=Money("100000000000", "JPY"),
            summary=(
                "Over 100 billion yen for unmanned aerial vehicles in Japan's fiscal 2026 "
                "defence budget"
            ),
            sources=_src("seed-004", "jiji-2025-08-19", "jiji-2025-08-29", "jiji-2025-12-26"),
            notes=(
                "'oltre 100 miliardi di yen (circa 676 milioni di dollari)': the amount is a "
                "lower bound (Money holds the bound itself; the dollar figure is the seed's "
                "conversion). Start and end are fiscal 2026, April 2026 to March 2027. Status "
                "disputed: the seed (19 August 2025) says the ministry 'allocated' it, but on "
                "that day it was a planned budget request, not an allocation. Jiji reported "
                "about 200 billion yen planned for drones (19 August 2025); the request of 29 "
                "August asked 128.7 billion yen for unmanned vehicles for the Shield coastal "
                "defence system; the cabinet's draft budget of 26 December 2025 holds 100.1 "
                "billion yen for several thousand drones of ten types. Experts quoted by the "
                "seed expect short-term imports and long-term domestic production."
            ),
        ),
        Cooperation(
            id="proposal-jpn-ldp-tb2-2025-06",
            kind=CooperationKind.PROPOSAL,
            parties=[Country("JPN")],
            start=PartialDate(2025, 6),
            platforms=[tb2],
            summary=(
                "Japan's ruling Liberal Democratic Party proposes the TB2 as a model for "
                "preparing for next-generation warfare"
            ),
            confidence=Confidence.UNCONFIRMED,
            sources=_src("seed-004"),
            notes=(
                "'Nel giugno scorso' in an article of 19 August 2025: June 2025. The party "
                "is the Liberal Democratic Party; the model has no kind of organization for a "
                "political party, so the record's party is Japan. Reported by the seed only; "
                "the research notes found no other source."
            ),
        ),
    ]


@functools.cache
def cooperation() -> Mapping[str, Cooperation]:
    """Return every cooperation record of the catalog, by id (built on first call)."""
    made = [*_central_asia(), *_japan()]
    return MappingProxyType({record.id: record for record in made})
