"""`check` on a PostgreSQL journal: everything in the database that the server's functions would not have
produced, read in one cursor."""

from __future__ import annotations

from pilkada_cli.dates import AHEAD
from pilkada_cli.errors import JournalError
from pilkada_cli.store import chain, pg_schema, projection
from pilkada_cli.store.pg_schema import EVENT_COLUMNS, STATE_KINDS, runs_of as _runs
from pilkada_cli.store.sqlite_schema import event_of


def audit(cur, plan_id: str) -> list[tuple[str, dict]]:
    """Everything in the database that the server's functions would not have produced: a broken chain of
    events or of summary runs, rows no function writes (an unknown stakeholder or region, a time ahead of
    its recording), a stored state that is not the fold of its events, and grants that let writers write."""
    problems: list[tuple[str, dict]] = []
    rows = cur.execute(f"SELECT {EVENT_COLUMNS}, hash FROM public.pilkada_events WHERE plan = %s "
                       "ORDER BY seq", (plan_id,)).fetchall()
    runs = cur.execute("SELECT id, ts, day, scope, actor, delivery, detail, upto_event, hash FROM "
                       "public.pilkada_summaries WHERE plan = %s ORDER BY id", (plan_id,)).fetchall()
    stored = cur.execute("SELECT item, region, value, done, done_at, value_before_done, done_by, target "
                         "FROM public.pilkada_item_state WHERE plan = %s", (plan_id,)).fetchall()
    known = cur.execute("SELECT (SELECT array_agg(stakeholder) FROM public.pilkada_stakeholders WHERE plan = "
                        "%(p)s), (SELECT array_agg(region) FROM public.pilkada_regions WHERE plan = %(p)s), "
                        "(SELECT string_agg(note, '; ') FROM public.pilkada_migrations WHERE note IS NOT NULL)",
                        {"p": plan_id}).fetchone()
    writable = pg_schema.write_grants(cur)
    events = []
    for row in rows:
        try:
            event = event_of(row)
        except JournalError as exc:
            problems.append((exc.key, exc.params))
            continue
        office = event.item.split("/", 1)[0]
        if office == "gonogo":
            office = event.item.split("/", 1)[1]
        if (office != "risk" and office not in (known[0] or ())) \
                or (event.region is not None and event.region not in (known[1] or ())) \
                or (event.recorded_at is not None and event.ts - event.recorded_at > AHEAD):
            problems.append(("journal.bad_row", {"id": event.id}))
        events.append((event, row[14]))
    broken = chain.first_break(plan_id, events)
    if broken is not None:
        problems.append(("journal.chain_broken", {"id": broken}))
    broken = chain.first_summary_break(plan_id, [(run, row[8]) for run, row in zip(_runs(runs), runs)])
    if broken is not None:
        problems.append(("journal.summary_chain_broken", {"id": broken}))
    if known[2] and f"{plan_id}:" in known[2]:
        point = known[2].split(f"{plan_id}:", 1)[1].split()[0].rstrip(";")
        problems.append(("journal.chain_broken_before_upgrade", {"id": point}))
    kept = [e for e, _ in events if e.kind in STATE_KINDS]
    last = rows[-1][0] if rows else 0
    problems += projection.compare(stored, last, last, kept, complete=True)
    for table, role in writable:
        problems.append(("postgres.writable", {"table": table, "role": role}))
    return problems
