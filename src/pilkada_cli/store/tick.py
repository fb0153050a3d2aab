"""What a tick does to the journal: the decision (done, already done, undone, a value, a note) taken where the
journal decides, so two people ticking the same item at once record it once. The rule is `decide`, run in the
SQLite journal's write transaction; the PostgreSQL journal's server runs the same rule in `pilkada_tick`
(store/pg_schema.py), and the tests compare the two on random histories.

Pure of I/O beyond the store: no printing, no clock (the moment is passed in)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pilkada_cli.errors import BadInput, NotAllowed
from pilkada_cli.model import EMPTY, NOTE_LIMIT, Event, ItemState, NewEvent, Plan, Task, instance_key, target_for
from pilkada_cli.store.base import Ask, Store
from pilkada_cli.store.fold import apply


@dataclass(frozen=True)
class TickOutcome:
    """What a tick did to one item: `done`, `undone`, `value`, `value_undone`, `already_done`, `not_done` or
    `noted`."""

    task: Task
    outcome: str
    before: ItemState
    after: ItemState


def tick(plan: Plan, journal: Store, tasks: list[Task], at: datetime | None, on_behalf_of: str | None, *,
         value: float | None = None, undo: bool = False, note: str | None = None,
         values: dict[str, float] | None = None, show: list[str] = (), signer=None) -> tuple[list[TickOutcome], dict]:
    """Record ticks (or values, or undos) for several items in one transaction; `values` gives some items
    their own value (tick --from). Returns what happened to each, and the states of the instances in `show`
    after it (what the command prints), read in the same call."""
    values = dict(values or {})
    if value is not None:
        values.update({task.key: value for task in tasks})
    for task in tasks:
        if task.key in values:
            if task.target is None:
                raise BadInput("tick.value_not_quantitative", id=task.key)
            if values[task.key] < 0 or values[task.key] != values[task.key]:
                raise BadInput("tick.value_negative", value=values[task.key])
    check_note(note)
    check_editors(plan, signer.identity if signer is not None else journal.identity(),
                  {(task.item.stakeholder, task.region.id if task.region else None) for task in tasks})
    asks = [Ask(task.item.full_id, task.region.id if task.region else None, values.get(task.key)) for task in tasks]
    ticked, states = journal.tick(asks, undo=undo, note=note or None, on_behalf_of=on_behalf_of, at=at,
                                  targets=plan.targets(), show=list(show), signer=signer)
    by_key = {task.key: task for task in tasks}
    return [TickOutcome(by_key[instance_key(t.item, t.region)], t.outcome, t.before, t.after) for t in ticked], states


def decide(asks: list[Ask], states: dict[str, ItemState], history: list[Event], undo: bool, note: str | None,
           targets: dict[str, float | None], actor: str, on_behalf_of: str | None
           ) -> tuple[list[NewEvent], list[tuple[Ask, str]]]:
    """The events a tick writes, and what it does to each instance (its outcome), from the states now and (for
    an undo) the events of the open quantitative instances asked for. The states after are read back once the
    events are written: an event dated before others (a late entry) folds in its place, not on top."""
    earlier = value_history(history, targets) if undo else {}
    chosen: list[NewEvent] = []
    outcomes: list[tuple[Ask, str]] = []
    for ask in asks:
        key = instance_key(ask.item, ask.region)
        target = target_for(targets, ask.item, ask.region)
        before = states.get(key, EMPTY)
        kind, recorded = None, None
        if undo and before.done:
            kind, outcome = "undone", "undone"
        elif undo and target is not None and earlier.get(key):
            # Undo a value: back to the value it replaced (0 when there was none).
            kind, outcome, recorded = "undone", "value_undone", earlier[key][-1] or 0.0
        elif undo:
            outcome = "not_done"
        elif ask.value is not None:
            kind, outcome, recorded = "progress", "value", ask.value
        elif before.done:
            outcome = "already_done"
        else:
            kind, outcome, recorded = "done", "done", target
        if kind is None and note:
            kind, outcome = "note", "noted"
        if kind is not None:
            chosen.append(NewEvent(ask.item, ask.region, kind, recorded, actor, note, on_behalf_of))
        outcomes.append((ask, outcome))
    return chosen, outcomes


def value_history(events: list[Event], targets: dict[str, float | None]) -> dict[str, list[float | None]]:
    """For each instance, the values its recorded values replaced, latest last (an undo of a value pops one).
    `events` in fold order."""
    states: dict[str, ItemState] = {}
    earlier: dict[str, list[float | None]] = {}
    for event in events:
        state = states.get(event.key, EMPTY)
        stack = earlier.setdefault(event.key, [])
        if event.kind == "progress":
            stack.append(state.value)
        elif event.kind == "undone" and not state.done and event.value is not None and stack:
            stack.pop()
        states[event.key] = apply(state, event, target_for(targets, event.item, event.region))
    return earlier


def check_note(note: str | None) -> None:
    """A note as every journal takes it (spec section 13): at most NOTE_LIMIT characters, no control
    characters (a newline included: one entry, one line)."""
    from pilkada_cli.safe_text import has_control

    if note is not None and (len(note) > NOTE_LIMIT or has_control(note)):
        raise BadInput("tick.bad_note", limit=NOTE_LIMIT)


def check_editors(plan: Plan, identity: str, offices: set[tuple[str, str | None]]) -> None:
    """Refuse, before anything is written, a write by an identity that is not among an office's editors (spec
    section 13: a stakeholder's, in a region). The PostgreSQL journal's server checks again, and decides."""
    for stakeholder_id, region in sorted(offices, key=lambda office: (office[0], office[1] or "")):
        stakeholder = plan.stakeholder(stakeholder_id)
        if not stakeholder.may_write(identity, region):
            raise NotAllowed("editors.refused", identity=identity,
                             stakeholder=stakeholder.display_name(plan.region(region) if region else None),
                             editors=", ".join(stakeholder.editors_for(region)) or "-")
