"""Issue 12: dependencies, the Go/No-Go poll and the vulnerability register, on a plan written by hand to
the spec (sections 10-12), not the repository's."""

import json
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import REGIONS_RISKS, write_plan

REPO = Path(__file__).resolve().parents[1]

PLAN = """\
name: Rencana Kesiapan
vote_date: 2024-11-27
timezone: Asia/Makassar
due_soon_days: 7
regions:
  - {id: belu, name: Kabupaten Belu}
  - {id: malaka, name: Kabupaten Malaka}
stakeholders:
  - {id: kpu, name: KPU Provinsi}
  - {id: kpu-kab, name: "KPU {region}", per_region: true}
  - {id: polres, name: "Polres {region}", per_region: true}
phases:
  - {id: persiapan, name: Persiapan, start: H-120, end: H-1}
  - {id: hari-h, name: Hari H, start: H, end: H+10}
"""
KPU = """\
stakeholder: kpu
items:
  - {id: cetak, title: Cetak surat suara, phase: persiapan, due: H-30, critical: true}
  - {id: rekap-provinsi, title: Rekap provinsi, phase: hari-h, due: H+5, depends_on: [kpu-kab/rekap]}
"""
KPU_KAB = """\
stakeholder: kpu-kab
items:
  - {id: terima-logistik, title: Terima logistik, phase: persiapan, due: H-10, depends_on: [kpu/cetak]}
  - {id: distribusi, title: Distribusi ke TPS, phase: persiapan, due: H-2, critical: true,
     depends_on: [terima-logistik]}
  - {id: tps, title: Pemungutan di TPS, phase: hari-h, due: H, critical: true,
     depends_on: [distribusi, polres/kawal]}
  - {id: rekap, title: Rekap kabupaten, phase: hari-h, due: H+3}
"""
POLRES = """\
stakeholder: polres
items:
  - {id: kawal, title: Kawal logistik, phase: persiapan, due: H-1, critical: true,
     depends_on: [kpu-kab/distribusi]}
  - {id: patroli, title: Patroli, phase: persiapan, due: H-20}
"""
RISKS = """\
risks:
  - id: politik-uang
    title: Politik uang
    dimension: kontestasi
    level: tinggi
    regions: [belu]
    mitigations: [polres/kawal, polres/patroli]
    source: Bawaslu, 6 September 2024
  - id: cuaca
    title: Cuaca buruk
    dimension: penyelenggaraan
    level: sedang
    mitigations: [kpu-kab/distribusi]
"""


@pytest.fixture
def plan(isolated):
    root = write_plan(isolated / "kesiapan", PLAN, {"kpu.yaml": KPU, "kpu-kab.yaml": KPU_KAB,
                                                    "polres.yaml": POLRES})
    (root / "risks").mkdir()
    (root / "risks" / "kerawanan.yaml").write_text(RISKS, encoding="utf-8")
    return root


def items(run, plan, day, *extra):
    result = run("list", "--json", "--plan", str(plan), "--on", day, *extra)
    assert result.exit_code == 0, result.output
    return {x["id"]: x for x in json.loads(result.stdout)}


def tick(run, plan, *refs, day="2024-11-20"):
    result = run("tick", *refs, "--plan", str(plan), "--on", day)
    assert result.exit_code == 0, result.output


# -- dependencies (spec section 10)


def test_blocked_by_resolves_per_region_and_over_every_instance(run, plan):
    before = items(run, plan, "2024-11-20")
    assert before["kpu-kab/terima-logistik@belu"]["blocked_by"] == ["kpu/cetak"]
    assert before["polres/kawal@belu"]["blocked_by"] == ["kpu-kab/distribusi@belu"]
    assert before["kpu-kab/tps@malaka"]["blocked_by"] == ["kpu-kab/distribusi@malaka", "polres/kawal@malaka"]
    assert before["kpu/rekap-provinsi"]["blocked_by"] == ["kpu-kab/rekap@belu", "kpu-kab/rekap@malaka"]
    assert before["polres/patroli@belu"]["blocked_by"] == []
    tick(run, plan, "kpu/cetak", "kpu-kab/rekap@belu")
    after = items(run, plan, "2024-11-20")
    assert after["kpu-kab/terima-logistik@belu"]["blocked_by"] == []
    assert after["kpu/rekap-provinsi"]["blocked_by"] == ["kpu-kab/rekap@malaka"]
    assert after["kpu/cetak"]["blocked_by"] == []


