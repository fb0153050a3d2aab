"""Issue 11, trust: nobody runs code as someone else, forges history, or writes to someone else's screen.
The sharing findings run as two real local users (created when the tests run as root, as CI does)."""

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pilkada_cli
from conftest import POLDA
from pilkada_cli.plan import cache as plancache
from pilkada_cli.plan import load_plan

SOURCE = Path(pilkada_cli.__file__).parent


# -- 1. the plan cache cannot run code


def test_no_pickle_anywhere_in_the_package():
    for path in SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {alias.name for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                 for alias in node.names} | {node.module for node in ast.walk(tree)
                                             if isinstance(node, ast.ImportFrom) and node.module}
        assert not names & {"pickle", "cPickle", "marshal", "shelve", "dill"}, path


def test_the_cache_is_plain_json_in_the_users_cache_dir(plan_dir):
    load_plan(plan_dir)
    cache = plancache.cache_file(plan_dir, False, os.environ)
    assert cache.is_relative_to(Path(os.environ["PILKADA_CACHE_DIR"]))
    data = json.loads(cache.read_text(encoding="utf-8"))
    assert data["plan"]["name"] == "Rencana Uji"
    assert cache.stat().st_mode & 0o077 == 0


def test_a_symlinked_cache_is_never_followed(plan_dir, tmp_path):
    load_plan(plan_dir)
    cache = plancache.cache_file(plan_dir, False, os.environ)
    real = tmp_path / "elsewhere.json"
    shutil.copy(cache, real)
    real.chmod(0o600)
    cache.unlink()
    cache.symlink_to(real)
    key = plancache.cache_key(plan_dir, False, os.environ, [plan_dir / "pilkada.yaml", *sorted(
        (plan_dir / "checklists").rglob("*.yaml"))])
    assert plancache.read(cache, key) is None
    assert load_plan(plan_dir).name == "Rencana Uji"  # rebuilt from the YAML instead


def test_a_same_size_edit_with_the_old_mtime_restored_is_seen(plan_dir):
    load_plan(plan_dir)
    polda = plan_dir / "checklists" / "polda.yaml"
    before = polda.stat()
    edited = POLDA.replace("title: Patroli", "title: Patrolx")  # the same size
    assert len(edited) == len(POLDA)
    with open(polda, "r+", encoding="utf-8") as handle:  # in place: the same inode
        handle.write(edited)
    os.utime(polda, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert polda.stat().st_size == before.st_size and polda.stat().st_mtime_ns == before.st_mtime_ns
    assert next(i for i in load_plan(plan_dir).items if i.id == "patroli").title == "Patrolx"
