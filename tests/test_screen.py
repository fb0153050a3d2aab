"""What a terminal really shows (issue 9, item 2): every command's tables at 60, 80 and 120 columns, run in
a real pseudo-terminal whose window size is set (not only COLUMNS), with ids whole and no line too long."""

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
