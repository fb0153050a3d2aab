"""The plan: discovery, loading and validation of `pilkada.yaml` and its checklist files into typed records.

Validation collects every problem (file, line, severity, catalogue key) instead of stopping at the first,
so `pilkada check` can list them all and every other command can show the first few."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from pilkada_cli import dates, yamlfile
from pilkada_cli.errors import BadInput, PilkadaError, PlanInvalid, Problem

PLAN_FILE = "pilkada.yaml"
CHECKLIST_DIR = "checklists"
DEFAULT_JOURNAL = ".pilkada/journal.sqlite3"
LANGUAGES = ("id", "en")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

PLAN_KEYS = ("name", "vote_date", "timezone", "language", "due_soon_days", "journal",
             "stakeholders", "phases", "regions", "notify")
PLAN_REQUIRED = ("name", "vote_date", "timezone", "stakeholders")
STAKEHOLDER_KEYS = ("id", "name", "per_region")
PHASE_KEYS = ("id", "name", "start", "end")
REGION_KEYS = ("id", "name", "vote_date", "timezone")
CHECKLIST_KEYS = ("stakeholder", "phase", "items")
ITEM_KEYS = ("id", "title", "phase", "due", "owner", "weight", "critical", "target", "unit", "tags",
             "notes", "regions")
NOTIFY_KEYS = ("smtp_host", "smtp_port", "smtp_user", "smtp_starttls", "mail_from", "mail_to", "subject_prefix")


@dataclass(frozen=True)
class Region:
    """A province, regency or city with its own offices, and maybe its own vote day or time zone."""

    id: str
    name: str
    vote_date: date | None = None
    timezone: str | None = None


@dataclass(frozen=True)
class Stakeholder:
    """An agency taking part: Polda, KPU, Bawaslu, ...; per_region ones have an office in every region."""

    id: str
    name: str
    per_region: bool = False

    def display_name(self, region: Region | None = None) -> str:
        return self.name.replace("{region}", region.name) if region else self.name.replace("{region}", "").strip()


@dataclass(frozen=True)
class Phase:
    """A stage (tahapan) of the election with inclusive start and end."""

    id: str
    name: str
    start: dates.When
    end: dates.When


@dataclass(frozen=True)
class Item:
    """One checklist item as written in a checklist file."""

    stakeholder: str
    id: str
    title: str
    phase: str | None
    due: dates.When | None = None
    owner: str | None = None
    weight: float = 1
    critical: bool = False
    target: float | None = None
    unit: str | None = None
    tags: tuple[str, ...] = ()
    notes: str | None = None
    regions: tuple[str, ...] | None = None
    file: str = ""
    line: int = 0

    @property
    def full_id(self) -> str:
        return f"{self.stakeholder}/{self.id}"


class Task(NamedTuple):
    """An item as it is tracked: the item itself, or one region's instance of a per-region item.
    A named tuple, as a national plan has tens of thousands of them."""

    item: Item
    region: Region | None
    key: str  # `stakeholder/item` or `stakeholder/item@region`
    due: date | None  # resolved against the region's vote day
    due_label: str | None  # the due date as an H-offset


@dataclass(frozen=True)
class Plan:
    """A whole validated plan."""

    root: Path
    name: str
    vote_date: date
    timezone: str
    language: str | None
    due_soon_days: int
    journal_path: Path
    stakeholders: tuple[Stakeholder, ...]
    phases: tuple[Phase, ...]
    items: tuple[Item, ...]
    regions: tuple[Region, ...] = ()
    notify: Mapping[str, Any] = field(default_factory=dict)
    bundled: bool = False
    warnings: tuple[Problem, ...] = ()

    def stakeholder(self, stakeholder_id: str) -> Stakeholder:
        return next(s for s in self.stakeholders if s.id == stakeholder_id)

    def region(self, region_id: str) -> Region:
        return next(r for r in self.regions if r.id == region_id)

    def vote_date_for(self, region: Region | None) -> date:
        return region.vote_date if region and region.vote_date else self.vote_date

    def timezone_for(self, region: Region | None) -> str:
        return region.timezone if region and region.timezone else self.timezone

    def tasks(self) -> list[Task]:
        """Every tracked instance: plain items once, items of per-region stakeholders once per region.
        Computed once per plan object (a national plan has tens of thousands)."""
        cached = self.__dict__.get("_tasks")
        if cached is not None:
            return cached
        per_region = {s.id for s in self.stakeholders if s.per_region}
        result = []
        deadlines: dict = {}  # (item, vote day) -> (due, label): regions mostly share a vote day
        for item in self.items:
            if item.stakeholder in per_region and self.regions:
                wanted = set(item.regions) if item.regions else None
                full_id = item.full_id
                for region in self.regions:
                    if wanted is not None and region.id not in wanted:
                        continue
                    vote_date = region.vote_date or self.vote_date
                    deadline = deadlines.get((item.id, full_id, vote_date))
                    if deadline is None:
                        deadline = deadlines[(item.id, full_id, vote_date)] = self._deadline(item, vote_date)
                    result.append(Task(item, region, f"{full_id}@{region.id}", *deadline))
            else:
                result.append(self.task(item))
        object.__setattr__(self, "_tasks", result)  # a cache beside the fields, not part of the record
        return result

    def tasks_of(self, stakeholder_id: str, region: Region | None) -> list[Task]:
        """One office's items: a stakeholder's, in one region for a per-region stakeholder."""
        return [self.task(item, region) for item in self.items if item.stakeholder == stakeholder_id
                and (region is None or not item.regions or region.id in item.regions)]

    def task(self, item: Item, region: Region | None = None) -> Task:
        """One tracked instance, its deadline resolved against its region's vote day."""
        return Task(item, region, f"{item.full_id}@{region.id}" if region else item.full_id,
                    *self._deadline(item, self.vote_date_for(region)))

    @staticmethod
    def _deadline(item: Item, vote_date: date) -> tuple[date | None, str | None]:
        if item.due is None:
            return None, None
        due = dates.resolve(item.due, vote_date)
        return due, dates.h_label(due, vote_date)


