"""Validating what a plan says region by region (spec sections 3 and 9): the real name of a per-region
stakeholder's office in a region (`regions[].offices`), and an item's target per region (`target` as a map).
Problems carry the file and line, like every other plan problem."""

from __future__ import annotations

from typing import Any

from pilkada_cli.model import Region, Stakeholder


def read_offices(checker: Any, entry: Any) -> list[tuple[str, str, int | None]]:
    """A region's `offices:` as (stakeholder id, its office's name there, line); checked against the
    stakeholders later (check_offices), as regions are read before them."""
    section = entry.get("offices")
    if section is None or not checker.mapping(section, "offices", checker.line_of(entry, "offices")):
        return []
    found = []
    for stakeholder_id in section:
        name = checker.text(section, stakeholder_id, "offices")
        if name is None or not name.strip():  # a blank name would show as an empty row, or fall back unseen
            checker.error(checker.line_of(section, stakeholder_id), "key.missing", key=stakeholder_id,
                          what="offices")
        else:
            found.append((str(stakeholder_id), name.strip(), checker.line_of(section, stakeholder_id)))
    return found


def check_offices(checker: Any, offices: list[tuple[str, str, int | None]],
                  stakeholders: dict[str, Stakeholder]) -> None:
    """An office named under a region belongs to a declared per-region stakeholder."""
    for stakeholder_id, _, line in offices:
        if stakeholder_id not in stakeholders:
            checker.unknown_ref({}, "stakeholder", stakeholder_id, stakeholders, line)
        elif not stakeholders[stakeholder_id].per_region:
            checker.error(line, "region.office_not_per_region", id=stakeholder_id)


def item_target(checker: Any, entry: Any, regions: dict[str, Region], per_region: bool,
                item_regions: list | None) -> tuple[float | None, tuple[tuple[str, float], ...]]:
    """An item's `target`: a number, or for a per-region item a map of region ids (and "*" for the other
    regions) to numbers; every region the item applies to needs one. Returns the number for every region
    (the map's "*") and the regions' own."""
    section = entry.get("target")
    if not isinstance(section, dict):
        return checker.number(entry, "target", "item"), ()
    line = checker.line_of(entry, "target")
    if not per_region or not regions:
        checker.error(line, "target.map_not_per_region")
        return None, ()
    every, own = None, []
    for key in section:
        if str(key) != "*" and str(key) not in regions:
            checker.unknown_ref(section, "region", str(key), regions, checker.line_of(section, key) or line)
            continue
        number = checker.number(section, key, "target")
        if number is None:
            continue
        if str(key) == "*":
            every = number
        else:
            own.append((str(key), number))
    if every is None:
        given = {region_id for region_id, _ in own}
        missing = [r for r in (item_regions or regions) if str(r) in regions and str(r) not in given]
        if missing:
            checker.error(line, "target.map_missing_regions", regions=", ".join(map(str, missing)))
    return every, tuple(own)
