"""Round trips and bytes of every command over a slow line to PostgreSQL (issue 25): an island office's satellite link.

    python benchmarks/slowline.py [--plan three|national] [--quick] [--delay-ms 150] [--kbps N] [--runs 1]
                                  [--postgres URL] [--out benchmarks/results]

A small TCP proxy in this process (a thread) stands between each `pilkada` process and PostgreSQL. It holds
every chunk for the one-way delay (150 ms each way by default: 300 ms a round trip) and, with --kbps, also for
its time on a line of that bandwidth (each direction a line of its own); opening a connection costs one round
trip too, as TCP's handshake does. It counts, per connection, the bytes each way and the round trips: a round
trip is each time the traffic it sees turns from client->server to server->client, that is a request the client
had to wait for (pipelined statements sent together are one). With the delay far longer than the client's own
pauses this is what the user waits for, whatever the protocol messages.

What is reported is the cost beyond connecting: the counts of a process that only connects and disconnects
(`psycopg.connect(url).close()`, the same URL) are measured first and subtracted once from every command's.
(A baseline, rather than parsing the protocol for the first ReadyForQuery: it holds over TLS as well.) A command
that opened a second connection would pay that connection's setup in full: the `connections` column says so.
A check row runs two queries on one connection in autocommit: it must show 2 round trips.

Plans and journals, generated with run.py's write_plan and write_journal: "three" (3 regions, 480 items, 2,000
events) and "national" (545 regions, over 50,000 items, 200,000 events; --quick makes it smaller). Their journal
is exported and loaded with `journal import` into a database of their own (created here, dropped at the end); that,
`db init` (which stores the plan's index on the server) and a first `status` (which builds the plan cache)
connect directly, not through the proxy. Then each command runs as its own process of
`python -m pilkada_cli` with PILKADA_DATABASE_URL pointing at the proxy: writes on the real clock, reads at a
fixed PILKADA_NOW. Writes a Markdown table and JSON to --out, and prints the table."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import write_journal, write_plan  # noqa: E402  (this folder's benchmark suite)

PILKADA = [sys.executable, "-m", "pilkada_cli"]
READ_NOW = "2024-11-01T10:00:00+08:00"
PLAN_ID = "slowline"
ENV = {**os.environ, "PILKADA_TESTING": "1", "PILKADA_LANG": "id", "COLUMNS": "120", "PILKADA_NOW": READ_NOW}
ENV.pop("PILKADA_DATABASE_URL", None)
WRITE_ENV = {name: value for name, value in ENV.items() if name != "PILKADA_NOW"}  # writes on the real clock
CONNECT = "import sys, psycopg; psycopg.connect(sys.argv[1], autocommit=True).close()"
CHECK = ("import sys, psycopg\nwith psycopg.connect(sys.argv[1], autocommit=True) as conn:\n"
         "    conn.execute('SELECT 1').fetchall()\n    conn.execute('SELECT 2').fetchall()")


# ------------------------------------------------------------------------------------------------ the proxy


@dataclass
class Line:
    """One connection's traffic as the proxy saw it."""
    up: int = 0  # bytes client -> server
    down: int = 0  # bytes server -> client
    round_trips: int = 0
    last: str = ""  # the direction of the last chunk
    open: bool = True

    def saw(self, direction: str, size: int) -> None:
        if direction == "down" and self.last == "up":
            self.round_trips += 1
        self.last = direction
        setattr(self, direction, getattr(self, direction) + size)


