"""The plan format's v3 additions (spec sections 3, 9 and 12): an office's real name per region, a target per
region, the plan's own risk dimensions, and `init --from` (a plan's dates rewritten as H-offsets)."""

import json
from datetime import date

import pytest

from conftest import write_plan
from pilkada_cli.plan import check_plan, load_plan

PLAN = """\
name: Pilkada Uji
vote_date: 2024-11-27
timezone: Asia/Makassar
regions:
  - id: kota-kupang
    name: Kota Kupang
    offices:
      polres: Polresta Kupang Kota
  - id: belu
    name: Kabupaten Belu
  - id: sumba-tengah
    name: Kabupaten Sumba Tengah
    offices:
      polres: Polres Sumba Barat
      kodim: Kodim 1613/Sumba Barat
stakeholders:
  - id: polda
    name: Polda NTT
  - id: polres
    name: Polres {region}
    per_region: true
  - id: kodim
    name: Kodim {region}
    per_region: true
phases:
  - id: persiapan
    name: Persiapan
    start: 2024-06-01
    end: H-1
"""

POLRES = """\
stakeholder: polres
phase: persiapan
items:
  - id: pemetaan
    title: Pemetaan TPS rawan
    due: H-11
    critical: true
  - id: tps-terjaga
    title: TPS terjaga
    due: H-1
    target: {"*": 400, kota-kupang: 552}
    unit: " TPS"
"""

KODIM = """\
stakeholder: kodim
phase: persiapan
items:
  - id: apel
    title: Apel siaga Kodim
    due: 2024-09-22
"""

POLDA = """\
stakeholder: polda
phase: persiapan
items:
  - id: rakor
    title: Rakor lintas sektoral
    due: 2024-08-01
"""


@pytest.fixture
def plan(isolated):
    return write_plan(isolated / "v3", plan=PLAN, files={"polres.yaml": POLRES, "kodim.yaml": KODIM,
                                                        "polda.yaml": POLDA})


def problems(root):
    return [(p.key, p.line) for p in check_plan(root)[1] if p.is_error]


# -- regions[].offices


def test_an_office_has_its_real_name_where_the_plan_gives_one(plan):
    loaded = load_plan(plan)
    polres, kodim = loaded.stakeholder("polres"), loaded.stakeholder("kodim")
    assert polres.display_name(loaded.region("sumba-tengah")) == "Polres Sumba Barat"
    assert kodim.display_name(loaded.region("sumba-tengah")) == "Kodim 1613/Sumba Barat"
    assert polres.display_name(loaded.region("kota-kupang")) == "Polresta Kupang Kota"
    assert polres.display_name(loaded.region("belu")) == "Polres Kabupaten Belu"  # no name given: {region}
    assert load_plan(plan).region("sumba-tengah").offices == loaded.region("sumba-tengah").offices  # the cache


def test_status_and_summary_for_one_region_name_its_offices(run, plan):
    status = run("status", "--plan", str(plan), "--on", "2024-11-20", "--region", "sumba-tengah")
    assert status.exit_code == 0, status.output
    assert "Polres Sumba Barat" in status.stdout and "Kodim 1613/Sumba Barat" in status.stdout
    assert "wilayah)" not in status.stdout
    whole = run("status", "--plan", str(plan), "--on", "2024-11-20")
    assert "Polres (3 wilayah)" in whole.stdout
    summary = run("summary", "--plan", str(plan), "--on", "2024-11-20", "--region", "kota-kupang", "--dry-run")
    assert summary.exit_code == 0, summary.output
    assert "Polresta Kupang Kota" in summary.stdout and "wilayah)" not in summary.stdout
    tick = run("tick", "pemetaan@sumba-tengah", "--plan", str(plan), "--on", "2024-11-20")
    assert "Polres Sumba Barat" in tick.stdout
    gonogo = run("gonogo", "--plan", str(plan), "--on", "2024-11-20", "--stakeholder", "polres")
    assert "Polresta Kupang Kota" in gonogo.stdout


