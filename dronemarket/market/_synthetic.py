"""A made-up market of any size, for testing and benchmarking."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Final, cast

from dronemarket.dates import PartialDate
from dronemarket.deals import Count, Deal, DealStatus, Delivery, Money
from dronemarket.errors import ValidationError
from dronemarket.market._market import Market
from dronemarket.parties import Country, Organization, OrgKind, Recipient, Supplier
from dronemarket.platforms import Category, Platform
from dronemarket.sources import Confidence, Source

__all__ = ["synthetic"]

_SYNTHETIC_COUNTRIES: Final = (
    *("TUR", "RUS", "CHN", "USA", "ISR", "IRN", "FRA", "GBR", "DEU", "ITA", "UKR", "IND"),
    *("KAZ", "KGZ", "TJK", "UZB", "TKM", "AZE", "ARM", "GEO", "POL", "SRB", "PAK", "EGY"),
    *("ARE", "SAU", "QAT", "NGA", "ETH", "MAR", "IDN", "MYS", "JPN", "KOR", "BRA", "MEX"),
)
_SYNTHETIC_SUPPLIERS: Final = 12  # the first twelve countries build and export
_STATUS_WEIGHTS: Final = {
    DealStatus.INTEREST: 1,
    DealStatus.NEGOTIATION: 1,
    DealStatus.ORDERED: 3,
    DealStatus.DELIVERING: 2,
    DealStatus.DELIVERED: 5,
    DealStatus.CANCELLED: 1,
    DealStatus.SUSPENDED: 1,
}


def synthetic(n_deals: int, *, seed: int = 0, platforms: int = 120) -> Market:
    """Return a made-up market of `n_deals` valid deals, the same for the same seed.

    For testing and benchmarking at scale: twelve supplying countries,
    thirty-six countries in all, ``platforms`` platforms from 36
    manufacturers, and deals of every status, some with estimated or
    unknown quantities and some valued in US dollars or euros. Nothing in it
    is real. Objects are shared between deals as a catalog shares them.

    >>> market = synthetic(200, seed=1)
    >>> len(market.deals), market == synthetic(200, seed=1)
    (200, True)
    """
    if type(n_deals) is not int or n_deals < 0:
        raise ValidationError("synthetic", "n_deals", n_deals, "is not a whole number >= 0")
    if type(platforms) is not int or platforms < 1:
        raise ValidationError("synthetic", "platforms", platforms, "is not a whole number >= 1")
    if type(seed) is not int:
        raise ValidationError("synthetic", "seed", seed, "is not a whole number")
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not cryptography
    countries = [Country(code) for code in _SYNTHETIC_COUNTRIES]
    makers = [
        Organization(
            f"Synthetic Aero {i + 1}",
            country=countries[i % _SYNTHETIC_SUPPLIERS],
            kind=OrgKind.MANUFACTURER,
        )
        for i in range(3 * _SYNTHETIC_SUPPLIERS)
    ]
    categories = list(Category)
    fleet = [
        Platform(
            f"SX-{i + 1}",
            manufacturer=makers[i % len(makers)],
            category=categories[i % len(categories)],
        )
        for i in range(platforms)
    ]
    source = Source("Synthetic market", publisher="dronemarket.market.synthetic")
    suppliers = {maker: Supplier(maker.country, manufacturer=maker) for maker in makers}
    recipients = {country: Recipient(country) for country in countries}
    dates: dict[tuple[int, int | None], PartialDate] = {}

    def date(year: int, month: int | None = None) -> PartialDate:
        return dates.setdefault((year, month), PartialDate(year, month))

    statuses = list(_STATUS_WEIGHTS)
    weights = list(_STATUS_WEIGHTS.values())
    deals = []
    for number in range(n_deals):
        platform = fleet[rng.randrange(len(fleet))]
        supplier = suppliers[cast("Organization", platform.manufacturer)]
        recipient = countries[rng.randrange(len(countries))]
        if recipient == supplier.country:
            recipient = countries[(countries.index(recipient) + 1) % len(countries)]
        status = rng.choices(statuses, weights)[0]
        year = rng.randrange(2000, 2026)
        quantity, deliveries = _synthetic_counts(rng, status, year, date)
        value = None
        if quantity is not None and rng.random() < 0.4:
            amount = (quantity.central or quantity.low or 1) * rng.randrange(1, 30) * 1_000_000
            value = Money(
                amount, "USD" if rng.random() < 0.8 else "EUR", estimate=rng.random() < 0.3
            )
        before_order = status in {DealStatus.INTEREST, DealStatus.NEGOTIATION}
        deals.append(
            Deal(
                supplier=supplier,
                recipient=recipients[recipient],
                platform=platform,
                status=status,
                ordered=None if before_order else date(year, rng.randrange(1, 13)),
                announced=date(year) if before_order else None,
                quantity=quantity,
                deliveries=deliveries,
                value=value,
                confidence=Confidence.REPORTED if rng.random() < 0.85 else Confidence.UNCONFIRMED,
                sources=(source,),
                id=f"synthetic-{number:07d}",
            )
        )
    return Market(platforms=fleet, organizations=makers, deals=deals)


def _synthetic_counts(
    rng: random.Random,
    status: DealStatus,
    year: int,
    date: Callable[[int, int | None], PartialDate],
) -> tuple[Count | None, tuple[Delivery, ...]]:
    number = rng.randrange(1, 60)
    roll = rng.random()
    quantity: Count | None
    if roll < 0.75:
        quantity = Count.exact(number)
    elif roll < 0.82:
        quantity = Count.about(number)
    elif roll < 0.87:
        quantity = Count.between(number, number + rng.randrange(1, 20))
    elif roll < 0.92:
        quantity = Count.at_least(number, wording="dozens")
    else:
        quantity = None
    if status not in {DealStatus.DELIVERING, DealStatus.DELIVERED}:
        return quantity, ()
    when = date(min(year + rng.randrange(0, 3), 2026), None)
    if quantity is not None and quantity.is_exact:
        shipped = number if status is DealStatus.DELIVERED else max(1, number // 2)
        return quantity, (Delivery(when, shipped),)
    most = 9 if quantity is None or quantity.high is None else min(9, quantity.high)
    return quantity, (Delivery(when, None if rng.random() < 0.5 else rng.randrange(1, most + 1)),)
