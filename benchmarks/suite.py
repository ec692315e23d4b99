"""The benchmark suite: the cases, their fixtures, and the functions timed.

Each case pairs a dronemarket benchmark with a baseline benchmark and a
target ratio (dronemarket's median over the baseline's). The functions here
build fixtures and return zero-argument callables; the pyperf scripts
(``bench_micro.py``, ``bench_market.py``, ``bench_startup.py``) time them and
``run.py`` runs the scripts and writes ``docs/performance.md``. The smoke
test (``tests/test_benchmarks.py``) calls each function once, at a small size.
"""

from __future__ import annotations

import random
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal

import baselines as base
import pycountry

import dronemarket as dm
from dronemarket.deals import TRANSFERS
from dronemarket.market import Market, Shares
from dronemarket.serialization import structure, unstructure

Thunk = Callable[[], object]
"""A zero-argument function a benchmark times."""
Check = Callable[[Any, Any], bool]
"""Say whether dronemarket's result and the baseline's agree."""


@dataclass(frozen=True)
class Case:
    """One row of the performance table: dronemarket against a baseline."""

    key: str
    title: str
    dm_bench: str
    base_bench: str
    baseline: str
    target: float
    group: Literal["micro", "market", "memory", "startup", "sipri"]
    check: Check | None = None
    """Compare the two results, where they are comparable."""

    @property
    def unit(self) -> Literal["s", "B"]:
        """Return the unit of the measurements: seconds, or bytes for memory."""
        return "B" if self.group == "memory" else "s"


# --- small fixtures: one deal, its platform, its parties -------------------------------

SPEC_STRINGS: Final = {
    "wingspan": "12 m",
    "mtow": "650 kg",
    "endurance": "27 h",
    "ceiling": "25000 ft",
}
"""The four specs of the Specs cases, as the issue gives them."""

EIGHT_SPECS: Final = {
    "wingspan": "12 m",
    "length": "6.5 m",
    "mtow": "650 kg",
    "payload": "150 kg",
    "endurance": "27 h",
    "ceiling": "25000 ft",
    "cruise_speed": "70 kn",
    "max_speed": "120 kn",
}
"""The eight specs of the hashing case and of the platform in a deal."""


def make_platform() -> dm.Platform:
    """Build the Bayraktar TB2 with eight specs, from scratch (nothing shared)."""
    turkey = dm.Country("TUR")
    baykar = dm.Organization("Baykar", country=turkey, kind=dm.OrgKind.MANUFACTURER)
    return dm.Platform(
        "Bayraktar TB2",
        manufacturer=baykar,
        category=dm.Category.MALE,
        roles={dm.Role.ISR, dm.Role.STRIKE},
        specs=dm.Specs(**EIGHT_SPECS),
        aliases={"TB2"},
        first_flight=dm.PartialDate(2014),
    )


@dataclass(frozen=True)
class DealParts:
    """What a deal refers to, prebuilt: platform, parties, source."""

    platform: dm.Platform
    supplier: dm.Supplier
    recipient: dm.Recipient
    source: dm.Source

    @classmethod
    def build(cls) -> DealParts:
        """Build the parts of the TB2 deal with Kyrgyzstan."""
        platform = make_platform()
        return cls(
            platform=platform,
            supplier=dm.Supplier(dm.Country("TUR"), manufacturer=platform.manufacturer),
            recipient=dm.Recipient(dm.Country("KGZ")),
            source=dm.Source(
                "Kyrgyzstan receives Bayraktar TB2",
                publisher="Daily Sabah",
                url="https://www.dailysabah.com/business/defense/kyrgyzstan-receives-tb2",
                published=dm.PartialDate(2021, 12),
            ),
        )

    def deal(self) -> dm.Deal:
        """Build the deal: three TB2s ordered in October 2021, delivered in December."""
        return dm.Deal(
            supplier=self.supplier,
            recipient=self.recipient,
            platform=self.platform,
            status=dm.DealStatus.DELIVERED,
            ordered=dm.PartialDate(2021, 10),
            quantity=3,
            deliveries=[dm.Delivery(dm.PartialDate(2021, 12), 3)],
            sources=[self.source],
        )


