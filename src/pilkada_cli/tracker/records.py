"""The records the library returns beside the reports' own (report/), and the small rules of reading what a
caller gives: one name or several, a risk level in either language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pilkada_cli import dates
from pilkada_cli.errors import BadInput
from pilkada_cli.model import Event, Task

Names = str | Iterable[str] | None  # one id or several (`region="belu"`, `region=["belu", "kupang"]`)
STATE_ALIASES = {"selesai": "done", "terlambat": "overdue", "segera": "due_soon", "mendatang": "upcoming",
                 "tanpa-tenggat": "no_due", "due-soon": "due_soon", "no-due": "no_due"}


@dataclass(frozen=True)
class TickResult:
    """What a tick did (store.tick.TickOutcome per item, in the order asked) and the offices it touched, each
    with its items' statuses after it: `offices` maps (stakeholder id, region) to their statuses, the first
    BULK_OFFICES of them for a bulk tick (`bulk`), `touched` every office in order."""

    outcomes: list
    offices: dict
    touched: list
    bulk: bool

    def status_of(self, key: str):
        for statuses in self.offices.values():
            for status in statuses:
                if status.key == key:
                    return status
        return None


@dataclass(frozen=True)
class CheckReport:
    """What `pilkada check` found: the plan's folder and every problem (errors.Problem), errors first."""

    root: Path
    problems: list

    @property
    def errors(self) -> int:
        return sum(p.is_error for p in self.problems)

    def to_dict(self, lang: str = "id") -> dict:
        """`pilkada check --json`, its messages in `lang`."""
        from pilkada_cli.i18n import t

        return {"schema": 1, "plan": str(self.root), "errors": self.errors,
                "warnings": len(self.problems) - self.errors,
                "problems": [{"file": str(p.file) if p.file else None, "line": p.line, "severity": p.severity,
                              "code": p.key, "message": t(p.key, lang, **p.params)} for p in self.problems]}


@dataclass(frozen=True)
class LogEntry:
    """An entry of `pilkada log`: the event, whether its item is in the plan, and whether its signature proves
    its author (spec section 16: proven, invalid or unsigned)."""

    event: Event
    in_plan: bool
    proof: str

    def to_dict(self, tz) -> dict:
        e = self.event
        return {"id": e.id, "time": e.ts.astimezone(tz).isoformat(timespec="seconds"), "item": e.key,
                "region": e.region, "kind": e.kind, "value": e.value, "actor": e.person, "identity": e.actor,
                "on_behalf_of": e.on_behalf_of, "uid": e.uid, "note": e.note, "in_plan": self.in_plan,
                "at": dates.utc_iso(e.ts), "recorded_at": dates.utc_iso(e.recorded_at) if e.recorded_at else None,
                "recorded_by": e.recorded_by, "late": e.late, "signature": e.signature, "proof": self.proof}


def listed(values: Any) -> tuple:
    """One value or several, as a tuple (`state="overdue"` or `state=["overdue", "due_soon"]`)."""
    if values is None:
        return ()
    return (values,) if isinstance(values, (str, Task)) else tuple(values)


LEVEL_WORDS = {"low": "rendah", "medium": "sedang", "high": "tinggi"}  # the English the help names


def level_name(value: str) -> str:
    """A risk level as the plan spells it (rendah, sedang, tinggi), given in Indonesian or English."""
    from pilkada_cli.model import LEVELS

    level = value.strip().lower()
    level = LEVEL_WORDS.get(level, level)
    if level not in LEVELS:
        raise BadInput("risk.bad_level", value=level[:20], choices=", ".join(LEVELS) + " (low, medium, high)")
    return level


def log_filter(item: str | None, stakeholders: tuple[str, ...], by: str | None):
    """Which entries `log` keeps: of an item (`stakeholder/item`, `item`, or either with `@region`), of these
    stakeholders, by or on behalf of someone."""
    def wanted(event: Event) -> bool:
        if item and item not in (event.item, event.key, event.item.split("/", 1)[-1], event.key.split("/", 1)[-1]):
            return False
        if stakeholders and event.item.split("/", 1)[0] not in stakeholders:
            return False
        return not by or by in (event.actor, event.on_behalf_of)

    return wanted
