"""Issue 9, the field test: each finding reproduced as the user met it."""

import json
import re

import pytest

from conftest import write_plan

HEAVY = """\
stakeholder: polda
phase: persiapan
items:
  - id: besar
    title: Pekerjaan besar
    due: H-100
    weight: 9999
  - id: kecil
    title: Pekerjaan kecil
    due: H-100
"""


@pytest.fixture
def heavy(isolated):
    return write_plan(isolated / "berat", files={"polda.yaml": HEAVY})


def test_an_open_item_never_reads_100_percent(run, heavy):
    assert run("tick", "polda/besar", "--plan", str(heavy), "--on", "2024-08-01").exit_code == 0
    data = json.loads(run("status", "--json", "--plan", str(heavy), "--on", "2024-08-02").stdout)
    assert data["progress"] == 99.9
    assert data["stakeholders"][0]["progress"] == 99.9 and data["stakeholders"][0]["phases"][0]["progress"] == 99.9
    assert data["phases"][0]["progress"] == 99.9
    screen = run("status", "--plan", str(heavy), "--on", "2024-08-02").stdout
    assert "99,9%" in screen and "100,0%" not in screen
    assert "████████████████████" not in screen  # the bar is not full either
    summary = run("summary", "--dry-run", "--plan", str(heavy), "--on", "2024-08-02").stdout
    assert "Progres 99,9%, 1/2 selesai" in summary and "100,0%" not in summary


def test_some_completion_never_reads_0_percent(run, heavy):
    assert run("tick", "polda/kecil", "--plan", str(heavy), "--on", "2024-08-01").exit_code == 0
    data = json.loads(run("status", "--json", "--plan", str(heavy), "--on", "2024-08-02").stdout)
    assert data["progress"] == 0.1
    assert "0,1%" in run("status", "--plan", str(heavy), "--on", "2024-08-02").stdout


def test_done_is_100_and_nothing_is_0(run, heavy):
    data = json.loads(run("status", "--json", "--plan", str(heavy), "--on", "2024-08-02").stdout)
    assert data["progress"] == 0.0
    run("tick", "polda/besar", "polda/kecil", "--plan", str(heavy), "--on", "2024-08-01")
    data = json.loads(run("status", "--json", "--plan", str(heavy), "--on", "2024-08-02").stdout)
    assert data["progress"] == 100.0


def test_the_eve_of_the_vote_shows_what_is_due_and_what_is_late(run):
    screen = run("status", "--on", "2024-11-26").stdout
    due_soon, _, overdue = screen.partition("terlambat (")
    # The H-1 logistics escort and distribution are listed, critical first, one row for all 22 regions ...
    assert re.search(r"(distribusi|pengawalan)-logistik +│[^\n]*\n(.*\n)*?.*22 wilayah", due_soon)
    assert re.search(r"segera jatuh tempo \(\d\d\d\)", due_soon)  # the bundled plan has hundreds
    # ... and so are overdue items, with what was left out and how to see it.
    assert "pilkada list --on 2024-11-26 --state segera" in screen
    assert "pilkada list --on 2024-11-26 --state terlambat" in overdue
    # most late first, as everywhere (issue 21): the grants signed a year before lead, one row for 22 regions
    assert re.search(r"pemda/nphd-tanda-tangan +│[^\n]*\n(.*\n)*?.*22 +│", overdue) or "22 wilayah" in overdue


def test_the_rest_command_keeps_the_filters(run):
    screen = run("status", "--on", "2024-11-26", "--stakeholder", "polres", "--lang", "en", "--limit", "1").stdout
    assert "pilkada list --stakeholder polres --on 2024-11-26 --state due_soon" in screen


# -- item 5: a digest that reads on a phone


def test_the_eve_of_the_vote_digest_groups_regions_and_fits_a_phone(run):
    text = run("summary", "--dry-run", "--on", "2024-11-26").stdout
    # about 4,000 for twelve offices (six provincial, six in every region), the Go/No-Go calls of the eve included
    assert len(text) <= 4000, len(text)
    assert "kpu-kabkota/distribusi-logistik: " in text and "0/22 KPU selesai\n" in text
    assert "belum: Kabupaten Alor" not in text  # none done: the count says it, three names of 22 would not
    assert "Polres: NO-GO di semua 22 wilayah\n" in text
    assert "@" not in text.split("*Jatuh tempo")[1].split("\n")[2]  # grouped, not one line per regency
    assert "pilkada list --state segera" in text
    # the full detail for one office or one region
    detail = run("summary", "--dry-run", "--on", "2024-11-26", "--stakeholder", "polres").stdout
    assert detail.count("\n- ") > text.count("\n- ") // 2 and "Polres (22 wilayah)" in detail