# --- micro benchmarks: each returns the function timed ---------------------------------


def deal_dm() -> Thunk:
    """Construct and validate a Deal whose platform, parties and source are prebuilt."""
    return DealParts.build().deal


def deal_pydantic() -> Thunk:
    """Construct and validate the pydantic twin of the same deal, parts prebuilt."""
    parts = DealParts.build()
    supplier = base.supplier_model(parts.supplier)
    recipient = base.recipient_model(parts.recipient)
    platform = base.platform_model(parts.platform)
    source = base.source_model(parts.source)

    def deal() -> base.DealModel:
        return base.DealModel(
            supplier=supplier,
            recipient=recipient,
            platform=platform,
            status=dm.DealStatus.DELIVERED,
            ordered=base.PartialDateModel(year=2021, month=10),
            quantity=3,  # type: ignore[arg-type]  # the before-validator makes it a count
            deliveries=(
                base.DeliveryModel(
                    date=base.PartialDateModel(year=2021, month=12),
                    count=3,  # type: ignore[arg-type]
                ),
            ),
            sources=(source,),
        )

    return deal


def _prebuilt_quantities() -> dict[str, dm.Quantity]:
    reg = dm.units.registry()
    return {name: reg.Quantity(text) for name, text in SPEC_STRINGS.items()}


def specs_quantities_dm() -> Thunk:
    """Construct Specs from four prebuilt Quantities."""
    q = _prebuilt_quantities()
    wingspan, mtow, endurance, ceiling = q["wingspan"], q["mtow"], q["endurance"], q["ceiling"]
    specs = dm.Specs
    return lambda: specs(wingspan=wingspan, mtow=mtow, endurance=endurance, ceiling=ceiling)


def specs_quantities_attrs() -> Thunk:
    """Construct an unvalidated frozen attrs class from the same four Quantities."""
    q = _prebuilt_quantities()
    wingspan, mtow, endurance, ceiling = q["wingspan"], q["mtow"], q["endurance"], q["ceiling"]
    naive = base.NaiveSpecs
    return lambda: naive(wingspan=wingspan, mtow=mtow, endurance=endurance, ceiling=ceiling)


def specs_strings_dm() -> Thunk:
    """Construct Specs from four strings."""
    wingspan, mtow, endurance, ceiling = SPEC_STRINGS.values()
    specs = dm.Specs
    dm.Specs(wingspan=wingspan)  # build pint's registry before timing
    return lambda: specs(wingspan=wingspan, mtow=mtow, endurance=endurance, ceiling=ceiling)


def specs_strings_pint() -> Thunk:
    """Parse the same four strings with ``ureg.Quantity(s)``."""
    texts = tuple(SPEC_STRINGS.values())
    make = dm.units.registry().Quantity
    return lambda: [make(text) for text in texts]


def hash_eq_dm() -> Thunk:
    """Hash two equal, separately built Platforms with eight specs, and compare them."""
    a, b = make_platform(), make_platform()

    def hash_eq() -> bool:
        hash(a)
        hash(b)
        return a == b

    return hash_eq


def platform_floats(platform: dm.Platform) -> tuple[float, ...]:
    """Return a platform's preferred specs in SI base units, as a tuple of floats."""
    return tuple(dm.units.si_magnitude(q) for q in platform.specs.known().values())


def hash_eq_tuple() -> Thunk:
    """Hash two equal, separately built tuples of the same eight floats, and compare them."""
    a, b = platform_floats(make_platform()), platform_floats(make_platform())

    def hash_eq() -> bool:
        hash(a)
        hash(b)
        return a == b

    return hash_eq


def _deal_data() -> tuple[dm.Deal, dict[str, Any]]:
    deal = DealParts.build().deal()
    return deal, unstructure(deal)


