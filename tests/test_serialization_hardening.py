"""Hostile input to the serializer: strict containers, deep lineage, foreign errors, races."""

from __future__ import annotations

import json
import threading
from typing import Any

import cattrs
import pytest

import dronemarket as dm
from dronemarket.market import Market
from dronemarket.serialization import _converter


def _errors(data: object, cls: Any, converter: cattrs.Converter | None = None) -> dict[str, str]:
    """Structure `data`, expecting failure; return its errors by path."""
    with pytest.raises(dm.StructureError) as caught:
        dm.structure(data, cls, converter=converter)
    return dict(caught.value.errors)


ACME = dm.Organization("Acme", country=dm.Country("TUR"), kind=dm.OrgKind.MANUFACTURER)


SPECS = dm.Specs(
    wingspan=[dm.Reported(dm.units.quantity("12 m", None), dm.Source("T", publisher="P"))]
)


def _chain(levels: int) -> dm.Platform:
    """Return a platform with `levels` - 1 ancestors, each the variant of the one before.

    Each has a sourced spec, so each level nests four deep on its own.
    """
    platform = dm.Platform(name="P0", manufacturer=ACME, specs=SPECS)
    for level in range(1, levels):
        platform = dm.Platform(
            name=f"P{level}", manufacturer=ACME, specs=SPECS, variant_of=platform
        )
    return platform


def _names(platform: dm.Platform | None) -> list[str]:
    """Return the names along a lineage chain, without recursion."""
    names = []
    while platform is not None:
        names.append(platform.name)
        platform = platform.variant_of
    return names


# --- strict containers (issue 11, item 9) ----------------------------------------------


@pytest.mark.parametrize(
    ("data", "cls"),
    [("", list[dm.Deal]), ({"a": 1}, list[str]), ("TUR", list[str]), (5, dict[str, str])],
)
def test_a_container_type_gets_a_container_or_an_error(data: object, cls: Any) -> None:
    """A string or an object where a list is expected is an error, never iterated."""
    errors = _errors(data, cls)
    assert list(errors) == [""]
    assert errors[""].startswith("expected a")


def test_a_nested_container_error_has_its_path() -> None:
    """An error inside a container of containers is reported at its own path."""
    errors = _errors({"a": ["x"], "b": "TUR"}, dict[str, list[str]])
    assert errors == {"b": "expected a list, got 'TUR'"}
    assert _errors([["x"], ["y", 3]], list[list[str]]) == {"[1][1]": "expected a string, got 3"}


def test_a_list_type_gives_a_list() -> None:
    """A list type is read into a list (and a tuple type into a tuple)."""
    assert dm.structure(["a", "b"], list[str]) == ["a", "b"]
    assert dm.structure(["a", "b"], tuple[str, ...]) == ("a", "b")


def test_a_top_level_iterable_obeys_the_size_limits() -> None:
    """A range of 300,000 numbers is refused, as a list of them is."""
    assert _errors(range(300_000), list[int])
    assert _errors(list(range(300_000)), list[int]) == {"": "has more than 100,000 items"}


def test_a_top_level_set_is_treated_like_a_nested_one() -> None:
    """A Python set is not JSON at the top level either, and a list with repeats is no set."""
    nested = _errors({"title": {"T"}, "publisher": "P"}, dm.Source)
    top = _errors({"a", "b"}, frozenset[str])
    assert "not JSON" in next(iter(nested.values()))
    assert "not JSON" in top[""]
    assert _errors(["a", "a"], frozenset[str]) == {"": "['a', 'a'] has repeated items"}


# --- the market document (item 15) -----------------------------------------------------


def _document() -> dict[str, Any]:
    """Return the document of a small catalog market with two deals."""
    market = dm.catalog.market()
    return dm.unstructure(Market.of(*market.deals[:2]))  # type: ignore[no-any-return]


def test_a_duplicate_id_is_reported_at_its_own_path() -> None:
    """A deal whose id another deal has is reported at deals[1].id, not at the document."""
    document = _document()
    document["deals"][1]["id"] = document["deals"][0]["id"]
    errors = _errors(document, Market)
    assert list(errors) == ["deals[1].id"]
    assert "deals[0]" in errors["deals[1].id"]


def test_an_empty_source_id_is_refused() -> None:
    """A source under the empty id is refused, as the schema says."""
    document = _document()
    sources = document["sources"]
    key = next(iter(sources))
    sources[""] = sources[key]
    assert "sources['']" in _errors(document, Market)


def test_a_source_nothing_cites_is_refused_not_dropped() -> None:
    """A source no record cites is refused: saving the market again would drop it."""
    document = _document()
    document["sources"]["orphan"] = {"title": "Nobody cites me", "publisher": "P"}
    assert list(_errors(document, Market)) == ["sources.orphan"]


# --- lineage of any length (item 3) ----------------------------------------------------


def test_a_lineage_of_300_levels_is_read_back_as_written() -> None:
    """A standalone platform with 299 ancestors is written, and the writing is readable."""
    platform = _chain(300)
    data = json.loads(json.dumps(dm.unstructure(platform)))
    assert _names(dm.structure(data, dm.Platform)) == _names(platform)


