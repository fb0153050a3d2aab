"""The journal: one interface (`Store`), its SQLite and PostgreSQL implementations, the fold of events
into item states, and the hash chain. Imports only the layers below (model, dates, errors)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from pilkada_cli.store.base import Store


def journal_url(plan_url: str | None, env: Mapping[str, str]) -> str | None:
    """The PostgreSQL journal to use: PILKADA_DATABASE_URL, else the plan's `journal:` URL, else None."""
    return env.get("PILKADA_DATABASE_URL") or plan_url or None


def is_url(location: Path | str) -> bool:
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def open_store(location: Path | str, plan_id: str = "", clock: Callable[[], datetime] | None = None) -> Store:
    """The store behind a journal setting: a postgresql:// URL (timed by the server's clock), else a SQLite
    file (timed by `clock`, the machine's by default)."""
    if is_url(location):
        from pilkada_cli.store.postgres import PostgresJournal

        return PostgresJournal(str(location), plan_id)
    from pilkada_cli.store.sqlite import Journal

    return Journal(Path(location), clock)


def open_plan_store(plan, env: Mapping[str, str], clock: Callable[[], datetime] | None = None) -> Store:
    """A plan's journal (spec section 13)."""
    url = journal_url(plan.journal_url, env)
    return open_store(url if url else plan.journal_path, plan.id, clock)


__all__ = ["Store", "is_url", "journal_url", "open_plan_store", "open_store"]
