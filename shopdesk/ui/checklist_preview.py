"""Today's checklist, read-only, shown while the database layer is still loading (~0.7 s).

`shopdesk --as NAME` for a user without a PIN: the window reads today's rows with sqlite3
(shopdesk.checklist.quick_day) and shows them here at once; the real 今日检查 tab replaces this
the moment the shop is open. Nothing here can be clicked into a change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from shopdesk.checklist.dayview import OVERDUE_SECTION, DayRow

# The real tab's column titles (shopdesk/ui/checklist/day_model.py), already translated.
HEADERS = ("完成", "检查项目", "负责", "勾选人 / 时间")
MARKS = {"done": "☑", "skipped": "⊘"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class ChecklistPreview(QTreeWidget):
    def __init__(self, rows: list[DayRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistPreview")
        # Read-only until the real tab takes over: nothing to select, focus or edit.
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHeaderLabels([_tr(h) for h in HEADERS])
        self.setRootIsDecorated(False)
        self.setColumnWidth(0, 52)
        self.setColumnWidth(1, 480)
        self.setColumnWidth(2, 120)
        section: str | None = None
        for row in rows:
            group = OVERDUE_SECTION if row.carried_over else row.section
            if group != section:
                section = group
                head = QTreeWidgetItem(self, ["", section])
                font = head.font(1)
                font.setBold(True)
                head.setFont(1, font)
            who = row.assignee_name or row.job or ""
            done = f"{row.by_name or ''} {row.at.astimezone():%H:%M}" if row.at else ""
            title = f"[{row.day:%m-%d}] {row.title}" if row.carried_over else row.title
            QTreeWidgetItem(self, [MARKS.get(row.status, "☐"), title, who, done])
