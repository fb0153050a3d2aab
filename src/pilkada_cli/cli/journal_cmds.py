"""Commands about the journal itself (spec section 13): `pilkada db init` for a shared PostgreSQL journal,
and `pilkada journal export | import | sync` for offices that work offline and catch up later."""

import json
import sys
from datetime import datetime, time
from pathlib import Path
from typing import Annotated, Optional

import typer

from pilkada_cli import dates
from pilkada_cli.cli.app import HELP, LangOpt, PlanOpt, Session, app, handled
from pilkada_cli.errors import BadInput
from pilkada_cli.i18n import t

db_app = typer.Typer(help=t("help.db", HELP), no_args_is_help=True, add_completion=False, rich_markup_mode=None)
journal_app = typer.Typer(help=t("help.journal", HELP), no_args_is_help=True, add_completion=False,
                          rich_markup_mode=None)
app.add_typer(db_app, name="db")
app.add_typer(journal_app, name="journal")

EXPORT_KINDS = ("done", "undone", "progress", "note", "declare", "assess")
DETAIL_FIELDS = {"declare": ("call",), "assess": ("level", "stage")}  # kind-specific fields of a line


@db_app.command("init", help=t("help.db.init", HELP), epilog=t("help.db.init.example", HELP))
@handled
def db_init(plan: PlanOpt = None, lang: LangOpt = None) -> None:
    s = Session(plan, None, lang)
    if not hasattr(s.journal, "init"):
        raise BadInput("db.not_postgres")
    applied = s.journal.init({x.id: x.editors for x in s.plan.stakeholders})
    guarded = [x.id for x in s.plan.stakeholders if x.editors is not None]
    s.print(t("db.initialised", s.lang, url=s.journal.path, plan=s.plan.id,
              migrations=", ".join(applied) or "-", guarded=", ".join(guarded) or "-"))


def event_line(event, plan_id: str) -> dict:
    """One event as a line of the exchange format (spec section 13)."""
    line = {"id": event.uid, "plan": plan_id, "item": event.key, "kind": event.kind, "value": event.value,
            "note": event.note, "actor": event.actor, "on_behalf_of": event.on_behalf_of,
            "at": dates.utc_iso(event.ts)}
    if event.detail:
        line.update(json.loads(event.detail))
    return line


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
    start = datetime.combine(s.day(since), time.min, tzinfo=s.tz) if since else None
    text = "".join(json.dumps(event_line(e, s.plan.id), ensure_ascii=False, allow_nan=False) + "\n"
                   for e in s.journal.events(since=start))
    if output is None:
        sys.stdout.write(text)
        return
    from pilkada_cli.delivery import check_output, write_atomic

    check_output(output)
    write_atomic(output, text)


def read_lines(source: str, plan_id: str, lang) -> list[dict]:
    """Every line of an export, checked before anything is written: one bad line imports nothing."""
    from pilkada_cli.safe_text import valid_utf8

    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput("import.unreadable", path=source, reason=getattr(exc, "strerror", None) or str(exc)) from None
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(valid_utf8(line))
            if not isinstance(entry, dict):
                raise ValueError
            if entry.get("plan") != plan_id:
                raise BadInput("import.other_plan", path=source, line=number, plan=str(entry.get("plan"))[:60],
                               expected=plan_id)
            if entry.get("kind") not in EXPORT_KINDS or not isinstance(entry.get("item"), str) \
                    or not isinstance(entry.get("id"), str) or not isinstance(entry.get("actor"), str):
                raise ValueError
            entry["at"] = dates.from_utc_iso(entry["at"])
            if entry["at"].tzinfo is None:
                raise ValueError
            value = entry.get("value")
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
                raise ValueError
        except BadInput:
            raise
        except (ValueError, TypeError, KeyError):
            raise BadInput("import.bad_line", path=source, line=number) from None
        entries.append(entry)
    return entries


def import_entries(store, entries: list[dict]) -> tuple[int, int]:
    """Add the events the store has not seen (by id), in one transaction: (added, skipped)."""
    from pilkada_cli.model import NewEvent

    known = store.known_uids()
    fresh = [e for e in entries if e["id"] not in known]
    new = []
    for entry in fresh:
        item, _, region = entry["item"].partition("@")
        fields = {name: entry[name] for name in DETAIL_FIELDS.get(entry["kind"], ()) if name in entry}
        new.append(NewEvent(item, region or None, entry["kind"], entry.get("value"), entry["actor"],
                            entry.get("note"), entry.get("on_behalf_of"), entry["id"], entry["at"],
                            json.dumps(fields, ensure_ascii=False, sort_keys=True) if fields else None))
    if new:
        store.append(new)
    return len(fresh), len(entries) - len(fresh)


@journal_app.command("import", help=t("help.journal.import", HELP), epilog=t("help.journal.import.example", HELP))
@handled
def import_(
    source: Annotated[str, typer.Argument(help=t("help.arg.import", HELP), show_default=False)],
    plan: PlanOpt = None,
    lang: LangOpt = None,
) -> None:
    s = Session(plan, None, lang)
    added, skipped = import_entries(s.journal, read_lines(source, s.plan.id, s.lang))
    s.print(t("import.done", s.lang, added=added, skipped=skipped))


@journal_app.command("sync", help=t("help.journal.sync", HELP), epilog=t("help.journal.sync.example", HELP))
@handled
def sync(
    other: Annotated[str, typer.Argument(help=t("help.arg.sync", HELP), show_default=False)],
    plan: PlanOpt = None,
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.store import open_store

    s = Session(plan, None, lang)
    if not other.startswith(("postgresql://", "postgres://")) and not Path(other).is_file():
        raise BadInput("sync.not_found", path=other)
    remote = open_store(other if other.startswith(("postgresql://", "postgres://")) else Path(other), s.plan.id)
    # the exchange lines, with their times kept as times (import_entries takes what read_lines makes)
    mine = [{**event_line(e, s.plan.id), "at": e.ts} for e in s.journal.events()]
    theirs = [{**event_line(e, s.plan.id), "at": e.ts} for e in remote.events()]
    sent, _ = import_entries(remote, mine)
    received, _ = import_entries(s.journal, theirs)
    s.print(t("sync.done", s.lang, other=getattr(remote, "path", other), sent=sent, received=received))
