"""Validation of a plan's files into records: walks pilkada.yaml and every checklist file once, building
the records and collecting every problem with its file, line, severity and catalogue key."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from pilkada_cli import dates
from pilkada_cli.addresses import check_address
from pilkada_cli.errors import BadInput, Problem
from pilkada_cli.model import (CHECKLIST_DIR, CHECKLIST_KEYS, DEFAULT_JOURNAL, ITEM_KEYS, LANGUAGES, NOTIFY_KEYS,
                               PHASE_KEYS, PLAN_FILE, PLAN_KEYS, PLAN_REQUIRED, REGION_KEYS, STAKEHOLDER_KEYS, Item,
                               Phase, Plan, Region, Stakeholder)
from pilkada_cli.plan import access, yamlfile
from pilkada_cli.plan.contacts import load_contacts
from pilkada_cli.plan.locations import checklist_files, data_dir
from pilkada_cli.plan.readiness import load_dimensions, load_risks, resolve_dependencies
from pilkada_cli.plan.regional import check_offices, item_target, read_offices
from pilkada_cli.similar import suggest
from pilkada_cli.values import MAX_VALUE

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class _Checker:
    """Walks a plan's files once, building records and collecting problems."""

    def __init__(self, root: Path, bundled: bool, env: Mapping[str, str]) -> None:
        self.root = root
        self.bundled = bundled
        self.env = env
        self.problems: list[Problem] = []
        self.file: Path = root / PLAN_FILE
        self._phase_lines: dict[str, int | None] = {}
        self._broken_phases: set[str] = set()
        self._offices: list[tuple[str, str, int | None]] = []  # every region's, checked once stakeholders are read

    # -- reporting

    def error(self, line: int | None, message: str, /, **params: Any) -> None:
        self.problems.append(Problem(self.file, line, message, params))

    def warn(self, line: int | None, message: str, /, **params: Any) -> None:
        self.problems.append(Problem(self.file, line, message, params, severity="warning"))

    def line_of(self, mapping: Any, key: str) -> int | None:
        if isinstance(mapping, yamlfile.LocDict):
            return mapping.lines.get(key, mapping.line)
        return None

    # -- generic shape checks

    def mapping(self, value: Any, what: str, line: int | None) -> bool:
        if isinstance(value, dict):
            return True
        kind = "list" if isinstance(value, list) else "value"
        self.error(getattr(value, "line", None) or line, f"shape.want_mapping_got_{kind}", what=what)
        return False

    def keys(self, mapping: yamlfile.LocDict, allowed: tuple[str, ...], required: tuple[str, ...], what: str) -> None:
        for key, line in getattr(mapping, "duplicates", []):
            self.error(line, "key.duplicate", key=key, what=what)
        for key in mapping:
            if key not in allowed:
                suggestion = next(iter(suggest(str(key), allowed, n=1)), None)
                if key == "password" or str(key).endswith("password"):
                    self.error(self.line_of(mapping, key), "notify.password_in_plan")
                elif suggestion:
                    self.error(self.line_of(mapping, key), "key.unknown_suggest", key=key, what=what, suggestion=suggestion)
                else:
                    self.error(self.line_of(mapping, key), "key.unknown", key=key, what=what, allowed=", ".join(allowed))
        for key in required:
            if key not in mapping or mapping[key] is None or mapping[key] == "":
                self.error(mapping.line, "key.missing", key=key, what=what)

    def text(self, mapping: yamlfile.LocDict, key: str, what: str, multiline: bool = False) -> str | None:
        value = mapping.get(key)
        if value is None:
            return None
        if isinstance(value, (dict, list)):
            self.error(self.line_of(mapping, key), "value.want_text", key=key, what=what)
            return None
        self.printable(str(value), self.line_of(mapping, key), key, what, multiline)
        return str(value)

    def printable(self, text: str, line: int | None, key: str, what: str, multiline: bool = False) -> None:
        """Plan text holds no control character: a CR or LF would split a calendar's or a mail's line, an ESC
        would drive a terminal. Only a note (`multiline`) may span lines or hold a tab."""
        allowed = "\n\t" if multiline else ""
        found = sorted({ch for ch in text if (ord(ch) < 32 or 127 <= ord(ch) < 160) and ch not in allowed})
        if found:
            self.error(line, "text.control_character_note" if multiline else "text.control_character", key=key,
                       what=what, chars=", ".join(ch.encode("unicode_escape").decode("ascii") for ch in found))

    def slug(self, mapping: yamlfile.LocDict, key: str, what: str) -> str | None:
        value = self.text(mapping, key, what)
        if value is not None and not SLUG.match(value):
            self.error(self.line_of(mapping, key), "slug.invalid", key=key, value=value[:60], what=what,
                       suggestion=_slugify(value))
            return None
        return value

    def date(self, mapping: yamlfile.LocDict, key: str, what: str, allow_offset: bool) -> Any:
        value = mapping.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, (dict, list, bool)):
            self.error(self.line_of(mapping, key), "value.want_date", key=key, what=what)
            return None
        try:
            when = dates.parse_when(value) if allow_offset else dates.parse_date(str(value))
        except BadInput as exc:
            self.error(self.line_of(mapping, key), exc.key, **exc.params)
            return None
        return when

    def number(self, mapping: yamlfile.LocDict, key: str, what: str) -> float | None:
        value = mapping.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.error(self.line_of(mapping, key), "value.want_number", key=key, what=what, value=str(value)[:40])
            return None
        if value > MAX_VALUE:
            self.error(self.line_of(mapping, key), "value.too_large", key=key, what=what, limit=f"{MAX_VALUE:,.0f}")
            return None
        if not value > 0 or value != value:
            self.error(self.line_of(mapping, key), "value.want_positive", key=key, what=what, value=value)
            return None
        return value

    def flag(self, mapping: yamlfile.LocDict, key: str, what: str) -> bool:
        value = mapping.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.error(self.line_of(mapping, key), "value.want_bool", key=key, what=what)
            return False
        return value

    def list_of(self, mapping: yamlfile.LocDict, key: str, what: str) -> list | None:
        value = mapping.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            self.error(self.line_of(mapping, key), "shape.want_list", key=key, what=what)
            return None
        return value

    # -- the plan file

    def run(self) -> Plan | None:
        try:
            doc = yamlfile.load(self.file)
        except yamlfile.YamlProblem as exc:
            if exc.problem.key == "file.missing":
                self.error(None, "plan.no_plan_file", path=str(self.root))
            else:
                self.problems.append(exc.problem)
            return None
        if not self.mapping(doc, PLAN_FILE, 1):
            return None
        self.keys(doc, PLAN_KEYS, PLAN_REQUIRED, PLAN_FILE)
        name = self.text(doc, "name", PLAN_FILE)
        vote_date = self.date(doc, "vote_date", PLAN_FILE, allow_offset=False)
        tz = self.timezone(doc, "timezone", PLAN_FILE)
        language = self.text(doc, "language", PLAN_FILE)
        if language is not None and language not in LANGUAGES:
            self.error(self.line_of(doc, "language"), "language.unknown", value=language[:20])
            language = None
        due_soon_days = 7
        if "due_soon_days" in doc:
            raw = doc["due_soon_days"]
            if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
                self.error(self.line_of(doc, "due_soon_days"), "due_soon.invalid", value=str(raw)[:20])
            else:
                due_soon_days = raw
        journal, journal_url = self.journal_path(doc)
        plan_id = self.slug(doc, "id", PLAN_FILE) if "id" in doc else _slugify(name or "rencana")
        regions = self.regions(doc)
        stakeholders = self.stakeholders(doc, regions)
        check_offices(self, self._offices, stakeholders)
        phases = self.phases(doc)
        notify = self.notify(doc)
        contacts, critical_overdue_days = load_contacts(self, doc, stakeholders, regions)
        items = resolve_dependencies(self.checklists(stakeholders, phases, regions), self.problems)
        dimensions = load_dimensions(self, doc)
        risks = load_risks(self, self.root, items, regions, tuple(d.id for d in dimensions))
        self.file = self.root / PLAN_FILE
        risk_during_days = 7
        if "risk_during_days" in doc:
            raw = doc["risk_during_days"]
            if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
                self.error(self.line_of(doc, "risk_during_days"), "due_soon.invalid", value=str(raw)[:20])
            else:
                risk_during_days = raw
        keys = access.signing_keys(self, doc)
        require_signatures = self.flag(doc, "require_signatures", PLAN_FILE)
        if vote_date is not None and phases:
            self.phase_checks(phases, items, vote_date)
        if any(p.is_error for p in self.problems) or None in (name, vote_date, tz):
            return None
        return Plan(root=self.root, name=name, vote_date=vote_date, timezone=tz, language=language,
                    due_soon_days=due_soon_days, journal_path=journal, stakeholders=tuple(stakeholders.values()),
                    phases=tuple(phases.values()), items=tuple(items), regions=tuple(regions.values()),
                    notify=notify, bundled=self.bundled, id=plan_id or "rencana", journal_url=journal_url,
                    risks=tuple(risks), risk_during_days=risk_during_days, risk_dimensions=dimensions, keys=keys,
                    require_signatures=require_signatures, contacts=contacts, critical_overdue_days=critical_overdue_days)

    def timezone(self, mapping: yamlfile.LocDict, key: str, what: str) -> str | None:
        name = self.text(mapping, key, what)
        if name is None:
            return None
        try:
            dates.zone(name)
        except BadInput:
            zones = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Pontianak")
            suggestion = next(iter(suggest(name, zones, n=1)), None)
            self.error(self.line_of(mapping, key), "timezone.unknown_in_plan", name=name[:60],
                       suggestion=suggestion or "Asia/Makassar")
            return None
        return dates.canonical_zone(name)

    def journal_path(self, doc: yamlfile.LocDict) -> tuple[Path, str | None]:
        """The SQLite file, and the PostgreSQL URL when `journal:` is one (spec section 13)."""
        if self.bundled:
            return data_dir(self.env) / "bundled" / "journal.sqlite3", None
        raw = self.text(doc, "journal", PLAN_FILE) or DEFAULT_JOURNAL
        if raw.startswith(("postgresql://", "postgres://")):
            if re.match(r"^postgres(ql)?://[^/@]*:[^/@]*@", raw):
                self.error(self.line_of(doc, "journal"), "journal.password_in_plan")
            return self.root / DEFAULT_JOURNAL, raw
        path = Path(raw).expanduser()
        return (path if path.is_absolute() else self.root / path), None

    def regions(self, doc: yamlfile.LocDict) -> dict[str, Region]:
        found: dict[str, Region] = {}
        entries = self.list_of(doc, "regions", PLAN_FILE) or []
        for index, entry in enumerate(entries):
            line = entries.lines[index] if isinstance(entries, yamlfile.LocList) else None
            if not self.mapping(entry, "regions[]", line):
                continue
            self.keys(entry, REGION_KEYS, ("id", "name"), "region")
            region_id = self.slug(entry, "id", "region")
            name = self.text(entry, "name", "region")
            vote_date = self.date(entry, "vote_date", "region", allow_offset=False)
            tz = self.timezone(entry, "timezone", "region")
            offices = read_offices(self, entry)
            self._offices += offices
            if region_id is None or name is None:
                continue
            if region_id in found:
                self.error(self.line_of(entry, "id"), "id.duplicate", kind="region", id=region_id)
                continue
            found[region_id] = Region(region_id, name, vote_date, tz, tuple((s, o) for s, o, _ in offices))
        return found

    def stakeholders(self, doc: yamlfile.LocDict, regions: dict[str, Region]) -> dict[str, Stakeholder]:
        has_regions = bool(regions)
        found: dict[str, Stakeholder] = {}
        entries = self.list_of(doc, "stakeholders", PLAN_FILE)
        if entries is not None and not entries:
            self.error(self.line_of(doc, "stakeholders"), "stakeholders.empty")
        for index, entry in enumerate(entries or []):
            line = entries.lines[index] if isinstance(entries, yamlfile.LocList) else None
            if not self.mapping(entry, "stakeholders[]", line):
                continue
            self.keys(entry, STAKEHOLDER_KEYS, ("id", "name"), "stakeholder")
            stakeholder_id = self.slug(entry, "id", "stakeholder")
            name = self.text(entry, "name", "stakeholder")
            per_region = self.flag(entry, "per_region", "stakeholder")
            editors = access.editors(self, entry, per_region, regions) if "editors" in entry else None
            if per_region and not has_regions:
                self.error(self.line_of(entry, "per_region"), "region.per_region_without_regions")
            if stakeholder_id is None or name is None:
                continue
            if stakeholder_id in found:
                self.error(self.line_of(entry, "id"), "id.duplicate", kind="stakeholder", id=stakeholder_id)
                continue
            found[stakeholder_id] = Stakeholder(stakeholder_id, name, per_region, editors)
        return found

    def phases(self, doc: yamlfile.LocDict) -> dict[str, Phase]:
        found: dict[str, Phase] = {}
        entries = self.list_of(doc, "phases", PLAN_FILE) or []
        for index, entry in enumerate(entries):
            line = entries.lines[index] if isinstance(entries, yamlfile.LocList) else None
            if not self.mapping(entry, "phases[]", line):
                continue
            self.keys(entry, PHASE_KEYS, PHASE_KEYS, "phase")
            phase_id = self.slug(entry, "id", "phase")
            name = self.text(entry, "name", "phase")
            start = self.date(entry, "start", "phase", allow_offset=True)
            end = self.date(entry, "end", "phase", allow_offset=True)
            if phase_id is None:
                continue
            if phase_id in found:
                self.error(self.line_of(entry, "id"), "id.duplicate", kind="phase", id=phase_id)
                continue
            # A phase with a broken date is still declared, so its items get no second, misleading error.
            if start is None or end is None:
                self._broken_phases.add(phase_id)
            found[phase_id] = Phase(phase_id, name or phase_id, start if start is not None else 0,
                                    end if end is not None else 0)
            self._phase_lines[phase_id] = self.line_of(entry, "end")
        return found

    def notify(self, doc: yamlfile.LocDict) -> dict[str, Any]:
        section = doc.get("notify")
        if section is None:
            return {}
        if not self.mapping(section, "notify", self.line_of(doc, "notify")):
            return {}
        self.keys(section, NOTIFY_KEYS, (), "notify")
        for key, value in section.items():
            if isinstance(value, str):
                self.printable(value, self.line_of(section, key), key, "notify")
        for key in ("mail_from", "mail_to"):  # `summary` would refuse them only when it sends, at 6 a.m.
            given = section.get(key)
            for address in given if isinstance(given, list) else [] if given is None else [given]:
                try:
                    check_address(str(address))
                except BadInput as exc:
                    self.error(self.line_of(section, key), "notify.bad_address", key=key, **exc.params)
        return dict(section)

    def phase_checks(self, phases: dict[str, Phase], items: list[Item], vote_date: date) -> None:
        self.file = self.root / PLAN_FILE
        phases = {k: v for k, v in phases.items() if k not in self._broken_phases}
        for phase in phases.values():
            start, end = dates.resolve(phase.start, vote_date), dates.resolve(phase.end, vote_date)
            if end < start:
                self.error(self._phase_lines.get(phase.id), "phase.ends_before_start", id=phase.id,
                           start=start.isoformat(), end=end.isoformat())
        for item in items:
            if item.due is None or item.phase not in phases:
                continue
            phase = phases[item.phase]
            due = dates.resolve(item.due, vote_date)
            start, end = dates.resolve(phase.start, vote_date), dates.resolve(phase.end, vote_date)
            if not start <= due <= end:
                self.problems.append(Problem(Path(item.file), item.line, "item.due_outside_phase",
                                             {"id": item.full_id, "due": due.isoformat(), "phase": phase.id,
                                              "start": start.isoformat(), "end": end.isoformat()}, "warning"))

    # -- checklist files

    def checklists(self, stakeholders: dict[str, Stakeholder], phases: dict[str, Phase],
                   regions: dict[str, Region]) -> list[Item]:
        folder = self.root / CHECKLIST_DIR
        self.file = self.root / PLAN_FILE
        if not folder.is_dir():
            self.error(None, "checklists.missing", path=str(folder))
            return []
        files = checklist_files(self.root)
        if not files:
            self.error(None, "checklists.empty", path=str(folder))
            return []
        items: list[Item] = []
        seen: dict[str, tuple[Path, int]] = {}
        counts = {s: 0 for s in stakeholders}
        for path in files:
            self.file = path
            for item in self.checklist_file(path, stakeholders, phases, regions):
                if item.full_id in seen:
                    first_file, first_line = seen[item.full_id]
                    self.error(item.line, "id.duplicate_item", id=item.full_id,
                               first=f"{_relative(first_file, self.root)}:{first_line}")
                    continue
                seen[item.full_id] = (path, item.line)
                counts[item.stakeholder] = counts.get(item.stakeholder, 0) + 1
                items.append(item)
        self.file = self.root / PLAN_FILE
        for stakeholder_id, count in counts.items():
            if count == 0:
                self.warn(None, "stakeholder.no_items", id=stakeholder_id)
        return items

    def checklist_file(self, path: Path, stakeholders: dict[str, Stakeholder], phases: dict[str, Phase],
                       regions: dict[str, Region]) -> list[Item]:
        try:
            doc = yamlfile.load(path)
        except yamlfile.YamlProblem as exc:
            self.problems.append(exc.problem)
            return []
        if not self.mapping(doc, "checklist", 1):
            return []
        self.keys(doc, CHECKLIST_KEYS, ("stakeholder",), "checklist")
        stakeholder_id = self.text(doc, "stakeholder", "checklist")
        if stakeholder_id is not None and stakeholder_id not in stakeholders:
            self.unknown_ref(doc, "stakeholder", stakeholder_id, stakeholders)
            stakeholder_id = None
        default_phase = self.text(doc, "phase", "checklist")
        if default_phase is not None and default_phase not in phases:
            self.unknown_ref(doc, "phase", default_phase, phases)
            default_phase = None
        entries = self.list_of(doc, "items", "checklist")
        if not entries:
            self.warn(doc.line, "checklist.no_items")
            return []
        per_region = bool(stakeholder_id and stakeholders[stakeholder_id].per_region)
        items = []
        for index, entry in enumerate(entries):
            line = entries.lines[index] if isinstance(entries, yamlfile.LocList) else None
            if not self.mapping(entry, "items[]", line):
                continue
            item = self.item(entry, stakeholder_id, default_phase, phases, regions, per_region)
            if item is not None:
                items.append(item)
        return items

    def unknown_ref(self, mapping: yamlfile.LocDict, key: str, value: str, declared: Mapping[str, Any],
                    line: int | None = None) -> None:
        suggestion = next(iter(suggest(str(value), declared, n=1)), None)
        message = f"{key}.undeclared_suggest" if suggestion else f"{key}.undeclared" if declared else \
            f"{key}.none_in_plan"
        self.error(line or self.line_of(mapping, key), message, value=str(value)[:60], suggestion=suggestion,
                   declared=", ".join(declared))

    def item(self, entry: yamlfile.LocDict, stakeholder_id: str | None, default_phase: str | None,
             phases: dict[str, Phase], regions: dict[str, Region], per_region: bool) -> Item | None:
        self.keys(entry, ITEM_KEYS, ("id", "title"), "item")
        item_id = self.slug(entry, "id", "item")
        title = self.text(entry, "title", "item")
        phase = self.text(entry, "phase", "item") or default_phase
        if phase is not None and phase not in phases:
            self.unknown_ref(entry, "phase", phase, phases)
            phase = None
        elif phase is None and phases:
            self.error(entry.line, "item.phase_missing", id=item_id or "?", declared=", ".join(phases))
        due = self.date(entry, "due", "item", allow_offset=True)
        weight = self.number(entry, "weight", "item")
        tags = self.list_of(entry, "tags", "item") or []
        if any(isinstance(t, (dict, list)) for t in tags):
            self.error(self.line_of(entry, "tags"), "value.want_text", key="tags", what="item")
            tags = []
        for tag in tags:
            self.printable(str(tag), self.line_of(entry, "tags"), "tags", "item")
        item_regions = self.list_of(entry, "regions", "item")
        if item_regions is not None:
            if not regions:
                self.error(self.line_of(entry, "regions"), "region.item_regions_without_regions")
                item_regions = None
            elif not per_region:
                self.error(self.line_of(entry, "regions"), "region.item_regions_not_per_region")
                item_regions = None
            else:
                for region_id in item_regions:
                    if str(region_id) not in regions:
                        self.unknown_ref(entry, "region", str(region_id), regions, self.line_of(entry, "regions"))
        target, region_targets = item_target(self, entry, regions, per_region, item_regions)
        owner = self.text(entry, "owner", "item")
        unit = self.text(entry, "unit", "item")
        notes = self.text(entry, "notes", "item", multiline=True)
        source = self.text(entry, "source", "item")
        critical = self.flag(entry, "critical", "item")
        depends_on = self.list_of(entry, "depends_on", "item") or []
        if any(not isinstance(ref, str) for ref in depends_on):
            self.error(self.line_of(entry, "depends_on"), "value.want_text", key="depends_on", what="item")
            depends_on = []
        if item_id is None or title is None or stakeholder_id is None:
            return None
        return Item(stakeholder=stakeholder_id, id=item_id, title=title, phase=phase, due=due, owner=owner,
                    weight=weight if weight is not None else 1, critical=critical, target=target, unit=unit,
                    tags=tuple(str(t) for t in tags), notes=notes,
                    regions=tuple(str(r) for r in item_regions) if item_regions else None,
                    file=str(self.file), line=entry.line, depends_on=tuple(depends_on),
                    region_targets=region_targets, source=source)



def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "contoh-id"
