"""The fold of journal events into item states (spec section 6): the one rule, shared by every store and by
replays with --on."""

from __future__ import annotations

from pilkada_cli.dates import utc_iso
from pilkada_cli.model import EMPTY, Event, ItemState, target_for

__all__ = ["EMPTY", "ItemState", "apply", "fold", "fold_order"]

def apply(state: ItemState, event: Event, target: float | None) -> ItemState:
    """One step of the fold. A tick makes an item done; a value makes a quantitative item done once it
    reaches the target; an undo restores what the item was before it became done."""
    if event.kind == "done":
        if state.done:
            return state
        value = target if target else state.value
        return ItemState(value, True, utc_iso(event.ts), state.value, event.person)
    if event.kind == "progress":
        value = event.value
        reached = bool(target) and value is not None and value >= target
        if reached:
            if state.done:
                return ItemState(value, True, state.done_at, state.value_before_done, state.done_by)
            return ItemState(value, True, utc_iso(event.ts), state.value, event.person)
        return ItemState(value, False, None, None)
    if event.kind == "undone":
        if state.done:
            return ItemState(state.value_before_done, False, None, None)
        if event.value is not None:  # an undone value: back to the value it replaced
            return ItemState(event.value, False, None, None)
        return state
    return state  # a note changes nothing


def fold_order(event: Event) -> tuple:
    """Spec section 13: events fold in the order of their time, then their id, so any two journals holding
    the same events (merged by import or sync in any order) give the same states."""
    return (event.ts, event.uid, event.id)


def fold(events: list[Event], targets: dict) -> dict[str, ItemState]:
    """The state of every item key (`stakeholder/item` or `...@region`) named in the events."""
    states: dict[str, ItemState] = {}
    for event in sorted(events, key=fold_order):
        key = event.key
        states[key] = apply(states.get(key, EMPTY), event, target_for(targets, event.item, event.region))
    return states
