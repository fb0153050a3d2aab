"""The journal: an append-only SQLite record of ticks, values, undos and notes (spec section 5).

Nothing is ever deleted or rewritten: undo appends an event, events of items that left the plan stay.
WAL mode and a busy timeout let several coordinators tick on one server at once; every write is one
IMMEDIATE transaction, so a crash leaves whole events only. Schema changes are named migrations recorded
in the database; a journal from a newer version, or a file that is not a journal, is refused untouched."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from pilkada_cli.dates import from_utc_iso, utc_iso
from pilkada_cli.errors import JournalError
from pilkada_cli.model import KINDS, Event, ItemState, NewEvent, SummaryRun, instance_key
from pilkada_cli.store import chain, projection
from pilkada_cli.store.projection import split as _split
from pilkada_cli.store.base import Check
from pilkada_cli.store.fold import fold, fold_order
from pilkada_cli.store.sqlite_schema import MIGRATIONS

APPLICATION_ID = 0x504B4441  # "PKDA": marks a SQLite file as a pilkada journal
BUSY_TIMEOUT_MS = 10_000

SCHEMA_VERSION = len(MIGRATIONS)


class Journal:
    """A journal file; opening it never creates it (only a write does)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    # -- connections

    def _connect(self, *, write: bool, immutable: bool = False) -> sqlite3.Connection:
        try:
            if write:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._create_with_umask()
            if immutable:
                # Someone who may read but not write the journal's folder cannot create the WAL index
                # SQLite needs; reading the file as immutable needs neither locks nor that index.
                target = "file:" + quote(str(self.path.resolve())) + "?immutable=1"
                conn = sqlite3.connect(target, uri=True, isolation_level=None)
            else:
                conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except PermissionError:
            raise JournalError("journal.readonly", path=str(self.path)) from None
        except (sqlite3.Error, OSError) as exc:
            raise self._translate(exc) from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._verify(conn)
            if write:
                self._wal(conn)
                conn.execute("PRAGMA synchronous = FULL")
        except JournalError:
            conn.close()
            raise
        except (sqlite3.Error, UnicodeError) as exc:  # a damaged schema may not even decode
            conn.close()
            raise self._translate(exc) from None
        return conn

    @staticmethod
    def _wal(conn: sqlite3.Connection) -> None:
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

    def _create_with_umask(self) -> None:
        """Create the journal file ourselves, with the mode the user's umask allows (0664 under umask 002),
        in the folder's group (a setgid folder passes it on). SQLite would create it 0644 whatever the umask,
        and a second coordinator could not write it; its WAL and SHM files copy the journal's mode."""
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
        except FileExistsError:
            return
        os.close(fd)

    def _verify(self, conn: sqlite3.Connection) -> None:
        """Refuse files that are not our journal, or come from a newer version; never repair them.
        One statement, so one snapshot: a journal another process is creating right now looks either empty
        or complete, never half-made."""
        app_id, version, tables = conn.execute(
            "SELECT (SELECT application_id FROM pragma_application_id()), "
            "(SELECT user_version FROM pragma_user_version()), (SELECT count(*) FROM sqlite_master)").fetchone()
        if app_id != APPLICATION_ID and (tables or app_id):
            raise JournalError("journal.not_a_journal", path=str(self.path))
        if version > SCHEMA_VERSION:
            raise JournalError("journal.too_new", path=str(self.path), version=version, known=SCHEMA_VERSION)

    def _translate(self, exc: BaseException) -> JournalError:
        if isinstance(exc, UnicodeError):
            return JournalError("journal.not_a_journal", path=str(self.path))
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            return JournalError("journal.locked", path=str(self.path))
        if "readonly" in text or "read-only" in text or "unable to open" in text or "permission" in text:
            return JournalError("journal.readonly", path=str(self.path))
        if "full" in text or "no space" in text:
            return JournalError("journal.disk_full", path=str(self.path))
        if "i/o error" in text:
            return JournalError("journal.io_error", path=str(self.path))
        if "not a database" in text or "malformed" in text or "encrypted" in text:
            return JournalError("journal.not_a_journal", path=str(self.path))
        return JournalError("journal.failed", path=str(self.path), reason=str(exc))

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect(write=True)
        try:
            conn.execute("BEGIN IMMEDIATE")
            self._migrate(conn)
            yield conn
            conn.execute("COMMIT")
        except (sqlite3.Error, UnicodeError) as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise self._translate(exc) from None
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            conn.close()

    def _migrate(self, conn: sqlite3.Connection) -> None:
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
            if name == "0005_chain":
                self._chain_existing(conn)
            if name == "0006_event_ids":
                for event_id, ts in conn.execute("SELECT id, ts FROM events ORDER BY id").fetchall():
                    moment = _moment(ts)
                    conn.execute("UPDATE events SET uid = ? WHERE id = ?", (chain.new_uid(moment, event_id), event_id))
                conn.execute("CREATE UNIQUE INDEX events_uid ON events (uid)")
            conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (name, now))
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @staticmethod
    def _chain_existing(conn: sqlite3.Connection) -> None:
        previous = chain.GENESIS
        for row in conn.execute("SELECT id, ts, item, region, kind, value, actor, note FROM events "
                                "ORDER BY id").fetchall():
            previous = chain.link(previous, row)
            conn.execute("UPDATE events SET hash = ? WHERE id = ?", (previous, row[0]))

    @contextmanager
    def _reader(self) -> Iterator[sqlite3.Connection | None]:
        if not self.path.exists():
            yield None
            return
        try:
            conn = self._connect(write=False)
        except JournalError as exc:
            if exc.key != "journal.readonly":
                raise
            conn = self._connect(write=False, immutable=True)
        try:
            if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
                yield None  # created but never written: nothing recorded yet
            else:
                yield conn
        except (sqlite3.Error, UnicodeError) as exc:
            raise self._translate(exc) from None
        finally:
            conn.close()

    # -- reading

    def events(self, until: datetime | None = None, *, since: datetime | None = None,
               upto_event: int | None = None, after_event: int | None = None) -> list[Event]:
        """Every event in the order written, optionally only those before `until` / from `since` on / recorded
        no later than event number `upto_event` / recorded after event number `after_event`."""
        with self._reader() as conn:
            if conn is None:
                return []
            query = _event_query(conn.execute("PRAGMA user_version").fetchone()[0])
            clauses, params = [], []
            if until is not None:
                clauses.append("ts < ?")
                params.append(utc_iso(until))
            if since is not None:
                clauses.append("ts >= ?")
                params.append(utc_iso(since))
            if upto_event is not None:
                clauses.append("id <= ?")
                params.append(upto_event)
            if after_event is not None:
                clauses.append("id > ?")
                params.append(after_event)
            if clauses:
                query += " WHERE " + " AND ".join(clauses)
            rows = conn.execute(query + " ORDER BY id", params).fetchall()
        return [_event(r) for r in rows]

    def summary_runs(self, scope: str | None = None) -> list[SummaryRun]:
        """The recorded summary runs for one scope (or all), oldest first."""
        with self._reader() as conn:
            if conn is None:
                return []
            # A read-only journal of an older schema has no upto_event: those runs compare by time.
            upto = "upto_event" if conn.execute("PRAGMA user_version").fetchone()[0] >= 4 else "NULL"
            query = f"SELECT id, ts, day, scope, actor, delivery, detail, {upto} FROM summaries"
            rows = conn.execute(query + (" WHERE scope = ? ORDER BY id" if scope is not None else " ORDER BY id"),
                                (scope,) if scope is not None else ()).fetchall()
        return [SummaryRun(r[0], from_utc_iso(r[1]), *r[2:8]) for r in rows]

    # -- writing

    def append(self, new_events: list[NewEvent], now: datetime | None = None, *,
               check: Check | None = None) -> list[Event]:
        """Append events in one transaction. `check(current_events, requested)` may trim them under the lock.

        The time is the store's, read inside the write lock, never earlier than the last event's, so events
        are in time order as they are in sequence; `now` is given only for a late entry (--on a past day) or
        a test clock. Each event extends the hash chain."""
        with self._transaction() as conn:
            if check is not None:
                new_events = check(_Within(self, conn), new_events)
            last = conn.execute("SELECT id, ts, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
            stamp = utc_iso(now) if now is not None else max(utc_iso(datetime.now(timezone.utc)),
                                                              last[1] if last else "")
            previous = last[2] if last and last[2] else chain.GENESIS
            # The ids are given, not left to AUTOINCREMENT, so each row goes in whole with its chain hash, all
            # in one statement; under the write lock, the next id is past the last one ever used.
            used = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'").fetchone()
            first = max(last[0] if last else 0, used[0] if used else 0) + 1
            rows, written = [], []
            for number, event in enumerate(new_events, first):
                ts = utc_iso(event.at) if event.at is not None else stamp
                uid = event.uid or chain.new_uid()
                row = (number, ts, event.item, event.region, event.kind, event.value, event.actor, event.note)
                previous = chain.link(previous, chain.content(row, event.detail))
                rows.append((*row, uid, event.on_behalf_of, event.detail, previous))
                written.append(Event(number, from_utc_iso(ts), event.item, event.region, event.kind,
                                     event.value, event.actor, event.note, uid, event.on_behalf_of, event.detail))
            conn.executemany("INSERT INTO events (id, ts, item, region, kind, value, actor, note, uid, on_behalf_of, "
                             "detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        return written

    def identity(self) -> str:
        """The operating-system login of the process (its user id), never an environment variable: whoever
        can write the file can write the journal, so with SQLite this identity is advisory (README)."""
        try:
            import pwd

            return pwd.getpwuid(os.geteuid()).pw_name
        except (ImportError, KeyError):
            import getpass

            try:
                return getpass.getuser()
            except Exception:  # no login name in some containers
                return f"uid-{os.geteuid()}" if hasattr(os, "geteuid") else "unknown"

    def known_uids(self) -> set[str]:
        """The ids of every event held (what an import or a sync need not add)."""
        with self._reader() as conn:
            if conn is None or conn.execute("PRAGMA user_version").fetchone()[0] < 6:
                return set()
            return {row[0] for row in conn.execute("SELECT uid FROM events")}

    def events_for(self, keys: set[tuple[str, str | None]]) -> list[Event]:
        """Every event of these (item, region) pairs, in fold order."""
        with self._reader() as conn:
            if conn is None:
                return []
            return self._events_in(conn, keys, _event_query(conn.execute("PRAGMA user_version").fetchone()[0]))

    def _events_in(self, conn: sqlite3.Connection, keys: set[tuple[str, str | None]],
                   query: str | None = None) -> list[Event]:
        _wanted(conn, keys)
        rows = conn.execute((query or EVENT_QUERY) + " WHERE id IN (SELECT e.id FROM temp.wanted w CROSS JOIN events e "
                            "ON e.item = w.item AND e.region IS w.region)").fetchall()
        return sorted(map(_event, rows), key=fold_order)

    def record_summary(self, now: datetime | None, day: str, scope: str, actor: str, delivery: str | None,
                       detail: str | None = None) -> None:
        with self._transaction() as conn:
            stamp = utc_iso(now if now is not None else datetime.now(timezone.utc))
            conn.execute("INSERT INTO summaries (ts, day, scope, actor, delivery, detail, upto_event) "
                         "VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(id), 0) FROM events))",
                         (stamp, day, scope, actor, delivery, detail))

    def head(self) -> tuple[int, str] | None:
        """The last event's number and its chain hash: what a summary prints so history cannot be rewritten
        unnoticed."""
        with self._reader() as conn:
            if conn is None or conn.execute("PRAGMA user_version").fetchone()[0] < 5:
                return None
            row = conn.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
        return (row[0], row[1] or "") if row else None

    def current_states(self, targets: dict[str, float | None],
                       keys: list[str] | None = None) -> dict[str, "ItemState"]:
        """Items' states now, from the projection, folding in any events written since it was last brought
        up to date (and persisting that, where the journal is writable). `targets` maps full item ids to the
        plan's current targets; an item whose state was folded with another target is refolded. With `keys`,
        only those items' states are read (a tick needs a few, not the whole plan's)."""
        if not self.path.exists():
            return {}
        try:
            return self._project(targets, keys, persist=True)
        except JournalError as exc:
            # The projection is derived: when it cannot be saved (read-only, a full disk, a failing disk, a
            # writer holding the lock too long), the states are folded in memory and the command goes on.
            if exc.key not in ("journal.readonly", "journal.disk_full", "journal.io_error", "journal.locked"):
                raise
            return self._project(targets, keys, persist=False)

    def _project(self, targets: dict[str, float | None], keys: list[str] | None,
                 persist: bool) -> dict[str, "ItemState"]:
        if persist:
            with self._transaction() as conn:
                return self._project_in(conn, targets, keys, persist=True)
        with self._reader() as conn:
            if conn is None:
                return {}
            if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                states = fold(self.events(), targets)  # an older, read-only journal: fold in memory
                return states if keys is None else {k: states[k] for k in keys if k in states}
            return self._project_in(conn, targets, keys, persist=False)

    def _project_in(self, conn: sqlite3.Connection, targets: dict[str, float | None], keys: list[str] | None,
                    persist: bool) -> dict[str, "ItemState"]:
        upto = conn.execute("SELECT upto FROM projection").fetchone()[0]
        newer = sorted((_event(r) for r in conn.execute(EVENT_QUERY + " WHERE id > ? ORDER BY id", (upto,))),
                       key=fold_order)
        # An event that folds before one already folded (a late entry, an imported one) means refolding its
        # item from all of its events: the fold order is time, then id, not the order of arrival.
        late: set[str] = set()
        first_new = {e.key: e for e in reversed(newer)}
        # Writes are timed no earlier than the last event: only an event no later than the latest one folded
        # (a late entry, an import, or one in the same instant) can fold before it.
        latest = conn.execute("SELECT ts FROM events WHERE id <= ? ORDER BY ts DESC LIMIT 1",
                              (upto,)).fetchone() if first_new else None
        maybe_late = [e for e in first_new.values() if latest and utc_iso(e.ts) <= latest[0]]
        if maybe_late:
            _wanted(conn, {(e.item, e.region) for e in maybe_late})
            for item, region, folded in conn.execute(
                    "SELECT e.item, e.region, max(e.ts) FROM temp.wanted w CROSS JOIN events e ON e.item = w.item "
                    "AND e.region IS w.region WHERE e.id <= ? GROUP BY e.item, e.region", (upto,)):
                key = instance_key(item, region)
                if folded >= utc_iso(first_new[key].ts):
                    late.add(key)
        if keys is None:
            rows = conn.execute(f"SELECT {projection.ROW.format(p='')} FROM item_state").fetchall()
        else:
            _wanted(conn, {_split(key) for key in set(keys) | set(first_new)})
            rows = conn.execute(f"SELECT {projection.ROW.format(p='s.')} FROM temp.wanted w CROSS JOIN item_state s "
                                "ON s.item = w.item AND s.region = coalesce(w.region, '')").fetchall()
        states, used, retargeted = projection.load(rows, targets)

        def events_of(key: str) -> list[Event]:
            item, region = _split(key)
            return [_event(r) for r in conn.execute(EVENT_QUERY + " WHERE item = ? AND region IS ?",
                                                    (item, region or None))]

        changed = projection.advance(states, used, newer, late, targets, events_of, retargeted)
        if persist and (changed or newer):
            conn.executemany(
                "INSERT OR REPLACE INTO item_state (item, region, value, done, done_at, value_before_done, done_by,"
                " target) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(*_split(key), st.value, int(st.done), st.done_at, st.value_before_done, st.done_by, used[key])
                 for key in changed for st in (states[key],)])
            if newer:
                conn.execute("UPDATE projection SET upto = ?", (newer[-1].id,))
        if keys is not None:
            return {key: states[key] for key in keys if key in states}
        return states

    def audit(self) -> list[tuple[str, dict]]:
        """What does not fit: rows no pilkada could have written, the first event off the hash chain, and a
        projection (derived state) that is not the fold of the events it claims to cover. Read-only."""
        problems: list[tuple[str, dict]] = []
        with self._reader() as conn:
            if conn is None:
                return problems
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            raw = RAW_QUERY if version >= 7 else RAW_QUERY.replace(", detail FROM", ", NULL FROM")
            rows = conn.execute(raw + " ORDER BY id").fetchall() if version >= 5 else []
            records = conn.execute(_event_query(version) + " ORDER BY id").fetchall()
            stored = conn.execute("SELECT item, region, value, done, done_at, value_before_done, done_by, target "
                                  "FROM item_state").fetchall() if version >= 3 else []
            upto = conn.execute("SELECT upto FROM projection").fetchone()[0] if version >= 3 else 0
        events: list[Event] = []
        for row in records:
            try:
                events.append(_event(row))
            except JournalError as exc:
                problems.append((exc.key, exc.params))
        if version >= 5:
            broken = chain.first_break(rows)
            if broken is not None:
                problems.append(("journal.chain_broken", {"id": broken}))
        problems += projection.compare(stored, upto, records[-1][0] if records else 0, events)
        return problems

    def integrity_ok(self) -> bool:
        """SQLite's own integrity check (used by `pilkada check`)."""
        with self._reader() as conn:
            if conn is None:
                return True
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


EVENT_QUERY = "SELECT id, ts, item, region, kind, value, actor, note, uid, on_behalf_of, detail FROM events"
RAW_QUERY = "SELECT id, ts, item, region, kind, value, actor, note, hash, detail FROM events"


class _Within:
    """A check's reads inside the write transaction: states from the projection (brought up to date and saved
    in the same transaction), events through the temporary table of wanted items."""

    def __init__(self, journal: Journal, conn: sqlite3.Connection) -> None:
        self.journal, self.conn = journal, conn

    def states(self, keys: list[str], targets: dict[str, float | None]) -> dict[str, ItemState]:
        return self.journal._project_in(self.conn, targets, keys, persist=True)

    def events(self, keys: set[tuple[str, str | None]]) -> list[Event]:
        return self.journal._events_in(self.conn, keys)


def _wanted(conn: sqlite3.Connection, keys: set[tuple[str, str | None]] | set[tuple[str, str]]) -> None:
    """Fill the connection's temporary table of (item, region) pairs, which queries join to look up many items
    in one statement (a bulk tick of 20,000 lines) rather than one statement per item."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (item TEXT NOT NULL, region TEXT)")
    conn.execute("DELETE FROM temp.wanted")
    conn.executemany("INSERT INTO temp.wanted VALUES (?, ?)", ((item, region or None) for item, region in keys))


def _event_query(version: int) -> str:
    """EVENT_QUERY, or its equivalent for a read-only journal of an older schema."""
    if version >= 7:
        return EVENT_QUERY
    if version >= 6:
        return "SELECT id, ts, item, region, kind, value, actor, note, uid, on_behalf_of, NULL FROM events"
    return "SELECT id, ts, item, region, kind, value, actor, note, NULL, NULL, NULL FROM events"


def _event(row: tuple) -> Event:
    """An event from a row of EVENT_QUERY; a row no pilkada could have written is reported, not a crash."""
    try:
        if not (isinstance(row[2], str) and (row[3] is None or isinstance(row[3], str)) and row[4] in KINDS
                and (row[5] is None or isinstance(row[5], (int, float))) and isinstance(row[6], str)
                and (row[7] is None or isinstance(row[7], str))):
            raise ValueError("types")
        return Event(row[0], from_utc_iso(row[1]), *row[2:8], row[8] or "", row[9], row[10])
    except (ValueError, TypeError, AttributeError):
        raise JournalError("journal.bad_row", id=row[0]) from None


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

