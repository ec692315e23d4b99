"""Deals, counts, deliveries and money: every rule of deals.py, one test each."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import dronemarket as dm
from dronemarket import (
    ArmedGroup,
    Category,
    Condition,
    Confidence,
    Count,
    Country,
    Deal,
    DealStatus,
    Delivery,
    DeliverySpan,
    Money,
    Multinational,
    Organization,
    OrgKind,
    PartialDate,
    Platform,
    Recipient,
    Source,
    Statement,
    Supplier,
    Territory,
    Tiv,
    _record,
    _validate,
)
from dronemarket.deals import MAX_AMOUNT, MAX_COUNT
from dronemarket.errors import UnknownCodeError, ValidationError

TURKEY, KYRGYZSTAN = Country("TUR"), Country("KGZ")
BAYKAR = Organization("Baykar", country=TURKEY, kind=OrgKind.MANUFACTURER)
TB2 = Platform("Bayraktar TB2", manufacturer=BAYKAR, category=Category.MALE)
NEWS = Source("Kyrgyzstan receives Bayraktar TB2", publisher="Asia-Plus")
OTHER_NEWS = Source("Turkish drones for Kyrgyzstan", publisher="TRT World")


def exact(message: str) -> str:
    """Return a pattern that matches `message` and nothing else."""
    return f"^{re.escape(message)}$"


def deal(**changes: Any) -> Deal:
    """Return a valid delivered TB2 deal to Kyrgyzstan, with `changes` applied."""
    arguments: dict[str, Any] = {
        "supplier": Supplier(TURKEY, manufacturer=BAYKAR),
        "recipient": Recipient(KYRGYZSTAN),
        "platform": TB2,
        "status": DealStatus.DELIVERED,
        "ordered": PartialDate(2021, 10),
        "quantity": 3,
        "deliveries": [Delivery(PartialDate(2021, 12), 3)],
        "sources": [NEWS],
    }
    arguments.update(changes)
    return Deal(**arguments)


# --- Count ------------------------------------------------------------------------------


def test_exact_count() -> None:
    """Count.exact(5) is exact, with all three figures 5."""
    count = Count.exact(5)
    assert count.is_exact
    assert count.bounds() == (5, 5, 5)
    assert str(count) == "5"
    assert repr(count) == "Count.exact(5)"


def test_about_count_keeps_the_wording() -> None:
    """'about four dozen' is an estimate centred on 48, with the source's words."""
    count = Count.about(48, wording="about four dozen")
    assert not count.is_exact
    assert count.estimate
    assert count.bounds() == (None, 48, None)
    assert str(count) == "about four dozen"


def test_at_least_between_and_up_to_counts() -> None:
    """'dozens', 'between 20 and 30' and 'up to 50' are estimates with the bounds they state."""
    assert Count.at_least(24, wording="dozens").bounds() == (24, None, None)
    assert Count.between(20, 30).bounds() == (20, None, 30)
    assert Count.up_to(50, wording="up to 50").bounds() == (None, None, 50)
    assert [str(Count.at_least(24)), str(Count.between(2, 3)), str(Count.up_to(50))] == [
        ">=24",
        "2-3",
        "<=50",
    ]
    assert str(Count.about(4)) == "~4"


def test_count_with_no_figure_is_rejected() -> None:
    """A count with no low, central or high figure is rejected."""
    with pytest.raises(
        ValidationError, match=exact("Count.central: None is None, and so are low and high")
    ):
        Count(None, None, None, estimate=True)


@pytest.mark.parametrize(
    ("low", "central", "high", "message"),
    [
        (5, 3, None, "Count.central: 3 is less than low (5)"),
        (None, 10, 5, "Count.high: 5 is less than low or central (None, 10)"),
        (30, None, 20, "Count.high: 20 is less than low or central (30, None)"),
    ],
)
def test_count_figures_must_be_ordered(
    low: int | None, central: int | None, high: int | None, message: str
) -> None:
    """low <= central <= high, wherever given; the error names the figure out of order."""
    with pytest.raises(ValidationError, match=exact(message)):
        Count(low, central, high, estimate=True)


@pytest.mark.parametrize(("low", "central", "high"), [(1, None, None), (1, 2, 3), (None, 5, None)])
def test_inexact_count_must_be_marked_as_an_estimate(
    low: int | None, central: int | None, high: int | None
) -> None:
    """A count that is not low == central == high must say it is an estimate."""
    rule = "is not exact (low == central == high) yet not marked as an estimate"
    with pytest.raises(ValidationError, match=exact(f"Count.estimate: False {rule}")):
        Count(low, central, high)


