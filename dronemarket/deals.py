"""Deals: who supplies what to whom, how many, when, for how much, and says who.

The record follows what the SIPRI Arms Transfers Database keeps for a
transfer (number ordered, year of order, years and numbers delivered, estimate
flags, condition, TIV, multi-year deliveries), typed and checked:

>>> import dronemarket as dm
>>> turkey, kyrgyzstan = dm.Country("TUR"), dm.Country("KGZ")
>>> baykar = dm.Organization("Baykar", country=turkey, kind=dm.OrgKind.MANUFACTURER)
>>> tb2 = dm.Platform("Bayraktar TB2", manufacturer=baykar, category=dm.Category.MALE)
>>> news = dm.Source("Kyrgyzstan receives Bayraktar TB2", publisher="Daily Sabah")
>>> deal = dm.Deal(
...     supplier=dm.Supplier(turkey, manufacturer=baykar),
...     recipient=dm.Recipient(kyrgyzstan),
...     platform=tb2,
...     status=dm.DealStatus.DELIVERED,
...     ordered=dm.PartialDate(2021, 10),
...     quantity=3,
...     deliveries=[dm.Delivery(dm.PartialDate(2021, 12), 3)],
...     sources=[news],
... )
>>> deal.id, deal.delivered
('tur-kgz-bayraktar-tb2-2021-10', Count.exact(3))

Counts need not be exact: "dozens" is ``Count.at_least(24, wording="dozens")``,
"about four dozen" is ``Count.about(48, wording="about four dozen")``.
"""

from __future__ import annotations

import enum
import functools
import hashlib
import itertools
import operator
import re
import unicodedata
from collections.abc import Iterable
from typing import Final

import attrs
from attrs import field, frozen

from dronemarket import _display, _record
from dronemarket import _validate as v
from dronemarket._money import MAX_AMOUNT, MAX_AMOUNT_DIGITS, MAX_AMOUNT_PLACES, Money
from dronemarket._tiv import MAX_TIV, Condition, Tiv
from dronemarket.dates import MAX_YEAR, MIN_YEAR, PartialDate
from dronemarket.errors import ValidationError
from dronemarket.parties import (
    Country,
    Organization,
    Party,
    Recipient,
    Supplier,
    check_confidence,
)
from dronemarket.platforms import Platform
from dronemarket.sources import Source

__all__ = [
    "MAX_AMOUNT",
    "MAX_AMOUNT_DIGITS",
    "MAX_AMOUNT_PLACES",
    "MAX_COUNT",
    "MAX_TIV",
    "Condition",
    "Count",
    "Deal",
    "DealStatus",
    "Delivery",
    "DeliverySpan",
    "Money",
    "Tiv",
]

MAX_COUNT: Final = 1_000_000
"""The largest figure a stated count may have (typo guard); a sum of counts may exceed it."""
_SLUG = re.compile(r"[^a-z0-9]+")


_DIGEST_SIZE: Final = 4
"""Bytes of the digest a slug carries when its text does not transliterate (8 hex digits)."""


