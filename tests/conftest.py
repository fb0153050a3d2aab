"""Shared fixtures: every test runs in its own folder with its own data directory, never the real home."""

from __future__ import annotations

import importlib
import os
import textwrap
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pilkada_cli.cli import GLOBAL, app

# The language of a usage error raised before a command runs: in a real process the one it started with, so
# each invocation of `run` starts from it, not from the language an earlier test's command left there.
ERROR_LANG = importlib.import_module("pilkada_cli.cli.app")._error_lang
ERROR_LANG_AT_START = list(ERROR_LANG)


# Where pilkada falls back to when PILKADA_CACHE_DIR, PILKADA_CONFIG_DIR or PILKADA_DATA_DIR is not set.
FALLBACKS = (".cache/pilkada", ".config/pilkada", ".local/share/pilkada")


@pytest.fixture(scope="session", autouse=True)
def home(tmp_path_factory: pytest.TempPathFactory):
    """A home directory of the test run's own, for the whole run (subprocesses inherit it): a test that lets
    pilkada fall back to the home directory writes there, never into the user's ~/.cache or ~/.config, and
    `isolated` fails it. A process started without HOME falls back to the user's real home: at the end, the
    run fails if it left a plan cache of its own folders there."""
    import pwd
    import time

    fake = tmp_path_factory.mktemp("home")
    started = time.time()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(fake))
        for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            patch.delenv(name, raising=False)
        yield fake
    real = Path(pwd.getpwuid(os.getuid()).pw_dir) / FALLBACKS[0] / "plans"
    ours = str(tmp_path_factory.getbasetemp()).encode()
    left = [path for path in (real.iterdir() if real.is_dir() else ())
            if path.stat().st_mtime >= started and ours in path.read_bytes()]
    assert not left, f"the tests wrote plan caches into the real home directory: {left}"


def leftovers_in(home: Path) -> list[str]:
    """What pilkada wrote into `home` because a test (or a process it started) did not point it elsewhere;
    removed, so that only the test that wrote it fails."""
    import shutil

    found = [str(home / folder) for folder in FALLBACKS if (home / folder).exists()]
    for folder in found:
        shutil.rmtree(folder)
    return found


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: Path):
    for name in [name for name in os.environ if name.startswith("PILKADA_")]:  # none of the machine's own
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PILKADA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PILKADA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PILKADA_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("PILKADA_TESTING", "1")  # tests may fix the clock with PILKADA_NOW
    monkeypatch.setenv("PILKADA_USER", "penguji")
    monkeypatch.setenv("COLUMNS", "160")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    GLOBAL.plan = GLOBAL.on = GLOBAL.lang = None
    yield work
    written = leftovers_in(home)
    assert not written, f"this test let pilkada write into the home directory: {written}"


def commands() -> list[tuple[list[str], object]]:
    """Every command and subcommand as typed after `pilkada` (the top level first, as []), with Typer's
    command object: read from the app itself, so a new command is in every test that walks them."""
    import typer

    def walk(command, path):
        yield path, command
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            yield from walk(sub, [*path, name])

    return list(walk(typer.main.get_command(app), []))


PLAN = """\
name: Rencana Uji
vote_date: 2024-11-27
timezone: Asia/Makassar
due_soon_days: 7
stakeholders:
  - id: polda
    name: Polda Uji
  - id: kpu
    name: KPU Uji
phases:
  - id: persiapan
    name: Persiapan
    start: H-120
    end: H-30
  - id: kampanye
    name: Kampanye
    start: 2024-09-25
    end: 2024-11-23
"""

POLDA = """\
stakeholder: polda
phase: persiapan
items:
  - id: pemetaan-kerawanan
    title: Pemetaan kerawanan
    due: H-90
    weight: 2
    critical: true
    tags: [kerawanan]
  - id: apel
    title: Apel gelar pasukan
    due: 2024-08-26
  - id: patroli
    title: Patroli
    phase: kampanye
    due: H-10
"""

KPU = """\
stakeholder: kpu
items:
  - id: nphd
    title: Pencairan NPHD
    phase: persiapan
    due: 2024-06-27
    target: 100
    unit: "%"
    weight: 2
  - id: debat
    title: Debat publik
    phase: kampanye
"""


def write_plan(root: Path, plan: str = PLAN, files: dict[str, str] | None = None) -> Path:
    """A plan folder with pilkada.yaml and checklist files (name -> text)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pilkada.yaml").write_text(textwrap.dedent(plan), encoding="utf-8")
    for name, text in (files if files is not None else {"polda.yaml": POLDA, "kpu/persiapan.yaml": KPU}).items():
        path = root / "checklists" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def later(path, text):
    """Write a file so that its modification time surely changes."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10_000_000, before + 10_000_000))


@pytest.fixture
def plan_dir(isolated: Path) -> Path:
    return write_plan(isolated / "rencana")


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

REGIONS_POLRES = """\
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

REGIONS_KPU = """\
stakeholder: kpu
phase: persiapan
items:
  - id: nphd
    title: Pencairan NPHD
    due: H-150
    target: 100
    unit: "%"
"""

REGIONS_RISKS = """\
risks:
  - id: politik-uang
    title: Politik uang
    dimension: kontestasi
    level: tinggi
    regions: [belu]
    mitigations: [polres/evaluasi-pemilu-2024]