def test_blocked_count_list_blocked_and_replay(run, plan):
    tick(run, plan, "kpu/cetak")
    data = json.loads(run("status", "--json", "--plan", str(plan), "--on", "2024-11-20").stdout)
    blocked = {k for k, v in items(run, plan, "2024-11-20").items() if v["blocked_by"]}
    assert data["counts"]["blocked"] == len(blocked) > 0
    listed = items(run, plan, "2024-11-20", "--blocked")
    assert set(listed) == blocked and "kpu-kab/terima-logistik@belu" not in listed
    replay = items(run, plan, "2024-11-19", "--blocked")  # the tick was on the 20th
    assert "kpu-kab/terima-logistik@belu" in replay


def test_status_shows_what_blocks_and_the_critical_path(run, plan):
    screen = run("status", "--plan", str(plan), "--on", "2024-11-26").stdout
    assert "menunggu" in screen
    assert "Jalur kritis (5 langkah): kpu/cetak (H-30) → kpu-kab/terima-logistik@" in screen
    assert "polres/kawal@" in screen and "terlambat" in screen.split("Jalur kritis")[1]
    english = run("status", "--plan", str(plan), "--on", "2024-11-26", "--lang", "en").stdout
    assert "Critical path (5 steps)" in english
    # months earlier nothing on the path is due soon or overdue: the path still starts at its first step
    early = run("status", "--plan", str(plan), "--on", "2024-09-01").stdout
    assert "Jalur kritis (5 langkah): kpu/cetak (H-30) → kpu-kab/terima-logistik@" in early


@pytest.mark.parametrize("depends, message", [
    ("[kpu-kab/distribusii]", "kpu-kab/distribusi"),
    ("[tidak-ada]", "tidak ada"),
])
def test_an_unknown_dependency_names_file_line_and_a_suggestion(run, plan, depends, message):
    (plan / "checklists" / "polres.yaml").write_text(POLRES.replace("[kpu-kab/distribusi]", depends))
    result = run("check", "--plan", str(plan))
    assert result.exit_code == 2 and "polres.yaml:3" in result.stdout and message in result.stdout, result.stdout


def test_a_cycle_is_printed_as_its_chain(run, plan):
    (plan / "checklists" / "kpu.yaml").write_text(KPU.replace(
        "due: H-30, critical: true}", "due: H-30, critical: true, depends_on: [polres/kawal]}"))
    result = run("check", "--plan", str(plan))
    assert result.exit_code == 2 and "melingkar" in result.stdout
    chain = result.stdout.split("melingkar: ")[1].split(". ")[0].split(" → ")
    assert chain[0] == chain[-1] and set(chain) == {"kpu/cetak", "polres/kawal", "kpu-kab/distribusi",
                                                   "kpu-kab/terima-logistik"}
    doubled = chain[:-1] * 2  # the order of the cycle, from wherever it starts
    assert any(doubled[i:i + 4] == ["kpu/cetak", "polres/kawal", "kpu-kab/distribusi", "kpu-kab/terima-logistik"]
               for i in range(4))


# -- Go/No-Go (spec section 11)


def test_the_poll_on_the_eve(run, plan):
    tick(run, plan, "kpu-kab/terima-logistik@malaka", "kpu-kab/distribusi@malaka", "kpu-kab/rekap@malaka",
         "polres/patroli@malaka", "polres/patroli@belu", day="2024-11-25")
    result = run("gonogo", "--json", "--plan", str(plan), "--on", "2024-11-26")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert data["call"] == "NO-GO" and data["countdown"] == "H-1" and data["today"] == "2024-11-26"
    offices = {(o["stakeholder"], o["region"]): o for o in data["offices"]}
    assert offices[("kpu", None)]["reasons"] == [{"item": "kpu/cetak", "reason": "critical_overdue"}]
    belu = offices[("polres", "belu")]
    assert belu["call"] == "NO-GO" and belu["reasons"] == [{"item": "polres/kawal@belu",
                                                            "reason": "critical_blocked"}]
    malaka = offices[("polres", "malaka")]
    assert malaka["call"] == "GO" and malaka["warnings"] == [{"item": "polres/kawal@malaka",
                                                              "reason": "critical_due_soon"}]
    assert offices[("kpu-kab", "belu")]["warnings"] == [{"item": "kpu-kab/terima-logistik@belu",
                                                         "reason": "overdue"}]
    # vote day's TPS item waits for the escort, which is not done: critical, due soon and blocked
    assert offices[("kpu-kab", "malaka")]["reasons"] == [{"item": "kpu-kab/tps@malaka", "reason": "critical_blocked"}]
    assert offices[("kpu-kab", "malaka")]["declared"] is None
    assert [o["call"] for o in data["offices"]][:2] == ["NO-GO", "NO-GO"]  # worst first


