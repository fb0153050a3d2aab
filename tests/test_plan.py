"""Plan discovery, loading and the messages for every kind of mistake; what the bundled plan holds."""

import json
import os
from datetime import date
from pathlib import Path

import pytest

from conftest import KPU, PLAN, POLDA, write_plan
from pilkada_cli.errors import BadInput, PlanInvalid
from pilkada_cli.plan import bundled_plan_dir, check_plan, find_plan, load_plan


def test_hand_written_plan_loads(plan_dir):
    plan = load_plan(plan_dir)
    assert plan.name == "Rencana Uji" and plan.vote_date == date(2024, 11, 27)
    assert [s.id for s in plan.stakeholders] == ["polda", "kpu"]
    assert {i.full_id for i in plan.items} == {"polda/pemetaan-kerawanan", "polda/apel", "polda/patroli",
                                                "kpu/nphd", "kpu/debat"}
    patroli = next(i for i in plan.items if i.id == "patroli")
    assert patroli.phase == "kampanye" and patroli.due == -10
    nphd = next(i for i in plan.items if i.id == "nphd")
    assert nphd.target == 100 and nphd.unit == "%" and nphd.weight == 2
    assert plan.journal_path == plan_dir / ".pilkada" / "journal.sqlite3"


def test_bundled_plan_is_complete():
    plan = load_plan(bundled_plan_dir(), bundled=True)
    assert plan.vote_date == date(2024, 11, 27) and plan.timezone == "Asia/Makassar"
    assert len(plan.stakeholders) >= 6 and len(plan.items) >= 60
    assert not [w for w in plan.warnings if w.is_error]
    ids = {i.full_id for i in plan.items}
    # the five points of the 1 August 2024 meeting
    assert {"polda/pemetaan-kerawanan", "polda/pemetaan-tps-rawan", "polda/pemetaan-kerawanan-pasca",
            "polda/rakor-lintas-sektoral", "kpu/evaluasi-pemilu-2024", "pemprov/pencairan-nphd-kpu",
            "gakkumdu/penegakan-hukum-netral"} <= ids
    nphd = next(i for i in plan.items if i.full_id == "pemprov/pencairan-nphd-kpu")
    assert nphd.target == 100
    assert not plan.warnings, [w.key for w in plan.warnings]


def test_discovery_order(tmp_path, monkeypatch):
    root = write_plan(tmp_path / "a")
    nested = root / "checklists" / "kpu"
    assert find_plan(None, {}, nested) == (root, False)
    other = write_plan(tmp_path / "b")
    assert find_plan(None, {"PILKADA_PLAN": str(other)}, nested) == (other, False)
    assert find_plan(str(root / "pilkada.yaml"), {"PILKADA_PLAN": str(other)}, nested) == (root, False)
    assert find_plan(None, {}, tmp_path) == (bundled_plan_dir(), True)
    with pytest.raises(BadInput) as info:
        find_plan(str(tmp_path / "nowhere"), {}, tmp_path)
    assert info.value.key == "plan.not_found"


def test_bundled_journal_goes_to_the_data_dir(tmp_path):
    plan = load_plan(bundled_plan_dir(), bundled=True, env={**os.environ, "PILKADA_DATA_DIR": str(tmp_path / "d")})
    assert plan.journal_path == tmp_path / "d" / "bundled" / "journal.sqlite3"


def problems_of(root: Path):
    plan, problems = check_plan(root)
    return plan, [(p.file.name if p.file else None, p.line, p.key, p.severity) for p in problems]


