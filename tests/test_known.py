"""Loading against a known market: names where objects are expected, and clashes named."""

from __future__ import annotations

import json
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dronemarket as dm
from dronemarket import strategies as dms
from dronemarket.market._differ import differing

CATALOG = dm.catalog.market()
(KGZ_DEAL,) = [deal for deal in CATALOG.deals if deal.id == "tur-kgz-bayraktar-tb2-2021"]


def _json(data: object) -> Any:
    """Send data through JSON text."""
    return json.loads(json.dumps(data))


def _by_names(deal: dm.Deal) -> dict[str, Any]:
    """Return a deal's data with its platform and organizations given by name."""
    data: dict[str, Any] = _json(dm.unstructure(deal))
    data["platform"] = deal.platform.name
    if deal.supplier.manufacturer is not None:
        data["supplier"]["manufacturer"] = deal.supplier.manufacturer.name
    if deal.recipient.end_user is not None:
        data["recipient"]["end_user"] = deal.recipient.end_user.name
    if deal.intermediaries:
        data["intermediaries"] = [org.name for org in deal.intermediaries]
    return data


def _own_deal(**changes: Any) -> dict[str, Any]:
    """Return a user's own deal of three TB2s to Uzbekistan, by name, with `changes`."""
    data: dict[str, Any] = {
        "supplier": {"party": "TUR", "manufacturer": "Baykar Technologies"},
        "recipient": {"party": "UZB"},
        "platform": "Bayraktar TB-2",
        "status": "ordered",
        "ordered": "2025",
        "quantity": 3,
        "sources": [{"title": "My notes", "publisher": "Me"}],
    }
    data.update(changes)
    return data


def test_a_deal_by_names_loads_equal_to_the_deal_it_was_dumped_from() -> None:
    """A catalog deal whose platform and organizations are names loads back equal to itself."""
    data = _by_names(KGZ_DEAL)
    result = dm.load_records([data], dm.Deal, known=CATALOG)
    assert result.ok
    assert result.loaded == (KGZ_DEAL,)
    assert result.loaded[0].platform is CATALOG.platform("Bayraktar TB2")


def test_a_deal_by_names_is_a_small_fraction_of_the_embedded_one() -> None:
    """Naming the platform instead of embedding it cuts the deal's JSON to a fraction."""
    embedded = len(json.dumps(dm.unstructure(KGZ_DEAL)))
    named = len(json.dumps(_by_names(KGZ_DEAL)))
    assert named * 4 < embedded


def test_aliases_find_platforms_and_organizations() -> None:
    """An alias, in any case or spacing, names the known platform and organization."""
    result = dm.load_records([_own_deal()], dm.Deal, known=CATALOG)
    assert result.ok, result.rejected
    (deal,) = result.loaded
    assert deal.platform == CATALOG.platform("Bayraktar TB2")
    assert deal.supplier.manufacturer == CATALOG.organization("Baykar")
    assert dm.Market.of(deal) | CATALOG  # merges: no clash under any name


def test_sources_are_found_by_document_id_and_by_title() -> None:
    """A source is named by its id in the known market's document or by its title."""
    document = dm.unstructure(CATALOG)
    ident, data = next(iter(document["sources"].items()))
    source = dm.structure(data, dm.Source)
    loaded = dm.load_records(
        [_own_deal(sources=[ident]), _own_deal(sources=[source.title.upper()])],
        dm.Deal,
        known=CATALOG,
    )
    assert loaded.ok, loaded.rejected
    assert [deal.sources for deal in loaded.loaded] == [(source,), (source,)]


def test_a_title_two_sources_share_is_refused_with_their_ids() -> None:
    """A title shared by two known sources is ambiguous: the error lists their ids."""
    one = dm.Source("Same title", publisher="A")
    two = dm.Source("Same title", publisher="B")
    mine = _own_deal(sources=[{"title": "x", "publisher": "y"}])
    deal = dm.structure(mine, dm.Deal, known=CATALOG)
    market = dm.Market.of(attrs.evolve(deal, sources=[one], id="one"))
    market |= dm.Market.of(attrs.evolve(deal, sources=[two], id="two"))
    result = dm.load_records([_own_deal(sources=["Same title"])], dm.Deal, known=market)
    ((path, message),) = result.rejected[0].errors
    assert path == "sources[0]"
    assert "is the title of 2 sources" in message
    assert "'a-same-title'" in message
    assert "'b-same-title'" in message


