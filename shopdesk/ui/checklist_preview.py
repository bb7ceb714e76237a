"""Today's checklist, tickable, shown while the database layer is still loading (~0.7 s).

`shopdesk --as NAME` for a user without a PIN: the window reads today's rows with sqlite3
(shopdesk.checklist.quick_day) and shows them here at once. The user can move with the arrow keys
and tick or untick with Space (or a double click on the mark), as in the real 今日检查 tab; each
change is shown at once, marked 保存中…, and kept as a `PendingTick`. Nothing is written here: when
the real tab takes over, the main window hands it `take_pending()` and it saves them through the
checklist service (shopdesk/ui/checklist_tab.py `apply_pending`).

Items that need a number or a note before the tick are disabled until the real tab is there.
Nothing here may import SQLAlchemy (tests/unit/test_startup_imports.py).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopdesk import clock
from shopdesk.checklist.dayview import OVERDUE_SECTION, DayRow
from shopdesk.checklist.pending import PendingTick, net, tickable_early
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP
from shopdesk.ui.widgets import theme

# The real tab's column titles (shopdesk/ui/checklist/day_model.py), already translated.
HEADERS = ("完成", "检查项目", "负责", "勾选人 / 时间")
COL_TICK, COL_TITLE, COL_OWNER, COL_WHO = range(4)
# As day_model.TICK_GLYPH (that module imports the database layer).
MARKS = {"done": "☑", "skipped": "⊘", "missed": "☒"}
SECTION_BG = QColor("#dde6f0")
OVERDUE_HEADER_BG = QColor("#f8c7c4")
DONE_BG = QColor("#e3f4e1")
ROW_HEIGHT, HEADER_HEIGHT = 34, 28  # px, as the real table's rows
SAVING = QT_TRANSLATE_NOOP("ChecklistPreview", "保存中…")
NEEDS_INPUT = QT_TRANSLATE_NOOP(
    "ChecklistPreview", "这一项要先填写数值或备注: 完整清单打开后 (一两秒) 在那里勾选"
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def _ptr(text: str) -> str:
    return QCoreApplication.translate("ChecklistPreview", text)


class _Tree(QTreeWidget):
    toggle_requested = Signal(QTreeWidgetItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        item = self.currentItem()
        if event.key() == Qt.Key.Key_Space and plain and item is not None:
            self.toggle_requested.emit(item)
            event.accept()
            return
        super().keyPressEvent(event)


class ChecklistPreview(QWidget):
    """The early checklist: rows as quick_day read them, plus the user's pending ticks."""

    pending_changed = Signal(int)  # how many changes wait for the real tab

    def __init__(self, rows: list[DayRow], who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistPreview")
        self.who = who
        self.pending: dict[str, PendingTick] = {}
        self.rows: dict[str, DayRow] = {}
        self.items: dict[str, QTreeWidgetItem] = {}
        self.tree = _Tree(self)
        self.tree.setObjectName("checklistPreviewTable")
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setHeaderLabels([_tr(h) for h in HEADERS])
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnWidth(COL_TICK, 52)
        self.tree.setColumnWidth(COL_TITLE, 480)
        self.tree.setColumnWidth(COL_OWNER, 120)
        self.tree.toggle_requested.connect(self.toggle_item)
        self.tree.itemDoubleClicked.connect(self._on_double_click)
        self.hint = QLabel(self)
        self.hint.setObjectName("checklistPreviewHint")
        self.hint.setStyleSheet(f"QLabel {{ color: {theme.dim()}; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        self._tick_font = QFont(self.tree.font())
        self._tick_font.setPointSize(16)
        self._fill(rows)
        self._show_hint()
        first = self.first_item()
        if first is not None:
            self.tree.setCurrentItem(first, COL_TITLE)
        self.setFocusProxy(self.tree)

    # -- rows -----------------------------------------------------------------------------
    def _fill(self, rows: list[DayRow]) -> None:
        section: str | None = None
        for row in rows:
            group = OVERDUE_SECTION if row.carried_over else row.section
            if group != section:
                section = group
                self._header(_tr(group) if row.carried_over else group, row.carried_over)
            item = QTreeWidgetItem(self.tree)
            item.setData(COL_TICK, Qt.ItemDataRole.UserRole, row.key)
            self.rows[row.key] = row
            self.items[row.key] = item
            title = f"[{row.day:%m-%d}] {row.title}" if row.carried_over else row.title
            item.setText(COL_TITLE, title)
            item.setText(COL_OWNER, row.assignee_name or row.job or "")
            item.setFont(COL_TICK, self._tick_font)
            item.setSizeHint(COL_TICK, QSize(0, ROW_HEIGHT))
            item.setTextAlignment(COL_TICK, Qt.AlignmentFlag.AlignCenter)
            if not tickable_early(row):
                item.setFlags(Qt.ItemFlag.NoItemFlags)  # greyed, skipped by the arrow keys
                item.setToolTip(COL_TITLE, _ptr(NEEDS_INPUT))
            self._paint(item, row)

    def _header(self, text: str, overdue: bool) -> None:
        head = QTreeWidgetItem(self.tree, [text])
        head.setFirstColumnSpanned(True)
        head.setSizeHint(0, QSize(0, HEADER_HEIGHT))
        head.setFlags(Qt.ItemFlag.NoItemFlags)  # skipped by the arrow keys, as in the real tab
        font = head.font(0)
        font.setBold(True)
        head.setFont(0, font)
        head.setForeground(0, QBrush(QColor(theme.ON_TINT)))
        head.setBackground(0, QBrush(OVERDUE_HEADER_BG if overdue else SECTION_BG))

    def _paint(self, item: QTreeWidgetItem, row: DayRow) -> None:
        """The row as the user should see it: saved state, or their pending change."""
        tick = self.pending.get(row.key)
        if tick is None:
            item.setText(COL_TICK, MARKS.get(row.status, "☐"))
            done = f"{row.by_name or ''} {row.at.astimezone():%H:%M}" if row.at else ""
            item.setText(COL_WHO, done)
            item.setForeground(COL_WHO, QBrush())
            item.setFont(COL_WHO, self.tree.font())
            bg = QBrush(DONE_BG) if row.status == "done" else QBrush()
        else:
            item.setText(COL_TICK, "☑" if tick.done else "☐")
            mine = f"{self.who} {tick.at.astimezone():%H:%M} · " if tick.done else ""
            item.setText(COL_WHO, mine + _ptr(SAVING))
            item.setForeground(COL_WHO, QBrush(QColor(theme.dim())))
            italic = QFont(self.tree.font())
            italic.setItalic(True)
            item.setFont(COL_WHO, italic)
            bg = QBrush(DONE_BG) if tick.done else QBrush()
        for col in range(len(HEADERS)):
            item.setBackground(col, bg)

    def _show_hint(self) -> None:
        if self.pending:
            text = QCoreApplication.translate(
                "ChecklistPreview", "{0} 项改动待保存: 完整清单打开后自动保存"
            ).format(len(self.pending))
        elif not self.rows:
            text = QCoreApplication.translate(
                "ChecklistPreview", "今天没有分配给你的检查项 · 完整清单正在打开…"
            )
        else:
            text = QCoreApplication.translate(
                "ChecklistPreview", "空格 勾选/撤销 · ↑↓ 移动 · 完整清单正在打开…"
            )
        self.hint.setText(text)

    # -- ticking --------------------------------------------------------------------------
    def first_item(self) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                return item
        return None

    def row_of(self, item: QTreeWidgetItem | None) -> DayRow | None:
        if item is None:
            return None
        key = item.data(COL_TICK, Qt.ItemDataRole.UserRole)
        return self.rows.get(key) if isinstance(key, str) else None

    def current_key(self) -> str | None:
        row = self.row_of(self.tree.currentItem())
        return row.key if row is not None else None

    def shown_resolved(self, key: str) -> bool:
        tick = self.pending.get(key)
        return tick.done if tick is not None else self.rows[key].resolved

    def _on_double_click(self, item: QTreeWidgetItem, column: int) -> None:
        if column == COL_TICK:
            self.toggle_item(item)

    def toggle_item(self, item: QTreeWidgetItem, at: datetime | None = None) -> None:
        """Space on a row: tick or untick it on screen and keep the change for the real tab."""
        row = self.row_of(item)
        if row is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return
        tick = net(self.pending, row, at or clock.now())
        if tick is None:
            self.pending.pop(row.key, None)
        else:
            self.pending[row.key] = tick
        self._paint(item, row)
        self._show_hint()
        if self.shown_resolved(row.key):
            self._move_past(item)  # Space Space Space works down the list, as in the real tab
        self.pending_changed.emit(len(self.pending))

    def _move_past(self, item: QTreeWidgetItem) -> None:
        start = self.tree.indexOfTopLevelItem(item)
        for i in range(start + 1, self.tree.topLevelItemCount()):
            nxt = self.tree.topLevelItem(i)
            row = self.row_of(nxt)
            if nxt is None or row is None or not nxt.flags() & Qt.ItemFlag.ItemIsEnabled:
                continue
            if not self.shown_resolved(row.key):
                self.tree.setCurrentItem(nxt, COL_TITLE)
                return

    def take_pending(self) -> list[PendingTick]:
        """The changes, in the order they were made; the preview keeps none afterwards."""
        ticks = sorted(self.pending.values(), key=lambda t: t.at)
        self.pending = {}
        return ticks
