"""The daily summary: what changed since the previous one, computed by replaying the journal, so the
numbers are exact even when cron missed days. Pure: the moment and the journal's contents come in."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from pilkada_cli import dates
from pilkada_cli.model import EMPTY, ItemState, Phase, Plan, Region, Stakeholder, SummaryRun, Task
from pilkada_cli.report.deps import blocked_by
from pilkada_cli.report.status import (Clock, Filters, Group, Tally, TaskStatus, add_item, by_date, classified,
                                       classify, phase_dates, sums_table, urgency)


GONOGO_FROM_DAYS = 7  # a daily summary shows the offices' Go/No-Go calls from H-7 on


@dataclass(frozen=True)
class PhaseWindow:
    """A phase running today (days_left to its end) or starting soon (days_until its start)."""

    phase: Phase
    start: date
    end: date
    days: int


@dataclass(frozen=True)
class Change:
    """A group's progress now and at the earlier point."""

    stakeholder: Stakeholder | None
    now: Group
    then: Group

    @property
    def delta(self) -> float:
        return self.now.progress - self.then.progress


@dataclass(frozen=True)
class Summary:
    """Everything a daily summary says."""

    plan: Plan
    vote_date: date
    region: Region | None  # the one region a summary for one region is about (its own vote day)
    today: date
    since: date
    since_source: str  # "option", "last_summary" or "yesterday"
    current_phases: list[PhaseWindow]
    starting_phases: list[PhaseWindow]
    overall: Change
    stakeholders: list[Change]
    completed_since: list[TaskStatus]
    newly_overdue: list[TaskStatus]
    overdue: list[TaskStatus]
    due_soon: list[TaskStatus]
    # per-region items: full item id -> (instances done, instances in all), for "19 of 22 Polres done"
    regional: dict[str, tuple[int, int]] = field(default_factory=dict)
    journal_head: tuple[int, str] | None = None  # the last event and its chain hash, printed to pin history
    signatures: tuple[int, int] | None = None  # of the entries since the earlier point: (proven, all); plans with keys
    gonogo: Any = None  # the Go/No-Go poll (report.readiness.Poll), from H-7 on
    risk_changes: list[tuple[str, str, str]] = field(default_factory=list)  # (risk@region, old level, new)
    # critical items overdue for the plan's escalate.critical_overdue_days or more, most overdue first
    escalated: list[TaskStatus] = field(default_factory=list)
    office: tuple[str, str] | None = None  # (key, name) of the office whose own digest this is (spec section 18)
    scope: str = "all"  # the series its runs are recorded under (scope_of: its filters), for the next to compare with
    filters: Filters = Filters()  # the stakeholders and regions it was run for (--stakeholder, --region)

    @property
    def filtered(self) -> bool:
        """Run with --stakeholder or --region (not an office's digest): the full detail, not the digest."""
        return self.office is None and bool(self.filters.stakeholders or self.filters.regions or self.filters.phases)

    @property
    def days_to_vote(self) -> int:
        return (self.vote_date - self.today).days

    @property
    def title(self) -> str:
        if self.office is not None:  # the office first: what a phone's notification shows
            return f"{self.office[1]} · {self.plan.name}"
        return f"{self.plan.name} — {self.region.name}" if self.region else self.plan.name

    @property
    def countdown(self) -> str:
        from pilkada_cli.report.status import countdown_label

        return countdown_label(self.days_to_vote)

    def to_dict(self) -> dict:
        def item(status: TaskStatus) -> dict:
            entry = status.to_dict()
            entry["done_by"] = status.item_state.done_by
            return entry

        return {
            "schema": 1,
            "plan": {"name": self.plan.name, "vote_date": self.plan.vote_date.isoformat(),
                     "timezone": self.plan.timezone},
            "region": self.region.name if self.region else None,
            "office": {"key": self.office[0], "name": self.office[1]} if self.office else None,
            "vote_date": self.vote_date.isoformat(),
            "today": self.today.isoformat(),
            "journal": ({"last_event": self.journal_head[0], "chain": self.journal_head[1]}
                        if self.journal_head else None),
            "signatures": ({"proven": self.signatures[0], "entries": self.signatures[1]}
                           if self.signatures is not None else None),
            "gonogo": self.gonogo.to_dict() if self.gonogo is not None else None,
            "risk_changes": [{"id": key, "from": old, "to": new} for key, old, new in self.risk_changes],
            "escalated": [item(s) for s in self.escalated],
            "days_to_vote": self.days_to_vote,
            "countdown": self.countdown,
            "since": self.since.isoformat(),
            "since_source": self.since_source,
            "progress": round(self.overall.now.progress, 1),
            "progress_change": round(self.overall.delta, 1),
            "counts": self.overall.now.counts.to_dict(),
            "stakeholders": [{"id": c.stakeholder.id, "name": c.stakeholder.display_name(),
                              "progress": round(c.now.progress, 1), "progress_change": round(c.delta, 1),
                              "counts": c.now.counts.to_dict()} for c in self.stakeholders if c.stakeholder],
            "current_phases": [{"id": w.phase.id, "name": w.phase.name, "start": w.start.isoformat(),
                                "end": w.end.isoformat(), "days_left": w.days} for w in self.current_phases],
            "starting_phases": [{"id": w.phase.id, "name": w.phase.name, "start": w.start.isoformat(),
                                 "end": w.end.isoformat(), "days_until": w.days} for w in self.starting_phases],
            "completed_since": [item(s) for s in self.completed_since],
            "newly_overdue": [item(s) for s in self.newly_overdue],
            "overdue": [item(s) for s in self.overdue],
            "due_soon": [item(s) for s in self.due_soon],
        }


