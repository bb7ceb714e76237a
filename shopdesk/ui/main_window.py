"""The main window: five tabs, created the first time each is shown, so start-up stays fast.

The window can be shown before anyone has logged in (`MainWindow(location=...)`): it paints at
once, and `attach(ctx)` fills it once the database is open and the user is known. Switching user
attaches a new context to the same window.
"""

from __future__ import annotations

import importlib
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QRect, QSize, Signal
from PySide6.QtGui import QGuiApplication, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QStackedLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shopdesk import __version__
from shopdesk.config import Location
from shopdesk.ui.context import UiContext, ui_settings
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent

    from shopdesk.ui.live import LiveWatcher

# The window paints before anything else loads: nothing here may touch PySide6's `Qt` namespace
# before that (its first use costs ~20 ms: PySide6 builds its enums lazily, a seventh of a bare
# window's start), and what only a logged-in window needs is imported in `attach`.

# (key, title) in the order users see them; the tab's module is shopdesk/ui/<key>_tab.py.
TABS: tuple[tuple[str, str], ...] = (
    ("checklist", QT_TRANSLATE_NOOP("MainWindow", "今日检查")),
    ("inventory", QT_TRANSLATE_NOOP("MainWindow", "库存补货")),
    ("campaigns", QT_TRANSLATE_NOOP("MainWindow", "活动日历")),
    ("kpi", QT_TRANSLATE_NOOP("MainWindow", "客服绩效")),
    ("metrics", QT_TRANSLATE_NOOP("MainWindow", "经营数据")),
)

# The window's size on a first start: this, or 90 % of the screen's free area when that is smaller
# (a 1366×768 laptop has ~728 px of height above its taskbar).
DEFAULT_SIZE = QSize(1280, 800)
SCREEN_SHARE = 0.9
FRAME_ROOM = 40  # px: a title bar and borders


def fitted_size(wanted: QSize, available: QRect) -> QSize:
    """`wanted`, shrunk to fit `available` (the screen minus taskbars): at most 90 % of it."""
    return QSize(
        min(wanted.width(), int(available.width() * SCREEN_SHARE)),
        min(wanted.height(), int(available.height() * SCREEN_SHARE)),
    )


