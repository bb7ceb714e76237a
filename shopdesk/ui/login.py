"""First-run (create the owner) and login dialogs."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from shopdesk.auth import service as auth
from shopdesk.auth.actor import ROLE_LABELS, Actor
from shopdesk.auth.pins import valid_pin
from shopdesk.db.engine import Database
from shopdesk.errors import ShopDeskError
from shopdesk.settings import service as settings
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP
from shopdesk.ui.labels import label as translated

PLATFORMS = (
    QT_TRANSLATE_NOOP("FirstRunDialog", "淘宝"),
    QT_TRANSLATE_NOOP("FirstRunDialog", "天猫"),
    QT_TRANSLATE_NOOP("FirstRunDialog", "京东"),
    QT_TRANSLATE_NOOP("FirstRunDialog", "拼多多"),
    QT_TRANSLATE_NOOP("FirstRunDialog", "抖音"),
    QT_TRANSLATE_NOOP("FirstRunDialog", "其他"),
)


def _pin_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(8)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return edit


class FirstRunDialog(QDialog):
    """Creates the owner account (and names the shop) the first time ShopDesk starts."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("欢迎使用 ShopDesk"))
        intro = QLabel(
            self.tr("第一次使用: 请创建店主账号。PIN 可不填; 填写则为 4–8 位数字。"), self
        )
        intro.setWordWrap(True)
        self.shop_edit = QLineEdit(self)
        self.shop_edit.setPlaceholderText(self.tr("例如: 小美家居旗舰店"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(64)
        self.pin_edit = _pin_edit(self)
        self.pin2_edit = _pin_edit(self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error")
        self.error_label.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        self.platform_combo = QComboBox(self)
        for platform in PLATFORMS:  # shown translated, stored as the Chinese name
            self.platform_combo.addItem(self.tr(platform), platform)
        self.demo_radio = QRadioButton(self.tr("示例店铺: 先看看每个页面 (生成示例数据)"), self)
        self.empty_radio = QRadioButton(
            self.tr("空白店铺: 从导入自己的表格开始 (库存补货 → 导入…)"), self
        )
        self.empty_radio.setChecked(True)
        form.addRow(self.tr("店铺名称"), self.shop_edit)
        form.addRow(self.tr("平台"), self.platform_combo)
        form.addRow(self.tr("店主姓名"), self.name_edit)
        form.addRow(self.tr("PIN (可选)"), self.pin_edit)
        form.addRow(self.tr("再次输入 PIN"), self.pin2_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("创建并进入"))
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.empty_radio)
        layout.addWidget(self.demo_radio)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.name_edit.setFocus()

    def _create(self) -> None:
        name = self.name_edit.text().strip()
        pin = self.pin_edit.text()
        if not name:
            self.error_label.setText(self.tr("请填写店主姓名"))
            return
        if pin and not valid_pin(pin):
            self.error_label.setText(self.tr("PIN 必须是 4–8 位数字"))
            return
        if pin != self.pin2_edit.text():
            self.error_label.setText(self.tr("两次输入的 PIN 不一致"))
            return
        try:
            actor = auth.create_owner(self.db, name, pin or None)
            if self.demo_radio.isChecked():
                self._make_demo()
            values = {"shop.platform": str(self.platform_combo.currentData())}
            shop = self.shop_edit.text().strip()
            if shop:
                values["shop.name"] = shop
            settings.set_many(self.db, actor, values)
        except ShopDeskError as exc:
            self.error_label.setText(str(exc))
            return
        self.actor = actor
        self.accept()

    def _make_demo(self) -> None:
        from shopdesk.demo import generate

        busy = QProgressDialog(self.tr("正在生成示例店铺…"), "", 0, 0, self)
        busy.setCancelButton(None)
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.show()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # Generate in a worker thread so the window keeps painting.
            with ThreadPoolExecutor(max_workers=1) as pool:
                job = pool.submit(generate, self.db)
                while not job.done():
                    QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
                job.result()
        finally:
            QApplication.restoreOverrideCursor()
            busy.close()


class LoginDialog(QDialog):
    """Pick yourself from the list of active users and type your PIN (if you have one)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("登录 ShopDesk"))
        self.users = QListWidget(self)
        for user in auth.list_users(db):
            label = f"{user.name}  ·  {translated(ROLE_LABELS.get(user.role, user.role))}"

            if user.job and user.job != ROLE_LABELS.get(user.role):
                label += f" · {user.job}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, user.name)
            item.setData(Qt.ItemDataRole.UserRole + 1, user.has_pin)
            self.users.addItem(item)
        self.pin_edit = _pin_edit(self)
        self.pin_edit.setPlaceholderText(self.tr("PIN"))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        self.buttons.accepted.connect(self._login)
        self.buttons.rejected.connect(self.reject)
        self.users.currentItemChanged.connect(self._on_user)
        self.users.itemActivated.connect(lambda _item: self._login())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("选择用户:"), self))
        layout.addWidget(self.users)
        layout.addWidget(self.pin_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        if self.users.count():
            self.users.setCurrentRow(0)
        self.resize(360, 420)

    def _on_user(self, item: QListWidgetItem | None) -> None:
        has_pin = bool(item and item.data(Qt.ItemDataRole.UserRole + 1))
        self.pin_edit.setEnabled(has_pin)
        self.pin_edit.clear()
        self.error_label.clear()
        if has_pin:
            self.pin_edit.setFocus()

    def select_user(self, name: str) -> None:
        for row in range(self.users.count()):
            if self.users.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.users.setCurrentRow(row)
                return

    def _login(self) -> None:
        item = self.users.currentItem()
        if item is None:
            self.error_label.setText(self.tr("请选择用户"))
            return
        try:
            self.actor = auth.login(
                self.db, item.data(Qt.ItemDataRole.UserRole), self.pin_edit.text()
            )
        except ShopDeskError as exc:
            self.error_label.setText(str(exc))
            self.pin_edit.clear()
            self.pin_edit.setFocus()
            return
        self.accept()
