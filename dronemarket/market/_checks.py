"""Construction checks: every reference held, no id or name used twice."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, cast

from dronemarket.cooperation import Cooperation
from dronemarket.deals import Deal
from dronemarket.errors import ValidationError
from dronemarket.market._differ import differing
from dronemarket.market._names import name_key, not_found
from dronemarket.parties import Organization, Statement
from dronemarket.platforms import Platform
from dronemarket.production import LicensedProduction

__all__ = [
    "Holdings",
    "as_tuple",
    "check_cooperation",
    "check_deals",
    "check_production",
    "fail",
    "no_duplicates",
    "statement_orgs",
]


def fail(field_name: str, value: object, rule: str) -> ValidationError:
    """Return the ValidationError of the market field `field_name`."""
    return ValidationError("Market", field_name, value, rule)


def unique_names(kind: str, items: Iterable[Platform] | Iterable[Organization]) -> dict[str, Any]:
    """Return every normalized name and alias → item; reject a name used by two items."""
    by_name: dict[str, Any] = {}
    for item in items:
        for name in {name_key(n) for n in (item.name, *item.aliases)}:
            other = by_name.setdefault(name, item)
            if other is not item:
                rule = f"share the name or alias {name!r} ({other.name!r} and {item.name!r})"
                if other.name == item.name:
                    rule += f", and differ in: {', '.join(differing(other, item))}"
                raise fail(kind, item.name, rule)
    return by_name


def no_duplicates(kind: str, items: Sequence[object]) -> None:
    """Reject the first item of `items` given twice."""
    if len(set(items)) != len(items):
        seen: set[object] = set()
        for item in items:
            if item in seen:
                raise fail(kind, item, "is given twice")
            seen.add(item)


def statement_orgs(statements: Iterable[Statement]) -> Iterator[Organization]:
    """Return the organizations among the parties of `statements`."""
    return (s.party for s in statements if isinstance(s.party, Organization))


class Holdings:
    """What a market holds, for checking references by identity first, equality second."""

    def __init__(
        self, platforms: tuple[Platform, ...], organizations: tuple[Organization, ...]
    ) -> None:
        self.platforms: dict[str, Platform] = {p.name: p for p in platforms}
        self.organizations: dict[str, Organization] = {o.name: o for o in organizations}
        self.platform_names = unique_names("platforms", platforms)
        self.organization_names = unique_names("organizations", organizations)

    def platform(self, field_name: str, platform: Platform) -> None:
        held = self.platforms.get(platform.name)
        if held is not platform and held != platform:
            rule = "is not a platform the market holds (add it to platforms)"
            raise fail(field_name, platform.name, rule)

    def organization(self, field_name: str, organization: Organization | None) -> None:
        if organization is None:
            return
        held = self.organizations.get(organization.name)
        if held is not organization and held != organization:
            rule = "is not an organization the market holds (add it to organizations)"
            raise fail(field_name, organization.name, rule)

    def find_platform(self, name: object) -> Platform:
        """Return the held platform `name` is, or is the name or alias of."""
        found = _find("platform", name, Platform, self.platforms, self.platform_names)
        return cast("Platform", found)

    def find_organization(self, name: object) -> Organization:
        """Return the held organization `name` is, or is the name or alias of."""
        held, names = self.organizations, self.organization_names
        return cast("Organization", _find("organization", name, Organization, held, names))


_NOT_NAMES = {
    Platform: "is not a Platform or a platform's name or alias",
    Organization: "is not an Organization or an organization's name or alias",
}


def _find(
    kind: str,
    name: object,
    cls: type[Platform | Organization],
    held: dict[str, Any],
    names: dict[str, Any],
) -> object:
    """Return the held `cls` object `name` is, or is the name or alias of."""
    if isinstance(name, cls):
        same = held.get(name.name)
        if same is not None and (same is name or same == name):
            return same
    elif not isinstance(name, str):
        raise fail(kind, name, _NOT_NAMES[cls])
    found = names.get(name_key(name)) if isinstance(name, str) else None
    if found is None:
        shown = {key: item.name for key, item in names.items()}
        raise not_found(kind, getattr(name, "name", name), shown)
    return found


def check_deals(deals: tuple[Deal, ...], holdings: Holdings) -> None:
    """Check every deal's references and ids in one pass (the hot path of construction)."""
    platforms_get = holdings.platforms.get
    organizations_get = holdings.organizations.get
    ids: set[str] = set()
    add = ids.add
    for deal in deals:
        if type(deal) is not Deal and not isinstance(deal, Deal):
            raise fail("deals", deal, "is not a Deal")
        add(deal.id)
        platform = deal.platform
        if platforms_get(platform.name) is not platform:
            holdings.platform("deals.platform", platform)
        maker = deal.supplier.manufacturer
        if (
            maker is not None
            and maker is not platform.manufacturer  # held with its platform
            and organizations_get(maker.name) is not maker
        ):
            holdings.organization("deals.supplier.manufacturer", maker)
        user = deal.recipient.end_user
        if user is not None and organizations_get(user.name) is not user:
            holdings.organization("deals.recipient.end_user", user)
        if deal.intermediaries or deal.statements:
            for org in deal.intermediaries:
                holdings.organization("deals.intermediaries", org)
            for org in statement_orgs(deal.statements):
                holdings.organization("deals.statements", org)
    if len(ids) != len(deals):
        no_duplicates("deals.id", [deal.id for deal in deals])


def check_production(records: tuple[LicensedProduction, ...], holdings: Holdings) -> None:
    """Check every production record's references and ids."""
    for record in records:
        if not isinstance(record, LicensedProduction):
            raise fail("production", record, "is not a LicensedProduction")
        holdings.platform("production.platform", record.platform)
        holdings.organization("production.licensor.manufacturer", record.licensor.manufacturer)
        holdings.organization("production.licensee", record.licensee)
        for org in statement_orgs(record.statements):
            holdings.organization("production.statements", org)
    no_duplicates("production.id", [record.id for record in records])


def check_cooperation(records: tuple[Cooperation, ...], holdings: Holdings) -> None:
    """Check every cooperation record's references and ids."""
    for record in records:
        for party in record.organizations:
            holdings.organization("cooperation.parties", party)
        for platform in record.platforms:
            holdings.platform("cooperation.platforms", platform)
        for org in statement_orgs(record.statements):
            holdings.organization("cooperation.statements", org)
    no_duplicates("cooperation.id", [record.id for record in records])


def as_tuple(kind: str, items: Iterable[Any], cls: type) -> tuple[Any, ...]:
    """Return `items` as a tuple, each checked to be a `cls`."""
    if isinstance(items, str | bytes) or not hasattr(items, "__iter__"):
        raise fail(kind, items, "is not an iterable of records")
    made = tuple(items)
    for item in made:
        if not isinstance(item, cls):
            raise fail(kind, item, f"is not a {cls.__name__}")
    return made
