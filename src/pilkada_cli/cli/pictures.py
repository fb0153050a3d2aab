"""Pictures for people who would rather look (spec section 14): `pilkada report --html` (the briefing
page), `pilkada timeline` (a Gantt chart in the terminal) and `pilkada export` (CSV, iCalendar, JSON)."""

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from pilkada_cli.cli.app import (BlockedOpt, ColorOpt, CriticalOpt, HELP, LangOpt, OnOpt, PhaseOpt, PlanOpt,
                                 RegionOpt, Session, StakeholderOpt, StateOpt, TagOpt, app, handled, json_text,
                                 output_file)
from pilkada_cli.errors import BadInput
from pilkada_cli.i18n import t


@app.command(help=t("help.report", HELP), epilog=t("help.report.example", HELP))
@handled
def report(
    html: Annotated[Path, typer.Option("--html", help=t("help.opt.html", HELP), show_default=False)],
    refresh: Annotated[Optional[int], typer.Option("--refresh", min=10, max=86_400,  # a day at most
                                                   help=t("help.opt.refresh", HELP), show_default=False)] = None,
    plan: PlanOpt = None,
    on: OnOpt = None,
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.delivery import check_output, write_atomic
    from pilkada_cli.render.html import briefing

    s = Session(plan, on, lang)
    output = output_file(html)  # `--html -`: the page on standard output
    if output is not None:
        check_output(output)
    status, past, poll, register, head = s.tracker.briefing()
    page = briefing(status, past, poll, register, s.lang, refresh, s.now.astimezone(s.tz).strftime("%Y-%m-%d %H:%M"),
                    head)
    if output is None:
        sys.stdout.write(page)
        return
    write_atomic(output, page)
    sys.stderr.write(t("html.written", s.lang, path=str(output)) + "\n")


@app.command(help=t("help.timeline", HELP), epilog=t("help.timeline.example", HELP))
@handled
def timeline(
    stakeholder: StakeholderOpt = [],  # noqa: B006
    region: RegionOpt = [],  # noqa: B006
    plan: PlanOpt = None,
    on: OnOpt = None,
    color: ColorOpt = None,
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.render.timeline import timeline_view

    s = Session(plan, on, lang)
    s.print(timeline_view(s.plan, s.tracker.statuses(stakeholder, (), region), s.tracker.today, s.lang, s.width))


@app.command(help=t("help.export", HELP), epilog=t("help.export.example", HELP))
@handled
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help=t("help.opt.export_format", HELP))] = "csv",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=t("help.opt.output_only", HELP),
                                                   show_default=False)] = None,
    excel: Annotated[bool, typer.Option("--excel", help=t("help.opt.excel", HELP))] = False,
    stakeholder: StakeholderOpt = [],  # noqa: B006
    phase: PhaseOpt = [],  # noqa: B006
    region: RegionOpt = [],  # noqa: B006
    state: StateOpt = [],  # noqa: B006
    tag: TagOpt = [],  # noqa: B006
    critical: CriticalOpt = False,
    blocked: BlockedOpt = False,
    plan: PlanOpt = None,
    on: OnOpt = None,
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.delivery import check_output, write_atomic
    from pilkada_cli.render.export import as_csv, as_ics

    fmt = fmt.strip().lower()
    if fmt not in ("csv", "ics", "json"):
        raise BadInput("export.bad_format", value=fmt[:20])
    s = Session(plan, on, lang)
    output = output_file(output)
    if output is not None:
        check_output(output)
    if fmt == "json":
        data: str | bytes = json_text(s.tracker.status(stakeholder, phase, region).to_dict()) + "\n"
    else:
        statuses = s.tracker.items(stakeholder, phase, region, state, tag, critical, blocked)
        data = as_csv(statuses, excel, s.lang) if fmt == "csv" else as_ics(s.plan, statuses, s.now, s.lang)
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    if output is None:
        if fmt == "json":
            from pilkada_cli.safe_text import json_output

            json_output(sys.stdout)
        sys.stdout.write(text)
    else:
        write_atomic(output, text)
