"""The serializer composes: a hook registered for a leaf type is used inside every record."""

from __future__ import annotations

import importlib
import sys
import traceback
from pathlib import Path
from typing import Any

import pytest

import dronemarket as dm
from dronemarket.catalog import market
from dronemarket.serialization._codecs import QuantityText
from dronemarket.serialization._walk import Builder


def _deal() -> dm.Deal:
    """Return a catalog deal with a quantity, deliveries and a platform with published specs."""
    return next(
        deal
        for deal in market().deals
        if deal.deliveries and deal.quantity is not None and deal.platform.specs.wingspan
    )


def test_a_date_hook_is_used_inside_a_delivery() -> None:
    """A PartialDate hook writes and reads the date of each delivery inside a deal."""
    converter = dm.make_converter()
    converter.register_unstructure_hook(dm.PartialDate, lambda d: f"year {d.year}")
    converter.register_structure_hook(dm.PartialDate, lambda v, _: dm.PartialDate(int(v[5:])))
    deal = _deal()
    first = deal.deliveries[0]
    assert isinstance(first, dm.Delivery)
    date = first.date
    assert date is not None
    data = dm.unstructure(deal, converter=converter)
    assert data["deliveries"][0]["date"] == f"year {date.year}"
    again = dm.structure(data, dm.Deal, converter=converter)
    assert again.deliveries[0] == dm.Delivery(dm.PartialDate(date.year), first.count)


def test_a_country_hook_is_used_inside_parties_and_organizations() -> None:
    """A Country hook writes every country of a deal, down to its manufacturer's."""
    converter = dm.make_converter()
    converter.register_unstructure_hook(dm.Country, lambda c: c.code.lower())
    converter.register_structure_hook(dm.Country, lambda v, _: dm.Country(v.upper()))
    deal = _deal()
    data = dm.unstructure(deal, converter=converter)
    assert deal.supplier.country is not None
    assert data["supplier"]["party"] == deal.supplier.country.code.lower()
    assert data["platform"]["manufacturer"]["country"].islower()
    assert dm.structure(data, dm.Deal, converter=converter) == deal


def test_a_count_hook_is_used_for_the_quantity_and_each_delivery() -> None:
    """A Count hook writes the deal's quantity and each delivery's count."""
    converter = dm.make_converter()
    converter.register_unstructure_hook(dm.Count, lambda c: {"exactly": c.central})
    converter.register_structure_hook(dm.Count, lambda v, _: dm.Count.exact(v["exactly"]))
    deal = _deal()
    data = dm.unstructure(deal, converter=converter)
    assert data["quantity"] == {"exactly": deal.quantity.central}  # type: ignore[union-attr]
    assert all(set(item["count"]) == {"exactly"} for item in data["deliveries"])


def test_a_quantity_hook_is_used_inside_the_specs_of_a_nested_platform() -> None:
    """A Quantity hook writes every spec of the platform inside a deal, reported values too."""
    converter = dm.make_converter()

    def write(q: Any) -> str:
        return f"{q.magnitude}|{q.units:~}"

    def read(value: Any, _: object) -> Any:
        return dm.units.quantity(value.replace("|", " "), None)

    converter.register_unstructure_hook(dm.Quantity, write)
    converter.register_structure_hook(dm.Quantity, read)
    deal = _deal()
    data = dm.unstructure(deal, converter=converter)
    wingspan = data["platform"]["specs"]["wingspan"]
    assert "|" in (wingspan if isinstance(wingspan, str) else wingspan[0]["value"])
    assert dm.structure(data, dm.Deal, converter=converter) == deal


def test_a_quantity_hook_is_still_held_to_the_declared_dimension() -> None:
    """A quantity a hook makes for a length field must be a length."""
    converter = dm.make_converter()
    converter.register_structure_hook(dm.Quantity, lambda _v, _t: dm.units.quantity("3 kg", None))
    with pytest.raises(dm.StructureError) as caught:
        dm.structure({"wingspan": "anything"}, dm.Specs, converter=converter)
    assert dict(caught.value.errors) == {"wingspan": "expected a length, got 'anything'"}


def test_a_library_error_a_hook_raises_is_reported_at_its_nested_path() -> None:
    """A dronemarket error from a leaf hook is reported at the field, deep inside the record."""
    converter = dm.make_converter()
    converter.register_structure_hook(
        dm.PartialDate, lambda _v, _t: dm.PartialDate.parse("2022-13")
    )
    data = dm.unstructure(_deal())
    with pytest.raises(dm.StructureError) as caught:
        dm.structure(data, dm.Deal, converter=converter)
    assert "deliveries[0].date" in dict(caught.value.errors)


def test_the_default_converter_is_not_changed_by_a_hook_on_another() -> None:
    """Hooks registered on one converter leave the default converter as it was."""
    converter = dm.make_converter()
    converter.register_unstructure_hook(dm.PartialDate, lambda _: "x")
    assert dm.unstructure(_deal())["deliveries"][0]["date"] != "x"


def test_a_traceback_from_generated_code_shows_its_source_line() -> None:
    """Generated functions are registered with linecache, so a traceback shows their lines."""
    codec = Builder(document=False, text=QuantityText()).codec(dm.Source)
    with pytest.raises(AttributeError) as caught:
        codec.unstructure(object(), None)
    text = "".join(traceback.format_exception(caught.value))
    assert "<dronemarket generated unstructure dronemarket.sources.Source>" in text
    assert "v = obj.title" in text


def test_the_codegen_benchmark_runs_and_both_ways_agree() -> None:
    """benchmarks/bench_codegen.py structures the same Deal both ways (one tiny run)."""
    pytest.importorskip("pydantic")  # the suite's fixtures import the baselines
    benchmarks = str(Path(__file__).parent.parent / "benchmarks")
    sys.path.insert(0, benchmarks)
    try:
        bench_codegen = importlib.import_module("bench_codegen")  # benchmarks/, on the path
    finally:
        sys.path.remove(benchmarks)
    results = bench_codegen.main(number=1, repeat=1)
    assert set(results) == {
        "structure/dronemarket",
        "structure/cattrs.gen",
        "unstructure/dronemarket",
        "unstructure/cattrs.gen",
    }