class LazyTab(QWidget):
    """Holds a tab's place; builds the real widget on first show."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.ctx: UiContext | None = None
        self.content: QWidget | None = None
        self.build_ms: float | None = None
        self.preview: QWidget | None = None  # shown until the real tab is built
        self._layout = QStackedLayout(self)

    def show_preview(self, widget: QWidget) -> None:
        """A stand-in (today's checklist read before the database layer loads)."""
        if self.content is None:
            self._drop_preview()
            self.preview = widget
            self._layout.addWidget(widget)

    def _drop_preview(self) -> None:
        if self.preview is not None:
            self._layout.removeWidget(self.preview)
            self.preview.deleteLater()
            self.preview = None

    def attach(self, ctx: UiContext) -> None:
        """A new user: drop what was built for the previous one."""
        if self.content is not None:
            self._layout.removeWidget(self.content)
            self.content.deleteLater()
            self.content = None
        self.ctx = ctx

    def ensure_built(self) -> QWidget:
        if self.content is None:
            if self.ctx is None:
                raise RuntimeError("tab built before a user logged in")
            started = time.perf_counter()
            module = importlib.import_module(f"shopdesk.ui.{self.key}_tab")
            self.content = module.create(self.ctx)
            self._layout.addWidget(self.content)
            self._layout.setCurrentWidget(self.content)
            self._hand_over()
            self._drop_preview()
            self.build_ms = (time.perf_counter() - started) * 1000
        return self.content

    def pending_count(self) -> int:
        """Changes made in the stand-in that the real tab has not saved yet."""
        return len(getattr(self.preview, "pending", ()))

    def _hand_over(self) -> None:
        """The stand-in's pending ticks, current row and focus go to the real tab, which saves
        them through its service (ChecklistTab.apply_pending)."""
        preview, content = self.preview, self.content
        apply = getattr(content, "apply_pending", None)
        if preview is None or not callable(apply):
            return
        focus = QApplication.focusWidget()
        had_focus = focus is not None and (focus is preview or preview.isAncestorOf(focus))
        apply(preview.take_pending(), preview.current_key(), preview.who)  # type: ignore[attr-defined]
        focus_table = getattr(content, "focus_table", None)
        if had_focus and callable(focus_table):
            focus_table()


class MainWindow(QMainWindow):
    switch_user_requested = Signal()

    def __init__(self, ctx: UiContext | None = None, *, location: Location | None = None) -> None:
        super().__init__()
        self.ctx: UiContext | None = None
        self.setWindowTitle("ShopDesk")
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.lazy: dict[str, LazyTab] = {}
        for key, title in TABS:
            lazy = LazyTab(key, self.tabs)
            self.lazy[key] = lazy
            self.tabs.addTab(lazy, self.tr(title))
        self.banner = QLabel(self)
        self.banner.setObjectName("checkBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "#checkBanner { background: #fdecea; color: #8a1c13; border: 1px solid #e0a49e;"
            " padding: 6px; }"
        )
        self.banner.hide()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.user_label = QLabel(self.tr("正在打开…"))
        self.user_label.setObjectName("currentUser")
        self.statusBar().addPermanentWidget(self.user_label)
        self._actions: list[QAction] = []
        # Each tab that edits cells has an `undo_stack`; Edit → Undo acts on the tab in front.
        self.undo_group = QUndoGroup(self)
        self.instance_lock: object | None = None  # the data directory's lock, kept while open
        self.daily_backup_job: object | None = None  # the first-of-the-day copy (ui/app.py)
        self.live: LiveWatcher | None = None  # other PCs' changes (shopdesk/ui/live.py)
        where = ctx.location if ctx is not None else location
        if where is not None:
            self._restore_geometry(where)
        else:
            self._default_geometry()
        self.tabs.currentChanged.connect(self._on_tab_changed)
        if ctx is not None:
            self.attach(ctx)

    def show_checklist_preview(self, rows: list[Any], who: str) -> None:
        """Today's rows (quick_day.DayRow) for `who` in the 今日检查 tab until the real tab is
        built; they can be ticked there at once (shopdesk/ui/checklist_preview.py)."""
        from shopdesk.ui.checklist_preview import ChecklistPreview

        lazy = self.lazy["checklist"]
        preview = ChecklistPreview(rows, who)
        lazy.show_preview(preview)
        if self.tabs.currentWidget() is lazy:
            preview.setFocus()  # Space ticks at once, without a click

    def changeEvent(self, event: QEvent) -> None:
        """The language changed after the window painted (the shop's setting, read on opening)."""
        if event.type() == QEvent.Type.LanguageChange:
            for i, (_key, title) in enumerate(TABS):
                self.tabs.setTabText(i, self.tr(title))
                self.tabs.setTabToolTip(i, f"{self.tr(title)} (Ctrl+{i + 1})")
            if self.ctx is None:
                self.user_label.setText(self.tr("正在打开…"))
        super().changeEvent(event)

    def attach(self, ctx: UiContext) -> None:
        """Fill the window for a logged-in user (again after a user switch)."""
        from shopdesk.ui.labels import label  # after the first paint, as everything below

        self.ctx = ctx
        for lazy in self.lazy.values():
            lazy.attach(ctx)
        self.menuBar().clear()
        for action in self._actions:
            self.removeAction(action)
        self._actions.clear()
        self._build_menus()
        self.user_label.setText(
            self.tr("当前用户: {0} ({1})").format(ctx.actor.name, label(ctx.actor.role_label))
        )
        ctx.bus.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        ctx.bus.open_tab.connect(self.show_tab)
        index = ui_settings(ctx.location).value("main/tab", 0)
        try:
            self.tabs.setCurrentIndex(int(str(index)))
        except (TypeError, ValueError):
            self.tabs.setCurrentIndex(0)
        if self.lazy["checklist"].pending_count():
            # Ticks made before the shop opened are saved (and their refusals said) in front of
            # the user, not in a tab they may not open today.
            self.tabs.setCurrentWidget(self.lazy["checklist"])
        self._on_tab_changed(self.tabs.currentIndex())
        from shopdesk.ui import live

        if self.live is not None:
            self.live.stop()
        self.live = live.install(self, ctx)

    # -- tabs ---------------------------------------------------------------------------
    def _on_tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, LazyTab) and self.ctx is not None:
            self._use_undo_stack(widget.ensure_built())

    def _use_undo_stack(self, content: QWidget) -> None:
        stack = getattr(content, "undo_stack", None)
        if isinstance(stack, QUndoStack):
            if stack not in self.undo_group.stacks():
                self.undo_group.addStack(stack)
            self.undo_group.setActiveStack(stack)
        else:
            self.undo_group.setActiveStack(None)  # type: ignore[arg-type]

    def tab(self, key: str) -> QWidget:
        """The built widget of a tab (building it if needed)."""
        return self.lazy[key].ensure_built()

    def show_tab(self, key: str, filter_text: str = "") -> None:
        lazy = self.lazy.get(key)
        if lazy is None:
            return
        self.tabs.setCurrentWidget(lazy)
        content = lazy.ensure_built()
        apply_filter = getattr(content, "apply_filter", None)
        if filter_text and callable(apply_filter):
            apply_filter(filter_text)

    # -- menus --------------------------------------------------------------------------
    def _build_menus(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence
        from PySide6.QtWidgets import QMessageBox

        from shopdesk.auth.permissions import Perm, can

        assert self.ctx is not None
        ctx = self.ctx
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("文件(&F)"))
        self.edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        undo = QAction(self.tr("撤销(&U)"), self)
        undo.setObjectName("undo")
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        undo.triggered.connect(self._undo)
        redo = QAction(self.tr("重做(&R)"), self)
        redo.setObjectName("redo")
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        redo.triggered.connect(self._redo)
        for action, tip in (
            (undo, self.tr("撤销表格里的上一次修改")),
            (redo, self.tr("重做撤销的修改")),
        ):
            action.setToolTip(
                f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
            self.edit_menu.addAction(action)
        self.undo_action, self.redo_action = undo, redo
        self.undo_group.canUndoChanged.connect(undo.setEnabled)
        self.undo_group.canRedoChanged.connect(redo.setEnabled)
        undo.setEnabled(self.undo_group.canUndo())
        redo.setEnabled(self.undo_group.canRedo())
        self.data_menu = bar.addMenu(self.tr("数据(&D)"))
        from shopdesk.ui.inventory.menu import add_import_actions

        add_import_actions(self, self.data_menu)
        self.data_menu.addSeparator()
        if can(ctx.actor, Perm.BACKUP):
            backups = QAction(self.tr("备份与恢复…"), self)
            backups.triggered.connect(self._open_backups)
            self.data_menu.addAction(backups)
        if can(ctx.actor, Perm.VIEW_AUDIT):
            log = QAction(self.tr("操作日志…"), self)
            log.triggered.connect(self._open_audit)
            self.data_menu.addAction(log)
        check = QAction(self.tr("检查数据"), self)
        check.triggered.connect(lambda: self.start_check(report_ok=True))
        self.data_menu.addAction(check)
        self.help_menu = bar.addMenu(self.tr("帮助(&H)"))
        switch = QAction(self.tr("切换用户(&U)…"), self)
        switch.setShortcut(QKeySequence("Ctrl+L"))
        switch.triggered.connect(self._switch_user)
        self.file_menu.addAction(switch)
        if can(ctx.actor, Perm.MANAGE_USERS):
            users = QAction(self.tr("用户管理…"), self)
            users.triggered.connect(self._open_users)
            self.file_menu.addAction(users)
        if can(ctx.actor, Perm.EDIT_SETTINGS):
            prefs = QAction(self.tr("设置…"), self)
            prefs.setShortcut(QKeySequence("Ctrl+,"))
            prefs.triggered.connect(self._open_settings)
            self.file_menu.addAction(prefs)
            server = QAction(self.tr("连接到服务器…"), self)
            server.setToolTip(self.tr("团队模式: 几台电脑共用一个 PostgreSQL 数据库"))
            server.triggered.connect(self._open_connection)
            self.file_menu.addAction(server)
        self.file_menu.addSeparator()
        quit_action = QAction(self.tr("退出(&Q)"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # Windows has no standard Quit key
        quit_action.triggered.connect(self.close)
        self.file_menu.addAction(quit_action)
        for i, (_key, title) in enumerate(TABS, start=1):
            act = QAction(self.tr(title), self)
            act.setShortcut(QKeySequence(f"Ctrl+{i}"))
            self.tabs.setTabToolTip(i - 1, f"{self.tr(title)} (Ctrl+{i})")
            act.triggered.connect(lambda _=False, idx=i - 1: self.tabs.setCurrentIndex(idx))
            self.addAction(act)
            self._actions.append(act)
        about = QAction(self.tr("关于 ShopDesk"), self)
        about.triggered.connect(
            lambda: QMessageBox.about(
                self,
                "ShopDesk",
                self.tr("ShopDesk {0}\n网店团队的日常后台。\n数据目录: {1}").format(
                    __version__, ctx.location.data_dir
                ),
            )
        )
        self.help_menu.addAction(about)
        from shopdesk.ui.widgets.shortcuts import show_keys_in_tooltips

        for menu in (self.file_menu, self.edit_menu, self.data_menu):
            show_keys_in_tooltips(menu.actions())

    def _undo(self) -> None:
        text = self.undo_group.undoText()
        if self.undo_group.canUndo():
            self.undo_group.undo()
            self.statusBar().showMessage(self.tr("已撤销: {0}").format(text), 8000)

    def _redo(self) -> None:
        text = self.undo_group.redoText()
        if self.undo_group.canRedo():
            self.undo_group.redo()
            self.statusBar().showMessage(self.tr("已重做: {0}").format(text), 8000)

    def _switch_user(self) -> None:
        """On a shared PC the next person logs in; the app builds a fresh window for them."""
        self.switch_user_requested.emit()

    def _open_backups(self) -> None:
        from shopdesk.ui.safety.backup_dialog import BackupDialog

        if self.ctx is not None:
            dialog = BackupDialog(self.ctx, self)
            dialog.exec()
            if dialog.restored:
                self.ctx = None  # the database was replaced underneath: start again
                QApplication.quit()

    def _open_audit(self) -> None:
        from shopdesk.ui.safety.audit_dialog import AuditDialog

        if self.ctx is not None:
            AuditDialog(self.ctx, self).exec()

    def start_check(self, *, report_ok: bool = False) -> None:
        """`shopdesk check` in a worker thread; problems show in the banner."""
        if self.ctx is None:
            return
        from shopdesk.safety.check import run_checks
        from shopdesk.ui.widgets.worker import Job, start

        db = self.ctx.db
        job = Job(lambda _progress: run_checks(db))
        self._report_ok = report_ok
        self._check_job = job  # its signals must live until the result arrives
        # Bound methods of this window: Qt delivers the result on the GUI thread.
        job.signals.done.connect(self._show_check)
        job.signals.failed.connect(self._check_failed)
        start(job)

    def _check_failed(self, exc: BaseException) -> None:
        from shopdesk.safety.check import Finding

        self._show_check(
            [Finding(False, "数据检查没有完成", str(exc), "请运行 shopdesk check 查看详情。")]
        )

    def _show_check(self, findings: list[Any]) -> None:
        bad = [f for f in findings if not f.ok]
        if not bad:
            self.banner.hide()
            if self._report_ok:
                self.statusBar().showMessage(self.tr("数据检查: 一切正常"), 8000)
            return
        lines = [f"⚠ {f.what} — {f.advice}" for f in bad]
        self.banner.setText("\n".join(lines))
        self.banner.show()

    def show_background_failure(self, exc: BaseException) -> None:
        """Work started behind the window (the daily copy) failed: say so, keep working."""
        self.statusBar().showMessage(str(exc), 30_000)

    def _open_users(self) -> None:
        from shopdesk.ui.admin.users_dialog import UsersDialog

        if self.ctx is not None:
            UsersDialog(self.ctx, self).exec()

    def _open_connection(self) -> None:
        from shopdesk.ui.connection_dialog import ConnectionDialog

        if self.ctx is not None:
            dialog = ConnectionDialog(self.ctx.location, self)
            if dialog.exec() and dialog.saved_to is not None:
                self.statusBar().showMessage(
                    self.tr("连接设置已保存, 下次启动 ShopDesk 时生效"), 10_000
                )

    def _open_settings(self) -> None:
        from shopdesk.ui.admin.settings_dialog import SettingsDialog

        if self.ctx is not None:
            SettingsDialog(self.ctx, self).exec()

    # -- remembered layout ----------------------------------------------------------------
    def _restore_geometry(self, location: Location) -> None:
        geometry = ui_settings(location).value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            self._keep_on_screen()
        else:
            self._default_geometry()

    def _available(self) -> QRect | None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else None

    def _default_geometry(self) -> None:
        """DEFAULT_SIZE, or less on a small screen, centred in the screen's free area."""
        area = self._available()
        if area is None:
            self.resize(DEFAULT_SIZE)
            return
        self.resize(fitted_size(DEFAULT_SIZE, area))
        frame = self.frameGeometry()
        frame.moveCenter(area.center())
        self.move(frame.topLeft())

    def _keep_on_screen(self) -> None:
        """A size remembered on a bigger monitor is shrunk to this screen, and moved onto it.

        Qt's restoreGeometry clamps such a window to exactly the screen, frame and all, so its
        title bar or bottom edge can sit under a taskbar: a restored window within FRAME_ROOM of
        the free area in either direction (and not maximised) gets the default share instead.
        """
        area = self._available()
        if area is None or self.isMaximized() or self.isFullScreen():
            return
        size = self.size()
        if size.width() > area.width() - FRAME_ROOM or size.height() > area.height() - FRAME_ROOM:
            self.resize(fitted_size(size, area))
            frame = self.frameGeometry()
            frame.moveCenter(area.center())
            self.move(frame.topLeft())

    def save_layout(self) -> None:
        if self.ctx is None:
            return
        s = ui_settings(self.ctx.location)
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/tab", self.tabs.currentIndex())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        waiting = self.lazy["checklist"].pending_count()
        if self.ctx is None and waiting:
            # Ticked in the early checklist: they are saved as soon as the shop is open.
            self.statusBar().showMessage(
                self.tr("还有 {0} 项勾选正在保存, 请稍候再关闭").format(waiting), 5000
            )
            event.ignore()
            return
        self.save_layout()
        if self.live is not None:
            self.live.stop()
        super().closeEvent(event)
