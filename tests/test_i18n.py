"""Every user-facing string goes through the one catalogue, in both languages."""

import re
import string
from datetime import date
from pathlib import Path

import pilkada_cli
from pilkada_cli.i18n import CATALOGUE, fmt_date_long, fmt_num, fmt_pct, t

SOURCE = Path(pilkada_cli.__file__).parent
KEY = re.compile(r'"([a-z_]+\.[a-z_.]+)"')
DYNAMIC = {"state.": ["done", "overdue", "due_soon", "upcoming", "no_due"],
           "tick.": ["done", "undone", "value", "already_done", "not_done", "noted"]}


def test_every_key_in_the_source_is_in_the_catalogue():
    used = set()
    for path in SOURCE.rglob("*.py"):
        if path.parent.name == "i18n":
            continue
        used |= {k for k in KEY.findall(path.read_text()) if not k.endswith((".py", ".yaml", ".sqlite3", ".sql"))}
    used = {k for k in used if not k.startswith(("pilkada_cli.", "tag:"))}
    missing = sorted(k for k in used if k not in CATALOGUE)
    assert not missing
    for prefix, names in DYNAMIC.items():
        assert all(prefix + n in CATALOGUE for n in names)


def test_every_refusal_of_the_server_has_its_words():
    """The PostgreSQL server refuses with `pilkada:<reason>`; each reason is said as the catalogue says it."""
    functions = (SOURCE / "store" / "pg_functions.sql").read_text()
    reasons = set(re.findall(r"pilkada__refuse\('\d{2}\w{3}',\s*(?:CASE WHEN .*? THEN )?'(\w+)'", functions))
    reasons |= set(re.findall(r"ELSE '(\w+)' END", functions))
    assert len(reasons) > 10
    assert sorted(r for r in reasons if "refused." + r not in CATALOGUE) == []


def test_both_languages_take_the_same_parameters():
    for key, (indonesian, english) in CATALOGUE.items():
        fields_id = {f for _, f, _, _ in string.Formatter().parse(indonesian) if f}
        fields_en = {f for _, f, _, _ in string.Formatter().parse(english) if f}
        assert fields_id == fields_en, key
        assert indonesian.strip() and english.strip(), key


def test_dates_and_numbers_the_indonesian_way():
    assert fmt_date_long(date(2024, 8, 1), "id") == "Kamis, 1 Agustus 2024"
    assert fmt_date_long(date(2024, 11, 27), "id") == "Rabu, 27 November 2024"
    assert fmt_date_long(date(2024, 8, 1), "en") == "Thursday, 1 August 2024"
    assert fmt_pct(12.5, "id") == "12,5%" and fmt_pct(12.5, "en") == "12.5%"
    assert fmt_num(9877, "id") == "9.877" and fmt_num(9877, "en") == "9,877"
    assert fmt_num(3988372.5, "id") == "3.988.372,5"
    assert t("state.overdue", "id") == "terlambat" and t("state.overdue", "en") == "overdue"
