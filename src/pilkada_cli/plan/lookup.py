"""Finding the tracked item a user named on the command line: `stakeholder/item`, a unique `item`, either
with `@region`, with suggestions for a near miss."""

from __future__ import annotations

from pilkada_cli.errors import BadInput
from pilkada_cli.model import Item, Plan, Task
from pilkada_cli.similar import suggest


def find_task(plan: Plan, ref: str, region_id: str | None = None) -> Task:
    """The tracked item a user named: `stakeholder/item`, a unique `item`, either with `@region`. Ids are
    lowercase slugs, so `POLDA/LATPRAOPS` names `polda/latpraops`."""
    ref = ref.strip().lower()
    region_id = region_id.strip().lower() if region_id else None
    if "@" in ref:
        ref, _, given = ref.partition("@")
        if region_id and given != region_id:
            raise BadInput("tick.region_twice", ref=f"{ref}@{given}", region=region_id)
        region_id = given
    item = _find_item(plan, ref, regional=bool(region_id))
    stakeholder = plan.stakeholder(item.stakeholder)
    if not stakeholder.per_region or not plan.regions:
        if region_id:
            raise BadInput("tick.region_not_per_region", id=item.full_id)
        return plan.task(item)
    known = plan.index.regions
    if region_id and region_id in known and (not item.regions or region_id in item.regions):
        return plan.task(item, known[region_id])  # the common case, without building the lists below
    region_ids = list(known)
    allowed = [r for r in region_ids if not item.regions or r in item.regions]
    if not region_id:
        raise BadInput("tick.region_needed", id=item.full_id, regions=", ".join(allowed[:30]),
                       example=f"{item.full_id}@{allowed[0]}")
    if region_id not in region_ids:
        refuse_unknown("region", region_id, region_ids)
    if region_id not in allowed:
        raise BadInput("tick.region_not_applicable", id=item.full_id, region=region_id, regions=", ".join(allowed))
    return plan.task(item, plan.region(region_id))


def refuse_unknown(kind: str, value: str, known) -> None:
    """A region, stakeholder, phase or risk the plan does not have: the close ones if any (`{kind}.unknown`),
    else those it has (`{kind}.unknown_known`), else that it has none (`{kind}.none_in_plan`); never "-"."""
    close = suggest(value, known)
    if close:
        raise BadInput(f"{kind}.unknown", value=value, suggestions=", ".join(close))
    listed = list(known)
    if not listed:
        raise BadInput(f"{kind}.none_in_plan", value=value)
    shown = ", ".join(listed[:8]) + (" …" if len(listed) > 8 else "")
    raise BadInput(f"{kind}.unknown_known", value=value, known=shown)


def _find_item(plan: Plan, ref: str, regional: bool = False) -> Item:
    by_full, by_short = plan.index.items, plan.index.items_by_short
    if "/" in ref:
        if ref in by_full:
            return by_full[ref]
    else:
        matches = by_short.get(ref, [])
        if len(matches) > 1 and regional:
            # `cooling-system --region belu`: only the stakeholders with regional offices can be meant.
            per_region = {s.id for s in plan.stakeholders if s.per_region}
            matches = [item for item in matches if item.stakeholder in per_region] or matches
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise BadInput("tick.ambiguous", ref=ref, choices=", ".join(i.full_id for i in matches))
    close = suggest(ref, by_full)
    for short in suggest(ref.rsplit("/", 1)[-1], by_short):
        close += [item.full_id for item in by_short[short] if item.full_id not in close]
    if not close:
        raise BadInput("tick.unknown_none", ref=ref)
    raise BadInput("tick.unknown", ref=ref, suggestions=", ".join(close[:3]))
