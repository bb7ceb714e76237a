"""A painted calendar grid (month = 6 week rows, week = 1 tall row) with campaign bars.

Painting beats a QTableWidget of cell widgets here: bars span days, and the layout (which lane
each bar takes) is computed by the pure `layout_bars` so it is tested without Qt. The widget has
one selected day that the keyboard moves (arrows, PageUp/PageDown, Home); Enter opens what is on it.
Dragging a bar to another day moves the campaign.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import cast

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from shopdesk.campaigns import overlay, stages
from shopdesk.campaigns.calendar import WEEKDAY_LABELS, Bar, Span, layout_bars
from shopdesk.campaigns.rows import AgendaRow, CalendarItem
from shopdesk.ui.i18n import day_text
from shopdesk.ui.labels import label
from shopdesk.ui.widgets import theme

HEADER_H = 24
DAY_LABEL_H = 20
BAR_H = 18
BAR_GAP = 2
HOLIDAY_FILL = QColor("#fdecea")
WORKDAY_FILL = QColor("#eef3fb")
FESTIVAL_TEXT = QColor("#d35400")
HOLIDAY_TEXT = QColor("#c62828")
WORKDAY_TEXT = QColor("#1565c0")
OTHER_MONTH_TEXT = QColor("#a0a0a0")
TODAY_FILL = QColor("#fff8d6")
SELECT_PEN = QColor("#1a73e8")
GRID_PEN = QColor("#d5d9de")


@dataclass(frozen=True)
class _Placed:
    bar: Bar
    item: CalendarItem
    rect: QRectF


class CalendarGrid(QWidget):
    """Weeks of days with marks and bars; emits what the user picks."""

    selectedDateChanged = Signal(object)  # date
    dateActivated = Signal(object)  # Enter / double-click on a day without a campaign
    campaignActivated = Signal(int)  # Enter / double-click on a campaign
    campaignMoved = Signal(int, int)  # campaign id, days (drag)
    navigate = Signal(int)  # -1 / +1: the view should show the previous / next period

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(QSize(420, 240))
        self.weeks: list[list[date]] = []
        self.month: int | None = None  # days of other months are greyed in a month view
        self.selected: date = date.today()
        self.today: date = date.today()
        self.items: list[CalendarItem] = []
        self.marks: dict[date, list[overlay.DayMark]] = {}
        self.agenda: dict[date, list[AgendaRow]] = {}
        self.breaks: set[date] = set()  # weekend days inside a holiday break
        self._bars: list[tuple[Bar, CalendarItem]] = []
        self._placed: list[_Placed] = []
        self._hidden: dict[date, int] = {}
        self._drag: tuple[int, date] | None = None  # campaign id, day pressed
        self._drop_day: date | None = None
        self.setAccessibleName(self.tr("活动日历"))

    # -- data ------------------------------------------------------------------------------
    def set_period(
        self,
        weeks: list[list[date]],
        items: Sequence[CalendarItem],
        marks: dict[date, list[overlay.DayMark]],
        *,
        month: int | None,
        selected: date,
        today: date,
        agenda: Sequence[AgendaRow] = (),
    ) -> None:
        self.weeks = weeks
        self.agenda = {}
        for row in agenda:
            self.agenda.setdefault(row.day, []).append(row)
        self.month = month
        self.items = list(items)
        self.marks = marks
        # holiday breaks once the holidays package is loaded (the tab loads it in a worker)
        self.breaks = (
            overlay.break_days(weeks[0][0], weeks[-1][-1]) if weeks and overlay.warm() else set()
        )
        self.today = today
        spans = [Span(i, it.start, it.end) for i, it in enumerate(self.items)]
        self._bars = [(b, self.items[cast(int, b.key)]) for b in layout_bars(spans, weeks)]
        self.selected = selected if self._contains(selected) else weeks[0][0]
        self.update()

    def _contains(self, day: date) -> bool:
        return bool(self.weeks) and self.weeks[0][0] <= day <= self.weeks[-1][-1]

    def items_on(self, day: date) -> list[CalendarItem]:
        return [it for it in self.items if it.start <= day <= it.end]

    def select(self, day: date) -> None:
        """Move the selection; outside the shown period the view is asked to turn the page."""
        if not self.weeks:
            return
        if day < self.weeks[0][0]:
            self.selected = day
            self.navigate.emit(-1)
        elif day > self.weeks[-1][-1]:
            self.selected = day
            self.navigate.emit(1)
        else:
            self.selected = day
            self.update()
        self.selectedDateChanged.emit(day)

    # -- geometry --------------------------------------------------------------------------
    def _cell_w(self) -> float:
        return max(self.width() - 1, 7) / 7

    def _row_h(self) -> float:
        rows = max(len(self.weeks), 1)
        return max(self.height() - HEADER_H - 1, rows * 40) / rows

    def cell_rect(self, week: int, col: int) -> QRectF:
        w, h = self._cell_w(), self._row_h()
        return QRectF(col * w, HEADER_H + week * h, w, h)

    def day_at(self, pos: QPoint) -> date | None:
        if pos.y() < HEADER_H or not self.weeks:
            return None
        col = min(int(pos.x() / self._cell_w()), 6)
        row = int((pos.y() - HEADER_H) / self._row_h())
        if 0 <= row < len(self.weeks) and col >= 0:
            return self.weeks[row][col]
        return None

    def _lanes_fit(self) -> int:
        return max(int((self._row_h() - DAY_LABEL_H - 4) / (BAR_H + BAR_GAP)), 1)

    def _place(self) -> None:
        """Bars that fit in their row; the rest are counted per day as '+N'."""
        self._placed = []
        self._hidden = {}
        fit = self._lanes_fit()
        for bar, item in self._bars:
            days = self.weeks[bar.week][bar.col_start : bar.col_end + 1]
            if bar.lane >= fit:
                for d in days:
                    self._hidden[d] = self._hidden.get(d, 0) + 1
                continue
            first = self.cell_rect(bar.week, bar.col_start)
            last = self.cell_rect(bar.week, bar.col_end)
            top = first.top() + DAY_LABEL_H + bar.lane * (BAR_H + BAR_GAP)
            left = first.left() + (1 if bar.continues_before else 4)
            right = last.right() - (1 if bar.continues_after else 4)
            self._placed.append(_Placed(bar, item, QRectF(left, top, right - left, BAR_H)))

    def bar_at(self, pos: QPoint) -> CalendarItem | None:
        for placed in self._placed:
            if placed.rect.contains(pos.toPointF()):
                return placed.item
        return None

    # -- painting ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.fillRect(self.rect(), self.palette().base())
        self._paint_header(p)
        if not self.weeks:
            p.end()
            return
        for row, days in enumerate(self.weeks):
            for col, day in enumerate(days):
                self._paint_cell(p, self.cell_rect(row, col), day)
        self._place()
        for placed in self._placed:
            self._paint_bar(p, placed)
        self._paint_overflow(p)
        if self.agenda:
            self._paint_agenda(p)
        p.end()

    def _paint_header(self, p: QPainter) -> None:
        w = self._cell_w()
        p.setPen(self.palette().text().color())
        for col, name in enumerate(WEEKDAY_LABELS):
            rect = QRectF(col * w, 0, w, HEADER_H)
            if col >= 5:
                p.setPen(HOLIDAY_TEXT)
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("周{0}").format(label(name)))

    def _paint_cell(self, p: QPainter, rect: QRectF, day: date) -> None:
        marks = self.marks.get(day, [])
        holiday = next((m for m in marks if m.kind == overlay.HOLIDAY), None)
        workday = next((m for m in marks if m.kind == overlay.WORKDAY), None)
        festival = next((m for m in marks if m.kind == overlay.FESTIVAL), None)
        tinted = True  # a light fill keeps dark words in a dark theme
        if day == self.today:
            p.fillRect(rect, TODAY_FILL)
        elif holiday or day in self.breaks:
            p.fillRect(rect, HOLIDAY_FILL)
        elif workday:
            p.fillRect(rect, WORKDAY_FILL)
        else:
            tinted = False
        p.setPen(QPen(GRID_PEN, 1))
        p.drawRect(rect)
        other = self.month is not None and day.month != self.month
        num_rect = QRectF(rect.left() + 4, rect.top() + 2, 64, DAY_LABEL_H - 2)
        colour = (
            OTHER_MONTH_TEXT
            if other
            else (
                HOLIDAY_TEXT
                if holiday or (day.weekday() >= 5 and not workday)
                else (QColor(theme.ON_TINT) if tinted else self.palette().text().color())
            )
        )
        p.setPen(colour)
        font = p.font()
        font.setBold(day == self.today)
        p.setFont(font)
        text = str(day.day) if day.day != 1 else day_text(day, with_year=False)

        p.drawText(num_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        font.setBold(False)
        p.setFont(font)
        num_w = p.fontMetrics().horizontalAdvance(text) + 10
        label_rect = QRectF(
            rect.left() + num_w, rect.top() + 2, rect.width() - num_w - 4, DAY_LABEL_H - 2
        )
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if workday:
            p.setPen(WORKDAY_TEXT)
            p.drawText(label_rect, right, self.tr("班"))
        elif holiday or festival:
            shown = holiday or festival
            assert shown is not None
            p.setPen(HOLIDAY_TEXT if holiday else FESTIVAL_TEXT)
            elided = p.fontMetrics().elidedText(
                shown.short, Qt.TextElideMode.ElideRight, int(label_rect.width())
            )
            p.drawText(label_rect, right, elided)
        if day == self.selected:
            pen = QPen(SELECT_PEN, 2 if self.hasFocus() else 1)
            p.setPen(pen)
            p.drawRect(rect.adjusted(1, 1, -1, -1))

    def _paint_bar(self, p: QPainter, placed: _Placed) -> None:
        item, rect, bar = placed.item, placed.rect, placed.bar
        colour = QColor(stages.STAGE_COLOURS.get(item.stage, "#cccccc"))
        fill = QColor(colour)
        if item.recurring:  # a weekly/monthly shop activity: pale, with a stripe
            fill = _blend(colour, self.palette().base().color(), 0.27)
        if self._drag and self._drag[0] == item.campaign_id:
            fill.setAlpha(140)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawRoundedRect(rect, 4, 4)
        if item.recurring:
            p.setBrush(colour.darker(120))
            p.drawRect(QRectF(rect.left(), rect.top(), 3, rect.height()))
        if item.stage in stages.END_STAGES:  # struck through: does not count
            p.setPen(QPen(QColor("#757575"), 1))
            y = rect.center().y()
            p.drawLine(QPointF(rect.left() + 2, y), QPointF(rect.right() - 2, y))
        dark_ink, light_ink = QColor("#202124"), self.palette().text().color()
        opaque = _blend(fill, self.palette().base().color(), fill.alphaF())
        ink = max((dark_ink, light_ink), key=lambda c: theme.contrast(c, opaque))
        p.setPen(ink)
        text = item.name if not bar.continues_before else "… " + item.name
        if not item.recurring:
            text += f" · {label(stages.label(item.stage))}"
        elided = p.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideRight, int(rect.width()) - 8
        )
        p.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, elided)

    def _paint_overflow(self, p: QPainter) -> None:
        """'+N' beside the day number when a day has more bars than the row can show."""
        p.setPen(QColor("#5f6368"))
        for row, days in enumerate(self.weeks):
            for col, day in enumerate(days):
                n = self._hidden.get(day)
                if not n:
                    continue
                cell = self.cell_rect(row, col)
                p.drawText(
                    QRectF(cell.left(), cell.top() + 2, cell.width() / 2, DAY_LABEL_H - 2),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    self.tr("+{0}").format(n),
                )

    def _paint_agenda(self, p: QPainter) -> None:
        """Tasks and sign-up deadlines under the bars (week view)."""
        lanes = [0] * len(self.weeks)
        for placed in self._placed:
            lanes[placed.bar.week] = max(lanes[placed.bar.week], placed.bar.lane + 1)
        line_h = p.fontMetrics().height() + 2
        for row, days in enumerate(self.weeks):
            for col, day in enumerate(days):
                cell = self.cell_rect(row, col)
                y = cell.top() + DAY_LABEL_H + lanes[row] * (BAR_H + BAR_GAP) + 6
                for entry in self.agenda.get(day, []):
                    if y + line_h > cell.bottom():
                        break
                    box = "☑ " if entry.done else "☐ "
                    if entry.done:
                        p.setPen(OTHER_MONTH_TEXT)
                    elif entry.kind == "signup" or day < self.today:
                        p.setPen(HOLIDAY_TEXT)
                    else:
                        p.setPen(self.palette().text().color())
                    width = int(cell.width()) - 8
                    flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
                    need = p.fontMetrics().boundingRect(
                        QRect(0, 0, width, 400), flags, box + entry.text
                    )
                    height = min(need.height(), int(cell.bottom() - y))
                    p.drawText(QRectF(cell.left() + 4, y, width, height), flags, box + entry.text)
                    y += height + 4

    # -- keyboard ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        if key in steps:
            self.select(self.selected + timedelta(days=steps[Qt.Key(key)]))
        elif key == Qt.Key.Key_PageUp:
            self.navigate.emit(-1)
        elif key == Qt.Key.Key_PageDown:
            self.navigate.emit(1)
        elif key == Qt.Key.Key_Home:
            self.select(self.today)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate(self.selected)
        else:
            super().keyPressEvent(event)

    def activate(self, day: date) -> None:
        """Open the campaign on the day (a non-recurring one first), or start a new one there."""
        on_day = self.items_on(day)
        if on_day:
            on_day.sort(key=lambda it: (it.recurring, it.start))
            self.campaignActivated.emit(on_day[0].campaign_id)
        else:
            self.dateActivated.emit(day)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    # -- mouse ---------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        day = self.day_at(pos)
        if day is None:
            return
        self.select(day)
        item = self.bar_at(pos)
        if item is not None and not item.recurring and event.button() == Qt.MouseButton.LeftButton:
            self._drag = (item.campaign_id, day)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._drag is not None:
            self._drop_day = self.day_at(pos)
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        item = self.bar_at(pos)
        if item is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self._tooltip(item), self)
        else:
            day = self.day_at(pos)
            marks = self.marks.get(day, []) if day else []
            if marks:
                text = "\n".join(
                    f"{label(overlay.KIND_LABELS[m.kind])}: {m.name}"
                    + (self.tr(" (暂定, 国务院尚未公布)") if m.provisional else "")
                    for m in marks
                )
                QToolTip.showText(event.globalPosition().toPoint(), text, self)
            else:
                QToolTip.hideText()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            cid, pressed = self._drag
            target = self.day_at(event.position().toPoint())
            self._drag = None
            self._drop_day = None
            self.unsetCursor()
            if target is not None and target != pressed:
                self.campaignMoved.emit(cid, (target - pressed).days)
            self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._drag = None
        pos = event.position().toPoint()
        item = self.bar_at(pos)
        if item is not None:
            self.campaignActivated.emit(item.campaign_id)
            return
        day = self.day_at(pos)
        if day is not None:
            self.dateActivated.emit(day)

    def _tooltip(self, item: CalendarItem) -> str:
        span = (
            f"{item.start:%m-%d}"
            if item.start == item.end
            else f"{item.start:%m-%d} — {item.end:%m-%d}"
        )
        kind = label(stages.KIND_LABELS.get(item.kind, item.kind))
        return f"{item.name}\n{span} · {kind}\n" + self.tr("阶段: {0} — {1}").format(
            label(stages.label(item.stage)), label(stages.STAGE_HINTS.get(item.stage, ""))
        )

    def sizeHint(self) -> QSize:
        return QSize(900, 620)

    def cell_centre(self, day: date) -> QPoint:
        """Where a day is drawn (tests click there)."""
        for row, days in enumerate(self.weeks):
            if day in days:
                r = self.cell_rect(row, days.index(day))
                return QRect(int(r.left()), int(r.top()), int(r.width()), int(r.height())).center()
        raise ValueError(day)


def _blend(colour: QColor, base: QColor, amount: float) -> QColor:
    """`amount` of `colour` over `base`, opaque (a pale chip on a light base, a dim one on dark)."""
    return QColor.fromRgbF(
        colour.redF() * amount + base.redF() * (1 - amount),
        colour.greenF() * amount + base.greenF() * (1 - amount),
        colour.blueF() * amount + base.blueF() * (1 - amount),
    )
