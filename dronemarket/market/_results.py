"""What analytics return: tallies, shares, concentration, timeline years, edges and trends.

Every result says how much of it rests on data: its ``coverage`` is the
fraction of the records selected that have a figure (exact or estimated);
a figure no record gives is None, never 0.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from attrs import frozen

from dronemarket import _display
from dronemarket.market._names import name_key, not_found
from dronemarket.parties import ArmedGroup, Country, Multinational, Organization, Territory
from dronemarket.platforms import Category, Platform

__all__ = [
    "EMPTY_TALLY",
    "Concentration",
    "Edge",
    "PartyKey",
    "Share",
    "ShareKey",
    "Shares",
    "Tally",
    "TrendYear",
    "YearTally",
    "describe_figure",
]

PartyKey = Country | Territory | ArmedGroup | Multinational
"""A supplier or recipient party: a country, territory, armed group or multinational."""


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _covered(counted: int, records: int) -> str:
    """Return coverage as words: ``"3 of 5 records with a figure"``."""
    return f"{counted} of {records} record{'s' if records != 1 else ''} with a figure"


def _percent(fraction: float | None) -> str:
    return "unknown" if fraction is None else f"{fraction:.1%}"


def describe_figure(low: object, central: object, high: object) -> str:
    """Return figures as text: ``"37"``, ``"~25 (20 to 30)"``, ``"~24 (24 or more)"``."""
    if central is None:
        return "unknown"
    if low == central == high:
        return f"{central:,}"
    if high is None:
        return f"~{central:,} ({low:,} or more)"
    return f"~{central:,} ({low:,} to {high:,})"


@frozen
class Tally:
    """Totals over a set of records, carried as low, central and high figures.

    Each record adds what the counting rule (:meth:`Count.figures
    <dronemarket.Count.figures>`) says it contributes. ``central`` is the
    best total; ``low`` and ``high`` bound it (``high`` is None when some
    record counted has no upper bound, as "at least 24" has none).
    ``counted`` records went into the figures, ``estimated`` of them from
    an estimate; ``unknown`` records had no figure at all and are left out
    of the totals, never counted as zero. When no record selected has a
    figure, ``low``, ``central`` and ``high`` are None: unknown, not 0. A
    tally of no record at all is 0.
    """

    low: int | Decimal | None
    """The least the total of the records counted can be; None when none has a figure."""
    central: int | Decimal | None
    """The best single figure for the total; None when no record has a figure."""
    high: int | Decimal | None
    """The most the total can be; None when unbounded or unknown."""
    counted: int
    """How many records the figures add up."""
    estimated: int = 0
    """How many of those were counted from an estimate."""
    unknown: int = 0
    """How many records had no figure and are not in the totals."""

    def __attrs_post_init__(self) -> None:
        if not self.counted and self.unknown:  # no figure at all: unknown, never 0
            for name in ("low", "central", "high"):
                object.__setattr__(self, name, None)

    @property
    def records(self) -> int:
        """Return every record tallied: counted and unknown."""
        return self.counted + self.unknown

    @property
    def exact(self) -> int:
        """Return how many records were counted from an exact figure."""
        return self.counted - self.estimated

    @property
    def coverage(self) -> float | None:
        """Return the fraction of the records that have a figure; None when there is none."""
        return _ratio(self.counted, self.records)

    @property
    def caveats(self) -> tuple[str, ...]:
        """Return what a reader must know: the figure rests on one record, on estimates, ..."""
        found = []
        if self.records and not self.counted:
            found.append("no record has a figure")
        elif self.counted == 1:
            found.append("rests on a single record")
        if self.counted and 2 * self.estimated > self.counted:
            found.append("mostly estimates" if self.estimated < self.counted else "all estimates")
        if self.counted and self.unknown:
            found.append(f"{self.unknown} of {self.records} records without a figure")
        return tuple(found)

    def __str__(self) -> str:
        records = f"{self.records} record{'s' if self.records != 1 else ''}"
        if self.central is None:
            return f"unknown ({records}, none with a figure)"
        known = describe_figure(self.low, self.central, self.high)
        return (
            f"{known} ({records}: {self.exact} exact, {self.estimated} estimated, "
            f"{self.unknown} unknown)"
        )


EMPTY_TALLY: Final = Tally(0, 0, 0, 0)
"""The tally of no record."""

ShareKey = (
    Country | Territory | ArmedGroup | Multinational | Organization | Platform | Category | None
)
"""What a share can belong to."""


@frozen
class Share:
    """One party's share of a market, with the figures it comes from."""

    key: ShareKey
    """Who or what the share belongs to; None for records where it is unknown."""
    name: str
    """The key as text: a country code, a name, a category; ``"unknown"`` for None."""
    share: float | None
    """The central figure over the central total; None when either is unknown or 0."""
    tally: Tally
    """The figures the share comes from (its base)."""

    @property
    def coverage(self) -> float | None:
        """Return the fraction of this share's records that have a figure."""
        return self.tally.coverage

    def __str__(self) -> str:
        caveats = [c for c in self.tally.caveats if c != "no record has a figure"]
        if self.tally.central is None:
            return f"{self.name}: {self.tally}"
        return "; ".join([f"{self.name}: {_percent(self.share)}, {self.tally}", *caveats])


