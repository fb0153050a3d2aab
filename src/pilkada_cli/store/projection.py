"""The projection every store keeps beside its events: each item's folded state and the last event folded in.
The rules are the same whatever the database, so they live here once; the SQLite and PostgreSQL stores only
read and write the rows.

A stored row is (item, region or '', value, done, done_at, value_before_done, done_by, target)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pilkada_cli.model import EMPTY, Event, ItemState, instance_key, target_for
from pilkada_cli.store.fold import apply, fold_order


def split(key: str) -> tuple[str, str]:
    """`stakeholder/item@region` -> (`stakeholder/item`, `region`), '' for no region."""
    item, _, region = key.partition("@")
    return item, region


# A stored row as load() reads it: its key made by the database (`item@region`, or the item), then the row.
ROW = ("{p}item || CASE WHEN {p}region = '' THEN '' ELSE '@' || {p}region END, {p}item, {p}value, {p}done, "
       "{p}done_at, {p}value_before_done, {p}done_by, {p}target")


def load(rows: Iterable[tuple], targets: dict
         ) -> tuple[dict[str, ItemState], dict[str, float | None], set[str]]:
    """Stored rows (ROW) -> each item's state, the target its fold used, and the items whose target has
    changed in the plan since (to refold; an item no longer in the plan keeps its state)."""
    states: dict[str, ItemState] = {}
    used: dict[str, float | None] = {}
    retargeted: set[str] = set()
    for key, item, value, done, done_at, before, by, target in rows:
        states[key] = ItemState(value, done, done_at, before, by)  # SQLite's 0/1 is as truthy as a bool
        used[key] = target
        if item in targets and target_for(targets, item, split(key)[1] or None) != target:
            retargeted.add(key)
    return states, used, retargeted


def advance(states: dict[str, ItemState], used: dict[str, float | None], newer: list[Event], late: set[str],
            targets: dict, events_of: Callable[[str], list[Event]],
            retargeted: set[str] = frozenset()) -> set[str]:
    """Fold `newer` (in fold order) into `states`; refold from all of its events (`events_of(key)`) an item
    whose target changed in the plan (`retargeted`, from `load`, or seen in `newer`) or that received an event
    folding before ones already folded (`late`). Updates `states` and `used` in place; returns the keys that
    changed."""
    changed: set[str] = set()
    stale = set(retargeted) | {key for key in late if split(key)[0] in targets}
    for event in newer:
        target = target_for(targets, event.item, event.region)
        key = event.key
        if key in late or key in stale or (key in used and used[key] != target):
            if event.item in targets:
                stale.add(key)
            continue  # refolded below from all of its events (an item gone from the plan keeps its state)
        states[key] = apply(states.get(key, EMPTY), event, target)
        used[key] = target
        changed.add(key)
    for key in stale:
        item, region = split(key)
        target = target_for(targets, item, region or None)
        state = EMPTY
        for event in sorted(events_of(key), key=fold_order):
            state = apply(state, event, target)
        states[key] = state
        used[key] = target
        changed.add(key)
    return changed


def compare(stored: Iterable[tuple], upto: int, last: int, events: list[Event], *, complete: bool = False
            ) -> list[tuple[str, dict]]:
    """`pilkada check`: the projection must be the fold of the events it claims to cover (up to `upto`, which
    must not pass `last`, the last event recorded); `complete`, it must also hold every item those events name
    (the PostgreSQL server folds each event as it writes it)."""
    problems: list[tuple[str, dict]] = []
    if upto > last:
        problems.append(("journal.projection_ahead", {"upto": upto, "last": last}))
    by_key: dict[str, list[Event]] = {}
    for event in events:
        if event.id <= upto:
            by_key.setdefault(event.key, []).append(event)
    seen = set()
    for item, region, value, done, done_at, before, by, target in stored:
        key = instance_key(item, region)
        seen.add(key)
        folded = EMPTY
        for event in sorted(by_key.get(key, []), key=fold_order):
            folded = apply(folded, event, target)
        if key not in by_key or tuple(folded) != (value, bool(done), done_at, before, by):
            problems.append(("journal.projection_differs", {"id": key}))
            return problems
    missing = sorted(set(by_key) - seen) if complete else []
    if missing:
        problems.append(("journal.projection_differs", {"id": missing[0]}))
    return problems
