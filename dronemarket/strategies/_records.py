"""Strategies for counts, deliveries, money, deals, licensed production and cooperation."""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Sequence
from decimal import Decimal
from typing import Final, NamedTuple, TypeVar

from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from dronemarket.cooperation import MULTILATERAL_KINDS, Cooperation, CooperationKind
from dronemarket.dates import PartialDate
from dronemarket.deals import (
    DELIVERY_BEGUN,
    MAX_AMOUNT,
    MAX_COUNT,
    PRE_ORDER,
    Condition,
    Count,
    Deal,
    DealStatus,
    Delivery,
    DeliverySpan,
    Money,
)
from dronemarket.errors import ValidationError
from dronemarket.parties import (
    Country,
    Organization,
    OrgKind,
    Recipient,
    Statement,
    Supplier,
)
from dronemarket.platforms import (
    Platform,
)
from dronemarket.production import NOT_STARTED, Arrangement, LicensedProduction, ProductionStatus
from dronemarket.sources import Confidence
from dronemarket.strategies._checks import (
    _choose,
    _collection,
    _countries_of,
    _members,
    _statuses,
    brief_repr,
)
from dronemarket.strategies._drawing import (
    _GO_BETWEENS,
    _LICENSEES,
    _draw_country,
    _draw_date,
    _draw_date_from,
    _draw_pooled,
    _draw_sources,
    _maybe,
    _not_before,
    _Orgs,
    _unique,
)
from dronemarket.strategies._parties import (
    _POSITIONS,
    _draw_recipient,
    _draw_statement,
    _draw_supplier,
)
from dronemarket.strategies._pool import pool_platforms, with_content_id
from dronemarket.strategies._sipri import draw_other_party, draw_span, draw_tiv
from dronemarket.strategies._vocabulary import (
    _CONFIDENCES,
    _COUNT_KINDS,
    _CURRENCIES,
    _FACILITIES,
    _NOTES,
    COUNTRY_CODES,
    DEFAULT_MAX_YEAR,
    DEFAULT_MIN_YEAR,
    CountKind,
)

T = TypeVar("T")

# --- counts, deliveries, money ------------------------------------------------------------------


def _draw_count(draw: st.DrawFn, kinds: Sequence[CountKind], low: int, high: int) -> Count:
    kind = draw(st.sampled_from(kinds))
    first = draw(st.integers(low, high))
    if kind == "exact":
        return Count.exact(first)
    worded = draw(st.booleans())
    if kind == "between":
        second = draw(st.integers(first, high))
        wording = f"between {first} and {second}" if worded else ""
        return Count.between(first, second, wording=wording)
    make = {"about": Count.about, "at_least": Count.at_least, "up_to": Count.up_to}[kind]
    return make(first, wording=f"{kind.replace('_', ' ')} {first}" if worded else "")


_ESTIMATES: Final[tuple[CountKind, ...]] = ("about", "between", "at_least", "up_to")
_COUNT_HIGH: Final = 500


@st.composite
def _counts(draw: st.DrawFn, kinds: tuple[CountKind, ...], low: int, high: int) -> Count:
    return _draw_count(draw, kinds, low, high)


def counts(
    *,
    kinds: Collection[CountKind] | None = None,
    min_value: int = 1,
    max_value: int = _COUNT_HIGH,
) -> SearchStrategy[Count]:
    """Generate :class:`~dronemarket.Count` s: exact, or an estimate or a range.

    `kinds` chooses among ``"exact"``, ``"about"``, ``"between"``,
    ``"at_least"`` and ``"up_to"`` (the :class:`~dronemarket.Count`
    constructors of the same names); every figure lies in
    ``min_value..max_value``. Counts shrink to ``Count.exact(min_value)``.
    """
    wanted = _COUNT_KINDS if kinds is None else _collection(kinds, "kinds")
    if not set(wanted) <= set(_COUNT_KINDS):
        raise InvalidArgument(f"kinds={kinds!r} is not a collection of {_COUNT_KINDS}")
    for name, value in (("min_value", min_value), ("max_value", max_value)):
        if type(value) is not int or not 1 <= value <= MAX_COUNT:
            raise InvalidArgument(f"{name}={value!r} is not an int in 1..{MAX_COUNT}")
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value} exceeds max_value={max_value}")
    return _counts(tuple(k for k in _COUNT_KINDS if k in wanted), min_value, max_value)


