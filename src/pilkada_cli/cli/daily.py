"""Commands for the daily routine: `summary` (from cron, to stdout, a file or e-mail), `log` and `cron`."""

import os
import shutil
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from pilkada_cli import dates
from pilkada_cli.cli.app import (ColorOpt, HELP, JsonOpt, LangOpt, OnOpt, PlanOpt, RegionOpt, Session,
                                 StakeholderOpt, _print_error, app, handled, json_text, output_file)
from pilkada_cli.errors import BadInput, PilkadaError
from pilkada_cli.i18n import t
from pilkada_cli.safe_text import json_output

FORMATS = ("text", "markdown", "json")
EXIT_OVERDUE = 3


@app.command(help=t("help.summary", HELP), epilog=t("help.summary.example", HELP))
@handled
def summary(
    stakeholder: StakeholderOpt = [],  # noqa: B006
    region: RegionOpt = [],  # noqa: B006
    since: Annotated[Optional[str], typer.Option("--since", help=t("help.opt.since", HELP),
                                                 show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help=t("help.opt.format", HELP))] = "text",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=t("help.opt.output", HELP),
                                                   show_default=False)] = None,
    mail_to: Annotated[list[str], typer.Option("--mail-to", help=t("help.opt.mail_to", HELP),
                                               show_default=False)] = [],  # noqa: B006
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("help.opt.dry_run", HELP))] = False,
    fail_on: Annotated[Optional[str], typer.Option("--fail-on", help=t("help.opt.fail_on", HELP),
                                                   show_default=False)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=t("help.opt.quiet", HELP))] = False,
    each: Annotated[bool, typer.Option("--each", help=t("help.opt.each", HELP))] = False,
    force: Annotated[bool, typer.Option("--force", help=t("help.opt.force", HELP))] = False,
    plan: PlanOpt = None,
    on: OnOpt = None,
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.render import summary_text as summary_format
    from pilkada_cli.delivery import cleartext_login, send_mail, smtp_settings, write_atomic

    if fmt not in FORMATS:
        raise BadInput("summary.bad_format", value=fmt, choices=", ".join(FORMATS))
    if each or force:
        given = [name for name, value in (("--stakeholder", stakeholder), ("--region", region), ("--output", output),
                                          ("--mail-to", mail_to), ("--fail-on", fail_on)) if value]
        if not each:
            raise BadInput("each.force_alone")
        if given:
            raise BadInput("each.alone", options=", ".join(given))
        from pilkada_cli.cli.each import summary_each

        summary_each(Session(plan, on, lang), since, fmt, dry_run, force, quiet)
        return
    from pilkada_cli.addresses import check_address
    from pilkada_cli.delivery import check_output

    mail_to = [check_address(address.strip()) for address in mail_to]  # before anything is printed or sent
    output = output_file(output)  # `-o -`: standard output, which has it already
    if output is not None:
        check_output(output)
    if fail_on not in (None, "overdue", "critical"):
        raise BadInput("summary.bad_fail_on", value=fail_on)
    s = Session(plan, on, lang)
    if not dry_run:
        s.tracker.refuse_future_write()  # a run recorded for a day that has not come would mislead the next one
    report = s.tracker.summary(stakeholder, region, since)
    if fmt == "json":
        json_output(sys.stdout)
        body = json_text(report.to_dict(), 2) + "\n"
    elif fmt == "markdown":
        body = summary_format.as_markdown(report, s.lang)
    else:
        body = summary_format.as_text(report, s.lang)
    if not quiet:  # --quiet: cron mails what a job prints, and --mail-to has sent it already
        sys.stdout.write(body)
        sys.stdout.flush()

    failures: list[PilkadaError] = []
    if dry_run and mail_to:
        _print_note(t("mail.dry_run", s.lang, recipients=", ".join(mail_to)))
    if output is not None:
        try:
            write_atomic(output, body)
        except PilkadaError as exc:
            failures.append(exc)
    delivery = None
    if mail_to and not dry_run:
        try:
            settings = smtp_settings(s.plan.notify, os.environ)
            if cleartext_login(settings) and settings.starttls_given:
                _print_note(t("mail.cleartext_warning", s.lang, host=settings.host))
            text = body if fmt == "text" else summary_format.as_text(report, s.lang)
            send_mail(settings, mail_to, summary_format.subject(report, s.lang), text,
                      summary_format.as_html(report, s.lang))
            delivery = "ok"
        except PilkadaError as exc:
            failures.append(exc)
            delivery = t(exc.key, s.lang, **exc.params)  # read later by the same office, in its language
    recorded = False
    if not dry_run:
        try:
            s.tracker.record_summary(report.today, report.scope, delivery, ", ".join(mail_to) or None)
            recorded = True
        except PilkadaError as exc:
            failures.append(exc)
    for failure in failures:
        if failure.key == "mail.failed" and recorded:  # say so only once it is true
            failure = PilkadaError("mail.failed_recorded", **failure.params)
        _print_error(failure, s.lang)
    if failures:
        raise typer.Exit(1)
    if fail_on and any(x.task.item.critical or fail_on == "overdue" for x in report.overdue):
        raise typer.Exit(EXIT_OVERDUE)


