"""Rich renderables for what commands show. Renderers return renderables; commands print once.
User text (titles, names, owners) goes in as rich.text.Text, never as markup."""

from __future__ import annotations

from rich.console import Group as RenderGroup
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from pilkada_cli.i18n import Lang, fmt_completion, fmt_date_long, fmt_date_short, fmt_pct, office_label, t
from pilkada_cli.safe_text import visible
from pilkada_cli.render.fit import ESSENTIAL, Column, choose, fitted
from pilkada_cli.report.status import PhaseReport, StatusReport, TaskStatus, countdown_label

STATE_STYLE = {"done": "green", "overdue": "bold red", "due_soon": "yellow", "upcoming": "cyan", "no_due": "dim"}


def bar(progress: float, width: int = 20) -> str:
    """A plain-text progress bar that survives copy and paste into chat."""
    filled = round(width * max(0.0, min(progress, 100.0)) / 100)
    if progress < 100.0:
        filled = min(filled, width - 1)  # a full bar means done, as 100% does
    return "█" * filled + "░" * (width - filled)


def countdown_text(days_to_vote: int, lang: Lang) -> str:
    """`H-118` / `Hari H` / `H+3` as the user reads it."""
    return t("countdown.day", lang) if days_to_vote == 0 else countdown_label(days_to_vote)


def header(report: StatusReport, lang: Lang) -> Text:
    plan = report.plan
    text = Text()
    text.append(visible(plan.name), style="bold")
    text.append("\n")
    text.append(fmt_date_long(report.today, lang))
    text.append(" · ")
    text.append(countdown_text(report.days_to_vote, lang), style="bold magenta")
    if report.days_to_vote:  # on the day itself "Hari H" says it all
        text.append(" · ")
        text.append(t("status.vote_day", lang, date=fmt_date_long(plan.vote_date, lang)))
    current = [p for p in report.phases if p.state == "current"]
    if current:
        text.append("\n")
        text.append(t("status.current_phases", lang, phases=", ".join(_phase_left(p, report, lang) for p in current)))
    return text


def _phase_left(phase: PhaseReport, report: StatusReport, lang: Lang) -> str:
    days = (phase.end - report.today).days
    if days == 0:
        return t("status.phase_last_day", lang, name=phase.phase.name)
    return t("status.phase_days_left", lang, name=phase.phase.name, days=days)


def overall_line(report: StatusReport, lang: Lang) -> Text:
    counts = report.overall.counts
    text = Text(t("status.overall", lang) + "  ")
    text.append(bar(report.overall.progress), style="green")
    text.append(f"  {fmt_pct(report.overall.progress, lang)}", style="bold")
    text.append("  " + t("status.counts_line", lang, done=counts.done, total=counts.total,
                         overdue=counts.overdue, due_soon=counts.due_soon))
    return text


PROGRESS_TABLE_UP_TO = 80  # stakeholder and phase rows; a national plan's are laid out as aligned lines


def progress_table(report: StatusReport, lang: Lang, phases: bool = True) -> Table | Text:
    """Progress per stakeholder; with `phases`, a row per phase under each (status --phases)."""
    rows = sum(1 + (len(entry.phases) if phases else 0) for entry in report.stakeholders)
    if rows > PROGRESS_TABLE_UP_TO:
        return _progress_lines(report, lang, phases)
    table = Table(title=t("status.table_title" if phases else "status.table_title_compact", lang),
                  title_justify="left", expand=False)
    table.add_column(t("col.stakeholder_phase" if phases else "col.stakeholder", lang))
    table.add_column(t("col.progress", lang), no_wrap=True)
    table.add_column(t("col.done", lang), justify="right")
    table.add_column(t("col.overdue", lang), justify="right")
    table.add_column(t("col.due_soon", lang), justify="right")
    for entry in report.stakeholders:
        group = entry.group
        table.add_row(Text(office_label(report.plan, entry.stakeholder, lang), style="bold"),
                      _progress_cell(group.progress, lang),
                      f"{group.counts.done}/{group.counts.total}", _count(group.counts.overdue, "red"),
                      _count(group.counts.due_soon, "yellow"))
        for phase, phase_group in entry.phases if phases else ():
            name = visible(phase.name) if phase else t("status.no_phase", lang)
            table.add_row(Text("  " + name), _progress_cell(phase_group.progress, lang, width=10),
                          f"{phase_group.counts.done}/{phase_group.counts.total}",
                          _count(phase_group.counts.overdue, "red"), _count(phase_group.counts.due_soon, "yellow"))
    return table