def test_declarations_count_and_replay(run, plan):
    p = str(plan)
    declared = run("gonogo", "--declare", "no-go", "--stakeholder", "kpu-kab", "--region", "malaka",
                   "--note", "Gudang banjir", "--by", "ketua", "--plan", p, "--on", "2024-11-26")
    assert declared.exit_code == 0, declared.output
    data = json.loads(run("gonogo", "--json", "--plan", p, "--on", "2024-11-26").stdout)
    malaka = next(o for o in data["offices"] if o["stakeholder"] == "kpu-kab" and o["region"] == "malaka")
    assert malaka["call"] == "NO-GO" and malaka["declared"]["call"] == "NO-GO"  # spelled as spec 11 (issue 21)
    assert malaka["declared"]["by"] == "ketua" and malaka["declared"]["note"] == "Gudang banjir"
    earlier = json.loads(run("gonogo", "--json", "--plan", p, "--on", "2024-11-25").stdout)
    assert all(o["declared"] is None for o in earlier["offices"])
    assert run("gonogo", "--declare", "go", "--stakeholder", "kpu-kab", "--plan", p).exit_code == 2
    assert run("gonogo", "--declare", "maybe", "--stakeholder", "kpu", "--plan", p).exit_code == 2


def test_an_office_that_is_ready_says_go(run, plan):
    tick(run, plan, "kpu/cetak", "kpu-kab/terima-logistik@belu", "kpu-kab/terima-logistik@malaka",
         "kpu-kab/distribusi@belu", "kpu-kab/distribusi@malaka", "polres/kawal@belu", "polres/kawal@malaka",
         "polres/patroli@belu", "polres/patroli@malaka", day="2024-11-01")
    result = run("gonogo", "--plan", str(plan), "--on", "2024-11-26")
    assert result.exit_code == 0 and "Keseluruhan: GO" in result.stdout


def test_the_summary_shows_the_calls_from_h_7(run, plan):
    early = run("summary", "--dry-run", "--plan", str(plan), "--on", "2024-11-10").stdout
    eve = run("summary", "--dry-run", "--plan", str(plan), "--on", "2024-11-26").stdout
    assert "Go/No-Go" not in early and "*Go/No-Go: NO-GO" in eve and "KPU Provinsi: NO-GO" in eve


# -- the vulnerability register (spec section 12)


def test_register_levels_and_mitigation_progress(run, plan):
    tick(run, plan, "polres/patroli@belu", day="2024-09-01")
    data = json.loads(run("risk", "--json", "--plan", str(plan), "--on", "2024-09-10").stdout)
    risks = {r["id"]: r for r in data["risks"]}
    assert set(risks) == {"politik-uang@belu", "cuaca@belu", "cuaca@malaka"}
    money = risks["politik-uang@belu"]
    assert money["level"] == "tinggi" and money["stage"] == "before" and money["dimension"] == "kontestasi"
    assert money["mitigations"] == ["polres/kawal@belu", "polres/patroli@belu"]
    assert money["mitigation_progress"] == 50.0
    assert money["assessments"] == [{"level": "tinggi", "stage": None, "at": None, "by": None, "note": None}]
    assert data["heatmap"] == {"belu": {"kontestasi": "tinggi", "penyelenggaraan": "sedang"},
                               "malaka": {"penyelenggaraan": "sedang"}}
    assert [r["id"] for r in data["risks"]][0] == "politik-uang@belu"  # highest level first


