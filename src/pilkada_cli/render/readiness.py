"""Terminal views of readiness: the Go/No-Go poll (offices x call, worst first, the GO offices of a
per-region stakeholder folded into one row when there are many), the vulnerability register and its heat
map (letters as well as colours, so it reads on paper and without colour), and the critical path."""

from __future__ import annotations

from rich.console import Group as RenderGroup
from rich.console import RenderableType
from rich.text import Text

from pilkada_cli.i18n import Lang, office_label, t
from pilkada_cli.model import DIMENSIONS, LEVELS, Plan
from pilkada_cli.render.fit import ESSENTIAL, Column, fitted
from pilkada_cli.render.terminal import countdown_text
from pilkada_cli.report.readiness import GO, CriticalPath, Poll
from pilkada_cli.report.risk import Register
from pilkada_cli.safe_text import visible

CALL_STYLE = {"GO": "bold green", "NO-GO": "bold red"}
LEVEL_STYLE = {"rendah": "green", "sedang": "yellow", "tinggi": "bold red"}
LEVEL_LETTER = {"rendah": "R", "sedang": "S", "tinggi": "T"}
FOLD_FROM = 5  # GO offices of one stakeholder shown one by one up to this many


def _office_name(plan: Plan, office) -> str:
    return visible(office.stakeholder.display_name(office.region) if office.region
                   else office.stakeholder.display_name())


def _reasons(office, lang: Lang, limit: int = 3) -> str:
    parts = [f"{visible(key)} ({t('gonogo.reason.' + reason, lang)})" for key, reason in office.reasons[:limit]]
    if len(office.reasons) > limit:
        parts.append(t("gonogo.more", lang, count=len(office.reasons) - limit))
    if office.declared:
        parts.append(t("gonogo.declared", lang, call=office.declared["call"].upper(), by=visible(office.declared["by"])))
    if office.warnings:
        parts.append(t("gonogo.warnings", lang, count=len(office.warnings)))
    return "; ".join(parts) or "—"


def poll_view(plan: Plan, result: Poll, lang: Lang, width: int) -> RenderableType:
    header = Text()
    header.append(t("gonogo.title", lang, countdown=countdown_text(result.days_to_vote, lang)), style="bold")
    header.append("  ")
    header.append(t("gonogo.overall", lang, call=result.call), style=CALL_STYLE[result.call])
    offices, calls, reasons = Column(t("col.office", lang)), Column(t("col.call", lang)), \
        Column(t("col.reasons", lang), wrap=True)
    offices.wrap = True
    folded: dict[str, list] = {}
    for office in result.offices:
        if office.call == GO and office.region is not None and not office.warnings and not office.declared:
            folded.setdefault(office.stakeholder.id, []).append(office)
    shown_folded: set[str] = set()
    for office in result.offices:
        group = folded.get(office.stakeholder.id, [])
        if office in group and len(group) > FOLD_FROM:
            if office.stakeholder.id in shown_folded:
                continue
            shown_folded.add(office.stakeholder.id)
            offices.cells.append(Text(t("gonogo.folded", lang, name=office_label(plan, office.stakeholder, lang),
                                        count=len(group))))
            calls.cells.append(Text(GO, style=CALL_STYLE[GO]))
            reasons.cells.append(Text("—"))
            continue
        offices.cells.append(Text(_office_name(plan, office)))
        calls.cells.append(Text(office.call, style=CALL_STYLE[office.call]))
        reasons.cells.append(Text(_reasons(office, lang)))
    no_go = sum(1 for o in result.offices if o.call != GO)
    table = fitted(t("gonogo.table", lang, no_go=no_go, total=len(result.offices)), [offices, calls, reasons],
                   width)
    return RenderGroup(header, Text(""), table)


def register_view(plan: Plan, register: Register, lang: Lang, width: int) -> RenderableType:
    ids, titles, levels, stages, mitigated = (Column(t(k, lang)) for k in (
        "col.id", "col.title", "col.level", "col.stage", "col.mitigation"))
    titles.wrap = True
    stages.keep, mitigated.justify = 2, "right"
    for entry in register.entries:
        ids.cells.append(Text(visible(entry.key)))
        titles.cells.append(Text(visible(entry.risk.title)))
        levels.cells.append(Text(t(f"level.{entry.level}", lang), style=LEVEL_STYLE[entry.level]))
        stages.cells.append(t(f"stage.{entry.stage}", lang))
        mitigated.cells.append(f"{entry.mitigation_progress:.0f}%".replace(".", ","))
    table = fitted(t("risk.table", lang, count=len(register.entries)), [ids, titles, levels, stages, mitigated],
                   width)
    return RenderGroup(table, heatmap_view(plan, register, lang, width))


def heatmap_view(plan: Plan, register: Register, lang: Lang, width: int) -> RenderableType:
    cells = register.heatmap()
    names = {r.id: r.name for r in plan.regions}
    place = Column(t("col.region", lang), wrap=True)
    columns = [place] + [Column(t(f"dimension.{d}", lang), keep=ESSENTIAL) for d in DIMENSIONS]
    for region_id in sorted(cells, key=lambda r: (-max(LEVELS.index(v) for v in cells[r].values()), r)):
        place.cells.append(Text(visible(names.get(region_id, region_id))))
        for column, dimension in zip(columns[1:], DIMENSIONS):
            level = cells[region_id].get(dimension)
            column.cells.append(Text(f"{LEVEL_LETTER[level]} {t(f'level.{level}', lang)}", style=LEVEL_STYLE[level])
                                if level else Text("·", style="dim"))
    return fitted(t("risk.heatmap", lang), columns, width, caption=t("risk.legend", lang))


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
