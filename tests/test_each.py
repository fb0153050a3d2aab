"""Issue 27: an alarm for every office (spec section 18). `summary --each` against a real SMTP server (aiosmtpd)
and a real HTTP server (http.server in a thread), both on loopback and started once for the module: each office
its own digest, the leadership the whole plan with the escalated items first, webhooks with a retry and a
time-out, deliveries recorded with their outcome, resent only when they failed."""

import json
import threading
import time
import uuid
from email import message_from_bytes
from email.policy import default
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import write_plan
from test_contacts import POLDA, POLRES, PROVINCE
from test_summary import Inbox, free_port

DAY = "2024-08-27"  # H-92: polres/pemetaan and polda/rakor (critical, due H-100) are 8 days overdue


class Gateway(ThreadingHTTPServer):
    """A chat gateway on loopback: keeps every POST; answers 503 on the paths in `down`, once on those in
    `down_once`, and answers late on those in `slow`."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), GatewayHandler)
        self.posts: list[tuple[str, dict, dict]] = []
        self.down: set[str] = set()
        self.down_once: set[str] = set()
        self.slow: set[str] = set()
        self.moved: set[str] = set()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def handle_error(self, request, client_address):  # a client that gave up on a slow answer: expected here
        pass


class GatewayHandler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        gateway = self.server
        gateway.posts.append((self.path, dict(self.headers), json.loads(body)))
        if self.path in gateway.slow:
            time.sleep(0.6)
        status = 503 if self.path in gateway.down or self.path in gateway.down_once else 200
        gateway.down_once.discard(self.path)
        self.send_response(302 if self.path in gateway.moved else status)
        if self.path in gateway.moved:
            self.send_header("Location", gateway.url("/elsewhere"))
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture(scope="module")
def gateway():
    server = Gateway()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def smtp():
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


@pytest.fixture
def mailbox(smtp, gateway, monkeypatch):
    """The SMTP server's inbox and the gateway, emptied, and the environment that sends to them."""
    from pilkada_cli import delivery

    controller, inbox = smtp
    inbox.messages.clear()
    gateway.posts.clear()
    gateway.down.clear(), gateway.down_once.clear(), gateway.slow.clear(), gateway.moved.clear()
    monkeypatch.setattr(delivery, "WEBHOOK_RETRY_AFTER", 0)
    env = {"PILKADA_SMTP_HOST": "127.0.0.1", "PILKADA_SMTP_PORT": str(controller.port),
           "PILKADA_MAIL_FROM": "pilkada@polda.example"}
    return inbox, env


def plan_for(isolated, gateway, name="p", webhook=None, plan_id=None):
    text = PROVINCE.replace('"http://127.0.0.1:9/hooks/belu"', webhook or f'"{gateway.url("/hooks/belu")}"')
    if plan_id:
        text = f"id: {plan_id}\n" + text
    return write_plan(isolated / name, plan=text, files={"polres.yaml": POLRES, "polda.yaml": POLDA})


def mails(inbox) -> dict[str, list[tuple[str, str]]]:
    """Recipient -> (subject, plain text) of each message received, in order."""
    found: dict[str, list] = {}
    for envelope in inbox.messages:
        message = message_from_bytes(envelope.content, policy=default)
        text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
        for recipient in envelope.rcpt_tos:
            found.setdefault(recipient, []).append((message["Subject"], text))
    return found


def each(run, root, env, *extra, day=DAY):
    return run("summary", "--each", "--plan", str(root), "--on", day, *extra, env=env)


@pytest.fixture(params=["sqlite", "postgres"])
def journal_env(request):
    """Deliveries are recorded in either journal: the SQLite file, or PostgreSQL through the server's function."""
    if request.param == "sqlite":
        return {}
    return {"PILKADA_DATABASE_URL": request.getfixturevalue("pg_url")}


