"""The journal: an append-only SQLite record of ticks, values, undos and notes (spec section 5). Nothing is
ever deleted or rewritten: undo appends an event, events of items that left the plan stay. WAL mode and a busy
timeout let several coordinators tick on one server at once; every write is one IMMEDIATE transaction, so a
crash leaves whole events only. Schema changes are named migrations recorded in the database (an older
journal is upgraded by its first reader); one from a newer version, or a file that is no journal, is refused."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from collections.abc import Callable

from pilkada_cli.dates import AHEAD, utc_iso
from pilkada_cli.errors import BadInput, JournalError
from pilkada_cli.values import MAX_VALUE
from pilkada_cli.model import EMPTY, Event, ItemState, NewEvent, SummaryRun, instance_key, target_for
from pilkada_cli.store import chain, projection
from pilkada_cli.store.base import Ask, Count, Reading, Ticked
from pilkada_cli.store.projection import split as _split
from pilkada_cli.store.fold import fold_order
from pilkada_cli.store.sqlite_schema import (APPLICATION_ID, EVENT_QUERY, SCHEMA_VERSION, SUMMARY_QUERY,
                                             BUSY_TIMEOUT_MS, event_of as _event, migrate, runs_of as _runs, wal)




class Journal:
    """A journal file; opening it never creates it (only a write does). `clock` is the journal's own clock
    (a test's fixed one; the machine's by default): what `recorded_at` says."""

    def __init__(self, path: Path, clock: Callable[[], datetime] | None = None) -> None:
        self.path = path
        self._clock = clock or (lambda: datetime.now(timezone.utc))

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
                wal(conn)
                conn.execute("PRAGMA synchronous = FULL")
        except JournalError:
            conn.close()
            raise
        except (sqlite3.Error, UnicodeError) as exc:  # a damaged schema may not even decode
            conn.close()
            raise self._translate(exc) from None
        return conn

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
            migrate(conn)
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
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if 0 < version < SCHEMA_VERSION:  # an older version's journal: brought up to date once, then read
                conn.close()
                self._upgrade()
                conn = self._connect(write=False)
            if version == 0:
                yield None  # created but never written: nothing recorded yet
            else:
                yield conn
        except (sqlite3.Error, UnicodeError) as exc:
            raise self._translate(exc) from None
        finally:
            conn.close()

    def _upgrade(self) -> None:
        """Migrate an older version's journal (sqlite_schema.migrate) before it is read; one that may not be
        written cannot be read either, and the message says who can fix that."""
        try:
            with self._transaction():
                pass
        except JournalError as exc:
            if exc.key == "journal.readonly":
                raise JournalError("journal.old_readonly", path=str(self.path)) from None
            raise

    # -- reading

    def events(self, until: datetime | None = None, *, since: datetime | None = None,
               upto_event: int | None = None, after_event: int | None = None,
               kinds: tuple[str, ...] | None = None) -> list[Event]:
        """Every event in the order written, optionally only those before `until` / from `since` on / recorded
        no later than event number `upto_event` / after event number `after_event` / of `kinds`."""
        with self._reader() as conn:
            if conn is None:
                return []
            query = EVENT_QUERY
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
            if kinds is not None:
                clauses.append("kind IN (SELECT value FROM json_each(?))")
                params.append(json.dumps(list(kinds)))
            if clauses:
                query += " WHERE " + " AND ".join(clauses)
            rows = conn.execute(query + " ORDER BY id", params).fetchall()
        return [_event(r) for r in rows]

    def read(self, targets: dict[str, float | None] | None, *, keys: list[str] | None = None,
             events: tuple | None = None, runs: bool = False, head: bool = False, count: Count | None = None
             ) -> Reading:
        from pilkada_cli.store import sqlite_tally  # the SQL of the count

        counted = sqlite_tally.count(self, count, targets or {}) if count is not None else None
        found = self.events(until=events[0], kinds=events[1]) if events else []
        return Reading(self.current_states(targets, keys) if targets is not None else None, found,
                       self.summary_runs() if runs else [], self.head() if head else None, counted)

    def touched(self, since: datetime | None, after_event: int | None) -> list[Event]:
        with self._reader() as conn:
            if conn is None:
                return []
            rows = conn.execute(EVENT_QUERY + " WHERE (item, coalesce(region, '')) IN (SELECT item, "
                                "coalesce(region, '') FROM events WHERE ts >= ? OR id > ?)",
                                (utc_iso(since) if since else None, after_event)).fetchall()
        return sorted(map(_event, rows), key=fold_order)

    def summary_runs(self, scope: str | None = None) -> list[SummaryRun]:
        """The recorded summary runs for one scope (or all), oldest first."""
        with self._reader() as conn:
            if conn is None:
                return []
            # A read-only journal of an older schema has no upto_event: those runs compare by time.
            query = SUMMARY_QUERY if conn.execute("PRAGMA user_version").fetchone()[0] >= 4 else \
                SUMMARY_QUERY.replace("upto_event", "NULL")
            rows = conn.execute(query + (" WHERE scope = ? ORDER BY id" if scope is not None else " ORDER BY id"),
                                (scope,) if scope is not None else ()).fetchall()
        return _runs(rows)

    # -- writing

    def append(self, new_events: list[NewEvent], at: datetime | None = None, *, imported: bool = False,
               signer=None) -> int:
        with self._transaction() as conn:
            return len(self._write(conn, new_events, at, imported, signer))

    def tick(self, asks: list[Ask], *, undo: bool, note: str | None, on_behalf_of: str | None, at: datetime | None,
             targets: dict, show: list[str], signer=None) -> tuple[list[Ticked], dict[str, ItemState]]:
        from pilkada_cli.store.tick import decide

        with self._transaction() as conn:
            keys = [instance_key(ask.item, ask.region) for ask in asks]
            states = self._project_in(conn, targets, keys, persist=True)
            # only an open quantitative item's undo needs its history: which value to go back to
            open_values = {(a.item, a.region) for a, key in zip(asks, keys) if undo and target_for(
                targets, a.item, a.region) is not None and not states.get(key, ItemState()).done}
            history = self._events_in(conn, open_values) if open_values else []
            actor = signer.identity if signer is not None else self.identity()
            chosen, outcomes = decide(asks, states, history, undo, note, targets, actor, on_behalf_of)
            self._write(conn, chosen, at, False, signer)
            after = self._project_in(conn, targets, list(dict.fromkeys(keys + list(show))), persist=True)
            ticked = [Ticked(ask.item, ask.region, outcome, states.get(key, EMPTY), after.get(key, EMPTY))
                      for (ask, outcome), key in zip(outcomes, keys)]
            return ticked, {key: after[key] for key in show if key in after}

    def _write(self, conn: sqlite3.Connection, new_events: list[NewEvent], at: datetime | None,
               imported: bool, signer=None) -> list[Event]:
        """Append events in the open write transaction: numbered, timed and chained by the journal, and signed
        by `signer` (whose identity is then their actor) where one is given. An event whose id is held already is
        skipped when it is the same, refused when it is not; one dated more than AHEAD past the journal's clock is
        refused."""
        clock = self._clock()  # read under the write lock: what an event written now speaks for, and when it was
        last = conn.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
        previous = last[1] if last and last[1] else chain.GENESIS
        # The ids are given, not left to AUTOINCREMENT, so each row goes in whole with its chain hash, all
        # in one statement; under the write lock, the next id is past the last one ever used.
        used = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'").fetchone()
        number = max(last[0] if last else 0, used[0] if used else 0)
        identity = self.identity()
        held = _held(conn, [event.uid for event in new_events if event.uid])
        rows, written = [], []
        for index, event in enumerate(new_events):
            moment = event.at or at or clock
            if moment > clock + AHEAD:
                raise BadInput("refused.bad_time", index=index, at=utc_iso(moment), now=utc_iso(clock))
            if event.value is not None and not 0 <= event.value <= MAX_VALUE:  # as the server's functions refuse
                raise BadInput("refused.bad_value", value=str(event.value), item=event.item)
            if event.uid in held:
                if held[event.uid] != _content(event, moment):
                    raise BadInput("refused.other_content", index=index, id=event.uid)
                continue
            number += 1
            recorded_by = identity if imported and event.actor != identity else None
            uid, actor, signature = event.uid or chain.new_uid(), event.actor, event.signature
            if signer is not None and event.uid is None:
                actor = signer.identity
                signature = signer.sign_event(uid, event.item, event.region, event.kind, event.value, event.note,
                                              event.detail, utc_iso(moment), event.on_behalf_of)
            new = Event(number, moment, event.item, event.region, event.kind, event.value, actor, event.note,
                        uid, event.on_behalf_of, event.detail, clock, recorded_by, signature)
            held[new.uid] = _content(event, moment)
            previous = chain.link(previous, None, new)
            rows.append((new.id, utc_iso(moment), *new[2:8], new.uid, new.on_behalf_of, new.detail, previous,
                         utc_iso(clock), recorded_by, new.signature))
            written.append(new)
        conn.executemany("INSERT INTO events (id, ts, item, region, kind, value, actor, note, uid, on_behalf_of, "
                         "detail, hash, recorded_at, recorded_by, signature) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
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

    def _events_in(self, conn: sqlite3.Connection, keys: set[tuple[str, str | None]]) -> list[Event]:
        _wanted(conn, keys)
        rows = conn.execute(EVENT_QUERY + " WHERE id IN (SELECT e.id FROM temp.wanted w CROSS JOIN events e "
                            "ON e.item = w.item AND e.region IS w.region)").fetchall()
        return sorted(map(_event, rows), key=fold_order)

    def record_summary(self, now: datetime | None, day: str, scope: str, delivery: str | None,
                       detail: str | None = None) -> None:
        with self._transaction() as conn:
            last = conn.execute("SELECT id, hash FROM summaries ORDER BY id DESC LIMIT 1").fetchone()
            upto = conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
            run = SummaryRun((last[0] if last else 0) + 1, now or self._clock(), day, scope, self.identity(),
                             delivery, detail, upto)
            conn.execute("INSERT INTO summaries (id, ts, day, scope, actor, delivery, detail, upto_event, hash) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (run.id, utc_iso(run.ts), run.day, run.scope, run.actor, run.delivery, run.detail,
                          run.upto_event, chain.summary_link(last[1] if last and last[1] else chain.GENESIS, None, run)))

    def head(self) -> tuple[int, str] | None:
        """How many events the chain holds and the last one's hash: what a summary prints so history cannot be
        rewritten unnoticed."""
        with self._reader() as conn:
            if conn is None or conn.execute("PRAGMA user_version").fetchone()[0] < 5:
                return None
            row = conn.execute("SELECT count(*), (SELECT hash FROM events ORDER BY id DESC LIMIT 1) FROM events"
                               ).fetchone()
        return (row[0], row[1] or "") if row[0] else None

    def chain_hashes(self) -> list[str]:
        with self._reader() as conn:
            if conn is None or conn.execute("PRAGMA user_version").fetchone()[0] < 5:
                return []
            return [row[0] or "" for row in conn.execute("SELECT hash FROM events ORDER BY id")]

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
        """What does not fit: rows no pilkada could have written, the first event off the hash chain (and the
        first summary run off theirs), a break found when the journal was upgraded, and a projection (derived
        state) that is not the fold of the events it claims to cover. Read-only."""
        problems: list[tuple[str, dict]] = []
        with self._reader() as conn:
            if conn is None:
                return problems
            records = conn.execute(EVENT_QUERY + " ORDER BY id").fetchall()
            hashes = [row[0] for row in conn.execute("SELECT hash FROM events ORDER BY id")]
            runs = conn.execute(SUMMARY_QUERY.replace(" FROM", ", hash FROM") + " ORDER BY id").fetchall()
            notes = [row[0] for row in conn.execute("SELECT note FROM migrations WHERE note IS NOT NULL")]
            stored = conn.execute("SELECT item, region, value, done, done_at, value_before_done, done_by, target "
                                  "FROM item_state").fetchall()
            upto = conn.execute("SELECT upto FROM projection").fetchone()[0]
        events: list[Event] = []
        for row in records:
            try:
                event = _event(row)
            except JournalError as exc:
                problems.append((exc.key, exc.params))
                continue
            if event.recorded_at is not None and event.ts - event.recorded_at > AHEAD:
                problems.append(("journal.bad_row", {"id": event.id}))
            events.append(event)
        broken = chain.first_break(None, zip(events, hashes))
        if broken is not None:
            problems.append(("journal.chain_broken", {"id": broken}))
        broken = chain.first_summary_break(None, [(run, row[8]) for run, row in zip(_runs(runs), runs)])
        if broken is not None:
            problems.append(("journal.summary_chain_broken", {"id": broken}))
        for note in notes:
            problems.append(("journal.chain_broken_before_upgrade", {"id": note.split()[-1]}))
        problems += projection.compare(stored, upto, records[-1][0] if records else 0, events)
        return problems

    def init(self, *_args, **_kwargs) -> list[str]:  # `db init` sets up a PostgreSQL journal; a file needs none
        raise BadInput("db.not_postgres")

    def integrity_ok(self) -> bool:
        """SQLite's own integrity check (used by `pilkada check`)."""
        with self._reader() as conn:
            if conn is None:
                return True
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _wanted(conn: sqlite3.Connection, keys: set[tuple[str, str | None]] | set[tuple[str, str]]) -> None:
    """Fill the connection's temporary table of (item, region) pairs, which queries join to look up many items
    in one statement (a bulk tick of 20,000 lines) rather than one statement per item."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (item TEXT NOT NULL, region TEXT)")
    conn.execute("DELETE FROM temp.wanted")
    conn.executemany("INSERT INTO temp.wanted VALUES (?, ?)", ((item, region or None) for item, region in keys))


def _content(event: NewEvent, moment: datetime) -> tuple:
    """What must match for an event brought in again under its id to be the same one."""
    return (event.item, event.region, event.kind, event.value, event.note, event.detail, utc_iso(moment),
            event.actor, event.on_behalf_of, event.signature)


def _held(conn: sqlite3.Connection, uids: list[str]) -> dict[str, tuple]:
    """The content of the events held under these ids."""
    if not uids:
        return {}
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted_uids (uid TEXT)")
    conn.execute("DELETE FROM temp.wanted_uids")
    conn.executemany("INSERT INTO temp.wanted_uids VALUES (?)", ((uid,) for uid in uids))
    return {row[0]: tuple(row[1:]) for row in conn.execute(
        "SELECT uid, item, region, kind, value, note, detail, ts, actor, on_behalf_of, signature FROM events "
        "WHERE uid IN (SELECT uid FROM temp.wanted_uids)")}


