"""The catalog's production abroad: factories, joint ventures, technology transfer, assistance."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

from dronemarket.catalog._deals import china_denial
from dronemarket.catalog._organizations import organizations
from dronemarket.catalog._platforms import platforms
from dronemarket.catalog._sources import sources
from dronemarket.dates import PartialDate
from dronemarket.deals import Count
from dronemarket.parties import Country, Statement, Supplier
from dronemarket.production import Arrangement, LicensedProduction, ProductionStatus
from dronemarket.sources import Confidence, Source

__all__ = ["production"]


def _src(*keys: str) -> tuple[Source, ...]:
    return tuple(sources()[key] for key in keys)


def _made() -> list[LicensedProduction]:
    org, plat = organizations(), platforms()
    iran, turkey, china = Country("IRN"), Country("TUR"), Country("CHN")
    chinese_experts = (
        "Chinese drone experts, believed to work for Sichuan AEE and Hunan Haotianyi and "
        "listed on paper as TSK Vektor staff, visited Kupol more than half a dozen times "
        "since the second quarter of 2024, working on existing models and flight-testing new "
        "ones (the Garpiya series, designed from Iran's Shahed, and the GA-21, for "
        "reconnaissance and strike). China's foreign ministry denied involvement; the "
        "Kremlin, the Russian defence ministry and Kupol did not comment."
    )
    return [
        LicensedProduction(
            id="irn-tjk-ababil-2-2022-05-17",
            platform=plat["Ababil-2"],
            licensor=Supplier(iran, manufacturer=org["HESA"]),
            host=Country("TJK"),
            arrangement=Arrangement.LICENSED_PRODUCTION,
            status=ProductionStatus.PRODUCING,
            started=PartialDate(2022, 5, 17),
            facility="Dushanbe",
            confidence=Confidence.CONFIRMED,
            statements=[
                Statement(
                    iran,
                    position=Confidence.CONFIRMED,
                    source=sources()["ifp-2022-05-17"],
                    date=PartialDate(2022, 5, 17),
                    quote=(
                        "with help from experts of the defense industries of the Iranian "
                        "Defense Ministry"
                    ),
                ),
            ],
            sources=_src(
                "seed-000",
                "ifp-2022-05-17",
                "kayhan-2022-05-17",
                "S40",
                "S41",
                "i24-2022-05-18",
                "trends-2022-08-14",
                "shephard-central-asia",
                "calgaryturkish-2022",
            ),
            notes=(
                "Opened in Dushanbe on 17 May 2022 by Iran's chief of staff Mohammad Bagheri "
                "and Tajik Defence Minister Sherali Mirzo: Iran's first drone production line "
                "abroad; Shephard calls it a transfer of technology. This is also the deal "
                "Ozeren means: Tajikistan 'then turned to Iran and signed a deal with "
                "Tehran'. The seed's 'errant single-use munitions' renders the original "
                "'single-use loitering munitions'; the number to be produced is not published."
            ),
        ),
        LicensedProduction(
            id="tur-kaz-anka-2022-05-11",
            platform=plat["Anka"],
            licensor=Supplier(turkey, manufacturer=org["Turkish Aerospace"]),
            host=Country("KAZ"),
            licensee=org["Kazakhstan Engineering"],
            arrangement=Arrangement.TECHNOLOGY_TRANSFER,
            status=ProductionStatus.AGREED,
            agreed=PartialDate(2022, 5, 11),
            confidence=Confidence.CONFIRMED,
            statements=[
                Statement(
                    org["Turkish Aerospace"],
                    position=Confidence.CONFIRMED,
                    source=sources()["trt-2022-05-11"],
                    date=PartialDate(2022, 5, 11),
                ),
            ],
            sources=_src(
                "seed-000",
                "trt-2022-05-11",
                "caspian-2022-06-08",
                "shephard-central-asia",
            ),
            notes=(
                "Memorandum between TUSAŞ and the state-owned Kazakhstan Engineering on "
                "technology transfer, joint production, maintenance and repair, signed during "
                "President Tokayev's visit to Ankara (10-11 May 2022): Kazakhstan is the "
                "first Anka production base outside Türkiye. The seed says 'Anka-S'; TUSAŞ's "
                "statement says 'Anka', so the variant is not confirmed. Ozeren calls the "
                "agreement 'one of the externalities of the war in Ukraine'. Seed 001's "
                "'drone tech transfer' to Kazakhstan names no platform; it is the cooperation "
                "record technology-transfer-tur-kaz."
            ),
        ),
        LicensedProduction(
            id="tur-ukr-bayraktar-tb2-joint-venture-2020",
            platform=plat["Bayraktar TB2"],
            licensor=Supplier(turkey, manufacturer=org["Baykar"]),
            host=Country("UKR"),
            licensee=org["Ukrspetsexport"],
            arrangement=Arrangement.JOINT_VENTURE,
            status=ProductionStatus.ANNOUNCED,
            announced=PartialDate(2020, 11),
            planned=Count.about(48, wording="about four dozen"),
            confidence=Confidence.CONFIRMED,
            statements=[
                Statement(
                    org["Ukrspetsexport"],
                    position=Confidence.CONFIRMED,
                    source=sources()["seed-002"],
                    quote=(
                        "Die Ukraine und die Türkei bilden ebenfalls ein Joint Venture zur "
                        "Herstellung von rund vier Dutzend dieser Drohnen in der Ukraine, "
                        "sagte der Generaldirektor des staatlichen Verteidigungsherstellers "
                        "der Ukraine, Ukrspetsexport"
                    ),
                ),
            ],
            sources=_src("seed-002", "defensepost-2020-12-02"),
            notes=(
                "Said by Ukrspetsexport's director general in an interview with Left Bank (LB.ua)."
            ),
        ),
        LicensedProduction(
            id="chn-rus-garpiya-a1-assistance-2024",
            platform=plat["Garpiya-A1"],
            licensor=Supplier(china),
            host=Country("RUS"),
            licensee=org["IEMZ Kupol"],
            arrangement=Arrangement.TECHNICAL_ASSISTANCE,
            status=ProductionStatus.PRODUCING,
            started=PartialDate(2024),
            statements=[china_denial()],
            sources=_src("seed-003", "ukrpravda-2025-09-25", "unn-2025-09-25"),
            notes=chinese_experts,
        ),
        LicensedProduction(
            id="chn-rus-ga-21-assistance-2024",
            platform=plat["GA-21"],
            licensor=Supplier(china),
            host=Country("RUS"),
            licensee=org["IEMZ Kupol"],
            arrangement=Arrangement.TECHNICAL_ASSISTANCE,
            status=ProductionStatus.PRODUCING,
            started=PartialDate(2024),
            statements=[china_denial()],
            sources=_src("seed-003", "ukrpravda-2025-09-25", "unn-2025-09-25"),
            notes=chinese_experts,
        ),
    ]


@functools.cache
def production() -> Mapping[str, LicensedProduction]:
    """Return every production record of the catalog, by id (built on first call)."""
    return MappingProxyType({record.id: record for record in _made()})
