"""`pilkada timeline`: the phases and the critical and vote-day items as a Gantt chart in the terminal,
weeks along the top, today and the vote day marked. Fits the width it is given (80 columns and up): the
window runs from four weeks before today to four weeks after the vote day, one character a day or more."""

from __future__ import annotations

from datetime import date, timedelta

from rich.console import Group as RenderGroup
from rich.text import Text

from pilkada_cli.i18n import MONTHS_SHORT, Lang, t
from pilkada_cli.model import Plan
from pilkada_cli.report.status import TaskStatus, phase_dates
from pilkada_cli.safe_text import visible

LABEL = 22  # characters of the row labels
MARK = {"done": ("✔", "green"), "overdue": ("◆", "bold red"), "due_soon": ("◆", "yellow"),
        "upcoming": ("◇", "cyan"), "no_due": ("·", "dim")}


def timeline_view(plan: Plan, statuses: list[TaskStatus], today: date, lang: Lang, width: int,
                  start: date | None = None, end: date | None = None) -> RenderGroup:
    vote = plan.vote_date
    start = start or min(today, vote) - timedelta(days=28)
    end = end or max(vote, today) + timedelta(days=28)
    span = max((end - start).days, 1)
    cells = max(20, width - LABEL - 3)
    days_per_cell = max(1.0, span / cells)
    cells = min(cells, int(span / days_per_cell) + 1)

    def column(day: date) -> int | None:
        offset = (day - start).days
        if offset < 0 or day > end:
            return None
        return min(int(offset / days_per_cell), cells - 1)

    today_col, vote_col = column(today), column(vote)
    lines: list[Text] = [Text(t("timeline.title", lang, start=start.isoformat(), end=end.isoformat()),
                              style="bold")]
    # the scale: month names at the first day of each month, a tick at each week's Monday
    months = [" "] * cells
    ticks = ["─"] * cells
    day = start
    while day <= end:
        col = column(day)
        if col is not None:
            if day.day == 1 or day == start:
                name = MONTHS_SHORT[lang][day.month - 1]
                if all(months[c] == " " for c in range(col, min(col + len(name) + 1, cells))):
                    months[col:col + len(name)] = list(name)[: cells - col]
            if day.weekday() == 0:
                ticks[col] = "┬"
        day += timedelta(days=1)
    for col, mark in ((today_col, "▼"), (vote_col, "H")):
        if col is not None:
            ticks[col] = mark
    lines.append(Text(" " * (LABEL + 1) + "".join(months)[:cells]))
    scale = Text(" " * (LABEL + 1))
    for col, mark in enumerate(ticks):
        scale.append(mark, style="bold magenta" if mark == "▼" else "bold red" if mark == "H" else "dim")
    lines.append(scale)

    def row(label: str, marks: dict[int, tuple[str, str]], bar: tuple[int, int] | None = None) -> Text:
        text = Text(_fit(label, LABEL) + " ")
        for col in range(cells):
            if col in marks:
                text.append(*marks[col])
            elif bar and bar[0] <= col <= bar[1]:
                text.append("█", style="blue")
            elif col == today_col:
                text.append("│", style="magenta")
            elif col == vote_col:
                text.append("┊", style="red")
            else:
                text.append("·", style="dim")
        return text

    for phase in plan.phases:
        p_start, p_end = phase_dates(phase, vote)
        if p_end < start or p_start > end:
            continue
        bar = (column(max(p_start, start)), column(min(p_end, end)))
        lines.append(row(visible(phase.name), {}, bar))
    shown = [s for s in statuses if s.due is not None and (s.task.item.critical or s.due_label == "H")
             and start <= s.due <= end]
    for stakeholder in plan.stakeholders:
        marks: dict[int, tuple[str, str]] = {}
        order = {"overdue": 0, "due_soon": 1, "upcoming": 2, "done": 3, "no_due": 4}
        for status in sorted((s for s in shown if s.task.item.stakeholder == stakeholder.id),
                             key=lambda s: order[s.state], reverse=True):
            marks[column(status.due)] = MARK[status.state]  # the most urgent state wins a shared cell
        if marks:
            lines.append(row("‼ " + visible(stakeholder.display_name()), marks))
    lines.append(Text(t("timeline.legend", lang), style="dim"))
    return RenderGroup(*lines)


def _fit(text: str, width: int) -> str:
    return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)
