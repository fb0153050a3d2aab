"""The journal: one interface (`Store`), its SQLite implementation, and the fold of events into item states.
Imports only the layers below (model, dates, errors)."""

from __future__ import annotations

from pathlib import Path

from pilkada_cli.store.base import Store


def open_store(location: Path) -> Store:
    """The store behind a plan's `journal` setting."""
    from pilkada_cli.store.sqlite import Journal

    return Journal(location)


__all__ = ["Store", "open_store"]
