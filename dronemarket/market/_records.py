"""The record collections of a market: tuples that select when called with filters."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from dronemarket.cooperation import Cooperation
from dronemarket.deals import Deal
from dronemarket.production import LicensedProduction

if TYPE_CHECKING:
    from typing import Self, Unpack

    from dronemarket.market._filters import CooperationFilters, DealFilters, ProductionFilters

__all__ = ["CooperationRecords", "DealRecords", "ProductionRecords", "Records"]

R = TypeVar("R")


class Records(tuple[R, ...], Generic[R]):  # noqa: SLOT001 - holds its query in __dict__
    """Every record of one kind in a market, as a tuple; call it with filters to select some.

    Iterating, indexing, ``len`` and equality are a tuple's. Calling it
    returns the records matching every filter, in market order, as a plain
    tuple. It pickles as a plain tuple.
    """

    _select: Callable[..., tuple[R, ...]]

    def __new__(cls, records: Iterable[R], select: Callable[..., tuple[R, ...]]) -> Self:
        """Return the records `records`, selected by `select` when called."""
        made = super().__new__(cls, records)
        made._select = select
        return made

    if not TYPE_CHECKING:  # each subclass declares its filters to type checkers

        def __call__(self, **filters: Any) -> tuple[R, ...]:  # noqa: ANN401 - typed per subclass
            """Return the records matching every filter given, in market order."""
            return self._select(**filters)

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (tuple(self),))


class DealRecords(Records[Deal]):
    """Every deal of a market; ``market.deals(recipient="KGZ")`` selects (:class:`DealFilters`)."""

    if TYPE_CHECKING:

        def __call__(self, **filters: Unpack[DealFilters]) -> tuple[Deal, ...]:
            """Return the deals matching every filter given, in market order."""


class ProductionRecords(Records[LicensedProduction]):
    """Every production record; ``market.production(recipient="TJK")`` selects."""

    if TYPE_CHECKING:

        def __call__(self, **filters: Unpack[ProductionFilters]) -> tuple[LicensedProduction, ...]:
            """Return the production records matching every filter given, in market order."""


class CooperationRecords(Records[Cooperation]):
    """Every cooperation record; ``market.cooperation(country="JPN")`` selects."""

    if TYPE_CHECKING:

        def __call__(self, **filters: Unpack[CooperationFilters]) -> tuple[Cooperation, ...]:
            """Return the cooperation records matching every filter given, in market order."""