def test_each_office_gets_only_its_own_and_the_leadership_the_whole_with_escalations_first(run, isolated, gateway,
                                                                                         mailbox, journal_env):
    inbox, env = mailbox
    env = {**env, **journal_env}
    root = plan_for(isolated, gateway, plan_id=f"uji-{uuid.uuid4().hex[:8]}")
    if journal_env:
        assert run("db", "init", "--plan", str(root), env=env).exit_code == 0
    assert run("tick", "pemetaan@belu", "--plan", str(root), "--on", DAY, env=env).exit_code == 0
    result = each(run, root, env)
    assert result.exit_code == 0, result.output
    got = mails(inbox)
    assert sorted(got) == ["kabagops-polres@polda.example", "kabagops@polres-belu.example", "karoops@polda.example",
                           "ops@polda.example"]
    (belu_subject, belu), = got["kabagops@polres-belu.example"]
    assert "Polres Kabupaten Belu" in belu_subject and belu.startswith("*Polres Kabupaten Belu · ")
    assert "polres/apel@belu" in belu and "@alor" not in belu and "@kupang" not in belu and "polda/" not in belu
    assert "polres/pemetaan@belu" in belu  # completed since, by its own office; not escalated
    assert "Eskalasi" not in belu
    # Alor and Kota Kupang share the "*" address: each its own message, each only its region
    alor, kupang = got["kabagops-polres@polda.example"]
    assert "Polres Kabupaten Alor" in alor[0] and "Polres Kota Kupang" in kupang[0]
    assert "@alor" in alor[1] and "@kupang" not in alor[1] and "@belu" not in alor[1]
    for _, text in (alor, kupang):  # its own escalated item heads its digest
        assert text.split("\n\n")[1].startswith("*Eskalasi: item kritis terlambat 3 hari atau lebih (1)*")
    (_, polda), = got["ops@polda.example"]
    assert "polda/rakor" in polda and "polres/" not in polda
    (_, whole), = got["karoops@polda.example"]
    escalated = whole.split("\n\n")[1].splitlines()
    assert escalated[0] == "*Eskalasi: item kritis terlambat 3 hari atau lebih (3)*", whole
    assert escalated[1].startswith("- Polda Uji: ‼ polda/rakor: Rakor lintas sektoral") and "terlambat 8 hari" in \
        escalated[1]
    assert escalated[2].startswith("- ‼ polres/pemetaan: Pemetaan TPS rawan") and \
        "Kabupaten Alor, Kota Kupang" in escalated[2]
    (path, headers, body), = gateway.posts
    assert path == "/hooks/belu" and headers["Content-Type"].startswith("application/json")
    assert body["office"] == {"key": "polres@belu", "name": "Polres Kabupaten Belu"} and body["schema"] == 1
    assert body["text"] == belu and [i["id"] for i in body["due_soon"] + body["overdue"]] == ["polres/apel@belu"]
    assert "✔ Polres Kabupaten Belu · " + gateway.url("/hooks/belu") in result.stdout
    assert "6 terkirim, 0 gagal, 0 sudah terkirim hari ini" in result.stdout
    logged = json.loads(run("log", "--summaries", "--json", "--plan", str(root), env=env).stdout)
    assert sorted((r["scope"], r["delivery"]) for r in logged) == sorted(
        [("office=leadership", "ok"), ("office=polda", "ok"), ("office=polres@belu", "ok"),
         ("office=polres@belu", "ok"), ("office=polres@alor", "ok"), ("office=polres@kupang", "ok")])


