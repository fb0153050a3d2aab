"""Issue 22, item 4: the JSON Schemas that editors use for plan files agree with `pilkada check`: the same keys,
the bundled plan and init's template pass, the bad-plan fixtures and each rule a schema can express fail."""

import json
from pathlib import Path

import pytest

jsonschema = pytest.importorskip("jsonschema")

from conftest import KPU, PLAN, POLDA, write_plan  # noqa: E402

from pilkada_cli import model  # noqa: E402
from pilkada_cli.plan import yamlfile  # noqa: E402
from pilkada_cli.plan.schema import SCHEMAS, schema_text  # noqa: E402

REPO = Path(__file__).parent.parent
BAD_PLANS = Path(__file__).parent / "bad_plans"


def validator(name: str):
    schema = json.loads(schema_text(name))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


VALIDATORS = {name: validator(name) for name in SCHEMAS}


def plan_files(root: Path) -> list[tuple[str, Path]]:
    """Each YAML file of a plan with the schema that describes it, as the editor would pair them."""
    files = [("plan", root / "pilkada.yaml")] if (root / "pilkada.yaml").exists() else []
    files += [("checklist", p) for p in sorted((root / "checklists").rglob("*.y*ml"))]
    files += [("risks", p) for p in sorted((root / "risks").rglob("*.y*ml"))]
    return files


def schema_errors(root: Path) -> list[str]:
    """What the schemas say of a plan's files (a file that is not YAML at all is the editor's YAML parser's to
    report, not a schema's)."""
    found = []
    for name, path in plan_files(root):
        try:
            document = yamlfile.load(path)
        except yamlfile.YamlProblem as exc:
            if exc.problem.key != "yaml.empty":
                continue
            document = None
        found += [f"{path.name}: {error.message}" for error in VALIDATORS[name].iter_errors(document)]
    return found


def check_errors(root: Path) -> list[str]:
    from pilkada_cli.report.check import check_all

    return [p.key for p in check_all(root, bundled=False) if p.is_error]


def test_the_schema_command_prints_each_schema(run):
    for name in SCHEMAS:
        result = run("schema", name)
        assert result.exit_code == 0 and json.loads(result.stdout)["$schema"].startswith("http://json-schema.org/")
    unknown = run("schema", "rencana")
    assert unknown.exit_code == 2 and "plan, checklist, risks" in unknown.stderr


def test_init_writes_the_schemas_and_names_them_on_each_files_first_line(run, isolated):
    assert run("init", "baru", "--vote-date", "2029-11-28").exit_code == 0
    root = isolated / "baru"
    for name, path in plan_files(root):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target.read_text(encoding="utf-8") == schema_text(name), path
    assert schema_errors(root) == [] and check_errors(root) == []


def test_the_bundled_plan_and_the_tests_plan_pass():
    assert schema_errors(REPO / "checklists") == []


def test_the_schemas_have_exactly_the_keys_the_validator_knows():
    plan = json.loads(schema_text("plan"))
    checklist = json.loads(schema_text("checklist"))
    risk = json.loads(schema_text("risks"))["properties"]["risks"]["items"]
    properties = plan["properties"]
    pairs = [(plan, model.PLAN_KEYS, model.PLAN_REQUIRED),
             (properties["stakeholders"]["items"], model.STAKEHOLDER_KEYS, ("id", "name")),
             (properties["phases"]["items"], model.PHASE_KEYS, model.PHASE_KEYS),
             (properties["regions"]["items"], model.REGION_KEYS, ("id", "name")),
             (properties["notify"], model.NOTIFY_KEYS, ()),
             (checklist, model.CHECKLIST_KEYS, ("stakeholder",)),
             (checklist["properties"]["items"]["items"], model.ITEM_KEYS, ("id", "title")),
             (risk, model.RISK_KEYS, ("id", "title", "dimension", "level"))]
    for described, keys, required in pairs:
        assert set(described["properties"]) == set(keys) and described["additionalProperties"] is False
        assert set(described.get("required", ())) == set(required)
    assert risk["properties"]["level"]["enum"] == list(model.LEVELS)
    # a risk's dimension is one of its plan's risk_dimensions (the default four without them): the plan says
    assert all(d in risk["properties"]["dimension"]["description"] for d in model.DIMENSIONS)
    assert [x for x in properties["language"]["enum"] if x] == list(model.LANGUAGES)


