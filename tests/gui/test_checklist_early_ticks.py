"""Ticking today's checklist while the shop is still opening (`shopdesk --as NAME`).

The early checklist (shopdesk/ui/checklist_preview.py) is shown before SQLAlchemy loads; the user
ticks there with the keyboard and the ticks are saved through the checklist service when the real
tab takes over. Here the shop is held closed until the test has pressed its keys, so the keys
reach the early checklist while the loading thread waits: the window must answer meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from sqlalchemy import select

from shopdesk.audit.models import AuditEntry
from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.checklist import service
from shopdesk.checklist.dayview import DayRow
from shopdesk.config import Location
from shopdesk.db.engine import Database
from shopdesk.ui.checklist_preview import COL_TICK, COL_WHO, ChecklistPreview

# 运营 in the demo shop: today two open items, one needing a number, one ticked by 刘洋, one by
# 陈晨, and an overdue one.
STAFF = "陈晨"


def _audit(db: Database) -> list[tuple[str, str, str]]:
    with db.read() as s:
        rows = s.execute(
            select(AuditEntry.entity_id, AuditEntry.action, AuditEntry.user_name)
            .where(AuditEntry.entity == "checklist_occurrence")
            .order_by(AuditEntry.id)
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def _start(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    location: Location,
    name: str,
    during: Callable[[ChecklistPreview], None],
) -> Any:
    """start_gui --as `name`; `during(preview)` runs from the event loop while the shop opens."""
    from shopdesk.ui import app as app_module

    gate = threading.Event()
    opened_after: list[bool] = []
    failed: list[BaseException] = []
    real_open = app_module._open_for

    def slow_open(where: Location, as_user: Any) -> Any:
        opened_after.append(gate.wait(20))  # until the keys were pressed
        return real_open(where, as_user)

    from shopdesk.ui.main_window import MainWindow

    show = MainWindow.show_checklist_preview

    def spy(self: MainWindow, rows: list[DayRow], who: str) -> None:
        show(self, rows, who)
        preview = self.lazy["checklist"].preview
        assert isinstance(preview, ChecklistPreview)

        def act() -> None:
            try:
                during(preview)
            except BaseException as exc:  # raised again below, not shown in a message box
                failed.append(exc)
            finally:
                gate.set()

        QTimer.singleShot(50, act)  # after the preview painted: inside the loading wait

    monkeypatch.setattr(app_module, "_open_for", slow_open)
    monkeypatch.setattr(MainWindow, "show_checklist_preview", spy)
    window, code = app_module.start_gui(location, lambda d: auth.actor_by_name(d, name), name)
    if failed:
        raise failed[0]
    assert window is not None and code == 0
    qtbot.addWidget(window)
    assert opened_after == [True], "the window did not answer while the shop was opening"
    return window


def _go_to(qtbot: Any, preview: ChecklistPreview, wanted: Callable[[DayRow], bool]) -> DayRow:
    """Arrow down until the current row is one `wanted` (the first such row)."""
    for _ in range(100):
        row = preview.row_of(preview.tree.currentItem())
        if row is not None and wanted(row):
            return row
        qtbot.keyClick(preview.tree, Qt.Key.Key_Down)
    raise AssertionError("no such row in the early checklist")


def _real_row(window: Any, key: str) -> DayRow:
    tab = window.lazy["checklist"].content
    row = tab.model.row_at(tab.model.row_of(key))
    assert row is not None
    return row


def _today(db: Database, who: Actor) -> dict[str, DayRow]:
    return {r.key: r for r in service.day_view(db, who, extras=False).rows}


def test_a_tick_in_the_early_checklist_is_saved_by_the_real_tab(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    demo_db: Database,
    demo_location: Location,
) -> None:
    chosen: list[DayRow] = []

    def tick(preview: ChecklistPreview) -> None:
        row = _go_to(qtbot, preview, lambda r: not r.resolved and not r.carried_over)
        chosen.append(row)
        qtbot.keyClick(preview.tree, Qt.Key.Key_Space)
        item = preview.items[row.key]
        # shown at once, marked as not saved yet; the cursor moved on as in the real tab
        assert item.text(COL_TICK) == "☑"
        assert item.text(COL_WHO).startswith(f"{STAFF} ") and item.text(COL_WHO).endswith("保存中…")
        assert preview.current_key() != row.key
        assert "1 项改动待保存" in preview.hint.text()
        assert _audit(demo_db) == before  # nothing written before the service is there
        # items that need a number or a note are not tickable here
        for key, other in preview.rows.items():
            if other.needs_number or other.needs_note:
                assert not preview.items[key].flags() & Qt.ItemFlag.ItemIsEnabled

    before = _audit(demo_db)
    window = _start(qtbot, monkeypatch, demo_location, STAFF, tick)
    (row,) = chosen
    shown = _real_row(window, row.key)
    assert shown.status == "done" and shown.by_name == STAFF
    assert _today(demo_db, auth.actor_by_name(demo_db, STAFF))[row.key].status == "done"
    assert _audit(demo_db) == [*before, (row.key, "tick", STAFF)]
    tab = window.lazy["checklist"].content
    assert window.lazy["checklist"].preview is None
    assert tab.current_row().key != row.key  # the row the early checklist moved on to
    # The keyboard stays in the list: the next Space ticks in the real tab.
    focused = window.focusWidget()
    assert focused is not None and tab.isAncestorOf(focused)
    assert not tab.message.isVisible()
    assert "1 项改动已保存" in window.statusBar().currentMessage()
    window.close()


def test_an_untick_in_the_early_checklist_is_saved(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, demo_db: Database, demo_location: Location
) -> None:
    staff = auth.actor_by_name(demo_db, STAFF)
    mine = next(r for r in _today(demo_db, staff).values() if r.by_name == STAFF)
    before = _audit(demo_db)

    def untick(preview: ChecklistPreview) -> None:
        _go_to(qtbot, preview, lambda r: r.key == mine.key)
        assert preview.items[mine.key].text(COL_TICK) == "☑"
        qtbot.keyClick(preview.tree, Qt.Key.Key_Space)
        assert preview.items[mine.key].text(COL_TICK) == "☐"
        assert preview.items[mine.key].text(COL_WHO) == "保存中…"
        assert preview.current_key() == mine.key  # an untick stays on the row

    window = _start(qtbot, monkeypatch, demo_location, STAFF, untick)
    assert _real_row(window, mine.key).status == "open"
    assert _today(demo_db, staff)[mine.key].status == "open"
    assert _audit(demo_db) == [*before, (mine.key, "untick", STAFF)]
    assert window.lazy["checklist"].content.current_row().key == mine.key
    window.close()


def test_a_refused_untick_is_said_in_the_real_tab(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, demo_db: Database, demo_location: Location
) -> None:
    """Staff may undo only their own ticks: the service refuses, the tab says so."""
    staff = auth.actor_by_name(demo_db, STAFF)
    theirs = next(r for r in _today(demo_db, staff).values() if r.by_name not in (None, STAFF))
    before = _audit(demo_db)

    def untick(preview: ChecklistPreview) -> None:
        _go_to(qtbot, preview, lambda r: r.key == theirs.key)
        qtbot.keyClick(preview.tree, Qt.Key.Key_Space)
        assert preview.items[theirs.key].text(COL_TICK) == "☐"

    window = _start(qtbot, monkeypatch, demo_location, STAFF, untick)
    tab = window.lazy["checklist"].content
    assert tab.message.isVisible()
    assert theirs.title in tab.message.text()
    assert "只能取消自己勾选的项目" in tab.message.text()
    shown = _real_row(window, theirs.key)
    assert shown.status == "done" and shown.by_name == theirs.by_name
    assert _audit(demo_db) == before
    window.close()


def test_someone_else_ticking_first_is_said_not_saved_twice(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    demo_db: Database,
    demo_owner: Actor,
    demo_location: Location,
) -> None:
    chosen: list[DayRow] = []

    def tick_while_the_owner_ticks(preview: ChecklistPreview) -> None:
        row = _go_to(qtbot, preview, lambda r: not r.resolved and not r.carried_over)
        chosen.append(row)
        qtbot.keyClick(preview.tree, Qt.Key.Key_Space)
        service.tick(demo_db, demo_owner, row.template_id)  # another PC, a moment earlier

    window = _start(qtbot, monkeypatch, demo_location, STAFF, tick_while_the_owner_ticks)
    (row,) = chosen
    tab = window.lazy["checklist"].content
    assert f"“{row.title}” 已由 王芳 在" in tab.message.text()
    assert "不用再勾" in tab.message.text()
    assert _real_row(window, row.key).by_name == "王芳"
    assert [a for a in _audit(demo_db) if a[0] == row.key] == [(row.key, "tick", "王芳")]
    window.close()


def test_nothing_ticked_leaves_the_takeover_unchanged(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    demo_db: Database,
    demo_location: Location,
) -> None:
    """Moving, and a tick taken back, save nothing; the real tab keeps the current row."""
    before = _audit(demo_db)
    where: list[str | None] = []

    def move_and_take_back(preview: ChecklistPreview) -> None:
        row = _go_to(qtbot, preview, lambda r: not r.resolved and not r.carried_over)
        qtbot.keyClick(preview.tree, Qt.Key.Key_Space)  # ticks, moves down
        assert preview.current_key() != row.key
        for _ in range(5):
            qtbot.keyClick(preview.tree, Qt.Key.Key_Up)
            if preview.current_key() == row.key:
                break
        assert preview.current_key() == row.key
        qtbot.keyClick(preview.tree, Qt.Key.Key_Space)  # unticks: back to what is saved
        assert preview.pending == {}
        assert preview.items[row.key].text(COL_TICK) == "☐"
        qtbot.keyClick(preview.tree, Qt.Key.Key_Down)
        where.append(preview.current_key())

    window = _start(qtbot, monkeypatch, demo_location, STAFF, move_and_take_back)
    tab = window.lazy["checklist"].content
    assert _audit(demo_db) == before
    assert not tab.message.isVisible()
    assert where and tab.current_row().key == where[0]
    window.close()


def test_a_double_click_on_the_mark_ticks_as_in_the_real_tab(qtbot: Any, demo_db: Database) -> None:
    rows = list(_today(demo_db, auth.actor_by_name(demo_db, STAFF)).values())
    preview = ChecklistPreview(rows, STAFF)
    qtbot.addWidget(preview)
    preview.resize(780, 500)
    preview.show()
    qtbot.waitExposed(preview)
    row = next(r for r in rows if not r.resolved and not r.needs_note and not r.needs_number)
    item = preview.items[row.key]
    tree = preview.tree
    title_at = tree.visualItemRect(item).center()
    title_at.setX(tree.columnViewportPosition(1) + 40)
    mark_at = QPoint(tree.columnViewportPosition(COL_TICK) + 20, title_at.y())
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=mark_at)
    assert tree.currentItem() is item and preview.pending == {}  # a click selects, as there
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=title_at)
    assert preview.pending == {}  # on the title: nothing
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=mark_at)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=mark_at)
    assert list(preview.pending) == [row.key] and preview.pending[row.key].done
    assert item.text(COL_TICK) == "☑"


def test_closing_while_ticks_wait_is_refused_with_a_note(
    qtbot: Any, demo_db: Database, demo_location: Location
) -> None:
    """Before the shop is open the ticks exist only in the window: it stays until they are saved."""
    from shopdesk.ui.main_window import MainWindow

    rows = list(_today(demo_db, auth.actor_by_name(demo_db, STAFF)).values())
    window = MainWindow(location=demo_location)
    qtbot.addWidget(window)
    window.show()
    window.show_checklist_preview(rows, STAFF)
    preview = window.lazy["checklist"].preview
    assert isinstance(preview, ChecklistPreview)
    row = _go_to(qtbot, preview, lambda r: not r.resolved and not r.carried_over)
    qtbot.keyClick(preview.tree, Qt.Key.Key_Space)
    window.close()
    assert window.isVisible()
    assert "还有 1 项勾选正在保存" in window.statusBar().currentMessage()
    for _ in range(5):  # back up to the ticked row and take the tick back
        if preview.current_key() == row.key:
            break
        qtbot.keyClick(preview.tree, Qt.Key.Key_Up)
    qtbot.keyClick(preview.tree, Qt.Key.Key_Space)
    assert preview.pending == {}
    window.close()  # nothing waits: it closes
    assert not window.isVisible()
