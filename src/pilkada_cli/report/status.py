"""What the numbers are: each tracked item's state and completion, and progress per group (spec section 6).
Pure: takes the plan, the journal's events and the moment, returns records with a to_dict() for JSON."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from pilkada_cli import dates
from pilkada_cli.model import EMPTY, Event, ItemState, Phase, Plan, Region, Stakeholder, Task, target_for
from pilkada_cli.report.attention import Attention, attention_rows
from pilkada_cli.report.deps import blocked_by
from pilkada_cli.store.fold import apply, fold_order

STATES = ("done", "overdue", "due_soon", "upcoming", "no_due")


@dataclass(frozen=True)
class Clock:
    """The moment a command runs for: now, or a replay day given with --on."""

    now: datetime
    on: date | None = None
    until: datetime | None = None  # an earlier instant within `on` (when a past summary actually ran)

    def today(self, tz: ZoneInfo) -> date:
        return self.on or dates.today_in(tz, self.now)

    def cutoff(self, tz: ZoneInfo) -> datetime | None:
        """Events strictly before this count; None means all of them."""
        if self.on is None:
            return self.until
        end = dates.end_of_day_utc(self.on, tz)
        return min(end, self.until) if self.until else end


@dataclass(frozen=True)
class Counts:
    """How many items are in each state."""

    total: int = 0
    done: int = 0
    overdue: int = 0
    due_soon: int = 0
    upcoming: int = 0
    no_due: int = 0
    blocked: int = 0  # not done and waiting for a dependency (spec section 10), across the states above

    def to_dict(self) -> dict[str, int]:
        return {"total": self.total, "done": self.done, "overdue": self.overdue, "due_soon": self.due_soon,
                "upcoming": self.upcoming, "no_due": self.no_due, "blocked": self.blocked}


@dataclass(frozen=True)
class Group:
    """Progress and counts over a set of items."""

    progress: float
    counts: Counts

    @classmethod
    def of(cls, statuses: Iterable[TaskStatus]) -> Group:
        tally = Tally()
        for status in statuses:
            tally.add(status)
        return tally.group()


def sums_table() -> defaultdict[tuple, list]:
    """Per group key, [weighted completion, weight, count, blocked count], filled by add_item."""
    return defaultdict(lambda: [0.0, 0.0, 0, 0])


def add_item(entry: list, weight: float, completion: float, blocked: tuple) -> None:
    """One item into a group's [weighted completion, weight, count, blocked count]."""
    entry[0] += weight * completion
    entry[1] += weight
    entry[2] += 1
    entry[3] += 1 if blocked else 0


class Tally:
    """Accumulates a group's weighted completion and state counts in one pass."""

    __slots__ = ("weighted", "weight", "counts", "blocked")

    def __init__(self) -> None:
        self.weighted = 0.0
        self.weight = 0.0
        self.counts = dict.fromkeys(STATES, 0)
        self.blocked = 0

    def add(self, status: TaskStatus) -> None:
        weight = status.task.item.weight
        self.merge(status.state, weight * status.completion, weight, 1, 1 if status.blocked_by else 0)

    def merge(self, state: str, weighted: float, weight: float, count: int, blocked: int = 0) -> None:
        self.weighted += weighted
        self.weight += weight
        self.counts[state] += count
        self.blocked += blocked

    def group(self) -> Group:
        progress = shown_progress(100.0 * self.weighted / self.weight if self.weight else 0.0,
                                  self.counts["done"] < sum(self.counts.values()))
        return Group(progress, Counts(total=sum(self.counts.values()), **self.counts, blocked=self.blocked))


def shown_progress(progress: float, something_left: bool) -> float:
    """Spec section 6: a group with something left never reads 100% (99.9 at most), and a group with some
    completion never reads 0% (0.1 at least), however the weights round: a coordinator must not read
    "100%" while an item is still open."""
    if something_left and progress > 99.9:
        return 99.9
    if 0.0 < progress < 0.1:
        return 0.1
    return progress


