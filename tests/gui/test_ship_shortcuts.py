"""Shortcut audit: the window's main actions have shortcuts, shown in tooltips, and none collide.

Walks every QAction, QShortcut and mnemonic (&X) of the demo shop's window with all five tabs
built. Two shortcuts collide when they have the same key sequence and one is reachable wherever
the other is: the same widget, or one's widget contains the other's (the menu bar's Alt+E
against a button's Alt+E anywhere in the window, say).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QMenuBar, QWidget
from pytestqt.qtbot import QtBot

from shopdesk.auth.actor import Actor
from shopdesk.config import Location
from shopdesk.db.engine import Database
from shopdesk.ui.context import UiContext
from shopdesk.ui.main_window import TABS, MainWindow

NATIVE = QKeySequence.SequenceFormat.PortableText
MNEMONIC = re.compile(r"&([^&\s])")


@dataclass(frozen=True)
class Binding:
    keys: str
    scope: QWidget  # where the shortcut works: a widget and everything inside it
    what: str


def _scope(obj: QAction | QShortcut, window: MainWindow) -> QWidget:
    """Where the shortcut works. A hidden widget's shortcuts are off, so a window-wide shortcut
    made by a tab works only while that tab (its page) is in front."""
    if isinstance(obj, QShortcut):
        parent = obj.parent()
        context = obj.context()
    else:
        widgets = [w for w in obj.associatedObjects() if isinstance(w, QWidget)]
        parent = next((w for w in widgets if not isinstance(w, QMenu | QMenuBar)), None)
        if parent is None:  # only in a menu: the menu bar's window
            return window
        context = obj.shortcutContext()
    assert isinstance(parent, QWidget)
    if context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
        return _page(parent)
    return parent


def bindings(window: MainWindow) -> list[Binding]:
    found: list[Binding] = []
    for action in window.findChildren(QAction):
        if action.isSeparator() or not action.isVisible():
            continue
        for seq in action.shortcuts():
            found.append(Binding(seq.toString(NATIVE), _scope(action, window), action.text()))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.isEnabled() and not shortcut.key().isEmpty():
            scope = _scope(shortcut, window)
            found.append(Binding(shortcut.key().toString(NATIVE), scope, "QShortcut"))
    for menu in window.menuBar().actions():
        m = MNEMONIC.search(menu.text())
        if m:
            found.append(Binding(f"Alt+{m.group(1).upper()}", window, menu.text()))
    for button in window.findChildren(QAbstractButton):
        m = MNEMONIC.search(button.text())
        if m and button.isVisibleTo(_page(button)):
            found.append(Binding(f"Alt+{m.group(1).upper()}", _page(button), button.text()))
    return found


def _page(widget: QWidget) -> QWidget:
    """A mnemonic works while its button is shown: within its tab's page."""
    from PySide6.QtWidgets import QStackedWidget

    child, parent = widget, widget.parentWidget()
    while parent is not None and not isinstance(parent, QStackedWidget):
        child, parent = parent, parent.parentWidget()
    return child


def collisions(found: list[Binding]) -> list[str]:
    problems = []
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if a.keys != b.keys or a.what == b.what:
                continue
            if a.scope is b.scope or a.scope.isAncestorOf(b.scope) or b.scope.isAncestorOf(a.scope):
                problems.append(f"{a.keys}: {a.what!r} and {b.what!r}")
    return problems


@pytest.fixture
def window(
    qtbot: QtBot, demo_db: Database, demo_owner: Actor, demo_location: Location
) -> MainWindow:
    w = MainWindow(UiContext(db=demo_db, actor=demo_owner, location=demo_location))
    qtbot.addWidget(w)
    with qtbot.waitExposed(w):
        w.show()
    for key, _title in TABS:
        w.show_tab(key)
    return w


def test_no_two_shortcuts_collide(window: MainWindow) -> None:
    assert collisions(bindings(window)) == []


def _action(window: MainWindow, text: str) -> QAction:
    """The menu bar's entry starting with `text` (a tab's 撤销到货 is not the menu's 撤销)."""
    entries = (a for menu in window.menuBar().actions() for a in menu.menu().actions())
    return next(a for a in entries if a.text().startswith(text))