def test_an_exact_figure_may_be_marked_as_an_estimate() -> None:
    """SIPRI-style estimated exact figures are allowed: Count(5, 5, 5, estimate=True)."""
    count = Count(5, 5, 5, estimate=True)
    assert not count.is_exact


@pytest.mark.parametrize("part", [0, -1, MAX_COUNT + 1])
def test_count_figures_lie_in_1_to_max_count(part: int) -> None:
    """A figure below 1 or above MAX_COUNT is rejected."""
    with pytest.raises(
        ValidationError, match=exact(f"Count.low: {part} is outside 1..{MAX_COUNT:,}")
    ):
        Count(part, part, part)


@pytest.mark.parametrize("part", [True, 2.0, "3"])
def test_count_figures_must_be_ints(part: object) -> None:
    """A bool, a float or a string figure is rejected."""
    with pytest.raises(ValidationError, match=exact(f"Count.low: {part!r} is not an int")):
        Count(part, part, part)  # type: ignore[arg-type]


def test_count_estimate_flag_must_be_a_bool() -> None:
    """An estimate flag that is not a bool is rejected."""
    with pytest.raises(ValidationError, match=exact("Count.estimate: 'no' is not a bool")):
        Count(5, 5, 5, estimate="no")  # type: ignore[arg-type]


def test_count_wording_is_bounded() -> None:
    """Wording longer than 5,000 characters is rejected."""
    with pytest.raises(
        ValidationError, match=r"^Count\.wording: .* is longer than 5000 characters$"
    ):
        Count.exact(5, wording="x" * 5001)


def test_counts_add_up() -> None:
    """Counts add by the one counting rule: low, central and high figures each add up."""
    assert Count.exact(2) + Count.exact(3) == Count.exact(5)
    assert (Count.about(48) + Count.exact(3)).bounds() == (51, 51, 51)
    assert (Count.between(10, 20) + Count.exact(3)).bounds() == (13, 18, 23)
    total = Count.at_least(24) + Count.up_to(5)
    assert total.estimate
    assert total.bounds() == (25, 29, None)
    assert sum([Count.exact(1), Count.exact(2)]) == Count.exact(3)


def test_count_addition_is_associative() -> None:
    """How deliveries are grouped does not change their total."""
    a, b, c = Count.about(48), Count.up_to(50), Count.exact(3)
    assert (a + b) + c == a + (b + c)


def test_count_addition_does_not_clamp() -> None:
    """A sum over the count limit is the exact sum, not a clamped figure."""
    assert (Count.exact(600_000) + Count.exact(600_000)).bounds() == (1_200_000,) * 3


def test_a_delivery_beyond_the_most_ordered_is_rejected() -> None:
    """A delivery that surely exceeds the most that was ordered ('up to 2') is rejected."""
    with pytest.raises(ValidationError, match=r"^Deal\.deliveries: '5 delivered' exceeds"):
        deal(quantity=Count.up_to(2), deliveries=[Delivery(PartialDate(2021, 12), 5)])


def test_evolve_revalidates_counts() -> None:
    """attrs.evolve re-runs the count's rules."""
    with pytest.raises(ValidationError, match="not marked as an estimate"):
        attrs.evolve(Count.exact(5), high=6)


# --- Delivery ---------------------------------------------------------------------------


def test_delivery_with_date_and_count() -> None:
    """A delivery has a date and a count; an int is an exact count."""
    delivery = Delivery(PartialDate(2021, 12), 3)
    assert delivery.count == Count.exact(3)


def test_delivery_may_have_neither_date_nor_count() -> None:
    """A delivery the source reports without date or number is allowed."""
    delivery = Delivery(None)
    assert (delivery.date, delivery.count) == (None, None)


def test_delivery_count_may_be_an_estimate() -> None:
    """A delivery of 'more than a dozen' is an estimated count."""
    delivery = Delivery(PartialDate(2024), Count.at_least(13, wording="more than a dozen"))
    assert delivery.count is not None
    assert delivery.count.estimate


def test_delivery_date_must_be_a_partial_date() -> None:
    """A delivery date given as a string is rejected."""
    with pytest.raises(ValidationError, match=exact("Delivery.date: '2021' is not a PartialDate")):
        Delivery("2021")  # type: ignore[arg-type]


