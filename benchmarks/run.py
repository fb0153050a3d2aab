"""Benchmark suite for pilkada: whole-process timings and peak memory on plans of three sizes.

    python benchmarks/run.py [--runs 5] [--quick] [--out benchmarks/results] [--postgres URL]

Generates plans in the real format (small = the bundled plan; large = about 10,000 items; national = 545
regions with per-region stakeholders, over 50,000 items; distinct = 50,000 items, all distinct, no regions)
with journals of realistic size, times each command as a separate process (a warm-up, then several runs:
median and spread), measures peak RSS, and reports every time as a ratio to the floor of our stack measured in
the same run (`python -c "import typer, rich, yaml, dateutil"`) and, where Taskwarrior's `task` is installed,
`status` and `status --json` of the national and distinct plans against `task summary` and `task export` on
as many tasks, in interleaved pairs.
With --postgres URL (an empty database it may fill), the national plan's journal is also loaded into
PostgreSQL and the same commands are timed against it, as ratios to SQLite (issue 15).
Writes a Markdown table and JSON (for comparing runs) to --out, and prints the table."""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PHASES = [("persiapan", "H-200", "H-94"), ("pencalonan", "H-93", "H-64"), ("kampanye", "H-63", "H-4"),
          ("masa-tenang", "H-3", "H-1"), ("pemungutan", "H", "H"), ("rekapitulasi", "H", "H+19")]
PHASE_SPAN = {"persiapan": (-200, -94), "pencalonan": (-93, -64), "kampanye": (-63, -4), "masa-tenang": (-3, -1),
              "pemungutan": (0, 0), "rekapitulasi": (0, 19)}
ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
VOTE = datetime(2024, 11, 27, tzinfo=timezone.utc)
NOW = datetime(2024, 10, 1, 3, tzinfo=timezone.utc)  # the clock every timed command runs at (PILKADA_NOW)


# ------------------------------------------------------------------------------------------------ plans


def _items(rng: random.Random, count: int, prefix: str = "item") -> str:
    lines = []
    for n in range(count):
        phase = PHASES[n % len(PHASES)][0]
        low, high = PHASE_SPAN[phase]
        offset = rng.randint(low, high)
        due = "H" if offset == 0 else f"H{offset:+d}"
        lines.append(f"  - id: {prefix}-{n}\n    title: Kegiatan {n} tahapan {phase}\n    phase: {phase}\n"
                     f"    due: {due}\n    owner: Bagian {n % 7}\n")
        if n % 10 == 0:
            lines.append("    critical: true\n")
        if n % 25 == 0:
            lines.append("    target: 100\n    unit: \"%\"\n")
    return "".join(lines)