def _print_note(text: str) -> None:
    sys.stderr.write(text + "\n")


@app.command(help=t("help.log", HELP), epilog=t("help.log.example", HELP))
@handled
def log(
    item: Annotated[Optional[str], typer.Option("--item", help=t("help.opt.item", HELP), show_default=False)] = None,
    stakeholder: StakeholderOpt = [],  # noqa: B006
    by: Annotated[Optional[str], typer.Option("--by", help=t("help.opt.log_by", HELP), show_default=False)] = None,
    since: Annotated[Optional[str], typer.Option("--since", help=t("help.opt.log_since", HELP),
                                                 show_default=False)] = None,
    summaries: Annotated[bool, typer.Option("--summaries", help=t("help.opt.summaries", HELP))] = False,
    as_json: JsonOpt = False,
    plan: PlanOpt = None,
    on: OnOpt = None,
    color: ColorOpt = None,
    lang: LangOpt = None,
) -> None:
    from pilkada_cli.render.terminal import log_table, summaries_table

    s = Session(plan, on, lang)
    if summaries:
        runs = s.tracker.summary_runs()
        if as_json:
            s.print_json([{"time": r.ts.astimezone(s.tz).isoformat(timespec="seconds"), "day": r.day,
                           "scope": r.scope, "actor": r.actor, "delivery": r.delivery, "recipients": r.detail}
                          for r in runs])
        else:
            from pilkada_cli.cli.each import office_name
            from pilkada_cli.report.offices import offices

            s.print(summaries_table(runs, s.tz, s.lang, {o.scope: office_name(o, s.lang) for o in offices(s.plan)}))
        return
    entries = s.tracker.log(item, stakeholder, by, since)
    if as_json:
        s.print_json([entry.to_dict(s.tz) for entry in entries])
        return
    s.print(log_table(entries, s.tz, s.lang, s.width, bool(s.plan.keys)))


