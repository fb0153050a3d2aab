"""Readiness commands: `pilkada gonogo` (the poll, and an office's own declaration) and `pilkada risk`
(the vulnerability register, and `risk assess` to record a reassessment)."""

from typing import Annotated, Optional

import typer

from pilkada_cli.cli.app import (ByOpt, ColorOpt, HELP, JsonOpt, LangOpt, NoteOpt, OnOpt, PlanOpt, RegionOpt,
                                 Session, StakeholderOpt, actor, app, handled)
from pilkada_cli.i18n import t

EXIT_NO_GO = 3
risk_app = typer.Typer(help=t("help.risk", HELP), epilog=t("help.risk.example", HELP), add_completion=False,
                       rich_markup_mode=None, invoke_without_command=True)
app.add_typer(risk_app, name="risk")


@app.command(help=t("help.gonogo", HELP), epilog=t("help.gonogo.example", HELP))
@handled
def gonogo(
    stakeholder: StakeholderOpt = [],  # noqa: B006
    region: RegionOpt = [],  # noqa: B006
    declare: Annotated[Optional[str], typer.Option("--declare", help=t("help.opt.declare", HELP),
                                                   show_default=False)] = None,
    note: NoteOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
    plan: PlanOpt = None,
    on: OnOpt = None,
    color: ColorOpt = None,
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.safe_text import valid_utf8

    s = Session(plan, on, lang)
    if declare is not None:
        office = s.tracker.declare(stakeholder, declare, region, valid_utf8(note) if note else None, actor(by))
        s.print(t("gonogo.recorded", s.lang, office=office, call=declare.strip().upper().replace("_", "-")))
        return
    result = s.tracker.gonogo(stakeholder, region)
    if as_json:
        s.print_json(result.to_dict())
    else:
        from pilkada_cli.render.readiness import poll_view

        s.print(poll_view(s.plan, result, s.lang, s.width, fold=not (stakeholder or region)))
    if result.call != "GO":
        raise typer.Exit(EXIT_NO_GO)


@risk_app.callback()
@handled
def risk(
    ctx: typer.Context,
    region: RegionOpt = [],  # noqa: B006
    level: Annotated[list[str], typer.Option("--level", help=t("help.opt.level", HELP), show_default=False)] = [],  # noqa: B006
    as_json: JsonOpt = False,
    plan: PlanOpt = None,
    on: OnOpt = None,
    color: ColorOpt = None,
    lang: LangOpt = None,
) -> None:
    if ctx.invoked_subcommand is not None:
        return
    s = Session(plan, on, lang)
    result = s.tracker.risks(region, level)
    if as_json:
        s.print_json(result.to_dict())
        return
    if not s.plan.risks:
        s.print(t("risk.none", s.lang))
        return
    from pilkada_cli.render.readiness import register_view

    s.print(register_view(s.plan, result, s.lang, s.width, fold=not region))


@risk_app.command("assess", help=t("help.risk.assess", HELP), epilog=t("help.risk.assess.example", HELP))
@handled
def assess(
    ref: Annotated[str, typer.Argument(help=t("help.arg.risk", HELP), show_default=False)],
    level: Annotated[str, typer.Option("--level", help=t("help.opt.level", HELP), show_default=False)],
    stage: Annotated[Optional[str], typer.Option("--stage", help=t("help.opt.stage", HELP),
                                                 show_default=False)] = None,
    note: NoteOpt = None,
    by: ByOpt = None,
    plan: PlanOpt = None,
    on: OnOpt = None,
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.safe_text import valid_utf8

    s = Session(plan, on, lang)
    ref, level, stage = s.tracker.assess(ref, level, stage, valid_utf8(note) if note else None, actor(by))
    s.print(t("risk.recorded", s.lang, id=ref, level=t(f"level.{level}", s.lang), stage=t(f"stage.long.{stage}", s.lang)))
