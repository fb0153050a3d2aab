"""Validating what a plan says about readiness: item dependencies (spec section 10) and the vulnerability
register in `risks/` (spec section 12). Problems carry the file and line, with did-you-mean suggestions,
like every other plan problem; a dependency cycle is printed as its chain."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pilkada_cli.errors import Problem
from pilkada_cli.model import (DEFAULT_DIMENSIONS, DIMENSION_KEYS, LEVELS, PLAN_FILE, RISK_DIR, RISK_KEYS, Dimension,
                               Item, Region, Risk)
from pilkada_cli.similar import suggest


def resolve_dependencies(items: list[Item], problems: list[Problem]) -> list[Item]:
    """Items with `depends_on` written as full ids; unknown ids and cycles become plan errors."""
    from dataclasses import replace

    by_full = {item.full_id: item for item in items}
    resolved = []
    for item in items:
        full_ids = []
        for ref in item.depends_on:
            full = ref if "/" in ref else f"{item.stakeholder}/{ref}"
            if full not in by_full:
                close = suggest(full, by_full)
                key = "depends.unknown" if close else "depends.unknown_none"
                problems.append(Problem(Path(item.file), item.line, key,
                                        {"id": item.full_id, "ref": ref, "suggestions": ", ".join(close)}))
                continue
            if full == item.full_id:
                problems.append(Problem(Path(item.file), item.line, "depends.cycle",
                                        {"chain": f"{full} → {full}"}))
                continue
            full_ids.append(full)
        resolved.append(replace(item, depends_on=tuple(full_ids)) if item.depends_on else item)
    _report_cycles(resolved, problems)
    return resolved


def _report_cycles(items: list[Item], problems: list[Problem]) -> None:
    graph = {item.full_id: item.depends_on for item in items}
    where = {item.full_id: item for item in items}
    state: dict[str, int] = {}
    reported: set[frozenset] = set()

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        path.append(node)
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt):] + [nxt]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    first = where[cycle[0]]
                    problems.append(Problem(Path(first.file), first.line, "depends.cycle",
                                            {"chain": " → ".join(cycle)}))
            elif nxt not in state:
                visit(nxt, path)
        path.pop()
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node, [])


def load_dimensions(checker: Any, doc: Any) -> tuple[Dimension, ...]:
    """`risk_dimensions:` in pilkada.yaml: the heat map's columns in order; the IKP 2022's four without it."""
    from pilkada_cli.plan import yamlfile

    entries = checker.list_of(doc, "risk_dimensions", PLAN_FILE)
    if entries is None:
        return DEFAULT_DIMENSIONS
    if not entries:
        checker.error(checker.line_of(doc, "risk_dimensions"), "risk_dimensions.empty")
    found: dict[str, Dimension] = {}
    for index, entry in enumerate(entries):
        line = entries.lines[index] if isinstance(entries, yamlfile.LocList) else None
        if not checker.mapping(entry, "risk_dimensions[]", line):
            continue
        checker.keys(entry, DIMENSION_KEYS, DIMENSION_KEYS, "risk dimension")
        dimension_id = checker.slug(entry, "id", "risk dimension")
        name = checker.text(entry, "name", "risk dimension")
        if dimension_id is None:
            continue
        if dimension_id in found:
            checker.error(checker.line_of(entry, "id"), "id.duplicate", kind="risk dimension", id=dimension_id)
            continue
        found[dimension_id] = Dimension(dimension_id, name)
    return tuple(found.values()) or DEFAULT_DIMENSIONS


def load_risks(checker: Any, root: Path, items: list[Item], regions: dict[str, Region],
               dimensions: tuple[str, ...]) -> list[Risk]:
    """Every risk in `risks/*.yaml`, checked like checklists: unknown keys, dimensions (the plan's
    risk_dimensions), levels, regions and mitigation items, each with its file and line."""
    from pilkada_cli.plan import yamlfile

    folder = root / RISK_DIR
    if not folder.is_dir():
        return []
    known_items = {item.full_id: item for item in items}
    risks: list[Risk] = []
    seen: dict[str, str] = {}
    for path in sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()):
        checker.file = path
        try:
            doc = yamlfile.load(path)
        except yamlfile.YamlProblem as exc:
            checker.problems.append(exc.problem)
            continue
        if not checker.mapping(doc, "risks file", 1):
            continue
        checker.keys(doc, ("risks",), ("risks",), "risks file")
        entries = checker.list_of(doc, "risks", "risks file") or []
        for index, entry in enumerate(entries):
            line = entries.lines[index] if isinstance(entries, yamlfile.LocList) else None
            if not checker.mapping(entry, "risks[]", line):
                continue
            risk = _risk(checker, entry, known_items, regions, dimensions)
            if risk is None:
                continue
            if risk.id in seen:
                checker.error(entry.line, "id.duplicate", kind="risk", id=risk.id)
                continue
            seen[risk.id] = str(path)
            risks.append(risk)
    return risks


def _risk(checker: Any, entry: Any, items: dict[str, Item], regions: dict[str, Region],
          dimensions: tuple[str, ...]) -> Risk | None:
    checker.keys(entry, RISK_KEYS, ("id", "title", "dimension", "level"), "risk")
    risk_id = checker.slug(entry, "id", "risk")
    title = checker.text(entry, "title", "risk")
    dimension = checker.text(entry, "dimension", "risk")
    level = checker.text(entry, "level", "risk")
    for key, value, allowed in (("dimension", dimension, dimensions), ("level", level, LEVELS)):
        if value is not None and value not in allowed:
            close = suggest(value, allowed)
            checker.error(checker.line_of(entry, key), "risk.bad_choice" if close else "risk.bad_choice_none",
                          key=key, value=value[:40], choices=", ".join(allowed), suggestion=", ".join(close))
            return None
    risk_regions = checker.list_of(entry, "regions", "risk")
    if risk_regions is not None:
        for region_id in risk_regions:
            if str(region_id) not in regions:
                checker.unknown_ref(entry, "region", str(region_id), regions, checker.line_of(entry, "regions"))
                return None
    mitigations = []
    for ref in checker.list_of(entry, "mitigations", "risk") or []:
        ref = str(ref)
        if ref not in items:
            close = suggest(ref, items)
            checker.error(checker.line_of(entry, "mitigations"),
                          "risk.unknown_mitigation" if close else "risk.unknown_mitigation_none", ref=ref,
                          suggestions=", ".join(close))
            return None
        mitigations.append(ref)
    source = checker.text(entry, "source", "risk")
    if None in (risk_id, title, dimension, level):
        return None
    return Risk(risk_id, title, dimension, level, tuple(str(r) for r in risk_regions) if risk_regions else None,
                tuple(mitigations), source, str(checker.file), entry.line)
