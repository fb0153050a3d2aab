"""Who may write a plan's journal: a stakeholder's editors, for every region or by region (spec section 13), and
the public keys that prove who wrote an entry (section 16). Read by validate.py's checker, whose `error`,
`line_of` and `printable` it uses."""

from __future__ import annotations

from pilkada_cli.model import Region
from pilkada_cli.plan import yamlfile
from pilkada_cli.safe_text import has_control
from pilkada_cli.similar import suggest


def editors(checker, entry: yamlfile.LocDict, per_region: bool, regions: dict[str, Region]
            ) -> dict[str, tuple[str, ...]]:
    """`editors:` (spec section 13): a list of identities for every region, or for a per-region stakeholder
    a mapping from region id (or "*", every region) to identities."""
    value = entry.get("editors")
    line = checker.line_of(entry, "editors")
    if isinstance(value, dict):
        if not per_region:
            checker.error(line, "editors.map_needs_regions")
            return {}
        by_region = {}
        for region, listed in value.items():
            region = str(region).strip()
            if region != "*" and region not in regions:
                checker.error(value.lines.get(region, line) if isinstance(value, yamlfile.LocDict) else line,
                              "editors.unknown_region", region=region[:40],
                              suggestions=", ".join(suggest(region, list(regions))) or ", ".join(list(regions)[:8]))
                continue
            by_region[region] = identities(checker, listed, line)
        return by_region
    if not isinstance(value, list):
        checker.error(line, "editors.not_names")
        return {}
    return {"*": identities(checker, value, line)}


def identities(checker, value: object, line: int | None) -> tuple[str, ...]:
    """A list of login names, each on one line."""
    if not isinstance(value, list) or any(not isinstance(name, str) for name in value):
        checker.error(line, "editors.not_names")
        return ()
    for name in value:
        checker.printable(name, line, "editors", "stakeholder")
    return tuple(name.strip() for name in value if name.strip())


def signing_keys(checker, doc: yamlfile.LocDict) -> dict[str, tuple[str, ...]]:
    """`keys:` (spec section 16): identity -> "ed25519:<base64>", or a list whose first key is current and the rest
    retired. Each key belongs to one identity."""
    from pilkada_cli.signing import public_key_bytes

    value = doc.get("keys")
    if value is None:
        return {}
    line = checker.line_of(doc, "keys")
    if not isinstance(value, dict):
        checker.error(line, "keys.not_a_map")
        return {}
    found: dict[str, tuple[str, ...]] = {}
    owners: dict[str, str] = {}
    for identity, listed in value.items():
        where = value.lines.get(identity, line) if isinstance(value, yamlfile.LocDict) else line
        texts = listed if isinstance(listed, list) else [listed]
        if not isinstance(identity, str) or not identity.strip() or has_control(identity) or len(identity) > 100:
            checker.error(where, "keys.bad_identity", identity=str(identity)[:60])
            continue
        if not texts or any(public_key_bytes(text) is None for text in texts):
            checker.error(where, "keys.bad_key", identity=identity)
            continue
        for text in texts:
            if text in owners:
                checker.error(where, "keys.duplicate", identity=identity, other=owners[text])
            owners[text] = identity
        found[identity] = tuple(texts)
    return found
