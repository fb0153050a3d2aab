"""`status` counted in SQL (the journal's projection joined with the user's index of the plan, in SQLite or on
the PostgreSQL server) must show exactly what counting in Python shows: across zones and vote days, filters,
values, undos, a changed target, an item gone from the plan, dependency chains, and the bundled plan."""

import importlib
import json
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest

from conftest import KPU as KPU_OF_CONFTEST
from conftest import PLAN as PLAN_OF_CONFTEST
from conftest import POLDA as POLDA_OF_CONFTEST
from conftest import write_plan

REPO = Path(__file__).resolve().parents[1]

PLAN = """\
name: Rencana Hitung
vote_date: 2024-11-27
timezone: Asia/Jakarta
due_soon_days: 5
regions:
  - id: jakarta
    name: Jakarta
  - id: belu
    name: Belu
    timezone: Asia/Makassar
  - id: jayapura
    name: Jayapura
    timezone: Asia/Jayapura
  - id: sabu
    name: Sabu Raijua
    timezone: Asia/Makassar
    vote_date: 2025-04-19
stakeholders:
  - id: polda
    name: Polda
  - id: polres
    name: Polres {region}
    per_region: true
phases:
  - id: persiapan
    name: Persiapan
    start: H-120
    end: H-1
  - id: hari-h
    name: Hari H
    start: H
    end: H
"""
POLRES = """\
stakeholder: polres
phase: persiapan
items:
  - {id: pemetaan, title: Pemetaan TPS rawan, due: H-11, critical: true}
  - {id: patroli, title: Patroli perbatasan, due: H-14, weight: 3, regions: [belu, sabu]}
  - {id: personel, title: Personel siap, due: H-3, target: {"*": 250, jakarta: 100}, unit: orang}
  - {id: logistik, title: Kawal logistik, due: H-1, depends_on: [polres/pemetaan]}
  - {id: tps, title: Pengamanan TPS, phase: hari-h, due: H, critical: true, depends_on: [polres/logistik]}
"""
POLDA = """\
stakeholder: polda
phase: persiapan
items:
  - {id: rakor, title: Rakor, due: H-30, weight: 2}
  - {id: anggaran, title: Anggaran, due: H-60, target: 100, unit: "%"}
  - {id: arsip, title: Arsip, due: 2024-11-16}
  - {id: tanpa-tenggat, title: Tanpa tenggat}
"""
VIEWS = ([], ["--by", "region"], ["--phases"], ["--stakeholder", "polres"], ["--region", "belu"],
         ["--phase", "persiapan"], ["--stakeholder", "polda", "--phase", "persiapan"], ["--limit", "2"])


@pytest.fixture(params=["sqlite", "postgres"])
def journal_env(request):
    """The environment for a plan's commands: its SQLite journal, or a PostgreSQL database."""
    if request.param == "sqlite":
        return {}
    return {"PILKADA_DATABASE_URL": request.getfixturevalue("pg_url")}


def make_plan(run, root, env, plan_text, files):
    assert plan_text.startswith("name: ") or "\nname: " in plan_text
    plan_text = plan_text.replace("name: ", f"id: hitung-{uuid.uuid4().hex[:8]}\nname: ", 1)
    root = write_plan(root, plan_text, files) if files is not None else root
    if files is None:  # a copied plan folder: give it its own id in a shared database
        (root / "pilkada.yaml").write_text(plan_text)
    if env:
        result = run("db", "init", "--plan", str(root), env=env)
        assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def counting(monkeypatch, journal_env):
    """Run `status` both ways; return the two screens. Fails unless the SQL way was really taken."""
    index = importlib.import_module("pilkada_cli.plan.index")
    real_index = index.instance_index
    # these plans are small, which status counts in Python unless told otherwise
    monkeypatch.setattr(importlib.import_module("pilkada_cli.tracker.core"), "COUNT_IN_SQL_FROM", 0)
    taken = []
    tally = importlib.import_module("pilkada_cli.report.tally")  # the report is made of SQL's counts only here

    def counted(*args, real=tally.from_counts, **kwargs):
        taken.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(tally, "from_counts", counted)

    def both(run, root, args, moment):
        screens = []
        for use_index in (True, False):
            monkeypatch.setattr(index, "instance_index", real_index if use_index else (lambda plan: None))
            taken.clear()
            result = run("status", "--plan", str(root), *args,
                         env={**journal_env, "PILKADA_NOW": moment, "COLUMNS": "120", "PILKADA_LANG": "id"})
            assert result.exit_code == 0, result.output
            assert taken == ([True] if use_index else []), (args, moment)
            screens.append(result.stdout)
        return screens

    both.env = journal_env
    return both