def structure_dm() -> Thunk:
    """Structure the deal's dict (nested platform with eight specs) into a Deal."""
    _, data = _deal_data()
    structure(data, dm.Deal)  # build the converter and pint's registry before timing
    return lambda: structure(data, dm.Deal)


def structure_pydantic() -> Thunk:
    """Validate the pydantic twin's dict (specs as SI floats) with ``model_validate``."""
    deal, _ = _deal_data()
    data = base.deal_model(deal).model_dump(mode="json", exclude_defaults=True)
    validate = base.DealModel.model_validate
    return lambda: validate(data)


def structure_cattrs() -> Thunk:
    """Structure the same dict with cattrs, hooks written the obvious way, pint parsing."""
    _, data = _deal_data()
    converter = base.naive_converter()
    return lambda: converter.structure(data, dm.Deal)


def unstructure_dm() -> Thunk:
    """Unstructure the deal into JSON-ready data."""
    deal, _ = _deal_data()
    return lambda: unstructure(deal)


def unstructure_pydantic() -> Thunk:
    """Dump the pydantic twin into JSON-ready data with ``model_dump``."""
    deal, _ = _deal_data()
    model = base.deal_model(deal)
    return lambda: model.model_dump(mode="json")


MICRO: Final[dict[str, Callable[[], Thunk]]] = {
    "deal/dronemarket": deal_dm,
    "deal/pydantic": deal_pydantic,
    "specs-quantities/dronemarket": specs_quantities_dm,
    "specs-quantities/attrs": specs_quantities_attrs,
    "specs-strings/dronemarket": specs_strings_dm,
    "specs-strings/pint": specs_strings_pint,
    "hash-eq/dronemarket": hash_eq_dm,
    "hash-eq/tuple": hash_eq_tuple,
    "structure/dronemarket": structure_dm,
    "structure/pydantic": structure_pydantic,
    "structure/cattrs-pint": structure_cattrs,
    "unstructure/dronemarket": unstructure_dm,
    "unstructure/pydantic": unstructure_pydantic,
}
"""Every micro benchmark by name: a setup function returning the function timed."""


def timer(setup: Callable[[], Thunk]) -> Callable[[int], float]:
    """Return a pyperf time function: set up on first call, then time `loops` calls.

    The setup runs only in the worker process that times this benchmark, and
    is not timed.
    """
    made: list[Thunk] = []

    def time_func(loops: int) -> float:
        if not made:
            made.append(setup())
        func = made[0]
        clock = time.perf_counter
        start = clock()
        for _ in range(loops):
            func()
        return clock() - start

    return time_func


# --- the market cases: 10^6 deals from a few hundred prebuilt parts -------------------

SUPPLIER_COUNTRIES: Final = (
    "TUR", "CHN", "USA", "ISR", "IRN", "RUS", "ARE", "IND", "FRA", "GBR",
    "DEU", "ITA", "KOR", "PAK", "UKR", "ZAF", "BRA", "ESP", "POL", "SWE",
)  # fmt: skip
"""The exporting countries of the generated market; three manufacturers each."""

QUERY_RECIPIENT: Final = "KGZ"
"""The recipient of the filtered-query case."""

_STATUSES: Final = (
    (dm.DealStatus.INTEREST, 1),
    (dm.DealStatus.ORDERED, 3),
    (dm.DealStatus.DELIVERING, 2),
    (dm.DealStatus.DELIVERED, 4),
)

PlainDelivery = tuple[int, int, int]
PlainDeal = tuple[
    str, str, str, str, str | None, str, str, int, int, int, tuple[PlainDelivery, ...], str
]
"""A deal as plain values: id, supplier country, manufacturer, recipient country,
end user (or None), platform, status, year, month (of the order, or of the
announcement before any order), quantity, deliveries (year, month, count), source title.
"""


