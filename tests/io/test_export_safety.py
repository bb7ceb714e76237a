"""Text from imports reaches exports as text: never a formula, never markup."""

import csv
from pathlib import Path

from openpyxl import load_workbook

from shopdesk.io.csvout import write_report as write_csv
from shopdesk.io.excel import write_report as write_xlsx
from shopdesk.io.html import render
from shopdesk.reports import Column, Report

NASTY = ['=HYPERLINK("http://evil","点我")', "+1+1", "-2+3", "@SUM(A1)", "<script>x</script>"]


def _report() -> Report:
    cols = [
        Column("name", "商品名称"),
        Column("qty", "数量", "int"),
        Column("price", "售价", "money"),
    ]
    rows = [{"name": n, "qty": i, "price": "-1.50"} for i, n in enumerate(NASTY)]
    return Report.simple("测试", cols, rows, shop="=店")


def test_xlsx_cells_are_text_not_formulas(tmp_path: Path) -> None:
    path = write_xlsx(_report(), tmp_path / "x.xlsx")
    ws = load_workbook(path).active
    values = [ws.cell(row=r, column=1) for r in range(4, 4 + len(NASTY))]
    assert [c.value for c in values] == NASTY
    assert all(c.data_type == "s" for c in values)
    assert ws.cell(row=4, column=3).value == -1.5  # real numbers stay numbers


def test_csv_neutralises_formula_starts_but_keeps_numbers(tmp_path: Path) -> None:
    path = write_csv(_report(), tmp_path / "x.csv")
    with path.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    names = [r[0] for r in rows[1:]]
    assert all(not n.startswith(("=", "+", "-", "@")) for n in names)
    assert names[0] == "'" + NASTY[0]
    assert rows[1][2] == "-1.50"


def test_html_escapes_markup() -> None:
    html = render(_report())
    assert "<script>" not in html and "&lt;script&gt;" in html
