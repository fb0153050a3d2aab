"""Exports for spreadsheets and calendars (spec section 14): CSV with the standard `csv` module (an Excel
flavour for Indonesian locales: UTF-8 with a BOM, `;` between fields, `,` as the decimal mark) and
iCalendar with the `icalendar` library: one all-day event per item with a due date, one per vote day and
one multi-day event per phase, with UIDs that survive a change of vote day, so a re-import updates the
events instead of duplicating them."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta, timezone

from pilkada_cli.i18n import Lang, t
from pilkada_cli.model import Plan
from pilkada_cli.report.status import TaskStatus, phase_dates

CSV_FIELDS = ("id", "stakeholder", "region", "phase", "title", "owner", "due", "due_label", "days_left", "state",
              "completion", "value", "target", "unit", "critical", "weight", "done_at", "blocked_by")
# A cell a spreadsheet would run as a formula starts with one of these (spec section 14): text from a plan
# such as `=HYPERLINK(...)` or `@SUM(...)` is shown as text, behind an apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def as_lines(statuses: list[TaskStatus], lang) -> str:
    """`pilkada list` into a pipe: one line per item whatever their number, tab-separated, no header (for grep,
    cut -f, sort, awk): id, due date, H-label, days left, state, completion, owner, title (‼ first when critical).
    Text is made visible as on the screen, so a tab or a newline in a title never splits a line."""
    from pilkada_cli.i18n import fmt_completion, t
    from pilkada_cli.safe_text import visible

    lines = []
    for status in statuses:
        item = status.task.item
        fields = [status.key, status.due.isoformat() if status.due else "", status.due_label or "",
                  "" if status.days_left is None else str(status.days_left), t(f"state.{status.state}", lang),
                  fmt_completion(status.completion, status.item_state.value, status.task.target, item.unit, lang),
                  item.owner or "", ("‼ " if item.critical else "") + item.title]
        lines.append("\t".join(visible(field) for field in fields) + "\n")
    return "".join(lines)


def as_csv(statuses: list[TaskStatus], excel: bool = False, lang: Lang = "id") -> str:
    """One header row, then one row per item with the item fields of `status --json`. With `excel`, for a
    person with a spreadsheet: headers, states and yes/no in the output language, decimal commas, and no text
    cell that would run as a formula."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n")
    writer.writerow([t(f"csv.{name}", lang) for name in CSV_FIELDS] if excel else CSV_FIELDS)
    for status in statuses:
        data = status.to_dict()
        row = []
        for name in CSV_FIELDS:
            value = data[name]
            if isinstance(value, list):
                value = " ".join(value)
            if excel:
                value = _for_spreadsheet(name, value, lang)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            row.append("" if value is None else value)
        writer.writerow(row)
    return ("\ufeff" if excel else "") + out.getvalue()


def _for_spreadsheet(name: str, value: object, lang: Lang) -> object:
    """One cell as a person's spreadsheet should show it."""
    if isinstance(value, bool):
        return t("csv.yes" if value else "csv.no", lang)
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    if name == "state" and value is not None:
        return t(f"state.{value}", lang)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def as_ics(plan: Plan, statuses: list[TaskStatus], now: datetime, lang: Lang = "id") -> bytes:
    """The plan's deadlines, vote days and phases as an iCalendar file (RFC 5545)."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//pilkada//hitung mundur Pilkada//ID")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", plan.name)
    calendar.add("x-wr-timezone", plan.timezone)
    # A sequence that grows with each day's export: calendars that re-import take the newer version.
    sequence = (now.date() - date(2024, 1, 1)).days

    def event(uid: str, summary: str, start: date, end: date, category: str, description: str = "") -> None:
        entry = Event()
        entry.add("uid", uid)
        entry.add("summary", summary)
        entry.add("dtstart", start)
        entry.add("dtend", end + timedelta(days=1))  # all-day events end the day after (exclusive)
        entry.add("dtstamp", now.astimezone(timezone.utc))
        entry.add("sequence", max(sequence, 0))
        entry.add("categories", [category])
        entry.add("transp", "TRANSPARENT")
        if description:
            entry.add("description", description)
        calendar.add_component(entry)

    vote_day = t("countdown.day", lang)
    event(f"hari-h@{plan.id}", f"{vote_day}: {plan.name}", plan.vote_date, plan.vote_date, "hari-h")
    for region in plan.regions:
        if region.vote_date and region.vote_date != plan.vote_date:
            event(f"hari-h-{region.id}@{plan.id}", f"{vote_day}: {region.name}", region.vote_date,
                  region.vote_date, "hari-h")
    for phase in plan.phases:
        start, end = phase_dates(phase, plan.vote_date)
        event(f"phase-{phase.id}@{plan.id}", phase.name, start, end, "tahapan")
    for status in statuses:
        if status.due is None:
            continue
        item = status.task.item
        lines = [f"{status.key} · {status.due_label}", f"{t('col.state', lang)}: {t(f'state.{status.state}', lang)}"]
        if item.owner:
            lines.append(f"{t('col.owner', lang)}: {item.owner}")
        if status.blocked_by:
            lines.append(f"{t('csv.blocked_by', lang)}: " + ", ".join(status.blocked_by))
        event(f"{status.key}@{plan.id}", ("‼ " if item.critical else "") + item.title, status.due, status.due,
              item.stakeholder, "\n".join(lines))
    return calendar.to_ical()
