"""The peers dronemarket is measured against.

- pydantic v2 frozen models with the same fields and the same rules as the
  dronemarket records, specs held as plain floats in SI base units;
- an unvalidated frozen attrs class holding the same Quantities as `Specs`;
- cattrs and pint used the obvious way (every quantity parsed by pint);
- hand-written loops over plain Python containers.

These are test-only dependencies (the ``bench`` extra); nothing here is part
of the package.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Final, Self, TypeVar

import attrs
import cattrs
import pint
import pycountry
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

import dronemarket as dm
from dronemarket.deals import MAX_AMOUNT, MAX_COUNT, slug
from dronemarket.units import Quantity

# --- pydantic v2: the same fields and rules, quantities as SI floats -------------------

T = TypeVar("T")
MAX_TEXT: Final = 500
MAX_NOTE: Final = 5_000
_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,127}")
_URL = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)


def _text(value: str) -> str:
    if not value.strip():
        raise ValueError("is blank")
    if value != value.strip():
        raise ValueError("has leading or trailing white space")
    if len(value) > MAX_TEXT:
        raise ValueError(f"is longer than {MAX_TEXT} characters")
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise ValueError("contains control characters")
    return value


def _names(value: frozenset[str]) -> frozenset[str]:
    for item in value:
        _text(item)
    return value


def _unique(value: tuple[T, ...]) -> tuple[T, ...]:
    if len(set(value)) != len(value):
        raise ValueError("has duplicates")
    return value


def _non_empty(value: tuple[T, ...]) -> tuple[T, ...]:
    if not value:
        raise ValueError("is empty (at least one is required)")
    return value


Text = Annotated[str, Field(strict=True), AfterValidator(_text)]
Note = Annotated[str, Field(strict=True, max_length=MAX_NOTE)]
Names = Annotated[frozenset[str], AfterValidator(_names)]
Year = Annotated[int, Field(strict=True, ge=dm.dates.MIN_YEAR, le=dm.dates.MAX_YEAR)]
Month = Annotated[int, Field(strict=True, ge=1, le=12)]
CountPart = Annotated[int, Field(strict=True, ge=1, le=MAX_COUNT)]

_FROZEN: Final = ConfigDict(frozen=True, extra="forbid")


class PartialDateModel(BaseModel):
    """A date known to the year, month or day (dronemarket.PartialDate)."""

    model_config = _FROZEN

    year: Year
    month: Month | None = None
    day: Annotated[int, Field(strict=True)] | None = None

    @model_validator(mode="after")
    def _check_day(self) -> Self:
        if self.day is not None:
            if self.month is None:
                raise ValueError("day is given without a month")
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"day is outside 1..{last}")
        return self

    @property
    def earliest(self) -> dt.date:
        """Return the first day the date may stand for."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """Return the last day the date may stand for."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def surely_before(self, other: PartialDateModel) -> bool:
        """Say whether this date surely lies before `other`."""
        return self.latest < other.earliest

    def __str__(self) -> str:
        parts = [f"{self.year:04}"]
        if self.month is not None:
            parts.append(f"{self.month:02}")
        if self.day is not None:
            parts.append(f"{self.day:02}")
        return "-".join(parts)


def _country_code(value: str) -> str:
    if len(value) != 3 or not value.isascii() or not value.isupper() or not value.isalpha():
        raise ValueError("is not an ISO 3166-1 alpha-3 code")
    if pycountry.countries.get(alpha_3=value) is None:
        raise ValueError("is not an ISO 3166-1 country")
    return value


class CountryModel(BaseModel):
    """A country by ISO 3166-1 alpha-3 code."""

    model_config = _FROZEN

    code: Annotated[str, Field(strict=True), AfterValidator(_country_code)]


def _language(value: str) -> str:
    if len(value) != 2 or pycountry.languages.get(alpha_2=value) is None:
        raise ValueError("is not an ISO 639-1 language code")
    return value


