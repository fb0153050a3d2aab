"""The journal's hash chain (spec sections 5 and 13): each event's hash covers the previous event's hash and
every field of the event, so a deleted, altered or inserted event breaks every hash after it. `pilkada check`
recomputes the chain; the daily summary prints the head's short hash, so a later rewrite of history shows
against the mail that everyone already received (`pilkada check --head N:CODE`).

The PostgreSQL journal's server computes the same hashes in SQL (store/pg_schema.py): every field is written
as its UTF-8 bytes behind their length (`5:belum`, `~` for none), a value as the hex of its IEEE-754 bits, a
time as the journal's fixed-width UTC text, so both sides make the same bytes without agreeing on how to print
a number or escape a string."""

from __future__ import annotations

import os
import struct
import time
import uuid
from collections.abc import Iterable
from datetime import datetime

from pilkada_cli.dates import utc_iso
from pilkada_cli.model import Event, SummaryRun

GENESIS = "pilkada-journal-v1"
SHORT = 12  # characters of the head's hash printed in summaries and given back to `check --head`


def _field(text: str | None) -> bytes:
    if text is None:
        return b"~"
    data = text.encode("utf-8", "surrogatepass")
    return str(len(data)).encode("ascii") + b":" + data


def value_bits(value: float | None) -> str | None:
    """A value as hashed: the hex of its IEEE-754 double (PostgreSQL's float8send), exact on both sides."""
    return None if value is None else struct.pack(">d", float(value)).hex()


def content(plan: str | None, event: Event) -> bytes:
    """Every field of an event, in the order the server hashes them (the SQLite journal, one plan to a file,
    hashes its plan as none)."""
    fields = (str(event.id), event.uid, plan, event.item, event.region, event.kind, value_bits(event.value),
              event.note, event.detail, utc_iso(event.ts),
              utc_iso(event.recorded_at) if event.recorded_at is not None else None, event.actor,
              event.on_behalf_of, event.recorded_by, event.signature)
    return b"".join(map(_field, fields))


def link(previous: str, plan: str | None, event: Event) -> str:
    import hashlib  # only where events are written or checked, not on every command's start

    return hashlib.sha256(previous.encode("ascii", "replace") + b"\n" + content(plan, event)).hexdigest()


def summary_link(previous: str, plan: str | None, run: SummaryRun) -> str:
    """A summary run's link in the chain of runs: who ran it, when, for which day and scope, and where the
    journal stood (a run recorded outside pilkada, "sent by kapolda", breaks it)."""
    import hashlib

    fields = (str(run.id), plan, utc_iso(run.ts), run.day, run.scope, run.actor, run.delivery, run.detail,
              None if run.upto_event is None else str(run.upto_event))
    return hashlib.sha256(previous.encode("ascii", "replace") + b"\n" + b"".join(map(_field, fields))).hexdigest()


def first_break(plan: str | None, rows: Iterable[tuple[Event, str | None]]) -> int | None:
    """The number of the first event whose stored hash does not follow from the ones before it, or None when
    the whole chain holds."""
    previous = GENESIS
    for event, stored in rows:
        expected = link(previous, plan, event)
        if stored != expected:
            return event.id
        previous = expected
    return None


def first_summary_break(plan: str | None, rows: Iterable[tuple[SummaryRun, str | None]]) -> int | None:
    """As first_break, for the chain of summary runs."""
    previous = GENESIS
    for run, stored in rows:
        expected = summary_link(previous, plan, run)
        if stored != expected:
            return run.id
        previous = expected
    return None


# -- the first chain (pilkada 0.1 before spec v3): hashed eight fields and the detail, and not the others.
# Read once, when a journal is upgraded: the old chain is verified, then every event is chained anew.

def first_chain_break(rows: Iterable[tuple]) -> int | None:
    """As first_break, for rows (id, ts text, item, region, kind, value, actor, note, hash, detail) of the first
    chain."""
    import hashlib
    import json

    previous = GENESIS
    for row in rows:
        fields = tuple(row[:8]) + ((row[9],) if row[9] is not None else ())
        text = json.dumps(list(fields), ensure_ascii=False, separators=(",", ":"), default=repr, allow_nan=True)
        expected = hashlib.sha256(previous.encode("ascii", "replace") + b"\n"
                                  + text.encode("utf-8", "surrogatepass")).hexdigest()
        if row[8] != expected:
            return row[0]
        previous = expected
    return None


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
