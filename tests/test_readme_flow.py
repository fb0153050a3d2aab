"""The README's flows exactly as a new user types them, as real processes in real folders (issue 9, item 1):
relative `init`, `cd`, tick, edit the plan, list; `cron` from the plan and from inside `checklists/`."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PILKADA = [sys.executable, "-m", "pilkada_cli"]


@pytest.fixture
def sh(isolated):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PILKADA_")}  # as a user's: no clock fixed
    env.update({name: os.environ[name] for name in ("PILKADA_DATA_DIR", "PILKADA_CACHE_DIR", "PILKADA_CONFIG_DIR")},
               PILKADA_USER="penguji", COLUMNS="120")

    def run(*args: str, cwd: Path):
        result = subprocess.run([*PILKADA, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)
        assert "Traceback" not in result.stderr, result.stderr
        return result

    return run


def test_tick_survives_a_plan_edit_after_relative_init_and_cd(sh, isolated):
    assert sh("init", "rencana-kupang", "--vote-date", "28 November 2029", "--timezone", "Asia/Makassar",
              cwd=isolated).returncode == 0
    plan = isolated / "rencana-kupang"
    assert sh("tick", "polres/pemetaan-kerawanan", cwd=plan).returncode == 0
    with open(plan / "checklists" / "polres.yaml", "a", encoding="utf-8") as handle:
        handle.write("# diubah\n")
    listed = sh("list", "--state", "selesai", cwd=plan)
    assert listed.returncode == 0
    assert "polres/pemetaan-kerawanan" in listed.stdout
    done = json.loads(sh("list", "--state", "selesai", "--json", cwd=plan).stdout)
    assert [x["id"] for x in done] == ["polres/pemetaan-kerawanan"]
    journals = sorted(p.relative_to(isolated) for p in isolated.rglob("journal.sqlite3"))
    assert journals == [Path("rencana-kupang/.pilkada/journal.sqlite3")]


def test_the_same_tick_seen_from_a_subfolder_and_with_a_relative_plan_option(sh, isolated):
    sh("init", "rencana", "--vote-date", "2029-11-28", cwd=isolated)
    plan = isolated / "rencana"
    sh("tick", "polres/pemetaan-kerawanan", "--plan", "rencana", cwd=isolated)
    for folder, args in [(plan / "checklists", []), (isolated, ["--plan", "rencana"]), (plan, [])]:
        listed = sh("list", "--state", "selesai", "--json", *args, cwd=folder)
        assert [x["id"] for x in json.loads(listed.stdout)] == ["polres/pemetaan-kerawanan"], folder
    assert len(list(isolated.rglob("journal.sqlite3"))) == 1


@pytest.mark.parametrize("where", ["", "checklists"])
def test_cron_names_the_plan_by_its_absolute_path(sh, isolated, where):
    sh("init", "rencana-kupang", "--vote-date", "2029-11-28", cwd=isolated)
    plan = (isolated / "rencana-kupang").resolve()
    result = sh("cron", cwd=plan / where)
    assert result.returncode == 0, result.stderr
    assert f"PILKADA_PLAN={plan} " in result.stdout
    assert "rencana-kupang/rencana-kupang" not in result.stdout


def test_the_readme_summary_example_is_what_the_commands_print(sh, isolated):
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("A morning summary on the bundled plan"):]
    commands = section.split("```sh\n", 1)[1].split("```", 1)[0]
    expected = section.split("```text\n", 1)[1].split("```", 1)[0]
    lines = [line.split("#", 1)[0].strip() for line in commands.splitlines()]
    runs = [line.split()[1:] for line in lines if line.startswith("pilkada ")]
    assert len(runs) == 2 and any(line.startswith("export PILKADA_DATA_DIR") for line in lines)
    for args in runs[:-1]:
        assert sh(*args, cwd=isolated).returncode == 0
    chain = re.compile(r"(kode rantai) [0-9a-f]{12}")  # covers the identity that ran the tick
    assert chain.sub(r"\1 …", sh(*runs[-1], cwd=isolated).stdout) == chain.sub(r"\1 …", expected)
    assert chain.search(expected)
