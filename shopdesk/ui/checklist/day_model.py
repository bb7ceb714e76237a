"""Table model of one day's checklist: section header lines between the items of each section.

A thin adapter over the service's plain `DayRow`s. Header lines are disabled so the arrow keys
skip them; notes and numbers typed before ticking are kept as drafts until the tick is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from shopdesk.checklist.dayview import DayRow
from shopdesk.checklist.links import LinkStatus
from shopdesk.checklist.recurrence import MISS_POLICY_LABELS, Progress
from shopdesk.checklist.report import at_text, owner_text
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex

COL_TICK, COL_TITLE, COL_OWNER, COL_LINK, COL_VALUE, COL_NOTE, COL_WHO = range(7)
HEADERS = (
    QT_TRANSLATE_NOOP("", "完成"),
    QT_TRANSLATE_NOOP("", "检查项目"),
    QT_TRANSLATE_NOOP("", "负责"),
    QT_TRANSLATE_NOOP("", "实时数据"),
    QT_TRANSLATE_NOOP("", "数值"),
    QT_TRANSLATE_NOOP("", "备注"),
    QT_TRANSLATE_NOOP("", "勾选人 / 时间"),
)

TICK_GLYPH = {"done": "☑", "skipped": "⊘", "open": "☐", "overdue": "☐", "missed": "☒"}
STATUS_BG = {
    "done": QColor("#e3f4e1"),
    "skipped": QColor("#eeeeee"),
    "overdue": QColor("#fde2e1"),
    "missed": QColor("#f6efe0"),
}
LEVEL_FG = {"ok": QColor("#1b7a32"), "warn": QColor("#9a6700"), "bad": QColor("#c62828")}
SECTION_BG = QColor("#dde6f0")
LINK_FG = QColor("#1a5fb4")
OPEN_CAMPAIGN = QT_TRANSLATE_NOOP("", "打开活动 ▸")
OVERDUE_HEADER_BG = QColor("#f8c7c4")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() under ""


@dataclass(frozen=True)
class Line:
    """One line of the table: a section header or an item."""

    header: str | None = None
    progress: Progress | None = None
    overdue_header: bool = False
    row: DayRow | None = None


@dataclass
class Draft:
    note: str | None = None
    value: str | None = None


def build_lines(rows: list[DayRow], sections: dict[str, Progress]) -> list[Line]:
    lines: list[Line] = []
    carried = [r for r in rows if r.carried_over]
    if carried:
        lines.append(Line(header=tr("逾期未完成"), overdue_header=True))
        lines.extend(Line(row=r) for r in carried)
    current: str | None = None
    for r in rows:
        if r.carried_over:
            continue
        if r.section != current:
            current = r.section
            lines.append(Line(header=r.section, progress=sections.get(r.section)))
        lines.append(Line(row=r))
    return lines


class DayModel(QAbstractTableModel):
    # The user finished typing a draft (row key): the tab may now save a pending tick.
    draft_committed = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lines: list[Line] = []
        self.links: dict[str, LinkStatus] = {}
        self.drafts: dict[str, Draft] = {}
        self.editable = True
        self._tick_font = QFont()
        self._tick_font.setPointSize(16)
        self._header_font = QFont()
        self._header_font.setBold(True)

    # -- data in ---------------------------------------------------------------------------
    def set_rows(
        self, rows: list[DayRow], sections: dict[str, Progress], links: dict[str, LinkStatus]
    ) -> None:
        self.beginResetModel()
        self.lines = build_lines(rows, sections)
        self.links = links
        keys = {r.key for r in rows}
        self.drafts = {k: d for k, d in self.drafts.items() if k in keys}
        self.endResetModel()

    def row_at(self, row: int) -> DayRow | None:
        if 0 <= row < len(self.lines):
            return self.lines[row].row
        return None

    def row_of(self, key: str) -> int:
        for i, line in enumerate(self.lines):
            if line.row is not None and line.row.key == key:
                return i
        return -1

    def draft(self, key: str) -> Draft:
        return self.drafts.get(key) or Draft()

    def header_rows(self) -> list[int]:
        return [i for i, line in enumerate(self.lines) if line.header is not None]

    # -- Qt interface ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return tr(HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        r = self.row_at(index.row())
        if r is None:
            return Qt.ItemFlag.NoItemFlags  # header lines: skipped by the arrow keys
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = index.column()
        if (
            self.editable
            and r.source == "template"
            and (col == COL_NOTE or (col == COL_VALUE and r.needs_number))
        ):
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        col = index.column()
        if line.row is None:
            return self._header_data(line, col, role)
        r = line.row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(r, col, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            bg = STATUS_BG.get(r.status)
            return QBrush(bg) if bg is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_LINK and r.link_key in self.links:
                return QBrush(LEVEL_FG.get(self.links[r.link_key].level, QColor("black")))
            if col == COL_LINK and opens_campaign(r):
                return QBrush(LINK_FG)
            if col == COL_TICK and r.status == "overdue":
                return QBrush(LEVEL_FG["bad"])
            if col in (COL_NOTE, COL_VALUE) and not r.resolved and r.key in self.drafts:
                return QBrush(QColor("#555555"))
            return None
        if role == Qt.ItemDataRole.FontRole:
            if col == COL_TICK:
                return self._tick_font
            if col in (COL_NOTE, COL_VALUE) and not r.resolved and r.key in self.drafts:
                f = QFont()
                f.setItalic(True)
                return f
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == COL_TICK:
                return int(Qt.AlignmentFlag.AlignCenter)
            if col == COL_VALUE:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COL_TICK:
            return tr(r.status_label)
        return None

    def _header_data(self, line: Line, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and col == 0:
            if line.progress is not None:
                return f"{line.header}    {line.progress.text}"
            return line.header
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(OVERDUE_HEADER_BG if line.overdue_header else SECTION_BG)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1a1a1a"))
        if role == Qt.ItemDataRole.FontRole:
            return self._header_font
        return None

    def _text(self, r: DayRow, col: int, edit: bool) -> str:
        draft = self.drafts.get(r.key)
        if col == COL_TICK:
            return TICK_GLYPH[r.status]
        if col == COL_TITLE:
            prefix = f"[{r.day:%m-%d}] " if r.carried_over else ""
            return prefix + r.title
        if col == COL_OWNER:
            return owner_text(r)
        if col == COL_LINK:
            if opens_campaign(r):
                return tr(OPEN_CAMPAIGN)
            link = self.links.get(r.link_key or "")
            return link.text if link else ""
        if col == COL_VALUE:
            if r.value is not None:
                return _num(r.value)
            if draft and draft.value:
                return draft.value
            return "" if edit or not r.needs_number else tr("(待填)")
        if col == COL_NOTE:
            if draft and draft.note is not None and not r.resolved:
                return draft.note
            if r.note:
                return r.note
            return "" if edit or not r.needs_note else tr("(必填)")
        if col == COL_WHO:
            if r.by_name is None:
                return tr(r.status_label) if r.status in ("missed", "overdue") else ""
            late = tr(" (补)") if r.late else ""
            return f"{r.by_name} {at_text(r)}{late}"
        return ""

    def _tooltip(self, r: DayRow, col: int) -> str | None:
        if col == COL_LINK and opens_campaign(r):
            return tr("双击或按回车: 在活动日历里打开这个活动")
        if col == COL_LINK:
            link = self.links.get(r.link_key or "")
            if link is None:
                return None
            tip = link.text if not link.tooltip else f"{link.text}\n{link.tooltip}"
            return tip + (tr("\n双击打开") if link.target_tab else "")
        if col == COL_WHO and r.at is not None:
            local = r.at.astimezone()
            return tr("属于 {0}, 实际勾选于 {1}").format(
                f"{r.day:%Y-%m-%d}", f"{local:%Y-%m-%d %H:%M}"
            )
        if col in (COL_TICK, COL_TITLE):
            policy = tr(MISS_POLICY_LABELS.get(r.miss_policy, r.miss_policy))

            return tr("{0}\n{1} · {2} · 漏检: {3}\n空格键勾选/撤销").format(
                r.title, tr(r.status_label), r.rule_text, policy
            )
        if col == COL_VALUE and r.needs_number:
            return r.number_label or tr("需要填写数值")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        r = self.row_at(index.row())
        if r is None:
            return False
        d = self.drafts.setdefault(r.key, Draft())
        text = str(value or "").strip()
        if index.column() == COL_NOTE:
            d.note = text
        else:
            d.value = text or None
        self.dataChanged.emit(index, index)
        self.draft_committed.emit(r.key)
        return True


def opens_campaign(r: DayRow) -> bool:
    """A campaign stage task: its link column opens the campaign in 活动日历."""
    return r.source == "campaign" and r.campaign_id is not None


def _num(value: Decimal) -> str:
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
