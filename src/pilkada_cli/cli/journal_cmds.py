"""Commands about the journal itself (spec section 13): `pilkada db init` for a shared PostgreSQL journal,
and `pilkada journal export | import | sync` for offices that work offline and catch up later."""

import os
import sys
from datetime import datetime, time
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
    from pilkada_cli.store import is_url, journal_url

    s = Session(plan, None, lang)
    if not is_url(journal_url(s.plan.journal_url, os.environ) or ""):
        raise BadInput("db.not_postgres")
    applied = s.journal.init({x.id: (x.per_region, x.editors) for x in s.plan.stakeholders},
                             [r.id for r in s.plan.regions],
                             {(i.full_id, region): target for i in s.plan.items
                              for region, target in (("*", i.target), *i.region_targets) if target is not None},
                             tuple(s.plan.keys), s.plan.require_signatures)
    guarded = [x.id for x in s.plan.stakeholders if x.editors is not None]
    s.print(t("db.initialised", s.lang, url=s.journal.path, plan=s.plan.id,
              migrations=", ".join(applied) or "-", guarded=", ".join(guarded) or "-"))


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
    from pilkada_cli.exchange import export_text

    output = output_file(output)
    s = Session(plan, None, lang)
    start = datetime.combine(s.day(since), time.min, tzinfo=s.tz) if since else None
    text = export_text(s.journal.events(since=start), s.plan.id)
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
    from pilkada_cli.exchange import bring_in, checked, read_text

    s = Session(plan, None, lang)
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput("import.unreadable", path=source, reason=getattr(exc, "strerror", None) or str(exc)) from None
    added, skipped = bring_in(s.journal, checked(s.plan, read_text(text, source), s.now))
    s.print(t("import.done", s.lang, added=added, skipped=skipped))


@journal_app.command("sync", help=t("help.journal.sync", HELP), epilog=t("help.journal.sync.example", HELP))
@handled
def sync(
    other: Annotated[str, typer.Argument(help=t("help.arg.sync", HELP), show_default=False)],
    plan: PlanOpt = None,
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.exchange import bring_in, checked, lines_of
    from pilkada_cli.store import is_url, open_store

    s = Session(plan, None, lang)
    if not is_url(other) and not Path(other).is_file():
        raise BadInput("sync.not_found", path=other)
    remote = open_store(other if is_url(other) else Path(other), s.plan.id)
    # each side's events under the checks of an import, both ways, before anything is written
    outgoing = checked(s.plan, lines_of(s.journal.events(), s.plan.id, str(s.journal.path)), s.now)
    incoming = checked(s.plan, lines_of(remote.events(), s.plan.id, str(remote.path)), s.now)
    sent, _ = bring_in(remote, outgoing)
    received, _ = bring_in(s.journal, incoming)
    s.print(t("sync.done", s.lang, other=remote.path, sent=sent, received=received))
