"""Issue 22, item 3: Windows and other outputs that are not UTF-8. A scheduled job on Windows writes to a cp1252
file; a Python before 3.13 there has no os.fchmod."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import write_plan

CHECKLIST = """\
stakeholder: polda
items:
  - id: logistik
    title: "Distribusi → TPS ‼ ✔"
    phase: persiapan
    due: H-100
    critical: true
"""


def real_command(*args: str, env: dict[str, str], encoding: str = "cp1252") -> subprocess.CompletedProcess:
    """The installed command as a scheduled job runs it, its output redirected in `encoding`."""
    return subprocess.run([sys.executable, "-m", "pilkada_cli", *args], capture_output=True, timeout=60,
                          env={**os.environ, **env, "PYTHONIOENCODING": encoding})


def test_tick_status_and_summary_write_to_a_cp1252_output(isolated):
    root = write_plan(isolated / "rencana", files={"polda.yaml": CHECKLIST})
    env = {"PILKADA_PLAN": str(root), "PILKADA_NOW": "2024-08-20T01:00:00+00:00"}
    tick = real_command("tick", "logistik", env=env)
    assert tick.returncode == 0 and tick.stdout.decode("cp1252").startswith("v polda/logistik"), tick.stderr
    for command, shown in ((["status"], "Progres keseluruhan  ####"), (["summary", "--dry-run"], "! polda/logistik"),
                           (["list"], "Distribusi > TPS ! v"), (["timeline"], "Polda Uji")):
        result = real_command(*command, env=env)
        assert result.returncode == 0 and b"Traceback" not in result.stderr, (command, result.stderr)
        assert shown in result.stdout.decode("cp1252"), (command, result.stdout.decode("cp1252"))
    undo = real_command("tick", "logistik", "--undo", env=env)
    assert undo.returncode == 0 and undo.stdout.decode("cp1252").startswith("< polda/logistik"), undo.stderr
    log = json.loads(real_command("log", "--json", env=env, encoding="utf-8").stdout)
    assert [entry["kind"] for entry in log] == ["done", "undone"]  # each tick recorded once, then said so


def test_a_table_keeps_its_borders_in_line_where_marks_are_written_as_ascii(isolated):
    """The stand-in for each mark takes its columns (‼ one, ⛔ two): the table was laid out before encoding."""
    blocked = CHECKLIST + "  - {id: tps, title: TPS siap, phase: persiapan, due: H-90, depends_on: [logistik]}\n"
    root = write_plan(isolated / "rencana", files={"polda.yaml": blocked})
    env = {"PILKADA_PLAN": str(root), "PILKADA_NOW": "2024-08-30T01:00:00+00:00", "COLUMNS": "80"}
    for encoding in ("cp1252", "ascii"):
        screen = real_command("status", env=env, encoding=encoding).stdout.decode(encoding)
        marked = "".join("t" if line[:1] in "|+" else "." for line in screen.splitlines())
        lines = screen.splitlines()
        tables = [lines[m.start():m.end()] for m in re.finditer("t+", marked)]  # runs of bordered lines
        rows = [row for table in tables for row in table]
        assert any("!" in row for row in rows) and any("||" in row for row in rows), screen
        assert tables and all(len({len(row) for row in table}) == 1 for table in tables), screen


def test_json_keeps_every_character_on_a_cp1252_output(isolated):
    root = write_plan(isolated / "rencana", files={"polda.yaml": CHECKLIST})
    env = {"PILKADA_PLAN": str(root), "PILKADA_NOW": "2024-08-20T01:00:00+00:00"}
    for command in (["status", "--json"], ["list", "--json"], ["summary", "--format", "json", "--dry-run"],
                    ["export", "--format", "json"]):
        result = real_command(*command, env=env)
        assert result.returncode == 0, (command, result.stderr)
        data = json.loads(result.stdout.decode("cp1252"))
        items = data if isinstance(data, list) else data.get("items") or data["overdue"]
        assert items[0]["title"] == "Distribusi → TPS ‼ ✔", command


def test_export_writes_its_file_without_fchmod_and_leaves_no_temporary_file(run, plan_dir, isolated, monkeypatch):
    monkeypatch.delattr(os, "fchmod", raising=False)
    monkeypatch.delattr(os, "fchown", raising=False)
    target = isolated / "keluar" / "pilkada.csv"
    target.parent.mkdir()
    result = run("export", "--plan", str(plan_dir), "--on", "2024-08-01", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("id,") and os.listdir(target.parent) == ["pilkada.csv"]


def test_an_interrupted_write_leaves_no_temporary_file(run, plan_dir, isolated, monkeypatch):
    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    target = isolated / "keluar" / "pilkada.ics"
    target.parent.mkdir()
    result = run("export", "--format", "ics", "--plan", str(plan_dir), "-o", str(target))
    assert result.exit_code == 130 and os.listdir(target.parent) == []


def test_the_readme_shows_task_scheduler_and_launchd_beside_cron():
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Daily summaries with cron")[1].split("\n## ")[0]
    assert "schtasks /Create" in section and "pilkada.exe summary" in section.split("schtasks /Create")[1][:200]
    assert "launchctl" in section and "<key>StartCalendarInterval</key>" in section
