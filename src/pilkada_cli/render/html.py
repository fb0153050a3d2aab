"""HTML from Jinja2 templates with autoescaping (every text from plans and the journal is escaped by the
template engine, never by hand): the briefing page of `pilkada report --html` and the HTML part of the
daily summary's e-mail. One self-contained page: inline CSS and SVG, no request to any other address."""

from __future__ import annotations

from datetime import date

from pilkada_cli.i18n import (Lang, dimension_name, fmt_date_long, fmt_date_short, fmt_days_left, fmt_pct,
                               office_label, t)
from pilkada_cli.model import LEVELS
from pilkada_cli.report.briefing import History, due_by_now, polyline
from pilkada_cli.report.status import StatusReport, countdown_label, phase_dates
from pilkada_cli.store.chain import SHORT

COLORS = ["#2f6db5", "#c0392b", "#16a085", "#8e44ad", "#d35400", "#2c3e50", "#7f8c8d", "#b7950b", "#1abc9c"]
CHART_W, CHART_H, PHASES_W = 520.0, 200.0, 900.0
ATTENTION_ROWS = 14
# A region's row is red when its progress is more than this many points behind what its deadlines ask for
# by today, amber when behind by less, green when on pace: one sentence a briefer can say (html.pace_*).
BEHIND_POINTS = 10


def _environment():
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("pilkada_cli", "render/templates"),
                       autoescape=select_autoescape(["html", "j2"], default=True),
                       trim_blocks=True, lstrip_blocks=True)


def summary_html(name: str, date_text: str, countdown: str, vote: str, sections: list, chain: str | None,
                 lang: Lang) -> str:
    return _environment().get_template("summary.html.j2").render(
        lang=lang, name=name, date=date_text, countdown=countdown, vote=vote, sections=sections, chain=chain,
        refresh=None)


def _words(lang: Lang) -> dict[str, str]:
    keys = ("current", "by_stakeholder", "stakeholder", "progress", "overdue", "due_soon", "over_time", "ideal",
            "phases", "today", "by_region", "region", "countdown", "attention", "item", "title", "state",
            "gonogo", "office", "call", "reasons", "risks", "due_by_now", "blocked")
    return {**{key: t(f"html.{key}", lang) for key in keys}, "vote_day": t("countdown.day", lang)}


