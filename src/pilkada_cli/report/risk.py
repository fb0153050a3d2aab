"""The vulnerability register (spec section 12): each risk in each region it concerns, its latest
assessment, how far its mitigation items have come, and the regions x dimensions heat map. Pure."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from pilkada_cli.model import LEVELS, STAGES, Event, Plan, Region, Risk, assessment_item
from pilkada_cli.report.status import Tally, TaskStatus
from pilkada_cli.store.fold import fold_order

__all__ = ["STAGES", "assessment_item", "stage_on"]


def stage_on(plan: Plan, region: Region | None, day: date) -> str:
    """`before` until the day before the region's vote day, `during` from it to risk_during_days after,
    `after` from then on."""
    vote = plan.vote_date_for(region)
    if day < vote:
        return "before"
    return "during" if day <= vote + timedelta(days=plan.risk_during_days) else "after"


@dataclass
class RiskEntry:
    """A risk in one region (or in the whole plan)."""

    risk: Risk
    region: Region | None
    stage: str
    assessments: list[dict] = field(default_factory=list)
    mitigations: list[str] = field(default_factory=list)
    mitigation_progress: float = 0.0

    @property
    def key(self) -> str:
        return f"{self.risk.id}@{self.region.id}" if self.region else self.risk.id

    @property
    def level(self) -> str:
        return self.assessments[-1]["level"]

    def to_dict(self) -> dict:
        return {"id": self.key, "risk": self.risk.id, "region": self.region.id if self.region else None,
                "title": self.risk.title, "dimension": self.risk.dimension, "level": self.level,
                "stage": self.stage, "assessments": self.assessments, "mitigations": self.mitigations,
                "mitigation_progress": round(self.mitigation_progress, 1), "source": self.risk.source}


@dataclass
class Register:
    """Every risk instance as of a day, and the plan's dimensions (the heat map's columns, in order)."""

    today: date
    entries: list[RiskEntry]
    dimensions: tuple[str, ...] = ()

    def heatmap(self) -> dict[str, dict[str, str]]:
        cells: dict[str, dict[str, str]] = {}
        for entry in self.entries:
            place = entry.region.id if entry.region else "-"
            row = cells.setdefault(place, {})
            current = row.get(entry.risk.dimension)
            if current is None or LEVELS.index(entry.level) > LEVELS.index(current):
                row[entry.risk.dimension] = entry.level
        return cells

    def to_dict(self) -> dict:
        return {"schema": 1, "today": self.today.isoformat(), "risks": [e.to_dict() for e in self.entries],
                "heatmap": self.heatmap(), "dimensions": list(self.dimensions)}


def assessments(events: list[Event], cutoff=None) -> dict[str, list[dict]]:
    """Recorded reassessments per risk instance (`risk@region`), oldest first, as of `cutoff`."""
    found: dict[str, list[dict]] = {}
    for event in sorted(events, key=fold_order):
        if event.kind != "assess" or (cutoff is not None and event.ts >= cutoff):
            continue
        try:
            detail = json.loads(event.detail or "{}")
        except ValueError:
            continue
        if detail.get("level") not in LEVELS:
            continue
        risk_id = event.item.partition("/")[2]
        key = f"{risk_id}@{event.region}" if event.region else risk_id
        found.setdefault(key, []).append({"level": detail["level"], "stage": detail.get("stage"),
                                          "at": event.ts.isoformat(timespec="seconds"), "by": event.person,
                                          "note": event.note})
    return found


def register(plan: Plan, statuses: list[TaskStatus], recorded: dict[str, list[dict]], today_of) -> Register:
    """Every risk instance with its level and mitigation progress; highest level and least mitigated first.
    `today_of(region)` is the day in that region's time zone."""
    by_key = {s.key: s for s in statuses}
    entries = []
    for risk in plan.risks:
        places: list[Region | None] = ([r for r in plan.regions if not risk.regions or r.id in risk.regions]
                                       if plan.regions else [None])
        for region in places:
            mitigations = []
            for full_id in risk.mitigations:
                item = plan.item(full_id)
                per_region = item is not None and plan.stakeholder(item.stakeholder).per_region and plan.regions
                key = f"{full_id}@{region.id}" if per_region and region is not None else full_id
                if key in by_key:
                    mitigations.append(key)
            tally = Tally()
            for key in mitigations:
                tally.add(by_key[key])
            entry = RiskEntry(risk, region, stage_on(plan, region, today_of(region)),
                              [{"level": risk.level, "stage": None, "at": None, "by": None, "note": None}],
                              mitigations, tally.group().progress if mitigations else 0.0)
            entry.assessments += recorded.get(entry.key, [])
            entries.append(entry)
    entries.sort(key=lambda e: (-LEVELS.index(e.level), e.mitigation_progress, e.key))
    return Register(today_of(None), entries, tuple(d.id for d in plan.risk_dimensions))


def changes(before: Register, after: Register) -> list[tuple[str, str, str]]:
    """Risk instances whose level changed between two registers: (key, old level, new level)."""
    old = {e.key: e.level for e in before.entries}
    return [(e.key, old[e.key], e.level) for e in after.entries if e.key in old and old[e.key] != e.level]
