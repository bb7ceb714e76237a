"""An agent's own card: per-item breakdown, pay, how to reach the pass line, disputes."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk.kpi.disputes import DisputeRow, dispute_items
from shopdesk.kpi.history import AgentCard
from shopdesk.kpi.scorecard import Card, adjustment_points, field_specs, format_field
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP
from shopdesk.ui.kpi.tables import RowsModel
from shopdesk.ui.labels import label as translated
from shopdesk.ui.widgets import theme


def _num(d: Decimal) -> str:
    text = f"{d:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass(frozen=True)
class Line:
    item: str
    entered: str
    points: str
    max_points: str
    rule: str


def breakdown(card: Card, c: AgentCard) -> list[Line]:
    """One line per item and per deduction/addition, in the card's order."""
    r = c.row.result
    specs = field_specs(card)
    lines = []
    for p in r.items:
        item = card.item(p.key)
        entered = "、".join(
            f"{s.label} {format_field(card, s.key, c.row.inputs.get(s.key)) or '0'}"
            if item.kind == "attendance"
            else format_field(card, s.key, c.row.inputs.get(s.key))
            for s in specs
            if s.item_key == p.key
        )
        lines.append(Line(p.label, entered or "—", _num(p.points), _num(p.max_points), item.hint))
    for a in card.adjustments:
        value = c.row.inputs.get(a.key)
        if value in (None, (), 0):
            continue
        pts = adjustment_points(a, value)
        sign = "−" if a.sign < 0 else "+"
        lines.append(
            Line(a.label, format_field(card, a.key, value), f"{sign}{_num(pts)}", "", a.hint)
        )
    return lines


class AgentCardView(QWidget):
    dispute_requested = Signal(int, str, str)  # score id, item key, comment

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: AgentCard | None = None
        self.title = QLabel()
        self.title.setObjectName("kpiAgentTitle")
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title.setWordWrap(True)
        self.model: RowsModel[Line] = RowsModel(
            [
                (QT_TRANSLATE_NOOP("KpiTables", "考核项目"), lambda x: x.item),
                (QT_TRANSLATE_NOOP("KpiTables", "填写"), lambda x: x.entered),
                (QT_TRANSLATE_NOOP("KpiTables", "得分"), lambda x: x.points),
                (QT_TRANSLATE_NOOP("KpiTables", "满分"), lambda x: x.max_points),
            ],
            parent=self,
            tooltip=lambda x, _c: x.rule or None,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setObjectName("kpiBreakdown")
        self.summary = QLabel()
        self.summary.setObjectName("kpiAgentSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.advice = QLabel()
        self.advice.setObjectName("kpiAdvice")
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        self.advice.setStyleSheet(
            theme.tinted("#f3f8ff", "#c9dcf5", "border-radius: 4px; padding: 8px;")
        )
        self.disputes = QLabel()
        self.disputes.setWordWrap(True)
        self.disputes.setObjectName("kpiMyDisputes")
        self.dispute_button = QPushButton(self.tr("对某一项提出申诉…"))
        self.dispute_button.setObjectName("kpiDisputeButton")
        self.dispute_button.clicked.connect(self._ask_dispute)
        self.empty = QLabel(
            self.tr("这个月还没有已发布的绩效 (主管: 在评分表中选中一位客服再看明细)。")
        )
        self.empty.setObjectName("kpiAgentEmpty")
        self.empty.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.table, 1)
        left.addWidget(self.summary)
        right = QVBoxLayout()
        right.addWidget(self.advice)
        right.addWidget(self.disputes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.dispute_button)
        buttons.addStretch(1)
        right.addLayout(buttons)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        outer = QVBoxLayout(self)
        outer.addWidget(self.empty)
        outer.addLayout(body, 1)
        self.set_card(None)

    def set_card(self, c: AgentCard | None) -> None:
        self.card = c
        shown = c is not None
        for w in (self.title, self.table, self.summary, self.advice, self.disputes):
            w.setVisible(shown)
        self.empty.setVisible(not shown)
        self.dispute_button.setVisible(bool(c and c.can_dispute))
        if c is None:
            self.model.set_rows([])
            return
        m = c.month
        r = c.row.result
        title = self.tr("{0} 的绩效 · {1} · {2}").format(
            c.row.agent, m.month, translated(m.status_label)
        )
        if m.status == "published" and m.dispute_deadline is not None:
            title += self.tr(" (申诉截止 {0:%Y-%m-%d %H:%M})").format(
                m.dispute_deadline.astimezone()
            )
        self.title.setText(title)
        self.model.set_rows(breakdown(m.card, c))
        passed, failed = self.tr("合格"), self.tr("不合格, 无绩效奖金")
        verdict = (
            f"<span style='color:#1b7f3b'>{passed}</span>"
            if r.passed
            else f"<span style='color:#c0392b'>{failed}</span>"
        )
        self.summary.setText(
            self.tr(
                "项目分 {0} − 扣分 {1} + 加分 {2} = <b>总分 {3}</b> / {4} (合格线 {5}) {6}<br>"
                "底薪 {7:,.2f} 元 + 绩效奖金 {8:,.2f} 元 = <b>应发 {9:,.2f} 元</b>"
            ).format(
                _num(r.items_total),
                _num(r.deductions),
                _num(r.additions),
                _num(r.final),
                _num(r.max_total),
                _num(r.pass_line),
                verdict,
                r.base_pay,
                r.bonus,
                r.pay,
            )
        )
        steps = "".join(f"<li>{s.text}</li>" for s in c.advice.steps[:6])
        heading = self.tr("怎样达到合格线") if c.advice.gap > 0 else self.tr("下个月怎样拿更多奖金")
        self.advice.setText(f"<b>{heading}</b><br>{c.advice.summary}<ul>{steps}</ul>")
        self.disputes.setText(_dispute_text(c.disputes))

    def _ask_dispute(self) -> None:
        if self.card is None:
            return
        dialog = DisputeDialog(self.card.month.card, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.dispute_requested.emit(self.card.row.id, dialog.item_key(), dialog.comment())


def _dispute_text(rows: list[DisputeRow]) -> str:
    if not rows:
        return ""
    out = [QCoreApplication.translate("AgentCardView", "我的申诉:")]
    for d in rows:
        line = f"· {d.item_label}: {d.comment} — {translated(d.status_label)}"

        if d.answer:
            line += f" ({d.answered_by}: {d.answer})"
        out.append(line)
    return "\n".join(out)


class DisputeDialog(QDialog):
    def __init__(self, card: Card, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("提出申诉"))
        self.items = QComboBox()
        for key, label in dispute_items(card):
            self.items.addItem(label, key)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("写明理由, 例如: 这两次迟到已经请示过主管"))
        self.text.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("项目"), self.items)
        form.addRow(self.tr("理由"), self.text)
        form.addRow(self.buttons)

    def item_key(self) -> str:
        return str(self.items.currentData())

    def comment(self) -> str:
        return self.text.toPlainText().strip()
