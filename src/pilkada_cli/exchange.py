"""The journal exchange format (spec section 13): one event as one line of JSON, for `journal export`, `import`
and `sync`, and the checks every line passes before anything is written: the same a tick's input passes, so an
island office's file, or another journal, can bring in nothing that `pilkada tick` would not have written.

No I/O besides the store it is given; no printing."""

from __future__ import annotations

import json
import math
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

from pilkada_cli import dates
from pilkada_cli.errors import BadInput, PilkadaError
from pilkada_cli.i18n.catalogue import CATALOGUE
from pilkada_cli.model import CALLS, KINDS, LEVELS, NOTE_LIMIT, STAGES, Event, NewEvent, Plan
from pilkada_cli.safe_text import has_control
from pilkada_cli.values import MAX_VALUE

NAME_LIMIT = 100
SIGNATURE_LIMIT = 200
EARLIEST = datetime(1900, 1, 1, tzinfo=timezone.utc)
ITEM = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$")  # stakeholder/item, as the server checks


def event_line(event: Event, plan_id: str) -> dict:
    """One event as a line of the exchange format."""
    line = {"id": event.uid, "plan": plan_id, "item": event.key, "kind": event.kind, "value": event.value,
            "note": event.note, "actor": event.actor, "on_behalf_of": event.on_behalf_of,
            "at": dates.utc_iso(event.ts),
            "recorded_at": dates.utc_iso(event.recorded_at) if event.recorded_at else None,
            "recorded_by": event.recorded_by, "signature": event.signature}
    if event.detail:
        line.update(json.loads(event.detail))
    return line


def export_text(events: list[Event], plan_id: str) -> str:
    return "".join(json.dumps(event_line(e, plan_id), ensure_ascii=False, allow_nan=False) + "\n" for e in events)


@dataclass(frozen=True)
class Line:
    """A line read for import, and where it came from (a file's line, or an event's place in another journal)."""

    source: str
    number: int
    entry: object


def read_text(text: str, source: str) -> list[Line]:
    """The lines of an export; one that is not JSON is a bad line."""
    from pilkada_cli.safe_text import valid_utf8

    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            entry = json.loads(valid_utf8(raw), parse_constant=_no_constant)
        except ValueError:
            raise BadInput("import.bad_line", path=source, line=number, reason=BadInput("line.not_json")) from None
        lines.append(Line(source, number, entry))
    return lines


def _no_constant(name: str) -> float:
    raise ValueError(name)  # NaN and Infinity are not JSON


def checked(plan: Plan, lines: list[Line], clock: datetime) -> list[tuple[Line, NewEvent]]:
    """Every line checked (spec section 13) before anything is written; the first bad one stops it all, named
    by its source and line."""
    result = []
    seen: dict[str, tuple] = {}
    for line in lines:
        try:
            event = _event(plan, line.entry, clock)
        except PilkadaError as exc:
            raise BadInput("import.bad_line", path=line.source, line=line.number,
                           reason=exc) from None
        same = seen.setdefault(event.uid, _comparable(event))
        if same != _comparable(event):
            raise BadInput("import.bad_line", path=line.source, line=line.number,
                           reason=BadInput("refused.other_content", id=event.uid))
        result.append((line, event))
    return result


def bring_in(store, events: list[tuple[Line, NewEvent]]) -> tuple[int, int]:
    """Add the checked events that the store does not hold, in one transaction: (added, skipped). A refusal by
    the store (another event under a held id, one the server will not take) names the line."""
    try:
        added = store.append([event for _, event in events], imported=True)
    except PilkadaError as exc:
        index = exc.params.get("index")
        if not isinstance(index, int) or not 0 <= index < len(events):
            raise
        line = events[index][0]
        # a refusal that is a whole sentence says already that nothing was written
        whole = CATALOGUE.get(exc.key, ("",))[0].endswith(".")
        raise type(exc)("import.refused_said" if whole else "import.refused_line", path=line.source,
                        line=line.number, reason=exc) from None
    return added, len(events) - added


def lines_of(events: list[Event], plan_id: str, source: str) -> list[Line]:
    """Another journal's events as lines to bring in (`sync`): numbered by their place in it."""
    return [Line(source, number, event_line(event, plan_id)) for number, event in enumerate(events, 1)]


def _comparable(event: NewEvent) -> tuple:
    return (event.item, event.region, event.kind, event.value, event.note, event.detail, event.at, event.actor,
            event.on_behalf_of, event.signature)