@dataclass(frozen=True)
class Pool:
    """The prebuilt parts deals are made of: ~240 platforms, ~260 parties, 100 sources."""

    platforms: tuple[dm.Platform, ...]
    manufacturers: tuple[dm.Organization, ...]
    end_users: tuple[dm.Organization, ...]
    suppliers: dict[str, dm.Supplier]  # by manufacturer name
    recipients: dict[tuple[str, str | None], dm.Recipient]  # by (country, end user name)
    sources: dict[str, dm.Source]  # by title
    by_name: dict[str, dm.Platform]

    @property
    def organizations(self) -> tuple[dm.Organization, ...]:
        """Return every organization the deals can reference."""
        return self.manufacturers + self.end_users

    @classmethod
    def build(cls) -> Pool:
        """Build the parts, deterministically."""
        specs = [
            dm.Specs(**EIGHT_SPECS),
            dm.Specs(wingspan="20 m", mtow="5.5 t", payload="1.5 t", ceiling="45000 ft"),
            dm.Specs(wingspan="2.5 m", mtow="35 kg", warhead="5 kg", endurance="2 h"),
        ]
        categories = (dm.Category.MALE, dm.Category.UCAV, dm.Category.LOITERING_MUNITION)
        manufacturers: list[dm.Organization] = []
        platforms: list[dm.Platform] = []
        for code in SUPPLIER_COUNTRIES:
            for k in range(3):
                maker = dm.Organization(
                    f"{code} Aerospace {k}", country=dm.Country(code), kind=dm.OrgKind.MANUFACTURER
                )
                manufacturers.append(maker)
                platforms.extend(
                    dm.Platform(
                        f"{code}-{k}-{j}",
                        manufacturer=maker,
                        category=categories[j % 3],
                        specs=specs[j % 3],
                    )
                    for j in range(4)
                )
        countries = sorted(c.alpha_3 for c in pycountry.countries)[:150]
        if QUERY_RECIPIENT not in countries:  # pragma: no cover - KGZ sorts early
            countries[-1] = QUERY_RECIPIENT
        end_users = tuple(
            dm.Organization(
                f"Armed Forces of {code}", country=dm.Country(code), kind=dm.OrgKind.ARMED_FORCES
            )
            for code in countries[::3]
        )
        recipients: dict[tuple[str, str | None], dm.Recipient] = {
            (code, None): dm.Recipient(dm.Country(code)) for code in countries
        }
        recipients.update(
            {
                (user.country.code, user.name): dm.Recipient(user.country, end_user=user)
                for user in end_users
            }
        )
        sources = {
            f"Report {k}": dm.Source(f"Report {k}", publisher=f"Outlet {k % 17}")
            for k in range(100)
        }
        return cls(
            platforms=tuple(platforms),
            manufacturers=tuple(manufacturers),
            end_users=end_users,
            suppliers={m.name: dm.Supplier(m.country, manufacturer=m) for m in manufacturers},
            recipients=recipients,
            sources=sources,
            by_name={p.name: p for p in platforms},
        )

    def plain_deals(self, n: int, seed: int = 2024) -> list[PlainDeal]:
        """Return `n` valid deals as tuples of plain values, deterministically."""
        rng = random.Random(seed)
        statuses = [status for status, weight in _STATUSES for _ in range(weight)]
        recipients = list(self.recipients)
        titles = list(self.sources)
        deals: list[PlainDeal] = []
        for i in range(n):
            platform = rng.choice(self.platforms)
            maker = platform.manufacturer
            assert maker is not None
            supplier = maker.country.code
            country, user = rng.choice(recipients)
            while country == supplier:
                country, user = rng.choice(recipients)
            status = rng.choice(statuses)
            year, month, quantity = rng.randint(2005, 2023), rng.randint(1, 12), rng.randint(2, 48)
            deliveries: tuple[PlainDelivery, ...] = ()
            if status is dm.DealStatus.DELIVERING:
                deliveries = ((year + 1, month, rng.randint(1, quantity - 1)),)
            elif status is dm.DealStatus.DELIVERED:
                first = rng.randint(1, quantity)
                deliveries = ((year + 1, month, first),)
                if first < quantity:
                    deliveries += ((year + 2, rng.randint(1, 12), quantity - first),)
            deals.append(
                (
                    f"deal-{i:07d}",
                    supplier,
                    maker.name,
                    country,
                    user,
                    platform.name,
                    status.value,
                    year,
                    month,
                    quantity,
                    deliveries,
                    rng.choice(titles),
                )
            )
        return deals

    def deal(self, plain: PlainDeal) -> dm.Deal:
        """Build the Deal a plain tuple describes (its own id string, dates and counts)."""
        ident, _, maker, country, user, name, status, year, month, quantity, given, title = plain
        when = dm.PartialDate(year, month)
        interest = status == "interest"
        return dm.Deal(
            supplier=self.suppliers[maker],
            recipient=self.recipients[country, user],
            platform=self.by_name[name],
            status=dm.DealStatus(status),
            ordered=None if interest else when,
            announced=when if interest else None,
            quantity=quantity,
            deliveries=[dm.Delivery(dm.PartialDate(y, m), c) for y, m, c in given],
            sources=[self.sources[title]],
            id="".join(("deal-", ident[5:])),
        )