def _ascii(text: str) -> str:
    """Return `text` with accents dropped and other non-ASCII characters removed."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


@functools.lru_cache(maxsize=4096)
def slug(text: str) -> str:
    """Return `text` as a lower-case ASCII id fragment: ``"Bayraktar TB2"`` -> ``"bayraktar-tb2"``.

    Accented Latin letters lose their accents (``"TUSAŞ"`` -> ``"tusas"``).
    A letter or digit with no ASCII form (Cyrillic, Arabic, Chinese) cannot
    be spelled in an id, so the fragment ends with a short digest of the
    text instead: distinct names get distinct fragments, the same on every
    run and under any hash seed (``"Орлан-10"`` -> ``"10-"`` and 8 hex digits).
    """
    plain = _ascii(text)
    fragment = _SLUG.sub("-", plain.casefold()).strip("-")
    if any(not char.isascii() and char.isalnum() and not _ascii(char) for char in text):
        key = unicodedata.normalize("NFKC", text).casefold().encode("utf-8", "surrogatepass")
        digest = hashlib.blake2b(key, digest_size=_DIGEST_SIZE).hexdigest()
        fragment = f"{fragment}-{digest}" if fragment else digest
    return fragment


def _check_count_part(
    instance: Count, attribute: attrs.Attribute[int | None], value: object
) -> None:
    if value is None:
        return
    if type(value) is not int:
        v.fail(instance, attribute, value, "is not an int")
    if not 1 <= value <= MAX_COUNT:
        v.fail(instance, attribute, value, f"is outside 1..{MAX_COUNT:,}")


@frozen(repr=False, cache_hash=True)
class Count:
    """How many, as precisely as the source says: exact, estimated or a range.

    ``low`` and ``high`` bound the count (None: no bound is reported);
    ``central`` is the best single figure (None: the source gives none).

    >>> Count.exact(5).is_exact
    True
    >>> Count.at_least(24, wording="dozens").bounds()
    (24, None, None)
    """

    low: int | None = field(validator=_check_count_part)
    """The least the count can be, or None."""
    central: int | None = field(validator=_check_count_part)
    """The best single figure, or None."""
    high: int | None = field(validator=_check_count_part)
    """The most the count can be, or None."""
    estimate: bool = field(default=False, kw_only=True, validator=v.is_a(bool))
    """Whether the figures are estimates rather than reported counts."""
    wording: str = field(default="", kw_only=True, validator=v.note)
    """The source's own words ("dozens", "about four dozen", "up to 50")."""

    def __attrs_post_init__(self) -> None:
        parts = [p for p in (self.low, self.central, self.high) if p is not None]
        if not parts:
            raise ValidationError("Count", "central", None, "is None, and so are low and high")
        low, central, high = self.low, self.central, self.high
        if low is not None and central is not None and low > central:
            raise ValidationError("Count", "central", central, f"is less than low ({low})")
        if high is not None and high < max(p for p in (low, central, high) if p is not None):
            rule = f"is less than low or central ({low}, {central})"
            raise ValidationError("Count", "high", high, rule)
        if not self.estimate and (len(parts) != 3 or parts[0] != parts[2]):
            rule = "is not exact (low == central == high) yet not marked as an estimate"
            raise ValidationError("Count", "estimate", self.estimate, rule)

    @classmethod
    def exact(cls, number: int, *, wording: str = "") -> Count:
        """Return an exact, reported count."""
        return cls(number, number, number, wording=wording)

    @classmethod
    def about(cls, number: int, *, wording: str = "") -> Count:
        """Return an estimate with a central figure and no bounds ("about 48")."""
        return cls(None, number, None, estimate=True, wording=wording)

    @classmethod
    def between(cls, low: int, high: int, *, wording: str = "") -> Count:
        """Return an estimated range ("between 20 and 30")."""
        return cls(low, None, high, estimate=True, wording=wording)

    @classmethod
    def at_least(cls, number: int, *, wording: str = "") -> Count:
        """Return an estimate with only a lower bound ("dozens": at least 24)."""
        return cls(number, None, None, estimate=True, wording=wording)

    @classmethod
    def up_to(cls, number: int, *, wording: str = "") -> Count:
        """Return an estimate with only an upper bound ("up to 50")."""
        return cls(None, None, number, estimate=True, wording=wording)

    @property
    def is_exact(self) -> bool:
        """Say whether the count is exact."""
        return not self.estimate

    def bounds(self) -> tuple[int | None, int | None, int | None]:
        """Return ``(low, central, high)``; None where the source gives no figure."""
        return (self.low, self.central, self.high)

    @property
    def floor(self) -> int:
        """Return the least the count can be: ``low``, or 1 when no bound is reported."""
        return 1 if self.low is None else self.low

    def figures(self) -> tuple[int, int, int | None]:
        """Return what the count contributes to a total: ``(low, central, high)``.

        The one counting rule of the library (analytics, row exports and
        ``sum()`` of counts all use it):

        - ``low`` is the reported lower bound, else the central figure, else
          1 (every count is at least 1);
        - ``central`` is the central figure, else the midpoint of the two
          bounds (rounded down), else the one bound reported;
        - ``high`` is the reported upper bound, else the central figure when
          no lower bound is reported either ("about 48" is an estimate *of*
          48), else None: unbounded ("at least 24").

        >>> Count.exact(5).figures(), Count.about(48).figures()
        ((5, 5, 5), (48, 48, 48))
        >>> Count.between(20, 30).figures(), Count.at_least(24).figures()
        ((20, 25, 30), (24, 24, None))
        >>> Count.up_to(50).figures()
        (1, 50, 50)
        """
        low, central, high = self.low, self.central, self.high
        if central is None:
            if low is not None and high is not None:
                central = (low + high) // 2
            else:
                central = low if low is not None else high
        if high is None and low is None:
            high = central
        if low is None:
            low = self.central if self.central is not None else 1
        return low, central, high  # type: ignore[return-value]

    def __add__(self, other: Count) -> Count:
        """Add two counts by their :meth:`figures`: low, central and high each add up.

        A high of None (unbounded) makes the sum's high None. Addition is
        associative and commutative, and ``sum(counts)`` works; the sum is
        an estimate when either count is. A sum may exceed :data:`MAX_COUNT`,
        which guards one stated figure against typos, not a total.

        >>> Count.exact(3) + Count.about(48)
        Count(51, 51, 51, estimate=True)
        >>> Count.exact(3) + Count.at_least(24)
        Count(27, 27, None, estimate=True)
        """
        if not isinstance(other, Count):
            return NotImplemented
        mine, theirs = self.figures(), other.figures()
        low, central = mine[0] + theirs[0], mine[1] + theirs[1]
        high = None if mine[2] is None or theirs[2] is None else mine[2] + theirs[2]
        estimate = self.estimate or other.estimate
        parts = (low, central, high)
        if max(low, central, high or 0) <= MAX_COUNT:
            return Count(low, central, high, estimate=estimate)
        # A sum obeys every rule but the typo guard: build it small, then set its figures.
        total = Count(*(None if p is None else 1 for p in parts), estimate=estimate)
        for name, part in zip(("low", "central", "high"), parts, strict=True):
            object.__setattr__(total, name, part)
        return total

    def __radd__(self, other: object) -> Count:
        """Let ``sum()`` start from 0."""
        if other == 0:
            return self
        return NotImplemented

    def __repr__(self) -> str:
        if self.is_exact:
            return f"Count.exact({self.central})"
        wording = f", wording={self.wording!r}" if self.wording else ""
        return f"Count({self.low}, {self.central}, {self.high}, estimate=True{wording})"

    def __str__(self) -> str:
        if self.is_exact:
            return str(self.central)
        if self.wording:
            return self.wording
        if self.central is not None:
            return f"~{self.central}"
        if self.low is not None and self.high is not None:
            return f"{self.low}-{self.high}"
        return f">={self.low}" if self.low is not None else f"<={self.high}"


