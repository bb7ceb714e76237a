from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.config import Location
from shopdesk.db.engine import Database
from shopdesk.ui.context import UiContext
from shopdesk.ui.login import FirstRunDialog, LoginDialog
from shopdesk.ui.main_window import MainWindow


def test_window_title_tabs_and_user(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow(ui_ctx)
    qtbot.addWidget(w)
    with qtbot.waitExposed(w):
        w.show()
    assert w.windowTitle() == "ShopDesk"
    assert [w.tabs.tabText(i) for i in range(w.tabs.count())] == [
        "今日检查",
        "库存补货",
        "活动日历",
        "客服绩效",
        "经营数据",
    ]
    assert w.user_label.text() == "当前用户: 店主 (店主)"


def test_tabs_are_built_when_first_shown(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow(ui_ctx)
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    assert w.lazy["checklist"].content is not None
    assert w.lazy["metrics"].content is None
    qtbot.keyClick(w, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert w.tabs.currentIndex() == 4
    assert w.lazy["metrics"].content is not None


def test_window_remembers_size_and_last_tab(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow(ui_ctx)
    qtbot.addWidget(w)
    w.show()
    w.resize(700, 500)
    w.tabs.setCurrentIndex(3)
    w.close()
    again = MainWindow(ui_ctx)
    qtbot.addWidget(again)
    again.show()
    assert again.tabs.currentIndex() == 3
    assert (again.width(), again.height()) == (700, 500)


def test_first_run_creates_owner_with_pin(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    dlg = FirstRunDialog(db)
    qtbot.addWidget(dlg)
    dlg.show()
    # QTest.keyClicks aborts on non-ASCII text: Chinese arrives as an input-method commit.
    dlg.shop_edit.insert("小美家居")
    dlg.name_edit.insert("王芳")
    qtbot.keyClicks(dlg.pin_edit, "2468")
    qtbot.keyClicks(dlg.pin2_edit, "2469")
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "不一致" in dlg.error_label.text()
    assert not auth.has_users(db)
    dlg.pin2_edit.clear()
    qtbot.keyClicks(dlg.pin2_edit, "2468")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dlg.result() == FirstRunDialog.DialogCode.Accepted
    assert dlg.actor is not None and dlg.actor.role == "owner"
    assert auth.login(db, "王芳", "2468").name == "王芳"
    from shopdesk.settings import service as settings

    assert settings.read(db, "shop.name") == "小美家居"
    assert settings.read(db, "shop.platform") == "淘宝"


def test_login_lists_active_users_and_checks_pin(qtbot, db: Database, owner: Actor) -> None:  # type: ignore[no-untyped-def]
    auth.add_user(db, owner, "小李", "staff", "1357", job="仓库")
    auth.add_user(db, owner, "离职", "staff")
    auth.deactivate(db, owner, "离职")
    dlg = LoginDialog(db)
    qtbot.addWidget(dlg)
    dlg.show()
    names = [dlg.users.item(i).text() for i in range(dlg.users.count())]
    assert any(n.startswith("小李") for n in names)
    assert not any(n.startswith("离职") for n in names)
    dlg.select_user("小李")
    qtbot.keyClicks(dlg.pin_edit, "0000")
    qtbot.keyClick(dlg.pin_edit, Qt.Key.Key_Return)
    assert "PIN 不正确" in dlg.error_label.text()
    assert dlg.actor is None
    qtbot.keyClicks(dlg.pin_edit, "1357")
    qtbot.keyClick(dlg.pin_edit, Qt.Key.Key_Return)
    assert dlg.actor is not None and dlg.actor.name == "小李"


def test_staff_window_shows_their_role(
    qtbot, db: Database, staff: Actor, location: Location
) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow(UiContext(db=db, actor=staff, location=location))
    qtbot.addWidget(w)
    w.show()
    assert w.findChild(QLabel, "currentUser").text() == "当前用户: 员工 (员工)"


def test_run_paints_the_window_then_attaches_the_user(
    qtbot, db: Database, owner: Actor, location: Location
) -> None:  # type: ignore[no-untyped-def]
    """`shopdesk --as NAME`: the window shows first, then the shop opens and fills it."""
    from shopdesk.ui import app as app_module

    window, code = app_module.start_gui(location, lambda d: auth.actor_by_name(d, "店主"))
    assert window is not None and code == 0
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.user_label.text() == "当前用户: 店主 (店主)"
    assert type(window.tab("checklist")).__name__ == "ChecklistTab"
    assert window.instance_lock is not None


def test_a_second_instance_on_the_same_shop_is_refused(location: Location) -> None:
    from shopdesk.ui.app import single_instance_lock

    first = single_instance_lock(location)
    assert first is not None
    assert single_instance_lock(location) is None
    first.unlock()
    again = single_instance_lock(location)
    assert again is not None
    again.unlock()
