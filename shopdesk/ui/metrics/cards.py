"""Dashboard cards: a figure yesterday, the day before, the change and whether to look into it.

A change beyond the threshold is marked three ways, so it never relies on colour alone: a ⚠
with the words '超过 ±20%', a bold thick frame, and a tinted background.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from shopdesk.metrics.changes import Direction
from shopdesk.metrics.service import Card
from shopdesk.ui.widgets import theme


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() under ""


def change_line(card: Card) -> str:
    ch = card.change
    if ch.direction is Direction.UNKNOWN:
        return tr("前一日无数据")
    verdict = ""
    if ch.better is True:
        verdict = tr(" (向好)")
    elif ch.better is False:
        verdict = tr(" (变差)")
    return f"{ch.direction.arrow} {ch.text}{verdict}"


class CardWidget(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metricCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable by keyboard, tooltip on focus
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 8, 10, 8)
        lay.setSpacing(2)
        self.title = QLabel()
        self.value = QLabel()
        self.value.setObjectName("cardValue")
        self.previous = QLabel()
        self.change = QLabel()
        self.flag = QLabel()
        for w in (self.title, self.value, self.previous, self.change, self.flag):
            w.setWordWrap(True)  # narrow windows wrap text instead of forcing the window wide
            lay.addWidget(w)
        self.key = ""
        self.flagged = False

    def show_card(self, card: Card, threshold: Decimal, previous: str | None = None) -> None:
        """`previous` names the compared day when it is not the day before (e.g. "11-18")."""
        self.key = card.key
        self.flagged = card.change.flagged
        self.title.setText(tr(card.label))
        self.value.setText(card.value_text)
        self.previous.setText(
            f"{previous} {card.previous_text}"
            if previous
            else tr("前一日 {0}").format(card.previous_text)
        )
        self.change.setText(change_line(card))
        pct = f"{threshold * 100:.0f}"
        self.flag.setText(tr("⚠ 变化超过 ±{0}%, 请查看原因").format(pct) if self.flagged else "")
        self.flag.setVisible(self.flagged)
        self.setToolTip(tr(card.definition))
        self.setAccessibleName(
            f"{tr(card.label)} {card.value_text} {self.change.text()} {self.flag.text()}".strip()
        )
        self.setProperty("flagged", self.flagged)
        frame = "3px solid #b3261e; background: #fdecea" if self.flagged else "1px solid #c8c8c8"
        # A flagged card keeps its pink in a dark theme, so its words stay dark too.
        words = f"#metricCard QLabel {{ color: {theme.ON_TINT}; }}" if self.flagged else ""
        self.setStyleSheet(f"#metricCard {{ border: {frame}; border-radius: 6px; }} {words}")
        big = "font-size: 20px; font-weight: 600;"
        self.value.setStyleSheet(big)
        self.title.setStyleSheet(
            f"color: {theme.ON_TINT}; font-weight: 600;"
            if self.flagged
            else f"color: {theme.dim()};"
        )
        self.previous.setStyleSheet(f"color: {theme.dim()};")
        self.change.setStyleSheet("font-weight: 700;" if self.flagged else "")
        self.flag.setStyleSheet("color: #8c1d18; font-weight: 700;")


class CardsPanel(QWidget):
    """A grid of cards, `columns` per row."""

    def __init__(self, columns: int = 6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(8)
        self.cards: list[CardWidget] = []

    def show_cards(
        self, cards: Sequence[Card], threshold: Decimal, previous: str | None = None
    ) -> None:
        while len(self.cards) < len(cards):
            w = CardWidget(self)
            n = len(self.cards)
            self.grid.addWidget(w, n // self.columns, n % self.columns)
            self.cards.append(w)
        for w, card in zip(self.cards, cards, strict=False):
            w.show_card(card, threshold, previous)
            w.setVisible(True)
        for w in self.cards[len(cards) :]:
            w.setVisible(False)

    def by_key(self, key: str) -> CardWidget:
        return next(c for c in self.cards if c.key == key)
