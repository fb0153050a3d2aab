"""The journal keeps every tick: concurrent writers, killed writers, files it must not touch."""

import multiprocessing
import os
import random
import shutil
import signal
import sqlite3
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from pilkada_cli.errors import JournalError
from pilkada_cli.model import EMPTY, Event, NewEvent
from pilkada_cli.store.fold import apply, fold
from pilkada_cli.store.sqlite import APPLICATION_ID, SCHEMA_VERSION, Journal

NOW = datetime(2024, 8, 1, 3, 0, tzinfo=timezone.utc)
CTX = multiprocessing.get_context("fork")


def event(kind, value=None, n=1):
    return Event(n, NOW, "kpu/nphd", None, kind, value, "x", None)


def test_fold_rules():
    state = apply(EMPTY, event("progress", 40), 100)
    assert not state.done and state.completion(100) == 0.4
    state = apply(state, event("done"), 100)
    assert state.done and state.value == 100 and state.completion(100) == 1
    state = apply(state, event("undone"), 100)
    assert not state.done and state.value == 40  # undo restores what the tick replaced
    state = apply(state, event("undone"), 100)
    assert state.value == 40  # undo on a not-done item changes nothing
    state = apply(state, event("note"), 100)
    assert state.value == 40
    plain = apply(apply(EMPTY, event("done"), None), event("undone"), None)
    assert plain == EMPTY


def test_append_and_read_back(tmp_path):
    journal = Journal(tmp_path / "j" / "journal.sqlite3")
    assert journal.events() == []  # reading never creates the file
    assert not journal.path.exists()
    assert journal.append([NewEvent("polda/a", None, "done", None, "andi", "catatan"),
                           NewEvent("polda/b", "belu", "progress", 3.5, "budi")], NOW) == 2
    events = journal.events()
    assert [e.id for e in events] == [1, 2] and events[0].recorded_at >= events[0].ts
    assert events[1].key == "polda/b@belu" and events[1].value == 3.5 and events[0].note == "catatan"
    assert events[0].ts == NOW
    conn = sqlite3.connect(journal.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY name")] == ["0001_events", "0002_summaries", "0003_projection",
                                                                                          "0004_summary_upto", "0005_chain", "0006_event_ids",
                                                                                          "0007_declare_assess", "0008_two_times"]
    assert fold(events, {})["polda/a"].done


def test_not_a_journal_is_reported_and_left_untouched(tmp_path):
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(os.urandom(4096))
    before = path.read_bytes()
    with pytest.raises(JournalError) as info:
        Journal(path).append([NewEvent("a/b", None, "done", None, "x")], NOW)
    assert info.value.key == "journal.not_a_journal" and info.value.exit_code == 1
    with pytest.raises(JournalError):
        Journal(path).events()
    assert path.read_bytes() == before