def test_a_lineage_deeper_than_max_depth_is_within_the_limits() -> None:
    """Lineage does not count against the depth limit: what the writer makes is readable."""
    levels = dm.serialization.MAX_DEPTH + 8
    data = dm.unstructure(_chain(levels))
    expected = [f"P{n}" for n in range(levels - 1, -1, -1)]
    assert _names(dm.structure(data, dm.Platform)) == expected


def test_an_error_deep_in_a_lineage_is_reported_at_its_path() -> None:
    """A bad ancestor is reported at variant_of.variant_of...., and only there."""
    data = dm.unstructure(_chain(5))
    data["variant_of"]["variant_of"]["category"] = "huge"
    errors = _errors(data, dm.Platform)
    assert list(errors) == ["variant_of.variant_of.category"]


def test_a_lineage_listed_child_first_in_a_document_is_read() -> None:
    """199 platforms, each listed before its parent, load from a market document."""
    names = _names(_chain(199))
    document = {
        "format": dm.serialization.DOCUMENT_FORMAT,
        "version": dm.serialization.DOCUMENT_VERSION,
        "organizations": [dm.unstructure(ACME)],
        "platforms": [
            {"name": name, "manufacturer": "Acme"}
            | ({"variant_of": names[index + 1]} if index + 1 < len(names) else {})
            for index, name in enumerate(names)
        ],
    }
    market = dm.structure(document, Market)
    assert len(market.platforms) == 199
    assert _names(market.platform("P198")) == names


# --- foreign errors are errors at a path (item 2) --------------------------------------


@pytest.mark.parametrize("path", ["mtow", "ceiling"])
def test_an_overflowing_quantity_is_a_structure_error_at_its_path(path: str) -> None:
    """A finite magnitude whose SI value overflows is an error at its spec, not an OverflowError."""
    unit = "t" if path == "mtow" else "km"
    errors = _errors({path: [f"1e308 {unit}"]}, dm.Specs)
    assert list(errors) in ([path], [f"{path}[0]"])


def test_an_overflowing_report_is_a_structure_error() -> None:
    """A Reported value of '1e308 km' is a StructureError."""
    assert _errors({"value": "1e308 km"}, dm.Reported)


def test_batch_loading_rejects_only_the_overflowing_record() -> None:
    """load_records rejects the record that overflows and loads the rest."""
    result = dm.load_records(
        [{"wingspan": "12 m"}, {"wingspan": ["1e308 km"]}, {"mtow": "650 kg"}], dm.Specs
    )
    assert len(result.loaded) == 2
    assert [rejected.index for rejected in result.rejected] == [1]


def test_a_foreign_error_from_a_hook_is_reported_at_its_nested_path() -> None:
    """A ValueError a user's hook raises inside a record is an error at the field's path."""
    converter = dm.make_converter()

    def bad(value: object, _kind: object) -> dm.PartialDate:
        raise ValueError(value)

    converter.register_structure_hook(dm.PartialDate, bad)
    data = {"date": "2022", "count": 2}
    errors = _errors(data, dm.Delivery, converter)
    assert list(errors) == ["date"]
    assert "ValueError" in errors["date"]


def test_a_keyboard_interrupt_is_not_swallowed() -> None:
    """Interrupts pass through the converter untouched."""
    converter = dm.make_converter()

    def interrupt(_value: object, _kind: object) -> dm.PartialDate:
        raise KeyboardInterrupt

    converter.register_structure_hook(dm.PartialDate, interrupt)
    with pytest.raises(KeyboardInterrupt):
        dm.structure({"date": "2022", "count": 2}, dm.Delivery, converter=converter)


# --- money and races (items 10 and 1) --------------------------------------------------


@pytest.mark.parametrize("amount", ["\u0661\u0662", "\uff11\uff12", "12.\u0665"])
def test_decimal_amounts_read_ascii_digits_only(amount: str) -> None:
    """An amount in Arabic-Indic or full-width digits is refused, as the schema refuses it."""
    assert list(_errors({"amount": amount, "currency": "USD"}, dm.Money)) == ["amount"]


def test_the_default_converter_is_made_once_under_concurrent_first_use(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Eight threads asking for the default converter at once get one converter, made once."""
    monkeypatch.setattr(_converter, "_DEFAULT", [])
    made: list[cattrs.Converter] = []
    second = threading.Event()
    real = _converter.make_converter

    def slow_make() -> cattrs.Converter:
        made.append(real())
        if len(made) > 1:
            second.set()
        second.wait(timeout=0.5)  # gives a racing thread the chance to come in too
        return made[-1]

    monkeypatch.setattr(_converter, "make_converter", slow_make)
    barrier = threading.Barrier(8)
    got: list[cattrs.Converter] = []

    def first_use() -> None:
        barrier.wait()
        got.append(_converter.default_converter())

    threads = [threading.Thread(target=first_use) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 1
    assert len(got) == 8
    assert all(converter is made[0] for converter in got)
