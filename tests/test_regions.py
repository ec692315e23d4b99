"""Tests of dronemarket.regions: named sets of countries."""

from __future__ import annotations

import pytest

import dronemarket as dm
from dronemarket import regions


def codes(region: regions.Region) -> set[str]:
    return {country.code for country in region}


def test_central_asia_is_the_five_republics() -> None:
    """Central Asia is Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan."""
    assert codes(regions.CENTRAL_ASIA) == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}


def test_turkic_states_members_and_observers() -> None:
    """The OTS holds its five members; Hungary and Turkmenistan are observers apart."""
    assert codes(regions.ORGANIZATION_OF_TURKIC_STATES) == {"AZE", "KAZ", "KGZ", "TUR", "UZB"}
    assert codes(regions.ORGANIZATION_OF_TURKIC_STATES_OBSERVERS) == {"HUN", "TKM"}
    assert regions.OTS is regions.ORGANIZATION_OF_TURKIC_STATES


def test_alliance_sizes() -> None:
    """NATO has 32 members, the EU 27, the CSTO 6, the SCO 10, the South Caucasus 3."""
    assert len(regions.NATO) == 32
    assert len(regions.EU) == 27
    assert len(regions.CSTO) == 6
    assert len(regions.SCO) == 10
    assert codes(regions.SOUTH_CAUCASUS) == {"ARM", "AZE", "GEO"}
    assert regions.CAUCASUS is regions.SOUTH_CAUCASUS


def test_every_region_names_its_source() -> None:
    """Every region this module defines says where its membership comes from, and when."""
    for region in regions.ALL:
        assert region.source
        assert any(char.isdigit() for char in region.source), region.name


def test_membership_takes_a_country_or_a_code() -> None:
    """`in` accepts a Country or an alpha-3 code."""
    assert dm.Country("KAZ") in regions.CENTRAL_ASIA
    assert "KAZ" in regions.CENTRAL_ASIA
    assert "TUR" not in regions.CENTRAL_ASIA
    assert 3 not in regions.CENTRAL_ASIA


def test_lookup_ignores_case_hyphens_and_takes_aliases() -> None:
    """A region is found by its name or an alias, whatever the case and hyphens."""
    assert regions.lookup("central-asia") is regions.CENTRAL_ASIA
    assert regions.lookup("OTS") is regions.ORGANIZATION_OF_TURKIC_STATES
    assert regions.lookup("Caucasus") is regions.SOUTH_CAUCASUS
    assert regions.lookup("eu") is regions.EUROPEAN_UNION


def test_lookup_rejects_an_unknown_name() -> None:
    """An unknown region name is a NotFoundError naming close or known regions."""
    with pytest.raises(dm.NotFoundError, match="Central Asia"):
        regions.lookup("Atlantis")
    with pytest.raises(dm.ValidationError):
        regions.lookup(42)


def test_region_takes_codes_and_rejects_bad_members() -> None:
    """A Region converts codes to countries and rejects an empty set or non-countries."""
    region = regions.Region("Pair", ["TUR", dm.Country("AZE")])
    assert region.countries == {dm.Country("TUR"), dm.Country("AZE")}
    assert region.codes == {"TUR", "AZE"}
    with pytest.raises(dm.ValidationError, match="empty"):
        regions.Region("None", [])
    with pytest.raises(dm.ValidationError, match="not a Country"):
        regions.Region("Bad", [3])  # type: ignore[list-item]
    with pytest.raises(dm.ValidationError, match="not a set"):
        regions.Region("Bad", "TUR")
    with pytest.raises(dm.UnknownCodeError):
        regions.Region("Bad", ["XXX"])


def test_regions_combine_into_sets() -> None:
    """`|` of regions gives the set of their countries, to name as a new Region."""
    turan = regions.Region("Turan", regions.CENTRAL_ASIA | regions.OTS)
    assert codes(turan) == {"AZE", "KAZ", "KGZ", "TJK", "TKM", "TUR", "UZB"}
    assert regions.CENTRAL_ASIA | {dm.Country("TUR")} >= regions.CENTRAL_ASIA.countries
    assert regions.CENTRAL_ASIA.__or__(["TUR"]) is NotImplemented  # type: ignore[list-item]


def test_region_text() -> None:
    """A region prints as its name and shows its size in its repr."""
    assert str(regions.CENTRAL_ASIA) == "Central Asia"
    assert repr(regions.CENTRAL_ASIA) == "Region('Central Asia', 5 countries)"