def test_a_dead_webhook_fails_alone_and_only_it_is_sent_again(run, isolated, gateway, mailbox, journal_env):
    inbox, env = mailbox
    env = {**env, **journal_env}
    root = plan_for(isolated, gateway, plan_id=f"uji-{uuid.uuid4().hex[:8]}")
    if journal_env:
        assert run("db", "init", "--plan", str(root), env=env).exit_code == 0
    gateway.down.add("/hooks/belu")
    first = each(run, root, env)
    assert first.exit_code == 1
    assert "Polres Kabupaten Belu (webhook)" in first.stderr and "HTTP 503" in first.stderr
    assert "Traceback" not in first.output
    assert len(gateway.posts) == 2  # the one retry
    assert len(inbox.messages) == 5  # every mail went, Belu's too
    status = run("status", "--plan", str(root), "--on", DAY, env=env).stdout  # the failure is seen
    assert "Ringkasan per kantor terakhir dikirim " in status and ": 5/5 kantor menerimanya." in status
    reached = status.split("5/5 kantor menerimanya.")[1].splitlines()
    assert reached[1].startswith("  Polres Kabupaten Belu: terakhir menerima ") and "gagal" in reached[2] \
        and "HTTP 503" in reached[2], status
    offices = {o["office"]: o for o in json.loads(run("status", "--json", "--plan", str(root), env=env).stdout)[
        "offices"]}
    assert offices["polres@belu"]["last_failure"]["target"] == gateway.url("/hooks/belu")
    assert offices["polres@belu"]["last_reached"] and offices["leadership"]["last_failure"] is None
    gateway.down.clear()
    gateway.posts.clear()
    second = each(run, root, env)
    assert second.exit_code == 0, second.output
    assert len(inbox.messages) == 5 and len(gateway.posts) == 1  # only what failed
    assert "1 terkirim, 0 gagal, 5 sudah terkirim hari ini" in second.stdout
    status = run("status", "--plan", str(root), "--on", DAY, env=env).stdout
    assert ": 5/5 kantor menerimanya." in status and "gagal" not in status.split("menerimanya.")[1]
    again = each(run, root, env)
    assert again.exit_code == 0 and len(inbox.messages) == 5 and len(gateway.posts) == 1
    forced = each(run, root, env, "--force")
    assert forced.exit_code == 0 and len(inbox.messages) == 10 and len(gateway.posts) == 2
    runs = json.loads(run("log", "--summaries", "--json", "--plan", str(root), env=env).stdout)
    belu = [(r["delivery"], r["recipients"]) for r in runs if r["scope"] == "office=polres@belu"
            and r["recipients"].startswith("http")]
    assert [d == "ok" for d, _ in belu] == [False, True, True] and "503" in belu[0][0]
    shown = run("log", "--summaries", "--plan", str(root), env=env)
    assert "Polres Kabupaten Belu" in shown.stdout and "503" in shown.stdout


def test_a_webhook_is_tried_once_more_and_times_out(run, isolated, gateway, mailbox, monkeypatch):
    from pilkada_cli import delivery

    inbox, env = mailbox
    root = plan_for(isolated, gateway)
    gateway.down_once.add("/hooks/belu")
    assert each(run, root, env).exit_code == 0  # the retry got through
    assert [path for path, _, _ in gateway.posts] == ["/hooks/belu", "/hooks/belu"]
    gateway.posts.clear()
    monkeypatch.setattr(delivery, "WEBHOOK_TIMEOUT", 0.2)
    gateway.slow.add("/hooks/belu")
    late = each(run, root, env, "--force")
    assert late.exit_code == 1 and "tidak ada jawaban dalam 0.2 detik" in late.stderr, late.stderr
    assert len(gateway.posts) == 2 and "(2 kali dicoba)" in late.stderr


def test_a_redirect_is_not_followed(run, isolated, gateway, mailbox):
    inbox, env = mailbox
    root = plan_for(isolated, gateway)
    gateway.moved.add("/hooks/belu")
    result = each(run, root, env)
    assert result.exit_code == 1 and "HTTP 302" in result.stderr
    assert [path for path, _, _ in gateway.posts] == ["/hooks/belu"]  # never /elsewhere, and a 302 is not retried


def test_the_token_comes_only_from_the_variable_the_plan_names(run, isolated, gateway, mailbox):
    inbox, env = mailbox
    root = plan_for(isolated, gateway, webhook=f'{{url: "{gateway.url("/hooks/belu")}", token_env: GATEWAY_TOKEN}}')
    missing = each(run, root, env)
    assert missing.exit_code == 1 and "GATEWAY_TOKEN" in missing.stderr and gateway.posts == []
    assert len(inbox.messages) == 5
    sent = each(run, root, {**env, "GATEWAY_TOKEN": "rahasia-123"})
    assert sent.exit_code == 0, sent.output
    (_, headers, _), = gateway.posts
    assert headers["Authorization"] == "Bearer rahasia-123"
    logged = run("log", "--summaries", "--json", "--plan", str(root)).stdout
    assert "rahasia-123" not in logged and "rahasia-123" not in (root / "pilkada.yaml").read_text()


