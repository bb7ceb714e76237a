"""Cancelling an import while its rows are being written rolls everything back (issue 3).

The rows are written in chunks; between chunks the service reports progress and asks
`cancelled()`. These tests stop an import after its first chunk really went to the database,
at service level and from the dialog's 取消 button, and find nothing stored and nothing audited.
"""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event, func, select

from shopdesk.audit.models import AuditEntry
from shopdesk.auth.actor import Actor
from shopdesk.db.engine import Database
from shopdesk.inventory import importers
from shopdesk.inventory.importers import ImportCancelled, run_import
from shopdesk.inventory.models import Sale
from shopdesk.ui.context import UiContext
from shopdesk.ui.inventory.import_dialog import ImportDialog

SAMPLES = Path(__file__).parent / "samples" / "inventory"
ROWS = 900


def _sales_file(tmp_path: Path) -> Path:
    f = tmp_path / "sales.csv"
    start = date(2026, 1, 1)
    f.write_text(
        "日期,SKU编码,销量,销售额\n"
        + "".join(
            f"{start + timedelta(days=i // 3)},{('A1', 'A2', 'B1')[i % 3]},2,39.80\n"
            for i in range(ROWS)
        ),
        encoding="utf-8",
    )
    return f


def _counts(db: Database) -> tuple[int, int]:
    with db.read() as s:
        sales = s.scalar(select(func.count()).select_from(Sale))
        imports = s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "import")
        )
    return int(sales or 0), int(imports or 0)


def _count_inserts(db: Database) -> list[int]:
    """Sale rows sent to the database by INSERT statements so far (engine event)."""
    sent = [0]

    @event.listens_for(db.engine, "after_cursor_execute")
    def _sent(
        conn: Any, cursor: Any, statement: str, params: Any, context: Any, executemany: bool
    ) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO SALES"):
            # executemany: one row per parameter set; a multi-row VALUES (…), (…): one per group
            sent[0] += len(params) if executemany else max(1, statement.count("(?"))

    return sent


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importers, "CHUNK", 100)


def test_cancel_during_the_write_stores_nothing(
    db: Database, owner: Actor, tmp_path: Path, small_chunks: None
) -> None:
    run_import(db, owner, "products", SAMPLES / "products_gbk.csv")
    path = _sales_file(tmp_path)
    sent = _count_inserts(db)
    at_stop: list[int] = []
    stop = False

    def progress(done: int, total: int) -> None:
        nonlocal stop
        if sent[0] == 300 and not stop:  # three chunks of the write are in the database
            at_stop.append(done)
            stop = True

    with pytest.raises(ImportCancelled) as err:
        run_import(db, owner, "sales", path, progress=progress, cancelled=lambda: stop)
    assert str(err.value) == "已取消, 未保存任何数据"
    assert at_stop == [300]  # the write really was under way
    assert _counts(db) == (0, 1)  # rolled back: no sales, no audit entry (1: the products)
    # The same file imports completely afterwards.
    res = run_import(db, owner, "sales", path)
    assert res.inserted == ROWS and _counts(db) == (ROWS, 2)


def test_progress_that_raises_during_the_write_rolls_back(
    db: Database, owner: Actor, tmp_path: Path, small_chunks: None
) -> None:
    run_import(db, owner, "products", SAMPLES / "products_gbk.csv")

    class Stop(Exception):
        pass

    sent = _count_inserts(db)

    def progress(done: int, total: int) -> None:
        if sent[0] == 500:
            raise Stop

    with pytest.raises(Stop):
        run_import(db, owner, "sales", _sales_file(tmp_path), progress=progress)
    assert _counts(db) == (0, 1)


def test_dialog_cancel_while_rows_are_written(
    qtbot: QtBot,
    ui_ctx: UiContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    small_chunks: None,
) -> None:
    db = ui_ctx.db
    run_import(db, ui_ctx.actor, "products", SAMPLES / "products_gbk.csv")
    path = _sales_file(tmp_path)
    # Hold the worker after its second chunk is in the database until the user has clicked 取消.
    writing, clicked = threading.Event(), threading.Event()
    sent = _count_inserts(db)
    written: list[int] = []
    report = importers._report

    def hold(progress: importers.Progress | None, done: int, total: int) -> None:
        if sent[0] == 200 and not writing.is_set():
            written.append(sent[0])
            writing.set()
            clicked.wait(20)
        report(progress, done, total)

    monkeypatch.setattr(importers, "_report", hold)
    dlg = ImportDialog(ui_ctx, "sales")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.path.setText(str(path))
    dlg.do_import()
    assert dlg.busy and dlg.close_btn.text() == "取消"
    qtbot.waitUntil(writing.is_set, timeout=20_000)
    qtbot.mouseClick(dlg.close_btn, Qt.MouseButton.LeftButton)  # 取消 while writing
    assert dlg.isVisible() and dlg.status.text() == "正在取消…"
    clicked.set()
    qtbot.waitUntil(lambda: not dlg.busy, timeout=20_000)
    assert written == [200]  # two chunks had been written when 取消 was clicked
    assert dlg.isVisible()
    assert dlg.status.text() == "已取消, 未保存任何数据"
    assert dlg.close_btn.text() == "关闭"
    assert _counts(db) == (0, 1)
    dlg.grab().save(str(tmp_path / "cancelled.png"))