@dataclass(slots=True)
class TaskStatus:
    """One tracked item as of today. Not frozen: a national plan makes tens of thousands of these per
    command, and frozen dataclasses pay for every field on construction."""

    task: Task
    today: date
    tz: ZoneInfo
    days_left: int | None
    state: str
    completion: float
    item_state: ItemState
    blocked_by: tuple[str, ...] = ()  # dependencies not done yet; empty for a done item

    @property
    def key(self) -> str:
        return self.task.key

    @property
    def due(self) -> date | None:
        return self.task.due

    @property
    def due_label(self) -> str | None:
        return self.task.due_label

    def to_dict(self) -> dict:
        task = self.task
        item, region, due = task.item, task.region, task.due
        done_at = self.item_state.done_at
        return {
            "id": task.key,
            "stakeholder": item.stakeholder,
            "region": region.id if region else None,
            "phase": item.phase,
            "title": item.title,
            "owner": item.owner,
            "due": due.isoformat() if due else None,
            "due_label": task.due_label,
            "days_left": self.days_left,
            "state": self.state,
            "completion": round(self.completion, 4),
            "value": _number(self.item_state.value) if task.target else None,
            "target": _number(task.target),
            "unit": item.unit,
            "critical": item.critical,
            "weight": _number(item.weight),
            "tags": list(item.tags),
            "blocked_by": list(self.blocked_by),
            "done_at": dates.from_utc_iso(done_at).astimezone(self.tz).isoformat(timespec="seconds")
            if done_at else None,
        }


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def status_of(task: Task, state: ItemState, today: date, tz: ZoneInfo, due_soon_days: int) -> TaskStatus:
    """The state of one tracked item (the table in spec section 6)."""
    return TaskStatus(task, today, tz, *classify(task, state, today, due_soon_days), state)


def classify(task: Task, state: ItemState, today: date, due_soon_days: int) -> tuple[int | None, str, float]:
    """An item's days left, state label and completion (spec section 6), without building its record."""
    due = task.due
    days_left = (due - today).days if due else None
    # never ticked (the common case in a large plan): no completion to work out
    completion = 0.0 if state is EMPTY else state.completion(task.target)
    if state.done or completion >= 1:
        label = "done"
    elif days_left is None:
        label = "no_due"
    else:
        label = by_date(days_left, due_soon_days)
    return days_left, label, completion


def by_date(days_left: int, due_soon_days: int) -> str:
    """The state of an open item with a deadline: overdue, due soon or upcoming."""
    if days_left < 0:
        return "overdue"
    return "due_soon" if days_left <= due_soon_days else "upcoming"


@dataclass(frozen=True)
class Filters:
    """Which items a command looks at."""

    stakeholders: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()

    def keep(self, task: Task) -> bool:
        item = task.item
        if self.stakeholders and item.stakeholder not in self.stakeholders:
            return False
        if self.phases and item.phase not in self.phases:
            return False
        if self.regions and (task.region is None or task.region.id not in self.regions):
            return False
        return True


def fold_as_of(plan: Plan, events: list[Event], clock: Clock) -> dict[str, ItemState]:
    """Every item's state as of the clock: each event counts when it is before the cutoff in the zone of
    its item's region (a replay with --on reads the journal up to the end of that day)."""
    targets = plan.targets()
    plan_cutoff = clock.cutoff(dates.zone(plan.timezone))
    cutoffs = {region.id: clock.cutoff(dates.zone(plan.timezone_for(region))) for region in plan.regions}
    states: dict[str, ItemState] = {}
    get = states.get
    for event in sorted(events, key=fold_order):
        cutoff = cutoffs.get(event.region, plan_cutoff) if event.region else plan_cutoff
        if cutoff is not None and event.ts >= cutoff:
            continue
        key = event.key
        states[key] = apply(get(key, EMPTY), event, target_for(targets, event.item, event.region))
    return states


def evaluate_states(plan: Plan, states: dict[str, ItemState], clock: Clock, filters: Filters = Filters(),
                    tasks: list[Task] | None = None) -> list[TaskStatus]:
    """Every tracked item's status (or those of `tasks`) from its folded state."""
    result: list[TaskStatus] = []
    for task, today, tz, state, (days_left, label, completion), blocked in classified(plan, states, clock,
                                                                                         filters, tasks):
        result.append(TaskStatus(task, today, tz, days_left, label, completion, state, blocked))
    return result


def classified(plan: Plan, states: dict[str, ItemState], clock: Clock, filters: Filters,
                tasks: list[Task] | None = None) -> Iterable[tuple]:
    """(task, today, zone, state, (days left, label, completion), blocked by) for each item kept by
    `filters`: the one walk over a plan's items that evaluate_states and build_status share."""
    zones: dict[str | None, tuple[ZoneInfo, date]] = {}
    filtering = bool(filters.stakeholders or filters.phases or filters.regions)
    due_soon_days = plan.due_soon_days
    dependencies = bool(plan.index.on_chains)  # every dependency names an item of the plan (validate.py)
    get = states.get
    for task in plan.tasks() if tasks is None else tasks:
        if filtering and not filters.keep(task):
            continue
        region = task.region
        rid = region.id if region else None
        zone = zones.get(rid)
        if zone is None:
            tz = dates.zone(plan.timezone_for(region))
            zone = zones[rid] = (tz, clock.today(tz))
        state = get(task.key, EMPTY)
        classified = classify(task, state, zone[1], due_soon_days)
        blocked = ()
        if dependencies and task.item.depends_on and classified[1] != "done":
            blocked = blocked_by(plan, task, states)
        yield task, zone[1], zone[0], state, classified, blocked


