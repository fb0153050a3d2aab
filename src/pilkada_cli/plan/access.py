"""Who may write a plan's journal (spec section 13): a stakeholder's editors, for every region or by region. Read
by validate.py's checker, whose `error`, `line_of` and `printable` it uses."""

from __future__ import annotations

from pilkada_cli.model import Region
from pilkada_cli.plan import yamlfile
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
