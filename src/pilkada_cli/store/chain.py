"""The journal's hash chain (spec section 5): each event's hash covers the previous event's hash and the
event's own canonical content, so a deleted, altered or inserted event breaks every hash after it.
`pilkada check` recomputes the chain; the daily summary prints the head's short hash, so a later rewrite
of history shows against the mail that everyone already received."""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

GENESIS = "pilkada-journal-v1"
SHORT = 12  # characters of the head's hash printed in summaries


def canonical(row: tuple) -> bytes:
    """An event's content as hashed: id, time text, item, region, kind, value, actor, note, in that order,
    and the kind's own fields (`detail`) when it has any."""
    return json.dumps(list(row), ensure_ascii=False, separators=(",", ":"), default=repr,
                      allow_nan=True).encode("utf-8", "surrogatepass")


def link(previous: str, row: tuple) -> str:
    import hashlib  # only where events are written or checked, not on every command's start

    return hashlib.sha256(previous.encode("ascii", "replace") + b"\n" + canonical(row)).hexdigest()


def content(fields: tuple, detail: str | None) -> tuple:
    """What is hashed of a stored row: its eight fields, and `detail` only where there is one (so the hashes of
    events written before `detail` existed do not change)."""
    return tuple(fields) + ((detail,) if detail is not None else ())


def new_uid(moment: datetime | None = None, sequence: int | None = None) -> str:
    """A UUIDv7 whose order is the order of recording: 48 bits of milliseconds, then the nanoseconds within
    that millisecond, then random bits. Events dated the same second (late entries for one day) fold in the
    order they were recorded, in every journal that holds them. `moment` and `sequence` give old events,
    which had no id, ids in their old order."""
    if moment is None:
        nanos = time.time_ns()
        millis = nanos // 1_000_000
        fraction = (nanos % 1_000_000) * 4096 // 1_000_000  # 12 bits: steps of about 0.25 microseconds
        rest = int.from_bytes(os.urandom(8), "big") >> 2
    else:
        millis = int(moment.timestamp() * 1000)
        number = sequence if sequence is not None else int.from_bytes(os.urandom(10), "big")
        fraction, rest = (number >> 62) & 0xFFF, number & ((1 << 62) - 1)
    # UUIDv7 layout: 48 bits of milliseconds, version 7, 12 bits, variant 0b10, 62 bits.
    value = ((millis & ((1 << 48) - 1)) << 80) | (0x7 << 76) | (fraction << 64) | (0x2 << 62) | rest
    return str(uuid.UUID(int=value))


def first_break(rows: Iterable[tuple[Any, ...]]) -> int | None:
    """The id of the first event whose stored hash (the row's ninth column) does not follow from the ones
    before it, or None when the whole chain holds."""
    previous = GENESIS
    for row in rows:
        expected = link(previous, content(row[:8], row[9] if len(row) > 9 else None))
        if row[8] != expected:
            return row[0]
        previous = expected
    return None
