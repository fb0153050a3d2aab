"""The PostgreSQL journal: one database that every office's `pilkada` writes to (spec section 13).

Same events, same fold and the same hash chain as the SQLite journal, many plans in one database (each
event carries its plan's id). The identity is the database role (`current_user`), and the server, not
this client, decides who may write: row-level security lets a role insert only its own events (or ones it
imports, marked with `imported_by`) for stakeholders it edits, so a role with its own SQL client cannot
write another stakeholder's events either. Time is the server's, read inside the write transaction under
a per-plan advisory lock that also keeps each plan's hash chain in order.

psycopg 3 is an optional extra (`pip install "pilkada[postgres]"`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import datetime
from typing import Any

from pilkada_cli.dates import utc_iso
from pilkada_cli.errors import JournalError, NotAllowed, PilkadaError
from pilkada_cli.model import KINDS, Event, ItemState, NewEvent, SummaryRun
from pilkada_cli.store import chain, pg_projection, projection
from pilkada_cli.store.base import Check
from pilkada_cli.store.fold import fold, fold_order

WRITER_ROLE = "pilkada_writer"

MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0001_journal", """
        CREATE TABLE pilkada_events (
            seq          bigserial PRIMARY KEY,
            uid          uuid NOT NULL UNIQUE,
            plan         text NOT NULL,
            ts           timestamptz NOT NULL,
            item         text NOT NULL,
            region       text,
            kind         text NOT NULL CHECK (kind IN ('done', 'undone', 'progress', 'note')),
            value        double precision,
            actor        text NOT NULL DEFAULT current_user,
            on_behalf_of text,
            note         text,
            imported_by  text,
            hash         text
        );
        CREATE INDEX pilkada_events_key ON pilkada_events (plan, item, region, seq);
        CREATE INDEX pilkada_events_plan ON pilkada_events (plan, seq);
        CREATE TABLE pilkada_summaries (
            id          bigserial PRIMARY KEY,
            plan        text NOT NULL,
            ts          timestamptz NOT NULL DEFAULT clock_timestamp(),
            day         text NOT NULL,
            scope       text NOT NULL,
            actor       text NOT NULL DEFAULT current_user,
            delivery    text,
            detail      text,
            upto_event  bigint
        );
        CREATE TABLE pilkada_guarded (plan text, stakeholder text, PRIMARY KEY (plan, stakeholder));
        CREATE TABLE pilkada_editors (plan text, stakeholder text, editor text,
                                      PRIMARY KEY (plan, stakeholder, editor));
        ALTER TABLE pilkada_events ENABLE ROW LEVEL SECURITY;
        CREATE POLICY pilkada_read ON pilkada_events FOR SELECT USING (true);
        CREATE POLICY pilkada_write ON pilkada_events FOR INSERT WITH CHECK (
            (actor = current_user OR imported_by = current_user)
            AND (NOT EXISTS (SELECT 1 FROM pilkada_guarded g WHERE g.plan = pilkada_events.plan
                             AND g.stakeholder = split_part(pilkada_events.item, '/', 1))
                 OR EXISTS (SELECT 1 FROM pilkada_editors e WHERE e.plan = pilkada_events.plan
                            AND e.stakeholder = split_part(pilkada_events.item, '/', 1)
                            AND e.editor = current_user)));
    """),
    ("0002_declare_assess", """
        ALTER TABLE pilkada_events DROP CONSTRAINT pilkada_events_kind_check;
        ALTER TABLE pilkada_events ADD CONSTRAINT pilkada_events_kind_check
            CHECK (kind IN ('done', 'undone', 'progress', 'note', 'declare', 'assess'));
        ALTER TABLE pilkada_events ADD COLUMN detail text;
    """),
    pg_projection.MIGRATION,
    pg_projection.TS_INDEX,
)
EVENT_COLUMNS = "seq, ts, item, region, kind, value, actor, note, uid::text, on_behalf_of, detail"


def _driver() -> Any:
    try:
        import psycopg
    except ImportError:
        raise PilkadaError("postgres.missing_extra") from None
    return psycopg


def shown_url(url: str) -> str:
    """The URL without any password, for messages."""
    return re.sub(r"(://[^/@:]*):[^/@]*@", r"\1:***@", url)


class PostgresJournal:
    """A plan's journal in a PostgreSQL database; connects on first use."""

    def __init__(self, url: str, plan_id: str) -> None:
        self.url = url
        self.plan_id = plan_id
        self.path = shown_url(url)  # what messages name as the journal
        self._conn: Any = None

    # -- connections

    def _connection(self) -> Any:
        if self._conn is None:
            psycopg = _driver()
            try:
                self._conn = psycopg.connect(self.url, autocommit=True, connect_timeout=10)
            except psycopg.Error as exc:
                raise JournalError("postgres.unreachable", url=self.path,
                                   reason=" ".join(str(exc).split())[:200]) from None
        return self._conn

    @contextmanager
    def _cursor(self, write: bool = False, pipeline: bool = False) -> Iterator[Any]:
        """A cursor, in a transaction for `write`; with `pipeline` (where libpq has it), statements whose
        results are not read yet go to the server together, so a write over a slow line (an island office's)
        waits for a few round trips instead of one per statement. No COPY in a pipeline."""
        psycopg = _driver()
        conn = self._connection()
        try:
            if write and pipeline and psycopg.Pipeline.is_supported():
                with _pipelined(psycopg, conn) as cursor:
                    yield cursor
            elif write:
                with conn.transaction():
                    with conn.cursor() as cursor:
                        yield cursor
            else:
                with conn.cursor() as cursor:
                    yield cursor
        except psycopg.errors.UndefinedTable:
            raise JournalError("postgres.not_initialized", url=self.path) from None
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.CheckViolation) as exc:
            raise NotAllowed("editors.refused_by_server", url=self.path,
                             reason=" ".join(str(exc).split())[:200]) from None
        except psycopg.OperationalError as exc:
            raise JournalError("postgres.unreachable", url=self.path, reason=" ".join(str(exc).split())[:200]) \
                from None
        except psycopg.Error as exc:
            raise JournalError("journal.failed", path=self.path, reason=" ".join(str(exc).split())[:200]) from None

    def _pipeline(self) -> Any:
        """Inside a transaction: the statements of a `with` block sent together where libpq has pipelines."""
        psycopg = _driver()
        return self._connection().pipeline() if psycopg.Pipeline.is_supported() else nullcontext()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # -- the schema

    def init(self, editors: dict[str, tuple[str, ...] | None]) -> list[str]:
        """`pilkada db init`: create or migrate the schema, the writer group role and its grants, and load
        this plan's editors (stakeholder -> identities; None: open to every writer). Returns the migrations
        applied now."""
        applied = []
        with self._cursor(write=True) as cur:
            cur.execute("SELECT pg_advisory_xact_lock(hashtext('pilkada:schema'))")
            cur.execute("CREATE TABLE IF NOT EXISTS pilkada_migrations (name text PRIMARY KEY, "
                        "applied_at timestamptz NOT NULL DEFAULT now())")
            done = {row[0] for row in cur.execute("SELECT name FROM pilkada_migrations")}
            for name, script in MIGRATIONS:
                if name not in done:
                    cur.execute(script)
                    cur.execute("INSERT INTO pilkada_migrations (name) VALUES (%s)", (name,))
                    applied.append(name)
            if not cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (WRITER_ROLE,)).fetchone():
                cur.execute(f"CREATE ROLE {WRITER_ROLE} NOLOGIN")
            cur.execute(f"GRANT SELECT, INSERT ON pilkada_events, pilkada_summaries TO {WRITER_ROLE}")
            cur.execute(f"GRANT SELECT ON pilkada_editors, pilkada_guarded, pilkada_migrations TO {WRITER_ROLE}")
            cur.execute(f"GRANT USAGE ON SEQUENCE pilkada_events_seq_seq, pilkada_summaries_id_seq TO {WRITER_ROLE}")
            cur.execute(pg_projection.GRANT.format(role=WRITER_ROLE))
            cur.execute("DELETE FROM pilkada_editors WHERE plan = %s", (self.plan_id,))
            cur.execute("DELETE FROM pilkada_guarded WHERE plan = %s", (self.plan_id,))
            for stakeholder, names in editors.items():
                if names is None:
                    continue
                cur.execute("INSERT INTO pilkada_guarded VALUES (%s, %s)", (self.plan_id, stakeholder))
                for name in names:
                    cur.execute("INSERT INTO pilkada_editors VALUES (%s, %s, %s)", (self.plan_id, stakeholder, name))
        return applied

    # -- reading

    def identity(self) -> str:
        with self._cursor() as cur:
            return cur.execute("SELECT current_user").fetchone()[0]

    def events(self, until: datetime | None = None, *, since: datetime | None = None,
               upto_event: int | None = None, after_event: int | None = None) -> list[Event]:
        clauses, params = ["plan = %s"], [self.plan_id]
        for clause, value in (("ts < %s", until), ("ts >= %s", since), ("seq <= %s", upto_event),
                              ("seq > %s", after_event)):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        with self._cursor() as cur:
            rows = cur.execute(f"SELECT {EVENT_COLUMNS} FROM pilkada_events WHERE {' AND '.join(clauses)} "
                               "ORDER BY seq", params).fetchall()
        return [_event(row) for row in rows]

    def events_for(self, keys: set[tuple[str, str | None]]) -> list[Event]:
        with self._cursor() as cur:
            return self._events_of(cur, keys)

    def _events_of(self, cur: Any, keys: set[tuple[str, str | None]]) -> list[Event]:
        if not keys:
            return []
        rows = cur.execute(pg_projection.keyed(EVENT_COLUMNS),
                           pg_projection.keyed_params(self.plan_id, keys)).fetchall()
        return sorted(map(_event, rows), key=fold_order)

    def summary_runs(self, scope: str | None = None) -> list[SummaryRun]:
        query = "SELECT id, ts, day, scope, actor, delivery, detail, upto_event FROM pilkada_summaries WHERE plan = %s"
        params: list[Any] = [self.plan_id]
        if scope is not None:
            query += " AND scope = %s"
            params.append(scope)
        with self._cursor() as cur:
            rows = cur.execute(query + " ORDER BY id", params).fetchall()
        return [SummaryRun(*row) for row in rows]

    def current_states(self, targets: dict[str, float | None], keys: list[str] | None = None
                       ) -> dict[str, ItemState]:
        """From the projection (brought up to date in one transaction); where it cannot be used (a database
        not yet migrated by `db init`, a role without the grant), folded in memory from the events."""
        try:
            with self._cursor(write=True, pipeline=True) as cur:
                return pg_projection.project(cur, self.plan_id, EVENT_COLUMNS, _event, targets, keys)
        except (JournalError, NotAllowed) as exc:
            if exc.key not in ("postgres.not_initialized", "editors.refused_by_server"):
                raise
        if keys is None:
            return fold(self.events(), targets)
        with self._cursor() as cur:
            states = self._fold_keys(cur, keys, targets)
        return {key: states[key] for key in keys if key in states}

    def _fold_keys(self, cur: Any, keys: list[str], targets: dict[str, float | None]) -> dict[str, ItemState]:
        """These items' states, folded from their events (fetched in one query)."""
        return fold(self._events_of(cur, {(item, region or None) for item, region in map(projection.split, keys)}),
                    targets)

    def known_uids(self) -> set[str]:
        with self._cursor() as cur:
            return {row[0] for row in cur.execute("SELECT uid::text FROM pilkada_events WHERE plan = %s",
                                                  (self.plan_id,))}

    def head(self) -> tuple[int, str] | None:
        with self._cursor() as cur:
            row = cur.execute("SELECT seq, hash FROM pilkada_events WHERE plan = %s ORDER BY seq DESC LIMIT 1",
                              (self.plan_id,)).fetchone()
        return (row[0], row[1] or "") if row else None

    def audit(self) -> list[tuple[str, dict]]:
        problems: list[tuple[str, dict]] = []
        with self._cursor() as cur:
            rows = cur.execute(f"SELECT {EVENT_COLUMNS}, hash FROM pilkada_events WHERE plan = %s ORDER BY seq",
                               (self.plan_id,)).fetchall()
        for row in rows:
            try:
                _event(row[:11])
            except JournalError as exc:
                problems.append((exc.key, exc.params))
        broken = chain.first_break([(r[0], utc_iso(r[1]), *r[2:8], r[11], r[10]) for r in rows])
        if broken is not None:
            problems.append(("journal.chain_broken", {"id": broken}))
        try:
            with self._cursor() as cur:
                upto_row = cur.execute("SELECT upto FROM pilkada_projection WHERE plan = %s",
                                       (self.plan_id,)).fetchone()
                stored = cur.execute("SELECT item, region, value, done, done_at, value_before_done, done_by, target "
                                     "FROM pilkada_item_state WHERE plan = %s", (self.plan_id,)).fetchall()
        except JournalError:
            return problems  # no projection yet (db init not run since it came)
        events = [_event(r[:11]) for r in rows if r[4] in KINDS and isinstance(r[6], str)]
        problems += projection.compare(stored, upto_row[0] if upto_row else 0, rows[-1][0] if rows else 0, events)
        return problems

    def integrity_ok(self) -> bool:
        return True

    # -- writing

    def append(self, new_events: list[NewEvent], now: datetime | None = None, *,
               check: Check | None = None) -> list[Event]:
        written: list[Event] = []
        rows = []
        with self._cursor(write=True, pipeline=True) as cur:
            cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"pilkada:{self.plan_id}",))
            if check is not None:
                new_events = check(_Within(self, cur), new_events)
            if not new_events:
                return written
            # who writes, the server's clock, the chain's last link and a number for each event: one round trip
            me, clock, last_ts, last_hash, numbers = cur.execute(
                "SELECT current_user, clock_timestamp(), l.ts, l.hash, ARRAY(SELECT nextval('pilkada_events_seq_seq') "
                "FROM generate_series(1, %s) ORDER BY 1) FROM (SELECT 1) x LEFT JOIN LATERAL (SELECT ts, hash "
                "FROM pilkada_events WHERE plan = %s ORDER BY seq DESC LIMIT 1) l ON true",
                (len(new_events), self.plan_id)).fetchone()
            stamp = now if now is not None else max(clock, last_ts) if last_ts else clock
            previous = last_hash or chain.GENESIS
            for seq, event in zip(numbers, new_events):
                ts = event.at or stamp
                imported = event.actor != me
                actor = event.actor if imported else me
                uid = event.uid or chain.new_uid()
                row = (seq, utc_iso(ts), event.item, event.region, event.kind, event.value, actor, event.note)
                previous = chain.link(previous, chain.content(row, event.detail))
                rows.append((seq, uid, self.plan_id, ts, event.item, event.region, event.kind, event.value, actor,
                             event.on_behalf_of, event.note, me if imported else None, previous, event.detail))
                written.append(Event(seq, ts, event.item, event.region, event.kind, event.value, actor, event.note,
                                     uid, event.on_behalf_of, event.detail))
            cur.executemany("INSERT INTO pilkada_events (seq, uid, plan, ts, item, region, kind, value, actor, "
                            "on_behalf_of, note, imported_by, hash, detail) VALUES "
                            "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", rows)
        return written

    def record_summary(self, now: datetime | None, day: str, scope: str, actor: str, delivery: str | None,
                       detail: str | None = None) -> None:
        with self._cursor(write=True) as cur:
            cur.execute("INSERT INTO pilkada_summaries (plan, ts, day, scope, delivery, detail, upto_event) "
                        "VALUES (%s, COALESCE(%s, clock_timestamp()), %s, %s, %s, %s, "
                        "(SELECT COALESCE(MAX(seq), 0) FROM pilkada_events WHERE plan = %s))",
                        (self.plan_id, now, day, scope, delivery, detail, self.plan_id))


