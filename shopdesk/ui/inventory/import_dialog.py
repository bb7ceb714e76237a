"""导入… dialog: pick a kind and a file, preview (a dry run) in a worker, then import.

Both the preview and the import run in a QThreadPool worker with a progress bar, so a 100,000
row sales sheet never freezes the window. Bad rows are listed with row, column, value and why;
the import button stays disabled until the preview is clean.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk.errors import ImportRejected, RowError, ShopDeskError
from shopdesk.inventory.importers import (
    BULK_KINDS,
    FIELDS,
    KIND_LABELS,
    ImportCancelled,
    ImportResult,
    run_import,
)
from shopdesk.inventory.restock import TIER_LABELS
from shopdesk.ui.context import UiContext
from shopdesk.ui.errors import show_error
from shopdesk.ui.labels import label
from shopdesk.ui.safety.flags import confirm_bulk
from shopdesk.ui.widgets.worker import Job, start

_ROOT = QModelIndex()


class RowsModel(QAbstractTableModel):
    """Preview rows or row errors: a list of tuples under a header."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[tuple[str, ...]] = []

    def set(self, headers: list[str], rows: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self.headers, self.rows = headers, rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.headers[section] if 0 <= section < len(self.headers) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()][index.column()]


def _cell(v: Any, key: str = "") -> str:
    if v is None:
        return ""
    if key == "tier":
        return label(TIER_LABELS.get(v, str(v)))
    if isinstance(v, bool):
        return QCoreApplication.translate("ImportDialog", "是" if v else "否")
    return str(v)


class ImportDialog(QDialog):
    def __init__(self, ctx: UiContext, kind: str = "sales", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("导入表格"))
        self.resize(820, 520)
        self.result_: ImportResult | None = None
        self.busy = False

        self.kind = QComboBox()
        for k, text in KIND_LABELS.items():
            self.kind.addItem(label(text), k)

        self.kind.setCurrentIndex(list(KIND_LABELS).index(kind))
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr(".xlsx / .xls / .csv (UTF-8 或 GBK)"))
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("文件"), row)
        self.columns_hint = QLabel()
        self.columns_hint.setObjectName("columnsHint")
        self.columns_hint.setWordWrap(True)
        form.addRow(self.tr("可识别的列"), self.columns_hint)

        self.status = QLabel(self.tr("选择文件后点“预览”: 先检查每一行, 没有错误才能导入。"))
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.table_model = RowsModel(self)
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setVisible(False)

        self.buttons = QDialogButtonBox()
        self.preview_btn = self.buttons.addButton(
            self.tr("预览(&P)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_btn = self.buttons.addButton(
            self.tr("导入(&I)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_btn = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_btn.setEnabled(False)
        self.preview_btn.clicked.connect(self.preview)
        self.import_btn.clicked.connect(self.do_import)
        self.close_btn.clicked.connect(self.reject)
        self._cancel = False

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.status)
        lay.addWidget(self.progress)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.path.textChanged.connect(lambda _t: self.import_btn.setEnabled(False))
        self._kind_changed()

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def _kind_changed(self) -> None:
        fields = FIELDS[self.current_kind()]
        optional = self.tr("(可选)")
        self.columns_hint.setText(
            "; ".join(f"{f.label or f.name}{'' if f.required else optional}" for f in fields)
        )
        self.import_btn.setEnabled(False)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择要导入的文件"),
            str(Path.home()),
            self.tr("表格 (*.xlsx *.xls *.csv);;所有文件 (*)"),
        )
        if name:
            self.path.setText(name)

    # -- running -----------------------------------------------------------------------------
    def _run(self, dry_run: bool, done: Callable[[ImportResult], None]) -> None:
        path = self.path.text().strip()
        if not path:
            self.status.setText(self.tr("请先选择文件"))
            return
        kind = self.current_kind()
        db, actor = self.ctx.db, self.ctx.actor

        self._cancel = False

        def work(progress: Callable[[int, int], None]) -> ImportResult:
            # 取消 is read at every progress report, while parsing and between the chunks of
            # the database write; the service then rolls the whole import back.
            return run_import(
                db,
                actor,
                kind,
                path,
                dry_run=dry_run,
                progress=progress,
                cancelled=lambda: self._cancel,
            )

        self._set_busy(True)
        job = Job(work)
        job.signals.progress.connect(self._progress)

        def finished(res: ImportResult) -> None:
            self._set_busy(False)
            done(res)

        job.signals.done.connect(finished)
        job.signals.failed.connect(self._failed)
        self._job = job  # keep the signal object alive until its queued signals arrive
        start(job)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        for w in (self.preview_btn, self.kind, self.path):
            w.setEnabled(not busy)
        self.close_btn.setText(self.tr("取消") if busy else self.tr("关闭"))
        if busy:
            self.import_btn.setEnabled(False)
            self.status.setText(self.tr("正在读取和检查…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ImportCancelled):
            self.status.setText(QCoreApplication.translate("inventory", "已取消, 未保存任何数据"))
            self.status.setStyleSheet("")
        elif isinstance(exc, ImportRejected):
            self._show_errors(exc.errors, str(exc))
        elif isinstance(exc, ShopDeskError):
            self.status.setText(str(exc))
            self.table_model.set([], [])
        else:
            raise exc

    def _show_errors(self, errors: list[RowError], message: str) -> None:
        self.status.setText(self.tr("{0}。请修改文件后重新预览。").format(message))
        self.status.setStyleSheet("color: #b3261e;")
        self.table_model.set(
            [self.tr("行"), self.tr("列"), self.tr("值"), self.tr("原因")],
            [(str(e.row), e.column, e.value, e.reason) for e in errors],
        )
        self.table.resizeColumnsToContents()

    def preview(self) -> None:
        self._run(True, self._previewed)

    def _previewed(self, res: ImportResult) -> None:
        self.result_ = res
        self.status.setStyleSheet("")
        extra = ""
        if res.ignored_headers:
            extra = self.tr(" 忽略的列: {0}").format(", ".join(res.ignored_headers))
        self.status.setText(res.summary() + "。" + extra)
        fields = [f for f in FIELDS[res.kind] if f.name in res.columns]
        self.table_model.set(
            [f.label or f.name for f in fields],
            [tuple(_cell(r.get(f.name), f.name) for f in fields) for r in res.sample],
        )
        self.table.resizeColumnsToContents()
        self.import_btn.setEnabled(res.rows > 0)
        self.import_btn.setFocus()

    def do_import(self) -> None:
        res = self.result_
        if (
            res is not None
            and res.kind in BULK_KINDS
            and not confirm_bulk(self.ctx, self, res.inserted + res.updated, KIND_LABELS[res.kind])
        ):
            self.status.setText(self.tr("未导入, 没有改动任何数据"))
            return
        self._run(False, self._imported)

    def _imported(self, res: ImportResult) -> None:
        self.result_ = res
        self.status.setText(res.summary())
        self.ctx.bus.data_changed.emit("product")
        self.ctx.bus.status.emit(res.summary())
        self.accept()

    def reject(self) -> None:
        if self.busy:
            # Ask the worker to stop at its next progress report; the dialog stays until it
            # has answered, so its result (or the rollback) is never hidden.
            self._cancel = True
            self.status.setText(self.tr("正在取消…"))
            return
        super().reject()


def show_import(ctx: UiContext, parent: QWidget, kind: str = "sales") -> None:
    try:
        ImportDialog(ctx, kind, parent).exec()
    except ShopDeskError as exc:
        show_error(parent, exc)
