"""Colours that stay readable when the system switches to a dark theme (Qt 6.5+ colorScheme).

Tinted banners and cards keep their light background and say so with `ON_TINT` text; secondary
text takes the palette's placeholder colour instead of a fixed grey that vanishes on dark.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

# Dark text for the light tinted backgrounds (banners, flagged cards, legend chips, pink rows).
ON_TINT = "#1f1f1f"
# Warning red: dark red on light backgrounds (and pink rows), a light red on a dark base.
RED_ON_LIGHT = "#b3261e"
RED_ON_DARK = "#ff8a80"


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


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 … 21); 4.5 is the floor for body text."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def dark_palette() -> QPalette:
    """The dark palette a system in dark mode gives Fusion (Windows 11, GNOME): for screenshots
    and tests, where the offscreen platform has no dark theme of its own."""
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2b2b"),
        (roles.WindowText, "#e6e6e6"),
        (roles.Base, "#1e1e1e"),
        (roles.AlternateBase, "#2f2f2f"),
        (roles.ToolTipBase, "#3a3a3a"),
        (roles.ToolTipText, "#e6e6e6"),
        (roles.PlaceholderText, "#9a9a9a"),
        (roles.Text, "#e6e6e6"),
        (roles.Button, "#353535"),
        (roles.ButtonText, "#e6e6e6"),
        (roles.BrightText, "#ff6b6b"),
        (roles.Light, "#4a4a4a"),
        (roles.Midlight, "#3e3e3e"),
        (roles.Mid, "#2a2a2a"),
        (roles.Dark, "#1a1a1a"),
        (roles.Shadow, "#000000"),
        (roles.Highlight, "#3d7bd9"),
        (roles.HighlightedText, "#ffffff"),
        (roles.Link, "#6ea8ff"),
        (roles.LinkVisited, "#b48cff"),
    ):
        p.setColor(role, QColor(colour))
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return p
