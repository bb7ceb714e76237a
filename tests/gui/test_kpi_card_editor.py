"""The owner's card editor driven by keys and clicks: items added, removed, scored another way,
deductions and additions edited, problems said while editing, and scored months unchanged."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QTableView, QWidget

from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.config import Location
from shopdesk.db.engine import Database
from shopdesk.kpi import service
from shopdesk.kpi.cards import after_sales_card
from shopdesk.ui.context import UiContext
from shopdesk.ui.kpi.card_editor import CardEditor
from shopdesk.ui.kpi_tab import KpiTab


def _editor(qtbot, card=None) -> CardEditor:  # type: ignore[no-untyped-def]
    e = CardEditor(card or after_sales_card())
    qtbot.addWidget(e)
    with qtbot.waitExposed(e):
        e.show()
    return e


def _open_editor(table: QTableView) -> QLineEdit | QComboBox:
    """The editor open on the current cell (Qt may open it a moment after Tab)."""

    def editor() -> QWidget | None:
        return table.indexWidget(table.currentIndex())

    QApplication.processEvents()
    w = editor()
    assert isinstance(w, QLineEdit | QComboBox), w
    return w


def _enter(qtbot, editor: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Enter in a cell editor; Qt stores the value from the event loop, so let it run."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    QApplication.processEvents()


def _cell(table: QTableView, row: int, col: int) -> str:
    m = table.model()
    return str(m.data(m.index(row, col)))


def _row_of(table: QTableView, label: str) -> int:
    m = table.model()
    return next(r for r in range(m.rowCount()) if _cell(table, r, 0) == label)


def _start_edit(qtbot, table: QTableView, row: int, col: int) -> QLineEdit | QComboBox:  # type: ignore[no-untyped-def]
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, col))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    return _open_editor(table)


def test_add_an_item_by_keyboard_and_it_scores(qtbot) -> None:  # type: ignore[no-untyped-def]
    e = _editor(qtbot)
    t = e.table
    t.setFocus()
    t.setCurrentIndex(e.model.index(_row_of(t, "出勤率"), 0))
    qtbot.mouseClick(e.add_item_button, Qt.MouseButton.LeftButton)
    # The new row sits below the current one with its name open for typing.
    row = _row_of(t, "新考核项")
    assert row == _row_of(t, "出勤率") + 1
    name = _open_editor(t)
    assert isinstance(name, QLineEdit)
    name.selectAll()
    name.insert("好评率")  # Chinese arrives as an input-method commit
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    kind = _open_editor(t)  # Tab stored the name and opened the kind drop-down
    assert isinstance(kind, QComboBox) and kind.currentText() == "等级"
    qtbot.keyClick(kind, Qt.Key.Key_Down)  # 档位
    qtbot.keyClick(kind, Qt.Key.Key_Tab)
    top = _open_editor(t)
    top.selectAll()  # type: ignore[union-attr]
    qtbot.keyClicks(top, "15")
    qtbot.keyClick(top, Qt.Key.Key_Tab)
    rule = _open_editor(t)
    assert isinstance(rule, QLineEdit)
    rule.setText("≥98%:15 ≥95%:8")
    _enter(qtbot, rule)
    assert _cell(t, row, 0) == "好评率"
    assert _cell(t, row, 1) == "档位"
    assert _cell(t, row, 3) == "≥98%:15 ≥95%:8"
    assert e.total.text().startswith("满分合计 145 分 · 7 个考核项")
    assert e.message.text() == ""
    qtbot.mouseClick(e.save_button, Qt.MouseButton.LeftButton)
    card = e.result_card
    assert card is not None
    item = card.items[row]
    assert (item.kind, item.better, item.unit, item.max_points) == ("band", "higher", "percent", 15)
    assert card.max_total == 145


def test_change_kind_remove_and_move_items(qtbot) -> None:  # type: ignore[no-untyped-def]
    e = _editor(qtbot)
    t = e.table
    row = _row_of(t, "执行力")
    kind = _start_edit(qtbot, t, row, 1)
    for _ in range(3):  # 等级 → 档位 → 出勤 → 直接打分
        qtbot.keyClick(kind, Qt.Key.Key_Down)
    _enter(qtbot, kind)
    assert _cell(t, row, 1) == "直接打分"
    assert _cell(t, row, 3) == "直接填写 0–满分"
    assert not (e.model.flags(e.model.index(row, 3)) & Qt.ItemFlag.ItemIsEditable)
    # Delete removes the current item; Ctrl+Up moves one up.
    t.setCurrentIndex(e.model.index(_row_of(t, "配合度"), 0))
    qtbot.keyClick(t, Qt.Key.Key_Delete)
    assert "配合度" not in [it.label for it in e.model.items]
    t.setCurrentIndex(e.model.index(_row_of(t, "出勤率"), 0))
    qtbot.keyClick(t, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    labels = [it.label for it in e.model.items]
    assert labels == ["售后客服素质", "退款率", "纠纷处理", "出勤率", "执行力"]
    assert t.currentIndex().row() == 3
    assert e.total.text().startswith("满分合计 110 分")
    qtbot.mouseClick(e.save_button, Qt.MouseButton.LeftButton)
    assert e.result_card is not None
    assert e.result_card.item("execution").kind == "number"


def test_kind_change_to_attendance_gets_its_own_keys(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A second attendance item must not reuse late/leave/absent, or inputs would collide."""
    e = _editor(qtbot)
    t = e.table
    row = _row_of(t, "配合度")
    kind = _start_edit(qtbot, t, row, 1)
    qtbot.keyClick(kind, Qt.Key.Key_Down)
    qtbot.keyClick(kind, Qt.Key.Key_Down)
    _enter(qtbot, kind)
    assert _cell(t, row, 3) == "迟到5 请假5 旷工10"
    # Same names as the other attendance item: said at once, and Save refuses.
    assert "名称重复" in e.message.text()
    rule = _start_edit(qtbot, t, row, 3)
    assert isinstance(rule, QLineEdit)
    rule.setText("拖延3 早退2")
    _enter(qtbot, rule)
    assert e.message.text() == ""
    qtbot.mouseClick(e.save_button, Qt.MouseButton.LeftButton)
    card = e.result_card
    assert card is not None
    keys = [p.key for p in card.item("teamwork").penalties]
    assert len(keys) == 2 and not {"late", "leave", "absent"} & set(keys)


