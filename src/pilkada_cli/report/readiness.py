"""Readiness on the eve of the vote (spec sections 10 and 11): each office's Go/No-Go call with its reasons
and warnings, the declarations offices make themselves, and the critical path, the longest chain of
unfinished dependencies that ends at a vote-day item. Pure: statuses and events in, records out."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from pilkada_cli.model import Event, Plan, Region, Stakeholder
from pilkada_cli.report.deps import dependency_keys
from pilkada_cli.report.status import TaskStatus, countdown_label
from pilkada_cli.store.fold import fold_order

GO, NO_GO = "GO", "NO-GO"


@dataclass
class OfficeCall:
    """One office (a stakeholder, or a per-region stakeholder in one region) and its call."""

    stakeholder: Stakeholder
    region: Region | None
    computed: str
    declared: dict | None
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (item key, critical_overdue|critical_blocked)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (item key, overdue|critical_due_soon)

    @property
    def call(self) -> str:
        declared_no = self.declared is not None and self.declared["call"] == NO_GO
        return NO_GO if self.computed == NO_GO or declared_no else GO

    @property
    def key(self) -> str:
        return f"{self.stakeholder.id}@{self.region.id}" if self.region else self.stakeholder.id

    def to_dict(self) -> dict:
        return {"stakeholder": self.stakeholder.id, "region": self.region.id if self.region else None,
                "call": self.call, "computed": self.computed, "declared": self.declared,
                "reasons": [{"item": k, "reason": r} for k, r in self.reasons],
                "warnings": [{"item": k, "reason": r} for k, r in self.warnings]}


@dataclass
class Poll:
    """Every office's call as of a day."""

    today: object
    days_to_vote: int
    offices: list[OfficeCall]

    @property
    def call(self) -> str:
        return GO if all(o.call == GO for o in self.offices) else NO_GO

    def to_dict(self) -> dict:
        return {"schema": 1, "today": self.today.isoformat(), "countdown": countdown_label(self.days_to_vote),
                "call": self.call, "offices": [o.to_dict() for o in self.offices]}


def latest_declarations(events: list[Event], cutoff=None) -> dict[str, dict]:
    """Each office's latest declared call (office key -> {call: GO or NO-GO, by, at, note}), as of `cutoff`."""
    found: dict[str, dict] = {}
    for event in sorted(events, key=fold_order):
        if event.kind != "declare" or (cutoff is not None and event.ts >= cutoff):
            continue
        stakeholder = event.item.partition("/")[2]
        office = f"{stakeholder}@{event.region}" if event.region else stakeholder
        try:
            call = json.loads(event.detail or "{}").get("call")
        except ValueError:
            continue
        if call in ("go", "no-go"):  # spelled as the computed call is (spec section 11): GO, NO-GO
            found[office] = {"call": call.upper(), "by": event.person, "at": event.ts.isoformat(timespec="seconds"),
                             "note": event.note}
    return found


def poll(plan: Plan, statuses: list[TaskStatus], declarations: dict[str, dict], days_to_vote: int,
         today) -> Poll:
    """The call of every office that has items among `statuses` (spec section 11)."""
    offices: dict[tuple[str, str | None], OfficeCall] = {}
    for stakeholder in plan.stakeholders:
        regions = plan.regions if stakeholder.per_region and plan.regions else (None,)
        for region in regions:
            offices[(stakeholder.id, region.id if region else None)] = OfficeCall(stakeholder, region, GO, None)
    seen: set[tuple[str, str | None]] = set()
    soon = plan.due_soon_days
    for status in statuses:
        item = status.task.item
        office = offices[(item.stakeholder, status.task.region.id if status.task.region else None)]
        seen.add((item.stakeholder, status.task.region.id if status.task.region else None))
        if status.state == "done":
            continue
        due_soon = status.days_left is not None and 0 <= status.days_left <= soon
        if item.critical and status.state == "overdue":
            office.reasons.append((status.key, "critical_overdue"))
        elif item.critical and due_soon and status.blocked_by:
            office.reasons.append((status.key, "critical_blocked"))
        elif status.state == "overdue":
            office.warnings.append((status.key, "overdue"))
        elif item.critical and due_soon:
            office.warnings.append((status.key, "critical_due_soon"))
    result = []
    for place, office in offices.items():
        if place not in seen:
            continue
        office.computed = NO_GO if office.reasons else GO
        office.declared = declarations.get(office.key)
        result.append(office)
    result.sort(key=lambda o: (o.call == GO, o.computed == GO, -len(o.reasons), -len(o.warnings), o.key))
    return Poll(today, days_to_vote, result)


@dataclass
class CriticalPath:
    """The longest chain of unfinished dependencies ending at a vote-day item."""

    steps: list[TaskStatus]

    @property
    def days_left(self) -> int | None:
        """The least time any step has left (negative: a step is already late)."""
        known = [s.days_left for s in self.steps if s.days_left is not None]
        return min(known) if known else None

    def to_dict(self) -> dict:
        return {"items": [s.key for s in self.steps], "days_left": self.days_left}


def critical_path(plan: Plan, statuses: list[TaskStatus]) -> CriticalPath | None:
    by_key = {s.key: s for s in statuses}
    open_keys = {k for k, s in by_key.items() if s.state != "done"}
    memo: dict[str, list[str]] = {}

    def longest(key: str) -> list[str]:
        if key in memo:
            return memo[key]
        memo[key] = [key]  # guards against a cycle (validation refuses them anyway)
        best: list[str] = []
        for dep in dependency_keys(plan, by_key[key].task):
            if dep in open_keys and dep in by_key:
                chain = longest(dep)
                if len(chain) > len(best):
                    best = chain
        memo[key] = best + [key]
        return memo[key]

    ends = [s for s in statuses if s.state != "done" and s.due is not None and s.due_label == "H"
            and s.task.item.depends_on]
    best: list[str] = []
    for end in ends:
        chain = longest(end.key)
        if len(chain) > len(best) or (len(chain) == len(best) and chain and best
                                      and _slack(by_key, chain) < _slack(by_key, best)):
            best = chain
    return CriticalPath([by_key[k] for k in best]) if len(best) > 1 else None


def _slack(by_key: dict[str, TaskStatus], chain: list[str]) -> int:
    return min((by_key[k].days_left for k in chain if by_key[k].days_left is not None), default=10**6)
