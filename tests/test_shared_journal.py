"""Issue 15: one journal for every office. The journal suite runs against SQLite and a real PostgreSQL
(one parametrized fixture); identities, editors (enforced by the server with row-level security), two
plans in one database, concurrent writers, and offices that export, import and sync."""

import json
import multiprocessing
import os
import pwd
import shutil
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import KPU, PLAN, POLDA, write_plan
from pilkada_cli.model import NewEvent
from pilkada_cli.plan import load_plan
from pilkada_cli.store import open_plan_store, open_store
from pilkada_cli.store.fold import fold

CTX = multiprocessing.get_context("fork")
ME = pwd.getpwuid(os.geteuid()).pw_name


def plan_text(plan_id: str, polda_editors: str | None = None) -> str:
    text = PLAN.replace("name: Rencana Uji\n", f"id: {plan_id}\nname: Rencana Uji\n")
    if polda_editors is not None:
        text = text.replace("  - id: polda\n    name: Polda Uji\n",
                            f"  - id: polda\n    name: Polda Uji\n    editors: [{polda_editors}]\n")
    return text


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request, isolated):
    """(kind, env for the CLI): the same scenario on either journal."""
    if request.param == "sqlite":
        return "sqlite", {}
    return "postgres", {"PILKADA_DATABASE_URL": request.getfixturevalue("pg_url")}


def make_plan(run, isolated, backend, plan_id, editors=None, name="rencana"):
    kind, env = backend
    root = write_plan(isolated / name, plan_text(plan_id, editors))
    if kind == "postgres":
        result = run("db", "init", "--plan", str(root), env=env)
        assert result.exit_code == 0, result.output
    return root, env


