"""Spec sections 13 and 15: the shared journal that every agency can trust. Tried as an office's staff with
their own SQL client would: no table can be written, the server numbers, times, signs in and hashes every
event, checks the plan's stakeholders, regions and editors (per region), and keeps the states; imports are
checked line by line on either journal; the chain covers every field; `check --head` holds a summary's code."""

import json
import shutil
import os
import pwd
import sqlite3
import uuid

import pytest

from conftest import role_name, write_plan
from pilkada_cli.errors import BadInput, NotAllowed
from pilkada_cli.model import NewEvent
from pilkada_cli.store import open_store
from pilkada_cli.store.pg_schema import TABLES

ME = pwd.getpwuid(os.geteuid()).pw_name
POLDA, KPU, BELU, IMPORTER = (role_name(name) for name in ("polda", "kpu", "belu", "importer"))

PLAN = """\
id: {plan_id}
name: Rencana Uji Server
vote_date: 2024-11-27
timezone: Asia/Makassar
regions:
  - {{id: belu, name: Kabupaten Belu}}
  - {{id: kupang, name: Kota Kupang}}
stakeholders:
  - id: polda
    name: Polda Uji
    editors: [{polda}, {me}, postgres]
  - id: kpu
    name: KPU Uji
    editors: [{kpu}, {me}, postgres]
  - id: polres
    name: Polres {{region}}
    per_region: true
    editors:
      "*": [{polda}]
      belu: [{belu}, {me}, postgres]
phases:
  - {{id: persiapan, name: Persiapan, start: H-120, end: H}}
"""
FILES = {
    "polda.yaml": "stakeholder: polda\nphase: persiapan\nitems:\n  - {id: apel, title: Apel, due: H-30}\n",
    "kpu.yaml": "stakeholder: kpu\nphase: persiapan\nitems:\n"
                "  - {id: nphd, title: NPHD, due: H-60, target: 100, unit: '%'}\n",
    "polres.yaml": "stakeholder: polres\nphase: persiapan\nitems:\n  - {id: patroli, title: Patroli, due: H-14}\n",
}
RISKS = "risks:\n  - {id: politik-uang, title: Politik uang, dimension: kontestasi, level: sedang}\n"


def make_plan(run, isolated, env=None, name="rencana"):
    """The plan: its editors are the test's roles, this machine's login (SQLite) and the server's superuser."""
    plan_id = f"server-{uuid.uuid4().hex[:8]}"
    root = write_plan(isolated / name, PLAN.format(plan_id=plan_id, me=ME, polda=POLDA, kpu=KPU, belu=BELU), FILES)
    (root / "risks").mkdir()
    (root / "risks" / "kerawanan.yaml").write_text(RISKS)
    if env:
        result = run("db", "init", "--plan", str(root), env=env)
        assert result.exit_code == 0, result.output
    return root, plan_id


@pytest.fixture
def server(run, isolated, pg_url, pg_roles):
    """A plan in the database, and the staff of four offices: Polda (every region's Polres too), KPU, Polres
    Belu, and the centre's data officer (pilkada_importer)."""
    root, plan_id = make_plan(run, isolated, {"PILKADA_DATABASE_URL": pg_url})
    polda, kpu, belu = pg_roles("polda", "kpu", "belu")
    importer, = pg_roles("importer", groups=("pilkada_importer",))
    return root, plan_id, {"polda": polda, "kpu": kpu, "belu": belu, "importer": importer, "admin": pg_url}


def sql(url, statement, params=()):
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(statement, params).fetchall() if statement.lstrip().upper().startswith(
            ("SELECT", "WITH")) else conn.execute(statement, params)


