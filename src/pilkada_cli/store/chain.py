"""The journal's hash chain (spec section 5): each event's hash covers the previous event's hash and the
event's own canonical content, so a deleted, altered or inserted event breaks every hash after it.
`pilkada check` recomputes the chain; the daily summary prints the head's short hash, so a later rewrite
of history shows against the mail that everyone already received."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

GENESIS = "pilkada-journal-v1"
SHORT = 12  # characters of the head's hash printed in summaries


def canonical(row: tuple) -> bytes:
    """An event's content as hashed: id, time text, item, region, kind, value, actor, note, in that order."""
    return json.dumps(list(row[:8]), ensure_ascii=False, separators=(",", ":"), default=repr,
                      allow_nan=True).encode("utf-8", "surrogatepass")


def link(previous: str, row: tuple) -> str:
    return hashlib.sha256(previous.encode("ascii", "replace") + b"\n" + canonical(row)).hexdigest()


def first_break(rows: Iterable[tuple[Any, ...]]) -> int | None:
    """The id of the first event whose stored hash (the row's ninth column) does not follow from the ones
    before it, or None when the whole chain holds."""
    previous = GENESIS
    for row in rows:
        expected = link(previous, row)
        if row[8] != expected:
            return row[0]
        previous = expected
    return None
