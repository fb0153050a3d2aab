"""The journal's interface: what every store (SQLite today, PostgreSQL next) offers its callers.

Callers hold a `Store` and never a backend's class, so a second backend is a new module beside `sqlite.py`
and `open_store()` choosing it, not a rewrite of the commands."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from pilkada_cli.model import Event, ItemState, NewEvent, SummaryRun

class Within(Protocol):
    """What a check may read inside the write transaction, under the write lock."""

    def states(self, keys: list[str], targets: dict[str, float | None]) -> dict[str, ItemState]:
        """The items' folded states now (`targets`: every item's target in the plan)."""
        ...

    def events(self, keys: set[tuple[str, str | None]]) -> list[Event]:
        """Every event of these (item, region) pairs, in fold order."""
        ...


# Given what is recorded (read through `Within`) and the events requested, returns the events to write;
# called inside the write transaction, so the decision and the write are one.
Check = Callable[[Within, list[NewEvent]], list[NewEvent]]


class Store(Protocol):
    """An append-only journal of events and summary runs (spec section 5)."""

    def events(self, until: datetime | None = None, *, since: datetime | None = None,
               upto_event: int | None = None, after_event: int | None = None) -> list[Event]:
        """Every event in the order written, optionally only those before `until` / from `since` on / recorded
        no later than event number `upto_event` / after event number `after_event` (the journal's own
        sequence)."""
        ...

    def events_for(self, keys: set[tuple[str, str | None]]) -> list[Event]:
        """Every event of these (item, region) pairs, in fold order."""
        ...

    def summary_runs(self, scope: str | None = None) -> list[SummaryRun]:
        """The recorded summary runs for one scope (or all), oldest first."""
        ...

    def append(self, new_events: list[NewEvent], now: datetime | None = None, *,
               check: Check | None = None) -> list[Event]:
        """Append events in one transaction, timed by the store (`now` only for a late entry or a test clock);
        `check` may trim them under the write lock."""
        ...

    def record_summary(self, now: datetime | None, day: str, scope: str, actor: str, delivery: str | None,
                       detail: str | None = None) -> None:
        """Record that a summary ran, so the next one reports what changed since."""
        ...

    def current_states(self, targets: dict[str, float | None],
                       keys: list[str] | None = None) -> dict[str, ItemState]:
        """Items' folded states now (all, or those of `keys`)."""
        ...

    def identity(self) -> str:
        """Who is writing, as the store vouches for it: the database role, or the operating-system login."""
        ...

    def known_uids(self) -> set[str]:
        """The ids of every event held (what an import need not add)."""
        ...

    def head(self) -> tuple[int, str] | None:
        """The last event's number and its chain hash, or None for an empty journal."""
        ...

    def audit(self) -> list[tuple[str, dict]]:
        """(catalogue key, parameters) for everything that does not fit: the chain, the rows, the projection."""
        ...

    def integrity_ok(self) -> bool:
        """The backend's own consistency check."""
        ...


LABELS = ("done", "overdue", "due_soon", "upcoming", "no_due")  # the state codes 0-4 a count in SQL gives


@dataclass(frozen=True)
class Counted:
    """What a count in SQL gives back: (stakeholder, phase, state, weighted completion, weight, count) and
    (region, state, weighted completion, weight, count) sums; the first `limit` rows due soon and overdue in
    the order the status screen lists them (a row: an item's instances in that state with the same days left),
    as (item, region of the first instance, how many instances, then that instance's projected state) in no
    particular order (the screen sorts them); and the journal's keys that are not in the plan."""

    by_phase: list[tuple]
    by_region: list[tuple]
    due_soon: list[tuple]
    overdue: list[tuple]
    unknown: list[str]
