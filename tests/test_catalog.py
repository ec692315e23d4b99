"""The built-in catalog: its records, lookup, sources, overview and generated docs page."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import dronemarket as dm
from dronemarket import catalog
from dronemarket.catalog._overview import overview
from dronemarket.errors import ValidationError
from dronemarket.market import Market, name_key

ROOT = Path(__file__).resolve().parent.parent


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "_generate_catalog", ROOT / "docs" / "_generate_catalog.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _squash(text: str) -> str:
    """Collapse white space and unify typographic apostrophes and dashes."""
    for fancy, plain in (("\u2019", "'"), ("\u2018", "'"), ("\u2014", "-"), ("\u2013", "-")):
        text = text.replace(fancy, plain)
    return " ".join(text.split())


def _named() -> list[dm.Platform | dm.Organization]:
    market = catalog.market()
    return [*market.platforms, *market.organizations]


def _records() -> Iterator[dm.Deal | dm.LicensedProduction | dm.Cooperation]:
    market = catalog.market()
    yield from market.deals
    yield from market.production
    yield from market.cooperation


def _every_source_cited() -> set[dm.Source]:
    market = catalog.market()
    cited: set[dm.Source] = set()
    for record in _records():
        cited.update(record.sources)
        cited.update(statement.source for statement in record.statements)
    for sanction in market.sanctions:
        cited.update(sanction.sources)
    for platform in market.platforms:
        cited.update(platform.sources)
        for figure in platform.specs.figures().values():
            cited.update(report.source for report in figure if report.source is not None)
    return cited


# The market


def test_market_is_a_market_built_once() -> None:
    """`catalog.market()` returns a Market, the same object on every call."""
    market = catalog.market()
    assert isinstance(market, Market)
    assert catalog.market() is market


def test_market_holds_every_catalog_record() -> None:
    """The market holds every platform, organization, deal, production record and sanction."""
    market = catalog.market()
    assert len(market.platforms) == len(catalog._platforms.platforms())
    assert len(market.organizations) == len(catalog._organizations.organizations())
    assert len(market.deals) == len(catalog._deals.deals())
    assert len(market.production) == len(catalog._production.production())
    assert len(market.sanctions) == len(catalog._sanctions.sanctions())
    assert market.cooperation == tuple(catalog._cooperation.cooperation().values())


def test_catalog_is_a_submodule_of_the_package() -> None:
    """`dm.catalog.market` is reachable from the package, and `catalog` is in `__all__`."""
    assert dm.catalog.market is catalog.market
    assert "catalog" in dm.__all__


def test_importing_the_catalog_does_not_build_the_unit_registry() -> None:
    """Importing dronemarket.catalog leaves pint's registry lazy; nothing is built at import."""
    code = (
        "import pint, pint.registry\n"
        "import dronemarket.catalog\n"
        "registry = pint.get_application_registry().get()\n"
        "assert type(registry) is pint.registry.LazyRegistry, type(registry)\n"
        "assert not dronemarket.catalog._BUILT\n"
    )
    result = subprocess.run(  # noqa: S603 - runs this interpreter on fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_required_platforms_are_present() -> None:
    """The catalog holds every platform the issue names."""
    names = {platform.name for platform in catalog.market().platforms}
    required = {
        "Bayraktar TB2",
        "Bayraktar TB2T-AI",
        "Bayraktar TB3",
        "Anka",
        "Anka-S",
        "Ababil-2",
        "Garpiya-A1",
        "GA-21",
        "Shahed-136",
        "Kargu",
        "Wing Loong I",
        "Wing Loong II",
        "CH-92A",
        "Chinese-made attack and surveillance drones (unspecified)",
    }
    assert required <= names


def test_required_organizations_are_present() -> None:
    """The catalog holds every organization the issue names, found by name or alias."""
    for name in [
        "Baykar",
        "TUSAŞ",
        "TAI",
        "STM",
        "HESA",
        "IEMZ Kupol",
        "TSK Vektor",
        "CASC",
        "AVIC",
        "CAIG",
        "Ukrspetsexport",
        "Kazakhstan Engineering",
        "Kazakh Ministry of Defence",
        "Turkish Ministry of National Defence",
        "Japanese Ministry of Defense",
        "China's foreign ministry",
    ]:
        assert isinstance(catalog.organization(name), dm.Organization), name


# Lookup


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("tb2", "Bayraktar TB2"),
        ("Bayraktar TB-2", "Bayraktar TB2"),
        ("BAYRAKTAR tb2", "Bayraktar TB2"),
        ("tb2t-ai", "Bayraktar TB2T-AI"),
        ("TB-2T AI", "Bayraktar TB2T-AI"),
        ("Geran-2", "Shahed-136"),
        ("kargu-2", "Kargu"),
        ("garpiya", "Garpiya-A1"),
        ("wing loong", "Wing Loong I"),
        ("anka s", "Anka-S"),
        ("ch92a", "CH-92A"),
    ],
)
def test_platforms_are_found_by_any_spelling(name: str, expected: str) -> None:
    """A platform is found by name or alias whatever the case, spacing or hyphens."""
    assert catalog.platform(name).name == expected


