"""Regions (spec section 9): per-region offices, vote days and time zones."""

import json
import re

import pytest

from conftest import write_plan
from pilkada_cli.plan import check_plan

REGIONAL = """\
name: Pilkada Nasional Uji
vote_date: 2024-11-27
timezone: Asia/Jakarta
regions:
  - id: jakarta
    name: Provinsi DKI Jakarta
  - id: belu
    name: Kabupaten Belu
    timezone: Asia/Makassar
  - id: jayapura
    name: Kota Jayapura
    timezone: Asia/Jayapura
  - id: sabu-raijua
    name: Kabupaten Sabu Raijua
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
"""

POLRES = """\
stakeholder: polres
phase: persiapan
items:
  - id: pemetaan
    title: Pemetaan TPS rawan
    due: H-11
  - id: patroli-perbatasan
    title: Patroli perbatasan RI-RDTL
    due: H-14
    weight: 3
    regions: [belu]
"""

POLDA = """\
stakeholder: polda
phase: persiapan
items:
  - id: rakor
    title: Rakor
    due: H-30
"""


@pytest.fixture
def regional(isolated):
    return write_plan(isolated / "nasional", plan=REGIONAL, files={"polres.yaml": POLRES, "polda.yaml": POLDA})


def status(run, root, *args, env=None):
    result = run("status", "--plan", str(root), "--json", *args, env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_instances_and_ids(run, regional):
    data = status(run, regional, "--on", "2024-08-01")
    ids = [i["id"] for i in data["items"]]
    assert "polda/rakor" in ids
    assert {"polres/pemetaan@jakarta", "polres/pemetaan@belu", "polres/pemetaan@jayapura",
            "polres/pemetaan@sabu-raijua", "polres/patroli-perbatasan@belu"} <= set(ids)
    assert "polres/patroli-perbatasan@jakarta" not in ids
    assert next(i for i in data["items"] if i["id"] == "polres/pemetaan@belu")["region"] == "belu"
    assert next(i for i in data["items"] if i["id"] == "polda/rakor")["region"] is None


def test_each_region_counts_down_in_its_own_zone(run, regional):
    # 15:30 UTC on 26 Nov: already 27 Nov in Jayapura (UTC+9), still 26 Nov in Jakarta and Belu.
    data = status(run, regional, env={"PILKADA_NOW": "2024-11-26T15:30:00+00:00"})
    regions = {r["id"]: r for r in data["regions"]}
    assert regions["jayapura"]["countdown"] == "H" and regions["jayapura"]["days_to_vote"] == 0
    assert regions["jakarta"]["countdown"] == "H-1" and regions["belu"]["countdown"] == "H-1"
    assert regions["sabu-raijua"]["vote_date"] == "2025-04-19" and regions["sabu-raijua"]["countdown"] == "H-144"
    assert {"id", "name", "vote_date", "timezone", "days_to_vote", "countdown", "progress", "counts"} <= set(
        regions["belu"])
    # H-offsets resolve against each region's own vote day
    due = {i["id"]: i["due"] for i in data["items"]}
    assert due["polres/pemetaan@belu"] == "2024-11-16" and due["polres/pemetaan@sabu-raijua"] == "2025-04-08"


def test_ticking_one_instance_moves_only_that_region(run, regional):
    result = run("tick", "polres/patroli-perbatasan@belu", "--plan", str(regional), "--on", "2024-11-01")
    assert result.exit_code == 0, result.output
    assert "Progres Polres Kabupaten Belu: 75,0%" in result.stdout
    data = status(run, regional, "--on", "2024-11-01")
    regions = {r["id"]: r["progress"] for r in data["regions"]}
    assert regions == {"jakarta": 0.0, "belu": 75.0, "jayapura": 0.0, "sabu-raijua": 0.0}
    polres = next(s for s in data["stakeholders"] if s["id"] == "polres")
    assert polres["progress"] == round(100 * 3 / 7, 1)  # weights: 4 pemetaan (1 each) + patroli (3)
    assert data["progress"] == round(100 * 3 / 8, 1)


def test_tick_with_region_option_and_errors(run, regional):
    p = str(regional)
    ok = run("tick", "pemetaan", "--region", "jayapura", "--plan", p)
    assert ok.exit_code == 0, ok.output and "pemetaan@jayapura" in ok.stdout
    missing = run("tick", "pemetaan", "--plan", p)
    assert missing.exit_code == 2 and "jakarta, belu, jayapura" in missing.stderr
    unknown = run("tick", "pemetaan@bellu", "--plan", p)
    assert unknown.exit_code == 2 and "belu" in unknown.stderr
    not_there = run("tick", "patroli-perbatasan@jakarta", "--plan", p)
    assert not_there.exit_code == 2 and "belu" in not_there.stderr
    plain = run("tick", "rakor@belu", "--plan", p)
    assert plain.exit_code == 2


def test_filters_and_by_region_view(run, regional):
    p = str(regional)
    run("tick", "pemetaan@belu", "--plan", p, "--on", "2024-11-20")
    data = status(run, regional, "--on", "2024-11-20", "--region", "belu")
    assert {i["id"] for i in data["items"]} == {"polres/pemetaan@belu", "polres/patroli-perbatasan@belu"}
    listing = json.loads(run("list", "--plan", p, "--region", "jayapura", "--json").stdout)
    assert [i["id"] for i in listing] == ["polres/pemetaan@jayapura"]
    view = run("status", "--plan", p, "--on", "2024-11-20", "--by", "region")
    assert view.exit_code == 0, view.output
    rows = [line for line in view.stdout.splitlines() if "│" in line and "Kab" in line or "Kota" in line]
    assert rows and "Kabupaten Belu" in view.stdout and "Kabupaten Sabu Raijua" in view.stdout
    # most urgent first: regions with overdue items before Sabu Raijua, which votes in April
    assert view.stdout.index("Kota Jayapura") < view.stdout.index("Kabupaten Sabu Raijua")
    assert run("status", "--by", "region").exit_code == 0  # the bundled plan has regions


def test_status_lists_an_item_late_in_many_regions_as_one_row(run, regional):
    p = str(regional)
    screen = run("status", "--plan", p, "--on", "2024-11-20", "--limit", "3", env={"COLUMNS": "120"}).stdout
    late = screen.partition("terlambat (5)")[2]
    # Jakarta, Belu and Jayapura missed the mapping the same day: one row; Sabu Raijua votes in April
    assert re.search(r"│ polres/pemetaan +│ Pemetaan TPS rawan · 3 wilayah", late), late
    assert "polres/pemetaan@" not in late
    assert "polres/patroli-perbatasan@belu" in late  # one region: its own id
    assert "polda/rakor" in late  # most late first: the rakor, the patrol, then the three mappings as one row
    one = run("status", "--plan", p, "--on", "2024-11-20", "--region", "belu", env={"COLUMNS": "120"}).stdout
    assert "polres/pemetaan@belu" in one and "wilayah" not in one.partition("terlambat")[2]


def test_summary_for_one_region_counts_down_to_its_vote_day(run, regional):
    result = run("summary", "--plan", str(regional), "--region", "sabu-raijua", "--on", "2025-04-01",
                 "--format", "json", "--dry-run")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["countdown"] == "H-18" and data["region"] == "Kabupaten Sabu Raijua"
    assert {i["id"] for i in data["due_soon"]} == {"polres/pemetaan@sabu-raijua"}


@pytest.mark.parametrize("change, key", [
    (lambda plan, polres: (plan, polres.replace("regions: [belu]", "regions: [bellu]")), "region.undeclared_suggest"),
    (lambda plan, polres: (plan.replace("    per_region: true\n", ""), polres), "region.item_regions_not_per_region"),
    (lambda plan, polres: (plan.replace("  - id: jayapura\n", "  - id: belu\n"), polres), "id.duplicate"),
    (lambda plan, polres: (plan.replace("Asia/Jayapura", "Asia/Papua"), polres), "timezone.unknown_in_plan"),
    (lambda plan, polres: (plan.replace("2025-04-19", "2025-04-31"), polres), "date.nonexistent"),
    (lambda plan, polres: (plan.split("regions:")[0] + "stakeholders:" + plan.split("stakeholders:")[1], polres),
     "region.per_region_without_regions"),
])
def test_region_validation(isolated, change, key):
    plan, polres = change(REGIONAL, POLRES)
    root = write_plan(isolated / "p", plan=plan, files={"polres.yaml": polres, "polda.yaml": POLDA})
    _, problems = check_plan(root)
    assert key in {p.key for p in problems if p.is_error}, [p.key for p in problems]
    assert all(p.line for p in problems if p.key == key)


def test_bundled_plan_by_region(run):
    data = json.loads(run("status", "--on", "2024-11-01", "--json").stdout)
    assert len(data["regions"]) == 22
    assert {r["id"] for r in data["regions"]} >= {"kota-kupang", "belu", "malaka", "sumba-barat-daya"}
    border = {i["id"] for i in data["items"] if i["id"].startswith("polres/patroli-perbatasan@")}
    assert border == {"polres/patroli-perbatasan@" + r for r in ("belu", "malaka", "timor-tengah-utara", "kupang")}
    view = run("status", "--by", "region", "--on", "2024-11-01")
    assert view.exit_code == 0 and "Kabupaten Sumba Barat Daya" in view.stdout


def test_many_regions_are_listed_as_aligned_lines(run, isolated):
    regions = "".join(f"  - id: r{n}\n    name: Wilayah {n}\n" for n in range(80))
    plan = REGIONAL.split("regions:")[0] + "regions:\n" + regions + "stakeholders:" + REGIONAL.split("stakeholders:")[1]
    root = write_plan(isolated / "besar", plan=plan, files={"polres.yaml": POLRES.replace("regions: [belu]", "regions: [r7]"),
                                                           "polda.yaml": POLDA})
    run("tick", "pemetaan@r5", "--plan", str(root), "--on", "2024-11-20")
    result = run("status", "--plan", str(root), "--on", "2024-11-20", "--by", "region")
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if re.match(r"Wilayah \d+ ", line)]
    assert len(rows) == 80 and "│" not in result.stdout
    assert rows[-1].startswith("Wilayah 5 ")  # the only region with nothing overdue comes last
    assert "100,0%" in rows[-1] and "1/1" in rows[-1]


