"""dronemarket.sipri.read on hand-written fixtures: one record per quirk, in each format."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dronemarket as dm
from dronemarket import sipri
from dronemarket.deals import Condition, DeliverySpan, Tiv
from dronemarket.parties import ArmedGroup, Multinational, Territory
from dronemarket.sipri import _csv as sipri_csv
from dronemarket.sipri._formats import HEADER_A, HEADER_B

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sipri"


def _read(name: str, *, drones_only: bool = False) -> sipri.SipriImport:
    """Read a fixture file's bytes."""
    return sipri.read((FIXTURES / name).read_bytes(), drones_only=drones_only)


def _records(name: str) -> list[sipri.SipriRecord]:
    """Return a fixture file's typed records (its rejected ones left out)."""
    found = sipri.records((FIXTURES / name).read_bytes())
    return [record for record in found if isinstance(record, sipri.SipriRecord)]


@pytest.fixture(scope="module")
def register() -> dict[str, sipri.SipriRecord]:
    """The register fixture's records, by designation and recipient."""
    return {f"{r.designation}/{r.recipient}": r for r in _records("register.csv")}


def test_register_accounts_for_every_record() -> None:
    """The trade-register fixture's 14 records are 12 loaded and 2 rejected, each with its line."""
    result = _read("register.csv")
    assert result.format is sipri.Format.TRADE_REGISTER
    assert (result.records, len(result.market.deals), result.skipped) == (14, 12, 0)
    assert [(r.line, r.reason.split(":")[0]) for r in result.rejected] == [
        (25, "Year of order"),
        (26, "Recipient"),
    ]
    assert result.rejected[0].text.startswith("Portugal,Turkiye,20x1,")


def test_stamp_and_source() -> None:
    """The "Data generated" stamp is parsed; the source cites SIPRI at that date."""
    result = _read("register.csv")
    assert result.generated == dt.datetime(2026, 2, 3, 9, 5, 7)  # noqa: DTZ001 - SIPRI gives none
    assert result.source.title == "SIPRI Arms Transfers Database"
    assert result.source.published == dm.PartialDate(2026, 2, 3)


def test_split_record_is_rejoined(register: dict[str, sipri.SipriRecord]) -> None:
    """A record broken by a raw CRLF inside Comments is one record, from its first line."""
    record = register["Heron-Lite/United Nations"]
    assert record.line == 14
    assert record.comments == "for use with a peacekeeping mission"
    assert record.tiv == Tiv("1.2", "2.4", "2.4")
    assert record.recipient == Multinational("United Nations")


def test_records_keep_their_raw_text_and_a_deal_id_digests_it() -> None:
    """records() gives each record with its raw text; read's deal id digests that text."""
    head = HEADER_A + "\n"
    row = "Chile,Spain,2019,,6,,Glider-5,reconnaissance drone,6,,2020,New,note,1,6,6\n"
    other = row.replace("note", "other note")
    first, second = sipri.read(head + row), sipri.read(head + other)
    (record,) = sipri.records(head + row)
    assert isinstance(record, sipri.SipriRecord)
    assert record.text == row.rstrip("\n")
    assert first.market.deals[0].id == sipri.read(head + row).market.deals[0].id
    assert first.market.deals[0].id != second.market.deals[0].id


def test_rejected_split_record_keeps_its_raw_text() -> None:
    """A record split over two lines and rejected keeps both lines in its raw text."""
    text = (
        HEADER_A + "\n"
        "Ruritania,Spain,2019,,6,,Glider-5,reconnaissance drone,6,,2020,New,first\n"
        "second,1,6,6\n"
    )
    (bad,) = sipri.read(text).rejected
    assert bad.text.endswith("first\nsecond,1,6,6")


def test_trailing_space_trimmed(register: dict[str, sipri.SipriRecord]) -> None:
    """A designation with a trailing space is kept without it."""
    assert "Sky Lance/Chile" in register


def test_empty_number_ordered_is_unknown(register: dict[str, sipri.SipriRecord]) -> None:
    """Empty Number ordered is None; the years and total are kept as a span; status DELIVERING."""
    record = register["Kite-3/Azerbaijan"]
    assert record.number_ordered is None
    assert record.number_delivered_estimate
    assert record.delivery_span == DeliverySpan((2022, 2023), count=8)
    assert record.status is dm.DealStatus.DELIVERING
    assert record.tiv is not None
    assert record.tiv.order == 0


