"""The records everything else works on: the plan (stakeholders, phases, regions, items, tracked tasks) and
the journal's events and folded item states. Frozen and free of I/O; the plan package builds them from YAML,
the store package from the journal.

A national plan has 52,860 tracked instances and hundreds of thousands of events: the records made in those
numbers are named tuples, and what is asked of every instance is worked out once per plan object (PlanIndex)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from pilkada_cli import dates
from pilkada_cli.errors import Problem

PLAN_FILE = "pilkada.yaml"
CHECKLIST_DIR = "checklists"
DEFAULT_JOURNAL = ".pilkada/journal.sqlite3"
LANGUAGES = ("id", "en")

PLAN_KEYS = ("id", "risk_during_days", "risk_dimensions", "keys", "require_signatures", "name", "vote_date",
             "timezone", "language", "due_soon_days", "journal", "stakeholders", "phases", "regions", "notify",
             "contacts", "escalate")
PLAN_REQUIRED = ("name", "vote_date", "timezone", "stakeholders")
STAKEHOLDER_KEYS = ("id", "name", "per_region", "editors")
PHASE_KEYS = ("id", "name", "start", "end")
REGION_KEYS = ("id", "name", "vote_date", "timezone", "offices")
CHECKLIST_KEYS = ("stakeholder", "phase", "items")
ITEM_KEYS = ("id", "title", "phase", "due", "owner", "weight", "critical", "target", "unit", "tags",
             "notes", "source", "regions", "depends_on")
RISK_DIR = "risks"
RISK_KEYS = ("id", "title", "dimension", "level", "regions", "mitigations", "source", "notes")
DIMENSIONS = ("sosial-politik", "penyelenggaraan", "kontestasi", "partisipasi")  # without risk_dimensions
DIMENSION_KEYS = ("id", "name")
LEVELS = ("rendah", "sedang", "tinggi")
STAGES = ("before", "during", "after")  # of a risk assessment (spec section 12)
CALLS = ("go", "no-go")  # an office's declared Go/No-Go (spec section 11)
NOTIFY_KEYS = ("smtp_host", "smtp_port", "smtp_user", "smtp_starttls", "smtp_tls", "smtp_ca_file", "mail_from", "mail_to",
               "subject_prefix")
CONTACT_KEYS = ("mail", "webhook")  # who hears an office's digest (spec section 18)
WEBHOOK_KEYS = ("url", "token_env")
ESCALATE_KEYS = ("critical_overdue_days",)
LEADERSHIP = "leadership"  # the contacts key of those who get the whole plan's digest


@dataclass(frozen=True)
class Region:
    """A province, regency or city with its own offices, and maybe its own vote day or time zone."""

    id: str
    name: str
    vote_date: date | None = None
    timezone: str | None = None
    offices: tuple[tuple[str, str], ...] = ()  # (per-region stakeholder id, its office's real name here)

    def office(self, stakeholder_id: str) -> str | None:
        """The real name of a per-region stakeholder's office here (`Polres Sumba Barat` for Sumba Tengah)."""
        return next((name for sid, name in self.offices if sid == stakeholder_id), None)


@dataclass(frozen=True)
class Stakeholder:
    """An agency taking part: Polda, KPU, Bawaslu, ...; per_region ones have an office in every region."""

    id: str
    name: str
    per_region: bool = False
    # identities that may write its items, by region ("*": every region; the only key for a stakeholder
    # without regions); None: anyone (spec section 13)
    editors: Mapping[str, tuple[str, ...]] | None = None

    def may_write(self, identity: str, region: str | None = None) -> bool:
        return self.editors is None or identity in self.editors_for(region)

    def editors_for(self, region: str | None) -> tuple[str, ...]:
        """Who may write this stakeholder's items in `region` (or where it has none)."""
        if self.editors is None:
            return ()
        names = self.editors.get("*", ()) + (self.editors.get(region, ()) if region else ())
        return tuple(dict.fromkeys(names))

    def display_name(self, region: Region | None = None) -> str:
        """Its name, or its office's in a region: the region's own name for it (`offices:`), else the
        stakeholder's name with `{region}` filled in."""
        if region is None:
            return self.name.replace("{region}", "").strip()
        return region.office(self.id) or self.name.replace("{region}", region.name)


@dataclass(frozen=True)
class Webhook:
    """Where an office's chat gateway takes the digest, and the environment variable holding its token."""

    url: str
    token_env: str | None = None