_any_counts = counts  # for functions whose `counts` argument hides this one


@st.composite
def _deliveries(
    draw: st.DrawFn, floor: PartialDate | None, number: SearchStrategy[Count] | None
) -> Delivery:
    date = _maybe(draw, lambda: _draw_date_from(draw, floor))
    if number is not None:
        return Delivery(date, _maybe(draw, lambda: draw(number)))
    return Delivery(date, _maybe(draw, lambda: _draw_count(draw, _COUNT_KINDS, 1, _COUNT_HIGH)))


def deliveries(
    *,
    not_before: PartialDate | None = None,
    counts: SearchStrategy[Count] | None = None,
) -> SearchStrategy[Delivery]:
    """Generate :class:`~dronemarket.Delivery` s, never surely before `not_before`.

    A delivery's date or count may be unknown (None); `counts` defaults to
    :func:`counts`.
    """
    if not_before is not None and not isinstance(not_before, PartialDate):
        raise InvalidArgument(f"not_before={not_before!r} is not a PartialDate")
    return _deliveries(not_before, counts)


def _draw_money(draw: st.DrawFn, currencies: Sequence[str], low: Decimal, high: Decimal) -> Money:
    currency = draw(st.sampled_from(currencies))
    estimate = draw(st.booleans())
    amount = Decimal(draw(st.integers(1, 999)) * 10 ** draw(st.integers(0, 9)))
    if draw(st.booleans()):  # an amount with cents, now and then
        amount += Decimal(draw(st.integers(1, 99))) / 100
    if not low <= amount <= high:
        amount = draw(st.decimals(low, high, places=2))
    return Money(amount, currency, estimate=estimate)


@st.composite
def _money(draw: st.DrawFn, currencies: tuple[str, ...], low: Decimal, high: Decimal) -> Money:
    return _draw_money(draw, currencies, low, high)


def money(
    *,
    currencies: Collection[str] | None = None,
    min_value: Decimal | int = 1,
    max_value: Decimal | int = MAX_AMOUNT,
) -> SearchStrategy[Money]:
    """Generate :class:`~dronemarket.Money`: a Decimal amount in an ISO 4217 currency.

    Amounts are round (``69000000``) or carry cents, within
    ``min_value..max_value``; `currencies` defaults to a few common ones
    (USD first).
    """
    chosen = _CURRENCIES if currencies is None else tuple(_collection(currencies, "currencies"))
    try:
        low, high = Money(min_value, chosen[0]).amount, Money(max_value, chosen[0]).amount
        for code in chosen:
            Money(1, code)
    except ValidationError as error:
        raise InvalidArgument(str(error)) from None
    if low > high:
        raise InvalidArgument(f"min_value={min_value} exceeds max_value={max_value}")
    return _money(chosen, low, high)


# --- deals and production -----------------------------------------------------------------------


_NO_DELIVERY: Final = PRE_ORDER | {DealStatus.ORDERED}
_SIPRI_ODDS: Final = 5  # one supplier (and one recipient) in six is a party that is no state
_TRIES: Final = 5  # draws of a caller's recipient (or host) to find one in another country


def _platforms_of(
    given: Collection[Platform] | SearchStrategy[Platform] | None,
) -> SearchStrategy[Platform]:
    """Return the platforms a record is drawn with: the caller's, or the shared pool's."""
    chosen = _choose(given, "platforms")
    return st.sampled_from(pool_platforms()) if chosen is None else chosen