def write_plan(root: Path, stakeholders: int, items_each: int, regions: int = 0, per_region: int = 0,
               per_region_items: int = 0, seed: int = 2024) -> list[str]:
    """A plan folder; returns the ids of every tracked item (instances included)."""
    rng = random.Random(seed)
    (root / "checklists").mkdir(parents=True)
    lines = ["name: Rencana Benchmark", "vote_date: 2024-11-27", "timezone: Asia/Jakarta", "stakeholders:"]
    for k in range(stakeholders):
        lines += [f"  - id: pusat-{k}", f"    name: Pemangku {k}"]
    for k in range(per_region):
        lines += [f"  - id: daerah-{k}", f"    name: Kantor {k} {{region}}", "    per_region: true"]
    lines.append("phases:")
    for pid, start, end in PHASES:
        lines += [f"  - id: {pid}", f"    name: Tahapan {pid}", f"    start: {start}", f"    end: {end}"]
    if regions:
        lines.append("regions:")
        for r in range(regions):
            lines += [f"  - id: wilayah-{r}", f"    name: Wilayah {r}", f"    timezone: {ZONES[r % 3]}"]
            if r % 23 == 0:
                lines.append("    vote_date: 2025-04-19")
    (root / "pilkada.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    ids = []
    for k in range(stakeholders):
        (root / "checklists" / f"pusat-{k}.yaml").write_text(
            f"stakeholder: pusat-{k}\nitems:\n" + _items(rng, items_each), encoding="utf-8")
        ids += [f"pusat-{k}/item-{n}" for n in range(items_each)]
    for k in range(per_region):
        (root / "checklists" / f"daerah-{k}.yaml").write_text(
            f"stakeholder: daerah-{k}\nitems:\n" + _items(rng, per_region_items), encoding="utf-8")
        ids += [f"daerah-{k}/item-{n}@wilayah-{r}" for n in range(per_region_items) for r in range(regions)]
    return ids


def write_journal(path: Path, ids: list[str], events: int, seed: int = 7) -> None:
    """A journal of `events` events: ticks, values and undos spread over the six months before NOW (a journal
    holds nothing later than the moment it is read: writes are timed by the store, future --on is refused),
    written through the journal itself, so each is numbered, chained and can be exported and imported, a day
    at a time on that day's clock: each is recorded when it happened, as an office's would be (recorded all
    at once on one day, every entry would be "since yesterday" to a summary)."""
    sys.path.insert(0, str(REPO / "src"))
    from pilkada_cli.model import NewEvent
    from pilkada_cli.store.sqlite import Journal

    rng = random.Random(seed)
    start = NOW - timedelta(days=181)
    first, _, region = ids[0].partition("@")  # the journal's first entry: a note on an item of the plan
    new = [NewEvent(first, region or None, "note", None, "bench", at=NOW - timedelta(days=200))]
    for n in range(events):
        item, _, region = rng.choice(ids).partition("@")
        roll = rng.random()
        measured = int(item.rsplit("-", 1)[1]) % 25 == 0  # the items with a target (_items)
        kind, value = ("done", None) if roll < 0.6 or (roll < 0.8 and not measured) else \
            ("progress", float(rng.randint(0, 100))) if roll < 0.8 else ("undone", None) if roll < 0.95 else ("note", None)
        moment = start + timedelta(seconds=int(180 * 86400 * n / events))
        new.append(NewEvent(item, region or None, kind, value, "bench", at=moment))
    clock = [NOW]
    journal = Journal(path, clock=lambda: clock[0])
    for _, day in itertools.groupby(new, key=lambda event: event.at.date()):  # `new` is in time order
        batch = list(day)
        clock[0] = batch[-1].at
        journal.append(batch)
    # let the tool build whatever derived state it keeps (a projection) as a user's first command would
    subprocess.run([*PILKADA, "--plan", str(path.parents[1]), "status", "--json"], check=True,
                   stdout=subprocess.DEVNULL, env=ENV)


# ------------------------------------------------------------------------------------------------ timing

PILKADA = [sys.executable, "-m", "pilkada_cli"]
FLOOR = "import typer, rich, yaml, dateutil"  # the stack's import floor (issue 14)
ENV = {**os.environ, "PILKADA_LANG": "id", "COLUMNS": "120", "PILKADA_NOW": NOW.isoformat(), "PILKADA_TESTING": "1"}
# Users' Pythons keep compiled bytecode; a sandbox that forbids it would time the compiler instead.
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
# Writes run on the real clock, as a user's do: under one fixed clock every tick and its undo would share
# a time, each write would fold "before" the last and the store would refold the item, which no user meets.
WRITE_ENV = {name: value for name, value in ENV.items() if name != "PILKADA_NOW"}


def measure(command: list[str], runs: int, before=None, cwd: Path | None = None, env=None) -> dict:
    """Median and spread of wall time, and peak RSS, over `runs` runs after one warm-up."""
    results = []
    for attempt in range(runs + 1):
        if before:
            before()
        result = run_once(command, cwd=cwd, env=env)
        if attempt:
            results.append(result)
    return spread(results)


def run_once(command: list[str], cwd: Path | None = None, env=None) -> tuple[float, float]:
    """One run: wall time in seconds and peak RSS in MB."""
    started = time.perf_counter()
    # close_fds=False lets Python use posix_spawn: a forked child would report this (large) process's
    # memory as its own peak RSS.
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd,
                               env=env or ENV, close_fds=False)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 3):
        raise SystemExit(f"benchmark command failed ({code}): {' '.join(command)}\n{stderr}")
    return elapsed, usage.ru_maxrss / 1024


def spread(results: list[tuple[float, float]]) -> dict:
    times = [elapsed for elapsed, _ in results]
    return {"median_s": statistics.median(times), "min_s": min(times), "max_s": max(times),
            "peak_rss_mb": max(peak for _, peak in results), "runs": len(results)}


