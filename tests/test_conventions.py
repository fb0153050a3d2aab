"""Issue 22, the smaller items: what a user of git, gh or ripgrep expects of a command line."""

import json
import re

import pytest

NOW = "2024-08-01T20:00:00+00:00"  # 2 August, 04:00 in Asia/Makassar (the plan's zone); still 1 August in UTC


@pytest.mark.parametrize("word, day", [("hari ini", "2024-08-02"), ("kemarin", "2024-08-01"), ("today", "2024-08-02"),
                                       ("Yesterday", "2024-08-01"), ("2024-07-30", "2024-07-30")])
def test_on_takes_today_and_yesterday_in_the_plans_time_zone(run, plan_dir, word, day):
    result = run("status", "--json", "--on", word, "--plan", str(plan_dir), env={"PILKADA_NOW": NOW})
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["today"] == day


def test_since_takes_yesterday_too(run, plan_dir):
    env = {"PILKADA_NOW": NOW}
    p = str(plan_dir)
    assert run("tick", "apel", "--plan", p, env=env).exit_code == 0
    summary = run("summary", "--format", "json", "--dry-run", "--since", "kemarin", "--plan", p, env=env)
    assert summary.exit_code == 0 and json.loads(summary.stdout)["since"] == "2024-08-01", summary.stderr
    assert len(json.loads(run("log", "--json", "--since", "hari ini", "--plan", p, env=env).stdout)) == 1
    assert json.loads(run("log", "--json", "--since", "today", "--plan", p, env=env).stdout)[0]["item"] == "polda/apel"
    wrong = run("log", "--since", "besok", "--plan", p, env=env)
    assert wrong.exit_code == 2 and "kemarin" in wrong.stderr


def test_output_dash_is_standard_output(run, plan_dir, isolated):
    p = str(plan_dir)
    export = run("export", "-o", "-", "--plan", p, "--on", "2024-08-01")
    assert export.exit_code == 0 and export.stdout.startswith("id,"), export.stderr
    summary = run("summary", "--dry-run", "-o", "-", "--plan", p, "--on", "2024-08-01")
    assert summary.exit_code == 0 and summary.stdout.count("*Rencana Uji*") == 1
    assert run("tick", "apel", "--plan", p, "--on", "2024-08-01").exit_code == 0
    journal = run("journal", "export", "-o", "-", "--plan", p)
    assert journal.exit_code == 0 and json.loads(journal.stdout.splitlines()[0])["item"] == "polda/apel"
    page = run("report", "--html", "-", "--plan", p, "--on", "2024-08-01")
    assert page.exit_code == 0 and page.stdout.startswith("<!DOCTYPE html>") and page.stderr == ""
    assert not (isolated / "-").exists()


def test_output_help_says_whether_it_replaces_standard_output(run):
    def flat(*args):
        return " ".join(run(*args, "--help").stdout.split())

    assert "alih-alih ke keluaran standar; - berarti keluaran standar" in flat("export")
    assert "alih-alih ke keluaran standar" in flat("journal", "export")
    assert "Tulis juga ke berkas ini (secara atomik), selain ke keluaran standar" in flat("summary")


def test_cron_with_mail_is_quiet_so_the_digest_comes_once(run, plan_dir):
    entry = run("cron", "--plan", str(plan_dir), "--mail-to", "ops@polda.example").stdout.splitlines()
    assert entry[-1].endswith("--mail-to ops@polda.example --quiet") and "--quiet" in entry[1]
    assert "--quiet" not in run("cron", "--plan", str(plan_dir)).stdout
    quiet = run("summary", "--quiet", "--dry-run", "--plan", str(plan_dir), "--on", "2024-08-01")
    assert quiet.exit_code == 0 and quiet.stdout == ""


def test_cron_names_the_pilkada_on_path_even_written_with_a_tilde(run, plan_dir, isolated, monkeypatch):
    home = isolated / "rumah"
    (home / ".local" / "bin").mkdir(parents=True)
    script = home / ".local" / "bin" / "pilkada"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("PATH", "~/.local/bin:/usr/bin:/bin")  # as pipx users often write it
    entry = run("cron", "--plan", str(plan_dir)).stdout.splitlines()[-1]
    assert f" {script} summary" in entry, entry