def _event(plan: Plan, entry: object, clock: datetime) -> NewEvent:
    """One line as the event it brings, or BadInput saying what is wrong with it."""
    if not isinstance(entry, dict):
        raise BadInput("line.not_object")
    if entry.get("plan") != plan.id:
        raise BadInput("line.other_plan", plan=str(entry.get("plan"))[:60], expected=plan.id)
    uid = _uid(entry.get("id"))
    kind = entry.get("kind")
    if kind not in KINDS:
        raise BadInput("line.bad_kind", value=str(kind)[:20], choices=", ".join(KINDS))
    key = entry.get("item")
    if not isinstance(key, str) or len(key) > 300:
        raise BadInput("line.bad_item", value=str(key)[:60])
    item, _, region = key.partition("@")
    region = region or None
    detail = _place(plan, kind, item, region, entry)
    value = entry.get("value")
    if value is not None:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                or not 0 <= value <= MAX_VALUE or kind not in ("done", "undone", "progress"):
            raise BadInput("line.bad_value", value=str(value)[:40])
        value = float(value)
    elif kind == "progress":
        raise BadInput("line.bad_value", value="null")
    note = _text(entry, "note", NOTE_LIMIT)
    actor = _text(entry, "actor", NAME_LIMIT)
    if not actor:
        raise BadInput("line.bad_text", field="actor", limit=NAME_LIMIT)
    on_behalf_of = _text(entry, "on_behalf_of", NAME_LIMIT) or None
    signature = _text(entry, "signature", SIGNATURE_LIMIT)
    try:
        at = dates.from_utc_iso(entry["at"]) if isinstance(entry.get("at"), str) else None
    except (ValueError, OverflowError):
        at = None
    if at is None or at.tzinfo is None:
        raise BadInput("line.bad_time", value=str(entry.get("at"))[:40])
    if at > clock + dates.AHEAD or at < EARLIEST:
        raise BadInput("refused.bad_time", at=dates.utc_iso(at), now=dates.utc_iso(clock))
    if kind != "assess":  # assessments are open to every identity (spec section 13)
        stakeholder = plan.stakeholder(item.split("/", 1)[1] if kind == "declare" else item.split("/", 1)[0])
        if not stakeholder.may_write(actor, region):
            raise BadInput("line.not_editor", actor=actor, stakeholder=stakeholder.display_name(
                plan.region(region) if region else None), editors=", ".join(stakeholder.editors_for(region)) or "-")
    if signature is not None or (plan.require_signatures and actor in plan.keys):
        _proven(plan, Event(0, at, item, region, kind, value, actor, note, uid, on_behalf_of, detail,
                            signature=signature))
    return NewEvent(item, region, kind, value, actor, note, on_behalf_of, uid, at, detail, signature)


def _proven(plan: Plan, event: Event) -> None:
    """A signed line must be proven by its actor's key; an unsigned one is refused where the plan requires
    signatures and its actor has a key (spec section 16)."""
    from pilkada_cli.plan.keys import INVALID, UNSIGNED, proof

    found = proof(plan, event)
    if found == INVALID:
        raise BadInput("line.bad_signature", actor=event.actor)
    if found == UNSIGNED:
        raise BadInput("line.unsigned", actor=event.actor)


def _uid(value: object) -> str:
    """A line's id: a UUID, written as the journals write it."""
    try:
        if not isinstance(value, str) or len(value) > 40:
            raise ValueError
        return str(uuid.UUID(value))
    except ValueError:
        raise BadInput("line.bad_id", value=str(value)[:40]) from None


def _text(entry: dict, field: str, limit: int) -> str | None:
    value = entry.get(field)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > limit or has_control(value):
        raise BadInput("line.bad_text", field=field, limit=limit)
    return value


def _place(plan: Plan, kind: str, item: str, region: str | None, entry: dict) -> str | None:
    """Check that the event is about the plan's own stakeholder (or risk) and region; returns its detail."""
    prefix, _, rest = item.partition("/")
    if kind == "declare":
        if prefix != "gonogo":
            raise BadInput("line.bad_item", value=item[:60])
        _office(plan, rest, region, item)
        call = entry.get("call")
        if call not in CALLS:
            raise BadInput("line.bad_field", field="call", value=str(call)[:20], choices=", ".join(CALLS))
        return json.dumps({"call": call})
    if kind == "assess":
        risk = plan.index.risks.get(rest) if prefix == "risk" else None
        if risk is None:
            raise BadInput("line.unknown_item", value=item[:60])
        if region is not None and (region not in plan.index.regions or (risk.regions and region not in risk.regions)):
            raise BadInput("line.unknown_region", value=region[:40], item=item[:60])
        fields = {}
        for name, choices in (("level", LEVELS), ("stage", STAGES)):
            if entry.get(name) not in choices:
                raise BadInput("line.bad_field", field=name, value=str(entry.get(name))[:20],
                               choices=", ".join(choices))
            fields[name] = entry[name]
        return json.dumps(fields, sort_keys=True)
    if prefix in ("gonogo", "risk") or not ITEM.match(item):
        raise BadInput("line.bad_item", value=item[:60])
    _office(plan, prefix, region, item)
    known = plan.item(item)  # None for an item that has left the plan: its events are kept (spec section 5)
    if known is not None and region is not None and known.regions and region not in known.regions:
        raise BadInput("line.unknown_region", value=region[:40], item=item[:60])
    if kind == "progress" and known is not None and not known.quantitative:
        raise BadInput("tick.value_not_quantitative", id=item)
    return None


def _office(plan: Plan, stakeholder_id: str, region: str | None, item: str) -> None:
    """The stakeholder is the plan's; its instance has a region of the plan exactly when it is per region."""
    if stakeholder_id not in plan.index.stakeholders:
        raise BadInput("line.unknown_item", value=item[:60])
    per_region = plan.stakeholder(stakeholder_id).per_region and bool(plan.regions)
    if per_region and (region is None or region not in plan.index.regions):
        raise BadInput("line.unknown_region", value=str(region)[:40], item=item[:60])
    if not per_region and region is not None:
        raise BadInput("line.unknown_region", value=region[:40], item=item[:60])
