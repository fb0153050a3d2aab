"""An alarm for every office (spec section 18): which offices hear a digest of their own, what each digest holds
(an office's own items; a per-region office its region's only; the leadership the whole plan), which deliveries
are still due today, and when each office was last reached. Pure: the plan, the states and the recorded summary
runs come in; sending and recording are the caller's."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from pilkada_cli import dates
from pilkada_cli.model import LEADERSHIP, Contact, ItemState, Plan, Region, Stakeholder, SummaryRun
from pilkada_cli.report.status import Clock, Filters
from pilkada_cli.report.summary import GONOGO_FROM_DAYS, Since, Summary, build_summary, since_point

SCOPE_PREFIX = "office="  # a delivery's summary run is recorded under "office=<key>"


@dataclass(frozen=True)
class Office:
    """One office that hears its own digest: the leadership (no stakeholder: the whole plan), a stakeholder, or
    a per-region stakeholder in one region."""

    key: str  # "leadership", "polda", "polres@belu"
    stakeholder: Stakeholder | None
    region: Region | None
    contact: Contact
    # as people name it (Plan.office_name: "Polres Kabupaten Belu"; "Kodim 1605/Belu (Kabupaten Malaka)" for an
    # office that serves several regions); None for the leadership (the catalogue's words)
    name: str | None = None

    @property
    def scope(self) -> str:
        """What the journal records this office's deliveries under."""
        return SCOPE_PREFIX + self.key

    @property
    def filters(self) -> Filters:
        if self.stakeholder is None:
            return Filters()
        return Filters((self.stakeholder.id,), (), (self.region.id,) if self.region else ())


@dataclass(frozen=True)
class Delivery:
    """One way an office is reached: its mail recipients, or its webhook. `target` is what the journal records
    as the run's detail, and what tells a second run of the day whether this one arrived."""

    office: Office
    channel: str  # "mail" or "webhook"
    target: str


def offices(plan: Plan) -> list[Office]:
    """Every office with contacts: the leadership first, then the stakeholders in the plan's order (a per-region
    one in each region that has contacts of its own or under "*")."""
    found = []
    leadership = plan.contact(None)
    if leadership is not None:
        found.append(Office(LEADERSHIP, None, None, leadership))
    for stakeholder in plan.stakeholders:
        if stakeholder.per_region:
            for region in plan.regions:
                contact = plan.contact(stakeholder, region)
                if contact is not None:
                    found.append(Office(f"{stakeholder.id}@{region.id}", stakeholder, region, contact,
                                        plan.office_name(stakeholder, region)))
        elif plan.contact(stakeholder) is not None:
            found.append(Office(stakeholder.id, stakeholder, None, plan.contact(stakeholder),
                                plan.office_name(stakeholder, None)))
    return found


def deliveries(office: Office) -> list[Delivery]:
    """The office's mail (all its recipients in one message) and its webhook."""
    found = []
    if office.contact.mail:
        found.append(Delivery(office, "mail", ", ".join(office.contact.mail)))
    if office.contact.webhook is not None:
        found.append(Delivery(office, "webhook", office.contact.webhook.url))
    return found


def office_today(plan: Plan, office: Office, clock: Clock) -> date:
    """The office's today: in its region's time zone."""
    return clock.today(dates.zone(plan.timezone_for(office.region)))


def delivered_today(delivery: Delivery, runs: list[SummaryRun], today: date) -> bool:
    """Whether this delivery already arrived today (a run of the office, today, "ok", to the same target)."""
    day, scope = today.isoformat(), delivery.office.scope
    return any(r.scope == scope and r.day == day and r.delivery == "ok" and r.detail == delivery.target
               for r in runs)


def since_of(office: Office, today: date, given: date | None, runs: list[SummaryRun]) -> Since:
    """What the office's digest compares against: its last digest that arrived on an earlier day (one that
    failed told the office nothing), else as every summary does (--since, else yesterday)."""
    return since_point(today, given, [r for r in runs if r.scope == office.scope and r.delivery == "ok"])


def needs_poll(plan: Plan, found: list[Office], clock: Clock) -> bool:
    """Whether any office's digest is within the days that show the Go/No-Go calls."""
    return any(0 <= (plan.vote_date_for(o.region) - office_today(plan, o, clock)).days <= GONOGO_FROM_DAYS
               for o in found)


def office_digest(plan: Plan, office: Office, states_now: dict[str, ItemState], states_then: dict[str, ItemState],
                  clock: Clock, since: Since, journal_head: tuple[int, str] | None, poll=None,
                  risk_changes: list[tuple[str, str, str]] | tuple = ()) -> Summary:
    """One office's digest: its own items (its region's only, for a per-region office), named as its office;
    the leadership's is the whole plan's. `poll` and `risk_changes` are the whole plan's: the office gets its
    own calls, and a per-region office the risks of its region."""
    if office.stakeholder is None:
        summary = build_summary(plan, states_now, states_then, clock, Filters(), since, journal_head)
    else:
        summary = build_summary(plan, states_now, states_then, clock, office.filters, since, journal_head,
                                plan.tasks_of(office.stakeholder.id, office.region), (office.key, office.name or ""))
    if poll is not None and 0 <= summary.days_to_vote <= GONOGO_FROM_DAYS:
        if office.stakeholder is not None:
            poll = replace(poll, offices=[o for o in poll.offices if o.stakeholder.id == office.stakeholder.id
                                          and (office.region is None or o.region == office.region)])
        summary = replace(summary, gonogo=poll)
    if office.region is not None:
        risk_changes = [change for change in risk_changes if change[0].endswith("@" + office.region.id)]
    return replace(summary, risk_changes=list(risk_changes))


@dataclass(frozen=True)
class Reach:
    """When an office last got its digest, and the failure of one of its deliveries since, if any: a silent
    failure seen."""

    office: Office
    reached: SummaryRun | None
    failed: SummaryRun | None

    def to_dict(self) -> dict:
        failed = self.failed
        return {"office": self.office.key, "name": self.office.name,
                "last_reached": dates.utc_iso(self.reached.ts) if self.reached else None,
                "last_failure": {"at": dates.utc_iso(failed.ts), "target": failed.detail, "reason": failed.delivery}
                if failed else None}


def reach(found: list[Office], runs: list[SummaryRun]) -> list[Reach]:
    """For each office: its last delivery that arrived, and the latest failure among its deliveries (mail,
    webhook) whose last attempt failed."""
    last_ok: dict[str, SummaryRun] = {}
    latest: dict[tuple[str, str | None], SummaryRun] = {}
    for run in runs:  # oldest first
        if run.scope.startswith(SCOPE_PREFIX):
            latest[(run.scope, run.detail)] = run
            if run.delivery == "ok":
                last_ok[run.scope] = run
    result = []
    for office in found:
        failures = [run for d in deliveries(office) if (run := latest.get((office.scope, d.target))) is not None
                    and run.delivery != "ok"]
        result.append(Reach(office, last_ok.get(office.scope), max(failures, key=lambda r: r.id, default=None)))
    return result
