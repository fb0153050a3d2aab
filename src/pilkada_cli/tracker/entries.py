"""What a caller gives for a write, read and checked against the plan before anything is written: a tick list
(`tick --from`), an office's Go/No-Go call, a risk's reassessment."""

from __future__ import annotations

from collections.abc import Callable

from pilkada_cli import dates
from pilkada_cli.errors import BadInput, PilkadaError
from pilkada_cli.model import Plan, Region, Stakeholder, Task
from pilkada_cli.report.status import Clock, Filters
from pilkada_cli.tracker.records import level_name


def read_tick_list(plan: Plan, text: str, source: str, region: str | None, number: Callable[[str], float]
                   ) -> tuple[list[Task], dict[str, float]]:
    """One ITEM[@REGION] [VALUE] per line (a space or a comma before the value, read by `number`), `#` comments.
    Every line is checked: the bad ones are refused together, each as a detail of one BadInput."""
    from pilkada_cli.plan import find_task

    tasks: dict[str, Task] = {}
    values: dict[str, float] = {}
    bad: list[PilkadaError] = []
    for line_number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        ref, _, rest = line.partition(" ") if " " in line or "\t" in line else line.partition(",")
        ref, rest = ref.strip().rstrip(","), rest.strip().lstrip(",").strip()
        try:
            task = find_task(plan, ref, region)
            if rest:
                values[task.key] = number(rest)
        except PilkadaError as exc:
            bad.append(BadInput("tick.from_line", path=source, line=line_number, reason=exc))
            continue
        tasks[task.key] = task
    if bad:
        raise BadInput("tick.from_bad", path=source, count=len(bad), details=bad)
    if not tasks:
        raise BadInput("tick.nothing")
    return list(tasks.values()), values


def declaration(plan: Plan, filters: Filters, call: str) -> tuple[Stakeholder, str | None, str]:
    """An office's call as spec section 11 takes it: (the stakeholder, its region id or None, the call)."""
    from pilkada_cli.model import CALLS

    call = call.strip().lower().replace("_", "-")
    if call not in CALLS:
        raise BadInput("gonogo.bad_call", value=call[:20])
    if len(filters.stakeholders) != 1:
        raise BadInput("gonogo.declare_needs_stakeholder")
    office = plan.stakeholder(filters.stakeholders[0])
    region = filters.regions[0] if filters.regions else None
    if office.per_region and plan.regions and (region is None or len(filters.regions) != 1):
        raise BadInput("gonogo.declare_needs_region", stakeholder=office.id)
    if not office.per_region and region:
        raise BadInput("tick.region_not_per_region", id=office.id)
    return office, region, call


def assessment(plan: Plan, clock: Clock, ref: str, level: str, stage: str | None
               ) -> tuple[str, Region | None, str, str]:
    """A reassessment as spec section 12 takes it (`risk@region`, a level in either language, a stage or the
    one the region is in today): (risk id, region, level, stage)."""
    from pilkada_cli.plan.lookup import refuse_unknown
    from pilkada_cli.report.risk import STAGES, stage_on

    risk_id, _, region_id = ref.strip().lower().partition("@")
    risk = plan.index.risks.get(risk_id)
    if risk is None:
        refuse_unknown("risk", risk_id, list(plan.index.risks))
    places = [r.id for r in plan.regions if not risk.regions or r.id in risk.regions]
    if region_id and not plan.regions:
        raise BadInput("risk.no_regions", id=risk_id)
    if plan.regions and not region_id:
        raise BadInput("risk.region_needed", id=risk_id, regions=", ".join(places[:30]))
    if plan.regions and region_id not in places:
        if region_id not in plan.index.regions:
            refuse_unknown("region", region_id, list(plan.index.regions))
        raise BadInput("risk.region_not_applicable", id=risk_id, region=region_id, regions=", ".join(places[:30]))
    level = level_name(level)
    region = plan.region(region_id) if region_id else None
    stage = (stage or stage_on(plan, region, clock.today(dates.zone(plan.timezone_for(region))))).lower()
    if stage not in STAGES:
        raise BadInput("risk.bad_stage", value=stage[:20], choices=", ".join(STAGES))
    return risk_id, region, level, stage