@dataclass(frozen=True)
class Contact:
    """Who hears one office's daily digest (spec section 18), and the line of pilkada.yaml that says so."""

    mail: tuple[str, ...] = ()
    webhook: Webhook | None = None
    line: int = 0


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
    target: float | None = None  # every region's (a region map's "*"), or the one target of a plain item
    unit: str | None = None
    tags: tuple[str, ...] = ()
    notes: str | None = None
    regions: tuple[str, ...] | None = None
    file: str = ""
    line: int = 0
    depends_on: tuple[str, ...] = ()  # full ids of the items it waits for (spec section 10)
    region_targets: tuple[tuple[str, float], ...] = ()  # a region map's own targets: (region id, target)
    source: str | None = None  # where its date or number comes from, as a risk's source

    @property
    def full_id(self) -> str:
        return f"{self.stakeholder}/{self.id}"

    def target_in(self, region_id: str | None) -> float | None:
        """Its target in a region: the region's own from a region map, else the one for every region."""
        for rid, target in self.region_targets:
            if rid == region_id:
                return target
        return self.target

    @property
    def quantitative(self) -> bool:
        return self.target is not None or bool(self.region_targets)


class Task(NamedTuple):
    """An item as it is tracked: the item itself, or one region's instance of a per-region item."""

    item: Item
    region: Region | None
    key: str  # `stakeholder/item` or `stakeholder/item@region`
    due: date | None  # resolved against the region's vote day
    due_label: str | None  # the due date as an H-offset
    target: float | None = None  # the item's target in this region (spec section 3: a target per region)


def target_for(targets: Mapping[str, Any], item: str, region: str | None) -> float | None:
    """An instance's target from Plan.targets(): the item's number, or its region's from a region map."""
    target = targets.get(item)
    if target.__class__ is dict:
        return target.get(region, target.get("*"))
    return target


@dataclass(frozen=True)
class Risk:
    """An entry of the vulnerability register (spec section 12): a risk in some regions, its first assessed
    level, and the items that mitigate it."""

    id: str
    title: str
    dimension: str
    level: str
    regions: tuple[str, ...] | None = None  # None: every region (or the plan as a whole without regions)
    mitigations: tuple[str, ...] = ()  # full item ids
    source: str | None = None
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class Dimension:
    """A dimension of the vulnerability register, a column of its heat map (spec section 12)."""

    id: str
    name: str | None = None  # the plan's name for it; None for the default four, named by the catalogue