@pytest.mark.parametrize("count", [True, 3.0, "3"])
def test_delivery_count_must_be_a_count_or_an_int(count: object) -> None:
    """A bool, float or string count is rejected."""
    with pytest.raises(ValidationError, match=exact(f"Delivery.count: {count!r} is not a Count")):
        Delivery(None, count)  # type: ignore[arg-type]


def test_delivery_of_zero_is_rejected() -> None:
    """A delivery of zero units is rejected, and the error names the delivery's field."""
    with pytest.raises(ValidationError, match=r"^Delivery\.count: 0 is not a Count"):
        Delivery(None, 0)


# --- Money ------------------------------------------------------------------------------


@pytest.mark.parametrize("amount", [Decimal(69000000), 69000000, "69000000", "69000000.00"])
def test_money_takes_a_decimal_an_int_or_a_decimal_string(amount: Decimal | int | str) -> None:
    """An amount is held as a Decimal."""
    money = Money(amount, "USD")
    assert money.amount == Decimal(69000000)
    assert type(money.amount) is Decimal


@pytest.mark.parametrize("amount", [69e6, 1.5, 0.1])
def test_money_rejects_floats(amount: float) -> None:
    """A float amount is rejected: money is never a float."""
    rule = "is not a Decimal, an int or a decimal string of ASCII digits"
    with pytest.raises(ValidationError, match=exact(f"Money.amount: {amount!r} {rule}")):
        Money(amount, "USD")  # type: ignore[arg-type]


@pytest.mark.parametrize("amount", [True, None, "abc", "1,000"])
def test_money_rejects_other_amounts(amount: object) -> None:
    """A bool, None or a non-decimal string is rejected."""
    rule = "is not a Decimal, an int or a decimal string of ASCII digits"
    with pytest.raises(ValidationError, match=exact(f"Money.amount: {amount!r} {rule}")):
        Money(amount, "USD")  # type: ignore[arg-type]


@pytest.mark.parametrize("amount", ["0", "-5", "NaN", "Infinity", "-Infinity", "sNaN"])
def test_money_must_be_positive_and_finite(amount: str) -> None:
    """Zero, negative, NaN and infinite amounts are rejected."""
    message = f"Money.amount: {Decimal(amount)!r} is not a positive finite amount"
    with pytest.raises(ValidationError, match=exact(message)):
        Money(amount, "USD")


@pytest.mark.parametrize(
    "amount", ["\u0661\u0662", "\u0661\u0662.\u0665", "\uff11\uff12", "\u0967\u0968"]
)
def test_money_reads_ascii_digits_only(amount: str) -> None:
    """A decimal string in other scripts' digits is refused, as the schema refuses it."""
    rule = "is not a Decimal, an int or a decimal string of ASCII digits"
    with pytest.raises(ValidationError, match=exact(f"Money.amount: {amount!r} {rule}")):
        Money(amount, "USD")


@pytest.mark.parametrize(
    "amount", ["1." + "1" * 60, "0.000000001", Decimal("1E-100000"), Decimal("1." + "0" * 40)]
)
def test_money_refuses_amounts_that_would_not_read_back(amount: str | Decimal) -> None:
    """An amount with too many digits or decimal places is refused at construction."""
    with pytest.raises(
        ValidationError, match=r"^Money\.amount: .* significant digits or 8 decimal"
    ):
        Money(amount, "USD")


@given(st.decimals() | st.decimals(places=12) | st.from_regex(r"[0-9]{1,40}(\.[0-9]{1,12})?"))
def test_money_that_builds_round_trips(amount: Decimal | str) -> None:
    """A Money either is refused with a library error or reads back equal from its text."""
    try:
        money = Money(amount, "USD")
    except ValidationError:
        return
    assert Money(str(money.amount), "USD") == money
    assert dm.structure(dm.unstructure(money), Money) == money


def test_money_above_the_typo_guard_is_rejected() -> None:
    """An amount above MAX_AMOUNT is rejected; MAX_AMOUNT itself is accepted."""
    assert Money(MAX_AMOUNT, "USD").amount == MAX_AMOUNT
    with pytest.raises(
        ValidationError, match=r"^Money\.amount: Decimal\('1000000000000001'\) exceeds "
    ):
        Money(MAX_AMOUNT + 1, "USD")


@pytest.mark.parametrize("currency", ["USD", "EUR", "JPY", "TRY", "RUB", "CNY"])
def test_money_accepts_iso_4217_currencies(currency: str) -> None:
    """ISO 4217 codes are accepted."""
    assert Money("1", currency).currency == currency