@dataclass
class MarketData:
    """The fixture of the market cases: the pool, the deals, the market.

    ``memory`` holds tracemalloc's measure of the market and of the plain
    tuples, in bytes, when the data was built with ``measure_memory``.
    """

    pool: Pool
    market: Market
    memory: dict[str, float] = field(default_factory=dict)
    build_seconds: float = 0.0

    @property
    def deals(self) -> tuple[dm.Deal, ...]:
        """Return the deals, in the order built."""
        return self.market.deals

    @classmethod
    def build(cls, n: int, *, seed: int = 2024, measure_memory: bool = False) -> MarketData:
        """Build `n` deals and their market, measuring their memory if asked.

        The random choices are drawn first, untraced. Then, traced: the plain
        tuples (the memory baseline), then the deals and their market, with
        the indexes its first query and first share build (a market builds
        them on first use, so they are measured as a market in use holds
        them). Each
        side owns its containers and id strings; both share the pool, the
        small ints and the year ints drawn.
        """
        pool = Pool.build()
        recipes = pool.plain_deals(n, seed)
        if measure_memory:
            tracemalloc.start()
        start = time.perf_counter()
        before = tracemalloc.get_traced_memory()[0]
        plain = [_copy(recipe) for recipe in recipes]
        after_plain = tracemalloc.get_traced_memory()[0]
        deals = [pool.deal(recipe) for recipe in recipes]
        market = Market(platforms=pool.platforms, organizations=pool.organizations, deals=deals)
        del deals
        market.deals(recipient=QUERY_RECIPIENT)  # builds the indexes the cases use
        market.share(by="supplier")
        after_market = tracemalloc.get_traced_memory()[0]
        seconds = time.perf_counter() - start
        memory: dict[str, float] = {}
        if measure_memory:
            tracemalloc.stop()
            memory = {
                "memory/dronemarket": after_market - after_plain,
                "memory/tuples": after_plain - before,
            }
        del plain
        return cls(pool, market, memory, seconds)


def _copy(plain: PlainDeal) -> PlainDeal:
    """Return a plain deal in new containers, with its own id string."""
    ident, sup, maker, country, user, name, status, year, month, quantity, given, title = plain
    deliveries = tuple([(y, m, c) for y, m, c in given])
    return (
        "".join(("deal-", ident[5:])),
        sup,
        maker,
        country,
        user,
        name,
        status,
        year,
        month,
        quantity,
        deliveries,
        title,
    )


def share_loop(deals: Sequence[dm.Deal]) -> dict[str, float]:
    """Return each supplier country's share of the units, by a hand-written dict loop.

    Units as ``Market.share`` counts them: transfers only (ordered,
    delivering, delivered), the quantity ordered, else the total
    delivered; a deal with neither is left out.
    """
    units: dict[str, int] = {}
    total = 0
    transfers = TRANSFERS
    for deal in deals:
        if deal.status not in transfers:
            continue
        count = deal.quantity if deal.quantity is not None else deal.delivered
        if count is None:
            continue
        central = count.central if count.central is not None else count.low or count.high or 0
        country = deal.supplier.country
        code = "unknown" if country is None else country.code
        units[code] = units.get(code, 0) + central
        total += central
    return {code: n / total for code, n in units.items()}