def test_grouped_line_counts_done_regions(run):
    for region in ("belu", "malaka", "alor"):
        assert run("tick", f"kpu-kabkota/distribusi-logistik@{region}", "--on", "2024-11-25").exit_code == 0
    text = run("summary", "--dry-run", "--on", "2024-11-26", "--since", "2024-11-24").stdout
    completed = text.split("*Selesai sejak")[1].split("\n\n")[0]
    assert "kpu-kabkota/distribusi-logistik: " in completed and "Kabupaten Alor" in completed
    assert "3/22 KPU selesai; belum: Kabupaten Ende" in text.split("*Jatuh tempo")[1]


# -- items 6 and 7: values


@pytest.mark.parametrize("given", ["inf", "1e309", "1e308", "-Infinity", "nan", "-1", "abc"])
def test_absurd_values_are_refused_and_nothing_recorded(run, plan_dir, given):
    result = run("tick", "nphd", "--value", given, "--plan", str(plan_dir), "--on", "2024-08-01")
    assert result.exit_code == 2 and "--value" in result.stderr or "Nilai" in result.stderr, result.stderr
    assert json.loads(run("log", "--json", "--plan", str(plan_dir)).stdout) == []


@pytest.mark.parametrize("lang, given, value", [
    ("id", "65,5", 65.5), ("id", "65%", 65), ("id", "1.250,5", 1250.5), ("id", "9.877", 9877), ("id", "1.250", 1250),
    ("id", "0,125", 0.125), ("id", "1 250", 1250),
    ("en", "65.5", 65.5), ("en", "1,250", 1250), ("en", "1,250.5", 1250.5), ("en", "9,877", 9877)])
def test_values_are_read_the_way_the_output_language_writes_them(run, plan_dir, lang, given, value):
    """Issue 22: the screen shows 9.877 (Indonesian) or 9,877 (English); typed back, it is that number."""
    assert run("tick", "nphd", "--value", given, "--plan", str(plan_dir), "--lang", lang,
                "--on", "2024-08-01").exit_code == 0
    assert json.loads(run("log", "--json", "--plan", str(plan_dir)).stdout)[-1]["value"] == value


@pytest.mark.parametrize("lang, given, readings", [
    ("id", "1,250", ["1,25", "1.250"]), ("id", "65.5", ["655", "65,5"]), ("id", "1.25", ["125", "1,25"]),
    ("en", "1.250", ["1.25", "1,250"]), ("en", "65,5", ["655", "65.5"]), ("en", "9.877", ["9.877", "9,877"])])
def test_a_value_that_reads_two_ways_is_refused_with_both_readings(run, plan_dir, lang, given, readings):
    result = run("tick", "nphd", "--value", given, "--plan", str(plan_dir), "--lang", lang, "--on", "2024-08-01")
    assert result.exit_code == 2 and all(f" {r} " in result.stderr for r in readings), result.stderr
    assert "Traceback" not in result.stderr
    assert json.loads(run("log", "--json", "--plan", str(plan_dir)).stdout) == []


def test_a_value_written_the_other_languages_way_gets_its_spelling_here(run, plan_dir):
    result = run("tick", "nphd", "--value", "1,250,000", "--plan", str(plan_dir), "--on", "2024-08-01")
    assert result.exit_code == 2 and "1.250.000?" in result.stderr, result.stderr


def test_a_value_shown_on_screen_is_recorded_as_shown(run, isolated):
    """A count target shown as 9.877 TPS: ticking 9.877 completes it, and the tick says 9.877/9.877."""
    checklist = ("stakeholder: polda\nitems:\n  - {id: tps, title: TPS diamankan, phase: persiapan, target: 9877,"
                 " unit: ' TPS'}\n")
    root = write_plan(isolated / "p", files={"polda.yaml": checklist})
    result = run("tick", "tps", "--value", "9.877", "--plan", str(root), "--on", "2024-08-01")
    assert result.exit_code == 0 and "9.877/9.877 TPS" in result.stdout and "selesai" in result.stdout, result.stdout
    english = run("tick", "tps", "--value", "1,250", "--plan", str(root), "--lang", "en", "--on", "2024-08-01")
    assert english.exit_code == 0 and "1,250/9,877 TPS" in english.stdout, english.stdout


def test_tick_from_a_file_reads_values_the_same_way(run, plan_dir):
    lines = plan_dir / "nilai.txt"
    lines.write_text("kpu/nphd 1,250\n", encoding="utf-8")
    refused = run("tick", "--from", str(lines), "--plan", str(plan_dir), "--on", "2024-08-01")
    assert refused.exit_code == 2 and "1,25" in refused.stderr and "1.250" in refused.stderr, refused.stderr
    lines.write_text("kpu/nphd 62,5\n", encoding="utf-8")
    assert run("tick", "--from", str(lines), "--plan", str(plan_dir), "--on", "2024-08-01").exit_code == 0
    assert json.loads(run("log", "--json", "--plan", str(plan_dir)).stdout)[-1]["value"] == 62.5


