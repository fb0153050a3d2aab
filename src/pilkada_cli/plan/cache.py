"""The on-disk cache of validated plans, so a command does not parse and validate YAML on every run.

Safe on a shared server by construction:
- it lives in the user's own cache directory (PILKADA_CACHE_DIR, else the platform's, e.g. ~/.cache/pilkada),
  never in the plan's folder that a whole group may write;
- it is JSON, read into plain values and rebuilt into records field by field: no format that can run code;
- it is opened without following links (O_NOFOLLOW) and checked on the open file (fstat: a regular file
  owned by the user, writable by no one else), so swapping a link between the check and the open does
  nothing.

The key holds the cache format, the package version, the journal location and, for every plan file, its
path, size, modification and change times (nanoseconds) and inode: an edit, a new or removed file, a file
replaced by another, or an edit with its old modification time restored (the change time cannot be set
back) all miss the cache. A cache that cannot be read, or was written by another version, is ignored and
rebuilt; one that cannot be written is simply not kept."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from pilkada_cli.version import __version__
from pilkada_cli.errors import Problem
from pilkada_cli.model import Contact, Dimension, Item, Phase, Plan, Region, Risk, Stakeholder, Webhook

FORMAT = 11  # 11: offices, targets by region, risk dimensions, editors by region, signing keys, contacts
UNCACHEABLE = ("uncacheable",)


def cache_dir(env: Mapping[str, str]) -> Path:
    if env.get("PILKADA_CACHE_DIR"):
        return Path(env["PILKADA_CACHE_DIR"])
    if sys.platform.startswith("linux"):  # the XDG rule platformdirs applies, without importing it each run
        base = env.get("XDG_CACHE_HOME", "").strip()
        return Path(base if base and Path(base).is_absolute() else Path.home() / ".cache") / "pilkada"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("pilkada", appauthor=False))


def cache_file(root: Path, bundled: bool, env: Mapping[str, str]) -> Path:
    """This user's cache file for one plan folder (and, for the bundled plan, one data directory)."""
    where = f"{root.resolve()}\0{bundled}\0{env.get('PILKADA_DATA_DIR', '') if bundled else ''}"
    # A checksum names the file (two plans sharing one is only a cache miss: the key inside says which
    # plan it holds); a cryptographic hash would cost an import on every command.
    readable = re.sub(r"[^A-Za-z0-9-]+", "-", root.name)[:40] or "plan"
    return cache_dir(env) / "plans" / f"{readable}-{zlib.crc32(where.encode('utf-8', 'surrogateescape')):08x}.json"


def cache_key(root: Path, bundled: bool, env: Mapping[str, str], files: list[Path]) -> list:
    stats = []
    for path in files:
        try:
            info = path.stat()
        except OSError:
            return list(UNCACHEABLE)  # a missing file: let the loader report it
        stats.append([str(path.relative_to(root)), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino])
    data = env.get("PILKADA_DATA_DIR", "") if bundled else ""
    return [FORMAT, __version__, str(root.resolve()), bundled, data, stats]


def trusted(info: os.stat_result) -> bool:
    """A cache file may be believed: a regular file, the user's own, writable by no one else."""
    return (stat.S_ISREG(info.st_mode) and not info.st_mode & 0o022
            and (not hasattr(os, "getuid") or info.st_uid == os.getuid()))


def read(path: Path, key: list) -> Plan | None:
    if key == list(UNCACHEABLE):
        return None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None  # absent, or a link
    try:
        if not trusted(os.fstat(fd)):
            return None
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            stored = json.loads(handle.read().decode("utf-8"))
        if stored.get("key") != key:
            return None
        return _plan(stored["plan"])
    except Exception:  # truncated, damaged, another version's shape: rebuild from the YAML
        return None
    finally:
        if fd >= 0:
            os.close(fd)


def write(path: Path, key: list, plan: Plan) -> None:
    if key == list(UNCACHEABLE):
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        import tempfile  # only when the cache is written, not on every command's start

        fd, temporary = tempfile.mkstemp(prefix=".plan-cache.", dir=path.parent)  # mode 0600
    except OSError:
        return  # no writable cache directory: run without a cache
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"key": key, "plan": _plain(plan)}, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, path)
    except (OSError, TypeError, ValueError):
        try:
            os.unlink(temporary)
        except OSError:
            pass


# ------------------------------------------------------------------------------------------- the records


def _when(value: Any) -> Any:
    return {"date": value.isoformat()} if isinstance(value, date) else value


def _from_when(value: Any) -> Any:
    return date.fromisoformat(value["date"]) if isinstance(value, dict) else value


def _value(value: Any) -> Any:
    """Free YAML values (notify settings, problem parameters): dates and paths tagged, the rest as JSON has it."""
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, Path):
        return {"$path": str(value)}
    if isinstance(value, Mapping):
        return {"$map": [[str(k), _value(v)] for k, v in value.items()]}
    if isinstance(value, (list, tuple)):
        return [_value(v) for v in value]
    return value


