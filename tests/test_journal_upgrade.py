"""Journals written before spec v3 are upgraded in place: every event keeps its fields and gets its second time,
the chain it had is checked and every event chained anew over all of its fields; a break found then is noted,
and `check` keeps reporting it. The SQLite journal on its next write, a PostgreSQL database on `db init`."""

import hashlib
import json
import sqlite3
import uuid

import pytest

from conftest import PLAN, write_plan
from pilkada_cli.store import chain

EVENTS = [  # (ts, item, kind, value, actor, note)
    ("2024-08-01T03:00:00.000000+00:00", "polda/apel", "done", None, "lama", None),
    ("2024-08-02T03:00:00.000000+00:00", "kpu/nphd", "progress", 40.0, "lama", "tahap 1"),
    ("2024-08-03T03:00:00.000000+00:00", "kpu/nphd", "progress", 100.0, "lama", None),
]


def first_chain(rows):
    """The hashes the first chain gave rows (id, ts, item, region, kind, value, actor, note)."""
    previous, hashes = chain.GENESIS, []
    for row in rows:
        text = json.dumps(list(row), ensure_ascii=False, separators=(",", ":"), default=repr, allow_nan=True)
        previous = hashlib.sha256(previous.encode() + b"\n" + text.encode()).hexdigest()
        hashes.append(previous)
    return hashes