class _Within:
    """A check's reads inside the write transaction: each item's events, in one query, folded here."""

    def __init__(self, journal: PostgresJournal, cur: Any) -> None:
        self.journal, self.cur = journal, cur

    def states(self, keys: list[str], targets: dict[str, float | None]) -> dict[str, ItemState]:
        return self.journal._fold_keys(self.cur, keys, targets)

    def events(self, keys: set[tuple[str, str | None]]) -> list[Event]:
        return self.journal._events_of(self.cur, keys)


@contextmanager
def _pipelined(psycopg: Any, conn: Any) -> Iterator[Any]:
    """A transaction in pipeline mode whose BEGIN goes with its first statements and whose COMMIT goes with
    its last: psycopg's own transaction() waits for the server on entering and again before committing.
    Anything that fails (the server's error arrives at the next sync) rolls the whole transaction back."""
    with conn.pipeline() as pipe:
        cursor = conn.cursor()
        cursor.execute("BEGIN")
        try:
            yield cursor
            cursor.execute("COMMIT")
            pipe.sync()
        except BaseException:
            try:
                pipe.sync()  # what was sent before the failure, and the server's error if it was the server's
            except psycopg.Error:
                pass
            try:
                cursor.execute("ROLLBACK")
                pipe.sync()
            except psycopg.Error:
                pass  # a connection that is gone has no transaction left to end
            raise
        finally:
            cursor.close()


def _event(row: tuple) -> Event:
    if row[4] not in KINDS or not isinstance(row[6], str):
        raise JournalError("journal.bad_row", id=row[0])
    return Event(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8] or "", row[9], row[10])