def test_summary_compares_with_the_same_earlier_states_as_a_full_replay(run, regional, monkeypatch):
    """The daily summary refolds only the items with an event since its earlier point; what it reports must be
    exactly what replaying the whole journal gives, across zones, late entries and recorded summaries."""
    import importlib

    tracker_module = importlib.import_module("pilkada_cli.tracker.replay")
    p = str(regional)
    writes = [("2024-10-01T16:30:00+00:00", ["patroli-perbatasan@belu"]),  # the 2nd in Belu, the 1st in Jakarta
              ("2024-10-02T01:00:00+00:00", ["pemetaan@jakarta", "rakor"]),
              ("2024-10-02T15:30:00+00:00", ["pemetaan@jayapura"]),  # the 3rd in Jayapura
              ("2024-10-03T02:00:00+00:00", ["pemetaan@belu"]),
              ("2024-10-03T03:00:00+00:00", ["pemetaan@belu", "--undo"])]
    for moment, args in writes:
        assert run("tick", *args, "--plan", p, env={"PILKADA_NOW": moment}).exit_code == 0
    # a summary recorded on the 3rd, then a late entry for the 2nd recorded after it
    assert run("summary", "--plan", p, env={"PILKADA_NOW": "2024-10-03T04:00:00+00:00"}).exit_code == 0
    assert run("tick", "pemetaan@sabu-raijua", "--plan", p, "--on", "2024-10-02",
               env={"PILKADA_NOW": "2024-10-03T05:00:00+00:00"}).exit_code == 0

    default = tracker_module.REFOLD_AT_MOST

    def both(*args, env=None):
        reports = []
        for limit in (default, -1):  # -1: always too many changed items, so the journal is replayed
            monkeypatch.setattr(tracker_module, "REFOLD_AT_MOST", limit)
            result = run("summary", "--plan", p, "--format", "json", "--dry-run", *args, env=env)
            assert result.exit_code == 0, result.output
            reports.append(json.loads(result.stdout))
        return reports

    compared = 0
    for day in ("2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04"):
        for since in ((), ("--since", "2024-10-01"), ("--since", "2024-10-02")):
            shortcut, replay = both("--on", day, *since)
            assert shortcut == replay
            compared += 1
    shortcut, replay = both(env={"PILKADA_NOW": "2024-10-04T02:00:00+00:00"})  # today: from the projection
    assert shortcut == replay
    assert shortcut["since_source"] == "last_summary"
    assert [i["id"] for i in shortcut["completed_since"]] == ["polres/pemetaan@sabu-raijua"]  # the late entry
    assert compared == 12


