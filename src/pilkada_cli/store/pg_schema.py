"""The PostgreSQL journal's schema: its tables as named migrations, and the server's own functions through which
every write goes (spec section 15: the server decides).

A login role in `pilkada_writer` may read every table and write none: no INSERT, UPDATE, DELETE or TRUNCATE.
It calls `pilkada_tick`, `pilkada_append` and `pilkada_record_summary`, which run as `pilkada_owner` (a role that
cannot log in) and themselves check the event (the plan's own stakeholder and region, its kind and fields, a
time no later than the server's clock plus five minutes), check the editors (spec section 13), take the
identity from the session's login role, the sequence number and `recorded_at` from the server, compute the hash
chain (the same bytes as store/chain.py) and keep each item's folded state. They pin their `search_path` to
pg_catalog and pg_temp and name every table with its schema, so no object a writer can create is ever used in
their place.

The fold (`pilkada__apply`) and the tick's decision (`pilkada_tick`) are the rules of store/fold.py and
store/tick.py written in PL/pgSQL, so a tick costs one round trip; tests run the same random histories through
both and compare every state."""

from __future__ import annotations

from typing import Any

from pilkada_cli.model import SummaryRun

EVENT_COLUMNS = ("seq, ts, item, region, kind, value, actor, note, uid::text, on_behalf_of, detail, recorded_at, "
                 "recorded_by, signature")  # in the order of sqlite_schema.EVENT_QUERY: both read by event_of
STATE_KINDS = ("done", "undone", "progress", "note")  # the kinds the server keeps a state for
WRITER_ROLE = "pilkada_writer"
IMPORTER_ROLE = "pilkada_importer"
OWNER_ROLE = "pilkada_owner"

MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0001_journal", """
        CREATE TABLE public.pilkada_events (
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
        CREATE INDEX pilkada_events_key ON public.pilkada_events (plan, item, region, seq);
        CREATE INDEX pilkada_events_plan ON public.pilkada_events (plan, seq);
        CREATE TABLE public.pilkada_summaries (
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
        CREATE TABLE public.pilkada_guarded (plan text, stakeholder text, PRIMARY KEY (plan, stakeholder));
        CREATE TABLE public.pilkada_editors (plan text, stakeholder text, editor text,
                                             PRIMARY KEY (plan, stakeholder, editor));
        ALTER TABLE public.pilkada_events ENABLE ROW LEVEL SECURITY;
        CREATE POLICY pilkada_read ON public.pilkada_events FOR SELECT USING (true);
        CREATE POLICY pilkada_write ON public.pilkada_events FOR INSERT WITH CHECK (true);
    """),
    ("0002_declare_assess", """
        ALTER TABLE public.pilkada_events DROP CONSTRAINT pilkada_events_kind_check;
        ALTER TABLE public.pilkada_events ADD CONSTRAINT pilkada_events_kind_check
            CHECK (kind IN ('done', 'undone', 'progress', 'note', 'declare', 'assess'));
        ALTER TABLE public.pilkada_events ADD COLUMN detail text;
    """),
    ("0003_projection", """
        CREATE TABLE public.pilkada_item_state (
            plan              text NOT NULL,
            item              text NOT NULL,
            region            text NOT NULL DEFAULT '',
            value             double precision,
            done              boolean NOT NULL,
            done_at           text,
            value_before_done double precision,
            done_by           text,
            target            double precision,
            PRIMARY KEY (plan, item, region)
        );
        CREATE TABLE public.pilkada_projection (plan text PRIMARY KEY, upto bigint NOT NULL);
    """),
    ("0004_events_ts", "CREATE INDEX pilkada_events_ts ON public.pilkada_events (plan, ts)"),
    # Spec v3: the server decides. Writers lose every write privilege (grants below); what the functions need
    # to check an event comes from the plan through `db init`; each event gets its second time and who brought
    # it in; the projection's "folded up to" point goes, since the functions keep the states as they write.
    ("0005_server_decides", """
        ALTER TABLE public.pilkada_events RENAME COLUMN imported_by TO recorded_by;
        ALTER TABLE public.pilkada_events ADD COLUMN recorded_at timestamptz;
        ALTER TABLE public.pilkada_events ADD COLUMN signature text;
        UPDATE public.pilkada_events SET recorded_at = ts;
        ALTER TABLE public.pilkada_events ALTER COLUMN recorded_at SET NOT NULL;
        ALTER TABLE public.pilkada_events ALTER COLUMN actor DROP DEFAULT;
        DROP POLICY IF EXISTS pilkada_write ON public.pilkada_events;
        DROP POLICY IF EXISTS pilkada_read ON public.pilkada_events;
        ALTER TABLE public.pilkada_events DISABLE ROW LEVEL SECURITY;
        ALTER TABLE public.pilkada_summaries ALTER COLUMN actor DROP DEFAULT;
        ALTER TABLE public.pilkada_summaries ALTER COLUMN ts DROP DEFAULT;
        ALTER TABLE public.pilkada_summaries ADD COLUMN hash text;
        DROP TABLE public.pilkada_projection;
        ALTER TABLE public.pilkada_editors ADD COLUMN region text NOT NULL DEFAULT '*';
        ALTER TABLE public.pilkada_editors DROP CONSTRAINT pilkada_editors_pkey;
        ALTER TABLE public.pilkada_editors ADD PRIMARY KEY (plan, stakeholder, region, editor);
        CREATE TABLE public.pilkada_stakeholders (plan text, stakeholder text, per_region boolean NOT NULL,
                                                  PRIMARY KEY (plan, stakeholder));
        CREATE TABLE public.pilkada_regions (plan text, region text, PRIMARY KEY (plan, region));
        CREATE TABLE public.pilkada_targets (plan text, item text, region text NOT NULL DEFAULT '*',
                                             target double precision NOT NULL, PRIMARY KEY (plan, item, region));
        CREATE TABLE public.pilkada_plans (plan text PRIMARY KEY, has_regions boolean NOT NULL,
                                           require_signatures boolean NOT NULL DEFAULT false);
        CREATE TABLE public.pilkada_keys (plan text, identity text, PRIMARY KEY (plan, identity));
        ALTER TABLE public.pilkada_migrations ADD COLUMN note text;
        CREATE TYPE public.pilkada_state AS (value double precision, done boolean, done_at text,
                                             value_before_done double precision, done_by text);
    """),
    # issue 25: what the server needs of a plan to count it, stored once under the digest the server computes of
    # it (pilkada_store_index), so a status sends the digest, not the plan
    ("0006_plan_index", """
        CREATE TABLE public.pilkada_indexes (digest text PRIMARY KEY, stored_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE public.pilkada_index_items (digest text NOT NULL, no int NOT NULL, item text NOT NULL,
                                                 grp int NOT NULL, weight double precision NOT NULL,
                                                 critical int NOT NULL, PRIMARY KEY (digest, no));
        CREATE TABLE public.pilkada_index_regions (digest text NOT NULL, no int NOT NULL, region text NOT NULL,
                                                   zone text NOT NULL, PRIMARY KEY (digest, no));
        CREATE TABLE public.pilkada_index_groups (digest text NOT NULL, grp int NOT NULL, stakeholder text NOT NULL,
                                                  phase text, PRIMARY KEY (digest, grp));
        CREATE TABLE public.pilkada_index_instances (digest text NOT NULL, no int NOT NULL, item int NOT NULL,
                                                     region int NOT NULL, due int, target double precision,
                                                     PRIMARY KEY (digest, no));
    """),
)

TABLES = ("pilkada_events", "pilkada_summaries", "pilkada_guarded", "pilkada_editors", "pilkada_item_state",
          "pilkada_stakeholders", "pilkada_regions", "pilkada_targets", "pilkada_plans", "pilkada_keys",
          "pilkada_migrations", "pilkada_indexes", "pilkada_index_items", "pilkada_index_regions",
          "pilkada_index_groups", "pilkada_index_instances")
SEQUENCES = ("pilkada_events_seq_seq", "pilkada_summaries_id_seq")
# What the owner of the functions may do: read everything, add events and summary runs, keep the states.
OWNER_GRANTS = ("GRANT SELECT ON {tables} TO pilkada_owner",
                "GRANT INSERT ON public.pilkada_events, public.pilkada_summaries TO pilkada_owner",
                "GRANT INSERT, UPDATE ON public.pilkada_item_state TO pilkada_owner",
                "GRANT INSERT ON public.pilkada_indexes, public.pilkada_index_items, public.pilkada_index_regions, "
                "public.pilkada_index_groups, public.pilkada_index_instances TO pilkada_owner",
                "GRANT USAGE ON SEQUENCE {sequences} TO pilkada_owner")

def functions() -> str:
    """The server's functions (pg_functions.sql), created or replaced by every `db init`."""
    from pathlib import Path

    return Path(__file__).with_name("pg_functions.sql").read_text(encoding="utf-8")


# The functions writers may call; every other one only the functions themselves use.
PUBLIC_FUNCTIONS = (
    "public.pilkada_tick(text, text[], text[], double precision[], boolean, text, text, timestamptz, text[], text[], "
    "jsonb)",
    "public.pilkada_append(text, jsonb, boolean)",
    "public.pilkada_record_summary(text, text, text, text, text)",
    "public.pilkada_store_index(text, text, text, text)",
)
INTERNAL_FUNCTIONS = (
    "public.pilkada__field(text)", "public.pilkada__stamp(timestamptz)",
    "public.pilkada__link(text, public.pilkada_events)", "public.pilkada__summary_link(text, public.pilkada_summaries)",
    "public.pilkada__apply(public.pilkada_state, text, double precision, timestamptz, text, double precision)",
    "public.pilkada__refold(text, text, text, double precision)",
    "public.pilkada__state(text, text, text, double precision)", "public.pilkada__refuse(text, text, jsonb)",
    "public.pilkada__may_write(text, text, text, text)", "public.pilkada__editors(text, text, text)",
    "public.pilkada__write(text, text, text, text, double precision, text, text, timestamptz, text, text, text, "
    "uuid, text, int)",
    "public.pilkada__lock(text)", "public.pilkada__retarget(text)", "public.pilkada__target(text, text, text)",
)
# `integrity_ok`: the server's catalogue says the journal is whole (every migration applied, every index of its
# tables valid, each function writers call running as the functions' owner)
INTEGRITY = ("SELECT (SELECT count(*) FROM public.pilkada_migrations) >= %(migrations)s "
             "AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = ANY(%(tables)s::regclass[]) "
             "AND NOT (i.indisvalid AND i.indisready)) "
             "AND (SELECT count(*) FROM pg_proc p WHERE p.oid = ANY(%(functions)s::regprocedure[]) AND p.prosecdef "
             "AND pg_get_userbyid(p.proowner) = %(owner)s) = %(count)s")


def integrity_params() -> dict:
    return {"migrations": len(MIGRATIONS), "tables": ["public." + t for t in TABLES],
            "functions": list(PUBLIC_FUNCTIONS), "owner": OWNER_ROLE, "count": len(PUBLIC_FUNCTIONS)}


# Who holds a grant to write a journal table but its owner and pilkada_owner: PUBLIC, pilkada_writer, or any role
# an administrator granted it to by hand. `check` reports each; `db init` revokes each.
WRITE_GRANTS = ("SELECT c.relname, CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END "
                "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a "
                "WHERE n.nspname = 'public' AND c.relname = ANY(%s) "
                "AND a.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE') AND a.grantee <> c.relowner "
                "AND a.grantee <> ALL (SELECT oid FROM pg_roles WHERE rolname = %s) GROUP BY 1, 2 ORDER BY 1, 2")


def write_grants(cur: Any) -> list[tuple[str, str]]:
    """(table, role) for every grant to write a journal table that no one but its owner should hold."""
    return [tuple(row) for row in cur.execute(WRITE_GRANTS, (list(TABLES), OWNER_ROLE)).fetchall()]


def revoke_write_grants(cur: Any) -> None:
    from psycopg import sql

    for table, role in write_grants(cur):
        grantee = sql.SQL("PUBLIC") if role == "PUBLIC" else sql.Identifier(role)
        cur.execute(sql.SQL("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {} FROM {}").format(
            sql.Identifier("public", table), grantee))


def runs_of(rows) -> list[SummaryRun]:
    return [SummaryRun(*row[:8]) for row in rows]
