"""What the briefing page shows (spec section 14), computed once: progress over time replayed from the
journal (overall and per stakeholder, one point a day or fewer), the ideal line to 100% on vote day, and
the items a leader must hear about. Pure: the plan, the events and the day in; plain values out."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from pilkada_cli import dates
from pilkada_cli.model import EMPTY, Event, ItemState, Plan
from pilkada_cli.report.status import TaskStatus, phase_dates
from pilkada_cli.store.fold import apply, fold_order

MAX_POINTS = 120


@dataclass
class History:
    """Progress over time: days, overall progress and each stakeholder's, in percent."""

    days: list[date]
    overall: list[float]
    stakeholders: dict[str, list[float]]
    start: date


def history(plan: Plan, events: list[Event], today: date) -> History:
    """Replays the journal day by day (incrementally: each event is folded once) up to `today`."""
    tasks = plan.tasks()
    weights: dict[str, tuple[str, float, float | None]] = {
        task.key: (task.item.stakeholder, task.item.weight, task.target) for task in tasks}
    totals: dict[str, float] = defaultdict(float)
    for stakeholder, weight, _ in weights.values():
        totals[stakeholder] += weight
    grand = sum(totals.values()) or 1.0
    starts = [phase_dates(p, plan.vote_date)[0] for p in plan.phases]
    ordered = sorted(events, key=fold_order)
    first_event = ordered[0].ts.astimezone(dates.zone(plan.timezone)).date() if ordered else today
    # From a week before the first entry (at least a month back, at most half a year): a line to read,
    # not a dot squeezed against today in a chart spanning the whole planning year.
    start = min(first_event - timedelta(days=7), today - timedelta(days=30))
    start = max(start, today - timedelta(days=180), min(starts) if starts else start)
    span = max((today - start).days, 1)
    step = max(1, -(-span // MAX_POINTS))
    tz = dates.zone(plan.timezone)
    states: dict[str, ItemState] = {}
    done_weight: dict[str, float] = defaultdict(float)  # weighted completion per stakeholder
    contribution: dict[str, float] = {}
    days: list[date] = []
    overall: list[float] = []
    per: dict[str, list[float]] = defaultdict(list)
    index = 0
    day = start
    while day <= today:
        cutoff = dates.end_of_day_utc(day, tz)
        while index < len(ordered) and ordered[index].ts < cutoff:
            event = ordered[index]
            index += 1
            key = event.key
            if key not in weights:
                continue
            stakeholder, weight, target = weights[key]
            states[key] = apply(states.get(key, EMPTY), event, target)
            value = weight * states[key].completion(target)
            done_weight[stakeholder] += value - contribution.get(key, 0.0)
            contribution[key] = value
        if (today - day).days % step == 0:
            days.append(day)
            overall.append(round(100.0 * sum(done_weight.values()) / grand, 1))
            for stakeholder, total in totals.items():
                per[stakeholder].append(round(100.0 * done_weight[stakeholder] / total, 1) if total else 0.0)
        day += timedelta(days=1)
    return History(days, overall, dict(per), start)


def polyline(values: list[float], days: list[date], start: date, end: date, width: float, height: float) -> str:
    """SVG points for a progress line between `start` and `end` (x) and 0-100% (y)."""
    span = max((end - start).days, 1)
    return " ".join(f"{width * (day - start).days / span:.1f},{height * (1 - value / 100):.1f}"
                    for day, value in zip(days, values))


def due_by_now(statuses: list[TaskStatus]) -> dict[str | None, float]:
    """Per region (None: the items without one), the progress its deadlines ask for by today: the weighted
    share of its items due before today, in percent. A region whose progress is below it is behind its own
    plan, by that many points; one with nothing overdue never is."""
    due: dict[str | None, float] = defaultdict(float)
    total: dict[str | None, float] = defaultdict(float)
    for status in statuses:
        region = status.task.region.id if status.task.region else None
        total[region] += status.task.item.weight
        if status.days_left is not None and status.days_left < 0:
            due[region] += status.task.item.weight
    return {region: 100.0 * due[region] / weight for region, weight in total.items() if weight}
