"""Screenshots for docs/kpi.md: `python docs/kpi_screenshots.py` (offscreen, demo shop).

A pre-sales agent's own card, the owner's card editor, and the box a supervisor sees when
another PC saved the same agent's row first.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

IMG = Path(__file__).resolve().parent / "img"


def main() -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

    from shopdesk.auth import service as auth
    from shopdesk.bootstrap import open_shop
    from shopdesk.config import resolve
    from shopdesk.db.engine import Database
    from shopdesk.demo import generate
    from shopdesk.kpi import service
    from shopdesk.kpi.cards import PRE_SALES_NAME
    from shopdesk.ui.app import make_app
    from shopdesk.ui.context import UiContext
    from shopdesk.ui.kpi.card_editor import CardEditor
    from shopdesk.ui.kpi_tab import KpiTab

    app = make_app()
    IMG.mkdir(parents=True, exist_ok=True)

    def settle(widget: QWidget, name: str, rounds: int = 30) -> None:
        for _ in range(rounds):
            QApplication.processEvents()
        widget.grab().save(str(IMG / name))
        print(IMG / name)

    with tempfile.TemporaryDirectory() as tmp:
        location = resolve(tmp)
        db = open_shop(location)
        generate(db)

        # A pre-sales agent's own card (published month, dispute window open).
        agent = auth.actor_by_name(db, "小彭")
        tab = KpiTab(UiContext(db=db, actor=agent, location=location))
        tab.resize(1100, 640)
        tab.card_combo.setCurrentIndex(tab.card_combo.findText(PRE_SALES_NAME))
        tab.show()
        tab.pages.setCurrentWidget(tab.agent_view)
        settle(tab, "kpi-presales-card.png")
        tab.close()

        # The owner's card editor on the after-sales card.
        owner = auth.actor_by_name(db, "王芳")
        card = service.list_cards(db, owner)[0].card
        editor = CardEditor(card)
        editor.resize(900, 640)
        editor.show()
        settle(editor, "kpi-card-editor.png")
        editor.close()

        # A supervisor saves a cell another PC changed a moment earlier.
        sup = auth.actor_by_name(db, "赵敏")
        tab = KpiTab(UiContext(db=db, actor=sup, location=location))
        tab.resize(1100, 640)
        tab.show()
        m = tab.model
        assert m is not None
        row = next(i for i, r in enumerate(m.rows) if r.editable)
        other = Database(db.url)
        r = m.rows[row]
        service.update_cell(other, owner, r.id, "late", "1", r.version)
        other.dispose()
        m.setData(m.index(row, m.column_of("refund_rate")), "3.5%")
        for _ in range(30):
            QApplication.processEvents()
        box = tab.findChild(QMessageBox, "kpiConflict")
        assert box is not None
        settle(box, "kpi-conflict.png")
        box.done(0)
        tab.close()
        db.dispose()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