def to_count(value: int | Count | None) -> Count | None:
    """Turn an int into an exact :class:`Count`; pass anything else on for validation.

    An int out of range is passed on too, so that the owner's field is named.
    """
    if type(value) is int and 1 <= value <= MAX_COUNT:
        return _exact(value)
    return value  # type: ignore[return-value]


@functools.lru_cache(maxsize=1024)
def _exact(number: int) -> Count:
    """Return ``Count.exact(number)``, memoized: counts are immutable and small ints recur."""
    return Count.exact(number)


class DealStatus(enum.Enum):
    """Where a deal stands."""

    INTEREST = "interest"
    """A buyer is reported to want the platform; nothing is agreed."""
    NEGOTIATION = "negotiation"
    """The parties are negotiating."""
    ORDERED = "ordered"
    """An order is placed; nothing is delivered yet."""
    DELIVERING = "delivering"
    """Some of the order is delivered."""
    DELIVERED = "delivered"
    """The order is delivered."""
    CANCELLED = "cancelled"
    """The deal was called off."""
    SUSPENDED = "suspended"
    """The deal is on hold."""


PRE_ORDER: Final = frozenset({DealStatus.INTEREST, DealStatus.NEGOTIATION})
"""The statuses before an order: a deal in one has no order date and no delivery."""
TRANSFERS: Final = frozenset({DealStatus.ORDERED, DealStatus.DELIVERING, DealStatus.DELIVERED})
"""SIPRI's transfers: an order placed or a delivery begun."""
DELIVERY_BEGUN: Final = frozenset({DealStatus.DELIVERING, DealStatus.DELIVERED})
"""The statuses that need at least one delivery."""
OPEN: Final = frozenset(
    {
        DealStatus.INTEREST,
        DealStatus.NEGOTIATION,
        DealStatus.ORDERED,
        DealStatus.DELIVERING,
        DealStatus.SUSPENDED,
    }
)
"""The statuses of a deal that may still change: not delivered in full, not called off."""
CLOSED: Final = frozenset({DealStatus.DELIVERED, DealStatus.CANCELLED})
"""The statuses of a deal that is over: delivered in full or called off."""