def test_status_follows_the_inclusion_rule(register: dict[str, sipri.SipriRecord]) -> None:
    """Nothing delivered is ORDERED, part DELIVERING, all DELIVERED."""
    assert register["Sparrow-2/Ghana"].status is dm.DealStatus.ORDERED
    assert register["Sparrow-2/Ghana"].delivery_years == ()
    assert register["Sky Lance/Chile"].status is dm.DealStatus.DELIVERING
    assert register["Falcon-7/Portugal"].status is dm.DealStatus.DELIVERED


def test_flags(register: dict[str, sipri.SipriRecord]) -> None:
    """'?' flags mark the order year, number ordered and number delivered as estimates."""
    record = register["Falcon-7/Portugal"]
    assert record.order_year == 2021
    assert record.order_year_estimate
    assert record.number_ordered_estimate
    assert record.number_delivered_estimate
    plain = register["Sky Lance/Chile"]
    assert not plain.order_year_estimate
    assert not plain.number_ordered_estimate


def test_parties(register: dict[str, sipri.SipriRecord]) -> None:
    """Armed groups, organisations, territories, former states and unknowns are typed."""
    houthis = register["Buzz-1/Houthi rebels (Yemen)"]
    assert houthis.supplier is None
    assert houthis.recipient == ArmedGroup("Houthi rebels", base=dm.Country("YEM"))
    assert houthis.recipient != dm.Country("YEM")  # type: ignore[comparison-overlap]
    assert register["Hawkeye-X/NATO"].recipient == Multinational("NATO")
    assert register["Falcon-7/Kosovo"].recipient == Territory("Kosovo")
    gdr = register["Mi-99/German Democratic Republic"]
    assert gdr.supplier == dm.Country("SUN")
    assert isinstance(gdr.supplier, dm.Country)
    assert gdr.supplier.former


def test_vocabulary_drift(register: dict[str, sipri.SipriRecord]) -> None:
    """The old 'Libya HoR*' is the newest name, 'House of Representatives (Libya)*'."""
    record = register["Wasp-9/House of Representatives (Libya)"]
    assert record.recipient == ArmedGroup("House of Representatives", base=dm.Country("LBY"))


def test_condition(register: dict[str, sipri.SipriRecord]) -> None:
    """SIPRI's status column becomes a Condition, all three kept."""
    assert register["Hawkeye-X/NATO"].condition is Condition.SECOND_HAND_MODERNIZED
    assert register["Wasp-9/House of Representatives (Libya)"].condition is Condition.SECOND_HAND
    assert register["Falcon-7/Portugal"].condition is Condition.NEW


def test_tiv_kept_as_written(register: dict[str, sipri.SipriRecord]) -> None:
    """TIV figures are Decimals exactly as written ('4.80' stays '4.80')."""
    tiv = register["Desert Hawk/Algeria"].tiv
    assert tiv is not None
    assert str(tiv.order) == "4.80"


def test_licence_comment(register: dict[str, sipri.SipriRecord]) -> None:
    """A 'Possibly assembled/produced under licence in X as A or B' comment is a LicenceNote."""
    (note,) = register["Desert Hawk/Algeria"].licences
    assert note.licensee == dm.Country("DZA")
    assert note.local_designations == ("Desert Hawk-9", "Sahara-9")
    assert note.possible
    assert note.confidence is dm.Confidence.UNCONFIRMED


@pytest.mark.parametrize(
    ("comment", "country", "possible", "aliases"),
    [
        (
            "Produced under licence in India as Kestrel-10 Swift",
            "IND",
            False,
            ("Kestrel-10 Swift",),
        ),
        ("incl production under licence in Ukraine", "UKR", False, ()),
        ("Second-hand; probably produced under licence in South Korea", "KOR", True, ()),
        ("incl production under licence of 60 in Australia", "AUS", False, ()),
        ("Produced under licence in Belgium and 40 from a Dutch line", "BEL", False, ()),
    ],
)
def test_licence_wordings(comment: str, country: str, possible: bool, aliases: tuple[str]) -> None:
    """Each of SIPRI's licence wordings gives the licensee, the hedge and the local names."""
    (note,) = sipri._licence.licences(comment)
    assert (note.licensee, note.possible, note.local_designations) == (
        dm.Country(country),
        possible,
        aliases,
    )


def test_latin1_decoded(register: dict[str, sipri.SipriRecord]) -> None:
    """Latin-1 bytes (0xFC) decode to 'ü'."""
    assert "Bü-1 Stork/Mexico" in register


