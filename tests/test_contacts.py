"""Issue 27, item 1: `contacts:` and `escalate:` in pilkada.yaml (spec section 18), validated by `check` with file
and line like every key; the plan cache keeps them."""

import json

import pytest

from conftest import write_plan

PROVINCE = """\
name: Pilkada Provinsi Uji
vote_date: 2024-11-27
timezone: Asia/Makassar
regions:
  - id: belu
    name: Kabupaten Belu
  - id: alor
    name: Kabupaten Alor
  - id: kupang
    name: Kota Kupang
stakeholders:
  - id: polda
    name: Polda Uji
  - id: polres
    name: Polres {region}
    per_region: true
phases:
  - id: persiapan
    name: Persiapan
    start: H-120
    end: H-1
contacts:
  leadership: {mail: [karoops@polda.example]}
  polda: {mail: [ops@polda.example]}
  polres:
    belu: {mail: [kabagops@polres-belu.example], webhook: "http://127.0.0.1:9/hooks/belu"}
    "*": {mail: [kabagops-polres@polda.example]}
escalate:
  critical_overdue_days: 3
"""

POLRES = """\
stakeholder: polres
phase: persiapan
items:
  - id: pemetaan
    title: Pemetaan TPS rawan
    due: H-100
    critical: true
  - id: apel
    title: Apel pasukan
    due: H-90
"""

POLDA = """\
stakeholder: polda
phase: persiapan
items:
  - id: rakor
    title: Rakor lintas sektoral
    due: H-100
    critical: true
"""


def province(root, plan=PROVINCE):
    return write_plan(root, plan=plan, files={"polres.yaml": POLRES, "polda.yaml": POLDA})


def problems(run, root):
    result = run("check", "--json", "--plan", str(root))
    return result.exit_code, [(p["line"], p["code"], p["message"]) for p in json.loads(result.stdout)["problems"]
                              if p["severity"] == "error"]


def test_contacts_and_escalate_are_read_into_the_plan_and_kept_by_the_cache(run, isolated):
    from pilkada_cli.plan import load_plan

    root = province(isolated / "p")
    assert problems(run, root) == (0, [])
    for _ in range(2):  # the second load comes from the cache
        plan = load_plan(root)
        assert plan.critical_overdue_days == 3
        belu, alor = plan.region("belu"), plan.region("alor")
        polres = plan.stakeholder("polres")
        assert plan.contact(polres, belu).mail == ("kabagops@polres-belu.example",)
        assert plan.contact(polres, belu).webhook.url == "http://127.0.0.1:9/hooks/belu"
        assert plan.contact(polres, alor).mail == ("kabagops-polres@polda.example",)
        assert plan.contact(None).mail == ("karoops@polda.example",)
        assert plan.contact(plan.stakeholder("polda")).line == 24


