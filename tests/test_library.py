"""The library (spec section 17): `from pilkada_cli import Tracker, PilkadaError` does what the commands do,
returns what they print as JSON, prints nothing, exits nothing, and raises errors that carry the exit code."""

import json
import subprocess
import sys
from datetime import date, datetime, timezone

import pytest

import pilkada_cli
from pilkada_cli import BadInput, NotAllowed, PilkadaError, PlanInvalid, Tracker

NOW = datetime(2024, 8, 1, 3, 0, tzinfo=timezone.utc)


def opened(plan_dir, on=None):
    return Tracker.open(plan_dir, on, now=NOW, fixed_clock=True)


def test_the_status_record_is_what_status_json_prints(run, plan_dir):
    tracker = opened(plan_dir)
    tracker.tick("polda/pemetaan-kerawanan", note="Rakor 1 Agustus")
    printed = json.loads(run("status", "--json", "--plan", str(plan_dir),
                             env={"PILKADA_NOW": NOW.isoformat()}).stdout)
    assert Tracker.open(plan_dir, now=NOW).status().to_dict() == printed
    assert printed["counts"]["done"] == 1


def test_items_summary_gonogo_risks_and_events_answer_as_their_commands(run, plan_dir):
    tracker = opened(plan_dir)
    tracker.tick(["kpu/nphd"], value=40)
    env = {"PILKADA_NOW": NOW.isoformat()}
    overdue = tracker.items(state="overdue", critical=True)
    assert [x.to_dict() for x in overdue] == json.loads(
        run("list", "--state", "terlambat", "--critical", "--json", "--plan", str(plan_dir), env=env).stdout)
    assert [x.key for x in tracker.items(state=["terlambat", "due_soon"])] == [
        x["id"] for x in json.loads(run("list", "--state", "overdue", "--state", "segera", "--json", "--plan",
                                        str(plan_dir), env=env).stdout)]
    summary = tracker.summary()
    assert summary.to_dict() == json.loads(run("summary", "--format", "json", "--dry-run", "--plan", str(plan_dir),
                                               env=env).stdout)
    assert tracker.gonogo().to_dict() == json.loads(
        run("gonogo", "--json", "--plan", str(plan_dir), env=env).stdout)
    assert tracker.risks().to_dict() == json.loads(run("risk", "--json", "--plan", str(plan_dir), env=env).stdout)
    assert [e.kind for e in tracker.events()] == ["progress"]
    assert [e.to_dict(tracker.tz)["value"] for e in tracker.log()] == [40]


def test_a_tick_returns_what_it_did_and_the_office_after_it(plan_dir):
    result = opened(plan_dir).tick("pemetaan-kerawanan", note="Rakor 1 Agustus")
    assert [o.outcome for o in result.outcomes] == ["done"]
    assert result.status_of("polda/pemetaan-kerawanan").state == "done"
    again = opened(plan_dir).tick("polda/pemetaan-kerawanan")
    assert [o.outcome for o in again.outcomes] == ["already_done"]
    undone = opened(plan_dir).tick("polda/pemetaan-kerawanan", undo=True)
    assert [o.outcome for o in undone.outcomes] == ["undone"]


def test_on_a_day_the_journal_is_replayed_as_of_it(plan_dir):
    opened(plan_dir).tick("polda/apel")
    assert opened(plan_dir, on="2024-07-31").status().overall.counts.done == 0
    assert opened(plan_dir, on=date(2024, 8, 1)).status().overall.counts.done == 1


def test_nothing_is_printed_and_errors_carry_their_exit_codes(plan_dir, capsys):
    tracker = opened(plan_dir)
    with pytest.raises(BadInput) as unknown:
        tracker.tick("polda/tidak-ada")
    assert unknown.value.exit_code == 2 and unknown.value.key.startswith("tick.unknown")
    with pytest.raises(PilkadaError) as state:
        tracker.items(state="hilang")
    assert state.value.exit_code == 2
    with pytest.raises(BadInput):
        opened(plan_dir, on="2024-09-01").tick("polda/apel")  # a day that has not come: refused, not dated now
    (plan_dir / "pilkada.yaml").write_text("name: [rusak\n", encoding="utf-8")
    with pytest.raises(PlanInvalid) as broken:
        Tracker.open(plan_dir)
    assert broken.value.exit_code == 2 and broken.value.problems
    assert capsys.readouterr() == ("", "")
    assert NotAllowed.exit_code == 4


def test_check_and_init_work_on_plan_folders(isolated, plan_dir):
    made, source = pilkada_cli.init_plan(isolated / "baru", "2029-11-28", source=plan_dir)
    assert source == plan_dir.resolve() and made.vote_date == date(2029, 11, 28)
    report = pilkada_cli.check_plan(isolated / "baru")
    assert report.errors == 0 and report.to_dict("en")["plan"] == str(report.root)
    (plan_dir / "pilkada.yaml").write_text("name: [rusak\n", encoding="utf-8")
    assert pilkada_cli.check_plan(plan_dir).errors == 1  # reported, not raised


def test_importing_the_library_loads_neither_the_command_line_nor_rich():
    code = ("import sys, pilkada_cli; pilkada_cli.Tracker; "
            "print(sorted(m for m in ('typer', 'click', 'rich') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_the_readme_example_runs_as_written(isolated, monkeypatch, capsys):
    """The README's "Use it from Python" block, on the bundled plan (which has Belu and the Polda's mapping)."""
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Use it from Python", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    import shutil

    bundled = shutil.copytree(Path(__file__).parent.parent / "checklists", isolated / "bawaan")  # its journal there
    exec(compile(block.replace('"rencana/"', repr(str(bundled))), "README.md", "exec"), {})
    assert capsys.readouterr().out.splitlines()[0].startswith(("H-", "H+"))  # the countdown, today