def test_drones_only_skips_a_split_record_by_its_description() -> None:
    """drones_only skips a record re-joined from two lines when it is not a drone."""
    lines = [HEADER_A, *_SPLIT_OTHER, *_SPLIT_A, _OTHER_A]
    result = sipri.read("\n".join(lines) + "\n", drones_only=True)
    assert (result.records, result.skipped, len(result.rejected)) == (3, 2, 0)
    assert [deal.platform.name for deal in result.market.deals] == ["Sky Lance"]


def test_a_stray_line_joins_no_record() -> None:
    """A line too short to reach Comments is rejected alone; the record after it still reads."""
    result = sipri.read(f"{HEADER_A}\nstray note\n{_GOOD_A}\n", known=dm.Market())
    (stray,) = result.rejected
    assert (stray.line, stray.text) == (2, "stray note")
    assert [deal.platform.name for deal in result.market.deals] == ["Sky Lance"]


def test_a_whole_record_is_never_a_continuation() -> None:
    """A short line is not joined with a whole record after it (format B, which joins any line)."""
    result = sipri.read(f"{HEADER_B}\nstray\n{_B_ROW.format(1, 2020)}\n", known=dm.Market())
    assert [(r.line, r.text) for r in result.rejected] == [(2, "stray")]
    assert len(result.market.deals) == 1


def test_joining_stops_at_the_record_limit() -> None:
    """Comma-free lines after a split record join it only up to MAX_RECORD characters."""
    start = ",".join(_GOOD_A.split(",")[:13])
    filler = "x" * 99
    lines = [HEADER_A, start, *[filler] * 1_000]
    result = sipri.read("\n".join(lines) + "\n")
    first, *rest = result.rejected
    assert len(first.text) <= sipri_csv.MAX_RECORD
    assert result.records == len(result.rejected) == 1 + len(rest)
    assert all(r.text == filler for r in rest)
    assert len(rest) == 1_000 - (sipri_csv.MAX_RECORD - len(start)) // 100


def test_a_record_the_model_cannot_hold_names_the_field_not_an_empty_value() -> None:
    """A record SipriRecord refuses is rejected with SipriRecord's own error, no '' quoted."""
    row = _GOOD_A.replace("Sky Lance", "Sky\x01Lance")
    (rejected,) = sipri.read(f"{HEADER_A}\n{row}\n").rejected
    assert rejected.reason.startswith("record: cannot be held: SipriRecord.designation: ")


def test_records_refuses_data_that_is_not_sipri_at_once() -> None:
    """records() refuses JSON that is not a list of trades when called, not when iterated."""
    for data in ('{"a": 1}', "[", "nonsense"):
        with pytest.raises(sipri.SipriFormatError):
            sipri.records(data)


def test_drones_only_counts_skipped() -> None:
    """drones_only keeps every vintage's drone wording and counts the rest as skipped."""
    result = _read("register.csv", drones_only=True)
    assert result.skipped == 1
    assert len(result.market.deals) + len(result.rejected) + result.skipped == result.records
    drones = [r.designation for r in _records("register.csv") if sipri.is_drone(r.description)]
    assert [deal.platform.name for deal in result.market.deals] == drones


@pytest.mark.parametrize(
    ("description", "drone"),
    [
        ("UAV", True),
        ("armed UAV", True),
        ("(armed) reconnaissance drone", True),
        ("light aircraft/UAV", True),
        ("loitering munition", True),
        ("one-way attack drone", True),
        ("maritime patrol drone", True),
        ("transport helicopter", False),
        ("SAM system", False),
    ],
)
def test_drone_wordings(description: str, drone: bool) -> None:
    """Every vintage's wording of an unmanned aircraft is a drone; other kinds are not."""
    assert sipri.is_drone(description) is drone


def test_excel_deliveries() -> None:
    """An Excel re-save (CRLF, trailing ';') of format B reads one record per AT Database ID."""
    result = _read("deliveries-excel.csv")
    assert result.format is sipri.Format.DELIVERIES
    assert (result.records, len(result.market.deals)) == (4, 3)
    assert "differs between rows" in result.rejected[0].reason
    loaded = _records("deliveries-excel.csv")
    falcon = loaded[0]
    assert falcon.sipri_id == 70001
    assert falcon.local_production is True
    assert [(d.year, d.count, d.count_estimate, d.year_estimate) for d in falcon.deliveries] == [
        (2022, 6, True, False),
        (2023, 6, None, None),
    ]
    assert falcon.tiv == Tiv(per_unit="1.5", delivered="18")
    assert falcon.tiv_new_unit == Decimal("1.5")
    assert loaded[2].designation == "Truck -"
    assert loaded[2].tiv_new_unit == Decimal("0.25")


