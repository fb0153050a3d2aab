"""Finding, loading and checking a plan: the plan directory a command uses, and the validated records
from its YAML (through the on-disk cache when nothing changed).

Validation collects every problem (file, line, severity, catalogue key) instead of stopping at the first,
so `pilkada check` can list them all and every other command can show the first few."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from pilkada_cli.errors import BadInput, PlanInvalid, Problem
from pilkada_cli.model import PLAN_FILE, Plan
from pilkada_cli.plan.locations import bundled_plan_dir, plan_files


# ---------------------------------------------------------------------------------------------- discovery


def find_plan(explicit: str | None, env: Mapping[str, str], cwd: Path) -> tuple[Path, bool]:
    """The plan directory a command uses, and whether it is the bundled one (spec section 1).

    Always an absolute path, resolved once here: a plan's root (and its journal below it) must mean the same
    folder whichever folder a later command runs from, and the plan cache stores it."""
    chosen = explicit or env.get("PILKADA_PLAN")
    if chosen:
        path = Path(chosen).expanduser()
        if not path.is_absolute():
            path = cwd / path
        if path.is_dir():
            path = path / PLAN_FILE
        if not path.is_file():
            raise BadInput("plan.not_found", path=str(path))
        return path.parent.resolve(), False
    cwd = cwd.resolve()
    for folder in (cwd, *cwd.parents):
        if (folder / PLAN_FILE).is_file():
            return folder, False
    return bundled_plan_dir().resolve(), True


# ---------------------------------------------------------------------------------------------- loading


def load_plan(root: Path, *, bundled: bool = False, env: Mapping[str, str] | None = None) -> Plan:
    """The validated plan in `root`; raises PlanInvalid listing every error (warnings ride on the plan).

    A validated plan is cached on disk, keyed by every plan file's path, size and modification time, the
    package version and the cache format: editing, adding or removing any file rebuilds it."""
    from pilkada_cli.plan import cache as plancache

    env = os.environ if env is None else env
    root = root.resolve()  # never a relative root: the journal path is built from it and cached with it
    cache = plancache.cache_file(root, bundled, env)
    key = plancache.cache_key(root, bundled, env, plan_files(root))
    plan = plancache.read(cache, key)
    if plan is None:
        plan, problems = check_plan(root, bundled=bundled, env=env)
        if plan is None:
            raise PlanInvalid(problems)
        plancache.write(cache, key, plan)  # its fields: the instances are made when asked for (model.PlanIndex)
    if key != list(plancache.UNCACHEABLE):
        plan = replace(plan, cached_as=(cache, key))  # where the plan's derived files live (plan/index.py)
    return plan


def check_plan(root: Path, *, bundled: bool = False, env: Mapping[str, str] | None = None
               ) -> tuple[Plan | None, list[Problem]]:
    """Every problem in a plan, errors first; the plan too when there are no errors."""
    from pilkada_cli.plan.validate import _Checker  # YAML and validation only load when the cache misses

    root = root.resolve()
    checker = _Checker(root, bundled, os.environ if env is None else env)
    plan = checker.run()
    problems = sorted(checker.problems, key=lambda p: (not p.is_error, p.file != root / PLAN_FILE,
                                                       str(p.file or ""), p.line or 0))
    if any(p.is_error for p in problems):
        return None, problems
    assert plan is not None
    return _with_warnings(plan, problems), problems


def _with_warnings(plan: Plan, problems: list[Problem]) -> Plan:
    return replace(plan, warnings=tuple(problems))
