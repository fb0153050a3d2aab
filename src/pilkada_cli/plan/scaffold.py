"""`pilkada init`: a new plan from the bundled template, whose deadlines are H-offsets so that it counts
down to any vote day (or from another plan, `--from`, with its dates rewritten as H-offsets), with the JSON
Schemas its files name on their first line for the editor. Never
overwrites anything."""

from __future__ import annotations

import json
import re
from datetime import date
from importlib.resources import files
from pathlib import Path

from pilkada_cli import dates
from pilkada_cli.errors import BadInput, PilkadaError
from pilkada_cli.model import CHECKLIST_DIR, DEFAULT_JOURNAL, PLAN_FILE, RISK_DIR, Plan
from pilkada_cli.plan.schema import SCHEMA_DIR, SCHEMAS, modeline, schema_file, schema_text


def template_dir() -> Path:
    return Path(str(files("pilkada_cli"))) / "template"


def _refuse_to_overwrite(directory: Path) -> None:
    if (directory / PLAN_FILE).exists() or (directory / CHECKLIST_DIR).exists():
        raise BadInput("init.exists", path=str(directory))
    if directory.exists() and not directory.is_dir():
        raise BadInput("init.not_a_dir", path=str(directory))


def create_plan(directory: Path, vote_date: date, timezone: str, name: str) -> None:
    """Write the template into `directory`."""
    source = template_dir()
    _refuse_to_overwrite(directory)
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
        _write_schemas(directory)
        (directory / PLAN_FILE).write_text(modeline("plan", 0) + plan_text, encoding="utf-8")
    except OSError as exc:
        raise PilkadaError("init.failed", path=str(directory), reason=exc.strerror or str(exc)) from None


def copy_plan(source: Plan, directory: Path, vote_date: date, timezone: str | None, name: str | None) -> None:
    """Write a copy of `source` (a validated plan: its pilkada.yaml, checklists and risks, not its journal)
    into `directory`, counting down to `vote_date` (spec section 3, `init --from`): every deadline and phase
    date becomes an H-offset from the source's vote day, a region's own vote day keeps its distance from
    Hari H, and the plan gets its new name and id. Comments and layout stay: only those values change."""
    from pilkada_cli.plan import yamlfile
    from pilkada_cli.plan.locations import plan_files

    _refuse_to_overwrite(directory)
    old_vote = source.vote_date
    name = name or (source.name.replace(str(old_vote.year), str(vote_date.year))
                    if str(old_vote.year) in source.name else source.name)

    def offset(day: date) -> str:
        return dates.h_label(day, old_vote)

    def shifted(day: date) -> str:
        return (vote_date + (day - old_vote)).isoformat()

    written: dict[Path, str] = {}
    for path in plan_files(source.root):
        relative = path.relative_to(source.root)
        text = path.read_text(encoding="utf-8-sig")
        edits: list[tuple[int, str, object]] = []  # (line, key, new value or a function of the old date)
        if relative == Path(PLAN_FILE):
            doc = yamlfile.load(path)
            edits += [(doc.lines["vote_date"], "vote_date", vote_date.isoformat()),
                      (doc.lines["name"], "name", json.dumps(name, ensure_ascii=False))]
            if "id" in doc:  # a shared journal tells plans apart by id: the copy is another plan
                edits.append((doc.lines["id"], "id", _slug(name)))
            if timezone:
                edits.append((doc.lines["timezone"], "timezone", timezone))
            if source.journal_url is None and "journal" in doc:  # a file of its own, not the old plan's
                edits.append((doc.lines["journal"], "journal", DEFAULT_JOURNAL))
            for region in doc.get("regions") or []:
                if isinstance(region, dict) and "vote_date" in region:
                    edits.append((region.lines["vote_date"], "vote_date", shifted))
            for phase in doc.get("phases") or []:
                for key in ("start", "end"):
                    if isinstance(phase, dict) and key in phase:
                        edits.append((phase.lines[key], key, offset))
        elif relative.parts[0] == CHECKLIST_DIR:
            doc = yamlfile.load(path)
            for item in doc.get("items") or []:
                if isinstance(item, dict) and "due" in item:
                    edits.append((item.lines["due"], "due", offset))
        text = _rewritten(text, edits, path)
        kind = "plan" if relative == Path(PLAN_FILE) else "checklist" if relative.parts[0] == CHECKLIST_DIR else "risks"
        # the copy tells the editor its schema, as a new plan's files do (the source may not have)
        written[relative] = text if text.startswith("# yaml-language-server:") else \
            modeline(kind, len(relative.parts) - 1) + text
    try:
        for relative, text in written.items():
            target = directory / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        _write_schemas(directory)
    except OSError as exc:
        raise PilkadaError("init.failed", path=str(directory), reason=exc.strerror or str(exc)) from None


def _write_schemas(directory: Path) -> None:
    """The schemas the plan's files name on their first line, for the editor (plan/schema.py)."""
    (directory / SCHEMA_DIR).mkdir(exist_ok=True)
    for name in SCHEMAS:
        (directory / SCHEMA_DIR / schema_file(name)).write_text(schema_text(name), encoding="utf-8")


# A value as written after its key on one line: quoted, or plain up to a comment (and, inside a flow mapping
# `{id: x, due: 2024-08-01}`, up to the next comma or brace).
_BLOCK = r"(\"[^\"\n]*\"|'[^'\n]*'|[^#\n]*?)(?=\s*(?:\s#|$))"
_FLOW = r"(\"[^\"\n]*\"|'[^'\n]*'|[^,}#\n]*?)(?=\s*(?:[,}]|\s#|$))"


def _rewritten(text: str, edits: list[tuple[int, str, object]], path: Path) -> str:
    """`text` with each edit's value replaced on its line: a new value, or for a function, that function of
    the date written there (an H-offset written there already stays as it is)."""
    lines = text.split("\n")
    for line_no, key, new in edits:
        line = lines[line_no - 1]
        found = key_at = re.search(rf"(?<![\w-]){re.escape(key)}\s*:\s*", line)
        if key_at is not None:
            flow = line.count("{", 0, key_at.start()) > line.count("}", 0, key_at.start())
            found = re.compile(_FLOW if flow else _BLOCK).match(line, key_at.end())
        if found is None:
            raise PilkadaError("init.from_unreadable", path=f"{path}:{line_no}", key=key)
        if callable(new):
            when = dates.parse_when(found.group(1).strip("\"'"))
            if not isinstance(when, date):
                continue
            new = new(when)
        lines[line_no - 1] = line[:found.start(1)] + str(new) + line[found.end(1):]
    return "\n".join(lines)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "rencana"
