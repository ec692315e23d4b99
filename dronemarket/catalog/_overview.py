"""The text ``python -m dronemarket`` prints: an overview of a market.

:func:`overview` is pure: it reads the market and returns a string.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar

from dronemarket.deals import Count, Deal
from dronemarket.errors import ValidationError
from dronemarket.parties import Country, Party, Supplier
from dronemarket.platforms import SPEC_FIELDS, Platform
from dronemarket.regions import CENTRAL_ASIA
from dronemarket.sources import Confidence
from dronemarket.units import Quantity, unit_label

if TYPE_CHECKING:
    from dronemarket.cooperation import Cooperation
    from dronemarket.market import Market, Tally
    from dronemarket.production import LicensedProduction

__all__ = ["UNITS", "Units", "overview", "spec_text"]

Units = Literal["published", "metric", "imperial"]
"""How :func:`overview` shows specs: as published, in metric or in imperial units."""

UNITS: Final[tuple[str, ...]] = ("published", "metric", "imperial")
"""The unit systems :func:`overview` accepts."""

_KEY_SPECS: Final = ("wingspan", "mtow", "payload", "endurance", "ceiling", "range", "max_speed")

_R = TypeVar("_R")


def _number(value: float) -> str:
    """Return a magnitude for display: whole above 100, three significant digits below."""
    if abs(value) >= 100:
        return f"{value:,.0f}"
    text = f"{value:.3g}"
    return text if "e" not in text else f"{value:,.1f}"


def spec_text(value: Quantity, spec: str, units: Units | str) -> str:
    """Return a spec value as text in the unit system `units` (``published``: its own unit)."""
    if units == "published":
        magnitude = value.magnitude
        shown = f"{magnitude:,}" if isinstance(magnitude, int) else _number(float(magnitude))
        return f"{shown} {unit_label(value).replace(' / ', '/')}"
    field = SPEC_FIELDS[spec]
    unit = field.metric if units == "metric" else field.imperial
    return f"{_number(float(value.to(unit).magnitude))} {unit}"


def _specs_line(platform: Platform, units: Units) -> str:
    parts = []
    for name in _KEY_SPECS:
        figure = platform.specs.figure(name)
        if figure is None:
            continue
        mark = "*" if figure.disputed else ""
        parts.append(
            f"{SPEC_FIELDS[name].description} {spec_text(figure.preferred, name, units)}{mark}"
        )
    return "; ".join(parts) if parts else "no published figures"


def _country_name(country: Country | None) -> str:
    return country.name if country is not None else "unknown"


def _party(party: Party | None) -> str:
    if party is None:
        return "unknown"
    return party.name if isinstance(party, Country) else str(party)


def _supplier(supplier: Supplier) -> str:
    return _party(supplier.party)


def _count(count: Count | None) -> str:
    return "?" if count is None else str(count)


def _platforms(market: Market, units: Units) -> list[str]:
    lines = [f"Platforms (key specs, units: {units}; * sources disagree, preferred value shown)"]
    for platform in sorted(market.platforms, key=lambda p: p.name.casefold()):
        maker = platform.manufacturer
        made_by = f"{maker.name}, {maker.country.name}" if maker else "maker unknown"
        kind = platform.category.value if platform.category else "category not reported"
        lines.append(f"  {platform.name} ({made_by}; {kind})")
        lines.append(f"    {_specs_line(platform, units)}")
    return lines


def _deal_line(deal: Deal) -> str:
    route = f"{_supplier(deal.supplier)} → {_party(deal.recipient.party)}"
    facts = [deal.status.value]
    when = deal.ordered or deal.announced
    if deal.ordered is not None:
        facts.append(f"ordered {deal.ordered}")
    elif when is not None:
        facts.append(f"reported {when}")
    facts.append(f"quantity {_count(deal.quantity)}")
    if deal.deliveries:
        facts.append(f"delivered {_count(deal.delivered)}")
    if deal.intermediaries:
        facts.append("via " + ", ".join(org.name for org in deal.intermediaries))
    return _record_line(route, deal.platform, facts, deal.confidence)


def _production_line(record: LicensedProduction) -> str:
    route = f"{_supplier(record.licensor)} → {_country_name(record.host)}"
    facts = [record.arrangement.value, record.status.value]
    when = record.started or record.agreed or record.announced
    if when is not None:
        facts.append(f"since {when}" if record.started else f"reported {when}")
    if record.licensee is not None:
        facts.append(f"by {record.licensee.name}")
    if record.facility is not None:
        facts.append(f"at {record.facility}")
    facts.append(f"planned {_count(record.planned)}")
    return _record_line(route, record.platform, facts, record.confidence)


def _record_line(route: str, platform: Platform, facts: list[str], confidence: Confidence) -> str:
    """Return a deal's or a production record's line: route, platform, facts, confidence."""
    return f"  {route}: {platform.name}; {'; '.join([*facts, confidence.value])}"


def _listed(
    heading: str, records: Iterable[_R], key: Callable[[_R], Any], line: Callable[[_R], str]
) -> list[str]:
    """Return a section: its heading, then a line per record, in `key` order."""
    return [heading, *map(line, sorted(records, key=key))]


def _units(tally: Tally) -> str:
    """Return the units a share counts, as the tally bounds them."""
    if not tally.counted:
        return "units not reported"
    if tally.high is None:
        known = f">={tally.low}"
    elif tally.low == tally.high:
        known = str(tally.central)
    else:
        known = f"{tally.low}-{tally.high}"
    unknown = f", {tally.unknown} without a count" if tally.unknown else ""
    return f"units {known} in {tally.counted} deal{'s' if tally.counted > 1 else ''}{unknown}"


def _central_asia(market: Market) -> list[str]:
    names = ", ".join(country.name for country in CENTRAL_ASIA)
    lines = [f"Central Asia ({names}): supplier shares"]
    deals = market.share(by="supplier", measure="deals", region=CENTRAL_ASIA)
    units = market.share(by="supplier", measure="units", region=CENTRAL_ASIA)
    total = deals.total.central
    lines.append(f"  Transfers by supplier (ordered, delivering, delivered; {total} in all):")
    for share in deals:
        country = share.key if isinstance(share.key, Country) else None
        chosen = market.deals(region=CENTRAL_ASIA, supplier=country, status=deals.statuses)
        chosen = chosen if country else ()
        statuses = Counter(deal.status.value for deal in chosen)
        detail = ", ".join(f"{status} {n}" for status, n in sorted(statuses.items()))
        lines.append(
            f"    {_country_name(country)}: {share.tally.central} of {total} "
            f"({share.share or 0:.0%}; {detail}); {_units(units[share.name].tally)}"
        )
    hosted = sorted(
        market.production(region=CENTRAL_ASIA), key=lambda r: (_supplier(r.licensor), r.id)
    )
    lines.append(f"  Production arrangements by licensor ({len(hosted)} in all):")
    lines.extend(
        f"    {_supplier(record.licensor)}: {record.platform.name} in {record.host.name} "
        f"({record.arrangement.value}, {record.status.value})"
        for record in hosted
    )
    return lines


def _when(record: Cooperation) -> str:
    if record.start is None:
        return "undated"
    return f"{record.start} to {record.end}" if record.end else str(record.start)


def _cooperation_line(record: Cooperation) -> str:
    parties = ", ".join(party.name for party in record.parties)
    facts = [f"{_when(record)} {record.kind.value}: {parties}"]
    if record.platforms:
        facts.append(", ".join(platform.name for platform in record.platforms))
    if record.value is not None:
        facts.append(str(record.value))
    facts.append(record.confidence.value)
    return "  " + "; ".join(facts)


def _sanctions(market: Market) -> list[str]:
    lines = ["Sanctions"]
    for sanction in sorted(market.sanctions, key=lambda s: (s.target_name, s.authority.value)):
        when = f"imposed {sanction.imposed}" if sanction.imposed else "date not reported"
        lines.append(f"  {sanction.authority.value}: {sanction.target_name} ({when})")
    return lines


def _join(sections: Iterable[list[str]]) -> str:
    return "\n\n".join("\n".join(section) for section in sections) + "\n"


def overview(market: Market, *, units: Units = "published") -> str:
    """Return the overview of `market` that ``python -m dronemarket`` prints.

    `units` is ``"published"`` (each figure in the unit its source used),
    ``"metric"`` or ``"imperial"``. Sections: platforms with key specs,
    deals, licensed production, the supplier picture for Central Asia,
    sanctions and cooperation (visits, meetings, budgets, proposals).

    >>> import dronemarket as dm
    >>> text = overview(dm.catalog.market(), units="metric")
    >>> print(text.splitlines()[0])
    dronemarket: 15 platforms, 18 deals, 5 production records, 5 sanctions, 6 cooperation records
    """
    from dronemarket.market import Market  # noqa: PLC0415 - keeps `import dronemarket` light

    if not isinstance(market, Market):
        raise ValidationError("overview", "market", market, "is not a Market")
    if units not in UNITS:
        raise ValidationError("overview", "units", units, f"is not one of {', '.join(UNITS)}")
    head = (
        f"dronemarket: {len(market.platforms)} platforms, "
        f"{len(market.deals)} deals, {len(market.production)} production records, "
        f"{len(market.sanctions)} sanctions, {len(market.cooperation)} cooperation records"
    )
    return _join(
        [
            [head],
            _platforms(market, units),
            _listed(
                "Deals (supplier → recipient: platform; status; date; counts; confidence)",
                market.deals,
                lambda deal: (_supplier(deal.supplier), deal.id),
                _deal_line,
            ),
            _listed(
                "Licensed production (licensor → host: platform; arrangement; status; ...)",
                market.production,
                lambda record: (_supplier(record.licensor), record.id),
                _production_line,
            ),
            _central_asia(market),
            _sanctions(market),
            _listed(
                "Cooperation (date kind: parties; platforms; value; confidence)",
                market.cooperation,
                lambda record: (record.start is None, record.start or 0, record.id),
                _cooperation_line,
            ),
        ]
    )
