"""What a tick does to the journal: the decision (done, already done, undone, a value, a note) taken under
the store's write lock, so two people ticking the same item at once record it once.

Pure of I/O beyond the store: no printing, no clock (the moment is passed in)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from pilkada_cli.errors import BadInput, NotAllowed
from pilkada_cli.model import EMPTY, Event, ItemState, NewEvent, Plan, Task
from pilkada_cli.store.base import Store, Within
from pilkada_cli.store.fold import apply


@dataclass(frozen=True)
class TickOutcome:
    """What a tick did to one item: `done`, `undone`, `value`, `already_done`, `not_done` or `noted`."""

    task: Task
    outcome: str
    before: ItemState
    after: ItemState


def tick(plan: Plan, journal: Store, tasks: list[Task], now: datetime | None, on_behalf_of: str | None, *,
         value: float | None = None, undo: bool = False, note: str | None = None,
         values: dict[str, float] | None = None) -> list[TickOutcome]:
    """Record ticks (or values, or undos) for several items in one transaction; `values` gives some items
    their own value (tick --from).

    The decision (is it already done?) is taken under the journal's write lock, so two people ticking the
    same item at once record it once."""
    values = dict(values or {})
    if value is not None:
        values.update({task.key: value for task in tasks})
    for task in tasks:
        if task.key in values:
            if task.target is None:
                raise BadInput("tick.value_not_quantitative", id=task.key)
            if values[task.key] < 0 or values[task.key] != values[task.key]:
                raise BadInput("tick.value_negative", value=values[task.key])
    actor = journal.identity()
    check_editors(plan, actor, {task.item.stakeholder for task in tasks})
    by_key = {t.key: t for t in tasks}
    shown_time = now or datetime.now(timezone.utc)  # for the outcome shown; the store dates the event itself
    outcomes: dict[str, TickOutcome] = {}

    def decide(recorded: Within, _requested: list[NewEvent]) -> list[NewEvent]:
        states = recorded.states(list(by_key), plan.targets())
        earlier_values: dict[str, list[float | None]] = {}  # what each value replaced, for undo
        if undo:  # only an open quantitative item's undo needs its history: which value to go back to
            open_values = {(t.item.full_id, t.region.id if t.region else None) for key, t in by_key.items()
                           if t.target is not None and not states.get(key, EMPTY).done}
            earlier_values = value_history(recorded.events(open_values) if open_values else [], by_key)
        chosen = []
        for key, task in by_key.items():
            before = states.get(key, EMPTY)
            region = task.region.id if task.region else None
            restore = None
            if undo and before.done:
                kind, outcome = "undone", "undone"
            elif undo and earlier_values.get(key):
                # Undo a value: back to the value it replaced (0 when there was none).
                kind, outcome = "undone", "value_undone"
                restore = earlier_values[key][-1] or 0.0
            elif undo:
                kind, outcome = None, "not_done"
            elif key in values:
                kind, outcome = "progress", "value"
            else:
                kind, outcome = ("done", "done") if not before.done else (None, "already_done")
            if kind is None and note:
                kind, outcome = "note", "noted"
            new = None
            if kind is not None:
                recorded = {"progress": values.get(key), "done": task.target, "undone": restore}.get(kind)
                new = NewEvent(task.item.full_id, region, kind, recorded, actor, note, on_behalf_of)
                chosen.append(new)
            after = before
            if new is not None:
                after = apply(before, Event(0, shown_time, new.item, new.region, new.kind, new.value, actor, note, "",
                                            on_behalf_of),
                              task.target)
            outcomes[key] = TickOutcome(task, outcome, before, after)
        return chosen

    requested = [NewEvent(t.item.full_id, t.region.id if t.region else None, "note", None, actor, None,
                          on_behalf_of) for t in tasks]
    journal.append(requested, now, check=decide)
    return [outcomes[t.key] for t in tasks]


def value_history(events: list[Event], by_key: dict[str, Task]) -> dict[str, list[float | None]]:
    """For each item, the values its recorded values replaced, latest last (an undo of a value pops one)."""
    states: dict[str, ItemState] = {}
    earlier: dict[str, list[float | None]] = {}
    for event in events:
        state = states.get(event.key, EMPTY)
        stack = earlier.setdefault(event.key, [])
        if event.kind == "progress":
            stack.append(state.value)
        elif event.kind == "undone" and not state.done and event.value is not None and stack:
            stack.pop()
        states[event.key] = apply(state, event, by_key[event.key].target)
    return earlier


def check_editors(plan: Plan, identity: str, stakeholder_ids: set[str]) -> None:
    """Refuse, before anything is written, a write by an identity that is not among a stakeholder's editors
    (spec section 13). The store checks again where it can (PostgreSQL's row-level security)."""
    for stakeholder_id in sorted(stakeholder_ids):
        stakeholder = plan.stakeholder(stakeholder_id)
        if not stakeholder.may_write(identity):
            raise NotAllowed("editors.refused", identity=identity, stakeholder=stakeholder.display_name(),
                             editors=", ".join(stakeholder.editors or ()))