def log(run, root, env):
    result = run("log", "--json", "--plan", str(root), env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# -- no table is writable by a writer


WRITES = {
    "INSERT": "INSERT INTO public.{t} DEFAULT VALUES",
    "UPDATE": "UPDATE public.{t} SET {c} = {c}",
    "DELETE": "DELETE FROM public.{t}",
    "TRUNCATE": "TRUNCATE public.{t}",
}


def test_a_writer_can_write_no_table_whatever_its_client(server):
    import psycopg

    _, _, staff = server
    kpu = staff["kpu"]
    with psycopg.connect(kpu.url, autocommit=True) as conn:
        for table in TABLES:
            column = conn.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                                  "AND table_name = %s ORDER BY ordinal_position LIMIT 1", (table,)).fetchone()[0]
            for privilege, statement in WRITES.items():
                assert not conn.execute("SELECT has_table_privilege(%s, %s, %s)",
                                        (kpu.name, f"public.{table}", privilege)).fetchone()[0], (table, privilege)
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(statement.format(t=table, c=column))
        assert conn.execute("SELECT count(*) FROM public.pilkada_events").fetchone()[0] >= 0  # reading is fine
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT nextval('public.pilkada_events_seq_seq')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("CREATE TABLE public.pilkada_events_shadow (x int)")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # only the three public functions
            conn.execute("SELECT public.pilkada__lock('x')")
        assert conn.execute("SELECT r.rolcanlogin FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner "
                            "WHERE p.proname = 'pilkada_tick'").fetchone()[0] is False


