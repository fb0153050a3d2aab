"""The plan: discovery, loading and validation of `pilkada.yaml` and its checklist files into typed records.

Validation collects every problem (file, line, severity, catalogue key) instead of stopping at the first,
so `pilkada check` can list them all and every other command can show the first few."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from pilkada_cli import dates
from pilkada_cli.errors import BadInput, PlanInvalid, Problem

PLAN_FILE = "pilkada.yaml"
CHECKLIST_DIR = "checklists"
DEFAULT_JOURNAL = ".pilkada/journal.sqlite3"
LANGUAGES = ("id", "en")

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
                    deadline = deadlines.get((full_id, vote_date))
                    if deadline is None:
                        deadline = deadlines[(full_id, vote_date)] = self._deadline(item, vote_date)
                    result.append(Task(item, region, f"{full_id}@{region.id}", *deadline))
            else:
                result.append(self.task(item))
        object.__setattr__(self, "_tasks", result)  # a cache beside the fields, not part of the record
        return result

    def targets(self) -> dict[str, float | None]:
        """Each item's target by full id: what folding the journal needs to know of the plan."""
        return {item.full_id: item.target for item in self.items}

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
    plancache.write(cache, key, plan)  # without its instances: a tick needs a handful, not tens of thousands
    return plan


def checklist_files(root: Path) -> list[Path]:
    """Every checklist file of a plan: *.yaml and *.yml anywhere below checklists/, in a stable order."""
    folder = root / CHECKLIST_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def _plan_files(root: Path) -> list[Path]:
    """pilkada.yaml and every checklist file, as the loader reads them."""
    return [root / PLAN_FILE, *checklist_files(root)]


def check_plan(root: Path, *, bundled: bool = False, env: Mapping[str, str] | None = None
               ) -> tuple[Plan | None, list[Problem]]:
    """Every problem in a plan, errors first; the plan too when there are no errors."""
    from pilkada_cli.validate import _Checker  # YAML and validation only load when the cache misses

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
