"""Styled .xlsx output of a Report, ready to print.

openpyxl is fine for the few thousand rows a report has. Text cells are always written as text:
a value starting with '=' from an imported name must never become a formula (formula injection).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from shopdesk.reports import Column, Report

_NUMBER_FORMATS = {
    "int": "#,##0",
    "money": "#,##0.00",
    "decimal": "0.00",
    "percent": "0.00%",
    "date": "yyyy-mm-dd",
}


def _value(value: Any, column: Column) -> Any:
    if value is None:
        return None
    if column.kind in ("money", "decimal", "percent"):
        return float(Decimal(value)) if column.kind != "money" else Decimal(value)
    if column.kind == "bool":
        return "是" if value else ""
    return value


def write_report(report: Report, path: str | Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    p = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = report.title[:31] or "Sheet1"
    ncol = len(report.columns)
    title = " · ".join(x for x in (report.shop, report.title, report.subtitle) if x)
    ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=14)
    header_row = 3
    thin = Side(style="thin", color="999999")
    head_fill = PatternFill("solid", fgColor="DDE6F0")
    group_fill = PatternFill("solid", fgColor="F2F2F2")
    mark_fill = PatternFill("solid", fgColor="FDE2E1")
    for ci, col in enumerate(report.columns, start=1):
        cell = ws.cell(row=header_row, column=ci, value=col.title)
        cell.font = Font(bold=True)
        cell.fill = head_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(bottom=thin, top=thin, left=thin, right=thin)
        ws.column_dimensions[get_column_letter(ci)].width = col.width
    r = header_row + 1
    for section in report.sections:
        if section.title:
            cell = ws.cell(row=r, column=1, value=section.title)
            cell.data_type = "s"
            cell.font = Font(bold=True)
            for ci in range(1, ncol + 1):
                ws.cell(row=r, column=ci).fill = group_fill
            r += 1
        for row in section.rows:
            marked = bool(report.highlight_key and row.get(report.highlight_key))
            for ci, col in enumerate(report.columns, start=1):
                cell = ws.cell(row=r, column=ci, value=_value(row.get(col.key), col))
                if col.kind == "text" and isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula
                if col.kind in _NUMBER_FORMATS:
                    cell.number_format = _NUMBER_FORMATS[col.kind]
                cell.border = Border(bottom=Side(style="hair", color="BBBBBB"))
                if marked:
                    cell.fill = mark_fill
            r += 1
    for note in report.notes:
        r += 1
        cell = ws.cell(row=r, column=1, value=note)
        cell.data_type = "s"
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape" if report.landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.oddFooter.center.text = "第 &P 页 / 共 &N 页"
    ws.oddHeader.left.text = report.shop
    ws.oddHeader.right.text = report.subtitle
    if ncol:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(ncol)}{max(r - 1, header_row)}"
    p.parent.mkdir(parents=True, exist_ok=True)
    wb.save(p)
    return p