# ---------------------------------------------------------------------------------------------- discovery


def bundled_plan_dir() -> Path:
    """The default plan shipped inside the package (the repository's checklists/ folder)."""
    from importlib.resources import files

    packaged = Path(str(files("pilkada_cli"))) / "bundled"
    if (packaged / PLAN_FILE).is_file():
        return packaged
    # An editable install or a source checkout: the repository's own folder.
    return Path(__file__).resolve().parents[2] / "checklists"


def data_dir(env: Mapping[str, str]) -> Path:
    """Where the bundled plan's journal lives: PILKADA_DATA_DIR, else the user's data directory."""
    if env.get("PILKADA_DATA_DIR"):
        return Path(env["PILKADA_DATA_DIR"])
    from platformdirs import user_data_dir

    return Path(user_data_dir("pilkada", appauthor=False))


def find_plan(explicit: str | None, env: Mapping[str, str], cwd: Path) -> tuple[Path, bool]:
    """The plan directory a command uses, and whether it is the bundled one (spec section 1)."""
    chosen = explicit or env.get("PILKADA_PLAN")
    if chosen:
        path = Path(chosen).expanduser()
        if path.is_dir():
            path = path / PLAN_FILE
        if not path.is_file():
            raise BadInput("plan.not_found", path=str(path))
        return path.parent, False
    for folder in (cwd, *cwd.parents):
        if (folder / PLAN_FILE).is_file():
            return folder, False
    return bundled_plan_dir(), True


# ---------------------------------------------------------------------------------------------- loading


def load_plan(root: Path, *, bundled: bool = False, env: Mapping[str, str] | None = None) -> Plan:
    """The validated plan in `root`; raises PlanInvalid listing every error (warnings ride on the plan).

    A validated plan is cached on disk, keyed by every plan file's path, size and modification time, the
    package version and the cache format: editing, adding or removing any file rebuilds it."""
    from pilkada_cli import plancache

    env = os.environ if env is None else env
    cache = plancache.cache_file(root, bundled, env)
    key = plancache.cache_key(root, bundled, env, _plan_files(root))
    cached = plancache.read(cache, key)
    if cached is not None:
        return cached
    plan, problems = check_plan(root, bundled=bundled, env=env)
    if plan is None:
        raise PlanInvalid(problems)
    plan.tasks()  # cached with the plan: unpickling the instances is cheaper than building them
    plancache.write(cache, key, plan)
    return plan