@pytest.mark.parametrize("offices, key", [
    ("      polress: Polres Sumba Barat\n", "stakeholder.undeclared_suggest"),
    ("      polda: Polda NTT\n", "region.office_not_per_region"),
    ("      polres: [Polres Sumba Barat]\n", "value.want_text"),
    ("      polres: \"  \"\n", "key.missing"),  # a blank name: an empty row in status, or a fallback unseen
    ("      polres:\n", "key.missing"),
])
def test_an_office_of_an_unknown_or_single_stakeholder_is_an_error_with_its_line(isolated, offices, key):
    text = PLAN.replace("      polres: Polres Sumba Barat\n", offices)
    root = write_plan(isolated / "p", plan=text, files={"polres.yaml": POLRES, "kodim.yaml": KODIM,
                                                       "polda.yaml": POLDA})
    found = problems(root)
    assert key in {k for k, _ in found}, found
    assert all(line for k, line in found if k == key)


# -- target per region


def test_a_target_per_region_counts_each_region_against_its_own(run, plan):
    p = str(plan)
    assert run("tick", "tps-terjaga@kota-kupang", "--value", "400", "--plan", p, "--on", "2024-11-20").exit_code == 0
    assert run("tick", "tps-terjaga@belu", "--value", "400", "--plan", p, "--on", "2024-11-20").exit_code == 0
    done = run("tick", "tps-terjaga@sumba-tengah", "--plan", p, "--on", "2024-11-20")  # a tick: its own target
    assert done.exit_code == 0, done.output
    items = {i["id"]: i for i in json.loads(run("list", "--plan", p, "--on", "2024-11-20", "--json").stdout)}
    kupang, belu = items["polres/tps-terjaga@kota-kupang"], items["polres/tps-terjaga@belu"]
    assert (kupang["target"], kupang["value"], kupang["state"]) == (552, 400, "due_soon")
    assert kupang["completion"] == round(400 / 552, 4)
    assert (belu["target"], belu["value"], belu["state"]) == (400, 400, "done")
    assert items["polres/tps-terjaga@sumba-tengah"]["value"] == 400
    screen = run("list", "--plan", p, "--on", "2024-11-20", "--region", "kota-kupang").stdout
    assert "400/552 TPS" in screen


@pytest.mark.parametrize("target, key", [
    ('{"*": 400, kota-kupangg: 552}', "region.undeclared_suggest"),
    ("{kota-kupang: 552, belu: 300}", "target.map_missing_regions"),
    ('{"*": 400, belu: 0}', "value.want_positive"),
    ('{"*": 400, belu: banyak}', "value.want_number"),
])
def test_a_region_map_names_declared_regions_and_covers_them_all(isolated, target, key):
    polres = POLRES.replace('{"*": 400, kota-kupang: 552}', target)
    root = write_plan(isolated / "p", plan=PLAN, files={"polres.yaml": polres, "kodim.yaml": KODIM, "polda.yaml": POLDA})
    found = problems(root)
    assert key in {k for k, _ in found}, found
    assert all(line for k, line in found if k == key)
    if key == "target.map_missing_regions":
        assert "sumba-tengah" in next(p.params["regions"] for p in check_plan(root)[1] if p.key == key)


def test_a_region_map_on_an_item_without_regions_is_an_error(isolated):
    polda = POLDA.replace("    due: 2024-08-01\n", "    due: 2024-08-01\n    target: {\"*\": 5}\n")
    root = write_plan(isolated / "p", plan=PLAN, files={"polres.yaml": POLRES, "kodim.yaml": KODIM, "polda.yaml": polda})
    assert [k for k, _ in problems(root)] == ["target.map_not_per_region"]


# -- risk_dimensions

DIMENSIONS = """\
risk_dimensions:
  - {id: sosial-politik, name: Sosial-politik}
  - {id: pencalonan, name: Pencalonan}
  - {id: kampanye, name: Kampanye}
  - {id: pungut-hitung, name: Pemungutan dan penghitungan suara}
  - {id: bencana, name: Bencana alam}
"""