def _url(value: str | None) -> str | None:
    if value is not None:
        _text(value)
        if not _URL.fullmatch(value):
            raise ValueError("is not an http(s) address")
    return value


class SourceModel(BaseModel):
    """A published source."""

    model_config = _FROZEN

    title: Text
    publisher: Text
    url: Annotated[str | None, AfterValidator(_url)] = None
    published: PartialDateModel | None = None
    language: Annotated[str, Field(strict=True), AfterValidator(_language)] = "en"


class OrganizationModel(BaseModel):
    """A company, agency, armed service or group."""

    model_config = _FROZEN

    name: Text
    country: CountryModel
    kind: dm.OrgKind
    aliases: Names = frozenset()

    @model_validator(mode="after")
    def _aliases_differ(self) -> Self:
        if self.name in self.aliases:
            raise ValueError("aliases repeat the name")
        return self


class SupplierModel(BaseModel):
    """The exporting side of a deal."""

    model_config = _FROZEN

    country: CountryModel | None = None
    manufacturer: OrganizationModel | None = None

    @model_validator(mode="after")
    def _country_known(self) -> Self:
        if self.manufacturer is not None and self.country is None:
            raise ValueError("manufacturer is given without the supplier's country")
        return self


class RecipientModel(BaseModel):
    """The importing side of a deal."""

    model_config = _FROZEN

    country: CountryModel | None = None
    end_user: OrganizationModel | None = None

    @model_validator(mode="after")
    def _country_known(self) -> Self:
        user = self.end_user
        if (
            user is not None
            and self.country is None
            and user.kind is not dm.OrgKind.NON_STATE_GROUP
        ):
            raise ValueError("end_user is given without the recipient's country")
        return self


class StatementModel(BaseModel):
    """What a party said: it confirmed or denied."""

    model_config = _FROZEN

    party: OrganizationModel | CountryModel
    position: dm.Confidence
    source: SourceModel
    date: PartialDateModel | None = None
    quote: Note = ""

    @model_validator(mode="after")
    def _confirms_or_denies(self) -> Self:
        if self.position not in {dm.Confidence.CONFIRMED, dm.Confidence.DENIED}:
            raise ValueError("position is neither CONFIRMED nor DENIED")
        return self


# Plausibility bounds of the specs, in SI base units (as dm.SPEC_FIELDS says).
_SI_BOUNDS: Final = {
    name: dm.units.si_magnitude(dm.units.quantity(field.upper, field.dimension))
    for name, field in dm.SPEC_FIELDS.items()
}
_ORDERED_PAIRS: Final = (
    ("payload", "mtow"),
    ("empty_mass", "mtow"),
    ("warhead", "payload"),
    ("cruise_speed", "max_speed"),
    ("combat_radius", "range"),
)


def _bound(name: str) -> Any:
    """Return the constraint of a spec: a positive finite float within its bound."""
    return Field(gt=0, le=_SI_BOUNDS[name], allow_inf_nan=False)


class SpecsModel(BaseModel):
    """A platform's specifications as plain floats in SI base units."""

    model_config = _FROZEN

    wingspan: Annotated[float, _bound("wingspan")] | None = None
    length: Annotated[float, _bound("length")] | None = None
    mtow: Annotated[float, _bound("mtow")] | None = None
    empty_mass: Annotated[float, _bound("empty_mass")] | None = None
    payload: Annotated[float, _bound("payload")] | None = None
    warhead: Annotated[float, _bound("warhead")] | None = None
    endurance: Annotated[float, _bound("endurance")] | None = None
    ceiling: Annotated[float, _bound("ceiling")] | None = None
    range: Annotated[float, _bound("range")] | None = None
    combat_radius: Annotated[float, _bound("combat_radius")] | None = None
    datalink_range: Annotated[float, _bound("datalink_range")] | None = None
    cruise_speed: Annotated[float, _bound("cruise_speed")] | None = None
    max_speed: Annotated[float, _bound("max_speed")] | None = None
    engine_power: Annotated[float, _bound("engine_power")] | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        for smaller, larger in _ORDERED_PAIRS:
            low, high = getattr(self, smaller), getattr(self, larger)
            if low is not None and high is not None and low > high:
                raise ValueError(f"{smaller} exceeds {larger}")
        return self


