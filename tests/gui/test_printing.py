import shutil
import subprocess
from pathlib import Path

import pytest

from shopdesk.io.html import render
from shopdesk.reports import Column, Report, Section
from shopdesk.ui.printing import export_pdf


def _report(rows: int) -> Report:
    cols = [
        Column("sku", "SKU编码"),
        Column("name", "商品名称", width=30),
        Column("qty", "建议数量", "int"),
    ]
    data = [{"sku": f"XM{i:04d}", "name": f"收纳盒 <b>{i}</b>", "qty": i} for i in range(rows)]
    return Report(
        "补货需求表", cols, [Section("义乌恒通", data)], shop="小美家居", subtitle="表日 2026-11-26"
    )


def test_html_escapes_names() -> None:
    html = render(_report(2))
    assert "&lt;b&gt;1&lt;/b&gt;" in html and "<b>1</b>" not in html


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_repeats_header_and_numbers_pages(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = export_pdf(_report(150), tmp_path / "sheet.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    for i, page in enumerate(pages, start=1):
        assert "SKU编码" in page, f"header missing on page {i}"
        assert f"第 {i} / {len(pages)} 页" in page
        assert "小美家居" in page
    assert "XM0149" in pages[-1]