def aligned_lines(heads: list[str], rows: list[list[str]], right_from: int, last_free: bool = False) -> list[str]:
    """Rows laid out as aligned plain lines in one pass: the fast stand-in for a Rich table when there are
    hundreds or thousands of rows. Columns from `right_from` on are right-aligned; with `last_free` the
    last column (a title) is left unpadded."""
    fixed = len(heads) - 1 if last_free else len(heads)
    widths = [max(len(row[i]) for row in [heads, *rows]) for i in range(fixed)]

    def line(cells: list[str]) -> str:
        text = "  ".join(cell.rjust(width) if i >= right_from else cell.ljust(width)
                         for i, (cell, width) in enumerate(zip(cells[:fixed], widths)))
        return text + "  " + cells[-1] if last_free else text.rstrip()

    return [line(heads)] + [line(row) for row in rows]


def _progress_lines(report: StatusReport, lang: Lang, phases: bool = True) -> Text:
    """The stakeholder x phase table as aligned lines, stakeholders in bold."""
    heads = [t(k, lang) for k in ("col.stakeholder_phase", "col.progress", "col.done", "col.overdue",
                                  "col.due_soon")]
    rows, bold = [], []
    for entry in report.stakeholders:
        for name, group, strong in [(office_label(report.plan, entry.stakeholder, lang), entry.group, True)] + [
                ("  " + (visible(phase.name) if phase else t("status.no_phase", lang)), group, False)
                for phase, group in (entry.phases if phases else ())]:
            rows.append([name, _progress_plain(group.progress, lang),
                         f"{group.counts.done}/{group.counts.total}", str(group.counts.overdue),
                         str(group.counts.due_soon)])
            bold.append(strong)
    return _lines_text(t("status.table_title", lang), heads, rows, 2, ["bold" if strong else "" for strong in bold])


def _progress_plain(progress: float, lang: Lang) -> str:
    return f"{bar(progress, 10)} {fmt_pct(progress, lang)}"


def _progress_cell(progress: float, lang: Lang, width: int = 10) -> Text:
    return Text.assemble((bar(progress, width), "green"), " ", fmt_pct(progress, lang))


def _count(value: int, style: str) -> Text:
    return Text(str(value), style=style if value else "dim")


_ENGLISH_STATE = {"segera": "due_soon", "terlambat": "overdue"}


def attention_table(statuses: list[TaskStatus], title: str, lang: Lang, width: int,
                    caption: str | None = None) -> RenderableType:
    """Items needing attention: the state shows as the colour of the days left, so the title has room."""
    return fitted(title, _item_columns(statuses, lang, compact=True), width, caption)


def _item_columns(statuses: list[TaskStatus], lang: Lang, compact: bool = False,
                  with_state: bool = False) -> list[Column]:
    """The columns of an item table, most important kept longest: id, days left and title always; then
    completion, state, the due date and the owner (dropped first) as the screen allows."""
    ids, titles, dues, days, states, owners, completions = [], [], [], [], [], [], []
    for status in statuses:
        item = status.task.item
        title = Text(("‼ " if item.critical else "") + visible(item.title), style="bold" if item.critical else "")
        if compact and item.target:
            title.append(f" ({completion_text(status, lang)})")
        if status.blocked_by:
            # the item ids alone (the full ids are in list --blocked --json): an id is never cut in a title
            names = list(dict.fromkeys(key.partition("/")[2].partition("@")[0] for key in status.blocked_by))
            shown = ", ".join(names[:2]) + (" …" if len(names) > 2 else "")
            title.append(" ⛔ " + t("status.blocked_by", lang, ids=shown), style="red")
        ids.append(Text(status.key))
        titles.append(title)
        dues.append(Text(f"{fmt_date_short(status.due, lang)} ({status.due_label})") if status.due
                    else Text("—", style="dim"))
        days.append(Text("—" if status.days_left is None else str(status.days_left), style=STATE_STYLE[status.state]))
        states.append(Text(t(f"state.{status.state}", lang), style=STATE_STYLE[status.state]))
        owners.append(Text(visible(item.owner or "—")))
        completions.append(completion_text(status, lang))
    columns = [Column(t("col.id", lang), ids), Column(t("col.title", lang), titles, wrap=True),
               Column(t("col.due", lang), dues, keep=3, wrap=True),
               Column(t("col.days_left", lang), days, justify="right")]
    if not compact or with_state:
        columns.append(Column(t("col.state", lang), states, keep=4))
    columns.append(Column(t("col.owner", lang), owners, keep=1, wrap=True))
    if not compact:
        columns.append(Column(t("col.completion", lang), completions, keep=5, justify="right"))
    return columns


def completion_text(status: TaskStatus, lang: Lang) -> str:
    item = status.task.item
    return fmt_completion(status.completion, status.item_state.value, item.target, item.unit, lang)


PLAIN_LIST_FROM = 300  # rows; past this a box table costs seconds to lay out and nobody reads its borders