def scope_of(filters: Filters) -> str:
    """The key under which summary runs are recorded: one series per filter combination."""
    parts = []
    if filters.stakeholders:
        parts.append("stakeholder=" + ",".join(sorted(filters.stakeholders)))
    if filters.regions:
        parts.append("region=" + ",".join(sorted(filters.regions)))
    return ";".join(parts) or "all"


@dataclass(frozen=True)
class Since:
    """The earlier point a summary compares against: a day, and maybe the instant a summary ran on it."""

    day: date
    source: str  # "option", "last_summary" or "yesterday"
    until: datetime | None = None
    upto_event: int | None = None  # the last summary's place in the journal: what came after is new


def since_point(today: date, given: date | None, runs: list[SummaryRun]) -> Since:
    """--since (the end of that day), else the moment of the last summary recorded for an earlier day (a
    morning summary covers what was done later that day in the next one), else the end of yesterday.
    A second run on the same day compares against the same point as the first."""
    if given is not None:
        return Since(given, "option")
    earlier = [r for r in runs if date.fromisoformat(r.day) < today]
    if earlier:
        last = max(earlier, key=lambda r: (r.day, r.ts))
        if last.upto_event is not None:
            return Since(date.fromisoformat(last.day), "last_summary", None, last.upto_event)
        return Since(date.fromisoformat(last.day), "last_summary", last.ts)
    return Since(today - timedelta(days=1), "yesterday")


def region_of(plan: Plan, filters: Filters) -> Region | None:
    """The region a summary for exactly one region counts down to (its own vote day and time zone)."""
    return plan.region(filters.regions[0]) if len(filters.regions) == 1 else None


