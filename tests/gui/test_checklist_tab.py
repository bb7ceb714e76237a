"""The 今日检查 tab driven like a user: keys, clicks, what is on screen."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import update

from shopdesk import clock
from shopdesk.auth.actor import Actor
from shopdesk.checklist import service as cl
from shopdesk.checklist.models import ChecklistTemplate
from shopdesk.config import Location
from shopdesk.db.engine import Database
from shopdesk.errors import PermissionDenied
from shopdesk.ui.checklist.day_model import (
    COL_LINK,
    COL_NOTE,
    COL_TICK,
    COL_TITLE,
    COL_VALUE,
    COL_WHO,
    DayModel,
)
from shopdesk.ui.checklist.editor import TemplateEditor
from shopdesk.ui.checklist.history import HistoryWidget
from shopdesk.ui.checklist_tab import ChecklistTab
from shopdesk.ui.context import UiContext

TODAY = date(2026, 11, 26)  # a Thursday


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch, db: Database) -> date:
    """Today is a fixed Thursday and the default checklist has been in use for three weeks."""
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 11, 26, 3, 30, tzinfo=UTC))
    with db.write() as s:
        s.execute(update(ChecklistTemplate).values(active_from=TODAY - timedelta(days=21)))
    return TODAY


def make_tab(qtbot, db: Database, actor: Actor, location: Location) -> ChecklistTab:  # type: ignore[no-untyped-def]
    tab = ChecklistTab(UiContext(db=db, actor=actor, location=location))
    qtbot.addWidget(tab)
    tab.resize(1000, 560)
    with qtbot.waitExposed(tab):
        tab.show()
    assert tab.wait_loaded()  # campaign tasks, reminders and live data arrive from a worker
    tab.table.setFocus()
    return tab


def cell(tab: ChecklistTab, row: int, col: int) -> str:
    return str(tab.model.index(row, col).data())


def row_of_title(tab: ChecklistTab, start: str) -> int:
    for i in range(tab.model.rowCount()):
        r = tab.model.row_at(i)
        if r is not None and r.title.startswith(start) and not r.carried_over:
            return i
    raise AssertionError(f"no row {start}")


def test_space_ticks_the_current_item_and_moves_on(  # type: ignore[no-untyped-def]
    qtbot, db: Database, staff: Actor, location: Location, frozen: date
) -> None:
    tab = make_tab(qtbot, db, staff, location)
    first = row_of_title(tab, "折扣")
    tab.table.select_row(first)
    assert cell(tab, first, COL_TICK) == "☐"
    assert "完成 0/" in tab.day_label.text()
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    assert cell(tab, first, COL_TICK) == "☑"
    assert cell(tab, first, COL_WHO).startswith("员工 ")
    assert "完成 1/" in tab.day_label.text()
    assert tab.table.currentIndex().row() == first + 1  # on to the next open item
    # arrows move, Space again on a ticked item undoes it
    qtbot.keyClick(tab.table, Qt.Key.Key_Up)
    assert tab.table.currentIndex().row() == first
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    assert cell(tab, first, COL_TICK) == "☐"
    assert cl.day_view(db, staff).progress.done == 0


def test_arrow_keys_skip_section_headers(  # type: ignore[no-untyped-def]
    qtbot, db: Database, staff: Actor, location: Location, frozen: date
) -> None:
    tab = make_tab(qtbot, db, staff, location)
    headers = tab.model.header_rows()
    assert len(headers) >= 2
    below = headers[2] + 1 if len(headers) > 2 else headers[1] + 1
    tab.table.select_row(below)
    qtbot.keyClick(tab.table, Qt.Key.Key_Up)
    assert tab.model.row_at(tab.table.currentIndex().row()) is not None


def test_number_item_asks_for_the_number_then_ticks(  # type: ignore[no-untyped-def]
    qtbot, db: Database, staff: Actor, location: Location, frozen: date
) -> None:
    tab = make_tab(qtbot, db, staff, location)
    dsr = row_of_title(tab, "记录 DSR")
    assert cell(tab, dsr, COL_VALUE) == "(待填)"
    tab.table.select_row(dsr)
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    assert "DSR 综合评分" in tab.message.text()
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not tab.table
    qtbot.keyClicks(editor, "4.86")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell(tab, row_of_title(tab, "记录 DSR"), COL_TICK) == "☑")
    dsr = row_of_title(tab, "记录 DSR")
    assert cell(tab, dsr, COL_VALUE) == "4.86"
    assert not tab.message.isVisible()


def test_note_typed_first_is_saved_with_the_tick(  # type: ignore[no-untyped-def]
    qtbot, db: Database, staff: Actor, location: Location, frozen: date
) -> None:
    tab = make_tab(qtbot, db, staff, location)
    row = row_of_title(tab, "折扣")
    tab.model.setData(tab.model.index(row, COL_NOTE), "双12 折扣已核对")
    qtbot.waitUntil(lambda: "空格" in tab.message.text())
    tab.table.select_row(row)
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    row = row_of_title(tab, "折扣")
    assert cell(tab, row, COL_NOTE) == "双12 折扣已核对"
    assert cell(tab, row, COL_TICK) == "☑"


def test_overdue_weekly_items_stay_on_top_until_ticked(  # type: ignore[no-untyped-def]
    qtbot, db: Database, staff: Actor, location: Location, frozen: date
) -> None:
    tab = make_tab(qtbot, db, staff, location)
    assert cell(tab, 0, 0) == "逾期未完成"
    overdue = [tab.model.row_at(i) for i in range(1, tab.model.rowCount())]
    carried = [r for r in overdue if r is not None and r.carried_over]
    # 周一–周四 activity items since 11-05 (today's 周四免邮 is due today, not overdue)
    assert len(carried) == 12
    assert TODAY not in [r.day for r in carried]
    assert cell(tab, 1, COL_TITLE).startswith("[11-")
    assert tab.model.index(1, COL_TICK).data(Qt.ItemDataRole.BackgroundRole) is not None
    tab.table.select_row(1)
    first_day = carried[0].day
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    left = [
        r
        for r in (tab.model.row_at(i) for i in range(tab.model.rowCount()))
        if r and r.carried_over
    ]
    assert len(left) == 11
    assert first_day not in [r.day for r in left if r.template_id == carried[0].template_id]


def test_skip_asks_for_a_reason(  # type: ignore[no-untyped-def]
    qtbot,
    db: Database,
    staff: Actor,
    location: Location,
    frozen: date,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QInputDialog

    tab = make_tab(qtbot, db, staff, location)
    row = row_of_title(tab, "折扣")
    tab.table.select_row(row)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
    qtbot.mouseClick(tab.skip_btn, Qt.MouseButton.LeftButton)
    assert "原因" in tab.message.text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("后台维护", True))
    tab.table.select_row(row)
    qtbot.mouseClick(tab.skip_btn, Qt.MouseButton.LeftButton)
    row = row_of_title(tab, "折扣")
    assert cell(tab, row, COL_TICK) == "⊘"
    assert cell(tab, row, COL_NOTE) == "后台维护"


def test_past_day_shows_missed_and_catch_up_keeps_both_dates(  # type: ignore[no-untyped-def]
    qtbot, db: Database, staff: Actor, location: Location, frozen: date
) -> None:
    tab = make_tab(qtbot, db, staff, location)
    qtbot.keyClick(tab, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    if tab.day == TODAY:  # shortcut needs an active window offscreen; fall back to the button
        qtbot.mouseClick(tab.prev_btn, Qt.MouseButton.LeftButton)
    assert tab.day == TODAY - timedelta(days=1)
    assert cell(tab, 0, 0) != "逾期未完成"  # carry-over only on today
    row = row_of_title(tab, "折扣")
    assert cell(tab, row, COL_WHO) == "漏检"
    tab.table.select_row(row)
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    row = row_of_title(tab, "折扣")
    assert cell(tab, row, COL_WHO) == "员工 11-26 03:30 (补)"
    tip = tab.model.index(row, COL_WHO).data(Qt.ItemDataRole.ToolTipRole)
    assert "属于 2026-11-25" in tip and "2026-11-26" in tip
    qtbot.mouseClick(tab.today_btn, Qt.MouseButton.LeftButton)
    assert tab.day == TODAY
    assert not tab.next_btn.isEnabled()


def test_everyone_toggle_shows_other_jobs(  # type: ignore[no-untyped-def]
    qtbot, db: Database, staff: Actor, location: Location, frozen: date
) -> None:
    tab = make_tab(qtbot, db, staff, location)
    mine = tab.model.rowCount()
    qtbot.mouseClick(tab.everyone, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() > mine
    assert "全部人员" in tab.day_label.text()
    titles = [r.title for r in (tab.model.row_at(i) for i in range(tab.model.rowCount())) if r]
    assert "当天订单已处理,24小时内发货" in titles


def test_staff_cannot_edit_templates(  # type: ignore[no-untyped-def]
    qtbot, db: Database, staff: Actor, location: Location, frozen: date
) -> None:
    tab = make_tab(qtbot, db, staff, location)
    assert not tab.editor_btn.isEnabled()
    assert "主管" in tab.editor_btn.toolTip()
    tab.open_editor()
    assert "只有主管和店主" in tab.message.text()
    with pytest.raises(PermissionDenied):
        TemplateEditor(tab.ctx)


def test_supervisor_adds_and_retires_an_item(  # type: ignore[no-untyped-def]
    qtbot, db: Database, supervisor: Actor, location: Location, frozen: date
) -> None:
    tab = make_tab(qtbot, db, supervisor, location)
    assert tab.editor_btn.isEnabled()
    dlg = TemplateEditor(tab.ctx, tab)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.section.setCurrentText("客服")
    dlg.title_edit.insert("回复差评")
    dlg.job.setCurrentText("客服主管")
    qtbot.mouseClick(dlg.save_btn, Qt.MouseButton.LeftButton)
    assert dlg.message.text() == ""
    titles = [t.title for t in dlg.model.rows]
    assert "回复差评" in titles
    dlg.close()
    tab.reload()
    row = row_of_title(tab, "回复差评")
    assert cell(tab, row, COL_TICK) == "☐"
    # retire it: gone from the list, kept in the editor as 已停用
    dlg = TemplateEditor(tab.ctx, tab)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.table.selectRow([t.title for t in dlg.model.rows].index("回复差评"))
    qtbot.mouseClick(dlg.retire_btn, Qt.MouseButton.LeftButton)
    assert [t.retired for t in dlg.model.rows if t.title == "回复差评"] == [True]
    tab.reload()
    with pytest.raises(AssertionError):
        row_of_title(tab, "回复差评")


def test_editor_shows_mistakes_inline(  # type: ignore[no-untyped-def]
    qtbot, db: Database, owner: Actor, location: Location, frozen: date
) -> None:
    dlg = TemplateEditor(UiContext(db=db, actor=owner, location=location))
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.kind.setCurrentIndex(dlg.kind.findData("weekly"))
    dlg.title_edit.insert("周报")
    qtbot.mouseClick(dlg.save_btn, Qt.MouseButton.LeftButton)
    assert "至少要选一天" in dlg.message.text()


def test_hero_stock_link_opens_inventory(  # type: ignore[no-untyped-def]
    qtbot, db: Database, staff: Actor, location: Location, frozen: date
) -> None:
    tab = make_tab(qtbot, db, staff, location)
    row = row_of_title(tab, "主推款库存")
    assert cell(tab, row, COL_LINK) == "尚未设置主推款"
    with qtbot.waitSignal(tab.ctx.bus.open_tab) as sig:
        tab.table.select_row(row, COL_LINK)
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert sig.args[0] == "inventory"


def test_history_calendar_colours_days(  # type: ignore[no-untyped-def]
    qtbot, db: Database, owner: Actor, location: Location, frozen: date
) -> None:
    for r in cl.day_view(db, owner, everyone=True).rows:
        if not r.carried_over and not r.needs_number:
            cl.tick(db, owner, r.template_id)
    w = HistoryWidget(UiContext(db=db, actor=owner, location=location))
    qtbot.addWidget(w)
    w.show()
    fmt = w.calendar.dateTextFormat(QDate(2026, 11, 26))
    assert fmt.background().color().name() == "#c8e6c9"  # 13/14 ≥ 80%
    fmt = w.calendar.dateTextFormat(QDate(2026, 11, 25))
    assert fmt.background().color().name() == "#f8c7c4"  # nothing done
    assert "完成" in w.summary.text()
    with qtbot.waitSignal(w.day_chosen) as sig:
        w.calendar.activated.emit(QDate(2026, 11, 20))
    assert sig.args[0] == date(2026, 11, 20)


def test_models_pass_the_model_tester(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, db: Database, owner: Actor, location: Location, frozen: date
) -> None:
    view = cl.day_view(db, owner, everyone=True)
    m = DayModel()
    m.set_rows(view.rows, view.sections, {})
    qtmodeltester.check(m)
    w = HistoryWidget(UiContext(db=db, actor=owner, location=location))
    qtbot.addWidget(w)
    qtmodeltester.check(w.people)
    dlg = TemplateEditor(UiContext(db=db, actor=owner, location=location))
    qtbot.addWidget(dlg)
    qtmodeltester.check(dlg.model)


def test_demo_day_is_believable(qtbot, demo_db: Database, demo_location: Location) -> None:  # type: ignore[no-untyped-def]
    from shopdesk.auth import service as auth

    chen = auth.actor_by_name(demo_db, "陈晨")
    tab = make_tab(qtbot, demo_db, chen, demo_location)
    view = tab.view
    assert view is not None
    assert 0 < view.progress.resolved < view.progress.total  # half-way through the morning
    assert view.overdue  # a weekly item left from earlier this week
    assert tab.model.index(0, 0).data() == "逾期未完成"
    history = cl.month_rates(demo_db, chen, view.today.year, view.today.month)
    past = [d.progress.rate for d in history if d.day < view.today and d.progress.total]
    assert past and 0.6 < sum(r or 0 for r in past) / len(past) < 1.0


def test_tab_fits_a_small_window(  # type: ignore[no-untyped-def]
    qtbot, db: Database, owner: Actor, location: Location, frozen: date
) -> None:
    tab = make_tab(qtbot, db, owner, location)
    assert tab.minimumSizeHint().width() <= 640  # the main window may be made 700 wide
    assert "完成" in tab.day_label.toolTip() or tab.day_label.text()


def test_export_and_print_the_daily_report(  # type: ignore[no-untyped-def]
    qtbot,
    db: Database,
    owner: Actor,
    location: Location,
    frozen: date,
    tmp_path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QFileDialog

    tab = make_tab(qtbot, db, owner, location)
    out = tmp_path / "日报.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(tab.ctx.bus.status) as sig:
        qtbot.mouseClick(tab.export_btn, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"%PDF") and "已导出" in sig.args[0]
    shown: list[str] = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: shown.append(self.windowTitle()))
    qtbot.mouseClick(tab.print_btn, Qt.MouseButton.LeftButton)
    assert shown and "每日检查报告 2026-11-26 周四" in shown[0]
