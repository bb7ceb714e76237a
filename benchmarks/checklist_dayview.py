"""How fast today's checklist opens on a big, old shop: `python benchmarks/checklist_dayview.py`.

A shop with 200 templates and two years of ticks (~120k occurrence rows). The day view runs two
small queries (templates; the day's records plus the carry-over window of rolls_over items).
Baseline, measured in the same run: loading every occurrence through the ORM and filtering in
Python, which is what a naive "load history, then compute" would do. Prints times and ratios.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from shopdesk import clock
from shopdesk.auth import service as auth
from shopdesk.checklist import service as cl
from shopdesk.checklist.dayview import Record, build_day
from shopdesk.checklist.install import install
from shopdesk.checklist.models import ChecklistOccurrence, ChecklistTemplate
from shopdesk.checklist.recurrence import Rule, iter_due_days
from shopdesk.db import migrate
from shopdesk.db.engine import Database

DAYS = 730
EXTRA_TEMPLATES = 181


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def build(db: Database) -> int:
    rng = random.Random(7)
    today = clock.today()
    start = today - timedelta(days=DAYS)
    with db.write() as s:
        install(s)
        kinds = ["daily"] * 6 + ["weekdays"] * 2 + ["weekly"] * 3 + ["monthly"]
        for i in range(EXTRA_TEMPLATES):
            kind = rng.choice(kinds)
            rule = Rule(
                kind,
                frozenset({rng.randrange(7)}) if kind == "weekly" else frozenset(),
                rng.randint(1, 31) if kind == "monthly" else None,
            )
            s.add(
                ChecklistTemplate(
                    section=f"分组{i % 12}",
                    title=f"检查项目 {i}",
                    sort_order=1000 + i,
                    job=rng.choice(["运营", "客服", "仓库", "美工"]),
                    recurrence=kind,
                    weekdays=rule.weekdays_text,
                    month_day=rule.month_day,
                    miss_policy="rolls_over" if kind in ("weekly", "monthly") else "expires",
                )
            )
        s.flush()
        s.execute(ChecklistTemplate.__table__.update().values(active_from=start))
        templates = s.execute(select(ChecklistTemplate)).scalars().all()
        rows = []
        at = datetime.now(UTC)
        for t in templates:
            rule = Rule.from_fields(t.recurrence, t.weekdays, t.month_day)
            for d in iter_due_days(rule, start, today - timedelta(days=1)):
                if rng.random() < 0.9:
                    rows.append(
                        {
                            "template_id": t.id,
                            "day": d,
                            "status": "done",
                            "by_id": 1,
                            "at": at,
                            "version": 1,
                        }
                    )
        for i in range(0, len(rows), 20_000):
            s.execute(insert(ChecklistOccurrence), rows[i : i + 20_000])
    return len(rows)


def naive_day(db: Database) -> int:
    """Baseline: every occurrence and template through the ORM, then the same pure rules."""
    today = clock.today()
    with db.read() as s:
        specs = cl._load_specs(s)
        records = [
            Record(o.template_id, o.day, o.status, None, o.at, o.note, o.value, o.id)
            for o in s.execute(select(ChecklistOccurrence)).scalars()
        ]
    return len(build_day(specs, records, today, today).rows)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'bench.db'}")
        migrate.upgrade(db)
        owner = auth.create_owner(db, "店主")
        t0 = time.perf_counter()
        n = build(db)
        print(
            f"built {n:,} occurrences for {EXTRA_TEMPLATES + 19} templates "
            f"in {time.perf_counter() - t0:.1f} s"
        )
        today = clock.today()
        ours = timed(lambda: cl.day_view(db, owner, everyone=True, extras=False))
        base = timed(lambda: naive_day(db), repeat=3)
        month = timed(lambda: cl.month_rates(db, owner, today.year, today.month))
        first = today.replace(day=1)
        people = timed(lambda: cl.person_rates(db, owner, first, today, "month"))
        tick = timed(lambda: (cl.tick(db, owner, 1), cl.untick(db, owner, 1)), repeat=10)
        print(f"today's view (everyone):      {ours * 1000:8.1f} ms")
        print(f"baseline, load all history:   {base * 1000:8.1f} ms   ratio {base / ours:6.1f}x")
        print(f"month calendar rates:         {month * 1000:8.1f} ms")
        print(f"per-person rates (month):     {people * 1000:8.1f} ms")
        print(f"tick + untick (2 write txns): {tick * 1000:8.1f} ms")
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
