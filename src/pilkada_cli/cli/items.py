"""The everyday commands: `status`, `list` and `tick`."""

import sys
from typing import Annotated, Optional

import typer

from pilkada_cli.cli.app import (HELP, JsonOpt, LangOpt, OnOpt, PhaseOpt, PlanOpt, RegionOpt, Session, StakeholderOpt,
                                 _filters, actor, app, handled)
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
    as_json: JsonOpt = False,
    plan: PlanOpt = None,
    on: OnOpt = None,
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.report.status import build_status

    s = Session(plan, on, lang)
    if by not in (None, "region", "wilayah"):
        raise BadInput("status.bad_by", value=by)
    if by and not s.plan.regions:
        raise BadInput("status.no_regions")
    report = build_status(s.plan, s.states(), s.clock, _filters(stakeholder, phase, region, s))
    if as_json:
        s.print_json(report.to_dict())
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
    s.print(status_view(report, s.lang, limit, s.width, " ".join(rest), extra))


@app.command("list", help=t("help.list", HELP), epilog=t("help.list.example", HELP))
@handled
def list_items(
    stakeholder: StakeholderOpt = [],  # noqa: B006
    phase: PhaseOpt = [],  # noqa: B006
    region: RegionOpt = [],  # noqa: B006
    state: Annotated[list[str], typer.Option("--state", help=t("help.opt.state", HELP), show_default=False)] = [],  # noqa: B006
    tag: Annotated[list[str], typer.Option("--tag", help=t("help.opt.tag", HELP), show_default=False)] = [],  # noqa: B006
    critical: Annotated[bool, typer.Option("--critical", help=t("help.opt.critical", HELP))] = False,
    blocked: Annotated[bool, typer.Option("--blocked", help=t("help.opt.blocked", HELP))] = False,
    as_json: JsonOpt = False,
    plan: PlanOpt = None,
    on: OnOpt = None,
    lang: LangOpt = None,
) -> None:
    s = Session(plan, on, lang)
    statuses = selected(s, stakeholder, phase, region, state, tag, critical, blocked)
    if as_json:
        s.print_json([x.to_dict() for x in statuses])
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


_STATE_ALIASES = {"selesai": "done", "terlambat": "overdue", "segera": "due_soon", "mendatang": "upcoming",
                  "tanpa-tenggat": "no_due", "due-soon": "due_soon", "no-due": "no_due"}


def _state_name(value: str) -> str:
    value = value.strip().lower()
    return _STATE_ALIASES.get(value, value)


@app.command(help=t("help.tick", HELP), epilog=t("help.tick.example", HELP))
@handled
def tick(
    items: Annotated[list[str], typer.Argument(help=t("help.arg.items", HELP), show_default=False)],
    value_text: Annotated[Optional[str], typer.Option("--value", help=t("help.opt.value", HELP),
                                                   show_default=False)] = None,
    undo: Annotated[bool, typer.Option("--undo", help=t("help.opt.undo", HELP))] = False,
    note: Annotated[Optional[str], typer.Option("--note", help=t("help.opt.note", HELP), show_default=False)] = None,
    by: Annotated[Optional[str], typer.Option("--by", help=t("help.opt.by", HELP), show_default=False)] = None,
    region: Annotated[Optional[str], typer.Option("--region", "-r", help=t("help.opt.tick_region", HELP),
                                                  show_default=False)] = None,
    plan: PlanOpt = None,
    on: OnOpt = None,
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.plan import find_task
    from pilkada_cli.store.tick import tick as record_tick
    from pilkada_cli.i18n import fmt_completion, fmt_pct
    from pilkada_cli.report.status import Group, evaluate_states

    s = Session(plan, on, lang)
    from pilkada_cli.values import parse_value

    from pilkada_cli.safe_text import valid_utf8

    value = parse_value(value_text) if value_text is not None else None
    note = valid_utf8(note) if note is not None else None
    s.refuse_future_write()
    if undo and value is not None:
        raise BadInput("tick.undo_and_value")
    tasks = list({task.key: task for task in (find_task(s.plan, ref, region) for ref in items)}.values())
    moment = s.record_moment([s.plan.timezone_for(task.region) for task in tasks])
    outcomes = record_tick(s.plan, s.journal, tasks, moment, actor(by), value=value, undo=undo, note=note)
    # Each item's stakeholder (in its region) is all that is shown: only those items are read, at once.
    offices = {(o.task.item.stakeholder, o.task.region): s.plan.tasks_of(o.task.item.stakeholder, o.task.region)
               for o in outcomes}
    states = s.states([task.key for office in offices.values() for task in office])
    lines = []
    for outcome in outcomes:
        task = outcome.task
        statuses = evaluate_states(s.plan, states, s.clock, tasks=offices[(task.item.stakeholder, task.region)])
        status = next(x for x in statuses if x.key == task.key)
        stakeholder = s.plan.stakeholder(task.item.stakeholder)
        lines.append(t(f"tick.{outcome.outcome}", s.lang, id=task.key,
                       state=t(f"state.{status.state}", s.lang),
                       completion=fmt_completion(status.completion, status.item_state.value, task.item.target,
                                                 task.item.unit, s.lang)))
        lines.append("  " + t("tick.stakeholder_progress", s.lang, name=stakeholder.display_name(task.region),
                              progress=fmt_pct(Group.of(statuses).progress, s.lang)))
    s.print("\n".join(lines))
