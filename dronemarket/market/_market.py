"""The :class:`Market` class: construction, lookups and queries, delegating the rest."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Unpack, cast

from attrs import field, frozen

from dronemarket import _display
from dronemarket.cooperation import Cooperation
from dronemarket.deals import Deal, DealStatus
from dronemarket.market._analytics import (
    check_measure,
    concentration,
    network,
    pick_currency,
    share,
    transfers_by_default,
)
from dronemarket.market._checks import (
    Holdings,
    as_tuple,
    check_cooperation,
    check_deals,
    check_production,
    fail,
    no_duplicates,
)
from dronemarket.market._filters import (
    ORDERED_STATUSES,
    By,
    CooperationFilters,
    CountryLike,
    DealFilters,
    Measure,
    OrganizationsLike,
    PartiesLike,
    PartyLike,
    ProductionFilters,
    as_country,
    cooperation_wanted,
    each,
    wanted,
    year_bounds,
)
from dronemarket.market._gather import gather
from dronemarket.market._index import (
    COOPERATION_ALIASES,
    COOPERATION_KEYS,
    COOPERATION_MULTI,
    DEAL_KEYS,
    PRODUCTION_KEYS,
    Table,
    pick,
)
from dronemarket.market._names import not_found
from dronemarket.market._records import CooperationRecords, DealRecords, ProductionRecords
from dronemarket.market._rows import record_row
from dronemarket.market._timeline import FLOWS, WINDOW, Flow, timeline, trend, undated
from dronemarket.parties import Country, Organization, Sanction
from dronemarket.platforms import Platform
from dronemarket.production import LicensedProduction, ProductionStatus

if TYPE_CHECKING:
    from dronemarket.market._results import Concentration, Edge, Shares, TrendYear, YearTally

__all__ = ["Market"]

if TYPE_CHECKING:  # the optional dependencies of the tables block at the end of Market
    import networkx as nx
    import polars as pl
    import pyarrow as pa


_SUGGEST_AMONG = 10_000  # ids an error message searches for close matches (bounded time)


def _rebuild(parts: Mapping[str, tuple[Any, ...]]) -> Market:
    """Return the market of `parts`, its records by keyword (for pickling)."""
    return Market(**parts)


@frozen(init=False, eq=False, repr=False)
class Market:
    """An immutable, indexed collection of the trade: who sells what to whom.

    Rules: every platform and organization a record refers to (a platform's
    manufacturer and lineage, a deal's platform, manufacturer, end user,
    intermediaries and the organizations in its statements, a licence's
    licensee, a sanction's target, a cooperation record's parties, platforms
    and the organizations in its statements) is held; no deal, production or
    cooperation id is used twice; no two platforms share a name or alias,
    nor two organizations, where case, spaces and hyphens do not count;
    nothing is given twice.

    Collections are attributes named as in the market document; each is a
    tuple of every record in the order given, and ``deals``, ``production``
    and ``cooperation`` are also called with filters to select. One item is
    found by a singular method (:meth:`platform`, :meth:`organization`,
    :meth:`record`); a lookup that finds nothing raises
    :class:`~dronemarket.NotFoundError`.

    Two markets are equal when they hold equal records, in any order;
    ``a | b`` merges them.
    """

    platforms: tuple[Platform, ...]
    """Every platform, in the order given."""
    organizations: tuple[Organization, ...]
    """Every organization, in the order given."""
    deals: DealRecords
    """Every deal, in the order given; ``market.deals(...)`` selects (:class:`DealRecords`)."""
    production: ProductionRecords
    """Every production record; ``market.production(...)`` selects (:class:`ProductionRecords`)."""
    sanctions: tuple[Sanction, ...]
    """Every sanction, in the order given."""
    cooperation: CooperationRecords
    """Every cooperation record; ``market.cooperation(...)`` selects (CooperationRecords)."""
    _deal_table: Table[Deal] = field(init=False, repr=False)
    _production_table: Table[LicensedProduction] = field(init=False, repr=False)
    _cooperation_table: Table[Cooperation] = field(init=False, repr=False)
    _holdings: Holdings = field(init=False, repr=False)
    _sanctioned: dict[Organization, tuple[Sanction, ...]] = field(init=False, repr=False)

    def __init__(
        self,
        *,
        platforms: Iterable[Platform] = (),
        organizations: Iterable[Organization] = (),
        deals: Iterable[Deal] = (),
        production: Iterable[LicensedProduction] = (),
        sanctions: Iterable[Sanction] = (),
        cooperation: Iterable[Cooperation] = (),
    ) -> None:
        held_platforms = as_tuple("platforms", platforms, Platform)
        held_orgs = as_tuple("organizations", organizations, Organization)
        if isinstance(cast("object", deals), str | bytes) or not hasattr(deals, "__iter__"):
            raise fail("deals", deals, "is not an iterable of records")
        held_deals = DealRecords(deals, self._select_deals)  # the one copy of a million pointers
        held_production = as_tuple("production", production, LicensedProduction)
        held_sanctions = as_tuple("sanctions", sanctions, Sanction)
        held_cooperation = as_tuple("cooperation", cooperation, Cooperation)
        no_duplicates("platforms", held_platforms)
        no_duplicates("organizations", held_orgs)
        no_duplicates("sanctions", held_sanctions)
        holdings = Holdings(held_platforms, held_orgs)
        for platform in held_platforms:
            holdings.organization("platforms.manufacturer", platform.manufacturer)
            for parent in platform.lineage():
                holdings.platform("platforms.lineage", parent)
        check_deals(held_deals, holdings)
        check_production(held_production, holdings)
        check_cooperation(held_cooperation, holdings)
        sanctioned: dict[Organization, list[Sanction]] = defaultdict(list)
        for sanction in held_sanctions:
            if isinstance(sanction.target, Organization):
                holdings.organization("sanctions.target", sanction.target)
                sanctioned[sanction.target].append(sanction)
        setattr_ = object.__setattr__
        setattr_(self, "platforms", held_platforms)
        setattr_(self, "organizations", held_orgs)
        setattr_(self, "deals", held_deals)
        setattr_(self, "production", ProductionRecords(held_production, self._select_production))
        setattr_(self, "sanctions", held_sanctions)
        setattr_(
            self, "cooperation", CooperationRecords(held_cooperation, self._select_cooperation)
        )
        setattr_(self, "_deal_table", Table(held_deals, DEAL_KEYS))
        setattr_(self, "_production_table", Table(held_production, PRODUCTION_KEYS))
        cooperation_table = Table(
            held_cooperation,
            COOPERATION_KEYS,
            multi=COOPERATION_MULTI,
            aliases=COOPERATION_ALIASES,
        )
        setattr_(self, "_cooperation_table", cooperation_table)
        setattr_(self, "_holdings", holdings)
        setattr_(self, "_sanctioned", {org: tuple(found) for org, found in sanctioned.items()})

    # --- building ---------------------------------------------------------------

    @classmethod
    def of(
        cls,
        *records: Deal | LicensedProduction | Sanction | Cooperation | Platform | Organization,
    ) -> Market:
        """Return a market of `records` and every platform and organization they refer to.

        Records may be deals, production records, sanctions, cooperation
        records, platforms and organizations, in any order; equal records
        given twice are kept once.
        """
        return cls(**gather(records))

    def merge(self, other: Market) -> Market:
        """Return a market holding the records of both; equal records are kept once.

        Records that clash (one deal id for two different deals, one name
        for two different platforms) are rejected as in construction.
        Merging is associative, and commutative up to order.
        """
        if not isinstance(other, Market):
            raise fail("other", other, "is not a Market")

        def union(mine: tuple[Any, ...], theirs: tuple[Any, ...]) -> list[Any]:
            return list(dict.fromkeys((*mine, *theirs)))

        return Market(
            platforms=union(self.platforms, other.platforms),
            organizations=union(self.organizations, other.organizations),
            deals=union(self.deals, other.deals),
            production=union(self.production, other.production),
            sanctions=union(self.sanctions, other.sanctions),
            cooperation=union(self.cooperation, other.cooperation),
        )

    def __or__(self, other: object) -> Market:
        if not isinstance(other, Market):
            return NotImplemented
        return self.merge(other)

    def _contents(self) -> tuple[frozenset[Any], ...]:
        return cast(
            "tuple[frozenset[Any], ...]",
            self._deal_table.cached(
                "contents",
                lambda: (
                    frozenset(self.platforms),
                    frozenset(self.organizations),
                    frozenset(self.deals),
                    frozenset(self.production),
                    frozenset(self.sanctions),
                    frozenset(self.cooperation),
                ),
            ),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Market):
            return NotImplemented
        if self is other:
            return True
        sizes = (len(self.platforms), len(self.organizations), len(self.deals))
        if sizes != (len(other.platforms), len(other.organizations), len(other.deals)):
            return False
        return self._contents() == other._contents()

    def __hash__(self) -> int:
        return hash(self._contents())

    def __len__(self) -> int:
        return len(self.deals)

    def __repr__(self) -> str:
        return _display.market(self)

    def __reduce__(self) -> tuple[Any, ...]:
        parts = {
            "platforms": self.platforms,
            "organizations": self.organizations,
            "deals": tuple(self.deals),
            "production": tuple(self.production),
            "sanctions": self.sanctions,
            "cooperation": tuple(self.cooperation),
        }
        return (_rebuild, (parts,))

    # --- lookups -----------------------------------------------------------------

    def platform(self, name: str | Platform) -> Platform:
        """Return the platform with `name` or alias; case, spaces and hyphens do not count.

        ``"tb2"`` and ``"Bayraktar TB-2"`` both find the Bayraktar TB2 (when
        it has the alias "TB2").
        """
        return self._holdings.find_platform(name)

    def organization(self, name: str | Organization) -> Organization:
        """Return the organization with `name` or alias; case, spaces and hyphens do not count."""
        return self._holdings.find_organization(name)

    # --- filters -----------------------------------------------------------------

    def record(self, record_id: str) -> Deal | LicensedProduction | Cooperation:
        """Return the deal, production or cooperation record with id `record_id`."""
        if not isinstance(record_id, str):
            raise fail("record_id", record_id, "is not a record id (a str)")
        ids = self._deal_table.cached("ids", self._ids)
        found = ids.get(record_id)
        if found is None:
            close = {key: key for key in ids} if len(ids) <= _SUGGEST_AMONG else {}
            raise not_found("record", record_id, close)
        return found

    def _ids(self) -> dict[str, Deal | LicensedProduction | Cooperation]:
        records: Iterable[Deal | LicensedProduction | Cooperation] = chain(
            self.deals, self.production, self.cooperation
        )
        return {record.id: record for record in records}

    # --- queries (``market.deals(...)`` and the like call these) ----------------

    def _select_deals(self, **filters: Unpack[DealFilters]) -> tuple[Deal, ...]:
        keys = wanted(filters, DealStatus, self._deal_table, self._holdings)
        return pick(self.deals, self._deal_table.select(keys))

    def _select_production(
        self, **filters: Unpack[ProductionFilters]
    ) -> tuple[LicensedProduction, ...]:
        keys = wanted(filters, ProductionStatus, self._production_table, self._holdings)
        return pick(self.production, self._production_table.select(keys))

    def _select_cooperation(self, **filters: Unpack[CooperationFilters]) -> tuple[Cooperation, ...]:
        keys = cooperation_wanted(filters, self._cooperation_table, self._holdings)
        return pick(self.cooperation, self._cooperation_table.select(keys))

    # --- relations ---------------------------------------------------------------

    def suppliers_of(self, recipient: CountryLike) -> tuple[Country, ...]:
        """Return the countries that supply `recipient` in any deal, by code."""
        code = as_country(recipient, "recipient").code
        found = {deal.supplier.country for deal in self._select_deals(recipient=code)}
        return tuple(sorted(country for country in found if country is not None))

    def recipients_of(self, supplier: CountryLike) -> tuple[Country, ...]:
        """Return the countries `supplier` supplies in any deal, by code."""
        code = as_country(supplier, "supplier").code
        found = {deal.recipient.country for deal in self._select_deals(supplier=code)}
        return tuple(sorted(country for country in found if country is not None))

    def platforms_of(self, country: CountryLike) -> tuple[Platform, ...]:
        """Return the platforms `country` operates or has ordered, by name.

        A platform counts when a deal to the country is ordered, delivering,
        delivered or suspended (not one of interest, under negotiation or
        cancelled), or when the country hosts its production.
        """
        code = as_country(country, "country").code
        found = {d.platform for d in self._select_deals(recipient=code, status=ORDERED_STATUSES)}
        found.update(record.platform for record in self._select_production(recipient=code))
        return tuple(sorted(found, key=attrgetter("name")))

    def sanctions_on(self, organization: OrganizationsLike) -> tuple[Sanction, ...]:
        """Return the sanctions the market holds against `organization`, in market order.

        `organization` is an Organization, a name or alias (as
        :meth:`organization` finds it), or several of either.
        """
        orgs = [self._holdings.find_organization(one) for one in each(organization, Organization)]
        if len(orgs) == 1:
            return self._sanctioned.get(orgs[0], ())
        chosen = set(orgs)
        return tuple(s for s in self.sanctions if s.target in chosen)

    def sanctioned_parties(self, deal: Deal | str) -> tuple[Organization, ...]:
        """Return the sanctioned organizations in a deal's chain, supplier to end user.

        The chain is the supplier's manufacturer, the platform's
        manufacturer, the intermediaries and the end user; an organization
        is sanctioned when the market holds a sanction against it. `deal`
        is a deal or its id.
        """
        if isinstance(deal, str):
            found = self.record(deal)
            if not isinstance(found, Deal):
                raise not_found("deal", deal, {})
            deal = found
        elif not isinstance(deal, Deal):
            raise fail("deal", deal, "is not a Deal or a deal's id")
        return tuple(org for org in deal.organizations if org in self._sanctioned)

    # --- analytics ---------------------------------------------------------------

    def share(
        self,
        by: By = "supplier",
        measure: Measure = "units",
        *,
        currency: str | None = None,
        **filters: Unpack[DealFilters],
    ) -> Shares:
        """Return the shares of the deals selected by `filters`, split `by` a key.

        **Transfers by default**: without ``status=``, only deals ordered,
        delivering or delivered count (SIPRI's transfers); interest,
        negotiation, suspended and cancelled records count only when
        ``status=`` names them (``status=None``: every status).

        `by` is ``"supplier"`` (the supplying party: a country by its code,
        any other party by itself, named as ``str(party)``), ``"recipient"``,
        ``"manufacturer"`` (as in :class:`DealRecords`), ``"platform"`` or
        ``"category"``. `filters` are those of :class:`DealRecords`
        (``region=``, ``years=`` with ``year_of=``, ``status=``, ...).

        `measure`:

        - ``"units"``: a deal counts its **quantity ordered**, else its
          deliveries added up, by the one counting rule
          (:meth:`Count.figures <dronemarket.Count.figures>`); a deal with
          neither is *unknown*, tallied apart, never counted as zero.
        - ``"deals"``: each deal counts 1.
        - ``"value"``: a deal counts its value, in one currency: pass
          ``currency="USD"`` (an upper-case ISO 4217 code) to count the
          deals valued in it (the others are ``excluded``); values in
          several currencies without it raise a ValidationError.
        - ``"tiv"``: a deal counts ``tiv.delivered`` (SIPRI's TIV, exact
          Decimals, never money); with ``years=`` (unless
          ``year_of="order"``) only what was delivered in those years, placed
          as :meth:`timeline` places it. No TIV is unknown, never zero.

        Shares are central figures over the central total and the known
        ones sum to 1 when that total is above zero; a share whose records
        have no figure is None. Deals whose key is unknown (an unknown
        supplier) form a share of their own, with key None. The result's
        ``coverage`` and ``str()`` say how much rests on data.
        """
        return share(
            self._deal_table,
            self._holdings,
            by=by,
            measure=measure,
            currency=currency,
            filters=filters,
        )

    def concentration(
        self,
        recipient: PartyLike,
        /,
        measure: Measure = "units",
        *,
        currency: str | None = None,
        **filters: Unpack[DealFilters],
    ) -> Concentration:
        """Return the Herfindahl-Hirschman index of `recipient`'s suppliers, by `measure`.

        The index is the sum of the squared shares of the supplying
        parties, on a 0..1 scale, over the deals to `recipient` selected by
        `filters` (those of :class:`DealRecords`; **transfers only** unless
        ``status=`` is given). `measure` is counted as in :meth:`share`.
        Deals whose supplier or figure is unknown are left out of the index
        (they may be from a supplier already counted); the shares returned
        with it show them, and ``coverage`` says how much of the base has a
        figure.
        """
        return concentration(
            self._deal_table,
            self._holdings,
            recipient,
            measure=measure,
            currency=currency,
            filters=filters,
        )

    def timeline(
        self,
        measure: Measure = "units",
        *,
        currency: str | None = None,
        **filters: Unpack[DealFilters],
    ) -> tuple[YearTally, ...]:
        """Return, year by year, what was ordered against what was delivered.

        Deals are those `filters` select (those of :class:`DealRecords`;
        **transfers only** unless ``status=`` is given). A deal counts as
        ordered in the year of its order date; a delivery counts in the
        year of its date; a :class:`~dronemarket.DeliverySpan` is spread
        evenly over its years in whole units (the earlier years take the
        remainder), each part marked as an estimate. `measure` as in
        :meth:`share`: ``"units"`` (quantity ordered; counts delivered),
        ``"deals"``, ``"value"`` or ``"tiv"`` (ordered: ``tiv.order``;
        delivered: ``tiv.delivered`` placed in the years delivered in
        proportion to the units delivered each year, evenly and as an
        estimate when those are unknown). With ``years=``, only those years
        are listed. Undated deliveries are in no year.
        """
        check_measure(measure)
        chosen = transfers_by_default(filters)
        deals = self._select_deals(**chosen)
        if measure == "value":
            currency = pick_currency(deals, currency)
            deals = tuple(d for d in deals if d.value is None or d.value.currency == currency)
        span = year_bounds(filters.get("years"))
        return timeline(deals, measure, currency, span)

    def trend(
        self,
        supplier: PartiesLike,
        /,
        measure: Measure = "units",
        *,
        flow: Flow = "delivered",
        window: int = WINDOW,
        currency: str | None = None,
        **filters: Unpack[DealFilters],
    ) -> tuple[TrendYear, ...]:
        """Return `supplier`'s share of the market year by year, with SIPRI's moving average.

        The market is the deals `filters` select (``region=``,
        ``recipient=``, ...; **transfers only** unless ``status=`` is
        given); `supplier` is one party or several (their shares together).
        `flow` is ``"delivered"`` (by delivery year, as SIPRI's TIV tables)
        or ``"ordered"`` (by order year); `measure` as in :meth:`timeline`.
        Each :class:`TrendYear` has the share, its tallies, its coverage
        and the `window`-year moving average (5, SIPRI's): the supplier's
        total over the market's, over the window ending that year. Deals in
        no year (no order date; an undated delivery) are in no year's
        figures: ``undated`` and ``supplier_undated`` count them, and
        ``str()`` says so.
        """
        if "supplier" in filters:
            raise fail("filters", "supplier", "is given twice (it is the first argument)")
        if flow not in FLOWS:
            raise fail("flow", flow, f"is not one of {', '.join(map(repr, FLOWS))}")
        if type(window) is not int or window < 1:
            raise fail("window", window, "is not a positive int")
        whole = self.timeline(measure, currency=currency, **filters)
        found = self._select_deals(**transfers_by_default(filters))
        if measure == "value":
            currency = pick_currency(found, currency)
        mine_filters = cast("DealFilters", {**filters, "supplier": supplier})
        mine = self.timeline(measure, currency=currency, **mine_filters)
        theirs = self._select_deals(**transfers_by_default(mine_filters))
        return trend(whole, mine, flow, window, (undated(found, flow), undated(theirs, flow)))

    def network(
        self, measure: Measure = "units", **filters: Unpack[DealFilters]
    ) -> tuple[Edge, ...]:
        """Return the supplier → recipient links, each with the units and TIV of its deals.

        Deals are those `filters` select (those of :class:`DealRecords`;
        **transfers only** unless ``status=`` is given: no link for an
        interest or a cancelled deal). Units are counted as in
        :meth:`share`; a link whose deals have no figure has None figures,
        never 0. Links come heaviest first by `measure` (``"units"``,
        ``"deals"`` or ``"tiv"``), unknown last. Parties that are not
        countries (armed groups, multinationals) are linked too; deals
        whose supplier or recipient is unknown are on no link.
        """
        return network(self._select_deals(**transfers_by_default(filters)), measure)

    def to_records(
        self, **filters: Unpack[DealFilters]
    ) -> list[dict[str, str | int | float | bool | None]]:
        """Return one flat row per deal, of plain values, for pandas or polars.

        ``pandas.DataFrame(market.to_records())`` and
        ``polars.DataFrame(market.to_records())`` take it as it is. The
        columns are :data:`RECORD_COLUMNS`; `filters` are those of
        :class:`DealRecords`.
        """
        return [record_row(deal) for deal in self._select_deals(**filters)]

    # --- tables and graphs (dronemarket.tables; optional extras) ---------------
    # Imported inside each method: dronemarket.tables builds on the market (a genuine cycle).

    def to_arrow(self, table: str, **filters: Any) -> pa.Table:  # noqa: ANN401
        """Return `table` as a :class:`pyarrow.Table`; see :func:`dronemarket.tables.to_arrow`.

        `table` is ``"deals"``, ``"deliveries"``, ``"production"``,
        ``"cooperation"``, ``"sanctions"`` or ``"platforms"``; `filters`
        select as the matching query does. Needs the ``arrow`` extra.
        """
        from dronemarket.tables import to_arrow  # noqa: PLC0415 - a genuine cycle

        return to_arrow(self, table, **filters)

    def to_pandas(self, table: str, **filters: Any) -> Any:  # noqa: ANN401 - untyped pandas
        """Return `table` as a pandas DataFrame, through Arrow (the ``pandas`` extra)."""
        from dronemarket.tables import to_pandas  # noqa: PLC0415 - a genuine cycle

        return to_pandas(self, table, **filters)

    def to_polars(self, table: str, **filters: Any) -> pl.DataFrame:  # noqa: ANN401
        """Return `table` as a polars DataFrame, through Arrow (the ``polars`` extra)."""
        from dronemarket.tables import to_polars  # noqa: PLC0415 - a genuine cycle

        return to_polars(self, table, **filters)

    def to_networkx(self, **filters: Unpack[DealFilters]) -> nx.DiGraph:
        """Return the supplier → recipient network as a networkx DiGraph (``networkx`` extra).

        See :func:`dronemarket.tables.to_networkx`: nodes are parties, edges
        carry units, deals and TIV with their coverage; unknown is None, never 0.
        """
        from dronemarket.tables import to_networkx  # noqa: PLC0415 - a genuine cycle

        return to_networkx(self, **filters)

    # --- display -----------------------------------------------------------------

    def _repr_html_(self) -> str:
        """Return the market as HTML for notebooks: its counts and its first deals."""
        return _display.market_html(self)
