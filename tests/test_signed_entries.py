"""Spec section 16: signed entries. An office's Ed25519 key signs what it writes; the plan's `keys:` lists the
public keys, so any journal checks any entry: imports and sync refuse what does not verify, `log` marks each
entry, `check` names a signed row an administrator edited, the daily summary counts the proven."""

import json
import os
import pwd
import sqlite3
import stat
import subprocess
import sys
import uuid

import pytest

from conftest import write_plan

ME = pwd.getpwuid(os.geteuid()).pw_name

PLAN = """\
id: {plan_id}
name: Rencana Bertanda Tangan
vote_date: 2024-11-27
timezone: Asia/Makassar
regions:
  - {{id: belu, name: Kabupaten Belu}}
  - {{id: sumba-timur, name: Kabupaten Sumba Timur}}
stakeholders:
  - id: polda
    name: Polda Uji
  - id: polres
    name: Polres {{region}}
    per_region: true
    editors:
      "*": [kabagops_polda]
      sumba-timur: [kapolres_sumtim]
      belu: [kapolres_belu, {me}, postgres]
phases:
  - {{id: persiapan, name: Persiapan, start: H-120, end: H}}
"""
FILES = {
    "polda.yaml": "stakeholder: polda\nphase: persiapan\nitems:\n  - {id: apel, title: Apel, due: H-30}\n"
                  "  - {id: nphd, title: NPHD, due: H-60, target: 100, unit: '%'}\n",
    "polres.yaml": "stakeholder: polres\nphase: persiapan\nitems:\n  - {id: patroli, title: Patroli, due: H-14}\n",
}


def make_plan(root, keys: dict | None = None, require=False, plan_id=None):
    plan_id = plan_id or f"tanda-{uuid.uuid4().hex[:8]}"
    text = PLAN.format(plan_id=plan_id, me=ME)
    if keys:
        text += "keys:\n" + "".join(f'  {name}: {json.dumps(key)}\n' for name, key in keys.items())
    if require:
        text += "require_signatures: true\n"
    return write_plan(root, text, FILES), plan_id


def key_of(run, identity, env=None):
    made = run("key", "init", "--identity", identity, env=env)
    assert made.exit_code == 0, made.output
    return made.stdout.strip().splitlines()[-1].split(": ", 1)[1].strip('"')