def test_assess_records_replays_and_reaches_the_summary(run, plan):
    p = str(plan)
    result = run("risk", "assess", "politik-uang@belu", "--level", "sedang", "--note", "Patroli rutin",
                 "--plan", p, "--on", "2024-09-12")
    assert result.exit_code == 0, result.output
    now = json.loads(run("risk", "--json", "--plan", p, "--on", "2024-09-13").stdout)
    money = next(r for r in now["risks"] if r["id"] == "politik-uang@belu")
    assert money["level"] == "sedang" and money["assessments"][-1]["stage"] == "before"
    assert money["assessments"][-1]["note"] == "Patroli rutin"
    then = json.loads(run("risk", "--json", "--plan", p, "--on", "2024-09-11").stdout)
    assert next(r for r in then["risks"] if r["id"] == "politik-uang@belu")["level"] == "tinggi"
    digest = run("summary", "--dry-run", "--plan", p, "--on", "2024-09-12", "--since", "2024-09-11").stdout
    assert "politik-uang@belu: tinggi → sedang" in digest


@pytest.mark.parametrize("day, stage", [("2024-11-26", "before"), ("2024-11-27", "during"),
                                        ("2024-12-04", "during"), ("2024-12-05", "after")])
def test_the_stage_follows_the_date(run, plan, day, stage):
    data = json.loads(run("risk", "--json", "--plan", str(plan), "--on", day).stdout)
    assert {r["stage"] for r in data["risks"]} == {stage}


def test_assess_errors(run, plan):
    p = str(plan)
    assert run("risk", "assess", "politik-uangg@belu", "--level", "sedang", "--plan", p).exit_code == 2
    assert run("risk", "assess", "politik-uang@malaka", "--level", "sedang", "--plan", p).exit_code == 2
    assert run("risk", "assess", "politik-uang@belu", "--level", "parah", "--plan", p).exit_code == 2


@pytest.mark.parametrize("change, message", [
    ("dimension: kontestasi", "dimension: kontestasii"),
    ("mitigations: [polres/kawal, polres/patroli]", "mitigations: [polres/kawall]"),
])
def test_register_errors_name_file_and_line(run, plan, change, message):
    path = plan / "risks" / "kerawanan.yaml"
    path.write_text(RISKS.replace(change, message), encoding="utf-8")
    result = run("check", "--plan", str(plan))
    assert result.exit_code == 2 and "kerawanan.yaml:" in result.stdout, result.stdout
    assert ("kontestasi" in result.stdout) or ("polres/kawal" in result.stdout)


def test_the_register_and_poll_fit_80_columns(run, plan):
    for args in (["risk"], ["gonogo"]):
        screen = run(*args, "--plan", str(plan), "--on", "2024-11-26", env={"COLUMNS": "80"}).stdout
        assert screen and all(len(line) <= 80 for line in screen.splitlines()), screen


def test_init_template_has_a_register_and_a_dependency_chain(run, isolated):
    assert run("init", "baru", "--vote-date", "2029-11-28").exit_code == 0
    root = isolated / "baru"
    assert run("check", "--plan", str(root)).exit_code == 0
    data = json.loads(run("risk", "--json", "--plan", str(root), "--on", "2029-10-01").stdout)
    assert {r["risk"] for r in data["risks"]} == {"politik-uang", "logistik-terlambat"}
    listed = items(run, root, "2029-11-27")
    assert listed["polres/pengamanan-tps"]["blocked_by"] == ["polres/pengawalan-logistik", "kpu/distribusi-logistik"]


def test_bundled_plan_readiness(run):
    data = json.loads(run("risk", "--json", "--on", "2024-09-06").stdout)
    ids = {r["risk"] for r in data["risks"]}
    assert len(ids) >= 9 and {"politik-uang", "mobilisasi-perbatasan", "netralitas-asn", "dpt-ektp"} <= ids
    border = {r["region"] for r in data["risks"] if r["risk"] == "mobilisasi-perbatasan"}
    assert border == {"belu", "malaka", "timor-tengah-utara", "kupang"}
    status = json.loads(run("list", "--json", "--on", "2024-11-26").stdout)
    by_id = {x["id"]: x for x in status}
    assert by_id["kpu-kabkota/pemungutan-suara@belu"]["blocked_by"] == [
        "kpu-kabkota/distribusi-logistik@belu", "polres/pengawalan-logistik@belu"]
    assert by_id["polda/tps-sangat-rawan-terjaga"]["target"] == 104
    poll = run("gonogo", "--on", "2024-11-26", env={"COLUMNS": "80"})
    assert poll.exit_code == 3 and all(len(line) <= 80 for line in poll.stdout.splitlines())
    assert len(poll.stdout.splitlines()) <= 55  # one screen for twelve offices, the per-region ones grouped