def test_organizations_are_found_by_alias_without_accents() -> None:
    """TUSAŞ is found as "tusas" and "TAI"; the accent does not matter."""
    assert catalog.organization("tusas") is catalog.organization("TAI")
    assert catalog.organization("Turkish Aerospace").name == "Turkish Aerospace"


def test_an_unknown_name_raises_not_found_with_suggestions() -> None:
    """An unknown name raises NotFoundError (a LookupError) that suggests close names."""
    with pytest.raises(dm.NotFoundError, match="Bayraktar TB2") as caught:
        catalog.platform("Bayraktar TB22")
    assert isinstance(caught.value, LookupError)
    assert "Bayraktar TB2" in caught.value.suggestions
    with pytest.raises(dm.NotFoundError, match="platform or organization"):
        catalog.lookup("Bayraktar TB22")


def test_asking_for_a_platform_by_an_organization_name_fails() -> None:
    """`platform("Baykar")` fails: Baykar is an organization."""
    with pytest.raises(dm.NotFoundError, match="no platform"):
        catalog.platform("Baykar")
    with pytest.raises(dm.NotFoundError, match="no organization"):
        catalog.organization("TB2")


def test_the_catalog_offers_the_accessors_of_a_market() -> None:
    """Every query of a Market works on the catalog module and gives the same answer."""
    market = catalog.market()
    assert catalog.platforms() == market.platforms
    assert catalog.organizations() == market.organizations
    assert catalog.sanctions() == market.sanctions
    assert catalog.deals(supplier=["TUR", "CHN"]) == market.deals(supplier=["TUR", "CHN"])
    assert catalog.production(recipient="TJK") == market.production(recipient="TJK")
    assert catalog.cooperation(country="JPN") == market.cooperation(country="JPN")
    assert catalog.sanctions_on("TSK Vektor") == market.sanctions_on("tsk vektor")
    assert catalog.sanctions_on("TSK Vektor")
    assert catalog.suppliers_of("KAZ") == market.suppliers_of("KAZ")
    assert catalog.recipients_of("TUR") == market.recipients_of("TUR")
    assert catalog.platforms_of("KGZ") == market.platforms_of("KGZ")
    assert catalog.share(by="platform") == market.share(by="platform")
    assert catalog.concentration("KAZ") == market.concentration("KAZ")
    assert catalog.timeline(supplier="TUR") == market.timeline(supplier="TUR")
    assert catalog.network() == market.network()
    assert catalog.to_records(recipient="KGZ") == market.to_records(recipient="KGZ")
    deal = catalog.deals(supplier="CHN", recipient="RUS")[0]
    assert catalog.sanctioned_parties(deal.id) == market.sanctioned_parties(deal)


def test_catalog_keys_that_find_nothing_raise_not_found() -> None:
    """`sanction` and `source` raise NotFoundError for a key the catalog does not hold."""
    with pytest.raises(dm.NotFoundError, match="us-tsk-vektor"):
        catalog.sanction("us-tsk-vektr")
    with pytest.raises(dm.NotFoundError, match="seed-00"):
        catalog.source("seed-00")


