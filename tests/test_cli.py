"""The command line as a user runs it: output, exit codes, and no traceback on bad input."""

import json
import re
import sys

import pytest

from conftest import PLAN, commands, write_plan

def test_status_on_the_bundled_plan_shows_the_countdown(run):
    result = run("status", "--on", "2024-08-01")
    assert result.exit_code == 0, result.output
    assert "Kamis, 1 Agustus 2024" in result.stdout
    assert "H-118" in result.stdout
    assert "Rabu, 27 November 2024" in result.stdout
    assert "Polda NTT" in result.stdout and "KPU Provinsi NTT" in result.stdout
    assert "Perlu perhatian" in result.stdout
    assert "terlambat" in result.stdout


def test_global_on_before_the_command(run):
    result = run("--on", "1 Agustus 2024", "status", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["countdown"] == "H-118"


def test_status_json_matches_the_spec(run):
    result = run("status", "--on", "2024-08-01", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == 1
    assert data["plan"] == {"name": "Pilkada Serentak 2024 — Provinsi Nusa Tenggara Timur",
                            "vote_date": "2024-11-27", "timezone": "Asia/Makassar"}
    assert data["today"] == "2024-08-01" and data["days_to_vote"] == 118 and data["countdown"] == "H-118"
    assert set(data["counts"]) == {"total", "done", "overdue", "due_soon", "upcoming", "no_due", "blocked"}  # spec v2
    assert data["counts"]["total"] == len(data["items"]) >= 60
    stakeholder = data["stakeholders"][0]
    assert {"id", "name", "progress", "counts", "phases"} <= set(stakeholder)
    assert {"id", "name", "progress", "counts"} <= set(stakeholder["phases"][0])
    phase = data["phases"][0]
    assert {"id", "name", "start", "end", "progress", "state"} <= set(phase)
    item = next(i for i in data["items"] if i["id"] == "polda/pemetaan-kerawanan")
    assert item == {**item, "stakeholder": "polda", "phase": "persiapan-pengamanan", "due": "2024-08-26",
                    "due_label": "H-93", "days_left": 25, "state": "upcoming", "completion": 0.0, "value": None,
                    "target": None, "critical": True, "weight": 2, "done_at": None, "region": None}
    required = {"id", "stakeholder", "phase", "title", "owner", "due", "due_label", "days_left", "state",
                "completion", "value", "target", "unit", "critical", "weight", "done_at"}
    assert all(required <= set(i) for i in data["items"])


def test_status_in_english(run):
    result = run("status", "--on", "2024-08-01", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Thursday, 1 August 2024" in result.stdout and "Overall progress" in result.stdout


def test_lang_from_environment(run):
    result = run("status", "--on", "2024-11-27", env={"PILKADA_LANG": "en"})
    assert "Vote day" in result.stdout


def test_hari_h_in_jayapura_at_1630_utc_the_day_before(run, isolated):
    write_plan(isolated / "papua", plan=PLAN.replace("Asia/Makassar", "Asia/Jayapura"))
    env = {"PILKADA_NOW": "2024-11-26T16:30:00+00:00"}
    result = run("status", "--plan", str(isolated / "papua"), env=env)
    assert result.exit_code == 0, result.output
    assert "Hari H" in result.stdout.splitlines()[1]
    data = json.loads(run("status", "--plan", str(isolated / "papua"), "--json", env=env).stdout)
    assert data["countdown"] == "H" and data["today"] == "2024-11-27"


def test_tick_value_undo_change_progress(run, plan_dir):
    p = str(plan_dir)
    result = run("tick", "pemetaan-kerawanan", "--plan", p, "--on", "2024-08-01", "--note", "Rakor")
    assert result.exit_code == 0, result.output
    assert "polda/pemetaan-kerawanan" in result.stdout and "selesai" in result.stdout
    assert "Progres Polda Uji: 50,0%" in result.stdout  # weight 2 of 4

    again = run("tick", "polda/pemetaan-kerawanan", "--plan", p, "--on", "2024-08-01")
    assert again.exit_code == 0 and "sudah selesai" in again.stdout

    value = run("tick", "kpu/nphd", "--value", "65", "--plan", p, "--on", "2024-08-01")
    assert value.exit_code == 0, value.output
    assert "65/100%" in value.stdout and "Progres KPU Uji: 43,3%" in value.stdout  # 2*0.65 / 3

    data = json.loads(run("status", "--plan", p, "--on", "2024-08-01", "--json").stdout)
    assert data["progress"] == round(100 * (2 + 1.3) / 7, 1)
    nphd = next(i for i in data["items"] if i["id"] == "kpu/nphd")
    assert nphd["value"] == 65 and nphd["completion"] == 0.65 and nphd["state"] == "overdue"

    undo = run("tick", "pemetaan-kerawanan", "--undo", "--plan", p, "--on", "2024-08-01")
    assert undo.exit_code == 0 and "dibatalkan" in undo.stdout
    data = json.loads(run("status", "--plan", p, "--on", "2024-08-01", "--json").stdout)
    assert data["progress"] == round(100 * 1.3 / 7, 1)


def test_on_replays_earlier_days(run, plan_dir):
    p = str(plan_dir)
    run("tick", "apel", "--plan", p, "--on", "2024-08-01")
    run("tick", "patroli", "--plan", p, "--on", "2024-08-05")
    def done(day):
        data = json.loads(run("status", "--plan", p, "--on", day, "--json").stdout)
        return {i["id"] for i in data["items"] if i["state"] == "done"}
    assert done("2024-07-31") == set()
    assert done("2024-08-01") == {"polda/apel"}
    assert done("2024-08-05") == {"polda/apel", "polda/patroli"}


def test_list_filters_and_json(run, plan_dir):
    p = str(plan_dir)
    result = run("list", "--plan", p, "--on", "2024-08-01", "--state", "terlambat", "--json")
    assert result.exit_code == 0, result.output
    assert [i["id"] for i in json.loads(result.stdout)] == ["kpu/nphd"]
    critical = json.loads(run("list", "--plan", p, "--on", "2024-08-01", "--critical", "--json").stdout)
    assert [i["id"] for i in critical] == ["polda/pemetaan-kerawanan"]
    tagged = json.loads(run("list", "--plan", p, "--tag", "kerawanan", "--json").stdout)
    assert [i["id"] for i in tagged] == ["polda/pemetaan-kerawanan"]
    table = run("list", "--plan", p, "--on", "2024-08-01", "--stakeholder", "polda")
    assert table.exit_code == 0 and "Pemetaan kerawanan" in table.stdout and "H-90" in table.stdout
    assert "Pencairan NPHD" not in table.stdout


@pytest.mark.parametrize("args, message", [
    (["tick", "nothing-like-it"], "tidak ada di rencana"),
    (["tick", "apel", "--value", "3"], "tidak punya target"),
    (["tick", "nphd", "--value", "-1"], "0 atau lebih"),
    (["status", "--on", "2024-02-30"], "tidak ada di kalender"),
    (["status", "--on", "besok"], "2024-11-27"),
    (["status", "--stakeholder", "polri"], "polri"),
    (["list", "--state", "lost"], "done, overdue"),
    (["status", "--lang", "fr"], "id atau en"),
    (["status", "--on", "9999-12-31"], "1900"),
    (["status", "--limit", "-5"], "-5"),
])
def test_bad_input_exits_2_with_a_message(run, plan_dir, args, message):
    result = run(*args, "--plan", str(plan_dir))
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_ambiguous_item_lists_full_ids(run, isolated):
    root = write_plan(isolated / "p", files={"a.yaml": "stakeholder: polda\nitems:\n  - {id: rakor, title: R, phase: persiapan}\n",
                                            "b.yaml": "stakeholder: kpu\nitems:\n  - {id: rakor, title: R, phase: persiapan}\n"})
    result = run("tick", "rakor", "--plan", str(root))
    assert result.exit_code == 2
    assert "polda/rakor" in result.stderr and "kpu/rakor" in result.stderr


def test_unknown_item_suggests_close_ids(run, plan_dir):
    result = run("tick", "polda/pemetaan", "--plan", str(plan_dir))
    assert result.exit_code == 2 and "polda/pemetaan-kerawanan" in result.stderr


def test_invalid_plan_names_file_and_line_and_points_to_check(run, isolated):
    root = write_plan(isolated / "p", plan=PLAN.replace("timezone:", "timezon:"))
    for command in (["status"], ["list"], ["tick", "apel"]):
        result = run(*command, "--plan", str(root))
        assert result.exit_code == 2, result.output
        assert "pilkada.yaml:3" in result.stderr and "timezone" in result.stderr
        assert "pilkada check" in result.stderr
        assert "Traceback" not in result.output


def test_check_lists_every_problem(run, isolated):
    root = write_plan(isolated / "p", plan=PLAN.replace("timezone:", "timezon:").replace("H-30", "H--30"))
    result = run("check", "--plan", str(root))
    assert result.exit_code == 2
    assert "pilkada.yaml:3" in result.stdout and "pilkada.yaml:14" in result.stdout
    data = json.loads(run("check", "--plan", str(root), "--json").stdout)
    assert data["errors"] >= 3 and all(p["file"] for p in data["problems"])


def test_check_on_the_bundled_plan_has_no_errors(run):
    result = run("check")
    assert result.exit_code == 0, result.output
    assert "0 kesalahan" in result.stdout


def test_plan_not_found(run, isolated):
    result = run("status", "--plan", str(isolated / "tidak-ada"))
    assert result.exit_code == 2 and "pilkada init" in result.stderr


def test_init_creates_a_plan_that_counts_down(run, isolated):
    result = run("init", "baru", "--vote-date", "28-11-2029", "--timezone", "Asia/Jayapura", "--name", "Pilkada: Uji")
    assert result.exit_code == 0, result.output
    data = json.loads(run("status", "--plan", "baru", "--on", "2029-08-01", "--json").stdout)
    assert data["plan"] == {"name": "Pilkada: Uji", "vote_date": "2029-11-28", "timezone": "Asia/Jayapura"}
    assert data["countdown"] == "H-119" and data["counts"]["total"] >= 20
    checked = run("check", "--plan", "baru")
    assert checked.exit_code == 0 and "0 kesalahan, 0 peringatan" in checked.stdout
    again = run("init", "baru", "--vote-date", "2029-11-28")
    assert again.exit_code == 2 and "tidak ada yang ditimpa" in again.stderr
    bad_tz = run("init", "lain", "--vote-date", "2029-11-28", "--timezone", "Asia/Kupang")
    assert bad_tz.exit_code == 2 and "Asia/Makassar" in bad_tz.stderr
    assert not (isolated / "lain").exists()


@pytest.mark.parametrize("path, command", [pytest.param(path, command, id=" ".join(path) or "pilkada")
                                           for path, command in commands()])
def test_every_command_and_subcommand_has_help_with_an_example(run, path, command):
    """A command a user runs shows an example of itself; a group that needs a subcommand lists them all."""
    result = run(*path, "--help")
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stdout.split())  # as wrapped at any width
    assert command.help and " ".join(command.help.split(".")[0].split()) in shown
    subcommands = getattr(command, "commands", {})
    if subcommands and not command.invoke_without_command:
        listed = result.stdout.split("Perintah:")[1].split()
        assert all(name in listed for name in subcommands), (path, listed)
    else:
        assert "Contoh:" in shown and " ".join(["pilkada", *path]) in shown.split("Contoh:")[1], shown


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("pilkada ")


class _Terminal:
    """sys.stdout as `list` sees it on a terminal (CliRunner's output is no terminal)."""

    def isatty(self):
        return True

    def write(self, text):
        return sys.stdout.write(text)


def test_a_long_list_on_a_terminal_is_plain_aligned_lines(run, isolated, monkeypatch):
    import types

    import pilkada_cli.cli.items as items_module

    items = "".join(f"  - {{id: item-{n}, title: Kegiatan {n}, due: H-{n % 50}}}\n" for n in range(400))
    root = write_plan(isolated / "banyak", plan=PLAN.split("phases:")[0],
                      files={"a.yaml": "stakeholder: polda\nitems:\n" + items})
    monkeypatch.setattr(items_module, "sys", types.SimpleNamespace(stdout=_Terminal()))
    result = run("list", "--plan", str(root), "--on", "2024-11-01")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "400 item" and len(lines) == 402
    assert lines[1].startswith("Id ") and "Kegiatan" in lines[1]
    assert "│" not in result.stdout
    row = next(line for line in lines if line.startswith("polda/item-10 "))
    assert "(H-10)" in row and "Kegiatan 10" in row


def test_a_large_progress_table_is_aligned_lines(run, isolated):
    stakeholders = "".join(f"  - id: s{k}\n    name: Pemangku {k}\n" for k in range(30))
    plan = PLAN.split("stakeholders:")[0] + "stakeholders:\n" + stakeholders + "phases:" + PLAN.split("phases:")[1]
    files = {f"s{k}.yaml": f"stakeholder: s{k}\nitems:\n  - {{id: a, title: A, phase: persiapan, due: H-100}}\n"
             f"  - {{id: b, title: B, phase: kampanye, due: H-10}}\n" for k in range(30)}
    root = write_plan(isolated / "besar", plan=plan, files=files)
    run("tick", "s3/a", "--plan", str(root), "--on", "2024-09-01")
    result = run("status", "--plan", str(root), "--on", "2024-09-01", "--phases")  # phases: issue 14
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "┃" not in "".join(lines[:100])
    row = next(line for line in lines if line.startswith("Pemangku 3 "))
    assert "50,0%" in row and row.split()[-3:] == ["1/2", "0", "0"]
    assert any(line.startswith("  Persiapan ") and "100,0%" in line for line in lines)


def test_the_eve_of_the_vote_shows_what_is_due_and_what_is_late(run):
    screen = run("status", "--on", "2024-11-26").stdout
    due_soon, _, overdue = screen.partition("terlambat (")
    # The H-1 logistics escort and distribution are listed, critical first, one row for all 22 regions ...
    assert re.search(r"(distribusi|pengawalan)-logistik +│[^\n]*\n(.*\n)*?.*22 wilayah", due_soon)
    assert re.search(r"segera jatuh tempo \(\d\d\d\)", due_soon)  # the bundled plan has hundreds
    # ... and so are overdue items, with what was left out and how to see it.
    assert "pilkada list --on 2024-11-26 --state segera" in screen
    assert "pilkada list --on 2024-11-26 --state terlambat" in overdue
    # most late first, as everywhere (issue 21): the grants signed a year before lead, one row for 22 regions
    assert re.search(r"pemda/nphd-tanda-tangan +│[^\n]*\n(.*\n)*?.*22 +│", overdue) or "22 wilayah" in overdue


def test_the_rest_command_keeps_the_filters(run):
    screen = run("status", "--on", "2024-11-26", "--stakeholder", "polres", "--lang", "en", "--limit", "1").stdout
    assert "pilkada list --stakeholder polres --on 2024-11-26 --state due_soon" in screen


def test_a_future_on_is_refused_for_writes(run, plan_dir):
    result = run("tick", "apel", "--plan", str(plan_dir), "--on", "2999-01-01")
    assert result.exit_code == 2 and "belum tiba" in result.stderr
    assert run("summary", "--plan", str(plan_dir), "--on", "2999-01-01").exit_code == 2
    assert run("summary", "--dry-run", "--plan", str(plan_dir), "--on", "2999-01-01").exit_code == 0
    assert json.loads(run("log", "--json", "--plan", str(plan_dir)).stdout) == []


def test_region_makes_a_short_id_unambiguous(run):
    result = run("tick", "cooling-system", "--region", "belu", "--on", "2024-09-01")
    assert result.exit_code == 0 and "polres/cooling-system@belu" in result.stdout


def test_undo_a_value_goes_back_to_the_one_before(run, plan_dir):
    p = str(plan_dir)
    run("tick", "nphd", "--value", "40", "--plan", p, "--on", "2024-08-01")
    run("tick", "nphd", "--value", "65", "--plan", p, "--on", "2024-08-01")
    first = run("tick", "nphd", "--undo", "--plan", p, "--on", "2024-08-01")
    assert first.exit_code == 0 and "40/100" in first.stdout
    second = run("tick", "nphd", "--undo", "--plan", p, "--on", "2024-08-01")
    assert "0/100" in second.stdout
    third = run("tick", "nphd", "--undo", "--plan", p, "--on", "2024-08-01")
    assert "tidak ada yang diubah" in third.stdout
    item = json.loads(run("list", "--json", "--plan", p, "--on", "2024-08-01").stdout)
    assert next(x for x in item if x["id"] == "kpu/nphd")["completion"] == 0


def test_ids_compare_case_insensitively(run):
    result = run("tick", "POLDA/LATPRAOPS", "--on", "2024-08-01")
    assert result.exit_code == 0 and "polda/latpraops" in result.stdout
    near = run("tick", "POLDA/LATPRAOP", "--on", "2024-08-01")
    assert near.exit_code == 2 and "polda/latpraops" in near.stderr


@pytest.mark.parametrize("zone, iana", [("WIT", "Asia/Jayapura"), ("wita", "Asia/Makassar"), ("WIB", "Asia/Jakarta")])
def test_indonesian_zone_names(run, isolated, zone, iana):
    assert run("init", "baru", "--vote-date", "2029-11-28", "--timezone", zone).exit_code == 0
    assert f"timezone: {iana}" in (isolated / "baru" / "pilkada.yaml").read_text()


def test_tick_from_reports_every_bad_line_and_each_office_once(run, regions_plan, isolated):
    plan = ["--plan", str(regions_plan)]
    bad = isolated / "rusak.txt"
    bad.write_text("polres/evaluasi-pemilu-2024@belu\npolres/nope@belu\nkpu/nphd 50\npolres/evaluasi-pemilu-2024\n"
                   + "".join(f"kpu/salah-{n}\n" for n in range(30)), encoding="utf-8")
    refused = run("tick", "--from", str(bad), *plan)
    assert refused.exit_code == 2 and "32 baris di" in refused.stderr and "Tidak ada yang ditulis" in refused.stderr
    for line in (2, 4, 5, 22):
        assert f"rusak.txt:{line}: " in refused.stderr
    assert "rusak.txt:23: " not in refused.stderr and "… dan 12 baris lagi" in refused.stderr  # 20 shown
    bad.write_text("polres/nope@belu\n" * 21, encoding="utf-8")
    english = run("--lang", "en", "tick", "--from", str(bad), *plan).stderr
    assert "21 lines of" in english and "… and 1 more line\n" in english
    bad.write_text("polres/nope@belu\n", encoding="utf-8")
    assert "Error: 1 line of" in run("--lang", "en", "tick", "--from", str(bad), *plan).stderr
    assert json.loads(run("log", "--json", *plan).stdout) == []
    good = isolated / "baik.txt"
    good.write_text("polres/evaluasi-pemilu-2024@belu\nkpu/nphd 50\npolres/pengamanan-gudang-logistik@belu\n")
    said = run("tick", "--from", str(good), *plan).stdout.splitlines()
    assert said[0].startswith("✔ polres/evaluasi-pemilu-2024@belu") and said[1].startswith("✔ polres/pengamanan-gudang")
    assert said[2] == "  Progres Polres Kabupaten Belu: 100,0%"  # once, after the office's items
    assert said[3].startswith("✔ kpu/nphd") and said[4].startswith("  Progres KPU Provinsi") and len(said) == 5


def test_nothing_similar_is_left_out_not_a_dash(run, regions_plan):
    plan = ["--plan", str(regions_plan)]
    for args in (["tick", "polres/evaluasi-pemilu-2024@zzzz"], ["status", "--region", "zzzz"],
                 ["risk", "assess", "qqqq@belu", "--level", "sedang"], ["list", "--phase", "zzzz"]):
        said = run(*args, *plan).stderr
        assert ": -" not in said and "Yang ada:" in said, said
    close = run("status", "--region", "bel", *plan).stderr
    assert "Yang mirip: belu" in close and "ambon" not in close


def test_help_names_what_each_option_takes_as_a_person_would(run):
    import re

    for path, _ in commands():
        shown = run(*path, "--help", env={"COLUMNS": "80"})
        assert shown.exit_code == 0, path
        text = re.sub(r"\[[0-9x<>=]+\]", "", shown.stdout.split("Contoh")[0])  # Click's ranges, [10<=x<=86400]
        assert "<" not in text and "{" not in text, (path, text)
        assert not re.search(r"\[?[a-z_]+\]?\.\.\.", text.splitlines()[0]), text  # `ITEM...`, never `items...`
    assert " tick [OPSI] [ITEM...]" in run("tick", "--help").stdout
    assert " risk assess [OPSI] KERAWANAN" in run("risk", "assess", "--help").stdout
    assert " journal import [OPSI] BERKAS" in run("journal", "import", "--help").stdout
    assert "--plan FOLDER" in run("--help").stdout and "--by NAMA" in run("tick", "--help").stdout


def test_help_in_english_too(isolated):
    import subprocess
    import sys

    shown = subprocess.run([sys.executable, "-m", "pilkada_cli", "risk", "assess", "--help", "--lang", "en"],
                           capture_output=True, text=True, env={**__import__("os").environ, "COLUMNS": "80"})
    assert "Usage: pilkada risk assess [OPTIONS] RISK" in shown.stdout and "--note TEXT" in shown.stdout
    assert "--by NAME" in shown.stdout and "On whose behalf" in shown.stdout and "<str>" not in shown.stdout


def test_the_command_list_never_cuts_a_summary_at_an_abbreviation(run):
    from pilkada_cli.i18n.help_text import HELP_TEXT

    listing = next(block for block in run("--help", env={"COLUMNS": "80"}).stdout.split("\n\n")
                   if block.startswith("Perintah:"))
    for line in listing.splitlines()[1:]:
        summary = line.split(None, 1)[1]
        assert summary.endswith(("...", ".")) and not summary.endswith(("mis.", "e.g.", "dll.")), line
    for key, texts in HELP_TEXT.items():  # the first sentence of a command's help, in either language
        if key.count(".") == 1 or key in ("help.risk.assess", "help.db.init") or key.startswith("help.journal."):
            for text in texts:
                assert not any(word in text.split(". ")[0].split() for word in ("mis.", "e.g.", "dll.")), key
    assert "Atas nama siapa" in run("tick", "--help").stdout  # --by: on whose behalf, not who writes


def test_the_template_points_to_a_readme_section_that_exists(run, isolated):
    import re
    from pathlib import Path

    assert run("init", str(isolated / "baru"), "--vote-date", "2029-11-28").exit_code == 0
    pointers = re.findall(r'README[^"\n]*"([^"]+)"', (isolated / "baru" / "pilkada.yaml").read_text())
    headings = {line.lstrip("#").strip() for line in (Path(__file__).parents[1] / "README.md").read_text().splitlines()
                if line.startswith("#")}
    assert pointers and all(pointer in headings for pointer in pointers), (pointers, headings)