class _DealArgs(NamedTuple):
    statuses: tuple[DealStatus, ...]
    platforms: SearchStrategy[Platform]
    suppliers: SearchStrategy[Supplier] | None  # None: mostly the platform's maker
    recipients: SearchStrategy[Recipient] | None  # None: one in another country
    orgs: _Orgs

    def __repr__(self) -> str:
        return brief_repr(self)


def _draw_maker_supplier(draw: st.DrawFn, platform: Platform, orgs: _Orgs) -> Supplier:
    """Return the platform's maker as supplier (first), else a drawn supplier."""
    maker = platform.manufacturer
    if maker is not None and not draw(st.booleans()):
        return Supplier(maker.country, manufacturer=maker)
    return _draw_supplier(draw, None, orgs, None)


def _draw_other(draw: st.DrawFn, strategy: SearchStrategy[T], ok: Callable[[T], bool]) -> T:
    """Draw from a caller's strategy until `ok` holds (a few tries, then reject the example)."""
    for _ in range(_TRIES):
        value = draw(strategy)
        if ok(value):
            return value
    assume(False)  # noqa: FBT003 - hypothesis' own API
    raise AssertionError  # pragma: no cover - assume(False) does not return


def _draw_deliveries(
    draw: st.DrawFn, status: DealStatus, ordered: PartialDate | None, ordered_count: Count | None
) -> list[Delivery | DeliverySpan]:
    """Draw deliveries that agree with the status, the order date and the quantity's bound.

    What is surely delivered (the sum of the counts' floors) stays within the
    most that was ordered (the quantity's ``high``), as :class:`Deal` requires.
    Some are spans over several years (SIPRI's "2022; 2023"), from the order's year.
    """
    if status in _NO_DELIVERY:
        return []
    number = draw(st.integers(1 if status in DELIVERY_BEGUN else 0, 3))
    budget = ordered_count.high if ordered_count is not None else None
    made: list[Delivery | DeliverySpan] = []
    first = DEFAULT_MIN_YEAR if ordered is None else ordered.year
    span = number > 0 and draw(st.integers(0, 3)) == 3  # the first is a span over years
    for _ in range(number):
        date = _maybe(draw, lambda: _draw_date_from(draw, ordered))
        count: Count | None
        if budget is None:
            count = _maybe(draw, lambda: _draw_count(draw, _COUNT_KINDS, 1, _COUNT_HIGH))
        elif budget > 0:
            count = _maybe(draw, functools.partial(_draw_count, draw, _COUNT_KINDS, 1, budget))
            budget -= count.floor if count is not None else 0
        else:  # nothing more can surely be delivered: an unknown count adds nothing
            count = None
        if span:
            made.append(draw_span(draw, first, max(first, DEFAULT_MAX_YEAR), count))
            span = False
        else:
            made.append(Delivery(date, count))
    return made


def _draw_backing(
    draw: st.DrawFn, *countries: Country | None
) -> tuple[Confidence, list[Statement]]:
    """Draw a confidence and statements that back it (a confirmed record has a confirmation).

    The parties are the record's own countries, so a market needs to hold no
    extra organization for them.
    """
    present = [country for country in countries if country is not None] or list(
        map(Country, COUNTRY_CODES[:2])
    )

    def party() -> Country:
        return draw(st.sampled_from(present))

    confidence = draw(st.sampled_from(_CONFIDENCES))
    made = [_draw_statement(draw, _POSITIONS, party) for _ in range(draw(st.integers(0, 1)))]
    if confidence in _POSITIONS:
        made.insert(0, _draw_statement(draw, (confidence,), party))
    return confidence, _unique(made)


