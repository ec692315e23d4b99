"""cattrs.gen against dronemarket's own generated code, on the Deal of the suite.

    python benchmarks/bench_codegen.py

Structures and unstructures the suite's `Deal` (a nested platform with eight
specs) two ways: with dronemarket's converter (its hand-written code
generation), and with a cattrs converter whose attrs classes get
``cattrs.gen.make_dict_structure_fn`` / ``make_dict_unstructure_fn`` (strict:
extra keys forbidden, detailed validation for error paths, defaults
omitted) and whose leaf types (dates, countries, counts, specs, decimals,
tagged unions) use dronemarket's own leaf codecs. Prints the medians and the
ratios; the decision it informs is recorded in docs/loading-and-saving.md.
No target: a record, not a gate.
"""

from __future__ import annotations

import statistics
import timeit
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from suite import DealParts

import dronemarket as dm
from dronemarket.serialization import structure, unstructure
from dronemarket.serialization._codecs import QuantityText
from dronemarket.serialization._walk import Builder

GENERATED = (
    dm.Deal,
    dm.Platform,
    dm.Supplier,
    dm.Recipient,
    dm.Delivery,
    dm.Money,
    dm.Source,
    dm.Organization,
    dm.Statement,
)
LEAVES: tuple[Any, ...] = (dm.PartialDate, dm.Country, dm.Count, dm.Specs, Decimal)


def cattrs_gen_converter() -> cattrs.Converter:
    """Return a strict cattrs converter: cattrs.gen for records, dronemarket's leaf codecs."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    builder = Builder(document=False, text=QuantityText())

    def hooks(kind: Any) -> tuple[Callable[[Any, Any], Any], Callable[[Any], Any]]:
        codec = builder.codec(kind)
        s, u = codec.structure, codec.unstructure
        return (lambda value, _: s(value, None)), (lambda value: u(value, None))

    for kind in LEAVES:
        structure_hook, unstructure_hook = hooks(kind)
        converter.register_structure_hook(kind, structure_hook)
        converter.register_unstructure_hook(kind, unstructure_hook)
    party = dm.Organization | dm.Country | str
    structure_hook, unstructure_hook = hooks(party)
    converter.register_structure_hook(party, structure_hook)
    for union in (dm.Party | None, dm.Delivery | dm.DeliverySpan):
        structure_hook, unstructure_hook = hooks(union)
        converter.register_structure_hook(union, structure_hook)
        converter.register_unstructure_hook(union, unstructure_hook)
    for kind in GENERATED:
        converter.register_structure_hook(
            kind,
            make_dict_structure_fn(
                kind, converter, _cattrs_forbid_extra_keys=True, _cattrs_use_alias=True
            ),
        )
        omit: dict[str, Any] = {"id": override(omit=True)} if attrs_has_id(kind) else {}
        converter.register_unstructure_hook(
            kind,
            make_dict_unstructure_fn(
                kind, converter, _cattrs_omit_if_default=True, _cattrs_use_alias=True, **omit
            ),
        )
    return converter


def attrs_has_id(kind: type) -> bool:
    """Say whether a record has the computed `id` field (written by its alias instead)."""
    return any(a.name == "id" and not a.init for a in kind.__attrs_attrs__)  # type: ignore[attr-defined]


def median_us(thunk: Callable[[], object], number: int, repeat: int) -> float:
    """Return the median time of one call, in microseconds."""
    times = timeit.repeat(thunk, number=number, repeat=repeat)
    return statistics.median(times) / number * 1e6


def main(number: int = 500, repeat: int = 15) -> dict[str, float]:
    """Time both ways and print the medians and ratios; return them."""
    deal = DealParts.build().deal()
    ours = unstructure(deal)
    converter = cattrs_gen_converter()
    theirs = converter.unstructure(deal)
    assert structure(ours, dm.Deal) == deal
    assert converter.structure(theirs, dm.Deal) == deal
    results = {
        "structure/dronemarket": median_us(lambda: structure(ours, dm.Deal), number, repeat),
        "structure/cattrs.gen": median_us(
            lambda: converter.structure(theirs, dm.Deal), number, repeat
        ),
        "unstructure/dronemarket": median_us(lambda: unstructure(deal), number, repeat),
        "unstructure/cattrs.gen": median_us(lambda: converter.unstructure(deal), number, repeat),
    }
    for name, value in results.items():
        print(f"{name:<26} {value:8.1f} µs")
    for what in ("structure", "unstructure"):
        ratio = results[f"{what}/cattrs.gen"] / results[f"{what}/dronemarket"]
        print(f"{what}: cattrs.gen takes {ratio:.2f}x dronemarket's time")
    return results


if __name__ == "__main__":
    main()
