"""Starting the GUI: QApplication, Chinese font and translations, login, main window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QLockFile
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from shopdesk.config import Location
from shopdesk.errors import ConnectionLost, ShopDeskError

if TYPE_CHECKING:  # imported when needed: the window paints before the database layer loads
    from shopdesk.auth.actor import Actor
    from shopdesk.db.engine import Database
    from shopdesk.ui.main_window import MainWindow

# Without an explicit CJK family Qt may pick a Japanese face for Han characters.
CJK_FAMILIES = (
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "PingFang SC",
)


def chinese_font_family() -> str | None:
    available = set(QFontDatabase.families())
    return next((f for f in CJK_FAMILIES if f in available), None)


def make_app(
    argv: list[str] | None = None, language: str | None = None, *, icon: bool = True
) -> QApplication:
    """The application, with the Chinese font and the translators for `language` (see i18n).

    `icon=False` leaves the window icon to `set_icon` (start_gui sets it after the first paint:
    an SVG icon loads QtSvg when a desktop first draws it).
    """
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("ShopDesk")
    app.setOrganizationName("ShopDesk")
    app.setDesktopFileName("shopdesk")
    if icon:
        set_icon(app)
    family = chinese_font_family()
    if family:
        font = QFont(family)
        font.setPointSize(max(app.font().pointSize(), 10))
        app.setFont(font)
    from shopdesk.ui import i18n

    i18n.install(i18n.effective(language))
    return app


def set_icon(app: QApplication) -> None:
    from shopdesk.ui.resources import app_icon

    app.setWindowIcon(app_icon())


def sign_in(db: Database) -> Actor | None:
    """First run creates the owner; later runs ask who is at the keyboard."""
    from shopdesk.auth import service as auth
    from shopdesk.ui.login import FirstRunDialog, LoginDialog

    dialog: FirstRunDialog | LoginDialog
    dialog = FirstRunDialog(db) if not auth.has_users(db) else LoginDialog(db)
    if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
        return None
    return dialog.actor


def use_language_setting(db: Database, location: Location) -> None:
    """The shop's `ui.language` setting, now that the database is open (before anyone logs in)."""
    from shopdesk.settings import service as settings
    from shopdesk.ui import i18n
    from shopdesk.ui.context import ui_settings

    choice = str(settings.read(db, "ui.language"))
    i18n.remember(ui_settings(location), choice)
    wanted = i18n.effective(choice)
    if wanted != i18n.current():
        i18n.install(wanted)  # the window retranslates its tab titles on LanguageChange


def single_instance_lock(location: Location) -> QLockFile | None:
    """One window per SQLite shop on a PC: two would fight over the same file."""
    if location.sqlite_path is None:
        return QLockFile("")  # a server database takes many clients
    location.data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(location.data_dir / "shopdesk.lock"))
    lock.setStaleLockTime(0)  # a crashed instance's lock is found stale by its dead PID
    return lock if lock.tryLock(200) else None


def run(
    location: Location,
    as_user: Callable[[Database], Actor] | None = None,
    preview_as: str | None = None,
) -> int:
    """Show the window at once, then open the shop and ask who is at the keyboard.

    `as_user(db)` names the user instead of the login dialog (`shopdesk --as NAME`);
    `preview_as` (that name) shows their checklist while the shop opens: it can be ticked there,
    and the ticks are saved when the real tab takes over.
    """
    window, code = start_gui(location, as_user, preview_as)  # makes the application
    app = QApplication.instance()
    return code if window is None or app is None else app.exec()


def start_gui(
    location: Location,
    as_user: Callable[[Database], Actor] | None = None,
    preview_as: str | None = None,
) -> tuple[MainWindow | None, int]:
    """Everything `run` does before the event loop: (the window, or None and an exit code).

    Tests call this rather than `run`: after an event loop has been exec'd and left, Qt's global
    thread pool starts no more jobs in that process.
    """
    from shopdesk.ui import i18n
    from shopdesk.ui.context import ui_settings

    app = make_app(language=i18n.remembered(ui_settings(location)), icon=False)
    from shopdesk.ui.errors import install_excepthook
    from shopdesk.ui.main_window import MainWindow

    install_excepthook()
    lock = single_instance_lock(location)
    if lock is None:
        from shopdesk.ui.safety.single import ask_running_to_raise

        told = (
            QApplication.translate("app", "ShopDesk 已经打开了这个店铺 ({0}), 已切换到那个窗口。")
            if ask_running_to_raise(location)
            else QApplication.translate(
                "app", "ShopDesk 已经在这台电脑上打开了这个店铺 ({0})。请切换到已打开的窗口。"
            )
        )
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(None, "ShopDesk", told.format(location.data_dir))
        return None, 0
    window = MainWindow(location=location)
    window.instance_lock = lock  # held for as long as the window lives
    window.show()
    QApplication.processEvents()  # the first paint, before anything heavy is imported
    set_icon(app)
    early = (
        as_user is not None
        and preview_as is not None
        and show_quick_checklist(window, location, preview_as)
    )
    if early:
        QApplication.processEvents()  # today's checklist, tickable while the ORM loads
    if as_user is None:  # a second start while the login dialog waits brings this window up
        serve_raise_requests(window, location)
    try:
        if as_user is not None and early:
            # The window keeps answering (ticks in the early checklist) while a thread imports
            # SQLAlchemy and the models and opens the shop.
            named = as_user
            db, found = responsive(lambda: _open_for(location, named))
            actor: Actor | None = found
            if not window.isVisible():  # closed meanwhile (with nothing left to save)
                db.dispose()
                return None, 0
            use_language_setting(db, location)
        else:
            from shopdesk.bootstrap import open_shop

            db = open_shop(location, backup_daily=False)
            use_language_setting(db, location)
            actor = as_user(db) if as_user is not None else sign_in(db)
    except ConnectionLost as exc:  # a team server that does not answer: offer the settings
        from shopdesk.ui.connection_dialog import offer_settings

        offer_settings(window, location, exc)
        return None, 1
    except ShopDeskError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(window, "ShopDesk", str(exc))
        return None, 1
    if actor is None:
        return None, 0

    from shopdesk.ui.context import UiContext
    from shopdesk.ui.safety.flags import show_bulk_changes

    def enter(who: Actor) -> None:
        ctx = UiContext(db=db, actor=who, location=location)
        window.attach(ctx)
        show_bulk_changes(ctx, window)

    def switch() -> None:
        window.save_layout()
        who = sign_in(db)
        if who is not None:
            enter(who)

    window.switch_user_requested.connect(switch)
    enter(actor)
    # Today's checklist is on screen: now what can wait for it.
    if as_user is not None:
        serve_raise_requests(window, location)
    start_daily_backup(window, location)
    window.start_check()
    return window, 0


