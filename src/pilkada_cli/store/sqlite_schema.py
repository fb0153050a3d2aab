"""The SQLite journal's schema as named migrations, applied in order and recorded in the journal itself
(never "drop and recreate": the journal is user data), with the Python steps that go with some of them (ids for
the events already there, chaining them), and the queries and row readers that know its columns."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from datetime import datetime, timezone

from pilkada_cli.dates import FIRST_YEAR, LAST_YEAR, from_utc_iso, utc_iso
from pilkada_cli.errors import JournalError
from pilkada_cli.model import KINDS, Event, SummaryRun
from pilkada_cli.store import chain
from pilkada_cli.values import MAX_VALUE

APPLICATION_ID = 0x504B4441  # "PKDA": marks a SQLite file as a pilkada journal

MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0001_events", """
        CREATE TABLE events (
            id     INTEGER PRIMARY KEY AUTOINCREMENT,
            ts     TEXT NOT NULL,              -- UTC, fixed-width ISO: text order is time order
            item   TEXT NOT NULL,              -- full id, stakeholder/item
            region TEXT,                       -- region id for per-region instances, else NULL
            kind   TEXT NOT NULL CHECK (kind IN ('done', 'undone', 'progress', 'note')),
            value  REAL,
            actor  TEXT NOT NULL,
            note   TEXT
        );
        CREATE INDEX events_item ON events (item, region, id);
        CREATE INDEX events_ts ON events (ts);
    """),
    ("0002_summaries", """
        CREATE TABLE summaries (
            id        INTEGER PRIMARY KEY AUTOINCREMENT,
            ts        TEXT NOT NULL,           -- when the summary ran (UTC)
            day       TEXT NOT NULL,           -- the plan day it summarised (ISO date)
            scope     TEXT NOT NULL,           -- the filters it ran with, e.g. 'stakeholder=polda'
            actor     TEXT NOT NULL,
            delivery  TEXT,                    -- 'ok', or why sending failed
            detail    TEXT
        );
        CREATE INDEX summaries_scope ON summaries (scope, day);
    """),
    ("0003_projection", """
        -- Derived, never user data: each item's folded state, so reading today's state does not fold the
        -- whole history. `upto` is the last event folded in; anything newer is folded in on the next read.
        CREATE TABLE item_state (
            item              TEXT NOT NULL,
            region            TEXT NOT NULL DEFAULT '',
            value             REAL,
            done              INTEGER NOT NULL,
            done_at           TEXT,
            value_before_done REAL,
            done_by           TEXT,
            target            REAL,        -- the target the fold used; a plan with another one refolds
            PRIMARY KEY (item, region)
        ) WITHOUT ROWID;
        CREATE TABLE projection (id INTEGER PRIMARY KEY CHECK (id = 1), upto INTEGER NOT NULL);
        INSERT INTO projection (id, upto) VALUES (1, 0);
    """),
    ("0004_summary_upto", """
        -- The last event a summary had seen: the next one reports every event after it, late entries
        -- (tick --on an earlier day) included, whatever time they are dated.
        ALTER TABLE summaries ADD COLUMN upto_event INTEGER;
    """),
    ("0005_chain", """
        -- Each event's hash: sha256 of the previous event's hash and this event's content (store/chain.py),
        -- filled in for the events already recorded by 0008.
        ALTER TABLE events ADD COLUMN hash TEXT;
    """),
    ("0006_event_ids", """
        -- Every event gets a UUID, the same in every journal that holds it (journal import, sync), and the
        -- person an identity recorded it for (--by). Existing events get time-ordered ids when this runs.
        ALTER TABLE events ADD COLUMN uid TEXT;
        ALTER TABLE events ADD COLUMN on_behalf_of TEXT;
    """),
    ("0007_declare_assess", """
        -- Two more kinds: an office's Go/No-Go declaration and a risk reassessment, with their own fields
        -- (the call; the level and stage) as JSON in `detail`. SQLite cannot widen a CHECK constraint in
        -- place: the table is rebuilt inside this migration's transaction, every row and id kept, the
        -- documented way (sqlite.org/lang_altertable.html, "other kinds of table schema changes").
        CREATE TABLE events_v7 (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            ts           TEXT NOT NULL,
            item         TEXT NOT NULL,
            region       TEXT,
            kind         TEXT NOT NULL CHECK (kind IN ('done', 'undone', 'progress', 'note', 'declare', 'assess')),
            value        REAL,
            actor        TEXT NOT NULL,
            note         TEXT,
            hash         TEXT,
            uid          TEXT,
            on_behalf_of TEXT,
            detail       TEXT
        );
        INSERT INTO events_v7 (id, ts, item, region, kind, value, actor, note, hash, uid, on_behalf_of)
            SELECT id, ts, item, region, kind, value, actor, note, hash, uid, on_behalf_of FROM events;
        DROP TABLE events;
        ALTER TABLE events_v7 RENAME TO events;
        CREATE INDEX events_item ON events (item, region, id);
        CREATE INDEX events_ts ON events (ts);
        CREATE UNIQUE INDEX events_uid ON events (uid);
    """),
    ("0008_two_times", """
        -- Spec v3: each event keeps the journal's own clock when it was written beside the moment it speaks
        -- for (`ts`), who brought it in from another journal, and its signature; summary runs are chained too.
        -- Every event is chained anew over all of its fields when this runs (_chain_existing), after the chain it had
        -- is checked; a break found then is noted here, and `check` keeps reporting it.
        ALTER TABLE events ADD COLUMN recorded_at TEXT;
        ALTER TABLE events ADD COLUMN recorded_by TEXT;
        ALTER TABLE events ADD COLUMN signature TEXT;
        UPDATE events SET recorded_at = ts;
        ALTER TABLE summaries ADD COLUMN hash TEXT;
        ALTER TABLE migrations ADD COLUMN note TEXT;
    """),
)

SCHEMA_VERSION = len(MIGRATIONS)

EVENT_QUERY = ("SELECT id, ts, item, region, kind, value, actor, note, uid, on_behalf_of, detail, recorded_at, "
               "recorded_by, signature FROM events")
RAW_QUERY = "SELECT id, ts, item, region, kind, value, actor, note, hash, detail FROM events"  # the first chain's
SUMMARY_QUERY = "SELECT id, ts, day, scope, actor, delivery, detail, upto_event FROM summaries"


def event_of(row: tuple) -> Event:
    """An event from a row of either journal (EVENT_QUERY here, postgres.EVENT_COLUMNS there: the same fields,
    times as text or as the driver's datetimes), checked as every journal checks its rows: one no pilkada could
    have written (wrong types, an unknown kind, a value that is no finite number from 0 to MAX_VALUE, a time
    no date arithmetic survives) is reported, not a crash."""
    try:
        if not (isinstance(row[2], str) and (row[3] is None or isinstance(row[3], str)) and row[4] in KINDS
                and (row[5] is None or (isinstance(row[5], (int, float)) and 0 <= row[5] <= MAX_VALUE))
                and isinstance(row[6], str) and (row[7] is None or isinstance(row[7], str))):
            raise ValueError("types")
        event = Event(row[0], _moment_of(row[1]), *row[2:8], row[8] or "", row[9], row[10],
                      _moment_of(row[11]) if row[11] else None, row[12], row[13])
        if not in_range(event):
            raise ValueError("time")
        return event
    except (ValueError, TypeError, AttributeError, OverflowError):
        raise JournalError("journal.bad_row", id=row[0]) from None


def _moment_of(value: str | datetime) -> datetime:
    return value if isinstance(value, datetime) else from_utc_iso(value)


def in_range(event: Event) -> bool:
    """Times no journal of pilkada writes (spec section 13: no later than its clock plus five minutes) and no
    date arithmetic survives (the year 9999)."""
    return all(moment is None or FIRST_YEAR <= moment.year <= LAST_YEAR for moment in (event.ts, event.recorded_at))


def runs_of(rows: list[tuple]) -> list[SummaryRun]:
    return [SummaryRun(r[0], from_utc_iso(r[1]), *r[2:8]) for r in rows]


def migrate(conn: sqlite3.Connection) -> None:
    """Bring a journal (in its write transaction) to this version's schema."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version >= SCHEMA_VERSION:
        return
    if version == 0:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    now = utc_iso(datetime.now().astimezone())
    for name, script in MIGRATIONS[version:]:
        for statement in _statements(script):
            conn.execute(statement)
        if name == "0006_event_ids":
            for event_id, ts in conn.execute("SELECT id, ts FROM events ORDER BY id").fetchall():
                moment = _moment(ts)
                conn.execute("UPDATE events SET uid = ? WHERE id = ?", (chain.new_uid(moment, event_id), event_id))
            conn.execute("CREATE UNIQUE INDEX events_uid ON events (uid)")
        conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (name, now))
        if name == "0008_two_times":
            _chain_existing(conn, had_chain=version >= 5)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _chain_existing(conn: sqlite3.Connection, had_chain: bool) -> None:
    """Chain every event (and summary run) over all of its fields, after checking the chain it had."""
    if had_chain:
        broken = chain.first_chain_break(conn.execute(RAW_QUERY + " ORDER BY id").fetchall())
        if broken is not None:
            conn.execute("UPDATE migrations SET note = ? WHERE name = '0008_two_times'", (f"chain_broken {broken}",))
    previous = chain.GENESIS
    for row in conn.execute(EVENT_QUERY + " ORDER BY id").fetchall():
        previous = chain.link(previous, None, event_of(row))
        conn.execute("UPDATE events SET hash = ? WHERE id = ?", (previous, row[0]))
    previous = chain.GENESIS
    for run in runs_of(conn.execute(SUMMARY_QUERY + " ORDER BY id").fetchall()):
        previous = chain.summary_link(previous, None, run)
        conn.execute("UPDATE summaries SET hash = ? WHERE id = ?", (previous, run.id))


def _moment(ts: object) -> datetime:
    try:
        return from_utc_iso(str(ts))
    except ValueError:
        return datetime(1970, 1, 1, tzinfo=timezone.utc)


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration, split by SQLite's own tokenizer (comments may hold semicolons);
    executescript() cannot be used, since it commits the migration's transaction."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer
            buffer = ""


BUSY_TIMEOUT_MS = 10_000  # how long a write waits for another writer before it says the journal is locked


def wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL, waiting for other writers as the busy timeout would: SQLite does not call its busy
    handler around this pragma, so the first writers on a new journal would fail at once."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if ("locked" not in text and "busy" not in text) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
