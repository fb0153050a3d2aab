"""Load run for the journal: many processes ticking at once, every event kept, tick latency p50/p95.

    python benchmarks/load.py [--pg-url postgresql://postgres@127.0.0.1:5432/DB] [--quick]

PostgreSQL: 20 processes x 500 ticks on loopback (needs a database; by default one is created on
127.0.0.1:5432 and dropped afterwards). SQLite: 4 processes x 200 ticks on one file. Each tick is one
store call as `pilkada tick` makes it (the decision under the write lock, then the write); the run
checks that every event was kept and that the hash chain holds. Only loopback is ever contacted."""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from pilkada_cli.store import open_store  # noqa: E402
from pilkada_cli.store.base import Ask  # noqa: E402

CTX = multiprocessing.get_context("fork")


def worker(location: str, plan_id: str, number: int, ticks: int, results) -> None:
    store = open_store(location if location.startswith("postgresql://") else Path(location), plan_id)
    latencies = []
    for n in range(ticks):
        started = time.perf_counter()
        store.tick([Ask(f"polda/w{number}-{n}", None)], undo=False, note=None, on_behalf_of=None, at=None,
                   targets={}, show=[])
        latencies.append(time.perf_counter() - started)
    results.put(latencies)


def run(location: str, plan_id: str, processes: int, ticks: int) -> dict:
    results = CTX.Queue()
    started = time.perf_counter()
    workers = [CTX.Process(target=worker, args=(location, plan_id, w, ticks, results)) for w in range(processes)]
    for w in workers:
        w.start()
    latencies = []
    for _ in workers:
        latencies.extend(results.get(timeout=900))
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - started
    store = open_store(location if location.startswith("postgresql://") else Path(location), plan_id)
    events = store.events()
    latencies.sort()
    return {"processes": processes, "ticks": ticks, "expected": processes * ticks, "kept": len(events),
            "chain_ok": store.audit() == [], "seconds": elapsed,
            "p50_ms": 1000 * statistics.median(latencies), "p95_ms": 1000 * latencies[int(len(latencies) * 0.95)]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg-url", help="an existing database to use (default: a throwaway one on loopback)")
    parser.add_argument("--quick", action="store_true", help="a tenth of the ticks, for a smoke test")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        rows.append(("SQLite", run(str(Path(folder) / "journal.sqlite3"), "beban", 4, 200 // scale)))
    created = None
    url = args.pg_url
    try:
        import psycopg

        if url is None:
            created = f"pilkada_load_{uuid.uuid4().hex[:8]}"
            with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
                conn.execute(f"CREATE DATABASE {created}")
            url = f"postgresql://postgres@127.0.0.1:5432/{created}"
        store = open_store(url, "beban")
        store.init({"polda": (False, None)}, [], {})
        store.close()
        rows.append(("PostgreSQL", run(url, "beban", 20, 500 // scale)))
    except Exception as exc:  # noqa: BLE001 - a missing server is reported, the SQLite figures stand
        print(f"PostgreSQL skipped: {exc}", file=sys.stderr)
    finally:
        if created:
            with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {created} WITH (FORCE)")
    print("| journal | processes × ticks | kept | chain | wall time | tick p50 | tick p95 |")
    print("|---|---|---|---|---|---|---|")
    for name, r in rows:
        print(f"| {name} | {r['processes']} × {r['ticks']} | {r['kept']} of {r['expected']} | "
              f"{'ok' if r['chain_ok'] else 'BROKEN'} | {r['seconds']:.1f} s | {r['p50_ms']:.1f} ms | "
              f"{r['p95_ms']:.1f} ms |")


if __name__ == "__main__":
    main()
