"""The wire forms of parties of every kind, conditions, TIV and delivery spans."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest

import dronemarket as dm

TURKEY, YEMEN, IRAN = dm.Country("TUR"), dm.Country("YEM"), dm.Country("IRN")
HOUTHIS = dm.ArmedGroup("Houthi rebels", base=YEMEN)
CYPRIOTS = dm.ArmedGroup("Militia", base=dm.Territory("Northern Cyprus"), place="the north")
BAYKAR = dm.Organization("Baykar", country=TURKEY, kind=dm.OrgKind.MANUFACTURER)
TB2 = dm.Platform("Bayraktar TB2", manufacturer=BAYKAR, category=dm.Category.MALE)
NEWS = dm.Source("A register of transfers", publisher="SIPRI")

PARTIES: list[tuple[dm.Party, object]] = [
    (TURKEY, "TUR"),
    (dm.Country("SUN"), "SUN"),
    (dm.Territory("Kosovo"), {"territory": {"name": "Kosovo"}}),
    (dm.Territory("Biafra", former=True), {"territory": {"name": "Biafra", "former": True}}),
    (HOUTHIS, {"armed_group": {"name": "Houthi rebels", "base": "YEM"}}),
    (
        CYPRIOTS,
        {
            "armed_group": {
                "name": "Militia",
                "base": {"territory": {"name": "Northern Cyprus"}},
                "place": "the north",
            }
        },
    ),
    (dm.ArmedGroup("unknown rebel group"), {"armed_group": {"name": "unknown rebel group"}}),
    (dm.Multinational("NATO"), {"multinational": {"name": "NATO"}}),
]


def _json(data: object) -> Any:
    """Send data through JSON text, with no `default=` hook."""
    return json.loads(json.dumps(data))


def _deal(**changes: Any) -> dm.Deal:
    """Return a delivered deal from Iran to the Houthis with SIPRI's figures, with `changes`."""
    arguments: dict[str, Any] = {
        "supplier": dm.Supplier(IRAN),
        "recipient": dm.Recipient(HOUTHIS),
        "platform": TB2,
        "status": dm.DealStatus.DELIVERED,
        "ordered": dm.PartialDate(2019),
        "quantity": 10,
        "deliveries": [
            dm.Delivery(dm.PartialDate(2019, 5), 2),
            dm.DeliverySpan((2020, 2022), count=8),
        ],
        "condition": dm.Condition.SECOND_HAND_MODERNIZED,
        "tiv": dm.Tiv(per_unit="0.05", order="4.80", delivered="0.40"),
        "sources": [NEWS],
    }
    arguments.update(changes)
    return dm.Deal(**arguments)


@pytest.mark.parametrize(("party", "wire"), PARTIES)
def test_a_party_is_written_as_a_code_or_a_tagged_object(party: dm.Party, wire: object) -> None:
    """A country is its code; every other party is an object keyed by its kind."""
    assert dm.unstructure(dm.Recipient(party)) == {"party": wire}
    assert dm.make_converter().unstructure(party, unstructure_as=dm.Party) == wire


@pytest.mark.parametrize(("party", "wire"), PARTIES)
def test_a_party_reads_back_exactly(party: dm.Party, wire: object) -> None:
    """Every kind of party reads back from JSON text equal to the one written."""
    assert dm.structure(_json({"party": wire}), dm.Supplier) == dm.Supplier(party)
    assert dm.structure(_json(wire), dm.Party) == party


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        ({"party": 5}, "party", "expected a country code such as 'TUR', or an object"),
        ({"party": "XXX"}, "party", "'XXX' is not an ISO 3166-1 country"),
        ({"party": {"state": {"name": "X"}}}, "party.state", "unknown key (expected"),
        ({"party": {"armed_group": {"name": ""}}}, "party.armed_group.name", ""),
        ({"party": {"armed_group": {"name": "X", "base": 3}}}, "party.armed_group.base", ""),
    ],
)
def test_a_bad_party_is_reported_at_its_path(data: object, path: str, message: str) -> None:
    """A party of the wrong shape, an unknown code or an unknown kind fails at its path."""
    with pytest.raises(dm.StructureError) as caught:
        dm.structure(data, dm.Recipient)
    errors = dict(caught.value.errors)
    assert path in errors, errors
    assert message in errors[path]