def test_a_webhook_in_clear_to_another_machine_is_never_sent(monkeypatch):
    from pilkada_cli.delivery import send_webhook
    from pilkada_cli.errors import BadInput
    from pilkada_cli.model import Webhook

    def no_network(*args, **kwargs):
        raise AssertionError("nothing may be sent")

    import urllib.request

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", no_network)
    for url in ("http://gateway.example/hooks", "http://10.0.0.1/h", "https://ops:x@gw.example/h"):
        with pytest.raises(BadInput):
            send_webhook(Webhook(url), {"text": "x"}, {})


def test_a_webhook_in_clear_on_this_machine_goes_through_no_proxy(gateway, mailbox, monkeypatch):
    """http:// is for a gateway on this machine: a proxy named in the environment (another machine) never sees
    the digest or its token."""
    from pilkada_cli.delivery import send_webhook
    from pilkada_cli.model import Webhook

    proxy = Gateway()  # any request reaching it would be recorded as a POST with the full URL as its path
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        for name in ("http_proxy", "HTTP_PROXY", "all_proxy"):
            monkeypatch.setenv(name, proxy.url(""))
        monkeypatch.delenv("no_proxy", raising=False)
        monkeypatch.delenv("NO_PROXY", raising=False)
        send_webhook(Webhook(gateway.url("/hooks/belu"), "TOKEN"), {"text": "x"}, {"TOKEN": "rahasia"})
        assert proxy.posts == [] and [path for path, _, _ in gateway.posts] == ["/hooks/belu"]
    finally:
        proxy.shutdown()
        proxy.server_close()