RISKS = """\
risks:
  - id: politik-uang
    title: Politik uang
    dimension: kampanye
    level: tinggi
    mitigations: [polres/pemetaan]
  - id: erupsi
    title: Erupsi gunung api
    dimension: bencana
    level: sedang
    regions: [belu]
"""


def with_risks(root, plan_text=PLAN + DIMENSIONS, risks=RISKS):
    (root / "pilkada.yaml").write_text(plan_text)
    (root / "risks").mkdir(exist_ok=True)
    (root / "risks" / "register.yaml").write_text(risks)
    return root


def test_the_plan_declares_its_risk_dimensions_and_the_heat_map_follows_them(run, plan):
    with_risks(plan)
    data = json.loads(run("risk", "--plan", str(plan), "--on", "2024-09-10", "--json").stdout)
    assert data["dimensions"] == ["sosial-politik", "pencalonan", "kampanye", "pungut-hitung", "bencana"]
    assert data["heatmap"]["belu"] == {"kampanye": "tinggi", "bencana": "sedang"}
    screen = run("risk", "--plan", str(plan), "--on", "2024-09-10", env={"COLUMNS": "100"}).stdout
    assert "Kampanye = Kampanye" in screen and "Bencana = Bencana alam" in screen  # the catalogue's, else the plan's
    english = run("risk", "--plan", str(plan), "--on", "2024-09-10", "--lang", "en", env={"COLUMNS": "100"}).stdout
    assert "Vote = Voting and counting" in english
    page = plan / "laporan.html"
    assert run("report", "--html", str(page), "--plan", str(plan), "--on", "2024-09-10").exit_code == 0
    assert "Bencana alam" in page.read_text()


def test_without_risk_dimensions_the_four_of_the_ikp_2022_stay(run, plan):
    with_risks(plan, PLAN, RISKS.replace("kampanye", "kontestasi").replace("bencana", "penyelenggaraan"))
    data = json.loads(run("risk", "--plan", str(plan), "--on", "2024-09-10", "--json").stdout)
    assert data["dimensions"] == ["sosial-politik", "penyelenggaraan", "kontestasi", "partisipasi"]


@pytest.mark.parametrize("dimensions, risks, key", [
    (DIMENSIONS, RISKS.replace("dimension: bencana", "dimension: bencanaa"), "risk.bad_choice"),
    (DIMENSIONS, RISKS.replace("dimension: kampanye", "dimension: kontestasi"), "risk.bad_choice"),
    ("risk_dimensions: []\n", RISKS, "risk_dimensions.empty"),
    (DIMENSIONS + "  - {id: kampanye, name: Lagi}\n", RISKS, "id.duplicate"),
    (DIMENSIONS.replace("{id: bencana, name: Bencana alam}", "{id: bencana}"), RISKS, "key.missing"),
    (DIMENSIONS.replace("{id: bencana,", "{id: Bencana Alam,"), RISKS, "slug.invalid"),
])
def test_risk_dimensions_are_checked_with_their_lines(plan, dimensions, risks, key):
    with_risks(plan, PLAN + dimensions, risks)
    found = [(k.removesuffix("_none"), line) for k, line in problems(plan)]  # with a suggestion or without one
    assert key in {k for k, _ in found}, found
    assert all(line for k, line in found if k == key)


# -- init --from


