"""Signed entries against a plan (spec section 16): which of this user's keys signs what they write, and whether
an entry is proven by its actor's key in the plan's `keys:`. The plan, which every office holds, is the trust
root; nothing here trusts the journal."""

from __future__ import annotations

from collections.abc import Mapping

from pilkada_cli.dates import utc_iso
from pilkada_cli.errors import BadInput
from pilkada_cli.model import Event, Plan
from pilkada_cli import signing

PROVEN, INVALID, UNSIGNED = "proven", "invalid", "unsigned"


def signer_for(plan: Plan, identity: str, env: Mapping[str, str]) -> signing.Signer | None:
    """The key that signs this user's writes: the one named by PILKADA_KEY, else the one for the store's identity,
    else the only one this user holds for an identity in the plan's `keys:`; None when the plan has no keys or
    the user none of them. A key that is not its identity's current key in the plan is refused (a retired or a
    foreign one signs nothing new), and so is writing unsigned where the plan requires signatures."""
    if not plan.keys:
        return None
    wanted = env.get("PILKADA_KEY", "").strip()
    if wanted:
        chosen = signing.load(wanted, env)
        if chosen is None:
            raise BadInput("key.missing", identity=wanted, folder=str(signing.key_dir(env)))
    else:
        chosen = signing.load(identity, env) if identity in plan.keys else None
        if chosen is None:
            held = [name for name in signing.held(env) if name in plan.keys]
            if len(held) > 1:
                raise BadInput("key.which", identities=", ".join(held))
            chosen = signing.load(held[0], env) if held else None
    if chosen is None:
        if plan.require_signatures and identity in plan.keys:
            raise BadInput("key.required", identity=identity, folder=str(signing.key_dir(env)))
        return None
    listed = plan.keys.get(chosen.identity, ())
    if not listed or chosen.public != listed[0]:
        raise BadInput("key.retired" if chosen.public in listed else "key.not_in_plan", identity=chosen.identity,
                       key=chosen.public)
    chosen.plan_id = plan.id
    return chosen


def proof(plan: Plan, event: Event) -> str:
    """`proven` when the event's signature is one of its actor's keys over its own fields, `invalid` when it has
    a signature that is not, `unsigned` when it has none."""
    if not event.signature:
        return UNSIGNED
    keys = plan.keys.get(event.actor)
    if not keys:
        return INVALID
    signed = signing.message(plan.id, event.uid, event.item, event.region, event.kind, event.value, event.note,
                             event.detail, utc_iso(event.ts), event.actor, event.on_behalf_of)
    return PROVEN if signing.verify(keys, signed, event.signature) else INVALID
