"""QA of the 今日检查 tab in the whole window (issue 5): keyboard focus, the empty list, 打开活动
on campaign tasks, and the hero-stock click-through to 库存补货. Driven like a user."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from shopdesk import clock
from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.campaigns import service as campaigns
from shopdesk.campaigns.rows import CampaignInput
from shopdesk.checklist import service as cl
from shopdesk.config import Location
from shopdesk.db.engine import Database
from shopdesk.inventory.models import Product
from shopdesk.ui.checklist.day_model import COL_LINK, COL_TICK
from shopdesk.ui.checklist_tab import ChecklistTab
from shopdesk.ui.context import UiContext
from shopdesk.ui.main_window import MainWindow


def window(qtbot: Any, db: Database, actor: Actor, location: Location) -> MainWindow:
    w = MainWindow(UiContext(db=db, actor=actor, location=location))
    qtbot.addWidget(w)
    with qtbot.waitActive(w):  # shortcuts and focus need the active window
        w.show()
        w.activateWindow()
    w.tabs.setCurrentIndex(0)
    tab = checklist_of(w)
    assert tab.wait_loaded()
    return w


def checklist_of(w: MainWindow) -> ChecklistTab:
    tab = w.tab("checklist")
    assert isinstance(tab, ChecklistTab)
    return tab


def row_where(tab: ChecklistTab, pred: Any) -> int:
    for i in range(tab.model.rowCount()):
        r = tab.model.row_at(i)
        if r is not None and pred(r):
            return i
    raise AssertionError("no such row")


def double_click(qtbot: Any, tab: ChecklistTab, row: int, col: int) -> None:
    rect = tab.table.visualRect(tab.model.index(row, col))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# -- 1. focus ---------------------------------------------------------------------------------


def test_space_ticks_right_after_login(  # type: ignore[no-untyped-def]
    qtbot, db: Database, staff: Actor, location: Location
) -> None:
    """Logged in (start_gui as the app does), the first Space ticks without a click."""
    from shopdesk.ui import app as app_module

    w, code = app_module.start_gui(location, lambda d: auth.actor_by_name(d, "员工"))
    assert w is not None and code == 0
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.activateWindow()
    tab = checklist_of(w)
    assert tab.wait_loaded()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.table)
    first = tab.table.currentIndex().row()
    assert tab.model.row_at(first) is not None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert tab.model.index(first, COL_TICK).data() == "☑"
    assert cl.day_view(tab.ctx.db, tab.ctx.actor).progress.done == 1


def test_ctrl1_puts_the_keyboard_in_the_table(  # type: ignore[no-untyped-def]
    qtbot, db: Database, staff: Actor, location: Location
) -> None:
    w = window(qtbot, db, staff, location)
    tab = checklist_of(w)
    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert w.tabs.currentIndex() == 1
    qtbot.keyClick(w, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert w.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.table)
    row = tab.table.currentIndex().row()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert tab.model.index(row, COL_TICK).data() == "☑"
    # the date box had the keyboard: away and back, it is the table again
    tab.date_edit.setFocus()
    qtbot.keyClick(w, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(w, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.table)


# -- 2. the empty list ------------------------------------------------------------------------


def test_nothing_assigned_says_so_and_offers_everyones(  # type: ignore[no-untyped-def]
    qtbot, db: Database, owner: Actor, location: Location, tmp_path
) -> None:
    """The owner (店主) has only weekly Thursday items; the suite's today is a Sunday."""
    assert clock.today().weekday() == 6
    w = window(qtbot, db, owner, location)
    tab = checklist_of(w)
    assert tab.model.rowCount() == 0
    assert tab.empty.isVisible()
    assert tab.empty_label.text() == "今天没有分配给你的检查项 —"
    assert tab.empty_all_btn.isVisible() and tab.empty_all_btn.text() == "显示所有人的"
    tab.grab().save(str(tmp_path / "checklist-empty.png"))
    # the keyboard is on the button: Space shows everyone's list, and then on the table
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.empty_all_btn)
    qtbot.keyClick(tab.empty_all_btn, Qt.Key.Key_Space)
    assert tab.everyone.isChecked()
    assert tab.model.rowCount() > 0 and not tab.empty.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.table)
    # back to "mine" with the check box: the hint comes back; another day says "这一天"
    qtbot.mouseClick(tab.everyone, Qt.MouseButton.LeftButton)
    assert tab.empty.isVisible()
    qtbot.mouseClick(tab.prev_btn, Qt.MouseButton.LeftButton)
    assert tab.empty_label.text() == "这一天没有分配给你的检查项 —"
    qtbot.mouseClick(tab.empty_all_btn, Qt.MouseButton.LeftButton)
    assert tab.everyone.isChecked()
    # the checklist only started today: nobody had anything that day, and no button is offered
    assert tab.empty_label.text() == "这一天没有检查项" and not tab.empty_all_btn.isVisible()


def test_a_list_with_items_shows_no_hint(  # type: ignore[no-untyped-def]
    qtbot, db: Database, staff: Actor, location: Location
) -> None:
    tab = checklist_of(window(qtbot, db, staff, location))
    assert tab.model.rowCount() > 0 and not tab.empty.isVisible()


# -- 3. 打开活动 -------------------------------------------------------------------------------


class FakeDialog:
    """Stands in for the modal campaign dialog: records which campaign was opened."""

    opened: list[int | None] = []

    def __init__(self, ctx: UiContext, campaign_id: int | None = None, **_kw: Any) -> None:
        FakeDialog.opened.append(campaign_id)

    def exec(self) -> int:
        return 0