def test_init_from_a_plan_rewrites_its_dates_as_h_offsets_and_leaves_its_journal(run, plan, isolated):
    (plan / "pilkada.yaml").write_text(
        ("id: pilkada-uji-2024\njournal: " + str(plan / "jurnal-2024.sqlite3") + "\n" + PLAN
         .replace("    name: Kabupaten Belu\n", "    name: Kabupaten Belu\n    vote_date: 2024-12-07   # PSU\n")))
    (plan / "checklists" / "polda.yaml").write_text(
        POLDA + '  - {id: apel, title: "Apel, gelar pasukan", due: 2024-08-26, weight: 2}\n'
                "  - {id: debat, title: Debat, due: H-7}\n")
    assert run("tick", "rakor", "--plan", str(plan), "--on", "2024-08-01").exit_code == 0
    result = run("init", "baru", "--vote-date", "2031-11-26", "--from", str(plan))
    assert result.exit_code == 0, result.output
    assert "H-n" in result.stdout
    new = load_plan(isolated / "baru")
    assert (new.vote_date, new.name, new.id) == (date(2031, 11, 26), "Pilkada Uji", "pilkada-uji")
    assert new.region("belu").vote_date == date(2031, 12, 6)  # ten days after Hari H, as before
    assert new.region("sumba-tengah").offices == load_plan(plan).region("sumba-tengah").offices
    due = {task.key: task.due_label for task in new.tasks()}
    assert due["polda/rakor"] == "H-118" and due["polda/apel"] == "H-93" and due["polda/debat"] == "H-7"
    assert due["polres/pemetaan@belu"] == "H-11"  # against Belu's own vote day, as an offset
    text = (isolated / "baru" / "checklists" / "polda.yaml").read_text()
    assert '{id: apel, title: "Apel, gelar pasukan", due: H-93, weight: 2}' in text
    assert (isolated / "baru" / "pilkada.yaml").read_text().splitlines()[1] == "id: pilkada-uji"  # under the schema line
    phases = {p.id: (p.start, p.end) for p in new.phases}
    assert phases["persiapan"] == (-179, -1)  # 1 June 2024 was H-179
    assert not (isolated / "baru" / ".pilkada").exists()
    assert new.journal_path == isolated / "baru" / ".pilkada" / "journal.sqlite3"  # not the old plan's file
    fresh = json.loads(run("status", "--plan", str(isolated / "baru"), "--json", "--on", "2031-08-01").stdout)
    assert fresh["counts"]["done"] == 0 and fresh["countdown"] == "H-117"
    assert run("check", "--plan", str(isolated / "baru")).exit_code == 0
    again = run("init", "baru", "--vote-date", "2031-11-26", "--from", str(plan))
    assert again.exit_code == 2 and "baru" in again.stderr


