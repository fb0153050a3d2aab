"""Terminal views of readiness: the Go/No-Go poll (offices x call, worst first, the GO offices of a
per-region stakeholder folded into one row when there are many), the vulnerability register and its heat
map (letters as well as colours, so it reads on paper and without colour), and the critical path."""

from __future__ import annotations

from rich.console import Group as RenderGroup
from rich.console import RenderableType
from rich.text import Text

from pilkada_cli.i18n import Lang, dimension_name, dimension_short, office_label, t
from pilkada_cli.model import LEVELS, Plan
from pilkada_cli.render.fit import ESSENTIAL, Column, fitted
from pilkada_cli.render.terminal import countdown_text
from pilkada_cli.report.readiness import GO, CriticalPath, Poll
from pilkada_cli.report.risk import Register
from pilkada_cli.safe_text import visible

CALL_STYLE = {"GO": "bold green", "NO-GO": "bold red"}
LEVEL_STYLE = {"rendah": "green", "sedang": "yellow", "tinggi": "bold red"}


def _office_name(plan: Plan, office) -> str:
    return visible(plan.office_name(office.stakeholder, office.region))


def _short(key: str) -> str:
    """`polres/pengawalan-logistik@belu` -> `pengawalan-logistik`: the office is already on the row."""
    return key.partition("/")[2].partition("@")[0] or key


def _reasons(offices: list, lang: Lang, limit: int = 2) -> str:
    """The reasons of one or more offices, most frequent first: `pengawalan-logistik (blocked) ×22`."""
    counts: dict[tuple[str, str], int] = {}
    for office in offices:
        for key, reason in office.reasons:
            counts[(_short(key), reason)] = counts.get((_short(key), reason), 0) + 1
    ranked = sorted(counts.items(), key=lambda entry: (-entry[1], entry[0]))
    parts = [f"{visible(item)} ({t('gonogo.reason.' + reason, lang)})" + (f" ×{n}" if len(offices) > 1 else "")
             for (item, reason), n in ranked[:limit]]
    if len(ranked) > limit:
        parts.append(t("gonogo.more", lang, count=len(ranked) - limit))
    declared = [o for o in offices if o.declared]
    if len(offices) == 1 and declared:
        parts.append(t("gonogo.declared", lang, call=declared[0].declared["call"],
                       by=visible(declared[0].declared["by"])))
    warnings = sum(len(o.warnings) for o in offices)
    if warnings:
        parts.append(t("gonogo.warnings", lang, count=warnings))
    return "; ".join(parts) or "—"


def poll_view(plan: Plan, result: Poll, lang: Lang, width: int, fold: bool = True) -> RenderableType:
    """One screen: every office on a row, or with `fold` (the whole plan), one row per per-region
    stakeholder with how many of its offices are NO-GO and their commonest reasons."""
    no_go = sum(1 for o in result.offices if o.call != GO)
    header = Text()
    header.append(t("gonogo.title", lang, countdown=countdown_text(result.days_to_vote, lang)), style="bold")
    header.append("  ")
    header.append(t("gonogo.overall", lang, call=result.call), style=CALL_STYLE[result.call])
    header.append("  " + t("gonogo.counts", lang, go=len(result.offices) - no_go, no_go=no_go))
    rows: list[tuple[str, str, str, str]] = []  # (office, call text, style key, reasons)
    grouped: dict[str, list] = {}
    for office in result.offices:
        if fold and office.region is not None:
            grouped.setdefault(office.stakeholder.id, []).append(office)
            if len(grouped[office.stakeholder.id]) > 1:
                continue
            rows.append(("group", office.stakeholder.id, "", ""))
        else:
            rows.append((_office_name(plan, office), office.call, office.call, _reasons([office], lang)))
    offices, calls, reasons = Column(t("col.office", lang), wrap=True), Column(t("col.call", lang)), \
        Column(t("col.reasons", lang), wrap=True)
    for name, call, style, why in rows:
        if name == "group":
            members = grouped[call]
            bad = [o for o in members if o.call != GO]
            name = office_label(plan, members[0].stakeholder, lang)
            style = "NO-GO" if bad else GO
            call = t("gonogo.group_call", lang, no_go=len(bad), total=len(members)) if bad else GO
            why = _reasons(bad or members, lang)
        offices.cells.append(Text(name))
        calls.cells.append(Text(call, style=CALL_STYLE[style]))
        reasons.cells.append(Text(why))
    table = fitted(t("gonogo.table", lang, no_go=no_go, total=len(result.offices)), [offices, calls, reasons],
                   width, lang, caption=t("gonogo.hint", lang) if fold and grouped else None)
    return RenderGroup(header, Text(""), table)


