"""How fast does a team of 30 get scored? `python benchmarks/kpi_month.py [agents]`.

Times, on a fresh SQLite shop: storing every cell of a month one by one through the service (what
the grid does on each Tab), loading the grid, importing the same month from a sheet, and
re-importing it unchanged. The baseline, measured in the same run, is the pure scoring of the
same rows without a database; ratios are printed against it.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from shopdesk.auth import service as auth
from shopdesk.bootstrap import open_shop
from shopdesk.config import resolve
from shopdesk.kpi import importers, service
from shopdesk.kpi.cards import after_sales_card
from shopdesk.kpi.scorecard import field_specs, score

LEVELS = ("普通售后客服", "高级售后客服", "售后组长")


def _inputs(rng: random.Random) -> dict[str, str]:
    return {
        "quality": rng.choice("优良中差"),
        "refund_rate": f"{rng.uniform(1, 14):.1f}%",
        "disputes": rng.choice("优良中差"),
        "teamwork": rng.choice("优良中差"),
        "execution": rng.choice("优良中差"),
        "late": str(rng.randint(0, 2)),
        "leave": str(rng.randint(0, 1)),
        "absent": "0",
        "low_reviews": str(rng.randint(0, 2)),
        "complaint_deduction": rng.choice(["", "10", "5,15"]),
        "praises": str(rng.randint(0, 4)),
        "outstanding": rng.choice(["", "3"]),
    }


def main(n: int = 30) -> None:
    rng = random.Random(7)
    card = after_sales_card()
    rows = [(_inputs(rng), LEVELS[i % 3]) for i in range(n)]

    t0 = time.perf_counter()
    for _ in range(10):
        for inputs, level in rows:
            score(card, inputs, level)
    base = (time.perf_counter() - t0) / 10

    with tempfile.TemporaryDirectory() as tmp:
        db = open_shop(resolve(Path(tmp) / "shop"))
        owner = auth.create_owner(db, "店主")
        auth.add_user(db, owner, "主管", "supervisor", job="客服主管")
        sup = auth.actor_by_name(db, "主管")
        names = [f"客服{i:02d}" for i in range(n)]
        for name, (_, level) in zip(names, rows, strict=True):
            auth.add_user(db, owner, name, "staff", job="客服", cs_level=level, supervisor="主管")

        info = service.open_month(db, sup, "2026-10")
        g = service.grid(db, sup, info.id)
        by_name = {r.agent: r for r in g.rows}
        keys = [f.key for f in field_specs(card)]
        t0 = time.perf_counter()
        for name, (inputs, _) in zip(names, rows, strict=True):
            r = by_name[name]
            version = r.version
            for key in keys:
                version = service.update_cell(db, sup, r.id, key, inputs[key], version).version
        cells = time.perf_counter() - t0
        n_cells = n * len(keys)

        t0 = time.perf_counter()
        g = service.grid(db, sup, info.id)
        load = time.perf_counter() - t0
        assert len(g.rows) == n

        sheet = Path(tmp) / "kpi.csv"
        header = ["客服", *[f.label for f in field_specs(card)]]
        lines = [",".join(header)]
        for name, (inputs, _) in zip(names, rows, strict=True):
            lines.append(",".join([name, *[f'"{inputs[k]}"' for k in keys]]))
        sheet.write_text("\n".join(lines), encoding="utf-8")
        info2 = service.open_month(db, sup, "2026-11")
        t0 = time.perf_counter()
        importers.import_file(db, sup, sheet, info2.month)
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = importers.import_file(db, sup, sheet, info2.month)
        second = time.perf_counter() - t0
        assert again.changed == 0
        db.dispose()

    def line(label: str, seconds: float) -> None:
        print(f"{label:<44} {seconds * 1000:9.1f} ms   {seconds / base:8.1f}× baseline")

    print(f"team of {n} agents, {n_cells} cells, after-sales card")
    line(f"baseline: pure scoring of {n} rows", base)
    line(f"store {n_cells} cells one by one (service)", cells)
    print(f"{'  per cell (one Tab in the grid)':<44} {cells / n_cells * 1000:9.2f} ms")
    line("load the month's grid", load)
    line(f"import a {n}-row sheet (all-or-nothing)", first)
    line("re-import the same sheet (nothing changes)", second)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
