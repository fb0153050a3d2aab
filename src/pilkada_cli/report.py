"""What the numbers are: each tracked item's state and completion, and progress per group (spec section 6).
Pure: takes the plan, the journal's events and the moment, returns records with a to_dict() for JSON."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from pilkada_cli import dates
from pilkada_cli.journal import EMPTY, Event, ItemState, apply
from pilkada_cli.plan import Phase, Plan, Region, Stakeholder, Task

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

    def to_dict(self) -> dict[str, int]:
        return {"total": self.total, "done": self.done, "overdue": self.overdue, "due_soon": self.due_soon,
                "upcoming": self.upcoming, "no_due": self.no_due}


@dataclass(frozen=True)
class Group:
    """Progress and counts over a set of items."""

    progress: float
    counts: Counts

    @classmethod
    def of(cls, statuses: Iterable[TaskStatus]) -> Group:
        weighted = total_weight = 0.0
        tally = dict.fromkeys(STATES, 0)
        total = 0
        for status in statuses:
            weight = status.task.item.weight
            weighted += weight * status.completion
            total_weight += weight
            tally[status.state] += 1
            total += 1
        progress = 100.0 * weighted / total_weight if total_weight else 0.0
        return cls(progress, Counts(total=total, **tally))


@dataclass(frozen=True)
class TaskStatus:
    """One tracked item as of today."""

    task: Task
    today: date
    vote_date: date
    tz: ZoneInfo
    due: date | None
    days_left: int | None
    state: str
    completion: float
    item_state: ItemState

    @property
    def key(self) -> str:
        return self.task.key

    @property
    def due_label(self) -> str | None:
        return dates.h_label(self.due, self.vote_date) if self.due else None

    def to_dict(self) -> dict:
        item = self.task.item
        done_at = self.item_state.done_at
        return {
            "id": self.key,
            "stakeholder": item.stakeholder,
            "region": self.task.region.id if self.task.region else None,
            "phase": item.phase,
            "title": item.title,
            "owner": item.owner,
            "due": self.due.isoformat() if self.due else None,
            "due_label": self.due_label,
            "days_left": self.days_left,
            "state": self.state,
            "completion": round(self.completion, 4),
            "value": _number(self.item_state.value) if item.target else None,
            "target": _number(item.target),
            "unit": item.unit,
            "critical": item.critical,
            "weight": _number(item.weight),
            "tags": list(item.tags),
            "done_at": done_at.astimezone(self.tz).isoformat(timespec="seconds") if done_at else None,
        }


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def status_of(task: Task, state: ItemState, today: date, vote_date: date, tz: ZoneInfo,
              due_soon_days: int) -> TaskStatus:
    """The state of one tracked item (the table in spec section 6)."""
    item = task.item
    due = dates.resolve(item.due, vote_date) if item.due is not None else None
    days_left = (due - today).days if due else None
    completion = state.completion(item.target)
    if state.done or completion >= 1:
        label = "done"
    elif days_left is None:
        label = "no_due"
    elif days_left < 0:
        label = "overdue"
    elif days_left <= due_soon_days:
        label = "due_soon"
    else:
        label = "upcoming"
    return TaskStatus(task, today, vote_date, tz, due, days_left, label, completion, state)


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
    targets = {item.full_id: item.target for item in plan.items}
    regions = {r.id: r for r in plan.regions}
    cutoffs: dict[str | None, datetime | None] = {}
    states: dict[str, ItemState] = {}
    for event in events:
        region_id = event.region if event.region in regions else None
        if region_id not in cutoffs:
            region = regions.get(region_id) if region_id else None
            cutoffs[region_id] = clock.cutoff(dates.zone(plan.timezone_for(region)))
        cutoff = cutoffs[region_id]
        if cutoff is not None and event.ts >= cutoff:
            continue
        states[event.key] = apply(states.get(event.key, EMPTY), event, targets.get(event.item))
    return states


def evaluate(plan: Plan, events: list[Event], clock: Clock, filters: Filters = Filters()) -> list[TaskStatus]:
    """Every tracked item's status, folding the journal's events as of the clock."""
    return evaluate_states(plan, fold_as_of(plan, events, clock), clock, filters)


def evaluate_states(plan: Plan, states: dict[str, ItemState], clock: Clock,
                    filters: Filters = Filters()) -> list[TaskStatus]:
    """Every tracked item's status from its folded state."""
    zones: dict[str | None, tuple[ZoneInfo, date, date]] = {}
    result = []
    for task in plan.tasks():
        if not filters.keep(task):
            continue
        rid = task.region.id if task.region else None
        if rid not in zones:
            tz = dates.zone(plan.timezone_for(task.region))
            zones[rid] = (tz, clock.today(tz), plan.vote_date_for(task.region))
        tz, today, vote_date = zones[rid]
        result.append(status_of(task, states.get(task.key, EMPTY), today, vote_date, tz, plan.due_soon_days))
    return result


