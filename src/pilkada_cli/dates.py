"""Dates as the plan and the users write them: ISO dates, H-offsets (`H-30`, `H`, `H+3`) and the day-first
forms Indonesians write (`27-11-2024`, `27/11/2024`, `27 November 2024`, `27 Nopember 2024`).
Pure functions: nothing here reads the clock."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pilkada_cli.errors import BadInput

# A deadline as written: a fixed date, or an offset in days from the vote day (negative = before).
When = date | int
# How far past a journal's clock an event may be dated, in every journal and every import (spec section 13);
# the server's functions say the same in SQL ('5 minutes').
AHEAD = timedelta(minutes=5)

_OFFSET = re.compile(r"^\s*[Hh]\s*(?:(?P<sign>[+-])\s*(?P<days>\d{1,4}))?\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_DAY_FIRST_NUMERIC = re.compile(r"^\s*(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})\s*$")
_DAY_MONTH_NAME = re.compile(r"^\s*(\d{1,2})\s+([A-Za-z]{3,10})\.?\s+(\d{4})\s*$")

# Month names as Indonesians and English speakers write them, for python-dateutil's parser.
_MONTHS = [
    ("Jan", "Januari", "January"),
    ("Feb", "Februari", "February", "Peb", "Pebruari"),
    ("Mar", "Maret", "March"),
    ("Apr", "April"),
    ("Mei", "May"),
    ("Jun", "Juni", "June"),
    ("Jul", "Juli", "July"),
    ("Agu", "Ags", "Agt", "Agus", "Agustus", "Aug", "August"),
    ("Sep", "Sept", "September"),
    ("Okt", "Oktober", "Oct", "October"),
    ("Nov", "November", "Nop", "Nopember"),
    ("Des", "Desember", "Dec", "December"),
]
_MONTH_NUMBER = {name.lower(): number for number, names in enumerate(_MONTHS, 1) for name in names}

ACCEPTED_DATE_EXAMPLE = "2024-11-27, 27-11-2024, 27/11/2024, 27 November 2024"
ACCEPTED_DAY_EXAMPLE = ACCEPTED_DATE_EXAMPLE + ", hari ini, kemarin (today, yesterday)"  # where a day may be named


def parse_offset(text: str) -> int | None:
    """`H-30` -> -30, `H` -> 0, `H+3` -> 3 (at most four digits); None when the text is not an H-offset."""
    match = _OFFSET.match(text)
    if not match:
        return None
    if not match.group("sign"):
        return 0
    days = int(match.group("days"))
    return -days if match.group("sign") == "-" else days


def looks_like_offset(text: str) -> bool:
    """True for text that starts like an H-offset (so a malformed one gets the H-offset message)."""
    return bool(re.match(r"^\s*[Hh]\s*([+-]|$)", text))


FIRST_YEAR, LAST_YEAR = 1900, 2999  # wide enough for any election; keeps date arithmetic in range


# Days people name on the command line (--on, --since), counted from `today` in the plan's time zone.
RELATIVE_DAYS = {"hari ini": 0, "today": 0, "kemarin": -1, "yesterday": -1}


def parse_date(text: str, today: date | None = None) -> date:
    """A calendar date in any accepted form, or, given `today`, `hari ini`/`today` and `kemarin`/`yesterday`;
    raises BadInput(date.invalid / date.nonexistent)."""
    text = str(text)
    relative = RELATIVE_DAYS.get(" ".join(text.lower().split()))
    if relative is not None and today is not None:
        return today + timedelta(days=relative)
    try:
        if m := _ISO.match(text):
            day = date(int(m[1]), int(m[2]), int(m[3]))
        elif m := _DAY_FIRST_NUMERIC.match(text):
            day = date(int(m[4]), int(m[3]), int(m[1]))
        elif (m := _DAY_MONTH_NAME.match(text)) and (month := _month_number(m[2])) is not None:
            day = date(int(m[3]), month, int(m[1]))
        else:
            raise BadInput("date.invalid", text=text.strip()[:60],
                           example=ACCEPTED_DATE_EXAMPLE if today is None else ACCEPTED_DAY_EXAMPLE)
    except ValueError:
        raise BadInput("date.nonexistent", text=text.strip()) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise BadInput("date.out_of_range", text=text.strip(), first=FIRST_YEAR, last=LAST_YEAR)
    return day


def _month_number(name: str) -> int | None:
    """A month's number from its Indonesian or English name or abbreviation, via python-dateutil."""
    known = _MONTH_NUMBER.get(name.lower())
    if known is not None:
        return known
    # Anything else (a misspelling, a prefix like "Sept") goes through dateutil's month table.
    return _dateutil_info().month(name)


@lru_cache(maxsize=1)
def _dateutil_info():
    from dateutil import parser  # imported lazily: only month names need it

    class _IndonesianInfo(parser.parserinfo):
        MONTHS = _MONTHS

    return _IndonesianInfo(dayfirst=True)


def parse_when(text: object) -> When:
    """A deadline as written in a plan or on the command line: an H-offset (int) or a date."""
    text = str(text)
    offset = parse_offset(text)
    if offset is not None:
        return offset
    if looks_like_offset(text):
        raise BadInput("offset.invalid", text=text.strip()[:60])
    return parse_date(text)


def resolve(when: When, vote_date: date) -> date:
    """The calendar date of a deadline, against a vote day."""
    if isinstance(when, int):
        return vote_date + timedelta(days=when)
    return when


def h_label(day: date, vote_date: date) -> str:
    """A date written as an H-offset: `H-90`, `H`, `H+3`."""
    delta = (day - vote_date).days
    if delta == 0:
        return "H"
    return f"H{delta:+d}"


# What every Indonesian says: Waktu Indonesia Barat, Tengah, Timur.
ZONE_ABBREVIATIONS = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}


def canonical_zone(name: str) -> str:
    """The IANA name of a zone given as IANA or as WIB, WITA, WIT (any case)."""
    return ZONE_ABBREVIATIONS.get(str(name).strip().upper(), str(name).strip())


def zone(name: str) -> ZoneInfo:
    """The IANA time zone (WIB, WITA and WIT too); raises BadInput(timezone.unknown)."""
    try:
        return ZoneInfo(canonical_zone(name))
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise BadInput("timezone.unknown", name=str(name)[:60]) from None


def today_in(tz: ZoneInfo, now: datetime) -> date:
    """The date it is now in a time zone (never the machine's)."""
    return now.astimezone(tz).date()


def end_of_day_utc(day: date, tz: ZoneInfo) -> datetime:
    """The first instant after `day` in `tz`, in UTC: the journal is read strictly before it."""
    start_next = datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz)
    return start_next.astimezone(timezone.utc)


def utc_iso(moment: datetime) -> str:
    """A UTC time as stored in the journal: fixed width, so text order is time order."""
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def from_utc_iso(text: str) -> datetime:
    """The inverse of utc_iso (fromisoformat is C; it also reads a trailing Z)."""
    return datetime.fromisoformat(text)
