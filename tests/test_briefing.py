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

from conftest import PLAN, POLDA, write_plan

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
