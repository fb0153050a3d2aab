from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilkada_cli import dates
from pilkada_cli.errors import BadInput

VOTE = date(2024, 11, 27)


@pytest.mark.parametrize("text, expected", [("H-30", -30), ("H", 0), ("H+3", 3), ("h-118", -118), (" H - 7 ", -7)])
def test_offsets(text, expected):
    assert dates.parse_offset(text) == expected


@pytest.mark.parametrize("text", ["H-abc", "H--3", "H+", "H-"])
def test_malformed_offsets_are_errors(text):
    with pytest.raises(BadInput) as info:
        dates.parse_when(text)
    assert info.value.key == "offset.invalid"


@pytest.mark.parametrize("text", ["2024-11-27", "27-11-2024", "27/11/2024", "27.11.2024", "27 November 2024",
                                  "27 Nov 2024", "27 Nopember 2024", "27 nov. 2024"])
def test_date_forms(text):
    assert dates.parse_date(text) == VOTE


@pytest.mark.parametrize("text, expected", [("1 Agustus 2024", date(2024, 8, 1)), ("17 Agu 2024", date(2024, 8, 17)),
                                            ("5 Mei 2024", date(2024, 5, 5)), ("9 Desember 2024", date(2024, 12, 9)),
                                            ("3 Oktober 2024", date(2024, 10, 3)), ("1 Juni 2024", date(2024, 6, 1)),
                                            ("24 Juli 2024", date(2024, 7, 24)), ("1 August 2024", date(2024, 8, 1))])
def test_indonesian_and_english_month_names(text, expected):
    assert dates.parse_date(text) == expected


@pytest.mark.parametrize("text", ["2025-02-30", "31-04-2024", "30 Februari 2024"])
def test_nonexistent_dates(text):
    with pytest.raises(BadInput) as info:
        dates.parse_date(text)
    assert info.value.key == "date.nonexistent"


@pytest.mark.parametrize("text", ["0001-01-01", "9999-12-31", "1 Januari 3000"])
def test_dates_outside_any_election_are_refused(text):
    with pytest.raises(BadInput) as info:
        dates.parse_date(text)
    assert info.value.key == "date.out_of_range"


@pytest.mark.parametrize("text", ["besok", "11/27", "2024", "27 Foo 2024", ""])
def test_unrecognised_dates_show_an_example(text):
    with pytest.raises(BadInput) as info:
        dates.parse_date(text)
    assert info.value.key == "date.invalid"
    assert "2024-11-27" in info.value.params["example"]


def test_h_label_and_resolve():
    assert dates.h_label(date(2024, 8, 1), VOTE) == "H-118"
    assert dates.h_label(VOTE, VOTE) == "H"
    assert dates.h_label(date(2024, 11, 30), VOTE) == "H+3"
    assert dates.resolve(-90, VOTE) == date(2024, 8, 29)
    assert dates.resolve(date(2024, 1, 1), VOTE) == date(2024, 1, 1)


def test_today_is_the_plan_zone_date_not_the_machine_one():
    moment = datetime(2024, 11, 26, 16, 30, tzinfo=timezone.utc)
    assert dates.today_in(ZoneInfo("Asia/Jayapura"), moment) == VOTE
    assert dates.today_in(ZoneInfo("Asia/Jakarta"), moment) == date(2024, 11, 26)


@given(st.integers(min_value=-9999, max_value=9999))
def test_offset_round_trip(days):
    day = dates.resolve(days, VOTE)
    label = dates.h_label(day, VOTE)
    assert dates.parse_offset(label) == days


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_date_forms_round_trip(day):
    assert dates.parse_date(day.isoformat()) == day
    assert dates.parse_date(day.strftime("%d-%m-%Y")) == day
    assert dates.parse_date(day.strftime("%d/%m/%Y")) == day


@given(st.text(max_size=40))
def test_arbitrary_text_never_crashes(text):
    try:
        dates.parse_when(text)
    except BadInput as exc:
        assert exc.exit_code == 2
