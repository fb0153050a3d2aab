"""The command line. Importing this package registers every command on `app`, in the order `--help` lists
them; `main` is the console script."""

from pilkada_cli.cli.app import GLOBAL, app, main
from pilkada_cli.cli import items, plan_tools, daily, readiness, pictures, journal_cmds, keys  # noqa: E402,F401

__all__ = ["GLOBAL", "app", "main"]