def test_dry_run_shows_who_would_get_what_and_sends_and_records_nothing(run, isolated, gateway, mailbox):
    inbox, env = mailbox
    root = plan_for(isolated, gateway)
    result = each(run, root, env, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "→ Polres Kabupaten Alor · kabagops-polres@polda.example\n\n*Polres Kabupaten Alor · " in result.stdout
    assert f"→ Polres Kabupaten Belu · {gateway.url('/hooks/belu')}" in result.stdout
    assert "→ Pimpinan · karoops@polda.example\n\n*Pilkada Provinsi Uji*" in result.stdout
    assert "tidak ada yang dikirim atau dicatat" in result.stderr
    assert inbox.messages == [] and gateway.posts == []
    assert json.loads(run("log", "--summaries", "--json", "--plan", str(root)).stdout) == []
    data = json.loads(each(run, root, env, "--dry-run", "--format", "json").stdout)
    assert data["schema"] == 1 and data["dry_run"] is True
    belu, = [o for o in data["offices"] if o["office"] == "polres@belu"]
    assert belu["name"] == "Polres Kabupaten Belu" and [d["outcome"] for d in belu["deliveries"]] == ["dry_run"] * 2
    assert belu["summary"]["office"]["name"] == "Polres Kabupaten Belu"
    leadership, = [o for o in data["offices"] if o["office"] == "leadership"]
    assert [e["id"] for e in leadership["summary"]["escalated"]] == [
        "polda/rakor", "polres/pemetaan@alor", "polres/pemetaan@belu", "polres/pemetaan@kupang"]


@pytest.mark.parametrize("args, message", [
    (["--mail-to", "ops@polda.example"], "--mail-to"), (["--stakeholder", "polda"], "--stakeholder"),
    (["--output", "r.txt"], "--output"), (["--fail-on", "overdue"], "--fail-on")])
def test_each_goes_alone(run, isolated, gateway, args, message):
    result = each(run, plan_for(isolated, gateway), {}, *args)
    assert result.exit_code == 2 and message in result.stderr and "--each" in result.stderr


def test_force_without_each_and_each_without_contacts_are_refused(run, isolated, plan_dir):
    forced = run("summary", "--force", "--plan", str(plan_dir))
    assert forced.exit_code == 2 and "--each" in forced.stderr
    none = run("summary", "--each", "--plan", str(plan_dir))
    assert none.exit_code == 2 and "contacts:" in none.stderr


def test_a_bad_address_stops_the_run_before_anything_is_sent(run, isolated, gateway, mailbox):
    inbox, env = mailbox
    root = plan_for(isolated, gateway)
    text = (root / "pilkada.yaml").read_text().replace("karoops@polda.example", "karoops at polda")
    (root / "pilkada.yaml").write_text(text)
    result = each(run, root, env)
    assert result.exit_code == 2 and "pilkada.yaml:23" in result.stderr and "contacts.leadership" in result.stderr
    assert inbox.messages == [] and gateway.posts == []


def test_in_english(run, isolated, gateway, mailbox):
    inbox, env = mailbox
    root = plan_for(isolated, gateway)
    gateway.down.add("/hooks/belu")
    result = each(run, root, env, "--lang", "en")
    assert result.exit_code == 1
    assert "5 sent, 1 failed, 0 already sent today" in result.stdout
    assert "Not delivered to: Polres Kabupaten Belu (webhook)" in result.stderr and "(2 tries)" in result.stderr
    (_, whole), = mails(inbox)["karoops@polda.example"]
    assert "*Escalated: critical items 3 or more days overdue (4)*" in whole
    status = run("status", "--plan", str(root), "--on", DAY, "--lang", "en").stdout
    assert "Office digests last sent " in status and "5/5 offices got them." in status


MANY = """\
stakeholder: polres
phase: persiapan
items:
""" + "".join(f"""  - id: tugas-{n}
    title: Tugas nomor {n} dengan judul yang cukup panjang untuk layar telepon genggam kantor
    due: H-{95 + n}
""" for n in range(6)) + """  - id: biasa
    title: Biasa
    due: H-91
  - id: kritis
    title: Kritis
    due: H-86
    critical: true
"""


def test_an_offices_digest_fits_a_phone(run, isolated, gateway):
    text = PROVINCE.replace('"http://127.0.0.1:9/hooks/belu"', f'"{gateway.url("/hooks/belu")}"')
    root = write_plan(isolated / "p", plan=text, files={"polres.yaml": MANY, "polda.yaml": POLDA})
    out = each(run, root, {}, "--dry-run").stdout
    belu = out.split(f"→ Polres Kabupaten Belu · {gateway.url('/hooks/belu')}\n")[1].split("\n→ ")[0]
    sections = {part.splitlines()[0]: part.splitlines()[1:] for part in belu.split("\n\n")[1:] if part.strip()}
    overdue = sections["*Semua yang terlambat (6)*"]
    assert len(overdue) == 5 and all("@belu" in line for line in overdue[:4])
    command = "pilkada list --state terlambat --stakeholder polres --region belu"
    assert overdue[4] == f"- … dan 2 lagi: {command}"
    assert max(len(line) for line in overdue[:4]) < 160 and "…" in overdue[0]  # titles cut, as in every digest
    soon = sections["*Jatuh tempo dalam 7 hari (2)*"]
    assert soon[0].startswith("- ‼ polres/kritis@belu") and soon[1].startswith("- polres/biasa@belu")  # critical first
    progress = [key for key in sections if key.startswith("*Progres")]
    assert progress and sections[progress[0]] == []  # one office: its progress is the heading's
    listed = run("list", *command.split()[2:], "--json", "--plan", str(root), "--on", DAY)
    assert len(json.loads(listed.stdout)) == 6


def test_an_offices_digest_compares_with_the_last_one_that_arrived():
    from datetime import date, datetime, timezone

    from pilkada_cli.model import Contact, SummaryRun
    from pilkada_cli.report.offices import Office, since_of

    office = Office("polda", None, None, Contact(("ops@polda.example",)))
    moment = datetime(2024, 8, 25, tzinfo=timezone.utc)
    runs = [SummaryRun(1, moment, "2024-08-25", "office=polda", "penguji", "ok", "ops@polda.example", 3),
            SummaryRun(2, moment, "2024-08-26", "office=polda", "penguji", "E-mail gagal", "ops@polda.example", 5),
            SummaryRun(3, moment, "2024-08-26", "office=kpu", "penguji", "ok", "kpu@kpu.example", 5)]
    since = since_of(office, date(2024, 8, 27), None, runs)
    assert (since.day, since.upto_event) == (date(2024, 8, 25), 3)  # not the failed one, not another office's
    assert since_of(office, date(2024, 8, 27), date(2024, 8, 20), runs).day == date(2024, 8, 20)


def test_cron_each_prints_the_one_line_and_names_the_token_variables(run, isolated, gateway, plan_dir):
    root = plan_for(isolated, gateway, webhook='{url: "https://gw.example/belu", token_env: GATEWAY_TOKEN}')
    result = run("cron", "--each", "--at", "06:15", "--plan", str(root))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("15 6 * * * PILKADA_PLAN=") and lines[-1].endswith(" summary --each --quiet")
    assert "CRON_TZ=Asia/Makassar" in lines and any("GATEWAY_TOKEN" in line for line in lines if line.startswith("#"))
    mixed = run("cron", "--each", "--mail-to", "ops@polda.example", "--plan", str(root))
    assert mixed.exit_code == 2 and "--mail-to" in mixed.stderr
    none = run("cron", "--each", "--plan", str(plan_dir))
    assert none.exit_code == 2 and "contacts:" in none.stderr


def test_the_readme_setup_for_a_province_works_on_the_bundled_plan(run, isolated):
    """The README's contacts for NTT (22 Polres under "*", the leadership with a webhook) on the bundled plan:
    `check` passes, --each has 47 offices, and cron --each prints the README's lines."""
    import re
    import shutil
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    part = readme.split("### Every office its own digest")[1].split("\n## ")[0]
    setup = re.search(r"```yaml\n(.*?)```", part, re.S).group(1)
    root = isolated / "ntt"
    shutil.copytree(Path(__file__).parent.parent / "checklists", root)
    with open(root / "pilkada.yaml", "a", encoding="utf-8") as plan:
        plan.write("\n" + setup)
    assert run("check", "--plan", str(root)).exit_code == 0
    data = json.loads(each(run, root, {}, "--dry-run", "--format", "json").stdout)
    names = [o["name"] for o in data["offices"]]
    assert len(names) == 1 + 2 + 22 + 22 and names[:3] == ["Pimpinan", "Polda NTT", "KPU Provinsi NTT"]
    assert sum(name.startswith("Polres") for name in names) == 22  # Polres and Polresta Kupang Kota
    # one office serving two regions gets two digests, each named with its region (subject, title, lines)
    assert len(set(names)) == len(names) and "Polres Sumba Barat (Kabupaten Sumba Tengah)" in names
    cron = run("cron", "--each", "--plan", str(root)).stdout.splitlines()
    shown = re.search(r"```\n(MAILTO=.*?)```", part, re.S).group(1).splitlines()
    assert [line for line in cron if line.startswith("# ")][1:] == [line for line in shown if line.startswith("# ")][1:]
    assert cron[-1].endswith(shown[-1].split("pilkada", 2)[-1]) and cron[-2] == shown[-2]


def test_from_h_minus_7_an_office_sees_its_own_go_no_go_call(run, isolated, gateway):
    root = plan_for(isolated, gateway)
    out = each(run, root, {}, "--dry-run", day="2024-11-22").stdout
    alor = out.split("→ Polres Kabupaten Alor · ")[1].split("\n→ ")[0]
    assert "*Go/No-Go: NO-GO (1 kantor NO-GO)*\n- Polres Kabupaten Alor: NO-GO (1 item kritis)" in alor
    polda = out.split("→ Polda Uji · ")[1].split("\n→ ")[0]
    assert "- Polda Uji: NO-GO" in polda and "Polres" not in polda
    whole = out.split("→ Pimpinan · ")[1].split("\n→ ")[0]
    assert "- Polres: NO-GO di semua 3 wilayah" in whole


def test_log_summaries_at_80_columns_shows_each_deliverys_whole_address(run, isolated, gateway, mailbox):
    inbox, env = mailbox
    root = plan_for(isolated, gateway)
    assert each(run, root, env).exit_code == 0
    shown = run("log", "--summaries", "--plan", str(root), env={"COLUMNS": "80"}).stdout
    column = "".join(line.split("│")[6].strip() for line in shown.splitlines() if line.startswith("│"))
    assert gateway.url("/hooks/belu") in column and "kabagops-polres@polda.example" in column


def test_a_journal_that_cannot_record_is_said_and_every_office_still_gets_its_digest(run, isolated, gateway,
                                                                                    mailbox, monkeypatch):
    from pilkada_cli.errors import JournalError
    from pilkada_cli.store.sqlite import Journal

    inbox, env = mailbox

    def refused(self, *args, **kwargs):
        raise JournalError("journal.readonly", path=str(self.path))

    monkeypatch.setattr(Journal, "record_summary", refused)
    result = each(run, plan_for(isolated, gateway), env)
    assert result.exit_code == 1 and len(inbox.messages) == 5 and len(gateway.posts) == 1
    assert result.stderr.count("tidak tercatat di jurnal") == 6 and "Belum menerima" not in result.stderr


def test_every_mark_these_messages_print_has_an_ascii_form_for_a_windows_console():
    from pilkada_cli.i18n.alarm_text import ALARM_TEXT
    from pilkada_cli.safe_text import ASCII_MARKS

    def unwritable(text):
        return {ch for ch in text if not ch.encode("cp1252", "ignore")}

    marks = set().union(*(unwritable(text) for pair in ALARM_TEXT.values() for text in pair))
    assert marks and marks <= set(ASCII_MARKS), marks - set(ASCII_MARKS)


def test_many_escalated_items_end_with_the_command_that_lists_them(run, isolated, gateway):
    critical = MANY.replace("    title: Tugas", "    critical: true\n    title: Tugas")
    text = PROVINCE.replace('"http://127.0.0.1:9/hooks/belu"', f'"{gateway.url("/hooks/belu")}"')
    root = write_plan(isolated / "p", plan=text, files={"polres.yaml": critical, "polda.yaml": POLDA})
    out = each(run, root, {}, "--dry-run").stdout
    belu = out.split(f"→ Polres Kabupaten Belu · {gateway.url('/hooks/belu')}\n")[1].split("\n→ ")[0]
    escalated = belu.split("\n\n")[1].splitlines()
    assert escalated[0] == "*Eskalasi: item kritis terlambat 3 hari atau lebih (6)*" and len(escalated) == 6
    assert escalated[-1] == "- … dan 2 lagi: pilkada list --state terlambat --critical --stakeholder polres --region belu"
    whole = out.split("→ Pimpinan · karoops@polda.example\n")[1].split("\n→ ")[0]
    assert "- … dan 9 lagi: pilkada list --state terlambat --critical\n" in whole


def test_a_contact_written_with_a_name_is_mailed_under_it(run, isolated, gateway, mailbox):
    """`Karo Ops <karoops@polda.example>` (issue 21's name-addr) in contacts: the mail goes to the address, its
    To header carries the name, and the delivery is recorded under the address as written."""
    inbox, env = mailbox
    root = plan_for(isolated, gateway)
    text = (root / "pilkada.yaml").read_text().replace("karoops@polda.example", "Karo Ops <karoops@polda.example>")
    (root / "pilkada.yaml").write_text(text)
    result = each(run, root, env)
    assert result.exit_code == 0, result.output
    received = [message_from_bytes(e.content, policy=default) for e in inbox.messages
                if "karoops@polda.example" in e.rcpt_tos]
    assert len(received) == 1 and received[0]["To"] == "Karo Ops <karoops@polda.example>"
    runs = json.loads(run("log", "--summaries", "--json", "--plan", str(root)).stdout)
    assert any(r["recipients"] == "Karo Ops <karoops@polda.example>" and r["delivery"] == "ok" for r in runs)
