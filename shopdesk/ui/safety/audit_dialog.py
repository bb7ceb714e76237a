"""数据 → 操作日志 (owner/finance): who changed what, filtered, exportable."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk import clock
from shopdesk.audit.labels import entity_label
from shopdesk.audit.service import audit_report, entities, list_entries
from shopdesk.auth import service as auth
from shopdesk.reports import Report, export
from shopdesk.settings import service as settings
from shopdesk.ui.context import UiContext
from shopdesk.ui.errors import guarded
from shopdesk.ui.labels import label

Index = QModelIndex | QPersistentModelIndex


class ReportModel(QAbstractTableModel):
    """A read-only table over a Report's rows."""

    def __init__(self, report: Report) -> None:
        super().__init__()
        self.report = report
        self.rows = report.rows

    def set_report(self, report: Report) -> None:
        self.beginResetModel()
        self.report = report
        self.rows = report.rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.report.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return label(self.report.columns[section].title)
        return None

    def data(self, index: Index, role: int = 0) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            key = self.report.columns[index.column()].key
            value = self.rows[index.row()].get(key, "")
            if key in ("entity", "action"):  # names from shopdesk.audit.labels
                stem, flag, _ = str(value).partition(" ⚑")
                return label(stem) + (" ⚑" if flag else "")
            return value
        return None


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class AuditDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("操作日志"))
        self.user = QComboBox(self)
        self.user.addItem(self.tr("全部用户"), None)
        for u in auth.list_users(ctx.db, include_inactive=True):
            self.user.addItem(u.name, u.name)
        self.entity = QComboBox(self)
        self.entity.addItem(self.tr("全部对象"), None)
        for e in entities(ctx.db):
            self.entity.addItem(label(entity_label(e)), e)
        day = clock.today()  # the app's clock, not Qt's, so tests and the data agree
        today = QDate(day.year, day.month, day.day)
        self.since = QDateEdit(today.addDays(-30), self)
        self.until = QDateEdit(today, self)
        for d in (self.since, self.until):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.count = QLabel(self)
        export_btn = QPushButton(self.tr("导出(&E)…"), self)
        export_btn.clicked.connect(self.export)
        bar = QHBoxLayout()
        for text, w in (
            (self.tr("用户"), self.user),
            (self.tr("对象"), self.entity),
            (self.tr("从"), self.since),
            (self.tr("到"), self.until),
        ):
            bar.addWidget(QLabel(text, self))
            bar.addWidget(w)
        bar.addWidget(self.count, 1)
        bar.addWidget(export_btn)
        self.model = ReportModel(audit_report([], ""))
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        for combo in (self.user, self.entity):
            combo.currentIndexChanged.connect(self.reload)
        for d in (self.since, self.until):
            d.dateChanged.connect(self.reload)
        self.resize(1100, 620)
        self.reload()

    def reload(self) -> None:
        rows = guarded(
            self,
            lambda: list_entries(
                self.ctx.db,
                self.ctx.actor,
                user=self.user.currentData(),
                entity=self.entity.currentData(),
                since=_day(self.since),
                until=_day(self.until),
            ),
        )
        if rows is None:
            return
        self.model.set_report(audit_report(rows, settings.read(self.ctx.db, "shop.name")))
        for col, width in enumerate((150, 70, 110, 70, 90, 260)):
            self.view.setColumnWidth(col, width)
        self.count.setText(self.tr("{0} 条").format(len(rows)))

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出操作日志"),
            self.tr("操作日志.xlsx"),
            "Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)",
        )
        if name:
            done = guarded(self, lambda: export(self.model.report, name))
            if done is not None:
                self.ctx.bus.status.emit(self.tr("已导出到 {0}").format(done))