def tick(run, root, moment, *args, env=None):
    result = run("tick", *args, "--plan", str(root), env={**(env or {}), "PILKADA_NOW": moment})
    assert result.exit_code == 0, result.output


def compare(run, counting, root, moments):
    compared = 0
    for moment in moments:
        for view in VIEWS:
            in_sql, in_python = counting(run, root, view, moment)
            assert in_sql == in_python, (view, moment)
            compared += 1
    return compared


def test_counting_in_sql_shows_what_counting_in_python_shows(run, isolated, counting):
    env = counting.env
    root = make_plan(run, isolated / "hitung", env, PLAN, {"polres.yaml": POLRES, "polda.yaml": POLDA})
    tick(run, root, "2024-10-01T02:00:00+00:00", "rakor", env=env)
    tick(run, root, "2024-10-02T02:00:00+00:00", "pemetaan@belu", env=env)
    tick(run, root, "2024-10-02T03:00:00+00:00", "personel@jakarta", "--value", "120", env=env)
    tick(run, root, "2024-10-03T02:00:00+00:00", "personel@belu", "--value", "300", env=env)
    tick(run, root, "2024-10-03T03:00:00+00:00", "anggaran", "--value", "65", env=env)
    tick(run, root, "2024-10-04T02:00:00+00:00", "patroli@sabu", env=env)
    tick(run, root, "2024-10-04T03:00:00+00:00", "pemetaan@jayapura", env=env)
    tick(run, root, "2024-10-05T03:00:00+00:00", "pemetaan@jayapura", "--undo", env=env)
    tick(run, root, "2024-10-05T03:30:00+00:00", "arsip", env=env)
    # around midnight in the east: Jayapura and Belu are a day ahead of Jakarta
    moments = ["2024-10-05T04:00:00+00:00", "2024-11-15T15:30:00+00:00", "2024-11-15T16:30:00+00:00",
               "2024-11-22T12:00:00+00:00", "2024-11-27T01:00:00+00:00", "2024-12-20T01:00:00+00:00"]
    assert compare(run, counting, root, moments) == 6 * len(VIEWS)

    # a raised target refolds (Belu's 300 of 250 was done, of 400 it is not: SQLite's count finds such stale
    # states itself, a PostgreSQL server once `db init` loads the plan's new targets; Jakarta's 120 of its own 100
    # stays done); an item gone from the plan is reported
    for name, old, new in (("polres.yaml", '"*": 250', '"*": 400'),
                           ("polda.yaml", "  - {id: arsip", "  - {id: arsip-baru")):
        path = root / "checklists" / name
        path.write_text(path.read_text().replace(old, new))
    if env:
        assert run("db", "init", "--plan", str(root), env=env).exit_code == 0
    in_sql, in_python = counting(run, root, [], moments[1])
    assert in_sql == in_python
    assert "1 item yang tidak ada lagi di rencana (tetap disimpan): polda/arsip\n" in in_sql
    assert compare(run, counting, root, moments[:3]) == 3 * len(VIEWS)


def test_the_bundled_plan_counts_the_same_both_ways(run, isolated, counting):
    env = counting.env
    root = isolated / "ntt"
    shutil.copytree(REPO / "checklists", root)
    make_plan(run, root, env, (root / "pilkada.yaml").read_text(), None)
    tick(run, root, "2024-09-01T02:00:00+00:00", "polda/pemetaan-kerawanan", env=env)
    tick(run, root, "2024-09-02T02:00:00+00:00", "kpu/cetak-surat-suara", env=env)
    tick(run, root, "2024-09-03T02:00:00+00:00", "kpu-kabkota/terima-surat-suara@belu", env=env)
    # early (most items upcoming), a minute before midnight WITA on the eve (most due soon), vote day: the
    # bundled plan has 2,136 instances, so each moment costs ten counts of them (five views, both ways)
    moments = ["2024-08-01T03:00:00+00:00", "2024-11-26T15:59:00+00:00", "2024-11-27T03:00:00+00:00"]
    for moment in moments:
        for view in ([], ["--phases"], ["--stakeholder", "kpu-kabkota"], ["--region", "belu"], ["--by", "region"]):
            in_sql, in_python = counting(run, root, view, moment)
            assert in_sql == in_python, (view, moment)


