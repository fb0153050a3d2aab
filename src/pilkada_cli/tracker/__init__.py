"""The library (spec section 17): `Tracker` (core.py) does everything the commands do and returns the records
they render (records.py, and the reports' own in report/); `check_plan` and `init_plan` (plans.py) work on a
plan folder whether or not it loads."""

from pilkada_cli.tracker.core import Tracker
from pilkada_cli.tracker.plans import BUNDLED_WORDS, check_plan, init_plan
from pilkada_cli.tracker.records import CheckReport, LogEntry, TickResult, level_name

__all__ = ["BUNDLED_WORDS", "CheckReport", "LogEntry", "TickResult", "Tracker", "check_plan", "init_plan",
           "level_name"]