def items_plain(statuses: list[TaskStatus], lang: Lang) -> str:
    """A long list as aligned plain lines: the same columns as items_table, fast for tens of thousands."""
    heads = [t(k, lang) for k in ("col.id", "col.due", "col.days_left", "col.state", "col.owner",
                                  "col.completion", "col.title")]
    rows = []
    for status in statuses:
        item = status.task.item
        due = f"{fmt_date_short(status.due, lang)} ({status.due_label})" if status.due else "—"
        rows.append([status.key, due, "—" if status.days_left is None else str(status.days_left),
                     t(f"state.{status.state}", lang), visible(item.owner or "—"), completion_text(status, lang),
                     ("‼ " if item.critical else "") + visible(item.title)])
    lines = [t("list.title", lang, count=len(statuses)), *aligned_lines(heads, rows, right_from=99, last_free=True)]
    return "\n".join(lines) + "\n"


def items_table(statuses: list[TaskStatus], lang: Lang, width: int) -> RenderableType:
    title = t("list.title", lang, count=len(statuses))
    columns = _item_columns(statuses, lang)
    chosen = choose(columns, width)
    if chosen is not None and columns[-1] not in chosen:
        # No room for the completion column: a quantitative item's value goes with its title instead.
        columns = [c for c in _item_columns(statuses, lang, compact=True, with_state=True)]
    return fitted(title, columns, width)


def status_view(report: StatusReport, lang: Lang, limit: int, width: int,
                rest_command: str = "pilkada list", extra=None, phases: bool = True) -> RenderGroup:
    """The status screen. `rest_command` is the `pilkada list` command (with this view's filters) that
    shows what the attention tables leave out; the state is appended to it."""
    parts = [header(report, lang), Text(""), overall_line(report, lang), Text("")]
    if report.stakeholders:
        parts.append(progress_table(report, lang, phases))
    attention = report.attention(limit)
    for key, state, shown, total in (("status.attention_due_soon", "segera", attention.due_soon,
                                      attention.due_soon_total),
                                     ("status.attention_overdue", "terlambat", attention.overdue,
                                      attention.overdue_total)):
        if not total:
            continue
        caption = None
        if total > len(shown):
            caption = t("status.more_items", lang, count=total - len(shown),
                        command=f"{rest_command} --state {state if lang == 'id' else _ENGLISH_STATE[state]}")
        parts.append(attention_table(shown, t(key, lang, count=total), lang, width, caption))
    if not (attention.due_soon_total or attention.overdue_total):
        parts.append(Text(t("status.nothing_urgent", lang), style="green"))
    if extra is not None:  # e.g. the critical path
        parts.append(extra)
    if report.unknown_items:
        parts.append(Text(t("status.unknown_items", lang, count=len(report.unknown_items),
                            ids=", ".join(report.unknown_items[:5])), style="yellow"))
    return RenderGroup(*parts)


def log_table(events, known: set[str], tz, lang: Lang, width: int) -> RenderableType:
    """The journal as a table: when (in the plan's zone), who, what, which item, value, note."""
    from pilkada_cli.i18n import fmt_num

    when, who, what, items, values, notes = (Column(t(key, lang)) for key in (
        "col.when", "col.who", "col.what", "col.item", "col.value", "col.note"))
    who.wrap = notes.wrap = True
    who.keep, values.keep, notes.keep = 3, 2, 1
    for event in events:
        item = Text(visible(event.key))
        if event.key not in known:
            item.append(" " + t("log.not_in_plan", lang), style="yellow")
        when.cells.append(_when(event, tz, lang))
        who.cells.append(Text(visible(who_text(event, lang))))
        what.cells.append(t(f"kind.{event.kind}", lang))
        items.cells.append(item)
        values.cells.append("" if event.value is None else fmt_num(event.value, lang))
        notes.cells.append(Text(visible(event.note or "")))
    return fitted(t("log.title", lang, count=len(events)), [when, who, what, items, values, notes], width)


def _when(event, tz, lang: Lang) -> Text:
    """When an entry speaks for; a late entry (recorded more than a day after) also says when it was recorded."""
    moment = event.ts.astimezone(tz)
    text = Text(f"{fmt_date_short(moment.date(), lang)} {moment:%H:%M}")
    if event.late:
        recorded = event.recorded_at.astimezone(tz)
        text.append(" " + t("log.late", lang, when=f"{fmt_date_short(recorded.date(), lang)} {recorded:%H:%M}"),
                    style="yellow")
    return text


def who_text(event, lang: Lang) -> str:
    """Who an entry is by: the person it was recorded for (and the identity that recorded it), and who brought
    it in from another journal ("kapolres_sumtim, dibawa oleh polda_it")."""
    text = event.actor if not event.on_behalf_of or event.on_behalf_of == event.actor \
        else f"{event.on_behalf_of} ({event.actor})"
    return t("log.brought_by", lang, who=text, by=event.recorded_by) if event.recorded_by else text