def test_an_unknown_name_is_rejected_at_its_path_with_close_names() -> None:
    """A name the known market lacks is an error at its path suggesting the closest names."""
    result = dm.load_records(
        [_own_deal(platform="Bayraktr TB2"), _own_deal(sources=["no such source"])],
        dm.Deal,
        known=CATALOG,
    )
    assert not result.loaded
    first, second = result.rejected
    ((path, message),) = first.errors
    assert path == "platform"
    assert "no platform in the known market is called 'Bayraktr TB2'" in message
    assert "did you mean 'Bayraktar TB2'" in message
    assert second.errors[0][0] == "sources[0]"
    assert "no source in the known market" in second.errors[0][1]


def test_a_platform_in_full_that_differs_from_the_known_one_names_the_fields() -> None:
    """A full platform under a known name that differs is rejected with the differing fields."""
    data = _json(dm.unstructure(KGZ_DEAL))
    data["platform"]["roles"] = ["ISR"]
    data["platform"]["specs"]["mtow"] = "700 kg"
    result = dm.load_records([data], dm.Deal, known=CATALOG)
    ((path, message),) = result.rejected[0].errors
    assert path == "platform"
    assert message.startswith("'Bayraktar TB2' differs from the platform of that name in the known")
    assert "in: roles, specs.mtow" in message


def test_a_full_organization_under_an_alias_that_differs_is_refused() -> None:
    """A different organization using a known alias is rejected, naming the known one."""
    other = {"name": "Baykar Technologies", "country": "USA", "kind": "manufacturer"}
    result = dm.load_records(
        [_own_deal(supplier={"party": "TUR", "manufacturer": other})], dm.Deal, known=CATALOG
    )
    ((path, message),) = result.rejected[0].errors
    assert path == "supplier.manufacturer"
    assert "shares a name or alias with the organization 'Baykar'" in message
    assert "name, country, aliases" in message


def test_a_platform_in_full_equal_to_the_known_one_loads() -> None:
    """A platform given in full, equal to the known one, loads as it always did."""
    result = dm.load_records([_json(dm.unstructure(KGZ_DEAL))], dm.Deal, known=CATALOG)
    assert result.loaded == (KGZ_DEAL,)


def test_a_name_finds_what_an_earlier_record_gave_in_full() -> None:
    """A new platform given in full once may be named by the records after it."""
    new = {
        "name": "Kestrel X",
        "manufacturer": "Baykar",
        "category": "tactical",
        "specs": {"mtow": "90 kg"},
    }
    changed = {**new, "specs": {"mtow": "95 kg"}}
    result = dm.load_records(
        [
            _own_deal(platform={**new, "category": 7}),  # rejected: not remembered
            _own_deal(platform="Kestrel X"),
            _own_deal(platform=new),
            _own_deal(platform="kestrel-x", ordered="2026"),
            _own_deal(platform=changed, ordered="2027"),
        ],
        dm.Deal,
        known=CATALOG,
    )
    assert [r.index for r in result.rejected] == [0, 1, 4]
    unknown = result.rejected[1].errors[0][1]
    assert "no platform in the known market is called 'Kestrel X'" in unknown
    assert (
        "differs from the platform of that name in an earlier record in: specs.mtow"
        in (result.rejected[2].errors[0][1])
    )
    first, second = result.loaded
    assert first.platform == second.platform
    assert first.platform.name == "Kestrel X"
    assert dm.Market.of(*result.loaded) | CATALOG


def test_two_differing_platforms_in_one_record_are_refused() -> None:
    """Within one record too, two different objects under one name are an error."""
    baykar = _json(dm.unstructure(CATALOG.organization("Baykar")))
    other = {**baykar, "kind": "state agency"}
    result = dm.load_records(
        [_own_deal(supplier={"party": "TUR", "manufacturer": other}, platform="Kestrel")],
        dm.Deal,
        known=dm.Market(),
    )
    assert result.rejected[0].errors[0][0] == "platform"  # unknown: the market is empty
    new_platform = {"name": "Kestrel", "manufacturer": baykar}
    result = dm.load_records(
        [_own_deal(supplier={"party": "TUR", "manufacturer": other}, platform=new_platform)],
        dm.Deal,
        known=dm.Market(),
    )
    ((path, message),) = result.rejected[0].errors
    assert path == "platform.manufacturer"
    assert "differs from the organization of that name in an earlier record in: kind" in message