def _fresh(data: MarketData) -> Callable[[], Market]:
    pool, deals = data.pool, data.deals
    return lambda: Market(platforms=pool.platforms, organizations=pool.organizations, deals=deals)


def first_query_timer(data: Callable[[], MarketData]) -> Callable[[int], float]:
    """Return a pyperf time function: the first query on a fresh market (index build).

    `data` gives the market data (built on first call); building the fresh
    market is not timed.
    """

    def time_func(loops: int) -> float:
        fresh = _fresh(data())
        spent = 0.0
        for _ in range(loops):
            market = fresh()
            start = time.perf_counter()
            market.deals(recipient=QUERY_RECIPIENT)
            spent += time.perf_counter() - start
        return spent

    return time_func


def first_share_timer(data: Callable[[], MarketData]) -> Callable[[int], float]:
    """Return a pyperf time function: the first share on a fresh market (index build)."""

    def time_func(loops: int) -> float:
        fresh = _fresh(data())
        spent = 0.0
        for _ in range(loops):
            market = fresh()
            start = time.perf_counter()
            market.share(by="supplier")
            spent += time.perf_counter() - start
        return spent

    return time_func


MARKET_BENCHES: Final = (
    "market/dronemarket",
    "market/dict-of-lists",
    "share/dronemarket",
    "share/dict-loop",
    "query/dronemarket",
    "query/scan",
)
"""The names of the market benchmarks, as :func:`market_benches` returns them."""


def market_benches(data: MarketData) -> dict[str, Thunk]:
    """Return every market benchmark by name, timed on `data`."""
    market, deals = data.market, data.deals
    return {
        "market/dronemarket": _fresh(data),
        "market/dict-of-lists": lambda: base.group_by_supplier(deals),
        "share/dronemarket": lambda: market.share(by="supplier"),
        "share/dict-loop": lambda: share_loop(deals),
        "query/dronemarket": lambda: market.deals(recipient=QUERY_RECIPIENT),
        "query/scan": lambda: base.scan(deals, QUERY_RECIPIENT),
    }


STARTUP: Final[dict[str, str]] = {
    "import/dronemarket": "import dronemarket",
    "import/attrs-cattrs-pint": "import attrs, cattrs, pint",
    "catalog/dronemarket": "import dronemarket as dm; dm.catalog.market()",
    "catalog/pint-registry": "import pint; pint.UnitRegistry()",
    # Hypothesis reads HYPOTHESIS_NO_PLUGINS when it is imported; os is loaded at start-up.
    "plugin/dronemarket": (
        "import os; os.environ.pop('HYPOTHESIS_NO_PLUGINS', 0); import hypothesis"
    ),
    "plugin/off": "import os; os.environ['HYPOTHESIS_NO_PLUGINS'] = '1'; import hypothesis",
}
"""Every start-up benchmark by name: the code a fresh ``python -c`` runs."""


# --- checks: the two sides agree -------------------------------------------------------


def _same_deal(ours: dm.Deal, theirs: base.DealModel) -> bool:
    return base.deal_model(ours) == theirs


def _same_values(ours: Sequence[dm.Quantity | None], theirs: Sequence[dm.Quantity | None]) -> bool:
    return all(
        a is not None and b is not None and a.units == b.units and a.magnitude == b.magnitude
        for a, b in zip(ours, theirs, strict=True)
    )


def _same_quantities(ours: dm.Specs, theirs: base.NaiveSpecs) -> bool:
    return _same_values(
        [getattr(ours, name) for name in SPEC_STRINGS],
        [getattr(theirs, name) for name in SPEC_STRINGS],
    )


