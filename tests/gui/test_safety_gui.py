from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from shopdesk.audit.models import AuditEntry
from shopdesk.auth.actor import Actor
from shopdesk.config import Location
from shopdesk.db.engine import Database
from shopdesk.ui.context import UiContext
from shopdesk.ui.main_window import MainWindow
from shopdesk.ui.safety.audit_dialog import AuditDialog
from shopdesk.ui.safety.backup_dialog import BackupDialog


def test_backup_now_lists_the_copy(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    dlg = BackupDialog(ui_ctx)
    qtbot.addWidget(dlg)
    before = dlg.model.rowCount()
    qtbot.mouseClick(dlg.backup_btn, Qt.MouseButton.LeftButton)
    assert dlg.model.rowCount() == before + 1
    assert dlg.model.data(dlg.model.index(0, 1)) == "手动"


def test_restore_refuses_a_bad_file_with_a_message(
    qtbot, ui_ctx: UiContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr("shopdesk.ui.errors.show_error", lambda parent, err: shown.append(str(err)))
    bad = tmp_path / "bad.db"
    bad.write_text("nope")
    dlg = BackupDialog(ui_ctx)
    qtbot.addWidget(dlg)
    assert dlg.restore_from(bad) is False
    assert shown and "不是 SQLite" in shown[0]


def test_staff_cannot_restore_from_the_dialog(
    qtbot, db: Database, staff: Actor, location: Location
) -> None:  # type: ignore[no-untyped-def]
    dlg = BackupDialog(UiContext(db=db, actor=staff, location=location))
    qtbot.addWidget(dlg)
    assert not dlg.restore_btn.isEnabled() and "店主" in dlg.restore_btn.toolTip()


def test_audit_viewer_filters_by_user(
    qtbot, demo_db: Database, demo_owner: Actor, demo_location: Location
) -> None:  # type: ignore[no-untyped-def]
    dlg = AuditDialog(UiContext(db=demo_db, actor=demo_owner, location=demo_location))
    qtbot.addWidget(dlg)
    assert dlg.model.rowCount() > 0
    dlg.user.setCurrentIndex(dlg.user.findData("李娜"))
    users = {dlg.model.data(dlg.model.index(r, 1)) for r in range(dlg.model.rowCount())}
    assert users == {"李娜"}
    dlg.user.setCurrentIndex(0)
    dlg.entity.setCurrentIndex(dlg.entity.findText("活动"))  # readable names, not "campaign"
    shown = {
        (dlg.model.data(dlg.model.index(r, 2)), dlg.model.data(dlg.model.index(r, 4)))
        for r in range(dlg.model.rowCount())
    }
    assert shown and {e for e, _ in shown} == {"活动"}
    assert {a for _, a in shown} <= {"新建", "阶段变更", "修改", "复盘", "移动"}


def test_start_up_check_shows_a_banner_when_the_log_was_edited(
    qtbot, demo_db: Database, demo_owner: Actor, demo_location: Location
) -> None:  # type: ignore[no-untyped-def]
    with demo_db.write() as s:
        s.execute(select(AuditEntry).limit(1)).scalar_one().after = {"tampered": True}
    w = MainWindow(UiContext(db=demo_db, actor=demo_owner, location=demo_location))
    qtbot.addWidget(w)
    w.show()
    w.start_check()
    qtbot.waitUntil(lambda: w.banner.isVisible(), timeout=10_000)
    assert "操作日志" in w.banner.text()


def test_owner_is_told_about_a_bulk_stock_change_once(
    qtbot, demo_db: Database, demo_owner: Actor, demo_location: Location, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from shopdesk.auth import service as auth
    from shopdesk.inventory.importers import run_import
    from shopdesk.inventory.models import Product
    from shopdesk.ui.safety.flags import unseen_bulk_changes

    with demo_db.read() as s:
        skus = list(s.scalars(select(Product.sku).limit(30)))
    f = tmp_path / "stock.csv"
    f.write_text(
        "SKU编码,库存\n" + "".join(f"{sku},{i + 1000}\n" for i, sku in enumerate(skus)),
        encoding="utf-8",
    )
    supervisor = auth.actor_by_name(demo_db, "孙浩")
    run_import(demo_db, supervisor, "stock", f)
    owner_ctx = UiContext(db=demo_db, actor=demo_owner, location=demo_location)
    lines = unseen_bulk_changes(owner_ctx)
    assert len(lines) == 1 and "孙浩" in lines[0]
    assert unseen_bulk_changes(owner_ctx) == []  # shown once
    staff_ctx = UiContext(
        db=demo_db, actor=auth.actor_by_name(demo_db, "陈晨"), location=demo_location
    )
    assert unseen_bulk_changes(staff_ctx) == []


def _answer_bulk_box(qtbot, button: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Press Yes/No on the bulk-change question when it opens; returns its text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        qtbot.mouseClick(
            box.button(getattr(QMessageBox.StandardButton, button)), Qt.MouseButton.LeftButton
        )

    QTimer.singleShot(0, answer)
    return seen


def test_a_bulk_import_asks_first_and_no_changes_nothing(
    qtbot, ui_ctx: UiContext, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from shopdesk.inventory import service
    from shopdesk.ui.inventory.import_dialog import ImportDialog

    f = tmp_path / "products.csv"
    f.write_text(
        "商家编码,商品名称,售价\n" + "".join(f"B{i},杯子{i},9.90\n" for i in range(25)),
        encoding="utf-8",
    )
    dlg = ImportDialog(ui_ctx, "products")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.path.setText(str(f))
    qtbot.mouseClick(dlg.preview_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dlg.import_btn.isEnabled, timeout=10_000)
    asked = _answer_bulk_box(qtbot, "No")
    qtbot.mouseClick(dlg.import_btn, Qt.MouseButton.LeftButton)
    assert asked and "25" in asked[0]
    assert "未导入" in dlg.status.text()
    assert service.list_products(ui_ctx.db, ui_ctx.actor).rows == []
    asked = _answer_bulk_box(qtbot, "Yes")
    with qtbot.waitSignal(ui_ctx.bus.data_changed, timeout=10_000):
        qtbot.mouseClick(dlg.import_btn, Qt.MouseButton.LeftButton)
    assert len(service.list_products(ui_ctx.db, ui_ctx.actor).rows) == 25
    with ui_ctx.db.read() as s:
        last = s.execute(
            select(AuditEntry.entity, AuditEntry.flagged).order_by(AuditEntry.id.desc()).limit(1)
        ).one()
    assert tuple(last) == ("import", True)


def test_a_small_import_is_not_asked_about(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    from shopdesk.ui.safety.flags import confirm_bulk

    assert confirm_bulk(ui_ctx, None, 20, "商品")  # type: ignore[arg-type]