def test_cron_without_pilkada_on_path_names_the_script_beside_python(run, plan_dir, monkeypatch):
    import sys
    from pathlib import Path

    beside = Path(sys.executable).parent / "pilkada"
    if not beside.exists():
        pytest.skip("no pilkada script beside this Python")
    monkeypatch.setenv("PATH", "/nonexistent")
    entry = run("cron", "--plan", str(plan_dir)).stdout.splitlines()[-1]
    assert f" {beside} summary" in entry and " -m pilkada_cli" not in entry, entry


@pytest.mark.parametrize("before", [True, False])
def test_color_always_never_and_auto(run, plan_dir, before):
    def status(*color, env=None):
        args = [*color, "status"] if before else ["status", *color]
        return run(*args, "--plan", str(plan_dir), "--on", "2024-08-01", env=env).stdout

    colour = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])[;m]")  # a foreground colour, not bold
    assert colour.search(status("--color", "always"))
    assert "\x1b[" not in status("--color", "never", env={"FORCE_COLOR": "1"})  # no style at all
    assert "\x1b[" not in status()  # auto, and CliRunner's output is no terminal
    assert colour.search(status("--color", "auto", env={"FORCE_COLOR": "1"}))
    assert not colour.search(status("--color", "auto", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}))


def test_an_unknown_color_is_a_usage_error(run, plan_dir):
    result = run("status", "--color", "pink", "--plan", str(plan_dir))
    assert result.exit_code == 2 and "auto, always atau never" in result.stderr, result.stderr


@pytest.mark.parametrize("count", [3, 40, 400])
def test_list_into_a_pipe_is_one_tab_separated_line_per_item_whatever_their_number(run, isolated, count):
    from conftest import PLAN, write_plan

    items = "".join(f"  - {{id: item-{n}, title: \"Kegiatan {n}: dua\", due: H-{n % 50}, critical: {n == 1},"
                    f" owner: Dit Intelkam}}\n" for n in range(count))
    root = write_plan(isolated / "banyak", plan=PLAN.split("phases:")[0],
                      files={"a.yaml": "stakeholder: polda\nitems:\n" + items})
    result = run("list", "--plan", str(root), "--on", "2024-11-01")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == count and all(line.count("\t") == 7 for line in lines)
    fields = next(line for line in lines if line.startswith("polda/item-1\t")).split("\t")
    assert fields == ["polda/item-1", "2024-11-26", "H-1", "25", "mendatang", "0%", "Dit Intelkam",
                      "‼ Kegiatan 1: dua"]


def _keys(data, skip=("counts", "heatmap")) -> set[str]:
    """Every field name in a JSON value, nested records too (not the ids that key a map)."""
    if isinstance(data, list):
        return set().union(*(_keys(x, skip) for x in data)) if data else set()
    if not isinstance(data, dict):
        return set()
    return set(data) | set().union(*(_keys(v, skip) for k, v in data.items() if k not in skip))


def test_every_json_object_has_a_schema_and_every_field_is_documented(run):
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    documented = readme.split("### JSON")[1].split("\n## ")[0] + readme.split("`summary --format json` prints")[1][:1200]
    assert run("tick", "polda/pemetaan-kerawanan", "--on", "2024-08-02").exit_code == 0
    assert run("gonogo", "--declare", "go", "--stakeholder", "polda", "--on", "2024-11-25").exit_code == 0
    assert run("risk", "assess", "politik-uang@belu", "--level", "sedang", "--on", "2024-09-10").exit_code == 0
    run("summary", "--on", "2024-08-03")
    objects = [["status", "--json"], ["check", "--json"], ["gonogo", "--json", "--on", "2024-11-26"],
               ["risk", "--json", "--on", "2024-09-10"], ["summary", "--format", "json", "--dry-run"],
               ["export", "--format", "json"]]
    arrays = [["list", "--json"], ["log", "--json"], ["log", "--summaries", "--json"]]
    missing = {}
    for command in objects + arrays:
        result = run(*command)
        data = json.loads(result.stdout)
        assert isinstance(data, list) == (command in arrays), command
        if command in objects:
            assert data["schema"] == 1, command
        undocumented = {k for k in _keys(data) if f'"{k}"' not in documented and f"`{k}`" not in documented}
        if undocumented:
            missing[" ".join(command)] = sorted(undocumented)
    assert not missing


