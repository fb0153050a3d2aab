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


# -- 2. no crontab line from a plan's values

def test_a_plan_name_cannot_add_a_crontab_line(run, isolated):
    from conftest import PLAN, write_plan

    root = write_plan(isolated / "jahat", PLAN.replace("name: Rencana Uji",
                                                       'name: "Rencana\\n* * * * * root curl x | sh\\n#"'))
    result = run("cron", "--plan", str(root))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 4 and not any(line.startswith("* * * * *") for line in lines)
    assert sum(1 for line in lines if not line.startswith(("#", "CRON_TZ="))) == 1


def test_a_plan_folder_with_a_newline_gets_no_cron_line(run, isolated):
    from conftest import write_plan

    root = write_plan(isolated / "a\n* * * * * sh")
    result = run("cron", "--plan", str(root))
    assert result.exit_code == 2 and "karakter kendali" in result.stderr and result.stdout == ""


def test_a_mail_address_with_a_newline_gets_no_cron_line(run, plan_dir):
    result = run("cron", "--plan", str(plan_dir), "--mail-to", "a@b.example\n* * * * * sh")
    assert result.exit_code == 2 and result.stdout == ""


# -- 4. nothing written to someone else's screen

HOSTILE = "mallory\x1b[2K\x1b[1Gadmin\x07\x9b31m\u202egnp.exe\x1b]52;c;ZXZpbA==\x07"


def test_control_and_bidi_characters_are_shown_not_obeyed(run, isolated):
    from conftest import PLAN, write_plan

    files = {"polda.yaml": "stakeholder: polda\nitems:\n  - id: jahat\n    title: \"" +
             HOSTILE.encode("unicode_escape").decode("ascii").replace("\\x", "\\x") + "\"\n    phase: persiapan\n"
             "    due: H-100\n    owner: \"Ka\\e]0;judul\\a\"\n"}
    root = write_plan(isolated / "jahat", PLAN.replace("name: Rencana Uji", 'name: "Uji\\e[2J"'), files)
    assert run("check", "--plan", str(root)).exit_code == 0
    p = str(root)
    assert run("tick", "polda/jahat", "--plan", p, "--by", HOSTILE, "--note", HOSTILE,
               "--on", "2024-08-01").exit_code == 0
    outputs = [run(*args, "--plan", p, "--on", "2024-08-02").stdout for args in (
        ["status"], ["list"], ["log"], ["summary", "--dry-run"], ["summary", "--dry-run", "--format", "markdown"],
        ["tick", "polda/jahat", "--undo", "--note", HOSTILE])]
    outputs.append(run("tick", HOSTILE, "--plan", p).stderr)
    for out in outputs:
        assert not any(ch in out for ch in "\x1b\x07\x9b\u202e"), repr(out[:300])
    assert any("\\x1b" in out for out in outputs) and any("\\u202e" in out for out in outputs)
    # JSON keeps the exact text
    log = json.loads(run("log", "--json", "--plan", p).stdout)
    assert log[0]["actor"] == HOSTILE and log[0]["note"] == HOSTILE


def test_undecodable_bytes_on_the_command_line_are_recorded_not_a_traceback(plan_dir, isolated):
    env = dict(os.environ, PILKADA_USER="bud\udcffi")
    result = subprocess.run([sys.executable, "-m", "pilkada_cli", "tick", "apel", "--plan", str(plan_dir),
                             "--note", "catatan \udcfe", "--on", "2024-08-01"], capture_output=True, cwd=isolated,
                            env={k: v.encode("utf-8", "surrogateescape") for k, v in env.items()})
    assert result.returncode == 0, result.stderr
    log = subprocess.run([sys.executable, "-m", "pilkada_cli", "log", "--json", "--plan", str(plan_dir)],
                         capture_output=True, cwd=isolated)
    entry = json.loads(log.stdout)[0]
    assert entry["actor"] == "bud\ufffdi" and entry["note"] == "catatan \ufffd"
