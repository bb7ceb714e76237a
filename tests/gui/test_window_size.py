"""The main window fits the screen it opens on (issue 10: 1280×800 was taller than a laptop)."""

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QMainWindow

from shopdesk.ui.context import UiContext, ui_settings
from shopdesk.ui.main_window import DEFAULT_SIZE, MainWindow, fitted_size


def test_default_size_fits_a_1366x768_laptop_and_stays_1280x800_on_a_big_screen() -> None:
    laptop = QRect(0, 0, 1366, 728)  # 768 minus a 40 px taskbar
    assert fitted_size(DEFAULT_SIZE, laptop) == QSize(1229, 655)
    assert fitted_size(DEFAULT_SIZE, QRect(0, 0, 1920, 1040)) == QSize(1280, 800)


def _available(w: MainWindow) -> QRect:
    screen = w.screen()
    assert screen is not None
    return screen.availableGeometry()


def test_a_first_start_opens_inside_the_free_area_of_the_screen(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow(ui_ctx)
    qtbot.addWidget(w)
    with qtbot.waitExposed(w):
        w.show()
    area = _available(w)  # the offscreen screen: 800×600
    assert (w.width(), w.height()) == (int(area.width() * 0.9), int(area.height() * 0.9))
    assert area.contains(w.frameGeometry())


def test_a_size_remembered_on_a_bigger_monitor_is_shrunk(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    big = QMainWindow()
    qtbot.addWidget(big)
    big.setGeometry(300, 200, 1600, 1000)  # never shown: Qt keeps the size as given
    ui_settings(ui_ctx.location).setValue("main/geometry", big.saveGeometry())
    w = MainWindow(ui_ctx)
    qtbot.addWidget(w)
    with qtbot.waitExposed(w):
        w.show()
    area = _available(w)
    assert w.width() <= area.width() and w.height() <= area.height()
    assert area.contains(w.frameGeometry())
