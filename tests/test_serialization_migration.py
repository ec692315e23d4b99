"""Documents written before parties and conditions: `country` and `second_hand` still read."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import dronemarket as dm

# Written by dronemarket itself at commit 94624fa^ (the last before Supplier.party and
# Deal.condition), from two catalog deals, the second marked second hand.
OLD = Path(__file__).resolve().parent / "fixtures" / "documents" / "market-before-parties.json"


def _old() -> dict[str, Any]:
    """Return the old document, fresh."""
    data: dict[str, Any] = json.loads(OLD.read_text(encoding="utf-8"))
    return data


def _renamed(document: dict[str, Any]) -> dict[str, Any]:
    """Return `document` with the old keys renamed by hand, as today's library writes them."""
    new = copy.deepcopy(document)
    for deal in new["deals"]:
        for side in ("supplier", "recipient"):
            if "country" in deal[side]:
                deal[side]["party"] = deal[side].pop("country")
        if deal.pop("second_hand", False):
            deal["condition"] = "second hand"
    return new


def test_the_old_document_holds_the_old_keys() -> None:
    """The fixture really is in the old form: `country` keys and a `second_hand` flag."""
    deals = _old()["deals"]
    assert all("country" in deal["supplier"] and "party" not in deal["supplier"] for deal in deals)
    assert [deal.get("second_hand") for deal in deals] == [None, True]


def test_an_old_document_loads_as_if_written_today() -> None:
    """An old market document loads equal to the same document with its keys renamed."""
    market = dm.load_market(_old())
    assert market == dm.load_market(_renamed(_old()))
    first, second = market.deals
    assert first.supplier.party == dm.Country("TUR")
    assert first.recipient.party == dm.Country("KGZ")
    assert first.condition is None
    assert second.condition is dm.Condition.SECOND_HAND


def test_an_old_document_is_written_back_in_the_new_form() -> None:
    """Loading then saving converts a document: party and condition, never the old keys."""
    written = dm.unstructure(dm.load_market(_old()))
    for deal in written["deals"]:
        assert "country" not in deal["supplier"]
        assert "country" not in deal["recipient"]
        assert "second_hand" not in deal
    assert written["deals"][1]["condition"] == "second hand"
    assert dm.structure(json.loads(json.dumps(written)), dm.Market) == dm.load_market(_old())


def test_an_old_standalone_deal_loads() -> None:
    """A deal written on its own in the old form loads through load_records too."""
    deal = dm.unstructure(dm.catalog.market().deals[0])
    deal["supplier"]["country"] = deal["supplier"].pop("party")
    deal["second_hand"] = False
    result = dm.load_records([deal], dm.Deal)
    assert result.ok, result.rejected
    assert result.loaded[0] == dm.catalog.market().deals[0]


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (
            lambda deal: deal["supplier"].update(party="TUR"),
            "deals[0].supplier.country",
            "is the old name of party: give party only",
        ),
        (
            lambda deal: deal.update(second_hand=True, condition="new"),
            "deals[0].second_hand",
            "is the old name of condition: give condition only",
        ),
        (
            lambda deal: deal.update(second_hand="yes"),
            "deals[0].second_hand",
            "expected true or false, got 'yes'",
        ),
        (
            lambda deal: deal["recipient"].update(country="XYZ"),
            "deals[0].recipient.country",
            "'XYZ' is not an ISO 3166-1 country",
        ),
    ],
)
def test_a_bad_old_key_is_reported_at_that_key(change: Any, path: str, message: str) -> None:
    """Both forms at once, a flag that is no bool, or a bad old value: an error at the old key."""
    document = _old()
    change(document["deals"][0])
    with pytest.raises(dm.StructureError) as caught:
        dm.load_market(document)
    assert [(where, text[: len(message)]) for where, text in caught.value.errors] == [
        (path, message)
    ]


def test_a_statements_country_tag_is_not_renamed() -> None:
    """A statement's party union keeps its `country` tag: only suppliers and recipients migrate."""
    source = {"title": "Statement", "publisher": "Ministry"}
    statement = {"party": {"country": "TUR"}, "position": "confirmed", "source": source}
    made = dm.structure(statement, dm.Statement)
    assert made.party == dm.Country("TUR")
    assert dm.unstructure(made)["party"] == {"country": "TUR"}


def test_a_failed_deal_does_not_make_its_sources_uncited() -> None:
    """When a record fails, the sources it cites are not reported as cited by nothing."""
    document = _renamed(_old())
    document["deals"][0]["status"] = "shipped"
    with pytest.raises(dm.StructureError) as caught:
        dm.load_market(document)
    assert [path for path, _ in caught.value.errors] == ["deals[0].status"]
