"""Writes the nasty sample files next to this script: `python tests/io/nasty/make_corpus.py`.

Each file is something a shop really sends us sooner or later: a renamed file, a platform's HTML
"xls", a title merged over the header, GBK vs UTF-16, formulas, dates in every form. The files
are committed; this script documents how they were made and can rebuild them.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
STOCK = "SKU编码,库存\n"


def _xlsx(name: str, rows: list[list[object]], merge: list[str] | None = None) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for r in rows:
        ws.append(r)
    for rng in merge or []:
        ws.merge_cells(rng)
    wb.save(HERE / name)


def main() -> None:
    rnd = random.Random(8)
    w: dict[str, bytes] = {}
    w["random_bytes.csv"] = bytes(rnd.randrange(256) for _ in range(3000))
    w["random_bytes.xlsx"] = bytes(rnd.randrange(256) for _ in range(3000))
    w["empty.csv"] = b""
    w["only_blank_lines.csv"] = b"\n\n , ,\n\n"
    w["header_only.csv"] = STOCK.encode()
    w["csv_renamed.xlsx"] = (STOCK + "A1,3\n").encode()
    w["html_table.xls"] = (
        "<html><body><table><tr><td>SKU编码</td><td>库存</td></tr>"
        "<tr><td>A1</td><td>3</td></tr></table></body></html>"
    ).encode()
    w["gbk.csv"] = (STOCK + "杯子-红,3\n杯子-蓝,4\n").encode("gbk")
    w["utf16_bom.csv"] = (STOCK + "杯子-红,3\n").encode("utf-16")
    w["big5.csv"] = "SKU編碼,庫存\n杯子-紅,3\n".encode("big5")
    w["bom_then_gbk.csv"] = b"\xef\xbb\xbf" + (STOCK + "杯子,3\n").encode("gbk")
    w["nul_bytes.csv"] = (STOCK + "A\x001,3\nA2,4\x00\n").encode()
    w["unbalanced_quote.csv"] = (STOCK + 'A1,"3\nA2,4\n').encode()
    w["semicolons.csv"] = b"SKU\xe7\xbc\x96\xe7\xa0\x81;\xe5\xba\x93\xe5\xad\x98\nA1;3\n"
    w["formulas.csv"] = (
        STOCK + '"=HYPERLINK(""http://x"",""点"")",1\n=1+2,2\n+A1,3\n-A1,4\n'
        "@SUM(A1),5\n\"=cmd|' /C calc'!A0\",6\n"
    ).encode()
    w["bad_numbers.csv"] = (STOCK + "A1,三\nA2,1e9999\nA3,-5\nA4,NaN\nA5,1.5\nA6,１２\n").encode()
    w["duplicate_header.csv"] = "SKU编码,库存,库存\nA1,1,2\n".encode()
    w["wide.csv"] = (",".join(["SKU编码", "库存", *[f"c{i}" for i in range(3000)]]) + "\n").encode()
    w["markup.csv"] = (STOCK + "<script>alert(1)</script>,1\n<b>粗</b>,2\n").encode()
    w["dates.csv"] = (
        "日期,SKU编码,销量\n2024-01-05,A1,1\n2024/1/6,A1,1\n20240107,A1,1\n2024年1月8日,A1,1\n"
        "2024.01.09,A1,1\n45301,A1,1\n2024-01-11 00:00:00,A1,1\n2024-01-12T08:30:00,A1,1\n"
        "１２/１３,A1,1\n01/14/2024,A1,1\n2024-02-30,A1,1\n明天,A1,1\n"
    ).encode()
    for name, data in w.items():
        (HERE / name).write_bytes(data)
    _xlsx(
        "merged_title.xlsx",
        [
            ["库存导出 2024-01-05", None],
            ["统计日期: 2024-01-05", None],
            ["SKU编码", "库存"],
            ["A1", 3],
            ["A2", 4],
        ],
        merge=["A1:B1", "A2:B2"],
    )
    _xlsx(
        "merged_two_level_header.xlsx",
        [["基本信息", None, "库存", None], ["SKU编码", "名称", "库存", "在途"], ["A1", "杯", 3, 0]],
        merge=["A1:B1", "C1:D1"],
    )
    _xlsx("empty_sheet.xlsx", [])
    _xlsx("formula_cells.xlsx", [["SKU编码", "库存"], ["A1", "=2*3"], ["A2", "=1/0"]])
    good = HERE / "formula_cells.xlsx"
    data = good.read_bytes()
    (HERE / "truncated.xlsx").write_bytes(data[: len(data) // 2])
    with zipfile.ZipFile(HERE / "zip_not_xlsx.xlsx", "w") as z:
        z.writestr("hello.txt", "不是表格")


if __name__ == "__main__":
    main()