@pytest.mark.parametrize("currency", ["ZZZ", "US", "DOLLAR", "", 840, None])
def test_money_rejects_unknown_currencies(currency: object) -> None:
    """A code that is not ISO 4217 is an UnknownCodeError."""
    rule = "is not an ISO 4217 currency code such as 'USD'"
    with pytest.raises(UnknownCodeError, match=exact(f"Money.currency: {currency!r} {rule}")):
        Money("1", currency)  # type: ignore[arg-type]


def test_money_currency_codes_are_upper_case() -> None:
    """A lower-case 'usd' is rejected or normalised, never kept as a second spelling of 'USD'."""
    try:
        money = Money("1", "usd")
    except ValidationError:
        return
    assert money.currency == "USD"


def test_money_shows_amount_currency_and_estimate() -> None:
    """str(Money) groups thousands and marks estimates with a tilde."""
    assert str(Money("69000000", "USD")) == "69,000,000 USD"
    assert str(Money("676000000", "USD", estimate=True)) == "~676,000,000 USD"


def test_money_estimate_flag_must_be_a_bool() -> None:
    """An estimate flag that is not a bool is rejected."""
    with pytest.raises(ValidationError, match=exact("Money.estimate: 1 is not a bool")):
        Money("1", "USD", estimate=1)  # type: ignore[arg-type]


# --- Deal -------------------------------------------------------------------------------


def test_a_valid_deal_and_its_derived_figures() -> None:
    """A deal holds its parts and derives its id, delivered total, year and organizations."""
    made = deal()
    assert made.id == "tur-kgz-bayraktar-tb2-2021-10"
    assert made.quantity == Count.exact(3)
    assert made.delivered == Count.exact(3)
    assert made.year == 2021
    assert made.organizations == (BAYKAR,)
    assert made.confidence is Confidence.REPORTED


def test_deal_statuses() -> None:
    """Interest, negotiation, ordered, delivering, delivered, cancelled, suspended."""
    assert [status.value for status in DealStatus] == [
        "interest",
        "negotiation",
        "ordered",
        "delivering",
        "delivered",
        "cancelled",
        "suspended",
    ]


def test_supplier_and_recipient_must_differ() -> None:
    """A deal from a country to itself is rejected."""
    message = "Deal.recipient: Country('TUR') is the supplier's party too"
    with pytest.raises(ValidationError, match=exact(message)):
        deal(recipient=Recipient(TURKEY))


def test_unknown_supplier_and_recipient_are_allowed() -> None:
    """Both sides may be unknown; two unknowns are not 'the same country'."""
    made = deal(supplier=Supplier(), recipient=Recipient())
    assert made.id == "unknown-unknown-bayraktar-tb2-2021-10"


def test_a_deal_needs_a_source() -> None:
    """A deal without a source is rejected."""
    with pytest.raises(
        ValidationError, match=exact("Deal.sources: () is empty (at least one is required)")
    ):
        deal(sources=[])


def test_deal_sources_must_not_repeat() -> None:
    """The same source twice is rejected."""
    with pytest.raises(ValidationError, match=r"^Deal\.sources: .* has duplicates$"):
        deal(sources=[NEWS, NEWS])


@pytest.mark.parametrize("status", [DealStatus.INTEREST, DealStatus.NEGOTIATION])
def test_interest_and_negotiation_have_no_order_date(status: DealStatus) -> None:
    """Before an order there is no order date."""
    rule = f"is set, but the status is {status.name}, before any order"
    with pytest.raises(ValidationError, match=exact(f"Deal.ordered: '2021-10' {rule}")):
        deal(status=status, deliveries=[])


@pytest.mark.parametrize("status", [DealStatus.INTEREST, DealStatus.NEGOTIATION])
def test_interest_and_negotiation_have_no_deliveries(status: DealStatus) -> None:
    """Before an order nothing is delivered."""
    with pytest.raises(
        ValidationError, match=rf"^Deal\.deliveries: .* are given, but the status is {status.name}$"
    ):
        deal(status=status, ordered=None)


def test_ordered_has_no_deliveries() -> None:
    """An ORDERED deal with deliveries should be DELIVERING."""
    with pytest.raises(
        ValidationError, match=r"^Deal\.deliveries: .* the status is ORDERED \(use DELIVERING\)$"
    ):
        deal(status=DealStatus.ORDERED)


