"""Readiness commands: `pilkada gonogo` (the poll, and an office's own declaration) and `pilkada risk`
(the vulnerability register, and `risk assess` to record a reassessment)."""

import json
from typing import Annotated, Optional

import typer

from pilkada_cli import dates
from pilkada_cli.cli.app import (ByOpt, ColorOpt, HELP, JsonOpt, LangOpt, NoteOpt, OnOpt, PlanOpt, RegionOpt,
                                 Session, StakeholderOpt, _filters, actor, app, handled)
from pilkada_cli.errors import BadInput
from pilkada_cli.i18n import t

EXIT_NO_GO = 3
risk_app = typer.Typer(help=t("help.risk", HELP), epilog=t("help.risk.example", HELP), add_completion=False,
                       rich_markup_mode=None, invoke_without_command=True)
app.add_typer(risk_app, name="risk")


def poll_of(s: Session, filters=None):
    """The Go/No-Go poll as of the session's day (with the office declarations recorded up to then)."""
    from pilkada_cli.report.readiness import latest_declarations, poll
    from pilkada_cli.report.status import Filters, evaluate_states

    statuses = evaluate_states(s.plan, s.states(), s.clock, filters or Filters())
    today = s.clock.today(s.tz)
    declared = latest_declarations(s.journal.events(until=s.clock.cutoff(s.tz)))
    return poll(s.plan, statuses, declared, (s.plan.vote_date - today).days, today)


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
    s = Session(plan, on, lang)
    filters = _filters(stakeholder, [], region, s)
    if declare is not None:
        _declare(s, declare, filters, note, by)
        return
    result = poll_of(s, filters)
    if as_json:
        s.print_json(result.to_dict())
    else:
        from pilkada_cli.render.readiness import poll_view

        s.print(poll_view(s.plan, result, s.lang, s.width, fold=not (stakeholder or region)))
    if result.call != "GO":
        raise typer.Exit(EXIT_NO_GO)


def _declare(s: Session, call: str, filters, note: str | None, by: str | None) -> None:
    from pilkada_cli.model import NewEvent, declaration_item
    from pilkada_cli.safe_text import valid_utf8
    from pilkada_cli.store.tick import check_editors, check_note

    from pilkada_cli.model import CALLS

    call = call.strip().lower().replace("_", "-")
    if call not in CALLS:
        raise BadInput("gonogo.bad_call", value=call[:20])
    if len(filters.stakeholders) != 1:
        raise BadInput("gonogo.declare_needs_stakeholder")
    stakeholder = s.plan.stakeholder(filters.stakeholders[0])
    region = filters.regions[0] if filters.regions else None
    if stakeholder.per_region and s.plan.regions and (region is None or len(filters.regions) != 1):
        raise BadInput("gonogo.declare_needs_region", stakeholder=stakeholder.id)
    if not stakeholder.per_region and region:
        raise BadInput("tick.region_not_per_region", id=stakeholder.id)
    s.refuse_future_write()
    signer = s.signer()
    identity = signer.identity if signer is not None else s.journal.identity()
    note = valid_utf8(note) if note else None
    check_note(note)
    check_editors(s.plan, identity, {(stakeholder.id, region)})
    s.journal.append([NewEvent(declaration_item(stakeholder.id), region, "declare", None, identity, note, actor(by),
                               detail=json.dumps({"call": call}))], s.record_moment([s.plan.timezone]), signer=signer)
    office = s.plan.office_name(stakeholder, s.plan.region(region) if region else None)
    s.print(t("gonogo.recorded", s.lang, office=office, call=call.upper()))


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
    _filters([], [], region, s)
    result = register_of(s)
    levels = [level_name(value) for value in level]
    result.entries = [e for e in result.entries
                      if (not region or (e.region and e.region.id in region)) and (not levels or e.level in levels)]
    if as_json:
        s.print_json(result.to_dict())
        return
    if not s.plan.risks:
        s.print(t("risk.none", s.lang))
        return
    from pilkada_cli.render.readiness import register_view

    s.print(register_view(s.plan, result, s.lang, s.width, fold=not region))


LEVEL_WORDS = {"low": "rendah", "medium": "sedang", "high": "tinggi"}  # the English the help names


def level_name(value: str) -> str:
    """A risk level as the plan spells it (rendah, sedang, tinggi), given in Indonesian or English."""
    from pilkada_cli.model import LEVELS

    level = value.strip().lower()
    level = LEVEL_WORDS.get(level, level)
    if level not in LEVELS:
        raise BadInput("risk.bad_level", value=level[:20], choices=", ".join(LEVELS) + " (low, medium, high)")
    return level


def register_of(s: Session, clock=None, states=None):
    """The vulnerability register as of the session's day (or `clock` with `states`)."""
    from pilkada_cli.report.risk import assessments, register
    from pilkada_cli.report.status import evaluate_states

    clock = clock or s.clock
    statuses = evaluate_states(s.plan, states if states is not None else s.states(), clock)
    recorded = assessments(s.journal.events(until=clock.cutoff(s.tz)))
    return register(s.plan, statuses, recorded,
                    lambda region: clock.today(dates.zone(s.plan.timezone_for(region))))


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
    from pilkada_cli.model import NewEvent, assessment_item
    from pilkada_cli.plan.lookup import refuse_unknown
    from pilkada_cli.report.risk import STAGES, stage_on
    from pilkada_cli.safe_text import valid_utf8
    from pilkada_cli.store.tick import check_note

    s = Session(plan, on, lang)
    risk_id, _, region_id = ref.strip().lower().partition("@")
    risks = {r.id: r for r in s.plan.risks}
    if risk_id not in risks:
        refuse_unknown("risk", risk_id, list(risks))
    risk = risks[risk_id]
    places = [r.id for r in s.plan.regions if not risk.regions or r.id in risk.regions]
    if region_id and not s.plan.regions:
        raise BadInput("risk.no_regions", id=risk_id)
    if s.plan.regions and not region_id:
        raise BadInput("risk.region_needed", id=risk_id, regions=", ".join(places[:30]))
    if s.plan.regions and region_id not in places:
        if region_id not in {r.id for r in s.plan.regions}:
            refuse_unknown("region", region_id, [r.id for r in s.plan.regions])
        raise BadInput("risk.region_not_applicable", id=risk_id, region=region_id, regions=", ".join(places[:30]))
    level = level_name(level)
    region = s.plan.region(region_id) if region_id else None
    stage = (stage or stage_on(s.plan, region, s.clock.today(dates.zone(s.plan.timezone_for(region))))).lower()
    if stage not in STAGES:
        raise BadInput("risk.bad_stage", value=stage[:20], choices=", ".join(STAGES))
    s.refuse_future_write()
    note = valid_utf8(note) if note else None
    check_note(note)
    signer = s.signer()
    identity = signer.identity if signer is not None else s.journal.identity()  # open to every identity (spec 13)
    s.journal.append([NewEvent(assessment_item(risk_id), region_id or None, "assess", None, identity, note,
                               actor(by), detail=json.dumps({"level": level, "stage": stage}, sort_keys=True))],
                     s.record_moment([s.plan.timezone_for(region)]), signer=signer)
    s.print(t("risk.recorded", s.lang, id=ref.strip().lower(), level=t(f"level.{level}", s.lang),
              stage=t(f"stage.long.{stage}", s.lang)))
