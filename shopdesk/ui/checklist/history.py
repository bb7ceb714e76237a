"""History: a month calendar coloured by completion, and completion per person per week/month."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk import clock
from shopdesk.checklist import service
from shopdesk.checklist.recurrence import month_bounds
from shopdesk.checklist.service import PersonRate
from shopdesk.errors import ShopDeskError
from shopdesk.ui.context import UiContext
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP, ui_locale
from shopdesk.ui.widgets import theme

Index = QModelIndex | QPersistentModelIndex

# (lowest rate, colour, label) from best to worst; days with nothing due stay white.
BANDS = (
    (1.0, QColor("#7cc47f"), QT_TRANSLATE_NOOP("", "全部完成")),
    (0.8, QColor("#c8e6c9"), "≥ 80%"),
    (0.5, QColor("#fff1b8"), "50–80%"),
    (0.0, QColor("#f8c7c4"), "< 50%"),
)


def band(rate: float | None) -> tuple[QColor, str] | None:
    if rate is None:
        return None
    for low, colour, label in BANDS:
        if rate >= low:
            return colour, tr(label)
    return BANDS[-1][1], tr(BANDS[-1][2])


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() under ""


class PersonModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("", "姓名"),
        QT_TRANSLATE_NOOP("", "岗位"),
        QT_TRANSLATE_NOOP("", "周期"),
        QT_TRANSLATE_NOOP("", "应做"),
        QT_TRANSLATE_NOOP("", "完成"),
        QT_TRANSLATE_NOOP("", "本人勾选"),
        QT_TRANSLATE_NOOP("", "完成率"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[PersonRate] = []
        self.period = "month"

    def set_rows(self, rows: list[PersonRate], period: str) -> None:
        self.beginResetModel()
        # Latest period first; within it the weakest completion first, so it gets looked at.
        self.rows = sorted(
            rows,
            key=lambda r: (-r.period.toordinal(), r.rate if r.rate is not None else 2, r.name),
        )
        self.period = period
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.name
            if col == 1:
                return r.job or ""
            if col == 2:
                if self.period == "week":
                    end = r.period + timedelta(days=6)
                    return f"{r.period:%m-%d}–{end:%m-%d}"
                return f"{r.period:%Y-%m}"
            if col == 3:
                return str(r.due)
            if col == 4:
                return str(r.resolved)
            if col == 5:
                return str(r.ticked_by_self)
            if col == 6:
                return "—" if r.rate is None else f"{r.rate:.0%}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and col == 6:
            b = band(r.rate)
            return QBrush(b[0]) if b else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr(
                "应做: 分配给此人岗位或本人的项目次数; 完成: 其中已勾选或跳过的; "
                "本人勾选: 由此人亲自勾选的"
            )
        return None


class HistoryWidget(QWidget):
    day_chosen = Signal(object)  # datetime.date

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("checklistCalendar")
        self.calendar.setGridVisible(True)
        self.calendar.setLocale(ui_locale())
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setMaximumDate(_q(clock.today()))
        self.calendar.setToolTip(tr("颜色 = 当天所有人项目的完成率; 双击某天打开当天清单"))
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.reload())
        self.calendar.activated.connect(lambda q: self.day_chosen.emit(_d(q)))
        self.summary = QLabel()
        self.summary.setObjectName("historySummary")
        legend = QHBoxLayout()
        legend.addWidget(QLabel(tr("图例:")))
        for _low, colour, label in BANDS:
            chip = QLabel(f"  {tr(label)}  ")
            chip.setStyleSheet(f"QLabel {{ background: {colour.name()}; color: {theme.ON_TINT}; }}")
            legend.addWidget(chip)
        legend.addStretch(1)

        self.period = QComboBox()
        self.period.addItem(tr("按月"), "month")
        self.period.addItem(tr("按周"), "week")
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.people = PersonModel(self)
        self.table = QTableView()
        self.table.setObjectName("personRates")
        self.table.setModel(self.people)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(False)

        left = QVBoxLayout()
        left.addWidget(self.calendar)
        left.addLayout(legend)
        left.addWidget(self.summary)
        left.addStretch(1)
        right = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(QLabel(tr("每人完成率 (本月)")))
        head.addStretch(1)
        head.addWidget(self.period)
        right.addLayout(head)
        right.addWidget(self.table, 1)
        lay = QHBoxLayout(self)
        lay.addLayout(left, 2)
        lay.addLayout(right, 3)
        self.reload()

    def reload(self) -> None:
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        first, last = month_bounds(year, month)
        try:
            days = service.month_rates(self.ctx.db, self.ctx.actor, year, month)
            people = service.person_rates(
                self.ctx.db, self.ctx.actor, first, last, str(self.period.currentData())
            )
        except ShopDeskError as exc:
            self.summary.setText(str(exc))
            return
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear all
        done = total = 0
        for d in days:
            fmt = QTextCharFormat()
            b = band(d.progress.rate)
            if b is not None:
                fmt.setBackground(QBrush(b[0]))
                fmt.setToolTip(f"{d.day:%m-%d}: {d.progress.text}")
            self.calendar.setDateTextFormat(_q(d.day), fmt)
            done += d.progress.resolved
            total += d.progress.total
        rate = f"{done / total:.0%}" if total else "—"
        self.summary.setText(
            tr("{0} 年 {1} 月: 完成 {2}/{3} ({4})").format(year, month, done, total, rate)
        )
        self.people.set_rows(people, str(self.period.currentData()))


def _q(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _d(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())
