"""Daily summaries: exact day-by-day changes, delivery by file and by e-mail, log and cron."""

import json
import re
import socket
import time

import pytest

from conftest import PLAN, write_plan
from pilkada_cli.store.sqlite import Journal

ANSI = re.compile(r"\x1b\[")


def summary_json(run, plan_dir, day, *extra):
    result = run("summary", "--plan", str(plan_dir), "--on", day, "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_three_consecutive_days_show_exactly_each_days_changes(run, plan_dir):
    p = str(plan_dir)
    run("tick", "apel", "--plan", p, "--on", "2024-08-01", "--by", "andi")
    first = summary_json(run, plan_dir, "2024-08-01")
    assert first["since"] == "2024-07-31" and first["since_source"] == "yesterday"
    assert [i["id"] for i in first["completed_since"]] == ["polda/apel"]
    assert first["completed_since"][0]["done_by"] == "andi"

    run("tick", "pemetaan-kerawanan", "--plan", p, "--on", "2024-08-02", "--by", "budi")
    run("tick", "nphd", "--value", "40", "--plan", p, "--on", "2024-08-02")
    second = summary_json(run, plan_dir, "2024-08-02")
    assert second["since"] == "2024-08-01" and second["since_source"] == "last_summary"
    assert [i["id"] for i in second["completed_since"]] == ["polda/pemetaan-kerawanan"]

    run("tick", "patroli", "--plan", p, "--on", "2024-08-03")
    third = summary_json(run, plan_dir, "2024-08-03")
    assert [i["id"] for i in third["completed_since"]] == ["polda/patroli"]

    # the changes add up to the total change
    total = sum(s["progress_change"] for s in (first, second, third))
    assert third["progress"] - (first["progress"] - first["progress_change"]) == pytest.approx(total, abs=0.11)
    assert second["progress_change"] == pytest.approx(100 * (2 + 0.8) / 7, abs=0.06)
    polda = next(s for s in third["stakeholders"] if s["id"] == "polda")
    assert polda["progress"] == 100.0 and polda["progress_change"] == 25.0


def test_newly_overdue_is_what_became_overdue_that_day(run, plan_dir):
    # polda/apel is due 2024-08-26: overdue from the 27th
    day26 = summary_json(run, plan_dir, "2024-08-26")
    assert "polda/apel" not in [i["id"] for i in day26["newly_overdue"]]
    day27 = summary_json(run, plan_dir, "2024-08-27")
    assert [i["id"] for i in day27["newly_overdue"]] == ["polda/apel"]
    assert {i["id"] for i in day27["overdue"]} == {"polda/apel", "kpu/nphd"}
    day28 = summary_json(run, plan_dir, "2024-08-28")
    assert day28["newly_overdue"] == []


def test_running_twice_a_day_compares_against_the_same_point(run, plan_dir):
    p = str(plan_dir)
    summary_json(run, plan_dir, "2024-08-01")
    run("tick", "apel", "--plan", p, "--on", "2024-08-02")
    once = summary_json(run, plan_dir, "2024-08-02")
    twice = summary_json(run, plan_dir, "2024-08-02")
    assert once["since"] == twice["since"] == "2024-08-01"
    assert once["completed_since"] == twice["completed_since"]


def test_dry_run_records_nothing(run, plan_dir):
    summary_json(run, plan_dir, "2024-08-01", "--dry-run")
    again = summary_json(run, plan_dir, "2024-08-05")
    assert again["since_source"] == "yesterday"


def test_since_option_accepts_people_dates(run, plan_dir):
    data = summary_json(run, plan_dir, "2024-08-05", "--since", "1 Agustus 2024", "--dry-run")
    assert data["since"] == "2024-08-01" and data["since_source"] == "option"


def test_text_is_plain_and_whatsapp_friendly(run, plan_dir):
    result = run("summary", "--plan", str(plan_dir), "--on", "2024-08-27", "--dry-run",
                 env={"TERM": "xterm-256color", "FORCE_COLOR": "1", "COLUMNS": "40"})
    assert result.exit_code == 0, result.output
    assert not ANSI.search(result.stdout)
    lines = result.stdout.splitlines()
    assert lines[0] == "*Rencana Uji*" and "*H-92*" in lines[1]
    assert "- polda/apel: Apel gelar pasukan · tenggat 26 Agu 2024 (H-93) · terlambat 1 hari" in lines
    assert any(line.startswith("*Progres 0,0%, 0/5 selesai (+0,0 poin sejak 26 Agu 2024)*") for line in lines)


def test_markdown_and_english(run, plan_dir):
    result = run("summary", "--plan", str(plan_dir), "--on", "2024-08-27", "--dry-run", "--format", "markdown",
                 "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Rencana Uji") and "## All overdue (2)" in result.stdout


def test_output_file_is_written_whole(run, plan_dir, isolated):
    target = isolated / "out" / "ringkasan.txt"
    target.parent.mkdir()
    target.write_text("old")
    result = run("summary", "--plan", str(plan_dir), "--on", "2024-08-27", "--output", str(target))
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == result.stdout
    assert [p.name for p in target.parent.iterdir()] == ["ringkasan.txt"]  # no temporary left behind


def test_output_to_a_missing_folder_fails_with_exit_1_and_still_prints(run, plan_dir, isolated):
    result = run("summary", "--plan", str(plan_dir), "--on", "2024-08-27", "--output", str(isolated / "no" / "x.txt"))
    assert result.exit_code == 1
    assert "*Rencana Uji*" in result.stdout and "x.txt" in result.stderr


def test_plan_with_no_phases_and_nothing_due(run, isolated):
    plan = PLAN.split("phases:")[0]
    root = write_plan(isolated / "kosong", plan=plan,
                      files={"a.yaml": "stakeholder: polda\nitems:\n  - {id: satu, title: Satu}\n"})
    for fmt in ("text", "markdown", "json"):
        result = run("summary", "--plan", str(root), "--format", fmt, "--dry-run")
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize("fail_on, code", [("overdue", 3), ("critical", 0)])
def test_fail_on(run, plan_dir, fail_on, code):
    # on 2024-08-01 only kpu/nphd (not critical) is overdue
    result = run("summary", "--plan", str(plan_dir), "--on", "2024-08-01", "--dry-run", "--fail-on", fail_on)
    assert result.exit_code == code
    assert "*Rencana Uji*" in result.stdout


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


def test_mail_arrives_with_both_parts(run, plan_dir, smtp_server):
    from email import message_from_bytes
    from email.policy import default

    controller, inbox = smtp_server
    env = {"PILKADA_SMTP_HOST": "127.0.0.1", "PILKADA_SMTP_PORT": str(controller.port),
           "PILKADA_MAIL_FROM": "pilkada@polda.example"}
    result = run("summary", "--plan", str(plan_dir), "--on", "2024-08-27", "--mail-to", "ops@polda.example",
                 "--mail-to", "kpu@kpu.example", env=env)
    assert result.exit_code == 0, result.output
    for _ in range(50):
        if inbox.messages:
            break
        time.sleep(0.05)
    envelope = inbox.messages[0]
    assert sorted(envelope.rcpt_tos) == ["kpu@kpu.example", "ops@polda.example"]
    message = message_from_bytes(envelope.content, policy=default)
    assert "H-92" in message["Subject"] and "Rencana Uji" in message["Subject"]
    parts = {part.get_content_type(): part.get_payload(decode=True).decode("utf-8") for part in message.walk()
             if not part.is_multipart()}
    assert set(parts) == {"text/plain", "text/html"}
    assert "polda/apel" in parts["text/plain"] and "<li>" in parts["text/html"]
    log = json.loads(run("log", "--plan", str(plan_dir), "--json").stdout)
    assert log == []  # summaries are recorded apart from the ticks


def test_mail_server_down_exit_1_text_kept_failure_recorded(run, plan_dir, isolated):
    target = isolated / "ringkasan.txt"
    env = {"PILKADA_SMTP_HOST": "127.0.0.1", "PILKADA_SMTP_PORT": str(free_port())}
    result = run("summary", "--plan", str(plan_dir), "--on", "2024-08-27", "--mail-to", "ops@polda.example",
                 "--output", str(target), env=env)
    assert result.exit_code == 1
    assert "*Rencana Uji*" in result.stdout and target.read_text(encoding="utf-8") == result.stdout
    assert "E-mail tidak terkirim" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    from pilkada_cli.store.sqlite import Journal

    runs = Journal(plan_dir / ".pilkada" / "journal.sqlite3").summary_runs("all")
    # stored in the language of the office that ran it (issue 9, item 9)
    assert runs[-1].delivery.startswith("E-mail tidak terkirim") and runs[-1].detail == "ops@polda.example"
    shown = run("log", "--summaries", "--plan", str(plan_dir))
    assert shown.exit_code == 0 and "E-mail tidak terkirim" in shown.stdout and "2024-08-27" in shown.stdout
    data = json.loads(run("log", "--summaries", "--json", "--plan", str(plan_dir)).stdout)
    assert data[-1]["recipients"] == "ops@polda.example" and data[-1]["delivery"].startswith("E-mail tidak")


def test_log_shows_who_did_what_including_removed_items(run, plan_dir):
    p = str(plan_dir)
    run("tick", "apel", "--plan", p, "--on", "2024-08-01", "--by", "andi", "--note", "apel pagi")
    run("tick", "nphd", "--value", "65", "--plan", p, "--on", "2024-08-02", "--by", "budi")
    from datetime import datetime, timezone

    from pilkada_cli.model import NewEvent
    from pilkada_cli.store.sqlite import Journal

    Journal(plan_dir / ".pilkada" / "journal.sqlite3").append(
        [NewEvent("polda/dihapus", None, "done", None, "cici")], datetime(2024, 8, 3, tzinfo=timezone.utc))
    table = run("log", "--plan", p)
    assert table.exit_code == 0
    assert "andi" in table.stdout and "apel pagi" in table.stdout and "65" in table.stdout
    assert "tidak ada lagi di rencana" in table.stdout
    data = json.loads(run("log", "--plan", p, "--json", "--by", "budi").stdout)
    assert [(e["item"], e["kind"], e["value"]) for e in data] == [("kpu/nphd", "progress", 65)]
    assert data[0]["time"].startswith("2024-08-02T23:59:59+08:00")
    only = json.loads(run("log", "--plan", p, "--json", "--item", "polda/apel").stdout)
    assert [e["actor"] for e in only] == ["andi"]
    since = json.loads(run("log", "--plan", p, "--json", "--since", "2-8-2024").stdout)
    assert [e["item"] for e in since] == ["kpu/nphd", "polda/dihapus"]
    assert since[1]["in_plan"] is False


def test_cron_prints_a_ready_entry(run, plan_dir):
    result = run("cron", "--plan", str(plan_dir), "--at", "06:45", "--mail-to", "ops@polda.example")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "CRON_TZ=Asia/Makassar" in lines
    entry = lines[-1]
    assert entry.startswith("45 6 * * * PILKADA_PLAN=")
    assert str(plan_dir.resolve()) in entry and "summary" in entry and "--mail-to ops@polda.example" in entry
    bad = run("cron", "--plan", str(plan_dir), "--at", "25:00")
    assert bad.exit_code == 2


def test_a_newline_in_mail_from_is_a_recorded_failure(run, isolated):
    root = write_plan(isolated / "surat", PLAN + "notify:\n  mail_from: \"a@b.example\\nBcc: x@evil.example\"\n")
    refused = run("summary", "--plan", str(root), "--on", "2024-08-02", "--mail-to", "ops@polda.example")
    assert refused.exit_code == 2 and "pilkada.yaml:" in refused.stderr  # the plan says it, before 6 a.m.
    root = write_plan(isolated / "surat", PLAN)
    result = run("summary", "--plan", str(root), "--on", "2024-08-02", "--mail-to", "ops@polda.example",
                 env={"PILKADA_MAIL_FROM": "a@b.example\nBcc: x@evil.example"})
    assert result.exit_code == 1 and "Traceback" not in result.output and "tidak sah" in result.stderr
    runs = Journal(root / ".pilkada" / "journal.sqlite3").summary_runs()
    assert runs and runs[-1].delivery and "tidak sah" in runs[-1].delivery


def test_the_eve_of_the_vote_digest_groups_regions_and_fits_a_phone(run):
    text = run("summary", "--dry-run", "--on", "2024-11-26").stdout
    # about 4,000 for twelve offices (six provincial, six in every region), the Go/No-Go calls of the eve included
    assert len(text) <= 4000, len(text)
    assert "kpu-kabkota/distribusi-logistik: " in text and "0/22 KPU selesai\n" in text
    assert "belum: Kabupaten Alor" not in text  # none done: the count says it, three names of 22 would not
    assert "Polres: NO-GO di semua 22 wilayah\n" in text
    assert "@" not in text.split("*Jatuh tempo")[1].split("\n")[2]  # grouped, not one line per regency
    assert "pilkada list --state segera" in text
    # the full detail for one office or one region
    detail = run("summary", "--dry-run", "--on", "2024-11-26", "--stakeholder", "polres").stdout
    assert detail.count("\n- ") > text.count("\n- ") // 2 and "Polres (22 wilayah)" in detail
    # what a filtered summary leaves out is listed by a command with the same filters, not the whole plan's
    region = run("summary", "--dry-run", "--on", "2024-12-01", "--region", "belu").stdout
    assert ": pilkada list --state terlambat --region belu\n" in region


def test_grouped_line_counts_done_regions(run):
    for region in ("belu", "malaka", "alor"):
        assert run("tick", f"kpu-kabkota/distribusi-logistik@{region}", "--on", "2024-11-25").exit_code == 0
    text = run("summary", "--dry-run", "--on", "2024-11-26", "--since", "2024-11-24").stdout
    completed = text.split("*Selesai sejak")[1].split("\n\n")[0]
    assert "kpu-kabkota/distribusi-logistik: " in completed and "Kabupaten Alor" in completed
    assert "3/22 KPU selesai; belum: Kabupaten Ende" in text.split("*Jatuh tempo")[1]


def test_a_late_entry_appears_in_the_next_summary(run, plan_dir):
    p = str(plan_dir)
    assert run("summary", "--plan", p, "--on", "2024-08-02").exit_code == 0
    assert run("tick", "polda/pemetaan-kerawanan", "--plan", p, "--on", "2024-08-01", "--by", "telat").exit_code == 0
    text = run("summary", "--plan", p, "--on", "2024-08-03").stdout
    completed = text.split("*Selesai sejak")[1].split("\n\n")[0]
    assert "polda/pemetaan-kerawanan" in completed and "telat" in completed
    again = run("summary", "--plan", p, "--on", "2024-08-04").stdout
    assert "polda/pemetaan-kerawanan" not in again.split("*Selesai sejak")[1].split("\n\n")[0]


def test_dry_run_sends_no_mail(run, plan_dir):
    env = {"PILKADA_SMTP_HOST": "127.0.0.1", "PILKADA_SMTP_PORT": "9"}  # nothing listens: sending would fail
    result = run("summary", "--dry-run", "--mail-to", "ops@polda.example", "--plan", str(plan_dir),
                 "--on", "2024-08-02", env=env)
    assert result.exit_code == 0 and "tidak ada e-mail yang dikirim" in result.stderr
    assert json.loads(run("log", "--summaries", "--json", "--plan", str(plan_dir)).stdout) == []


@pytest.mark.parametrize("address", ["ops", "a@b\nBcc: x@evil.example", "a b@polda.example", "<x@y"])
def test_bad_addresses_are_refused_before_anything(run, plan_dir, address):
    result = run("summary", "--mail-to", address, "--plan", str(plan_dir), "--on", "2024-08-02")
    assert result.exit_code == 2 and "tidak sah" in result.stderr and result.stdout == ""
    assert json.loads(run("log", "--summaries", "--json", "--plan", str(plan_dir)).stdout) == []


def test_markdown_bold_countdown_without_escaped_asterisks(run):
    text = run("summary", "--dry-run", "--format", "markdown", "--on", "2024-07-30").stdout
    assert "**H-120**" in text and "\\*" not in text.splitlines()[2]


# -- mail addresses as mail programs write them


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


def test_log_summaries_names_the_scope(run, plan_dir):
    run("summary", "--plan", str(plan_dir), "--on", "2024-08-02")
    run("summary", "--plan", str(plan_dir), "--on", "2024-08-02", "--stakeholder", "polda")
    shown = run("log", "--summaries", "--plan", str(plan_dir)).stdout
    assert "seluruh rencana" in shown and "Pemangku kepentingan: polda" in shown and " all " not in shown
    assert [x["scope"] for x in json.loads(run("log", "--summaries", "--json", "--plan", str(plan_dir)).stdout)] == [
        "all", "stakeholder=polda"]  # JSON keeps the key
