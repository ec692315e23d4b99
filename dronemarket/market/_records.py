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
    """Every deal of a market; ``market.deals(**filters)`` returns those matching every filter.

    - ``supplier``, ``recipient``: a party (a Country, Territory,
      ArmedGroup or Multinational), a code or a country name (``"KGZ"``,
      ``"KG"``, ``"Kyrgyzstan"``), a SIPRI-style name (``"Houthi rebels
      (Yemen)*"``, ``"NATO**"``, ``"Kosovo"``, ``"Soviet Union"``), the name
      of a non-country party the deals hold (``"Houthi rebels"``), or
      several (``["TUR", "CHN"]``). A country selects the deals of that
      country only: ``recipient="YEM"`` never selects a group based in Yemen.
    - ``supplier_kind``, ``recipient_kind``: a
      :class:`~dronemarket.PartyKind`, its value or its name, or several:
      ``"state"``, ``"former state"`` (ISO 3166-3's, and former
      territories such as Biafra), ``"territory"`` (Kosovo),
      ``"armed group"``, ``"multinational"``. An unknown party has no kind.
    - ``platform``: a Platform, or a name or alias (as ``market.platform``
      finds it), or several (``["Bayraktar TB2", "Bayraktar TB3"]``).
    - ``manufacturer``: the supplier's manufacturer when the deal names
      one, else the platform's; an Organization or a name or alias, or several.
    - ``category``: a Category or its value (``"MALE"``), or several.
    - ``status``, ``confidence``: one or several, enums or values.
    - ``years``: a year, or an inclusive ``(first, last)`` range (either
      end None for open), or a ``range``, read as ``year_of`` says:
      ``"any"`` (the default: the order year, else the year announced, or
      any delivery year, a span's every year), ``"order"`` or
      ``"delivery"``; deals with no such year never match.
    - ``family``: a platform (or several) with its variants and derivatives.
    - ``region``: the recipient is in the region (a Region, a region
      name, or countries); a region holds countries only, so a group
      based in a member is not in it.

    Several values select any of them; an empty list selects nothing. A
    filter given as None is no filter. A name that matches nothing raises
    :class:`~dronemarket.NotFoundError`.
    """

    if TYPE_CHECKING:

        def __call__(self, **filters: Unpack[DealFilters]) -> tuple[Deal, ...]:
            """Return the deals matching every filter given, in market order."""


class ProductionRecords(Records[LicensedProduction]):
    """Every production record; ``market.production(**filters)`` selects.

    The filters are those of :class:`DealRecords`; ``supplier`` is the
    licensor's party, ``recipient`` and ``region`` the host country,
    ``status`` a :class:`~dronemarket.ProductionStatus`, and a record's
    year the year it started, else was agreed, else was announced.
    """

    if TYPE_CHECKING:

        def __call__(self, **filters: Unpack[ProductionFilters]) -> tuple[LicensedProduction, ...]:
            """Return the production records matching every filter given, in market order."""


class CooperationRecords(Records[Cooperation]):
    """Every cooperation record; ``market.cooperation(**filters)`` selects.

    - ``country``: one of the parties is, or belongs to, the country (a
      Country, a code or a country name), or to one of several.
    - ``region``: one of the parties' countries is in the region (a
      Region, a region name, or countries). With ``country`` too, both
      must hold, each for some party.
    - ``kind``: one or several :class:`~dronemarket.CooperationKind`, or
      their values (``"meeting"``, ``"technology transfer"``).
    - ``platform``: the record concerns the platform (a Platform, or a
      name or alias), or one of several.
    - ``years``: as for deals; a record's year is the year it started,
      and records with no date never match.
    - ``confidence``: one or several.

    Several values select any of them; an empty list selects nothing; a
    filter given as None is no filter.
    """

    if TYPE_CHECKING:

        def __call__(self, **filters: Unpack[CooperationFilters]) -> tuple[Cooperation, ...]:
            """Return the cooperation records matching every filter given, in market order."""
