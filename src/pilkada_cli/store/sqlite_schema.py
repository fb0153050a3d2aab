"""The SQLite journal's schema as named migrations, applied in order and recorded in the journal itself
(never "drop and recreate": the journal is user data). Python steps that go with a migration (filling in
hashes or ids for the events already there) are in sqlite.py's _migrate."""

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
        -- Each event's hash: sha256 of the previous event's hash and this event's canonical content
        -- (store/chain.py). Filled in for the events already recorded when the migration runs.
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
)