def older_sqlite_journal(path, tamper=False):
    """A journal as pilkada wrote it before spec v3 (schema 7), its chain intact or edited since."""
    from pilkada_cli.store.sqlite_schema import APPLICATION_ID, MIGRATIONS, _statements

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, script in MIGRATIONS[:7]:
        for statement in _statements(script):
            conn.execute(statement)
        conn.execute("INSERT INTO migrations VALUES (?, '2024-01-01')", (name,))
    rows = [(n, ts, item, None, kind, value, actor, note) for n, (ts, item, kind, value, actor, note) in
            enumerate(EVENTS, 1)]
    for row, hashed in zip(rows, first_chain(rows)):
        conn.execute("INSERT INTO events (id, ts, item, region, kind, value, actor, note, hash, uid) VALUES "
                     "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (*row, hashed, str(uuid.uuid4())))
    if tamper:
        conn.execute("UPDATE events SET note = 'diubah' WHERE id = 2")
    conn.execute("PRAGMA user_version = 7")
    conn.close()


@pytest.mark.parametrize("tamper", [False, True])
def test_an_older_sqlite_journal_is_chained_anew_on_its_next_write(run, plan_dir, tamper):
    journal = plan_dir / ".pilkada" / "journal.sqlite3"
    journal.parent.mkdir()
    older_sqlite_journal(journal, tamper)
    assert run("tick", "patroli", "--plan", str(plan_dir), "--on", "2024-08-04").exit_code == 0
    entries = json.loads(run("log", "--json", "--plan", str(plan_dir)).stdout)
    assert [e["item"] for e in entries] == ["polda/apel", "kpu/nphd", "kpu/nphd", "polda/patroli"]
    assert entries[0]["recorded_at"] == "2024-08-01T03:00:00.000000+00:00"  # what it knew of its recording
    checked = run("check", "--plan", str(plan_dir))
    if tamper:
        assert checked.exit_code == 2 and "#2 sebelum jurnal ditingkatkan" in checked.stdout, checked.stdout
    else:
        assert checked.exit_code == 0, checked.stdout


@pytest.mark.parametrize("tamper", [False, True])
def test_an_older_database_is_upgraded_by_db_init(run, isolated, pg_url, tamper):
    """A database at the last schema before spec v3: events chained by their clients, a projection folded only
    up to where a reader left it. `db init` chains them anew, folds every state, and takes writes away."""
    import psycopg

    from pilkada_cli.store.pg_schema import MIGRATIONS

    name = f"pilkada_test_upgrade_{uuid.uuid4().hex[:8]}"
    server = pg_url.rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = f"{server}/{name}"
    try:
        plan_id = "lama"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE public.pilkada_migrations (name text PRIMARY KEY, "
                         "applied_at timestamptz NOT NULL DEFAULT now())")
            for migration, script in MIGRATIONS[:4]:
                conn.execute(script)
                conn.execute("INSERT INTO public.pilkada_migrations (name) VALUES (%s)", (migration,))
            rows = [(n, ts, item, None, kind, value, actor, note) for n, (ts, item, kind, value, actor, note) in
                    enumerate(EVENTS, 1)]
            for row, hashed in zip(rows, first_chain(rows)):
                conn.execute("INSERT INTO public.pilkada_events (seq, uid, plan, ts, item, region, kind, value, actor, "
                             "note, hash) VALUES (%s, gen_random_uuid(), %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                             (row[0], plan_id, *row[1:], hashed))
            conn.execute("SELECT setval('pilkada_events_seq_seq', 3)")
            if tamper:
                conn.execute("UPDATE public.pilkada_events SET note = 'diubah' WHERE seq = 2")
            # a reader had folded the first event only
            conn.execute("INSERT INTO public.pilkada_item_state (plan, item, region, done, done_at) VALUES "
                         "(%s, 'polda/apel', '', true, '2024-08-01T03:00:00.000000+00:00')", (plan_id,))
            conn.execute("INSERT INTO public.pilkada_projection VALUES (%s, 1)", (plan_id,))
        root = write_plan(isolated / "lama", PLAN.replace("name: Rencana Uji", f"id: {plan_id}\nname: Rencana Uji"))
        env = {"PILKADA_DATABASE_URL": url}
        upgraded = run("db", "init", "--plan", str(root), env=env)
        assert upgraded.exit_code == 0 and "0005_server_decides" in upgraded.stdout, upgraded.output
        checked = run("check", "--plan", str(root), env=env)
        if tamper:
            assert checked.exit_code == 2 and "#2 sebelum jurnal ditingkatkan" in checked.stdout, checked.stdout
            return
        assert checked.exit_code == 0, checked.stdout
        items = {x["id"]: x for x in json.loads(run("status", "--json", "--plan", str(root), env=env).stdout)["items"]}
        assert items["kpu/nphd"]["state"] == "done" and items["polda/apel"]["state"] == "done"
        assert run("tick", "patroli", "--plan", str(root), env=env).exit_code == 0
        assert run("check", "--plan", str(root), env=env).exit_code == 0
        with psycopg.connect(url, autocommit=True) as conn:
            assert not conn.execute("SELECT has_table_privilege('pilkada_writer', 'public.pilkada_events', "
                                    "'INSERT')").fetchone()[0]
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_an_older_journal_is_upgraded_when_first_read_and_a_read_only_one_says_who_can(run, plan_dir,
                                                                                         monkeypatch):
    """Reading needs this version's schema: an older journal is brought up to date by its first reader, and one
    that reader may not write is refused with a message naming the way out (not read by an older query)."""
    from pilkada_cli.errors import JournalError
    from pilkada_cli.store.sqlite import Journal
    from pilkada_cli.store.sqlite_schema import SCHEMA_VERSION

    journal = plan_dir / ".pilkada" / "journal.sqlite3"
    journal.parent.mkdir()
    older_sqlite_journal(journal)
    connect = Journal._connect

    def read_only(self, *, write, immutable=False):  # as the file is to someone who may only read it
        if write:
            raise JournalError("journal.readonly", path=str(self.path))
        return connect(self, write=write, immutable=immutable)

    with monkeypatch.context() as patched:
        patched.setattr(Journal, "_connect", read_only)
        refused = run("status", "--plan", str(plan_dir), "--on", "2024-08-04")
    assert refused.exit_code == 1 and "versi pilkada yang lebih lama" in refused.output, refused.output
    assert sqlite3.connect(journal).execute("PRAGMA user_version").fetchone()[0] == 7
    entries = json.loads(run("log", "--json", "--plan", str(plan_dir)).stdout)
    assert [e["item"] for e in entries] == ["polda/apel", "kpu/nphd", "kpu/nphd"]
    assert sqlite3.connect(journal).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
