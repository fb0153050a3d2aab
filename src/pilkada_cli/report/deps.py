"""Dependencies between tracked items (spec section 10): what an instance waits for, and whether a
dependency is done. A dependency on an item of a per-region stakeholder means, for an instance in region R,
that item's instance in R; for an item without a region, every instance of it."""

from __future__ import annotations

from pilkada_cli.model import EMPTY, ItemState, Plan, Task


def dependency_keys(plan: Plan, task: Task) -> list[str]:
    """The task keys this instance waits for, in the order written."""
    keys: list[str] = []
    for dep_id in task.item.depends_on:
        dep = plan.item(dep_id)
        if dep is None:
            continue
        if plan.stakeholder(dep.stakeholder).per_region and plan.regions:
            applicable = [r.id for r in plan.regions if not dep.regions or r.id in dep.regions]
            if task.region is not None:
                if task.region.id in applicable:
                    keys.append(f"{dep_id}@{task.region.id}")
            else:
                keys.extend(f"{dep_id}@{region_id}" for region_id in applicable)
        else:
            keys.append(dep_id)
    return keys


def is_done(plan: Plan, key: str, states: dict[str, ItemState]) -> bool:
    state = states.get(key, EMPTY)
    if state.done:
        return True
    item_id, _, region = key.partition("@")
    item = plan.item(item_id)
    target = item.target_in(region or None) if item else None
    return bool(target and state.completion(target) >= 1)


def blocked_by(plan: Plan, task: Task, states: dict[str, ItemState]) -> tuple[str, ...]:
    """The dependencies of `task` not done yet (empty: not blocked)."""
    return tuple(key for key in dependency_keys(plan, task) if not is_done(plan, key, states))
