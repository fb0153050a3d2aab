"""The one error hierarchy. Each error carries a catalogue key, its parameters and an exit code;
the CLI turns it into a message in the user's language in one place (cli.main)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class PilkadaError(Exception):
    """An operation that failed for a reason the user can act on (exit code 1)."""

    exit_code = 1

    def __init__(self, key: str, /, details: list[PilkadaError] | None = None, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
        self.details = details or []  # the problems it is made of (each bad line of a file), shown under it


class BadInput(PilkadaError):
    """Bad usage or bad input: an unknown item, a malformed date (exit code 2)."""

    exit_code = 2


class NotAllowed(PilkadaError):
    """The identity may not write that stakeholder's items (spec section 13); nothing was written (exit 4)."""

    exit_code = 4


class JournalError(PilkadaError):
    """The journal cannot be read or written (exit code 1); nothing recorded is lost."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or doubtful) in a plan: where it is, how bad, and what the catalogue says of it."""

    file: Path | None
    line: int | None
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    severity: str = "error"  # "error" or "warning"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class PlanInvalid(BadInput):
    """The plan does not validate; carries every problem found, errors first."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("plan.invalid", count=sum(p.is_error for p in problems))
        self.problems = problems