def taskwarrior(count: int, work: Path) -> dict:
    """The environment of a Taskwarrior database of `count` tasks, imported in this run."""
    data = work / f"task-{count}"
    data.mkdir()
    rc = data / "taskrc"
    rc.write_text(f"data.location={data}\nconfirmation=no\nverbose=nothing\nhooks=off\n")
    env = {**os.environ, "TASKRC": str(rc), "TASKDATA": str(data)}
    tasks = [{"description": f"Kegiatan {n}", "project": f"pemangku{n % 20}.{PHASES[n % 6][0]}",
              "status": "pending" if n % 3 else "completed",
              "entry": "20240601T000000Z", "due": f"202411{(n % 27) + 1:02d}T000000Z",
              "uuid": f"00000000-0000-4000-8000-{n:012d}"} for n in range(count)]
    for task in tasks:
        if task["status"] == "completed":
            task["end"] = "20240801T000000Z"
    source = data / "import.json"
    source.write_text(json.dumps(tasks))
    subprocess.run(["task", "import", str(source)], env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return env


def against_taskwarrior(root: Path, count: int, runs: int, work: Path) -> dict:
    """`status` against `task summary` and `status --json` against `task export` on as many tasks, each of our
    runs right before Taskwarrior's: the ratio is the median of the pairs' ratios (a shared machine's noise
    hits both of a pair alike)."""
    task_env, task = taskwarrior(count, work), shutil.which("task")
    plan = [*PILKADA, "--plan", str(root)]
    timings = {}
    for label, ours, theirs in (("status", [*plan, "status"], [task, "summary"]),
                                ("status --json", [*plan, "status", "--json"], [task, "export"])):
        pairs = [(run_once(ours), run_once(theirs, env=task_env)) for _ in range(runs + 1)][1:]
        timings[label] = {**spread([mine for mine, _ in pairs]), "task": " ".join(["task", theirs[1]]),
                          "theirs": spread([other for _, other in pairs]),
                          "ratio": statistics.median(mine[0] / other[0] for mine, other in pairs)}
    return timings


# ------------------------------------------------------------------------------------------------ suite


def build_cases(work: Path, quick: bool) -> dict[str, dict]:
    cases: dict[str, dict] = {}
    small = work / "small"
    shutil.copytree(REPO / "checklists", small)
    cases["small"] = {"root": small, "items": None, "events": 0, "tick": "polda/pemetaan-kerawanan"}
    scale = 0.2 if quick else 1.0
    large = work / "large"
    ids = write_plan(large, 20, int(500 * scale))
    write_journal(large / ".pilkada" / "journal.sqlite3", ids, int(50_000 * scale))
    cases["large"] = {"root": large, "items": len(ids), "events": int(50_000 * scale), "tick": ids[0]}
    double = work / "large-2x"
    ids2 = write_plan(double, 40, int(500 * scale))
    write_journal(double / ".pilkada" / "journal.sqlite3", ids2, int(50_000 * scale))
    cases["large-2x"] = {"root": double, "items": len(ids2), "events": int(50_000 * scale), "tick": ids2[0]}
    distinct = work / "distinct"  # 50,000 items, all distinct: no regions (issue 25's second shape)
    ids4 = write_plan(distinct, 20, int(2500 * scale))
    write_journal(distinct / ".pilkada" / "journal.sqlite3", ids4, int(50_000 * scale))
    cases["distinct"] = {"root": distinct, "items": len(ids4), "events": int(50_000 * scale), "tick": ids4[0]}
    for name, events in (("national", 200_000), ("national-half-journal", 100_000)):
        root = work / name
        ids3 = write_plan(root, 18, 30, regions=545, per_region=4, per_region_items=int(24 * scale) or 1)
        write_journal(root / ".pilkada" / "journal.sqlite3", ids3, int(events * scale))
        cases[name] = {"root": root, "items": len(ids3), "events": int(events * scale), "tick": ids3[-1],
                       "regions": True}
        if name == "national":  # bulk ticks (issue 14): 2,000 ids in one call, 20,000 lines with --from
            (work / "bulk-2000.txt").write_text("\n".join(ids3[:2000]) + "\n")
            (work / "bulk-20000.txt").write_text("\n".join(ids3[-20_000:]) + "\n")
            cases[name]["bulk"] = [str(work / "bulk-2000.txt"), str(work / "bulk-20000.txt")]
    return cases


def generate_elsewhere(work: Path, quick: bool) -> dict[str, dict]:
    """Build the cases in a child process: this process stays small, since a command started from it
    reports the memory it had at the fork as part of its own peak RSS."""
    command = [sys.executable, __file__, "--generate", str(work)] + (["--quick"] if quick else [])
    out = subprocess.run(command, check=True, capture_output=True, text=True, env=ENV).stdout
    cases = json.loads(out)
    for case in cases.values():
        case["root"] = Path(case["root"])
    return cases


def run_suite(args) -> dict:
    work = Path(tempfile.mkdtemp(prefix="pilkada-bench-"))
    # plan caches of the generated plans in the run's own folder, not the user's cache (and so in every child)
    ENV["PILKADA_CACHE_DIR"] = WRITE_ENV["PILKADA_CACHE_DIR"] = str(work / "cache")
    try:
        results: dict = {"when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                         "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                                     "platform": platform.platform()},
                         "runs": args.runs, "cases": {}}
        print("generating plans and journals ...", file=sys.stderr)
        cases = generate_elsewhere(work, args.quick)
        if args.postgres:
            print("loading the national journal into PostgreSQL ...", file=sys.stderr)
            load_postgres(cases["national"], args.postgres)
        floor = measure([sys.executable, "-c", FLOOR], args.runs)
        results["floor"] = floor
        help_time = measure([*PILKADA, "--help"], args.runs)
        results["help"] = help_time
        for name, case in cases.items():
            root = case["root"]
            plan = ["--plan", str(root)]
            commands = {
                "status": [*PILKADA, *plan, "status"],
                "status --json": [*PILKADA, *plan, "status", "--json"],
                "list --state overdue": [*PILKADA, *plan, "list", "--state", "overdue"],
                "summary --dry-run": [*PILKADA, *plan, "summary", "--dry-run"],
            }
            if case.get("regions"):
                commands["status --by region"] = [*PILKADA, *plan, "status", "--by", "region"]
            print(f"timing {name} ...", file=sys.stderr)
            entry = {"items": case["items"], "events": case["events"], "commands": {}}
            for label, command in commands.items():
                entry["commands"][label] = measure(command, args.runs)
            entry["commands"]["tick"] = measure_tick(root, case["tick"], args.runs)
            if case.get("bulk"):
                few, many = case["bulk"]
                ids = Path(few).read_text().split()
                entry["commands"]["tick 2,000 ids"] = measure_pair(
                    [*PILKADA, *plan, "tick", *ids], [*PILKADA, *plan, "tick", *ids, "--undo"], args.runs, WRITE_ENV)
                entry["commands"]["tick --from 20,000 lines"] = measure_pair(
                    [*PILKADA, *plan, "tick", "--from", many], [*PILKADA, *plan, "tick", "--from", many, "--undo"],
                    args.runs, WRITE_ENV)
            checklist = next((root / "checklists").glob("*.yaml"))

            def touch(checklist: Path = checklist) -> None:
                os.utime(checklist, None)  # a plan edit: the cache must be rebuilt

            entry["commands"]["status (cold cache)"] = measure([*PILKADA, *plan, "status"], args.runs, before=touch)
            results["cases"][name] = entry
        if args.postgres:
            print("timing national on PostgreSQL ...", file=sys.stderr)
            results["postgres"] = postgres_case(cases["national"], args.postgres, args.runs)
        if shutil.which("task"):
            results["taskwarrior"] = {}
            for name in ("national", "distinct"):
                print(f"timing {name} against Taskwarrior ...", file=sys.stderr)
                results["taskwarrior"][name] = {"tasks": cases[name]["items"], **against_taskwarrior(
                    cases[name]["root"], cases[name]["items"], args.runs, work)}
        return results
    finally:
        shutil.rmtree(work, ignore_errors=True)


