"""Counting a plan's items in PostgreSQL, the counterpart of sqlite_tally.py: the user's index of the plan's
instances is copied (COPY, as CSV made once per index) into temporary tables of one transaction and joined
with the journal's projection on the server, so `status` brings back the sums and the rows it prints, not
52,860 states. The rules are the same; the tests run both journals through them."""

from __future__ import annotations

from pilkada_cli.errors import JournalError, NotAllowed
from pilkada_cli.store import pg_projection
from pilkada_cli.store.base import Counted, grouped_sums

TABLES = """
    CREATE TEMP TABLE pk_instances (item text, region text, key text, grp int, due int, weight float8,
                                    target float8, critical int, zone text) ON COMMIT DROP;
    CREATE TEMP TABLE pk_groups (grp int, stakeholder text, phase text) ON COMMIT DROP;
    CREATE TEMP TABLE pk_zones (zone text PRIMARY KEY, today int) ON COMMIT DROP;
    CREATE TEMP TABLE pk_skipped (item text PRIMARY KEY) ON COMMIT DROP;
"""
COUNTED = """
    CREATE TEMP TABLE pk_counted ON COMMIT DROP AS
    SELECT *, CASE WHEN completion >= 1 THEN 0 WHEN days IS NULL THEN 4 WHEN days < 0 THEN 1
                   WHEN days <= %(soon)s THEN 2 ELSE 3 END AS label
    FROM (SELECT i.item, i.region, i.key, i.grp, i.weight, i.critical, i.due - z.today AS days,
                 s.item IS NOT NULL AND s.target IS DISTINCT FROM i.target AS stale,
                 CASE WHEN s.done THEN 1.0::float8 WHEN coalesce(i.target, 0) <> 0 AND s.value IS NOT NULL
                      THEN greatest(0.0, least(s.value / i.target, 1.0)) ELSE 0.0 END AS completion
          FROM pk_instances i JOIN pk_zones z ON z.zone = i.zone
          LEFT JOIN pilkada_item_state s ON s.plan = %(plan)s AND s.item = i.item AND s.region = i.region
          WHERE i.item NOT IN (SELECT item FROM pk_skipped) {filters}) x
"""
SHOWN = ("SELECT c.item, c.region, s.value, s.done, s.done_at, s.value_before_done, s.done_by FROM "
         "(SELECT item, region FROM pk_counted WHERE label = %(label)s "
         "ORDER BY critical DESC, days {order}, key COLLATE \"C\" LIMIT %(limit)s) c "
         "LEFT JOIN pilkada_item_state s ON s.plan = %(plan)s AND s.item = c.item AND s.region = c.region")


def count(journal, texts: tuple[str, str], targets: dict[str, float | None], zones: dict[str, int],
          due_soon_days: int, stakeholders: tuple[str, ...], phases: tuple[str, ...], regions: tuple[str, ...],
          skipped: frozenset[str], limit: int, by_region: bool) -> Counted | None:
    """As sqlite_tally.count, with `texts` the index's instances and groups as CSV (plan.index.copy_text).
    None where the server will not (a database not set up by `db init`, a role without the grants)."""
    from pilkada_cli.store.postgres import EVENT_COLUMNS, _event

    try:
        with journal._cursor(write=True) as cur:
            # the projection brought up to date first, as a Python read does, in the same transaction
            pg_projection.project(cur, journal.plan_id, EVENT_COLUMNS, _event, targets, [])
            cur.execute(TABLES)
            for table, text, nullable in (("pk_instances", texts[0], "due, target"), ("pk_groups", texts[1], "phase")):
                with cur.copy(f"COPY {table} FROM STDIN (FORMAT csv, FORCE_NULL ({nullable}))") as copy:
                    copy.write(text)
            cur.executemany("INSERT INTO pk_zones VALUES (%s, %s)", list(zones.items()))
            cur.executemany("INSERT INTO pk_skipped VALUES (%s)", [(item,) for item in skipped])
            params = {"soon": due_soon_days, "plan": journal.plan_id, "limit": limit}
            filters = ""
            groups = [f"{column} = ANY(%({column}s)s)" for column, values in
                      (("stakeholder", stakeholders), ("phase", phases)) if values]
            if groups:
                filters += f" AND i.grp IN (SELECT grp FROM pk_groups WHERE {' AND '.join(groups)})"
            if regions:
                filters += " AND i.region = ANY(%(regions)s)"
            params.update(stakeholders=list(stakeholders), phases=list(phases), regions=list(regions))
            cur.execute(COUNTED.format(filters=filters), params)
            stale = [item + ("@" + region if region else "") for item, region in
                     cur.execute("SELECT item, region FROM pk_counted WHERE stale")]
            if stale:  # states folded with another target than the plan's now: refolded, then counted again
                pg_projection.project(cur, journal.plan_id, EVENT_COLUMNS, _event, targets, stale)
                cur.execute("DROP TABLE pk_counted")
                cur.execute(COUNTED.format(filters=filters), params)
            return _sums(cur, params, by_region)
    except (JournalError, NotAllowed):
        return None


def _sums(cur, params: dict, by_region: bool) -> Counted:
    by_phase, by_regions = grouped_sums(cur.execute, by_region)
    due_soon = cur.execute(SHOWN.format(order="ASC"), {**params, "label": 2}).fetchall()
    overdue = cur.execute(SHOWN.format(order="DESC"), {**params, "label": 1}).fetchall()
    unknown = sorted(item + ("@" + region if region else "") for item, region in cur.execute(
        "SELECT s.item, s.region FROM pilkada_item_state s WHERE s.plan = %(plan)s AND NOT EXISTS "
        "(SELECT 1 FROM pk_instances i WHERE i.item = s.item AND i.region = s.region)", params))
    return Counted(by_phase, by_regions, due_soon, overdue, unknown)