def register_view(plan: Plan, register: Register, lang: Lang, width: int, fold: bool = True) -> RenderableType:
    """The register; with `fold` (no region chosen) one row per risk: its highest level, in how many regions,
    and the mitigation progress there on average. The heat map follows."""
    ids, titles, levels, places, mitigated = (Column(t(k, lang)) for k in (
        "col.id", "col.risk", "col.level", "col.regions", "col.mitigation"))
    titles.wrap = True
    places.keep, mitigated.justify = 2, "right"
    groups: dict[str, list] = {}
    for entry in register.entries:
        groups.setdefault(entry.risk.id if fold else entry.key, []).append(entry)
    for key, entries in groups.items():
        top = max(entries, key=lambda e: LEVELS.index(e.level))
        progress = sum(e.mitigation_progress for e in entries) / len(entries)
        ids.cells.append(Text(visible(key)))
        titles.cells.append(Text(visible(top.risk.title)))
        levels.cells.append(Text(t(f"level.{top.level}", lang), style=LEVEL_STYLE[top.level]))
        places.cells.append(str(len(entries)) if fold else visible(top.region.name if top.region else "—"))
        mitigated.cells.append(f"{progress:.0f}%")
    table = fitted(t("risk.table", lang, count=len(groups)), [ids, titles, levels, places, mitigated], width,
                   lang, caption=t("risk.hint", lang) if fold and plan.regions else None)
    return RenderGroup(table, heatmap_view(plan, register, lang, width))


def heatmap_view(plan: Plan, register: Register, lang: Lang, width: int) -> RenderableType:
    cells = register.heatmap()
    names = {r.id: r.name for r in plan.regions}
    place = Column(t("col.region", lang), wrap=True)
    dimensions = plan.risk_dimensions
    columns = [place] + [Column(dimension_short(d, lang), keep=ESSENTIAL) for d in dimensions]
    for region_id in sorted(cells, key=lambda r: (-max(LEVELS.index(v) for v in cells[r].values()), r)):
        place.cells.append(Text(visible(names.get(region_id, region_id))))
        for column, dimension in zip(columns[1:], dimensions):
            level = cells[region_id].get(dimension.id)
            column.cells.append(Text(f"{t(f'level.letter.{level}', lang)} {t(f'level.{level}', lang)}",
                                     style=LEVEL_STYLE[level])
                                if level else Text("·", style="dim"))
    legend = t("risk.legend", lang) + " · " + ", ".join(
        f"{dimension_short(d, lang)} = {dimension_name(d, lang)}" for d in dimensions)
    return fitted(t("risk.heatmap", lang), columns, width, lang, caption=legend)


def critical_path_text(path: CriticalPath, lang: Lang) -> Text:
    text = Text(t("status.critical_path", lang, count=len(path.steps)) + " ", style="bold")
    for n, step in enumerate(path.steps):
        if n:
            text.append(" → ")
        text.append(visible(step.key), style="bold red" if step.state == "overdue" else "")
        text.append(f" ({step.due_label or '—'})")
    days = path.days_left
    if days is not None:
        text.append(" · ")
        text.append(t("status.path_late" if days < 0 else "status.path_left", lang, days=abs(days)),
                    style="bold red" if days < 0 else "yellow")
    return text
