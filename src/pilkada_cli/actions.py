"""What commands do to the journal: finding the item a user named, and ticking it.

Pure of I/O beyond the journal: no printing, no clock (the moment is passed in)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime

from pilkada_cli.errors import BadInput
from pilkada_cli.journal import EMPTY, Event, ItemState, Journal, NewEvent, apply
from pilkada_cli.plan import Plan, Task


def find_task(plan: Plan, ref: str, region_id: str | None = None) -> Task:
    """The tracked item a user named: `stakeholder/item`, a unique `item`, either with `@region`."""
    ref = ref.strip()
    if "@" in ref:
        ref, _, given = ref.partition("@")
        if region_id and given != region_id:
            raise BadInput("tick.region_twice", ref=f"{ref}@{given}", region=region_id)
        region_id = given
    item = _find_item(plan, ref)
    stakeholder = plan.stakeholder(item.stakeholder)
    region_ids = [r.id for r in plan.regions]
    if not stakeholder.per_region or not plan.regions:
        if region_id:
            raise BadInput("tick.region_not_per_region", id=item.full_id)
        return plan.task(item)
    allowed = [r for r in region_ids if not item.regions or r in item.regions]
    if not region_id:
        raise BadInput("tick.region_needed", id=item.full_id, regions=", ".join(allowed[:30]),
                       example=f"{item.full_id}@{allowed[0]}")
    if region_id not in region_ids:
        close = difflib.get_close_matches(region_id, region_ids, n=3)
        raise BadInput("region.unknown", value=region_id, suggestions=", ".join(close) or "-")
    if region_id not in allowed:
        raise BadInput("tick.region_not_applicable", id=item.full_id, region=region_id, regions=", ".join(allowed))
    return plan.task(item, plan.region(region_id))


def _find_item(plan: Plan, ref: str):
    if "/" in ref:
        for item in plan.items:
            if item.full_id == ref:
                return item
    else:
        matches = [item for item in plan.items if item.id == ref]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise BadInput("tick.ambiguous", ref=ref, choices=", ".join(i.full_id for i in matches))
    full_ids = [i.full_id for i in plan.items]
    by_short = {i.id: i.full_id for i in plan.items}
    needle = ref.split("/")[-1]
    close = [f for f in full_ids if needle and needle in f][:3]
    close += [f for f in difflib.get_close_matches(ref, full_ids, n=3, cutoff=0.5) if f not in close]
    close += [by_short[m] for m in difflib.get_close_matches(ref.split("/")[-1], list(by_short), n=3, cutoff=0.5)
              if by_short[m] not in close]
    if not close:
        raise BadInput("tick.unknown_none", ref=ref)
    raise BadInput("tick.unknown", ref=ref, suggestions=", ".join(close[:3]))


@dataclass(frozen=True)
class TickOutcome:
    """What a tick did to one item: `done`, `undone`, `value`, `already_done`, `not_done` or `noted`."""

    task: Task
    outcome: str
    before: ItemState
    after: ItemState


def tick(plan: Plan, journal: Journal, tasks: list[Task], now: datetime, actor: str, *,
         value: float | None = None, undo: bool = False, note: str | None = None) -> list[TickOutcome]:
    """Record ticks (or values, or undos) for several items in one transaction.

    The decision (is it already done?) is taken under the journal's write lock, so two people ticking the
    same item at once record it once."""
    if value is not None:
        for task in tasks:
            if task.item.target is None:
                raise BadInput("tick.value_not_quantitative", id=task.key)
        if value < 0 or value != value:
            raise BadInput("tick.value_negative", value=value)
    by_key = {t.key: t for t in tasks}
    outcomes: dict[str, TickOutcome] = {}

    def decide(current: list[Event], _requested: list[NewEvent]) -> list[NewEvent]:
        states: dict[str, ItemState] = {}
        for event in current:
            if event.key in by_key:
                states[event.key] = apply(states.get(event.key, EMPTY), event, by_key[event.key].item.target)
        chosen = []
        for key, task in by_key.items():
            before = states.get(key, EMPTY)
            region = task.region.id if task.region else None
            if undo:
                kind, outcome = ("undone", "undone") if before.done else (None, "not_done")
            elif value is not None:
                kind, outcome = "progress", "value"
            else:
                kind, outcome = ("done", "done") if not before.done else (None, "already_done")
            if kind is None and note:
                kind, outcome = "note", "noted"
            new = None
            if kind is not None:
                new = NewEvent(task.item.full_id, region, kind, value if kind == "progress" else
                               (task.item.target if kind == "done" else None), actor, note)
                chosen.append(new)
            after = before
            if new is not None:
                after = apply(before, Event(0, now, new.item, new.region, new.kind, new.value, actor, note),
                              task.item.target)
            outcomes[key] = TickOutcome(task, outcome, before, after)
        return chosen

    requested = [NewEvent(t.item.full_id, t.region.id if t.region else None, "note", None, actor) for t in tasks]
    journal.append(requested, now, check=decide)
    return [outcomes[t.key] for t in tasks]
