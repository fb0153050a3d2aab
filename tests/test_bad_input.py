"""Every command against a folder of bad plans: exit 2, the file (and line) named, never a traceback.
Plus property-based checks of progress and the CLI under concurrent use."""

import multiprocessing
import os
import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import write_plan
from pilkada_cli.model import Event
from pilkada_cli.plan import load_plan
from pilkada_cli.report.status import Clock, Group, evaluate_states, fold_as_of


def evaluate(plan, events, clock):
    """Every instance's status with the journal's events folded as of the clock."""
    return evaluate_states(plan, fold_as_of(plan, events, clock), clock)
from pilkada_cli.store.sqlite import Journal

BAD_PLANS = Path(__file__).parent / "bad_plans"
CASES = sorted(p.name for p in BAD_PLANS.iterdir() if p.is_dir())
COMMANDS = [["status"], ["status", "--json"], ["list"], ["tick", "pemetaan"], ["summary", "--dry-run"], ["log"],
            ["cron"], ["check"]]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c))
def test_every_command_refuses_each_bad_plan(run, isolated, case, command):
    plan = isolated / case
    shutil.copytree(BAD_PLANS / case, plan)
    expected = (BAD_PLANS / case / "EXPECTED").read_text().strip()
    result = run(*command, "--plan", str(plan))
    assert result.exit_code == 2, (case, result.output)
    assert "Traceback" not in result.output
    text = result.stderr if command[0] != "check" else result.stdout
    assert expected in text, (case, text)


@pytest.mark.parametrize("content, message", [
    (b"name: \xc0\xc1 rusak\n", "UTF-8"),
    (b"\x00\x01\x02binary", "UTF-8"),
])
def test_binary_and_non_utf8_plans(run, isolated, content, message):
    root = write_plan(isolated / "p")
    (root / "pilkada.yaml").write_bytes(content)
    result = run("status", "--plan", str(root))
    assert result.exit_code == 2 and message in result.stderr and "pilkada.yaml" in result.stderr


def test_a_bad_journal_file_is_reported_by_every_command(run, plan_dir):
    journal = plan_dir / ".pilkada" / "journal.sqlite3"
    journal.parent.mkdir()
    journal.write_bytes(b"this is not sqlite" * 100)
    for command in (["status"], ["tick", "apel"], ["log"], ["summary"]):
        result = run(*command, "--plan", str(plan_dir))
        assert result.exit_code == 1, result.output
        assert "bukan jurnal pilkada" in result.stderr and "journal.sqlite3" in result.stderr
    check = run("check", "--plan", str(plan_dir))
    assert check.exit_code == 2 and "bukan jurnal" in check.stdout
    assert journal.read_bytes() == b"this is not sqlite" * 100


# ------------------------------------------------------------------------------------------ properties

ITEMS = ["polda/pemetaan-kerawanan", "polda/apel", "polda/patroli", "kpu/nphd", "kpu/debat"]
action = st.tuples(st.sampled_from(ITEMS), st.sampled_from(["done", "undone", "progress", "note"]),
                   st.floats(min_value=0, max_value=150, allow_nan=False))


@pytest.fixture(scope="module")
def small_plan(tmp_path_factory):
    cache = str(tmp_path_factory.mktemp("cache"))  # made before `isolated` sets PILKADA_CACHE_DIR
    return load_plan(write_plan(tmp_path_factory.mktemp("prop") / "p"), env={**os.environ, "PILKADA_CACHE_DIR": cache})


def _events(actions, start=datetime(2024, 8, 1, 1, tzinfo=timezone.utc)):
    events = []
    for n, (item, kind, value) in enumerate(actions):
        if kind == "progress" and item != "kpu/nphd":
            kind = "done"
        events.append(Event(n + 1, start + timedelta(hours=7 * n), item, None, kind,
                            value if kind == "progress" else None, "p", None))
    return events


def _progress(plan, events, day=None):
    return Group.of(evaluate(plan, events, Clock(datetime(2025, 1, 1, tzinfo=timezone.utc), day))).progress


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(action, max_size=40))
def test_progress_stays_within_bounds(small_plan, actions):
    events = _events(actions)
    for cut in range(len(events) + 1):
        assert 0.0 <= _progress(small_plan, events[:cut]) <= 100.0


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(action, max_size=30), st.sampled_from(ITEMS))
def test_a_tick_never_lowers_progress_and_an_undo_restores_it(small_plan, actions, item):
    events = _events(actions)
    before = _progress(small_plan, events)
    ticked = events + [Event(len(events) + 1, events[-1].ts if events else datetime.now(timezone.utc), item, None,
                             "done", None, "p", None)]
    after = _progress(small_plan, ticked)
    assert after >= before - 1e-9
    states_before = {s.key: s for s in evaluate(small_plan, events, Clock(datetime(2025, 1, 1, tzinfo=timezone.utc)))}
    if states_before[item].state != "done":
        undone = ticked + [Event(len(ticked) + 1, ticked[-1].ts, item, None, "undone", None, "p", None)]
        assert _progress(small_plan, undone) == pytest.approx(before)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(action, min_size=1, max_size=30), st.integers(min_value=0, max_value=12))
def test_replay_matches_the_journal_prefix(small_plan, actions, days):
    events = _events(actions)
    day = date(2024, 8, 1) + timedelta(days=days)
    end = datetime(day.year, day.month, day.day, tzinfo=timezone(timedelta(hours=8))) + timedelta(days=1)
    prefix = [e for e in events if e.ts < end]
    replay = {s.key: (s.state, s.completion) for s in evaluate(small_plan, events, Clock(datetime.now(timezone.utc), day))}
    direct = {s.key: (s.state, s.completion) for s in evaluate(small_plan, prefix, Clock(datetime.now(timezone.utc), day))}
    assert replay == direct


# ------------------------------------------------------------------------------------------ concurrency

TICKS = 60  # by each of four processes at once: enough to meet each other's write locks many times


def many(stakeholder: str) -> str:
    return f"stakeholder: {stakeholder}\nitems:\n" + "".join(f"  - {{id: item-{n}, title: Item {n}}}\n"
                                                              for n in range(TICKS))


def _cli_worker(plan: str, stakeholder: str, queue) -> None:
    from typer.testing import CliRunner

    from pilkada_cli.cli import app

    runner = CliRunner()
    bad = []
    for n in range(TICKS):
        result = runner.invoke(app, ["tick", f"{stakeholder}/item-{n}", "--plan", plan, "--by", stakeholder])
        if result.exit_code != 0 or result.stderr:
            bad.append(result.output)
    queue.put(bad)


def test_four_cli_processes_ticking_at_once(isolated):
    plan_text = ("name: Serentak\nvote_date: 2024-11-27\ntimezone: Asia/Makassar\nstakeholders:\n"
                 + "".join(f"  - {{id: s{k}, name: S{k}}}\n" for k in range(4)))
    root = write_plan(isolated / "p", plan=plan_text, files={f"s{k}.yaml": many(f"s{k}") for k in range(4)})
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    workers = [ctx.Process(target=_cli_worker, args=(str(root), f"s{k}", queue)) for k in range(4)]
    for worker in workers:
        worker.start()
    reports = [queue.get(timeout=240) for _ in workers]
    for worker in workers:
        worker.join(10)
    assert reports == [[], [], [], []]
    events = Journal(root / ".pilkada" / "journal.sqlite3").events()
    assert len(events) == 4 * TICKS and len({e.item for e in events}) == 4 * TICKS
