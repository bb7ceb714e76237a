"""Colours that stay readable when the system switches to a dark theme (Qt 6.5+ colorScheme).

Tinted banners and cards keep their light background and say so with `ON_TINT` text; secondary
text takes the palette's placeholder colour instead of a fixed grey that vanishes on dark.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette

# Dark text for the light tinted backgrounds (banners, flagged cards, legend chips).
ON_TINT = "#1f1f1f"


def is_dark() -> bool:
    """The system asks for dark, or the palette in use is dark (a dark Fusion palette, say)."""
    hints = QGuiApplication.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return True
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def dim() -> str:
    """Secondary text (hints, "day before" figures): grey that suits the current palette."""
    colour = QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    return colour.name()


def tinted(background: str, border: str, extra: str = "") -> str:
    """A stylesheet body for a light tinted box whose text stays dark in any theme."""
    return (
        f"background: {background}; color: {ON_TINT}; border: 1px solid {border}; {extra}".strip()
    )