class PlatformModel(BaseModel):
    """A drone type."""

    model_config = _FROZEN

    name: Text
    manufacturer: OrganizationModel | None
    category: dm.Category | None = None
    roles: frozenset[dm.Role] = frozenset()
    specs: SpecsModel = SpecsModel()
    aliases: Names = frozenset()
    first_flight: PartialDateModel | None = None
    in_service: PartialDateModel | None = None
    variant_of: PlatformModel | None = None
    derived_from: PlatformModel | None = None
    sources: Annotated[tuple[SourceModel, ...], AfterValidator(_unique)] = ()

    @model_validator(mode="after")
    def _rules(self) -> Self:
        first, service = self.first_flight, self.in_service
        if service is not None and first is not None and service.surely_before(first):
            raise ValueError("in_service is before the first flight")
        if self.name in self.aliases:
            raise ValueError("aliases repeat the name")
        for parent in (self.variant_of, self.derived_from):
            if parent is not None and parent.name == self.name:
                raise ValueError("lineage names the platform itself")
        return self


def _to_count(value: object) -> object:
    if type(value) is int:
        return CountModel(low=value, central=value, high=value)
    return value


class CountModel(BaseModel):
    """How many: exact, estimated or a range."""

    model_config = _FROZEN

    low: CountPart | None
    central: CountPart | None
    high: CountPart | None
    estimate: Annotated[bool, Field(strict=True)] = False
    wording: Note = ""

    @model_validator(mode="after")
    def _rules(self) -> Self:
        parts = [p for p in (self.low, self.central, self.high) if p is not None]
        if not parts:
            raise ValueError("central is None, and so are low and high")
        if parts != sorted(parts):
            raise ValueError("breaks low <= central <= high")
        if not self.estimate and (len(parts) != 3 or parts[0] != parts[2]):
            raise ValueError("is not exact yet not marked as an estimate")
        return self

    @property
    def is_exact(self) -> bool:
        """Say whether the count is exact."""
        return not self.estimate

    def __add__(self, other: CountModel) -> CountModel:
        """Add two counts; a bound is known only when both are."""

        def plus(a: int | None, b: int | None) -> int | None:
            return None if a is None or b is None else min(a + b, MAX_COUNT)

        low, central, high = (
            plus(a, b)
            for a, b in zip(
                (self.low, self.central, self.high),
                (other.low, other.central, other.high),
                strict=True,
            )
        )
        if low is central is high is None:
            low = max(p for p in (self.low, other.low, 1) if p is not None)
        return CountModel(
            low=low, central=central, high=high, estimate=self.estimate or other.estimate
        )


Counted = Annotated[CountModel, BeforeValidator(_to_count)]


class DeliveryModel(BaseModel):
    """Units handed over at one time."""

    model_config = _FROZEN

    date: PartialDateModel | None
    count: Counted | None = None


def _currency(value: str) -> str:
    if pycountry.currencies.get(alpha_3=value) is None:
        raise ValueError("is not an ISO 4217 currency code")
    return value


def _amount(value: Decimal) -> Decimal:
    if not value.is_finite() or value <= 0:
        raise ValueError("is not a positive finite amount")
    if value > MAX_AMOUNT:
        raise ValueError("exceeds the typo guard")
    return value


class MoneyModel(BaseModel):
    """An amount of money in an ISO 4217 currency."""

    model_config = _FROZEN

    amount: Annotated[Decimal, AfterValidator(_amount)]
    currency: Annotated[str, Field(strict=True), AfterValidator(_currency)]
    estimate: Annotated[bool, Field(strict=True)] = False