def _draw_deal(draw: st.DrawFn, args: _DealArgs) -> Deal:
    # One draw for SIPRI's facts (markets stay small and shrink well): a condition and a
    # TIV (bits 0 and 1), and whether supplier or recipient is a party that is no state.
    sipri = draw(st.integers(0, 4 * (_SIPRI_ODDS + 1) ** 2 - 1))
    extras, odds = sipri % 4, sipri // 4
    odd_supplier = odds % (_SIPRI_ODDS + 1) == _SIPRI_ODDS
    odd_recipient = odds // (_SIPRI_ODDS + 1) == _SIPRI_ODDS
    platform = draw(args.platforms)
    if args.suppliers is None:
        if odd_supplier:  # NATO**, a group*, a former state
            supplier = Supplier(draw_other_party(draw, None))
        else:
            supplier = _draw_maker_supplier(draw, platform, args.orgs)
    else:
        supplier = draw(args.suppliers)
    other = None
    if args.recipients is None and odd_recipient:
        other = draw_other_party(draw, supplier.party)
    if other is not None:
        recipient = Recipient(other)
    elif args.recipients is None:
        recipient = _draw_recipient(
            draw, lambda: _draw_country(draw, other_than=supplier.country), args.orgs, None
        )
    else:
        recipient = _draw_other(
            draw, args.recipients, lambda r: r.party is None or r.party != supplier.party
        )
    status = draw(st.sampled_from(args.statuses))
    ordered = None if status in PRE_ORDER else _maybe(draw, lambda: _draw_date(draw))
    ordered_count = _maybe(draw, lambda: _draw_count(draw, _COUNT_KINDS, 1, _COUNT_HIGH))
    go_betweens = [args.orgs.one(draw, _GO_BETWEENS, None) for _ in range(draw(st.integers(0, 2)))]
    confidence, said = _draw_backing(draw, supplier.country, recipient.country)
    return Deal(
        supplier=supplier,
        recipient=recipient,
        platform=platform,
        status=status,
        sources=_draw_sources(draw),
        ordered=ordered,
        announced=_maybe(draw, lambda: _draw_date(draw)),
        quantity=ordered_count,
        deliveries=_draw_deliveries(draw, status, ordered, ordered_count),
        value=_maybe(draw, lambda: _draw_money(draw, _CURRENCIES, Decimal(1), MAX_AMOUNT)),
        intermediaries=_unique(org for org in go_betweens if org is not None),
        condition=draw(st.sampled_from(Condition)) if extras & 1 else None,
        tiv=draw_tiv(draw) if extras & 2 else None,
        confidence=confidence,
        statements=said,
        notes=draw(st.sampled_from(_NOTES)),
    )


_deals = st.composite(_draw_deal)


def deals(
    *,
    status: DealStatus | str | Collection[DealStatus | str] | None = None,
    platforms: Collection[Platform] | SearchStrategy[Platform] | None = None,
    suppliers: Collection[Supplier] | SearchStrategy[Supplier] | None = None,
    recipients: Collection[Recipient] | SearchStrategy[Recipient] | None = None,
) -> SearchStrategy[Deal]:
    """Generate valid :class:`~dronemarket.Deal` s.

    Every rule of :class:`~dronemarket.Deal` holds by construction: the
    status agrees with the order date and the deliveries, no delivery is
    surely before the order, exact deliveries never exceed an exact
    quantity, supplier and recipient parties differ, there is at least
    one source, and a confirmed or denied deal carries a party's statement
    saying so. `status` restricts the status (a status, its value, or a
    collection of them); `platforms`, `suppliers` and `recipients` take a
    collection to choose from or a strategy.

    By default platforms and organizations come from one shared pool, in
    which a name always means the same object, and each deal's id ends in
    a digest of its content, so that any list of drawn deals builds a
    market (``Market.of(*deals)``). The supplier is mostly the platform's
    manufacturer and its country, and the recipient is in another country;
    about one supplier and one recipient in six is a party that is no
    current state (a former state, a territory, an armed group or a
    multinational). Deals may carry a condition and a TIV, and a first
    delivery may be a span over several years. A recipient drawn
    from `recipients` in the supplier's country is drawn again, so those
    two arguments must allow some pair of different countries.
    """
    args = _DealArgs(
        _statuses(status, DealStatus, "status"),
        _platforms_of(platforms),
        _choose(suppliers, "suppliers"),
        _choose(recipients, "recipients"),
        _Orgs.shared(),
    )
    return _deals(args).map(with_content_id)


