"""Both languages are complete: every tab, dialog, menu and table header of the demo shop, walked.

In English, widget chrome (labels, buttons, actions, tabs, group boxes, headers, tooltips,
placeholders, window titles) must not contain Chinese; in Chinese it must not be empty. Data is
allowed: every Chinese string stored in the demo shop (names, titles, sections…) is taken out of a
text before it is checked, so "当前用户: 王芳 (Owner)" passes and "当前用户: 王芳" does not.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QTreeView,
    QWidget,
)
from sqlalchemy import String, Text, select

from shopdesk.auth.actor import Actor
from shopdesk.db.engine import Database
from shopdesk.ui import i18n
from shopdesk.ui.context import UiContext
from shopdesk.ui.main_window import TABS, MainWindow

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# Chinese that stays Chinese on purpose, with why. Anything else in Chinese fails the test.
ALLOWED: dict[str, str] = {
    # text built by the rules/services below shopdesk/ui (no Qt there): listed in the issue note
    r"#kpiGrid\.header\d+\.toolTip: ": "scorecard rule hints, written by kpi/carddef.py",
    r"#kpiAdvice: ": "advice sentences, written by the kpi service",
    r"#(checklistReminders|reminderBanner): ": "campaign reminders, campaigns service",
    r"#stageHistory: ": "stage-change notes, written by the campaigns service",
    r"#stage_reviewed\.toolTip: |^QLabel#: '标为": "why a stage is blocked, campaigns/stages.py",
    r"#preset_\w+(\.toolTip)?: ": "campaign templates: festival names and rules, campaigns/presets",
    # right in every language
    r"#columnsHint: ": "the Chinese column headers a spreadsheet must have",
    r"\.item\d+: '简体中文'$": "each language is named in its own words",
}
TAG = re.compile(r"<[^>]+>")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    assert i18n.install("en") == "en"
    yield
    i18n.install("zh_CN")


def data_words(db: Database) -> list[str]:
    """Every Chinese text the demo shop stores (not the audit log): data, not chrome."""
    from shopdesk.db.models import Base

    words: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, str):
            if CJK.search(value):
                words.add(value)
                words.update(p for p in re.split(r"[\s/·,，:：()（）]+", value) if CJK.search(p))
        elif isinstance(value, dict):
            for v in value.values():
                collect(v)
        elif isinstance(value, list | tuple):
            for v in value:
                collect(v)

    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            if table.name.startswith("audit"):
                continue
            cols = [
                c
                for c in table.columns
                if isinstance(c.type, String | Text) or "JSON" in type(c.type).__name__
            ]
            if not cols:
                continue
            for row in s.execute(select(*cols)):
                for value in row:
                    if isinstance(value, str) and value[:1] in "[{":
                        with contextlib.suppress(ValueError):
                            value = json.loads(value)
                    collect(value)
    from shopdesk.auth.actor import JOBS

    words.update(JOBS)  # job titles: free text the owner types (some read like the roles)
    return sorted(words, key=len, reverse=True)


class Walker:
    """Collects (where, text) of every piece of chrome under some widgets."""

    def __init__(self) -> None:
        self.texts: list[tuple[str, str]] = []
        self.empty: list[str] = []

    def add(self, where: str, text: str | None, *, must_have: bool = False) -> None:
        text = TAG.sub("", text or "").strip()
        if text:
            self.texts.append((where, text))
        elif must_have:
            self.empty.append(where)

    def widget(self, root: QWidget) -> None:
        for w in [root, *root.findChildren(QWidget)]:
            if w.objectName().startswith("qt_"):
                continue  # Qt's own parts (corner buttons, extension arrows): Qt translates them
            name = f"{type(w).__name__}#{w.objectName()}"
            self.add(name + ".toolTip", w.toolTip())
            if w.isWindow():
                self.add(name + ".windowTitle", w.windowTitle(), must_have=isinstance(w, QDialog))
            if isinstance(w, QLabel):
                self.add(name, w.text())
            elif isinstance(w, QAbstractButton):
                has_icon = not w.icon().isNull() or (
                    isinstance(w, QToolButton) and w.defaultAction() is not None
                )
                self.add(name, w.text(), must_have=not has_icon and w.isVisibleTo(root))
            elif isinstance(w, QGroupBox):
                self.add(name, w.title())
            elif isinstance(w, QLineEdit):
                self.add(name + ".placeholder", w.placeholderText())
            elif isinstance(w, QTabWidget):
                for i in range(w.count()):
                    self.add(f"{name}.tab{i}", w.tabText(i), must_have=True)
                    self.add(f"{name}.tab{i}.toolTip", w.tabToolTip(i))
            elif isinstance(w, QComboBox) and not w.isEditable():
                for i in range(w.count()):
                    self.add(f"{name}.item{i}", w.itemText(i))
            elif isinstance(w, QTableView | QTreeView) and w.model() is not None:
                self.headers(name, w.model())
            if isinstance(w, QMenu):
                self.menu(w)
            shown = isinstance(w, QMenu | QToolBar | QMenuBar)  # others are shortcut holders
            for action in w.actions():
                self.action(f"{name}.action", action, shown=shown)
            layout = w.layout()
            if isinstance(layout, QFormLayout):
                for row in range(layout.rowCount()):
                    item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
                    label = item.widget() if item is not None else None
                    if isinstance(label, QLabel):
                        self.add(f"{name}.formLabel{row}", label.text(), must_have=True)

    def action(self, where: str, action: QAction, *, shown: bool = True) -> None:
        if action.isSeparator():
            return
        where = f"{where}#{action.objectName() or action.text()}"
        self.add(where, action.text(), must_have=shown and action.icon().isNull())
        if action.toolTip() != action.text().replace("&", ""):
            self.add(where + ".toolTip", action.toolTip())
        if action.menu() is not None:
            self.menu(action.menu())

    def menu(self, menu: QMenu) -> None:
        self.add(f"QMenu#{menu.objectName()}.title", menu.title())
        for action in menu.actions():
            self.action("QMenu", action)

    def headers(self, where: str, model: QAbstractItemModel) -> None:
        for col in range(model.columnCount(QModelIndex())):
            h = Qt.Orientation.Horizontal
            shown = model.headerData(col, h, Qt.ItemDataRole.DisplayRole)
            self.add(f"{where}.header{col}", None if shown is None else str(shown), must_have=True)
            tip = model.headerData(col, h, Qt.ItemDataRole.ToolTipRole)
            self.add(f"{where}.header{col}.toolTip", None if tip is None else str(tip))

    def chinese(self, words: list[str]) -> list[str]:
        found = []
        for where, text in self.texts:
            rest = text
            for word in words:
                rest = rest.replace(word, "")
            line = f"{where}: {text!r}"
            if CJK.search(rest) and not any(re.search(p, line) for p in ALLOWED):
                found.append(line)
        return sorted(set(found))


def dialogs(ctx: UiContext, window: MainWindow) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    """Every dialog a user can open, built as the app builds it."""
    from shopdesk.kpi import service as kpi
    from shopdesk.ui.admin.settings_dialog import SettingsDialog
    from shopdesk.ui.admin.users_dialog import AddUserDialog, UsersDialog
    from shopdesk.ui.campaigns.dialog import CampaignDialog
    from shopdesk.ui.checklist.editor import TemplateEditor
    from shopdesk.ui.connection_dialog import ConnectionDialog
    from shopdesk.ui.inventory.import_dialog import ImportDialog
    from shopdesk.ui.kpi.agent_view import DisputeDialog
    from shopdesk.ui.kpi.card_editor import CardEditor
    from shopdesk.ui.login import FirstRunDialog, LoginDialog
    from shopdesk.ui.metrics.channels import ChannelsDialog
    from shopdesk.ui.metrics.dialogs import DayFormDialog
    from shopdesk.ui.safety.audit_dialog import AuditDialog
    from shopdesk.ui.safety.backup_dialog import BackupDialog

    yield "settings", lambda: SettingsDialog(ctx, window)
    yield "users", lambda: UsersDialog(ctx, window)
    yield "add user", lambda: AddUserDialog(ctx, window)
    yield "backups", lambda: BackupDialog(ctx, window)
    yield "audit", lambda: AuditDialog(ctx, window)
    yield "connection", lambda: ConnectionDialog(ctx.location, window)
    yield "first run", lambda: FirstRunDialog(ctx.db)
    yield "login", lambda: LoginDialog(ctx.db)
    yield "import", lambda: ImportDialog(ctx, "products", window)
    yield "new campaign", lambda: CampaignDialog(ctx, parent=window)
    from shopdesk.campaigns import service as campaigns

    first = campaigns.list_campaigns(ctx.db, ctx.actor)[0]
    yield "campaign", lambda: CampaignDialog(ctx, first.id, parent=window)
    yield "checklist items", lambda: TemplateEditor(ctx, window)
    yield "day form", lambda: DayFormDialog(ctx, parent=window)
    yield "channels", lambda: ChannelsDialog(ctx, window)
    cards = kpi.list_cards(ctx.db, ctx.actor)
    yield "scorecard", lambda: CardEditor(cards[0].card, window)
    yield "dispute", lambda: DisputeDialog(cards[0].card, window)


def walk_everything(qtbot: Any, ctx: UiContext) -> Walker:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(780, 560)
    window.show()
    walker = Walker()
    for key, _title in TABS:
        tab = window.tab(key)
        wait = getattr(tab, "wait_loaded", None)
        if callable(wait):
            wait()
        inner = tab.findChildren(QTabWidget)
        for tabs in inner:  # show every page once so lazily filled pages have their content
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
        QApplication.processEvents()
    walker.widget(window)
    walker.menu(window.file_menu)
    walker.menu(window.data_menu)
    walker.menu(window.help_menu)
    for _name, make in dialogs(ctx, window):
        dialog = make()
        qtbot.addWidget(dialog)
        walker.widget(dialog)
        dialog.close()
    return walker


def test_english_has_no_chinese_chrome(
    qtbot: Any, english: None, demo_db: Database, demo_owner: Actor, demo_location: Any
) -> None:
    ctx = UiContext(db=demo_db, actor=demo_owner, location=demo_location)
    walker = walk_everything(qtbot, ctx)
    assert len(walker.texts) > 800  # the walk reached the tabs, menus and dialogs
    assert "\n".join(walker.chinese(data_words(demo_db))) == ""  # one line per leftover
    assert walker.empty == []


def test_chinese_has_no_empty_chrome(
    qtbot: Any, demo_db: Database, demo_owner: Actor, demo_location: Any
) -> None:
    assert i18n.current() == "zh_CN"
    ctx = UiContext(db=demo_db, actor=demo_owner, location=demo_location)
    walker = walk_everything(qtbot, ctx)
    assert walker.empty == []
    texts = [t for _w, t in walker.texts]
    assert "补货需求表" in texts and "Restock sheet" not in texts