@pytest.mark.parametrize("status", [DealStatus.DELIVERING, DealStatus.DELIVERED])
def test_delivering_and_delivered_need_a_delivery(status: DealStatus) -> None:
    """A deal said to be delivered has at least one delivery."""
    message = f"Deal.status: {status!r} is {status.name} but no delivery is given"
    with pytest.raises(ValidationError, match=exact(message)):
        deal(status=status, deliveries=[])


@pytest.mark.parametrize("status", [DealStatus.CANCELLED, DealStatus.SUSPENDED])
def test_cancelled_and_suspended_deals_may_have_deliveries_or_none(status: DealStatus) -> None:
    """A cancelled or suspended deal may or may not have delivered something."""
    assert deal(status=status).status is status
    assert deal(status=status, deliveries=[]).deliveries == ()


def test_no_delivery_before_the_order() -> None:
    """A delivery surely before the order is rejected."""
    rule = "has a delivery before the order (2021-10)"
    with pytest.raises(ValidationError, match=exact(f"Deal.deliveries: '2021-09' {rule}")):
        deal(deliveries=[Delivery(PartialDate(2021, 9), 3)])


def test_a_delivery_overlapping_the_order_date_is_accepted() -> None:
    """A delivery 'in 2021' may follow an order of October 2021."""
    assert deal(deliveries=[Delivery(PartialDate(2021), 3)]).delivered == Count.exact(3)


def test_delivered_may_not_exceed_an_exact_quantity() -> None:
    """Four delivered against three ordered is rejected."""
    rule = "exceeds the quantity ordered (3)"
    with pytest.raises(ValidationError, match=exact(f"Deal.deliveries: '4 delivered' {rule}")):
        deal(deliveries=[Delivery(PartialDate(2021, 12), 2), Delivery(PartialDate(2022, 1), 2)])


def test_delivered_may_exceed_an_estimated_quantity() -> None:
    """Estimates are not compared: five delivered against 'about three' is accepted."""
    assert deal(quantity=Count.about(3), deliveries=[Delivery(None, 5)]).delivered == Count.exact(5)


def test_delivered_total_is_unknown_if_any_delivery_count_is() -> None:
    """The delivered total is None if a delivery's count is not reported."""
    made = deal(deliveries=[Delivery(PartialDate(2021, 12), 2), Delivery(PartialDate(2022))])
    assert made.delivered is None


def test_quantity_int_becomes_an_exact_count() -> None:
    """quantity=3 is Count.exact(3); a bool is rejected."""
    assert deal().quantity == Count.exact(3)
    with pytest.raises(ValidationError, match=exact("Deal.quantity: True is not a Count")):
        deal(quantity=True)


@pytest.mark.parametrize("confidence", [Confidence.CONFIRMED, Confidence.DENIED])
def test_confirmed_or_denied_deal_needs_a_statement_saying_so(confidence: Confidence) -> None:
    """A CONFIRMED or DENIED deal carries a party's statement with that position."""
    rule = f"needs a Statement from a party with position {confidence.name}"
    with pytest.raises(ValidationError, match=exact(f"Deal.confidence: {confidence!r} {rule}")):
        deal(confidence=confidence)
    statement = Statement(KYRGYZSTAN, position=confidence, source=NEWS)
    assert deal(confidence=confidence, statements=[statement]).statements == (statement,)


def test_a_reported_deal_may_carry_a_denial() -> None:
    """Reported by the press and denied by a party: REPORTED with a DENIED statement."""
    denial = Statement(TURKEY, position=Confidence.DENIED, source=OTHER_NEWS)
    made = deal(sources=[NEWS, OTHER_NEWS], statements=[denial])
    assert made.confidence is Confidence.REPORTED


def test_a_confirmed_deal_needs_the_confirming_position() -> None:
    """A denial does not make a deal CONFIRMED."""
    denial = Statement(TURKEY, position=Confidence.DENIED, source=NEWS)
    with pytest.raises(
        ValidationError, match="needs a Statement from a party with position CONFIRMED"
    ):
        deal(confidence=Confidence.CONFIRMED, statements=[denial])


def test_intermediaries_are_kept_in_order_and_must_not_repeat() -> None:
    """Intermediaries route the transfer, in order; the same one twice is rejected."""
    broker = Organization("Broker", country=TURKEY, kind=OrgKind.INTERMEDIARY)
    end_user = Organization("Border Service", country=KYRGYZSTAN, kind=OrgKind.ARMED_FORCES)
    made = deal(intermediaries=[broker], recipient=Recipient(KYRGYZSTAN, end_user=end_user))
    assert made.intermediaries == (broker,)
    assert made.organizations == (BAYKAR, broker, end_user)
    with pytest.raises(ValidationError, match=r"^Deal\.intermediaries: .* has duplicates$"):
        deal(intermediaries=[broker, broker])


