"""The typed-in daily form and the import preview dialog of the metrics tab."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk.clock import today
from shopdesk.errors import ShopDeskError
from shopdesk.metrics import service
from shopdesk.metrics.fields import FIGURE_BY_KEY, FIGURES, Kind, format_figure, parse_figure
from shopdesk.metrics.service import ImportResult
from shopdesk.numbers import NumberError, parse_money
from shopdesk.ui.context import UiContext
from shopdesk.ui.labels import label as translated
from shopdesk.ui.metrics.table_model import Col, RowsModel
from shopdesk.ui.widgets.worker import Job, start

FORM_KEYS = [f.key for f in FIGURES]


def _edit_text(key: str, value: Any) -> str:
    """A stored value as the form shows it: ratios in percent ('3.25%')."""
    if value is None:
        return ""
    if FIGURE_BY_KEY[key].kind is Kind.RATIO:  # all stored digits, so re-saving changes nothing
        return f"{Decimal(value) * 100:.4f}".rstrip("0").rstrip(".") + "%"
    if FIGURE_BY_KEY[key].kind is Kind.MONEY:
        return f"{Decimal(value):.2f}"
    return str(value.normalize() if isinstance(value, Decimal) else value)


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class DayFormDialog(QDialog):
    """Type in one day's figures; conversion and AOV may be left empty (computed)."""

    def __init__(self, ctx: UiContext, day: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("录入每日数据"))
        self.version: int | None = None
        self.saved: service.SaveResult | None = None
        outer = QVBoxLayout(self)
        top = QFormLayout()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(to_qdate(today()))
        top.addRow(self.tr("统计日期"), self.date_edit)
        outer.addLayout(top)

        figures = QGroupBox(self.tr("店铺数据 (留空 = 未知; 转化率、客单价可留空自动计算)"))
        grid = QGridLayout(figures)
        self.edits: dict[str, QLineEdit] = {}
        for n, spec in enumerate(FIGURES):
            label = QLabel(translated(spec.label))
            label.setToolTip(translated(spec.definition))
            edit = QLineEdit()
            edit.setObjectName(f"edit_{spec.key}")
            edit.setToolTip(translated(spec.definition))
            edit.setPlaceholderText(
                {Kind.RATIO: "3.25%", Kind.MONEY: "0.00", Kind.SCORE: "4.8"}.get(spec.kind, "0")
            )
            label.setBuddy(edit)
            r, c = divmod(n, 3)
            grid.addWidget(label, r, c * 2)
            grid.addWidget(edit, r, c * 2 + 1)
            self.edits[spec.key] = edit
        outer.addWidget(figures)

        chans = QGroupBox(self.tr("推广渠道: 花费 / 成交金额 (元)"))
        cgrid = QGridLayout(chans)
        self.channel_edits: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        names = [c.name for c in service.list_channels(ctx.db, ctx.actor)]
        for n, name in enumerate(names):
            spend, sales = QLineEdit(), QLineEdit()
            spend.setObjectName(f"spend_{n}")
            sales.setObjectName(f"sales_{n}")
            spend.setPlaceholderText(self.tr("花费"))
            sales.setPlaceholderText(self.tr("成交金额"))
            r, c = divmod(n, 2)
            cgrid.addWidget(QLabel(name), r, c * 3)
            cgrid.addWidget(spend, r, c * 3 + 1)
            cgrid.addWidget(sales, r, c * 3 + 2)
            self.channel_edits[name] = (spend, sales)
        outer.addWidget(chans)

        self.message = QLabel()
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.date_edit.dateChanged.connect(lambda _q: self.load())
        self.date_edit.setDate(to_qdate(day or today() - timedelta(days=1)))
        self.load()

    @property
    def day(self) -> date:
        return from_qdate(self.date_edit.date())

    def load(self) -> None:
        """Show what is stored for the chosen day (and remember its version)."""
        stored = service.get_day(self.ctx.db, self.ctx.actor, self.day)
        self.version = stored.version if stored else None
        for key, edit in self.edits.items():
            edit.setText(_edit_text(key, stored.figures.get(key)) if stored else "")
        for name, (spend, sales) in self.channel_edits.items():
            pair = stored.channels.get(name) if stored else None
            spend.setText(f"{pair[0]:.2f}" if pair else "")
            sales.setText(f"{pair[1]:.2f}" if pair else "")
        self._say(
            self.tr("这一天还没有数据。") if stored is None else self.tr("已载入这一天的数据。")
        )

    def _say(self, text: str, *, problem: bool = False) -> None:
        """Inline message; a problem is bold dark red and starts with ⚠ (not colour alone)."""
        self.message.setText(f"⚠ {text}" if problem else text)
        self.message.setStyleSheet(
            "color: #8c1d18; font-weight: 600;" if problem else "color: #555;"
        )

    def _collect(self) -> tuple[dict[str, Any], dict[str, tuple[Decimal, Decimal]], list[str]]:
        values: dict[str, Any] = {}
        problems: list[str] = []
        for key, edit in self.edits.items():
            text = edit.text().strip()
            if not text:
                values[key] = None
                continue
            try:
                values[key] = parse_figure(key, text)
            except NumberError as exc:
                problems.append(f"{translated(FIGURE_BY_KEY[key].label)}: {exc}")
        channels: dict[str, tuple[Decimal, Decimal]] = {}
        for name, (spend, sales) in self.channel_edits.items():
            if not spend.text().strip() and not sales.text().strip():
                continue
            try:
                channels[name] = (
                    parse_money(spend.text() or "0"),
                    parse_money(sales.text() or "0"),
                )
            except NumberError as exc:
                problems.append(f"{name}: {exc}")
        return values, channels, problems

    def save(self) -> None:
        from shopdesk.metrics.fields import DayFigures

        values, channels, problems = self._collect()
        if problems:
            self._say(self.tr("请改正: ") + "; ".join(problems), problem=True)
            return
        try:
            self.saved = service.save_day(
                self.ctx.db,
                self.ctx.actor,
                DayFigures(self.day, **values),
                channels,
                expected_version=self.version,
            )
        except ShopDeskError as exc:
            self._say(str(exc), problem=True)
            return
        self.ctx.bus.data_changed.emit("metric")
        if self.saved.warnings:
            QMessageBox.information(
                self,
                self.tr("已保存, 请核对"),
                self.tr("已保存。以下数值与其他数据不一致 (已按填写保存):\n")
                + "\n".join(self.saved.warnings),
            )
        self.accept()


