"""What analytics return: tallies, shares, concentration, timeline years and network edges."""

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
    "Share",
    "ShareKey",
    "Shares",
    "Tally",
    "YearTally",
]


@frozen
class Tally:
    """Totals over a set of records, carried as low, central and high figures.

    ``central`` is the best total; ``low`` and ``high`` bound it (``high``
    is None when some record counted has no upper bound, as "at least 24"
    has none). ``counted`` records went into the figures, ``estimated`` of
    them from an estimate; ``unknown`` records had no figure at all and are
    left out of the totals, never counted as zero.
    """

    low: int | Decimal
    """The least the total can be."""
    central: int | Decimal
    """The best single figure for the total."""
    high: int | Decimal | None
    """The most the total can be; None when unbounded."""
    counted: int
    """How many records the figures add up."""
    estimated: int = 0
    """How many of those were counted from an estimate."""
    unknown: int = 0
    """How many records had no figure and are not in the totals."""

    @property
    def records(self) -> int:
        """Return every record tallied: counted and unknown."""
        return self.counted + self.unknown


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
    """The central figure over the central total; None when the total is zero."""
    tally: Tally
    """The figures the share comes from (its base)."""


@frozen
class Shares:
    """Shares of a market by supplier, manufacturer, platform or category.

    Shares are computed from central figures; they sum to 1 whenever the
    total is above zero. Iterating gives the :class:`Share` objects, largest
    first; indexing takes a key, its name or an alias, where case, spaces
    and hyphens do not count (``shares["TUR"]``, ``shares["tb2"]``); a key
    with no share raises :class:`~dronemarket.NotFoundError`.
    """

    by: str
    """What the market is split by."""
    measure: str
    """What is measured: ``"units"``, ``"deals"``, ``"value"`` or ``"tiv"``."""
    items: tuple[Share, ...]
    """The shares, largest first (ties by name)."""
    total: Tally
    """The figures over every record counted."""
    currency: str | None = None
    """The currency of a value share; None for units and deals."""
    excluded: int = 0
    """Records left out because their value is in another currency."""

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

    def as_dict(self) -> dict[str, float | None]:
        """Return ``{name: share}``, largest first."""
        return {item.name: item.share for item in self.items}

    def __repr__(self) -> str:
        return _display.shares(self)

    def _repr_html_(self) -> str:
        """Return the shares as HTML for notebooks: figures and coverage."""
        return _display.shares_html(self)


@frozen
class Concentration:
    """How concentrated a recipient's suppliers are: the Herfindahl-Hirschman index.

    ``hhi`` is the sum of squared supplier shares by units, on a 0..1 scale
    (multiply by 10,000 for the antitrust convention). With ``n`` suppliers
    it lies in ``[1/n, 1]``: 1 is a single supplier. None when no unit is
    known.
    """

    recipient: Country
    """Whose suppliers are measured."""
    hhi: float | None
    """The index, 0..1; None when no supplier's units are known."""
    shares: Shares
    """The supplier shares it is computed from (the base)."""

    @property
    def suppliers(self) -> int:
        """Return how many suppliers with known units the index is over."""
        return sum(1 for item in self.shares if item.key is not None and item.tally.central)


@frozen
class YearTally:
    """One year of a timeline: units ordered that year against units delivered."""

    year: int
    """The calendar year."""
    ordered: Tally
    """Deals ordered in the year (by order date) and their quantities."""
    delivered: Tally
    """Deliveries dated in the year and their counts."""


@frozen
class Edge:
    """A supplier → recipient link of the trade network, weighted."""

    supplier: Country
    """The exporting country."""
    recipient: Country
    """The importing country."""
    units: Tally
    """The units of every deal on the link (see :meth:`Market.share` for the count used)."""

    @property
    def deals(self) -> int:
        """Return how many deals the link carries."""
        return self.units.records