def test_intermediaries_must_be_organizations() -> None:
    """An intermediary given as a name is rejected."""
    with pytest.raises(
        ValidationError, match=r"^Deal\.intermediaries: 'TSK Vektor' is not an? Organization$"
    ):
        deal(intermediaries=["TSK Vektor"])


def test_value_must_be_money() -> None:
    """A value given as a number is rejected; Money is accepted."""
    with pytest.raises(ValidationError, match=exact("Deal.value: 69000000 is not a Money")):
        deal(value=69000000)
    assert deal(value=Money("69000000", "USD")).value == Money("69000000", "USD")


def test_condition_must_be_a_condition() -> None:
    """A condition given as text is rejected; a Condition is kept, and None means not stated."""
    with pytest.raises(ValidationError, match=exact("Deal.condition: 'yes' is not a Condition")):
        deal(condition="yes")
    assert deal(condition=Condition.SECOND_HAND_MODERNIZED).condition is (
        Condition.SECOND_HAND_MODERNIZED
    )
    assert deal().condition is None


def test_second_hand_is_gone() -> None:
    """The boolean second_hand field is replaced by condition: passing it fails."""
    with pytest.raises(TypeError, match="second_hand"):
        deal(second_hand=True)


def test_notes_are_bounded() -> None:
    """Notes longer than 5,000 characters are rejected."""
    with pytest.raises(ValidationError, match=r"^Deal\.notes: .* is longer than 5000 characters$"):
        deal(notes="x" * 5001)


@pytest.mark.parametrize("bad_id", ["", "TUR-KGZ", "-x", "a b", "x" * 129, 5])
def test_id_must_be_lower_case_and_short(bad_id: object) -> None:
    """An id with capitals, spaces, a leading dash or over 128 characters is rejected."""
    with pytest.raises(ValidationError, match=r"^Deal\.id: .* is not an id \(lower-case letters"):
        deal(id=bad_id)


def test_an_explicit_id_is_kept() -> None:
    """A caller's id is kept as given."""
    assert deal(id="sipri-12345").id == "sipri-12345"


def test_default_id_uses_the_announcement_when_there_is_no_order() -> None:
    """An interest without an order is identified by its announcement date, or as undated."""
    interest = deal(status=DealStatus.INTEREST, ordered=None, deliveries=[], quantity=None)
    assert interest.id == "tur-kgz-bayraktar-tb2-undated"
    assert interest.year is None
    announced = attrs.evolve(interest, announced=PartialDate(2020, 11), id="x")
    assert announced.year == 2020


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("supplier", "TUR"),
        ("recipient", "KGZ"),
        ("platform", "Bayraktar TB2"),
        ("status", "delivered"),
    ],
)
def test_deal_parts_must_have_their_types_when_an_id_is_given(field: str, value: str) -> None:
    """A part of the wrong type is a ValidationError naming the field."""
    with pytest.raises(ValidationError, match=rf"^Deal\.{field}: {value!r} is not a "):
        deal(**{field: value, "id": "x"})


@pytest.mark.parametrize(
    ("field", "value"), [("supplier", "TUR"), ("recipient", "KGZ"), ("platform", "Bayraktar TB2")]
)
def test_deal_parts_must_have_their_types(field: str, value: str) -> None:
    """A part of the wrong type is a ValidationError, also when the id is made by default."""
    with pytest.raises(ValidationError, match=rf"^Deal\.{field}: {value!r} is not a "):
        deal(**{field: value})


def test_evolve_revalidates_deals() -> None:
    """attrs.evolve re-runs the deal's rules."""
    with pytest.raises(ValidationError, match="is the supplier's party too"):
        attrs.evolve(deal(), recipient=Recipient(TURKEY))
    with pytest.raises(ValidationError, match="no delivery is given"):
        attrs.evolve(deal(), deliveries=())


def test_deals_are_equal_by_value_and_hashable() -> None:
    """Two deals built alike are equal and hash equal."""
    assert deal() == deal()
    assert hash(deal()) == hash(deal())


# --- Default ids ----------------------------------------------------------------------------