def test_structure_takes_known_too() -> None:
    """`structure(data, Deal, known=...)` reads names as load_records does."""
    assert dm.structure(_by_names(KGZ_DEAL), dm.Deal, known=CATALOG) == KGZ_DEAL
    with pytest.raises(dm.StructureError, match="no platform in the known market"):
        dm.structure(_own_deal(platform="nothing"), dm.Deal, known=CATALOG)


def test_without_known_a_name_is_still_an_error() -> None:
    """Without `known`, a name where a platform is expected is refused as before."""
    result = dm.load_records([_by_names(KGZ_DEAL)], dm.Deal)
    assert "platform" in dict(result.rejected[0].errors)


def test_known_must_be_a_market_and_the_converter_dronemarkets() -> None:
    """A `known` that is no Market, or a plain cattrs converter, is a ValidationError."""
    with pytest.raises(dm.ValidationError, match="known"):
        dm.load_records([], dm.Deal, known="catalog")  # type: ignore[arg-type]
    with pytest.raises(dm.ValidationError, match="make_converter"):
        dm.load_records([], dm.Deal, known=CATALOG, converter=cattrs.Converter())


def test_a_hook_registered_on_the_converter_applies_with_known() -> None:
    """A leaf hook registered on a converter is used when loading with known= too."""
    converter = dm.make_converter()
    dm.load_records([_own_deal()], dm.Deal, known=CATALOG, converter=converter)  # warm the cache

    def year_only(value: object, _: object) -> dm.PartialDate:
        assert isinstance(value, str)
        return dm.PartialDate(int(value.removeprefix("year ")))

    converter.register_structure_hook(dm.PartialDate, year_only)
    result = dm.load_records(
        [_own_deal(ordered="year 2024")], dm.Deal, known=CATALOG, converter=converter
    )
    assert result.ok, result.rejected
    assert result.loaded[0].ordered == dm.PartialDate(2024)


def test_the_limits_are_checked_with_known() -> None:
    """Data beyond the size limits is refused before anything is looked up."""
    deep: Any = "x"
    for _ in range(40):
        deep = [deep]
    result = dm.load_records([_own_deal(notes=deep)], dm.Deal, known=CATALOG)
    assert "deeper" in result.rejected[0].errors[0][1] or "depth" in result.rejected[0].errors[0][1]


# -- market documents --


def _document(**tables: Any) -> dict[str, Any]:
    """Return a market document holding `tables`."""
    return {"format": "dronemarket.market", "version": 1, **tables}


def test_a_document_names_what_the_known_market_holds() -> None:
    """A document may name known platforms, organizations and sources; the market holds them."""
    news = KGZ_DEAL.sources[-1]
    data = _own_deal(sources=["My notes", news.title])
    notes = {"title": "My notes", "publisher": "Me"}
    document = _document(sources={"My notes": notes}, deals=[data])
    market = dm.load_market(_json(document), known=CATALOG)
    (deal,) = market.deals
    assert deal.sources == (dm.Source("My notes", publisher="Me"), news)
    assert deal.platform == CATALOG.platform("Bayraktar TB2")
    assert CATALOG.platform("Bayraktar TB2") in market.platforms
    assert CATALOG.organization("Baykar") in market.organizations
    assert market | CATALOG
    again = dm.unstructure(market)
    assert dm.structure(_json(again), dm.Market) == market  # saved whole, read without known


def test_a_document_without_known_still_refuses_outside_names() -> None:
    """Without `known`, a name the document does not define is an error, as before."""
    with pytest.raises(dm.StructureError, match="'Bayraktar TB-2' is not in platforms"):
        dm.load_market(_document(deals=[_own_deal(sources=["Me"])]))


def test_a_document_reports_unknown_names_with_close_ones() -> None:
    """A reference in neither the document nor the known market gets close-match suggestions."""
    document = _document(deals=[_own_deal(platform="Bayraktar TB3x", sources=["My notez"])])
    with pytest.raises(dm.StructureError) as caught:
        dm.load_market(document, known=CATALOG)
    paths = dict(caught.value.errors)
    assert "did you mean 'Bayraktar TB3'" in paths["deals[0].platform"]
    assert paths["deals[0].platform"].startswith("'Bayraktar TB3x' is not in platforms;")
    assert "no source in the known market" in paths["deals[0].sources[0]"]


