"""The on-disk cache of validated plans, so a command does not parse and validate YAML on every run.

Safe on a shared server by construction:
- it lives in the user's own cache directory (PILKADA_CACHE_DIR, else the platform's, e.g. ~/.cache/pilkada),
  never in the plan's folder that a whole group may write;
- it is JSON, read into plain values and the records of pilkada_cli.model it names: no format that can run
  code;
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
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pilkada_cli import model
from pilkada_cli.model import Plan
from pilkada_cli.version import __version__

FORMAT = 12  # 12: written from the records' own fields
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
    return [FORMAT, __version__, _shapes(), str(root.resolve()), bundled, data, stats]


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
            stored = json.loads(handle.read().decode("utf-8"), object_hook=_restorer(_records()))
        if stored.get("key") != key:
            return None
        return stored["plan"] if isinstance(stored["plan"], Plan) else None
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
# A plan is written from its records' own fields, so a field added to a record is cached with no change here:
# a record as {"$r": its class's name, "v": its fields' values in order}; a tuple (what records hold) as a
# JSON array; a list, a map, a date, a moment and a path tagged. Reading gives back values of the same types,
# and makes no object but these: the records of pilkada_cli.model (named in the file), dates, paths, plain values.


def _records() -> dict[str, type]:
    """The records a cache may hold, by name: the dataclasses of pilkada_cli.model (Problem among them)."""
    return {name: value for name, value in vars(model).items() if isinstance(value, type) and is_dataclass(value)}


def _shapes() -> list:
    """Every record's field names, in the key: a cache written before a field was added, removed or renamed
    is not read after."""
    return [[name, [f.name for f in fields(record)]] for name, record in sorted(_records().items())]


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if is_dataclass(value) and not isinstance(value, type):
        return {"$r": type(value).__name__, "v": [_plain(getattr(value, f.name)) for f in fields(value)]}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return {"$list": [_plain(v) for v in value]}
    if isinstance(value, Mapping):
        return {"$map": [[_plain(k), _plain(v)] for k, v in value.items()]}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, Path):
        return {"$path": str(value)}
    raise TypeError(f"not cached: {type(value).__name__}")  # write() then keeps no cache


class _TaggedList(list):
    """A list as read from a cache's {"$list": ...}: kept a list, where an untagged array becomes a tuple."""


_UNSETTLED = {list, _TaggedList}


def _settled(value: Any) -> Any:
    if value.__class__ is list:
        return tuple([_settled(v) if v.__class__ in _UNSETTLED else v for v in value]) if value else ()
    if value.__class__ is _TaggedList:
        return list(value)
    return value


def _restorer(records: dict[str, type]):
    """The JSON decoder's hook for every object of a cache file, innermost first (json's C parser calls it).
    A record is made as pickle makes one, its fields set in its __dict__: a frozen dataclass's __init__ sets
    each field through object.__setattr__, 0.20 s for 50,000 items where this takes 0.035 s (the records
    have no __post_init__, and the cache holds what __init__ made)."""
    shapes = {name: [f.name for f in fields(record)] for name, record in records.items()}

    def restore(tagged: dict) -> Any:
        if "$r" in tagged:
            made, names, values = object.__new__(records[tagged["$r"]]), shapes[tagged["$r"]], tagged["v"]
            if len(values) != len(names):
                raise ValueError("a record of another shape")  # read() then ignores the cache
            made.__dict__.update(zip(names, [_settled(v) if v.__class__ in _UNSETTLED else v for v in values]))
            return made
        if "$map" in tagged:
            return {_settled(k): _settled(v) for k, v in tagged["$map"]}
        if "$list" in tagged:
            return _TaggedList([_settled(v) for v in tagged["$list"]])
        if "$date" in tagged:
            return date.fromisoformat(tagged["$date"])
        if "$datetime" in tagged:
            return datetime.fromisoformat(tagged["$datetime"])
        if "$path" in tagged:
            return Path(tagged["$path"])
        return tagged  # the file's own {"key": ..., "plan": ...}

    return restore
