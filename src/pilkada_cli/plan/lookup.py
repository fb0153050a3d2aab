"""Finding the tracked item a user named on the command line: `stakeholder/item`, a unique `item`, either
with `@region`, with suggestions for a near miss."""

from __future__ import annotations

import difflib

from pilkada_cli.errors import BadInput
from pilkada_cli.model import Plan, Task


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