def _same_parse(ours: dm.Specs, theirs: list[dm.Quantity]) -> bool:
    return _same_values([getattr(ours, name) for name in SPEC_STRINGS], theirs)


def _both_true(ours: object, theirs: object) -> bool:
    return ours is True and theirs is True


def _same_record(ours: object, theirs: object) -> bool:
    return ours == theirs


def _same_shares(ours: Shares, theirs: dict[str, float]) -> bool:
    return base.close_mappings(ours.as_dict(), theirs)  # type: ignore[arg-type]


def _same_size(ours: Market, theirs: dict[dm.Supplier, list[dm.Deal]]) -> bool:
    return len(ours.deals) == sum(map(len, theirs.values()))


def _same_deals(ours: Sequence[dm.Deal], theirs: list[dm.Deal]) -> bool:
    return list(ours) == theirs


def _same_dump(ours: dict[str, Any], theirs: dict[str, Any]) -> bool:
    model = base.deal_model(structure(ours, dm.Deal))
    return base.DealModel.model_validate(theirs) == model


CASES: Final[tuple[Case, ...]] = (
    Case(
        "deal",
        "construct and validate a `Deal` (platform prebuilt)",
        "deal/dronemarket",
        "deal/pydantic",
        "pydantic v2 frozen model with the same fields and rules",
        1.0,
        "micro",
        _same_deal,
    ),
    Case(
        "specs-quantities",
        "construct `Specs` from 4 prebuilt Quantities",
        "specs-quantities/dronemarket",
        "specs-quantities/attrs",
        "an unvalidated frozen attrs class holding the same Quantities",
        3.0,
        "micro",
        _same_quantities,
    ),
    Case(
        "specs-strings",
        'construct `Specs` from 4 strings ("12 m", "650 kg", "27 h", "25000 ft")',
        "specs-strings/dronemarket",
        "specs-strings/pint",
        "`ureg.Quantity(s)` on the same 4 strings",
        0.25,
        "micro",
        _same_parse,
    ),
    Case(
        "hash-eq",
        "`hash()` and `==` of two equal, separately built `Platform`s with 8 specs",
        "hash-eq/dronemarket",
        "hash-eq/tuple",
        "a tuple of the same 8 floats",
        20.0,
        "micro",
        _both_true,
    ),
    Case(
        "structure-pydantic",
        "structure a `Deal` dict, nested platform with 8 specs",
        "structure/dronemarket",
        "structure/pydantic",
        "pydantic v2 `model_validate`, quantities as plain SI floats",
        3.0,
        "micro",
        _same_deal,
    ),
    Case(
        "structure-cattrs",
        "the same structure",
        "structure/dronemarket",
        "structure/cattrs-pint",
        "cattrs + pint, hooks written the obvious way",
        0.2,
        "micro",
        _same_record,
    ),
    Case(
        "unstructure",
        "unstructure the same `Deal`",
        "unstructure/dronemarket",
        "unstructure/pydantic",
        "pydantic v2 `model_dump` (JSON mode)",
        2.0,
        "micro",
        _same_dump,
    ),
    Case(
        "market",
        "build a `Market` from 10⁶ prebuilt deals",
        "market/dronemarket",
        "market/dict-of-lists",
        "a dict of lists keyed by supplier over the same deals",
        3.0,
        "market",
        _same_size,
    ),
    Case(
        "share",
        '`share(by="supplier")` over 10⁶ deals',
        "share/dronemarket",
        "share/dict-loop",
        "a hand-written dict loop over the same deals",
        1.5,
        "market",
        _same_shares,
    ),
    Case(
        "query",
        "a filtered query (one recipient) over 10⁶ deals",
        "query/dronemarket",
        "query/scan",
        "a full list comprehension scan",
        0.05,
        "market",
        _same_deals,
    ),
    Case(
        "memory",
        "memory of a 10⁶-deal market (tracemalloc)",
        "memory/dronemarket",
        "memory/tuples",
        "the same deals as tuples of plain values",
        3.0,
        "memory",
    ),
    Case(
        "import",
        '`python -c "import dronemarket"`',
        "import/dronemarket",
        "import/attrs-cattrs-pint",
        '`python -c "import attrs, cattrs, pint"`',
        1.1,
        "startup",
    ),
    Case(
        "catalog",
        '`python -c "import dronemarket as dm; dm.catalog.market()"`',
        "catalog/dronemarket",
        "catalog/pint-registry",
        '`python -c "import pint; pint.UnitRegistry()"`',
        1.3,
        "startup",
    ),
    Case(
        "plugin",
        "`import hypothesis` with dronemarket's Hypothesis plugin installed",
        "plugin/dronemarket",
        "plugin/off",
        "`import hypothesis` with plugins off (`HYPOTHESIS_NO_PLUGINS=1`)",
        1.1,
        "startup",
    ),
)
"""Every case, in the order of the issue's table."""


