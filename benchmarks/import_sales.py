"""Importing 100,000 sales rows from .xlsx, as a ratio to reading the file with python-calamine.

    python benchmarks/import_sales.py [--rows 100000] [--skus 2000]

Writes a platform-style sales sheet (日期, 商家编码, 支付件数, 支付金额) once under /tmp, then
times in the same run:

  baseline  python-calamine alone: open the workbook and read the first sheet to Python lists
  import    inventory.importers.run_import("sales"): read, header mapping, strict per-cell
            parsing, SKU lookup, duplicate check, Core upsert in one transaction, audit
  reimport  the same file again (every row unchanged: nothing is written, nothing doubles)

The import pauses Python's cyclic garbage collector while it runs (it walked the sheet's ~500,000
objects again and again); the calamine read is also timed with the collector paused, so the
ratio can be read against either floor.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from shopdesk.auth import service as auth
from shopdesk.bootstrap import open_shop
from shopdesk.config import resolve
from shopdesk.inventory.importers import ImportResult, run_import


def write_xlsx(path: Path, rows: int, skus: int) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("销售数据")
    ws.write_row(0, 0, ["统计日期", "商家编码", "支付件数", "支付金额"])
    start = date(2026, 1, 1)
    for r in range(rows):
        day = start + timedelta(days=r // skus)
        units = (r * 7) % 13
        ws.write_row(r + 1, 0, [day.isoformat(), f"S{r % skus:05d}", units, round(units * 19.9, 2)])
    wb.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--skus", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    work = Path("/tmp/shopdesk-bench-import")
    work.mkdir(exist_ok=True)
    xlsx = work / f"sales-{args.rows}-{args.skus}.xlsx"
    if not xlsx.exists():
        write_xlsx(xlsx, args.rows, args.skus)
    shop = work / "shop"
    shutil.rmtree(shop, ignore_errors=True)
    db = open_shop(resolve(shop))
    owner = auth.create_owner(db, "店主", None)
    products = work / "products.csv"
    products.write_text(
        "sku,name\n" + "".join(f"S{i:05d},商品{i}\n" for i in range(args.skus)), encoding="utf-8"
    )
    run_import(db, owner, "products", products)

    from python_calamine import CalamineWorkbook

    def timed(fn: Callable[[], object]) -> tuple[float, object]:
        t0 = time.perf_counter()
        out = fn()
        return time.perf_counter() - t0, out

    # The machine is shared: the minimum of several interleaved repeats for every figure.
    def read() -> object:
        return CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).to_python()

    t_base = t_base_nogc = t_import = t_again = float("inf")
    for _ in range(args.repeat):
        t, data = timed(read)
        assert isinstance(data, list) and len(data) == args.rows + 1
        t_base = min(t_base, t)
        del data
        gc.disable()
        try:
            t, _data = timed(read)
        finally:
            gc.enable()
        t_base_nogc = min(t_base_nogc, t)
        del _data
        with db.write() as s:  # start from no sales (not timed)
            s.execute(text("DELETE FROM sales"))
        t, res = timed(lambda: run_import(db, owner, "sales", xlsx))
        assert isinstance(res, ImportResult) and res.inserted == args.rows
        t_import = min(t_import, t)
        t, again = timed(lambda: run_import(db, owner, "sales", xlsx))
        assert isinstance(again, ImportResult) and again.unchanged == args.rows
        t_again = min(t_again, t)

    print(f"{args.rows:,} sales rows × 4 columns ({xlsx.stat().st_size / 1e6:.1f} MB .xlsx)")
    print(f"baseline python-calamine read: {t_base:6.2f} s  (collector paused {t_base_nogc:.2f} s)")
    print(
        f"import (parse + check + upsert): {t_import:6.2f} s  = {t_import / t_base:5.2f}×"
        f"  ({t_import / t_base_nogc:.2f}× the read with the collector paused)"
    )
    print(
        f"re-import, nothing changes:      {t_again:6.2f} s  = {t_again / t_base:5.2f}×"
        f"  ({t_again / t_base_nogc:.2f}×)"
    )


if __name__ == "__main__":
    main()
