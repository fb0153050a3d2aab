"""Every user-facing string goes through the one catalogue, in both languages."""

import re
import string
from datetime import date
from pathlib import Path

import pilkada_cli
from pilkada_cli.i18n import _PLURAL, CATALOGUE, fmt_date_long, fmt_days_left, fmt_num, fmt_pct, t

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


def test_every_key_in_the_catalogue_is_used():
    """The other way round: a key the source never names, as it is or by a part it fills in (`f"state.{x}"`,
    `"refused." + reason`, `f"{kind}.unknown"`), is text translated and kept up for nothing."""
    source = "\n".join(path.read_text() for path in [*SOURCE.rglob("*.py"), *SOURCE.rglob("*.sql")]
                       if path.parent.name != "i18n" or path.name == "__init__.py")
    named = set(re.findall(r"""["']([a-z_]+\.[a-z0-9_.]+)["']""", source))
    prefixes = tuple(set(re.findall(r"""["']([a-z_]+\.[a-z_.]*)(?:\{|["']\s*\+)""", source)))
    suffixes = tuple(set(re.findall(r"""\}(\.[a-z_.]+)["']""", source)))
    unused = [k for k in CATALOGUE if k not in named and not k.startswith(prefixes) and not k.endswith(suffixes)]
    assert not unused


def test_every_refusal_of_the_server_has_its_words():
    """The PostgreSQL server refuses with `pilkada:<reason>`; each reason is said as the catalogue says it."""
    functions = (SOURCE / "store" / "pg_functions.sql").read_text()
    reasons = set(re.findall(r"pilkada__refuse\('\d{2}\w{3}',\s*(?:CASE WHEN .*? THEN )?'(\w+)'", functions))
    reasons |= set(re.findall(r"ELSE '(\w+)' END", functions))
    assert len(reasons) > 10
    assert sorted(r for r in reasons if "refused." + r not in CATALOGUE) == []


def test_both_languages_take_the_same_parameters():
    for key, (indonesian, english) in CATALOGUE.items():
        indonesian, english = (_PLURAL.sub(r"{\1}", text) for text in (indonesian, english))  # {n|one|other}
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


def test_english_plurals_agree_with_the_number():
    assert t("list.title", "en", count=1) == "1 item" and t("list.title", "en", count=2) == "2 items"
    assert t("log.title", "en", count=1) == "Journal: 1 entry" and t("log.title", "en", count=0) == "Journal: 0 entries"
    assert t("check.summary", "en", errors=1, warnings=2, path="p") == "1 error, 2 warnings in p"
    assert fmt_days_left(-1, "en") == "1 day late" and fmt_days_left(-8, "id") == "terlambat 8 hari"
    assert t("list.title", "id", count=1) == "1 item"


def test_no_english_text_says_one_of_a_plural():
    """Every English text that counts something with a plural noun chooses the word by the number."""
    counted = re.compile(r"\{(count|days|events|errors|warnings|added|sent|items|no_go)\} (?:more |critical )?"
                         r"(items|entries|days|errors|warnings|events|regions|offices|steps)\b")
    wrong = [key for key, (_, english) in CATALOGUE.items() if counted.search(english)]
    assert not wrong


def test_percentages_are_written_as_babel_writes_them():
    """fmt_pct stays off Babel (every status and tick prints percentages) and must agree with it."""
    from babel.numbers import format_decimal

    for value in (0, 0.1, 5.25, 12.5, 33.3, 99.9, 100):
        for lang in ("id", "en"):
            assert fmt_pct(value, lang) == format_decimal(value, format="0.0", locale=lang) + "%"
            assert fmt_pct(value, lang, decimals=0) == format_decimal(value, format="0", locale=lang) + "%"


def test_small_whole_numbers_skip_babel_and_match_it():
    from babel.numbers import format_decimal

    for value in [*range(0, 1000, 7), 999, 1000, 9877, 12.5, 0.125]:
        for lang in ("id", "en"):
            assert fmt_num(value, lang) == format_decimal(value, format="#,##0.##", locale=lang)


def test_vote_day_and_last_day_wording(run):
    screen = run("status", "--on", "2024-11-27").stdout
    assert "Hari H · Hari H" not in screen and "Hari H:" not in screen.splitlines()[1]
    assert "sisa 0 hari" not in run("status", "--on", "2024-11-26").stdout
    assert "hari terakhir" in run("status", "--on", "2024-11-26").stdout
    digest = run("summary", "--dry-run", "--on", "2024-11-27").stdout
    assert digest.splitlines()[1].endswith("*Hari H*")


def test_errors_say_kesalahan(run):
    assert run("tick", "nothing-like-it").stderr.startswith("Kesalahan: ")


def test_state_error_lists_indonesian_names(run):
    result = run("list", "--state", "rampung")
    assert result.exit_code == 2 and "selesai, terlambat, segera" in result.stderr


def test_the_vote_day_phase_is_not_on_its_last_day(run):
    screen = run("status", "--on", "2024-11-27").stdout
    assert "Pemungutan suara (Hari H) (hari terakhir)" not in screen and "Pemungutan suara (Hari H)" in screen
    digest = run("summary", "--dry-run", "--on", "2024-11-27").stdout
    assert "- Pemungutan suara (Hari H): hari ini" in digest
