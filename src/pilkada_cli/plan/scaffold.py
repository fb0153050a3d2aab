"""`pilkada init`: a new plan from the bundled template, whose deadlines are H-offsets so that it counts
down to any vote day, with the JSON Schemas its files name on their first line for the editor. Never
overwrites anything."""

from __future__ import annotations

import json
from datetime import date
from importlib.resources import files
from pathlib import Path

from pilkada_cli.errors import BadInput, PilkadaError
from pilkada_cli.model import CHECKLIST_DIR, PLAN_FILE, RISK_DIR
from pilkada_cli.plan.schema import SCHEMA_DIR, SCHEMAS, modeline, schema_file, schema_text


def template_dir() -> Path:
    return Path(str(files("pilkada_cli"))) / "template"


def create_plan(directory: Path, vote_date: date, timezone: str, name: str) -> None:
    """Write the template into `directory`."""
    source = template_dir()
    if (directory / PLAN_FILE).exists() or (directory / CHECKLIST_DIR).exists():
        raise BadInput("init.exists", path=str(directory))
    if directory.exists() and not directory.is_dir():
        raise BadInput("init.not_a_dir", path=str(directory))
    plan_text = (source / PLAN_FILE).read_text(encoding="utf-8")
    # json.dumps quotes the name so that any text (colons, quotes) stays valid YAML.
    plan_text = (plan_text.replace("{{name}}", json.dumps(name, ensure_ascii=False))
                 .replace("{{vote_date}}", vote_date.isoformat())
                 .replace("{{timezone}}", timezone))
    try:
        (directory / CHECKLIST_DIR).mkdir(parents=True)
        for checklist in sorted((source / CHECKLIST_DIR).glob("*.yaml")):
            (directory / CHECKLIST_DIR / checklist.name).write_text(
                modeline("checklist", 1) + checklist.read_text(encoding="utf-8"), encoding="utf-8")
        (directory / RISK_DIR).mkdir()
        for register in sorted((source / RISK_DIR).glob("*.yaml")):
            (directory / RISK_DIR / register.name).write_text(modeline("risks", 1) + register.read_text(encoding="utf-8"),
                                                              encoding="utf-8")
        # The schemas the template files name on their first line, for the editor (plan/schema.py).
        (directory / SCHEMA_DIR).mkdir(exist_ok=True)
        for name in SCHEMAS:
            (directory / SCHEMA_DIR / schema_file(name)).write_text(schema_text(name), encoding="utf-8")
        (directory / PLAN_FILE).write_text(modeline("plan", 0) + plan_text, encoding="utf-8")
    except OSError as exc:
        raise PilkadaError("init.failed", path=str(directory), reason=exc.strerror or str(exc)) from None
