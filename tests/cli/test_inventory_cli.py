"""`shopdesk import products|stock|sales|po`, `shopdesk restock`, `shopdesk receive`."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from shopdesk.cli import main

SAMPLES = Path(__file__).parents[1] / "io" / "samples" / "inventory"
D = date(2026, 11, 19)


@pytest.fixture
def shop(tmp_path: Path) -> list[str]:
    d = str(tmp_path / "shop")
    assert main(["--data-dir", d, "init", "--owner", "王芳", "--shop", "小美家居"]) == 0
    base = ["--data-dir", d, "--as", "王芳"]
    assert main([*base, "import", "products", str(SAMPLES / "products_gbk.csv")]) == 0
    sales = tmp_path / "sales.csv"
    sales.write_text(
        "日期,SKU编码,销量\n"
        + "".join(
            f"{D - timedelta(days=i)},A1,4\n{D - timedelta(days=i)},B1,1\n" for i in range(1, 29)
        ),
        encoding="utf-8",
    )
    assert main([*base, "import", "sales", str(sales)]) == 0
    assert main([*base, "import", "stock", str(SAMPLES / "stock_en.csv")]) == 0
    return base


def test_import_prints_summary(shop: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*shop, "import", "po", str(SAMPLES / "po.csv"), "--dry-run"]) == 0
    assert "将导入到货计划 3 行: 新增 3" in capsys.readouterr().out
    assert main([*shop, "import", "po", str(SAMPLES / "po.csv")]) == 0
    assert "已导入到货计划 3 行: 新增 3" in capsys.readouterr().out


def test_bad_file_exits_nonzero_with_row_errors(
    shop: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([*shop, "import", "sales", str(SAMPLES / "sales_bad.csv")])
    assert code == 2
    err = capsys.readouterr().err
    assert "第 3 行 [支付件数] “三”" in err
    assert "未保存任何数据" in err
    assert "Traceback" not in err


def test_restock_json(shop: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*shop, "restock", "--date", D.isoformat(), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by = {r["sku"]: r for r in rows}
    assert set(by) == {"A1", "B1"}
    a1 = by["A1"]
    for key in (
        "sku",
        "name",
        "supplier",
        "tier",
        "hero",
        "on_hand",
        "on_order",
        "velocity",
        "cover_days",
        "campaign_extra",
        "suggested_qty",
        "below_warning",
        "days_of_cover",
        "stockout_risk",
    ):
        assert key in a1
    assert (a1["tier"], a1["hero"], a1["on_hand"], a1["velocity"]) == ("hot", True, 12, 4.0)
    assert (a1["cover_days"], a1["suggested_qty"]) == (19, 72)  # 76 − 12 = 64 → 6 cases


def test_restock_table_and_csv(shop: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*shop, "restock", "--date", D.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "SKU编码" in out and "保温杯" in out
    assert main([*shop, "restock", "--date", D.isoformat(), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("SKU编码,供应商")
    assert len(lines) == 3


def test_restock_exports(shop: list[str], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    x = tmp_path / "out" / "sheet.xlsx"
    assert main([*shop, "restock", "--date", D.isoformat(), "--out", str(x)]) == 0
    ws = load_workbook(x).active
    assert ws is not None
    assert ws.cell(3, 1).value == "SKU编码"
    assert ws.freeze_panes == "A4"
    assert ws.print_title_rows == "$3:$3"
    assert ws.page_setup.orientation == "landscape"
    c = tmp_path / "sheet.csv"
    assert main([*shop, "restock", "--date", D.isoformat(), "--out", str(c)]) == 0
    assert "保温杯" in c.read_text(encoding="utf-8-sig")
    p = tmp_path / "sheet.pdf"
    assert main([*shop, "restock", "--date", D.isoformat(), "--out", str(p)]) == 0
    assert p.read_bytes().startswith(b"%PDF")


def test_restock_bad_out_suffix(shop: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*shop, "restock", "--out", "x.doc"]) == 2
    assert ".xlsx" in capsys.readouterr().err


def test_save_and_receive(shop: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*shop, "restock", "--date", D.isoformat(), "--save"]) == 0
    capsys.readouterr()
    assert main([*shop, "restock", "--date", D.isoformat(), "--save"]) == 2
    assert "已保存过" in capsys.readouterr().err
    assert main([*shop, "import", "po", str(SAMPLES / "po.csv")]) == 0
    assert main([*shop, "receive", "PO-7", "--sku", "A1"]) == 0
    assert "已收货 1 行, 共 24 件" in capsys.readouterr().out
    assert main([*shop, "receive", "PO-7", "--sku", "A1"]) == 2


def test_a_bulk_stock_import_asks_first(
    shop: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    many = tmp_path / "many.csv"
    many.write_text(
        "SKU编码,商品名称\n" + "".join(f"N{i:03d},新品{i}\n" for i in range(25)), encoding="utf-8"
    )
    capsys.readouterr()
    # No terminal to ask (a script): refused, nothing stored, the way out named.
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    assert main([*shop, "import", "products", str(many)]) != 0
    err = capsys.readouterr().err
    assert "25 条" in err and "--yes" in err
    assert main([*shop, "import", "products", str(many), "--yes"]) == 0
    assert "新增 25" in capsys.readouterr().out


def test_a_bulk_import_answered_no_at_the_terminal_changes_nothing(
    shop: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    products, stock = tmp_path / "products.csv", tmp_path / "stock.csv"
    products.write_text(
        "SKU编码,商品名称\n" + "".join(f"N{i:03d},新品{i}\n" for i in range(30)), encoding="utf-8"
    )
    stock.write_text(
        "SKU编码,库存\n" + "".join(f"N{i:03d},5\n" for i in range(30)), encoding="utf-8"
    )
    assert main([*shop, "import", "products", str(products), "--yes"]) == 0
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    capsys.readouterr()
    assert main([*shop, "import", "stock", str(stock)]) != 0
    assert "没有改动" in capsys.readouterr().err
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    assert main([*shop, "import", "stock", str(stock)]) == 0
    assert "更新 30" in capsys.readouterr().out
