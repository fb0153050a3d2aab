"""The daily summary's earlier states without replaying the whole journal: today's states with only the items
that changed since the earlier point refolded as of it."""

from __future__ import annotations

from datetime import date, datetime

from pilkada_cli import dates
from pilkada_cli.model import Event, Plan, instance_key
from pilkada_cli.report.status import Clock, fold_as_of

REFOLD_AT_MOST = 5_000  # items changed since a summary's earlier point; past that, the journal is replayed


def earliest_cutoff(plan: Plan, on: date | None, clock: Clock) -> datetime | None:
    """Where the items to refold for the earlier point `clock` start: the earliest of its cutoffs in the plan's
    zones; None when they cannot be refolded from today's states (they are then replayed whole)."""
    if on is not None and clock.on is not None and clock.on > on:
        return None  # a point after the replayed day: today's states lack events the earlier ones have
    zones = {plan.timezone, *(plan.timezone_for(region) for region in plan.regions)}
    cutoffs = [clock.cutoff(dates.zone(zone)) for zone in zones]
    return None if None in cutoffs else min(cutoffs)


def refolded(plan: Plan, clock: Clock, upto_event: int | None, now_states: dict, touched: list[Event]
             ) -> dict | None:
    """`now_states` with the instances of the `touched` events (store.touched: every event of each instance with
    an event since earliest_cutoff or recorded after `upto_event`) refolded as of `clock` from the events
    recorded up to `upto_event`; None when so many changed that replaying the journal is as quick."""
    keys = {(event.item, event.region) for event in touched}
    if len(keys) > REFOLD_AT_MOST:
        return None
    events = [event for event in touched if upto_event is None or event.id <= upto_event]
    states = dict(now_states)
    for item, region in keys:
        states.pop(instance_key(item, region), None)
    states.update(fold_as_of(plan, events, clock))
    return states
