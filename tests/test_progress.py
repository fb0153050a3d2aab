"""Progress maths (spec section 6) computed by hand for a small plan, and the 99.9/0.1 rule on every screen."""

import json
from datetime import date, datetime, timezone

import pytest

from conftest import write_plan
from pilkada_cli.model import NewEvent
from pilkada_cli.plan import load_plan
from pilkada_cli.report.status import Clock, Filters, evaluate_states, fold_as_of


def evaluate(plan, events, clock, filters=Filters()):
    """Every instance's status (within `filters`) with the journal's events folded as of the clock."""
    return evaluate_states(plan, fold_as_of(plan, events, clock), clock, filters)
from pilkada_cli.report.tally import build_status
from pilkada_cli.store.sqlite import Journal

NOW = datetime(2024, 8, 1, 3, 0, tzinfo=timezone.utc)  # 11:00 WITA


def tick(journal, item, kind="done", value=None, at=NOW):
    journal.append([NewEvent(item, None, kind, value, "penguji")], at)


def test_progress_follows_the_spec(plan_dir):
    plan = load_plan(plan_dir)
    journal = Journal(plan.journal_path)
    report = build_status(plan, fold_as_of(plan, journal.events(), Clock(NOW)), Clock(NOW))
    assert report.countdown == "H-118" and report.days_to_vote == 118
    assert report.overall.progress == 0
    states = {s.key: s.state for s in report.statuses}
    # nphd due 2024-06-27 is overdue; apel 2024-08-26 upcoming; pemetaan H-90 = 2024-08-29 upcoming;
    # debat has no due date.
    assert states == {"polda/pemetaan-kerawanan": "upcoming", "polda/apel": "upcoming", "polda/patroli": "upcoming",
                      "kpu/nphd": "overdue", "kpu/debat": "no_due"}

    tick(journal, "polda/pemetaan-kerawanan")
    tick(journal, "kpu/nphd", "progress", 65)
    report = build_status(plan, fold_as_of(plan, journal.events(), Clock(NOW)), Clock(NOW))
    # weights: pemetaan 2, apel 1, patroli 1, nphd 2, debat 1 -> (2*1 + 2*0.65) / 7
    assert report.overall.progress == pytest.approx(100 * (2 + 1.3) / 7)
    polda = next(s for s in report.stakeholders if s.stakeholder.id == "polda")
    assert polda.group.progress == pytest.approx(50.0)
    assert report.to_dict()["progress"] == round(100 * 3.3 / 7, 1)
    persiapan = next(p for p in polda.phases if p[0] and p[0].id == "persiapan")
    assert persiapan[1].progress == pytest.approx(100 * 2 / 3)
    assert persiapan[1].counts.done == 1


def test_quantitative_item_done_at_target_and_undo_restores(plan_dir):
    plan = load_plan(plan_dir)
    journal = Journal(plan.journal_path)
    tick(journal, "kpu/nphd", "progress", 65)
    tick(journal, "kpu/nphd", "done")
    status = {s.key: s for s in evaluate(plan, journal.events(), Clock(NOW))}["kpu/nphd"]
    assert status.state == "done" and status.item_state.value == 100 and status.completion == 1
    tick(journal, "kpu/nphd", "undone")
    status = {s.key: s for s in evaluate(plan, journal.events(), Clock(NOW))}["kpu/nphd"]
    assert status.state == "overdue" and status.item_state.value == 65 and status.completion == pytest.approx(0.65)
    tick(journal, "kpu/nphd", "progress", 120)
    status = {s.key: s for s in evaluate(plan, journal.events(), Clock(NOW))}["kpu/nphd"]
    assert status.state == "done" and status.completion == 1


def test_replay_reads_the_journal_up_to_the_end_of_that_day_in_the_plan_zone(plan_dir):
    plan = load_plan(plan_dir)
    journal = Journal(plan.journal_path)
    # 2024-08-01 23:30 WITA is 15:30 UTC: it belongs to 1 August in the plan's zone.
    tick(journal, "polda/apel", at=datetime(2024, 8, 1, 15, 30, tzinfo=timezone.utc))
    # 2024-08-02 00:30 WITA is 16:30 UTC on 1 August: it belongs to 2 August.
    tick(journal, "polda/patroli", at=datetime(2024, 8, 1, 16, 30, tzinfo=timezone.utc))
    later = datetime(2024, 9, 1, tzinfo=timezone.utc)
    done_on_1 = {s.key for s in evaluate(plan, journal.events(), Clock(later, date(2024, 8, 1))) if s.state == "done"}
    done_on_2 = {s.key for s in evaluate(plan, journal.events(), Clock(later, date(2024, 8, 2))) if s.state == "done"}
    assert done_on_1 == {"polda/apel"}
    assert done_on_2 == {"polda/apel", "polda/patroli"}


