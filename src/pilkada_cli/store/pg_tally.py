"""Counting a plan's items in PostgreSQL, the counterpart of sqlite_tally.py: what the server needs of a plan
(the user's index of its instances, as server_rows gives it) is stored on the server once, under the digest the
server computes of it (pilkada_store_index), and `status` sends that digest with one statement that joins it with
the journal's projection: the sums and the rows the screen prints come back, not 52,860 states, and over a slow
line the count waits for one round trip. The rules are report/status.py's; a test compares them cell by cell."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from pilkada_cli.model import instance_key
from pilkada_cli.store.base import LABELS, Count, Counted

# Memory for the join (a national plan's takes some 10 MB) instead of temporary files at the server's default of
# 4 MB, and no JIT, which at this statement's estimated cost the server would spend about a second compiling.
SETUP = ("SET work_mem = '64MB'", "SET jit = off")  # for this connection
INDEX = """
    WITH it AS (SELECT no, item, grp, weight, critical FROM public.pilkada_index_items WHERE digest = %(digest)s),
    r AS (SELECT x.no, x.region, x.zone, z.today FROM public.pilkada_index_regions x
          LEFT JOIN unnest(%(zones)s::text[], %(todays)s::int[]) AS z(zone, today) ON z.zone = x.zone
          WHERE x.digest = %(digest)s),
    g AS (SELECT grp, stakeholder, phase FROM public.pilkada_index_groups WHERE digest = %(digest)s),
    n AS (SELECT no, item, region, due, target FROM public.pilkada_index_instances WHERE digest = %(digest)s),
"""
# Every instance joined with its state, and every state with its instance (a state with none is the journal's
# key that is not in the plan, label 5, the only rows with `item` and `region`); the instances the filters
# leave out and those counted in Python (on dependency chains) are label 6. `no` is the instance's number,
# which sorts as its key; names come from `it` and `r` by number.
COUNTED = """
    SELECT *, CASE WHEN no IS NULL THEN 5 WHEN NOT wanted THEN 6 WHEN completion >= 1 THEN 0 WHEN days IS NULL THEN 4
                   WHEN days < 0 THEN 1 WHEN days <= %(soon)s THEN 2 ELSE 3 END AS label
    FROM (SELECT i.no, i.item_no, i.region_no, i.grp, i.weight, i.critical, i.days,
                 CASE WHEN i.no IS NULL THEN s.item END AS item, CASE WHEN i.no IS NULL THEN s.region END AS region,
                 s.item IS NOT NULL AND i.no IS NOT NULL AND s.target IS DISTINCT FROM i.target AS stale,
                 CASE WHEN s.done THEN 1.0::float8 WHEN coalesce(i.target, 0) <> 0 AND s.value IS NOT NULL
                      THEN greatest(0.0, least(s.value / i.target, 1.0)) ELSE 0.0 END AS completion,
                 i.item_id <> ALL(%(skipped)s) {filters} AS wanted
          FROM (SELECT n.no, n.item AS item_no, n.region AS region_no, n.due - r.today AS days, it.item AS item_id,
                       r.region AS region_id, it.grp, it.weight, n.target, it.critical
                FROM n JOIN it ON it.no = n.item JOIN r ON r.no = n.region) i
          FULL JOIN (SELECT item, region, value, done, target FROM public.pilkada_item_state
                     WHERE plan = %(plan)s) s
            ON s.item = i.item_id AND s.region = i.region_id) x
"""
SUMS = "label, sum(weight * completion) AS weighted, sum(weight) AS weight, count(*) AS n FROM c WHERE label < 5"
STATE = "s.value, s.done, s.done_at, s.value_before_done, s.done_by"
NO_STATE = "NULL::float8, NULL::bool, NULL, NULL::float8, NULL"
NAMED = ("JOIN it ON it.no = x.item_no JOIN r ON r.no = x.region_no "
         "LEFT JOIN public.pilkada_item_state s ON s.plan = %(plan)s AND s.item = it.item AND s.region = r.region")
# the rows the screen lists, most late (or nearest) first: an item's instances with the same days left are one
# row (the first of them), how many in the fourth column
SHOWN = (f"SELECT {{part}}, it.item, r.region, x.n::int, NULL::float8, NULL::float8, NULL::bigint, {STATE} "
         "FROM (SELECT item_no, min(region_no) AS region_no, count(*) AS n FROM c WHERE label = {label} "
         "GROUP BY item_no, days ORDER BY max(critical) DESC, days, min(no) "
         f"LIMIT %(limit)s) x {NAMED}")
# Everything the report needs in one statement, in parts told apart by the first column; part 6 says the server
# holds the index at all (without it, the client stores it and asks again).
READ = f"""{INDEX}
    c AS MATERIALIZED ({{counted}})
    SELECT 0 AS part, g.stakeholder, g.phase, x.label, x.weighted, x.weight, x.n, {NO_STATE}
        FROM (SELECT grp, {SUMS} GROUP BY grp, label) x JOIN g ON g.grp = x.grp
    UNION ALL SELECT 1, r.region, NULL, x.label, x.weighted, x.weight, x.n, {NO_STATE}
        FROM (SELECT region_no, {SUMS} AND %(by_region)s GROUP BY region_no, label) x
        JOIN r ON r.no = x.region_no WHERE r.region <> ''
    UNION ALL ({SHOWN.format(part=2, label=2)})
    UNION ALL ({SHOWN.format(part=3, label=1)})
    UNION ALL SELECT 4, item, region, NULL, NULL, NULL, NULL, {NO_STATE} FROM c WHERE label = 5
    UNION ALL SELECT 5, it.item, r.region, NULL, NULL, NULL, NULL, {NO_STATE} FROM c x
        JOIN it ON it.no = x.item_no JOIN r ON r.no = x.region_no WHERE x.stale
    UNION ALL SELECT 6, NULL, NULL, NULL, NULL, NULL, NULL, {NO_STATE}
        WHERE EXISTS (SELECT 1 FROM public.pilkada_indexes WHERE digest = %(digest)s)