def test_edit_deductions_and_additions(qtbot) -> None:  # type: ignore[no-untyped-def]
    e = _editor(qtbot)
    a = e.adjust_table
    # Complaints: −5..−30 each instead of −5..−20.
    ed = _start_edit(qtbot, a, _row_of(a, "投诉扣分"), 3)
    ed.selectAll()  # type: ignore[union-attr]
    qtbot.keyClicks(ed, "5-30")
    _enter(qtbot, ed)
    assert _cell(a, _row_of(a, "投诉扣分"), 3) == "5–30"
    # Praise +3 each.
    ed = _start_edit(qtbot, a, _row_of(a, "表扬"), 3)
    ed.selectAll()  # type: ignore[union-attr]
    qtbot.keyClicks(ed, "3")
    _enter(qtbot, ed)
    # A bad value is refused with the form to use; the old value stays.
    ed = _start_edit(qtbot, a, _row_of(a, "低质评价"), 3)
    ed.selectAll()  # type: ignore[union-attr]
    qtbot.keyClicks(ed, "5-10")
    _enter(qtbot, ed)
    assert "低质评价: 按次数时填每次的分值" in e.message.text()
    assert _cell(a, _row_of(a, "低质评价"), 3) == "5"
    # A new addition: once a month, 1–3 points.
    a.setCurrentIndex(e.adjust_model.index(_row_of(a, "突出表现"), 0))
    qtbot.mouseClick(e.add_addition_button, Qt.MouseButton.LeftButton)
    name = _open_editor(a)
    assert isinstance(name, QLineEdit)
    name.selectAll()
    name.insert("全勤奖")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    sign = _open_editor(a)
    assert isinstance(sign, QComboBox) and sign.currentText() == "加分"
    qtbot.keyClick(sign, Qt.Key.Key_Tab)
    mode = _open_editor(a)
    assert isinstance(mode, QComboBox)
    qtbot.keyClick(mode, Qt.Key.Key_Down)
    qtbot.keyClick(mode, Qt.Key.Key_Down)  # 按次数 → 每次自定分值 → 每月一次
    qtbot.keyClick(mode, Qt.Key.Key_Tab)
    value = _open_editor(a)
    value.selectAll()  # type: ignore[union-attr]
    qtbot.keyClicks(value, "1-3")
    _enter(qtbot, value)
    assert e.message.text() == ""
    # Remove 低质评价 with Delete.
    a.setCurrentIndex(e.adjust_model.index(_row_of(a, "低质评价"), 0))
    qtbot.keyClick(a, Qt.Key.Key_Delete)
    qtbot.mouseClick(e.save_button, Qt.MouseButton.LeftButton)
    card = e.result_card
    assert card is not None
    by = {x.label: x for x in card.adjustments}
    assert set(by) == {"投诉扣分", "表扬", "突出表现", "全勤奖"}
    assert (by["投诉扣分"].min_each, by["投诉扣分"].max_each) == (5, 30)
    assert by["表扬"].each == 3
    assert (by["全勤奖"].sign, by["全勤奖"].mode, by["全勤奖"].max_each) == (1, "once", 3)