def load_postgres(case: dict, url: str) -> None:
    """The national plan's journal, as generated (before any timed tick), copied into PostgreSQL; and the plan
    with that SQLite journal copied aside (case["pg_root"]), for the SQLite side of the pairs: the national
    case's own journal gains the bulk ticks' 44,000 events on the real clock before PostgreSQL is timed."""
    case["pg_root"] = case["root"].parent / "national-paired"
    shutil.copytree(case["root"], case["pg_root"])
    plan = ["--plan", str(case["pg_root"])]
    events = case["pg_root"] / "events.jsonl"
    subprocess.run([*PILKADA, *plan, "journal", "export", "--output", str(events)], check=True, env=ENV)
    env = {**ENV, "PILKADA_DATABASE_URL": url}
    for command in (["db", "init"], ["journal", "import", str(events)], ["status", "--json"]):
        subprocess.run([*PILKADA, *plan, *command], check=True, stdout=subprocess.DEVNULL, env=env)
    # A settled database, as the server's autovacuum leaves it soon after a bulk load: otherwise its vacuum and
    # analyze of 200,000 new rows run during the timings (of SQLite's commands too) and the planner has no
    # statistics for the new tables.
    # (in a child: this process stays small, see generate_elsewhere)
    subprocess.run([sys.executable, "-c", "import sys, psycopg\n"
                    "with psycopg.connect(sys.argv[1], autocommit=True) as conn: conn.execute('VACUUM ANALYZE')", url],
                   check=True, env=ENV)