def _platform(name: str) -> Platform:
    return Platform(name, manufacturer=BAYKAR, category=Category.TACTICAL)


def test_names_in_other_scripts_get_distinct_default_ids() -> None:
    """Two deals for 'Орлан-10' and 'Гербера-10' get different default ids."""
    orlan, gerbera = deal(platform=_platform("Орлан-10")), deal(platform=_platform("Гербера-10"))
    assert orlan.id != gerbera.id
    assert orlan.id.startswith("tur-kgz-10-")


def test_accented_names_are_transliterated_in_default_ids() -> None:
    """An accented Latin name loses its accents in the id, with no digest."""
    assert deal(platform=_platform("Şimşek")).id == "tur-kgz-simsek-2021-10"


def test_default_ids_are_the_same_under_any_hash_seed() -> None:
    """A default id made from a Cyrillic name is the same in two runs with different hash seeds."""
    code = (
        "import dronemarket as dm; from dronemarket.deals import slug; "
        "print(slug('Орлан-10'), slug('翼龙-2'))"
    )
    outputs = {
        subprocess.run(  # noqa: S603 - runs this interpreter on fixed arguments
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    assert outputs.pop().split()[0].startswith("10-")


# --- type rules derived from the fields --------------------------------------------------


def test_deal_type_rules_are_derived_from_its_fields() -> None:
    """Every public init field of Deal without a validator has a type rule from its annotation."""
    rules = {rule.name: rule for rule in _validate.rules_of(Deal)}
    unchecked = {
        a.name for a in attrs.fields(Deal) if a.init and a.validator is None and a.name[0] != "_"
    }
    assert set(rules) == unchecked
    assert rules["sources"] == _validate.Rule(
        "sources", (tuple,), items=(Source,), non_empty=True, unique=True
    )
    assert rules["ordered"] == _validate.Rule("ordered", (PartialDate,), optional=True)
    assert rules["intermediaries"].unique


@attrs.frozen(field_transformer=_record.in_order)
class _Toy(_record.Record):
    """A new record type: it gets the shared fields in one line, and their types are checked."""

    _SOURCES_AFTER = "when"

    name: str = attrs.field(kw_only=True)
    when: PartialDate | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        _toy_types(self)


_toy_types = _validate.type_checker_of(_Toy)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": 5}, "_Toy.name: 5 is not a str"),
        ({"when": "2021"}, "_Toy.when: '2021' is not a PartialDate"),
        ({"sources": []}, "_Toy.sources: () is empty (at least one is required)"),
        ({"sources": [NEWS, NEWS]}, "_Toy.sources: (Source("),
        ({"confidence": "reported"}, "_Toy.confidence: 'reported' is not a Confidence"),
        ({"notes": 5}, "_Toy.notes: 5 is not a string"),
    ],
)
def test_a_new_record_type_gets_the_shared_fields_and_derived_type_rules(
    changes: dict[str, Any], message: str
) -> None:
    """A record declared with the shared field factories checks each field's type on its own."""
    arguments: dict[str, Any] = {"name": "toy", "sources": [NEWS], **changes}
    with pytest.raises(ValidationError, match=f"^{re.escape(message)}"):
        _Toy(**arguments)
    toy = _Toy(name="toy", sources=[NEWS])
    assert toy.confidence is Confidence.REPORTED
    assert [a.name for a in attrs.fields(_Toy)][:5] == [
        "name",
        "when",
        "sources",
        "confidence",
        "statements",
    ]


# --- parties, condition, TIV, delivery spans ---------------------------------------------

HOUTHIS = ArmedGroup("Houthi rebels", base=Country("YEM"))
IRAN = Country("IRN")


def test_a_deal_to_an_armed_group_in_its_base_is_not_to_itself() -> None:
    """A deal from Yemen to a group based in Yemen is allowed: the group is not Yemen."""
    made = deal(supplier=Supplier(Country("YEM")), recipient=Recipient(HOUTHIS))
    assert made.recipient.party == HOUTHIS
    assert made.recipient.country is None


def test_the_same_non_country_party_on_both_sides_is_rejected() -> None:
    """A deal from NATO to NATO is rejected, as a deal from a country to itself is."""
    nato = Multinational("NATO")
    with pytest.raises(ValidationError, match="is the supplier's party too"):
        deal(supplier=Supplier(nato), recipient=Recipient(nato))


