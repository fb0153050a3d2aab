"""Issue 11, findings 5-8: time is the store's, a tamper-evident journal, no traceback ever, and the
smaller ones (WAL under contention, reads on a full disk, STARTTLS, merge keys, line numbers)."""

import json
import multiprocessing
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timezone

import pytest

from conftest import PLAN, write_plan
from pilkada_cli.errors import JournalError
from pilkada_cli.model import NewEvent
from pilkada_cli.store import chain
from pilkada_cli.store.sqlite import Journal
from pilkada_cli.store.sqlite_schema import MIGRATIONS, _statements

CTX = multiprocessing.get_context("fork")
NOW = datetime(2024, 8, 1, 3, 0, tzinfo=timezone.utc)


# -- 5. time is the store's


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


# -- 6. a tamper-evident journal


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


# -- 7. no traceback, ever


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


@pytest.mark.parametrize("patch, message", [
    ("weight: 1" + "0" * 5000, "terlalu panjang"),
    ("weight: 1e300", "weight"),
    ("target: 99999999999999999999", "terlalu besar"),
])
def test_absurd_numbers_in_a_plan(run, isolated, patch, message):
    checklist = f"stakeholder: polda\nitems:\n  - id: a\n    title: A\n    phase: persiapan\n    {patch}\n"
    root = write_plan(isolated / "besar", PLAN, {"polda.yaml": checklist})
    result = run("status", "--plan", str(root))
    assert result.exit_code == 2 and "polda.yaml:6" in result.stderr and message in result.stderr, result.stderr


def test_a_newline_in_mail_from_is_a_recorded_failure(run, isolated):
    root = write_plan(isolated / "surat", PLAN + "notify:\n  mail_from: \"a@b.example\\nBcc: x@evil.example\"\n")
    refused = run("summary", "--plan", str(root), "--on", "2024-08-02", "--mail-to", "ops@polda.example")
    assert refused.exit_code == 2 and "pilkada.yaml:" in refused.stderr  # the plan says it, before 6 a.m.
    root = write_plan(isolated / "surat", PLAN)
    result = run("summary", "--plan", str(root), "--on", "2024-08-02", "--mail-to", "ops@polda.example",
                 env={"PILKADA_MAIL_FROM": "a@b.example\nBcc: x@evil.example"})
    assert result.exit_code == 1 and "Traceback" not in result.output and "tidak sah" in result.stderr
    runs = Journal(root / ".pilkada" / "journal.sqlite3").summary_runs()
    assert runs and runs[-1].delivery and "tidak sah" in runs[-1].delivery


class _LoginServer:
    """A loopback SMTP server that offers AUTH, to see what a client sends."""

    def __enter__(self):
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                return "250 OK"

        def authenticator(server, session, envelope, mechanism, auth_data):
            return AuthResult(success=True)

        from test_summary import free_port

        self.port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port, authenticator=authenticator,
                                     auth_required=False, auth_require_tls=False)
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


def test_a_login_without_starttls_is_refused_unless_chosen(run, plan_dir):
    with _LoginServer() as server:
        env = {"PILKADA_SMTP_HOST": "127.0.0.1", "PILKADA_SMTP_PORT": str(server.port), "PILKADA_SMTP_USER": "ops",
               "PILKADA_SMTP_PASSWORD": "rahasia"}
        refused = run("summary", "--plan", str(plan_dir), "--on", "2024-08-02", "--mail-to", "ops@polda.example",
                      env=env)
        assert refused.exit_code == 1 and "STARTTLS" in refused.stderr
        chosen = run("summary", "--plan", str(plan_dir), "--on", "2024-08-03", "--mail-to", "ops@polda.example",
                     env={**env, "PILKADA_SMTP_STARTTLS": "false"})
        assert chosen.exit_code == 0, chosen.stderr
        assert "tanpa enkripsi" in chosen.stderr
        unicode_password = run("summary", "--plan", str(plan_dir), "--on", "2024-08-04", "--mail-to",
                               "ops@polda.example", env={**env, "PILKADA_SMTP_STARTTLS": "false",
                                                         "PILKADA_SMTP_PASSWORD": "rahasiä€"})
        assert unicode_password.exit_code == 1 and "ASCII" in unicode_password.stderr


# -- 8. the smaller ones


def test_reads_work_when_the_projection_cannot_be_saved(plan_dir, monkeypatch, run):
    p = str(plan_dir)
    assert run("tick", "apel", "--plan", p, "--on", "2024-08-01").exit_code == 0

    import pilkada_cli.store.sqlite as store

    original = store.Journal._project

    def full_disk(self, targets, keys, persist):
        if persist:
            raise JournalError("journal.disk_full", path=str(self.path))
        return original(self, targets, keys, persist)

    monkeypatch.setattr(store.Journal, "_project", full_disk)
    status = run("status", "--json", "--plan", p)
    assert status.exit_code == 0 and json.loads(status.stdout)["counts"]["done"] == 1
    tick = run("tick", "patroli", "--plan", p, "--on", "2024-08-01")
    assert tick.exit_code == 0 and "selesai" in tick.stdout


def test_merge_keys_are_overrides_not_duplicates(run, isolated):
    checklist = ("stakeholder: polda\nitems:\n  - &dasar\n    id: satu\n    title: Satu\n    phase: persiapan\n"
                 "    due: H-100\n  - <<: *dasar\n    id: dua\n    title: Dua\n")
    root = write_plan(isolated / "gabung", PLAN, {"polda.yaml": checklist})
    result = run("list", "--json", "--plan", str(root))
    assert result.exit_code == 0, result.stderr
    assert {x["id"] for x in json.loads(result.stdout)} == {"polda/satu", "polda/dua"}
    duplicate = write_plan(isolated / "ganda", PLAN, {"polda.yaml": checklist.replace("    title: Dua\n",
                                                                                      "    id: tiga\n")})
    assert run("list", "--plan", str(duplicate)).exit_code == 2


def test_too_deep_and_too_big_name_a_line(run, isolated):
    deep = "stakeholder: polda\nitems:\n  - id: a\n    title: A\n    phase: persiapan\n    tags: " + "[" * 3000 + \
        "]" * 3000 + "\n"
    root = write_plan(isolated / "dalam", PLAN, {"polda.yaml": deep})
    result = run("status", "--plan", str(root))
    assert result.exit_code == 2 and "polda.yaml:6" in result.stderr, result.stderr
    big = write_plan(isolated / "besar", PLAN, {"polda.yaml": "# " + "x" * 80 + "\n" * 1})
    with open(big / "checklists" / "polda.yaml", "a") as handle:
        handle.write(("# " + "x" * 100 + "\n") * 60_000)
    result = run("status", "--plan", str(big))
    assert result.exit_code == 2 and "polda.yaml:" in result.stderr and "MB" in result.stderr, result.stderr
