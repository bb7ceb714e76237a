"""What makes one line of a purchase order wrong, in one place.

The service refuses such a line (新建采购单 in the window, `shopdesk po create`); the new-order
dialog marks the cell as it is typed, with the same words (it translates the `text` template, then
fills in the `args`). Pure: no database, no Qt.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

MAX_QTY = 10_000_000


class Problem(NamedTuple):
    """A wrong cell: its column, and the reason as a Chinese template with its arguments."""

    column: str  # "sku" | "qty" | "eta"
    text: str
    args: tuple[object, ...] = ()

    def message(self) -> str:
        return self.text.format(*self.args)


def line_problems(
    sku: str,
    qty: int | None,
    eta: date | None,
    *,
    today: date,
    known: bool,
    product_supplier: str | None,
    order_supplier: str | None,
    earlier_line: int | None = None,
) -> list[Problem]:
    """Everything wrong with one line. `known`: the SKU exists; `product_supplier`: its supplier
    (None: none set); `order_supplier`: the order's (None: no supplier chosen); `earlier_line`:
    the 1-based line that already has this SKU; `qty` None: not a whole number (the caller says
    why)."""
    found: list[Problem] = []
    if not known:
        found.append(Problem("sku", "没有这个 SKU: {0}", (sku,)))
    elif earlier_line is not None:
        found.append(Problem("sku", "与第 {0} 行重复: 同一 SKU 只写一行", (earlier_line,)))
    elif order_supplier and product_supplier and product_supplier != order_supplier:
        found.append(
            Problem("sku", "{0} 的供应商是 {1}, 不是 {2}", (sku, product_supplier, order_supplier))
        )
    if qty is not None and not 0 < qty <= MAX_QTY:
        found.append(Problem("qty", "数量应在 1 到 {0:,} 之间", (MAX_QTY,)))
    if eta is not None and eta < today:
        found.append(Problem("eta", "预计到货不能早于今天"))
    return found
