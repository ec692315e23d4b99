"""Seed statements the typed records do not hold, and why.

Each is a :class:`Gap`: the seed file, its words, where the statement is kept
instead (a record's notes, or nowhere) and the reason: analysts' opinions,
aggregate claims with no recipient or event, and what is not a drone-market
fact. Visits, meetings, budgets, proposals and technology transfer are typed
:class:`~dronemarket.Cooperation` records, not gaps. ``docs/catalog.md``
lists them.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["ASSUMPTIONS", "GAPS", "Assumption", "Gap"]


class Gap(NamedTuple):
    """A seed statement the model holds only in prose, or not at all, and why."""

    seed: str
    """The key of the seed's source (``"seed-004"``)."""
    quote: str
    """The seed's words."""
    held_in: str
    """The id of the record whose notes keep it, or ``""`` when none does."""
    reason: str
    """Why no typed record holds it."""


GAPS: tuple[Gap, ...] = (
    Gap(
        "seed-000",
        "The Turk has exported its TB2 drone to dozens of countries, leaving behind its "
        "Russian and Chinese competition.",
        "",
        "An aggregate claim with no recipient: a Deal needs one. The catalog holds the "
        "TB2 exports the seeds name, one Deal each.",
    ),
    Gap(
        "seed-000",
        "Russia's invasion of Ukraine has unwittingly helped Turkey expand its already gigantic "
        "share of the Central Asian drone market.",
        "",
        "An assessment of a trend, not a transfer; the Central Asian supplier shares that "
        "python -m dronemarket prints are computed from the catalog's records instead.",
    ),
    Gap(
        "seed-000",
        "Through 'drone diplomacy,' Turkey intends to increase its political, economic and "
        "military cooperation with the members of the Organization of Turkish States (OTS)",
        "",
        "An analyst's reading of Türkiye's intent, not an event: the seed reports no "
        "agreement, proposal, visit or budget with the OTS or its members, and no date or "
        "platform, so a Cooperation record would assert what the seed does not. Türkiye's "
        "drone deals with OTS members are held one by one.",
    ),
    Gap(
        "seed-000",
        "with Russian, American, Israeli and Iranian drones already in the region in service "
        "with those states",
        "",
        "An analyst's general remark: no platform, recipient or date to build a Deal from.",
    ),
    Gap(
        "seed-000",
        "investing in the development of domestic drones (unmanned aerial vehicles), such as "
        "Kazakhstan today",
        "",
        "Domestic development without a named platform; the model records transfers and "
        "production abroad.",
    ),
    Gap(
        "seed-001",
        "By deepening military cooperation, technology transfers, and defense trade with "
        "Central Asian republics",
        "",
        "An aggregate claim over five countries with no event, platform or date; the seed's "
        "one country-specific drone item (Kazakhstan: 'drone tech transfer') is the "
        "cooperation record technology-transfer-tur-kaz.",
    ),
    Gap(
        "seed-004",
        "Il sistema è dotato di una suite avionica integrata con sistema avionico triplo "
        "ridondante",
        "",
        "Avionics are not a spec the model has a field for.",
    ),
    Gap(
        "seed-003",
        "components for Russia's D-30SN universal glide bomb were procured from foreign "
        "companies not currently subjected to international sanctions",
        "",
        "A glide bomb, not a drone: outside the drone market.",
    ),
)
"""Every seed statement no typed record holds, with the reason."""


class Assumption(NamedTuple):
    """A value the model requires that no source publishes, and what the catalog put there."""

    record: str
    """The name or id of the record."""
    field: str
    """The field."""
    value: str
    """What the catalog holds."""
    reason: str
    """Why, and what is actually known."""


ASSUMPTIONS: tuple[Assumption, ...] = (
    Assumption(
        "are-lby-wing-loong-2019",
        "platform",
        "Wing Loong I",
        "The sources say 'Wing Loong' without the variant; 'Wing Loong' is the Wing Loong I's "
        "alias.",
    ),
)
"""Every value the catalog holds only because the model requires one."""