def test_a_journal_refuses_a_value_json_cannot_carry(run, plan_dir):
    """An infinite or NaN value is refused by the journal itself, as the server's functions refuse it (spec 15):
    no JSON a command prints can meet one."""
    from datetime import datetime, timezone

    from pilkada_cli.errors import BadInput
    from pilkada_cli.model import NewEvent
    from pilkada_cli.store.sqlite import Journal

    journal = Journal(plan_dir / ".pilkada" / "journal.sqlite3")
    for value in (float("inf"), float("nan"), -1.0):
        with pytest.raises(BadInput) as refused:
            journal.append([NewEvent("kpu/nphd", None, "progress", value, "lama")],
                           datetime(2024, 8, 1, tzinfo=timezone.utc))
        assert refused.value.key == "refused.bad_value"
    assert journal.events() == []


# -- item 8: a late entry counts in the next summary


def test_a_late_entry_appears_in_the_next_summary(run, plan_dir):
    p = str(plan_dir)
    assert run("summary", "--plan", p, "--on", "2024-08-02").exit_code == 0
    assert run("tick", "polda/pemetaan-kerawanan", "--plan", p, "--on", "2024-08-01", "--by", "telat").exit_code == 0
    text = run("summary", "--plan", p, "--on", "2024-08-03").stdout
    completed = text.split("*Selesai sejak")[1].split("\n\n")[0]
    assert "polda/pemetaan-kerawanan" in completed and "telat" in completed
    again = run("summary", "--plan", p, "--on", "2024-08-04").stdout
    assert "polda/pemetaan-kerawanan" not in again.split("*Selesai sejak")[1].split("\n\n")[0]


# -- item 9: --dry-run sends nothing; addresses checked first


def test_dry_run_sends_no_mail(run, plan_dir):
    env = {"PILKADA_SMTP_HOST": "127.0.0.1", "PILKADA_SMTP_PORT": "9"}  # nothing listens: sending would fail
    result = run("summary", "--dry-run", "--mail-to", "ops@polda.example", "--plan", str(plan_dir),
                 "--on", "2024-08-02", env=env)
    assert result.exit_code == 0 and "tidak ada e-mail yang dikirim" in result.stderr
    assert json.loads(run("log", "--summaries", "--json", "--plan", str(plan_dir)).stdout) == []


@pytest.mark.parametrize("address", ["ops", "a@b\nBcc: x@evil.example", "a b@polda.example", "<x@y"])
def test_bad_addresses_are_refused_before_anything(run, plan_dir, address):
    result = run("summary", "--mail-to", address, "--plan", str(plan_dir), "--on", "2024-08-02")
    assert result.exit_code == 2 and "tidak sah" in result.stderr and result.stdout == ""
    assert json.loads(run("log", "--summaries", "--json", "--plan", str(plan_dir)).stdout) == []


# -- item 10: no writes dated in the future


def test_a_future_on_is_refused_for_writes(run, plan_dir):
    result = run("tick", "apel", "--plan", str(plan_dir), "--on", "2999-01-01")
    assert result.exit_code == 2 and "belum tiba" in result.stderr
    assert run("summary", "--plan", str(plan_dir), "--on", "2999-01-01").exit_code == 2
    assert run("summary", "--dry-run", "--plan", str(plan_dir), "--on", "2999-01-01").exit_code == 0
    assert json.loads(run("log", "--json", "--plan", str(plan_dir)).stdout) == []


# -- item 11: markdown


def test_markdown_bold_countdown_without_escaped_asterisks(run):
    text = run("summary", "--dry-run", "--format", "markdown", "--on", "2024-07-30").stdout
    assert "**H-120**" in text and "\\*" not in text.splitlines()[2]


# -- item 12: wording


def test_vote_day_and_last_day_wording(run):
    screen = run("status", "--on", "2024-11-27").stdout
    assert "Hari H · Hari H" not in screen and "Hari H:" not in screen.splitlines()[1]
    assert "sisa 0 hari" not in run("status", "--on", "2024-11-26").stdout
    assert "hari terakhir" in run("status", "--on", "2024-11-26").stdout
    digest = run("summary", "--dry-run", "--on", "2024-11-27").stdout
    assert digest.splitlines()[1].endswith("*Hari H*")


def test_errors_say_kesalahan(run):
    assert run("tick", "nothing-like-it").stderr.startswith("Kesalahan: ")


@pytest.mark.parametrize("zone, iana", [("WIT", "Asia/Jayapura"), ("wita", "Asia/Makassar"), ("WIB", "Asia/Jakarta")])
def test_indonesian_zone_names(run, isolated, zone, iana):
    assert run("init", "baru", "--vote-date", "2029-11-28", "--timezone", zone).exit_code == 0
    assert f"timezone: {iana}" in (isolated / "baru" / "pilkada.yaml").read_text()