def unknown_keys(plan: Plan, keys) -> list[str]:
    """Journal entries whose item is no longer in the plan: kept and reported, never dropped."""
    known = {t.key for t in plan.tasks()}
    return sorted(key for key in keys if key not in known)


def unknown_event_keys(plan: Plan, events: list[Event]) -> list[str]:
    """Journal entries whose item is no longer in the plan: kept and reported, never dropped."""
    known = {t.key for t in plan.tasks()}
    seen: dict[str, None] = {}
    for event in events:
        if event.key not in known:
            seen.setdefault(event.key, None)
    return list(seen)


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
    statuses: list[TaskStatus]
    overall: Group
    stakeholders: list[StakeholderReport]
    phases: list[PhaseReport]
    regions: list[RegionReport]
    unknown_items: list[str] = field(default_factory=list)

    @property
    def days_to_vote(self) -> int:
        return (self.plan.vote_date - self.today).days

    @property
    def countdown(self) -> str:
        return countdown_label(self.days_to_vote)

    def attention(self) -> list[TaskStatus]:
        """Overdue and due-soon items, most urgent first."""
        return sorted((s for s in self.statuses if s.state in ("overdue", "due_soon")), key=urgency)

    def to_dict(self) -> dict:
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
            "items": [s.to_dict() for s in self.statuses],
            "unknown_items": self.unknown_items,
        }


def phase_dates(phase: Phase, vote_date: date) -> tuple[date, date]:
    return dates.resolve(phase.start, vote_date), dates.resolve(phase.end, vote_date)


def phase_state(start: date, end: date, today: date) -> str:
    if today < start:
        return "future"
    return "past" if today > end else "current"


def build_status(plan: Plan, states: dict[str, ItemState], clock: Clock,
                 filters: Filters = Filters()) -> StatusReport:
    """The whole status report, from every item's folded state (fold_as_of, or the journal's projection)."""
    statuses = evaluate_states(plan, states, clock, filters)
    today = clock.today(dates.zone(plan.timezone))
    by_stakeholder: dict[str, list[TaskStatus]] = {}
    for status in statuses:
        by_stakeholder.setdefault(status.task.item.stakeholder, []).append(status)
    phase_order = {p.id: i for i, p in enumerate(plan.phases)}
    stakeholder_reports = []
    for stakeholder in plan.stakeholders:
        mine = by_stakeholder.get(stakeholder.id)
        if not mine:
            continue
        by_phase: dict[str | None, list[TaskStatus]] = {}
        for status in mine:
            by_phase.setdefault(status.task.item.phase, []).append(status)
        rows = [(next((p for p in plan.phases if p.id == pid), None), Group.of(group))
                for pid, group in sorted(by_phase.items(), key=lambda kv: phase_order.get(kv[0], 10**6))]
        stakeholder_reports.append(StakeholderReport(stakeholder, Group.of(mine), rows))
    phase_reports = []
    for phase in plan.phases:
        if filters.phases and phase.id not in filters.phases:
            continue
        start, end = phase_dates(phase, plan.vote_date)
        members = [s for s in statuses if s.task.item.phase == phase.id]
        phase_reports.append(PhaseReport(phase, start, end, Group.of(members), phase_state(start, end, today)))
    return StatusReport(plan, today, statuses, Group.of(statuses), stakeholder_reports, phase_reports,
                        build_regions(plan, statuses, clock, filters), unknown_keys(plan, states))


def build_regions(plan: Plan, statuses: list[TaskStatus], clock: Clock, filters: Filters) -> list[RegionReport]:
    """One report per region: its countdown and the progress of its own instances."""
    by_region: dict[str, list[TaskStatus]] = {}
    for status in statuses:
        if status.task.region:
            by_region.setdefault(status.task.region.id, []).append(status)
    reports = []
    for region in plan.regions:
        if filters.regions and region.id not in filters.regions:
            continue
        tz_name = plan.timezone_for(region)
        reports.append(RegionReport(region, plan.vote_date_for(region), tz_name,
                                    clock.today(dates.zone(tz_name)), Group.of(by_region.get(region.id, []))))
    return reports
