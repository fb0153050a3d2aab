"""Rich renderables for what commands show. Renderers return renderables; commands print once.
User text (titles, names, owners) goes in as rich.text.Text, never as markup."""

from __future__ import annotations

from rich.console import Group as RenderGroup
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from pilkada_cli.i18n import (Lang, fmt_completion, fmt_date_long, fmt_date_short, fmt_days, fmt_days_left, fmt_pct,
                              office_label, t)
from pilkada_cli.model import LEVELS
from pilkada_cli.safe_text import visible
from pilkada_cli.render.fit import ESSENTIAL, Column, choose, fitted
from pilkada_cli.report.attention import Shown
from pilkada_cli.report.status import PhaseReport, StatusReport, TaskStatus, countdown_label

STATE_STYLE = {"done": "green", "overdue": "bold red", "due_soon": "yellow", "upcoming": "cyan", "no_due": "dim"}
BLOCKED_MARK = "⛔"


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
    if days == 0:  # a one-day phase (the vote day) is just running, not on its last day
        return t("status.phase_last_day", lang, name=phase.phase.name) if phase.start < phase.end else phase.phase.name
    return t("status.phase_days_left", lang, name=phase.phase.name, days=days)


def overall_line(report: StatusReport, lang: Lang, width: int) -> Text:
    """`Progres keseluruhan  ███░░  12,5%  5/40 selesai · 2 terlambat · 3 segera`; the counts on a line of
    their own where the screen is narrower than that, never broken in the middle."""
    counts = report.overall.counts
    text = Text(t("status.overall", lang) + "  ")
    text.append(bar(report.overall.progress), style="green")
    text.append(f"  {fmt_pct(report.overall.progress, lang)}", style="bold")
    detail = t("status.counts_line", lang, done=counts.done, total=counts.total, overdue=counts.overdue,
               due_soon=counts.due_soon)
    text.append(("  " if text.cell_len + 2 + len(detail) <= width else "\n") + detail)
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
        table.add_row(Text(office_label(report.plan, entry.stakeholder, lang, _in_view(report)), style="bold"),
                      _progress_cell(group.progress, lang),
                      f"{group.counts.done}/{group.counts.total}", _count(group.counts.overdue, "red"),
                      _count(group.counts.due_soon, "yellow"))
        for phase, phase_group in entry.phases if phases else ():
            name = visible(phase.name) if phase else t("status.no_phase", lang)
            table.add_row(Text("  " + name), _progress_cell(phase_group.progress, lang, width=10),
                          f"{phase_group.counts.done}/{phase_group.counts.total}",
                          _count(phase_group.counts.overdue, "red"), _count(phase_group.counts.due_soon, "yellow"))
    return table