@pytest.fixture
def signup_task(db: Database, owner: Actor, monkeypatch: pytest.MonkeyPatch) -> int:
    """A campaign whose sign-up task (job 运营) is due today; the dialog is faked."""
    FakeDialog.opened = []
    monkeypatch.setattr("shopdesk.ui.campaigns_tab.CampaignDialog", FakeDialog)
    today = clock.today()
    data = CampaignInput(
        name="双12",
        start=today + timedelta(days=10),
        end=today + timedelta(days=15),
        signup_deadline=today,
    )
    return campaigns.create_campaign(db, owner, data)


def test_campaign_task_opens_its_campaign(  # type: ignore[no-untyped-def]
    qtbot, db: Database, staff: Actor, location: Location, signup_task: int, tmp_path
) -> None:
    w = window(qtbot, db, staff, location)
    tab = checklist_of(w)
    row = row_where(tab, lambda r: r.source == "campaign")
    assert tab.model.index(row, COL_LINK).data() == "打开活动 ▸"
    tab.table.scrollTo(tab.model.index(row, COL_LINK))
    tab.grab().save(str(tmp_path / "checklist-campaign-link.png"))
    assert "活动日历" in tab.model.index(row, COL_LINK).data(Qt.ItemDataRole.ToolTipRole)
    # Enter on the link column
    tab.table.select_row(row, COL_LINK)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert w.tabs.currentWidget() is w.lazy["campaigns"]
    assert FakeDialog.opened == [signup_task]
    detail = campaigns.get_campaign(db, staff, signup_task)
    assert w.tab("campaigns").grid.selected == detail.campaign.start  # type: ignore[attr-defined]
    # double-click, after coming back with Ctrl+1
    qtbot.keyClick(w, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    double_click(qtbot, tab, row, COL_LINK)
    assert w.tabs.currentWidget() is w.lazy["campaigns"]
    assert FakeDialog.opened == [signup_task, signup_task]
    # the context menu has 打开活动 (and tick); a template item has no 打开活动
    w.tabs.setCurrentIndex(0)
    menu = tab.table.context_menu(row)
    assert menu is not None
    texts = [a.text() for a in menu.actions()]
    assert texts == ["勾选", "打开活动"]
    menu.actions()[1].trigger()
    assert FakeDialog.opened == [signup_task] * 3
    plain = row_where(tab, lambda r: r.source == "template" and not r.link_key)
    plain_menu = tab.table.context_menu(plain)
    assert plain_menu is not None and [a.text() for a in plain_menu.actions()] == ["勾选"]
    # the menu's 勾选 ticks the campaign task (through campaigns)
    w.tabs.setCurrentIndex(0)
    menu.actions()[0].trigger()
    row = row_where(tab, lambda r: r.source == "campaign")
    assert tab.model.index(row, COL_TICK).data() == "☑"


def test_context_menu_opens_at_the_mouse(  # type: ignore[no-untyped-def]
    qtbot, db: Database, staff: Actor, location: Location, signup_task: int, monkeypatch
) -> None:
    from PySide6.QtGui import QContextMenuEvent

    w = window(qtbot, db, staff, location)
    tab = checklist_of(w)
    shown: list[list[str]] = []
    monkeypatch.setattr(
        tab.table, "popup", lambda menu, _at: shown.append([x.text() for x in menu.actions()])
    )
    row = row_where(tab, lambda r: r.source == "campaign")
    pos: QPoint = tab.table.visualRect(tab.model.index(row, COL_LINK)).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, tab.table.viewport().mapToGlobal(pos)
    )
    QApplication.sendEvent(tab.table.viewport(), event)
    assert shown == [["勾选", "打开活动"]]
    assert tab.table.currentIndex().row() == row


# -- 5. hero SKUs below their warning level ---------------------------------------------------


def test_hero_stock_click_shows_exactly_the_heroes_below_warning(  # type: ignore[no-untyped-def]
    qtbot, db: Database, staff: Actor, location: Location
) -> None:
    with db.write() as s:
        for sku, hero, on_hand, warning in (
            ("H1", True, 3, 10),  # hero, below its own level
            ("H2", True, 40, None),  # hero, below the hot tier default 50
            ("H3", True, 80, None),  # hero, fine
            ("N1", False, 0, 10),  # below, but not a hero
        ):
            s.add(
                Product(
                    sku=sku,
                    name=f"商品{sku}",
                    hero=hero,
                    tier="hot",
                    on_hand=on_hand,
                    warning_level=warning,
                )
            )
    w = window(qtbot, db, staff, location)
    tab = checklist_of(w)
    row = row_where(tab, lambda r: r.link_key == "hero_stock" and not r.carried_over)
    assert tab.model.index(row, COL_LINK).data() == "2 个主推款低于预警量"
    double_click(qtbot, tab, row, COL_LINK)
    assert w.tabs.currentWidget() is w.lazy["inventory"]
    inv = w.tab("inventory")
    assert inv.isVisible()
    qtbot.waitUntil(lambda: not inv.products.loading, timeout=10_000)  # type: ignore[attr-defined]
    m = inv.products.model  # type: ignore[attr-defined]
    assert sorted(m.row_at(i).sku for i in range(m.rowCount())) == ["H1", "H2"]
    assert inv.products.only_hero.isChecked() and inv.products.only_warning.isChecked()  # type: ignore[attr-defined]