def postgres_case(case: dict, url: str, runs: int) -> dict:
    """The same commands on the national plan with its journal in PostgreSQL, each run right after the same
    command on SQLite, so both meet the same state of the machine: the ratio is the median of the pairs'
    ratios, steadier on a shared machine than a ratio of two medians timed minutes apart."""
    plan = ["--plan", str(case["pg_root"])]  # the same events in both journals (load_postgres)
    tick = [*PILKADA, *plan, "tick", case["tick"]]
    commands = {label: ([*PILKADA, *plan, *command], ENV) for label, command in (
        ("status", ["status"]), ("status --json", ["status", "--json"]),
        ("list --state overdue", ["list", "--state", "overdue"]), ("summary --dry-run", ["summary", "--dry-run"]))}
    commands["tick"] = (tick, WRITE_ENV)  # a tick, then its undo, in turn: every timed run writes
    timings = {}
    for label, (command, env) in commands.items():
        pairs = []
        for attempt in range(runs + 2):  # two warm-ups: a tick and its undo
            timed = [*command, "--undo"] if label == "tick" and attempt % 2 else command
            pairs.append((run_once(timed, env=env), run_once(timed, env={**env, "PILKADA_DATABASE_URL": url})))
        pairs = pairs[2:]
        timings[label] = {**spread([on_postgres for _, on_postgres in pairs]),
                          "sqlite": spread([on_sqlite for on_sqlite, _ in pairs]),
                          "ratio": statistics.median(pg[0] / lite[0] for lite, pg in pairs)}
    return timings


def measure_tick(root: Path, item: str, runs: int) -> dict:
    """Ticks and undos in turn, so every run writes one event and the journal stays the same size."""
    return measure_pair([*PILKADA, "--plan", str(root), "tick", item],
                        [*PILKADA, "--plan", str(root), "tick", item, "--undo"], runs, WRITE_ENV)


def measure_pair(first: list[str], second: list[str], runs: int, env=None) -> dict:
    """Two commands that undo each other, run in turn, so every timed run writes (a tick, then its undo); the
    timings of both count, after one warm-up pair."""
    results = [run_once([first, second][attempt % 2], env=env) for attempt in range(runs + 2)]
    return spread(results[2:])


