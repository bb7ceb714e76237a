"""The 客服绩效 tab: the supervisor's monthly grid, an agent's own card, disputes, history.

What a person sees depends on their role (the service decides; the tab only hides buttons that
would be refused anyway): supervisors score their team, owner/finance also see bonus totals and
export payroll, agents see their own published card.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QSizePolicy,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from shopdesk import clock
from shopdesk.auth.permissions import Perm, can
from shopdesk.errors import ShopDeskError
from shopdesk.kpi import disputes as disputes_svc
from shopdesk.kpi import history as history_svc
from shopdesk.kpi import service
from shopdesk.kpi.service import Grid, MonthInfo, ScoreRow
from shopdesk.ui.context import UiContext
from shopdesk.ui.errors import guarded, show_error
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP
from shopdesk.ui.kpi.agent_view import AgentCardView
from shopdesk.ui.kpi.disputes_view import DisputesView
from shopdesk.ui.kpi.grid_model import KpiGridModel
from shopdesk.ui.kpi.grid_view import KpiGridView
from shopdesk.ui.labels import label
from shopdesk.ui.widgets.layout import remember_header
from shopdesk.ui.widgets.shortcuts import show_keys_in_tooltips
from shopdesk.ui.widgets.undo import EditHistory
from shopdesk.ui.widgets.worker import Job, start


class KpiTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        actor = ctx.actor
        self.may_score = can(actor, Perm.SCORE_TEAM)
        self.sees_all = can(actor, Perm.VIEW_ALL_SCORES)
        self.may_reopen = can(actor, Perm.REOPEN_SCORES)
        self.grid: Grid | None = None
        self.model: KpiGridModel | None = None
        self.undo_stack = QUndoStack(self)  # the main window's Edit menu undoes cell edits
        self.history = EditHistory(self.undo_stack)
        self.jobs: list[Job] = []
        self._own_change = False  # our own save's data_changed: the grid is already current
        self._build()
        self.reload()
        ctx.bus.data_changed.connect(self._data_changed)

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.card_combo = QComboBox()
        self.card_combo.setObjectName("kpiCard")
        self.card_combo.setToolTip(self.tr("考核表: 售后与售前客服分别考核"))
        self.month_combo = QComboBox()
        self.month_combo.setObjectName("kpiMonth")
        self.month_combo.setMinimumWidth(110)
        self.team_combo = QComboBox()  # the owner's choice of team for 发布/定稿/重新打开
        self.team_combo.setObjectName("kpiTeam")
        self.team_combo.setToolTip(self.tr("发布草稿、定稿、重新打开作用于哪个组"))
        self.team_combo.setVisible(False)
        self.team_combo.currentIndexChanged.connect(lambda _i: self._team_changed())
        self.status = QLabel()
        self.status.setObjectName("kpiStatus")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("kpiToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.open_button = self._button(
            QT_TRANSLATE_NOOP("KpiTab", "开始新月份…"), "kpiOpenMonth", self._open_month_dialog
        )
        self.import_button = self._button(
            QT_TRANSLATE_NOOP("KpiTab", "导入…"), "kpiImport", self._import
        )
        self.template_button = self._button(
            QT_TRANSLATE_NOOP("KpiTab", "空白模板…"), "kpiTemplate", self._template
        )
        self.publish_button = self._button(
            QT_TRANSLATE_NOOP("KpiTab", "发布草稿"), "kpiPublish", self._publish
        )
        self.finalise_button = self._button(
            QT_TRANSLATE_NOOP("KpiTab", "定稿"), "kpiFinalise", self._finalise
        )
        self.reopen_button = self._button(
            QT_TRANSLATE_NOOP("KpiTab", "重新打开…"), "kpiReopen", self._reopen
        )
        self.payroll_button = self._button(
            QT_TRANSLATE_NOOP("KpiTab", "导出工资表…"), "kpiPayroll", self._payroll
        )
        self.print_button = self._button(
            QT_TRANSLATE_NOOP("KpiTab", "打印工资表…"), "kpiPrint", self._print
        )
        self.card_button = self._button(
            QT_TRANSLATE_NOOP("KpiTab", "编辑考核表…"), "kpiEditCard", self._edit_card
        )
        self.card_button.setToolTip(self.tr("复制并修改考核项目、分值、档位、合格线、奖金池和底薪"))
        self.publish_button.setToolTip(
            self.tr("本组客服可以看到草稿, 并在申诉期内提出申诉 (店主: 所有组)")
        )
        self.finalise_button.setToolTip(
            self.tr("锁定本组本月分数; 之后只有店主可以重新打开 (店主: 所有组)")
        )
        self.template_button.setToolTip(self.tr("下载带表头和本组客服名单的 Excel 录入表"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("考核表:")))
        top.addWidget(self.card_combo)
        top.addWidget(QLabel(self.tr("月份:")))
        top.addWidget(self.month_combo)
        top.addWidget(self.team_combo)
        top.addWidget(self.status, 1)
        self.message = QLabel()
        self.message.setObjectName("kpiMessage")
        self.message.setWordWrap(True)
        self.totals = QLabel()
        self.totals.setObjectName("kpiTotals")
        self.totals.setWordWrap(True)

        self.view = KpiGridView()
        self.view.setObjectName("kpiGrid")
        self.view.error.connect(self._show_reason)
        self.view.delegate.hint.connect(self._show_reason)
        self.grid_page = grid_page = QWidget()
        gl = QVBoxLayout(grid_page)
        gl.setContentsMargins(0, 0, 0, 0)
        gl.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.totals)
        gl.addLayout(bottom)

        self.agent_view = AgentCardView()
        self.agent_view.dispute_requested.connect(self._raise_dispute)
        self.disputes_view = DisputesView()
        self.disputes_view.answer_requested.connect(self._answer_dispute)
        self.history_page = QWidget()
        QVBoxLayout(self.history_page)
        self.history_view: Any = None

        self.pages = QTabWidget()
        self.pages.setObjectName("kpiPages")
        if self.may_score or self.sees_all:
            self.pages.addTab(grid_page, self.tr("评分表"))
        self.is_agent = bool(self.ctx.actor.cs_level)
        title = self.tr("我的绩效") if self.is_agent else self.tr("个人明细")
        self.pages.addTab(self.agent_view, title)
        if self.may_score or self.sees_all:
            self.pages.addTab(self.disputes_view, self.tr("申诉"))
        self.pages.addTab(self.history_page, self.tr("历史趋势"))
        self.pages.currentChanged.connect(self._page_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages, 1)

        for b, allowed in (
            (self.open_button, self.may_score),
            (self.import_button, self.may_score),
            (self.template_button, self.may_score),
            (self.publish_button, self.may_score),
            (self.finalise_button, self.may_score),
            (self.reopen_button, self.may_reopen),
            (self.payroll_button, self.sees_all),
            (self.print_button, self.sees_all),
            (self.card_button, can(self.ctx.actor, Perm.EDIT_SCORECARDS)),
        ):
            b.setVisible(allowed)
        self.toolbar.setVisible(any(a.isVisible() for a in self.toolbar.actions()))
        self.card_combo.currentIndexChanged.connect(lambda _i: self._fill_months())
        self.month_combo.currentIndexChanged.connect(lambda _i: self.show_month())
        # Main actions have keys (active while this tab is in front), named in their tooltips.
        for action, keys in (
            (self.open_button, "Ctrl+N"),
            (self.import_button, "Ctrl+I"),
            (self.payroll_button, "Ctrl+E"),
            (self.print_button, "Ctrl+P"),
        ):
            action.setShortcut(QKeySequence(keys))
        show_keys_in_tooltips(self.toolbar.actions())
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.reload)

    def _button(self, text: str, name: str, slot: Any) -> QAction:
        """An action in the tab's toolbar (which folds into » when the window is narrow)."""
        a = self.toolbar.addAction(self.tr(text))
        a.setObjectName(name)
        a.triggered.connect(slot)
        return a

    # -- data -----------------------------------------------------------------------------
    def reload(self) -> None:
        cards = guarded(self, lambda: service.list_cards(self.ctx.db, self.ctx.actor)) or []
        current = self.card_combo.currentText()
        self.card_combo.blockSignals(True)
        self.card_combo.clear()
        for c in cards:
            self.card_combo.addItem(c.name)
        idx = self.card_combo.findText(current)
        self.card_combo.setCurrentIndex(max(idx, 0))
        self.card_combo.blockSignals(False)
        self._fill_months()

    def _fill_months(self, select: int | None = None) -> None:
        self._set_month_items(select)
        self.show_month()

    def _set_month_items(self, select: int | None = None) -> None:
        """Fill the month box for the chosen card (no signals), keeping `select` or the current."""
        months = guarded(self, lambda: service.list_months(self.ctx.db, self.ctx.actor)) or []
        name = self.card_combo.currentText()
        current = self.month_combo.currentData() if select is None else select
        self.month_combo.blockSignals(True)
        self.month_combo.clear()
        for m in months:
            if m.card_name == name:
                self.month_combo.addItem(f"{m.month} · {label(m.status_label)}", m.id)
        idx = self.month_combo.findData(current)
        self.month_combo.setCurrentIndex(max(idx, 0))
        self.month_combo.blockSignals(False)

    # -- live updates (other windows and PCs; see shopdesk/ui/live.py) --------------------
    def _data_changed(self, kind: str) -> None:
        if kind in ("kpi", "user", "setting") and not self._own_change:
            self.refresh()

    def refresh(self) -> None:
        """Show what others changed without losing the place: same month, same cell, same sort.

        live.py delivers changes only while no cell editor or dialog is open, so nothing the user
        is typing is thrown away.
        """
        shown = self.month_id()
        cards = guarded(self, lambda: service.list_cards(self.ctx.db, self.ctx.actor)) or []
        names = [c.name for c in cards]
        if names != [self.card_combo.itemText(i) for i in range(self.card_combo.count())]:
            self.reload()
            return
        self._set_month_items(shown)
        mid = self.month_id()
        if mid is None or mid != shown or self.model is None or self.grid is None:
            self.show_month()
            return
        g = guarded(self, lambda: service.grid(self.ctx.db, self.ctx.actor, mid))
        if g is None:
            return
        same_card = g.month.card_id == self.grid.month.card_id
        if not (same_card and self.model.update_rows(g.rows)):
            cur = self.view.currentIndex()
            key = self.model.cols[cur.column()].key if cur.isValid() else None
            agent = self.model.rows[cur.row()].id if cur.isValid() else None
            self.show_month()
            self._select(agent, key)
            return
        self.grid = g
        self._show_status(g.month)
        self._update_totals()
        self._update_buttons(g.month)
        self._refresh_side_pages()

    def _select(self, score_id: int | None, key: str | None) -> None:
        m = self.model
        if m is None or score_id is None or key is None:
            return
        row = m.row_of(score_id)
        col = next((i for i, c in enumerate(m.cols) if c.key == key), None)
        if row is not None and col is not None:
            self.view.select_cell(row, col)

    def month_id(self) -> int | None:
        data = self.month_combo.currentData()
        return int(data) if data is not None else None

    def show_month(self) -> None:
        mid = self.month_id()
        self.grid = None
        if mid is not None:
            self.grid = guarded(self, lambda: service.grid(self.ctx.db, self.ctx.actor, mid))
        g = self.grid
        if g is None:
            self.status.setText(
                self.tr("还没有考核月份。点“开始新月份…”开始。")
                if self.may_score
                else self.tr("还没有发布的绩效。")
            )
            self.view.setModel(None)
            self.model = None
            self.totals.clear()
            self.agent_view.set_card(None)
            self.disputes_view.set_rows(None, [], False)
            self._update_buttons(None)
            return
        self._show_status(g.month)
        self.model = KpiGridModel(g.month.card, g.rows, self._commit, self.view)
        self.undo_stack.clear()  # the undo history belongs to the month that was shown
        self.model.rejected.connect(lambda _a, reason: self._show_reason(reason))
        self.model.stored.connect(lambda _a: self._after_store())
        self.model.conflict.connect(self._conflict)
        self.view.setModel(self.model)
        if self.view.property("remembered_header") is None:
            remember_header(self.view, self.ctx, "kpi/grid")
        self.view.fit_columns()
        self._update_totals()
        self._update_buttons(g.month)
        self._refresh_side_pages()
        if g.rows and self.model.rowCount():
            first_input = next(i for i, c in enumerate(self.model.cols) if c.kind == "input")
            self.view.select_cell(0, first_input)

    def _show_status(self, m: MonthInfo) -> None:
        text = self.tr("{0} · 第 {1} 版 · {2}").format(
            m.card_name, m.card_version, label(m.status_label)
        )
        if m.status == "published" and m.dispute_deadline is not None:
            text += self.tr(" · 申诉截止 {0:%m-%d %H:%M}").format(m.dispute_deadline.astimezone())
        if m.reopen_reason and m.status != "final":
            text += self.tr(" · 重新打开: {0}").format(m.reopen_reason)
        if len(m.teams) > 1:  # each supervisor publishes and finalises their own team
            text += " · " + "  ".join(
                self.tr("{0}组 {1}").format(t.supervisor, label(t.status_label)) for t in m.teams
            )
        self.status.setText(text)

    def _update_totals(self) -> None:
        g = self.grid
        if g is None or self.model is None:
            self.totals.clear()
            return
        rows = self.model.rows
        passed = sum(1 for r in rows if r.result.complete and r.result.passed)
        todo = sum(1 for r in rows if not r.result.complete)
        text = self.tr("{0} 人, 合格 {1}, 未填完 {2}").format(len(rows), passed, todo)
        if self.sees_all:
            total = sum((r.result.bonus for r in rows), Decimal("0.00"))
            text += self.tr(" · 本月绩效奖金合计 {0:,.2f} 元").format(total)
        self.totals.setText(text)

    def _fill_teams(self, m: MonthInfo | None) -> None:
        """The owner picks one team or all when the month has several; others act on their own."""
        teams = m.teams if m is not None and self.ctx.actor.role == "owner" else ()
        wanted = [(self.tr("全部组"), None)] + [
            (self.tr("{0}组").format(t.supervisor), t.team_id) for t in teams
        ]
        have = [
            (self.team_combo.itemText(i), self.team_combo.itemData(i))
            for i in range(self.team_combo.count())
        ]
        if have != wanted:
            keep = self.team_combo.currentData()
            self.team_combo.blockSignals(True)
            self.team_combo.clear()
            for text, data in wanted:
                self.team_combo.addItem(text, data)
            self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(keep)))
            self.team_combo.blockSignals(False)
        self.team_combo.setVisible(len(teams) > 1)

    def selected_team(self) -> int | None:
        """The team the owner's actions apply to (None: all, or not the owner's choice)."""
        return self.team_combo.currentData() if self.team_combo.isVisibleTo(self) else None

    def _team_changed(self) -> None:
        self._update_buttons(self.grid.month if self.grid is not None else None)

    def _my_statuses(self, m: MonthInfo) -> set[str]:
        """The statuses the actor's buttons act on: their own team's; the owner's, the chosen
        team's or every team's."""
        if self.ctx.actor.role == "owner" or not self.may_score:
            chosen = m.team(self.selected_team()) if self.selected_team() is not None else None
            if chosen is not None:
                return {chosen.status}
            return {t.status for t in m.teams} or {m.status}
        own = m.team(self.ctx.actor.id)
        return {own.status} if own is not None else set()

    def _update_buttons(self, m: MonthInfo | None) -> None:
        self._fill_teams(m)
        mine = self._my_statuses(m) if m else set()
        self.publish_button.setEnabled("draft" in mine)
        self.finalise_button.setEnabled(bool(mine - {"final"}))
        self.reopen_button.setEnabled("final" in mine)
        self.import_button.setEnabled(bool(mine - {"final"}))
        self.payroll_button.setEnabled(m is not None)
        self.print_button.setEnabled(m is not None)

    def _refresh_side_pages(self) -> None:
        mid = self.month_id()
        if mid is None:
            return
        actor = self.ctx.actor
        self._load_agent_card()
        if self.may_score or self.sees_all:
            rows = guarded(self, lambda: disputes_svc.list_disputes(self.ctx.db, actor, mid)) or []
            g = self.grid
            self.disputes_view.set_rows(
                g.month.card if g else None,
                rows,
                self.may_score and bool(g and g.month.status != "final"),
            )
            n = sum(1 for d in rows if d.status == "open")
            idx = self.pages.indexOf(self.disputes_view)
            self.pages.setTabText(idx, self.tr("申诉 ({0})").format(n) if n else self.tr("申诉"))

    def selected_agent_id(self) -> int | None:
        """The agent whose card the detail page shows: oneself, or the grid's current row."""
        if self.is_agent and not (self.may_score or self.sees_all):
            return None
        idx = self.view.currentIndex()
        if self.model is not None and idx.isValid():
            return self.model.rows[idx.row()].agent_id
        return None

    def _load_agent_card(self) -> None:
        mid = self.month_id()
        card = None
        if mid is not None:
            agent = self.selected_agent_id()
            try:
                card = history_svc.agent_card(self.ctx.db, self.ctx.actor, mid, agent)
            except ShopDeskError:
                card = None
        self.agent_view.set_card(card)

    def _page_changed(self, index: int) -> None:
        if self.pages.widget(index) is self.agent_view:
            self._load_agent_card()
        elif self.pages.widget(index) is self.history_page:
            self._load_history()

    def _load_history(self) -> None:
        if self.history_view is None:
            from shopdesk.ui.kpi.history_view import HistoryView

            self.history_view = HistoryView()
            layout = self.history_page.layout()
            assert layout is not None
            layout.addWidget(self.history_view)
        name = self.card_combo.currentText() or service.AFTER_SALES_NAME
        h = guarded(self, lambda: history_svc.history(self.ctx.db, self.ctx.actor, name))
        if h is not None:
            self.history_view.set_history(h)

    # -- editing --------------------------------------------------------------------------
    def _commit(self, row: ScoreRow, key: str, text: str) -> ScoreRow:
        model = self.model
        old = model.input_text(model.rows.index(row), key) if model is not None else ""
        new = service.update_cell(self.ctx.db, self.ctx.actor, row.id, key, text, row.version)
        if model is not None:
            title = next((c.title for c in model.cols if c.key == key), key)
            self.history.push(
                self.tr("修改 {0} 的{1}").format(row.agent, title),
                lambda: self._set_cell(row.id, key, old),
                lambda: self._set_cell(row.id, key, text),
            )
        return new

    def _set_cell(self, row_id: int, key: str, text: str) -> bool:
        """Undo/redo: type `text` into the cell again (same checks, same audit)."""
        m = self.model
        if m is None:
            return False
        r = next((i for i, x in enumerate(m.rows) if x.id == row_id), None)
        c = next((i for i, col in enumerate(m.cols) if col.key == key), None)
        if r is None or c is None:
            return False
        return m.setData(m.index(r, c), text)

    def _after_store(self) -> None:
        self.message.setStyleSheet("")
        self.message.clear()
        self._update_totals()
        self._own_change = True
        try:
            self.ctx.bus.data_changed.emit("kpi")  # other tabs of this window
        finally:
            self._own_change = False

    def _conflict(self, score_id: int, key: str, text: str, message: str) -> None:
        """Someone saved this agent's row since we loaded it: say who and when, offer to reload.

        The value the user typed is not stored; it stays in the message so it can be typed again.
        """
        m = self.model
        row = m.row_of(score_id) if m is not None else None
        if m is None or row is None:
            return
        agent = m.rows[row].agent
        title = next((c.title for c in m.cols if c.key == key), key)
        lost = self.tr("你输入的 {0} 的“{1}” = “{2}” 没有保存。").format(agent, title, text)
        self._show_reason(f"{message} {lost}")
        box = QMessageBox(self)
        box.setObjectName("kpiConflict")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("别人刚改过这一行"))
        box.setText(message)
        box.setInformativeText(lost + self.tr("重新载入后可以看到别人改了什么, 需要时再输入一次。"))
        again = box.addButton(self.tr("重新载入"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("暂不"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(again)

        def answered(_result: int) -> None:
            if box.clickedButton() is again:
                self.refresh()
                self._select(score_id, key)
                self._show_reason(self.tr("已重新载入。") + lost)
            self.view.setFocus()  # back in the grid, ready to type the value again
            box.deleteLater()

        box.finished.connect(answered)
        QTimer.singleShot(0, box.open)  # after the cell editor has closed

    def _show_reason(self, reason: str) -> None:
        self.message.setStyleSheet("color: #c0392b;" if reason else "")
        self.message.setText(reason)

    # -- actions --------------------------------------------------------------------------
    def _run(self, fn: Any, done_text: str | None = None) -> Any:
        result = guarded(self, fn)
        if result is not None and done_text:
            self.ctx.bus.status.emit(done_text)
        return result

    def _open_month_dialog(self) -> None:
        first = clock.today().replace(day=1)
        default = f"{(first - timedelta(days=1)):%Y-%m}"  # last month
        text, ok = QInputDialog.getText(
            self, self.tr("开始新月份"), self.tr("考核月份 (YYYY-MM):"), text=default
        )
        if ok:
            self.open_month(text)

    def open_month(self, month: str) -> None:
        name = self.card_combo.currentText() or None
        info = self._run(lambda: service.open_month(self.ctx.db, self.ctx.actor, month, name))
        if info is not None:
            self._fill_months(select=info.id)

    def _publish(self) -> None:
        mid = self.month_id()
        if mid is not None and self._run(
            lambda: service.publish(self.ctx.db, self.ctx.actor, mid, self.selected_team()),
            self.tr("已发布草稿"),
        ):
            self._fill_months(select=mid)

    def _finalise(self) -> None:
        mid = self.month_id()
        if mid is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("定稿"),
            self.tr("定稿后分数和工资锁定, 只有店主可以重新打开。确定定稿吗?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        team = self.selected_team()
        if self._run(
            lambda: service.finalise(self.ctx.db, self.ctx.actor, mid, team), self.tr("已定稿")
        ):
            self._fill_months(select=mid)

    def _reopen(self) -> None:
        mid = self.month_id()
        if mid is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("重新打开"), self.tr("重新打开的原因:"))
        if ok:
            self.reopen(reason)

    def reopen(self, reason: str) -> None:
        mid = self.month_id()
        if mid is not None and self._run(
            lambda: service.reopen(self.ctx.db, self.ctx.actor, mid, reason, self.selected_team())
        ):
            self._fill_months(select=mid)

    def _raise_dispute(self, score_id: int, key: str, comment: str) -> None:
        if self._run(
            lambda: disputes_svc.raise_dispute(self.ctx.db, self.ctx.actor, score_id, key, comment),
            self.tr("申诉已提交"),
        ):
            self.show_month()

    def _answer_dispute(self, dispute_id: int, accept: bool, answer: str, changes: dict) -> None:
        if self._run(
            lambda: disputes_svc.answer_dispute(
                self.ctx.db,
                self.ctx.actor,
                dispute_id,
                accept=accept,
                answer=answer,
                changes=changes,
            )
        ):
            self.show_month()

    def _edit_card(self) -> None:
        from shopdesk.ui.kpi.card_editor import CardEditor

        name = self.card_combo.currentText()
        cards = guarded(self, lambda: service.list_cards(self.ctx.db, self.ctx.actor)) or []
        row = next((c for c in cards if c.name == name), None)
        if row is None:
            return
        editor = CardEditor(row.card, self)
        if editor.exec() == CardEditor.DialogCode.Accepted and editor.result_card is not None:
            self.save_card(editor.result_card)

    def save_card(self, card: Any) -> None:
        saved = self._run(
            lambda: service.save_card(self.ctx.db, self.ctx.actor, card),
            self.tr("已保存考核表 (新开始的月份使用新版本)"),
        )
        if saved is not None:
            self.reload()
            self.card_combo.setCurrentIndex(max(self.card_combo.findText(saved.name), 0))

    def _save_path(self, title: str, name: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), pattern)
        return Path(path) if path else None

    def _template(self) -> None:
        from shopdesk.kpi import exports

        path = self._save_path(self.tr("保存空白模板"), "客服绩效录入表.xlsx", "Excel (*.xlsx)")
        if path is not None:
            name = self.card_combo.currentText() or None
            self._run(
                lambda: exports.write_template(self.ctx.db, self.ctx.actor, path, card_name=name),
                self.tr("已保存模板 {0}").format(path),
            )

    def _payroll(self) -> None:
        from shopdesk.kpi import exports

        mid = self.month_id()
        if mid is None or self.grid is None:
            return
        name = self.tr("客服工资表-{0}.xlsx").format(self.grid.month.month)
        path = self._save_path(self.tr("导出工资表"), name, "Excel (*.xlsx)")
        if path is not None:
            self._run(
                lambda: exports.write_payroll(self.ctx.db, self.ctx.actor, mid, path),
                self.tr("已导出工资表 {0}").format(path),
            )

    def _print(self) -> None:
        from shopdesk.kpi import exports
        from shopdesk.ui.printing import preview

        mid = self.month_id()
        if mid is None:
            return
        report = guarded(self, lambda: exports.payroll_report(self.ctx.db, self.ctx.actor, mid))
        if report is not None:
            preview(report, self).exec()

    # -- import (off the GUI thread, preview first) ---------------------------------------
    def _import(self) -> None:
        if not self.may_score or self.grid is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入绩效表"), str(Path.home()), "表格 (*.xlsx *.xls *.csv)"
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path, *, confirm: bool = True) -> Job | None:
        """Check the file in a worker, show the preview, store on confirmation (all or nothing)."""
        from shopdesk.kpi.importers import import_file

        g = self.grid
        if g is None:
            return None
        month, card = g.month.month, g.month.card_name
        db, actor = self.ctx.db, self.ctx.actor
        progress = QProgressDialog(self.tr("正在检查 {0}…").format(path.name), "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def check(report: Any) -> Any:
            return import_file(
                db, actor, path, month, card_name=card, dry_run=True, progress=report
            )

        def checked(preview: Any) -> None:
            progress.close()
            if confirm and not self._confirm_import(preview):
                return
            store = Job(lambda report: import_file(db, actor, path, month, card_name=card))
            store.signals.done.connect(lambda _p: self._imported(len(preview.rows)))
            store.signals.failed.connect(self._job_failed)
            self.jobs.append(start(store))

        job = Job(check)
        job.signals.done.connect(checked)
        job.signals.failed.connect(lambda exc: self._check_failed(progress, exc))
        self.jobs.append(start(job))
        return job

    def _confirm_import(self, preview: Any) -> bool:
        lines = [
            self.tr("第 {0} 行 {1}: 总分 {2}, 应发 {3} ({4})").format(
                r.row, r.agent, f"{r.result.final:f}", f"{r.result.pay:,.2f}", r.change
            )
            for r in preview.rows[:12]
        ]
        more = len(preview.rows) - len(lines)
        if more > 0:
            lines.append(self.tr("… 另有 {0} 行").format(more))
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("导入预览"))
        box.setText(
            self.tr("{0} {1}: {2} 行检查通过, 其中 {3} 行有变化。导入吗?").format(
                preview.card_name, preview.month, len(preview.rows), preview.changed
            )
        )
        box.setDetailedText("\n".join(lines))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _imported(self, n: int) -> None:
        self.ctx.bus.status.emit(self.tr("已导入 {0} 行").format(n))
        self.show_month()

    def _check_failed(self, progress: QProgressDialog, exc: BaseException) -> None:
        progress.close()
        self._job_failed(exc)

    def _job_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ShopDeskError):
            show_error(self, exc)
        else:
            raise exc


def create(ctx: UiContext) -> QWidget:
    return KpiTab(ctx)
