"""文件 → 连接到服务器…: point this PC at the team's PostgreSQL server (or back at its own file).

The choice is stored per data directory in connection.ini (never in the shared database) and
takes effect at the next start; `--db` and SHOPDESK_DB_URL still win over it.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from shopdesk.config import ENV_DB_URL, Location, save_url, saved_url
from shopdesk.db.remote import DEFAULT_PORT, Probe, ServerFields, build_url, probe, split_url
from shopdesk.errors import ShopDeskError
from shopdesk.ui.widgets import theme
from shopdesk.ui.widgets.worker import Job, start

OK_STYLE = "color: #1b5e20;"
BAD_STYLE = "color: #8a1c13;"


class ConnectionDialog(QDialog):
    def __init__(self, location: Location, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.saved_to: str | None = None  # the URL saved (or "" for the local file) on OK
        self._job: Job | None = None
        self.setWindowTitle(self.tr("连接到服务器"))

        self.local = QRadioButton(self.tr("本机数据 (这台电脑上的店铺文件)"))
        self.server = QRadioButton(self.tr("服务器 (团队模式: 几台电脑共用一个 PostgreSQL 数据库)"))
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)

        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("例如 192.168.1.10 或 shop-server"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit("shopdesk")
        self.user = QLineEdit("shopdesk")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setToolTip(
            self.tr("密码保存在这台电脑的数据目录 (connection.ini), 只有当前系统用户可读。")
        )
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.addRow(self.tr("服务器地址(&H):"), self.host)
        form.addRow(self.tr("端口(&P):"), self.port)
        form.addRow(self.tr("数据库(&D):"), self.database)
        form.addRow(self.tr("用户名(&U):"), self.user)
        form.addRow(self.tr("密码(&W):"), self.password)

        self.test_button = QPushButton(self.tr("测试连接(&T)"))
        self.test_button.clicked.connect(self.test_connection)
        self.outcome = QLabel()
        self.outcome.setObjectName("connectionResult")
        self.outcome.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.outcome, 1)

        now = QLabel(self.tr("现在使用: {0}").format(_shown(location.url)))
        now.setWordWrap(True)
        note = QLabel(
            self.tr(
                "保存后, 下次启动 ShopDesk 时生效。几台电脑都连到同一个服务器后, "
                "一台电脑上的修改几秒内就会出现在其他电脑上。"
                "本机已有的数据用命令 shopdesk migrate-to 复制到服务器。"
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {theme.dim()};")
        if os.environ.get(ENV_DB_URL):
            note.setText(
                note.text()
                + self.tr("\n注意: 环境变量 {0} 已设置, 它优先于这里的设置。").format(ENV_DB_URL)
            )

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(now)
        lay.addWidget(self.local)
        lay.addWidget(self.server)
        lay.addWidget(self.form)
        lay.addLayout(test_row)
        lay.addWidget(note)
        lay.addWidget(self.buttons)

        current = saved_url(location.data_dir) or location.url
        fields = split_url(current)
        if fields is not None:
            self.server.setChecked(True)
            self.host.setText(fields.host)
            self.port.setValue(fields.port)
            self.database.setText(fields.database)
            self.user.setText(fields.user)
            self.password.setText(fields.password)
        else:
            self.local.setChecked(True)
        self.server.toggled.connect(self._mode_changed)
        self._mode_changed()
        self.resize(560, self.sizeHint().height())

    def _mode_changed(self) -> None:
        on = self.server.isChecked()
        self.form.setEnabled(on)
        self.test_button.setEnabled(on)
        self.outcome.clear()
        if on:
            self.host.setFocus()

    def fields(self) -> ServerFields:
        return ServerFields(
            host=self.host.text(),
            port=self.port.value(),
            database=self.database.text(),
            user=self.user.text(),
            password=self.password.text(),
        )

    def _show(self, text: str, ok: bool) -> None:
        self.outcome.setStyleSheet(OK_STYLE if ok else BAD_STYLE)
        self.outcome.setText(text)

    def test_connection(self) -> None:
        """Try the server in a worker (an unreachable host takes seconds to time out)."""
        try:
            url = build_url(self.fields())
        except ShopDeskError as exc:
            self._show(str(exc), False)
            return
        self.test_button.setEnabled(False)
        self._show(self.tr("正在连接…"), True)
        job = Job(lambda _progress: probe(url))
        job.signals.done.connect(self._tested)
        job.signals.failed.connect(self._test_failed)
        self._job = job
        start(job)

    def _tested(self, result: Probe) -> None:
        self.test_button.setEnabled(self.server.isChecked())
        self._show(result.describe(), True)

    def _test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(self.server.isChecked())
        self._show(str(exc) if isinstance(exc, ShopDeskError) else repr(exc), False)

    def save(self) -> None:
        url: str | None = None
        if self.server.isChecked():
            try:
                url = build_url(self.fields())
            except ShopDeskError as exc:
                self._show(str(exc), False)
                return
        try:
            save_url(self.location.data_dir, url)
        except OSError as exc:
            self._show(self.tr("无法保存连接设置: {0}").format(exc.strerror), False)
            return
        self.saved_to = url or ""
        self.accept()


def _shown(url: str) -> str:
    """The URL without its password, for the screen."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # only for display
        return url


def offer_settings(parent: QWidget | None, location: Location, error: ShopDeskError) -> None:
    """At start-up the server did not answer: say why and let the user change the connection
    (for instance back to this PC's own file) instead of leaving them stuck."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, "ShopDesk", str(error), parent=parent)
    box.setInformativeText(tr("可以修改连接设置 (例如改回本机数据), 然后重新启动 ShopDesk。"))
    settings = box.addButton(tr("连接设置…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(tr("退出"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is settings:
        ConnectionDialog(location, parent).exec()


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("", text)  # lupdate files bare tr() under ""
