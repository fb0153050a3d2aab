"""Counting a plan's items in SQL: the SQLite journal's projection joined with this user's index of the plan's
instances (plan/index.py), so `status` on a national plan adds up 52,860 instances in SQLite and brings into
Python only the sums and the rows it prints.

The rules are those of report/status.py (classify) written in SQL: completion 1 for a done item, else value
over target between 0 and 1 for a quantitative one; then done, overdue (due before today in the instance's
zone), due soon (no later than the plan's days ahead), upcoming, no due date. A test compares the two ways
on the same journals."""

from __future__ import annotations

from pathlib import Path

from pilkada_cli.errors import JournalError
from pilkada_cli.model import instance_key
from pilkada_cli.store.base import LABELS, Count, Counted


COUNTED = """
    CREATE TEMP TABLE pk_counted AS
    SELECT *, CASE WHEN completion >= 1 THEN 0 WHEN days IS NULL THEN 4 WHEN days < 0 THEN 1
                   WHEN days <= ? THEN 2 ELSE 3 END AS label
    FROM (SELECT i.item, i.region, i.key, i.grp, i.weight, i.critical, i.due - z.today AS days,
                 s.item IS NOT NULL AND s.target IS NOT i.target AS stale,
                 CASE WHEN s.done THEN 1.0 WHEN i.target AND s.value IS NOT NULL
                      THEN max(0.0, min(s.value / i.target, 1.0)) ELSE 0.0 END AS completion
          FROM idx.instances i JOIN temp.zones z ON z.zone = i.zone
          LEFT JOIN main.item_state s ON s.item = i.item AND s.region = i.region
          WHERE i.item NOT IN (SELECT item FROM temp.skipped) {filters})
"""
# The rows the screen lists, most late (or nearest) first: an item's instances with the same days left are one
# row (the first of them)
SHOWN = ("SELECT c.item, c.region, c.n, s.value, s.done, s.done_at, s.value_before_done, s.done_by FROM "
         "(SELECT item, min(region) AS region, count(*) AS n FROM temp.pk_counted WHERE label = ? "
         "GROUP BY item, days ORDER BY max(critical) DESC, days, min(key) LIMIT ?) c "
         "LEFT JOIN main.item_state s ON s.item = c.item AND s.region = c.region")


def count(journal, asked: Count, targets: dict[str, float | None]) -> Counted | None:
    """Count in SQL (store.base.Count says what); None where the journal cannot do it (not written yet,
    read-only, locked): the caller counts in Python."""
    if not journal.path.exists():
        return None
    try:
        refold: list[str] = []  # the projection brought up to date first, as a Python read does
        for _attempt in range(2):
            with journal._transaction() as conn:
                journal._project_in(conn, targets, refold, persist=True)
            with journal._reader() as conn:
                if conn is None:
                    return None
                counted, refold = _count(conn, asked.index, asked.zones, asked.due_soon_days, asked.stakeholders,
                                         asked.phases, asked.regions, asked.skipped, asked.limit, asked.by_region)
            if not refold:
                return counted
    except JournalError:
        pass
    return None  # a projection that would not settle (another version writing meanwhile): count in Python


def _count(conn, index: Path, zones, due_soon_days, stakeholders, phases, regions, skipped, limit, by_region
           ) -> tuple[Counted | None, list[str]]:
    """The counts, or the keys whose state was folded with another target than the plan's now (to refold)."""
    conn.execute("ATTACH DATABASE ? AS idx", (str(index),))
    conn.execute("CREATE TEMP VIEW pk_groups AS SELECT grp, stakeholder, phase FROM idx.groups")
    conn.execute("CREATE TEMP TABLE zones (zone TEXT PRIMARY KEY, today INTEGER NOT NULL)")
    conn.executemany("INSERT INTO temp.zones VALUES (?, ?)", zones.items())
    conn.execute("CREATE TEMP TABLE skipped (item TEXT PRIMARY KEY)")
    conn.executemany("INSERT INTO temp.skipped VALUES (?)", ((item,) for item in skipped))
    filters, params = "", [due_soon_days]
    groups = [(f"{column} IN ({', '.join('?' * len(values))})", values)
              for column, values in (("stakeholder", stakeholders), ("phase", phases)) if values]
    if groups:
        filters += f" AND i.grp IN (SELECT grp FROM idx.groups WHERE {' AND '.join(c for c, _ in groups)})"
        params += [value for _, values in groups for value in values]
    if regions:
        filters += f" AND i.region IN ({', '.join('?' * len(regions))})"
        params += regions
    conn.execute(COUNTED.format(filters=filters), params)
    stale = [instance_key(item, region) for item, region in
             conn.execute("SELECT item, region FROM temp.pk_counted WHERE stale")]
    if stale:
        return None, stale
    by_phase, by_regions = _grouped_sums(conn, by_region)
    due_soon = conn.execute(SHOWN, (2, limit)).fetchall()
    overdue = conn.execute(SHOWN, (1, limit)).fetchall()
    unknown = sorted(instance_key(item, region) for item, region in conn.execute(
        "SELECT s.item, s.region FROM main.item_state s WHERE NOT EXISTS "
        "(SELECT 1 FROM idx.instances i WHERE i.item = s.item AND i.region = s.region)"))
    return Counted(by_phase, by_regions, due_soon, overdue, unknown), []


def _grouped_sums(conn, by_region: bool) -> tuple[list[tuple], list[tuple]]:
    """The sums of a count in SQL, read from its temporary tables `pk_counted` (the instances counted) and
    `pk_groups` (stakeholder and phase of each group number): per (stakeholder, phase, state) and, if asked,
    per (region, state)."""
    by_phase = [(stakeholder, phase, LABELS[label], *sums) for stakeholder, phase, label, *sums in conn.execute(
        "SELECT g.stakeholder, g.phase, c.label, c.weighted, c.weight, c.n FROM (SELECT grp, label, "
        "sum(weight * completion) AS weighted, sum(weight) AS weight, count(*) AS n FROM pk_counted "
        "GROUP BY grp, label) c JOIN pk_groups g ON g.grp = c.grp")]
    by_region_sums = [(region, LABELS[label], *sums) for region, label, *sums in conn.execute(
        "SELECT region, label, sum(weight * completion), sum(weight), count(*) FROM pk_counted "
        "WHERE region <> '' GROUP BY region, label")] if by_region else []
    return by_phase, by_region_sums