def test_another_sqlite_database_is_not_a_journal(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(JournalError) as info:
        Journal(path).append([NewEvent("a/b", None, "done", None, "x")], NOW)
    assert info.value.key == "journal.not_a_journal"
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["customers"]


def test_journal_from_a_newer_version_is_refused(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite3")
    journal.append([NewEvent("a/b", None, "done", None, "x")], NOW)
    conn = sqlite3.connect(journal.path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(JournalError) as info:
        journal.append([NewEvent("a/b", None, "undone", None, "x")], NOW)
    assert info.value.key == "journal.too_new"
    conn = sqlite3.connect(journal.path)
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1


def _try_write_as_nobody(path: str, queue) -> None:
    if os.geteuid() == 0:
        os.setgid(65534)
        os.setuid(65534)
    journal = Journal(Path(path))
    try:
        # reading still works for someone who may not write (the state comes without the projection)
        states = journal.current_states({"a/b": None})
        queue.put(("read", [e.kind for e in journal.events()], states["a/b"].done))
    except JournalError as exc:
        queue.put(("read", exc.key, None))
    try:
        journal.append([NewEvent("a/b", None, "undone", None, "x")], NOW)
        queue.put(("write", "written"))
    except JournalError as exc:
        queue.put(("write", exc.key))


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_journal_fails_cleanly_and_keeps_what_was_recorded(what):
    folder = Path(tempfile.mkdtemp(prefix="pilkada-ro-"))
    try:
        folder.chmod(0o755)
        journal = Journal(folder / "journal.sqlite3")
        journal.append([NewEvent("a/b", None, "done", None, "x")], NOW)
        if what == "file":
            for p in folder.iterdir():
                p.chmod(0o444)
        else:
            folder.chmod(0o555)
        queue = CTX.Queue()
        child = CTX.Process(target=_try_write_as_nobody, args=(str(journal.path), queue))
        child.start()
        child.join(30)
        assert queue.get(timeout=5) == ("read", ["done"], True)
        assert queue.get(timeout=5) == ("write", "journal.readonly")
        assert [e.kind for e in journal.events()] == ["done"]
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def test_locked_journal_times_out_with_a_message(tmp_path, monkeypatch):
    import pilkada_cli.store.sqlite as journal_module

    journal = Journal(tmp_path / "journal.sqlite3")
    journal.append([NewEvent("a/b", None, "done", None, "x")], NOW)
    monkeypatch.setattr(journal_module, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(journal.path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(JournalError) as info:
            journal.append([NewEvent("a/b", None, "undone", None, "x")], NOW)
        assert info.value.key == "journal.locked"
    finally:
        holder.execute("ROLLBACK")
    assert len(journal.events()) == 1


def _ticker(path: str, worker: int, count: int, errors) -> None:
    journal = Journal(Path(path))
    for n in range(count):
        try:
            journal.append([NewEvent(f"polda/item-{worker}-{n}", None, "done", None, f"w{worker}")],
                           datetime.now(timezone.utc))
        except Exception as exc:  # any failure is a lost tick
            errors.put(repr(exc))


def test_four_processes_ticking_at_once_lose_nothing(tmp_path):
    path = tmp_path / "journal.sqlite3"
    errors = CTX.Queue()
    workers = [CTX.Process(target=_ticker, args=(str(path), w, 200, errors)) for w in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert errors.empty()
    events = Journal(path).events()
    assert len(events) == 800
    assert len({e.item for e in events}) == 800


def _endless_writer(path: str) -> None:
    journal = Journal(Path(path))
    n = 0
    while True:
        journal.append([NewEvent(f"polda/x-{os.getpid()}-{n}", None, "progress", float(n), "w", "x" * 200),
                        NewEvent(f"polda/y-{os.getpid()}-{n}", None, "done", None, "w")], datetime.now(timezone.utc))
        n += 1


def test_writers_killed_mid_transaction_leave_a_sound_journal(tmp_path):
    path = tmp_path / "journal.sqlite3"
    Journal(path).append([NewEvent("polda/start", None, "done", None, "w")], NOW)
    rng = random.Random(2024)
    for _ in range(50):
        writer = CTX.Process(target=_endless_writer, args=(str(path),))
        writer.start()
        time.sleep(rng.uniform(0.005, 0.06))
        os.kill(writer.pid, signal.SIGKILL)
        writer.join()
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    events = Journal(path).events()
    # every transaction wrote an x and a y event: whole transactions only
    xs = {e.item.split("-", 1)[1] for e in events if e.item.startswith("polda/x-")}
    ys = {e.item.split("-", 1)[1] for e in events if e.item.startswith("polda/y-")}
    assert xs == ys
    assert all(e.note == "x" * 200 for e in events if e.item.startswith("polda/x-"))


def _write_past_the_size_limit(path: str, queue) -> None:
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a full disk: writes fail instead of killing us
    limit = os.path.getsize(path) + 16 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    journal = Journal(Path(path))
    try:
        journal.append([NewEvent(f"polda/isi-{n}", None, "done", None, "w", "x" * 500) for n in range(2000)], NOW)
        queue.put("written")
    except JournalError as exc:
        queue.put(exc.key)


def test_a_refused_write_fails_cleanly_and_keeps_what_was_recorded(tmp_path):
    path = tmp_path / "journal.sqlite3"
    Journal(path).append([NewEvent("polda/awal", None, "done", None, "w")], NOW)
    queue = CTX.Queue()
    child = CTX.Process(target=_write_past_the_size_limit, args=(str(path), queue))
    child.start()
    child.join(60)
    assert queue.get(timeout=5) == "journal.io_error"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert [e.item for e in Journal(path).events()] == ["polda/awal"]


def test_full_disk_fails_cleanly_and_keeps_what_was_recorded(tmp_path):
    import subprocess

    mount = tmp_path / "kecil"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("needs a tiny file system to fill (root may mount one)")
    try:
        journal = Journal(mount / "journal.sqlite3")
        journal.append([NewEvent("polda/awal", None, "done", None, "w")], NOW)
        with pytest.raises(JournalError) as info:
            for n in range(200):
                journal.append([NewEvent(f"polda/isi-{n}", None, "done", None, "w", "x" * 2000)], NOW)
        assert info.value.key == "journal.disk_full"
        conn = sqlite3.connect(journal.path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        items = [e.item for e in journal.events()]
        assert items[0] == "polda/awal" and items == ["polda/awal"] + [f"polda/isi-{n}" for n in range(len(items) - 1)]
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)
