"""The daily summary as plain text for WhatsApp (no ANSI, *bold*, a line per item), Markdown, and HTML
for the e-mail's second part. Built from the Summary record, never from terminal output."""

from __future__ import annotations

from pilkada_cli.i18n import Lang, fmt_date_long, fmt_date_short, fmt_days_left, fmt_pct, office_label, t
from pilkada_cli.report.status import TaskStatus
from pilkada_cli.safe_text import visible
from pilkada_cli.report.summary import Summary
from pilkada_cli.store.chain import SHORT

MAX_LISTED = 30  # lines per section with --stakeholder or --region: the full detail
DIGEST_LISTED = 4  # lines per section of the whole plan's digest: it must read on a phone
DIGEST_TITLE = 60  # characters of a title in the digest; the id leads to the rest
REGION_NAMES = 3  # regions named in a grouped line; the rest are counted


def _points(delta: float, lang: Lang) -> str:
    """`+4,2 poin`: the change in percentage points, always with one decimal."""
    text = fmt_pct(abs(delta), lang).rstrip("%")
    sign = "−" if round(delta, 1) < 0 else "+"
    return t("summary.points", lang, value=f"{sign}{text}")


def _countdown(summary: Summary, lang: Lang) -> str:
    return t("countdown.day", lang) if summary.days_to_vote == 0 else summary.countdown


def _grouped(statuses: list[TaskStatus]) -> list[list[TaskStatus]]:
    """Per-region instances of one item together (in the order of their first), other items alone."""
    groups: dict[str, list[TaskStatus]] = {}
    for status in statuses:
        key = status.task.item.full_id if status.task.region else status.key
        groups.setdefault(key, []).append(status)
    return list(groups.values())


def _item_line(group: list[TaskStatus], summary: Summary, lang: Lang, *, with_who: bool = False) -> str:
    status = group[0]
    item = status.task.item
    mark = "‼ " if item.critical else ""
    many = len(group) > 1
    title = visible(item.title)
    if not summary.filtered and len(title) > DIGEST_TITLE:
        title = title[:DIGEST_TITLE - 1].rstrip() + "…"
    line = f"{mark}{item.full_id if many else status.key}: {title}"
    if with_who:
        who = sorted({s.item_state.done_by or "?" for s in group})
        line += " " + t("summary.by", lang, who=", ".join(who))
        return line + (" · " + _regions([s.task.region for s in group], lang) if many else "")
    if status.due:
        line += " · " + t("summary.due", lang, date=fmt_date_short(status.due, lang), label=status.due_label)
        if status.days_left is not None:
            line += " · " + fmt_days_left(status.days_left, lang)
    if many:
        done, total = summary.regional.get(item.full_id, (0, len(group)))
        office = summary.plan.stakeholder(item.stakeholder).display_name()
        # naming three of 22 regions when none is done says nothing the count does not
        line += " · " + (t("summary.regions_none_done", lang, total=total, office=office) if not done else
                         t("summary.regions_done", lang, done=done, total=total, office=office,
                           regions=_regions([s.task.region for s in group], lang)))
    elif item.owner and summary.filtered:  # the digest leaves owners to the full detail
        line += f" · {visible(item.owner)}"
    return line


def _regions(regions: list, lang: Lang) -> str:
    """`Kabupaten Alor, Kabupaten Belu, Kabupaten Ende dan 19 lainnya`."""
    names = [visible(region.name) for region in regions if region is not None]
    shown = ", ".join(names[:REGION_NAMES])
    if len(names) > REGION_NAMES:
        shown += " " + t("summary.regions_more", lang, count=len(names) - REGION_NAMES)
    return shown


def _office_of(status: TaskStatus, summary: Summary) -> str:
    """The office an item belongs to, as people name it: `Polres Kabupaten Belu`, `Polda NTT`."""
    return visible(summary.plan.stakeholder(status.task.item.stakeholder).display_name(status.task.region))


