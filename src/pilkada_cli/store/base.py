"""The journal's interface: what every store (SQLite, PostgreSQL) offers its callers.

Callers hold a `Store` and never a backend's class: the SQLite journal decides in its own transaction, the
PostgreSQL journal's server in its own functions (spec section 15), and both answer the same calls."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NamedTuple, Protocol

from pilkada_cli.model import Event, ItemState, NewEvent, SummaryRun


class Ask(NamedTuple):
    """What a tick asks of one instance: done (no value), a value, or (with the tick's `undo`) an undo."""

    item: str
    region: str | None
    value: float | None = None


@dataclass(frozen=True)
class Ticked:
    """What a tick did to one instance: `done`, `undone`, `value`, `value_undone`, `already_done`, `not_done` or
    `noted`, and its state before and after."""

    item: str
    region: str | None
    outcome: str
    before: ItemState
    after: ItemState


@dataclass(frozen=True)
class Reading:
    """What a command reads of the journal at once (store.read): the folded states (None when not asked), the
    events asked for, the summary runs and the head (empty when not asked)."""

    states: dict[str, ItemState] | None
    events: list[Event]
    runs: list[SummaryRun]
    head: tuple[int, str] | None
    counted: Counted | None = None  # asked with `count`; None where the database could not count


@dataclass(frozen=True)
class Count:
    """A status report counted by the journal's database against the plan's instance index (plan/index.py):
    `zones` maps each time zone to its today (a date's ordinal); `skipped` items are left out (counted in
    Python); the first `limit` rows due soon and overdue; sums per region too with `by_region`."""

    index: Path
    zones: dict[str, int]
    due_soon_days: int
    stakeholders: tuple[str, ...]
    phases: tuple[str, ...]
    regions: tuple[str, ...]
    skipped: frozenset[str]
    limit: int
    by_region: bool


class Store(Protocol):
    """An append-only journal of events and summary runs (spec sections 5 and 13)."""

    path: str  # what messages name as the journal (a URL without its password, or the file)

    def events(self, until: datetime | None = None, *, since: datetime | None = None,
               upto_event: int | None = None, after_event: int | None = None) -> list[Event]:
        """Every event in the order written, optionally only those before `until` / from `since` on / recorded
        no later than event number `upto_event` / after event number `after_event` (the journal's own
        sequence)."""
        ...

    def read(self, targets: dict[str, float | None] | None, *, keys: list[str] | None = None,
             events: tuple | None = None, runs: bool = False, head: bool = False, count: Count | None = None
             ) -> Reading:
        """What a command needs, read at once (one round trip on PostgreSQL): the states now (given `targets`;
        only those of `keys` if given), the events before `until` of `kinds` (`events` = (until, kinds); None for
        either: all), every summary run, the head, and a status counted in SQL (`count`)."""
        ...

    def touched(self, since: datetime | None, after_event: int | None) -> list[Event]:
        """Every event, in fold order, of each instance that has an event at or after `since` or recorded after
        event number `after_event`: what a summary refolds for its earlier point (one round trip)."""
        ...

    def summary_runs(self, scope: str | None = None) -> list[SummaryRun]:
        """The recorded summary runs for one scope (or all), oldest first."""
        ...

    def append(self, new_events: list[NewEvent], at: datetime | None = None, *, imported: bool = False,
               signer=None) -> int:
        """Write events whole, in one transaction: a declaration, an assessment (each by the store's identity,
        or signed by `signer` and then by its identity, dated `at` or now), or, `imported`, events of another
        journal (each keeps its id, actor, time and signature; who brings it in is recorded). An event held
        already is skipped; another under its id, one dated more than five minutes ahead of the store's clock, or
        (PostgreSQL) one the server refuses, stops the whole batch. Returns how many were added."""
        ...

    def tick(self, asks: list[Ask], *, undo: bool, note: str | None, on_behalf_of: str | None, at: datetime | None,
             targets: dict, show: list[str], signer=None) -> tuple[list[Ticked], dict[str, ItemState]]:
        """`pilkada tick`: decided from the states under the write lock (store/tick.decide), so two people
        ticking one item at once record it once; then the states of the instances in `show`. With `signer`,
        every event is signed, its identity the actor."""
        ...

    def record_summary(self, now: datetime | None, day: str, scope: str, delivery: str | None,
                       detail: str | None = None) -> None:
        """Record that a summary ran, under the store's identity, so the next one reports what changed since."""
        ...

    def current_states(self, targets: dict[str, float | None],
                       keys: list[str] | None = None) -> dict[str, ItemState]:
        """Items' folded states now (all, or those of `keys`)."""
        ...

    def identity(self) -> str:
        """Who is writing, as the store vouches for it: the database role, or the operating-system login."""
        ...

    def head(self) -> tuple[int, str] | None:
        """How many events the chain holds and the last one's hash, or None for an empty journal."""
        ...

    def chain_hashes(self) -> list[str]:
        """Every event's hash in the chain's order (`check --head`)."""
        ...

    def audit(self) -> list[tuple[str, dict]]:
        """(catalogue key, parameters) for everything that does not fit: the chain, the rows, the projection."""
        ...

    def integrity_ok(self) -> bool:
        """The backend's own consistency check: SQLite's integrity check of the file; on PostgreSQL, the server's
        catalogue (every migration applied, every index valid, the writers' functions run as their owner)."""
        ...

    def init(self, stakeholders: dict, regions: list[str], targets: dict[tuple[str, str], float],
             keyed: tuple[str, ...] = (), require_signatures: bool = False, index: Path | None = None) -> list[str]:
        """`pilkada db init` (spec section 13): a PostgreSQL journal's schema, roles and the plan's rules (and the
        plan's instance index, counted by); the migrations applied now. A SQLite journal refuses (db.not_postgres)."""
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
