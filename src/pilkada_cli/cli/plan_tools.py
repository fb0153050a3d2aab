"""Commands about the plan itself: `init` (a new plan from the template), `check` and `schema` (the JSON
Schemas of its files, for editors)."""

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from pilkada_cli import dates
from pilkada_cli.cli.app import ColorOpt, HELP, JsonOpt, LangOpt, PlanOpt, Session, _find, app, handled
from pilkada_cli.i18n import t


BUNDLED_WORDS = ("bawaan", "bundled")  # `init --from bawaan`: the bundled plan, wherever it was installed


@app.command(help=t("help.init", HELP), epilog=t("help.init.example", HELP))
@handled
def init(
    directory: Annotated[Path, typer.Argument(help=t("help.arg.dir", HELP), show_default=False)],
    vote_date: Annotated[str, typer.Option("--vote-date", help=t("help.opt.vote_date", HELP), show_default=False)],
    tz: Annotated[Optional[str], typer.Option("--timezone", help=t("help.opt.timezone", HELP),
                                              show_default=False)] = None,
    name: Annotated[Optional[str], typer.Option("--name", help=t("help.opt.name", HELP), show_default=False)] = None,
    source: Annotated[Optional[str], typer.Option("--from", help=t("help.opt.from_plan", HELP),
                                                 show_default=False)] = None,
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.plan import load_plan
    from pilkada_cli.plan.scaffold import copy_plan, create_plan

    s = Session(None, None, lang, load=False)
    vote = dates.parse_date(vote_date)
    if tz is not None:
        dates.zone(tz)
        tz = dates.canonical_zone(tz)  # the plan says Asia/Makassar for WITA: every tool reads IANA names
    if source is None:
        create_plan(directory, vote, tz or "Asia/Makassar", name or t("init.default_name", s.lang, year=vote.year))
        created = load_plan(directory)
        s.print(t("init.created", s.lang, path=str(directory), items=len(created.items), date=vote.isoformat()))
        return
    if source in BUNDLED_WORDS and not Path(source).exists():  # the plan shipped with pilkada: 2024 in NTT
        from pilkada_cli.plan import bundled_plan_dir

        root, bundled = bundled_plan_dir().resolve(), True
    else:
        root, bundled = _find(source)
    copy_plan(load_plan(root, bundled=bundled), directory, vote, tz, name)
    created = load_plan(directory)
    s.print(t("init.created_from", s.lang, path=str(directory), source=str(root), items=len(created.items),
              date=vote.isoformat()))


@app.command(help=t("help.check", HELP), epilog=t("help.check.example", HELP))
@handled
def check(
    head: Annotated[Optional[str], typer.Option("--head", help=t("help.opt.head", HELP), show_default=False)] = None,
    as_json: JsonOpt = False,
    plan: PlanOpt = None,
    color: ColorOpt = None,
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.delivery import contact_problems
    from pilkada_cli.report.check import check_all, parse_head
    from pilkada_cli.i18n import problem_text

    s = Session(None, None, lang, load=False)
    root, bundled = _find(plan)
    problems = check_all(root, bundled, parse_head(head) if head is not None else None, contact_problems)
    errors = sum(p.is_error for p in problems)
    if as_json:
        s.print_json({"schema": 1, "plan": str(root), "errors": errors, "warnings": len(problems) - errors,
                      "problems": [{"file": str(p.file) if p.file else None, "line": p.line,
                                    "severity": p.severity, "code": p.key,
                                    "message": t(p.key, s.lang, **p.params)} for p in problems]})
    else:
        lines = [problem_text(p, s.lang) for p in problems]
        lines.append(t("check.summary", s.lang, errors=errors, warnings=len(problems) - errors, path=str(root)))
        s.print("\n".join(lines))
    if errors:
        raise typer.Exit(2)


@app.command(help=t("help.schema", HELP), epilog=t("help.schema.example", HELP))
@handled
def schema(
    name: Annotated[str, typer.Argument(help=t("help.arg.schema", HELP), show_default=False)],
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.plan.schema import schema_text

    Session(None, None, lang, load=False)  # the language of a mistake's message
    sys.stdout.write(schema_text(name))