def test_filters_limit_the_groups(plan_dir):
    plan = load_plan(plan_dir)
    report = build_status(plan, {}, Clock(NOW), Filters(stakeholders=("kpu",)))
    assert [s.stakeholder.id for s in report.stakeholders] == ["kpu"]
    assert report.overall.counts.total == 2


def test_due_soon_boundaries(plan_dir):
    plan = load_plan(plan_dir)
    # apel is due 2024-08-26: 7 days before is due soon, 8 days before upcoming, the day after overdue.
    def state_on(day):
        return {s.key: s.state for s in evaluate(plan, [], Clock(NOW, day))}["polda/apel"]
    assert state_on(date(2024, 8, 18)) == "upcoming"
    assert state_on(date(2024, 8, 19)) == "due_soon"
    assert state_on(date(2024, 8, 26)) == "due_soon"
    assert state_on(date(2024, 8, 27)) == "overdue"


def test_events_for_items_no_longer_in_the_plan_are_reported(plan_dir):
    plan = load_plan(plan_dir)
    journal = Journal(plan.journal_path)
    tick(journal, "polda/hilang")
    report = build_status(plan, fold_as_of(plan, journal.events(), Clock(NOW)), Clock(NOW))
    assert report.unknown_items == ["polda/hilang"]
    assert report.to_dict()["unknown_items"] == ["polda/hilang"]


# -- the 99.9/0.1 rule, on every screen: an open item never shows 100%, a started one never 0%


HEAVY = """\
stakeholder: polda
phase: persiapan
items:
  - id: besar
    title: Pekerjaan besar
    due: H-100
    weight: 9999
  - id: kecil
    title: Pekerjaan kecil
    due: H-100
"""


@pytest.fixture
def heavy(isolated):
    return write_plan(isolated / "berat", files={"polda.yaml": HEAVY})


def test_an_open_item_never_reads_100_percent(run, heavy):
    assert run("tick", "polda/besar", "--plan", str(heavy), "--on", "2024-08-01").exit_code == 0
    data = json.loads(run("status", "--json", "--plan", str(heavy), "--on", "2024-08-02").stdout)
    assert data["progress"] == 99.9
    assert data["stakeholders"][0]["progress"] == 99.9 and data["stakeholders"][0]["phases"][0]["progress"] == 99.9
    assert data["phases"][0]["progress"] == 99.9
    screen = run("status", "--plan", str(heavy), "--on", "2024-08-02").stdout
    assert "99,9%" in screen and "100,0%" not in screen
    assert "████████████████████" not in screen  # the bar is not full either
    summary = run("summary", "--dry-run", "--plan", str(heavy), "--on", "2024-08-02").stdout
    assert "Progres 99,9%, 1/2 selesai" in summary and "100,0%" not in summary


def test_some_completion_never_reads_0_percent(run, heavy):
    assert run("tick", "polda/kecil", "--plan", str(heavy), "--on", "2024-08-01").exit_code == 0
    data = json.loads(run("status", "--json", "--plan", str(heavy), "--on", "2024-08-02").stdout)
    assert data["progress"] == 0.1
    assert "0,1%" in run("status", "--plan", str(heavy), "--on", "2024-08-02").stdout


def test_done_is_100_and_nothing_is_0(run, heavy):
    data = json.loads(run("status", "--json", "--plan", str(heavy), "--on", "2024-08-02").stdout)
    assert data["progress"] == 0.0
    run("tick", "polda/besar", "polda/kecil", "--plan", str(heavy), "--on", "2024-08-01")
    data = json.loads(run("status", "--json", "--plan", str(heavy), "--on", "2024-08-02").stdout)
    assert data["progress"] == 100.0