DEFAULT_DIMENSIONS = tuple(Dimension(d) for d in DIMENSIONS)


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
    id: str = ""  # the plan's slug: tells its events apart in a journal shared by many plans
    journal_url: str | None = None  # a postgresql:// journal instead of the SQLite file at journal_path
    risks: tuple[Risk, ...] = ()
    risk_during_days: int = 7
    risk_dimensions: tuple[Dimension, ...] = DEFAULT_DIMENSIONS
    # identity -> its public keys, the current one first, then retired ones (spec section 16)
    keys: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    require_signatures: bool = False
    # office key -> contact: "leadership", a stakeholder id, or "<stakeholder>@<region or *>" (spec section 18)
    contacts: Mapping[str, Contact] = field(default_factory=dict)
    critical_overdue_days: int | None = None  # `escalate:` a critical item overdue this long; None: never
    # set by the loader: (file, key) of the plan in the user's cache, beside which plan/index.py keeps its files
    cached_as: tuple[Path, list] | None = field(default=None, compare=False, repr=False)

    def contact(self, stakeholder: Stakeholder | None, region: Region | None = None) -> Contact | None:
        """Who hears an office: the leadership (no stakeholder), a stakeholder, or one region's office of a
        per-region stakeholder (its own entry, else the one for "*")."""
        if stakeholder is None:
            return self.contacts.get(LEADERSHIP)
        if region is None:
            return self.contacts.get(stakeholder.id)
        return self.contacts.get(f"{stakeholder.id}@{region.id}") or self.contacts.get(f"{stakeholder.id}@*")

    @cached_property
    def index(self) -> PlanIndex:
        """This plan's lookups (by id, its instances, its dependency chains), each made on first use."""
        return PlanIndex(self)

    def item(self, full_id: str) -> Item | None:
        return self.index.items.get(full_id)

    def stakeholder(self, stakeholder_id: str) -> Stakeholder:
        return self.index.stakeholders[stakeholder_id]

    def region(self, region_id: str) -> Region:
        return self.index.regions[region_id]

    def office_name(self, stakeholder: Stakeholder, region: Region | None) -> str:
        """An office as people read it in a list of offices: its name in the region, with the region's name
        when one office serves several regions (Kodim 1605/Belu for Belu and for Malaka)."""
        name = stakeholder.display_name(region)
        if region is None or not region.office(stakeholder.id):
            return name
        return f"{name} ({region.name})" if self.index.shared_offices[stakeholder.id, name] > 1 else name

    def vote_date_for(self, region: Region | None) -> date:
        return region.vote_date if region and region.vote_date else self.vote_date

    def timezone_for(self, region: Region | None) -> str:
        return region.timezone if region and region.timezone else self.timezone

    def tasks(self) -> list[Task]:
        """Every tracked instance: plain items once, items of per-region stakeholders once per region."""
        return self.index.tasks

    def knows(self, key: str) -> bool:
        """Whether the journal may hold entries for `key` in this plan: a tracked instance, an office's Go/No-Go
        declarations or a risk's assessments, each in the regions it concerns (Plan.tasks: the one rule)."""
        (item_id, _, region), (kind, _, rest) = key.partition("@"), key.partition("@")[0].partition("/")
        stakeholders, item = self.index.stakeholders, self.index.items.get(item_id)
        risk = self.index.risks.get(rest) if kind == "risk" else None
        if region and region not in self.index.regions:
            return False
        if item is not None and bool(stakeholders[item.stakeholder].per_region and self.regions) == bool(region):
            return not region or not item.regions or region in item.regions
        if kind == "gonogo" and rest in stakeholders:
            return bool(region) == bool(stakeholders[rest].per_region and self.regions)
        return risk is not None and bool(region) == bool(self.regions) and (
            not region or not risk.regions or region in risk.regions)

    def targets(self) -> dict[str, Any]:
        """Each item's target by full id, what folding the journal needs to know of the plan: a number (or
        None), or for an item with a target per region a dict of them, "*" for the other regions. Read it
        with target_for()."""
        return {item.full_id: {**dict(item.region_targets), "*": item.target} if item.region_targets
                else item.target for item in self.items}

    def tasks_of(self, stakeholder_id: str, region: Region | None) -> list[Task]:
        """One office's items: a stakeholder's, in one region for a per-region stakeholder."""
        return [self.task(item, region) for item in self.index.items_of.get(stakeholder_id, ())
                if region is None or not item.regions or region.id in item.regions]

    def task(self, item: Item, region: Region | None = None) -> Task:
        """One tracked instance, its deadline resolved against its region's vote day."""
        return Task(item, region, f"{item.full_id}@{region.id}" if region else item.full_id,
                    *self.index.deadline(item, self.vote_date_for(region)),
                    item.target_in(region.id if region else None) if item.region_targets else item.target)


class PlanIndex:
    """A plan's lookups, each made from the plan's fields on first use and kept as long as the plan object
    (Plan.index): derived from the record, never part of it."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        # (due, vote day) -> the due date and H-label: most items share an H-offset, most regions a vote day
        self._deadlines: dict[tuple[dates.When | None, date], tuple[date | None, str | None]] = {}

    @cached_property
    def items(self) -> dict[str, Item]:
        """Items by full id."""
        return {item.full_id: item for item in self.plan.items}

    @cached_property
    def items_by_short(self) -> dict[str, list[Item]]:
        """Items by their id within their checklist, which items of several stakeholders may share."""
        return _grouped(self.plan.items, lambda item: item.id)

    @cached_property
    def items_of(self) -> dict[str, list[Item]]:
        """Items by stakeholder id."""
        return _grouped(self.plan.items, lambda item: item.stakeholder)

    @cached_property
    def stakeholders(self) -> dict[str, Stakeholder]:
        return {s.id: s for s in self.plan.stakeholders}

    @cached_property
    def regions(self) -> dict[str, Region]:
        return {r.id: r for r in self.plan.regions}

    @cached_property
    def risks(self) -> dict[str, Risk]:
        return {r.id: r for r in self.plan.risks}

    @cached_property
    def shared_offices(self) -> Counter[tuple[str, str]]:
        """How many regions each (stakeholder id, office name) serves."""
        return Counter(key for region in self.plan.regions for key in region.offices)

    @cached_property
    def tasks(self) -> list[Task]:
        """Every tracked instance (Plan.tasks)."""
        plan = self.plan
        per_region = {s.id for s in plan.stakeholders if s.per_region} if plan.regions else set()
        result = []
        for item in plan.items:
            if item.stakeholder in per_region:
                result.extend(plan.task(item, region) for region in plan.regions
                              if not item.regions or region.id in item.regions)
            else:
                result.append(plan.task(item))
        return result

    @cached_property
    def on_chains(self) -> frozenset[str]:
        """The full ids of the items that wait for another or are waited for (spec section 10)."""
        return frozenset(x for item in self.plan.items if item.depends_on
                         for x in (item.full_id, *(d.full_id for d in map(self.items.get, item.depends_on) if d)))

    @cached_property
    def chain_tasks(self) -> list[Task]:
        """The instances of the items on dependency chains (on_chains)."""
        chains = self.on_chains
        return [task for task in self.tasks if task.item.full_id in chains] if chains else []

    def deadline(self, item: Item, vote_date: date) -> tuple[date | None, str | None]:
        """An item's due date and H-label for a vote day."""
        found = self._deadlines.get((item.due, vote_date))
        if found is None:
            due = None if item.due is None else dates.resolve(item.due, vote_date)
            found = self._deadlines[item.due, vote_date] = (due, due and dates.h_label(due, vote_date))
        return found