@frozen
class Shares:
    """Shares of a market by supplier, recipient, manufacturer, platform or category.

    Shares are computed from central figures; the known ones sum to 1
    whenever the total is above zero. A share whose records have no figure
    is None, never 0. Iterating gives the :class:`Share` objects, largest
    first (unknown last); indexing takes a key, its name or an alias, where
    case, spaces and hyphens do not count (``shares["TUR"]``,
    ``shares["tb2"]``); a key with no share raises
    :class:`~dronemarket.NotFoundError`. ``str(shares)`` reads the answer
    aloud, with its coverage and its caveats.
    """

    by: str
    """What the market is split by."""
    measure: str
    """What is measured: ``"units"``, ``"deals"``, ``"value"`` or ``"tiv"``."""
    items: tuple[Share, ...]
    """The shares, largest first (ties by name; unknown last)."""
    total: Tally
    """The figures over every record counted."""
    currency: str | None = None
    """The currency of a value share; None for the other measures."""
    excluded: int = 0
    """Records left out because their value is in another currency."""
    statuses: tuple[str, ...] = ()
    """The deal statuses counted (``("ordered", "delivering", "delivered")`` by default)."""

    def __iter__(self) -> Iterator[Share]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, key: object) -> Share:
        wanted = name_key(key) if isinstance(key, str) else None
        for item in self.items:
            if key in (item.key, item.name):
                return item
            names = (item.name, *getattr(item.key, "aliases", ()))
            if wanted is not None and any(name_key(name) == wanted for name in names):
                return item
        shown = {name_key(item.name): item.name for item in self.items}
        raise not_found("share", key, shown, f"the shares by {self.by}")

    @property
    def coverage(self) -> float | None:
        """Return the fraction of the records selected that have a figure; None if none is."""
        return self.total.coverage

    def as_dict(self) -> dict[str, float | None]:
        """Return ``{name: share}``, largest first; None where the share is unknown."""
        return {item.name: item.share for item in self.items}

    def __repr__(self) -> str:
        return _display.shares(self)

    def _repr_html_(self) -> str:
        """Return the shares as HTML for notebooks: figures and coverage."""
        return _display.shares_html(self)

    def __str__(self) -> str:
        measure = f"{self.measure} ({self.currency})" if self.currency else self.measure
        statuses = f" (deals {', '.join(self.statuses)})" if self.statuses else ""
        excluded = f"; {self.excluded} in other currencies left out" if self.excluded else ""
        coverage = _covered(self.total.counted, self.total.records)
        head = f"Shares by {self.by}, {measure}{statuses}: total {self.total}; coverage: "
        lines = [head + coverage + excluded, *(f"  {item}" for item in self.items)]
        return "\n".join(lines)