BAD_CASES = [
    # (what to change in pilkada.yaml, expected (file, line, key))
    (PLAN.replace("timezone: Asia/Makassar", "timezon: Asia/Makassar"), ("pilkada.yaml", 3, "key.unknown_suggest")),
    (PLAN.replace("vote_date: 2024-11-27", "vote_date: 2025-02-30"), ("pilkada.yaml", 2, "date.nonexistent")),
    (PLAN.replace("Asia/Makassar", "Asia/Makasar"), ("pilkada.yaml", 3, "timezone.unknown_in_plan")),
    (PLAN.replace("  - id: kpu\n", "  - id: KPU Uji\n"), ("pilkada.yaml", 8, "slug.invalid")),
    (PLAN.replace("  - id: kpu\n", "  - id: polda\n"), ("pilkada.yaml", 8, "id.duplicate")),
    (PLAN.replace("    end: H-30", "    end: H-abc"), ("pilkada.yaml", 14, "offset.invalid")),
    (PLAN.replace("    end: H-30", "    end: H-200"), ("pilkada.yaml", 14, "phase.ends_before_start")),
    (PLAN.replace("name: Rencana Uji\n", ""), ("pilkada.yaml", 1, "key.missing")),
    (PLAN.replace("stakeholders:\n", "stakeholders:\n  polda: x\n"), ("pilkada.yaml", 7, "yaml.syntax")),
    ("- name: x\n", ("pilkada.yaml", 1, "shape.want_mapping_got_list")),
    (PLAN.replace("due_soon_days: 7", "due_soon_days: tujuh"), ("pilkada.yaml", 4, "due_soon.invalid")),
]


@pytest.mark.parametrize("text, expected", BAD_CASES)
def test_bad_plan_files_name_file_line_and_problem(tmp_path, text, expected):
    root = write_plan(tmp_path / "p", plan=text)
    plan, problems = problems_of(root)
    assert plan is None
    assert expected + ("error",) in problems, problems


def test_a_mistyped_key_or_id_gets_the_suggestion_the_command_line_gives(run, tmp_path):
    """As for ids typed on the command line (similar.suggest): whatever the case, whatever the order of the words."""
    plan = PLAN.replace("    end: H-30\n", "    end: H-30\n  - id: masa-tenang\n    name: Masa tenang\n    start: H-3\n"
                        "    end: H-1\n")
    polda = POLDA.replace("    critical: true\n", "    CRITICAL: true\n").replace("phase: kampanye", "phase: tenang-masa")
    root = write_plan(tmp_path / "p", plan, {"polda.yaml": polda, "kpu.yaml": KPU})
    _, problems = check_plan(root)
    assert {(p.key, p.params.get("suggestion")) for p in problems} >= {
        ("key.unknown_suggest", "critical"), ("phase.undeclared_suggest", "masa-tenang")}, problems
    assert "Mungkin maksud Anda 'critical'?" in run("check", "--plan", str(root)).stdout


BAD_ITEMS = [
    (POLDA.replace("    due: H-90\n", "    due: H--3\n"), ("polda.yaml", 6, "offset.invalid")),
    (POLDA.replace("    weight: 2\n", "    weight: 0\n"), ("polda.yaml", 7, "value.want_positive")),
    (POLDA.replace("    weight: 2\n", "    weight: dua\n"), ("polda.yaml", 7, "value.want_number")),
    (POLDA.replace("    critical: true\n", "    kritis: true\n"), ("polda.yaml", 8, "key.unknown")),
    (POLDA.replace("stakeholder: polda", "stakeholder: kejati"), ("polda.yaml", 1, "stakeholder.undeclared")),
    (POLDA.replace("phase: kampanye", "phase: kampanya"), ("polda.yaml", 15, "phase.undeclared_suggest")),
    (POLDA.replace("  - id: apel\n", "  - id: pemetaan-kerawanan\n"), ("polda.yaml", 10, "id.duplicate_item")),
    (POLDA.replace("    due: 2024-08-26\n", "    due: 2024-13-01\n"), ("polda.yaml", 12, "date.nonexistent")),
    (POLDA.replace("    title: Patroli\n", ""), ("polda.yaml", 13, "key.missing")),
    (POLDA.replace("items:\n", "items:\n  id: x\n"), ("polda.yaml", 5, "yaml.syntax")),
    (POLDA.replace("    tags: [kerawanan]\n", "    tags: kerawanan\n"), ("polda.yaml", 9, "shape.want_list")),
]


@pytest.mark.parametrize("text, expected", BAD_ITEMS)
def test_bad_checklists_name_file_line_and_problem(tmp_path, text, expected):
    root = write_plan(tmp_path / "p", files={"polda.yaml": text, "kpu.yaml": KPU})
    plan, problems = problems_of(root)
    assert plan is None
    assert expected + ("error",) in problems, problems