def _more(summary: Summary, count: int, state: str, lang: Lang, critical: bool = False) -> str:
    """`… dan 12 lagi: pilkada list --state terlambat`, with the summary's filters (an office's own in its
    digest): the command lists what the line leaves out, not the whole plan's."""
    if summary.office is not None:
        stakeholder, _, region = summary.office[0].partition("@")  # the office's key: polres@belu
        stakeholders, regions = [stakeholder], [region] if region else []
    else:
        stakeholders, regions = summary.filters.stakeholders, summary.filters.regions
    command = f"pilkada list --state {state}" + (" --critical" if critical else "") + "".join(
        [f" --stakeholder {x}" for x in stakeholders] + [f" --region {x}" for x in regions])
    return t("summary.more", lang, count=count, command=command)


def _escalated(summary: Summary, lang: Lang, limit: int) -> tuple[str, list[str]]:
    """Critical items overdue too long, with their office in the leadership's digest: they come first."""
    groups = _grouped(summary.escalated)
    lines = []
    for group in groups[:limit]:
        line = _item_line(group, summary, lang)
        if summary.office is None and len(group) == 1:
            line = f"{_office_of(group[0], summary)}: {line}"
        lines.append(line)
    if len(groups) > limit:
        lines.append(_more(summary, sum(len(group) for group in groups[limit:]), _state_word("terlambat", lang), lang,
                           critical=True))
    return t("summary.escalated", lang, days=summary.plan.critical_overdue_days, count=len(summary.escalated)), lines


def _state_word(state: str, lang: Lang) -> str:
    """A state as `pilkada list --state` takes it in the output language."""
    return state if lang == "id" else {"selesai": "done", "terlambat": "overdue", "segera": "due_soon"}[state]


def sections(summary: Summary, lang: Lang) -> list[tuple[str, list[str]]]:
    """(heading, lines) pairs shared by every format."""
    since = fmt_date_short(summary.since, lang)
    result: list[tuple[str, list[str]]] = []
    limit = MAX_LISTED if summary.filtered else DIGEST_LISTED
    if summary.escalated:
        result.append(_escalated(summary, lang, limit))
    if summary.current_phases or summary.starting_phases:
        lines = [t("summary.phase_running", lang, name=w.phase.name, days=w.days) if w.days else
                 t("summary.phase_last_day" if w.start < w.end else "summary.phase_today", lang, name=w.phase.name)
                 for w in summary.current_phases]
        lines += [t("summary.phase_starting", lang, name=w.phase.name, date=fmt_date_short(w.start, lang),
                    days=w.days) for w in summary.starting_phases]
        result.append((t("summary.phases", lang), lines))
    overall = summary.overall
    in_view = [summary.region] if summary.region else None  # a summary for one region names its offices
    progress_lines = [t("summary.progress_line", lang, name=office_label(summary.plan, c.stakeholder, lang, in_view),
                        progress=fmt_pct(c.now.progress, lang), change=_points(c.delta, lang),
                        done=c.now.counts.done, total=c.now.counts.total)
                      for c in summary.stakeholders if c.stakeholder and summary.office is None]
    result.append((t("summary.progress", lang, progress=fmt_pct(overall.now.progress, lang),
                     done=overall.now.counts.done, total=overall.now.counts.total,
                     change=_points(overall.delta, lang), since=since), progress_lines))
    if summary.gonogo is not None:
        poll = summary.gonogo
        no_go = [o for o in poll.offices if o.call != "GO"]
        by_stakeholder: dict[str, list] = {}
        for office in no_go:  # one line per stakeholder: a phone screen, not 22 lines of Polres
            by_stakeholder.setdefault(office.stakeholder.id, []).append(office)
        lines = []
        for offices in by_stakeholder.values():
            first = offices[0]
            if len(offices) == 1:  # one office: named as itself, "Polres Kabupaten Belu"
                lines.append(t("summary.gonogo_office", lang, office=visible(summary.plan.office_name(
                    first.stakeholder, first.region)), count=len(first.reasons)))
            elif len(offices) == len(summary.plan.regions):  # every region: no names to pick three of
                lines.append(t("summary.gonogo_all_regions", lang, office=visible(first.stakeholder.display_name()),
                               count=len(offices)))
            else:
                lines.append(t("summary.gonogo_regions", lang, office=visible(first.stakeholder.display_name()),
                               count=len(offices), regions=_regions([o.region for o in offices], lang)))
        result.append((t("summary.gonogo", lang, call=poll.call, no_go=len(no_go)), lines or ["GO"]))
    if summary.risk_changes:
        lines = [f"{visible(key)}: {t('level.' + old, lang)} → {t('level.' + new, lang)}"
                 for key, old, new in summary.risk_changes[:MAX_LISTED]]
        result.append((t("summary.risk_changes", lang, since=since, count=len(summary.risk_changes)), lines))
    for key, statuses, who, state in (("summary.completed", summary.completed_since, True, "selesai"),
                                      ("summary.newly_overdue", summary.newly_overdue, False, "terlambat"),
                                      ("summary.overdue", summary.overdue, False, "terlambat"),
                                      ("summary.due_soon", summary.due_soon, False, "segera")):
        heading = t(key, lang, count=len(statuses), since=since, days=summary.plan.due_soon_days)
        groups = _grouped(statuses)
        lines = [_item_line(group, summary, lang, with_who=who) for group in groups[:limit]]
        if len(groups) > limit:
            lines.append(_more(summary, sum(len(group) for group in groups[limit:]), _state_word(state, lang), lang))
        if not statuses:
            lines = [t("summary.none", lang)]
        result.append((heading, lines))
    return result