def _from_value(value: Any) -> Any:
    if isinstance(value, dict):
        if "$date" in value:
            return date.fromisoformat(value["$date"])
        if "$path" in value:
            return Path(value["$path"])
        return {k: _from_value(v) for k, v in value["$map"]}
    if isinstance(value, list):
        return [_from_value(v) for v in value]
    return value


def _plain(plan: Plan) -> dict:
    return {
        "root": str(plan.root), "name": plan.name, "vote_date": plan.vote_date.isoformat(),
        "timezone": plan.timezone, "language": plan.language, "due_soon_days": plan.due_soon_days,
        "journal_path": str(plan.journal_path), "bundled": plan.bundled, "notify": _value(plan.notify),
        "id": plan.id, "journal_url": plan.journal_url,
        "stakeholders": [[s.id, s.name, s.per_region,
                          {r: list(names) for r, names in s.editors.items()} if s.editors is not None else None]
                         for s in plan.stakeholders],
        "phases": [[p.id, p.name, _when(p.start), _when(p.end)] for p in plan.phases],
        "regions": [[r.id, r.name, r.vote_date.isoformat() if r.vote_date else None, r.timezone,
                     [list(office) for office in r.offices]] for r in plan.regions],
        "items": [[i.stakeholder, i.id, i.title, i.phase, _when(i.due), i.owner, i.weight, i.critical, i.target,
                   i.unit, list(i.tags), i.notes, list(i.regions) if i.regions is not None else None, i.file,
                   i.line, list(i.depends_on), [list(pair) for pair in i.region_targets], i.source]
                  for i in plan.items],
        "risks": [[r.id, r.title, r.dimension, r.level, list(r.regions) if r.regions is not None else None,
                   list(r.mitigations), r.source, r.file, r.line] for r in plan.risks],
        "risk_during_days": plan.risk_during_days,
        "risk_dimensions": [[d.id, d.name] for d in plan.risk_dimensions],
        "keys": {identity: list(texts) for identity, texts in plan.keys.items()},
        "require_signatures": plan.require_signatures,
        "contacts": [[key, list(c.mail), [c.webhook.url, c.webhook.token_env] if c.webhook else None, c.line]
                     for key, c in plan.contacts.items()],
        "critical_overdue_days": plan.critical_overdue_days,
        "warnings": [[str(w.file) if w.file is not None else None, w.line, w.key, _value(w.params), w.severity]
                     for w in plan.warnings],
    }


def _plan(data: dict) -> Plan:
    items = []
    for (stakeholder, item_id, title, phase, due, owner, weight, critical, target, unit, tags, notes, regions,
         file, line, depends_on, region_targets, source) in data["items"]:
        items.append(Item(stakeholder, item_id, title, phase, _from_when(due), owner, weight, critical, target,
                          unit, tuple(tags), notes, tuple(regions) if regions is not None else None, file, line,
                          tuple(depends_on), tuple((r, n) for r, n in region_targets), source))
    return Plan(
        root=Path(data["root"]), name=data["name"], vote_date=date.fromisoformat(data["vote_date"]),
        timezone=data["timezone"], language=data["language"], due_soon_days=data["due_soon_days"],
        journal_path=Path(data["journal_path"]),
        stakeholders=tuple(Stakeholder(i, n, r, {k: tuple(v) for k, v in e.items()} if e is not None else None)
                           for i, n, r, e in data["stakeholders"]),
        id=data["id"], journal_url=data["journal_url"], risk_during_days=data["risk_during_days"],
        risk_dimensions=tuple(Dimension(i, n) for i, n in data["risk_dimensions"]),
        keys={identity: tuple(texts) for identity, texts in data["keys"].items()},
        require_signatures=data["require_signatures"],
        risks=tuple(Risk(i, t, d, lv, tuple(rg) if rg is not None else None, tuple(m), src, f, ln)
                    for i, t, d, lv, rg, m, src, f, ln in data["risks"]),
        phases=tuple(Phase(i, n, _from_when(s), _from_when(e)) for i, n, s, e in data["phases"]),
        items=tuple(items),
        regions=tuple(Region(i, n, date.fromisoformat(v) if v else None, z, tuple((s, o) for s, o in offices))
                      for i, n, v, z, offices in data["regions"]),
        notify=_from_value(data["notify"]), bundled=data["bundled"],
        contacts={key: Contact(tuple(mail), Webhook(*webhook) if webhook else None, line)
                  for key, mail, webhook, line in data["contacts"]},
        critical_overdue_days=data["critical_overdue_days"],
        warnings=tuple(Problem(Path(f) if f is not None else None, line, key, _from_value(params), severity)
                       for f, line, key, params, severity in data["warnings"]),
    )
