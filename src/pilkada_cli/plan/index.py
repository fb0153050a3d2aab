"""This user's SQLite index of a plan's tracked instances, beside the plan cache: one row per instance with
its resolved deadline, so `status` can count a national plan's instances in SQL (joined with the journal's
projection) instead of building a Python record for each.

Derived data, rebuilt whenever the plan cache's key changes (any plan file edited, another version), and kept
under the same rules as the cache: the user's own cache folder, a file that is the user's and writable by no
one else (checked before it is opened), written whole and renamed into place. Whatever goes wrong, the index
is simply not used and the command counts in Python as before."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from pilkada_cli.model import Plan
from pilkada_cli.plan.cache import trusted

FORMAT = 5  # of the index's tables; the key also holds the plan cache's (its format, the version, the files)
SCHEMA = """
    CREATE TABLE meta (key TEXT NOT NULL, server_rows TEXT);  -- server_rows: what store/pg_tally.server_rows made, as JSON
    CREATE TABLE groups (grp INTEGER PRIMARY KEY, stakeholder TEXT NOT NULL, phase TEXT);
    CREATE TABLE instances (
        item        TEXT NOT NULL,     -- stakeholder/item
        region      TEXT NOT NULL,     -- '' for an item that is not per region (as in the journal's projection)
        key         TEXT NOT NULL,     -- stakeholder/item@region, or stakeholder/item
        grp         INTEGER NOT NULL,  -- its (stakeholder, phase) in groups: progress is summed per group
        due         INTEGER,           -- the deadline, resolved against the region's vote day, as a date's
                                       -- ordinal (date.toordinal()); NULL for none
        weight      REAL NOT NULL,
        target      REAL,
        critical    INTEGER NOT NULL,
        zone        TEXT NOT NULL,     -- the IANA time zone the instance's "today" is read in
        PRIMARY KEY (item, region)
    ) WITHOUT ROWID;
"""


def index_path(plan: Plan) -> Path | None:
    """The index that belongs to this plan object, or None (a plan that is not cached has none)."""
    return Path(str(plan.cached_as[0]) + ".index.sqlite3") if plan.cached_as else None


def instance_index(plan: Plan) -> Path | None:
    """The path of an up-to-date index of `plan`'s instances, built if missing or stale; None if it cannot be."""
    path = index_path(plan)
    if path is None:
        return None
    key = json.dumps([FORMAT, plan.cached_as[1]])
    if _current(path, key):
        return path
    try:
        _build(plan, path, key)
    except (OSError, sqlite3.Error):
        return None
    return path if _current(path, key) else None


def _current(path: Path, key: str) -> bool:
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if not trusted(info):  # the plan cache's rule
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT key FROM meta").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == key


def _build(plan: Plan, path: Path, key: str) -> None:
    import tempfile

    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=".plan-index.", dir=path.parent)  # mode 0600
    os.close(fd)
    try:
        conn = sqlite3.connect(temporary)
        try:
            with conn:
                conn.executescript(SCHEMA)
                conn.execute("INSERT INTO meta (key) VALUES (?)", (key,))
                groups: dict[tuple[str, str | None], int] = {}
                for item in plan.items:
                    groups.setdefault((item.stakeholder, item.phase), len(groups))
                conn.executemany("INSERT INTO groups VALUES (?, ?, ?)", ((n, *pair) for pair, n in groups.items()))
                conn.executemany("INSERT INTO instances VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (
                    (task.item.full_id, task.region.id if task.region else "", task.key,
                     groups[(task.item.stakeholder, task.item.phase)], task.due.toordinal() if task.due else None,
                     task.item.weight, task.target, int(task.item.critical), plan.timezone_for(task.region))
                    for task in plan.tasks()))
        finally:
            conn.close()
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