BAD = {  # (replaced, replacement): the line of the problem, its code
    "an office the plan does not have": ("  polda: {mail", "  bupati: {mail", 24, "contacts.undeclared"),
    "a region the plan does not have": ("    belu: {mail", "    bellu: {mail", 26, "region.undeclared_suggest"),
    "a per-region office without regions": ('    belu: {mail: [kabagops@polres-belu.example], webhook: '
                                            '"http://127.0.0.1:9/hooks/belu"}\n    "*": {mail: '
                                            '[kabagops-polres@polda.example]}',
                                            "    mail: [a@b.example]", 25, "contacts.needs_regions"),
    "regions under an office that has none": ("  polda: {mail: [ops@polda.example]}",
                                              "  polda:\n    belu: {mail: [a@b.example]}", 24,
                                              "contacts.regions_not_per_region"),
    "a contact with nobody": ('  leadership: {mail: [karoops@polda.example]}', '  leadership: {mail: []}', 23,
                              "contacts.empty"),
    "an unknown key": ("  leadership: {mail:", "  leadership: {email: [x@y.example], mail:", 23,
                       "key.unknown_suggest"),
    "a webhook in clear to another machine": ("http://127.0.0.1:9/hooks/belu", "http://gateway.example/hooks", 26,
                                              "contacts.webhook_not_https"),
    "a password in the webhook's address": ("http://127.0.0.1:9/hooks/belu", "https://ops:rahasia@gw.example/h",
                                            26, "contacts.webhook_credentials"),
    "not a web address": ("http://127.0.0.1:9/hooks/belu", "ftp://gw.example/h", 26, "contacts.webhook_bad"),
    "a token in the plan": ('webhook: "http://127.0.0.1:9/hooks/belu"',
                            'webhook: {url: "https://gw.example/h", token: abc123}', 26, "contacts.token_in_plan"),
    "a token variable that is no name": ('webhook: "http://127.0.0.1:9/hooks/belu"',
                                         'webhook: {url: "https://gw.example/h", token_env: "MY TOKEN"}', 26,
                                         "contacts.bad_token_env"),
    "an address check_address refuses": ("karoops@polda.example", "karoops at polda", 23, "contacts.bad_address"),
    "escalation after zero days": ("critical_overdue_days: 3", "critical_overdue_days: 0", 29, "escalate.bad_days"),
    "an unknown escalation key": ("critical_overdue_days: 3", "critical_overdue_day: 3", 29, "key.unknown_suggest"),
}


@pytest.mark.parametrize("mistake", sorted(BAD))
def test_check_names_the_line_and_the_fix_of_each_mistake(run, isolated, mistake):
    old, new, line, code = BAD[mistake]
    assert old in PROVINCE, mistake
    root = province(isolated / "p", PROVINCE.replace(old, new, 1))
    exit_code, found = problems(run, root)
    assert exit_code == 2 and [(line, code)] == [(where, key) for where, key, _ in found], found
    text = run("check", "--plan", str(root))
    assert f"pilkada.yaml:{line}:" in text.stdout and "Traceback" not in text.output


def test_a_webhook_with_its_token_in_the_environment_passes(run, isolated):
    root = province(isolated / "p", PROVINCE.replace('webhook: "http://127.0.0.1:9/hooks/belu"',
                                                     'webhook: {url: "https://gw.example/belu", token_env: '
                                                     'GATEWAY_TOKEN}'))
    assert problems(run, root) == (0, [])
    from pilkada_cli.plan import load_plan

    plan = load_plan(root)
    webhook = plan.contact(plan.stakeholder("polres"), plan.region("belu")).webhook
    assert (webhook.url, webhook.token_env) == ("https://gw.example/belu", "GATEWAY_TOKEN")


def test_the_messages_say_what_to_do_in_both_languages(run, isolated):
    root = province(isolated / "p", PROVINCE.replace("http://127.0.0.1:9/hooks/belu", "http://gw.example/h"))
    indonesian = run("check", "--plan", str(root)).stdout
    english = run("check", "--plan", str(root), "--lang", "en").stdout
    assert "harus https://" in indonesian and "must be https://" in english
    assert "127.0.0.1" in indonesian and "127.0.0.1" in english


def test_a_command_on_a_plan_with_a_bad_contact_names_file_and_line(run, isolated):
    root = province(isolated / "p", PROVINCE.replace("    belu: {mail", "    bellu: {mail"))
    result = run("status", "--plan", str(root))
    assert result.exit_code == 2 and "pilkada.yaml:26" in result.stderr and "belu" in result.stderr


def test_the_plan_schema_knows_contacts_and_escalate(isolated):
    pytest.importorskip("jsonschema")
    from test_schema import schema_errors

    assert schema_errors(province(isolated / "p")) == []
    webhook = "http://127.0.0.1:9/hooks/belu"
    for old, new in ((webhook, "http://gw.example/h"), ("critical_overdue_days: 3", "critical_overdue_days: 0"),
                     (f'webhook: "{webhook}"', 'webhook: {url: "https://gw.example/h", token: abc}')):
        assert schema_errors(province(isolated / "q", PROVINCE.replace(old, new))), new