FIRST_USE: Final[tuple[Case, ...]] = (
    Case(
        "query-first",
        "the first filtered query on a fresh 10⁶-deal market (builds the recipient index)",
        "query-first/dronemarket",
        "query/scan",
        "a full list comprehension scan",
        0.05,
        "market",
    ),
    Case(
        "share-first",
        'the first `share(by="supplier")` on a fresh 10⁶-deal market (builds its index)',
        "share-first/dronemarket",
        "share/dict-loop",
        "a hand-written dict loop over the same deals",
        1.5,
        "market",
    ),
)
"""What a market's first query and first share cost: it builds each index on first use.

Not rows of the issue's table; shown apart, so that the cost the market
defers from construction to first use is shown too.
"""


SIPRI_CASES: Final[tuple[Case, ...]] = (
    Case(
        "sipri-read",
        "`sipri.read` of SIPRI's May 2026 register (29,916 records)",
        "sipri-read/dronemarket",
        "sipri-read/pandas",
        '`pandas.read_csv(..., skiprows=11, encoding="latin-1")` on the same bytes'
        " (validates nothing)",
        15.0,
        "sipri",
    ),
    Case(
        "sipri-drones",
        "the same, `drones_only=True`",
        "sipri-drones/dronemarket",
        "sipri-read/pandas",
        "the same `pandas.read_csv`",
        3.0,
        "sipri",
    ),
    Case(
        "sipri-memory",
        "memory of the imported register (tracemalloc, retained)",
        "sipri-memory/dronemarket",
        "sipri-memory/pandas",
        "the DataFrame's `memory_usage(deep=True).sum()`",
        2.0,
        "memory",
    ),
)
"""The SIPRI cases (``bench_sipri.py``): real data from ``../shared/realdata``, not measured
without it."""

SIPRI_FLOORS: Final[tuple[Case, ...]] = (
    Case(
        "sipri-floor",
        "rebuild the register's 29,916 deals from their prebuilt parts (each `Deal` checks"
        " its rules), then `Market.of`: no parsing at all",
        "sipri-floor/dronemarket",
        "sipri-read/pandas",
        "the same `pandas.read_csv`",
        15.0,
        "sipri",
    ),
    Case(
        "sipri-floor-memory",
        "the deals' own objects: each `Deal`, its id and its notes (`sys.getsizeof`)",
        "sipri-floor-memory/dronemarket",
        "sipri-memory/pandas",
        "the DataFrame's deep memory",
        2.0,
        "memory",
    ),
)
"""What any read that keeps one validated ``Deal`` per record pays, whatever its parser.

Not rows of the issue's table (no target of their own): shown apart, beside
the SIPRI rows' targets, which they explain.
"""


def case(key: str) -> Case:
    """Return the case named `key`."""
    for candidate in CASES + FIRST_USE + SIPRI_CASES + SIPRI_FLOORS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)


__all__ = [
    "CASES",
    "EIGHT_SPECS",
    "MICRO",
    "SIPRI_CASES",
    "SIPRI_FLOORS",
    "SPEC_STRINGS",
    "Case",
    "Check",
    "DealParts",
    "Thunk",
    "case",
    "make_platform",
]