def test_tiv_decimals_are_strings_exactly_as_written() -> None:
    """A Tiv's figures are strings, "4.80" stays "4.80", and they read back equal and alike."""
    tiv = dm.Tiv(per_unit="0.05", order="4.80", delivered="0")
    data = dm.unstructure(tiv)
    assert data == {"per_unit": "0.05", "order": "4.80", "delivered": "0"}
    again = dm.structure(_json(data), dm.Tiv)
    assert again == tiv
    assert str(again.order) == "4.80"


def test_an_unknown_tiv_figure_is_absent() -> None:
    """A Tiv figure that is None is left out, and reads back as None."""
    tiv = dm.Tiv(delivered=Decimal(264))
    assert dm.unstructure(tiv) == {"delivered": "264"}
    assert dm.structure({"delivered": "264"}, dm.Tiv).per_unit is None


def test_a_tiv_given_as_a_number_is_refused() -> None:
    """A TIV figure written as a JSON number is refused: decimals travel as strings."""
    with pytest.raises(dm.StructureError, match="per_unit: expected a decimal number as a string"):
        dm.structure({"per_unit": 2.4}, dm.Tiv)


def test_a_span_is_written_with_its_years_and_total() -> None:
    """A delivery span is its years and its count; it reads back equal."""
    span = dm.DeliverySpan((1978, 1980, 1981), count=dm.Count.about(8))
    data = dm.unstructure(span)
    assert data["years"] == [1978, 1980, 1981]
    assert dm.structure(_json(data), dm.DeliverySpan) == span


def test_a_deal_with_sipri_facts_round_trips_exactly() -> None:
    """A deal to an armed group, with a condition, a TIV and a span, reads back equal."""
    deal = _deal()
    data = _json(dm.unstructure(deal))
    assert data["condition"] == "second hand but modernized"
    assert data["tiv"] == {"per_unit": "0.05", "order": "4.80", "delivered": "0.40"}
    assert data["deliveries"] == [
        {"date": "2019-05", "count": 2},
        {"years": [2020, 2022], "count": 8},
    ]
    again = dm.structure(data, dm.Deal)
    assert again == deal
    assert again.tiv is not None
    assert str(again.tiv.delivered) == "0.40"


def test_a_bad_span_in_a_deal_is_reported_at_its_path() -> None:
    """A span whose years go backwards fails at its place in the deal's deliveries."""
    data = _json(dm.unstructure(_deal()))
    data["deliveries"][1]["years"] = [2022, 2020]
    with pytest.raises(dm.StructureError) as caught:
        dm.structure(data, dm.Deal)
    assert "deliveries[1].years" in dict(caught.value.errors)


@pytest.mark.parametrize("cls", [dm.Territory, dm.ArmedGroup, dm.Multinational, dm.Tiv])
def test_the_new_types_have_schema_entries(cls: type) -> None:
    """The schema of the market document defines each new type, and so does a Deal's."""
    assert cls.__name__ in dm.json_schema()["$defs"]
    assert cls.__name__ in dm.json_schema(dm.Deal)["$defs"]


def test_a_market_document_with_every_party_kind_validates_and_round_trips() -> None:
    """A market of deals between every kind of party is valid under the schema, and exact."""
    deals = [
        _deal(),
        _deal(supplier=dm.Supplier(dm.Multinational("NATO")), recipient=dm.Recipient(YEMEN)),
        _deal(
            supplier=dm.Supplier(dm.Country("SUN")),
            recipient=dm.Recipient(dm.Territory("Biafra", former=True)),
            tiv=None,
            condition=dm.Condition.NEW,
        ),
        _deal(supplier=dm.Supplier(), recipient=dm.Recipient(CYPRIOTS), condition=None),
    ]
    market = dm.Market.of(*deals)
    document = _json(dm.unstructure(market))
    jsonschema.Draft202012Validator(dm.json_schema()).validate(document)
    assert dm.structure(document, dm.Market) == market


@pytest.mark.parametrize(
    "change",
    [
        {"recipient": {"party": {"armed_group": {"name": "X", "colour": "red"}}}},
        {"recipient": {"party": 5}},
        {"tiv": {"per_unit": 2.4}},
        {"condition": "used"},
        {"deliveries": [{"years": [], "count": 2, "date": "2020"}]},
    ],
)
def test_the_schema_rejects_bad_shapes_of_the_new_types(change: dict[str, Any]) -> None:
    """A bad party, a numeric TIV, an unknown condition or a mixed delivery fails the schema."""
    validator = jsonschema.Draft202012Validator(dm.json_schema(dm.Deal))
    good = _json(dm.unstructure(_deal()))
    assert validator.is_valid(good)
    assert not validator.is_valid({**good, **change})