def test_a_stale_or_foreign_index_is_rebuilt_or_not_used(run, isolated, counting):
    env = counting.env
    plan_dir = make_plan(run, isolated / "rencana", env, PLAN_OF_CONFTEST, {"polda.yaml": POLDA_OF_CONFTEST,
                                                                             "kpu/persiapan.yaml": KPU_OF_CONFTEST})
    moment = "2024-08-01T03:00:00+00:00"
    tick(run, plan_dir, moment, "apel", env=env)
    first, _ = counting(run, plan_dir, [], moment)
    (plan_dir / "checklists" / "polda.yaml").write_text(
        # patroli: overdue now
        (plan_dir / "checklists" / "polda.yaml").read_text().replace("due: H-10", "due: 2024-07-30"))
    moved, in_python = counting(run, plan_dir, [], moment)  # the index follows the edit
    assert moved == in_python and moved != first
    index = next((isolated.parent / "cache" / "plans").glob("*.index.sqlite3"))
    index.chmod(0o666)  # writable by others: not trusted; rebuilt in place
    again, in_python = counting(run, plan_dir, [], moment)
    assert again == in_python and index.stat().st_mode & 0o022 == 0
    if env:  # PostgreSQL: rows for the server that are not what this version writes are made again
        with sqlite3.connect(index) as conn:
            conn.execute("UPDATE meta SET server_rows = ?", (json.dumps(["[]", "[]", "[]", ["{1}", "{2}"]]),))
        conn.close()
        remade, in_python = counting(run, plan_dir, [], moment)
        assert remade == in_python == again


def test_a_small_plan_is_counted_in_python_without_an_index(run, plan_dir, isolated):
    """Below a few thousand instances counting in Python is quicker than building and joining an index."""
    result = run("status", "--plan", str(plan_dir), env={"PILKADA_NOW": "2024-08-01T03:00:00+00:00"})
    assert result.exit_code == 0, result.output
    assert list((isolated.parent / "cache" / "plans").glob("*.json"))  # the plan cache, and nothing more
    assert not list((isolated.parent / "cache" / "plans").glob("*.index.sqlite3"))


def test_a_role_that_may_only_read_sees_what_an_editor_sees(run, isolated, pg_url, pg_roles, monkeypatch):
    """The server keeps every state as it writes: a role that may only read counts on the server too, and its
    screen is the same as an editor's."""
    import psycopg

    monkeypatch.setattr(importlib.import_module("pilkada_cli.tracker.core"), "COUNT_IN_SQL_FROM", 0)
    tally = importlib.import_module("pilkada_cli.report.tally")
    counted_in_sql = []

    def count(*args, real=tally.from_counts, **kwargs):
        counted_in_sql.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(tally, "from_counts", count)
    admin = {"PILKADA_DATABASE_URL": pg_url}
    root = make_plan(run, isolated / "baca", admin, PLAN, {"polres.yaml": POLRES, "polda.yaml": POLDA})
    reader, = pg_roles("reader", groups=())
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader.name}")
    tick(run, root, "2024-10-02T02:00:00+00:00", "pemetaan@belu", env=admin)
    tick(run, root, "2024-10-02T03:00:00+00:00", "pemetaan@jakarta", env=admin)
    screens = []
    for env in (reader.env, admin):
        result = run("status", "--plan", str(root), env={**env, "PILKADA_NOW": "2024-10-03T02:00:00+00:00",
                                                         "COLUMNS": "120"})
        assert result.exit_code == 0, result.output
        screens.append(result.stdout)
    assert screens[0] == screens[1] and " 2/" in screens[0].splitlines()[4]  # both counted
    assert counted_in_sql == [True, True]


