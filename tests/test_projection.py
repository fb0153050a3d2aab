"""The journal's projection (the item states kept beside its events) always says what folding every event
says: after each write, after writers that know nothing of it, when a target changes, when it cannot be saved."""

import json
import sqlite3
from datetime import date, datetime, timedelta, timezone

from conftest import KPU, later
from pilkada_cli.model import NewEvent
from pilkada_cli.plan import load_plan
from pilkada_cli.store.fold import fold
from pilkada_cli.store.sqlite import Journal
from pilkada_cli.errors import JournalError



NOW = datetime(2024, 8, 1, 3, 0, tzinfo=timezone.utc)


def states_now(plan, journal):
    return journal.current_states({i.full_id: i.target for i in plan.items})


def test_projection_matches_a_full_fold(plan_dir):
    plan = load_plan(plan_dir)
    journal = Journal(plan.journal_path)
    steps = [("kpu/nphd", "progress", 65), ("polda/apel", "done", None), ("kpu/nphd", "done", 100),
             ("polda/apel", "undone", None), ("kpu/nphd", "undone", None), ("polda/patroli", "done", None)]
    for n, (item, kind, value) in enumerate(steps):
        journal.append([NewEvent(item, None, kind, value, "x")], NOW + timedelta(minutes=n))
        targets = {i.full_id: i.target for i in plan.items}
        assert states_now(plan, journal) == fold(journal.events(), targets)
    conn = sqlite3.connect(journal.path)
    assert conn.execute("SELECT upto FROM projection").fetchone()[0] == len(steps)


def test_projection_catches_up_with_other_writers(plan_dir):
    plan = load_plan(plan_dir)
    journal = Journal(plan.journal_path)
    journal.append([NewEvent("polda/apel", None, "done", None, "x")], NOW)
    states_now(plan, journal)
    conn = sqlite3.connect(journal.path)
    with conn:  # a writer that knows nothing of the projection
        conn.execute("INSERT INTO events (ts, item, region, kind, value, actor) VALUES "
                     "('2024-08-01T04:00:00.000000+00:00', 'polda/apel', NULL, 'undone', NULL, 'y')")
    assert not states_now(plan, journal)["polda/apel"].done


def test_projection_refolds_when_a_target_changes(plan_dir):
    journal = Journal(load_plan(plan_dir).journal_path)
    journal.append([NewEvent("kpu/nphd", None, "progress", 80, "x")], NOW)
    assert not states_now(load_plan(plan_dir), journal)["kpu/nphd"].done
    later(plan_dir / "checklists" / "kpu" / "persiapan.yaml", KPU.replace("target: 100", "target: 80"))
    plan = load_plan(plan_dir)
    assert any(i.target == 80 for i in plan.items)
    assert states_now(plan, journal)["kpu/nphd"].done


def test_read_only_journal_still_answers(plan_dir, monkeypatch):
    plan = load_plan(plan_dir)
    journal = Journal(plan.journal_path)
    journal.append([NewEvent("polda/apel", None, "done", None, "x")], NOW)
    from pilkada_cli.store import sqlite as journal_module
    from pilkada_cli.errors import JournalError

    def refuse(self, *a, **k):
        raise JournalError("journal.readonly", path=str(self.path))

    monkeypatch.setattr(journal_module.Journal, "_transaction", refuse)
    assert states_now(plan, journal)["polda/apel"].done


def test_tick_undo_and_replay_agree_with_the_projection(run, plan_dir):
    p = str(plan_dir)
    run("tick", "apel", "--plan", p, "--on", "2024-08-01")
    run("tick", "nphd", "--value", "50", "--plan", p, "--on", "2024-08-02")
    run("tick", "apel", "--undo", "--plan", p, "--on", "2024-08-03")
    now = json.loads(run("status", "--plan", p, "--json").stdout)
    replay = json.loads(run("status", "--plan", p, "--json", "--on", date.today().isoformat()).stdout)
    assert now["progress"] == replay["progress"]
    assert [i["state"] for i in now["items"]] == [i["state"] for i in replay["items"]]
    on_2 = json.loads(run("status", "--plan", p, "--json", "--on", "2024-08-02").stdout)
    assert next(i for i in on_2["items"] if i["id"] == "polda/apel")["state"] == "done"


def test_reads_work_when_the_projection_cannot_be_saved(plan_dir, monkeypatch, run):
    p = str(plan_dir)
    assert run("tick", "apel", "--plan", p, "--on", "2024-08-01").exit_code == 0

    import pilkada_cli.store.sqlite as store

    original = store.Journal._project

    def full_disk(self, targets, keys, persist):
        if persist:
            raise JournalError("journal.disk_full", path=str(self.path))
        return original(self, targets, keys, persist)

    monkeypatch.setattr(store.Journal, "_project", full_disk)
    status = run("status", "--json", "--plan", p)
    assert status.exit_code == 0 and json.loads(status.stdout)["counts"]["done"] == 1
    tick = run("tick", "patroli", "--plan", p, "--on", "2024-08-01")
    assert tick.exit_code == 0 and "selesai" in tick.stdout
