"""The daily summary's earlier states without replaying the whole journal: today's states with only the items
that changed since the earlier point refolded as of it."""

from __future__ import annotations

from datetime import date

from pilkada_cli import dates
from pilkada_cli.model import Plan, instance_key
from pilkada_cli.report.status import Clock, fold_as_of

REFOLD_AT_MOST = 5_000  # items changed since a summary's earlier point; past that, the journal is replayed


def refolded(plan: Plan, store, on: date | None, clock: Clock, upto_event: int | None, now_states: dict
             ) -> dict | None:
    """`now_states` (as of `on`, or now) with the items that have an event at or after the earlier point `clock`
    (in any of the plan's zones) or recorded after `upto_event` refolded as of that point; None when so many
    items changed that replaying the journal is as quick."""
    if on is not None and clock.on is not None and clock.on > on:
        return None  # a point after the replayed day: today's states lack events the earlier ones have
    zones = {plan.timezone, *(plan.timezone_for(region) for region in plan.regions)}
    cutoffs = [clock.cutoff(dates.zone(zone)) for zone in zones]
    if None in cutoffs:
        return None
    recent = store.events(since=min(cutoffs))
    if upto_event is not None:
        recent += store.events(after_event=upto_event)
    keys = {(event.item, event.region) for event in recent}
    if len(keys) > REFOLD_AT_MOST:
        return None
    events = store.events_for(keys)
    if upto_event is not None:
        events = [event for event in events if event.id <= upto_event]
    states = dict(now_states)
    for item, region in keys:
        states.pop(instance_key(item, region), None)
    states.update(fold_as_of(plan, events, clock))
    return states