def build_summary(plan: Plan, states_now: dict[str, ItemState], states_then: dict[str, ItemState], clock: Clock,
                  filters: Filters, since: Since, journal_head: tuple[int, str] | None = None,
                  tasks: list[Task] | None = None, office: tuple[str, str] | None = None) -> Summary:
    """The summary from every item's state now and at the earlier point (both folded from the journal); of
    `tasks` only (one office's, walked instead of the whole plan's), as the digest of `office` (key, name)."""
    # A summary for one region counts down to that region's own vote day, in its own time zone.
    region = region_of(plan, filters)
    vote_date = plan.vote_date_for(region)
    today = clock.today(dates.zone(plan.timezone_for(region)))
    # One walk over the items: sums per (stakeholder, state) for the progress now and at the earlier point,
    # and a record only for what the summary lists. An item whose state is the same object in both (no event
    # since: the earlier states are today's with the changed items refolded) and that waits for nothing was
    # in the same state then, or, for an open item with a deadline, in the one its deadline gave that day.
    then_day, soon_days = since.day, plan.due_soon_days
    then_of = states_then.get
    # sums per (stakeholder, state): of the items in the same state at both points, and of the others as they
    # are now and as they were then (most items are the former: one sum each instead of two)
    same: dict[tuple[str, str], list] = sums_table()
    now_only: dict[tuple[str, str], list] = sums_table()
    then_only: dict[tuple[str, str], list] = sums_table()
    completed: list[TaskStatus] = []
    overdue: list[TaskStatus] = []
    newly: list[TaskStatus] = []
    due_soon: list[TaskStatus] = []
    regional: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for task, day, tz, state, (days_left, label, completion), blocked in classified(plan, states_now, clock, filters,
                                                                                   tasks):
        item = task.item
        then = then_of(task.key, EMPTY)
        if then is state and not item.depends_on:
            then_label = label if label in ("done", "no_due") else by_date((task.due - then_day).days, soon_days)
            then_completion, then_blocked = completion, blocked
        else:
            _, then_label, then_completion = classify(task, then, then_day, soon_days)
            then_blocked = blocked_by(plan, task, states_then) if item.depends_on and then_label != "done" else ()
        if then_label == label and then_completion == completion and bool(then_blocked) == bool(blocked):
            add_item(same[(item.stakeholder, label)], item.weight, completion, blocked)
        else:
            add_item(now_only[(item.stakeholder, label)], item.weight, completion, blocked)
            add_item(then_only[(item.stakeholder, then_label)], item.weight, then_completion, then_blocked)
        if task.region is not None:
            counts = regional[item.full_id]
            counts[0] += label == "done"
            counts[1] += 1
        listed = (overdue if label == "overdue" else due_soon if label == "due_soon"
                  else completed if label == "done" and then_label != "done" else None)
        if listed is not None:
            listed.append(TaskStatus(task, day, tz, days_left, label, completion, state, blocked))
            if label == "overdue" and then_label != "overdue":
                newly.append(listed[-1])
    completed.sort(key=lambda s: (s.item_state.done_at or "", s.key))
    overdue.sort(key=lambda s: (not s.task.item.critical, urgency(s)))
    newly.sort(key=lambda s: (not s.task.item.critical, urgency(s)))
    due_soon.sort(key=lambda s: (not s.task.item.critical, urgency(s)))  # a digest shows the first few
    escalated = []
    if plan.critical_overdue_days is not None:
        escalated = [s for s in overdue if s.task.item.critical and -(s.days_left or 0) >= plan.critical_overdue_days]
    overall_now, overall_then = Tally(), Tally()
    tallies_now: dict[str, Tally] = defaultdict(Tally)
    tallies_then: dict[str, Tally] = defaultdict(Tally)
    for sums, targets in ((same, ((overall_now, tallies_now), (overall_then, tallies_then))),
                          (now_only, ((overall_now, tallies_now),)), (then_only, ((overall_then, tallies_then),))):
        for (stakeholder_id, label), entry in sums.items():
            for overall, tallies in targets:
                overall.merge(label, *entry)
                tallies[stakeholder_id].merge(label, *entry)
    stakeholders = [Change(s, tallies_now[s.id].group(), tallies_then[s.id].group())
                    for s in plan.stakeholders if s.id in tallies_now]
    current, starting = [], []
    for phase in plan.phases:
        start, end = phase_dates(phase, vote_date)
        if start <= today <= end:
            current.append(PhaseWindow(phase, start, end, (end - today).days))
        elif 0 < (start - today).days <= plan.due_soon_days:
            starting.append(PhaseWindow(phase, start, end, (start - today).days))
    return Summary(plan, vote_date, region, today, since.day, since.source, current,
                   starting, Change(None, overall_now.group(), overall_then.group()),
                   stakeholders, completed, newly, overdue, due_soon,
                   {key: (done, total) for key, (done, total) in regional.items()},
                   journal_head, escalated=escalated, office=office, filters=filters)