def briefing(report: StatusReport, history: History, poll, register, lang: Lang, refresh: int | None,
             made: str, head: tuple[int, str] | None) -> str:
    plan = report.plan
    today = report.today
    overall = report.overall
    counts = overall.counts
    stakeholders = [{"name": office_label(plan, s.stakeholder, lang), "progress": fmt_pct(s.group.progress, lang),
                     "width": f"{s.group.progress:.1f}", "overdue": s.group.counts.overdue,
                     "due_soon": s.group.counts.due_soon} for s in report.stakeholders]
    end = max(plan.vote_date, today)
    span_days = max((end - history.start).days, 1)
    lines = [{"name": t("status.overall", lang), "color": "#1b2430", "width": 3,
              "points": polyline(history.overall, history.days, history.start, end, CHART_W, CHART_H)}]
    for n, entry in enumerate(report.stakeholders):
        values = history.stakeholders.get(entry.stakeholder.id)
        if values:
            lines.append({"name": office_label(plan, entry.stakeholder, lang), "color": COLORS[n % len(COLORS)],
                          "width": 1.5, "points": polyline(values, history.days, history.start, end, CHART_W,
                                                           CHART_H)})
    chart = {"width": CHART_W, "height": CHART_H, "lines": lines,
             "ideal": polyline([0.0, 100.0], [history.start, plan.vote_date], history.start, end, CHART_W, CHART_H),
             "today_x": f"{CHART_W * (today - history.start).days / span_days:.1f}",
             "ticks": [{"y": CHART_H * (1 - v / 100), "label": f"{v}%"} for v in (0, 25, 50, 75, 100)],
             "start_label": fmt_date_short(history.start, lang), "end_label": fmt_date_short(end, lang)}
    phases = _phases(report, lang)
    regions = []
    due = due_by_now(report.statuses)
    for entry in sorted(report.regions, key=lambda r: (r.group.progress - due.get(r.region.id, 0.0), r.region.name)):
        behind = due.get(entry.region.id, 0.0) - entry.group.progress
        regions.append({"name": entry.region.name, "countdown": countdown_label(entry.days_to_vote),
                        "progress": fmt_pct(entry.group.progress, lang), "due": fmt_pct(due.get(entry.region.id, 0.0),
                                                                                         lang),
                        "overdue": entry.group.counts.overdue, "due_soon": entry.group.counts.due_soon,
                        "pace": "far-behind" if behind > BEHIND_POINTS else "behind" if behind > 0 else "on-track"})
    attention = report.attention(ATTENTION_ROWS)
    rows = []
    for status, instances in attention.overdue + attention.due_soon:
        many = t("status.in_regions", lang, count=instances) if instances > 1 else ""
        rows.append({"id": status.task.item.full_id if many else status.key,
                     "title": status.task.item.title + (f" · {many}" if many else ""),
                     "critical": status.task.item.critical, "when": fmt_days_left(status.days_left, lang),
                     "css": "late" if status.state == "overdue" else "soon", "blocked": ", ".join(status.blocked_by[:2])})
    left_out = (attention.overdue_total + attention.due_soon_total
                - sum(row.instances for row in attention.overdue + attention.due_soon))
    gonogo_rows = []
    for office in poll.offices[:12]:
        name = plan.office_name(office.stakeholder, office.region)
        reasons = "; ".join(f"{key} ({t('gonogo.reason.' + why, lang)})" for key, why in office.reasons[:2])
        gonogo_rows.append({"name": name, "call": office.call, "reasons": reasons or "—"})
    heatmap = None
    if plan.risks:
        names = {r.id: r.name for r in plan.regions}
        cells = register.heatmap()
        dimensions = [d.id for d in plan.risk_dimensions]
        heatmap = {"dimensions": [dimension_name(d, lang) for d in plan.risk_dimensions], "rows": [
            {"name": names.get(place, t("html.whole_plan", lang)), "cells": [
                {"level": cells[place].get(d), "text": t(f"level.{cells[place][d]}", lang) if cells[place].get(d)
                 else "·"} for d in dimensions]}
            for place in sorted(cells, key=lambda p: (-max(LEVELS.index(v) for v in cells[p].values()), p))]}
    current = [p for p in report.phases if p.state == "current"]
    context = {
        "lang": lang, "refresh": refresh, "plan_name": plan.name, "footer": t("html.footer", lang, time=made, chain=head[1][:SHORT] if head else "-"), "words": _words(lang),
        "countdown": t("countdown.day", lang) if report.days_to_vote == 0 else report.countdown,
        "vote_label": t("status.vote_day", lang, date=fmt_date_long(plan.vote_date, lang)),
        "today_label": fmt_date_long(today, lang),
        "current_phases": ", ".join(p.phase.name for p in current),
        "overall": {"progress": fmt_pct(overall.progress, lang), "width": f"{overall.progress:.1f}",
                    "detail": t("status.counts_line", lang, done=counts.done, total=counts.total,
                                overdue=counts.overdue, due_soon=counts.due_soon)},
        "stakeholders": stakeholders, "chart": chart, "phases": phases, "regions": regions,
        "attention": rows, "attention_more": t("html.more", lang, count=left_out) if left_out > 0 else "",
        "pace": {key: t(f"html.pace_{key}", lang, points=BEHIND_POINTS) for key in ("due", "far", "behind", "on")},
        "gonogo": {"call": poll.call, "rows": gonogo_rows}, "heatmap": heatmap,
    }
    return _environment().get_template("briefing.html.j2").render(**context)


def _phases(report: StatusReport, lang: Lang) -> dict:
    plan = report.plan
    spans = [phase_dates(p, plan.vote_date) for p in plan.phases]
    if not spans:
        return {"rows": [], "width": PHASES_W, "today_x": 0, "vote_x": 0}
    first = min(min(s for s, _ in spans), report.today)
    last = max(max(e for _, e in spans), report.today)
    days = max((last - first).days, 1)

    def x(day: date) -> float:
        return PHASES_W * (day - first).days / days

    rows = []
    for phase, (start, end) in zip(plan.phases, spans):
        state = "past" if end < report.today else "future" if start > report.today else "current"
        rows.append({"name": phase.name, "x": round(x(start), 1), "w": round(max(x(end) - x(start), 3), 1),
                     "dates": f"{fmt_date_short(start, lang)} – {fmt_date_short(end, lang)}",
                     "color": {"past": "#aab7c4", "current": "#2f6db5", "future": "#d0dcea"}[state]})
    return {"rows": rows, "width": PHASES_W, "today_x": round(x(report.today), 1),
            "vote_x": round(x(plan.vote_date), 1)}
