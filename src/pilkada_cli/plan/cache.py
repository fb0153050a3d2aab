"""The on-disk cache of validated plans, so a command does not parse and validate YAML on every run.

The key holds the cache format, the package version, the journal location and, for every plan file, its
path, size and modification time (nanoseconds): any edit, new or removed file misses the cache. A cache
that cannot be read, or was written by another version, is ignored and rebuilt; one that cannot be written
(a read-only plan folder) is simply not kept.

A plan folder is often shared by several people on one server, and unpickling runs code: each user has a
cache file of their own, and one not owned by the user or writable by others is never loaded."""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pilkada_cli import __version__

FORMAT = 4


def cache_file(root: Path, bundled: bool, env: Mapping[str, str]) -> Path:
    name = f"plan-cache-{_uid()}.pickle"
    if bundled:
        from pilkada_cli.plan.locations import data_dir

        return data_dir(env) / "bundled" / name
    return root / ".pilkada" / name


def _uid() -> int | str:
    return os.getuid() if hasattr(os, "getuid") else "user"


def _trusted(path: Path) -> bool:
    """Ours, and writable by no one else."""
    if not hasattr(os, "getuid"):
        return True  # Windows: the cache lives in the user's own folders
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def cache_key(root: Path, bundled: bool, env: Mapping[str, str], files: list[Path]) -> tuple:
    stats = []
    for path in files:
        try:
            info = path.stat()
        except OSError:
            return ("uncacheable",)  # a missing file: let the loader report it
        stats.append((str(path.relative_to(root)), info.st_size, info.st_mtime_ns))
    data = env.get("PILKADA_DATA_DIR", "") if bundled else ""
    return (FORMAT, __version__, str(root.resolve()), bundled, data, tuple(stats))


def read(path: Path, key: tuple) -> Any | None:
    if key == ("uncacheable",):
        return None
    try:
        if not _trusted(path):
            return None
        with open(path, "rb") as handle:
            stored_key, plan = pickle.load(handle)  # noqa: S301 - checked to be the user's own file
    except Exception:  # absent, truncated, from another version: rebuild
        return None
    return plan if stored_key == key else None


def write(path: Path, key: tuple, plan: Any) -> None:
    if key == ("uncacheable",):
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".plan-cache.", dir=path.parent)  # mode 0600
    except OSError:
        return  # a read-only plan folder: run without a cache
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((key, plan), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
