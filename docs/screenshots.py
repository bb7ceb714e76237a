"""Regenerate the screenshots in docs/img from the demo shop: `python docs/screenshots.py`.

Runs offscreen (no display needed); the user guide and README use these files, so run it after a
change to any tab. `--dark` grabs every tab with the system in dark mode instead
(docs/img/dark-<tab>.png), to look for colours that do not follow the theme. `--lang en` grabs
the English user guide's pictures (docs/img/*.en.png) with the English interface.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

IMG = Path(__file__).resolve().parent / "img"


def dark_palette() -> None:
    """What a system in dark mode gives Qt: the dark colour scheme and Fusion's dark palette."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from shopdesk.ui.widgets import theme

    QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Dark)
    QApplication.setStyle("Fusion")
    QApplication.setPalette(theme.dark_palette())


def settle(rounds: int = 20) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.processEvents()


def wait_loaded(tab: object, seconds: float = 20) -> None:
    """Tabs load their tables in a worker: wait until no page says it is loading."""
    import time

    deadline = time.monotonic() + seconds
    pages = [tab, *[getattr(tab, n, None) for n in ("products", "sheet", "orders")]]
    while time.monotonic() < deadline:
        settle(5)
        if not any(getattr(p, "loading", False) for p in pages if p is not None):
            break
        time.sleep(0.05)
    settle()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dark", action="store_true", help="grab the tabs in dark mode")
    parser.add_argument("--lang", choices=("en",), help="only the English guide's pictures")
    args = parser.parse_args(argv)

    from shopdesk.auth import service as auth
    from shopdesk.bootstrap import open_shop
    from shopdesk.config import resolve
    from shopdesk.demo import generate
    from shopdesk.ui.app import make_app
    from shopdesk.ui.context import UiContext
    from shopdesk.ui.main_window import TABS, MainWindow

    app = make_app(language=args.lang)
    if args.dark:
        dark_palette()
    prefix = "dark-" if args.dark else "tab-"
    suffix = f".{args.lang}" if args.lang else ""  # main-window.en.png
    IMG.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        location = resolve(tmp)
        db = open_shop(location)
        generate(db)
        actor = auth.actor_by_name(db, "王芳")
        window = MainWindow(UiContext(db=db, actor=actor, location=location))
        window.resize(1366, 820)
        window.show()
        for index, (key, _title) in enumerate(TABS):
            window.tabs.setCurrentIndex(index)
            settle()
            wait_loaded(window.tab(key))
            if not args.lang:  # the English guide shows only its own pictures
                window.grab().save(str(IMG / f"{prefix}{key}.png"))
        if not args.dark:
            window.tabs.setCurrentIndex(0)
            checklist = window.tab("checklist")
            everyone = getattr(checklist, "everyone", None)
            if everyone is not None:
                everyone.setChecked(True)  # the owner's own list is short; show the shop's day
            settle(40)
            window.grab().save(str(IMG / f"main-window{suffix}.png"))
            grab_pages(window, suffix)
            grab_first_run(Path(tmp) / "fresh", suffix)
        window.close()
        db.dispose()
    del app
    print(f"screenshots written to {IMG}")
    return 0


def grab_pages(window: object, suffix: str = "") -> None:
    """The pages the user guide walks through: the Thursday restock sheet, the import menu."""
    from shopdesk.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.show_tab("inventory")
    inventory = window.tab("inventory")
    pages = getattr(inventory, "pages", None)
    sheet = getattr(inventory, "sheet", None)
    if pages is not None and sheet is not None:
        pages.setCurrentWidget(sheet)
        import time

        deadline = time.monotonic() + 30
        while sheet.model.rowCount() == 0 and time.monotonic() < deadline:  # computed in a worker
            settle(5)
            time.sleep(0.05)
        settle(40)
        window.grab().save(str(IMG / f"guide-restock-sheet{suffix}.png"))
        if not suffix:
            grab_inventory(window, inventory)
        pages.setCurrentIndex(0)
    settle()


def grab_inventory(window: object, inventory: object) -> None:
    """docs/inventory.md's pictures: the products, the sheet, the orders with one partly
    received (what 撤销到货 and 作废 act on), and 新建采购单… with a line typed."""
    from PySide6.QtWidgets import QWidget

    from shopdesk.inventory import service
    from shopdesk.inventory.service import NewLine
    from shopdesk.ui.inventory.po_dialog import QTY, SKU, NewPoDialog
    from shopdesk.ui.inventory_tab import InventoryTab

    assert isinstance(window, QWidget) and isinstance(inventory, InventoryTab)
    ctx, pages = inventory.ctx, inventory.pages
    pages.setCurrentWidget(inventory.sheet)
    settle(20)
    window.grab().save(str(IMG / "inventory_sheet.png"))
    pages.setCurrentWidget(inventory.products)
    settle(20)
    window.grab().save(str(IMG / "inventory_products.png"))
    rows = [r for r in inventory.products.model.rows if r.supplier][:3]
    if rows:
        same = [NewLine(r.sku, 24) for r in rows if r.supplier == rows[0].supplier]
        made = service.create_po(ctx.db, ctx.actor, same, supplier=rows[0].supplier)
        first = next(ln for ln in service.list_po_lines(ctx.db, ctx.actor) if ln.po_id == made.id)
        service.receive_lines(ctx.db, ctx.actor, [first.id])
    pages.setCurrentWidget(inventory.orders)
    inventory.orders.open_only.setChecked(False)
    inventory.orders.reload(select=[made.po_number] if rows else [])
    settle(20)
    window.grab().save(str(IMG / "inventory_orders.png"))
    dialog = NewPoDialog(ctx, inventory.products.model.rows, window)
    dialog.resize(760, 420)
    dialog.show()
    if rows:
        dialog.table.item(0, SKU).setText(rows[0].sku)
        dialog.table.item(0, QTY).setText("48")
    settle(20)
    dialog.grab().save(str(IMG / "inventory_po_dialog.png"))
    dialog.reject()


def grab_first_run(folder: Path, suffix: str = "") -> None:
    """The welcome a new shop sees: owner, shop name, platform, demo or empty shop."""
    from shopdesk.bootstrap import open_shop
    from shopdesk.config import resolve
    from shopdesk.ui.login import FirstRunDialog

    db = open_shop(resolve(str(folder)))
    dialog = FirstRunDialog(db)
    dialog.show()
    settle()
    dialog.grab().save(str(IMG / f"guide-first-run{suffix}.png"))
    dialog.close()
    db.dispose()


if __name__ == "__main__":
    sys.exit(main())