def test_a_document_definition_that_differs_from_the_known_one_is_an_error() -> None:
    """A document defining a known platform differently gets an error at its definition."""
    tb2 = _json(dm.unstructure(CATALOG.platform("Bayraktar TB2")))
    document = dm.unstructure(dm.Market.of(KGZ_DEAL))
    (index,) = [i for i, p in enumerate(document["platforms"]) if p["name"] == "Bayraktar TB2"]
    document["platforms"][index]["first_flight"] = "2001"
    assert tb2 != document["platforms"][index]
    with pytest.raises(dm.StructureError) as caught:
        dm.load_market(_json(document), known=CATALOG)
    ((path, message),) = caught.value.errors
    assert path == f"platforms[{index}]"
    assert "differs from the platform of that name in the known market in: first_flight" in message
    assert dm.load_market(_json(dm.unstructure(dm.Market.of(KGZ_DEAL))), known=CATALOG)


def test_differing_names_nested_fields() -> None:
    """`differing` names the fields that differ, nested one or two levels deep."""
    tb2 = CATALOG.platform("Bayraktar TB2")
    assert tb2.manufacturer is not None
    maker = attrs.evolve(tb2.manufacturer, aliases=frozenset())
    changed = attrs.evolve(tb2, manufacturer=maker, specs=dm.Specs())
    specs = [f"specs.{name}" for name in tb2.specs.stored()]
    assert differing(tb2, changed) == ["manufacturer.aliases", *specs]
    assert differing(tb2, tb2) == ["the value"]
    assert differing(tb2, 3) == ["the value"]


# -- the property --


@settings(max_examples=25)
@given(market=dms.markets(min_deals=1, max_deals=5))
def test_a_markets_deals_by_name_load_back_equal(market: dm.Market) -> None:
    """A market's deals dumped with platforms and organizations by name load back equal."""
    data = [_json(_by_names(deal)) for deal in market.deals]
    result = dm.load_records(data, dm.Deal, known=market)
    assert result.ok, result.rejected
    assert result.loaded == tuple(market.deals)
    document = _json(dm.unstructure(dm.Market(deals=market.deals, **_held(market))))
    document["platforms"], document["organizations"] = [], []
    cited = json.dumps(document["deals"])
    document["sources"] = {
        ident: item for ident, item in document["sources"].items() if json.dumps(ident) in cited
    }
    assert dm.load_market(document, known=market) == dm.Market.of(*market.deals)


def _held(market: dm.Market) -> dict[str, Any]:
    """Return what the deals of `market` refer to, as Market keywords."""
    whole = dm.Market.of(*market.deals)
    return {"platforms": whole.platforms, "organizations": whole.organizations}


def test_a_documents_tables_may_list_known_records_by_name() -> None:
    """A document's platforms and organizations tables may name known ones, for others to use."""
    new = {"name": "Kestrel", "manufacturer": "Baykar Makina", "variant_of": "Bayraktar TB-2"}
    document = _document(organizations=["Baykar"], platforms=["tb2", new])
    market = dm.load_market(document, known=CATALOG)
    tb2 = CATALOG.platform("TB2")
    assert [platform.name for platform in market.platforms] == ["Kestrel", "Bayraktar TB2"]
    assert market.platform("Kestrel").variant_of is tb2
    with pytest.raises(dm.StructureError) as caught:
        dm.load_market(_document(platforms=["TB2", "Bayraktr"]), known=CATALOG)
    ((path, message),) = caught.value.errors
    assert path == "platforms[1]"
    assert "did you mean" in message
    with pytest.raises(dm.StructureError, match=r"platforms\[0\]: expected an object"):
        dm.load_market(_document(platforms=["TB2"]))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


@settings(max_examples=60)
@given(value=JSON, key=st.sampled_from(["platform", "supplier", "recipient", "sources", "x"]))
def test_any_value_anywhere_is_a_structure_error_with_known(value: object, key: str) -> None:
    """With known=, any JSON value in place of a field is loaded or rejected, never raised."""
    result = dm.load_records([_own_deal(**{key: value})], dm.Deal, known=CATALOG)
    assert len(result.loaded) + len(result.rejected) == 1
    with pytest.raises(dm.StructureError):
        dm.load_market(
            {"format": "dronemarket.market", "version": 1, "platforms": [value, 3]}, known=CATALOG
        )
