"""Commands about the plan itself: `init` (a new plan from the template), `check` and `schema` (the JSON
Schemas of its files, for editors)."""

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from pilkada_cli.cli.app import GLOBAL, ColorOpt, HELP, JsonOpt, LangOpt, PlanOpt, Session, app, handled
from pilkada_cli.i18n import t


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
    from pilkada_cli.tracker import init_plan

    s = Session(None, None, lang, load=False)
    created, source_root = init_plan(directory, vote_date, tz, name, source)
    if source_root is None:
        s.print(t("init.created", s.lang, path=str(directory), items=len(created.items),
                  date=created.vote_date.isoformat()))
    else:
        s.print(t("init.created_from", s.lang, path=str(directory), source=str(source_root), items=len(created.items),
                  date=created.vote_date.isoformat()))


@app.command(help=t("help.check", HELP), epilog=t("help.check.example", HELP))
@handled
def check(
    head: Annotated[Optional[str], typer.Option("--head", help=t("help.opt.head", HELP), show_default=False)] = None,
    as_json: JsonOpt = False,
    plan: PlanOpt = None,
    color: ColorOpt = None,
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.i18n import problem_text
    from pilkada_cli.tracker import check_plan

    s = Session(None, None, lang, load=False)
    found = check_plan(plan or GLOBAL.plan, head)
    errors = found.errors
    if as_json:
        s.print_json(found.to_dict(s.lang))
    else:
        lines = [problem_text(p, s.lang) for p in found.problems]
        lines.append(t("check.summary", s.lang, errors=errors, warnings=len(found.problems) - errors,
                       path=str(found.root)))
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
