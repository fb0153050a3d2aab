"""`pilkada summary --each` (spec section 18): every office in `contacts:` gets its own digest by mail and webhook,
the leadership the whole plan's, in one run. Each delivery is recorded in the journal with its outcome; one that
fails does not stop the others, and a second run the same day sends only what did not arrive."""

from __future__ import annotations

import os
import sys
from datetime import date

import typer

from pilkada_cli.cli.app import Session, _print_error, json_text
from pilkada_cli.errors import PilkadaError
from pilkada_cli.i18n import Lang, t
from pilkada_cli.safe_text import json_output


def office_name(office, lang: Lang) -> str:
    """The office as a message names it: `Polres Kabupaten Belu`, or the leadership in the output language."""
    return office.name if office.name is not None else t("office.leadership", lang)


def summary_each(s: Session, since: str | None, fmt: str, dry_run: bool, force: bool, quiet: bool) -> None:
    from pilkada_cli.report import offices as alarm

    if not dry_run:
        s.tracker.refuse_future_write()  # a delivery recorded for a day that has not come would skip that day's
    digests, runs = s.tracker.office_digests(since)
    send = _Sender(s)
    report = []  # (office, digest, [(delivery, outcome, reason)])
    errors: list[PilkadaError] = []
    missed: list[str] = []  # who did not get it: "Polres Kabupaten Belu (webhook)"
    for office, digest in digests:
        today = alarm.office_today(s.plan, office, s.clock)
        outcomes = []
        for delivery in alarm.deliveries(office):
            if not force and alarm.delivered_today(delivery, runs, today):
                outcome, reason = "skipped", None
            elif dry_run:
                outcome, reason = "dry_run", None
            else:
                outcome, reason = _deliver(s, send, delivery, digest, today, errors, missed)
            outcomes.append((delivery, outcome, reason))
        report.append((office, digest, outcomes))
    if not quiet:
        _print_report(report, fmt, dry_run, s.lang)
    if dry_run:
        sys.stderr.write(t("each.dry_run", s.lang) + "\n")
    for error in errors:
        _print_error(error, s.lang)
    if missed:
        _print_error(PilkadaError("each.not_delivered", offices=", ".join(missed)), s.lang)
    if errors:
        raise typer.Exit(1)


def _deliver(s: Session, send, delivery, digest, today: date, errors: list, missed: list) -> tuple[str, str | None]:
    """Send one delivery and record it in the journal with its outcome: ("sent", None) or ("failed", why, in the
    output language, as the office reads it later). What went wrong goes to `errors`; who missed it, `missed`."""
    lang, name = s.lang, office_name(delivery.office, s.lang)
    outcome, reason = "sent", None
    try:
        send(delivery, digest)
    except PilkadaError as exc:
        if exc.key == "mail.failed":  # its "the summary is printed" is not so here
            exc = PilkadaError("each.mail_failed", **exc.params)
        outcome, reason = "failed", t(exc.key, lang, **exc.params)
        errors.append(PilkadaError("each.failed", office=name, target=delivery.target, reason=exc))
        missed.append(f"{name} ({t('channel.' + delivery.channel, lang)})")
    try:
        s.tracker.record_summary(today, delivery.office.scope, "ok" if reason is None else reason, delivery.target)
    except PilkadaError as exc:
        errors.append(PilkadaError("each.record_failed", office=name, target=delivery.target, reason=exc))
    return outcome, reason


class _Sender:
    """Sends one delivery: the mail settings are read once, on the first mail."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.settings = None

    def __call__(self, delivery, digest) -> None:
        from pilkada_cli.delivery import cleartext_login, send_mail, send_webhook, smtp_settings
        from pilkada_cli.render import summary_text

        lang = self.s.lang
        if delivery.channel == "webhook":
            payload = {**digest.to_dict(), "text": summary_text.as_text(digest, lang)}
            send_webhook(delivery.office.contact.webhook, payload, os.environ)
            return
        if self.settings is None:
            self.settings = smtp_settings(self.s.plan.notify, os.environ)
            if cleartext_login(self.settings) and self.settings.starttls_given:
                sys.stderr.write(t("mail.cleartext_warning", lang, host=self.settings.host) + "\n")
        send_mail(self.settings, list(delivery.office.contact.mail), summary_text.subject(digest, lang),
                  summary_text.as_text(digest, lang), summary_text.as_html(digest, lang))


def _print_report(report: list, fmt: str, dry_run: bool, lang: Lang) -> None:
    """What went where (text), or each office's digest under who would get it (--dry-run), or both as JSON."""
    from pilkada_cli.render import summary_text

    if fmt == "json":
        json_output(sys.stdout)
        data = {"schema": 1, "dry_run": dry_run, "offices": [
            {"office": office.key, "name": office_name(office, lang),
             "deliveries": [{"channel": d.channel, "target": d.target, "outcome": outcome, "reason": reason}
                            for d, outcome, reason in outcomes],
             "summary": digest.to_dict()} for office, digest, outcomes in report]}
        sys.stdout.write(json_text(data, 2) + "\n")
        return
    lines: list[str] = []
    counts = {"sent": 0, "failed": 0, "skipped": 0}
    for office, digest, outcomes in report:
        name = office_name(office, lang)
        for delivery, outcome, _ in outcomes:
            counts[outcome] = counts.get(outcome, 0) + 1
            key = {"sent": "each.sent", "skipped": "each.skipped", "dry_run": "each.would_send"}.get(outcome)
            if key is not None:  # a failure is said on stderr, with its reason
                lines.append(t(key, lang, office=name, target=delivery.target))
        if dry_run:
            body = summary_text.as_markdown(digest, lang) if fmt == "markdown" else summary_text.as_text(digest, lang)
            lines += ["", body]
    if not dry_run:
        lines.append(t("each.total", lang, sent=counts["sent"], failed=counts["failed"], skipped=counts["skipped"]))
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()