def test_default_id_names_a_non_country_party() -> None:
    """A deal to an armed group gets an id naming the group, not its base."""
    made = deal(supplier=Supplier(IRAN), recipient=Recipient(HOUTHIS))
    assert made.id == "irn-houthi-rebels-yemen-bayraktar-tb2-2021-10"
    territory = deal(recipient=Recipient(Territory("Northern Cyprus")))
    assert territory.id == "tur-northern-cyprus-bayraktar-tb2-2021-10"


def test_tiv_is_kept_and_must_be_a_tiv() -> None:
    """A Tiv is kept beside the value; a number in its place is rejected."""
    tiv = Tiv(per_unit="2.4", order="7.2", delivered="7.2")
    assert deal(tiv=tiv).tiv == tiv
    assert deal().tiv is None
    with pytest.raises(ValidationError, match=exact("Deal.tiv: 7.2 is not a Tiv")):
        deal(tiv=7.2)


def test_tiv_keeps_figures_as_written() -> None:
    """A Tiv keeps Decimal("4.80") with its trailing zero, and SIPRI's rounded totals."""
    tiv = Tiv(per_unit="0.05", order="4.80", delivered="4.8")
    assert str(tiv.order) == "4.80"
    assert tiv.per_unit is not None
    assert tiv.per_unit * 100 != tiv.order  # SIPRI's rounding kept, not corrected


def test_a_span_is_a_delivery() -> None:
    """A DeliverySpan keeps its years and its total, and counts toward what is delivered."""
    span = DeliverySpan([2022, 2023], count=8)
    made = deal(quantity=8, deliveries=[span])
    assert made.deliveries == (span,)
    assert made.delivered == Count.exact(8)


def test_a_span_beside_dated_deliveries_adds_its_total() -> None:
    """A deal's delivered total adds a span's total to dated deliveries' counts."""
    made = deal(
        quantity=10,
        deliveries=[Delivery(PartialDate(2021, 12), 2), DeliverySpan((2022, 2024), count=8)],
    )
    assert made.delivered == Count.exact(10)


def test_a_span_with_an_unknown_count_leaves_the_total_unknown() -> None:
    """A span with no count makes the total delivered unknown, as an uncounted delivery does."""
    assert deal(deliveries=[DeliverySpan((2022, 2023))]).delivered is None


def test_a_span_beyond_the_quantity_is_rejected() -> None:
    """A span's total counts whole against the most ordered: 8 over two years exceeds 3."""
    with pytest.raises(
        ValidationError,
        match=exact("Deal.deliveries: '8 delivered' exceeds the quantity ordered (3)"),
    ):
        deal(deliveries=[DeliverySpan((2022, 2023), count=8)])


def test_a_span_starting_before_the_order_is_rejected() -> None:
    """A span whose first year is before the order year is surely before the order."""
    with pytest.raises(ValidationError, match="has a delivery before the order"):
        deal(deliveries=[DeliverySpan((2020, 2022), count=3)])


def test_a_span_starting_in_the_order_year_is_accepted() -> None:
    """A span from the order's own year may follow an order of October that year."""
    made = deal(deliveries=[DeliverySpan((2021, 2022), count=3)])
    assert made.deliveries[0].years == (2021, 2022)  # type: ignore[union-attr]


def test_a_span_satisfies_the_delivering_status() -> None:
    """A delivering deal may have a span as its only delivery; an ordered deal may have none."""
    span = DeliverySpan((2022, 2023), count=2)
    assert deal(status=DealStatus.DELIVERING, deliveries=[span]).status is DealStatus.DELIVERING
    with pytest.raises(ValidationError, match="are given, but the status is ORDERED"):
        deal(status=DealStatus.ORDERED, deliveries=[span])


def test_deliveries_must_be_deliveries_or_spans() -> None:
    """A delivery given as a tuple of years is rejected; spans and deliveries are accepted."""
    with pytest.raises(ValidationError, match=r"^Deal\.deliveries: .* is not a Delivery or "):
        deal(deliveries=[(2022, 2023)])


@pytest.mark.parametrize(
    ("years", "rule"),
    [
        ((), "is not a non-empty tuple of years"),
        ((2023, 2022), "is not in strictly increasing order"),
        ((2022, 2022), "is not in strictly increasing order"),
        (("2022",), "is not a year in"),
    ],
)
def test_span_years_are_checked(years: tuple[Any, ...], rule: str) -> None:
    """A span's years are a non-empty, strictly increasing tuple of years."""
    with pytest.raises(ValidationError, match=re.escape(rule)):
        DeliverySpan(years, count=2)
