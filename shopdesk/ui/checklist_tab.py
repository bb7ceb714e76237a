"""The 今日检查 tab: the first thing the window shows.

Today's items grouped by section with a big tick (Space), overdue items at the top, progress per
section and for the day, another day from the date picker, live data beside linked items, the
template editor (supervisors and the owner), the history calendar and the printable report.
First load is two small queries plus the link providers; nothing heavy is imported.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from shopdesk import clock
from shopdesk.auth.permissions import Perm, can
from shopdesk.checklist import links, service
from shopdesk.checklist.dayview import DayRow
from shopdesk.checklist.links import LinkStatus
from shopdesk.checklist.pending import PendingTick, Step, plan
from shopdesk.checklist.service import ChecklistDay
from shopdesk.errors import ShopDeskError
from shopdesk.ui.checklist.day_model import COL_NOTE, COL_VALUE, DayModel, opens_campaign
from shopdesk.ui.checklist.day_table import DayTable
from shopdesk.ui.checklist.extras_worker import ExtrasJob
from shopdesk.ui.context import UiContext
from shopdesk.ui.errors import show_error
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP, ui_locale
from shopdesk.ui.widgets import theme
from shopdesk.ui.widgets.layout import remember_header
from shopdesk.ui.widgets.shortcuts import press_with

WEEKDAYS = (
    QT_TRANSLATE_NOOP("ChecklistTab", "周一"),
    QT_TRANSLATE_NOOP("ChecklistTab", "周二"),
    QT_TRANSLATE_NOOP("ChecklistTab", "周三"),
    QT_TRANSLATE_NOOP("ChecklistTab", "周四"),
    QT_TRANSLATE_NOOP("ChecklistTab", "周五"),
    QT_TRANSLATE_NOOP("ChecklistTab", "周六"),
    QT_TRANSLATE_NOOP("ChecklistTab", "周日"),
)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ChecklistTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: ChecklistDay | None = None
        self._pending_tick: str | None = None  # row key waiting for a required note/number
        # The first load shows the checklist's own items at once; campaign tasks, reminders and
        # live data come from a worker. Later reloads fetch everything directly (already warm).
        self.extras_loaded = False
        self._generation = 0
        self._job: ExtrasJob | None = None
        self._pool = QThreadPool(self)
        self.setObjectName("checklistTab")

        self.inner = QTabWidget(self)
        self.inner.setDocumentMode(True)
        self.today_page = QWidget()
        self.inner.addTab(self.today_page, self.tr("检查清单"))
        self._history: QWidget | None = None
        self.history_holder = QWidget()
        QVBoxLayout(self.history_holder).setContentsMargins(0, 0, 0, 0)
        self.inner.addTab(self.history_holder, self.tr("完成历史"))
        self.inner.currentChanged.connect(self._on_inner_tab)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addWidget(self.inner)

        self._build_today_page()
        self.ctx.bus.data_changed.connect(self._on_data_changed)
        self.reload()
        self.table.select_row(self.table.first_item_row())

    # -- layout ---------------------------------------------------------------------------
    def _build_today_page(self) -> None:
        page = self.today_page
        top = QHBoxLayout()
        self.prev_btn = QToolButton()
        self.prev_btn.setText("◀")
        self.prev_btn.setToolTip(self.tr("前一天 (Alt+←)"))
        self.prev_btn.clicked.connect(lambda: self._shift(-1))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setLocale(ui_locale())
        self.date_edit.setObjectName("checklistDate")
        self.date_edit.setDisplayFormat("yyyy-MM-dd dddd")
        self.date_edit.setDate(_qdate(clock.today()))
        self.date_edit.setMaximumDate(_qdate(clock.today()))
        self.date_edit.setToolTip(
            self.tr("打开另一天查看或补勾 (补勾会同时记下所属日期和实际时间)")
        )
        self.date_edit.dateChanged.connect(lambda _d: self.reload())
        self.next_btn = QToolButton()
        self.next_btn.setText("▶")
        self.next_btn.setToolTip(self.tr("后一天 (Alt+→)"))
        self.next_btn.clicked.connect(lambda: self._shift(1))
        self.today_btn = QPushButton(self.tr("今天(&T)"))
        self.today_btn.clicked.connect(lambda: self.date_edit.setDate(_qdate(clock.today())))
        self.everyone = QCheckBox(self.tr("显示所有人的项目(&A)"))
        self.everyone.setToolTip(self.tr("默认只显示分配给你本人或你的岗位的项目"))
        self.everyone.toggled.connect(lambda _on: self.reload())
        self.day_label = QLabel()
        self.day_label.setObjectName("dayProgress")
        font = self.day_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.day_label.setFont(font)
        self.day_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Never forces the window wider: in a narrow window the text is cut, the tooltip stays.
        self.day_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setMinimumWidth(60)
        self.progress.setTextVisible(False)
        self.progress.setToolTip(self.tr("完成 = 已勾选 + 已跳过 (有原因)"))
        for w in (self.prev_btn, self.date_edit, self.next_btn, self.today_btn, self.everyone):
            top.addWidget(w)
        top.addWidget(self.day_label, 1)
        top.addWidget(self.progress)

        actions = QHBoxLayout()
        self.tick_btn = QPushButton(self.tr("勾选 (空格)"))
        self.tick_btn.setToolTip(self.tr("勾选当前项目; 已勾选的再按一次撤销"))
        self.tick_btn.clicked.connect(self._toggle_current)
        self.skip_btn = QPushButton(self.tr("跳过…(&S)"))
        self.skip_btn.setToolTip(self.tr("今天不做这一项: 需要填写原因, 会写进日报"))
        self.skip_btn.clicked.connect(self._skip_current)
        self.editor_btn = QPushButton(self.tr("编辑项目…(&M)"))
        self.editor_btn.setObjectName("templateEditorButton")
        self.editor_btn.clicked.connect(self.open_editor)
        if not can(self.ctx.actor, Perm.EDIT_CHECKLIST):
            self.editor_btn.setEnabled(False)
            self.editor_btn.setToolTip(self.tr("只有主管和店主可以编辑检查项目"))
        self.print_btn = QPushButton(self.tr("打印日报…(&P)"))
        self.print_btn.setToolTip(self.tr("打印当天的检查日报: 谁做了什么、备注、跳过及原因"))
        self.print_btn.clicked.connect(self.print_report)
        self.export_btn = QPushButton(self.tr("导出…(&X)"))
        self.export_btn.setToolTip(self.tr("把当天的检查日报导出为 PDF、Excel 或 CSV"))
        self.export_btn.clicked.connect(self.export_report)
        for w in (self.tick_btn, self.skip_btn):
            actions.addWidget(w)
        actions.addStretch(1)
        for w in (self.editor_btn, self.print_btn, self.export_btn):
            actions.addWidget(w)
        press_with(self.print_btn, "Ctrl+P", self)
        press_with(self.export_btn, "Ctrl+E", self)

        self.reminders = QLabel()
        self.reminders.setObjectName("checklistReminders")
        self.reminders.setWordWrap(True)
        self.reminders.setTextFormat(Qt.TextFormat.RichText)
        self.reminders.setStyleSheet(
            "QLabel { " + theme.tinted("#fff4d6", "#e6c65c", "padding: 4px 8px;") + " }"
        )
        self.reminders.linkActivated.connect(self._open_reminder)
        self.message = QLabel()
        self.message.setObjectName("checklistMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("QLabel { color: #c62828; }")
        self.message.hide()

        # Nothing to do for this person: say so and offer everyone's list (the table stays empty).
        self.empty = QWidget()
        self.empty.setObjectName("checklistEmpty")
        self.empty_label = QLabel()
        self.empty_label.setObjectName("checklistEmptyText")
        self.empty_all_btn = QPushButton(self.tr("显示所有人的"))
        self.empty_all_btn.setObjectName("checklistEmptyShowAll")
        self.empty_all_btn.setToolTip(self.tr("改为显示全店当天的检查项目"))
        self.empty_all_btn.clicked.connect(self._show_everyone)
        empty_row = QHBoxLayout(self.empty)
        empty_row.setContentsMargins(8, 12, 8, 12)
        empty_row.addWidget(self.empty_label)
        empty_row.addWidget(self.empty_all_btn)
        empty_row.addStretch(1)
        self.empty.hide()

        self.model = DayModel(self)
        # Queued: the editor finishes closing before the save reloads the model under it.
        self.model.draft_committed.connect(self._on_draft, Qt.ConnectionType.QueuedConnection)
        self.table = DayTable(self.model, page)
        remember_header(self.table, self.ctx, "checklist/day")
        self.table.toggle_requested.connect(self.toggle_row)
        self.table.link_activated.connect(self._open_link)
        self.hint = QLabel(
            self.tr(
                "空格 勾选/撤销 · ↑↓ 移动 · 在“数值”“备注”列直接输入 · "
                "双击实时数据打开对应页面 · Alt+←/→ 换日期"
            )
        )
        self.hint.setStyleSheet(f"QLabel {{ color: {theme.dim()}; }}")

        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.reminders)
        lay.addLayout(actions)
        lay.addWidget(self.message)
        lay.addWidget(self.empty)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.hint)

        for seq, fn in (
            ("Alt+Left", lambda: self._shift(-1)),
            ("Alt+Right", lambda: self._shift(1)),
            ("F5", self.reload),
        ):
            act = QAction(self)
            act.setShortcut(QKeySequence(seq))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(fn)
            self.addAction(act)

    # -- loading --------------------------------------------------------------------------
    @property
    def day(self) -> date:
        return _pydate(self.date_edit.date())

    def reload(self) -> None:
        full = self.extras_loaded
        self._generation += 1
        try:
            view = service.day_view(
                self.ctx.db,
                self.ctx.actor,
                self.day,
                everyone=self.everyone.isChecked(),
                extras=full,
            )
            keys = [r.link_key for r in view.rows if r.link_key]
            live = view.day == view.today
            link_states = links.evaluate(self.ctx.db, keys, view.day) if full and live else {}
        except ShopDeskError as exc:
            self._say(str(exc))
            return
        self._show(view, link_states)
        self.next_btn.setEnabled(view.day < view.today)
        if not full and self._job is None:
            self._job = ExtrasJob(
                self._generation, self.ctx.db, self.ctx.actor, view.day, keys, live
            )
            self._job.signals.done.connect(self._on_extras)
            self._pool.start(self._job)

    def _show(self, view: ChecklistDay, link_states: dict[str, LinkStatus]) -> None:
        current = self.model.row_at(self.table.currentIndex().row())
        column = self.table.currentIndex().column()
        self.view = view
        self.model.editable = can(self.ctx.actor, Perm.TICK_CHECKLIST)
        self.model.set_rows(view.rows, view.sections, link_states)
        self._show_progress(view)
        self._show_reminders(view)
        self._show_empty(view)
        if current is not None:
            self.table.select_row(self.model.row_of(current.key), column)
        if self.table.currentIndex().row() < 0:
            self.table.select_row(self.table.first_item_row())

    def _show_empty(self, view: ChecklistDay) -> None:
        if view.rows:
            had_focus = self.empty_all_btn.hasFocus()
            self.empty.hide()
            if had_focus:
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        today = view.day == view.today
        if view.everyone:
            text = self.tr("今天没有检查项") if today else self.tr("这一天没有检查项")
        elif today:
            text = self.tr("今天没有分配给你的检查项 —")
        else:
            text = self.tr("这一天没有分配给你的检查项 —")
        self.empty_label.setText(text)
        self.empty_all_btn.setVisible(not view.everyone)
        self.empty.show()

    def _show_everyone(self) -> None:
        self.everyone.setChecked(True)  # reloads
        self.focus_table()

    # -- focus ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Coming to this tab (after login, Ctrl+1): Space must tick at once, without a click."""
        super().showEvent(event)
        if not event.spontaneous():
            QTimer.singleShot(0, self.focus_table)

    def focus_table(self) -> None:
        """Keyboard focus on the table's current item (or on 显示所有人的 when there is none)."""
        if not self.isVisible() or self.inner.currentIndex() != 0:
            return
        if self.table.currentIndex().row() < 0:
            self.table.select_row(self.table.first_item_row())
        if self.table.currentIndex().row() >= 0:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.empty_all_btn.isVisible():
            self.empty_all_btn.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_extras(self, generation: int, tasks: Any, reminders: Any, states: Any) -> None:
        self._job = None
        self.extras_loaded = True
        editing = self.table.state() == QAbstractItemView.State.EditingState
        if generation != self._generation or self.view is None:
            self.reload()  # the user moved on meanwhile: load what is shown now, fully
        elif not editing:
            self._show(service.with_extras(self.view, tasks, reminders), states)

    def wait_loaded(self, msecs: int = 10_000) -> bool:
        """For tests and screenshots: wait until the background part of the first load is in."""
        self._pool.waitForDone(msecs)
        QCoreApplication.sendPostedEvents()
        return self.extras_loaded

    def _show_progress(self, view: ChecklistDay) -> None:
        p = view.progress
        label = self.tr("今天") if view.day == view.today else f"{view.day:%m-%d}"
        who = self.tr("全部人员") if view.everyone else view.for_name
        self.day_label.setText(
            self.tr("{0} {1} · {2} 完成 {3}").format(
                label, self.tr(WEEKDAYS[view.day.weekday()]), who, p.text
            )
        )
        self.progress.setMaximum(max(p.total, 1))
        self.progress.setValue(p.resolved)
        overdue = len(view.overdue)
        tip = self.tr("已勾选 {0}, 已跳过 {1}, 共 {2}").format(p.done, p.skipped, p.total)
        if overdue:
            tip += self.tr("; 另有 {0} 项逾期").format(overdue)
        self.day_label.setToolTip(tip)

    def _show_reminders(self, view: ChecklistDay) -> None:
        if not view.reminders:
            self.reminders.hide()
            return
        colour = {"bad": "#c62828", "warn": "#9a6700", "ok": "#333333"}
        items = [
            f"<a style='color:{colour.get(r.level, '#333')}; text-decoration:none' "
            f"href='{i}'>▸ {_escape(r.text)}</a>"
            for i, r in enumerate(view.reminders)
        ]
        self.reminders.setText("<br>".join(items))
        self.reminders.setToolTip(self.tr("即将到来的活动报名截止和开始日; 点击打开活动日历"))
        self.reminders.show()

    def _on_data_changed(self, entity: str) -> None:
        if entity in ("checklist", "product", "metric", "campaign"):
            self.reload()

    def _on_inner_tab(self, index: int) -> None:
        if index == 1 and self._history is None:
            from shopdesk.ui.checklist.history import HistoryWidget

            self._history = HistoryWidget(self.ctx, self.history_holder)
            self._history.day_chosen.connect(self.open_day)
            layout = self.history_holder.layout()
            assert layout is not None
            layout.addWidget(self._history)
        elif index == 1 and self._history is not None:
            self._history.reload()  # type: ignore[attr-defined]

    def open_day(self, d: date) -> None:
        self.inner.setCurrentIndex(0)
        self.date_edit.setDate(_qdate(d))
        self.table.setFocus()

    def _shift(self, days: int) -> None:
        self.date_edit.setDate(self.date_edit.date().addDays(days))

    # -- actions ---------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def current_row(self) -> DayRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _toggle_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.toggle_row(index.row())
        self.table.setFocus()

    def toggle_row(self, model_row: int) -> None:
        r = self.model.row_at(model_row)
        if r is None:
            return
        draft = self.model.draft(r.key)
        if not r.resolved and r.source == "template":
            if r.needs_number and not draft.value:
                self._pending_tick = r.key
                self._say(self.tr("请先填写“{0}”, 回车后自动勾选").format(r.number_label or "数值"))
                self.table.edit_cell(model_row, COL_VALUE)
                return
            if r.needs_note and not draft.note:
                self._pending_tick = r.key
                self._say(self.tr("这一项需要备注, 回车后自动勾选"))
                self.table.edit_cell(model_row, COL_NOTE)
                return
        self._pending_tick = None
        self._run(
            lambda: service.toggle(
                self.ctx.db, self.ctx.actor, r, note=draft.note or None, value=draft.value
            ),
            r.key,
        )

    def _run(self, fn: object, key: str) -> None:
        assert callable(fn)
        try:
            fn()
        except ShopDeskError as exc:
            self._say(str(exc))
            return
        self.model.drafts.pop(key, None)
        self._say("")
        self.reload()
        self.ctx.bus.data_changed.emit("checklist")
        # stay on the same item; move down after a tick so Space Space Space works through a list
        row = self.model.row_of(key)
        r = self.model.row_at(row)
        if r is not None and r.resolved:
            nxt = next(
                (
                    i
                    for i in range(row + 1, self.model.rowCount())
                    if (x := self.model.row_at(i)) is not None and not x.resolved
                ),
                row,
            )
            self.table.select_row(nxt)
        else:
            self.table.select_row(row)

    def apply_pending(self, ticks: list[PendingTick], current_key: str | None, by: str) -> None:
        """Save what `by` ticked in the early checklist (shopdesk/ui/checklist_preview.py).

        Each change goes through the same service calls as Space here (permissions, audit as
        this user); one that no longer fits the row as it is now (someone else ticked it first,
        the item is gone) or that the service refuses is said in the message line, not saved.
        The early checklist's current row stays current.
        """
        said: list[str] = []
        saved = 0
        if ticks and (self.view is None or by != self.ctx.actor.name):
            said.append(
                self.tr("启动时的 {0} 项改动没有保存, 请在清单里重新勾选").format(len(ticks))
            )
            ticks = []
        rows = {r.key: r for r in self.view.rows} if self.view is not None else {}
        for tick in ticks:
            step = plan(tick, rows.get(tick.key), self.ctx.actor.name)
            try:
                if step.action == "tick":
                    service.tick(self.ctx.db, self.ctx.actor, tick.template_id, tick.day)
                elif step.action == "untick":
                    service.untick(self.ctx.db, self.ctx.actor, tick.template_id, tick.day)
                elif step.reason is not None:
                    said.append(self._refusal(tick, step))
                    continue
                else:
                    continue
            except ShopDeskError as exc:
                said.append(self.tr("“{0}” 没有保存: {1}").format(tick.title, str(exc)))
                continue
            saved += 1
        if saved:
            self.reload()
            self.ctx.bus.data_changed.emit("checklist")
            self.ctx.bus.status.emit(self.tr("启动时的 {0} 项改动已保存").format(saved))
        if current_key is not None and (row := self.model.row_of(current_key)) >= 0:
            self.table.select_row(row)
        self._say("\n".join(said))

    def _refusal(self, tick: PendingTick, step: Step) -> str:
        now = step.row
        who = (now.by_name or "") if now is not None else ""
        at = f"{now.at.astimezone():%H:%M}" if now is not None and now.at else ""
        if step.reason == "ticked":
            return self.tr("“{0}” 已由 {1} 在 {2} 勾选, 不用再勾").format(tick.title, who, at)
        if step.reason == "skipped":
            return self.tr("“{0}” 已由 {1} 在 {2} 跳过, 你的勾选没有保存").format(
                tick.title, who, at
            )
        if step.reason == "changed":
            return self.tr("“{0}” 刚被 {1} 在 {2} 改过, 你的撤销没有保存").format(
                tick.title, who, at
            )
        return self.tr("“{0}” 已不在你今天的清单里, 启动时的改动没有保存").format(tick.title)

    def _on_draft(self, key: str) -> None:
        row = self.model.row_of(key)
        r = self.model.row_at(row)
        if r is None:
            return
        draft = self.model.draft(key)
        if self._pending_tick == key:
            self._pending_tick = None
            self.toggle_row(row)
        elif r.status == "done" and r.source == "template":
            # Changing the note or number of a ticked item saves it right away.
            self._run(
                lambda: service.tick(
                    self.ctx.db,
                    self.ctx.actor,
                    r.template_id,
                    r.day,
                    note=draft.note,
                    value=draft.value,
                ),
                key,
            )
        elif r.status == "skipped" and draft.note:
            self._run(
                lambda: service.skip(
                    self.ctx.db, self.ctx.actor, r.template_id, r.day, draft.note or ""
                ),
                key,
            )
        else:
            self._say(self.tr("已记下, 按空格勾选时一起保存"))

    def _skip_current(self) -> None:
        r = self.current_row()
        if r is None:
            return
        if r.source != "template":
            self._say(self.tr("活动任务不能在这里跳过, 请在活动日历里调整"))
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("跳过检查项目"),
            self.tr("为什么跳过“{0}”? (会写进日报)").format(r.title),
        )
        if ok:
            self._run(
                lambda: service.skip(self.ctx.db, self.ctx.actor, r.template_id, r.day, reason),
                r.key,
            )
        self.table.setFocus()

    def _open_link(self, model_row: int) -> None:
        r = self.model.row_at(model_row)
        if r is not None and opens_campaign(r):
            self.open_campaign(model_row)
            return
        if r is None or not r.link_key:
            return
        link = self.model.links.get(r.link_key)
        if link is not None and link.target_tab:
            self.ctx.bus.open_tab.emit(link.target_tab, link.target_filter)

    def open_campaign(self, model_row: int) -> None:
        """打开活动: a campaign stage task opens its campaign in the 活动日历 tab."""
        r = self.model.row_at(model_row)
        if r is not None and r.campaign_id is not None:
            self.ctx.bus.open_tab.emit("campaigns", str(r.campaign_id))

    def _open_reminder(self, href: str) -> None:
        if self.view is None:
            return
        try:
            r = self.view.reminders[int(href)]
        except (ValueError, IndexError):
            return
        if r.target_tab:
            self.ctx.bus.open_tab.emit(r.target_tab, r.target_filter)

    def apply_filter(self, text: str) -> None:
        """Opened from elsewhere with a date ("2026-11-20") to show that day."""
        try:
            self.open_day(date.fromisoformat(text.strip()))
        except ValueError:
            return

    # -- editor, report -------------------------------------------------------------------
    def open_editor(self) -> None:
        if not can(self.ctx.actor, Perm.EDIT_CHECKLIST):
            self._say(self.tr("只有主管和店主可以编辑检查项目"))
            return
        from shopdesk.ui.checklist.editor import TemplateEditor

        dialog = TemplateEditor(self.ctx, self)
        dialog.exec()
        self.reload()
        if dialog.changed:
            self.ctx.bus.data_changed.emit("checklist")

    def _report(self) -> object | None:
        from shopdesk.checklist.report import daily_report
        from shopdesk.settings import service as settings

        if self.view is None:
            return None
        return daily_report(self.view, settings.read(self.ctx.db, "shop.name"))

    def print_report(self) -> None:
        from shopdesk.reports import Report
        from shopdesk.ui.printing import preview

        report = self._report()
        if isinstance(report, Report):
            preview(report, self).exec()

    def export_report(self) -> None:
        from shopdesk.reports import Report, export

        report = self._report()
        if not isinstance(report, Report):
            return
        name = self.tr("每日检查_{0}").format(f"{self.day:%Y-%m-%d}")

        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("导出日报"),
            name + ".pdf",
            self.tr("PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv)"),
        )
        if not path:
            return
        try:
            export(report, path)
        except ShopDeskError as exc:
            show_error(self, exc)
            return
        self.ctx.bus.status.emit(self.tr("日报已导出到 {0}").format(path))


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def create(ctx: UiContext) -> QWidget:
    return ChecklistTab(ctx)


__all__ = ["COL_NOTE", "ChecklistTab", "create"]