# -- issue 14: tick --from, one transaction, every line checked first


def test_tick_from_a_file_checks_every_line_first(run, plan, isolated):
    good = isolated / "centang.txt"
    good.write_text("# hasil rapat 25 Nov\nkpu/cetak\npolres/kawal@belu   # dikawal\n\n"
                    "kpu-kab/rekap@malaka\n", encoding="utf-8")
    result = run("tick", "--from", str(good), "--plan", str(plan), "--on", "2024-11-25")
    assert result.exit_code == 0, result.output
    done = {k for k, v in items(run, plan, "2024-11-25").items() if v["state"] == "done"}
    assert done == {"kpu/cetak", "polres/kawal@belu", "kpu-kab/rekap@malaka"}
    bad = isolated / "rusak.txt"
    bad.write_text("polres/patroli@belu\npolres/tidak-ada@belu\n", encoding="utf-8")
    refused = run("tick", "--from", str(bad), "--plan", str(plan), "--on", "2024-11-25")
    assert refused.exit_code == 2 and "rusak.txt:2" in refused.stderr and "Tidak ada yang ditulis" in refused.stderr
    assert items(run, plan, "2024-11-25")["polres/patroli@belu"]["state"] != "done"
    assert run("tick", "--plan", str(plan)).exit_code == 2  # nothing named


def test_tick_from_standard_input_with_values(run, isolated):
    root = write_plan(isolated / "nilai")
    from typer.testing import CliRunner
    from pilkada_cli.cli import GLOBAL, app

    GLOBAL.plan = GLOBAL.on = GLOBAL.lang = None
    result = CliRunner().invoke(app, ["tick", "--from", "-", "--plan", str(root), "--on", "2024-08-01"],
                                input="kpu/nphd, 65,5\napel\n")
    assert result.exit_code == 0, result.output
    listed = items(run, root, "2024-08-01")
    assert listed["kpu/nphd"]["value"] == 65.5 and listed["polda/apel"]["state"] == "done"


def test_shell_completion_offers_ids_stakeholders_and_regions(plan, monkeypatch):
    from pilkada_cli.cli import complete

    monkeypatch.chdir(plan)
    assert complete.items("polres/kawal@") == ["polres/kawal@belu", "polres/kawal@malaka"]
    assert complete.stakeholders("kpu") == ["kpu", "kpu-kab"]
    assert complete.regions("m") == ["malaka"] and complete.phases("hari") == ["hari-h"]
    (plan / "pilkada.yaml").write_text("name: [rusak\n")
    assert complete.items("") == []  # a broken plan completes nothing, quietly


def test_a_bulk_tick_reports_counts_and_the_first_offices(run, isolated):
    """Past 20 items a tick says how many of each outcome and the progress of the first ten offices it
    touched, then how many more: one line per item would scroll a coordinator's terminal away."""
    root = isolated / "ntt"
    shutil.copytree(REPO / "checklists", root)
    regions = [region["id"] for region in yaml.safe_load((root / "pilkada.yaml").read_text())["regions"]]
    assert len(regions) == 22  # NTT's regencies and city
    lines = "".join(f"kpu-kabkota/pemungutan-suara@{region}\n" for region in regions)
    (isolated / "hari-h.txt").write_text(lines + "kpu/cetak-surat-suara\n", encoding="utf-8")
    result = run("tick", "--from", str(isolated / "hari-h.txt"), "--plan", str(root), "--on", "2024-11-27")
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    assert out[0] == f"{len(regions) + 1} item dicatat: selesai {len(regions) + 1}"
    assert len(out) == 12 and all(line.startswith("  Progres ") for line in out[1:11])
    assert out[11] == f"  … dan {len(regions) + 1 - 10} kantor lagi"


# -- declarations and assessments are the plan's own entries, in either journal