def test_init_from_the_bundled_plan_passes_check(run, isolated):
    from pilkada_cli.plan import bundled_plan_dir

    result = run("init", "ntt", "--vote-date", "26 November 2031", "--from", "bawaan")  # wherever it was installed
    assert result.exit_code == 0, result.output
    new, old = load_plan(isolated / "ntt"), load_plan(bundled_plan_dir(), bundled=True)
    assert new.name == old.name.replace("2024", "2031")
    assert len(new.tasks()) == len(old.tasks())
    assert [t.due_label for t in new.tasks()] == [t.due_label for t in old.tasks()]
    assert all(not isinstance(item.due, date) for item in new.items)
    assert run("check", "--plan", str(isolated / "ntt")).exit_code == 0
    # the editor knows the copy's files, as a new plan's (the bundled plan's own files name no schema)
    first = (isolated / "ntt" / "pilkada.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=schemas/plan.schema.json"
    polda = (isolated / "ntt" / "checklists" / "polda.yaml").read_text().splitlines()[0]
    assert polda == "# yaml-language-server: $schema=../schemas/checklist.schema.json"
    assert (isolated / "ntt" / "schemas" / "risks.schema.json").is_file()


def test_init_from_a_plan_that_does_not_validate_writes_nothing(run, plan, isolated):
    (plan / "checklists" / "polda.yaml").write_text(POLDA.replace("due: 2024-08-01", "due: 2024-02-30"))
    result = run("init", "baru", "--vote-date", "2031-11-26", "--from", str(plan))
    assert result.exit_code == 2 and "polda.yaml" in result.stderr
    assert not (isolated / "baru").exists()


# -- the bundled plan as an operational plan for Polda NTT and KPU NTT (issue 23)


def test_the_bundled_plan_names_its_offices_sources_and_legal_clock():
    from pilkada_cli.plan import bundled_plan_dir

    plan = load_plan(bundled_plan_dir(), bundled=True)
    unsourced = [i.full_id for i in plan.items if not i.source and "terverifikasi" not in (i.notes or "")]
    assert unsourced == []  # every item says where it comes from, or that it is not verified
    assert {s.id for s in plan.stakeholders if s.per_region} == {
        "polres", "kodim", "kpu-kabkota", "bawaslu-kabkota", "gakkumdu-kabkota", "pemda"}
    polres, kodim = plan.stakeholder("polres"), plan.stakeholder("kodim")
    assert polres.display_name(plan.region("sumba-tengah")) == "Polres Sumba Barat"
    assert kodim.display_name(plan.region("sumba-tengah")) == "Kodim 1613/Sumba Barat"
    assert polres.display_name(plan.region("kota-kupang")) == "Polresta Kupang Kota"
    assert all(r.office("polres") and r.office("kodim") for r in plan.regions)  # no "Polres Kabupaten ..."
    # an office that serves several regions is named with the region in lists of offices (Go/No-Go, tick)
    assert plan.office_name(kodim, plan.region("malaka")) == "Kodim 1605/Belu (Kabupaten Malaka)"
    assert plan.office_name(polres, plan.region("malaka")) == "Polres Malaka"
    assert [d.id for d in plan.risk_dimensions] == ["sosial-politik", "pencalonan", "kampanye", "pungut-hitung"]
    tasks = {t.key: t for t in plan.tasks()}
    # TPS per regency as each region's own target; the province's count is the DPT's
    assert sum(t.target for k, t in tasks.items() if k.startswith("polres/pengamanan-tps@")) == 9866
    assert tasks["polres/pengamanan-tps@sabu-raijua"].target == 190
    assert tasks["kpu/logistik-ke-tps"].target == 9877
    # the legal clock: Sumba Barat's window closed two days after its 3 December announcement
    assert tasks["kpu-kabkota/jendela-mk-5-des@sumba-barat"].due == date(2024, 12, 5)
    assert "kpu-kabkota/jendela-mk@sumba-barat" not in tasks and "kpu-kabkota/jendela-mk@belu" in tasks
    assert tasks["kpu-kabkota/putusan-akhir@belu"].due == date(2025, 2, 24)
    assert tasks["pemda/pelantikan@kupang"].due == date(2025, 2, 20) and "pemda/pelantikan@belu" not in tasks
    # NPHD per regency and grantee, as a percentage disbursed
    assert all(tasks[f"pemda/hibah-{g}@alor"].target == 100 for g in ("kpu", "bawaslu", "polres", "kodim"))
    # logistics: island regencies leave at H-3; the regency work is the regency's
    islands = {k.partition("@")[2] for k in tasks if k.startswith("kpu-kabkota/distribusi-pulau@")}
    assert islands == {"alor", "sabu-raijua", "rote-ndao", "lembata", "flores-timur", "manggarai-barat"}
    assert "kpu/sortir-lipat-surat-suara" not in tasks and "kpu/rekap-kecamatan" not in tasks
    assert tasks["kpu-kabkota/rekap-kecamatan@ende"].item.owner == "PPK"
    assert tasks["kpu-kabkota/pelantikan-ppk@ende"].due == date(2024, 5, 16)


def test_bundled_status_for_one_region_names_its_offices(run):
    screen = run("status", "--region", "belu", "--on", "2024-11-20", env={"COLUMNS": "100"}).stdout
    for office in ("Polres Belu", "Kodim 1605/Belu", "KPU Kabupaten Belu", "Bawaslu Kabupaten Belu",
                   "Pemda Kabupaten Belu"):
        assert office in screen, office
    assert "wilayah)" not in screen
    heat = json.loads(run("risk", "--json", "--on", "2024-09-10").stdout)["heatmap"]
    assert heat["belu"] != heat["ende"]  # levels per regency: the heat map tells regions apart