@frozen
class Concentration:
    """How concentrated a recipient's suppliers are: the Herfindahl-Hirschman index.

    ``hhi`` is the sum of squared supplier shares, on a 0..1 scale
    (multiply by 10,000 for the antitrust convention), over the suppliers
    whose figure is known. With ``n`` such suppliers it lies in
    ``[1/n, 1]``: 1 is a single supplier. None when no supplier's figure is
    known; ``coverage`` says how much of the base has a figure.
    """

    recipient: PartyKey
    """Whose suppliers are measured."""
    hhi: float | None
    """The index, 0..1; None when no supplier's figure is known."""
    shares: Shares
    """The supplier shares it is computed from (the base)."""

    @property
    def suppliers(self) -> int:
        """Return how many suppliers with a known, non-zero figure the index is over."""
        return sum(1 for item in self.shares if item.key is not None and item.tally.central)

    @property
    def coverage(self) -> float | None:
        """Return the fraction of the recipient's selected records that have a figure."""
        return self.shares.coverage

    def __str__(self) -> str:
        hhi = "unknown" if self.hhi is None else f"{self.hhi:.3f}"
        caveats = "; ".join(self.shares.total.caveats)
        return (
            f"{self.recipient}: HHI {hhi} by {self.shares.measure} over {self.suppliers} "
            f"supplier{'s' if self.suppliers != 1 else ''}; coverage: "
            f"{_covered(self.shares.total.counted, self.shares.total.records)}"
            f"{'; ' if caveats else ''}{caveats}"
        )


@frozen
class YearTally:
    """One year of a timeline: what was ordered that year against what was delivered."""

    year: int
    """The calendar year."""
    ordered: Tally
    """Deals ordered in the year (by order date), measured."""
    delivered: Tally
    """Deliveries in the year (a span's share of its total, by the documented rule)."""

    @property
    def coverage(self) -> float | None:
        """Return the fraction of the year's records (orders and deliveries) with a figure."""
        return _ratio(
            self.ordered.counted + self.delivered.counted,
            self.ordered.records + self.delivered.records,
        )

    def __str__(self) -> str:
        return f"{self.year}: ordered {self.ordered}; delivered {self.delivered}"


@frozen
class Edge:
    """A supplier → recipient link of the trade network, weighted."""

    supplier: PartyKey
    """The exporting party (a country, or a territory, armed group or multinational)."""
    recipient: PartyKey
    """The importing party."""
    units: Tally
    """The units of every deal on the link, by the counting rule; None figures when unknown."""
    tiv: Tally = EMPTY_TALLY
    """SIPRI's TIV delivered over the link's deals; None figures when unknown."""

    @property
    def deals(self) -> int:
        """Return how many deals the link carries."""
        return self.units.records

    @property
    def coverage(self) -> float | None:
        """Return the fraction of the link's deals whose units are known."""
        return self.units.coverage

    def __str__(self) -> str:
        caveats = [c for c in self.units.caveats if c != "no record has a figure"]
        head = f"{_party(self.supplier)} -> {_party(self.recipient)}: units {self.units}"
        return "; ".join([head, *caveats])


@frozen
class TrendYear:
    """One year of a supplier's trend: its share of the market that year, and on average."""

    year: int
    """The calendar year."""
    share: float | None
    """The supplier's central figure over the market's that year; None when unknown."""
    supplier: Tally
    """The supplier's figures in the year."""
    total: Tally
    """Every supplier's figures in the year (the base)."""
    average: float | None
    """SIPRI's five-year moving average: the supplier's share of the window's total."""
    undated: int = 0
    """Deals selected that are in no year at all (no order date, or an undated delivery)."""
    supplier_undated: int = 0
    """Of those, the supplier's: its figures in every year leave them out."""

    @property
    def coverage(self) -> float | None:
        """Return the fraction of the year's records that have a figure."""
        return self.total.coverage

    def __str__(self) -> str:
        caveats = [c for c in self.supplier.caveats if c != "no record has a figure"]
        if self.undated:
            caveats.append(
                f"{self.undated} deal{'s' if self.undated != 1 else ''} in no year "
                f"({self.supplier_undated} of the supplier's)"
            )
        return "; ".join(
            [
                f"{self.year}: {_percent(self.share)} of {self.total}",
                f"moving average {_percent(self.average)}",
                f"coverage: {_covered(self.total.counted, self.total.records)}",
                *caveats,
            ]
        )


def _party(party: PartyKey) -> str:
    return party.code if type(party) is Country else str(party)