class ImportDialog(QDialog):
    """Preview of an import: what each column was read as, problems per row, then import."""

    def __init__(self, ctx: UiContext, path: str | Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.path = Path(path)
        self.outcome: ImportResult | None = None
        self.setWindowTitle(self.tr("导入经营数据 — {0}").format(self.path.name))
        self.resize(900, 560)
        lay = QVBoxLayout(self)
        self.summary = QLabel(self.tr("正在读取…"))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.columns_label = QLabel()
        self.columns_label.setWordWrap(True)
        lay.addWidget(self.columns_label)
        self.progress = QProgressBar()
        lay.addWidget(self.progress)
        self.problems = RowsModel(
            [Col(self.tr("行")), Col(self.tr("列")), Col(self.tr("值")), Col(self.tr("原因"))], self
        )
        self.problem_view = QTableView()
        self.problem_view.setModel(self.problems)
        self.problem_view.horizontalHeader().setStretchLastSection(True)
        self.problem_view.verticalHeader().setVisible(False)
        lay.addWidget(QLabel(self.tr("问题与提醒 (错误必须先在文件里改正; 提醒不影响导入):")))
        lay.addWidget(self.problem_view, 1)
        self.preview = RowsModel(
            [Col(self.tr("日期"))]
            + [Col(translated(FIGURE_BY_KEY[k].label), numeric=True) for k in PREVIEW_KEYS],
            self,
        )
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview)
        self.preview_view.verticalHeader().setVisible(False)
        self.preview_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        lay.addWidget(QLabel(self.tr("预览 (前 50 天):")))
        lay.addWidget(self.preview_view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        row.addWidget(self.import_button)
        row.addWidget(close)
        lay.addLayout(row)
        self.imported = False
        self._run(
            lambda p: service.preview_import(ctx.db, ctx.actor, self.path, progress=p),
            self._previewed,
        )

    def _run(self, fn: Any, then: Any) -> None:
        job = Job(fn)
        job.signals.progress.connect(self._progress)
        job.signals.done.connect(then)
        job.signals.failed.connect(self._failed)
        self.import_button.setEnabled(False)
        start(job)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _failed(self, exc: object) -> None:
        self.progress.setVisible(False)
        if isinstance(exc, ShopDeskError):
            self.summary.setText(self.tr("无法导入: {0}").format(exc))
            self.summary.setStyleSheet("color: #8c1d18; font-weight: 600;")
            return
        raise exc  # type: ignore[misc]  # a bug: the excepthook shows details

    def _previewed(self, result: ImportResult) -> None:
        self.outcome = result
        self.progress.setVisible(False)
        self.summary.setText(result.summary())
        mapped = ", ".join(f"{h} → {w}" for h, w in result.columns.items())
        ignored = ", ".join(result.ignored)
        text = self.tr("识别的列: {0}").format(mapped)
        if ignored:
            text += "\n" + self.tr("忽略的列: {0}").format(ignored)
        self.columns_label.setText(text)
        rows = [(e.row, e.column, e.value, e.reason) for e in result.errors]
        marks = [self.tr("错误")] * len(rows)
        rows += [(w.row, w.column, w.value, self.tr("提醒: ") + w.reason) for w in result.warnings]
        marks += [""] * len(result.warnings)
        self.problems.set_rows(rows, marks)
        self.problem_view.resizeColumnsToContents()
        self.preview.set_rows(
            [
                (f.day.isoformat(), *(format_figure(k, f.get(k)) for k in PREVIEW_KEYS))
                for f in result.preview
            ]
        )
        self.import_button.setEnabled(result.ok)
        if result.ok:
            self.import_button.setDefault(True)
            self.import_button.setFocus()

    def run_import(self) -> None:
        self.progress.setVisible(True)
        self._run(
            lambda p: service.import_file(self.ctx.db, self.ctx.actor, self.path, progress=p),
            self._imported,
        )

    def _imported(self, result: ImportResult) -> None:
        self.outcome = result
        self.imported = True
        self.progress.setVisible(False)
        self.summary.setText(result.summary())
        self.ctx.bus.data_changed.emit("metric")
        self.ctx.bus.status.emit(result.summary())
        self.accept()


PREVIEW_KEYS = ("visitors", "paying_buyers", "paid_amount", "conversion", "aov", "bounce_rate")