def unknown_keys(plan: Plan, keys) -> list[str]:
    """Journal entries whose item (or office, or risk) is no longer in the plan: kept and reported, never
    dropped."""
    return sorted(key for key in keys if not plan.knows(key))


def urgency(status: TaskStatus) -> tuple:
    """Sort key: most overdue first, critical before the rest on the same day."""
    return (status.days_left if status.days_left is not None else 10**6, not status.task.item.critical,
            status.key)


@dataclass(frozen=True)
class PhaseReport:
    """A phase with its dates, progress and place in time."""

    phase: Phase
    start: date
    end: date
    group: Group
    state: str  # past / current / future

    def to_dict(self) -> dict:
        return {"id": self.phase.id, "name": self.phase.name, "start": self.start.isoformat(),
                "end": self.end.isoformat(), "progress": round(self.group.progress, 1), "state": self.state,
                "counts": self.group.counts.to_dict()}


@dataclass(frozen=True)
class StakeholderReport:
    """A stakeholder's progress, overall and per phase."""

    stakeholder: Stakeholder
    group: Group
    phases: list[tuple[Phase | None, Group]]

    def to_dict(self) -> dict:
        return {"id": self.stakeholder.id, "name": self.stakeholder.display_name(), "progress":
                round(self.group.progress, 1), "counts": self.group.counts.to_dict(),
                "phases": [{"id": p.id if p else None, "name": p.name if p else None,
                            "progress": round(g.progress, 1), "counts": g.counts.to_dict()}
                           for p, g in self.phases]}


@dataclass(frozen=True)
class RegionReport:
    """A region's own countdown and progress."""

    region: Region
    vote_date: date
    timezone: str
    today: date
    group: Group

    @property
    def days_to_vote(self) -> int:
        return (self.vote_date - self.today).days

    def to_dict(self) -> dict:
        return {"id": self.region.id, "name": self.region.name, "vote_date": self.vote_date.isoformat(),
                "timezone": self.timezone, "days_to_vote": self.days_to_vote,
                "countdown": countdown_label(self.days_to_vote), "progress": round(self.group.progress, 1),
                "counts": self.group.counts.to_dict()}


def countdown_label(days_to_vote: int) -> str:
    """`H-118` before the vote, `H` on the day, `H+3` after (the JSON spelling)."""
    if days_to_vote == 0:
        return "H"
    return f"H-{days_to_vote}" if days_to_vote > 0 else f"H+{-days_to_vote}"


@dataclass(frozen=True)
class StatusReport:
    """Everything `pilkada status` shows."""

    plan: Plan
    today: date
    statuses: list[TaskStatus]  # every item's, or only those the screen shows (build_status's every_item)
    overall: Group
    stakeholders: list[StakeholderReport]
    phases: list[PhaseReport]
    regions: list[RegionReport]
    unknown_items: list[str] = field(default_factory=list)
    # counted in SQL: how many instances each listed status stands for (its item's in the same state with the
    # same days left); counted in Python every instance is listed and each stands for itself
    stands_for: dict[str, int] = field(default_factory=dict)
    offices: list | None = None  # for a plan with contacts: when each office last got its digest (report.offices)

    @property
    def days_to_vote(self) -> int:
        return (self.plan.vote_date - self.today).days

    @property
    def countdown(self) -> str:
        return countdown_label(self.days_to_vote)

    def attention(self, limit: int) -> Attention:
        """What needs attention, within `limit` rows (report/attention.py)."""
        return attention_rows(self.statuses, self.overall.counts.due_soon, self.overall.counts.overdue,
                              self.stands_for, limit)

    def to_dict(self) -> dict:
        """The JSON contract (spec section 8): `pilkada status --json`."""
        return {
            "schema": 1,
            "plan": {"name": self.plan.name, "vote_date": self.plan.vote_date.isoformat(),
                     "timezone": self.plan.timezone},
            "today": self.today.isoformat(),
            "days_to_vote": self.days_to_vote,
            "countdown": self.countdown,
            "progress": round(self.overall.progress, 1),
            "counts": self.overall.counts.to_dict(),
            "stakeholders": [s.to_dict() for s in self.stakeholders],
            "phases": [p.to_dict() for p in self.phases],
            "regions": [r.to_dict() for r in self.regions],
            "items": [status.to_dict() for status in self.statuses],
            "unknown_items": self.unknown_items,
            **({"offices": [office.to_dict() for office in self.offices]} if self.offices is not None else {}),
        }


def phase_dates(phase: Phase, vote_date: date) -> tuple[date, date]:
    return dates.resolve(phase.start, vote_date), dates.resolve(phase.end, vote_date)


def phase_state(start: date, end: date, today: date) -> str:
    if today < start:
        return "future"
    return "past" if today > end else "current"
