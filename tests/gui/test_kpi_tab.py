"""The 客服绩效 tab driven by keyboard and clicks, asserting what the user sees."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit, QMessageBox

from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.config import Location
from shopdesk.db.engine import Database
from shopdesk.kpi import service
from shopdesk.kpi.cards import after_sales_card
from shopdesk.ui.context import UiContext
from shopdesk.ui.kpi.grid_model import KpiGridModel
from shopdesk.ui.kpi.tables import RowsModel
from shopdesk.ui.kpi_tab import KpiTab


@pytest.fixture
def agents(db: Database, owner: Actor, supervisor: Actor) -> dict[str, Actor]:
    for name, level in [("小唐", "高级售后客服"), ("小邓", "普通售后客服")]:
        auth.add_user(db, owner, name, "staff", job="客服", cs_level=level, supervisor="主管")
    return {n: auth.actor_by_name(db, n) for n in ("小唐", "小邓")}


def _tab(qtbot, db: Database, actor: Actor, location: Location) -> KpiTab:  # type: ignore[no-untyped-def]
    tab = KpiTab(UiContext(db=db, actor=actor, location=location))
    qtbot.addWidget(tab)
    tab.resize(1400, 600)
    with qtbot.waitExposed(tab):
        tab.show()
    return tab


def _second_team(db: Database, owner: Actor) -> None:
    """李组长 with one agent, 小林: a month then has two teams (主管's and 李组长's)."""
    auth.add_user(db, owner, "李组长", "supervisor", job="客服主管")
    auth.add_user(
        db, owner, "小林", "staff", job="客服", cs_level="普通售后客服", supervisor="李组长"
    )


def _cell(tab: KpiTab, row: int, key: str) -> str:
    m = tab.model
    assert m is not None
    return str(m.data(m.index(row, m.column_of(key))))


def _editor(tab: KpiTab) -> QLineEdit | QComboBox | None:
    w = QApplication.focusWidget()
    return w if isinstance(w, QLineEdit | QComboBox) and tab.isAncestorOf(w) else None


def _type(qtbot, tab: KpiTab, text: str, key: Qt.Key = Qt.Key.Key_Tab) -> None:  # type: ignore[no-untyped-def]
    """Type into the open editor (or the view, which opens one) and end with `key`."""
    target = _editor(tab) or tab.view
    if text:
        qtbot.keyClicks(target, text)
    qtbot.keyClick(_editor(tab) or tab.view, key)


def test_supervisor_scores_a_row_with_the_keyboard_only(
    qtbot, db: Database, supervisor: Actor, agents: dict[str, Actor], location: Location
) -> None:  # type: ignore[no-untyped-def]
    service.open_month(db, supervisor, "2026-10")
    tab = _tab(qtbot, db, supervisor, location)
    m = tab.model
    assert m is not None
    row = next(i for i, r in enumerate(m.rows) if r.agent == "小唐")
    tab.view.select_cell(row, m.column_of("quality"))
    tab.view.setFocus()
    # F2 opens the first cell; after that Tab stores a cell and opens the next input cell.
    # Grades are picked with digits (1 = 优, 2 = 良, 3 = 中).
    qtbot.keyClick(tab.view, Qt.Key.Key_F2)
    # quality refund disputes teamwork execution late leave absent low complaint praise outstanding
    for text in ["1", "4.2%", "2", "1", "3", "1", "0", "0", "2", "", "3", "3"]:
        _type(qtbot, tab, text)
    assert _cell(tab, row, "total") == "109"
    assert _cell(tab, row, "passed") == "合格"
    assert _cell(tab, row, "bonus") == "838.46"
    assert _cell(tab, row, "pay") == "3,338.46"
    # Stored, not just shown.
    info = service.find_month(db, supervisor, "2026-10")
    stored = next(r for r in service.grid(db, supervisor, info.id).rows if r.agent == "小唐")
    assert stored.result.pay == Decimal("3338.46")
    # Tab from the last input of the row wrapped to the next agent's first input.
    cur = tab.view.currentIndex()
    if row + 1 < m.rowCount():
        assert (cur.row(), cur.column()) == (row + 1, m.column_of("quality"))


def test_enter_stores_and_moves_down(
    qtbot, db: Database, supervisor: Actor, agents: dict[str, Actor], location: Location
) -> None:  # type: ignore[no-untyped-def]
    service.open_month(db, supervisor, "2026-10")
    tab = _tab(qtbot, db, supervisor, location)
    m = tab.model
    assert m is not None
    col = m.column_of("refund_rate")
    tab.view.select_cell(0, col)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)  # Enter starts editing
    _type(qtbot, tab, "6%", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _cell(tab, 0, "refund_rate") == "6%", timeout=2000)  # Qt commits queued
    assert _cell(tab, 0, "pts:refund_rate") == "20"
    assert tab.view.currentIndex().row() == 1 and tab.view.currentIndex().column() == col


def test_invalid_value_is_refused_at_the_cell_with_the_reason(
    qtbot, db: Database, supervisor: Actor, agents: dict[str, Actor], location: Location
) -> None:  # type: ignore[no-untyped-def]
    service.open_month(db, supervisor, "2026-10")
    tab = _tab(qtbot, db, supervisor, location)
    m = tab.model
    assert m is not None
    tab.view.select_cell(0, m.column_of("complaint_deduction"))
    tab.view.setFocus()
    qtbot.keyClick(tab.view, "3")  # typing starts editing
    qtbot.keyClicks(_editor(tab), "0")
    # While typing, the reason is already shown.
    assert "5–20" in tab.message.text()
    qtbot.keyClick(_editor(tab), Qt.Key.Key_Tab)
    # Refused: the editor is still open on the same cell with what was typed.
    ed = _editor(tab)
    assert isinstance(ed, QLineEdit) and ed.text() == "30"
    assert tab.view.currentIndex().column() == m.column_of("complaint_deduction")
    assert "5–20" in tab.message.text()
    assert _cell(tab, 0, "complaint_deduction") == ""
    # Fix it: the value is stored and the message goes away.
    ed.clear()
    qtbot.keyClicks(ed, "15")
    qtbot.keyClick(ed, Qt.Key.Key_Tab)
    assert _cell(tab, 0, "complaint_deduction") == "15"
    assert _cell(tab, 0, "deductions") == "−15"
    assert tab.message.text() == ""


def test_computed_columns_follow_typing_before_commit(
    qtbot, db: Database, supervisor: Actor, agents: dict[str, Actor], location: Location
) -> None:  # type: ignore[no-untyped-def]
    service.open_month(db, supervisor, "2026-10")
    tab = _tab(qtbot, db, supervisor, location)
    m = tab.model
    assert m is not None
    tab.view.select_cell(0, m.column_of("praises"))
    tab.view.setFocus()
    before = _cell(tab, 0, "total")
    qtbot.keyClick(tab.view, "5")
    assert _cell(tab, 0, "total") == str(int(before) + 10)  # preview, not stored yet
    qtbot.keyClick(_editor(tab), Qt.Key.Key_Escape)
    assert _cell(tab, 0, "total") == before


def test_staff_sees_only_their_own_card_and_can_dispute(
    qtbot,
    db: Database,
    owner: Actor,
    agents: dict[str, Actor],
    location: Location,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    info = service.open_month(db, owner, "2026-10")
    g = service.grid(db, owner, info.id)
    for r in g.rows:
        v = r.version
        for k, raw in {
            "quality": "中",
            "refund_rate": "9%",
            "disputes": "良",
            "teamwork": "良",
            "execution": "中",
            "late": "2",
        }.items():
            v = service.update_cell(db, owner, r.id, k, raw, v).version
    service.publish(db, owner, info.id)
    tab = _tab(qtbot, db, agents["小唐"], location)
    titles = [tab.pages.tabText(i) for i in range(tab.pages.count())]
    assert titles == ["我的绩效", "历史趋势"]
    assert not tab.publish_button.isVisible() and not tab.payroll_button.isVisible()
    av = tab.agent_view
    assert "小唐 的绩效" in av.title.text()
    assert "总分 70" in av.summary.text() and "不合格" in av.summary.text()
    assert "还差 21 分" in av.advice.text()
    assert av.model.rowCount() == 6 + 0  # six items, no deductions/additions entered
    assert av.dispute_button.isVisible()

    from shopdesk.ui.kpi import agent_view

    def fake_exec(dialog: agent_view.DisputeDialog) -> int:
        dialog.items.setCurrentIndex(dialog.items.findData("attendance"))
        dialog.text.setPlainText("有一次是去仓库帮忙")
        return agent_view.QDialog.DialogCode.Accepted

    monkeypatch.setattr(agent_view.DisputeDialog, "exec", fake_exec)
    qtbot.mouseClick(av.dispute_button, Qt.MouseButton.LeftButton)
    assert "有一次是去仓库帮忙 — 待处理" in tab.agent_view.disputes.text()


def test_finance_sees_bonus_total_and_no_edit_buttons(
    qtbot, db: Database, owner: Actor, finance: Actor, agents: dict[str, Actor], location: Location
) -> None:  # type: ignore[no-untyped-def]
    service.open_month(db, owner, "2026-10")
    tab = _tab(qtbot, db, finance, location)
    assert tab.payroll_button.isVisible() and not tab.publish_button.isVisible()
    assert "本月绩效奖金合计 0.00 元" in tab.totals.text()
    m = tab.model
    assert m is not None
    assert not (m.flags(m.index(0, m.column_of("quality"))) & Qt.ItemFlag.ItemIsEditable)


def test_publish_and_finalise_buttons(
    qtbot,
    db: Database,
    owner: Actor,
    agents: dict[str, Actor],
    location: Location,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    info = service.open_month(db, owner, "2026-10")
    for r in service.grid(db, owner, info.id).rows:
        v = r.version
        for k in ("quality", "disputes", "teamwork", "execution"):
            v = service.update_cell(db, owner, r.id, k, "优", v).version
        service.update_cell(db, owner, r.id, "refund_rate", "1%", v)
    tab = _tab(qtbot, db, owner, location)
    assert tab.publish_button.isEnabled() and not tab.reopen_button.isEnabled()
    qtbot.mouseClick(tab.toolbar.widgetForAction(tab.publish_button), Qt.MouseButton.LeftButton)
    assert "已发布" in tab.status.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(tab.toolbar.widgetForAction(tab.finalise_button), Qt.MouseButton.LeftButton)
    assert "已定稿" in tab.status.text()
    assert tab.reopen_button.isEnabled() and not tab.finalise_button.isEnabled()
    m = tab.model
    assert m is not None and not m.rows[0].editable
    tab.reopen("小唐退款率录错")
    assert "重新打开: 小唐退款率录错" in tab.status.text()


def test_import_runs_in_a_worker_and_refreshes_the_grid(
    qtbot,
    db: Database,
    supervisor: Actor,
    agents: dict[str, Actor],
    location: Location,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    service.open_month(db, supervisor, "2026-10")
    tab = _tab(qtbot, db, supervisor, location)
    p = tmp_path / "kpi.csv"
    p.write_text(
        "客服,素质,退款率,纠纷处理,配合度,执行力,迟到,低质评价,表扬,突出表现\n"
        "小唐,优,4.2%,良,优,中,1,2,3,3\n",
        encoding="utf-8",
    )
    tab.import_file(p, confirm=False)
    qtbot.waitUntil(
        lambda: (
            tab.model is not None
            and any(r.agent == "小唐" and r.result.final == 109 for r in tab.model.rows)
        ),
        timeout=10000,
    )
    row = next(i for i, r in enumerate(tab.model.rows) if r.agent == "小唐")  # type: ignore[union-attr]
    assert _cell(tab, row, "pay") == "3,338.46"


def test_tab_fits_a_narrow_window(
    qtbot, db: Database, owner: Actor, agents: dict[str, Actor], location: Location
) -> None:  # type: ignore[no-untyped-def]
    service.open_month(db, owner, "2026-10")
    tab = _tab(qtbot, db, owner, location)
    assert tab.minimumSizeHint().width() < 700


def test_models_pass_qtmodeltester(
    qtmodeltester, db: Database, owner: Actor, agents: dict[str, Actor]
) -> None:  # type: ignore[no-untyped-def]
    info = service.open_month(db, owner, "2026-10")
    g = service.grid(db, owner, info.id)
    model = KpiGridModel(after_sales_card(), g.rows, lambda r, k, t: r)
    qtmodeltester.check(model)
    model.sort(model.column_of("total"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    rows: RowsModel[str] = RowsModel([("a", lambda x: x), ("len", len)], ["bb", "a", "ccc"])
    qtmodeltester.check(rows)


def test_history_page_draws_demo_trend(qtbot, demo_db: Database, demo_location: Location) -> None:  # type: ignore[no-untyped-def]
    owner = auth.actor_by_name(demo_db, "王芳")
    tab = _tab(qtbot, demo_db, owner, demo_location)
    tab.pages.setCurrentWidget(tab.history_page)
    hv = tab.history_view
    assert hv is not None
    assert len(hv.history.months) == 5  # six demo months, the last one not final yet
    assert hv.who.itemText(0) == "全部" and hv.who.count() == len(hv.history.series) + 1
    assert len(hv.plot.listDataItems()) == len(hv.history.series) + 1  # + team average
    hv.who.setCurrentIndex(1)
    assert len(hv.plot.listDataItems()) == 2


def test_owner_edits_a_card_and_new_months_use_it(
    qtbot, db: Database, owner: Actor, agents: dict[str, Actor], location: Location
) -> None:  # type: ignore[no-untyped-def]
    from shopdesk.ui.kpi.card_editor import CardEditor

    tab = _tab(qtbot, db, owner, location)
    assert tab.card_button.isVisible()
    editor = CardEditor(after_sales_card(), tab)
    qtbot.addWidget(editor)
    m = editor.model
    row = next(i for i, it in enumerate(m.items) if it.key == "refund_rate")
    # A bad rule is refused in the cell with a reason; a good one is taken.
    assert not m.setData(m.index(row, 3), "5%=30")
    assert "界限:分数" in m.error
    assert m.setData(m.index(row, 3), "≤3%:30 ≤6%:20 ≤9%:10")
    editor.pool.setText("1300")
    editor.pass_ratio.setText("80")
    qtbot.mouseClick(
        editor.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
        Qt.MouseButton.LeftButton,
    )
    assert editor.result_card is not None
    tab.save_card(editor.result_card)
    cards = service.list_cards(db, owner)
    assert cards[0].version == 2 and cards[0].card.pool == Decimal("1300.00")
    info = service.open_month(db, owner, "2026-12")
    assert info.card_version == 2 and info.card.pass_line == 104


def test_card_editor_refuses_bad_pass_line(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from shopdesk.ui.kpi.card_editor import CardEditor

    editor = CardEditor(after_sales_card())
    qtbot.addWidget(editor)
    editor.pass_ratio.setText("150")
    editor._save()
    assert editor.result_card is None and "100" in editor.message.text()
    qtmodeltester.check(editor.model)


def test_a_supervisor_publishes_and_finalises_their_own_team_only(
    qtbot,
    db: Database,
    owner: Actor,
    supervisor: Actor,
    agents: dict[str, Actor],
    location: Location,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    _second_team(db, owner)
    info = service.open_month(db, owner, "2026-10")
    for r in service.grid(db, owner, info.id).rows:
        v = r.version
        for k in ("quality", "disputes", "teamwork", "execution"):
            v = service.update_cell(db, owner, r.id, k, "优", v).version
        if r.agent != "小林":  # 李组长's team is not finished
            service.update_cell(db, owner, r.id, "refund_rate", "1%", v)
    tab = _tab(qtbot, db, supervisor, location)
    assert "主管组 草稿" in tab.status.text() and "李组长组 草稿" in tab.status.text()
    qtbot.mouseClick(tab.toolbar.widgetForAction(tab.publish_button), Qt.MouseButton.LeftButton)
    assert "主管组 已发布" in tab.status.text() and "李组长组 草稿" in tab.status.text()
    assert not tab.publish_button.isEnabled() and tab.finalise_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(tab.toolbar.widgetForAction(tab.finalise_button), Qt.MouseButton.LeftButton)
    assert "主管组 已定稿" in tab.status.text() and "李组长组 草稿" in tab.status.text()
    assert not tab.finalise_button.isEnabled() and not tab.import_button.isEnabled()
    m = tab.model
    assert m is not None and not any(r.editable for r in m.rows)
    # The owner still has 李组长's team to publish; the month is as far as its slowest team.
    own = _tab(qtbot, db, owner, location)
    assert own.publish_button.isEnabled() and own.reopen_button.isEnabled()
    assert "草稿" in own.month_combo.currentText()


def test_the_owner_picks_one_team_to_publish(
    qtbot,
    db: Database,
    owner: Actor,
    supervisor: Actor,
    agents: dict[str, Actor],
    location: Location,
) -> None:  # type: ignore[no-untyped-def]
    _second_team(db, owner)
    info = service.open_month(db, owner, "2026-10")
    for r in service.grid(db, owner, info.id).rows:
        v = r.version
        for k in ("quality", "disputes", "teamwork", "execution"):
            v = service.update_cell(db, owner, r.id, k, "优", v).version
        service.update_cell(db, owner, r.id, "refund_rate", "1%", v)
    tab = _tab(qtbot, db, owner, location)
    assert tab.team_combo.isVisible()
    assert [tab.team_combo.itemText(i) for i in range(tab.team_combo.count())] == [
        "全部组",
        "主管组",
        "李组长组",
    ]
    tab.team_combo.setFocus()
    qtbot.keyClick(tab.team_combo, Qt.Key.Key_Down)  # 主管组
    assert tab.team_combo.currentText() == "主管组"
    qtbot.mouseClick(tab.toolbar.widgetForAction(tab.publish_button), Qt.MouseButton.LeftButton)
    assert "主管组 已发布" in tab.status.text() and "李组长组 草稿" in tab.status.text()
    assert not tab.publish_button.isEnabled()  # 主管组 is published already
    qtbot.keyClick(tab.team_combo, Qt.Key.Key_Down)  # 李组长组, still a draft
    assert tab.team_combo.currentText() == "李组长组" and tab.publish_button.isEnabled()


def test_a_supervisor_has_no_team_choice(
    qtbot,
    db: Database,
    owner: Actor,
    supervisor: Actor,
    agents: dict[str, Actor],
    location: Location,
) -> None:  # type: ignore[no-untyped-def]
    _second_team(db, owner)
    service.open_month(db, owner, "2026-10")
    tab = _tab(qtbot, db, supervisor, location)
    assert not tab.team_combo.isVisible() and tab.selected_team() is None
