"""`pilkada check`: every problem in a plan and its journal, not just the first."""

from __future__ import annotations

import os
from pathlib import Path

from pilkada_cli.errors import JournalError, Problem
from pilkada_cli.store import open_plan_store
from pilkada_cli.plan import check_plan
from pilkada_cli.report.status import unknown_keys


def check_all(root: Path, bundled: bool) -> list[Problem]:
    """The plan's problems, then the journal's: a damaged or foreign journal is an error, events for
    items no longer in the plan a warning (they are kept)."""
    plan, problems = check_plan(root, bundled=bundled, env=os.environ)
    if plan is None:
        return problems
    journal = open_plan_store(plan, os.environ)
    try:
        if not journal.integrity_ok():
            problems.append(Problem(plan.journal_path, None, "journal.integrity"))
            return problems
        for key, params in journal.audit():
            problems.append(Problem(plan.journal_path, None, key, params))
        unknown = unknown_keys(plan, {event.key for event in journal.events()})
    except JournalError as exc:
        problems.append(Problem(plan.journal_path, None, exc.key, exc.params))
        return problems
    for key in unknown:
        problems.append(Problem(plan.journal_path, None, "journal.unknown_item", {"id": key}, "warning"))
    return problems
