"""The JSON Schema of every type, unions such as Party included, validates real dumps."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dronemarket as dm
from dronemarket import sipri
from dronemarket import strategies as dms

CONVERTER = dm.make_converter()
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sipri"

DRAWN: dict[str, tuple[Any, st.SearchStrategy[Any]]] = {
    "Party": (dm.Party, dms.parties()),
    "Party | None": (dm.Party | None, st.none() | dms.parties()),
    "Territory": (dm.Territory, dms.territories()),
    "ArmedGroup": (dm.ArmedGroup, dms.armed_groups()),
    "Multinational": (dm.Multinational, dms.multinationals()),
    "Condition": (dm.Condition, dms.conditions()),
    "Tiv": (dm.Tiv, dms.tivs()),
    "DeliverySpan": (dm.DeliverySpan, dms.delivery_spans()),
    "Delivery | DeliverySpan": (
        dm.Delivery | dm.DeliverySpan,
        dms.deliveries() | dms.delivery_spans(),
    ),
    "Supplier": (dm.Supplier, dms.suppliers()),
    "Recipient": (dm.Recipient, dms.recipients()),
    "Deal": (dm.Deal, dms.deals()),
    "list[Deal]": (list[dm.Deal], st.lists(dms.deals(), max_size=3)),
}


@functools.cache
def _validator(name: str) -> Any:
    """Return a validator of the schema of the type called `name` in DRAWN."""
    schema = dm.json_schema(DRAWN[name][0])
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _json(data: object) -> Any:
    """Send data through JSON text."""
    return json.loads(json.dumps(data))


@pytest.mark.parametrize("name", list(DRAWN))
def test_a_schema_is_made_for_every_type_and_union(name: str) -> None:
    """json_schema takes the new types and unions alike, and titles each by its name."""
    schema = dm.json_schema(DRAWN[name][0])
    assert schema["title"] == f"dronemarket {name}"
    jsonschema.Draft202012Validator.check_schema(schema)


@settings(max_examples=60)
@given(data=st.data())
def test_the_schemas_validate_real_dumps(data: st.DataObject) -> None:
    """What unstructure writes of a drawn value is valid under its type's schema, and reads back."""
    name = data.draw(st.sampled_from(list(DRAWN)))
    kind, strategy = DRAWN[name]
    value = data.draw(strategy)
    # A union is written as the union writes it (tagged), not as its member's type.
    dumped = _json(CONVERTER.unstructure(value, unstructure_as=kind))
    _validator(name).validate(dumped)
    assert dm.structure(dumped, kind) == value


@pytest.mark.parametrize(
    "bad",
    [
        {"armed_group": {"name": 3}},
        {"territory": {"name": "Kosovo"}, "multinational": {"name": "NATO"}},
        "tur",
        {"nation": {"name": "NATO"}},
    ],
)
def test_the_party_schema_rejects_bad_parties(bad: object) -> None:
    """The schema of Party refuses what structure refuses: a wrong shape or key."""
    with pytest.raises(dm.StructureError):
        dm.structure(bad, dm.Party)
    assert not _validator("Party").is_valid(bad)


@pytest.mark.parametrize("name", ["register.csv", "deliveries-excel.csv", "web.json"])
def test_an_imported_sipri_market_is_valid_under_the_document_schema(name: str) -> None:
    """A market read from each SIPRI fixture dumps to a document the schema accepts."""
    result = sipri.read((FIXTURES / name).read_bytes())
    assert result.market.deals
    document = _json(dm.unstructure(result.market))
    jsonschema.Draft202012Validator(dm.json_schema()).validate(document)