T = TypeVar("T")

# Imported with the shop in the loading thread, so building the first tab does not wait for them.
WARM_MODULES = (
    "shopdesk.settings.service",
    "shopdesk.ui.checklist_tab",
    "shopdesk.ui.live",
    "shopdesk.ui.safety.flags",
    "shopdesk.ui.inventory.menu",
)


def _open_for(location: Location, as_user: Callable[[Database], Actor]) -> tuple[Database, Actor]:
    """The shop opened and the named user found (runs in the loading thread: no widgets here)."""
    import importlib

    from shopdesk.bootstrap import open_shop

    db = open_shop(location, backup_daily=False)
    try:
        actor = as_user(db)
        for name in WARM_MODULES:
            importlib.import_module(name)
    except BaseException:
        db.dispose()
        raise
    return db, actor


def responsive(fn: Callable[[], T]) -> T:
    """`fn()` in a thread while this (GUI) thread keeps handling input; its result or exception.

    For start-up work that only imports and reads: the early checklist stays tickable meanwhile.
    """
    import threading

    from PySide6.QtCore import QEventLoop, QObject, Signal

    class _Done(QObject):
        finished = Signal()

    done = _Done()
    loop = QEventLoop()
    done.finished.connect(loop.quit)  # queued: emitted from the thread
    result: list[T] = []
    failure: list[BaseException] = []
    finished = threading.Event()

    def work() -> None:
        try:
            result.append(fn())
        except BaseException as exc:  # handed to the caller on the GUI thread
            failure.append(exc)
        finally:
            finished.set()
            done.finished.emit()

    thread = threading.Thread(target=work, name="shopdesk-open", daemon=True)
    thread.start()
    while not finished.is_set():
        # Left when the thread is done, or at once while the application is quitting (the
        # window was closed): then just wait for the thread.
        if loop.exec() != 0:
            finished.wait(0.05)
    thread.join()
    if failure:
        raise failure[0]
    return result[0]


def show_quick_checklist(window: MainWindow, location: Location, name: str) -> bool:
    """`name`'s checklist for today, read with sqlite3 (no SQLAlchemy), shown tickable.

    Only for a SQLite shop and a user without a PIN who may tick the checklist; a schema this
    read does not know (an upgrade is pending) shows nothing here: the real tab follows anyway.
    """
    path = location.sqlite_path
    if path is None or not path.exists():
        return False
    import sqlite3

    from shopdesk.auth.permissions import Perm, can
    from shopdesk.checklist import quick_day

    try:
        who = quick_day.user_without_pin(path, name)
        if who is None or not can(who, Perm.TICK_CHECKLIST):
            return False
        rows = quick_day.day_rows(path, who)
    except (sqlite3.Error, ValueError, TypeError):
        return False
    window.show_checklist_preview(rows, who.name)
    return True


def serve_raise_requests(window: MainWindow, location: Location) -> None:
    """A second start of ShopDesk on this shop brings `window` to the front (QtNetwork)."""
    if location.sqlite_path is not None:
        from shopdesk.ui.safety.single import RaiseServer

        RaiseServer(location, window)


def start_daily_backup(window: MainWindow, location: Location) -> None:
    """The first start of each day copies the shop, in a worker (seconds on a large shop)."""
    if location.sqlite_path is None:
        return
    from shopdesk.bootstrap import take_daily_backup
    from shopdesk.ui.widgets.worker import Job, start

    job = Job(lambda _progress: take_daily_backup(location))
    # A copy that failed (disk full...) is said in the status bar; the shop is open regardless.
    job.signals.failed.connect(window.show_background_failure)
    window.daily_backup_job = job  # its signals must live until the result arrives
    start(job)
