"""The PostgreSQL journal's projection: each item's folded state per plan, so reading today's states does not
fold the whole history (the same rules as the SQLite journal's `_project_in`: events newer than `upto` are
folded in; an item whose target changed in the plan, or that received an event folding before ones already
folded, is refolded from all of its events). Derived data, never user data: `pilkada check` compares it
with the fold, and a role that cannot update it still reads states, folded in memory."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pilkada_cli.model import ItemState, instance_key
from pilkada_cli.store import projection
from pilkada_cli.store.fold import fold_order
from pilkada_cli.store.projection import split as _split

MIGRATION = ("0003_projection", """
    CREATE TABLE pilkada_item_state (
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
    CREATE TABLE pilkada_projection (plan text PRIMARY KEY, upto bigint NOT NULL);
""")
GRANT = "GRANT SELECT, INSERT, UPDATE ON pilkada_item_state, pilkada_projection TO {role}"
# The latest time folded, found without reading a plan's events (a bulk tick's 20,000 new events were each
# checked against their own item's, 0.5 s on the server); a database without it still folds the same.
TS_INDEX = ("0004_events_ts", "CREATE INDEX pilkada_events_ts ON pilkada_events (plan, ts)")


def keyed(columns: str, where: str = "") -> str:
    """The events of a set of instances (keyed_params), found through the (plan, item, region, seq) index:
    those of a region by a join on it, the others (stored with no region) by item. `columns` are the events'
    (`where` may name them `e.`)."""
    columns = ", ".join("e." + column for column in columns.split(", "))
    return (f"SELECT {columns} FROM pilkada_events e JOIN unnest(%(items)s::text[], %(regions)s::text[]) "
            f"AS k(item, region) ON e.item = k.item AND e.region = k.region WHERE e.plan = %(plan)s{where} "
            f"UNION ALL SELECT {columns} FROM pilkada_events e "
            f"WHERE e.plan = %(plan)s AND e.region IS NULL AND e.item = ANY(%(national)s::text[]){where}")


def keyed_params(plan_id: str, keys: Iterable[tuple[str, str | None]]) -> dict[str, Any]:
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


def project(cur: Any, plan_id: str, columns: str, to_event, targets: dict[str, float | None],
            keys: list[str] | None) -> dict[str, ItemState]:
    """Items' states now (all, or those of `keys`), bringing the projection up to date in this transaction."""
    # Statements are sent ahead of reading what they return: in a pipeline (postgres._pipelined) the lock, the
    # folded point and the newer events take one round trip, the latest folded time and the stored states
    # another (and a late entry's check a third).
    cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"pilkada-projection:{plan_id}",))
    point = cur.connection.cursor()
    point.execute("SELECT upto FROM pilkada_projection WHERE plan = %s", (plan_id,))
    cur.execute(f"SELECT {columns} FROM pilkada_events WHERE plan = %s AND seq > "
                "coalesce((SELECT upto FROM pilkada_projection WHERE plan = %s), 0) ORDER BY seq", (plan_id, plan_id))
    row = point.fetchone()
    upto = row[0] if row else 0
    newer = sorted(map(to_event, cur.fetchall()), key=fold_order)
    first_new = {e.key: e for e in reversed(newer)}
    if first_new:
        # Writes are timed no earlier than the last event: only an event no later than the latest one folded (a
        # late entry, an import, or one in the same instant) can fold before it (index pilkada_events_ts).
        point.execute("SELECT max(ts) FROM pilkada_events WHERE plan = %s AND seq <= %s", (plan_id, upto))
    select = f"SELECT {projection.ROW.format(p='')} FROM pilkada_item_state WHERE plan = %s"
    wanted = set(keys) | set(first_new) if keys is not None else set()
    if keys is None:
        rows = cur.execute(select, (plan_id,)).fetchall()
    elif not wanted:
        rows = []  # nothing to read back (a count in SQL asks for no state, only for the projection brought up to date)
    else:
        items, regions = zip(*(_split(k) for k in wanted))
        rows = cur.execute(select.replace("FROM pilkada_item_state WHERE",
                                          "FROM pilkada_item_state JOIN unnest(%s::text[], %s::text[]) "
                                          "AS k(i, r) ON item = k.i AND region = k.r WHERE"),
                           (list(items), list(regions), plan_id)).fetchall()
    late: set[str] = set()
    latest = point.fetchone()[0] if first_new else None
    maybe_late = [key for key, event in first_new.items() if latest is not None and event.ts <= latest]
    if maybe_late:
        for item, region, folded in point.execute(
                f"SELECT item, region, max(ts) FROM ({keyed('item, region, ts', ' AND e.seq <= %(upto)s')}) x "
                "GROUP BY item, region", {**keyed_params(plan_id, map(_split, maybe_late)), "upto": upto}):
            key = instance_key(item, region)
            if folded >= first_new[key].ts:
                late.add(key)
    point.close()
    states, used, retargeted = projection.load(rows, targets)

    def events_of(key: str) -> list:
        return [to_event(r) for r in cur.execute(keyed(columns), keyed_params(plan_id, [_split(key)]))]

    changed = projection.advance(states, used, newer, late, targets, events_of, retargeted)
    if changed:
        cur.executemany(
            "INSERT INTO pilkada_item_state (plan, item, region, value, done, done_at, value_before_done, done_by, "
            "target) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (plan, item, region) DO UPDATE SET "
            "value = EXCLUDED.value, done = EXCLUDED.done, done_at = EXCLUDED.done_at, "
            "value_before_done = EXCLUDED.value_before_done, done_by = EXCLUDED.done_by, target = EXCLUDED.target",
            [(plan_id, *_split(key), st.value, bool(st.done), st.done_at, st.value_before_done, st.done_by, used[key])
             for key in changed for st in (states[key],)])
    if newer:
        cur.execute("INSERT INTO pilkada_projection (plan, upto) VALUES (%s, %s) ON CONFLICT (plan) DO UPDATE "
                    "SET upto = EXCLUDED.upto", (plan_id, newer[-1].id))
    if keys is not None:
        return {key: states[key] for key in keys if key in states}
    return states
