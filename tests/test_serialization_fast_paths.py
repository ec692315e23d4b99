"""The serializer's fast paths write exactly what the general path writes."""

from __future__ import annotations

import json

import cattrs
from hypothesis import given, settings

import dronemarket as dm
from dronemarket import strategies as dms
from dronemarket.serialization._codecs import QuantityText
from dronemarket.units import Dimension, quantity


def _general_converter() -> cattrs.Converter:
    """Return a converter whose quantities go through a hook: specs are written the general way."""
    converter = dm.make_converter()
    converter.register_unstructure_hook(dm.Quantity, QuantityText())
    return converter


GENERAL = _general_converter()


@settings(max_examples=80)
@given(dms.specs(max_reports=3))
def test_specs_are_written_from_their_stored_values_byte_for_byte(specs: dm.Specs) -> None:
    """Specs written from their stored magnitudes and units give the bytes their Quantities give."""
    fast = json.dumps(dm.unstructure(specs))
    assert fast == json.dumps(dm.unstructure(specs, converter=GENERAL))
    assert dm.structure(json.loads(fast), dm.Specs) == specs


@settings(max_examples=40)
@given(dms.deals())
def test_a_deal_is_written_byte_for_byte_as_the_general_path_writes_it(deal: dm.Deal) -> None:
    """A whole deal (its specs, its nullable and enum fields) writes the same bytes either way."""
    fast = json.dumps(dm.unstructure(deal))
    assert fast == json.dumps(dm.unstructure(deal, converter=GENERAL))


def test_writing_specs_leaves_them_unchanged_and_hands_out_nothing() -> None:
    """Writing specs twice gives equal data, and changing the written data changes no Specs."""
    specs = dm.Specs(wingspan="12 m", mtow="650 kg", ceiling=["25000 ft", "7600 m"])
    first = dm.unstructure(specs)
    first["wingspan"] = "1 m"
    assert dm.unstructure(specs) == {
        "wingspan": "12 m",
        "mtow": "650 kg",
        "ceiling": ["25000 ft", "7600 m"],
    }
    assert specs.wingspan == quantity("12 m", Dimension.LENGTH)


def test_a_hook_for_quantities_still_writes_every_plain_spec() -> None:
    """With a user hook for quantities, the hook (not the fast path) writes each plain spec."""
    converter = dm.make_converter()
    converter.register_unstructure_hook(dm.Quantity, lambda q: f"{q.to_base_units().magnitude}")
    data = dm.unstructure(dm.Specs(wingspan="12 m", mtow="1 t"), converter=converter)
    assert data == {"wingspan": "12", "mtow": "1000.0"}
