"""Issue 21, field test 3: what a Polres officer, a KPU admin and a briefer met at 80 columns, in mail and in
Excel. Each finding reproduced as the user met it."""

import json
import uuid

import pytest

from conftest import write_plan

REGIONS_PLAN = """\
id: {plan_id}
name: Rencana Wilayah
vote_date: 2024-11-27
timezone: Asia/Makassar
regions:
  - id: belu
    name: Kabupaten Belu
  - id: ambon
    name: Kota Ambon
stakeholders:
  - id: polres
    name: Polres {{region}}
    per_region: true
  - id: kpu
    name: KPU Provinsi
phases:
  - id: persiapan
    name: Persiapan
    start: H-200
    end: H-1
"""

POLRES = """\
stakeholder: polres
phase: persiapan
items:
  - id: evaluasi-pemilu-2024
    title: Evaluasi pengamanan TPS pada Pemilu Februari 2024 di wilayah Polres
    due: H-100
    owner: Kabag Ops
  - id: pengamanan-gudang-logistik
    title: Penjagaan gudang logistik KPU kabupaten/kota 1x24 jam
    due: H-40
    owner: Sat Samapta
    critical: true
"""

KPU = """\
stakeholder: kpu
phase: persiapan
items:
  - id: nphd
    title: Pencairan NPHD
    due: H-150
    target: 100
    unit: "%"
"""

RISKS = """\
risks:
  - id: politik-uang
    title: Politik uang
    dimension: kontestasi
    level: tinggi
    regions: [belu]
    mitigations: [polres/evaluasi-pemilu-2024]
"""


@pytest.fixture
def regions_plan(isolated):
    root = write_plan(isolated / "wilayah", REGIONS_PLAN.format(plan_id=f"wilayah-{uuid.uuid4().hex[:8]}"),
                      {"polres.yaml": POLRES, "kpu.yaml": KPU})
    (root / "risks").mkdir()
    (root / "risks" / "risiko.yaml").write_text(RISKS, encoding="utf-8")
    return root


@pytest.fixture(params=["sqlite", "postgres"])
def journal_env(request):
    if request.param == "sqlite":
        return {}
    return {"PILKADA_DATABASE_URL": request.getfixturevalue("pg_url")}


# -- 2. Declarations and assessments are the plan's own entries


def test_declarations_and_assessments_are_in_the_plan(run, regions_plan, journal_env):
    plan = ["--plan", str(regions_plan)]
    if journal_env:
        assert run("db", "init", *plan, env=journal_env).exit_code == 0
    declared = run("gonogo", "--declare", "no-go", "--stakeholder", "polres", "--region", "belu", "--note", "siap",
                   *plan, env=journal_env)
    assert declared.exit_code == 0, declared.output
    assessed = run("risk", "assess", "politik-uang@belu", "--level", "sedang", *plan, env=journal_env)
    assert assessed.exit_code == 0, assessed.output

    screen = run("status", *plan, env=journal_env)
    assert screen.exit_code == 0 and "tidak ada lagi" not in screen.stdout
    assert json.loads(run("status", "--json", *plan, env=journal_env).stdout)["unknown_items"] == []
    checked = run("check", *plan, env=journal_env)
    assert checked.exit_code == 0 and "0 kesalahan, 0 peringatan" in checked.stdout, checked.output
    for lang, declare, assess in (("id", "Go/No-Go", "penilaian"), ("en", "Go/No-Go", "assessment")):
        log = run("log", "--lang", lang, *plan, env=journal_env).stdout
        assert "kind." not in log and "tidak ada lagi" not in log and "no longer" not in log
        assert declare in log and assess in log
        assert "NO-GO" in log  # the call the office made, and the level it gave
        assert ("sedang" if lang == "id" else "medium") in log


def test_entries_of_a_risk_dropped_from_the_plan_are_still_reported(run, regions_plan):
    plan = ["--plan", str(regions_plan)]
    assert run("risk", "assess", "politik-uang@belu", "--level", "sedang", *plan).exit_code == 0
    (regions_plan / "risks" / "risiko.yaml").write_text(RISKS.replace("politik-uang", "mahar-politik"))
    assert "risk/politik-uang@belu" in run("check", *plan).stdout


def test_a_status_counted_in_sql_knows_them_too(run, regions_plan, journal_env, monkeypatch):
    monkeypatch.setattr("pilkada_cli.cli.items.COUNT_IN_SQL_FROM", 0)
    plan = ["--plan", str(regions_plan)]
    if journal_env:
        assert run("db", "init", *plan, env=journal_env).exit_code == 0
    run("gonogo", "--declare", "go", "--stakeholder", "polres", "--region", "belu", *plan, env=journal_env)
    run("risk", "assess", "politik-uang@belu", "--level", "sedang", *plan, env=journal_env)
    run("tick", "polres/evaluasi-pemilu-2024@belu", *plan, env=journal_env)
    screen = run("status", *plan, env=journal_env)
    assert screen.exit_code == 0 and "tidak ada lagi" not in screen.stdout, screen.output