def _title(summary: Summary, lang: Lang, bold=lambda text: f"*{text}*", escape=lambda text: text) -> tuple[str, str]:
    """The summary's name and its header line; `bold` marks the countdown in the format's own way, and
    `escape` protects the rest."""
    date = escape(fmt_date_long(summary.today, lang))
    countdown = bold(escape(_countdown(summary, lang)))
    if summary.days_to_vote == 0:  # "Hari H" once, not "Hari H · Hari H Rabu, ..."
        return visible(summary.title), t("summary.header_vote_day", lang, date=date, countdown=countdown)
    return visible(summary.title), t("summary.header", lang, date=date, countdown=countdown,
                            vote=escape(fmt_date_long(summary.vote_date, lang)))


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
    if summary.journal_head:
        out += ["", _chain(summary, lang)]
    return "\n".join(out) + "\n"


def _chain(summary: Summary, lang: Lang) -> str:
    """The journal's head: anyone can later check that history up to here was not rewritten."""
    events, digest = summary.journal_head or (0, "")
    text = t("summary.chain", lang, events=events, chain=digest[:SHORT])
    if summary.signatures is not None:
        proven, count = summary.signatures
        text += "\n" + t("summary.proven", lang, proven=proven, count=count,
                         since=fmt_date_short(summary.since, lang))
    return text


def as_markdown(summary: Summary, lang: Lang) -> str:
    name, header = _title(summary, lang, bold=lambda text: f"**{text}**", escape=_md)
    out = [f"# {_md(name)}", "", header]
    for heading, lines in sections(summary, lang):
        out += ["", f"## {_md(heading)}", ""]
        out.extend(f"- {_md(line)}" for line in lines)
    if summary.journal_head:
        out += ["", _md(_chain(summary, lang))]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Escape what Markdown would otherwise take as formatting in user text."""
    for char in "\\`*_[]<>#":
        text = text.replace(char, "\\" + char)
    return text


def as_html(summary: Summary, lang: Lang) -> str:
    """The e-mail's HTML part, from the same templates as the briefing page (escaped by Jinja2)."""
    from pilkada_cli.render.html import summary_html

    vote = "" if summary.days_to_vote == 0 else t("status.vote_day", lang, date=fmt_date_long(summary.vote_date, lang))
    return summary_html(visible(summary.title), fmt_date_long(summary.today, lang), _countdown(summary, lang), vote,
                        sections(summary, lang), _chain(summary, lang) if summary.journal_head else None, lang)
