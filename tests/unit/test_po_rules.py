"""po_rules: what makes a purchase-order line wrong, the same for the service and the dialog."""

from __future__ import annotations

from datetime import date

from shopdesk.inventory.po_rules import MAX_QTY, line_problems

TODAY = date(2026, 11, 22)


def _problems(**kw: object) -> list[tuple[str, str]]:
    args: dict[str, object] = {
        "sku": "A1",
        "qty": 24,
        "eta": None,
        "today": TODAY,
        "known": True,
        "product_supplier": "义乌杯厂",
        "order_supplier": "义乌杯厂",
    }
    args.update(kw)
    return [(p.column, p.message()) for p in line_problems(**args)]  # type: ignore[arg-type]


def test_a_good_line_has_no_problem() -> None:
    assert _problems() == []
    assert _problems(order_supplier=None) == []  # no supplier chosen: any product
    assert _problems(product_supplier=None, order_supplier="杭州包厂") == []  # none set: fits any
    assert _problems(qty=MAX_QTY, eta=TODAY) == []


def test_each_rule_names_its_cell() -> None:
    assert _problems(known=False, sku="ZZ") == [("sku", "没有这个 SKU: ZZ")]
    assert _problems(earlier_line=2) == [("sku", "与第 2 行重复: 同一 SKU 只写一行")]
    assert _problems(order_supplier="杭州包厂") == [
        ("sku", "A1 的供应商是 义乌杯厂, 不是 杭州包厂")
    ]
    assert _problems(qty=0) == [("qty", "数量应在 1 到 10,000,000 之间")]
    assert _problems(qty=MAX_QTY + 1)[0][0] == "qty"
    assert _problems(qty=None) == []  # not a number: the caller says so
    assert _problems(eta=date(2026, 11, 21)) == [("eta", "预计到货不能早于今天")]


def test_every_cell_is_checked_at_once() -> None:
    found = _problems(known=False, qty=-1, eta=date(2026, 1, 1))
    assert [c for c, _m in found] == ["sku", "qty", "eta"]