@pytest.mark.parametrize("journal_env", ["postgres"], indirect=True)
def test_counting_on_postgres_without_pipelines_gives_the_same_screen(run, isolated, counting, no_pipelines):
    """Where libpq is older than 14 and has no pipeline mode, each statement of the count waits for its answer:
    the same screen."""
    env = counting.env
    root = make_plan(run, isolated / "pipa", env, PLAN, {"polres.yaml": POLRES, "polda.yaml": POLDA})
    tick(run, root, "2024-10-01T02:00:00+00:00", "rakor", env=env)
    tick(run, root, "2024-10-03T02:00:00+00:00", "personel@belu", "--value", "300", env=env)
    for view in ([], ["--by", "region"]):
        in_sql, in_python = counting(run, root, view, "2024-11-15T15:30:00+00:00")
        assert in_sql == in_python, view


def test_each_instance_is_counted_in_sql_as_python_classifies_it(run, isolated, journal_env):
    """Cell by cell: a plan whose every stakeholder has one item, over a grid of deadlines (none, past, today,
    the last day of due soon, the day after), targets (none, 100) and journal states (nothing, a value under,
    at and over the target, done, done then undone), so each (stakeholder, phase) sum the SQL gives is one
    instance's state and completion: each must be what report/status.classify decides."""
    from datetime import datetime, timezone

    from pilkada_cli import Tracker
    from pilkada_cli.plan.index import instance_index
    from pilkada_cli.report.tally import zone_days
    from pilkada_cli.store.base import Count

    dues = {"none": None, "past": "H-40", "today": "H-30", "soon": "H-25", "later": "H-24"}  # today: H-30
    asks = {"nothing": [], "under": [["--value", "40"]], "at": [["--value", "100"]], "over": [["--value", "250"]],
            "done": [[]], "undone": [[], ["--undo"]]}
    cells = [(due, target, ask) for due in dues for target in (None, 100) for ask in asks
             if target or ask not in ("under", "at", "over")]
    plan = ["name: Sel demi sel", "vote_date: 2024-11-27", "timezone: Asia/Makassar", "due_soon_days: 5",
            "phases: [{id: p, name: P, start: H-120, end: H}]", "stakeholders:"]
    files = {}
    for n, (due, target, ask) in enumerate(cells):
        plan.append(f"  - {{id: s{n}, name: S{n}}}")
        fields = [f"id: i, title: {due} {target} {ask}"] + ([f"due: {dues[due]}"] if dues[due] else []) + \
            ([f"target: {target}"] if target else [])
        files[f"s{n}.yaml"] = f"stakeholder: s{n}\nphase: p\nitems:\n  - {{{', '.join(fields)}}}\n"
    root = make_plan(run, isolated / "sel", journal_env, "\n".join(plan) + "\n", files)
    now = "2024-10-28T03:00:00+00:00"  # H-30 in Makassar
    for n, (due, target, ask) in enumerate(cells):
        for args in asks[ask]:
            result = run("tick", f"s{n}/i", *args, "--plan", str(root), env={**journal_env, "PILKADA_NOW": now})
            assert result.exit_code == 0, result.output
    tracker = Tracker.open(root, env={**journal_env}, now=datetime.fromisoformat(now))
    python = {status.task.item.stakeholder: (status.state, status.completion) for status in tracker.statuses()}
    asked = Count(instance_index(tracker.plan), zone_days(tracker.plan, tracker.clock), tracker.plan.due_soon_days,
                  (), (), (), frozenset(), 1, False)
    counted = tracker.store.read(tracker.plan.targets(), keys=[], count=asked).counted
    assert counted is not None
    sql = {stakeholder: (state, weighted / weight) for stakeholder, _, state, weighted, weight, n in counted.by_phase}
    assert len(sql) == len(cells) and set(python.values()) >= {("done", 1.0), ("overdue", 0.4), ("due_soon", 0.0),
                                                               ("upcoming", 0.0), ("no_due", 0.0)}
    for n, cell in enumerate(cells):
        state, completion = python[f"s{n}"]
        assert sql[f"s{n}"][0] == state and sql[f"s{n}"][1] == pytest.approx(completion), (cell, sql[f"s{n}"])
