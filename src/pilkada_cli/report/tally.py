"""The status report's totals: every item counted once into a few sums per (stakeholder, phase, state) and
(region, state), and the report assembled from them. `build_status` counts in Python from the items' states;
`from_counts` takes the sums counted in SQL (store/sqlite_tally.py, store/pg_tally.py) and the few rows the
screen lists."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from pilkada_cli import dates
from pilkada_cli.model import ItemState, Plan
from pilkada_cli.report.status import (Clock, Filters, PhaseReport, RegionReport, StakeholderReport, StatusReport,
                                       Tally, TaskStatus, add_item, classified, phase_dates, phase_state,
                                       status_of, sums_table, unknown_keys)

SHOWN = frozenset(("overdue", "due_soon"))  # the states the status screen lists item by item


def build_status(plan: Plan, states: dict[str, ItemState], clock: Clock, filters: Filters = Filters(),
                 every_item: bool = True) -> StatusReport:
    """The whole status report, from every item's folded state (fold_as_of, or the journal's projection).
    With every_item=False, `statuses` holds only what the status screen can show (items due soon or overdue,
    and those on dependency chains, for the critical path): a national plan's tens of thousands of other
    items are counted without a record each."""
    sums = Sums()
    statuses = sums.add(classified(plan, states, clock, filters), keep=None if every_item else plan.index.on_chains)
    return assemble(plan, clock, filters, statuses, sums, unknown_keys(plan, states))


class Sums:
    """Weight, weighted completion, count and blocked count per (stakeholder, phase, state) and per (region,
    state): every group (overall, stakeholder, stakeholder x phase, phase, region) is added up from these few
    sums instead of from the items again."""

    def __init__(self) -> None:
        self.by_phase = sums_table()
        self.by_region = sums_table()

    def add(self, classified: Iterable[tuple], keep: frozenset[str] | None) -> list[TaskStatus]:
        """Count the items of classified(); return the records of those kept: all (keep=None), else those
        due soon or overdue and those whose full id is in `keep`."""
        statuses: list[TaskStatus] = []
        for task, day, tz, state, (days_left, label, completion), blocked in classified:
            item = task.item
            if keep is None or label in SHOWN or (keep and item.full_id in keep):
                statuses.append(TaskStatus(task, day, tz, days_left, label, completion, state, blocked))
            add_item(self.by_phase[(item.stakeholder, item.phase, label)], item.weight, completion, blocked)
            if task.region is not None:
                add_item(self.by_region[(task.region.id, label)], item.weight, completion, blocked)
        return statuses


def assemble(plan: Plan, clock: Clock, filters: Filters, statuses: list[TaskStatus], sums: Sums,
             unknown_items: list[str], stands_for: dict[str, int] | None = None) -> StatusReport:
    """The report from the items' sums (and the records of the items it lists)."""
    today = clock.today(dates.zone(plan.timezone))
    overall = Tally()
    by_stakeholder: dict[str, Tally] = defaultdict(Tally)
    by_pair: dict[tuple[str, str | None], Tally] = defaultdict(Tally)
    by_phase: dict[str | None, Tally] = defaultdict(Tally)
    by_region: dict[str, Tally] = defaultdict(Tally)
    for (stakeholder_id, phase_id, state), entry in sums.by_phase.items():
        overall.merge(state, *entry)
        by_stakeholder[stakeholder_id].merge(state, *entry)
        by_pair[(stakeholder_id, phase_id)].merge(state, *entry)
        by_phase[phase_id].merge(state, *entry)
    for (region_id, state), entry in sums.by_region.items():
        by_region[region_id].merge(state, *entry)
    phases_by_id = {p.id: p for p in plan.phases}
    phase_order = {p.id: i for i, p in enumerate(plan.phases)}
    stakeholder_reports = []
    for stakeholder in plan.stakeholders:
        if stakeholder.id not in by_stakeholder:
            continue
        pairs = sorted(((phase, tally) for (sid, phase), tally in by_pair.items() if sid == stakeholder.id),
                       key=lambda pair: phase_order.get(pair[0], 10**6))
        stakeholder_reports.append(StakeholderReport(
            stakeholder, by_stakeholder[stakeholder.id].group(),
            [(phases_by_id.get(pid) if pid else None, tally.group()) for pid, tally in pairs]))
    phase_reports = []
    for phase in plan.phases:
        if filters.phases and phase.id not in filters.phases:
            continue
        start, end = phase_dates(phase, plan.vote_date)
        phase_reports.append(PhaseReport(phase, start, end, by_phase[phase.id].group(),
                                         phase_state(start, end, today)))
    region_reports = []
    for region in plan.regions:
        if filters.regions and region.id not in filters.regions:
            continue
        tz_name = plan.timezone_for(region)
        region_reports.append(RegionReport(region, plan.vote_date_for(region), tz_name,
                                           clock.today(dates.zone(tz_name)), by_region[region.id].group()))
    return StatusReport(plan, today, statuses, overall.group(), stakeholder_reports, phase_reports,
                        region_reports, unknown_items, stands_for or {})


def zone_days(plan: Plan, clock: Clock) -> dict[str, int]:
    """Each of the plan's time zones and its today (a date's ordinal, as the plan's index stores deadlines)."""
    return {name: clock.today(dates.zone(name)).toordinal()
            for name in {plan.timezone, *(plan.timezone_for(region) for region in plan.regions)}}


def from_counts(plan: Plan, counted, clock: Clock, filters: Filters, chain_states: dict[str, ItemState]
                ) -> StatusReport:
    """The report from sums counted in SQL (`counted`: store.base.Counted, every item but those on
    dependency chains) and the chain items, counted here from `chain_states` (their blocking is worked out in
    Python). `statuses` holds the first rows due soon and overdue (each an item's instances in the same state
    with the same days left, `stands_for` how many) and the chain items: what the screen shows."""
    sums = Sums()
    for stakeholder_id, phase_id, state, weighted, weight, count in counted.by_phase:
        sums.by_phase[(stakeholder_id, phase_id, state)] = [weighted, weight, count, 0]
    for region_id, state, weighted, weight, count in counted.by_region:
        sums.by_region[(region_id, state)] = [weighted, weight, count, 0]
    statuses = sums.add(classified(plan, chain_states, clock, filters, plan.index.chain_tasks), keep=plan.index.on_chains)
    stands_for: dict[str, int] = {}
    for item_id, region_id, instances, *state in counted.due_soon + counted.overdue:
        region = plan.region(region_id) if region_id else None
        tz = dates.zone(plan.timezone_for(region))
        statuses.append(status_of(plan.task(plan.item(item_id), region), ItemState(*state), clock.today(tz), tz,
                                  plan.due_soon_days))
        stands_for[statuses[-1].key] = instances
    return assemble(plan, clock, filters, statuses, sums, unknown_keys(plan, counted.unknown), stands_for)