@frozen(cache_hash=True)
class Delivery:
    """Units handed over at one time, as precisely as known."""

    date: PartialDate | None = field(validator=v.optional(v.is_a(PartialDate)))
    """When, as precisely as known; None when the source gives no date."""
    count: Count | None = field(
        default=None, converter=to_count, validator=v.optional(v.is_a(Count))
    )
    """How many (an int is an exact count); None when the source gives none."""


def party_key(party: Party | None) -> str:
    """Return a party's id fragment: a country's code, another party's slug, or "unknown"."""
    if party is None:
        return "unknown"
    if type(party) is Country:
        return party.code
    return slug(str(party)) or "party"


def _default_id(deal: Deal) -> str:
    supplier = party_key(deal.supplier.party)
    recipient = party_key(deal.recipient.party)
    when = deal.ordered or deal.announced
    parts = [supplier, recipient, slug(deal.platform.name), str(when) if when else "undated"]
    return "-".join(parts).casefold()[:128]


@frozen(cache_hash=True, field_transformer=_record.in_order)
class Deal(_record.Record):
    """A transfer of drones from a supplier to a recipient, and what is known of it.

    Besides its own fields it has those every record has: ``sources``,
    ``confidence``, ``statements``, ``notes`` and ``id`` (keyword ``id=``).

    Rules, checked when a deal is made (and again by ``attrs.evolve``):

    - supplier and recipient parties differ (an armed group based in a
      country is not that country);
    - there is at least one source, and no source twice;
    - interest and negotiation have no order date and no deliveries; an
      ordered deal has no deliveries yet; delivering and delivered have at
      least one;
    - no delivery is surely before the order (a delivery "in 2021" may
      follow an order of October 2021); a :class:`DeliverySpan` counts from
      its first year;
    - the deliveries do not surely exceed the most ordered: the least they
      can add up to (each count's ``floor``) is at most ``quantity.high``, so
      ``Count.up_to(2)`` ordered then 5 delivered is rejected, while a
      quantity with no upper bound ("dozens") caps nothing; a span adds its
      total count, never a per-year split;
    - a confirmed or denied deal carries the party's statement.
    """

    _SOURCES_AFTER = "status"
    __repr__ = _display.deal
    _repr_html_ = _display.deal_html

    supplier: Supplier = field(kw_only=True)
    """Who exports: a country, with the manufacturer when known."""
    recipient: Recipient = field(kw_only=True)
    """Who imports: a country, with the end user when known."""
    platform: Platform = field(kw_only=True)
    """What is transferred."""
    status: DealStatus = field(kw_only=True)
    """Where the deal stands."""
    ordered: PartialDate | None = field(default=None, kw_only=True)
    """When the order was placed, as precisely as known."""
    announced: PartialDate | None = field(default=None, kw_only=True)
    """When the deal (or the interest in it) was first reported."""
    quantity: Count | None = field(default=None, kw_only=True, converter=to_count)
    """How many are ordered or wanted (an int is an exact count); None if unknown."""
    deliveries: tuple[Delivery | DeliverySpan, ...] = field(
        default=(), kw_only=True, converter=v.to_tuple
    )
    """What has been delivered, delivery by delivery; a span covers several years in one total."""
    value: Money | None = field(default=None, kw_only=True)
    """What the deal is worth, when reported."""
    tiv: Tiv | None = field(default=None, kw_only=True)
    """SIPRI's trend-indicator value, when known; never money, never mixed with ``value``."""
    intermediaries: tuple[Organization, ...] = field(
        default=(), kw_only=True, converter=v.to_tuple, metadata={v.UNIQUE: True}
    )
    """Organizations that routed the transfer, in order (TSK Vektor)."""
    condition: Condition | None = field(default=None, kw_only=True)
    """New, second hand, or second hand but modernized; None when not stated."""

    def __attrs_post_init__(self) -> None:
        # Deals are built by the million: one type check pass instead of a
        # validator per field (see benchmarks/), then the rules.
        if not _plain_types(self):
            _check_deal_types(self)
        name = type(self).__name__
        v.settle_id(self, _default_id)
        sup, rec = self.supplier.party, self.recipient.party
        if sup is not None and sup == rec:
            raise ValidationError(name, "recipient", rec, "is the supplier's party too")
        self._check_status(name)
        self._check_deliveries(name)
        check_confidence(self, self.confidence, self.statements)

    def _check_status(self, name: str) -> None:
        """Require the status to agree with the order date and the deliveries."""
        if self.status in PRE_ORDER:
            if self.ordered is not None:
                rule = f"is set, but the status is {self.status.name}, before any order"
                raise ValidationError(name, "ordered", str(self.ordered), rule)
            if self.deliveries:
                rule = f"are given, but the status is {self.status.name}"
                raise ValidationError(name, "deliveries", self.deliveries, rule)
        if self.status is DealStatus.ORDERED and self.deliveries:
            rule = "are given, but the status is ORDERED (use DELIVERING)"
            raise ValidationError(name, "deliveries", self.deliveries, rule)
        if self.status in DELIVERY_BEGUN and not self.deliveries:
            rule = f"is {self.status.name} but no delivery is given"
            raise ValidationError(name, "status", self.status, rule)

    def _check_deliveries(self, name: str) -> None:
        """Require no delivery surely before the order and none surely beyond the most ordered."""
        if self.ordered is not None:
            for delivery in self.deliveries:
                date = delivery.start if isinstance(delivery, DeliverySpan) else delivery.date
                if date is not None and date.surely_before(self.ordered):
                    rule = f"has a delivery before the order ({self.ordered})"
                    raise ValidationError(name, "deliveries", str(date), rule)
        quantity = self.quantity
        if quantity is not None and quantity.high is not None and self.deliveries:
            delivered = floor_sum(delivery.count for delivery in self.deliveries)
            if delivered > quantity.high:
                rule = f"exceeds the quantity ordered ({quantity})"
                raise ValidationError(name, "deliveries", f"{delivered} delivered", rule)

    @property
    def delivered(self) -> Count | None:
        """Return the total delivered, spans included; None if any count is unknown."""
        counts = [delivery.count for delivery in self.deliveries]
        if not counts or any(count is None for count in counts):
            return None
        return sum(counts)  # type: ignore[arg-type, return-value]

    @property
    def year(self) -> int | None:
        """Return the order year, or failing that the year the deal was announced."""
        when = self.ordered or self.announced
        return when.year if when else None

    @property
    def organizations(self) -> tuple[Organization, ...]:
        """Return every organization in the deal's chain, supplier to end user."""
        chain = [
            self.supplier.manufacturer,
            self.platform.manufacturer,
            *self.intermediaries,
            self.recipient.end_user,
        ]
        return tuple(dict.fromkeys(org for org in chain if org is not None))