@app.command(help=t("help.cron", HELP), epilog=t("help.cron.example", HELP))
@handled
def cron(
    at: Annotated[str, typer.Option("--at", help=t("help.opt.at", HELP))] = "06:30",
    mail_to: Annotated[list[str], typer.Option("--mail-to", help=t("help.opt.mail_to", HELP),
                                               show_default=False)] = [],  # noqa: B006
    stakeholder: StakeholderOpt = [],  # noqa: B006
    each: Annotated[bool, typer.Option("--each", help=t("help.opt.cron_each", HELP))] = False,
    plan: PlanOpt = None,
    lang: LangOpt = None,
) -> None:
    s = Session(plan, None, lang)
    hour, _, minute = at.strip().replace(".", ":", 1).partition(":")  # 6.30 as Indonesians write it, or 06:30
    if not (hour.isdigit() and minute.isdigit() and len(minute) == 2 and int(hour) < 24 and int(minute) < 60):
        raise BadInput("cron.bad_time", value=at)
    s.tracker.filters(stakeholder)
    from pilkada_cli.addresses import check_address
    from pilkada_cli.delivery import one_line

    comments = [t("cron.comment", s.lang, name=one_line(s.plan.name))]
    if each:  # every office's digest goes by its own mail and webhook; only a failure is printed, for MAILTO
        given = [name for name, value in (("--mail-to", mail_to), ("--stakeholder", stakeholder)) if value]
        if given:
            raise BadInput("each.alone", options=", ".join(given))
        variables = sorted({o.contact.webhook.token_env for o in s.tracker.alarm_offices()
                            if o.contact.webhook and o.contact.webhook.token_env})
        command = [*_pilkada_command(), "summary", "--each", "--quiet"]
        comments.append(t("cron.comment_each", s.lang))
        if variables:
            comments.append(t("cron.comment_tokens", s.lang, names=", ".join(variables)))
    else:
        command = [*_pilkada_command(), "summary", "--format", "text"]
        for who in stakeholder:
            command += ["--stakeholder", who]
        for address in mail_to:
            command += ["--mail-to", check_address(address.strip())]
        if mail_to:
            command += ["--quiet"]  # cron mails a job's output: the digest would arrive twice
        comments.append(t("cron.comment_quiet" if mail_to else "cron.comment_mail", s.lang))
    if lang:
        command += ["--lang", s.lang]
    environment = "" if s.plan.bundled else f"PILKADA_PLAN={_cron_word(str(s.plan.root.resolve()))} "
    if s.plan.bundled and os.environ.get("PILKADA_DATA_DIR"):
        environment = f"PILKADA_DATA_DIR={_cron_word(os.environ['PILKADA_DATA_DIR'])} "
    line = f"{int(minute)} {int(hour)} * * * {environment}{' '.join(_cron_word(str(c)) for c in command)}"
    s.print("\n".join([*comments, _debian_note(s, int(hour), int(minute)), f"CRON_TZ={_cron_word(s.plan.timezone)}",
                       line]))


def _debian_note(s: Session, hour: int, minute: int) -> str:
    """Debian's and Ubuntu's cron ignore CRON_TZ and run in the machine's zone: the comment says so, with the
    minute and hour to write there for this machine when its zone differs from the plan's."""
    from datetime import datetime, time

    wanted = datetime.combine(dates.today_in(s.tz, s.now), time(hour, minute), tzinfo=s.tz)
    local = wanted.astimezone()  # the machine's own zone, which cron uses there
    if local.utcoffset() == wanted.utcoffset():
        return t("cron.debian_same", s.lang)
    return t("cron.debian", s.lang, zone=local.tzname() or "", minute=local.minute, hour=local.hour,
             at=f"{hour:02d}:{minute:02d}")


def _pilkada_command() -> list[str]:
    """How cron starts pilkada, with cron's bare PATH: the `pilkada` on this PATH (pipx's ~/.local/bin, a `~`
    in PATH as the shell reads it), else the script installed beside this Python (a venv run by its full path),
    else this Python with -m."""
    folders = os.environ.get("PATH", os.defpath).split(os.pathsep)
    path = os.pathsep.join(os.path.expanduser(folder) for folder in folders)
    beside = str(Path(sys.executable).parent)
    program = shutil.which("pilkada", path=path) or shutil.which("pilkada", path=beside)
    return [os.path.abspath(program)] if program else [sys.executable, "-m", "pilkada_cli"]


def _cron_word(value: str) -> str:
    """One shell word for a crontab line. A control character (a newline above all) would start a line of
    its own, a job that runs as whoever installs it: refused. `%` means newline to cron: escaped."""
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise BadInput("cron.control_character", value=value.encode("unicode_escape").decode("ascii")[:80])
    import shlex

    return shlex.quote(value).replace("%", "\\%")
