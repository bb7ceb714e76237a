"""Start-up work that can wait for today's checklist: the daily copy runs behind the window."""

from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.backup import list_backups
from shopdesk.bootstrap import open_shop
from shopdesk.config import Location
from shopdesk.db.engine import Database


def _start(qtbot, location: Location):  # type: ignore[no-untyped-def]
    from shopdesk.ui import app as app_module

    window, code = app_module.start_gui(location, lambda d: auth.actor_by_name(d, "店主"))
    assert window is not None and code == 0
    qtbot.addWidget(window)
    return window


def test_opening_without_the_daily_copy_takes_none(
    db: Database, owner: Actor, location: Location
) -> None:
    open_shop(location, backup_daily=False).dispose()
    assert list_backups(location) == []
    open_shop(location).dispose()  # the command line still copies before it works
    assert [b.reason for b in list_backups(location)] == ["daily"]


def test_the_window_takes_the_daily_copy_after_showing_the_shop(
    qtbot, db: Database, owner: Actor, location: Location
) -> None:  # type: ignore[no-untyped-def]
    window = _start(qtbot, location)
    assert window.user_label.text() == "当前用户: 店主 (店主)"
    qtbot.waitUntil(lambda: [b.reason for b in list_backups(location)] == ["daily"], timeout=10_000)
    window.close()


def test_a_daily_copy_that_fails_is_said_and_the_shop_stays_open(
    qtbot, db: Database, owner: Actor, location: Location
) -> None:  # type: ignore[no-untyped-def]
    location.backup_dir.parent.mkdir(parents=True, exist_ok=True)
    location.backup_dir.write_text("not a folder")  # the copy cannot be written
    window = _start(qtbot, location)
    qtbot.waitUntil(lambda: "备份没有完成" in window.statusBar().currentMessage(), timeout=10_000)
    assert window.isVisible() and window.tab("checklist").isVisible()
    window.close()


def test_with_as_todays_checklist_shows_before_the_shop_opens(
    qtbot, demo_db: Database, demo_owner: Actor, demo_location: Location, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Tickable there: tests/gui/test_checklist_early_ticks.py."""
    from shopdesk.checklist import service
    from shopdesk.ui import app as app_module
    from shopdesk.ui.main_window import MainWindow

    seen: list[list[str]] = []
    original = MainWindow.show_checklist_preview

    def spy(self, rows, who):  # type: ignore[no-untyped-def]
        original(self, rows, who)
        tree = self.lazy["checklist"].preview.tree
        seen.append([tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())])

    monkeypatch.setattr(MainWindow, "show_checklist_preview", spy)
    window, code = app_module.start_gui(
        demo_location, lambda d: auth.actor_by_name(d, "王芳"), "王芳"
    )
    assert window is not None and code == 0
    qtbot.addWidget(window)
    titles = [r.title for r in service.day_view(demo_db, demo_owner, extras=False).rows]
    assert titles and len(seen) == 1
    assert all(any(text.endswith(t) for text in seen[0]) for t in titles)
    lazy = window.lazy["checklist"]
    assert lazy.preview is None and type(lazy.content).__name__ == "ChecklistTab"
    assert lazy.content.isVisible()
    window.close()


def test_no_read_only_preview_for_a_user_with_a_pin(
    qtbot, db: Database, owner: Actor, location: Location
) -> None:  # type: ignore[no-untyped-def]
    from shopdesk.ui import app as app_module
    from shopdesk.ui.main_window import MainWindow

    auth.reset_pin(db, owner, "店主", "1234")
    window = MainWindow(location=location)
    qtbot.addWidget(window)
    assert not app_module.show_quick_checklist(window, location, "店主")
    assert not app_module.show_quick_checklist(window, location, "没有这个人")
    assert window.lazy["checklist"].preview is None