@pytest.mark.parametrize(
    ("where", "text", "message"),
    [
        ("max", "0", "售后客服素质: 不能小于 0.5"),
        ("max", "十", "售后客服素质: “十” 不是有效数字"),
        ("rule", "优30 良15", "等级 优 的分值必须在 0–20 之间"),
        ("rule", "≤5%:30 ≥8%:20", "要么都是 ≤"),
        ("pool", "-5", "奖金池"),
        ("ratio", "0", "合格线"),
    ],
)
def test_problems_are_said_while_editing_and_save_refuses(
    qtbot, where: str, text: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    e = _editor(qtbot)
    m = e.model
    if where == "pool":
        e.pool.setText(text)
    elif where == "ratio":
        e.pass_ratio.setText(text)
    else:
        row = 0 if where == "max" or text.startswith("优") else _row_of(e.table, "退款率")
        m.setData(m.index(row, 2 if where == "max" else 3), text)
    assert message in e.message.text()
    qtbot.mouseClick(e.save_button, Qt.MouseButton.LeftButton)
    if where in ("pool", "ratio") or "分值必须" in message:
        # The card as it stands is wrong: Save refuses and keeps saying why.
        assert e.result_card is None and message in e.message.text()
    else:
        # Only the edit was refused: the cell kept its value, so the card is unchanged.
        assert e.result_card == after_sales_card()


def test_a_month_keeps_the_card_version_it_was_opened_with(
    qtbot, db: Database, owner: Actor, supervisor: Actor, location: Location
) -> None:  # type: ignore[no-untyped-def]
    auth.add_user(
        db, owner, "小唐", "staff", job="客服", cs_level="高级售后客服", supervisor="主管"
    )
    old = service.open_month(db, supervisor, "2026-10")
    row = service.grid(db, supervisor, old.id).rows[0]
    v = row.version
    for k, raw in {"quality": "优", "refund_rate": "4.2%", "disputes": "良"}.items():
        v = service.update_cell(db, supervisor, row.id, k, raw, v).version
    before = service.grid(db, owner, old.id).rows[0]

    tab = KpiTab(UiContext(db=db, actor=owner, location=location))
    qtbot.addWidget(tab)
    e = _editor(qtbot, service.list_cards(db, owner)[0].card)
    t = e.table
    t.setCurrentIndex(e.model.index(_row_of(t, "执行力"), 0))
    qtbot.keyClick(t, Qt.Key.Key_Delete)
    qtbot.mouseClick(e.add_item_button, Qt.MouseButton.LeftButton)
    name = _open_editor(t)
    name.selectAll()  # type: ignore[union-attr]
    name.insert("学习")  # type: ignore[union-attr]
    _enter(qtbot, name)
    e.pool.setText("2000")
    qtbot.mouseClick(e.save_button, Qt.MouseButton.LeftButton)
    assert e.result_card is not None
    tab.save_card(e.result_card)

    # The October month still has its six items, its pool and its numbers.
    again = service.grid(db, owner, old.id)
    assert again.month.card_version == 1
    assert [i.label for i in again.month.card.items][-2:] == ["执行力", "出勤率"]
    assert again.rows[0].result == before.result
    v = again.rows[0].version
    for k, raw in {"teamwork": "优", "execution": "中", "late": "1"}.items():
        v = service.update_cell(db, owner, again.rows[0].id, k, raw, v).version
    assert service.grid(db, owner, old.id).rows[0].result.bonus == Decimal(
        "846.15"
    )  # 1000 × 110/130
    # A new month uses version 2: the new item, no 执行力, the bigger pool.
    new = service.open_month(db, supervisor, "2026-11")
    assert new.card_version == 2
    labels = [i.label for i in new.card.items]
    assert "学习" in labels and "执行力" not in labels
    assert new.card.pool == Decimal("2000.00")
    # And the tab shows each month with its own columns.
    tab.reload()
    tab.month_combo.setCurrentIndex(tab.month_combo.findData(old.id))
    assert tab.model is not None and "执行" in [c.title for c in tab.model.cols]
    tab.month_combo.setCurrentIndex(tab.month_combo.findData(new.id))
    assert tab.model is not None and "学习" in [c.title for c in tab.model.cols]


def test_editor_models_pass_qtmodeltester(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    e = _editor(qtbot)
    e.table.setCurrentIndex(e.model.index(1, 0))
    e.add_item()
    e.move_item(1)
    e.remove_item()
    e.add_adjustment(1)
    qtmodeltester.check(e.model)
    qtmodeltester.check(e.adjust_model)
