"""The daily summary as plain text for WhatsApp (no ANSI, *bold*, a line per item), Markdown, and HTML
for the e-mail's second part. Built from the Summary record, never from terminal output."""

from __future__ import annotations

import html

from pilkada_cli.i18n import Lang, fmt_date_long, fmt_date_short, fmt_pct, t
from pilkada_cli.report.status import TaskStatus
from pilkada_cli.report.summary import Summary

MAX_LISTED = 30  # per section: a WhatsApp message stays readable; the rest is counted


def _points(delta: float, lang: Lang) -> str:
    """`+4,2 poin`: the change in percentage points, always with one decimal."""
    text = fmt_pct(abs(delta), lang).rstrip("%")
    sign = "−" if round(delta, 1) < 0 else "+"
    return t("summary.points", lang, value=f"{sign}{text}")


def _countdown(summary: Summary, lang: Lang) -> str:
    return t("countdown.day", lang) if summary.days_to_vote == 0 else summary.countdown


def _item_line(status: TaskStatus, lang: Lang, *, with_who: bool = False) -> str:
    item = status.task.item
    mark = "‼ " if item.critical else ""
    line = f"{mark}{status.key}: {item.title}"
    if with_who:
        who = status.item_state.done_by or "?"
        return line + " " + t("summary.by", lang, who=who)
    if status.due:
        line += " · " + t("summary.due", lang, date=fmt_date_short(status.due, lang), label=status.due_label)
        if status.days_left is not None and status.days_left < 0:
            line += " · " + t("summary.days_late", lang, days=-status.days_left)
        elif status.days_left is not None:
            line += " · " + t("summary.days_left", lang, days=status.days_left)
    if item.owner:
        line += f" · {item.owner}"
    return line


def sections(summary: Summary, lang: Lang) -> list[tuple[str, list[str]]]:
    """(heading, lines) pairs shared by every format."""
    since = fmt_date_short(summary.since, lang)
    result: list[tuple[str, list[str]]] = []
    if summary.current_phases or summary.starting_phases:
        lines = [t("summary.phase_running", lang, name=w.phase.name, days=w.days) for w in summary.current_phases]
        lines += [t("summary.phase_starting", lang, name=w.phase.name, date=fmt_date_short(w.start, lang),
                    days=w.days) for w in summary.starting_phases]
        result.append((t("summary.phases", lang), lines))
    overall = summary.overall
    progress_lines = [t("summary.progress_line", lang, name=c.stakeholder.display_name(),
                        progress=fmt_pct(c.now.progress, lang), change=_points(c.delta, lang),
                        done=c.now.counts.done, total=c.now.counts.total)
                      for c in summary.stakeholders if c.stakeholder]
    result.append((t("summary.progress", lang, progress=fmt_pct(overall.now.progress, lang),
                     done=overall.now.counts.done, total=overall.now.counts.total,
                     change=_points(overall.delta, lang), since=since), progress_lines))
    for key, statuses, who in (("summary.completed", summary.completed_since, True),
                               ("summary.newly_overdue", summary.newly_overdue, False),
                               ("summary.overdue", summary.overdue, False),
                               ("summary.due_soon", summary.due_soon, False)):
        heading = t(key, lang, count=len(statuses), since=since, days=summary.plan.due_soon_days)
        lines = [_item_line(s, lang, with_who=who) for s in statuses[:MAX_LISTED]]
        if len(statuses) > MAX_LISTED:
            lines.append(t("summary.more", lang, count=len(statuses) - MAX_LISTED))
        if not statuses:
            lines = [t("summary.none", lang)]
        result.append((heading, lines))
    return result


def _title(summary: Summary, lang: Lang) -> tuple[str, str]:
    return summary.title, t("summary.header", lang, date=fmt_date_long(summary.today, lang),
                            countdown=_countdown(summary, lang), vote=fmt_date_long(summary.vote_date, lang))


def subject(summary: Summary, lang: Lang) -> str:
    return t("summary.subject", lang, countdown=_countdown(summary, lang), name=summary.title,
             date=fmt_date_short(summary.today, lang))


def as_text(summary: Summary, lang: Lang) -> str:
    """Plain text that pastes well into WhatsApp: *bold* headings, short lines, one line per item."""
    name, header = _title(summary, lang)
    out = [f"*{name}*", header]
    for heading, lines in sections(summary, lang):
        out.append("")
        out.append(f"*{heading}*")
        out.extend(f"- {line}" for line in lines)
    return "\n".join(out) + "\n"


def as_markdown(summary: Summary, lang: Lang) -> str:
    name, header = _title(summary, lang)
    out = [f"# {_md(name)}", "", _md(header)]
    for heading, lines in sections(summary, lang):
        out += ["", f"## {_md(heading)}", ""]
        out.extend(f"- {_md(line)}" for line in lines)
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Escape what Markdown would otherwise take as formatting in user text."""
    for char in "\\`*_[]<>#":
        text = text.replace(char, "\\" + char)
    return text


def as_html(summary: Summary, lang: Lang) -> str:
    name, header = _title(summary, lang)
    parts = [f"<html><body><h1>{html.escape(name)}</h1><p>{html.escape(header)}</p>"]
    for heading, lines in sections(summary, lang):
        parts.append(f"<h2>{html.escape(heading)}</h2><ul>")
        parts.extend(f"<li>{html.escape(line)}</li>" for line in lines)
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
