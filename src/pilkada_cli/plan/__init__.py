"""Plans: finding the plan directory, reading its YAML, validating it and caching the result as records of
`pilkada_cli.model`. Imports only the layers below (model, dates, errors, i18n)."""

from pilkada_cli.plan.discovery import check_plan, find_plan, load_plan
from pilkada_cli.plan.locations import bundled_plan_dir, checklist_files, data_dir
from pilkada_cli.plan.lookup import find_task

__all__ = ["bundled_plan_dir", "check_plan", "checklist_files", "data_dir", "find_plan", "find_task", "load_plan"]