class _ProductionArgs(NamedTuple):
    arrangements: tuple[Arrangement, ...]
    statuses: tuple[ProductionStatus, ...]
    platforms: SearchStrategy[Platform]
    licensors: SearchStrategy[Supplier] | None  # None: mostly the platform's maker
    hosts: SearchStrategy[Country] | None  # None: a country other than the licensor's
    orgs: _Orgs

    def __repr__(self) -> str:
        return brief_repr(self)


def _draw_produced(
    draw: st.DrawFn, status: ProductionStatus, planned: Count | None
) -> Count | None:
    """Draw a produced count that agrees with the status and the planned count's bound."""
    if status in NOT_STARTED:
        return None
    most = planned.high if planned is not None else None
    return _maybe(draw, lambda: _draw_count(draw, _COUNT_KINDS, 1, most or _COUNT_HIGH))


def _draw_production(draw: st.DrawFn, args: _ProductionArgs) -> LicensedProduction:
    platform = draw(args.platforms)
    if args.licensors is None:
        licensor = _draw_maker_supplier(draw, platform, args.orgs)
    else:
        licensor = draw(args.licensors)
    if args.hosts is None:
        host = _draw_country(draw, other_than=licensor.country)
    else:
        host = _draw_other(draw, args.hosts, lambda country: country != licensor.country)
    status = draw(st.sampled_from(args.statuses))
    agreed = _maybe(draw, lambda: _draw_date(draw))
    planned = _maybe(draw, lambda: _draw_count(draw, _COUNT_KINDS, 1, _COUNT_HIGH))
    confidence, said = _draw_backing(draw, licensor.country, host)
    return LicensedProduction(
        platform=platform,
        licensor=licensor,
        host=host,
        arrangement=draw(st.sampled_from(args.arrangements)),
        status=status,
        sources=_draw_sources(draw),
        licensee=args.orgs.maybe(draw, _LICENSEES, host),
        announced=_maybe(draw, lambda: _draw_date(draw)),
        agreed=agreed,
        started=_not_before(_maybe(draw, lambda: _draw_date(draw)), agreed),
        facility=_maybe(draw, lambda: draw(st.sampled_from(_FACILITIES))),
        planned=planned,
        produced=_draw_produced(draw, status, planned),
        confidence=confidence,
        statements=said,
        notes=draw(st.sampled_from(_NOTES)),
    )


_licensed_production = st.composite(_draw_production)


def licensed_production(
    *,
    arrangements: Collection[Arrangement] | None = None,
    status: ProductionStatus | str | Collection[ProductionStatus | str] | None = None,
    platforms: Collection[Platform] | SearchStrategy[Platform] | None = None,
    licensors: Collection[Supplier] | SearchStrategy[Supplier] | None = None,
    hosts: Collection[Country | str] | SearchStrategy[Country] | None = None,
) -> SearchStrategy[LicensedProduction]:
    """Generate valid :class:`~dronemarket.LicensedProduction` records.

    Every rule holds by construction: the host differs from the licensor's
    country, production does not start surely before the agreement, an
    exact produced count does not exceed an exact planned one, nothing is
    produced before production starts, there is at least one source, and a
    confirmed or denied record carries a party's statement. The arguments
    restrict each field as in :func:`deals`; by default the licensor is
    mostly the platform's manufacturer and its country.
    """
    args = _ProductionArgs(
        arrangements=_members(arrangements, Arrangement, "arrangements"),
        statuses=_statuses(status, ProductionStatus, "status"),
        platforms=_platforms_of(platforms),
        licensors=_choose(licensors, "licensors"),
        hosts=_countries_of(hosts, "hosts"),
        orgs=_Orgs.shared(),
    )
    return _licensed_production(args).map(with_content_id)


# --- cooperation -------------------------------------------------------------------------------