"""


@pytest.fixture
def regions_plan(isolated: Path) -> Path:
    """A plan with two regions, a per-region Polres, a provincial KPU and a risk in one region; its own plan id,
    as a PostgreSQL journal is shared by the tests of a process."""
    root = write_plan(isolated / "wilayah", REGIONS_PLAN.format(plan_id=f"wilayah-{uuid.uuid4().hex[:8]}"),
                      {"polres.yaml": REGIONS_POLRES, "kpu.yaml": REGIONS_KPU})
    (root / "risks").mkdir()
    (root / "risks" / "risiko.yaml").write_text(REGIONS_RISKS, encoding="utf-8")
    return root


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None):
        GLOBAL.plan = GLOBAL.on = GLOBAL.lang = None
        ERROR_LANG[:] = ERROR_LANG_AT_START
        return runner.invoke(app, list(args), env=env)

    return invoke


# -- PostgreSQL (spec section 13): a throwaway database on the project's server


@pytest.fixture(scope="session")
def pg_url():
    """A URL of an empty database for this test run, as a superuser (to create roles).

    CI (.ci/run) creates one and sets PILKADA_TEST_DATABASE_URL and PILKADA_REQUIRE_POSTGRES=1, under which a
    missing server fails the tests instead of skipping them. Elsewhere a database is created on
    127.0.0.1:5432 when a server runs there, and the tests skip when none does. Each process that runs tests
    beside the others (pytest-xdist) makes a database of its own on that server, and drops it at the end."""
    psycopg = pytest.importorskip("psycopg") if not os.environ.get("PILKADA_REQUIRE_POSTGRES") else __import__(
        "psycopg")
    given = os.environ.get("PILKADA_TEST_DATABASE_URL")
    if given and not os.environ.get("PYTEST_XDIST_WORKER"):
        yield given
        return
    server = given.rsplit("/", 1)[0] if given else "postgresql://postgres@127.0.0.1:5432"
    name = f"pilkada_test_{os.getpid()}"
    try:
        with psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"CREATE DATABASE {name}")
    except psycopg.Error as exc:
        if os.environ.get("PILKADA_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL is required here and could not be used: {exc}")
        pytest.skip(f"no PostgreSQL server at {server} ({exc})")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        hold_groups(conn, name)
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        release_groups(conn)


# The roles `db init` makes are the server's, not a database's. A test run makes the missing ones itself, marked,
# and ties them to its database (CONNECT), so that no other run beside it can drop them; the last run to finish
# drops the marked ones. Roles a server had before the tests (an office's real setup) are never marked.
GROUPS = ("pilkada_importer", "pilkada_writer", "pilkada_owner")
MARK = "made by the pilkada tests, dropped after them"


def hold_groups(conn, database: str) -> None:
    from psycopg import sql

    for group in GROUPS:
        conn.execute(sql.SQL("DO $$ BEGIN CREATE ROLE {role} NOLOGIN; COMMENT ON ROLE {role} IS {mark}; "
                             "EXCEPTION WHEN duplicate_object THEN NULL; END $$").format(
            role=sql.Identifier(group), mark=sql.Literal(MARK)))
        conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(database),
                                                                        sql.Identifier(group)))


def release_groups(conn) -> None:
    import psycopg
    from psycopg import sql

    marked = [row[0] for row in conn.execute(
        "SELECT rolname FROM pg_roles WHERE rolname = ANY(%s) AND shobj_description(oid, 'pg_authid') = %s",
        (list(GROUPS), MARK))]
    for group in sorted(marked, key=GROUPS.index):
        try:
            conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(group)))
        except psycopg.Error:
            return  # another run's database still holds it: that run drops it when it ends


def role_name(name: str) -> str:
    """A test's login role: prefixed, and of this test process alone (roles belong to the whole server, and
    pytest-xdist runs the tests in processes side by side), e.g. pilkada_tgw1_polda."""
    return f"pilkada_t{os.environ.get('PYTEST_XDIST_WORKER', '')}_{name}"


@pytest.fixture
def no_pipelines(monkeypatch):
    """PostgreSQL as where libpq is older than 14 and has no pipeline mode: each statement waits for its answer."""
    import psycopg

    monkeypatch.setattr(psycopg.Pipeline, "is_supported", classmethod(lambda cls: False))


class Role:
    """A login role a test made: its name, its URL and the environment that makes pilkada use it."""

    def __init__(self, name: str, url: str) -> None:
        self.name, self.url = name, url
        self.env = {"PILKADA_DATABASE_URL": url}


@pytest.fixture
def pg_roles(pg_url):
    """Make login roles (named by role_name) in pilkada_writer, or in the groups given, as an office's staff would
    have them; they are dropped, with every grant they hold, when the test ends."""
    import psycopg

    made: list[str] = []

    def make(*names: str, groups: tuple[str, ...] = ("pilkada_writer",)) -> list[Role]:
        roles = []
        with psycopg.connect(pg_url, autocommit=True) as conn:
            for group in ("pilkada_writer", "pilkada_importer", *groups):  # as db init makes them, maybe at once
                conn.execute(f"DO $$ BEGIN CREATE ROLE {group} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; "
                             "END $$")
            for name in names:
                role = role_name(name)
                conn.execute(f"DROP ROLE IF EXISTS {role}")  # left by a run that was killed
                conn.execute(f"CREATE ROLE {role} LOGIN")
                made.append(role)
                for group in groups:
                    conn.execute(f"GRANT {group} TO {role}")
                roles.append(Role(role, pg_url.replace("postgres@", f"{role}@", 1)))
        return roles

    yield make
    with psycopg.connect(pg_url, autocommit=True) as conn:
        for role in made:
            conn.execute(f"DROP OWNED BY {role}")
            conn.execute(f"DROP ROLE {role}")