def test_web_json() -> None:
    """The web service's JSON reads each trade, its codes kept and deliveryYr 0 meaning none."""
    result = _read("web.json")
    assert result.format is sipri.Format.WEB_JSON
    assert (result.records, len(result.market.deals), result.generated) == (3, 2, None)
    orlan, sukhoi = _records("web.json")
    assert orlan.condition is Condition.SECOND_HAND_MODERNIZED
    assert orlan.condition_estimate
    assert orlan.codes == (("transferType", 111111),)
    assert sukhoi.number_ordered is None
    assert sukhoi.delivery_years == ()
    assert sukhoi.local_production is True
    assert result.rejected[0].line == 3


def test_utf8_bom_detected() -> None:
    """Bytes starting with a UTF-8 BOM are decoded as UTF-8."""
    text = (FIXTURES / "register.csv").read_bytes().decode("latin-1")
    result = sipri.read(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert any(deal.platform.name == "Bü-1 Stork" for deal in result.market.deals)


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"name,age\nBob,3\n", "expected the trade register CSV"),
        ("[1, 2", "not valid JSON"),
        ('{"trades": []}', "not a list of trades"),
        (b"\xef\xbb\xbf\xff", "not UTF-8"),
    ],
)
def test_refusals_say_what_was_expected(data: bytes | str, said: str) -> None:
    """Data that is no SIPRI export is refused with an error saying what was expected."""
    with pytest.raises(sipri.SipriFormatError, match=said):
        sipri.read(data)


def test_wrong_field_count_is_rejected() -> None:
    """A record with too many fields is rejected, naming the count expected."""
    result = sipri.read(f"{HEADER_A}\n{','.join(['x'] * 17)}\n")
    assert result.rejected[0].reason.startswith("record: has 17 fields, expected 16")


def test_known_is_reserved() -> None:
    """known= accepts only None until deals are built."""
    with pytest.raises(dm.ValidationError, match="known"):
        sipri.read(HEADER_A, known=object())  # type: ignore[arg-type]


_GOOD_A = "Chile,Spain,2019,,6,,Sky Lance,reconnaissance drone,3,,2020,New,,0.5,3,1.5"
_OTHER_A = "Chile,Spain,2019,,6,,Truck,lorry,3,,2020,New,,0.5,3,1.5"
_BAD_A = "Chile,Spain,20x9,,6,,Sky Lance,reconnaissance drone,3,,2020,New,,0.5,3,1.5"
_SPLIT_A = ("Chile,Spain,2019,,6,,Sky Lance,UAV,3,,2020,New,a\r", ",0.5,3,1.5")
_SPLIT_OTHER = ("Chile,Spain,2019,,6,,Truck,lorry,3,,2020,New,a\r", ",0.5,3,1.5")
_SHORT = "Chile,Spain"
_B_ROW = "{},Spain,Chile,Sky Lance,UAV,Aircraft,2019,No,3,No,{},No,New,1,1,3,No"


@given(
    rows=st.lists(
        st.sampled_from(
            [(_GOOD_A,), (_OTHER_A,), (_BAD_A,), _SPLIT_A, _SPLIT_OTHER, (_SHORT,), ("",)]
        ),
        max_size=20,
    ),
    drones_only=st.booleans(),
    excel=st.booleans(),
)
def test_every_register_record_accounted_for(
    rows: list[tuple[str, ...]], drones_only: bool, excel: bool
) -> None:
    """deals + rejected + skipped == records for any mix of good, bad, split and short rows."""
    lines = [HEADER_A, *(line for row in rows for line in row)]
    end = ";\r\n" if excel else "\n"
    result = sipri.read(end.join(lines) + end, drones_only=drones_only)
    assert len(result.market.deals) + len(result.rejected) + result.skipped == result.records
    assert result.records == sum(1 for row in rows if row != ("",))
    others = sum(1 for row in rows if row in ((_OTHER_A,), _SPLIT_OTHER))
    assert result.skipped == (others if drones_only else 0)
    short = sum(1 for row in rows if row == (_SHORT,))
    assert sum("has 2 fields" in r.reason for r in result.rejected) == short


@given(ids=st.lists(st.integers(1, 4), max_size=12), years=st.lists(st.integers(2000, 2003)))
def test_every_delivery_record_accounted_for(ids: list[int], years: list[int]) -> None:
    """Format B counts one record per AT Database ID, whatever its rows."""
    rows = [_B_ROW.format(i, years[n % len(years)] if years else 2000) for n, i in enumerate(ids)]
    result = sipri.read("\n".join([HEADER_B, *rows]))
    assert len(result.market.deals) + len(result.rejected) + result.skipped == result.records
    assert result.records == len(set(ids))