_SUMMARIES: Final = {
    CooperationKind.VISIT: "A delegation inspects the drone",
    CooperationKind.MEETING: "Defence ministers discuss drones",
    CooperationKind.AGREEMENT: "A memorandum on drone cooperation is signed",
    CooperationKind.BUDGET: "Money is set aside for drones",
    CooperationKind.PROPOSAL: "A purchase of drones is proposed",
    CooperationKind.EXPERTISE: "Experts help develop drones",
    CooperationKind.EXERCISE: "A joint exercise with drones",
}


class _CooperationArgs(NamedTuple):
    kinds: tuple[CooperationKind, ...]
    parties: SearchStrategy[Organization | Country] | None  # None: countries or new orgs
    platforms: SearchStrategy[Platform] | None  # None: the record concerns no platform

    def __repr__(self) -> str:
        return brief_repr(self)


def _draw_cooperation(draw: st.DrawFn, args: _CooperationArgs) -> Cooperation:
    kind = draw(st.sampled_from(args.kinds))

    def party() -> Organization | Country:
        if args.parties is not None:
            return draw(args.parties)
        if draw(st.booleans()):
            return _draw_pooled(
                draw, (OrgKind.STATE_AGENCY, OrgKind.ARMED_FORCES, OrgKind.MANUFACTURER)
            )
        return _draw_country(draw)

    least = 2 if kind in MULTILATERAL_KINDS else 1
    parties = _unique(party() for _ in range(draw(st.integers(least, 3))))
    for _ in range(_TRIES):  # repeats were dropped: draw until there are enough parties
        if len(parties) >= least:
            break
        candidate = party()
        if candidate not in parties:
            parties.append(candidate)
    assume(len(parties) >= least)
    start = _maybe(draw, lambda: _draw_date(draw))
    value = _maybe(draw, lambda: _draw_money(draw, _CURRENCIES, Decimal(1), MAX_AMOUNT))
    if kind is CooperationKind.BUDGET and value is None:
        value = _draw_money(draw, _CURRENCIES, Decimal(1), MAX_AMOUNT)
    countries = (p if isinstance(p, Country) else p.country for p in parties)
    confidence, said = _draw_backing(draw, *countries)
    return Cooperation(
        kind=kind,
        parties=parties,
        summary=_SUMMARIES.get(kind, f"{kind.value.capitalize()} on drones"),
        sources=_draw_sources(draw),
        start=start,
        end=_not_before(_maybe(draw, lambda: _draw_date(draw)), start),
        platforms=_draw_concerned(draw, args.platforms),
        value=value,
        confidence=confidence,
        statements=said,
        notes=draw(st.sampled_from(_NOTES)),
    )


def _draw_concerned(draw: st.DrawFn, platforms: SearchStrategy[Platform] | None) -> list[Platform]:
    """Draw the platforms a cooperation record concerns: none to two, none without a pool."""
    if platforms is None:
        return []
    return _unique(draw(platforms) for _ in range(draw(st.integers(0, 2))))


@st.composite
def _cooperations(draw: st.DrawFn, args: _CooperationArgs) -> Cooperation:
    return _draw_cooperation(draw, args)


def cooperations(
    *,
    kinds: Collection[CooperationKind] | None = None,
    parties: Collection[Organization | Country]
    | SearchStrategy[Organization | Country]
    | None = None,
    platforms: Collection[Platform] | SearchStrategy[Platform] | None = None,
) -> SearchStrategy[Cooperation]:
    """Generate valid :class:`~dronemarket.Cooperation` records.

    Every rule holds by construction: visits, meetings, agreements and
    exercises have two or more distinct parties, every record at least one;
    the end is not surely before the start; a budget carries its amount;
    there is at least one source; a confirmed or denied record carries a
    party's statement. `parties` by default are countries or new
    organizations; `platforms` (default: :func:`platforms`) are the ones it
    concerns, none to two. The parties given must allow two distinct ones.
    """
    args = _CooperationArgs(
        _members(kinds, CooperationKind, "kinds"),
        _choose(parties, "parties"),
        _platforms_of(platforms),
    )
    return _cooperations(args).map(with_content_id)