def markdown(results: dict) -> str:
    floor = results["floor"]["median_s"]
    lines = [f"Floor `python -c \"{FLOOR}\"`: {floor * 1000:.0f} ms median; "
             f"`pilkada --help`: {results['help']['median_s'] * 1000:.0f} ms "
             f"({results['help']['median_s'] / floor:.2f}× floor).", ""]
    header = "| plan | items | events | command | median | spread | × floor | peak RSS |"
    lines += [header, "|" + "---|" * (header.count("|") - 1)]
    for name, case in results["cases"].items():
        for label, m in case["commands"].items():
            row = (f"| {name} | {case['items'] or 'bundled'} | {case['events']:,} | `{label}` | "
                   f"{m['median_s'] * 1000:.0f} ms | {m['min_s'] * 1000:.0f}–{m['max_s'] * 1000:.0f} ms | "
                   f"{m['median_s'] / floor:.2f} | {m['peak_rss_mb']:.0f} MB |")
            lines.append(row)
    cases = results["cases"]
    if "large" in cases and "large-2x" in cases:
        growth = cases["large-2x"]["commands"]["status"]["median_s"] / cases["large"]["commands"]["status"]["median_s"]
        lines += ["", f"Doubling the items ({cases['large']['items']:,} → {cases['large-2x']['items']:,}): "
                      f"`status` takes {growth:.2f}× as long."]
    targets = []
    small = cases.get("small", {}).get("commands", {})
    for label in ("status", "list --state overdue", "tick"):
        if label in small:
            targets.append(f"bundled `{label}` {small[label]['median_s'] / floor:.2f}× floor (target ≤ 1.25)")
    targets.append(f"`--help` {results['help']['median_s'] / floor:.2f}× floor (target ≤ 1.25)")
    national = cases.get("national", {}).get("commands", {})
    if "tick 2,000 ids" in national:
        one = national["tick"]["median_s"]
        targets.append(f"national tick of 2,000 ids {national['tick 2,000 ids']['median_s'] / one:.2f}× a one-id "
                       "tick (target ≤ 3)")
        targets.append(f"national tick --from 20,000 lines {national['tick --from 20,000 lines']['median_s'] / one:.2f}×"
                       " a one-id tick (target ≤ 10)")
    for name, pairs in results.get("taskwarrior", {}).items():
        for label, m in pairs.items():
            if isinstance(m, dict):
                targets.append(f"{name} `{label}` {m['ratio']:.2f}× `{m['task']}` on {pairs['tasks']:,} tasks "
                               f"({m['median_s'] * 1000:.0f} against {m['theirs']['median_s'] * 1000:.0f} ms, "
                               f"runs in pairs; target ≤ 1.0)")
    if "summary --dry-run" in national:
        targets.append(f"national `summary` {national['summary --dry-run']['median_s'] / national['status']['median_s']:.2f}×"
                       " `status` (target ≤ 1.5)")
    for name in ("national", "distinct"):
        if cases.get(name):
            status = cases[name]["commands"]
            targets.append(f"{name} peak memory {max(m['peak_rss_mb'] for m in status.values()):.0f} MB, `status` "
                           f"{status['status']['peak_rss_mb']:.0f} MB (target ≤ 100)")
    lines += ["", "Targets (issues 14 and 25), as ratios measured in this run:", *[f"- {x}" for x in targets]]
    if results.get("postgres") and national:
        lines += ["", "The national plan with its journal in PostgreSQL (issue 15: each within 1.5× of SQLite):"]
        for label, m in results["postgres"].items():
            lines.append(f"- `{label}` {m['median_s'] * 1000:.0f} ms, {m['ratio']:.2f}× SQLite's "
                         f"{m['sqlite']['median_s'] * 1000:.0f} ms (runs in pairs; the median of the pairs' ratios)")
    if "national" in cases and "national-half-journal" in cases:
        full = cases["national"]["commands"]["tick"]["median_s"]
        half = cases["national-half-journal"]["commands"]["tick"]["median_s"]
        lines += ["", f"Doubling the journal ({cases['national-half-journal']['events']:,} → "
                  f"{cases['national']['events']:,} events): `tick` changes by {100 * (full / half - 1):+.1f}%."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per command, after one warm-up")
    parser.add_argument("--quick", action="store_true", help="smaller plans, for a smoke test")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    parser.add_argument("--postgres", metavar="URL", help="also time the national plan with its journal in this "
                        "(empty) PostgreSQL database, e.g. postgresql://postgres@127.0.0.1/bench")
    parser.add_argument("--generate", type=Path, help=argparse.SUPPRESS)  # internal: build cases in WORK
    args = parser.parse_args()
    if args.generate:
        cases = build_cases(args.generate, args.quick)
        print(json.dumps({name: {**case, "root": str(case["root"])} for name, case in cases.items()}))
        return
    results = run_suite(args)
    args.out.mkdir(parents=True, exist_ok=True)
    table = markdown(results)
    (args.out / "latest.md").write_text(table, encoding="utf-8")
    (args.out / "latest.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