def region_urgency(region) -> tuple:
    """Most urgent first: most overdue, then the nearest vote day, then the least progress."""
    return (-region.group.counts.overdue, region.days_to_vote, region.group.progress, region.region.id)


REGION_TABLE_UP_TO = 60  # regions; a national plan's 545 rows are laid out as aligned lines instead


def regions_view(report: StatusReport, lang: Lang, width: int) -> RenderGroup:
    """One row per region: its vote day, countdown, progress and counts; the worst highlighted."""
    regions = sorted(report.regions, key=region_urgency)
    worst = {r.region.id for r in regions[:3] if r.group.counts.overdue}
    if len(regions) > REGION_TABLE_UP_TO:
        return RenderGroup(header(report, lang), Text(""), overall_line(report, lang), Text(""),
                           _regions_lines(regions, worst, lang))
    bar_width = 10 if width >= 100 else 5
    columns = [Column(t(key, lang), keep=keep, justify=justify) for key, keep, justify in (
        ("col.region", ESSENTIAL, "left"), ("col.vote_day", 1, "left"), ("col.countdown", ESSENTIAL, "left"),
        ("col.progress", ESSENTIAL, "left"), ("col.overdue", 4, "right"), ("col.due_soon", 3, "right"),
        ("col.done", 2, "right"))]
    columns[0].wrap = True  # a long region name wraps before a count is dropped
    for entry in regions:
        counts = entry.group.counts
        cells = (Text(visible(entry.region.name), style="bold red" if entry.region.id in worst else ""),
                 fmt_date_short(entry.vote_date, lang), countdown_text(entry.days_to_vote, lang),
                 _progress_cell(entry.group.progress, lang, width=bar_width), _count(counts.overdue, "red"),
                 _count(counts.due_soon, "yellow"), f"{counts.done}/{counts.total}")
        for column, cell in zip(columns, cells):
            column.cells.append(cell)
    table = fitted(t("regions.title", lang, count=len(regions)), columns, width)
    return RenderGroup(header(report, lang), Text(""), overall_line(report, lang), Text(""), table)


def _regions_lines(regions: list, worst: set[str], lang: Lang) -> Text:
    """The region table as aligned lines: the same columns, laid out in one pass."""
    heads = [t(k, lang) for k in ("col.region", "col.vote_day", "col.countdown", "col.progress", "col.overdue",
                                  "col.due_soon", "col.done")]
    rows = [[visible(entry.region.name), fmt_date_short(entry.vote_date, lang), countdown_text(entry.days_to_vote, lang),
             _progress_plain(entry.group.progress, lang),
             str(entry.group.counts.overdue), str(entry.group.counts.due_soon),
             f"{entry.group.counts.done}/{entry.group.counts.total}"] for entry in regions]
    return _lines_text(t("regions.title", lang, count=len(regions)), heads, rows, 4,
                       ["bold red" if entry.region.id in worst else "" for entry in regions])


def _lines_text(title: str, heads: list[str], rows: list[list[str]], right_from: int, styles: list[str]) -> Text:
    """A titled block of aligned lines with a bold header, each row in its own style."""
    header, *lines = aligned_lines(heads, rows, right_from=right_from)
    text = Text(title + "\n", style="italic", no_wrap=True)
    text.append(header + "\n", style="bold")
    for line, style in zip(lines, styles):
        text.append(line + "\n", style=style)
    return text


def summaries_table(runs, tz, lang: Lang, offices: dict[str, str] | None = None) -> Table:
    """The recorded summary runs: when, for which day and filter (an office's delivery: the office, from
    `offices`, scope -> name), by whom, and whether the mail or webhook call went out."""
    table = Table(title=t("log.summaries_title", lang, count=len(runs)), title_justify="left")
    for key in ("col.when", "col.day", "col.scope", "col.who", "col.delivery", "col.recipients"):
        # an address or a webhook's URL is one long word: folded, never cut, so each delivery can be told apart
        table.add_column(t(key, lang), overflow="fold" if key == "col.recipients" else "ellipsis")
    for run in runs:
        moment = run.ts.astimezone(tz)
        delivery = Text("—", style="dim") if run.delivery is None else Text(
            t("log.delivery_ok", lang), style="green") if run.delivery == "ok" else Text(visible(run.delivery), style="red")
        scope = (offices or {}).get(run.scope, run.scope)
        table.add_row(f"{fmt_date_short(moment.date(), lang)} {moment:%H:%M}", visible(run.day), visible(scope),
                      Text(visible(run.actor)), delivery, Text(visible(run.detail or "")))
    return table