def test_a_kpu_role_cannot_mark_a_polda_item_done(run, server):
    import psycopg

    root, plan_id, staff = server
    refused = run("tick", "apel", "--plan", str(root), env=staff["kpu"].env)
    assert refused.exit_code == 4
    with psycopg.connect(staff["kpu"].url, autocommit=True) as conn:  # its own SQL client: the server refuses
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="pilkada:not_editor"):
            conn.execute("SELECT * FROM public.pilkada_tick(%s, ARRAY['polda/apel'], ARRAY[NULL], ARRAY[NULL]::float8[], "
                         "false, NULL, NULL, NULL, '{}', '{}', NULL)", (plan_id,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE public.pilkada_item_state SET done = true")
    assert log(run, root, {"PILKADA_DATABASE_URL": staff["admin"]}) == []
    assert run("tick", "apel", "--plan", str(root), env=staff["polda"].env).exit_code == 0


def test_seq_time_identity_and_hash_are_the_servers(run, server):
    root, plan_id, staff = server
    store = open_store(staff["kpu"].url, plan_id)
    forged = {"seq": 999999, "hash": "0" * 64, "recorded_at": "2099-01-01T00:00:00+00:00", "recorded_by": "kapolda"}
    sql(staff["kpu"].url, "SELECT * FROM public.pilkada_append(%s, %s::jsonb, false)",
        (plan_id, json.dumps([{"item": "kpu/nphd", "kind": "progress", "value": 5, "actor": POLDA,
                               **forged}])))
    store.append([NewEvent("kpu/nphd", None, "progress", 10.0, POLDA)])  # the client's actor: ignored
    rows = sql(staff["admin"], "SELECT seq, actor, recorded_by, recorded_at > now() - interval '1 minute', "
               "recorded_at < now() + interval '1 minute' FROM public.pilkada_events WHERE plan = %s ORDER BY seq",
               (plan_id,))
    assert [row[1:] for row in rows] == [(KPU, None, True, True)] * 2 and rows[0][0] != 999999
    admin = {"PILKADA_DATABASE_URL": staff["admin"]}
    assert run("check", "--plan", str(root), env=admin).exit_code == 0
    assert [e["identity"] for e in log(run, root, admin)] == [KPU] * 2


@pytest.mark.parametrize("item, region, reason", [
    ("zz/x", None, "refused.unknown_stakeholder"), ("Polda/apel", None, "refused.bad_item"),
    ("polres/patroli", None, "refused.region_needed"), ("polda/apel", "belu", "refused.region_not_wanted"),
    ("polres/patroli", "Belu", "refused.unknown_region"), ("polres/patroli", "ambon", "refused.unknown_region"),
])
def test_the_server_takes_only_the_plans_own_stakeholders_and_regions(server, item, region, reason):
    _, plan_id, staff = server
    store = open_store(staff["admin"], plan_id)
    with pytest.raises(BadInput) as refused:
        store.append([NewEvent(item, region, "done", None, "postgres")])
    assert refused.value.key == reason


def test_a_name_cannot_be_borrowed_and_who_brought_it_in_is_shown(run, server):
    root, plan_id, staff = server
    line = {"id": str(uuid.uuid4()), "item": "polres/patroli", "region": "belu", "kind": "done", "value": None,
            "actor": BELU, "at": "2024-11-01T03:00:00+00:00", "uid": None}
    line["uid"] = line["id"]
    with pytest.raises(NotAllowed) as refused:  # KPU's role writing a Polres event by Belu's Kapolres
        open_store(staff["kpu"].url, plan_id).append([NewEvent("polres/patroli", "belu", "done", None,
                                                               BELU, uid=line["uid"],
                                                               at=_at(line["at"]))], imported=True)
    assert refused.value.key == "refused.not_importer" and refused.value.params["identity"] == KPU
    assert open_store(staff["importer"].url, plan_id).append(
        [NewEvent("polres/patroli", "belu", "done", None, BELU, uid=line["uid"], at=_at(line["at"]))],
        imported=True) == 1
    admin = {"PILKADA_DATABASE_URL": staff["admin"]}
    entry, = log(run, root, admin)
    assert (entry["identity"], entry["recorded_by"]) == (BELU, IMPORTER)
    shown = run("log", "--plan", str(root), env={**admin, "COLUMNS": "200"}).stdout
    assert f"{BELU}, dibawa oleh {IMPORTER}" in shown


def _at(text):
    from datetime import datetime

    return datetime.fromisoformat(text)


def test_per_region_editors_on_the_server(run, server):
    root, _, staff = server
    p = str(root)
    assert run("tick", "patroli@belu", "--plan", p, env=staff["belu"].env).exit_code == 0
    refused = run("tick", "patroli@kupang", "--plan", p, env=staff["belu"].env)
    assert refused.exit_code == 4
    assert "Polres Kota Kupang" in refused.stderr and POLDA in refused.stderr
    assert run("tick", "patroli@kupang", "--plan", p, env=staff["polda"].env).exit_code == 0  # "*"
    # the server itself, with a plan file that says otherwise
    (root / "pilkada.yaml").write_text((root / "pilkada.yaml").read_text().replace(
        f"belu: [{BELU}", f"kupang: [{BELU}"))
    refused = run("tick", "patroli@kupang", "--undo", "--plan", p, env=staff["belu"].env)
    assert refused.exit_code == 4 and "menolak" in refused.stderr and "kupang" in refused.stderr


def test_the_centre_takes_in_an_island_office_file(run, isolated, server):
    """A Polres laptop ticks offline (its login an editor of Belu in the plan); the centre's data officer
    brings its file in; the KPU's role may not, and is told which line and why, in our words."""
    root, plan_id, staff = server
    office = isolated / "kantor"
    office.mkdir()
    for path in root.rglob("*.yaml"):
        target = office / path.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text())
    assert run("tick", "patroli@belu", "--plan", str(office), "--on", "2024-11-01").exit_code == 0
    export = isolated / "belu.jsonl"
    assert run("journal", "export", "--plan", str(office), "-o", str(export)).exit_code == 0
    refused = run("journal", "import", str(export), "--plan", str(root), env=staff["kpu"].env)
    assert refused.exit_code == 4 and "belu.jsonl:1" in refused.stderr
    assert "pilkada_importer" in refused.stderr and "row-level" not in refused.stderr
    taken = run("journal", "import", str(export), "--plan", str(root), env=staff["importer"].env)
    assert taken.exit_code == 0 and "1 catatan ditambahkan" in taken.stdout, taken.output
    entry, = log(run, root, staff["importer"].env)
    assert (entry["identity"], entry["recorded_by"], entry["late"]) == (ME, IMPORTER, True)


def test_an_office_syncs_again_what_it_received_as_no_importer(run, isolated, server):
    """A Polres laptop syncs as Polres Belu's own role: what it received from the centre (a KPU entry) goes back
    with every later sync, and the server skips what it holds, whoever brings it (it refused the second sync)."""
    root, plan_id, staff = server
    office = isolated / "kantor"
    shutil.copytree(root, office, ignore=shutil.ignore_patterns(".pilkada"))
    assert run("tick", "patroli@belu", "--plan", str(office), "--on", "2024-11-01").exit_code == 0
    assert run("tick", "nphd", "--value", "30", "--plan", str(root), env=staff["kpu"].env).exit_code == 0
    url = staff["belu"].url
    first = run("journal", "sync", url, "--plan", str(office))
    assert first.exit_code == 0 and "1 catatan dikirim, 1 diterima" in first.stdout, first.output
    for _ in range(2):
        again = run("journal", "sync", url, "--plan", str(office))
        assert again.exit_code == 0 and "0 catatan dikirim, 0 diterima" in again.stdout, again.output
    assert len(log(run, root, staff["kpu"].env)) == 2
    # a refusal of a stakeholder without regions names no region, and says once that nothing was written
    assert run("tick", "apel", "--plan", str(office), "--on", "2024-11-02").exit_code == 0
    export = isolated / "kantor.jsonl"
    assert run("journal", "export", "--plan", str(office), "-o", str(export)).exit_code == 0
    refused = run("journal", "import", str(export), "--plan", str(root), env=staff["kpu"].env).stderr
    assert f"catatan {ME} untuk polda hanya sebagai editornya" in refused and refused.count("Tidak ada yang") == 1


def test_one_round_trip_for_each_write_once_connected(run, server, monkeypatch):
    """A tick, an undo, a value, a note, a declaration and an assessment are each one call to the server."""
    import psycopg

    root, _, staff = server
    calls = []
    real = psycopg.Cursor.execute

    def counted(self, query, *args, **kwargs):
        calls.append(str(query)[:40])
        return real(self, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", counted)
    p = str(root)
    for args in (["tick", "apel"], ["tick", "apel", "--undo"], ["tick", "apel", "--note", "siap"],
                 ["gonogo", "--declare", "go", "--stakeholder", "polda"]):
        calls.clear()
        result = run(*args, "--plan", p, env=staff["polda"].env)
        assert result.exit_code == 0, result.output
        assert len(calls) == 1, (args, calls)
    for args in (["tick", "nphd", "--value", "40"], ["risk", "assess", "politik-uang@belu", "--level", "tinggi"]):
        calls.clear()
        assert run(*args, "--plan", p, env=staff["kpu"].env).exit_code == 0
        assert len(calls) == 1, (args, calls)


def test_an_administrators_rewrite_is_found_by_check_head(run, server):
    """Whoever may write the tables directly (the database's administrator) can rewrite an event and hash the
    chain anew: check is then clean, but the code the daily summary mailed is no longer held."""
    from pilkada_cli.store import chain
    from pilkada_cli.store.postgres import EVENT_COLUMNS, _event

    root, plan_id, staff = server
    admin = {"PILKADA_DATABASE_URL": staff["admin"]}
    p = str(root)
    for args in (["tick", "apel"], ["tick", "nphd", "--value", "40"]):
        assert run(*args, "--plan", p, env=staff["polda" if "apel" in args else "kpu"].env).exit_code == 0
    summary = run("summary", "--dry-run", "--plan", p, env=admin).stdout
    code = summary.split("kode rantai ")[1].split()[0]
    assert run("check", "--head", f"2:{code}", "--plan", p, env=admin).exit_code == 0
    assert run("check", "--head", code, "--plan", p, env=admin).exit_code == 0
    sql(staff["admin"], "UPDATE public.pilkada_events SET note = 'tidak pernah terjadi' WHERE plan = %s AND item = "
        "'polda/apel'", (plan_id,))
    broken = run("check", "--plan", p, env=admin)
    assert broken.exit_code == 2 and "Rantai hash jurnal putus" in broken.stdout
    previous = chain.GENESIS
    for row in sql(staff["admin"], f"SELECT {EVENT_COLUMNS} FROM public.pilkada_events WHERE plan = %s ORDER BY seq",
                   (plan_id,)):
        previous = chain.link(previous, plan_id, _event(row))
        sql(staff["admin"], "UPDATE public.pilkada_events SET hash = %s WHERE seq = %s", (previous, row[0]))
    assert run("check", "--plan", p, env=admin).exit_code == 0
    caught = run("check", "--head", f"2:{code}", "--plan", p, env=admin)
    assert caught.exit_code == 2 and f"2:{code}" in caught.stdout
    assert run("check", "--head", "2:zz", "--plan", p, env=admin).exit_code == 2


def test_a_summary_run_is_recorded_under_whoever_ran_it(run, server):
    root, plan_id, staff = server
    assert run("summary", "--plan", str(root), env=staff["kpu"].env).exit_code == 0
    runs = sql(staff["admin"], "SELECT actor FROM public.pilkada_summaries WHERE plan = %s", (plan_id,))
    assert runs == [(KPU,)]
    sql(staff["admin"], "INSERT INTO public.pilkada_summaries (plan, ts, day, scope, actor) VALUES "
        "(%s, now(), '2024-11-01', 'all', 'kapolda')", (plan_id,))  # an administrator's forgery
    found = run("check", "--plan", str(root), env={"PILKADA_DATABASE_URL": staff["admin"]})
    assert found.exit_code == 2 and "ringkasan #" in found.stdout


# -- both journals: imports, per-region editors, two times, the whole chain, check --head


@pytest.fixture(params=["sqlite", "postgres"])
def journal(request, run, isolated):
    """(plan folder, plan id, env) on either journal: as this machine's login, or the server's superuser."""
    env = {"PILKADA_DATABASE_URL": request.getfixturevalue("pg_url")} if request.param == "postgres" else {}
    root, plan_id = make_plan(run, isolated, env)
    return root, plan_id, env


def line(plan_id, **fields):
    base = {"id": str(uuid.uuid4()), "plan": plan_id, "item": "kpu/nphd", "kind": "progress", "value": 40,
            "note": None, "actor": ME, "on_behalf_of": None, "at": "2024-11-01T03:00:00.000000+00:00"}
    return {**base, **fields}


BAD_LINES = {
    "nan": lambda p: json.dumps(line(p)).replace('"value": 40', '"value": NaN'),
    "long_id": lambda p: json.dumps(line(p, id="x" * 10_000)),
    "empty_id": lambda p: json.dumps(line(p, id="")),
    "big_note": lambda p: json.dumps(line(p, note="x" * 5_000_000)),
    "control_note": lambda p: json.dumps(line(p, note="baris\nbaru")),
    "half_a_character": lambda p: json.dumps(line(p, note="\ud800")),  # \ud800 alone: no character at all
    "unknown_kind": lambda p: json.dumps(line(p, kind="hapus")),
    "bad_level": lambda p: json.dumps(line(p, item="risk/politik-uang@belu", kind="assess", value=None,
                                           level="parah", stage="before")),
    "bad_call": lambda p: json.dumps(line(p, item="gonogo/kpu", kind="declare", value=None, call="mungkin")),
    "unknown_item": lambda p: json.dumps(line(p, item="zz/x", kind="done", value=None)),
    "unknown_region": lambda p: json.dumps(line(p, item="polres/patroli@ambon", kind="done", value=None)),
    "future": lambda p: json.dumps(line(p, at="2099-01-01T00:00:00+00:00")),
    "far_future": lambda p: json.dumps(line(p, at="9999-12-31T00:00:00+00:00")),
    "negative": lambda p: json.dumps(line(p, value=-5)),
    "not_editor": lambda p: json.dumps(line(p, actor="orang_lain")),
}


@pytest.mark.parametrize("bad", sorted(BAD_LINES))
def test_a_bad_line_stops_the_import_with_its_number(run, isolated, journal, bad):
    root, plan_id, env = journal
    source = isolated / "masuk.jsonl"
    source.write_text(json.dumps(line(plan_id)) + "\n\n" + BAD_LINES[bad](plan_id) + "\n")
    result = run("journal", "import", str(source), "--plan", str(root), env=env)
    assert result.exit_code == 2, result.output
    assert "masuk.jsonl:3" in result.stderr and "Tidak ada yang diimpor" in result.stderr
    assert "Traceback" not in result.output and len(result.stderr) < 600
    assert log(run, root, env) == []


def test_the_same_id_with_other_content_is_a_bad_line(run, isolated, journal):
    root, plan_id, env = journal
    first = line(plan_id)
    source = isolated / "satu.jsonl"
    source.write_text(json.dumps(first) + "\n")
    assert run("journal", "import", str(source), "--plan", str(root), env=env).exit_code == 0
    again = isolated / "dua.jsonl"
    again.write_text(json.dumps(line(plan_id)) + "\n" + json.dumps({**first, "value": 90}) + "\n")
    result = run("journal", "import", str(again), "--plan", str(root), env=env)
    assert result.exit_code == 2 and "dua.jsonl:2" in result.stderr and first["id"] in result.stderr
    assert [e["value"] for e in log(run, root, env)] == [40]
    fresh = line(plan_id)  # and within one file
    twice = isolated / "tiga.jsonl"
    twice.write_text(json.dumps(fresh) + "\n" + json.dumps({**fresh, "note": "lain"}) + "\n")
    result = run("journal", "import", str(twice), "--plan", str(root), env=env)
    assert result.exit_code == 2 and "tiga.jsonl:2" in result.stderr
    assert len(log(run, root, env)) == 1


def test_per_region_editors_in_either_journal(run, journal):
    root, _, env = journal
    assert run("tick", "patroli@belu", "--plan", str(root), env=env).exit_code == 0
    refused = run("tick", "patroli@kupang", "--plan", str(root), env=env)
    assert refused.exit_code == 4 and "Polres Kota Kupang" in refused.stderr and POLDA in refused.stderr
    assert [e["item"] for e in log(run, root, env)] == ["polres/patroli@belu"]


def test_two_times_in_log_and_export(run, journal):
    root, plan_id, env = journal
    p = str(root)
    assert run("tick", "nphd", "--value", "40", "--plan", p, env=env).exit_code == 0
    assert run("tick", "apel", "--on", "2024-11-01", "--plan", p, env=env).exit_code == 0
    entries = log(run, root, env)
    assert [e["item"] for e in entries] == ["polda/apel", "kpu/nphd"]  # listed by the moment they speak for
    assert [e["late"] for e in entries] == [True, False]
    assert entries[0]["at"].startswith("2024-11-01T15:59:59") and entries[0]["recorded_at"] > entries[1]["at"][:10]
    shown = run("log", "--plan", p, env={**env, "COLUMNS": "200"}).stdout
    assert shown.count("terlambat, dicatat") == 1
    lines = [json.loads(x) for x in run("journal", "export", "--plan", p, env=env).stdout.splitlines()]
    assert all(x["recorded_at"] and "recorded_by" in x and "signature" in x for x in lines)


def test_check_head_holds_the_summarys_code(run, journal):
    root, _, env = journal
    p = str(root)
    assert run("tick", "nphd", "--value", "40", "--plan", p, env=env).exit_code == 0
    summary = run("summary", "--dry-run", "--format", "json", "--plan", p, env=env)
    head = json.loads(summary.stdout)["journal"]
    code = f"{head['last_event']}:{head['chain'][:12]}"
    assert run("check", "--head", code, "--plan", p, env=env).exit_code == 0
    assert run("tick", "apel", "--plan", p, env=env).exit_code == 0  # history goes on: the old head is held
    assert run("check", "--head", code, "--plan", p, env=env).exit_code == 0
    missing = run("check", "--head", "1:000000000000", "--plan", p, env=env)
    assert missing.exit_code == 2 and "1:000000000000" in missing.stdout
    bad = run("check", "--head", "kode", "--plan", p, env=env)
    assert bad.exit_code == 2 and "N:KODE" in bad.stderr


# -- SQLite: the chain covers every field


@pytest.mark.parametrize("statement", [
    "UPDATE events SET on_behalf_of = 'kapolda' WHERE id = 1",
    "UPDATE events SET uid = '00000000-0000-7000-8000-000000000000' WHERE id = 1",
    "UPDATE events SET recorded_by = 'kapolda' WHERE id = 1",
    "UPDATE events SET recorded_at = '2024-01-01T00:00:00.000000+00:00' WHERE id = 1",
    "UPDATE events SET signature = 'x' WHERE id = 1",
    "INSERT INTO summaries (ts, day, scope, actor) VALUES ('2024-11-02T00:00:00.000000+00:00', '2024-11-02', 'all', "
    "'kapolda')",
])
def test_every_field_is_under_the_chain(run, isolated, statement):
    root, _ = make_plan(run, isolated)
    p = str(root)
    assert run("tick", "nphd", "--value", "40", "--by", "andi", "--plan", p).exit_code == 0
    assert run("summary", "--plan", p).exit_code == 0
    assert run("check", "--plan", p).exit_code == 0
    with sqlite3.connect(root / ".pilkada" / "journal.sqlite3") as conn:
        conn.execute(statement)
    conn.close()
    found = run("check", "--plan", p)
    assert found.exit_code == 2 and "putus" in found.stdout, found.stdout


# -- the server's fold and tick decision are the rules of store/fold.py and store/tick.py


def test_the_server_decides_and_folds_as_python_does(pg_url, tmp_path_factory):
    """Random histories of ticks, values, undos and notes, some dated before what is already recorded (late
    entries): the PostgreSQL server's outcomes and states are SQLite's (which runs the Python rules), step by
    step, cell by cell."""
    from datetime import datetime, timedelta, timezone

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from pilkada_cli.store.base import Ask

    plan_id = f"lipat-{uuid.uuid4().hex[:8]}"
    count = 1_000  # fresh items for every example Hypothesis tries, shrinking included
    targets = {**{f"kpu/q{n}": 100.0 for n in range(count)}, **{f"polda/p{n}": None for n in range(count)}}
    server = open_store(pg_url, plan_id)
    server.init({"kpu": (False, None), "polda": (False, None)}, [],
                {(item, "*"): target for item, target in targets.items() if target})
    used = iter(range(count))
    base = datetime(2024, 8, 1, tzinfo=timezone.utc)
    steps = st.lists(st.tuples(st.sampled_from(["tick", "value", "undo", "note"]), st.booleans(),
                               st.integers(min_value=0, max_value=150), st.integers(min_value=0, max_value=60)),
                     min_size=1, max_size=10)

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(steps=steps)
    def same(steps):
        n = next(used)
        lite = open_store(tmp_path_factory.mktemp("lipat") / "journal.sqlite3")
        items = [f"kpu/q{n}", f"polda/p{n}"]
        for step, (operation, quantitative, value, hours) in enumerate(steps):
            item = items[0] if quantitative else items[1]
            ask = Ask(item, None, float(value) if operation == "value" and quantitative else None)
            # now and then an entry dated before the last: it folds in its place
            at = base + timedelta(hours=(hours if hours % 3 == 0 else 100 + step))
            outcomes = [journal.tick([ask], undo=operation == "undo", note="catatan" if operation == "note" else None,
                                     on_behalf_of="andi" if step % 2 else "budi", at=at, targets=targets, show=items)
                        for journal in (lite, server)]
            assert outcomes[0] == outcomes[1], (step, steps)
        assert lite.current_states(targets, items) == server.current_states(targets, items)

    same()
    assert server.audit() == []


def test_a_time_no_journal_writes_is_reported_not_a_crash(run, isolated):
    """An event dated 9999-12-31 (written by hand, or by a version that let imports through unchecked): every
    command that reads it names it, none crashes, and later writes are timed by the clock, not after it."""
    root, _ = make_plan(run, isolated)
    p = str(root)
    assert run("tick", "apel", "--plan", p).exit_code == 0
    with sqlite3.connect(root / ".pilkada" / "journal.sqlite3") as conn:
        conn.execute("UPDATE events SET ts = '9999-12-31T23:00:00.000000+00:00', "
                     "recorded_at = '9999-12-31T23:00:00.000000+00:00'")
    conn.close()
    for args in (["log"], ["summary", "--dry-run"], ["report", "--html", str(isolated / "b.html")]):
        result = run(*args, "--plan", p)
        assert result.exit_code == 1 and "#1" in result.stderr, (args, result.output)
    assert run("gonogo", "--plan", p).exit_code == 0  # it reads the declarations only: the tick is not among them
    assert run("tick", "nphd", "--value", "10", "--plan", p).exit_code == 0
    assert run("check", "--plan", p).exit_code == 2


def test_check_asks_the_server_whether_its_functions_are_whole(run, server):
    """integrity_ok on PostgreSQL is the server's catalogue: a writers' function no longer run as its owner (an
    administrator's ALTER) fails check until `db init` makes it whole again."""
    root, plan_id, staff = server
    admin = {"PILKADA_DATABASE_URL": staff["admin"]}
    assert run("check", "--plan", str(root), env=admin).exit_code == 0
    sql(staff["admin"], "ALTER FUNCTION public.pilkada_append(text, jsonb, boolean) SECURITY INVOKER")
    try:
        broken = run("check", "--plan", str(root), env=admin)
        assert broken.exit_code == 2 and "integritas jurnal gagal" in broken.stdout, broken.stdout
    finally:
        assert run("db", "init", "--plan", str(root), env=admin).exit_code == 0
    assert run("check", "--plan", str(root), env=admin).exit_code == 0


def test_check_names_any_role_granted_a_write_by_hand_and_db_init_revokes_it(run, server):
    """An administrator's GRANT to one office's login role (not only to pilkada_writer or PUBLIC) lets it change
    what every office sees: check names the role and the table, and db init takes the grant back."""
    root, plan_id, staff = server
    admin = {"PILKADA_DATABASE_URL": staff["admin"]}
    kpu = staff["kpu"].name
    sql(staff["admin"], f"GRANT UPDATE ON public.pilkada_item_state TO {kpu}")
    try:
        found = run("check", "--plan", str(root), env=admin)
        assert found.exit_code == 2 and f"Peran {kpu} boleh mengubah tabel pilkada_item_state" in found.stdout
    finally:
        assert run("db", "init", "--plan", str(root), env=admin).exit_code == 0
    assert not sql(staff["admin"], "SELECT has_table_privilege(%s, 'public.pilkada_item_state', 'UPDATE')", (kpu,))[0][0]
    assert run("check", "--plan", str(root), env=admin).exit_code == 0


def test_each_read_waits_for_the_server_once_or_twice(run, isolated, server, monkeypatch):
    """Spec 15 and issue 25: once connected, a read sends what it asks together (a pipeline, one wait for the
    answers) and waits at most twice (a summary: today's reading, then the events since its earlier point)."""
    import psycopg

    root, _, staff = server
    p = str(root)
    for args in (["tick", "apel"], ["tick", "nphd", "--value", "40"]):
        assert run(*args, "--plan", p, env={"PILKADA_DATABASE_URL": staff["admin"]}).exit_code == 0
    assert run("summary", "--plan", p, env={"PILKADA_DATABASE_URL": staff["admin"]}).exit_code == 0
    waits = []
    execute, pipeline = psycopg.Cursor.execute, psycopg.Connection.pipeline

    def counted(self, query, *args, **kwargs):
        if getattr(self.connection, "_pipeline", None) is None:  # in a pipeline, the block's end waits once
            waits.append(str(query)[:50])
        return execute(self, query, *args, **kwargs)

    def counted_pipeline(self, *args, **kwargs):
        waits.append("pipeline")
        return pipeline(self, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", counted)
    monkeypatch.setattr(psycopg.Connection, "pipeline", counted_pipeline)
    reads = {("status",): 1, ("list",): 1, ("gonogo",): 1, ("risk",): 1, ("export", "--format", "csv"): 1,
             ("log",): 1, ("report", "--html", str(isolated / "b.html")): 1, ("summary", "--dry-run"): 2,
             ("summary", "--dry-run", "--since", "2024-01-01"): 2}
    for args, most in reads.items():
        waits.clear()
        result = run(*args, "--plan", p, env={"PILKADA_DATABASE_URL": staff["admin"]})
        assert result.exit_code in (0, 3), (args, result.output)
        assert len(waits) == most, (args, waits)
