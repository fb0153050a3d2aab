"""Numbers as a user types them: read the way the output language writes them (9.877 in Indonesian, 9,877 in
English), refused when they read two ways or make no sense, recorded as shown, and never invalid JSON."""

import json

import pytest

from conftest import write_plan



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
