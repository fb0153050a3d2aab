"""`Tracker` (spec section 17): a plan, its journal and a clock, doing everything the commands do and returning
the records they render. Nothing here prints, exits or reads the environment beyond finding the plan and its
journal (sections 1 and 13); errors are PilkadaError subclasses carrying their exit codes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from pilkada_cli import dates
from pilkada_cli.errors import BadInput
from pilkada_cli.model import Event, Plan, Task
from pilkada_cli.report.status import Clock, Filters
from pilkada_cli.tracker.daily import Daily
from pilkada_cli.tracker.records import (STATE_ALIASES, CheckReport, LogEntry, Names, TickResult, level_name,
                                         listed, log_filter)

COUNT_IN_SQL_FROM = 5_000  # instances (at most items x regions): below that, counting in Python is quicker
BULK_FROM = 20  # past this many items a tick reports counts and offices, not a line per item
BULK_OFFICES = 10  # ... and the progress of this many offices (then how many more there are)


class Tracker(Daily):
    """A plan, its journal and a clock (`now`; `on`, a day to replay the journal as of, or None for now)."""

    def __init__(self, plan: Plan, store, now: datetime, on: date | None = None, fixed_clock: bool = False) -> None:
        self.plan = plan
        self.store = store
        self.now = now
        self.on = on
        self.fixed_clock = fixed_clock  # `now` dates writes too (tests, demos); else the journal's clock does
        self.tz = dates.zone(plan.timezone)
        self.clock = Clock(now, on)

    @classmethod
    def open(cls, plan: str | Path | None = None, on: str | date | None = None, *,
             env: Mapping[str, str] | None = None, cwd: Path | None = None, now: datetime | None = None,
             fixed_clock: bool = False) -> Tracker:
        """The plan found as the commands find it (spec section 1: `plan`, PILKADA_PLAN, the nearest pilkada.yaml,
        the bundled plan) with its journal (section 13); `on` a date or a day as people write it (`kemarin`).
        `now` is the clock (the machine's by default); `fixed_clock` makes it the SQLite journal's too (tests)."""
        from pilkada_cli.plan import find_plan, load_plan
        from pilkada_cli.store import open_plan_store

        env = os.environ if env is None else env
        now = now or datetime.now(timezone.utc)
        root, bundled = find_plan(str(plan) if plan is not None else None, env, cwd or Path.cwd())
        loaded = load_plan(root, bundled=bundled)
        store = open_plan_store(loaded, env, (lambda: now) if fixed_clock else None)
        tracker = cls(loaded, store, now, fixed_clock=fixed_clock)
        if on is not None:
            tracker.on = on if isinstance(on, date) else tracker.day(on)
            tracker.clock = Clock(now, tracker.on)
        return tracker

    # -- days, filters, states

    def day(self, text: str | None, tz=None) -> date | None:
        """A day as people write it (a date, `hari ini`, `kemarin`), today being the plan's (or `tz`'s)."""
        return dates.parse_date(text, today=dates.today_in(tz or self.tz, self.now)) if text else None

    @property
    def today(self) -> date:
        return self.clock.today(self.tz)

    def filters(self, stakeholder: Names = (), phase: Names = (), region: Names = ()
                ) -> Filters:
        """Filters by ids, each one the plan's (an unknown one is refused with the closest)."""
        from pilkada_cli.plan.lookup import refuse_unknown

        stakeholder, phase, region = ([v.strip().lower() for v in listed(values)]
                                      for values in (stakeholder, phase, region))
        for kind, values, known in (("stakeholder", stakeholder, [x.id for x in self.plan.stakeholders]),
                                    ("phase", phase, [x.id for x in self.plan.phases]),
                                    ("region", region, [x.id for x in self.plan.regions])):
            for value in values:
                if value not in known:
                    refuse_unknown(kind, value, sorted(known))
        return Filters(tuple(stakeholder), tuple(phase), tuple(region))

    def states(self) -> dict:
        """Every instance's folded state: the journal's projection now, replayed from its events `on` a day."""
        return self._read().states

    def _read(self, *, runs: bool = False, head: bool = False, kinds: tuple[str, ...] | None = (),
              states: bool = True):
        """One reading of the journal for a command (store.read: one round trip to a PostgreSQL server): the
        states (the projection's now; `on` a day, replayed from every event up to it), the events of `kinds`
        (None: of every kind) up to now (`on` a day: every event up to it; callers cut at their own point),
        the summary runs and the head as asked."""
        from pilkada_cli.report.status import fold_as_of

        if self.on is None:
            return self.store.read(self.plan.targets() if states else None, runs=runs, head=head,
                                   events=None if kinds == () else (None, kinds))
        # no zone's day ends later than the end of the next day in UTC
        bound = dates.end_of_day_utc(self.on + timedelta(days=1), timezone.utc)
        found = self.store.read(None, events=(bound, None), runs=runs, head=head)
        return replace(found, states=fold_as_of(self.plan, found.events, self.clock) if states else None)

    def states_as_of(self, clock: Clock, upto_event: int | None = None) -> dict:
        """States replayed as of `clock` from the events recorded up to `upto_event` (all by default)."""
        from pilkada_cli.report.status import fold_as_of

        # no zone's day ends later than the end of the next day in UTC
        bound = dates.end_of_day_utc(clock.on + timedelta(days=1), timezone.utc) if clock.on else None
        return fold_as_of(self.plan, self.store.events(until=bound, upto_event=upto_event), clock)

    # -- reading

    def statuses(self, stakeholder: Names = (), phase: Names = (), region: Names = ()) -> list:
        """Every instance's status (report.status.TaskStatus) today, in the plan's order, within the filters."""
        return self._statuses(self.filters(stakeholder, phase, region))

    def _statuses(self, filters: Filters, states: dict | None = None) -> list:
        from pilkada_cli.report.status import evaluate_states

        return evaluate_states(self.plan, self.states() if states is None else states, self.clock, filters)

    def status(self, stakeholder: Names = (), phase: Names = (), region: Names = (), *,
               every_item: bool = True, limit: int = 15, by_region: bool = False):
        """The status report (report.status.StatusReport): `to_dict()` is `pilkada status --json`. Without
        `every_item` only what the screen lists is kept (counted in the journal's database on a large plan)."""
        from pilkada_cli.report.tally import build_status

        if by_region and not self.plan.regions:
            raise BadInput("status.no_regions")
        filters = self.filters(stakeholder, phase, region)
        report, runs = (None, []) if every_item else self._counted_status(filters, limit, by_region)
        if report is None:
            reading = self._read(runs=bool(self.plan.contacts))
            report, runs = build_status(self.plan, reading.states, self.clock, filters, every_item), reading.runs
        if self.plan.contacts:
            from pilkada_cli.report.offices import offices, reach

            today = self.today.isoformat()
            report = replace(report, offices=reach(offices(self.plan), [r for r in runs if r.day <= today]))
        return report

    def _counted_status(self, filters: Filters, limit: int, by_region: bool) -> tuple:
        """The status report counted in SQL by the journal's database (today's, not a replay), with the summary
        runs, in one reading; (None, []) where that cannot be done, and it is counted in Python."""
        if self.on is not None:
            return None, []
        from pilkada_cli.report.tally import from_counts, zone_days
        from pilkada_cli.store.base import Count

        index = self._index()
        if index is None:
            return None, []
        asked = Count(index, zone_days(self.plan, self.clock), self.plan.due_soon_days, filters.stakeholders,
                      filters.phases, filters.regions, self.plan.index.on_chains, limit, by_region)
        reading = self.store.read(self.plan.targets(), keys=[task.key for task in self.plan.index.chain_tasks],
                                  runs=bool(self.plan.contacts), count=asked)
        if reading.counted is None:
            return None, []
        return from_counts(self.plan, reading.counted, self.clock, filters, reading.states), reading.runs

    def _index(self):
        """The plan's instance index (plan/index.py) when it is counted in SQL: from COUNT_IN_SQL_FROM instances
        (at most items x regions; below that, counting in Python is quicker)."""
        if len(self.plan.items) * max(1, len(self.plan.regions)) < COUNT_IN_SQL_FROM:
            return None
        from pilkada_cli.plan.index import instance_index

        return instance_index(self.plan)

    def critical_path(self, report):
        """The critical path (report.readiness.critical_path) of a whole-plan status report."""
        from pilkada_cli.report.readiness import critical_path

        return critical_path(self.plan, report.statuses)

    def items(self, stakeholder: Names = (), phase: Names = (), region: Names = (),
              state: Names = (), tag: Names = (), critical: bool = False,
              blocked: bool = False) -> list:
        """The items `pilkada list` shows (their `to_dict()` its JSON), most urgent first. States may be named
        in Indonesian (`terlambat`) or in the JSON's spelling."""
        from pilkada_cli.report.status import STATES, urgency

        states = [STATE_ALIASES.get(x.strip().lower(), x.strip().lower()) for x in listed(state)]
        for value in states:
            if value not in STATES:
                raise BadInput("state.unknown", value=value,
                               choices="selesai, terlambat, segera, mendatang, tanpa-tenggat (" + ", ".join(STATES) + ")")
        tag = list(listed(tag))
        statuses = [x for x in self._statuses(self.filters(stakeholder, phase, region))
                    if (not states or x.state in states)
                    and (not tag or set(tag) & set(x.task.item.tags))
                    and (not critical or x.task.item.critical)
                    and (not blocked or x.blocked_by)]
        statuses.sort(key=urgency)
        return statuses

    def gonogo(self, stakeholder: Names = (), region: Names = (), *, reading=None):
        """The Go/No-Go poll (report.readiness.Poll) as of today, with the offices' declarations up to then
        (from `reading`, a command's one reading of the journal, when it has one)."""
        from pilkada_cli.report.readiness import latest_declarations, poll

        reading = reading or self._read(kinds=("declare",))
        statuses = self._statuses(self.filters(stakeholder, (), region), reading.states)
        declared = latest_declarations(reading.events, self.clock.cutoff(self.tz))
        return poll(self.plan, statuses, declared, (self.plan.vote_date - self.today).days, self.today)

    def risks(self, region: Names = (), level: Names = (), *, clock: Clock | None = None,
              states: dict | None = None, reading=None):
        """The vulnerability register (report.risk.Register) as of today (or `clock`, with its `states`), its
        entries within `region` and `level`; the assessments from `reading` when the command has one."""
        from pilkada_cli.report.risk import assessments, register
        from pilkada_cli.report.status import evaluate_states

        region = list(self.filters((), (), region).regions)
        level = [level_name(x) for x in listed(level)]
        clock = clock or self.clock
        reading = reading or self._read(kinds=("assess",), states=states is None)
        statuses = evaluate_states(self.plan, states if states is not None else reading.states, clock)
        recorded = assessments(reading.events, clock.cutoff(self.tz))
        result = register(self.plan, statuses, recorded,
                          lambda place: clock.today(dates.zone(self.plan.timezone_for(place))))
        if region or level:
            result.entries = [e for e in result.entries if (not region or (e.region and e.region.id in region))
                              and (not level or e.level in level)]
        return result

    def log(self, item: str | None = None, stakeholder: Names = (), by: str | None = None,
            since: str | date | None = None) -> list[LogEntry]:
        """The journal's entries up to today, listed by the moment they speak for (`at`), with their proof."""
        from pilkada_cli.store.fold import fold_order

        start = None
        if since:
            day = since if isinstance(since, date) else self.day(since)
            start = datetime.combine(day, time.min, tzinfo=self.tz)
        wanted = log_filter(item, listed(stakeholder), by)
        events = [e for e in sorted(self.store.events(until=self.clock.cutoff(self.tz), since=start),
                                    key=fold_order) if wanted(e)]
        return [LogEntry(e, self.plan.knows(e.key), proof) for e, proof in zip(events, self.proofs(events))]

    def proofs(self, events: list[Event]) -> list[str]:
        """Each event proven, invalid or unsigned (spec section 16); a plan without keys verifies nothing."""
        if not self.plan.keys:
            return ["invalid" if e.signature else "unsigned" for e in events]
        from pilkada_cli.plan.keys import proof

        return [proof(self.plan, e) for e in events]

    def events(self, since: datetime | None = None) -> list[Event]:
        """Every event of the journal (from `since` on), in the order written."""
        return self.store.events(since=since)

    def summary_runs(self) -> list:
        return self.store.summary_runs()

    def check(self, head: str | None = None) -> CheckReport:
        """Every problem of this plan and its journal; with `head` (`N:CODE` of a daily summary) whether the
        journal still holds that head (check_plan)."""
        from pilkada_cli.tracker.plans import check_plan

        return check_plan(self.plan.root, head, bundled=self.plan.bundled)

    def briefing(self):
        """What the briefing page shows: the status, progress over time, the poll, the register, the head."""
        from pilkada_cli.report.briefing import history
        from pilkada_cli.report.tally import build_status

        reading = self._read(head=True, kinds=None)
        cutoff = self.clock.cutoff(self.tz)
        status = build_status(self.plan, reading.states, self.clock)
        past = history(self.plan, [e for e in reading.events if cutoff is None or e.ts < cutoff], status.today)
        return status, past, self.gonogo(reading=reading), self.risks(reading=reading), reading.head

    # -- writing

    def refuse_future_write(self) -> None:
        """A write dated with `on` may be late, never early: a future date would be recorded as now."""
        if self.on is not None and self.on > dates.today_in(self.tz, self.now):
            raise BadInput("write.future_on", day=self.on.isoformat(),
                           today=dates.today_in(self.tz, self.now).isoformat())

    def moment(self, zones: list[str] | None = None) -> datetime | None:
        """The time a write is dated with: None, so the store times it inside its write lock; `on` a day, the last
        second of that day (in the earliest-ending of the items' time zones, so the entry belongs to that day
        everywhere); a fixed clock's time (`fixed_clock`: tests)."""
        if self.on is None:
            return self.now if self.fixed_clock else None
        ends = [dates.end_of_day_utc(self.on, dates.zone(z)) for z in (zones or [self.plan.timezone])]
        return min(self.now, min(ends) - timedelta(seconds=1))

    def signer(self, env: Mapping[str, str] | None = None):
        """The key that signs what this tracker writes (spec section 16), or None: a plan without `keys:` loads no
        cryptography."""
        if not self.plan.keys:
            return None
        from pilkada_cli.plan.keys import signer_for

        return signer_for(self.plan, self.store.identity(), os.environ if env is None else env)

    def identity(self) -> str:
        return self.store.identity()

    def tasks(self, refs: str | Task | Iterable[str | Task], region: str | None = None) -> list[Task]:
        """The instances named (`stakeholder/item`, a unique `item`, either with `@region`), each once."""
        from pilkada_cli.plan import find_task

        found = (ref if isinstance(ref, Task) else find_task(self.plan, ref, region) for ref in listed(refs))
        return list({task.key: task for task in found}.values())

    def ticks_from(self, text: str, source: str, region: str | None, number: Callable[[str], float]
                   ) -> tuple[list[Task], dict[str, float]]:
        """`tick --from`: the tasks and values of a tick list (entries.read_tick_list), every line checked."""
        from pilkada_cli.tracker.entries import read_tick_list

        return read_tick_list(self.plan, text, source, region, number)

    def tick(self, items: str | Task | Iterable[str | Task], *, region: str | None = None, value: float | None = None,
             undo: bool = False, note: str | None = None, on_behalf_of: str | None = None,
             values: dict[str, float] | None = None) -> TickResult:
        """Record items done, a value (`value`, or per instance key in `values`), an undo or a note, in one
        transaction (store.tick), and the statuses of the offices touched after it, read in the same call.
        `items` are references as `tasks` takes them (with `region`), or the tasks themselves."""
        from pilkada_cli.report.status import evaluate_states
        from pilkada_cli.store.tick import tick as record_tick

        self.refuse_future_write()
        if undo and (value is not None or values):
            raise BadInput("tick.undo_and_value")
        tasks = self.tasks(items, region)
        if not tasks:
            raise BadInput("tick.nothing")
        moment = self.moment(sorted({self.plan.timezone_for(task.region) for task in tasks}))
        touched = list(dict.fromkeys((task.item.stakeholder, task.region) for task in tasks))
        bulk = len(tasks) > BULK_FROM
        offices = {place: self.plan.tasks_of(*place) for place in (touched[:BULK_OFFICES] if bulk else touched)}
        outcomes, states = record_tick(self.plan, self.store, tasks, moment, on_behalf_of, value=value, undo=undo,
                                       note=note, values=values or {},
                                       show=[task.key for office in offices.values() for task in office],
                                       signer=self.signer())
        evaluated = {place: evaluate_states(self.plan, states, self.clock, tasks=office)
                     for place, office in offices.items()}
        return TickResult(outcomes, evaluated, touched, bulk)

    def declare(self, stakeholder: Names, call: str, region: Names = (), note: str | None = None,
                on_behalf_of: str | None = None) -> str:
        """An office's own Go/No-Go call (spec section 11: GO, GO-WITH-CONDITIONS or NO-GO), recorded in the
        journal: one stakeholder, and its region for a per-region one. Returns the office's name."""
        import json

        from pilkada_cli.model import NewEvent, declaration_item
        from pilkada_cli.store.tick import check_editors, check_note
        from pilkada_cli.tracker.entries import declaration

        office, region, call = declaration(self.plan, self.filters(stakeholder, (), region), call)
        self.refuse_future_write()
        signer = self.signer()
        identity = signer.identity if signer is not None else self.store.identity()
        check_note(note)
        check_editors(self.plan, identity, {(office.id, region)})
        self.store.append([NewEvent(declaration_item(office.id), region, "declare", None, identity, note, on_behalf_of,
                                    detail=json.dumps({"call": call}))],
                          self.moment([self.plan.timezone]), signer=signer)
        return self.plan.office_name(office, self.plan.region(region) if region else None)

    def assess(self, ref: str, level: str, stage: str | None = None, note: str | None = None,
               on_behalf_of: str | None = None) -> tuple[str, str, str]:
        """A risk's reassessment (spec section 12), recorded in the journal; returns (risk@region, level, stage)."""
        import json

        from pilkada_cli.model import NewEvent, assessment_item
        from pilkada_cli.store.tick import check_note
        from pilkada_cli.tracker.entries import assessment

        risk_id, region, level, stage = assessment(self.plan, self.clock, ref, level, stage)
        self.refuse_future_write()
        check_note(note)
        signer = self.signer()
        identity = signer.identity if signer is not None else self.store.identity()  # open to every identity
        self.store.append([NewEvent(assessment_item(risk_id), region.id if region else None, "assess", None, identity,
                                    note, on_behalf_of,
                                    detail=json.dumps({"level": level, "stage": stage}, sort_keys=True))],
                          self.moment([self.plan.timezone_for(region)]), signer=signer)
        return ref.strip().lower(), level, stage

    # -- the journal itself

    def db_init(self) -> tuple[str, list[str], list[str]]:
        """`pilkada db init` (spec section 13): the journal as named, the migrations applied now, and the
        stakeholders with editors. A SQLite journal refuses (BadInput db.not_postgres)."""
        applied = self.store.init({x.id: (x.per_region, x.editors) for x in self.plan.stakeholders},
                                  [r.id for r in self.plan.regions],
                                  {(i.full_id, region): target for i in self.plan.items
                                   for region, target in (("*", i.target), *i.region_targets) if target is not None},
                                  tuple(self.plan.keys), self.plan.require_signatures, self._index())
        return self.store.path, applied, [x.id for x in self.plan.stakeholders if x.editors is not None]

    def export_events(self, since: str | date | None = None) -> str:
        """`journal export`: the events (from the start of `since` on) as JSON Lines (spec section 13)."""
        from pilkada_cli.exchange import export_text

        start = None
        if since:
            day = since if isinstance(since, date) else self.day(since)
            start = datetime.combine(day, time.min, tzinfo=self.tz)
        return export_text(self.store.events(since=start), self.plan.id)

    def import_events(self, text: str, source: str) -> tuple[int, int]:
        """`journal import`: every line checked, then the new events added in one transaction: (added, held)."""
        from pilkada_cli.exchange import bring_in, checked, read_text

        return bring_in(self.store, checked(self.plan, read_text(text, source), self.now))

    def sync(self, other: str) -> tuple[int, int, str]:
        """`journal sync`: this journal and another (a postgresql:// URL or a SQLite file) take each other's
        events, each side's checked before anything is written: (sent, received, the other as named)."""
        from pilkada_cli.exchange import bring_in, checked, lines_of
        from pilkada_cli.store import is_url, open_store

        if not is_url(other) and not Path(other).is_file():
            raise BadInput("sync.not_found", path=other)
        remote = open_store(other if is_url(other) else Path(other), self.plan.id)
        outgoing = checked(self.plan, lines_of(self.store.events(), self.plan.id, str(self.store.path)), self.now)
        incoming = checked(self.plan, lines_of(remote.events(), self.plan.id, str(remote.path)), self.now)
        sent, _ = bring_in(remote, outgoing)
        received, _ = bring_in(self.store, incoming)
        return sent, received, str(remote.path)
