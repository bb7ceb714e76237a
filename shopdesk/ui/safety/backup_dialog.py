"""数据 → 备份与恢复: the backups with dates and sizes, back up now, restore one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk.auth.permissions import Perm, can, require
from shopdesk.backup import BackupInfo, backup_now, list_backups, restore, validate_backup
from shopdesk.ui.context import UiContext
from shopdesk.ui.errors import guarded
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
_REASONS = {
    "daily": QT_TRANSLATE_NOOP("BackupsModel", "每日自动"),
    "manual": QT_TRANSLATE_NOOP("BackupsModel", "手动"),
    "before-migration": QT_TRANSLATE_NOOP("BackupsModel", "升级前"),
    "before-restore": QT_TRANSLATE_NOOP("BackupsModel", "恢复前"),
}


class BackupsModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("BackupsModel", "时间"),
        QT_TRANSLATE_NOOP("BackupsModel", "类型"),
        QT_TRANSLATE_NOOP("BackupsModel", "大小"),
        QT_TRANSLATE_NOOP("BackupsModel", "文件"),
    )

    def __init__(self, rows: list[BackupInfo]) -> None:
        super().__init__()
        self.rows = rows

    def set_rows(self, rows: list[BackupInfo]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QApplication.translate("BackupsModel", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = 0) -> object:
        if not index.isValid():
            return None
        b = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{b.taken:%Y-%m-%d %H:%M:%S}",
                QApplication.translate("BackupsModel", _REASONS.get(b.reason, b.reason)),
                f"{b.size / 1e6:.1f} MB",
                b.path.name,
            )[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BackupDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.restored = False
        self.setWindowTitle(self.tr("备份与恢复"))
        where = QLabel(self.tr("备份文件夹: {0}").format(ctx.location.backup_dir), self)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(
            self.tr("每天第一次启动时自动备份; 保留最近 7 天、4 周、12 个月各一份。"), self
        )
        self.model = BackupsModel(list_backups(ctx.location))
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.backup_btn = QPushButton(self.tr("立即备份(&B)"), self)
        self.restore_btn = QPushButton(self.tr("从选中的备份恢复(&R)…"), self)
        self.file_btn = QPushButton(self.tr("从文件恢复(&F)…"), self)
        self.backup_btn.clicked.connect(self.backup)
        self.restore_btn.clicked.connect(self._restore_selected)
        self.file_btn.clicked.connect(self._restore_file)
        may_restore = can(ctx.actor, Perm.RESTORE)
        for b in (self.restore_btn, self.file_btn):
            b.setEnabled(may_restore)
            if not may_restore:
                b.setToolTip(self.tr("只有店主可以恢复数据"))
        row = QHBoxLayout()
        for b in (self.backup_btn, self.restore_btn, self.file_btn):
            row.addWidget(b)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(hint)
        layout.addWidget(self.view)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(760, 440)

    def backup(self) -> Path | None:
        def run() -> Path:
            require(self.ctx.actor, Perm.BACKUP)
            return backup_now(self.ctx.location, "manual")

        made = guarded(self, run)
        if made is not None:
            self.model.set_rows(list_backups(self.ctx.location))
            self.ctx.bus.status.emit(self.tr("已备份到 {0}").format(made))
        return made

    def _restore_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.restore_from(self.model.rows[rows[0].row()].path)

    def _restore_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择备份文件"), str(self.ctx.location.backup_dir), "*.db"
        )
        if name:
            self.restore_from(Path(name))

    def restore_from(self, path: Path) -> bool:
        def check() -> bool:
            validate_backup(path)
            return True

        if guarded(self, check) is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("恢复数据"),
            self.tr(
                "用 {0} 替换当前数据? 当前数据会先另存一份备份。"
                "恢复后 ShopDesk 会关闭, 请重新打开。"
            ).format(path.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False

        def run() -> Path:
            require(self.ctx.actor, Perm.RESTORE)
            self.ctx.db.dispose()
            return restore(self.ctx.location, path)

        if guarded(self, run) is None:
            return False
        self.restored = True
        QMessageBox.information(
            self, "ShopDesk", self.tr("已恢复。ShopDesk 现在关闭, 请重新打开。")
        )
        self.accept()
        return True
