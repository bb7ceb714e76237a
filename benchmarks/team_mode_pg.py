"""The large benchmark shop on PostgreSQL beside SQLite (team mode).

    python -m benchmarks.team_mode_pg --pg postgresql+psycopg://user:pass@localhost/postgres

Builds (or reuses) the large shop of benchmarks/large_shop.py as a SQLite file, copies it with
`shopdesk migrate-to` into a database `shopdesk_bench_large` on the given server (once; reused
while its row counts match), then times on both, in the same run:
  baseline      SELECT product_id, SUM(units) … GROUP BY over the 28-day window, raw SQL
  restock sheet inventory.service.compute_sheet() (20,000 lines)
  checklist     checklist.service.day_view() for everyone (the 今日检查 tab's load)
  tick          tick + untick of one item (two write transactions with audit)
  live update   a commit on one client until another client's change feed reports it
and prints medians plus each operation's ratio to its own backend's baseline and PG / SQLite.
The server in CI is on localhost: a real LAN adds ~0.3-1 ms per round trip.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from benchmarks import large_shop
from shopdesk.auth import service as auth
from shopdesk.bootstrap import open_shop
from shopdesk.checklist import service as checklist
from shopdesk.config import Location
from shopdesk.db.changes import ChangeFeed
from shopdesk.db.engine import Database
from shopdesk.db.transfer import migrate_to
from shopdesk.inventory import service as inventory

PG_DB = "shopdesk_bench_large"


def timed(fn: Callable[[], object], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def _count(db: Database, table: str) -> int:
    with db.read() as s:
        return int(s.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar() or 0)


def pg_copy(source: Database, admin_url: str) -> str:
    """The large shop on the server: copied once, reused while the counts still match."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    url = make_url(admin_url).set(database=PG_DB).render_as_string(hide_password=False)
    with admin.connect() as c:
        exists = c.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": PG_DB})
        if exists.scalar():
            target = Database(url)
            try:
                same = all(
                    _count(target, t) == _count(source, t)
                    for t in ("sales", "products", "audit_log")
                )
            except Exception:  # a half-made copy: start again
                same = False
            target.dispose()
            if same:
                return url
            c.execute(text(f'DROP DATABASE "{PG_DB}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{PG_DB}"'))
    admin.dispose()
    t0 = time.perf_counter()
    report = migrate_to(source, url)
    rows = sum(t.rows for t in report)
    print(f"migrate-to: {rows:,} rows copied and verified in {time.perf_counter() - t0:.0f} s")
    return url


def live_latency(db: Database, owner_name: str, repeat: int) -> float:
    """Commit on one client → another client's feed, already waiting in its thread as in the
    window, reports it (median seconds; SQLite's poll interval and NOTIFY delivery included)."""
    import threading

    other = Database(db.url)
    feed = ChangeFeed(db)
    feed.wait(0)
    seen = threading.Event()
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            if feed.wait(0.5):
                seen.set()

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    actor = auth.actor_by_name(other, owner_name)
    first = checklist.day_view(other, actor, everyone=True, extras=False).rows[0]
    runs = []
    try:
        for i in range(repeat):
            time.sleep(0.31 * (i + 1) % 0.5)  # commits land at different points of the poll
            seen.clear()
            t0 = time.perf_counter()
            (checklist.untick if i % 2 else checklist.tick)(
                other, actor, first.template_id, first.day
            )
            seen.wait(10)
            runs.append(time.perf_counter() - t0)
    finally:
        stop.set()
        watcher.join(5)
        feed.close()
        other.dispose()
    return statistics.median(runs)


def measure(db: Database, repeat: int) -> dict[str, float]:
    owner = auth.actor_by_name(db, "店主")
    sheet_date = inventory.default_sheet_date(db)
    a, b = sheet_date - timedelta(days=28), sheet_date - timedelta(days=1)
    sql = text(
        "SELECT product_id, SUM(units) FROM sales WHERE day BETWEEN :a AND :b GROUP BY product_id"
    )
    first = checklist.day_view(db, owner, everyone=True, extras=False).rows[0]

    def baseline() -> None:
        with db.read() as s:
            s.execute(sql, {"a": a, "b": b}).fetchall()

    def tick() -> None:
        # The row's own day: the first row may be an earlier day's, carried over.
        checklist.tick(db, owner, first.template_id, first.day)
        checklist.untick(db, owner, first.template_id, first.day)

    inventory.compute_sheet(db, owner, sheet_date)  # warm-up: pandas, caches
    baseline()
    return {
        "baseline": timed(baseline, repeat),
        "restock": timed(lambda: inventory.compute_sheet(db, owner, sheet_date), repeat),
        "checklist": timed(
            lambda: checklist.day_view(db, owner, everyone=True, extras=False), repeat
        ),
        "tick": timed(tick, repeat),
        "live": live_latency(db, "店主", repeat),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pg", default=os.environ.get("SHOPDESK_TEST_PG_URL"))
    ap.add_argument("--data-dir", type=Path, default=large_shop.DEFAULT_DIR)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    if not args.pg:
        ap.error("--pg URL (or SHOPDESK_TEST_PG_URL) is needed: a server to compare with")
    location = large_shop.build(args.data_dir)
    lite = open_shop(location)
    pg_url = pg_copy(lite, args.pg)
    pg = open_shop(Location(args.data_dir, pg_url))
    print(f"{_count(lite, 'products'):,} SKUs, {_count(lite, 'sales'):,} sale rows")
    results = {"SQLite": measure(lite, args.repeat), "PostgreSQL": measure(pg, args.repeat)}
    names = {
        "baseline": "baseline GROUP BY (28 days)",
        "restock": "restock sheet",
        "checklist": "checklist day view",
        "tick": "tick + untick (2 writes)",
        "live": "live update to other client",
    }
    print(f"{'':30} {'SQLite':>10} {'PostgreSQL':>11} {'PG/SQLite':>10}")
    for key, label in names.items():
        s, p = results["SQLite"][key], results["PostgreSQL"][key]
        print(f"{label:30} {s * 1000:8.1f} ms {p * 1000:8.1f} ms {p / s:9.2f}×")
    for backend, r in results.items():
        print(f"{backend}: restock sheet = {r['restock'] / r['baseline']:.1f}× its own GROUP BY")
    lite.dispose()
    pg.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