def _plan_files(root: Path) -> list[Path]:
    """pilkada.yaml and every checklist file, as the loader reads them."""
    folder = root / CHECKLIST_DIR
    found = [p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml")] if folder.is_dir() else []
    return [root / PLAN_FILE, *sorted(found)]


def check_plan(root: Path, *, bundled: bool = False, env: Mapping[str, str] | None = None
               ) -> tuple[Plan | None, list[Problem]]:
    """Every problem in a plan, errors first; the plan too when there are no errors."""
    checker = _Checker(root, bundled, os.environ if env is None else env)
    plan = checker.run()
    problems = sorted(checker.problems, key=lambda p: (not p.is_error, p.file != root / PLAN_FILE,
                                                       str(p.file or ""), p.line or 0))
    if any(p.is_error for p in problems):
        return None, problems
    assert plan is not None
    return _with_warnings(plan, problems), problems


def _with_warnings(plan: Plan, problems: list[Problem]) -> Plan:
    from dataclasses import replace

    return replace(plan, warnings=tuple(problems))


def did_you_mean(word: object, choices: Any) -> str | None:
    matches = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return matches[0] if matches else None


class _Checker:
    """Walks a plan's files once, building records and collecting problems."""

    def __init__(self, root: Path, bundled: bool, env: Mapping[str, str]) -> None:
        self.root = root
        self.bundled = bundled
        self.env = env
        self.problems: list[Problem] = []
        self.file: Path = root / PLAN_FILE
        self._phase_lines: dict[str, int | None] = {}
        self._broken_phases: set[str] = set()

    # -- reporting

    def error(self, line: int | None, message: str, /, **params: Any) -> None:
        self.problems.append(Problem(self.file, line, message, params))

    def warn(self, line: int | None, message: str, /, **params: Any) -> None:
        self.problems.append(Problem(self.file, line, message, params, severity="warning"))

    def line_of(self, mapping: Any, key: str) -> int | None:
        if isinstance(mapping, yamlfile.LocDict):
            return mapping.lines.get(key, mapping.line)
        return None

    # -- generic shape checks

    def mapping(self, value: Any, what: str, line: int | None) -> bool:
        if isinstance(value, dict):
            return True
        kind = "list" if isinstance(value, list) else "value"
        self.error(getattr(value, "line", None) or line, f"shape.want_mapping_got_{kind}", what=what)
        return False

    def keys(self, mapping: yamlfile.LocDict, allowed: tuple[str, ...], required: tuple[str, ...], what: str) -> None:
        for key, line in getattr(mapping, "duplicates", []):
            self.error(line, "key.duplicate", key=key, what=what)
        for key in mapping:
            if key not in allowed:
                suggestion = did_you_mean(key, allowed)
                if key == "password" or str(key).endswith("password"):
                    self.error(self.line_of(mapping, key), "notify.password_in_plan")
                elif suggestion:
                    self.error(self.line_of(mapping, key), "key.unknown_suggest", key=key, what=what, suggestion=suggestion)
                else:
                    self.error(self.line_of(mapping, key), "key.unknown", key=key, what=what, allowed=", ".join(allowed))
        for key in required:
            if key not in mapping or mapping[key] is None or mapping[key] == "":
                self.error(mapping.line, "key.missing", key=key, what=what)

    def text(self, mapping: yamlfile.LocDict, key: str, what: str) -> str | None:
        value = mapping.get(key)
        if value is None:
            return None
        if isinstance(value, (dict, list)):
            self.error(self.line_of(mapping, key), "value.want_text", key=key, what=what)
            return None
        return str(value)

    def slug(self, mapping: yamlfile.LocDict, key: str, what: str) -> str | None:
        value = self.text(mapping, key, what)
        if value is not None and not SLUG.match(value):
            self.error(self.line_of(mapping, key), "slug.invalid", key=key, value=value[:60], what=what,
                       suggestion=_slugify(value))
            return None
        return value

    def date(self, mapping: yamlfile.LocDict, key: str, what: str, allow_offset: bool) -> Any:
        value = mapping.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, (dict, list, bool)):
            self.error(self.line_of(mapping, key), "value.want_date", key=key, what=what)
            return None
        try:
            when = dates.parse_when(value) if allow_offset else dates.parse_date(str(value))
        except BadInput as exc:
            self.error(self.line_of(mapping, key), exc.key, **exc.params)
            return None
        return when

    def number(self, mapping: yamlfile.LocDict, key: str, what: str) -> float | None:
        value = mapping.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.error(self.line_of(mapping, key), "value.want_number", key=key, what=what, value=str(value)[:40])
            return None
        if not value > 0 or value != value or value == float("inf"):
            self.error(self.line_of(mapping, key), "value.want_positive", key=key, what=what, value=value)
            return None
        return value

    def flag(self, mapping: yamlfile.LocDict, key: str, what: str) -> bool:
        value = mapping.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.error(self.line_of(mapping, key), "value.want_bool", key=key, what=what)
            return False
        return value

    def list_of(self, mapping: yamlfile.LocDict, key: str, what: str) -> list | None:
        value = mapping.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            self.error(self.line_of(mapping, key), "shape.want_list", key=key, what=what)
            return None
        return value

    # -- the plan file

    def run(self) -> Plan | None:
        try:
            doc = yamlfile.load(self.file)
        except yamlfile.YamlProblem as exc:
            if exc.problem.key == "file.missing":
                self.error(None, "plan.no_plan_file", path=str(self.root))
            else:
                self.problems.append(exc.problem)
            return None
        if not self.mapping(doc, PLAN_FILE, 1):
            return None
        self.keys(doc, PLAN_KEYS, PLAN_REQUIRED, PLAN_FILE)
        name = self.text(doc, "name", PLAN_FILE)
        vote_date = self.date(doc, "vote_date", PLAN_FILE, allow_offset=False)
        tz = self.timezone(doc, "timezone", PLAN_FILE)
        language = self.text(doc, "language", PLAN_FILE)
        if language is not None and language not in LANGUAGES:
            self.error(self.line_of(doc, "language"), "language.unknown", value=language[:20])
            language = None
        due_soon_days = 7
        if "due_soon_days" in doc:
            raw = doc["due_soon_days"]
            if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
                self.error(self.line_of(doc, "due_soon_days"), "due_soon.invalid", value=str(raw)[:20])
            else:
                due_soon_days = raw
        journal = self.journal_path(doc)
        regions = self.regions(doc)
        stakeholders = self.stakeholders(doc, bool(regions))
        phases = self.phases(doc)
        notify = self.notify(doc)
        items = self.checklists(stakeholders, phases, regions)
        if vote_date is not None and phases:
            self.phase_checks(phases, items, vote_date)
        if any(p.is_error for p in self.problems) or None in (name, vote_date, tz):
            return None
        return Plan(root=self.root, name=name, vote_date=vote_date, timezone=tz, language=language,
                    due_soon_days=due_soon_days, journal_path=journal, stakeholders=tuple(stakeholders.values()),
                    phases=tuple(phases.values()), items=tuple(items), regions=tuple(regions.values()),
                    notify=notify, bundled=self.bundled)

    def timezone(self, mapping: yamlfile.LocDict, key: str, what: str) -> str | None:
        name = self.text(mapping, key, what)
        if name is None:
            return None
        try:
            dates.zone(name)
        except BadInput:
            suggestion = did_you_mean(name, ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Pontianak"))
            self.error(self.line_of(mapping, key), "timezone.unknown_in_plan", name=name[:60],
                       suggestion=suggestion or "Asia/Makassar")
            return None
        return name

    def journal_path(self, doc: yamlfile.LocDict) -> Path:
        if self.bundled:
            return data_dir(self.env) / "bundled" / "journal.sqlite3"
        raw = self.text(doc, "journal", PLAN_FILE) or DEFAULT_JOURNAL
        path = Path(raw).expanduser()
        return path if path.is_absolute() else self.root / path

    def regions(self, doc: yamlfile.LocDict) -> dict[str, Region]:
        found: dict[str, Region] = {}
        entries = self.list_of(doc, "regions", PLAN_FILE) or []
        for index, entry in enumerate(entries):
            line = entries.lines[index] if isinstance(entries, yamlfile.LocList) else None
            if not self.mapping(entry, "regions[]", line):
                continue
            self.keys(entry, REGION_KEYS, ("id", "name"), "region")
            region_id = self.slug(entry, "id", "region")
            name = self.text(entry, "name", "region")
            vote_date = self.date(entry, "vote_date", "region", allow_offset=False)
            tz = self.timezone(entry, "timezone", "region")
            if region_id is None or name is None:
                continue
            if region_id in found:
                self.error(self.line_of(entry, "id"), "id.duplicate", kind="region", id=region_id)
                continue
            found[region_id] = Region(region_id, name, vote_date, tz)
        return found

    def stakeholders(self, doc: yamlfile.LocDict, has_regions: bool) -> dict[str, Stakeholder]:
        found: dict[str, Stakeholder] = {}
        entries = self.list_of(doc, "stakeholders", PLAN_FILE)
        if entries is not None and not entries:
            self.error(self.line_of(doc, "stakeholders"), "stakeholders.empty")
        for index, entry in enumerate(entries or []):
            line = entries.lines[index] if isinstance(entries, yamlfile.LocList) else None
            if not self.mapping(entry, "stakeholders[]", line):
                continue
            self.keys(entry, STAKEHOLDER_KEYS, ("id", "name"), "stakeholder")
            stakeholder_id = self.slug(entry, "id", "stakeholder")
            name = self.text(entry, "name", "stakeholder")
            per_region = self.flag(entry, "per_region", "stakeholder")
            if per_region and not has_regions:
                self.error(self.line_of(entry, "per_region"), "region.per_region_without_regions")
            if stakeholder_id is None or name is None:
                continue
            if stakeholder_id in found:
                self.error(self.line_of(entry, "id"), "id.duplicate", kind="stakeholder", id=stakeholder_id)
                continue
            found[stakeholder_id] = Stakeholder(stakeholder_id, name, per_region)
        return found

    def phases(self, doc: yamlfile.LocDict) -> dict[str, Phase]:
        found: dict[str, Phase] = {}
        entries = self.list_of(doc, "phases", PLAN_FILE) or []
        for index, entry in enumerate(entries):
            line = entries.lines[index] if isinstance(entries, yamlfile.LocList) else None
            if not self.mapping(entry, "phases[]", line):
                continue
            self.keys(entry, PHASE_KEYS, PHASE_KEYS, "phase")
            phase_id = self.slug(entry, "id", "phase")
            name = self.text(entry, "name", "phase")
            start = self.date(entry, "start", "phase", allow_offset=True)
            end = self.date(entry, "end", "phase", allow_offset=True)
            if phase_id is None:
                continue
            if phase_id in found:
                self.error(self.line_of(entry, "id"), "id.duplicate", kind="phase", id=phase_id)
                continue
            # A phase with a broken date is still declared, so its items get no second, misleading error.
            if start is None or end is None:
                self._broken_phases.add(phase_id)
            found[phase_id] = Phase(phase_id, name or phase_id, start if start is not None else 0,
                                    end if end is not None else 0)
            self._phase_lines[phase_id] = self.line_of(entry, "end")
        return found

    def notify(self, doc: yamlfile.LocDict) -> dict[str, Any]:
        section = doc.get("notify")
        if section is None:
            return {}
        if not self.mapping(section, "notify", self.line_of(doc, "notify")):
            return {}
        self.keys(section, NOTIFY_KEYS, (), "notify")
        return dict(section)

    def phase_checks(self, phases: dict[str, Phase], items: list[Item], vote_date: date) -> None:
        self.file = self.root / PLAN_FILE
        phases = {k: v for k, v in phases.items() if k not in self._broken_phases}
        for phase in phases.values():
            start, end = dates.resolve(phase.start, vote_date), dates.resolve(phase.end, vote_date)
            if end < start:
                self.error(self._phase_lines.get(phase.id), "phase.ends_before_start", id=phase.id,
                           start=start.isoformat(), end=end.isoformat())
        for item in items:
            if item.due is None or item.phase not in phases:
                continue
            phase = phases[item.phase]
            due = dates.resolve(item.due, vote_date)
            start, end = dates.resolve(phase.start, vote_date), dates.resolve(phase.end, vote_date)
            if not start <= due <= end:
                self.problems.append(Problem(Path(item.file), item.line, "item.due_outside_phase",
                                             {"id": item.full_id, "due": due.isoformat(), "phase": phase.id,
                                              "start": start.isoformat(), "end": end.isoformat()}, "warning"))

    # -- checklist files

    def checklists(self, stakeholders: dict[str, Stakeholder], phases: dict[str, Phase],
                   regions: dict[str, Region]) -> list[Item]:
        folder = self.root / CHECKLIST_DIR
        self.file = self.root / PLAN_FILE
        if not folder.is_dir():
            self.error(None, "checklists.missing", path=str(folder))
            return []
        files = sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
        if not files:
            self.error(None, "checklists.empty", path=str(folder))
            return []
        items: list[Item] = []
        seen: dict[str, tuple[Path, int]] = {}
        counts = {s: 0 for s in stakeholders}
        for path in files:
            self.file = path
            for item in self.checklist_file(path, stakeholders, phases, regions):
                if item.full_id in seen:
                    first_file, first_line = seen[item.full_id]
                    self.error(item.line, "id.duplicate_item", id=item.full_id,
                               first=f"{_relative(first_file, self.root)}:{first_line}")
                    continue
                seen[item.full_id] = (path, item.line)
                counts[item.stakeholder] = counts.get(item.stakeholder, 0) + 1
                items.append(item)
        self.file = self.root / PLAN_FILE
        for stakeholder_id, count in counts.items():
            if count == 0:
                self.warn(None, "stakeholder.no_items", id=stakeholder_id)
        return items

    def checklist_file(self, path: Path, stakeholders: dict[str, Stakeholder], phases: dict[str, Phase],
                       regions: dict[str, Region]) -> list[Item]:
        try:
            doc = yamlfile.load(path)
        except yamlfile.YamlProblem as exc:
            self.problems.append(exc.problem)
            return []
        if not self.mapping(doc, "checklist", 1):
            return []
        self.keys(doc, CHECKLIST_KEYS, ("stakeholder",), "checklist")
        stakeholder_id = self.text(doc, "stakeholder", "checklist")
        if stakeholder_id is not None and stakeholder_id not in stakeholders:
            self.unknown_ref(doc, "stakeholder", stakeholder_id, stakeholders)
            stakeholder_id = None
        default_phase = self.text(doc, "phase", "checklist")
        if default_phase is not None and default_phase not in phases:
            self.unknown_ref(doc, "phase", default_phase, phases)
            default_phase = None
        entries = self.list_of(doc, "items", "checklist")
        if not entries:
            self.warn(doc.line, "checklist.no_items")
            return []
        per_region = bool(stakeholder_id and stakeholders[stakeholder_id].per_region)
        items = []
        for index, entry in enumerate(entries):
            line = entries.lines[index] if isinstance(entries, yamlfile.LocList) else None
            if not self.mapping(entry, "items[]", line):
                continue
            item = self.item(entry, stakeholder_id, default_phase, phases, regions, per_region)
            if item is not None:
                items.append(item)
        return items

    def unknown_ref(self, mapping: yamlfile.LocDict, key: str, value: str, declared: Mapping[str, Any],
                    line: int | None = None) -> None:
        suggestion = did_you_mean(value, declared)
        message = f"{key}.undeclared_suggest" if suggestion else f"{key}.undeclared"
        self.error(line or self.line_of(mapping, key), message, value=str(value)[:60], suggestion=suggestion,
                   declared=", ".join(declared) or "-")

    def item(self, entry: yamlfile.LocDict, stakeholder_id: str | None, default_phase: str | None,
             phases: dict[str, Phase], regions: dict[str, Region], per_region: bool) -> Item | None:
        self.keys(entry, ITEM_KEYS, ("id", "title"), "item")
        item_id = self.slug(entry, "id", "item")
        title = self.text(entry, "title", "item")
        phase = self.text(entry, "phase", "item") or default_phase
        if phase is not None and phase not in phases:
            self.unknown_ref(entry, "phase", phase, phases)
            phase = None
        elif phase is None and phases:
            self.error(entry.line, "item.phase_missing", id=item_id or "?", declared=", ".join(phases))
        due = self.date(entry, "due", "item", allow_offset=True)
        weight = self.number(entry, "weight", "item")
        target = self.number(entry, "target", "item")
        tags = self.list_of(entry, "tags", "item") or []
        if any(isinstance(t, (dict, list)) for t in tags):
            self.error(self.line_of(entry, "tags"), "value.want_text", key="tags", what="item")
            tags = []
        item_regions = self.list_of(entry, "regions", "item")
        if item_regions is not None:
            if not regions:
                self.error(self.line_of(entry, "regions"), "region.item_regions_without_regions")
                item_regions = None
            elif not per_region:
                self.error(self.line_of(entry, "regions"), "region.item_regions_not_per_region")
                item_regions = None
            else:
                for region_id in item_regions:
                    if str(region_id) not in regions:
                        self.unknown_ref(entry, "region", str(region_id), regions, self.line_of(entry, "regions"))
        owner = self.text(entry, "owner", "item")
        unit = self.text(entry, "unit", "item")
        notes = self.text(entry, "notes", "item")
        critical = self.flag(entry, "critical", "item")
        if item_id is None or title is None or stakeholder_id is None:
            return None
        return Item(stakeholder=stakeholder_id, id=item_id, title=title, phase=phase, due=due, owner=owner,
                    weight=weight if weight is not None else 1, critical=critical, target=target, unit=unit,
                    tags=tuple(str(t) for t in tags), notes=notes,
                    regions=tuple(str(r) for r in item_regions) if item_regions else None,
                    file=str(self.file), line=entry.line)


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "contoh-id"


__all__ = ["Plan", "Item", "Task", "Stakeholder", "Phase", "Region", "find_plan", "load_plan", "check_plan",
           "PilkadaError"]
