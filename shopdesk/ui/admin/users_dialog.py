"""Owner's user management: add people, set roles and jobs, reset PINs, deactivate."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk.auth import service as auth
from shopdesk.auth.actor import CS_LEVELS, JOBS, ROLE_LABELS, ROLES
from shopdesk.auth.pins import valid_pin
from shopdesk.errors import ShopDeskError
from shopdesk.ui.context import UiContext
from shopdesk.ui.errors import guarded
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP
from shopdesk.ui.labels import label

_HEADERS = (
    QT_TRANSLATE_NOOP("UsersModel", "姓名"),
    QT_TRANSLATE_NOOP("UsersModel", "角色"),
    QT_TRANSLATE_NOOP("UsersModel", "岗位"),
    QT_TRANSLATE_NOOP("UsersModel", "客服级别"),
    "PIN",
    QT_TRANSLATE_NOOP("UsersModel", "状态"),
)
Index = QModelIndex | QPersistentModelIndex


class UsersModel(QAbstractTableModel):
    def __init__(self, rows: list[auth.UserRow]) -> None:
        super().__init__()
        self.rows = rows

    def set_rows(self, rows: list[auth.UserRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(_HEADERS[section])
        return None

    def data(self, index: Index, role: int = 0) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        u = self.rows[index.row()]
        return (
            u.name,
            label(ROLE_LABELS.get(u.role, u.role)),
            u.job or "",
            u.cs_level or "",
            self.tr("有") if u.has_pin else self.tr("无"),
            self.tr("启用") if u.active else self.tr("已停用"),
        )[index.column()]


class AddUserDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("添加用户"))
        self.name_edit = QLineEdit(self)
        self.role_combo = QComboBox(self)
        for role in ROLES:
            self.role_combo.addItem(label(ROLE_LABELS[role]), role)
        self.job_combo = QComboBox(self)
        self.job_combo.addItems(list(JOBS))
        self.level_combo = QComboBox(self)
        self.level_combo.addItem("", None)
        for level in CS_LEVELS:
            self.level_combo.addItem(level, level)
        self.supervisor_combo = QComboBox(self)
        self.supervisor_combo.addItem("", None)
        for u in auth.list_users(ctx.db):
            if u.role in ("supervisor", "owner"):
                self.supervisor_combo.addItem(u.name, u.name)
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(8)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("姓名"), self.name_edit)
        form.addRow(self.tr("角色"), self.role_combo)
        form.addRow(self.tr("岗位"), self.job_combo)
        form.addRow(self.tr("客服级别"), self.level_combo)
        form.addRow(self.tr("主管"), self.supervisor_combo)
        form.addRow(self.tr("PIN (可选, 4–8 位数字)"), self.pin_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _save(self) -> None:
        try:
            auth.add_user(
                self.ctx.db,
                self.ctx.actor,
                self.name_edit.text(),
                self.role_combo.currentData(),
                self.pin_edit.text() or None,
                job=self.job_combo.currentText(),
                cs_level=self.level_combo.currentData(),
                supervisor=self.supervisor_combo.currentData(),
            )
        except ShopDeskError as exc:
            self.error_label.setText(str(exc))
            return
        self.accept()


class UsersDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("用户管理"))
        self.model = UsersModel(auth.list_users(ctx.db, include_inactive=True))
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().hide()
        add = QPushButton(self.tr("添加用户…"), self)
        reset = QPushButton(self.tr("重设 PIN…"), self)
        deactivate = QPushButton(self.tr("停用"), self)
        add.clicked.connect(self._add)
        reset.clicked.connect(self._reset_pin)
        deactivate.clicked.connect(self._deactivate)
        row = QHBoxLayout()
        for b in (add, reset, deactivate):
            row.addWidget(b)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(720, 480)

    def _reload(self) -> None:
        self.model.set_rows(auth.list_users(self.ctx.db, include_inactive=True))
        self.ctx.bus.data_changed.emit("user")

    def _selected(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].name if rows else None

    def _add(self) -> None:
        if AddUserDialog(self.ctx, self).exec() == QDialog.DialogCode.Accepted:
            self._reload()

    def _reset_pin(self) -> None:
        name = self._selected()
        if name is None:
            return
        pin, ok = QInputDialog.getText(
            self,
            self.tr("重设 PIN"),
            self.tr("{0} 的新 PIN (留空则不设 PIN):").format(name),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        if pin and not valid_pin(pin):
            QMessageBox.warning(self, "ShopDesk", self.tr("PIN 必须是 4–8 位数字"))
            return
        guarded(self, lambda: auth.reset_pin(self.ctx.db, self.ctx.actor, name, pin or None))
        self._reload()

    def _deactivate(self) -> None:
        name = self._selected()
        if name is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("停用用户"),
            self.tr("停用 {0}? 停用后不能登录, 历史记录保留。").format(name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            guarded(self, lambda: auth.deactivate(self.ctx.db, self.ctx.actor, name))
            self._reload()
