"""Fixes of the issue 11 review: sums, lookups, deep pickles, argument types, reals, Money text."""

from __future__ import annotations

import copy
import numbers
import pickle
import threading
import tracemalloc
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest

import dronemarket as dm
from dronemarket.errors import NotFoundError, UnitError, ValidationError

P = dm.PartialDate
HUGE = "x" * 10**7


def _big_deal(*counts: dm.Count | int) -> dm.Deal:
    deal = dm.catalog.deals()[0]
    deliveries = [dm.Delivery(P(2021 + i), count) for i, count in enumerate(counts)]
    return attrs.evolve(deal, id=None, quantity=None, deliveries=deliveries)


# --- item 8: sums of counts -------------------------------------------------------------


def test_counts_add_beyond_the_typo_guard() -> None:
    """Two counts of 600,000 add up to 1,200,000: the typo guard bounds a figure, not a sum."""
    total = dm.Count.exact(600_000) + dm.Count.exact(600_000)
    assert total.bounds() == (1_200_000,) * 3
    assert total.is_exact
    assert sum([dm.Count.about(600_000)] * 3).bounds() == (1_800_000,) * 3  # type: ignore[union-attr]


def test_a_deal_delivering_more_than_the_guard_reports_its_total() -> None:
    """A deal whose deliveries add up beyond 1,000,000 reports the sum as delivered."""
    deal = _big_deal(600_000, 600_000)
    assert deal.delivered is not None
    assert deal.delivered.bounds() == (1_200_000, 1_200_000, 1_200_000)


@pytest.mark.parametrize(
    "count",
    [600_000, dm.Count(None, 600_000, None, estimate=True), dm.Count(1, 2, 600_000, estimate=True)],
)
def test_the_overview_of_a_market_with_large_deliveries_works(count: dm.Count | int) -> None:
    """The overview of a market that built never raises for deliveries adding up past the guard."""
    market = dm.Market.of(_big_deal(count, count))
    assert "delivered" in dm.catalog.overview(market)


def test_a_stated_count_over_the_guard_is_still_refused() -> None:
    """A single stated count over 1,000,000 is still refused, naming its field."""
    with pytest.raises(ValidationError, match=r"Count\.high"):
        dm.Count(1, 2, 1_000_001, estimate=True)


# --- item 14: bounded lookups and picklable NotFoundError ------------------------------


@pytest.mark.parametrize(
    "lookup",
    [
        dm.catalog.platform,
        dm.catalog.organization,
        dm.catalog.lookup,
        dm.regions.lookup,
        dm.catalog.sanction,
        dm.catalog.source,
        lambda name: dm.catalog.market().organization(name),
        lambda name: dm.catalog.market().platform(name),
    ],
)
def test_an_overlong_name_is_not_found_without_suggestions(lookup: Any) -> None:
    """A name longer than any name can be is not found at once: nothing the size of it is made."""
    with pytest.raises(NotFoundError):
        lookup("Bayraktar TB9")  # builds the catalog and loads difflib first
    tracemalloc.start()
    try:
        with pytest.raises(NotFoundError) as caught:
            lookup(HUGE)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < len(HUGE) // 10  # a copy, a normal form or a matcher of it would cost more
    assert caught.value.suggestions in {(), tuple(sorted(r.name for r in dm.regions.ALL))}
    assert len(str(caught.value)) < 2_000


def test_suggestions_still_come_for_a_short_typo() -> None:
    """A short misspelt name still gets close suggestions."""
    with pytest.raises(NotFoundError) as caught:
        dm.catalog.platform("Bayraktar TB9")
    assert caught.value.suggestions


def test_a_not_found_error_pickles_any_key() -> None:
    """A NotFoundError whose key cannot be pickled still pickles, keeping its message."""
    error = NotFoundError("platform", threading.Lock(), "the market", ["TB2"])
    copied = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert type(copied) is NotFoundError
    assert str(copied) == str(error)
    assert copied.suggestions == ("TB2",)
    assert copied.what == "platform"


# --- item 3: deep lineage pickles and copies -------------------------------------------


def _chain(levels: int) -> dm.Platform:
    org = dm.Organization("Baykar", country=dm.Country("TUR"), kind=dm.OrgKind.MANUFACTURER)
    platform = dm.Platform("P0", manufacturer=org, category=dm.Category.MALE)
    for i in range(1, levels):
        variant, derived = (platform, None) if i % 2 else (None, platform)
        platform = dm.Platform(
            f"P{i}",
            manufacturer=org,
            category=dm.Category.MALE,
            variant_of=variant,
            derived_from=derived,
        )
    return platform


