"""pilkada: the countdown and checklist tool for the people who secure and run Indonesia's regional elections.

The library (spec section 17) is what every command uses:

    from pilkada_cli import Tracker, PilkadaError

    t = Tracker.open(plan="rencana/", on="2024-08-01")
    t.status().to_dict()                     # exactly what `pilkada status --json` prints

`Tracker` is loaded when first asked for, so `import pilkada_cli` stays as light as the commands' start-up."""

from pilkada_cli.errors import BadInput, JournalError, NotAllowed, PilkadaError, PlanInvalid
from pilkada_cli.version import __version__


def __getattr__(name: str):
    if name in ("Tracker", "check_plan", "init_plan"):
        from pilkada_cli import tracker

        return getattr(tracker, name)
    raise AttributeError(f"module 'pilkada_cli' has no attribute {name!r}")


__all__ = ["BadInput", "JournalError", "NotAllowed", "PilkadaError", "PlanInvalid", "Tracker", "__version__",
           "check_plan", "init_plan"]