@pytest.mark.parametrize("english, indonesian", [("high", "tinggi"), ("medium", "sedang"), ("low", "rendah")])
def test_risk_levels_in_english_as_the_help_promises(run, english, indonesian):
    listed = json.loads(run("risk", "--json", "--level", english, "--on", "2024-09-10").stdout)["risks"]
    assert {r["level"] for r in listed} <= {indonesian} and (listed or english == "low")
    assessed = run("risk", "assess", "politik-uang@belu", "--level", english.upper(), "--on", "2024-09-10",
                   "--lang", "en")
    assert assessed.exit_code == 0, assessed.stderr
    wrong = run("risk", "--level", "huge", "--on", "2024-09-10")
    assert wrong.exit_code == 2 and "low, medium, high" in wrong.stderr


def _pilkada(*args, env=None):
    import os
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "pilkada_cli", *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})})


def test_the_completion_options_show_in_the_top_level_help_however_it_is_asked_for():
    for args in (["--help"], ["--lang", "en", "--help"], ["-h"], []):
        result = _pilkada(*args)
        assert "--install-completion" in result.stdout + result.stderr, args
    assert "--install-completion" not in _pilkada("status", "--help").stdout  # a command's own help: its options


def test_installing_completion_says_so_in_the_users_language(isolated):
    home = isolated / "rumah"
    home.mkdir()
    result = _pilkada("--install-completion", "bash", env={"HOME": str(home),
                                                           "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert result.returncode == 0 and result.stdout.startswith("Pelengkapan bash terpasang di "), result.stdout
    assert (home / ".bashrc").exists()


def test_one_table_lists_every_environment_variable_in_the_readme_and_the_help(run):
    from pathlib import Path

    import pilkada_cli
    from pilkada_cli.i18n import t

    source = "".join(p.read_text(encoding="utf-8") for p in Path(pilkada_cli.__file__).parent.rglob("*.py"))
    used = set(re.findall(r"(?<![A-Z_])PILKADA_[A-Z_]*[A-Z]", source)) - {"PILKADA_SMTP"}
    assert len(used) >= 16
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Environment variables")[1].split("\n## ")[0]
    help_text = run("--help").stdout
    for name in sorted(used | {"NO_COLOR", "PGPASSWORD"}):
        assert f"| `{name}` |" in table, name
        assert f"  {name} " in t("help.environment", "en") and f"  {name} " in help_text, name


def test_the_package_says_who_it_is_for():
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert {"Natural Language :: Indonesian", "Natural Language :: English", "Environment :: Console",
            "Operating System :: OS Independent"} <= set(project["classifiers"])
    assert "pilkada" in project["keywords"] and "babel>=2.12" in project["dependencies"]


def test_completion_offers_a_bare_unique_id_as_tick_takes_it(regions_plan, monkeypatch, run):
    from pilkada_cli.cli import complete

    monkeypatch.chdir(regions_plan)
    assert complete.items("nph") == ["nphd"]
    assert complete.items("evaluasi-pemilu-2024@") == ["evaluasi-pemilu-2024@belu", "evaluasi-pemilu-2024@ambon"]
    assert "evaluasi-pemilu-2024" in complete.items("evaluasi")
    assert complete.items("polres/pengamanan-gudang-logistik@b") == ["polres/pengamanan-gudang-logistik@belu"]
    for bare in ("nphd", "evaluasi-pemilu-2024@ambon"):  # what it offers, tick takes
        assert run("tick", bare, "--plan", str(regions_plan)).exit_code == 0
    (regions_plan / "checklists" / "polda.yaml").write_text(
        "stakeholder: kpu\nitems:\n  - id: dobel\n    title: A\n    phase: persiapan\n")
    (regions_plan / "checklists" / "polres2.yaml").write_text(
        "stakeholder: polres\nitems:\n  - id: dobel\n    title: B\n    phase: persiapan\n")
    assert "dobel" not in complete.items("dob") and "kpu/dobel" in complete.items("kpu/d")  # ambiguous: full ids