MENU_KEYS = {
    "撤销": "Ctrl+Z",
    "重做": "Ctrl+Y",
    "切换用户": "Ctrl+L",
    "设置": "Ctrl+,",
    "退出": "Ctrl+Q",
}
# Each tab's main keyboard actions (more are its buttons' Alt+letter mnemonics).
TAB_KEYS = {
    "checklist": {"F5", "Alt+Left", "Alt+Right", "Alt+P", "Alt+X", "Ctrl+P", "Ctrl+E"},
    "inventory": {"Ctrl+F", "Ctrl+N", "Ctrl+R", "Ctrl+G", "Ctrl+S", "Ctrl+P", "Ctrl+E", "Alt+S"},
    "campaigns": {"Alt+W", "Alt+M", "Alt+L", "Ctrl+N", "Ctrl+E", "Ctrl+P"},
    "kpi": {"Ctrl+N", "Ctrl+I", "Ctrl+E", "Ctrl+P", "F5"},
    "metrics": {"Ctrl+I", "Ctrl+E", "Ctrl+Shift+E", "Alt+I", "Alt+N"},
}


def test_menu_actions_have_shortcuts_in_their_tooltips(window: MainWindow) -> None:
    for text, keys in MENU_KEYS.items():
        action = _action(window, text)
        assert action.shortcut().toString(NATIVE) == keys, text
        assert keys in action.toolTip(), text
    for menu in window.menuBar().actions():
        for action in menu.menu().actions():
            keys = action.shortcut().toString(NATIVE)
            assert not keys or keys in action.toolTip(), action.text()


def test_kpi_toolbar_names_its_keys(window: MainWindow) -> None:
    tab = window.tab("kpi")
    for action in tab.toolbar.actions():  # type: ignore[attr-defined]
        keys = action.shortcut().toString(NATIVE)
        assert not keys or keys in action.toolTip(), action.text()
    assert "Ctrl+P" in tab.print_button.toolTip()  # type: ignore[attr-defined]


def test_sheet_keys_press_its_buttons(qtbot: QtBot, window: MainWindow) -> None:
    window.show_tab("inventory")
    inventory = window.tab("inventory")
    sheet = inventory.sheet  # type: ignore[attr-defined]
    inventory.pages.setCurrentWidget(sheet)  # type: ignore[attr-defined]
    assert "Ctrl+P" in sheet.print_btn.toolTip() and "Ctrl+S" in sheet.save_btn.toolTip()
    pressed: list[str] = []
    sheet.print_btn.clicked.disconnect()
    sheet.print_btn.clicked.connect(lambda: pressed.append("print"))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert pressed == ["print"]


def test_tabs_switch_with_ctrl_digits_and_say_so(window: MainWindow) -> None:
    for i, (_key, title) in enumerate(TABS, start=1):
        action = next(a for a in window.actions() if a.shortcut().toString(NATIVE) == f"Ctrl+{i}")
        assert action.text() == title
        assert f"Ctrl+{i}" in window.tabs.tabToolTip(i - 1)


def test_each_tab_has_its_main_keys(window: MainWindow) -> None:
    found = bindings(window)
    for key, wanted in TAB_KEYS.items():
        tab = window.lazy[key]
        have = {b.keys for b in found if b.scope is tab or tab.isAncestorOf(b.scope)}
        assert wanted <= have, (key, wanted - have)


def test_campaign_keys_open_a_blank_campaign_and_print(
    qtbot: QtBot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window.show_tab("campaigns")
    tab = window.tab("campaigns")
    done: list[str] = []
    monkeypatch.setattr(tab, "open_new", lambda day: done.append(f"new {day}"))
    monkeypatch.setattr(tab, "print_plan", lambda: done.append("print"))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    tab.setFocus()
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tab, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert [d.split()[0] for d in done] == ["new", "print"]
    assert "Ctrl+N" in tab.new_button.toolTip()  # type: ignore[attr-defined]