# A schema sees one file at a time and no calendar or time-zone database: these bad plans only check refuses.
BEYOND_A_SCHEMA = {
    "duplicate-item": "the same id in two files", "empty-checklists-folder": "a folder without files",
    "no-checklists-folder": "a missing folder", "undeclared-stakeholder": "a name declared in another file",
    "phase-reversed": "two dates compared", "nonexistent-date": "the calendar (30 February)",
    "unknown-timezone": "the IANA database", "tab-indentation": "not YAML: the editor's YAML parser says so",
    "yaml-syntax": "not YAML: the editor's YAML parser says so"}


@pytest.mark.parametrize("fixture", sorted(p.name for p in BAD_PLANS.iterdir() if p.is_dir()))
def test_the_bad_plans_are_refused_by_the_schemas_where_a_schema_can_see_it(fixture):
    assert check_errors(BAD_PLANS / fixture), fixture
    if fixture in BEYOND_A_SCHEMA:
        assert schema_errors(BAD_PLANS / fixture) == [], fixture  # else: move it out of BEYOND_A_SCHEMA
    else:
        assert schema_errors(BAD_PLANS / fixture), fixture


MISTAKES = {  # one rule of the validator each: (file, text replaced, replacement)
    "unknown plan key": ("pilkada.yaml", "due_soon_days: 7", "due_soon_day: 7"),
    "no vote day": ("pilkada.yaml", "vote_date: 2024-11-27\n", ""),
    "vote day not a date": ("pilkada.yaml", "vote_date: 2024-11-27", "vote_date: besok"),
    "negative due_soon_days": ("pilkada.yaml", "due_soon_days: 7", "due_soon_days: -1"),
    "a language we do not print": ("pilkada.yaml", "due_soon_days: 7", "language: fr"),
    "a stakeholder id with capitals": ("pilkada.yaml", "id: polda", "id: Polda"),
    "no stakeholders": ("pilkada.yaml", "stakeholders:\n  - id: polda\n    name: Polda Uji\n  - id: kpu\n"
                        "    name: KPU Uji\n", "stakeholders: []\n"),
    "a password in notify": ("pilkada.yaml", "due_soon_days: 7", "notify:\n  smtp_password: rahasia"),
    "a phase without end": ("pilkada.yaml", "    end: H-30\n", ""),
    "an offset that is none": ("checklists/polda.yaml", "due: H-90", "due: H-sembilan"),
    "unknown item key": ("checklists/polda.yaml", "weight: 2", "wieght: 2"),
    "zero weight": ("checklists/polda.yaml", "weight: 2", "weight: 0"),
    "critical as text": ("checklists/polda.yaml", "critical: true", "critical: penting"),
    "tags as a mapping": ("checklists/polda.yaml", "tags: [kerawanan]", "tags: {a: b}"),
    "an item without title": ("checklists/polda.yaml", "    title: Patroli\n", ""),
    "a target that is text": ("checklists/kpu/persiapan.yaml", "target: 100", "target: seratus"),
    "checklist without stakeholder": ("checklists/kpu/persiapan.yaml", "stakeholder: kpu\n", ""),
}


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_each_mistake_a_schema_can_see_is_refused_by_both(isolated, mistake):
    root = write_plan(isolated / "p", PLAN, {"polda.yaml": POLDA, "kpu/persiapan.yaml": KPU})
    assert schema_errors(root) == [] and check_errors(root) == []
    name, old, new = MISTAKES[mistake]
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, mistake
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert check_errors(root), mistake
    assert schema_errors(root), mistake


def test_a_risk_register_with_a_level_we_do_not_have_is_refused_by_both(isolated):
    root = write_plan(isolated / "p")
    (root / "risks").mkdir()
    register = ("risks:\n  - id: politik-uang\n    title: Politik uang\n    dimension: kontestasi\n"
                "    level: {level}\n    mitigations: [polda/patroli]\n")
    (root / "risks" / "bawaslu.yaml").write_text(register.format(level="tinggi"), encoding="utf-8")
    assert schema_errors(root) == [] and check_errors(root) == []
    (root / "risks" / "bawaslu.yaml").write_text(register.format(level="high"), encoding="utf-8")
    assert schema_errors(root) and check_errors(root)
