"""A journal keeps its own time and its own history: the store times every event, a tamper-evident chain
names what was rewritten, and rows or a schema pilkada did not write are reported, never a traceback."""

import json
import multiprocessing
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timezone

import pytest

from pilkada_cli.model import NewEvent
from pilkada_cli.store import chain
from pilkada_cli.store.sqlite import Journal
from pilkada_cli.store.sqlite_schema import MIGRATIONS, _statements

CTX = multiprocessing.get_context("fork")
NOW = datetime(2024, 8, 1, 3, 0, tzinfo=timezone.utc)


# -- time is the store's


def _ticker(path: str, worker: int, count: int) -> None:
    journal = Journal(__import__("pathlib").Path(path))
    for n in range(count):
        journal.append([NewEvent(f"polda/w{worker}-{n}", None, "done", None, f"w{worker}")])


def test_event_times_follow_the_sequence_under_concurrent_writers(tmp_path):
    path = tmp_path / "journal.sqlite3"
    workers = [CTX.Process(target=_ticker, args=(str(path), w, 60)) for w in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    events = Journal(path).events()
    assert len(events) == 240
    assert all(a.ts <= b.ts for a, b in zip(events, events[1:]))  # ordered by id, never older than before
    assert Journal(path).audit() == []


def test_pilkada_now_is_ignored_outside_tests(plan_dir, isolated):
    env = {k: v for k, v in os.environ.items() if k != "PILKADA_TESTING"}
    env["PILKADA_NOW"] = "2099-01-01T00:00:00+00:00"
    result = subprocess.run([sys.executable, "-m", "pilkada_cli", "tick", "apel", "--plan", str(plan_dir)],
                            capture_output=True, text=True, env=env, cwd=isolated)
    assert result.returncode == 0 and "PILKADA_NOW diabaikan" in result.stderr
    events = Journal(plan_dir / ".pilkada" / "journal.sqlite3").events()
    assert events[0].ts.year < 2099 and abs((datetime.now(timezone.utc) - events[0].ts).total_seconds()) < 60


# -- a tamper-evident journal


@pytest.fixture
def journal(plan_dir, run):
    p = str(plan_dir)
    for ref in ("apel", "patroli", "pemetaan-kerawanan"):
        assert run("tick", ref, "--plan", p, "--on", "2024-08-01", "--by", "andi").exit_code == 0
    assert run("status", "--plan", p).exit_code == 0  # brings the projection up to date
    return plan_dir / ".pilkada" / "journal.sqlite3"


def tamper(path, *statements):
    conn = sqlite3.connect(path)
    with conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


def test_an_untouched_journal_checks_clean(run, plan_dir, journal):
    result = run("check", "--plan", str(plan_dir))
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize("statements, message", [
    (["DELETE FROM events WHERE id = 2"], "#3"),
    (["UPDATE events SET actor = 'budi' WHERE id = 1"], "#1"),
    (["UPDATE events SET ts = '2024-07-01T00:00:00.000000+00:00' WHERE id = 2"], "#2"),
    (["INSERT INTO item_state VALUES ('polda/hantu', '', NULL, 1, NULL, NULL, 'x', NULL)"], "polda/hantu"),
    (["UPDATE projection SET upto = 999999"], "#999999"),
])
def test_check_names_what_was_rewritten(run, plan_dir, journal, statements, message):
    tamper(journal, *statements)
    result = run("check", "--plan", str(plan_dir))
    assert result.exit_code == 2 and message in result.stdout, result.stdout


def test_the_summary_prints_the_chain_head(run, plan_dir, journal):
    text = run("summary", "--dry-run", "--plan", str(plan_dir), "--on", "2024-08-02").stdout
    head = Journal(journal).head()
    assert head[0] == 3 and f"kode rantai {head[1][:12]}" in text
    data = json.loads(run("summary", "--dry-run", "--format", "json", "--plan", str(plan_dir),
                          "--on", "2024-08-02").stdout)
    assert data["journal"] == {"last_event": 3, "chain": head[1]}


def test_an_older_journal_is_chained_when_it_is_upgraded(tmp_path):
    path = tmp_path / "journal.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA application_id = 1347109953")
    conn.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, script in MIGRATIONS[:4]:
        for statement in _statements(script):
            conn.execute(statement)
        conn.execute("INSERT INTO migrations VALUES (?, '2024-01-01')", (name,))
    conn.execute("PRAGMA user_version = 4")
    conn.execute("INSERT INTO events (ts, item, region, kind, value, actor, note) VALUES "
                 "('2024-08-01T03:00:00.000000+00:00', 'polda/a', NULL, 'done', NULL, 'lama', NULL)")
    conn.close()
    journal = Journal(path)
    journal.append([NewEvent("polda/b", None, "done", None, "baru")], NOW)
    assert journal.audit() == [] and journal.head()[0] == 2
    events = journal.events()
    assert events[0].recorded_at == events[0].ts  # what an older journal knew of its events' recording
    assert chain.first_break(None, zip(events, journal.chain_hashes())) is None


# -- what pilkada did not write: reported, no traceback


@pytest.mark.parametrize("statement", [
    "INSERT INTO events (ts, item, region, kind, value, actor) VALUES ('garbage', 'polda/apel', NULL, 'done', NULL, 'x')",
    "INSERT INTO events (ts, item, region, kind, value, actor) VALUES "
    "('2024-08-01T03:00:00.000000+00:00', 'polda/apel', NULL, 'progress', 'teks', 'x')",
    "INSERT INTO events (ts, item, region, kind, value, actor) VALUES "
    "('2024-08-01T03:00:00.000000+00:00', 'polda/apel', NULL, 'done', NULL, X'00ff')",
])
def test_rows_no_pilkada_wrote_are_reported(run, plan_dir, journal, statement):
    tamper(journal, statement)
    for args in (["check"], ["log"], ["log", "--json"]):
        result = run(*args, "--plan", str(plan_dir))
        assert result.exit_code in (1, 2) and result.exception is None or isinstance(result.exception, SystemExit)
        assert "#4" in result.output, (args, result.output)
    replay = run("status", "--on", "2024-08-02", "--plan", str(plan_dir))
    assert replay.exception is None or isinstance(replay.exception, SystemExit)


def test_a_journal_whose_schema_does_not_decode_is_reported(run, plan_dir, journal):
    tamper(journal, "PRAGMA writable_schema = ON",
           "UPDATE sqlite_master SET sql = CAST(X'435245415445205441424c4520ff' AS TEXT) WHERE name = 'summaries'")
    result = run("status", "--plan", str(plan_dir))
    assert result.exit_code in (1, 2) and "Traceback" not in result.output