_BEFORE_ORDER: Final = frozenset({dm.DealStatus.INTEREST, dm.DealStatus.NEGOTIATION})
_NEEDS_DELIVERY: Final = frozenset({dm.DealStatus.DELIVERING, dm.DealStatus.DELIVERED})


class DealModel(BaseModel):
    """A transfer of drones, with every rule `dronemarket.Deal` checks."""

    model_config = _FROZEN

    supplier: SupplierModel
    recipient: RecipientModel
    platform: PlatformModel
    status: dm.DealStatus
    sources: Annotated[tuple[SourceModel, ...], AfterValidator(_non_empty), AfterValidator(_unique)]
    ordered: PartialDateModel | None = None
    announced: PartialDateModel | None = None
    quantity: Counted | None = None
    deliveries: tuple[DeliveryModel, ...] = ()
    value: MoneyModel | None = None
    intermediaries: Annotated[tuple[OrganizationModel, ...], AfterValidator(_unique)] = ()
    second_hand: Annotated[bool, Field(strict=True)] = False
    confidence: dm.Confidence = dm.Confidence.REPORTED
    statements: Annotated[tuple[StatementModel, ...], AfterValidator(_unique)] = ()
    notes: Note = ""
    id: Annotated[str, Field(strict=True)] = ""

    @model_validator(mode="after")
    def _rules(self) -> Self:
        sup, rec = self.supplier.country, self.recipient.country
        if sup is not None and sup == rec:
            raise ValueError("recipient is the supplier's country too")
        self._check_status()
        self._check_deliveries()
        wanted = {dm.Confidence.CONFIRMED, dm.Confidence.DENIED}
        if self.confidence in wanted and not any(
            s.position is self.confidence for s in self.statements
        ):
            raise ValueError("confidence needs a statement from a party")
        if not self.id:
            self.__dict__["id"] = self._default_id()
        if not _ID.fullmatch(self.id):
            raise ValueError("id is not an id")
        return self

    def _check_status(self) -> None:
        if self.status in _BEFORE_ORDER:
            if self.ordered is not None:
                raise ValueError("ordered is set before any order")
            if self.deliveries:
                raise ValueError("deliveries are given before any order")
        if self.status is dm.DealStatus.ORDERED and self.deliveries:
            raise ValueError("deliveries are given, but the status is ORDERED")
        if self.status in _NEEDS_DELIVERY and not self.deliveries:
            raise ValueError("status needs a delivery")

    def _check_deliveries(self) -> None:
        if self.ordered is not None:
            for delivery in self.deliveries:
                if delivery.date is not None and delivery.date.surely_before(self.ordered):
                    raise ValueError("a delivery is before the order")
        delivered = self.delivered
        if (
            delivered is not None
            and delivered.is_exact
            and self.quantity is not None
            and self.quantity.is_exact
            and delivered.central > self.quantity.central  # type: ignore[operator]
        ):
            raise ValueError("deliveries exceed the quantity ordered")

    def _default_id(self) -> str:
        supplier = self.supplier.country.code if self.supplier.country else "unknown"
        recipient = self.recipient.country.code if self.recipient.country else "unknown"
        when = self.ordered or self.announced
        parts = [supplier, recipient, slug(self.platform.name), str(when) if when else "undated"]
        return "-".join(parts).casefold()[:128]

    @property
    def delivered(self) -> CountModel | None:
        """Return the total delivered; None if any delivery's count is unknown."""
        counts = [delivery.count for delivery in self.deliveries]
        if not counts or any(count is None for count in counts):
            return None
        total = counts[0]
        for count in counts[1:]:
            total += count  # type: ignore[operator]
        return total


# --- from dronemarket records to the pydantic models -----------------------------------


def date_model(value: dm.PartialDate | None) -> PartialDateModel | None:
    """Return the pydantic twin of a PartialDate."""
    if value is None:
        return None
    return PartialDateModel(year=value.year, month=value.month, day=value.day)


