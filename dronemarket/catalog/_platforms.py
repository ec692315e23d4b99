"""The catalog's platforms, with every published figure and its source.

Only figures published by a source in the research notes are held, each as a
:class:`~dronemarket.Reported` value in the unit it was published in. Where
sources disagree, every value is kept, the preferred one first (the
manufacturer's figure where a source gives one as such). Where nothing is
published, the spec is None. Operational altitudes, record and test flights
are not rated specifications and are not held as such.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

from dronemarket.catalog._organizations import organizations
from dronemarket.catalog._sources import sources
from dronemarket.dates import PartialDate
from dronemarket.platforms import Category, Platform, Reported, Role, Specs

__all__ = ["platforms"]


def _r(value: str, key: str, *, estimate: bool = False, note: str = "") -> Reported:
    """Return `value` as published by source `key`."""
    return Reported(value, sources()[key], estimate=estimate, note=note)


def _tb2() -> Platform:
    return Platform(
        "Bayraktar TB2",
        manufacturer=organizations()["Baykar"],
        category=Category.MALE,
        roles={Role.ISR, Role.STRIKE},
        aliases={"TB2", "Bayraktar TB-2", "TB-2"},
        specs=Specs(
            wingspan=[_r("12 m", "S3"), _r("12 m", "S2"), _r("12 m", "S5")],
            length=[_r("6.5 m", "S3"), _r("6.5 m", "S5")],
            mtow=[_r("650 kg", "S2"), _r("650 kg", "S8"), _r("630 kg", "S3"), _r("630 kg", "S1")],
            payload=[_r("150 kg", "S2"), _r("55 kg", "S1"), _r("55 kg", "S6"), _r("75 kg", "S8")],
            endurance=[
                _r("27 h", "S5", note="up to 27 h, per the manufacturer"),
                _r("27 h", "S2", note="depending on the payload"),
                _r("24 h", "S1"),
                _r("24 h", "S7"),
                _r("24 h", "S8"),
            ],
            ceiling=[
                _r("8000 m", "S5", note="up to 8,000 m, per the manufacturer"),
                _r("27,000 ft", "S2", note="can climb up to 27,000 ft"),
                _r("8200 m", "S6"),
            ],
            combat_radius=[_r("150 km", "S6", note="radius of action")],
            datalink_range=[_r("150 km", "S1", note="communication range")],
            cruise_speed=[_r("70 kn", "S1"), _r("130 km/h", "S5"), _r("130 km/h", "S6")],
            max_speed=[_r("220 km/h", "S5"), _r("220 km/h", "S7"), _r("222 km/h", "S6")],
            engine_power=[_r("100 hp", "S3", note="Rotax 912")],
        ),
        first_flight=PartialDate(2014),
        in_service=PartialDate(2014, 11),
        sources=[
            sources()[key]
            for key in (
                "seed-000",
                "seed-002",
                "seed-004",
                "sipri-atdb-2026-05",  # SIPRI's spelling "Bayraktar TB-2"
                "S1",
                "S2",
                "S3",
                "S5",
                "S6",
                "S7",
                "S8",
                "S9",
                "S12",
            )
        ],
    )


def _tb2t_ai(tb2: Platform) -> Platform:
    return Platform(
        "Bayraktar TB2T-AI",
        manufacturer=organizations()["Baykar"],
        category=Category.MALE,
        aliases={"TB2T-AI", "TB-2T AI", "TB2T AI"},
        variant_of=tb2,
        specs=Specs(
            ceiling=[
                _r(
                    "30,000 ft",
                    "seed-004",
                    note="published as a lower bound: 'altitudini superiori ai 30.000 piedi'",
                )
            ],
        ),
        sources=[sources()["seed-004"]],
    )


def _tb3(tb2: Platform) -> Platform:
    return Platform(
        "Bayraktar TB3",
        manufacturer=organizations()["Baykar"],
        category=Category.UCAV,
        roles={Role.ISR, Role.STRIKE, Role.MARITIME},
        aliases={"TB3", "Bayraktar TB-3"},
        derived_from=tb2,
        specs=Specs(
            wingspan=[_r("14 m", "S17")],
            length=[_r("8.35 m", "S17")],
            mtow=[_r("1450 kg", "S18"), _r("1450 kg", "S17"), _r("1450 kg", "S4")],
            payload=[
                _r("280 kg", "S18"),
                _r("280 kg", "S17"),
                _r("280 kg", "S24", note="up to 280 kg"),
                _r("220 kg", "S4", note="up to 220 kg"),
            ],
            endurance=[_r("24 h", "S17", note="up to 24 h")],
            max_speed=[_r("160 kn", "S18"), _r("300 km/h", "S4", note="up to 300 km/h")],
            engine_power=[_r("172 hp", "S19", note="TEI PD-170 turbodiesel")],
        ),
        first_flight=PartialDate(2023, 10, 27),
        sources=[sources()[key] for key in ("S4", "S17", "S18", "S19", "S20", "S24", "seed-004")],
    )


def _anka() -> Platform:
    return Platform(
        "Anka",
        manufacturer=organizations()["Turkish Aerospace"],
        category=Category.MALE,
        roles={Role.ISR, Role.STRIKE},
        aliases={"TAI Anka", "TUSAŞ Anka"},
        specs=Specs(
            wingspan=[_r("17.3 m", "S26"), _r("56 ft", "S31"), _r("17 m", "S30")],
            length=[_r("8 m", "S26"), _r("8 m", "S28"), _r("10 m", "S29")],
            mtow=[
                _r("1500 kg", "S27", note="including a 250 kg payload"),
                _r("1600 kg", "S28"),
                _r("1500 kg", "S30", estimate=True),
            ],
            payload=[_r("200 kg", "S28"), _r("250 kg", "S27")],
            endurance=[
                _r("24 h", "S27"),
                _r("24 h", "S28"),
                _r("23 h", "S26", note="initially planned, per TAI officials"),
            ],
            ceiling=[
                _r("30,000 ft", "S27"),
                _r("30,000 ft", "S31"),
                _r("23,000 ft", "S26", note="initially, per TAI officials"),
            ],
            datalink_range=[_r("200 km", "S33", note="in acceptance tests")],
            cruise_speed=[_r("75 kn", "S31"), _r("75 kn", "S30", note="economical speed")],
            engine_power=[
                _r("155 hp", "S26", note="diesel engine"),
                _r("155 hp", "S88", note="between 0 and 11,000 ft"),
                _r("170 hp", "S88", note="TEI PD170 engine, between 0 and 20,000 ft"),
            ],
        ),
        first_flight=PartialDate(2010, 12),
        in_service=PartialDate(2016, 2),
        sources=[
            sources()[key]
            for key in ("S26", "S27", "S28", "S29", "S30", "S31", "S33", "S38", "S88")
        ],
    )


def _anka_s(anka: Platform) -> Platform:
    return Platform(
        "Anka-S",
        manufacturer=organizations()["Turkish Aerospace"],
        category=Category.MALE,
        roles={Role.ISR, Role.STRIKE, Role.COMMUNICATIONS_RELAY},
        # SIPRI's per-delivery export of Feb 2026 calls Kazakhstan's (deal 61894) "Anka UCAV";
        # its register of May 2026 calls the same deal's aircraft "Anka-S".
        aliases={"Anka S", "TAI Anka-S", "Anka UCAV"},
        variant_of=anka,
        specs=Specs(
            payload=[
                _r("250 kg", "S36"),
                _r("350 kg", "S36", note="new-generation configuration"),
            ],
            endurance=[
                _r("24 h", "S36"),
                _r("30 h", "S36", note="new-generation configuration"),
                _r("18 h", "S37", note="at 23,000 ft"),
            ],
        ),
        sources=[sources()["S36"], sources()["S37"], sources()["sipri-atdb-2026-02"]],
    )


def _ababil_2() -> Platform:
    return Platform(
        "Ababil-2",
        manufacturer=organizations()["HESA"],
        category=Category.TACTICAL,
        roles={Role.ISR, Role.STRIKE, Role.TARGET_ACQUISITION, Role.TARGET_DRONE},
        aliases={"Ababil 2", "Ababil-II"},
        specs=Specs(
            endurance=[
                _r("120 min", "S41", note="upper end of the published 75-120 minutes"),
                _r("75 min", "S41", note="lower end of the published 75-120 minutes"),
            ],
            range=[_r("200 km", "ifp-2022-05-17"), _r("200 km", "S43")],
            combat_radius=[_r("100 km", "S41")],
            max_speed=[_r("220 km/h", "ifp-2022-05-17")],
        ),
        sources=[sources()[key] for key in ("S40", "S41", "ifp-2022-05-17", "S43")],
    )


def _shahed_136() -> Platform:
    return Platform(
        "Shahed-136",
        manufacturer=organizations()["HESA"],
        category=Category.ONE_WAY_ATTACK,
        roles={Role.STRIKE},
        aliases={"Shahed 136", "Geran-2", "Geranium-2"},
        specs=Specs(
            wingspan=[_r("2.5 m", "S53"), _r("2.5 m", "S58"), _r("2 m", "S56", estimate=True)],
            length=[
                _r("3.5 m", "S53"),
                _r("3.5 m", "S52"),
                _r("3.5 m", "S58"),
                _r("3.5 m", "S56", estimate=True),
            ],
            mtow=[
                _r("200 kg", "S58", note="total weight"),
                _r("200 kg", "S52", estimate=True),
                _r("200 kg", "S53", estimate=True),
                _r("200 kg", "S56", estimate=True),
            ],
            warhead=[
                _r("40 kg", "S58", note="up to 40 kg"),
                _r("40 kg", "S55", note="up to 40 kg of explosives"),
                _r("36 kg", "S53", estimate=True, note="UK Ministry of Defence figure"),
                _r("50 kg", "S57"),
                _r("50 kg", "S52", estimate=True, note="lower end of the published 50-60 kg"),
                _r("60 kg", "S52", estimate=True, note="upper end of the published 50-60 kg"),
                _r("60 kg", "S61", estimate=True),
            ],
            range=[
                _r("2500 km", "S54", note="UK Ministry of Defence figure"),
                _r("2500 km", "S52", note="up to 2,500 km"),
                _r("2500 km", "S62", note="maximum"),
                _r("2000 km", "S53", note="UK Ministry of Defence figure"),
                _r("2000 km", "S55", note="up to 2,000 km"),
                _r("2000 km", "S59", estimate=True, note="at least 2,000 km"),
                _r("2000 km", "S60", estimate=True, note="lower end of 2,000-2,200 km"),
                _r("2200 km", "S60", estimate=True, note="upper end of 2,000-2,200 km"),
                _r("2142 km", "S91", note="up to 2,142 km"),
            ],
            cruise_speed=[
                _r("170 km/h", "S55", note="upper end of the published 150-170 km/h"),
                _r("150 km/h", "S55", note="lower end of the published 150-170 km/h"),
                _r("180 km/h", "S59", estimate=True),
            ],
            max_speed=[
                _r("185 km/h", "S52"),
                _r("185 km/h", "S56"),
                _r("180 km/h", "S53"),
                _r("180 km/h", "S54"),
            ],
            engine_power=[_r("50 hp", "S56")],
        ),
        in_service=PartialDate(2021),
        sources=[
            sources()[key]
            for key in (
                "S52",
                "S53",
                "S54",
                "S55",
                "S56",
                "S57",
                "S58",
                "S59",
                "S60",
                "S61",
                "S62",
                "S91",
                "S92",
            )
        ],
    )


def _garpiya(shahed: Platform) -> Platform:
    return Platform(
        "Garpiya-A1",
        manufacturer=organizations()["IEMZ Kupol"],
        category=Category.ONE_WAY_ATTACK,
        roles={Role.STRIKE},
        aliases={"Garpiya", "Garpiya A1"},
        derived_from=shahed,
        specs=Specs(range=[_r("1500 km", "S48", estimate=True, note="about 1,500 km")]),
        in_service=PartialDate(2023),
        sources=[sources()[key] for key in ("S46", "S47", "S48", "seed-003")],
    )


def _ga_21() -> Platform:
    return Platform(
        "GA-21",
        manufacturer=organizations()["IEMZ Kupol"],
        category=None,  # the seed gives its roles, no source its kind
        roles={Role.ISR, Role.STRIKE},
        aliases={"GA 21"},
        sources=[sources()["seed-003"]],
    )


def _kargu() -> Platform:
    return Platform(
        "Kargu",
        manufacturer=organizations()["STM"],
        category=Category.LOITERING_MUNITION,
        roles={Role.ISR, Role.STRIKE},
        aliases={"Kargu-2", "STM Kargu", "KARGU-2"},
        specs=Specs(
            endurance=[
                _r("30 min", "S64", note="with explosives"),
                _r("30 min", "S65", note="per STM's site"),
            ],
            range=[_r("15 km", "S64")],
            combat_radius=[_r("5 km", "S65", note="per STM's site")],
        ),
        in_service=PartialDate(2018),
        sources=[sources()[key] for key in ("S63", "S64", "S65", "S67", "seed-004")],
    )


def _wing_loong_1() -> Platform:
    return Platform(
        "Wing Loong I",
        manufacturer=organizations()["Chengdu Aircraft Industry Group"],
        category=Category.MALE,
        roles={Role.ISR, Role.STRIKE},
        aliases={"Wing Loong", "Wing Loong 1", "Pterodactyl I", "Wing Loong-1"},  # SIPRI's
        specs=Specs(
            wingspan=[_r("14 m", "S78")],
            length=[_r("9 m", "S78")],
            payload=[_r("200 kg", "S70", note="for sensors and weapons")],
            endurance=[_r("20 h", "S71")],
            ceiling=[_r("5300 m", "S71")],
            range=[_r("4000 km", "S71"), _r("5000 km", "S78")],
        ),
        sources=[sources()[key] for key in ("S70", "S71", "S72", "S78", "sipri-atdb-2026-05")],
    )


def _wing_loong_2() -> Platform:
    return Platform(
        "Wing Loong II",
        manufacturer=organizations()["Chengdu Aircraft Industry Group"],
        category=Category.MALE,
        roles={Role.ISR, Role.STRIKE},
        aliases={"Wing Loong 2", "Wing-Loong II", "Wing Loong-2"},  # SIPRI's spelling
        specs=Specs(
            wingspan=[
                _r("20.5 m", "S76", note="AVIC figure, via AP"),
                _r("67 ft", "S73"),
                _r("65.6 ft", "S74"),
                _r("20.5 m", "S75"),
            ],
            length=[_r("11 m", "S72"), _r("11 m", "S75")],
            mtow=[_r("9,260 lb", "S73"), _r("4.2 t", "S75")],
            payload=[
                _r("480 kg", "S76", note="bombs and missiles"),
                _r("1,058 lb", "S73", note="external"),
                _r("480 kg", "S72"),
            ],
            endurance=[_r("20 h", "S76"), _r("20 h", "S73"), _r("20 h", "S72"), _r("20 h", "S74")],
            ceiling=[
                _r("9000 m", "S76"),
                _r("29,527 ft", "S73"),
                _r("29,500 ft", "S74", note="more than 29,500 ft"),
            ],
            max_speed=[
                _r("370 km/h", "S72"),
                _r("340 km/h", "S75"),
                _r("211 mph", "S74", estimate=True),
            ],
        ),
        first_flight=PartialDate(2017, 2, 27),
        in_service=PartialDate(2018, 11),
        sources=[
            sources()[key]
            for key in ("S72", "S73", "S74", "S75", "S76", "S77", "sipri-atdb-2026-05")
        ],
    )


def _ch_92a() -> Platform:
    return Platform(
        "CH-92A",
        manufacturer=organizations()["CASC"],
        category=Category.TACTICAL,
        roles={Role.ISR, Role.STRIKE, Role.TARGET_ACQUISITION},
        aliases={"Caihong-92A", "CH92A"},
        specs=Specs(
            wingspan=[
                _r("10 m", "S80", estimate=True, note="just under 10 m"),
                _r("10 m", "S85", estimate=True, note="under 10 m"),
            ],
            endurance=[_r("9 h", "S82", note="up to 9 h"), _r("10 h", "S83", note="up to 10 h")],
            ceiling=[_r("5000 m", "S80"), _r("5000 m", "S82"), _r("5000 m", "S81")],
            range=[_r("250 km", "S83")],
            combat_radius=[
                _r("150 km", "S80"),
                _r("250 km", "S82", estimate=True),
                _r("250 km", "S81", note="exceeds 250 km"),
                _r("150 km", "S85"),
            ],
            max_speed=[
                _r("200 km/h", "S80", note="up to 200 km/h"),
                _r("200 km/h", "S82", estimate=True),
                _r("200 km/h", "S81", estimate=True),
            ],
        ),
        sources=[sources()[key] for key in ("S80", "S81", "S82", "S83", "S85")],
    )


def _orlan_10() -> Platform:
    return Platform(
        "Orlan-10",
        manufacturer=None,
        category=None,  # the source says only "medium-range"
        roles={Role.ISR, Role.ELECTRONIC_WARFARE},
        aliases={"Orlan 10"},
        sources=[sources()["seed-000"], sources()["trt-2021-10-22"]],
    )


def _chinese_unspecified() -> Platform:
    return Platform(
        "Chinese-made attack and surveillance drones (unspecified)",
        manufacturer=None,
        category=None,  # attack and surveillance drones: no one category
        roles={Role.ISR, Role.STRIKE},
        sources=[sources()["seed-003"], sources()["ukrpravda-2025-09-25"]],
    )


@functools.cache
def platforms() -> Mapping[str, Platform]:
    """Return every platform of the catalog, by name (built on first call)."""
    tb2 = _tb2()
    anka = _anka()
    shahed = _shahed_136()
    wing_loong = _wing_loong_1()
    made = [
        tb2,
        _tb2t_ai(tb2),
        _tb3(tb2),
        anka,
        _anka_s(anka),
        _ababil_2(),
        shahed,
        _garpiya(shahed),
        _ga_21(),
        _kargu(),
        wing_loong,
        _wing_loong_2(),
        _ch_92a(),
        _orlan_10(),
        _chinese_unspecified(),
    ]
    return MappingProxyType({platform.name: platform for platform in made})
