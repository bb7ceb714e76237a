"""The 活动日历 tab: month and week calendars with holidays and festivals, and a filtered list."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from shopdesk.auth.permissions import Perm, can
from shopdesk.campaigns import overlay, presets, service, stages
from shopdesk.campaigns.calendar import WEEKDAY_LABELS, add_months, month_weeks, week_days
from shopdesk.campaigns.rows import CampaignRow
from shopdesk.clock import today
from shopdesk.reports import Report
from shopdesk.ui.campaigns.dialog import CampaignDialog
from shopdesk.ui.campaigns.grid import CalendarGrid
from shopdesk.ui.campaigns.models import CampaignListModel
from shopdesk.ui.campaigns.pages import _table
from shopdesk.ui.context import UiContext
from shopdesk.ui.errors import guarded
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP, day_text, month_text
from shopdesk.ui.labels import label
from shopdesk.ui.widgets import theme
from shopdesk.ui.widgets.layout import remember_header
from shopdesk.ui.widgets.worker import Job, start

MONTH, WEEK, LIST = 0, 1, 2


class CampaignsTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today()
        self.anchor = self.today  # the day the shown month/week is built around
        self.mode = MONTH
        self.can_edit = can(ctx.actor, Perm.EDIT_CAMPAIGNS)
        self._marks_job: Job | None = None
        self._marks_failed = False  # the holidays package would not load: said once, not retried
        self._build()
        ctx.bus.data_changed.connect(self._on_data_changed)
        self.refresh()

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        bar = QHBoxLayout()
        self.mode_group = QButtonGroup(self)
        for mode, title, key in (
            (MONTH, QT_TRANSLATE_NOOP("CampaignsTab", "月"), "M"),
            (WEEK, QT_TRANSLATE_NOOP("CampaignsTab", "周"), "W"),
            (LIST, QT_TRANSLATE_NOOP("CampaignsTab", "列表"), "L"),
        ):
            button = QToolButton(self)
            button.setText(self.tr(title))
            button.setMinimumWidth(44)
            button.setCheckable(True)
            button.setObjectName(f"mode{mode}")
            button.setToolTip(self.tr("{0}视图 (Alt+{1})").format(self.tr(title), key))
            QShortcut(QKeySequence(f"Alt+{key}"), self, lambda m=mode: self.set_mode(m))
            self.mode_group.addButton(button, mode)
            bar.addWidget(button)
        self.mode_group.button(MONTH).setChecked(True)
        self.mode_group.idClicked.connect(self.set_mode)
        bar.addSpacing(12)
        self.prev_button = QToolButton(self)
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("上一页 (PageUp)"))
        self.today_button = QToolButton(self)
        self.today_button.setText(self.tr("今天"))
        self.today_button.setToolTip(self.tr("回到今天 (Home)"))
        self.next_button = QToolButton(self)
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("下一页 (PageDown)"))
        self.prev_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(lambda: self.turn(1))
        self.today_button.clicked.connect(self.go_today)
        self.period_label = QLabel(self)
        self.period_label.setObjectName("periodLabel")
        self.period_label.setStyleSheet("font-size: 16px; font-weight: bold; padding: 0 10px")
        for w in (self.prev_button, self.today_button, self.next_button, self.period_label):
            bar.addWidget(w)
        bar.addStretch(1)
        self.new_button = QPushButton(self.tr("新建活动"), self)
        self.new_button.setObjectName("newCampaign")
        self.new_button.setToolTip(self.tr("空白活动, 或按模板一步创建 (618、双11、周一团购 …)"))
        menu = QMenu(self.new_button)
        menu.addAction(self.tr("空白活动…"), lambda: self.open_new(self.selected_day()))
        menu.addSeparator()
        for preset in presets.PRESETS:
            action = menu.addAction(self.tr("模板: {0}").format(preset.name))
            action.setObjectName(f"preset_{preset.key}")
            action.setToolTip(preset.description)
            action.triggered.connect(lambda _=False, k=preset.key: self.create_preset(k))
        menu.setToolTipsVisible(True)
        self.new_button.setMenu(menu)
        self.new_button.setEnabled(self.can_edit)
        self.export_button = QPushButton(self.tr("导出/打印"), self)
        self.export_button.setObjectName("exportCampaigns")
        self.export_button.setToolTip(self.tr("导出或打印当前显示范围的活动"))
        export_menu = QMenu(self.export_button)
        export_menu.addAction(self.tr("日历文件 (.ics, 可导入手机/电脑日历)…"), self.export_ics)
        export_menu.addAction(
            self.tr("活动计划表 Excel (.xlsx)…"), lambda: self.export_plan(".xlsx")
        )
        export_menu.addAction(self.tr("活动计划表 PDF…"), lambda: self.export_plan(".pdf"))
        export_menu.addAction(self.tr("打印活动计划表…"), self.print_plan)
        self.export_button.setMenu(export_menu)
        bar.addWidget(self.new_button)
        bar.addWidget(self.export_button)
        # The buttons open menus; their main entries also have keys, named in the tooltips.
        for keys, slot, menu_button in (
            ("Ctrl+N", lambda: self.open_new(self.selected_day()), self.new_button),
            ("Ctrl+E", lambda: self.export_plan(".xlsx"), self.export_button),
            ("Ctrl+P", lambda: self.print_plan(), self.export_button),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda b=menu_button, f=slot: f() if b.isEnabled() else None)
        self.new_button.setToolTip(self.new_button.toolTip() + self.tr(" (空白活动: Ctrl+N)"))
        self.export_button.setToolTip(
            self.export_button.toolTip() + self.tr(" (Excel: Ctrl+E, 打印: Ctrl+P)")
        )

        self.banner = QLabel(self)
        self.banner.setObjectName("reminderBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            theme.tinted("#fff4ce", "#f0c36d", "border-radius: 4px; padding: 6px")
        )

        self.grid = CalendarGrid(self)
        self.grid.setObjectName("calendarGrid")
        self.grid.navigate.connect(self.turn_to_selected)
        self.grid.campaignActivated.connect(self.open_campaign)
        self.grid.dateActivated.connect(self.open_new)
        self.grid.campaignMoved.connect(self.move_campaign)
        self.grid.selectedDateChanged.connect(self._show_day)
        self.day_info = QLabel(self)
        self.day_info.setObjectName("dayInfo")
        self.day_info.setWordWrap(True)
        calendar_page = QWidget(self)
        cal_layout = QVBoxLayout(calendar_page)
        cal_layout.setContentsMargins(0, 0, 0, 0)
        cal_layout.addWidget(self.grid, 1)
        cal_layout.addWidget(self.day_info)
        cal_layout.addWidget(self._legend())

        self.list_model = CampaignListModel(self)
        self.list_view = _table(self.list_model, self)
        remember_header(self.list_view, self.ctx, "campaigns/list")
        self.list_view.setObjectName("campaignList")
        self.list_view.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # by start date
        self.list_view.doubleClicked.connect(self._open_list_row)
        self.list_view.activated.connect(self._open_list_row)
        self.filter_text = QLineEdit(self)
        self.filter_text.setObjectName("filterText")
        self.filter_text.setPlaceholderText(self.tr("搜索名称、平台、优惠"))
        self.filter_text.setClearButtonEnabled(True)
        self.filter_stage = QComboBox(self)
        self.filter_stage.addItem(self.tr("全部阶段"), None)
        self.filter_stage.addItem(self.tr("进行中和未来的 (不含未通过/已取消)"), "active")
        for s in stages.ALL_STAGES:
            self.filter_stage.addItem(label(stages.label(s)), s)
        self.filter_kind = QComboBox(self)
        self.filter_kind.addItem(self.tr("全部类型"), None)
        for k in stages.KINDS:
            self.filter_kind.addItem(label(stages.KIND_LABELS[k]), k)
        self.filter_text.textChanged.connect(self._apply_filter)
        for combo in (self.filter_stage, self.filter_kind):
            combo.currentIndexChanged.connect(self._apply_filter)
        list_page = QWidget(self)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_text, 2)
        filters.addWidget(self.filter_stage, 1)
        filters.addWidget(self.filter_kind, 1)
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.list_view, 1)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(calendar_page)
        self.stack.addWidget(list_page)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)

    def _legend(self) -> QWidget:
        """Stage colours and day marks in one wrapping line (narrow windows stay usable)."""
        ink = theme.ON_TINT
        chip = '<span style="background:{0}; color:' + ink + '">&nbsp;{1}&nbsp;</span>'
        chips = " ".join(
            chip.format(stages.STAGE_COLOURS[s], label(stages.label(s))) for s in stages.ALL_STAGES
        )
        coloured = '<span style="color:{}">{}</span>'
        marks = "&nbsp;&nbsp;" + " ".join(
            coloured.format(colour, text)
            for colour, text in (
                ("#c62828", self.tr("红字 = 法定节假日")),
                ("#1565c0", self.tr("班 = 调休上班")),
                ("#d35400", self.tr("橙字 = 电商节")),
            )
        )
        legend = QLabel(chips + marks, self)
        legend.setObjectName("legend")
        legend.setWordWrap(True)
        legend.setToolTip(
            "\n".join(
                f"{label(stages.label(s))}: {label(stages.STAGE_HINTS[s])}"
                for s in stages.ALL_STAGES
            )
        )
        return legend

    # -- periods ----------------------------------------------------------------------------------
    def selected_day(self) -> date:
        return self.grid.selected if self.grid.weeks else self.anchor

    def _weeks(self) -> list[list[date]]:
        if self.mode == WEEK:
            return [week_days(self.anchor)]
        return month_weeks(self.anchor.year, self.anchor.month)

    def set_mode(self, mode: int) -> None:
        self.mode = mode
        self.mode_group.button(mode).setChecked(True)
        self.stack.setCurrentIndex(1 if mode == LIST else 0)
        for button in (self.prev_button, self.today_button, self.next_button):
            button.setEnabled(mode != LIST)
        if mode != LIST:
            self.anchor = self.selected_day()
        self.refresh()
        (self.list_view if mode == LIST else self.grid).setFocus()

    def turn(self, step: int) -> None:
        """Previous/next month or week; the selected day moves with it."""
        if self.mode == WEEK:
            self.anchor = self.selected_day() + timedelta(days=7 * step)
        else:
            self.anchor = add_months(self.selected_day(), step)
        self.grid.selected = self.anchor
        self.refresh()

    def turn_to_selected(self, step: int) -> None:
        """PageUp/PageDown turn the page; walking off it with the arrows shows the new day's."""
        weeks = self.grid.weeks
        if weeks and weeks[0][0] <= self.grid.selected <= weeks[-1][-1]:
            self.turn(step)
            return
        self.anchor = self.grid.selected
        self.refresh()

    def go_today(self) -> None:
        self.anchor = self.today
        self.grid.selected = self.today
        self.refresh()
        self.grid.setFocus()

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self._refresh_banner()
        if self.mode == LIST:
            self.period_label.setText(self.tr("全部活动"))
            rows = guarded(self, lambda: service.list_campaigns(self.ctx.db, self.ctx.actor))
            self.list_model.set_rows(rows or [])
            self._apply_filter()
            return
        weeks = self._weeks()
        first, last = weeks[0][0], weeks[-1][-1]
        items = guarded(
            self, lambda: service.calendar_items(self.ctx.db, self.ctx.actor, first, last)
        )
        if overlay.warm():
            marks = overlay.day_marks(first, last)
            provisional = [y for y in {first.year, last.year} if overlay.is_provisional(y)]
        else:  # first opening: the calendar now, its holidays when the worker has them
            marks, provisional = {}, []
            if not self._marks_failed:
                self._load_marks(range(first.year - 1, last.year + 2))
        agenda = (
            guarded(self, lambda: service.agenda(self.ctx.db, self.ctx.actor, first, last)) or []
            if self.mode == WEEK
            else []
        )
        if self.mode == WEEK:
            self.period_label.setText(
                self.tr("{0} — {1}").format(day_text(first), day_text(last, with_year=False))
            )
        else:
            self.period_label.setText(month_text(self.anchor.year, self.anchor.month))
        note = (
            self.tr("{0}年的放假安排国务院尚未公布, 节假日为暂定、未含调休").format(
                "、".join(str(y) for y in sorted(provisional))
            )
            if provisional
            else ""
        )
        self.period_label.setToolTip(note)
        self._provisional_note = note
        self.grid.set_period(
            weeks,
            items or [],
            marks,
            month=None if self.mode == WEEK else self.anchor.month,
            selected=self.grid.selected if first <= self.grid.selected <= last else self.anchor,
            today=self.today,
            agenda=agenda,
        )
        self._show_day(self.grid.selected)

    @property
    def marks_pending(self) -> bool:
        """Holidays and festivals are still being loaded (first opening of the tab)."""
        return self._marks_job is not None

    def _load_marks(self, years: range) -> None:
        if self._marks_job is not None:
            return
        job = Job(lambda _progress: overlay.warm_up(years))
        job.signals.done.connect(self._marks_loaded)
        job.signals.failed.connect(self._marks_not_loaded)
        self._marks_job = start(job)

    def _marks_loaded(self, _result: object = None) -> None:
        self._marks_job = None
        if overlay.warm():
            self.refresh()

    def _marks_not_loaded(self, error: object) -> None:
        """The calendar works without its holidays and festivals; the user is told why."""
        self._marks_job = None
        self._marks_failed = True
        note = self.tr("节假日和节日没有加载成功, 日历照常可用 ({0})").format(error)
        self.period_label.setToolTip(note)
        self.ctx.bus.status.emit(note)

    def _refresh_banner(self) -> None:
        days = guarded(self, lambda: service.reminder_days(self.ctx.db)) or 7
        rows = (
            guarded(self, lambda: service.reminders(self.ctx.db, self.ctx.actor, self.today, days))
            or []
        )
        if not rows:
            self.banner.hide()
            return
        parts = []
        for r in rows[:6]:
            when = self.tr("今天") if r.days_left == 0 else self.tr("{0}天后").format(r.days_left)
            parts.append(f"• {r.text} ({when})")
        more = len(rows) - 6
        if more > 0:
            parts.append(self.tr("… 另有 {0} 条").format(more))
        self.banner.setText(self.tr("近 {0} 天提醒:").format(days) + "\n" + "\n".join(parts))
        self.banner.show()

    def _show_day(self, day: object) -> None:
        if not isinstance(day, date):
            return
        marks = self.grid.marks.get(day, [])
        weekday = self.tr("周{0}").format(label(WEEKDAY_LABELS[day.weekday()]))
        bits = [f"{day_text(day)} {weekday}"]
        bits += [
            f"{label(overlay.KIND_LABELS[m.kind])}: {m.name}"
            + (self.tr(" (暂定)") if m.provisional else "")
            for m in marks
        ]
        on_day = self.grid.items_on(day)
        if on_day:
            bits.append(
                self.tr("活动: ")
                + "; ".join(f"{it.name} ({label(stages.label(it.stage))})" for it in on_day)
            )
        hint = self.tr("  —  Enter 打开 / 新建, 方向键移动日期, PageUp/PageDown 翻页")
        note = getattr(self, "_provisional_note", "")
        self.day_info.setText("  ·  ".join(bits) + hint + (f"\n{note}" if note else ""))

    def _apply_filter(self) -> None:
        text = self.filter_text.text().strip().lower()
        stage = self.filter_stage.currentData()
        kind = self.filter_kind.currentData()

        def keep(c: CampaignRow) -> bool:
            if kind and c.kind != kind:
                return False
            if stage == "active" and not stages.is_active(c.stage):
                return False
            if stage and stage != "active" and c.stage != stage:
                return False
            hay = f"{c.name} {c.platform or ''} {c.discount_text or ''}".lower()
            return not text or text in hay

        self.list_model.set_filter(keep)

    def apply_filter(self, text: str) -> None:
        """Another tab opened this one: a campaign id (a checklist reminder) shows that campaign
        in the month view and opens it; other text searches the list."""
        if text.strip().isdigit():
            cid = int(text)
            detail = guarded(self, lambda: service.get_campaign(self.ctx.db, self.ctx.actor, cid))
            if detail is None:
                return
            self.anchor = self.grid.selected = detail.campaign.start
            self.set_mode(MONTH)
            self.open_campaign(cid)
            return
        self.set_mode(LIST)
        self.filter_text.setText(text)

    def _on_data_changed(self, kind: str) -> None:
        if kind in ("campaign", "product"):
            self.refresh()

    # -- actions -------------------------------------------------------------------------
    def open_campaign(self, campaign_id: int) -> None:
        dialog = CampaignDialog(self.ctx, campaign_id, parent=self)
        dialog.exec()
        self.refresh()

    def _open_list_row(self) -> None:
        row = self.list_model.row_at(self.list_view.currentIndex())
        if row is not None:
            self.open_campaign(row.id)

    def open_new(self, day: object) -> None:
        if not self.can_edit:
            self.ctx.bus.status.emit(self.tr("只有主管和店主可以新建活动"))
            return
        start = day if isinstance(day, date) else self.selected_day()
        dialog = CampaignDialog(self.ctx, None, start=start, parent=self)
        dialog.exec()
        self.refresh()

    def create_preset(self, key: str) -> None:
        """Open the dialog filled from the preset; the campaign exists only after 保存."""
        if not self.can_edit:
            self.ctx.bus.status.emit(self.tr("只有主管和店主可以新建活动"))
            return
        after = max(self.selected_day(), self.today)
        draft = guarded(self, lambda: presets.draft(key, after))
        if draft is None:
            return
        dialog = CampaignDialog(self.ctx, None, draft=draft, parent=self)
        dialog.exec()
        cid = dialog.campaign_id
        if cid is None:
            self.refresh()
            return
        detail = guarded(self, lambda: service.get_campaign(self.ctx.db, self.ctx.actor, cid))
        if detail is not None:
            self.anchor = detail.campaign.start
            self.grid.selected = detail.campaign.start
            self.ctx.bus.status.emit(
                self.tr("已按模板创建: {0} ({1} 起)").format(
                    detail.campaign.name, detail.campaign.start
                )
            )
        self.ctx.bus.data_changed.emit("campaign")
        self.refresh()

    def move_campaign(self, campaign_id: int, days: int) -> None:
        if not self.can_edit:
            return
        detail = guarded(
            self, lambda: service.get_campaign(self.ctx.db, self.ctx.actor, campaign_id)
        )
        if detail is None or detail.campaign.recurrence is not None:
            return
        c = detail.campaign
        new_start = c.start + timedelta(days=days)
        moved = guarded(
            self,
            lambda: service.move_campaign(
                self.ctx.db, self.ctx.actor, campaign_id, new_start, expected_version=c.version
            ),
        )
        if moved is not None:
            self.ctx.bus.status.emit(
                self.tr("已移动 {0}: {1} — {2}").format(moved.name, moved.start, moved.end)
            )
            self.ctx.bus.data_changed.emit("campaign")

    def shown_range(self) -> tuple[date, date]:
        """The days on screen (the list view: a month back to a year ahead)."""
        if self.mode == LIST:
            return self.today - timedelta(days=30), self.today + timedelta(days=365)
        weeks = self._weeks()
        return weeks[0][0], weeks[-1][-1]

    def _plan(self) -> Report | None:
        first, last = self.shown_range()
        return guarded(self, lambda: service.plan_report(self.ctx.db, self.ctx.actor, first, last))

    def export_plan(self, suffix: str) -> None:
        report = self._plan()
        if report is None:
            return
        first, _last = self.shown_range()
        kind = "Excel (*.xlsx)" if suffix == ".xlsx" else "PDF (*.pdf)"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出活动计划"), f"活动计划-{first:%Y%m%d}{suffix}", kind
        )
        if not path:
            return
        from shopdesk.reports import export

        def write() -> bool:
            export(report, path)
            return True

        if guarded(self, write):
            self.ctx.bus.status.emit(self.tr("已导出: {0}").format(path))

    def print_plan(self) -> None:
        report = self._plan()
        if report is not None:
            from shopdesk.ui.printing import preview

            preview(report, self).exec()

    def export_ics(self) -> None:
        first, last = self.shown_range()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出活动日历"), f"活动日历-{first:%Y%m%d}.ics", "iCalendar (*.ics)"
        )
        if not path:
            return
        data = guarded(self, lambda: service.export_ics(self.ctx.db, self.ctx.actor, first, last))
        if data is None:
            return
        try:
            with open(path, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            from shopdesk.errors import ShopDeskError
            from shopdesk.ui.errors import show_error

            show_error(self, ShopDeskError(self.tr("无法写入 {0}: {1}").format(path, exc.strerror)))
            return
        self.ctx.bus.status.emit(self.tr("已导出: {0}").format(path))


def create(ctx: UiContext) -> QWidget:
    return CampaignsTab(ctx)
