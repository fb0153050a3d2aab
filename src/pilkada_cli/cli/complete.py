"""Shell completion for item ids, stakeholders, regions and phases (`pilkada --install-completion`).

These run only when the shell asks for completions, never on an ordinary command: they read the plan the
command would use (through the plan cache) and offer the ids that start with what was typed."""

from __future__ import annotations

import os
from pathlib import Path

LIMIT = 200  # a shell cannot show more usefully


def _plan():
    from pilkada_cli.plan import find_plan, load_plan

    try:
        root, bundled = find_plan(None, os.environ, Path.cwd())
        return load_plan(root, bundled=bundled)
    except Exception:  # noqa: BLE001 - a broken plan completes nothing rather than printing a traceback
        return None


def _matching(choices, incomplete: str) -> list[str]:
    return [c for c in choices if c.startswith(incomplete)][:LIMIT]


def items(incomplete: str) -> list[str]:
    """Full ids (`polres/patroli@belu`), and where the id is unique across stakeholders, the bare id as `tick`
    takes it (`patroli@belu`, or `patroli` with --region)."""
    plan = _plan()
    if plan is None:
        return []
    keys = [task.key for task in plan.tasks()]
    if "/" in incomplete:
        return _matching(keys, incomplete)
    from collections import Counter

    owners = Counter(item.id for item in plan.items)
    bare = [item.id for item in plan.items if owners[item.id] == 1]
    bare += [key.partition("/")[2] for key in keys
             if "@" in key and owners[key.partition("/")[2].partition("@")[0]] == 1]
    return _matching([*keys, *bare], incomplete)


def stakeholders(incomplete: str) -> list[str]:
    plan = _plan()
    return _matching((s.id for s in plan.stakeholders), incomplete) if plan else []


def regions(incomplete: str) -> list[str]:
    plan = _plan()
    return _matching((r.id for r in plan.regions), incomplete) if plan else []


def phases(incomplete: str) -> list[str]:
    plan = _plan()
    return _matching((p.id for p in plan.phases), incomplete) if plan else []
