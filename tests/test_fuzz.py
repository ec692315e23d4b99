"""Fuzzing the plain-data entry point: any JSON value gives an object or a dronemarket error.

Untrusted documents reach :func:`dronemarket.structure` and
:func:`dronemarket.load_records`; whatever they hold, the answer is a
`dronemarket` object or a :class:`dronemarket.StructureError`, never another
exception, and it comes in bounded time (no expression is evaluated).
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dronemarket as dm
from dronemarket import strategies as dms
from dronemarket.market import Market

pytestmark = pytest.mark.slow  # fuzzing: many examples per test

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
KEYS = st.sampled_from(
    [
        "name",
        "manufacturer",
        "category",
        "specs",
        "mtow",
        "ceiling",
        "value",
        "source",
        "title",
        "publisher",
        "country",
        "supplier",
        "recipient",
        "platform",
        "status",
        "sources",
        "quantity",
        "deliveries",
        "date",
        "count",
        "format",
        "version",
        "deals",
        "platforms",
        "organizations",
        "kind",
        "cooperation",
        "parties",
        "organization",
        "summary",
        "start",
        "end",
    ]
) | st.text(max_size=10)
JSON = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(KEYS, children, max_size=6),
    max_leaves=40,
)
"""Arbitrary JSON values, with keys drawn mostly from the ones the types use."""

TARGETS = (
    dm.Deal,
    dm.Platform,
    dm.Specs,
    Market,
    dm.Organization,
    dm.Source,
    dm.Count,
    dm.Money,
    dm.LicensedProduction,
    dm.Sanction,
    dm.Statement,
    dm.PartialDate,
    dm.Figure,
    dm.Reported,
    dm.Quantity,
    dm.Cooperation,
    dm.Classification,
)

FUZZ = settings(suppress_health_check=[HealthCheck.too_slow], max_examples=100)
MUTATE = settings(suppress_health_check=[HealthCheck.too_slow], max_examples=150)


def _answer(data: object, cls: Any) -> None:
    """Structure `data` as `cls`; anything but an object or a StructureError fails the test."""
    try:
        made = dm.structure(data, cls)
    except dm.StructureError as error:
        caught = error
    else:
        assert dm.structure(dm.unstructure(made), cls) == made
        return
    assert caught.errors
    assert all(path.isprintable() and message for path, message in caught.errors)
    assert str(caught).startswith(f"{len(caught.errors)} error")


@pytest.mark.parametrize("cls", TARGETS, ids=lambda cls: cls.__name__)
@FUZZ
@given(data=JSON)
def test_any_json_value_gives_an_object_or_a_structure_error(cls: Any, data: object) -> None:
    """Any JSON value, structured as any public type, yields an object or a StructureError."""
    _answer(data, cls)


def _mutate(value: Any, path: list[int], replacement: object) -> Any:
    """Replace the leaf or branch `path` selects (indexes taken modulo each size) in `value`."""
    if not path or not isinstance(value, dict | list) or not value:
        return replacement
    step, rest = path[0], path[1:]
    if isinstance(value, list):
        index = step % len(value)
        copy = list(value)
        copy[index] = _mutate(value[index], rest, replacement)
        return copy
    key = sorted(value)[step % len(value)]
    return {**value, key: _mutate(value[key], rest, replacement)}


@MUTATE
@given(
    deal=dms.deals(),
    path=st.lists(st.integers(min_value=0, max_value=50), max_size=8),
    replacement=JSON,
)
def test_a_valid_deal_with_one_part_replaced_gives_a_deal_or_a_structure_error(
    deal: dm.Deal, path: list[int], replacement: object
) -> None:
    """A valid deal's data with any one part replaced by any JSON value never crashes."""
    _answer(_mutate(dm.unstructure(deal), path, replacement), dm.Deal)


@MUTATE
@given(
    market=dms.markets(),
    path=st.lists(st.integers(min_value=0, max_value=50), max_size=8),
    replacement=JSON,
)
def test_a_valid_document_with_one_part_replaced_gives_a_market_or_a_structure_error(
    market: Market, path: list[int], replacement: object
) -> None:
    """A valid market document with any one part replaced by any JSON value never crashes."""
    _answer(_mutate(dm.unstructure(market), path, replacement), Market)


@MUTATE
@given(
    record=dms.cooperations(),
    path=st.lists(st.integers(min_value=0, max_value=50), max_size=8),
    replacement=JSON,
)
def test_a_valid_cooperation_record_with_one_part_replaced_gives_one_or_a_structure_error(
    record: dm.Cooperation, path: list[int], replacement: object
) -> None:
    """A valid cooperation record's data with any one part replaced never crashes."""
    _answer(_mutate(dm.unstructure(record), path, replacement), dm.Cooperation)


