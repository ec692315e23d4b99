"""The one statement of every table's columns: name, type and meaning (no pyarrow needed).

:data:`COLUMNS` gives each table's fixed schema; :func:`dronemarket.tables.schema`
turns it into a :class:`pyarrow.Schema`. The builders fill the columns in this order.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal, NamedTuple

from dronemarket.cooperation import CooperationKind
from dronemarket.deals import Condition, DealStatus
from dronemarket.parties import PartyKind, SanctionAuthority
from dronemarket.platforms import Category
from dronemarket.production import Arrangement, ProductionStatus
from dronemarket.sources import Confidence
from dronemarket.specs import SPEC_FIELDS
from dronemarket.units import Dimension

__all__ = ["COLUMNS", "PRECISIONS", "SI_SYMBOLS", "TABLES", "Column", "Kind", "TableName"]

Kind = Literal["str", "enum", "int", "bool", "date", "money", "tiv", "float", "strs"]
"""A column's type: text, a dictionary-encoded enumeration, a nullable 64-bit integer,
a boolean, a date (its earliest day), an amount of money, a TIV figure, a float,
or a list of texts."""

TableName = Literal["deals", "deliveries", "production", "cooperation", "sanctions", "platforms"]
"""The name of a table."""

PRECISIONS: Final = ("year", "month", "day")
"""The values of a date's precision column."""


class Column(NamedTuple):
    """One column of a table: its name, type, meaning, and for some its values or unit."""

    name: str
    """The column's name."""
    kind: Kind
    """Its type (see :data:`Kind`)."""
    doc: str
    """What it holds."""
    values: tuple[str, ...] = ()
    """An enumeration's values, in order (its dictionary); empty when data-dependent."""
    unit: str = ""
    """The unit of a physical value (kept in the field's metadata)."""


def _enum(name: str, kind: type[enum.Enum], doc: str) -> Column:
    return Column(name, "enum", doc, tuple(str(member.value) for member in kind))


def _date(name: str, doc: str) -> tuple[Column, Column]:
    return (
        Column(name, "date", f"{doc}: its earliest day (see the precision)"),
        Column(f"{name}_precision", "enum", f"how precisely {name} is known", PRECISIONS),
    )


def _country(role: str) -> tuple[Column, ...]:
    return (
        Column(f"{role}_code", "str", f"the {role} country's ISO 3166 alpha-3 code"),
        Column(f"{role}_name", "str", f"the {role} country's name"),
    )


def _party(role: str) -> tuple[Column, ...]:
    return (
        Column(f"{role}_code", "str", f"the {role}'s ISO 3166 alpha-3 code; null: not a country"),
        Column(f"{role}_name", "str", f"the {role}: a country's name, another party's name"),
        _enum(f"{role}_kind", PartyKind, f"the kind of {role}"),
    )


def _figures(name: str, what: str) -> tuple[Column, ...]:
    return (
        Column(f"{name}_low", "int", f"{what}, low figure; null: unknown"),
        Column(f"{name}_central", "int", f"{what}, central figure; null: unknown"),
        Column(f"{name}_high", "int", f"{what}, high figure; null: unknown or unbounded"),
        Column(f"{name}_estimate", "bool", f"whether {what} rests on an estimate; null: unknown"),
    )


def _money(name: str, what: str) -> tuple[Column, ...]:
    return (
        Column(name, "money", f"{what}, in {name}_currency"),
        Column(f"{name}_currency", "enum", f"the ISO 4217 code of the {name}"),
        Column(f"{name}_estimate", "bool", f"whether the {name} is an estimate"),
    )


def _platform(what: str) -> tuple[Column, ...]:
    return (
        Column("platform", "str", what),
        Column("manufacturer", "str", "the platform's manufacturer"),
    )


_SOURCES: Final = (
    Column("sources", "int", "how many sources report it"),
    Column("source", "str", "the first source, as 'publisher: title'"),
)
_RECORD: Final = (_enum("confidence", Confidence, "how certain the record is"), *_SOURCES)
_TIV: Final = (
    Column("tiv_per_unit", "tiv", "SIPRI's TIV of one unit, in millions"),
    Column("tiv_order", "tiv", "SIPRI's TIV of the order, in millions"),
    Column("tiv_delivered", "tiv", "SIPRI's TIV of what is delivered, in millions"),
)

DEALS: Final = (
    Column("id", "str", "the deal's id"),
    *_party("supplier"),
    Column("supplier_manufacturer", "str", "the manufacturer named on the supplier side"),
    *_party("recipient"),
    Column("end_user", "str", "the end user, when known"),
    *_platform("the platform's name"),
    _enum("category", Category, "the platform's category, when known"),
    _enum("status", DealStatus, "where the deal stands"),
    *_date("ordered", "when the order was placed"),
    *_date("announced", "when the deal was first reported"),
    Column("year", "int", "the order year, else the announcement year"),
    *_figures("units", "the units the analytics count: ordered, else delivered"),
    *_figures("quantity", "the quantity ordered"),
    *_figures("delivered", "the units delivered, every delivery added up"),
    Column("deliveries", "int", "how many deliveries (and spans) are recorded"),
    *_date("last_delivery", "the latest dated delivery (a span's last year)"),
    *_money("value", "what the deal is worth"),
    _enum("condition", Condition, "new, second hand, ...; null: not stated"),
    *_TIV,
    Column("intermediaries", "strs", "the intermediaries' names, in order"),
    *_RECORD,
)