def test_a_deep_lineage_pickles_and_reads_back_equal() -> None:
    """A 5,000-level lineage chain pickles and unpickles to an equal platform."""
    platform = _chain(5_000)
    copied = pickle.loads(pickle.dumps(platform))  # noqa: S301 - our own bytes
    assert copied == platform
    assert len(copied.lineage()) == 4_999


def test_a_deep_lineage_deep_copies() -> None:
    """A 5,000-level lineage chain survives copy.deepcopy, equal to the original."""
    platform = _chain(5_000)
    assert copy.deepcopy(platform) == platform


def test_a_pickled_platform_keeps_shared_parents_equal() -> None:
    """A platform with both a variant parent and a derived parent reads back with both."""
    base = _chain(3)
    other = dm.Platform("Other", manufacturer=None)
    child = dm.Platform("Child", manufacturer=None, variant_of=base, derived_from=other)
    copied = pickle.loads(pickle.dumps(child))  # noqa: S301 - our own bytes
    assert copied == child
    assert copied.variant_of == base
    assert copied.derived_from == other


# --- item 12: wrong argument types ------------------------------------------------------


@pytest.mark.parametrize("call", [dm.catalog.sanction, dm.catalog.source])
@pytest.mark.parametrize("key", [[], {}, None, 5])
def test_catalog_keys_of_the_wrong_type_are_not_found(call: Any, key: object) -> None:
    """A sanction or source key that is not a str is not found (a library error): no TypeError."""
    with pytest.raises(NotFoundError):
        call(key)


@pytest.mark.parametrize("market", [5, None, "market", []])
def test_the_overview_of_something_not_a_market_is_refused(market: object) -> None:
    """The overview of a non-Market raises a ValidationError naming the argument."""
    with pytest.raises(ValidationError, match="market"):
        dm.catalog.overview(market)  # type: ignore[arg-type]


# --- item 2: every numbers.Real -------------------------------------------------------


class _Real:
    """A real number type of its own, registered as numbers.Real like numpy's scalars."""

    def __init__(self, value: float) -> None:
        self.value = value

    def __float__(self) -> float:
        return float(self.value)

    def __repr__(self) -> str:
        return f"_Real({self.value})"


numbers.Real.register(_Real)


class _Integral(int):
    """An int subclass, as a stand-in for numpy's int64 (an Integral)."""


@pytest.mark.parametrize("magnitude", [_Real(12.0), _Integral(12), Fraction(12), 12.0])
def test_any_real_magnitude_is_accepted(magnitude: object) -> None:
    """A magnitude of any numbers.Real type but bool is accepted, as the plain number."""
    registry = dm.units.registry()
    specs = dm.Specs(wingspan=registry.Quantity(magnitude, "m"))
    assert specs.wingspan is not None
    assert specs.wingspan.to("m").magnitude == 12
    assert type(specs.wingspan.magnitude) in {int, float}


@pytest.mark.parametrize("magnitude", [Decimal(12), complex(12, 0)])
def test_non_real_magnitudes_are_still_refused(magnitude: object) -> None:
    """A Decimal or a complex magnitude is refused as not a real number."""
    registry = dm.units.registry()
    with pytest.raises(UnitError, match="not a real number"):
        dm.Specs(wingspan=registry.Quantity(magnitude, "m"))


# --- item 10: Money text follows the schema ---------------------------------------------


@pytest.mark.parametrize("text", ["12_000", " 12 ", "12 ", "1_0.5", "+ 12", "12.", ".5", "1e5_0"])
def test_money_text_outside_the_schema_pattern_is_refused(text: str) -> None:
    """A Money amount written in text the schema refuses (underscores, spaces) is refused."""
    with pytest.raises(ValidationError, match=r"Money\.amount"):
        dm.Money(text, "USD")


@pytest.mark.parametrize(
    ("text", "amount"), [("12000", 12000), ("+12.5", Decimal("12.5")), ("1.2E6", 1_200_000)]
)
def test_money_text_inside_the_schema_pattern_is_read(text: str, amount: Decimal) -> None:
    """A Money amount in the schema's own text form is read exactly."""
    assert dm.Money(text, "USD").amount == amount