def _in_view(report: StatusReport) -> list:
    """The regions a status shows (all of them, or those of --region)."""
    return [entry.region for entry in report.regions]


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
        for name, group, strong in [(office_label(report.plan, entry.stakeholder, lang, _in_view(report)),
                                     entry.group, True)] + [
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


def attention_table(rows: list[Shown], title: str, lang: Lang, width: int, late: bool,
                    caption: str | None = None) -> RenderableType:
    """Items needing attention, all overdue (`late`) or all due soon: how late, or how long is left, in a
    column of its own, in the state's colour, so the title has room; then the due date and the owner. A row
    standing for an item in many regions shows the item's id and the number of regions."""
    ids, titles, days, dues, owners = (Column(t(key, lang)) for key in (
        "col.id", "col.title", "col.days_late" if late else "col.days_to_go", "col.due", "col.owner"))
    titles.wrap = dues.wrap = owners.wrap = True
    days.justify, dues.keep, owners.keep = "right", 3, 1
    for status, instances in rows:
        many = instances if instances > 1 else 0
        ids.cells.append(Text(status.task.item.full_id if many else status.key))
        cell = _title_cell(status, lang, with_value=not many)  # one row for many regions: their values differ
        if many:
            cell.append(" · " + t("status.in_regions", lang, count=many), style="magenta")
        titles.cells.append(cell)
        left = status.days_left or 0
        days.cells.append(Text(fmt_days(-left, lang) if late else fmt_days(left, lang) if left else
                               t("days.last_day", lang), style=STATE_STYLE[status.state]))
        dues.cells.append(_due_cell(status, lang))
        owners.cells.append(Text(visible(status.task.item.owner or "—")))
    return fitted(title, [ids, titles, days, dues, owners], width, lang, caption)


def _title_cell(status: TaskStatus, lang: Lang, with_value: bool) -> Text:
    """‼ for a critical item, the title, a quantitative item's value (`with_value`), what it waits for."""
    item = status.task.item
    title = Text(("‼ " if item.critical else "") + visible(item.title), style="bold" if item.critical else "")
    if with_value and status.task.target:
        title.append(f" ({completion_text(status, lang)})")
    if status.blocked_by:
        # the item ids alone (the full ids are in list --blocked --json): an id is never cut in a title
        names = list(dict.fromkeys(key.partition("/")[2].partition("@")[0] for key in status.blocked_by))
        shown = ", ".join(names[:2]) + (" …" if len(names) > 2 else "")
        title.append(f" {BLOCKED_MARK} " + t("status.blocked_by", lang, ids=shown), style="red")
    return title


def _due_cell(status: TaskStatus, lang: Lang) -> Text:
    if status.due is None:
        return Text("—", style="dim")
    return Text(f"{fmt_date_short(status.due, lang)} ({status.due_label})")


def state_text(status: TaskStatus, lang: Lang) -> str:
    """An item's state as a person reads it: `selesai`, `terlambat 8 hari`, `sisa 3 hari`, `tanpa tenggat`."""
    if status.state in ("done", "no_due") or status.days_left is None:
        return t(f"state.{status.state}", lang)
    return fmt_days_left(status.days_left, lang)


def completion_text(status: TaskStatus, lang: Lang) -> str:
    return fmt_completion(status.completion, status.item_state.value, status.task.target, status.task.item.unit, lang)


PLAIN_LIST_FROM = 300  # rows; past this a box table costs seconds to lay out and nobody reads its borders


def items_plain(statuses: list[TaskStatus], lang: Lang) -> str:
    """A long list as aligned plain lines: the same columns as items_table, fast for tens of thousands."""
    heads = [t(k, lang) for k in ("col.id", "col.due", "col.state", "col.owner", "col.completion", "col.title")]
    rows = []
    for status in statuses:
        item = status.task.item
        due = f"{fmt_date_short(status.due, lang)} ({status.due_label})" if status.due else "—"
        rows.append([status.key, due, state_text(status, lang), visible(item.owner or "—"),
                     completion_text(status, lang), ("‼ " if item.critical else "") + visible(item.title)])
    lines = [t("list.title", lang, count=len(statuses)), *aligned_lines(heads, rows, right_from=99, last_free=True)]
    return "\n".join(lines) + "\n"


def items_table(statuses: list[TaskStatus], lang: Lang, width: int) -> RenderableType:
    """`pilkada list`: id, title, due date and state always (in a table, or a block of lines per item where a
    table does not fit); completion, then the owner, go first when a table has no room for them, a
    quantitative item's value then joining its title."""
    columns = _list_columns(statuses, lang, with_completion=True)
    chosen = choose(columns, width)
    if chosen is not None and columns[-1] not in chosen:
        columns = _list_columns(statuses, lang, with_completion=False)
    return fitted(t("list.title", lang, count=len(statuses)), columns, width, lang)


def _list_columns(statuses: list[TaskStatus], lang: Lang, with_completion: bool) -> list[Column]:
    ids, titles, dues, states, owners, completions = (Column(t(key, lang)) for key in (
        "col.id", "col.title", "col.due", "col.state", "col.owner", "col.completion"))
    titles.wrap = dues.wrap = owners.wrap = True
    dues.block = "line"  # in a block of lines, the due date stays beside the id and the state
    owners.keep, completions.keep, completions.justify = 2, 1, "right"
    for status in statuses:
        ids.cells.append(Text(status.key))
        titles.cells.append(_title_cell(status, lang, with_value=not with_completion))
        dues.cells.append(_due_cell(status, lang))
        states.cells.append(Text(state_text(status, lang), style=STATE_STYLE[status.state]))
        owners.cells.append(Text(visible(status.task.item.owner or "—")))
        completions.cells.append(completion_text(status, lang))
    return [ids, titles, dues, states, owners] + ([completions] if with_completion else [])


def status_view(report: StatusReport, lang: Lang, limit: int, width: int,
                rest_command: str = "pilkada list", extra=None, phases: bool = True) -> RenderGroup:
    """The status screen. `rest_command` is the `pilkada list` command (with this view's filters) that
    shows what the attention tables leave out; the state is appended to it."""
    parts = [header(report, lang), Text(""), overall_line(report, lang, width), Text("")]
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
        listed = sum(row.instances for row in shown)
        if total > listed:
            caption = t("status.more_items", lang, count=total - listed,
                        command=f"{rest_command} --state {state if lang == 'id' else _ENGLISH_STATE[state]}")
        parts.append(attention_table(shown, t(key, lang, count=total), lang, width, state == "terlambat", caption))
    if not (attention.due_soon_total or attention.overdue_total):
        parts.append(Text(t("status.nothing_urgent", lang), style="green"))
    if extra is not None:  # e.g. the critical path
        parts.append(extra)
    if report.unknown_items:
        parts.append(Text(t("status.unknown_items", lang, count=len(report.unknown_items),
                            ids=", ".join(report.unknown_items[:5])), style="yellow"))
    return RenderGroup(*parts)


def log_table(entries, tz, lang: Lang, width: int, proofs: bool = False) -> RenderableType:
    """The journal as a table: when (in the plan's zone), who, what, which item, value, note. Nothing is left
    out to fit a screen: where the table does not fit, each entry is a block of lines, when, what and the item
    on the first, then who, the value and the note (`Oleh: ... · Catatan: ...`). Each of `entries`
    (tracker.records.LogEntry) not in the plan is marked so; with `proofs` (a plan with keys), who is marked
    proven by a signature, or its signature invalid."""
    when, who, what, items, values, notes = (Column(t(key, lang)) for key in (
        "col.when", "col.who", "col.what", "col.item", "col.value", "col.note"))
    who.wrap = notes.wrap = True
    who.block = values.block = notes.block = "detail"
    for entry in entries:
        event = entry.event
        item = Text(visible(event.key))
        if not entry.in_plan:
            item.append(" " + t("log.not_in_plan", lang), style="yellow")
        when.cells.append(_when(event, tz, lang))
        person = Text(visible(who_text(event, lang)))
        if proofs and entry.proof != "unsigned":
            person.append(" " + t(f"log.{entry.proof}", lang), style="green" if entry.proof == "proven" else "red")
        who.cells.append(person)
        what.cells.append(t(f"kind.{event.kind}", lang))
        items.cells.append(item)
        values.cells.append(_event_value(event, lang))
        notes.cells.append(Text(visible(event.note or "")))
    return fitted(t("log.title", lang, count=len(entries)), [when, who, what, items, values, notes], width, lang)


def _event_value(event, lang: Lang) -> str:
    """What an entry recorded: a value, an office's call (GO, NO-GO) or a risk's level."""
    import json

    from pilkada_cli.i18n import fmt_num

    if event.value is not None:
        return fmt_num(event.value, lang)
    try:
        detail = json.loads(event.detail) if event.detail else {}
    except ValueError:
        detail = {}
    if not isinstance(detail, dict):
        return ""
    if event.kind == "declare" and detail.get("call") in ("go", "no-go"):
        return detail["call"].upper()
    if event.kind == "assess" and detail.get("level") in LEVELS:
        return t(f"level.{detail['level']}", lang)
    return ""


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
        return RenderGroup(header(report, lang), Text(""), overall_line(report, lang, width), Text(""),
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
    table = fitted(t("regions.title", lang, count=len(regions)), columns, width, lang)
    return RenderGroup(header(report, lang), Text(""), overall_line(report, lang, width), Text(""), table)


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


def _scope_text(scope: str, lang: Lang) -> str:
    """A summary's filter as people read it: `seluruh rencana`, `Pemangku kepentingan: polres; Wilayah: belu`."""
    if scope == "all":
        return t("log.scope_all", lang)
    heads = {"stakeholder": "col.stakeholder", "region": "col.region"}
    parts = [part.partition("=") for part in scope.split(";")]
    return visible("; ".join(f"{t(heads[key], lang)}: {values}" if key in heads else key + sep + values
                             for key, sep, values in parts))


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
        scope = (offices or {}).get(run.scope) or _scope_text(run.scope, lang)
        table.add_row(f"{fmt_date_short(moment.date(), lang)} {moment:%H:%M}", visible(run.day), visible(scope),
                      Text(visible(run.actor)), delivery, Text(visible(run.detail or "")))
    return table