def floor_sum(counts: Iterable[Count | None]) -> int:
    """Return the least the counts can add up to (an unknown count adds nothing)."""
    return sum(count.floor for count in counts if count is not None)


def _check_years(
    instance: DeliverySpan, attribute: attrs.Attribute[tuple[int, ...]], value: object
) -> None:
    if not isinstance(value, tuple) or not value:
        v.fail(instance, attribute, value, "is not a non-empty tuple of years")
    for year in value:
        if type(year) is not int or not MIN_YEAR <= year <= MAX_YEAR:
            v.fail(instance, attribute, year, f"is not a year in {MIN_YEAR}..{MAX_YEAR}")
    if any(a >= b for a, b in itertools.pairwise(value)):
        v.fail(instance, attribute, value, "is not in strictly increasing order")


@frozen(cache_hash=True)
class DeliverySpan:
    """Units delivered over several years, with a total and no per-year split.

    SIPRI's deal register gives "2022; 2023" and 8 delivered: no split is
    invented, the years and the total are kept.

    >>> span = DeliverySpan((2022, 2023), count=8)
    >>> span.first, span.last, span.count
    (2022, 2023, Count.exact(8))
    """

    years: tuple[int, ...] = field(converter=v.to_tuple, validator=_check_years)
    """The years with a delivery, in order (gaps allowed: 1978, 1980, 1981)."""
    count: Count | None = field(
        default=None, kw_only=True, converter=to_count, validator=v.optional(v.is_a(Count))
    )
    """How many in all those years; None when unknown."""

    @property
    def first(self) -> int:
        """Return the first year with a delivery."""
        return self.years[0]

    @property
    def last(self) -> int:
        """Return the last year with a delivery."""
        return self.years[-1]

    @property
    def start(self) -> PartialDate:
        """Return the first year as a date: a span counts as delivered from it."""
        return PartialDate(self.years[0])