def test_json_rows_are_objects() -> None:
    """A JSON trade that is not an object is rejected, not a crash."""
    result = sipri.read(json.dumps([1, {"tradeId": "x"}]))
    assert [r.reason.split(":")[0] for r in result.rejected] == ["trade", "buyer"]


def _record(**changes: object) -> sipri.SipriRecord:
    """Return a valid record with `changes` applied."""
    fields: dict[str, object] = {
        "supplier": dm.Country("TUR"),
        "recipient": None,
        "designation": "Falcon-7",
        "description": "armed drone",
        "order_year": 2021,
        "number_ordered": 4,
        "number_delivered": 2,
        "delivery_years": (2022,),
        "condition": Condition.NEW,
    }
    fields.update(changes)
    return sipri.SipriRecord(1, "raw", **fields)  # type: ignore[arg-type]


def test_record_order_date() -> None:
    """The order year is a date known to the year."""
    assert _record().ordered == dm.PartialDate(2021)
    assert _record(order_year=None).ordered is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"number_ordered": True}, "number_ordered"),
        ({"number_ordered": -1}, "number_ordered"),
        ({"order_year": 1800}, "order_year"),
        ({"delivery_years": (2023, 2022)}, "delivery_years"),
        ({"delivery_years": (2022,), "number_delivered": 0}, "delivery_years"),
        ({"designation": " Falcon-7"}, "designation"),
        ({"supplier": "Turkiye"}, "supplier"),
        ({"condition": "new"}, "condition"),
        ({"category": ""}, "category"),
    ],
)
def test_record_rules(changes: dict[str, object], field: str) -> None:
    """A record breaking a rule is a ValidationError naming the field."""
    with pytest.raises(dm.ValidationError, match=rf"^SipriRecord\.{field}: "):
        _record(**changes)


def test_delivery_row_rules() -> None:
    """A per-year delivery row needs a year and a whole count; flags are bool or None."""
    with pytest.raises(dm.ValidationError, match=r"SipriDelivery\.count"):
        sipri.SipriDelivery(2022, count=-1)
    with pytest.raises(dm.ValidationError, match=r"SipriDelivery\.count_estimate"):
        sipri.SipriDelivery(2022, count=1, count_estimate="Yes")  # type: ignore[arg-type]


def test_import_invariant_is_checked() -> None:
    """An import whose counts do not add up cannot be built."""
    with pytest.raises(dm.ValidationError, match=r"SipriImport\.records"):
        sipri.SipriImport(
            sipri.Format.WEB_JSON,
            records=1,
            rejected=(),
            skipped=0,
            generated=None,
            source=sipri.source(),
        )


def test_rejected_needs_a_reason() -> None:
    """A rejection without a reason cannot be built."""
    with pytest.raises(dm.ValidationError, match=r"Rejected\.reason"):
        sipri.Rejected(1, "x", "")


def test_copy_without_metadata_with_bom_and_padding() -> None:
    """A copy with the metadata removed, a UTF-8 BOM and Excel's ';;;' padding still reads."""
    lines = [HEADER_A, _GOOD_A, _OTHER_A]
    data = ("\ufeff" + "".join(f"{line};;;\r\n" for line in lines)).encode("utf-8")
    result = sipri.read(data)
    assert (result.records, len(result.market.deals), result.generated) == (2, 2, None)
    assert result.source.published is None


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("Chile,Spain,2019,,6,,Sky Lance,UAV,3,,2020,New,,0.5,3,1500000", "delivered weapons"),
        (
            "1,Spain,Chile,Sky Lance,UAV,Aircraft,2019,No,3,No,2020,No,New,0.5,0.5,1500000,No",
            "TIV delivery values",
        ),
    ],
)
def test_a_tiv_over_the_typo_guard_rejects_the_record(row: str, column: str) -> None:
    """A TIV figure beyond Tiv's typo guard rejects its record, naming the column; the rest read."""
    header = HEADER_A if row.startswith("Chile") else HEADER_B
    good = (
        _GOOD_A
        if row.startswith("Chile")
        else row.replace(",1500000,", ",1.5,").replace("1,", "2,", 1)
    )
    result = sipri.read(f"{header}\n{row}\n{good}\n")
    assert (result.records, len(result.market.deals), len(result.rejected)) == (2, 1, 1)
    assert column in result.rejected[0].reason
    assert "typo guard" in result.rejected[0].reason