def test_every_problem_is_listed_not_just_the_first(tmp_path):
    bad = POLDA.replace("    due: H-90\n", "    due: H--3\n").replace("    weight: 2\n", "    weight: 0\n")
    root = write_plan(tmp_path / "p", plan=PLAN.replace("Asia/Makassar", "Mars/Base"),
                      files={"polda.yaml": bad, "kpu.yaml": KPU})
    _, problems = problems_of(root)
    keys = {p[2] for p in problems}
    assert {"timezone.unknown_in_plan", "offset.invalid", "value.want_positive"} <= keys


def test_missing_and_empty_checklist_folder(tmp_path):
    root = tmp_path / "p"
    write_plan(root, files={})
    assert ("pilkada.yaml", None, "checklists.missing", "error") in problems_of(root)[1]
    (root / "checklists").mkdir()
    assert ("pilkada.yaml", None, "checklists.empty", "error") in problems_of(root)[1]


def test_warnings_do_not_stop_the_plan(tmp_path):
    late = POLDA.replace("    due: H-10\n", "    due: 2024-12-01\n")
    root = write_plan(tmp_path / "p", files={"polda.yaml": late, "kosong.yaml": "stakeholder: kpu\nitems: []\n"})
    plan, problems = problems_of(root)
    assert plan is not None
    assert ("polda.yaml", 13, "item.due_outside_phase", "warning") in problems
    assert ("kosong.yaml", 1, "checklist.no_items", "warning") in problems
    assert ("pilkada.yaml", None, "stakeholder.no_items", "warning") in problems


@pytest.mark.parametrize("content, key", [
    (b"", "yaml.empty"),
    (b"# only a comment\n", "yaml.empty"),
    (b"name: \xff\xfe bad\n", "yaml.not_utf8"),
])
def test_unreadable_files(tmp_path, content, key):
    root = write_plan(tmp_path / "p")
    (root / "pilkada.yaml").write_bytes(content)
    assert key in {p[2] for p in problems_of(root)[1]}


def test_byte_order_mark_is_fine(tmp_path):
    root = write_plan(tmp_path / "p")
    text = (root / "pilkada.yaml").read_text(encoding="utf-8")
    (root / "pilkada.yaml").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert load_plan(root).name == "Rencana Uji"


def test_alias_bomb_is_refused_quickly(tmp_path):
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    for n in range(1, 10):
        lines.append(f"a{n}: &a{n} [" + ",".join([f"*a{n-1}"] * 9) + "]")
    root = write_plan(tmp_path / "p", plan=PLAN + "\n".join(lines) + "\n")
    keys = {p[2] for p in problems_of(root)[1]}
    assert "yaml.too_many_aliases" in keys


def test_oversized_file_is_refused(tmp_path):
    root = write_plan(tmp_path / "p")
    with open(root / "checklists" / "besar.yaml", "w") as handle:
        handle.write("# " + "x" * (6 * 1024 * 1024) + "\n")
    assert "yaml.too_big" in {p[2] for p in problems_of(root)[1]}


def test_password_in_plan_is_an_error(tmp_path):
    root = write_plan(tmp_path / "p", plan=PLAN + "notify:\n  smtp_host: localhost\n  smtp_password: rahasia\n")
    assert "notify.password_in_plan" in {p[2] for p in problems_of(root)[1]}


def test_plan_load_raises_with_all_problems(tmp_path):
    root = write_plan(tmp_path / "p", plan=PLAN.replace("Asia/Makassar", "Nowhere"))
    with pytest.raises(PlanInvalid) as info:
        load_plan(root)
    assert info.value.exit_code == 2 and info.value.problems


def test_a_plan_carries_its_fields_and_its_index_nothing_else(run, plan_dir):
    """Lookups live in Plan.index, made on first use: nothing is set on the frozen record beside its fields."""
    from dataclasses import fields

    from pilkada_cli.plan import load_plan
    from pilkada_cli.plan.index import instance_index
    from pilkada_cli.plan.lookup import find_task

    plan = load_plan(plan_dir)
    plan.tasks(), plan.tasks_of("polda", None), plan.item("polda/apel"), plan.stakeholder("kpu")
    find_task(plan, "apel"), find_task(plan, "kpu/nphd"), plan.index.chain_tasks, plan.index.on_chains
    plan.office_name(plan.stakeholder("polda"), None), instance_index(plan)
    assert set(vars(plan)) == {f.name for f in fields(plan)} | {"index"}
    assert plan.cached_as is not None and plan == load_plan(plan_dir)