@pytest.mark.parametrize("typed, suggested", [("kupang-kota", "kota-kupang"), ("Belu", None)])
def test_regions_suggested_whatever_the_word_order(run, typed, suggested):
    result = run("status", "--region", typed, "--on", "2024-09-01")
    if suggested:
        assert result.exit_code == 2 and suggested in result.stderr
    else:
        assert result.exit_code == 0  # case does not matter


def test_the_plan_knows_exactly_its_instances_declarations_and_assessments(regions_plan):
    """Plan.knows, the rule that marks a journal's entry "no longer in the plan" in status, check and log."""
    from pilkada_cli.plan.discovery import load_plan

    plan = load_plan(regions_plan)
    tasks = {task.key for task in plan.tasks()}
    assert "polres/evaluasi-pemilu-2024@ambon" in tasks and "kpu/nphd" in tasks
    known = tasks | {"gonogo/polres@belu", "gonogo/polres@ambon", "gonogo/kpu", "risk/politik-uang@belu"}
    assert all(plan.knows(key) for key in known)
    for key in ("polres/evaluasi-pemilu-2024", "polres/evaluasi-pemilu-2024@kupang", "kpu/nphd@belu",
                "kpu/lain", "gonogo/polres", "gonogo/kpu@belu", "gonogo/bawaslu", "risk/politik-uang",
                "risk/politik-uang@ambon", "risk/lain@belu", "benchmark/start", "polres@belu"):
        assert not plan.knows(key), key