"""


def digest(rows: tuple[str, str, str, str]) -> str:
    """The digest pilkada_store_index computes of the same texts."""
    return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()


def statement(plan_id: str, key: str, asked: Count) -> tuple[str, dict]:
    """The count's one statement and its parameters, for the index stored under `key`."""
    zones, stakeholders, phases, regions = asked.zones, asked.stakeholders, asked.phases, asked.regions
    filters = ""
    groups = [f"{column} = ANY(%({column}s)s)" for column, values in
              (("stakeholder", stakeholders), ("phase", phases)) if values]
    if groups:
        filters += f" AND i.grp IN (SELECT grp FROM g WHERE {' AND '.join(groups)})"
    if regions:
        filters += " AND i.region_id = ANY(%(regions)s)"
    return READ.format(counted=COUNTED.format(filters=filters)), {
        "digest": key, "zones": list(zones), "todays": list(zones.values()), "soon": asked.due_soon_days,
        "plan": plan_id, "limit": asked.limit, "skipped": sorted(asked.skipped), "stakeholders": list(stakeholders),
        "phases": list(phases), "regions": list(regions), "by_region": asked.by_region}


def counted(rows) -> tuple[Counted | None, list[str]]:
    """READ's rows -> what was counted (None: the server holds no such index), and the keys of the states folded
    with another target than the plan's now."""
    parts: list[list[tuple]] = [[] for _ in range(7)]
    for part, first, second, label, weighted, weight, n, *state in rows:
        if part < 2:  # sums: (stakeholder, phase) or (region, None), then state and the sums
            parts[part].append((first, second, LABELS[label], weighted, weight, n))
        elif part < 4:  # a listed row: item, region, how many instances (in `label`'s place), its state
            parts[part].append((first, second, label, *state))
        else:  # an instance: item, region; or that the index is held
            parts[part].append((first, second))
    if not parts[6]:
        return None, []
    keys = [[instance_key(item, region) for item, region, *_ in parts[n]] for n in (4, 5)]
    return Counted(parts[0], [(region, *sums) for region, _, *sums in parts[1]], parts[2], parts[3],
                   sorted(keys[0])), keys[1]


def server_rows(path: Path) -> tuple[str, str, str, str] | None:
    """What the server needs of a plan to count it, from the user's index (plan/index.py): items (no, item, grp,
    weight, critical), regions (no, region, zone; '' for none) and groups (grp, stakeholder, phase) as JSON
    arrays of objects, and the instances as lines of numbers (number, item number, region number, deadline,
    target; empty for none). Instances are numbered in the order of their keys, so the number sorts as the key
    does. Made on first use and kept in the index; None if it cannot be read."""
    try:
        conn = sqlite3.connect(path)
        try:
            kept = conn.execute("SELECT server_rows FROM meta").fetchone()[0]
            kept = json.loads(kept) if kept is not None else None
            if isinstance(kept, list) and len(kept) == 4 and all(isinstance(x, str) for x in kept):
                return kept[0], kept[1], kept[2], kept[3]
            # none yet, or not what this version writes: made (again) from the index's tables
            item_no = {row[0]: (n, row) for n, row in enumerate(conn.execute(
                "SELECT DISTINCT item, grp, weight, critical FROM instances ORDER BY item"))}
            region_no = {row[0]: (n, row) for n, row in enumerate(conn.execute(
                "SELECT DISTINCT region, zone FROM instances ORDER BY region"))}
            rows = (json.dumps([dict(zip(("no", "item", "grp", "weight", "critical"), (n, *row)))
                                for n, row in item_no.values()]),
                    json.dumps([{"no": n, "region": row[0], "zone": row[1]} for n, row in region_no.values()]),
                    json.dumps([dict(zip(("grp", "stakeholder", "phase"), row))
                                for row in conn.execute("SELECT grp, stakeholder, phase FROM groups")]),
                    "".join(f"{n},{item_no[item][0]},{region_no[region][0]},{'' if due is None else int(due)},"
                            f"{'' if target is None else repr(target)}\n"
                            for n, (item, region, due, target) in enumerate(conn.execute(
                                "SELECT item, region, due, target FROM instances ORDER BY key"))))
            with conn:
                conn.execute("UPDATE meta SET server_rows = ?", (json.dumps(rows),))
            return rows
        finally:
            conn.close()
    except (sqlite3.Error, TypeError, ValueError):
        return None