_check_deal_types = v.type_checker_of(Deal)
"""The type rules of every field of :class:`Deal`, derived once from its annotations."""


def _signatures() -> frozenset[tuple[type, ...]]:
    """Return every tuple of exact field types :func:`_check_deal_types` passes at once."""
    options = []
    for rule in v.rules_of(Deal):
        kinds: tuple[type, ...] = rule.kinds
        options.append((*kinds, type(None)) if rule.optional else kinds)
    return frozenset(itertools.product(*options))


_DEAL_FIELDS: Final = tuple(rule.name for rule in v.rules_of(Deal))
_DEAL_VALUES: Final = operator.attrgetter(*_DEAL_FIELDS)
_DEAL_SIGNATURES: Final = _signatures()
_SOURCES_AT: Final = _DEAL_FIELDS.index("sources")
_DELIVERIES_AT: Final = _DEAL_FIELDS.index("deliveries")
_INTERMEDIARIES_AT: Final = _DEAL_FIELDS.index("intermediaries")
_STATEMENTS_AT: Final = _DEAL_FIELDS.index("statements")
_DELIVERY_KINDS: Final = frozenset({Delivery, DeliverySpan})


def _plain_types(deal: Deal) -> bool:
    """Say whether `deal` passes :func:`_check_deal_types`, by exact types (False: check fully).

    The usual deal (one source, no intermediaries or statements) is checked in
    one signature lookup; anything else takes the full check, which names the
    field at fault.
    """
    values = _DEAL_VALUES(deal)
    if tuple(map(type, values)) not in _DEAL_SIGNATURES:
        return False
    sources = values[_SOURCES_AT]
    deliveries = values[_DELIVERIES_AT]
    return (
        len(sources) == 1
        and type(sources[0]) is Source
        and not values[_INTERMEDIARIES_AT]
        and not values[_STATEMENTS_AT]
        and all(type(delivery) in _DELIVERY_KINDS for delivery in deliveries)
    )