def _grouped(items: tuple[Item, ...], key: Callable[[Item], str]) -> dict[str, list[Item]]:
    grouped: dict[str, list[Item]] = {}
    for item in items:
        grouped.setdefault(key(item), []).append(item)
    return grouped


# ------------------------------------------------------------------------------------------------ journal

KINDS = ("done", "undone", "progress", "note", "declare", "assess")
NOTE_LIMIT = 2_000  # characters of an event's note, in every journal (spec section 13)


def instance_key(item: str, region: str | None) -> str:
    """A tracked instance's key: `stakeholder/item@region`, or the item's id where it has no region."""
    return f"{item}@{region}" if region else item


def declaration_item(stakeholder_id: str) -> str:
    """The journal item an office's Go/No-Go declaration is recorded under."""
    return f"gonogo/{stakeholder_id}"


def assessment_item(risk_id: str) -> str:
    """The journal item a risk's reassessment is recorded under."""
    return f"risk/{risk_id}"


class Event(NamedTuple):
    """One journal entry."""

    id: int
    ts: datetime
    item: str
    region: str | None
    kind: str
    value: float | None
    actor: str  # the identity the store vouches for: a database role, or the operating-system login
    note: str | None
    uid: str = ""  # a UUID, the same in every journal that holds the event (import, sync)
    on_behalf_of: str | None = None  # `--by NAME`: the person the identity recorded it for
    detail: str | None = None  # JSON: a declaration's call, an assessment's level and stage
    recorded_at: datetime | None = None  # the store's own clock when it was written (`ts` is its `at`)
    recorded_by: str | None = None  # who brought it in, when that is not its actor (an import, a sync)
    signature: str | None = None

    @property
    def late(self) -> bool:
        """Recorded more than a day after the moment it speaks for (spec section 13)."""
        return self.recorded_at is not None and (self.recorded_at - self.ts).total_seconds() > 86_400

    @property
    def key(self) -> str:
        return f"{self.item}@{self.region}" if self.region else self.item  # instance_key, inlined

    @property
    def person(self) -> str:
        """Who the event is for, as people read it: the person named with --by, else the identity."""
        return self.on_behalf_of or self.actor


@dataclass(frozen=True)
class SummaryRun:
    """A recorded run of `pilkada summary`."""

    id: int
    ts: datetime
    day: str
    scope: str
    actor: str
    delivery: str | None
    detail: str | None
    upto_event: int | None = None  # the last event recorded when it ran: "since" counts what came after


@dataclass(frozen=True)
class NewEvent:
    """An event about to be written."""

    item: str
    region: str | None
    kind: str
    value: float | None
    actor: str
    note: str | None = None
    on_behalf_of: str | None = None
    uid: str | None = None  # given when an event comes from another journal (import, sync); else a new one
    at: datetime | None = None  # the moment it speaks for: a late entry's, an imported event's; else the store's now
    detail: str | None = None
    signature: str | None = None


class ItemState(NamedTuple):
    """An item's state as the fold of its events: its latest value, whether it is done, since when (the
    journal's UTC text, parsed only where shown) and by whom."""

    value: float | None = None
    done: bool = False
    done_at: str | None = None
    value_before_done: float | None = None  # what an undo restores
    done_by: str | None = None

    def completion(self, target: float | None) -> float:
        if self.done:
            return 1.0
        if target and self.value is not None:
            return max(0.0, min(self.value / target, 1.0))
        return 0.0


EMPTY = ItemState()
