"""What `status` lists as needing attention: the items due soon and overdue, as rows within a limit, an item's
instances in the same state with the same days left as one row (22 Polres escorting logistics at H-1 are one
line, not the whole screen). Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

__all__ = ["Attention", "Shown", "attention_rows"]


class Shown(NamedTuple):
    """A row of what needs attention: an item's status (report.status.TaskStatus), standing for `instances`
    instances (a per-region item in the same state with the same days left in that many regions)."""

    status: Any
    instances: int = 1


@dataclass(frozen=True)
class Attention:
    """The rows `status` lists as needing attention, and how many items of each kind there are in all."""

    due_soon: list[Shown]
    due_soon_total: int
    overdue: list[Shown]
    overdue_total: int


def attention_rows(statuses: Iterable[Any], soon_total: int, overdue_total: int, stands_for: dict[str, int],
                   limit: int) -> Attention:
    """Within `limit` rows shared between what is due soon (critical first, then the nearest) and what is
    overdue (critical first, then the most late, as `list` and the daily summary order them): on the eve of the
    vote, the H-1 escorts are not hidden behind months-old misses, as the rows are shared. The totals are the report's counts, as
    `statuses` may hold only the first rows of each (counted in SQL, where `stands_for` says how many instances
    each listed status stands for)."""
    statuses = list(statuses)
    due_soon = _rows(sorted((s for s in statuses if s.state == "due_soon"),
                            key=lambda s: (not s.task.item.critical, s.days_left, s.key)), stands_for)
    overdue = _rows(sorted((s for s in statuses if s.state == "overdue"),
                           key=lambda s: (not s.task.item.critical, s.days_left, s.key)), stands_for)
    soon_rows = min(len(due_soon), max(limit - len(overdue), (limit + 1) // 2))
    overdue_rows = min(len(overdue), limit - soon_rows)
    return Attention(due_soon[:soon_rows], soon_total, overdue[:overdue_rows], overdue_total)


def _rows(ordered: list, stands_for: dict[str, int]) -> list[Shown]:
    """Statuses in order, an item's instances with the same days left as one row (at its first)."""
    rows: dict[tuple[str, int | None], list] = {}
    for status in ordered:
        task = status.task
        same = (task.item.full_id if task.region else task.key, status.days_left)
        row = rows.get(same)
        if row is None:
            rows[same] = [status, stands_for.get(status.key, 1)]
        else:
            row[1] += stands_for.get(status.key, 1)
    return [Shown(status, instances) for status, instances in rows.values()]