@MUTATE
@given(
    market=dms.markets(max_deals=1, max_production=0, max_sanctions=0, max_cooperation=4),
    path=st.lists(st.integers(min_value=0, max_value=50), max_size=8),
    replacement=JSON,
)
def test_a_document_with_a_cooperation_part_replaced_gives_a_market_or_an_error(
    market: Market, path: list[int], replacement: object
) -> None:
    """A market document with any one part of its cooperation table replaced never crashes."""
    document = dm.unstructure(market)
    document["cooperation"] = _mutate(document["cooperation"], path, replacement)
    _answer(document, Market)


@FUZZ
@given(items=st.lists(JSON, max_size=5))
def test_batch_loading_accounts_for_every_fuzzed_record(items: list[object]) -> None:
    """Loading arbitrary values as deals puts each one in `loaded` or `rejected`, none lost."""
    result = dm.load_records(items, dm.Deal)
    assert len(result.loaded) + len(result.rejected) == len(items)


@FUZZ
@given(text=st.text(max_size=80))
def test_any_string_as_a_quantity_is_parsed_or_rejected(text: str) -> None:
    """Any string given as a spec is a length or a StructureError; pint's parser never runs."""
    _answer({"ceiling": text}, dm.Specs)


@pytest.mark.parametrize(
    "text",
    ["2**2**2**2**2**2 m", "9" * 60 + " m", "(((((((((1))))))))) m", "1e999999 m", "__import__ m"],
)
def test_hostile_quantity_strings_are_rejected(text: str) -> None:
    """Expressions and absurd numbers in a quantity string are rejected, not evaluated."""
    with pytest.raises(dm.StructureError, match="ceiling"):
        dm.structure({"ceiling": text}, dm.Specs)


def test_json_special_floats_are_rejected() -> None:
    """NaN and infinities, which json.loads accepts, are rejected where a number is read."""
    for value in (math.nan, math.inf, -math.inf):
        with pytest.raises(dm.StructureError):
            dm.structure(json.loads(json.dumps({"low": value, "central": 1, "high": 2})), dm.Count)


@pytest.mark.parametrize(
    "cls", [list[dm.Deal], dict[str, dm.Source], tuple[dm.PartialDate, ...], list[int]], ids=str
)
@FUZZ
@given(data=JSON)
def test_containers_of_public_types_give_an_object_or_a_structure_error(
    cls: Any, data: object
) -> None:
    """Any JSON value structured as a container of public types never crashes."""
    _answer(data, cls)


# --- mutation fuzzing: valid documents, edited as a hostile user would (issue 11) ---------

ODD_VALUES: tuple[object, ...] = (
    "",
    "\x00\x1b[2J\x7f",
    "\ud800",
    "x" * 10_000,
    "9**9**9 m",
    "1e308 km",
    "1e300 ly",
    1e308,
    -1e308,
    10**400,
    2**53 + 1,
    0,
    -1,
    0.5,
    True,
    None,
    [],
    {},
    "TUR",
    "2022-13",
)
"""Values that break one rule or another: huge numbers, odd text, the wrong type."""

EDITS = st.lists(
    st.tuples(
        st.sampled_from(["drop", "duplicate", "deepen", "replace"]),
        st.lists(st.integers(min_value=0, max_value=50), max_size=8),
        st.sampled_from(ODD_VALUES),
    ),
    min_size=1,
    max_size=4,
)
"""Up to four edits, each an operation, a path (indexes modulo each size) and a value."""


def _edit(value: Any, path: list[int], operation: str, new: object) -> Any:  # noqa: PLR0911 - one return per edit
    """Return `value` with one edit made at the part `path` selects (a copy; nothing changes)."""
    if path and isinstance(value, dict | list) and value:
        step, rest = path[0], path[1:]
        if isinstance(value, list):
            index = step % len(value)
            copy = list(value)
            copy[index] = _edit(value[index], rest, operation, new)
            return copy
        key = sorted(value)[step % len(value)]
        return {**value, key: _edit(value[key], rest, operation, new)}
    if operation == "drop" and isinstance(value, list) and value:
        return value[1:]
    if operation == "drop" and isinstance(value, dict) and value:
        first = min(value)
        return {key: item for key, item in value.items() if key != first}
    if operation == "duplicate":
        return [*value, value[0]] if isinstance(value, list) and value else [value, value]
    if operation == "deepen":
        return [[{"x": value}]]
    return new


@pytest.mark.slow
@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(market=dms.markets(), edits=EDITS)
def test_an_edited_market_document_loads_or_is_refused_with_library_errors(
    market: Market, edits: list[tuple[str, list[int], object]]
) -> None:
    """A valid document, edited at random, loads as a Market or raises a DroneMarketError."""
    document: Any = dm.unstructure(market)
    for operation, path, new in edits:
        document = _edit(document, path, operation, new)
    try:
        made = dm.structure(document, Market)
    except dm.DroneMarketError:
        return
    assert isinstance(made, Market)