def country_model(value: dm.Country | None) -> CountryModel | None:
    """Return the pydantic twin of a Country."""
    return None if value is None else CountryModel(code=value.code)


def source_model(value: dm.Source) -> SourceModel:
    """Return the pydantic twin of a Source."""
    return SourceModel(
        title=value.title,
        publisher=value.publisher,
        url=value.url,
        published=date_model(value.published),
        language=value.language,
    )


def organization_model(value: dm.Organization) -> OrganizationModel:
    """Return the pydantic twin of an Organization."""
    return OrganizationModel(
        name=value.name,
        country=CountryModel(code=value.country.code),
        kind=value.kind,
        aliases=value.aliases,
    )


def specs_model(value: dm.Specs) -> SpecsModel:
    """Return the preferred specs in SI base units."""
    known = {name: dm.units.si_magnitude(q) for name, q in value.known().items()}
    return SpecsModel(**known)


def platform_model(value: dm.Platform) -> PlatformModel:
    """Return the pydantic twin of a Platform."""
    return PlatformModel(
        name=value.name,
        manufacturer=None if value.manufacturer is None else organization_model(value.manufacturer),
        category=value.category,
        roles=value.roles,
        specs=specs_model(value.specs),
        aliases=value.aliases,
        first_flight=date_model(value.first_flight),
        in_service=date_model(value.in_service),
        variant_of=platform_model(value.variant_of) if value.variant_of else None,
        derived_from=platform_model(value.derived_from) if value.derived_from else None,
        sources=tuple(source_model(s) for s in value.sources),
    )


def supplier_model(value: dm.Supplier) -> SupplierModel:
    """Return the pydantic twin of a Supplier."""
    return SupplierModel(
        country=country_model(value.country),
        manufacturer=None if value.manufacturer is None else organization_model(value.manufacturer),
    )


def recipient_model(value: dm.Recipient) -> RecipientModel:
    """Return the pydantic twin of a Recipient."""
    return RecipientModel(
        country=country_model(value.country),
        end_user=None if value.end_user is None else organization_model(value.end_user),
    )


def count_model(value: dm.Count | None) -> CountModel | None:
    """Return the pydantic twin of a Count."""
    if value is None:
        return None
    return CountModel(
        low=value.low,
        central=value.central,
        high=value.high,
        estimate=value.estimate,
        wording=value.wording,
    )


def deal_model(value: dm.Deal) -> DealModel:
    """Return the pydantic twin of a Deal (specs as SI floats)."""
    money = value.value
    return DealModel(
        supplier=supplier_model(value.supplier),
        recipient=recipient_model(value.recipient),
        platform=platform_model(value.platform),
        status=value.status,
        sources=tuple(source_model(s) for s in value.sources),
        ordered=date_model(value.ordered),
        announced=date_model(value.announced),
        quantity=count_model(value.quantity),
        deliveries=tuple(
            DeliveryModel(date=date_model(d.date), count=count_model(d.count))
            for d in value.deliveries
            if isinstance(d, dm.Delivery)  # the baseline model has no spans
        ),
        value=None
        if money is None
        else MoneyModel(amount=money.amount, currency=money.currency, estimate=money.estimate),
        intermediaries=tuple(organization_model(o) for o in value.intermediaries),
        second_hand=value.condition not in {None, dm.Condition.NEW},
        confidence=value.confidence,
        statements=tuple(
            StatementModel(
                party=organization_model(s.party)
                if isinstance(s.party, dm.Organization)
                else CountryModel(code=s.party.code),
                position=s.position,
                source=source_model(s.source),
                date=date_model(s.date),
                quote=s.quote,
            )
            for s in value.statements
        ),
        notes=value.notes,
        id=value.id,
    )


# --- an unvalidated frozen attrs class holding the same Quantities as Specs ------------