@pytest.fixture(params=["sqlite", "postgres"])
def journal_env(request):
    if request.param == "sqlite":
        return {}
    return {"PILKADA_DATABASE_URL": request.getfixturevalue("pg_url")}


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
    # the risk as `risk assess` took it names its entries in log too
    entries = json.loads(run("log", "--json", "--item", "politik-uang@belu", *plan, env=journal_env).stdout)
    assert [e["item"] for e in entries] == ["risk/politik-uang@belu"]
    for lang, declare, assess in (("id", "Go/No-Go", "penilaian"), ("en", "Go/No-Go", "assessment")):
        log = run("log", "--lang", lang, *plan, env=journal_env).stdout
        assert "kind." not in log and "tidak ada lagi" not in log and "no longer" not in log
        assert declare in log and assess in log
        assert "NO-GO" in log  # the call the office made, and the level it gave
        assert ("sedang" if lang == "id" else "medium") in log


def test_entries_of_a_risk_dropped_from_the_plan_are_still_reported(run, regions_plan):
    plan = ["--plan", str(regions_plan)]
    assert run("risk", "assess", "politik-uang@belu", "--level", "sedang", *plan).exit_code == 0
    (regions_plan / "risks" / "risiko.yaml").write_text(REGIONS_RISKS.replace("politik-uang", "mahar-politik"))
    assert "risk/politik-uang@belu" in run("check", *plan).stdout


def test_a_status_counted_in_sql_knows_them_too(run, regions_plan, journal_env, monkeypatch):
    monkeypatch.setattr("pilkada_cli.tracker.core.COUNT_IN_SQL_FROM", 0)
    plan = ["--plan", str(regions_plan)]
    if journal_env:
        assert run("db", "init", *plan, env=journal_env).exit_code == 0
    run("gonogo", "--declare", "go", "--stakeholder", "polres", "--region", "belu", *plan, env=journal_env)
    run("risk", "assess", "politik-uang@belu", "--level", "sedang", *plan, env=journal_env)
    run("tick", "polres/evaluasi-pemilu-2024@belu", *plan, env=journal_env)
    screen = run("status", *plan, env=journal_env)
    assert screen.exit_code == 0 and "tidak ada lagi" not in screen.stdout, screen.output


def test_a_risk_named_in_a_region_it_does_not_concern_says_where_it_applies(run, regions_plan):
    said = run("risk", "assess", "politik-uang@ambon", "--level", "sedang", "--plan", str(regions_plan))
    assert said.exit_code == 2 and "Sebut wilayahnya" not in said.stderr
    assert "politik-uang tidak berlaku di wilayah ambon; hanya di: belu" in said.stderr
    recorded = run("risk", "assess", "politik-uang@belu", "--level", "sedang", "--on", "2024-08-01",
                   "--plan", str(regions_plan)).stdout
    assert recorded.strip() == "✔ politik-uang@belu: sedang (sebelum pemungutan suara) dicatat"


def test_a_declared_call_is_spelled_as_the_computed_one(run, regions_plan):
    plan = ["--plan", str(regions_plan)]
    for call, spelled in (("no-go", "NO-GO"), ("go", "GO")):
        assert run("gonogo", "--declare", call, "--stakeholder", "kpu", *plan).exit_code == 0
        data = json.loads(run("gonogo", "--json", *plan).stdout)
        kpu = next(o for o in data["offices"] if o["stakeholder"] == "kpu")
        assert kpu["declared"]["call"] == spelled and kpu["computed"] in ("GO", "NO-GO")
        assert kpu["call"] == ("NO-GO" if "NO-GO" in (spelled, kpu["computed"]) else "GO")
    assert "dinyatakan GO" in run("gonogo", "--stakeholder", "kpu", *plan).stdout


def test_a_region_named_for_a_risk_in_a_plan_without_regions(run, plan_dir):
    (plan_dir / "risks").mkdir()
    (plan_dir / "risks" / "r.yaml").write_text(REGIONS_RISKS.replace("    regions: [belu]\n", "").replace(
        "polres/evaluasi-pemilu-2024", "polda/apel"), encoding="utf-8")
    said = run("risk", "assess", "politik-uang@belu", "--level", "sedang", "--plan", str(plan_dir))
    assert said.exit_code == 2 and "tanpa @wilayah" in said.stderr, said.output
    assert run("risk", "assess", "politik-uang", "--level", "sedang", "--plan", str(plan_dir)).exit_code == 0
