"""`shopdesk po create|list|from-sheet`: purchase orders from the command line."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from shopdesk.cli import main

SAMPLES = Path(__file__).parents[1] / "io" / "samples" / "inventory"
D = date(2026, 11, 19)
TODAY = date(2026, 11, 22)


@pytest.fixture
def shop(tmp_path: Path) -> list[str]:
    d = str(tmp_path / "shop")
    assert main(["--data-dir", d, "init", "--owner", "王芳", "--shop", "小美家居"]) == 0
    base = ["--data-dir", d, "--as", "王芳"]
    assert main([*base, "import", "products", str(SAMPLES / "products_gbk.csv")]) == 0
    sales = tmp_path / "sales.csv"
    sales.write_text(
        "日期,SKU编码,销量\n" + "".join(f"{D - timedelta(days=i)},A1,4\n" for i in range(1, 29)),
        encoding="utf-8",
    )
    assert main([*base, "import", "sales", str(sales)]) == 0
    return base


def test_po_create_then_list(shop: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            *shop,
            "po",
            "create",
            "--supplier",
            "义乌杯厂",
            "--line",
            "A1:24",
            "--line",
            "A2:6:2026-12-01",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "已新建采购单 PO20261122-01 (义乌杯厂): 2 行, 共 30 件" in out
    assert "预计到货 2026-11-27 – 2026-12-01" in out  # A1: today + 5 days lead time
    assert main([*shop, "po", "list", "--open", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["po_number"], r["sku"], r["qty"], r["eta"], r["status"]) for r in rows] == [
        ("PO20261122-01", "A1", 24, "2026-11-27", "未到货"),
        ("PO20261122-01", "A2", 6, "2026-12-01", "未到货"),
    ]
    assert main([*shop, "po", "list"]) == 0
    table = capsys.readouterr().out
    assert "单号" in table and "PO20261122-01" in table


def test_po_create_mistakes_are_one_line(
    shop: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*shop, "po", "create", "--supplier", "义乌杯厂", "--line", "ZZ:1"]) == 4
    err = capsys.readouterr().err
    assert "没有这个 SKU: ZZ" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as exc:
        main([*shop, "po", "create", "--supplier", "义乌杯厂", "--line", "A1:三"])
    assert exc.value.code == 2
    assert "A1:三" in capsys.readouterr().err
    assert main([*shop, "po", "list", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_po_from_saved_sheet(shop: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = main([*shop, "po", "from-sheet", "--date", D.isoformat()])
    assert code != 0
    assert "还没有保存" in capsys.readouterr().err
    assert main([*shop, "restock", "--date", D.isoformat(), "--save", "--format", "json"]) == 0
    capsys.readouterr()
    assert main([*shop, "po", "from-sheet", "--date", D.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "已新建采购单 PO20261122-01 (义乌杯厂)" in out
    assert (
        main([*shop, "restock", "--date", (D + timedelta(days=7)).isoformat(), "--format", "json"])
        == 0
    )
    rows = {r["sku"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["A1"]["on_order"] > 0
    assert main([*shop, "po", "from-sheet", "--date", D.isoformat()]) != 0
    assert "已生成过采购单" in capsys.readouterr().err


def test_po_unreceive_then_cancel(shop: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    line = ["--supplier", "义乌杯厂", "--line", "A1:24", "--line", "A2:6"]
    assert main([*shop, "po", "create", *line]) == 0
    assert main([*shop, "receive", "PO20261122-01", "--sku", "A1"]) == 0
    capsys.readouterr()
    assert main([*shop, "po", "cancel", "PO20261122-01"]) == 2
    assert "已有到货的行, 不能作废" in capsys.readouterr().err
    assert main([*shop, "po", "unreceive", "PO20261122-01"]) == 0
    assert "已撤销到货 1 行, 共 24 件" in capsys.readouterr().out
    assert main([*shop, "po", "unreceive", "PO20261122-01"]) == 2
    assert "没有可撤销的到货" in capsys.readouterr().err
    assert main([*shop, "po", "cancel", "PO20261122-01"]) == 0
    assert "已作废采购单 PO20261122-01 (2 行, 共 30 件)" in capsys.readouterr().out
    assert main([*shop, "po", "cancel", "PO20261122-01"]) == 4
    assert "没有单号为 PO20261122-01 的采购单" in capsys.readouterr().err
    assert main([*shop, "po", "list", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
