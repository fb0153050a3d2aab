"""The plan's own tools in the library: `check_plan` (pilkada check) and `init_plan` (pilkada init), which work
on a plan folder whether or not it loads."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from pilkada_cli import dates
from pilkada_cli.model import Plan
from pilkada_cli.tracker.records import CheckReport


def check_plan(plan: str | Path | None = None, head: str | None = None, *, bundled: bool | None = None,
               env: Mapping[str, str] | None = None, cwd: Path | None = None) -> CheckReport:
    """`pilkada check` (spec section 7): the plan found as Tracker.open finds it, checked whole (a plan that does
    not load is reported, not raised), and its journal; `head` as Tracker.check says."""
    from pilkada_cli.delivery import contact_problems
    from pilkada_cli.plan import find_plan
    from pilkada_cli.report.check import check_all, parse_head

    if bundled is None:
        root, bundled = find_plan(str(plan) if plan is not None else None, os.environ if env is None else env,
                                  cwd or Path.cwd())
    else:
        root = Path(plan)
    return CheckReport(root, check_all(root, bundled, parse_head(head) if head is not None else None,
                                       contact_problems))


BUNDLED_WORDS = ("bawaan", "bundled")  # `init --from bawaan`: the bundled plan, wherever it was installed


def init_plan(directory: str | Path, vote_date: str | date, timezone_name: str | None = None, name: str | None = None,
              source: str | Path | None = None, *, env: Mapping[str, str] | None = None, cwd: Path | None = None
              ) -> tuple[Plan, Path | None]:
    """`pilkada init` (spec section 1): a new plan in `directory` from the template, or (`source`) a copy of
    another plan (a folder, a pilkada.yaml, or `bawaan` for the bundled one) moved to `vote_date`. Returns the
    plan made and the folder it was copied from (None for the template)."""
    from pilkada_cli.plan import bundled_plan_dir, find_plan, load_plan
    from pilkada_cli.plan.scaffold import copy_plan, create_plan

    directory = Path(directory)
    vote = vote_date if isinstance(vote_date, date) else dates.parse_date(vote_date)
    if timezone_name is not None:
        dates.zone(timezone_name)
        timezone_name = dates.canonical_zone(timezone_name)  # Asia/Makassar for WITA: every tool reads IANA names
    if source is None:
        from pilkada_cli.i18n import t

        create_plan(directory, vote, timezone_name or "Asia/Makassar", name or t("init.default_name", "id", year=vote.year))
        return load_plan(directory), None
    if str(source) in BUNDLED_WORDS and not Path(source).exists():  # the plan shipped with pilkada: 2024 in NTT
        root, bundled = bundled_plan_dir().resolve(), True
    else:
        root, bundled = find_plan(str(source), os.environ if env is None else env, cwd or Path.cwd())
    copy_plan(load_plan(root, bundled=bundled), directory, vote, timezone_name, name)
    return load_plan(directory), root
