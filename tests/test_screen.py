"""What a terminal really shows: every command's tables at 60, 80 and 120 columns, run in a real pseudo-terminal
whose window size is set (not only COLUMNS), with ids whole and no line too long; and at 80 columns, nothing a
person needs is dropped without saying so."""

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios

import pytest

PILKADA = [sys.executable, "-m", "pilkada_cli"]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def in_terminal(args: list[str], columns: int, env: dict[str, str]) -> str:
    """The screen text of a command run on a pseudo-terminal `columns` wide."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in env.items() if k not in ("COLUMNS", "LINES")} | {"TERM": "xterm-256color"}
    child = subprocess.Popen([*PILKADA, *args], stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    child.wait(30)
    os.close(master)
    assert child.returncode == 0
    return ANSI.sub("", b"".join(chunks).decode("utf-8")).replace("\r\n", "\n")


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    """The bundled plan on the eve of the vote, with a few ticks in its journal."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PILKADA_")}
    env.update({f"PILKADA_{name.upper()}_DIR": str(tmp_path_factory.mktemp(name))
                for name in ("data", "cache", "config")}, PILKADA_USER="penguji-dengan-nama-yang-panjang")
    for ref in ("polda/pemetaan-kerawanan", "polres/pengamanan-tps@timor-tengah-selatan", "kpu/penetapan-paslon"):
        subprocess.run([*PILKADA, "tick", ref, "--on", "2024-11-20", "--note", "catatan rapat koordinasi"],
                       env=env, check=True, capture_output=True)
    items = json.loads(subprocess.run([*PILKADA, "list", "--json", "--on", "2024-11-26"], env=env, check=True,
                                      capture_output=True, text=True).stdout)
    known = {x["id"] for x in items}
    return env, known | {key.partition("@")[0] for key in known}  # an item in many regions is one row: its id


def ids_on(screen: str, known: set[str]) -> list[str]:
    """Everything on the screen that starts like an item id (`stakeholder/...`), whole or cut."""
    stakeholders = "|".join(sorted({k.partition("/")[0] for k in known}))
    return re.findall(rf"(?<![\w/-])(?:{stakeholders})/[a-z0-9-]*(?:@[a-z0-9-]*)?", screen)


def assert_fits_with_whole_ids(screen: str, columns: int, known: set[str]) -> None:
    for line in screen.splitlines():
        assert len(line) <= columns, line
    for found in ids_on(screen, known):
        assert found in known, f"a cut id: {found}"


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_status_attention_ids_are_whole(bundled, columns):
    env, known = bundled
    screen = in_terminal(["status", "--on", "2024-11-26"], columns, env)
    assert "H-1" in screen
    assert_fits_with_whole_ids(screen, columns, known)
    assert len(set(ids_on(screen, known)) & known) >= 10


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_status_by_region_shows_every_region_name(bundled, columns):
    env, known = bundled
    screen = in_terminal(["status", "--by", "region", "--on", "2024-11-01"], columns, env)
    assert_fits_with_whole_ids(screen, columns, known)
    for name in ("Kota Kupang", "Belu", "Malaka", "Alor", "Lembata", "Sabu Raijua"):
        assert name in screen, name
    assert "Selatan" in screen and "Daya" in screen  # long names wrap at a space, never vanish
    assert screen.count("H-26") == 1 + 22  # the header, and one row per region


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_list_keeps_ids_and_completion(bundled, columns):
    env, known = bundled
    screen = in_terminal(["list", "--stakeholder", "polres", "--region", "timor-tengah-selatan",
                          "--on", "2024-11-26"], columns, env)
    assert_fits_with_whole_ids(screen, columns, known)
    shown = set(ids_on(screen, known))
    assert shown == {k for k in known if k.startswith("polres/") and k.endswith("@timor-tengah-selatan")}
    if columns >= 120:
        assert "┘" in screen  # a whole table, right border included
    # The state and the due date at every width (issue 21): the item ticked reads done, the others how late.
    ticked = screen[screen.index("polres/pengamanan-tps@timor-tengah-selatan") + 1:].split("polres/")[0]
    assert "selesai" in ticked and "27 Nov 2024" in ticked
    assert "terlambat 92 hari" in screen and " -92 " not in screen


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_log_ids_are_whole(bundled, columns):
    env, known = bundled
    screen = in_terminal(["log"], columns, env)
    assert_fits_with_whole_ids(screen, columns, known)
    assert "polres/pengamanan-tps@timor-tengah-selatan" in screen
    assert "polda/pemetaan-kerawanan" in screen


# -- at 80 columns nothing a person needs is dropped (CliRunner, COLUMNS)


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
