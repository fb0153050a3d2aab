"""The everyday commands: `status`, `list` and `tick`."""

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from pilkada_cli.cli.app import (BlockedOpt, ByOpt, ColorOpt, CriticalOpt, HELP, JsonOpt, LangOpt, NoteOpt, OnOpt,
                                 PhaseOpt, PlanOpt, RegionOpt, Session, StakeholderOpt, StateOpt, TagOpt, actor, app,
                                 handled)
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
    s = Session(plan, on, lang)
    if by not in (None, "region", "wilayah"):
        raise BadInput("status.bad_by", value=by)
    report = s.tracker.status(stakeholder, phase, region, every_item=as_json, limit=limit, by_region=bool(by))
    if as_json:
        s.print_json(report.to_dict())
        return
    from pilkada_cli.render.terminal import regions_view, status_view

    if by:
        s.print(regions_view(report, s.lang, s.width))
        return
    rest = ["pilkada list", *(f"--stakeholder {x}" for x in stakeholder), *(f"--phase {x}" for x in phase),
            *(f"--region {x}" for x in region), *([f"--on {s.on.isoformat()}"] if s.on else [])]
    path = s.tracker.critical_path(report) if not (stakeholder or phase or region) else None
    extra = None
    if path is not None:
        from pilkada_cli.render.readiness import critical_path_text

        extra = critical_path_text(path, s.lang)
    if report.offices is not None:
        from rich.console import Group

        from pilkada_cli.render.offices import reach_view

        extra = Group(*([extra] if extra is not None else []), reach_view(report.offices, s.tz, s.lang, s.width))
    # compact by default, one row per stakeholder; its phases with --phases or for one stakeholder
    show_phases = phases or len(stakeholder) == 1 or bool(phase)
    s.print(status_view(report, s.lang, limit, s.width, " ".join(rest), extra, show_phases))


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
    statuses = s.tracker.items(stakeholder, phase, region, state, tag, critical, blocked)
    if as_json:
        s.print_json([x.to_dict() for x in statuses])
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


def into_pipe() -> bool:
    """Whether the output goes to a program (a pipe or a file), not a person at a terminal."""
    return not sys.stdout.isatty()


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
    from pilkada_cli.safe_text import valid_utf8
    from pilkada_cli.values import parse_value

    s = Session(plan, on, lang)
    value = parse_value(value_text, s.lang) if value_text is not None else None
    note = valid_utf8(note) if note is not None else None
    values: dict[str, float] = {}
    if from_file is not None:
        try:
            text = sys.stdin.read() if from_file == "-" else Path(from_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BadInput("import.unreadable", path=from_file,
                           reason=getattr(exc, "strerror", None) or str(exc)) from None
        items, values = s.tracker.ticks_from(text, from_file, region, lambda number: parse_value(number, s.lang))
    result = s.tracker.tick(items or [], region=region, value=value, undo=undo, note=note, on_behalf_of=actor(by),
                            values=values)
    s.print("\n".join(tick_lines(s, result)))


def tick_lines(s: Session, result) -> list[str]:
    """What a tick says: each item and its office's progress; for a bulk tick, counts per outcome and the
    progress of each office shown."""
    from collections import Counter

    from pilkada_cli.i18n import fmt_completion, fmt_pct
    from pilkada_cli.report.status import Group

    progress = {place: fmt_pct(Group.of(statuses).progress, s.lang) for place, statuses in result.offices.items()}
    lines = []
    if result.bulk:
        counts = Counter(o.outcome for o in result.outcomes)
        lines.append(t("tick.bulk", s.lang, count=len(result.outcomes), detail=", ".join(
            f"{t('tick.kind.' + kind, s.lang)} {n}" for kind, n in sorted(counts.items()))))
        for (stakeholder_id, region), value in progress.items():
            lines.append("  " + t("tick.stakeholder_progress", s.lang, progress=value,
                                  name=s.plan.office_name(s.plan.stakeholder(stakeholder_id), region)))
        if len(result.touched) > len(result.offices):
            lines.append("  " + t("tick.more_offices", s.lang, count=len(result.touched) - len(result.offices)))
        return lines
    for place in result.touched:  # each office's items, then its progress once, after them all
        for outcome in (o for o in result.outcomes if (o.task.item.stakeholder, o.task.region) == place):
            task = outcome.task
            status = result.status_of(task.key)
            lines.append(t(f"tick.{outcome.outcome}", s.lang, id=task.key, state=t(f"state.{status.state}", s.lang),
                           completion=fmt_completion(status.completion, status.item_state.value, task.target,
                                                     task.item.unit, s.lang)))
        stakeholder_id, region = place
        lines.append("  " + t("tick.stakeholder_progress", s.lang, progress=progress[place],
                              name=s.plan.office_name(s.plan.stakeholder(stakeholder_id), region)))
    return lines
