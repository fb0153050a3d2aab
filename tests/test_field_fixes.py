"""Issue 9, the field test: each finding reproduced as the user met it."""

import json

import pytest

from conftest import write_plan

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


def test_the_eve_of_the_vote_shows_what_is_due_and_what_is_late(run):
    screen = run("status", "--on", "2024-11-26").stdout
    due_soon, _, overdue = screen.partition("terlambat (")
    # The H-1 logistics escort and distribution are listed, critical first ...
    assert "distribusi-logistik@" in due_soon or "pengawalan-logistik@" in due_soon
    assert "segera jatuh tempo (104)" in due_soon
    # ... and so are overdue items, with what was left out and how to see it.
    assert "pilkada list --on 2024-11-26 --state segera" in screen
    assert "pilkada list --on 2024-11-26 --state terlambat" in overdue
    assert "polda/" in overdue or "korem/" in overdue


def test_the_rest_command_keeps_the_filters(run):
    screen = run("status", "--on", "2024-11-26", "--stakeholder", "polres", "--lang", "en").stdout
    assert "pilkada list --stakeholder polres --on 2024-11-26 --state due_soon" in screen