# -- YAML no plan should hold: absurd numbers, merge keys as duplicates, too deep, too big


@pytest.mark.parametrize("patch, message", [
    ("weight: 1" + "0" * 5000, "terlalu panjang"),
    ("weight: 1e300", "weight"),
    ("target: 99999999999999999999", "terlalu besar"),
])
def test_absurd_numbers_in_a_plan(run, isolated, patch, message):
    checklist = f"stakeholder: polda\nitems:\n  - id: a\n    title: A\n    phase: persiapan\n    {patch}\n"
    root = write_plan(isolated / "besar", PLAN, {"polda.yaml": checklist})
    result = run("status", "--plan", str(root))
    assert result.exit_code == 2 and "polda.yaml:6" in result.stderr and message in result.stderr, result.stderr


def test_merge_keys_are_overrides_not_duplicates(run, isolated):
    checklist = ("stakeholder: polda\nitems:\n  - &dasar\n    id: satu\n    title: Satu\n    phase: persiapan\n"
                 "    due: H-100\n  - <<: *dasar\n    id: dua\n    title: Dua\n")
    root = write_plan(isolated / "gabung", PLAN, {"polda.yaml": checklist})
    result = run("list", "--json", "--plan", str(root))
    assert result.exit_code == 0, result.stderr
    assert {x["id"] for x in json.loads(result.stdout)} == {"polda/satu", "polda/dua"}
    duplicate = write_plan(isolated / "ganda", PLAN, {"polda.yaml": checklist.replace("    title: Dua\n",
                                                                                      "    id: tiga\n")})
    assert run("list", "--plan", str(duplicate)).exit_code == 2


def test_too_deep_and_too_big_name_a_line(run, isolated):
    deep = "stakeholder: polda\nitems:\n  - id: a\n    title: A\n    phase: persiapan\n    tags: " + "[" * 3000 + \
        "]" * 3000 + "\n"
    root = write_plan(isolated / "dalam", PLAN, {"polda.yaml": deep})
    result = run("status", "--plan", str(root))
    assert result.exit_code == 2 and "polda.yaml:6" in result.stderr, result.stderr
    big = write_plan(isolated / "besar", PLAN, {"polda.yaml": "# " + "x" * 80 + "\n" * 1})
    with open(big / "checklists" / "polda.yaml", "a") as handle:
        handle.write(("# " + "x" * 100 + "\n") * 60_000)
    result = run("status", "--plan", str(big))
    assert result.exit_code == 2 and "polda.yaml:" in result.stderr and "MB" in result.stderr, result.stderr


def test_yaml_messages_in_indonesian(run, isolated):
    root = write_plan(isolated / "rusak")
    (root / "pilkada.yaml").write_text("name: a\nvote_date: 2024-11-27\ntimezone: WITA\nstakeholders:\n"
                                       "  - id: polda\n    name: Polda: NTT\n", encoding="utf-8")
    result = run("status", "--plan", str(root))
    assert result.exit_code == 2 and "pilkada.yaml:6" in result.stderr and "titik dua" in result.stderr
    assert "mapping values" not in result.stderr


def test_bundled_plan_has_the_operation_the_ad_hoc_end_the_dispute_and_point_3_everywhere(run):
    data = json.loads(run("status", "--json", "--on", "2024-08-27").stdout)
    phases = {p["id"]: p for p in data["phases"]}
    assert (phases["operasi-mantap-praja"]["start"], phases["operasi-mantap-praja"]["end"]) == ("2024-08-27",
                                                                                              "2024-12-25")
    assert phases["badan-adhoc"]["end"] == "2024-11-05"
    assert phases["sengketa"]["start"].startswith("2025-01") and phases["sengketa"]["end"].startswith("2025-02")
    items = data["items"]
    started = {x["id"] for x in items if x["phase"] == "operasi-mantap-praja" and x["due"] == "2024-08-27"}
    assert "polda/operasi-mantap-praja-mulai" in started and "polres/operasi-mantap-praja-mulai@belu" in started
    assert {x["stakeholder"] for x in items if x["phase"] == "sengketa"} >= {"kpu", "bawaslu", "polda"}
    point3 = {x["stakeholder"] for x in items if "poin 3 rakor" in x["title"]}
    assert point3 == {s["id"] for s in data["stakeholders"]}
    assert run("check").exit_code == 0