def test_region_makes_a_short_id_unambiguous(run):
    result = run("tick", "cooling-system", "--region", "belu", "--on", "2024-09-01")
    assert result.exit_code == 0 and "polres/cooling-system@belu" in result.stdout


def test_undo_a_value_goes_back_to_the_one_before(run, plan_dir):
    p = str(plan_dir)
    run("tick", "nphd", "--value", "40", "--plan", p, "--on", "2024-08-01")
    run("tick", "nphd", "--value", "65", "--plan", p, "--on", "2024-08-01")
    first = run("tick", "nphd", "--undo", "--plan", p, "--on", "2024-08-01")
    assert first.exit_code == 0 and "40/100" in first.stdout
    second = run("tick", "nphd", "--undo", "--plan", p, "--on", "2024-08-01")
    assert "0/100" in second.stdout
    third = run("tick", "nphd", "--undo", "--plan", p, "--on", "2024-08-01")
    assert "tidak ada yang diubah" in third.stdout
    item = json.loads(run("list", "--json", "--plan", p, "--on", "2024-08-01").stdout)
    assert next(x for x in item if x["id"] == "kpu/nphd")["completion"] == 0


@pytest.mark.parametrize("typed, suggested", [("kupang-kota", "kota-kupang"), ("Belu", None)])
def test_regions_suggested_whatever_the_word_order(run, typed, suggested):
    result = run("status", "--region", typed, "--on", "2024-09-01")
    if suggested:
        assert result.exit_code == 2 and suggested in result.stderr
    else:
        assert result.exit_code == 0  # case does not matter


def test_ids_compare_case_insensitively(run):
    result = run("tick", "POLDA/LATPRAOPS", "--on", "2024-08-01")
    assert result.exit_code == 0 and "polda/latpraops" in result.stdout
    near = run("tick", "POLDA/LATPRAOP", "--on", "2024-08-01")
    assert near.exit_code == 2 and "polda/latpraops" in near.stderr


def test_state_error_lists_indonesian_names(run):
    result = run("list", "--state", "rampung")
    assert result.exit_code == 2 and "selesai, terlambat, segera" in result.stderr


def test_typer_words_in_indonesian(run):
    from pilkada_cli.cli.click_text import translate_error

    assert translate_error("No such option: --bogus", "id") == "Opsi --bogus tidak dikenal."
    assert translate_error("Missing argument 'items'.", "id") == "Argumen items belum diberikan."
    help_text = run("tick", "--help").stdout
    assert "Penggunaan:" in help_text and "Opsi:" in help_text and "Show this message" not in help_text


def test_usage_errors_in_indonesian_from_the_real_program(isolated):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "pilkada_cli", "status", "--bogus"], capture_output=True,
                            text=True, cwd=isolated)
    assert result.returncode == 2 and "Kesalahan: Opsi --bogus tidak dikenal." in result.stderr


def test_yaml_messages_in_indonesian(run, isolated):
    root = write_plan(isolated / "rusak")
    (root / "pilkada.yaml").write_text("name: a\nvote_date: 2024-11-27\ntimezone: WITA\nstakeholders:\n"
                                       "  - id: polda\n    name: Polda: NTT\n", encoding="utf-8")
    result = run("status", "--plan", str(root))
    assert result.exit_code == 2 and "pilkada.yaml:6" in result.stderr and "titik dua" in result.stderr
    assert "mapping values" not in result.stderr


# -- item 13: the bundled plan


def test_bundled_plan_has_the_operation_the_ad_hoc_end_the_dispute_and_point_3_everywhere(run):
    data = json.loads(run("status", "--json", "--on", "2024-08-27").stdout)
    phases = {p["id"]: p for p in data["phases"]}
    assert (phases["operasi-mantap-praja"]["start"], phases["operasi-mantap-praja"]["end"]) == ("2024-08-27",
                                                                                              "2024-12-25")
    assert phases["badan-adhoc"]["end"] == "2024-11-05"
    assert phases["sengketa"]["start"].startswith("2025-01") and phases["sengketa"]["end"].startswith("2025-02")
    items = data["items"]
    started = {x["id"] for x in items if x["phase"] == "operasi-mantap-praja" and x["due"] == "2024-08-27"}
    assert "polda/operasi-mantap-praja-mulai" in started and "polres/operasi-mantap-praja-mulai@belu" in started
    assert {x["stakeholder"] for x in items if x["phase"] == "sengketa"} >= {"kpu", "bawaslu", "polda"}
    point3 = {x["stakeholder"] for x in items if "poin 3 rakor" in x["title"]}
    assert point3 == {s["id"] for s in data["stakeholders"]}
    assert run("check").exit_code == 0