def status(run, root, env):
    result = run("status", "--json", "--plan", str(root), env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_same_events_same_states_on_either_journal(run, isolated, backend):
    root, env = make_plan(run, isolated, backend, f"uji-{uuid.uuid4().hex[:8]}")
    p = str(root)
    for args in (["tick", "apel", "--on", "2024-08-01", "--by", "andi"], ["tick", "nphd", "--value", "40"],
                 ["tick", "nphd", "--value", "65,5"], ["tick", "pemetaan-kerawanan"],
                 ["tick", "pemetaan-kerawanan", "--undo"], ["tick", "patroli", "--note", "siap"]):
        result = run(*args, "--plan", p, env=env)
        assert result.exit_code == 0, (args, result.output)
    data = status(run, root, env)
    items = {x["id"]: x for x in data["items"]}
    assert items["polda/apel"]["state"] == "done" and items["kpu/nphd"]["value"] == 65.5
    assert items["polda/pemetaan-kerawanan"]["state"] != "done"
    log = json.loads(run("log", "--json", "--plan", p, env=env).stdout)
    assert len(log) == 6 and all(len(uuid.UUID(e["uid"]).hex) == 32 for e in log)
    first = log[0]
    assert first["actor"] == "andi" and first["on_behalf_of"] == "andi" and first["identity"]
    assert run("check", "--plan", p, env=env).exit_code == 0
    summary = run("summary", "--plan", p, env=env)
    assert summary.exit_code == 0 and "kode rantai" in summary.stdout


def test_a_non_editor_is_refused_with_exit_4_and_nothing_written(run, isolated, backend):
    root, env = make_plan(run, isolated, backend, f"ed-{uuid.uuid4().hex[:8]}", editors="kapolda_saja")
    p = str(root)
    for extra in ([], ["--by", "kapolda_saja"]):
        refused = run("tick", "apel", *extra, "--plan", p, env=env)
        assert refused.exit_code == 4, refused.output
        assert "Polda Uji" in refused.stderr and "kapolda_saja" in refused.stderr
    assert run("tick", "nphd", "--value", "10", "--plan", p, env=env).exit_code == 0  # KPU has no editors
    log = json.loads(run("log", "--json", "--plan", p, env=env).stdout)
    assert [e["item"] for e in log] == ["kpu/nphd"]


def test_an_editor_may_write(run, isolated, backend):
    kind, env = backend
    identity = ME if kind == "sqlite" else "postgres"
    root, env = make_plan(run, isolated, backend, f"ok-{uuid.uuid4().hex[:8]}", editors=identity)
    assert run("tick", "apel", "--plan", str(root), env=env).exit_code == 0


def test_a_late_entry_folds_in_its_place_not_on_top(run, isolated, backend):
    """An entry dated before what is already recorded (--on a past day) folds before it: the states read
    afterwards are those of the fold in time order, not of the order of arrival."""
    root, env = make_plan(run, isolated, backend, f"telat-{uuid.uuid4().hex[:8]}")
    p = str(root)
    for moment, args in (("2024-08-05T03:00:00+00:00", ["tick", "apel"]),
                         ("2024-08-05T04:00:00+00:00", ["tick", "nphd", "--value", "40"]),
                         ("2024-08-06T03:00:00+00:00", ["tick", "apel", "--undo", "--on", "2024-08-03"]),
                         ("2024-08-06T04:00:00+00:00", ["tick", "nphd", "--value", "60", "--on", "2024-08-03"])):
        result = run(*args, "--plan", p, env={**env, "PILKADA_NOW": moment})
        assert result.exit_code == 0, result.output
    items = {x["id"]: x for x in status(run, root, env)["items"]}
    assert items["polda/apel"]["state"] == "done"  # the undo of the 3rd came before the tick of the 5th
    assert items["kpu/nphd"]["value"] == 40  # the 3rd's 60 came before the 5th's 40
    assert run("check", "--plan", p, env=env).exit_code == 0


# -- PostgreSQL only: the server enforces, many plans, many writers


def test_a_write_the_server_refuses_exits_4_and_writes_nothing(run, isolated, pg_url, pg_roles):
    """The plan file no longer names polda's editors but the database, set up by `db init` from the earlier
    file, still does: the client lets the tick through, the server refuses it, and not one event of the
    batch is kept."""
    editor, other = pg_roles("editor", "other")
    plan_id = f"tolak-{uuid.uuid4().hex[:8]}"
    root = write_plan(isolated / "tolak", plan_text(plan_id, editor.name))
    assert run("db", "init", "--plan", str(root), env={"PILKADA_DATABASE_URL": pg_url}).exit_code == 0
    write_plan(isolated / "tolak", plan_text(plan_id))  # editors gone from the file only
    refused = run("tick", "apel", "patroli", "--plan", str(root), env=other.env)
    assert refused.exit_code == 4, refused.output
    assert "menolak" in refused.stderr and editor.name in refused.stderr and "polda" in refused.stderr
    assert json.loads(run("log", "--json", "--plan", str(root), env=other.env).stdout) == []
    assert run("tick", "apel", "--plan", str(root), env=editor.env).exit_code == 0


def test_two_plans_share_one_database(run, isolated, pg_url):
    env = {"PILKADA_DATABASE_URL": pg_url}
    first = write_plan(isolated / "satu", plan_text(f"satu-{uuid.uuid4().hex[:6]}"))
    second = write_plan(isolated / "dua", plan_text(f"dua-{uuid.uuid4().hex[:6]}"))
    for root in (first, second):
        assert run("db", "init", "--plan", str(root), env=env).exit_code == 0
    run("tick", "apel", "--plan", str(first), env=env)
    run("tick", "patroli", "--plan", str(second), env=env)
    assert [x["id"] for x in status(run, first, env)["items"] if x["state"] == "done"] == ["polda/apel"]
    assert [x["id"] for x in status(run, second, env)["items"] if x["state"] == "done"] == ["polda/patroli"]


def _writer(url: str, plan_id: str, worker: int, count: int, failures) -> None:
    try:
        store = open_store(url, plan_id)
        for n in range(count):
            store.append([NewEvent(f"polda/w{worker}-{n}", None, "done", None, "postgres")])
    except Exception as exc:  # noqa: BLE001 - reported to the parent
        failures.put(repr(exc))


def test_eight_writers_lose_nothing_and_keep_the_chain(run, isolated, pg_url):
    plan_id = f"beban-{uuid.uuid4().hex[:8]}"
    root = write_plan(isolated / "beban", plan_text(plan_id))
    assert run("db", "init", "--plan", str(root), env={"PILKADA_DATABASE_URL": pg_url}).exit_code == 0
    failures = CTX.Queue()
    workers = [CTX.Process(target=_writer, args=(pg_url, plan_id, w, 50, failures)) for w in range(8)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert failures.empty()
    store = open_store(pg_url, plan_id)
    events = store.events()
    assert len(events) == 400 and len({e.item for e in events}) == 400
    assert all(a.ts <= b.ts for a, b in zip(events, events[1:]))
    assert store.audit() == []


def test_an_offline_office_syncs_both_ways(run, isolated, pg_url):
    plan_id = f"sinkron-{uuid.uuid4().hex[:8]}"
    central = write_plan(isolated / "pusat", plan_text(plan_id))
    env = {"PILKADA_DATABASE_URL": pg_url}
    assert run("db", "init", "--plan", str(central), env=env).exit_code == 0
    office = isolated / "kantor"
    shutil.copytree(central, office)
    run("tick", "apel", "--plan", str(office), "--on", "2024-08-01")        # offline, in SQLite
    run("tick", "nphd", "--value", "30", "--plan", str(central), env=env)   # at the centre
    first = run("journal", "sync", pg_url, "--plan", str(office))
    assert first.exit_code == 0 and "1 catatan dikirim, 1 diterima" in first.stdout, first.output
    again = run("journal", "sync", pg_url, "--plan", str(office))
    assert "0 catatan dikirim, 0 diterima" in again.stdout
    assert status(run, office, {})["items"] == status(run, central, env)["items"]
    assert run("check", "--plan", str(office)).exit_code == 0


# -- export and import (SQLite, the offline office's journal)


def test_export_then_import_into_a_fresh_copy_gives_the_same_status(run, isolated):
    root = write_plan(isolated / "asal", plan_text("tukar"))
    p = str(root)
    run("tick", "apel", "--plan", p, "--on", "2024-08-01", "--by", "andi")
    run("tick", "nphd", "--value", "65", "--plan", p, "--on", "2024-08-02")
    run("tick", "nphd", "--undo", "--plan", p, "--on", "2024-08-02")
    export = isolated / "ekspor.jsonl"
    assert run("journal", "export", "--plan", p, "--output", str(export)).exit_code == 0
    lines = [json.loads(line) for line in export.read_text().splitlines()]
    assert len(lines) == 3 and {"id", "plan", "item", "kind", "value", "note", "actor", "on_behalf_of", "at"} <= \
        set(lines[0])
    copy = write_plan(isolated / "salinan", plan_text("tukar"))
    first = run("journal", "import", str(export), "--plan", str(copy))
    assert first.exit_code == 0 and "3 catatan ditambahkan, 0 sudah ada" in first.stdout
    assert status(run, copy, {}) == status(run, root, {})
    assert "0 catatan ditambahkan, 3 sudah ada" in run("journal", "import", str(export), "--plan", str(copy)).stdout
    other = write_plan(isolated / "lain", plan_text("rencana-lain"))
    refused = run("journal", "import", str(export), "--plan", str(other))
    assert refused.exit_code == 2 and "rencana-lain" in refused.stderr
    assert json.loads(run("log", "--json", "--plan", str(other)).stdout) == []


def test_a_bad_line_imports_nothing(run, isolated):
    root = write_plan(isolated / "r", plan_text("r"))
    source = isolated / "rusak.jsonl"
    good = {"id": str(uuid.uuid4()), "plan": "r", "item": "polda/apel", "kind": "done", "value": None,
            "note": None, "actor": "a", "on_behalf_of": None, "at": "2024-08-01T00:00:00.000000+00:00"}
    source.write_text(json.dumps(good) + "\n{not json\n")
    result = run("journal", "import", str(source), "--plan", str(root))
    assert result.exit_code == 2 and "rusak.jsonl:2" in result.stderr
    assert json.loads(run("log", "--json", "--plan", str(root)).stdout) == []


# -- the fold is a function of the set of events (Hypothesis)

STEPS = st.lists(st.tuples(st.sampled_from(["polda/apel", "kpu/nphd"]),
                           st.sampled_from(["done", "undone", "progress", "note"]),
                           st.integers(min_value=0, max_value=120), st.integers(min_value=0, max_value=5)),
                 min_size=1, max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS, split=st.randoms(use_true_random=False))
def test_journals_with_the_same_events_give_the_same_states(tmp_path_factory, steps, split):
    from datetime import datetime, timedelta, timezone

    folder = tmp_path_factory.mktemp("merge")
    plan = load_plan(write_plan(folder / "p", plan_text("gabung"), {"polda.yaml": POLDA, "kpu/p.yaml": KPU}))
    base = datetime(2024, 8, 1, tzinfo=timezone.utc)
    events = [NewEvent(item, None, kind, float(value) if kind == "progress" else None, "x", None, None,
                       str(uuid.uuid4()), base + timedelta(hours=hour)) for item, kind, value, hour in steps]
    whole = open_store(folder / "whole.sqlite3")
    whole.append(list(events))
    part_a, part_b = open_store(folder / "a.sqlite3"), open_store(folder / "b.sqlite3")
    shuffled = list(events)
    split.shuffle(shuffled)
    cut = split.randint(0, len(shuffled))
    part_a.append(shuffled[:cut]) if shuffled[:cut] else None
    part_b.append(shuffled[cut:]) if shuffled[cut:] else None
    # merge b into a in a random order, as an import would
    merged = [e for e in part_b.events()]
    split.shuffle(merged)
    for event in merged:
        part_a.append([NewEvent(event.item, event.region, event.kind, event.value, event.actor, event.note,
                                event.on_behalf_of, event.uid, event.ts)])
    targets = plan.targets()
    assert part_a.current_states(targets) == whole.current_states(targets) == fold(whole.events(), targets)


def test_open_plan_store_prefers_the_environment(plan_dir, monkeypatch):
    plan = load_plan(plan_dir)
    assert open_plan_store(plan, {}).path == plan.journal_path
    store = open_plan_store(plan, {"PILKADA_DATABASE_URL": "postgresql://someone:secret@db.example/x"})
    assert store.path == "postgresql://someone:***@db.example/x"


def test_the_postgres_projection_gives_what_sqlite_gives(run, isolated, pg_url):
    """The same writes (values, undos, a late entry, a changed target) on both journals: the same states,
    read through PostgreSQL's projection after every step."""
    env = {"PILKADA_DATABASE_URL": pg_url}
    plan_id = f"proyeksi-{uuid.uuid4().hex[:8]}"
    lite = write_plan(isolated / "lite", plan_text(plan_id))
    pg = write_plan(isolated / "pg", plan_text(plan_id + "-pg"))
    assert run("db", "init", "--plan", str(pg), env=env).exit_code == 0
    steps = [["tick", "nphd", "--value", "40"], ["tick", "apel"], ["tick", "nphd", "--value", "100"],
             ["tick", "nphd", "--undo"], ["tick", "patroli", "--on", "2024-08-01"], ["tick", "apel", "--undo"],
             ["tick", "pemetaan-kerawanan", "--on", "2024-07-30"]]
    for step in steps:
        assert run(*step, "--plan", str(lite)).exit_code == 0
        assert run(*step, "--plan", str(pg), env=env).exit_code == 0
        mine = {x["id"]: (x["state"], x["value"]) for x in status(run, lite, {})["items"]}
        theirs = {x["id"]: (x["state"], x["value"]) for x in status(run, pg, env)["items"]}
        assert mine == theirs, step
    for root in (lite, pg):  # a changed target refolds
        text = (root / "checklists" / "kpu" / "persiapan.yaml").read_text().replace("target: 100", "target: 50")
        (root / "checklists" / "kpu" / "persiapan.yaml").write_text(text)
    assert status(run, lite, {})["items"] == status(run, pg, env)["items"]


def test_check_sees_a_tampered_postgres_projection(run, isolated, pg_url):
    import psycopg

    env = {"PILKADA_DATABASE_URL": pg_url}
    plan_id = f"cek-{uuid.uuid4().hex[:8]}"
    root = write_plan(isolated / "cek", plan_text(plan_id))
    assert run("db", "init", "--plan", str(root), env=env).exit_code == 0
    run("tick", "apel", "--plan", str(root), env=env)
    assert run("status", "--plan", str(root), env=env).exit_code == 0
    assert run("check", "--plan", str(root), env=env).exit_code == 0
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO pilkada_item_state (plan, item, region, done) VALUES (%s, 'polda/hantu', '', true)",
                     (plan_id,))
    result = run("check", "--plan", str(root), env=env)
    assert result.exit_code == 2 and "polda/hantu" in result.stdout