def test_concurrent_first_calls_build_one_catalog_market() -> None:
    """Eight threads making the first call to `catalog.market()` all get the same market."""
    before = list(catalog._BUILT)
    catalog._BUILT.clear()
    barrier = threading.Barrier(8)
    found: list[object] = []

    def first_call() -> None:
        barrier.wait()
        found.append(catalog.market())

    threads = [threading.Thread(target=first_call) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    catalog._BUILT[:] = before or catalog._BUILT  # later tests see the market they saw
    assert len(found) == 8
    assert all(market is found[0] for market in found)


def test_no_two_objects_share_a_normalized_name() -> None:
    """No two platforms or organizations share a name or alias once normalized."""
    seen: dict[str, str] = {}
    for thing in _named():
        for name in {thing.name, *thing.aliases}:
            key = name_key(name)
            assert seen.setdefault(key, thing.name) == thing.name, (name, seen[key])


_SEPARATORS = st.sampled_from(["", " ", "-", "  ", "_"])


@given(data=st.data())
def test_lookup_ignores_case_and_separators(data: st.DataObject) -> None:
    """Any name or alias, with its case flipped and separators changed, finds the same object."""
    thing = data.draw(st.sampled_from(_named()))
    name = data.draw(st.sampled_from(sorted({thing.name, *thing.aliases})))
    chars = []
    for char in name:
        if char in " -_":
            chars.append(data.draw(_SEPARATORS))
        else:
            chars.append(char.upper() if data.draw(st.booleans()) else char.lower())
    assert catalog.lookup("".join(chars)) is thing


# Records and their sources


def test_there_is_one_source_per_seed_article(seeds: Path) -> None:
    """Each seed article in ../shared/seeds has a Source, and no Source names a missing seed."""
    assert sorted(catalog.SEEDS) == sorted(path.name for path in seeds.glob("*.txt"))


def test_seed_sources_have_their_articles_languages() -> None:
    """The seed Sources are in English, German or Italian as their articles are."""
    languages = [catalog.source(key).language for key in catalog.SEEDS.values()]
    assert languages == ["en", "en", "de", "en", "it"]


def test_every_record_cites_a_seed_article() -> None:
    """Every deal, production and cooperation record cites the seed article it comes from."""
    seeds = {catalog.source(key) for key in catalog.SEEDS.values()}
    for record in _records():
        assert seeds & set(record.sources), record.id


def test_every_cited_source_is_a_catalog_source() -> None:
    """Every source a record, statement, sanction or figure cites is one of the catalog's."""
    assert _every_source_cited() <= set(catalog.sources().values())


def test_every_catalog_source_is_cited() -> None:
    """No catalog source is left unused."""
    assert set(catalog.sources().values()) <= _every_source_cited()


def test_every_figure_has_a_source() -> None:
    """Every reported figure of every platform names its source."""
    for platform in catalog.market().platforms:
        for figure in platform.specs.figures().values():
            assert all(report.source is not None for report in figure), platform.name


def test_tb2_keeps_every_reported_mass() -> None:
    """The TB2 keeps 650 and 630 kg take-off mass and 150 and 55 kg payload, 650 and 150 first."""
    specs = catalog.platform("TB2").specs
    assert f"{specs.mtow:~}" == "650 kg"
    assert f"{specs.payload:~}" == "150 kg"
    mtow = {report.value.magnitude for report in specs.reported("mtow")}
    payload = {report.value.magnitude for report in specs.reported("payload")}
    assert {650, 630} <= mtow
    assert {150, 55} <= payload
    assert {"mtow", "payload"} <= set(specs.disputed)


def test_unpublished_specs_are_none() -> None:
    """Where nothing is published, the spec is None: GA-21 has no figures at all."""
    assert catalog.platform("GA-21").specs.figures() == {}
    assert catalog.platform("Ababil-2").specs.mtow is None


def test_lineage() -> None:
    """The TB2T-AI is a TB2 variant; the Garpiya is derived from the Shahed-136."""
    assert catalog.platform("TB2T-AI").variant_of is catalog.platform("TB2")
    assert catalog.platform("Garpiya").derived_from is catalog.platform("Shahed-136")


def test_counts_keep_the_sources_words() -> None:
    """'Dozens' is at least 24, 'about four dozen' about 48, and 'five' exactly 5."""
    kazakh = catalog.record("tur-kaz-bayraktar-tb2-2020")
    venture = catalog.record("tur-ukr-bayraktar-tb2-joint-venture-2020")
    ukraine = catalog.record("tur-ukr-bayraktar-tb2-2020")
    assert isinstance(kazakh, dm.Deal)
    assert isinstance(venture, dm.LicensedProduction)
    assert isinstance(ukraine, dm.Deal)
    assert kazakh.quantity == dm.Count.at_least(24, wording="dozens")
    assert venture.planned == dm.Count.about(48, wording="about four dozen")
    assert ukraine.quantity is not None
    assert ukraine.quantity.is_exact
    assert ukraine.quantity.central == 5


def test_kupol_deal_runs_through_a_sanctioned_intermediary() -> None:
    """Kupol's Chinese drones came via TSK Vektor, under US and EU sanctions; China denied."""
    deal = catalog.record("chn-rus-chinese-drones-via-tsk-vektor-2024")
    assert isinstance(deal, dm.Deal)
    vektor = catalog.organization("TSK Vektor")
    assert deal.intermediaries == (vektor,)
    authorities = {s.authority for s in catalog.market().sanctions if s.target == vektor}
    assert authorities == {dm.SanctionAuthority.US, dm.SanctionAuthority.EU}
    assert [s.position for s in deal.statements] == [dm.Confidence.DENIED]


def test_confirmed_records_carry_a_party_statement() -> None:
    """Every CONFIRMED record holds a party's confirming statement."""
    for record in _records():
        if record.confidence is dm.Confidence.CONFIRMED:
            positions = {statement.position for statement in record.statements}
            assert dm.Confidence.CONFIRMED in positions, record.id


def test_dates_keep_the_precision_of_the_sources() -> None:
    """The Ababil-2 factory opened on 17 May 2022; the Kazakh interest is dated to the month."""
    factory = catalog.record("irn-tjk-ababil-2-2022-05-17")
    assert isinstance(factory, dm.LicensedProduction)
    assert factory.started == dm.PartialDate(2022, 5, 17)
    interest = catalog.record("tur-kaz-bayraktar-tb2-2020")
    assert isinstance(interest, dm.Deal)
    assert interest.announced == dm.PartialDate(2020, 12)


def test_records_rebuild_equal() -> None:
    """Every record re-validates to an equal record under `attrs.evolve`."""
    for record in _records():
        assert attrs.evolve(record) == record


def test_an_unknown_record_id_raises_not_found() -> None:
    """`record` raises NotFoundError for an id the catalog does not hold."""
    with pytest.raises(dm.NotFoundError, match="no record"):
        catalog.record("no-such-record")


# Cooperation


def _cooperation(record_id: str) -> dm.Cooperation:
    found = catalog.record(record_id)
    assert isinstance(found, dm.Cooperation)
    return found


def test_the_ministers_meeting_is_a_dated_meeting_about_the_tb2() -> None:
    """The Japan-Türkiye ministers' meeting is a meeting of 19 August 2025 about the TB2."""
    meeting = _cooperation("meeting-jpn-tur-2025-08-19")
    assert meeting.kind is dm.CooperationKind.MEETING
    assert meeting.start == dm.PartialDate(2025, 8, 19)
    assert meeting.countries == (dm.Country("JPN"), dm.Country("TUR"))
    assert meeting.platforms == (catalog.platform("TB2"),)
    assert "not explicitly mentioned" in meeting.notes  # the readouts' caveat stays visible


def test_nakatanis_industry_visits_end_on_20_august() -> None:
    """Nakatani's visits to TUSAŞ and Baykar are a visit known to the month, ending 20 August."""
    visit = _cooperation("visit-jpn-tur-industry-2025-08")
    assert visit.kind is dm.CooperationKind.VISIT
    assert {catalog.organization("TUSAS"), catalog.organization("Baykar")} <= set(
        visit.organizations
    )
    assert (visit.start, visit.end) == (dm.PartialDate(2025, 8), dm.PartialDate(2025, 8, 20))


def test_japans_drone_budget_is_yen_marked_a_lower_bound_and_disputed() -> None:
    """The fiscal 2026 budget holds 100 billion yen, called a lower bound and a request."""
    budget = _cooperation("budget-jpn-fy2026")
    assert budget.kind is dm.CooperationKind.BUDGET
    assert budget.value == dm.Money("100000000000", "JPY")
    assert "lower bound" in budget.notes
    assert "request" in budget.notes
    assert catalog.source("jiji-2025-12-26") in budget.sources


def test_the_ldp_proposal_is_unconfirmed() -> None:
    """The LDP's June 2025 proposal of the TB2 as a model is held, and unconfirmed."""
    proposal = _cooperation("proposal-jpn-ldp-tb2-2025-06")
    assert proposal.kind is dm.CooperationKind.PROPOSAL
    assert proposal.start == dm.PartialDate(2025, 6)
    assert proposal.confidence is dm.Confidence.UNCONFIRMED
    assert proposal.platforms == (catalog.platform("TB2"),)


def test_the_kazakh_visit_keeps_its_dates_and_the_ministrys_confirmation() -> None:
    """The Kazakh delegation's visit runs 23-25 November 2020, confirmed by Türkiye's ministry."""
    visit = _cooperation("visit-kaz-tur-2020-11-23")
    assert (visit.start, visit.end) == (dm.PartialDate(2020, 11, 23), dm.PartialDate(2020, 11, 25))
    assert visit.confidence is dm.Confidence.CONFIRMED
    (statement,) = visit.statements
    assert statement.party == catalog.organization("Turkish Ministry of National Defence")


def test_the_drone_tech_transfer_to_kazakhstan_names_no_platform() -> None:
    """Seed 001's 'drone tech transfer' to Kazakhstan is a technology transfer, undated."""
    transfer = _cooperation("technology-transfer-tur-kaz")
    assert transfer.kind is dm.CooperationKind.TECHNOLOGY_TRANSFER
    assert transfer.platforms == ()
    assert transfer.start is None
    assert transfer.countries == (dm.Country("TUR"), dm.Country("KAZ"))


def test_the_market_selects_the_catalogs_cooperation() -> None:
    """The catalog market answers cooperation queries by country, kind and platform."""
    market = catalog.market()
    japan = market.cooperation(country="Japan")
    assert [record.kind.value for record in japan] == ["meeting", "visit", "budget", "proposal"]
    assert [r.id for r in market.cooperation(platform="tb2", region="Central Asia")] == [
        "visit-kaz-tur-2020-11-23"
    ]


def test_no_seed_statement_is_parked_in_notes() -> None:
    """No gap is kept in a record's notes: what Cooperation can hold is a typed record now."""
    assert all(gap.held_in == "" for gap in catalog.GAPS)
    for gap in catalog.GAPS:
        assert "no cooperation record" not in gap.reason
        assert "no budget record" not in gap.reason


def test_the_drone_diplomacy_gap_says_why() -> None:
    """Türkiye's 'drone diplomacy' with the OTS stays a gap, with the reason it is not held."""
    (gap,) = [gap for gap in catalog.GAPS if "drone diplomacy" in gap.quote]
    assert "not an event" in gap.reason


def test_categories_no_source_states_are_unknown() -> None:
    """Platforms whose kind no cited source states have no category, and no assumption says so."""
    for name in ("GA-21", "Orlan-10", "Chinese-made attack and surveillance drones (unspecified)"):
        assert catalog.platform(name).category is None, name
    assert all(assumption.field != "category" for assumption in catalog.ASSUMPTIONS)


def test_gaps_quote_the_seeds(seeds: Path) -> None:
    """Every statement listed as not held is quoted verbatim from its seed."""
    texts = {
        key: _squash((seeds / name).read_text(encoding="utf-8"))
        for name, key in catalog.SEEDS.items()
    }
    for gap in catalog.GAPS:
        assert _squash(gap.quote) in texts[gap.seed], gap.quote
        if gap.held_in:
            assert catalog.record(gap.held_in) is not None


# Overview


@pytest.mark.parametrize("units", ["published", "metric", "imperial"])
def test_overview_has_every_section(units: str) -> None:
    """The overview lists platforms, deals, production, Central Asia, sanctions and cooperation."""
    text = overview(catalog.market(), units=units)  # type: ignore[arg-type]
    headings = ["Platforms", "Deals", "Licensed production", "Central Asia", "Sanctions"]
    for heading in [*headings, "Cooperation"]:
        assert f"\n{heading}" in text
    assert "Türkiye → Kyrgyzstan: Bayraktar TB2; delivered" in text
    assert "Iran → Tajikistan: Ababil-2; licensed production; producing" in text
    assert "  2026-04 to 2027-03 budget: Ministry of Defense of Japan; 100,000,000,000 JPY" in text
    assert "  GA-21 (IEMZ Kupol, Russian Federation; category not reported)" in text


@pytest.mark.parametrize(
    ("units", "line"),
    [
        ("published", "maximum take-off mass 650 kg*; payload 150 kg*"),
        ("metric", "service ceiling 9,144 m*"),
        ("imperial", "maximum take-off mass 1,433 lb*"),
    ],
)
def test_overview_shows_specs_in_the_units_asked(units: str, line: str) -> None:
    """Specs appear as published, in metric or in imperial units, as asked."""
    assert line in overview(catalog.market(), units=units)  # type: ignore[arg-type]


def test_overview_is_pure() -> None:
    """The overview of the same market is the same text every time."""
    market = catalog.market()
    assert overview(market) == overview(market)


def test_overview_rejects_unknown_units() -> None:
    """Units other than published, metric and imperial are rejected."""
    with pytest.raises(ValidationError, match=re.escape("overview.units: 'furlongs'")):
        overview(catalog.market(), units="furlongs")  # type: ignore[arg-type]


# The generated docs page


def test_docs_page_is_up_to_date() -> None:
    """docs/catalog.md is exactly what docs/_generate_catalog.py produces now."""
    page = (ROOT / "docs" / "catalog.md").read_text(encoding="utf-8")
    assert page == _generator().render(), "run: python docs/_generate_catalog.py"


def test_docs_page_lists_every_record_and_source() -> None:
    """The generated page names every platform, deal, production, cooperation record and source."""
    page = _generator().render()
    market = catalog.market()
    for platform in market.platforms:
        assert f"### {platform.name}\n" in page
    for record in _records():
        assert f"### `{record.id}`" in page
    for key in catalog.sources():
        assert f"`{key}`" in page
