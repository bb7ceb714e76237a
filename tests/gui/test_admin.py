from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QSpinBox
from sqlalchemy import select

from shopdesk.audit.models import AuditEntry
from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.config import Location
from shopdesk.db.engine import Database
from shopdesk.settings import service as settings
from shopdesk.ui.admin.settings_dialog import SettingsDialog
from shopdesk.ui.admin.users_dialog import AddUserDialog, UsersDialog
from shopdesk.ui.context import UiContext
from shopdesk.ui.main_window import MainWindow


def _menu_texts(w: MainWindow) -> list[str]:
    return [a.text() for a in w.file_menu.actions()]


def test_owner_menu_has_admin_actions_staff_does_not(
    qtbot, db: Database, owner: Actor, staff: Actor, location: Location
) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow(UiContext(db=db, actor=owner, location=location))
    qtbot.addWidget(w)
    assert "用户管理…" in _menu_texts(w) and "设置…" in _menu_texts(w)
    s = MainWindow(UiContext(db=db, actor=staff, location=location))
    qtbot.addWidget(s)
    assert "用户管理…" not in _menu_texts(s) and "设置…" not in _menu_texts(s)
    assert "切换用户(&U)…" in _menu_texts(s)


def test_switch_user_asks_the_app_for_a_new_login(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow(ui_ctx)
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    with qtbot.waitSignal(w.switch_user_requested, timeout=1000):
        qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def test_settings_dialog_saves_and_audits(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    dlg = SettingsDialog(ui_ctx)
    qtbot.addWidget(dlg)
    hot = dlg.editors["restock.warning_levels"].findChildren(QSpinBox)[0]
    hot.setValue(60)
    dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert dlg.changed == ["restock.warning_levels"]
    assert settings.read(ui_ctx.db, "restock.warning_levels") == {
        "hot": 60,
        "regular": 20,
        "slow": 5,
    }
    with ui_ctx.db.read() as s:
        last = s.execute(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).scalar_one()
        assert (last.user_name, last.entity, last.entity_id) == (
            "店主",
            "setting",
            "restock.warning_levels",
        )
        assert last.before == {"value": {"hot": 50, "regular": 20, "slow": 5}}


def test_settings_dialog_refuses_bad_value_and_keeps_old(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    dlg = SettingsDialog(ui_ctx)
    qtbot.addWidget(dlg)
    dlg.editors["metrics.change_threshold"].setText("两成")
    dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert "日环比预警阈值" in dlg.error_label.text()
    assert settings.read(ui_ctx.db, "metrics.change_threshold") == "0.20"


def test_add_and_deactivate_user(qtbot, ui_ctx: UiContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add = AddUserDialog(ui_ctx)
    qtbot.addWidget(add)
    add.name_edit.insert("小周")
    add.role_combo.setCurrentIndex(0)  # staff
    qtbot.keyClicks(add.pin_edit, "8642")
    add.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert add.error_label.text() == ""
    assert auth.login(ui_ctx.db, "小周", "8642").role == "staff"
    dlg = UsersDialog(ui_ctx)
    qtbot.addWidget(dlg)
    row = [u.name for u in dlg.model.rows].index("小周")
    dlg.view.selectRow(row)
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dlg._deactivate()
    assert dlg.model.data(dlg.model.index(row, 5)) == "已停用"
    assert "小周" not in [u.name for u in auth.list_users(ui_ctx.db)]
