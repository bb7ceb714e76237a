"""Printing and PDF export of a Report: A4, header row repeated on every page, page x/y.

The report's HTML is laid out by a QTextDocument sized to the printable area minus a header band
(shop name, title, date) and a footer band (page x/y); each page is painted by hand so the bands
appear on every page. The table's <thead> repeats on every page by itself.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QWidget

from shopdesk.io.html import render
from shopdesk.reports import Report

_MARGIN_MM = 10.0
_BAND_PT = 16.0  # height of the header and footer bands, in points


def _layout(report: Report) -> QPageLayout:
    orientation = (
        QPageLayout.Orientation.Landscape if report.landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        orientation,
        QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def _font() -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(9)
    return font


def paint_report(report: Report, device: QPdfWriter | QPrinter) -> int:
    """Paint every page onto a printer or PDF writer; returns the number of pages."""
    painter = QPainter(device)
    if not painter.isActive():
        return 0
    try:
        page_rect = device.pageLayout().paintRectPixels(device.resolution())
        dpi = device.resolution()
        band = _BAND_PT * dpi / 72.0
        body = QSizeF(page_rect.width(), page_rect.height() - 2 * band)
        doc = QTextDocument()
        doc.setDefaultFont(_font())
        doc.documentLayout().setPaintDevice(device)
        doc.setHtml(render(report))
        doc.setPageSize(body)
        pages = max(doc.pageCount(), 1)
        printed = datetime.now().strftime("%Y-%m-%d %H:%M")
        small = _font()
        small.setPointSizeF(8)
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.setFont(small)
            top = QRectF(0, 0, page_rect.width(), band)
            painter.drawText(
                top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, report.shop
            )
            painter.drawText(
                top,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                QCoreApplication.translate("printing", "{0}   打印于 {1}")
                .format(report.subtitle, printed)
                .strip(),
            )
            bottom = QRectF(0, page_rect.height() - band, page_rect.width(), band)
            painter.drawText(
                bottom,
                Qt.AlignmentFlag.AlignCenter,
                QCoreApplication.translate("printing", "{0} · 第 {1} / {2} 页").format(
                    report.title, page + 1, pages
                ),
            )
            painter.translate(QPointF(0, band - page * body.height()))
            clip = QRectF(0, page * body.height(), body.width(), body.height())
            doc.drawContents(painter, clip)
            painter.restore()
        return pages
    finally:
        painter.end()


def export_pdf(report: Report, path: str | Path) -> Path:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(p))
    writer.setResolution(300)
    writer.setPageLayout(_layout(report))
    writer.setTitle(report.title)
    writer.setCreator("ShopDesk")
    paint_report(report, writer)
    del writer  # finishes the file
    return p


def ensure_app() -> QApplication:
    """The running QApplication, or a windowless one (offscreen when there is no display).

    Qt lays the PDF out, so the command line needs an application object too.
    """
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from shopdesk.ui.app import make_app

    return make_app([sys.argv[0] if sys.argv else "shopdesk"])


def write_pdf(report: Report, path: str | Path) -> Path:
    """export_pdf for callers that may have no QApplication yet (the CLI)."""
    ensure_app()
    return export_pdf(report, path)


def make_printer(report: Report) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(_layout(report))
    printer.setDocName(report.title)
    return printer


def preview(report: Report, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """A print preview dialog (not yet shown); printing from it uses the same painting."""
    printer = make_printer(report)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("printing", "打印预览 — {0}").format(report.title)
    )
    dialog.paintRequested.connect(lambda pr: paint_report(report, pr))
    return dialog