def entries(run, root, env=None):
    result = run("log", "--json", "--plan", str(root), env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# -- the key, and the plan's keys:


def test_key_init_keeps_the_private_key_to_its_owner_and_prints_the_public_line(run, isolated):
    made = run("key", "init", "--identity", "kapolres_belu")
    assert made.exit_code == 0, made.output
    line = made.stdout.strip().splitlines()[-1]
    assert line.startswith('  kapolres_belu: "ed25519:') and len(line.split('"')[1]) == len("ed25519:") + 44
    path = isolated.parent / "config" / "keys" / "kapolres_belu.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert path.read_text().strip() not in made.output  # never printed
    again = run("key", "init", "--identity", "kapolres_belu")
    assert again.exit_code == 2 and "pilkada key show" in again.stderr
    shown = run("key", "show")
    assert shown.exit_code == 0 and line in shown.stdout and "belum tercantum" in shown.stdout
    path.chmod(0o644)
    assert run("key", "show").exit_code == 1  # a key others may read is refused, not used


@pytest.mark.parametrize("keys, message", [
    ("keys: [a]\n", "'keys' harus pemetaan"),
    ('keys: {kapolres_belu: "rsa:abc"}\n', "bukan kunci publik Ed25519"),
    ('keys: {a: "ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", b: "ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
     'AAAAAA="}\n', "Kunci yang sama"),
    ("require_signatures: ya\n", "require_signatures"),
])
def test_check_validates_keys_with_their_line(run, isolated, keys, message):
    root, _ = make_plan(isolated / "p")
    (root / "pilkada.yaml").write_text((root / "pilkada.yaml").read_text() + keys)
    result = run("check", "--plan", str(root))
    assert result.exit_code == 2 and message in result.stdout and "pilkada.yaml:2" in result.stdout, result.stdout


# -- both journals: signed writes, marks, check, summary


@pytest.fixture(params=["sqlite", "postgres"])
def journal(request, run, isolated):
    """A plan whose keys: list this user's key for its journal identity (the login, or the database role)."""
    env = {"PILKADA_DATABASE_URL": request.getfixturevalue("pg_url")} if request.param == "postgres" else {}
    identity = "postgres" if env else ME
    key = key_of(run, identity)
    root, plan_id = make_plan(isolated / "rencana", {identity: key})
    if env:
        assert run("db", "init", "--plan", str(root), env=env).exit_code == 0
    return root, plan_id, env, identity


def test_every_kind_of_write_is_signed_and_proven(run, journal):
    root, _, env, identity = journal
    p = ["--plan", str(root)]
    for args in (["tick", "apel"], ["tick", "nphd", "--value", "40"], ["tick", "nphd", "--value", "60"],
                 ["tick", "nphd", "--undo"], ["tick", "apel", "--undo", "--note", "belum"],
                 ["tick", "patroli@belu", "--on", "2024-11-01"],
                 ["gonogo", "--declare", "go", "--stakeholder", "polda"]):
        result = run(*args, *p, env=env)
        assert result.exit_code == 0, (args, result.output)
    found = entries(run, root, env)
    assert len(found) == 7 and {e["proof"] for e in found} == {"proven"}, found
    assert {e["identity"] for e in found} == {identity}
    nphd = json.loads(run("status", "--json", *p, env=env).stdout)["items"]
    assert next(x for x in nphd if x["id"] == "polda/nphd")["value"] == 40  # the undo went back to 40
    assert run("check", *p, env=env).exit_code == 0
    shown = run("log", *p, env={**env, "COLUMNS": "200"}).stdout
    assert shown.count("✓ terbukti") == 7
    summary = json.loads(run("summary", "--format", "json", "--dry-run", "--since", "2024-10-01", *p, env=env).stdout)
    assert summary["signatures"] == {"proven": 7, "entries": 7}
    assert "7 dari 7 catatan" in run("summary", "--dry-run", "--since", "2024-10-01", *p, env=env).stdout


def test_a_signed_row_edited_by_hand_is_named_by_check(run, journal):
    root, plan_id, env, _ = journal
    p = ["--plan", str(root)]
    assert run("tick", "apel", "--note", "siap", *p, env=env).exit_code == 0
    if env:  # the database's administrator
        import psycopg

        with psycopg.connect(env["PILKADA_DATABASE_URL"], autocommit=True) as conn:
            seq = conn.execute("UPDATE public.pilkada_events SET note = 'tidak siap' WHERE plan = %s RETURNING seq",
                               (plan_id,)).fetchone()[0]
    else:  # whoever can write the file
        with sqlite3.connect(root / ".pilkada" / "journal.sqlite3") as conn:
            conn.execute("UPDATE events SET note = 'tidak siap'")
        conn.close()
        seq = 1
    found = run("check", *p, env=env)
    assert found.exit_code == 2 and f"Catatan #{seq} membawa tanda tangan" in found.stdout, found.stdout
    assert [e["proof"] for e in entries(run, root, env)] == ["invalid"]


def test_an_unsigned_entry_of_a_keyed_identity_is_counted_and_refused_where_required(run, isolated, journal):
    root, _, env, identity = journal
    p = ["--plan", str(root)]
    os.rename(isolated.parent / "config" / "keys" / f"{identity}.key", isolated.parent / "kunci")
    assert run("tick", "apel", *p, env=env).exit_code == 0  # no key here: written unsigned
    checked = run("check", *p, env=env)
    assert checked.exit_code == 0 and "1 catatan tanpa tanda tangan" in checked.stdout
    (root / "pilkada.yaml").write_text((root / "pilkada.yaml").read_text() + "require_signatures: true\n")
    refused = run("tick", "patroli@belu", *p, env=env)
    assert refused.exit_code == 2 and "mewajibkan tanda tangan" in refused.stderr
    assert run("check", *p, env=env).exit_code == 2
    assert len(entries(run, root, env)) == 1


# -- exchange: every line verified


def _signed_export(run, isolated):
    key = key_of(run, ME)
    root, plan_id = make_plan(isolated / "kantor", {ME: key})
    p = ["--plan", str(root)]
    assert run("tick", "patroli@belu", "--on", "2024-11-01", "--note", "aman", *p).exit_code == 0
    assert run("tick", "apel", "--on", "2024-11-02", *p).exit_code == 0
    lines = [json.loads(x) for x in run("journal", "export", *p).stdout.splitlines()]
    assert all(x["signature"] for x in lines)
    centre, _ = make_plan(isolated / "pusat", {ME: key}, plan_id=plan_id)
    return centre, lines


@pytest.mark.parametrize("damage", ["altered", "moved", "stripped"])
def test_an_altered_moved_or_stripped_signature_is_a_bad_line(run, isolated, damage):
    centre, lines = _signed_export(run, isolated)
    if damage == "altered":
        lines[1]["note"] = "sudah diperiksa"
    elif damage == "moved":
        lines[1]["signature"] = lines[0]["signature"]
    else:
        lines[1]["signature"] = None
        (centre / "pilkada.yaml").write_text((centre / "pilkada.yaml").read_text() + "require_signatures: true\n")
    source = isolated / "masuk.jsonl"
    source.write_text("".join(json.dumps(x) + "\n" for x in lines))
    result = run("journal", "import", str(source), "--plan", str(centre))
    assert result.exit_code == 2 and "masuk.jsonl:2" in result.stderr, result.output
    assert ("tidak cocok" if damage != "stripped" else "tidak bertanda tangan") in result.stderr
    assert entries(run, centre) == []


def test_an_office_whose_login_differs_writes_as_its_identity_and_the_centre_sees_it_proven(run, isolated, pg_url,
                                                                                             pg_roles):
    """A Polres laptop's login is not kapolres_sumtim; the key is. Its SQLite journal records the key's identity;
    the centre's data officer brings the file in, and the database shows the entry proven by kapolres_sumtim."""
    key = key_of(run, "kapolres_sumtim")
    office, plan_id = make_plan(isolated / "laptop", {"kapolres_sumtim": key})
    assert run("tick", "patroli@sumba-timur", "--on", "2024-11-01", "--plan", str(office)).exit_code == 0
    assert [(e["identity"], e["proof"]) for e in entries(run, office)] == [("kapolres_sumtim", "proven")]
    export = isolated / "sumtim.jsonl"
    assert run("journal", "export", "-o", str(export), "--plan", str(office)).exit_code == 0
    centre, _ = make_plan(isolated / "pusat", {"kapolres_sumtim": key}, plan_id=plan_id)
    assert run("db", "init", "--plan", str(centre), env={"PILKADA_DATABASE_URL": pg_url}).exit_code == 0
    importer, = pg_roles("data_polda", groups=("pilkada_importer",))
    taken = run("journal", "import", str(export), "--plan", str(centre), env=importer.env)
    assert taken.exit_code == 0, taken.output
    entry, = entries(run, centre, importer.env)
    assert (entry["identity"], entry["recorded_by"], entry["proof"]) == ("kapolres_sumtim", importer.name,
                                                                          "proven")


def test_the_server_refuses_an_unsigned_event_of_a_keyed_identity_where_required(run, isolated, pg_url):
    """The server cannot check a signature, but it can refuse its absence, whatever the client's plan says."""
    key = key_of(run, "postgres")
    root, _ = make_plan(isolated / "wajib", {"postgres": key}, require=True)
    env = {"PILKADA_DATABASE_URL": pg_url}
    assert run("db", "init", "--plan", str(root), env=env).exit_code == 0
    (root / "pilkada.yaml").write_text((root / "pilkada.yaml").read_text().replace("require_signatures: true\n", "")
                                       .split("keys:")[0])  # a client whose plan file says nothing of keys
    refused = run("tick", "apel", "--plan", str(root), env=env)
    assert refused.exit_code == 4 and "tanda tangan" in refused.stderr, refused.output


def test_a_plan_without_keys_loads_no_cryptography(plan_dir, isolated):
    code = ("import sys; from pilkada_cli.cli import main; sys.argv = ['pilkada', 'tick', 'apel', '--plan', %r];\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\nprint('cryptography' in sys.modules)" % str(plan_dir))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=isolated,
                            env=dict(os.environ))
    assert result.stdout.strip().splitlines()[-1] == "False", result.stdout + result.stderr
