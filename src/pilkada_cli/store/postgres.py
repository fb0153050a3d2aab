"""The PostgreSQL journal: one database that every office's `pilkada` writes to (spec sections 13 and 15).

Same events, same fold and the same hash chain as the SQLite journal, many plans in one database (each event
carries its plan's id). The server decides: a writer's login role may read the tables and write none of them;
every write is one call of the server's own functions (store/pg_schema.py), which check it, take the identity
from the session's login role and the time from the server's clock, number and hash it and keep each item's
state. So a write over an island office's satellite line waits for one round trip.

psycopg 3 is an optional extra (`pip install "pilkada[postgres]"`)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from pilkada_cli.dates import utc_iso
from pilkada_cli.errors import BadInput, JournalError, NotAllowed, PilkadaError
from pilkada_cli.model import Event, ItemState, NewEvent, SummaryRun, instance_key, target_for
from pilkada_cli.store import chain, pg_schema, pg_tally, projection
from pilkada_cli.store.pg_schema import EVENT_COLUMNS, runs_of as _runs
from pilkada_cli.store.base import Ask, Count, Reading, Ticked
from pilkada_cli.store.fold import fold, fold_order
from pilkada_cli.store.sqlite_schema import event_of as _event



def _driver() -> Any:
    try:
        import psycopg
    except ImportError:
        raise PilkadaError("postgres.missing_extra") from None
    return psycopg


def shown_url(url: str) -> str:
    """The URL without any password, for messages."""
    return re.sub(r"(://[^/@:]*):[^/@]*@", r"\1:***@", url)


RUNS = "SELECT id, ts, day, scope, actor, delivery, detail, upto_event FROM public.pilkada_summaries"
HEAD = ("SELECT count(*), (SELECT hash FROM public.pilkada_events WHERE plan = %s ORDER BY seq DESC LIMIT 1) "
        "FROM public.pilkada_events WHERE plan = %s")


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
    def _cursor(self, write: bool = False) -> Iterator[Any]:
        """A cursor (in a transaction for `write`); the server's refusals and the driver's errors become ours."""
        psycopg = _driver()
        conn = self._connection()
        try:
            if write:
                with conn.transaction():
                    with conn.cursor() as cursor:
                        yield cursor
            else:
                with conn.cursor() as cursor:
                    yield cursor
        except psycopg.errors.UndefinedTable:
            raise JournalError("postgres.not_initialized", url=self.path) from None
        except psycopg.errors.UndefinedFunction:
            raise JournalError("postgres.not_initialized", url=self.path) from None
        except psycopg.OperationalError as exc:
            raise JournalError("postgres.unreachable", url=self.path, reason=" ".join(str(exc).split())[:200]) \
                from None
        except psycopg.Error as exc:
            raise self._refusal(exc) from None

    def _refusal(self, exc: Any) -> PilkadaError:
        """The server's own refusal (`pilkada:<reason>`, its parameters as JSON) as our error; anything else
        as a failure naming the journal."""
        message = exc.diag.message_primary or ""
        if message.startswith("pilkada:"):
            try:
                params = json.loads(exc.diag.message_detail or "{}")
            except ValueError:
                params = {}
            params = {key: "-" if value is None else value for key, value in params.items()}
            params.setdefault("url", self.path)
            key = "refused." + message.removeprefix("pilkada:")
            return NotAllowed(key, **params) if exc.sqlstate == "42501" else BadInput(key, **params)
        if exc.sqlstate == "42501":  # a role without the grants (not in pilkada_writer)
            return NotAllowed("postgres.not_a_writer", url=self.path, identity=self.identity())
        return JournalError("journal.failed", path=self.path, reason=" ".join(str(exc).split())[:200])

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # -- the schema

    def init(self, stakeholders: dict[str, tuple[bool, dict[str, tuple[str, ...]] | None]], regions: list[str],
             targets: dict[tuple[str, str], float], keyed: tuple[str, ...] = (),
             require_signatures: bool = False, index: Any = None) -> list[str]:
        """`pilkada db init`: create or migrate the schema, the roles and the server's functions, and load what
        the server checks of this plan: its stakeholders (id -> per_region, editors by region or None), regions,
        targets ((item, region or "*") -> target), the identities that have keys, whether signatures are
        required, and what it counts the plan by (`index`: plan/index.py's file). Returns the migrations applied
        now."""
        applied = []
        with self._cursor(write=True) as cur:
            cur.execute("SELECT pg_advisory_xact_lock(hashtext('pilkada:schema'))")
            encoding = cur.execute("SHOW server_encoding").fetchone()[0]
            if encoding.upper() not in ("UTF8", "UTF-8"):
                raise JournalError("postgres.not_utf8", url=self.path, encoding=encoding)
            cur.execute("CREATE TABLE IF NOT EXISTS public.pilkada_migrations (name text PRIMARY KEY, "
                        "applied_at timestamptz NOT NULL DEFAULT now())")
            done = {row[0] for row in cur.execute("SELECT name FROM public.pilkada_migrations")}
            for name, script in pg_schema.MIGRATIONS:
                if name not in done:
                    cur.execute(script)
                    cur.execute("INSERT INTO public.pilkada_migrations (name) VALUES (%s)", (name,))
                    applied.append(name)
            for role in (pg_schema.OWNER_ROLE, pg_schema.WRITER_ROLE, pg_schema.IMPORTER_ROLE):
                # roles belong to the whole server: another database's db init may be making them right now
                cur.execute(f"DO $$ BEGIN CREATE ROLE {role} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; "
                            "END $$")
            # memberships, granted once (another database's db init may be granting them at this moment)
            if not cur.execute("SELECT pg_has_role(%s, %s, 'MEMBER')",
                               (pg_schema.IMPORTER_ROLE, pg_schema.WRITER_ROLE)).fetchone()[0]:
                cur.execute(f"GRANT {pg_schema.WRITER_ROLE} TO {pg_schema.IMPORTER_ROLE}")
            if not cur.execute("SELECT pg_has_role(%s, 'MEMBER')", (pg_schema.OWNER_ROLE,)).fetchone()[0]:
                cur.execute(f"GRANT {pg_schema.OWNER_ROLE} TO CURRENT_USER")  # to hand it the functions below
            self._grant(cur)
            if "0005_server_decides" in applied:
                self._upgrade(cur)
            self._load(cur, stakeholders, regions, targets, keyed, require_signatures)
            rows = pg_tally.server_rows(index) if index is not None else None
            if rows is not None:
                cur.execute("SELECT public.pilkada_store_index(%s, %s, %s, %s)", rows)
        return applied

    @staticmethod
    def _grant(cur: Any) -> None:
        """The functions, owned by the role that cannot log in; writers read every table and call three
        functions, and nothing else."""
        tables = ", ".join(f"public.{table}" for table in pg_schema.TABLES)
        sequences = ", ".join(f"public.{sequence}" for sequence in pg_schema.SEQUENCES)
        cur.execute(pg_schema.functions())
        for function in pg_schema.PUBLIC_FUNCTIONS + pg_schema.INTERNAL_FUNCTIONS:
            cur.execute(f"ALTER FUNCTION {function} OWNER TO {pg_schema.OWNER_ROLE}")
            cur.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
        for function in pg_schema.PUBLIC_FUNCTIONS:
            cur.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {pg_schema.WRITER_ROLE}")
        roles = f"PUBLIC, {pg_schema.WRITER_ROLE}, {pg_schema.IMPORTER_ROLE}"
        cur.execute(f"REVOKE ALL ON {tables} FROM {roles}")
        pg_schema.revoke_write_grants(cur)  # and what an administrator granted any other role by hand
        cur.execute(f"REVOKE ALL ON SEQUENCE {sequences} FROM {roles}")
        cur.execute(f"GRANT SELECT ON {tables} TO {pg_schema.WRITER_ROLE}")
        for grant in pg_schema.OWNER_GRANTS:
            cur.execute(grant.format(tables=tables, sequences=sequences))
        if cur.execute("SELECT has_schema_privilege(%s, 'public', 'CREATE')", (pg_schema.WRITER_ROLE,)).fetchone()[0]:
            cur.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")  # PostgreSQL 15's default, on older ones too

    def _load(self, cur: Any, stakeholders: dict, regions: list[str], targets: dict[tuple[str, str], float],
              keyed: tuple[str, ...], require_signatures: bool) -> None:
        plan = self.plan_id
        for table in ("pilkada_editors", "pilkada_guarded", "pilkada_stakeholders", "pilkada_regions",
                      "pilkada_targets", "pilkada_keys", "pilkada_plans"):
            cur.execute(f"DELETE FROM public.{table} WHERE plan = %s", (plan,))
        cur.execute("INSERT INTO public.pilkada_plans VALUES (%s, %s, %s)", (plan, bool(regions), require_signatures))
        cur.executemany("INSERT INTO public.pilkada_keys VALUES (%s, %s)", [(plan, identity) for identity in keyed])
        cur.executemany("INSERT INTO public.pilkada_regions VALUES (%s, %s)", [(plan, region) for region in regions])
        cur.executemany("INSERT INTO public.pilkada_targets (plan, item, region, target) VALUES (%s, %s, %s, %s)",
                        [(plan, item, region, target) for (item, region), target in targets.items()])
        for stakeholder, (per_region, editors) in stakeholders.items():
            cur.execute("INSERT INTO public.pilkada_stakeholders VALUES (%s, %s, %s)", (plan, stakeholder, per_region))
            if editors is None:
                continue
            cur.execute("INSERT INTO public.pilkada_guarded VALUES (%s, %s)", (plan, stakeholder))
            cur.executemany("INSERT INTO public.pilkada_editors (plan, stakeholder, region, editor) "
                            "VALUES (%s, %s, %s, %s)",
                            [(plan, stakeholder, region, name) for region, names in editors.items() for name in names])
        cur.execute("SELECT public.pilkada__retarget(%s)", (plan,))

    def _upgrade(self, cur: Any) -> None:
        """The first `db init` of spec v3: every event of every plan chained anew over all of its fields (after
        checking the chain it had), and each item's state folded anew, since the states used to be brought up
        to date by readers. A chain found broken is noted, and `check` keeps reporting it."""
        plans = [row[0] for row in cur.execute("SELECT DISTINCT plan FROM public.pilkada_events UNION "
                                               "SELECT DISTINCT plan FROM public.pilkada_summaries")]
        notes = []
        for plan in plans:
            rows = cur.execute(f"SELECT {EVENT_COLUMNS}, hash FROM public.pilkada_events WHERE plan = %s "
                               "ORDER BY seq", (plan,)).fetchall()
            broken = chain.first_chain_break([(r[0], utc_iso(r[1]), *r[2:8], r[14], r[10]) for r in rows])
            if broken is not None:
                notes.append(f"{plan}:{broken}")
            previous = chain.GENESIS
            for row in rows:
                previous = chain.link(previous, plan, _event(row))
                cur.execute("UPDATE public.pilkada_events SET hash = %s WHERE seq = %s", (previous, row[0]))
            previous = chain.GENESIS
            for run in _runs(cur.execute("SELECT id, ts, day, scope, actor, delivery, detail, upto_event FROM "
                                         "public.pilkada_summaries WHERE plan = %s ORDER BY id", (plan,))):
                previous = chain.summary_link(previous, plan, run)
                cur.execute("UPDATE public.pilkada_summaries SET hash = %s WHERE id = %s", (previous, run.id))
        cur.execute("DELETE FROM public.pilkada_item_state")
        cur.execute("INSERT INTO public.pilkada_item_state (plan, item, region, value, done, done_at, "
                    "value_before_done, done_by, target) SELECT k.plan, k.item, coalesce(k.region, ''), (f.st).* , "
                    "NULL FROM (SELECT DISTINCT plan, item, region FROM public.pilkada_events WHERE kind IN "
                    "('done', 'undone', 'progress', 'note')) k, "
                    "LATERAL public.pilkada__refold(k.plan, k.item, k.region, NULL) f")
        if notes:
            cur.execute("UPDATE public.pilkada_migrations SET note = %s WHERE name = '0005_server_decides'",
                        ("chain_broken " + " ".join(notes),))

    # -- reading

    def identity(self) -> str:
        """The login role, as the connection knows it (no round trip): the identity the server records."""
        return self._connection().info.user

    def events(self, until: datetime | None = None, *, since: datetime | None = None,
               upto_event: int | None = None, after_event: int | None = None) -> list[Event]:
        clauses, params = ["plan = %s"], [self.plan_id]
        for clause, value in (("ts < %s", until), ("ts >= %s", since), ("seq <= %s", upto_event),
                              ("seq > %s", after_event)):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        with self._cursor() as cur:
            rows = cur.execute(f"SELECT {EVENT_COLUMNS} FROM public.pilkada_events WHERE {' AND '.join(clauses)} "
                               "ORDER BY seq", params).fetchall()
        return [_event(row) for row in rows]

    def events_for(self, keys: set[tuple[str, str | None]]) -> list[Event]:
        if not keys:
            return []
        with self._cursor() as cur:
            rows = cur.execute(keyed(EVENT_COLUMNS), keyed_params(self.plan_id, keys)).fetchall()
        return sorted(map(_event, rows), key=fold_order)

    def read(self, targets: dict[str, float | None] | None, *, keys: list[str] | None = None,
             events: tuple | None = None, runs: bool = False, head: bool = False, count: Count | None = None
             ) -> Reading:
        """Its statements sent together (a pipeline): one round trip. A count sends the digest of the plan's index
        (pg_tally); a server that does not hold it yet stores it, and the reading is asked again. Where the server
        cannot count (set up by an older version, a role that may not store it, stale targets): `counted` None."""
        rows = pg_tally.server_rows(count.index) if count is not None else None
        if rows is None:
            return self._read(targets, keys, events, runs, head, None)[0]
        asked = (pg_tally.digest(rows), count)
        try:
            reading, unknown = self._read(targets, keys, events, runs, head, asked)
            if unknown:
                with self._cursor() as cur:
                    stored = cur.execute("SELECT public.pilkada_store_index(%s, %s, %s, %s)", rows).fetchone()[0]
                reading, unknown = self._read(targets, keys, events, runs, head, (stored, count))
            return reading
        except (JournalError, NotAllowed):
            return self._read(targets, keys, events, runs, head, None)[0]

    def _read(self, targets, keys, events, runs, head, count) -> tuple[Reading, bool]:
        asked: list[tuple[str, Any, bool]] = []  # (statement, parameters, whether it gives rows)
        if count is not None:
            asked += [(statement, None, False) for statement in pg_tally.SETUP]
            asked.append((*pg_tally.statement(self.plan_id, count[0], count[1]), True))
        if targets is not None:
            select = f"SELECT {projection.ROW.format(p='s.')} FROM public.pilkada_item_state s"
            if keys is None:
                asked.append((select + " WHERE s.plan = %s", (self.plan_id,), True))
            else:
                items, regions = (list(c) for c in zip(*map(projection.split, keys))) if keys else ([], [])
                asked.append((select + " JOIN unnest(%s::text[], %s::text[]) AS k(i, r) ON s.item = k.i AND "
                              "s.region = k.r WHERE s.plan = %s", (items, regions, self.plan_id), True))
        if events is not None:
            until, kinds = events
            asked.append((f"SELECT {EVENT_COLUMNS} FROM public.pilkada_events WHERE plan = %s AND (%s::timestamptz "
                          "IS NULL OR ts < %s) AND (%s::text[] IS NULL OR kind = ANY(%s)) ORDER BY seq",
                          (self.plan_id, until, until, kinds and list(kinds), kinds and list(kinds)), True))
        if runs:
            asked.append((f"{RUNS} WHERE plan = %s ORDER BY id", (self.plan_id,), True))
        if head:
            asked.append((HEAD, (self.plan_id, self.plan_id), True))
        with self._cursor() as cur:
            if len(asked) == 1:
                answers = iter([cur.execute(asked[0][0], asked[0][1]).fetchall()])
            else:
                with self._pipeline():  # the block's end sends them all and reads every answer: one round trip
                    cursors = [cur.connection.execute(query, params) for query, params, _ in asked]
                answers = iter([c.fetchall() for c, (_, _, rows) in zip(cursors, asked) if rows])
        counted, stale, unknown = None, [], False
        if count is not None:
            counted, stale = pg_tally.counted(next(answers))
            unknown = counted is None
        states = self._states(next(answers), targets) if targets is not None else None
        found = [_event(row) for row in next(answers)] if events is not None else []
        ran = _runs(next(answers)) if runs else []
        number = next(answers)[0] if head else None
        return Reading(states, found, ran, (number[0], number[1] or "") if number and number[0] else None,
                       None if stale else counted), unknown

    def touched(self, since: datetime | None, after_event: int | None) -> list[Event]:
        with self._cursor() as cur:
            rows = cur.execute(f"SELECT {EVENT_COLUMNS} FROM public.pilkada_events WHERE plan = %(plan)s AND "
                               "(item, coalesce(region, '')) IN (SELECT item, coalesce(region, '') FROM "
                               "public.pilkada_events WHERE plan = %(plan)s AND (ts >= %(since)s OR seq > %(after)s))",
                               {"plan": self.plan_id, "since": since, "after": after_event}).fetchall()
        return sorted(map(_event, rows), key=fold_order)

    def _pipeline(self):
        """Statements whose results are not read yet go to the server together, where libpq has pipelines."""
        from contextlib import nullcontext

        return self._connection().pipeline() if _driver().Pipeline.is_supported() else nullcontext()

    def summary_runs(self, scope: str | None = None) -> list[SummaryRun]:
        query = f"{RUNS} WHERE plan = %s"
        params: list[Any] = [self.plan_id]
        if scope is not None:
            query += " AND scope = %s"
            params.append(scope)
        with self._cursor() as cur:
            return _runs(cur.execute(query + " ORDER BY id", params))

    def current_states(self, targets: dict[str, float | None], keys: list[str] | None = None
                       ) -> dict[str, ItemState]:
        """The states the server keeps (see _states)."""
        return self._read(targets, keys, None, False, False, None)[0].states

    def head(self) -> tuple[int, str] | None:
        with self._cursor() as cur:
            row = cur.execute(HEAD, (self.plan_id, self.plan_id)).fetchone()
        return (row[0], row[1] or "") if row[0] else None

    def chain_hashes(self) -> list[str]:
        with self._cursor() as cur:
            return [row[0] or "" for row in cur.execute(
                "SELECT hash FROM public.pilkada_events WHERE plan = %s ORDER BY seq", (self.plan_id,))]

    def audit(self) -> list[tuple[str, dict]]:
        """Everything in the database that the server's functions would not have produced (pg_audit)."""
        from pilkada_cli.store.pg_audit import audit

        with self._cursor() as cur:
            return audit(cur, self.plan_id)

    def integrity_ok(self) -> bool:
        with self._cursor() as cur:  # the server's catalogue (pg_schema.INTEGRITY)
            return bool(cur.execute(pg_schema.INTEGRITY, pg_schema.integrity_params()).fetchone()[0])

    # -- writing

    def append(self, new_events: list[NewEvent], at: datetime | None = None, *, imported: bool = False,
               signer=None) -> int:
        if signer is not None:  # signed here, as whole events: sent as another journal's are, with id and time
            new_events = [_signed(event, at, signer) for event in new_events]
            imported = True
        lines = []
        for event in new_events:
            line: dict[str, Any] = {"item": event.item, "region": event.region, "kind": event.kind,
                                    "value": event.value, "note": event.note, "detail": event.detail,
                                    "on_behalf_of": event.on_behalf_of, "signature": event.signature}
            moment = event.at or at
            if moment is not None:
                line["at"] = utc_iso(moment)
            if imported:
                line.update(uid=event.uid, actor=event.actor)
            lines.append(line)
        with self._cursor() as cur:
            added, _ = cur.execute("SELECT * FROM public.pilkada_append(%s, %s::jsonb, %s)",
                                   (self.plan_id, json.dumps(lines, allow_nan=False), imported)).fetchone()
        return added

    def tick(self, asks: list[Ask], *, undo: bool, note: str | None, on_behalf_of: str | None, at: datetime | None,
             targets: dict, show: list[str], signer=None) -> tuple[list[Ticked], dict[str, ItemState]]:
        candidates = None
        if signer is not None:
            candidates = json.dumps(self._candidates(asks, undo, note, on_behalf_of, at, targets, signer),
                                    allow_nan=False)
        shown = [projection.split(key) for key in show]
        with self._cursor() as cur:
            rows = cur.execute(
                "SELECT * FROM public.pilkada_tick(%s, %s::text[], %s::text[], %s::float8[], %s, %s, %s, %s, "
                "%s::text[], %s::text[], %s::jsonb)",
                (self.plan_id, [a.item for a in asks], [a.region for a in asks], [a.value for a in asks], undo, note,
                 on_behalf_of, at, [item for item, _ in shown], [region for _, region in shown],
                 candidates)).fetchall()
        ticked: list[Ticked] = []
        stored = []
        before = None
        for part, item, region, outcome, *state, target in rows:
            if part == "before":
                before = ItemState(*state)
            elif part == "after":
                ticked.append(Ticked(item, region, outcome, before, ItemState(*state)))
            else:
                stored.append((instance_key(item, region), item, *state, target))
        return ticked, self._states(stored, targets)

    def _candidates(self, asks: list[Ask], undo: bool, note: str | None, on_behalf_of: str | None,
                    at: datetime | None, targets: dict, signer) -> list[dict]:
        """A signed tick: for each item, the event of every outcome the server may decide (store/tick.decide),
        each signed. The value an undo goes back to needs the item's history: read first, for an undo of a
        quantitative item only (its one extra round trip)."""
        from pilkada_cli.store.tick import value_history

        quantitative = {(a.item, a.region) for a in asks if undo and target_for(targets, a.item, a.region) is not None}
        earlier = value_history(self.events_for(quantitative), targets) if quantitative else {}
        result = []
        for ask in asks:
            target = target_for(targets, ask.item, ask.region)
            if undo:
                kinds = {"undone": ("undone", None)}
                replaced = earlier.get(instance_key(ask.item, ask.region))
                if replaced:
                    kinds["value_undone"] = ("undone", replaced[-1] or 0.0)
            elif ask.value is not None:
                kinds = {"value": ("progress", ask.value)}
            else:
                kinds = {"done": ("done", target)}
            if note:
                kinds["noted"] = ("note", None)
            result.append({outcome: _line(_signed(NewEvent(ask.item, ask.region, kind, value, signer.identity, note,
                                                             on_behalf_of), at, signer))
                           for outcome, (kind, value) in kinds.items()})
        return result

    def _states(self, rows: list[tuple], targets: dict[str, float | None]) -> dict[str, ItemState]:
        """Stored states (projection.ROW); an item whose target in this plan is not the one the server folded
        with (`db init` not run since the plan changed) is folded here from its events."""
        states, _, retargeted = projection.load(rows, targets)
        if retargeted:
            states.update(fold(self.events_for({(i, r or None) for i, r in map(projection.split, retargeted)}),
                               targets))
        return states

    def record_summary(self, now: datetime | None, day: str, scope: str, delivery: str | None,
                       detail: str | None = None) -> None:
        with self._cursor() as cur:
            cur.execute("SELECT public.pilkada_record_summary(%s, %s, %s, %s, %s)",
                        (self.plan_id, day, scope, delivery, detail))


def keyed(columns: str) -> str:
    """The events of a set of instances (keyed_params), found through the (plan, item, region, seq) index:
    those of a region by a join on it, the others (stored with no region) by item."""
    columns = ", ".join("e." + column for column in columns.split(", "))
    return (f"SELECT {columns} FROM public.pilkada_events e JOIN unnest(%(items)s::text[], %(regions)s::text[]) "
            f"AS k(item, region) ON e.item = k.item AND e.region = k.region WHERE e.plan = %(plan)s "
            f"UNION ALL SELECT {columns} FROM public.pilkada_events e "
            f"WHERE e.plan = %(plan)s AND e.region IS NULL AND e.item = ANY(%(national)s::text[])")


def keyed_params(plan_id: str, keys) -> dict[str, Any]:
    """(item, region; '' or None for none) pairs -> the parameters of keyed()."""
    items: list[str] = []
    regions: list[str] = []
    national: list[str] = []
    for item, region in keys:
        if region:
            items.append(item)
            regions.append(region)
        else:
            national.append(item)
    return {"plan": plan_id, "items": items, "regions": regions, "national": national}


def _signed(event: NewEvent, at: datetime | None, signer) -> NewEvent:
    """An event of this client's, given its id, its time (the client's clock: a signature covers it) and its
    signature by `signer`, whose identity is its actor."""
    from datetime import timezone

    uid = chain.new_uid()
    moment = event.at or at or datetime.now(timezone.utc)
    signature = signer.sign_event(uid, event.item, event.region, event.kind, event.value, event.note, event.detail,
                                  utc_iso(moment), event.on_behalf_of)
    return NewEvent(event.item, event.region, event.kind, event.value, signer.identity, event.note,
                    event.on_behalf_of, uid, moment, event.detail, signature)


def _line(event: NewEvent) -> dict:
    return {"uid": event.uid, "at": utc_iso(event.at), "actor": event.actor, "on_behalf_of": event.on_behalf_of,
            "note": event.note, "value": event.value, "signature": event.signature}
