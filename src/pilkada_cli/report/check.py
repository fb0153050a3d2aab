"""`pilkada check`: every problem in a plan and its journal, not just the first."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from pilkada_cli.errors import BadInput, JournalError, Problem
from pilkada_cli.model import Plan
from pilkada_cli.store import open_plan_store
from pilkada_cli.plan import check_plan
from pilkada_cli.report.status import unknown_keys

_HEAD = re.compile(r"^\s*(?:(\d+)\s*:\s*)?([0-9a-fA-F]{6,64})\s*$")


def parse_head(text: str) -> tuple[int | None, str]:
    """`N:CODE` or `CODE` (a chain code a daily summary printed) -> (N or None, the code in lowercase)."""
    match = _HEAD.match(text)
    if not match:
        raise BadInput("check.bad_head", value=text[:80])
    return (int(match.group(1)) if match.group(1) else None), match.group(2).lower()


def check_all(root: Path, bundled: bool, head: tuple[int | None, str] | None = None,
              plan_checks: Callable[[Plan], list[Problem]] | None = None) -> list[Problem]:
    """The plan's problems, then the journal's: a damaged or foreign journal is an error, events for
    items no longer in the plan a warning (they are kept). With `head` (parse_head), also whether the journal
    still holds that head: the history an earlier summary reported has not been rewritten since.
    `plan_checks` adds what a higher layer checks of a valid plan (delivery.contact_problems: mail addresses)."""
    plan, problems = check_plan(root, bundled=bundled, env=os.environ)
    if plan is None:
        return problems
    if plan_checks is not None:
        problems += plan_checks(plan)
    journal = open_plan_store(plan, os.environ)
    where = journal.path
    try:
        if not journal.integrity_ok():
            problems.append(Problem(where, None, "journal.integrity"))
            return problems
        for key, params in journal.audit():
            problems.append(Problem(where, None, key, params))
        events = journal.events()
        unknown = unknown_keys(plan, {event.key for event in events})
        if plan.keys:
            problems += _signatures(plan, events, where)
        if head is not None:
            problems += _head(journal, where, *head)
    except JournalError as exc:
        problems.append(Problem(where, None, exc.key, exc.params))
        return problems
    for key in unknown:
        problems.append(Problem(where, None, "journal.unknown_item", {"id": key}, "warning"))
    return problems


def _signatures(plan, events, where) -> list[Problem]:
    """Every signature verified (spec section 16): one that does not fit its entry is an error; unsigned entries
    of identities that have keys are counted (an error where the plan requires signatures)."""
    from pilkada_cli.plan.keys import INVALID, UNSIGNED, proof

    problems, unsigned = [], {}
    for event in events:
        found = proof(plan, event)
        if found == INVALID:
            problems.append(Problem(where, None, "journal.bad_signature", {"id": event.id, "actor": event.actor}))
        elif found == UNSIGNED and event.actor in plan.keys:
            unsigned[event.actor] = unsigned.get(event.actor, 0) + 1
    if unsigned:
        problems.append(Problem(where, None, "journal.unsigned_entries",
                                {"count": sum(unsigned.values()), "identities": ", ".join(sorted(unsigned))},
                                "error" if plan.require_signatures else "warning"))
    return problems


def _head(journal, where, count: int | None, code: str) -> list[Problem]:
    hashes = journal.chain_hashes()
    if count is not None:
        held = 0 < count <= len(hashes) and hashes[count - 1].startswith(code)
    else:
        held = any(stored.startswith(code) for stored in hashes)
    shown = f"{count}:{code}" if count is not None else code
    return [] if held else [Problem(where, None, "journal.head_missing", {"head": shown, "events": len(hashes)})]