class Proxy:
    """Listens on 127.0.0.1 (port `port`) and forwards to `target`, late by `delay` seconds each way."""

    def __init__(self, target: tuple[str, int], delay: float, kbps: float | None) -> None:
        self.target, self.delay, self.kbps = target, delay, kbps
        self.lines: list[Line] = []
        self.lock = threading.Lock()
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()
        threading.Thread(target=self._serve, args=(ready,), daemon=True).start()
        ready.wait()

    def _serve(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(asyncio.start_server(self._handle, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        ready.set()
        self.loop.run_forever()

    def take(self) -> list[Line]:
        """The connections made since the last take, once all of them have closed (the last bytes of a process
        that has exited may still be on their way)."""
        deadline = time.monotonic() + 10 + 4 * self.delay
        while any(line.open for line in self.lines) and time.monotonic() < deadline:
            time.sleep(0.01)
        with self.lock:
            taken, self.lines = self.lines, []
        return taken

    async def _handle(self, client_reader, client_writer) -> None:
        line = Line()
        with self.lock:
            self.lines.append(line)
        try:
            await asyncio.sleep(2 * self.delay)  # TCP's handshake: the client sends nothing before a round trip
            server_reader, server_writer = await asyncio.open_connection(*self.target)
        except OSError:
            client_writer.close()
            line.open = False
            return
        await asyncio.gather(self._pipe(client_reader, server_writer, line, "up"),
                             self._pipe(server_reader, client_writer, line, "down"), return_exceptions=True)
        line.open = False

    async def _pipe(self, reader, writer, line: Line, direction: str) -> None:
        """Counts each chunk as it arrives and delivers it when it would reach the other end: after the chunks
        before it have gone through the line (with --kbps) and the delay has passed."""
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue = asyncio.Queue()

        async def deliver() -> None:
            while (chunk := await queue.get()) is not None:
                due, data = chunk
                await asyncio.sleep(max(0.0, due - loop.time()))
                writer.write(data)
                await writer.drain()

        sender = asyncio.create_task(deliver())
        sent = 0.0  # when this direction's line has sent all it was given
        try:
            while data := await reader.read(65536):
                line.saw(direction, len(data))
                sent = max(sent, loop.time()) + (len(data) * 8 / (self.kbps * 1000) if self.kbps else 0.0)
                queue.put_nowait((sent + self.delay, data))
        except ConnectionError:
            pass
        queue.put_nowait(None)
        try:
            await sender
        except ConnectionError:
            pass
        writer.close()


# ------------------------------------------------------------------------------------------------ plans


def build(plan: str, quick: bool, work: Path) -> tuple[Path, str, int, int]:
    """The plan folder and its journal as an export (run.py's plans and journals); the item that is ticked; the
    items and the events."""
    root = work / plan
    if plan == "three":
        ids = write_plan(root, 6, 20, regions=3, per_region=6, per_region_items=20)
        events = 2_000
    else:
        ids = write_plan(root, 18, 30, regions=545, per_region=4, per_region_items=4 if quick else 24)
        events = 40_000 if quick else 200_000
    with (root / "pilkada.yaml").open("a", encoding="utf-8") as plan_file:
        plan_file.write(f"id: {PLAN_ID}\n")  # named, for the export's lines
    write_journal(root / ".pilkada" / "journal.sqlite3", ids, events)
    subprocess.run([*PILKADA, "--plan", str(root), "journal", "export", "--output", str(root / "events.jsonl")],
                   check=True, env=ENV)
    return root, ids[-1], len(ids), events + 1  # and the journal's first note


def load(root: Path, url: str) -> None:
    """The journal imported into the database at `url`, connecting directly; then the plan cache built."""
    env = {**ENV, "PILKADA_DATABASE_URL": url}
    for command in (["db", "init"], ["journal", "import", str(root / "events.jsonl")], ["status"]):
        subprocess.run([*PILKADA, "--plan", str(root), *command], check=True, stdout=subprocess.DEVNULL, env=env)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")  # settled, as autovacuum soon leaves a bulk load


# ------------------------------------------------------------------------------------------------ measuring


WRITES = ("tick", "tick --undo")
READS = ("status", "status --json", "list", "summary --dry-run", "gonogo", "risk", "report --html",
         "export --format csv", "log")


def commands(root: Path, item: str, work: Path) -> list[tuple[str, list[str], dict]]:
    """(label, command, environment) of each measured command; writes first, on the real clock."""
    plan = [*PILKADA, "--plan", str(root)]
    arguments = [["tick", item], ["tick", item, "--undo"], ["status"], ["status", "--json"], ["list"],
                 ["summary", "--dry-run"], ["gonogo"], ["risk"], ["report", "--html", str(work / "report.html")],
                 ["export", "--format", "csv", "--output", str(work / "export.csv")], ["log"]]
    return [(label, [*plan, *args], WRITE_ENV if label in WRITES else ENV)
            for label, args in zip(WRITES + READS, arguments)]


def run(proxy: Proxy, command: list[str], env: dict, url: str) -> dict:
    """One process through the proxy: its exit code, wall time and traffic (all its connections)."""
    proxy.take()
    started = time.perf_counter()
    done = subprocess.run(command, env={**env, "PILKADA_DATABASE_URL": url}, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    lines = proxy.take()
    return {"exit": done.returncode, "error": done.stderr.strip().splitlines()[-1:] if done.returncode else [],
            "seconds": elapsed, "connections": len(lines), "still_open": sum(line.open for line in lines),
            "round_trips": sum(line.round_trips for line in lines), "sent": sum(line.up for line in lines),
            "received": sum(line.down for line in lines)}


def measure(proxy: Proxy, cases: list[tuple[str, list[str], dict]], url: str, runs: int) -> dict[str, dict]:
    """Every case `runs` times in turn (a tick, then its undo: each run writes): the wall time's median, the
    fewest and most round trips, and the bytes of the last run (the journal grows by the ticks' events)."""
    seen: dict[str, list[dict]] = {label: [] for label, _, _ in cases}
    for _ in range(runs):
        for label, command, env in cases:
            seen[label].append(run(proxy, command, env, url))
    return {label: {**tries[-1], "seconds": statistics.median(t["seconds"] for t in tries),
                    "fewest": min(t["round_trips"] for t in tries), "most": max(t["round_trips"] for t in tries)}
            for label, tries in seen.items()}


def beyond(result: dict, baseline: dict) -> dict:
    """A command's traffic less one connection's setup (the baseline)."""
    if not result["connections"]:
        return result
    return {**result, **{key: result[key] - baseline[key] for key in ("round_trips", "sent", "received")},
            "fewest": result["fewest"] - baseline["round_trips"], "most": result["most"] - baseline["round_trips"]}


def markdown(report: dict) -> str:
    base = report["baseline"]
    bandwidth = f", bandwidth {report['kbps']:g} kbit/s each way" if report["kbps"] else ", no bandwidth limit"
    lines = [f"Plan `{report['plan']}` ({report['items']:,} items, {report['events']:,} events) through a proxy adding "
             f"{report['delay_ms']:g} ms each way ({2 * report['delay_ms']:g} ms a round trip){bandwidth}.",
             "A round trip is a turn of the traffic from client->server to server->client (a request waited for). "
             f"Counts are beyond connecting: one connection's setup ({base['round_trips']} round trips, "
             f"{base['sent']:,} B sent, {base['received']:,} B received, {base['seconds'] * 1000:.0f} ms for a "
             "process that only connects) is subtracted from each.", "",
             "| command | exit | connections | round trips | bytes sent | bytes received | wall time |",
             "|---|---|---|---|---|---|---|"]
    for label, m in report["commands"].items():
        trips = f"{m['fewest']}" if m["fewest"] == m["most"] else f"{m['fewest']}–{m['most']}"
        lines.append(f"| `{label}` | {m['exit']} | {m['connections']} | {trips} | {m['sent']:,} | "
                     f"{m['received']:,} | {m['seconds'] * 1000:.0f} ms |")
    measured = report["commands"]
    writes = [label for label in WRITES if measured[label]["most"] > 1]
    reads = [label for label in READS if measured[label]["most"] > 2]
    status = measured["status"]["sent"] + measured["status"]["received"]
    lines += ["", "Targets (issue 25): writes 1 round trip: " + (", ".join(writes) + " more" if writes else "met")
              + "; reads at most 2: " + (", ".join(reads) + " more" if reads else "met")
              + f"; `status` moves {status:,} B (national: under 64 kB = 65,536 B)."]
    if report["runs"] > 1:
        lines.append(f"Wall time: the median of {report['runs']} runs; bytes: the last run's.")
    notes = [f"- `{label}` exited {m['exit']}: {' '.join(m['error'])}" for label, m in report["commands"].items()
             if m["exit"] not in (0, 3)]
    notes += [f"- `{label}`: {m['still_open']} connection(s) still open when counted"
              for label, m in report["commands"].items() if m["still_open"]]
    return "\n".join(lines + ([""] + notes if notes else [])) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", choices=["three", "national"], default="three")
    parser.add_argument("--quick", action="store_true", help="a smaller national plan, for a smoke test")
    parser.add_argument("--delay-ms", type=float, default=150, help="one-way delay (default 150)")
    parser.add_argument("--kbps", type=float, help="also limit each direction to this many kbit/s")
    parser.add_argument("--runs", type=int, default=1, help="runs of every command (round trips do not vary)")
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres",
                        help="a database of the server to use; the benchmark's own is created and dropped there")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results")
    args = parser.parse_args()

    name = f"pilkada_slowline_{args.plan}_{os.getpid()}"
    admin = urlsplit(args.postgres)
    direct = urlunsplit(admin._replace(path="/" + name))
    work = Path(tempfile.mkdtemp(prefix="pilkada-slowline-"))
    ENV["PILKADA_CACHE_DIR"] = WRITE_ENV["PILKADA_CACHE_DIR"] = str(work / "cache")
    with psycopg.connect(args.postgres, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a timeout's kill still drops the database (finally)
    try:
        print(f"generating the {args.plan} plan and its journal ...", file=sys.stderr)
        root, item, items, events = build(args.plan, args.quick, work)
        print("loading it into PostgreSQL ...", file=sys.stderr)
        load(root, direct)
        proxy = Proxy((admin.hostname or "127.0.0.1", admin.port or 5432), args.delay_ms / 1000, args.kbps)
        login = admin.netloc.rpartition("@")[0]
        proxied = urlunsplit(admin._replace(netloc=f"{login}@127.0.0.1:{proxy.port}" if login else
                                            f"127.0.0.1:{proxy.port}", path="/" + name))
        print("measuring through the proxy ...", file=sys.stderr)
        connect = [sys.executable, "-c", CONNECT, proxied]
        baseline = measure(proxy, [("connect only", connect, ENV)], proxied, args.runs)["connect only"]
        check = measure(proxy, [("check: 2 queries", [sys.executable, "-c", CHECK, proxied], ENV)], proxied,
                        args.runs)
        measured = {**check, **measure(proxy, commands(root, item, work), proxied, args.runs)}
        report = {"plan": args.plan, "quick": args.quick, "delay_ms": args.delay_ms, "kbps": args.kbps,
                  "runs": args.runs, "read_now": READ_NOW, "items": items,
                  "events": events, "baseline": baseline,
                  "commands": {label: beyond(m, baseline) for label, m in measured.items()}}
    finally:
        shutil.rmtree(work, ignore_errors=True)
        with psycopg.connect(args.postgres, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    args.out.mkdir(parents=True, exist_ok=True)
    table = markdown(report)
    (args.out / f"slowline-{args.plan}.md").write_text(table, encoding="utf-8")
    (args.out / f"slowline-{args.plan}.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