DELIVERIES: Final = (
    Column("deal_id", "str", "the deal's id"),
    *_party("supplier"),
    *_party("recipient"),
    Column("platform", "str", "the platform's name"),
    _enum("status", DealStatus, "the deal's status"),
    Column("span", "bool", "whether the row is a span of years with one total"),
    *_date("date", "when (a span: its first year)"),
    Column("first_year", "int", "the first year of the delivery; null: undated"),
    Column("last_year", "int", "the last year of the delivery; null: undated"),
    *_figures("count", "the units delivered"),
)

PRODUCTION: Final = (
    Column("id", "str", "the record's id"),
    *_platform("the platform produced"),
    *_party("licensor"),
    Column("licensor_company", "str", "the licensor's company, when known"),
    *_country("host"),
    _enum("arrangement", Arrangement, "how production crosses the border"),
    _enum("status", ProductionStatus, "where the arrangement stands"),
    Column("licensee", "str", "who produces in the host country, when known"),
    Column("facility", "str", "the factory or site, when named"),
    *_date("announced", "when it was first reported"),
    *_date("agreed", "when the agreement was signed"),
    *_date("started", "when production started"),
    Column("year", "int", "the year it started, else was agreed, else announced"),
    *_figures("planned", "the units planned"),
    *_figures("produced", "the units produced"),
    *_RECORD,
)

COOPERATION: Final = (
    Column("id", "str", "the record's id"),
    _enum("kind", CooperationKind, "what kind of cooperation"),
    Column("summary", "str", "what happened, in one line"),
    Column("parties", "strs", "who takes part: a country's code, an organization's name"),
    Column("countries", "strs", "the countries taking part, by code"),
    Column("platforms", "strs", "the platforms it concerns"),
    Column("year", "int", "the year it happened or began"),
    *_date("start", "when it happened or began"),
    *_date("end", "when it ended"),
    *_money("value", "the money involved"),
    *_RECORD,
)

SANCTIONS: Final = (
    _enum("authority", SanctionAuthority, "who imposed it"),
    Column("target", "str", "the sanctioned organization's or person's name"),
    Column("target_kind", "enum", "an organization or a person", ("organization", "person")),
    Column("target_country", "str", "the organization's country code; null for a person"),
    *_date("imposed", "when it was imposed"),
    Column("program", "str", "the legal instrument or list, when known"),
    *_SOURCES,
)


SI_SYMBOLS: Final = {
    Dimension.LENGTH: "m",
    Dimension.MASS: "kg",
    Dimension.DURATION: "s",
    Dimension.SPEED: "m/s",
    Dimension.POWER: "W",
}
"""The symbol of the SI unit each dimension's ``*_si`` column is in."""


def _spec_columns() -> tuple[Column, ...]:
    columns: list[Column] = []
    for name, spec in SPEC_FIELDS.items():
        si = SI_SYMBOLS[spec.dimension]
        columns += [
            Column(f"{name}_si", "float", f"the preferred {spec.description}, in {si}", unit=si),
            Column(f"{name}_value", "float", f"the preferred {spec.description}, as published"),
            Column(f"{name}_unit", "enum", f"the unit {name}_value is published in"),
            Column(f"{name}_disputed", "bool", f"whether sources disagree on the {name}"),
        ]
    return tuple(columns)


PLATFORMS: Final = (
    Column("name", "str", "the platform's name"),
    Column("manufacturer", "str", "its manufacturer, when known"),
    Column("manufacturer_country", "str", "the manufacturer's country code"),
    _enum("category", Category, "its category, when known"),
    Column("roles", "strs", "the missions it flies"),
    Column("aliases", "strs", "its other names"),
    *_date("first_flight", "its first flight"),
    *_date("in_service", "its entry into service"),
    Column("variant_of", "str", "the platform it is a variant of"),
    Column("derived_from", "str", "the platform it is derived from"),
    Column("sources", "int", "how many sources describe it"),
    *_spec_columns(),
)

COLUMNS: Final[Mapping[TableName, tuple[Column, ...]]] = MappingProxyType(
    {
        "deals": DEALS,
        "deliveries": DELIVERIES,
        "production": PRODUCTION,
        "cooperation": COOPERATION,
        "sanctions": SANCTIONS,
        "platforms": PLATFORMS,
    }
)
"""THE columns of every table, in order: each table's one fixed schema."""

TABLES: Final = tuple(COLUMNS)
"""The names of the tables."""
