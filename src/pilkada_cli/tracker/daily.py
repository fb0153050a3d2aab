"""The daily summary in the library: `Tracker.summary` and, for `summary --each` (spec section 18), every office's
own digest; both compare today's states with those at an earlier point, read in two round trips."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pilkada_cli import dates
from pilkada_cli.errors import BadInput
from pilkada_cli.model import Event
from pilkada_cli.report.status import Clock, Filters
from pilkada_cli.tracker.records import Names


class Daily:
    """Tracker's daily-summary methods (core.Tracker has the rest)."""

    def _earlier(self, point, now_states: dict) -> tuple[dict, list[Event] | None]:
        """The states at a summary's earlier point (report.summary.Since): today's with the instances changed
        since refolded (one more round trip), or replayed whole when that is as quick; and the events read for
        the refold (every event of the instances changed since), None after a whole replay."""
        from pilkada_cli.tracker.replay import earliest_cutoff, refolded

        clock = Clock(self.now, point.day, point.until)
        start = earliest_cutoff(self.plan, self.on, clock)
        if start is not None:
            touched = self.store.touched(start, point.upto_event)
            then = refolded(self.plan, clock, point.upto_event, now_states, touched)
            if then is not None:
                return then, touched
        return self.states_as_of(clock, point.upto_event), None

    def summary(self, stakeholder: Names = (), region: Names = (), since: str | date | None = None):
        """The daily summary (report.summary.Summary): `to_dict()` is `pilkada summary --format json`. It compares
        with `since` (the end of that day), else the last summary recorded for these filters, else yesterday."""
        from pilkada_cli.report.summary import build_summary, region_of, scope_of, since_point

        filters = self.filters(stakeholder, (), region)
        today = self.clock.today(dates.zone(self.plan.timezone_for(region_of(self.plan, filters))))
        given = since if isinstance(since, date) or since is None else dates.parse_date(since, today=today)
        reading = self._read(runs=True, head=True, kinds=("declare", "assess"))
        point = since_point(today, given, [run for run in reading.runs if run.scope == scope_of(filters)])
        then, touched = self._earlier(point, reading.states)
        report = build_summary(self.plan, reading.states, then, self.clock, filters, point, reading.head)
        report = replace(report, scope=scope_of(filters),
                         **self._readiness(report.days_to_vote, filters, then, point, reading))
        if self.plan.keys:
            report = replace(report, signatures=self._signatures(point, touched))
        return report

    def _readiness(self, days_to_vote: int, filters: Filters, then: dict, point, reading) -> dict:
        """The Go/No-Go calls (from H-7 on) and the risk levels that changed since the earlier point."""
        from pilkada_cli.report.risk import changes
        from pilkada_cli.report.summary import GONOGO_FROM_DAYS

        poll = self.gonogo(filters.stakeholders, filters.regions, reading=reading) \
            if 0 <= days_to_vote <= GONOGO_FROM_DAYS else None
        moved = []
        if self.plan.risks:
            earlier = self.risks(clock=Clock(self.now, point.day, point.until), states=then, reading=reading)
            moved = changes(earlier, self.risks(reading=reading))
        return {"gonogo": poll, "risk_changes": moved}

    def _signatures(self, point, touched: list[Event] | None) -> tuple[int, int]:
        """How many of the entries recorded since the earlier point are proven by their author's key (spec 16);
        from the events read for the refold (every one since the point is among them) when there are."""
        from pilkada_cli.plan.keys import PROVEN

        cutoff = Clock(self.now, point.day, point.until).cutoff(self.tz)
        if touched is None:
            touched = self.store.events(after_event=point.upto_event) if point.upto_event is not None \
                else self.store.events(since=cutoff)
        period = [e for e in touched if (e.id > point.upto_event if point.upto_event is not None else e.ts >= cutoff)]
        return sum(found == PROVEN for found in self.proofs(period)), len(period)

    def record_summary(self, day: date, scope: str, delivery: str | None = None, recipients: str | None = None
                       ) -> None:
        """Record that a summary ran under `scope` (Summary.scope, or an office's) on `day` (Summary.today), and
        how its delivery went (`ok`, or why not), under the journal's identity: the next one compares with it."""
        self.store.record_summary(self.now if self.fixed_clock else None, day.isoformat(), scope, delivery,
                                  recipients)

    def office_digests(self, since: str | None = None) -> tuple[list, list]:
        """`summary --each` (spec section 18): every office with contacts and its own digest, compared with the
        office's own last digest that arrived (the states at each distinct earlier point read once); and the
        summary runs recorded so far."""
        from pilkada_cli.report import offices as alarm

        found = self.alarm_offices()
        given = self.day(since) if since else None
        reading = self._read(runs=True, head=True, kinds=("declare", "assess"))
        points = {office.key: alarm.since_of(office, alarm.office_today(self.plan, office, self.clock), given,
                                             reading.runs) for office in found}
        earlier: dict = {}
        for point in dict.fromkeys(points.values()):
            then = self._earlier(point, reading.states)[0]
            moved = []
            if self.plan.risks:
                from pilkada_cli.report.risk import changes

                moved = changes(self.risks(clock=Clock(self.now, point.day, point.until), states=then,
                                           reading=reading), self.risks(reading=reading))
            earlier[point] = (then, moved)
        poll = self.gonogo(reading=reading) if alarm.needs_poll(self.plan, found, self.clock) else None
        return [(office, alarm.office_digest(self.plan, office, reading.states, earlier[points[office.key]][0],
                                             self.clock, points[office.key], reading.head, poll,
                                             earlier[points[office.key]][1])) for office in found], reading.runs

    def alarm_offices(self) -> list:
        """The plan's offices with contacts, once every contact's mail address is one check_address takes."""
        from pilkada_cli.delivery import contact_problems
        from pilkada_cli.errors import PlanInvalid
        from pilkada_cli.report.offices import offices

        problems = contact_problems(self.plan)
        if problems:
            raise PlanInvalid(problems)
        found = offices(self.plan)
        if not found:
            raise BadInput("each.no_contacts")
        return found
