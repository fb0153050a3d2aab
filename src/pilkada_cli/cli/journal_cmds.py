"""Commands about the journal itself (spec section 13): `pilkada db init` for a shared PostgreSQL journal,
and `pilkada journal export | import | sync` for offices that work offline and catch up later."""

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from pilkada_cli.cli.app import HELP, LangOpt, PlanOpt, Session, app, handled
from pilkada_cli.errors import BadInput
from pilkada_cli.i18n import t

db_app = typer.Typer(help=t("help.db", HELP), no_args_is_help=True, add_completion=False, rich_markup_mode=None)
journal_app = typer.Typer(help=t("help.journal", HELP), no_args_is_help=True, add_completion=False,
                          rich_markup_mode=None)
app.add_typer(db_app, name="db")
app.add_typer(journal_app, name="journal")


@db_app.command("init", help=t("help.db.init", HELP), epilog=t("help.db.init.example", HELP))
@handled
def db_init(plan: PlanOpt = None, lang: LangOpt = None) -> None:
    s = Session(plan, None, lang)
    url, applied, guarded = s.tracker.db_init()
    s.print(t("db.initialised", s.lang, url=url, plan=s.plan.id, migrations=", ".join(applied) or "-",
              guarded=", ".join(guarded) or "-"))


@journal_app.command("export", help=t("help.journal.export", HELP), epilog=t("help.journal.export.example", HELP))
@handled
def export(
    since: Annotated[Optional[str], typer.Option("--since", help=t("help.opt.log_since", HELP),
                                                 show_default=False)] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=t("help.opt.output_only", HELP),
                                                   show_default=False)] = None,
    plan: PlanOpt = None,
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.cli.app import output_file

    output = output_file(output)
    s = Session(plan, None, lang)
    text = s.tracker.export_events(since)
    if output is None:
        sys.stdout.write(text)
        return
    from pilkada_cli.delivery import check_output, write_atomic

    check_output(output)
    write_atomic(output, text)


@journal_app.command("import", help=t("help.journal.import", HELP), epilog=t("help.journal.import.example", HELP))
@handled
def import_(
    source: Annotated[str, typer.Argument(help=t("help.arg.import", HELP), show_default=False)],
    plan: PlanOpt = None,
    lang: LangOpt = None,
) -> None:
    s = Session(plan, None, lang)
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput("import.unreadable", path=source, reason=getattr(exc, "strerror", None) or str(exc)) from None
    added, skipped = s.tracker.import_events(text, source)
    s.print(t("import.done", s.lang, added=added, skipped=skipped))


@journal_app.command("sync", help=t("help.journal.sync", HELP), epilog=t("help.journal.sync.example", HELP))
@handled
def sync(
    other: Annotated[str, typer.Argument(help=t("help.arg.sync", HELP), show_default=False)],
    plan: PlanOpt = None,
    lang: LangOpt = None,
) -> None:
    s = Session(plan, None, lang)
    sent, received, name = s.tracker.sync(other)
    s.print(t("sync.done", s.lang, other=name, sent=sent, received=received))
