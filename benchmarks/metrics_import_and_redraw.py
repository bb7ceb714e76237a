"""Metrics timings with ratios against baselines measured in the same run.

1. Importing two years of daily exports (730 days, 4 channels): the importer's Core upserts
   against an ORM `add_all` of the same rows.
2. Re-importing the same file (every row an upsert of an existing day).
3. Redrawing the tab over two years: the table measuring column widths on 60 rows (what the
   tab does) against measuring every row (Qt's ResizeToContents with full precision).

Run: python benchmarks/metrics_import_and_redraw.py
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from shopdesk.auth import service as auth
from shopdesk.bootstrap import open_shop
from shopdesk.config import resolve
from shopdesk.metrics import service
from shopdesk.metrics.importers import parse_sheet
from shopdesk.metrics.models import ChannelDaily, DailyMetric

DAYS = 730
END = date(2024, 12, 31)


def write_export(path: Path) -> None:
    rng = random.Random(1)
    head = "统计日期,访客数,浏览量,支付买家数,支付订单数,支付金额,支付转化率,跳失率,"
    head += "DSR描述,DSR服务,DSR物流,直通车花费,直通车成交金额,钻展花费,钻展成交金额,"
    head += "淘宝客花费,淘宝客成交金额,短信营销花费,短信营销成交金额"
    lines = [head]
    for i in range(DAYS):
        d = END - timedelta(days=DAYS - 1 - i)
        uv = rng.randint(1500, 3000)
        buyers = rng.randint(40, 100)
        paid = Decimal(rng.randint(300000, 900000)) / 100
        ch = [f"{rng.randint(100, 600)}.00,{rng.randint(300, 3000)}.50" for _ in range(4)]
        lines.append(
            f"{d},{uv},{uv * 3},{buyers},{buyers + 3},{paid},{buyers / uv * 100:.2f}%,"
            f"{rng.randint(55, 70)}.10%,4.81,4.82,4.79," + ",".join(ch)
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    export = tmp / "two_years.csv"
    write_export(export)

    db = open_shop(resolve(tmp / "a"))
    owner = auth.create_owner(db, "店主", None)
    t_import = timed(lambda: service.import_file(db, owner, export))
    t_reimport = timed(lambda: service.import_file(db, owner, export))

    # Baseline: the same parsed rows stored through the ORM.
    from shopdesk.io.tabular import read_table
    from shopdesk.metrics.models import AdChannel

    db2 = open_shop(resolve(tmp / "b"))
    parsed = parse_sheet(read_table(export))

    def orm() -> None:
        with db2.write() as s:
            ids = {c.name: c.id for c in s.query(AdChannel)}
            s.add_all(
                DailyMetric(day=d.day, **{k: d.get(k) for k in parsed.figure_keys}, source="import")
                for d in parsed.days
            )
            s.add_all(
                ChannelDaily(day=c.day, channel_id=ids[c.channel], spend=c.spend, sales=c.sales)
                for c in parsed.channel_days
            )

    t_orm = timed(orm)
    t_parse = timed(lambda: parse_sheet(read_table(export)))
    print(f"import 730 days × 4 channels: {t_import * 1000:.0f} ms (parse {t_parse * 1000:.0f} ms)")
    print(f"  ORM add_all baseline (store only): {t_orm * 1000:.0f} ms")
    print(f"  re-import (all upserts): {t_reimport * 1000:.0f} ms")
    t_dash = timed(lambda: service.dashboard(db, owner, END))
    t_range = timed(lambda: service.load_range(db, owner, END - timedelta(days=DAYS - 1), END))
    print(f"dashboard {t_dash * 1000:.0f} ms; load two years {t_range * 1000:.0f} ms")

    from PySide6.QtWidgets import QApplication

    from shopdesk.ui.context import UiContext
    from shopdesk.ui.metrics.tab import MetricsTab

    app = QApplication.instance() or QApplication([])
    tab = MetricsTab(UiContext(db=db, actor=owner, location=resolve(tmp / "a")))
    tab.resize(1300, 850)
    tab.show()
    app.processEvents()
    tab.range_box.setCurrentIndex(4)
    tab.tabs.setCurrentIndex(3)  # the daily table: the one that grows with the range
    tab.to_edit.setDate(tab.to_edit.date().fromString(str(END), "yyyy-MM-dd"))
    tab.from_edit.setDate(tab.to_edit.date().addDays(-(DAYS - 1)))

    def redraw() -> None:
        tab.load_range()
        tab.grab()

    redraw()
    fast = min(timed(redraw) for _ in range(3))
    for view in (tab.day_view, tab.summary_view):
        view.horizontalHeader().setResizeContentsPrecision(-1)  # baseline: measure every row
    slow = min(timed(redraw) for _ in range(3))
    print(f"redraw two years: {fast * 1000:.0f} ms; measuring every row: {slow * 1000:.0f} ms")
    print()
    store = max(t_import - t_parse, 1e-9)
    print(f"ratio import Core upsert vs ORM add_all (store only): {t_orm / store:.1f}×")
    print(f"ratio redraw bounded vs full column measuring: {slow / fast:.1f}×")
    db.dispose()
    db2.dispose()


if __name__ == "__main__":
    main()