@attrs.frozen
class NaiveSpecs:
    """The fourteen specs of `dronemarket.Specs`, held as given, nothing checked."""

    wingspan: Quantity | None = None
    length: Quantity | None = None
    mtow: Quantity | None = None
    empty_mass: Quantity | None = None
    payload: Quantity | None = None
    warhead: Quantity | None = None
    endurance: Quantity | None = None
    ceiling: Quantity | None = None
    range: Quantity | None = None
    combat_radius: Quantity | None = None
    datalink_range: Quantity | None = None
    cruise_speed: Quantity | None = None
    max_speed: Quantity | None = None
    engine_power: Quantity | None = None


# --- cattrs + pint, hooks written the obvious way --------------------------------------


def ureg() -> pint.UnitRegistry[Any]:
    """Return the registry dronemarket uses (pint's application registry)."""
    return dm.units.registry()


@cache
def naive_converter() -> cattrs.Converter:
    """Return a cattrs converter for dronemarket's classes, pint parsing every quantity.

    This is what a user writes first: cattrs' generated hooks for the attrs
    classes, plus one hook per type cattrs cannot guess. Every quantity goes
    through ``ureg.Quantity(text)``, pint's own (evaluating) parser.
    """
    converter = cattrs.Converter()
    reg = ureg()

    def spec(value: Any) -> Any:
        if isinstance(value, str):
            return reg.Quantity(value)
        if isinstance(value, list):
            return [spec(item) for item in value]
        source = value.get("source")
        return dm.Reported(
            reg.Quantity(value["value"]),
            None if source is None else converter.structure(source, dm.Source),
            estimate=value.get("estimate", False),
            note=value.get("note", ""),
        )

    def count(value: Any, _: type) -> dm.Count:
        if isinstance(value, int):
            return dm.Count.exact(value)
        return dm.Count(
            value.get("low"),
            value.get("central"),
            value.get("high"),
            estimate=value.get("estimate", False),
            wording=value.get("wording", ""),
        )

    def party(value: Any, _: type) -> dm.Organization | dm.Country:
        if isinstance(value, str):
            return dm.Country(value)
        return converter.structure(value, dm.Organization)

    converter.register_structure_hook(dm.PartialDate, lambda v, _: dm.PartialDate.parse(v))
    converter.register_structure_hook(dm.Country, lambda v, _: dm.Country(v))
    converter.register_structure_hook(Decimal, lambda v, _: Decimal(v))
    converter.register_structure_hook(dm.Count, count)
    converter.register_structure_hook(
        dm.Specs, lambda v, _: dm.Specs(**{name: spec(x) for name, x in v.items()})
    )
    converter.register_structure_hook(dm.Organization | dm.Country, party)
    converter.register_structure_hook(
        dm.Party | None, lambda v, _: None if v is None else dm.Country(v)
    )
    return converter


# --- hand-written loops over plain containers ------------------------------------------


def group_by_supplier(deals: Sequence[dm.Deal]) -> dict[dm.Supplier, list[dm.Deal]]:
    """Return the deals in a dict of lists keyed by supplier."""
    groups: defaultdict[dm.Supplier, list[dm.Deal]] = defaultdict(list)
    for deal in deals:
        groups[deal.supplier].append(deal)
    return dict(groups)


def scan(deals: Sequence[dm.Deal], code: str) -> list[dm.Deal]:
    """Return the deals whose recipient country has ISO code `code`, by a full scan."""
    return [
        d for d in deals if d.recipient.country is not None and d.recipient.country.code == code
    ]


def is_close(a: float, b: float) -> bool:
    """Say whether two shares agree to floating-point accuracy."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def close_mappings(a: dict[Any, float], b: dict[Any, float]) -> bool:
    """Say whether two mappings of shares hold the same keys and close values."""
    return a.keys() == b.keys() and all(is_close(a[k], b[k]) for k in a)


Factory = Callable[[], object]
