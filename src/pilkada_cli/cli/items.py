"""The everyday commands: `status`, `list` and `tick`."""

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from pilkada_cli.cli.app import (BlockedOpt, ByOpt, ColorOpt, CriticalOpt, HELP, JsonOpt, LangOpt, NoteOpt, OnOpt,
                                 PhaseOpt, PlanOpt, RegionOpt, Session, StakeholderOpt, StateOpt, TagOpt, _filters,
                                 actor, app, handled)
from pilkada_cli.cli import complete
from pilkada_cli.errors import BadInput
from pilkada_cli.i18n import t


@app.command(help=t("help.status", HELP), epilog=t("help.status.example", HELP))
@handled
def status(
    stakeholder: StakeholderOpt = [],  # noqa: B006 - typer reads the default
    phase: PhaseOpt = [],  # noqa: B006
    region: RegionOpt = [],  # noqa: B006
    by: Annotated[Optional[str], typer.Option("--by", help=t("help.opt.by_view", HELP), show_default=False)] = None,
    limit: Annotated[int, typer.Option("--limit", min=0, help=t("help.opt.limit", HELP))] = 15,
    phases: Annotated[bool, typer.Option("--phases", help=t("help.opt.phases", HELP))] = False,
    as_json: JsonOpt = False,
    plan: PlanOpt = None,
    on: OnOpt = None,
    color: ColorOpt = None,
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.report.tally import build_status

    s = Session(plan, on, lang)
    if by not in (None, "region", "wilayah"):
        raise BadInput("status.bad_by", value=by)
    if by and not s.plan.regions:
        raise BadInput("status.no_regions")
    filters = _filters(stakeholder, phase, region, s)
    report = None if as_json else counted_status(s, filters, limit, bool(by))
    if report is None:
        report = build_status(s.plan, s.states(), s.clock, filters, every_item=as_json)
    reaches = _reach(s)
    if as_json:
        data = report.to_dict(items=False)
        if reaches is not None:
            data["offices"] = [r.to_dict() for r in reaches]
        s.print_json(data, rows=("items", report.item_dicts, report.item_texts))
        return
    from pilkada_cli.render.terminal import regions_view, status_view

    if by:
        s.print(regions_view(report, s.lang, s.width))
        return
    rest = ["pilkada list", *(f"--stakeholder {x}" for x in stakeholder), *(f"--phase {x}" for x in phase),
            *(f"--region {x}" for x in region), *([f"--on {s.on.isoformat()}"] if s.on else [])]
    from pilkada_cli.report.readiness import critical_path

    path = critical_path(s.plan, report.statuses) if not (stakeholder or phase or region) else None
    extra = None
    if path is not None:
        from pilkada_cli.render.readiness import critical_path_text

        extra = critical_path_text(path, s.lang)
    if reaches is not None:
        from rich.console import Group

        from pilkada_cli.render.offices import reach_view

        extra = Group(*([extra] if extra is not None else []), reach_view(reaches, s.tz, s.lang, s.width))
    # compact by default, one row per stakeholder; its phases with --phases or for one stakeholder
    show_phases = phases or len(stakeholder) == 1 or bool(phase)
    s.print(status_view(report, s.lang, limit, s.width, " ".join(rest), extra, show_phases))


def _reach(s: Session):
    """When each office in `contacts:` last got its digest (up to the day shown), or None for a plan without."""
    if not s.plan.contacts:
        return None
    from pilkada_cli.report.offices import offices, reach

    today = s.clock.today(s.tz).isoformat()
    return reach(offices(s.plan), [run for run in s.journal.summary_runs() if run.day <= today])


COUNT_IN_SQL_FROM = 5_000  # instances (at most items x regions): below that, counting in Python is quicker


def counted_status(s: Session, filters, limit: int, by_region: bool):
    """The status report counted in SQL by the journal's database (today's, not a replay); None where that
    cannot be done, and the caller counts in Python."""
    if s.on is not None or len(s.plan.items) * max(1, len(s.plan.regions)) < COUNT_IN_SQL_FROM:
        return None
    from pilkada_cli.plan.index import instance_index, server_rows
    from pilkada_cli.store.sqlite import Journal

    index = instance_index(s.plan)
    if index is None:
        return None
    if isinstance(s.journal, Journal):
        from pilkada_cli.store.sqlite_tally import count

        source = index
    else:
        from pilkada_cli.store.pg_tally import count

        source = server_rows(index)
        if source is None:
            return None
    from pilkada_cli.report.deps import chain_tasks, on_chains
    from pilkada_cli.report.tally import from_counts, zone_days

    chains = on_chains(s.plan)
    counted = count(s.journal, source, s.plan.targets(), zone_days(s.plan, s.clock), s.plan.due_soon_days,
                    filters.stakeholders, filters.phases, filters.regions, chains, limit, by_region)
    if counted is None:
        return None
    keys = [task.key for task in chain_tasks(s.plan)]
    return from_counts(s.plan, counted, s.clock, filters, s.states(keys) if keys else {})


@app.command("list", help=t("help.list", HELP), epilog=t("help.list.example", HELP))
@handled
def list_items(
    stakeholder: StakeholderOpt = [],  # noqa: B006
    phase: PhaseOpt = [],  # noqa: B006
    region: RegionOpt = [],  # noqa: B006
    state: StateOpt = [],  # noqa: B006
    tag: TagOpt = [],  # noqa: B006
    critical: CriticalOpt = False,
    blocked: BlockedOpt = False,
    as_json: JsonOpt = False,
    plan: PlanOpt = None,
    on: OnOpt = None,
    color: ColorOpt = None,
    lang: LangOpt = None,
) -> None:
    s = Session(plan, on, lang)
    statuses = selected(s, stakeholder, phase, region, state, tag, critical, blocked)
    if as_json:
        from pilkada_cli.report.status import json_items

        s.print_json_list(lambda: (x.to_dict() for x in statuses), lambda: json_items(statuses))
        return
    if into_pipe():  # one line per item, however many (render/export.as_lines)
        from pilkada_cli.render.export import as_lines

        sys.stdout.write(as_lines(statuses, s.lang))
        return
    from pilkada_cli.render.terminal import PLAIN_LIST_FROM, items_plain, items_table

    if len(statuses) >= PLAIN_LIST_FROM:
        sys.stdout.write(items_plain(statuses, s.lang))
    else:
        s.print(items_table(statuses, s.lang, s.width))


def selected(s: Session, stakeholder: list[str], phase: list[str], region: list[str], state: list[str],
             tag: list[str], critical: bool, blocked: bool) -> list:
    """The items `list` (and `export`) show with these filters, most urgent first."""
    from pilkada_cli.report.status import STATES, evaluate_states, urgency

    states = [_state_name(x) for x in state]
    for value in states:
        if value not in STATES:
            raise BadInput("state.unknown", value=value,
                           choices="selesai, terlambat, segera, mendatang, tanpa-tenggat (" + ", ".join(STATES) + ")")
    statuses = evaluate_states(s.plan, s.states(), s.clock, _filters(stakeholder, phase, region, s))
    statuses = [x for x in statuses
                if (not states or x.state in states)
                and (not tag or set(tag) & set(x.task.item.tags))
                and (not critical or x.task.item.critical)
                and (not blocked or x.blocked_by)]
    statuses.sort(key=urgency)
    return statuses


def into_pipe() -> bool:
    """Whether the output goes to a program (a pipe or a file), not a person at a terminal."""
    return not sys.stdout.isatty()


_STATE_ALIASES = {"selesai": "done", "terlambat": "overdue", "segera": "due_soon", "mendatang": "upcoming",
                  "tanpa-tenggat": "no_due", "due-soon": "due_soon", "no-due": "no_due"}


def _state_name(value: str) -> str:
    value = value.strip().lower()
    return _STATE_ALIASES.get(value, value)


@app.command(help=t("help.tick", HELP), epilog=t("help.tick.example", HELP))
@handled
def tick(
    items: Annotated[Optional[list[str]], typer.Argument(help=t("help.arg.items", HELP), show_default=False,
                                                         autocompletion=complete.items)] = None,
    value_text: Annotated[Optional[str], typer.Option("--value", help=t("help.opt.value", HELP),
                                                      show_default=False)] = None,
    undo: Annotated[bool, typer.Option("--undo", help=t("help.opt.undo", HELP))] = False,
    note: NoteOpt = None,
    by: ByOpt = None,
    region: Annotated[Optional[str], typer.Option("--region", "-r", help=t("help.opt.tick_region", HELP),
                                                  show_default=False)] = None,
    from_file: Annotated[Optional[str], typer.Option("--from", help=t("help.opt.from", HELP),
                                                     show_default=False)] = None,
    plan: PlanOpt = None,
    on: OnOpt = None,
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.plan import find_task
    from pilkada_cli.safe_text import valid_utf8
    from pilkada_cli.store.tick import tick as record_tick
    from pilkada_cli.values import parse_value

    s = Session(plan, on, lang)
    value = parse_value(value_text, s.lang) if value_text is not None else None
    note = valid_utf8(note) if note is not None else None
    s.refuse_future_write()
    if undo and value is not None:
        raise BadInput("tick.undo_and_value")
    values: dict[str, float] = {}
    if from_file is not None:
        tasks, values = _read_ticks(s, from_file, region)
        if undo and values:
            raise BadInput("tick.undo_and_value")
    elif not items:
        raise BadInput("tick.nothing")
    else:
        tasks = list({task.key: task for task in (find_task(s.plan, ref, region) for ref in items)}.values())
    moment = s.record_moment(sorted({s.plan.timezone_for(task.region) for task in tasks}))
    offices = _offices_shown(s, tasks)
    outcomes, states = record_tick(s.plan, s.journal, tasks, moment, actor(by), value=value, undo=undo, note=note,
                                   values=values, show=[task.key for office in offices.values() for task in office],
                                   signer=s.signer())
    s.print("\n".join(_tick_lines(s, outcomes, offices, states)))


def _read_ticks(s: Session, source: str, region: str | None) -> tuple[list, dict[str, float]]:
    """`tick --from`: one ITEM[@REGION] [VALUE] per line (a space or a comma before the value), `#` comments.
    Every line is checked before anything is written: one bad line writes nothing."""
    from pilkada_cli.errors import PilkadaError
    from pilkada_cli.plan import find_task
    from pilkada_cli.values import parse_value

    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput("import.unreadable", path=source, reason=getattr(exc, "strerror", None) or str(exc)) from None
    tasks: dict[str, object] = {}
    values: dict[str, float] = {}
    bad: list[str] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        ref, _, rest = line.partition(" ") if " " in line or "\t" in line else line.partition(",")
        ref, rest = ref.strip().rstrip(","), rest.strip().lstrip(",").strip()
        try:
            task = find_task(s.plan, ref, region)
            if rest:
                values[task.key] = parse_value(rest, s.lang)
        except PilkadaError as exc:
            bad.append(t("tick.from_line", s.lang, path=source, line=number, reason=t(exc.key, s.lang, **exc.params)))
            continue
        tasks[task.key] = task
    if bad:
        shown = bad[:BAD_LINES_SHOWN] + ([t("tick.from_more", s.lang, count=len(bad) - BAD_LINES_SHOWN)]
                                         if len(bad) > BAD_LINES_SHOWN else [])
        raise BadInput("tick.from_bad", path=source, count=len(bad), details=shown)
    if not tasks:
        raise BadInput("tick.nothing")
    return list(tasks.values()), values


BAD_LINES_SHOWN = 20  # a file of thousands of bad lines (the wrong plan's ids) needs the first few, and a count


BULK_FROM = 20  # past this many items a tick reports counts and offices, not a line per item
BULK_OFFICES = 10  # ... and the progress of this many offices (then how many more there are)


def _offices_shown(s: Session, tasks: list) -> dict:
    """The offices whose progress a tick prints, with their items: each office touched, or for a bulk tick the
    first few."""
    places = list(dict.fromkeys((task.item.stakeholder, task.region) for task in tasks))
    shown = places[:BULK_OFFICES] if len(tasks) > BULK_FROM else places
    return {place: s.plan.tasks_of(*place) for place in shown}


def _tick_lines(s: Session, outcomes: list, offices: dict, states: dict) -> list[str]:
    """What a tick says: each item and its office's progress; for a bulk tick, counts per outcome and the
    progress of each office touched. Each office is evaluated once, however many of its items were ticked."""
    from collections import Counter

    from pilkada_cli.i18n import fmt_completion, fmt_pct
    from pilkada_cli.report.status import Group, evaluate_states

    places = dict.fromkeys((o.task.item.stakeholder, o.task.region) for o in outcomes)
    bulk = len(outcomes) > BULK_FROM
    evaluated = {place: evaluate_states(s.plan, states, s.clock, tasks=tasks) for place, tasks in offices.items()}
    by_key = {status.key: status for statuses in evaluated.values() for status in statuses}
    progress = {place: fmt_pct(Group.of(statuses).progress, s.lang) for place, statuses in evaluated.items()}
    lines = []
    if bulk:
        counts = Counter(o.outcome for o in outcomes)
        lines.append(t("tick.bulk", s.lang, count=len(outcomes), detail=", ".join(
            f"{t('tick.kind.' + kind, s.lang)} {n}" for kind, n in sorted(counts.items()))))
        for (stakeholder_id, region), value in progress.items():
            lines.append("  " + t("tick.stakeholder_progress", s.lang, progress=value,
                                  name=s.plan.office_name(s.plan.stakeholder(stakeholder_id), region)))
        if len(places) > BULK_OFFICES:
            lines.append("  " + t("tick.more_offices", s.lang, count=len(places) - BULK_OFFICES))
        return lines
    for place in places:  # each office's items, then its progress once, after them all
        for outcome in (o for o in outcomes if (o.task.item.stakeholder, o.task.region) == place):
            task = outcome.task
            status = by_key[task.key]
            lines.append(t(f"tick.{outcome.outcome}", s.lang, id=task.key, state=t(f"state.{status.state}", s.lang),
                           completion=fmt_completion(status.completion, status.item_state.value, task.target,
                                                     task.item.unit, s.lang)))
        stakeholder_id, region = place
        lines.append("  " + t("tick.stakeholder_progress", s.lang, progress=progress[place],
                              name=s.plan.office_name(s.plan.stakeholder(stakeholder_id), region)))
    return lines
