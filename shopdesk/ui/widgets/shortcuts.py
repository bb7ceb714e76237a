"""Shortcuts shown where users look: a menu entry shows its keys; its tooltip says them too."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence


def keys_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def show_keys_in_tooltips(actions: Iterable[QAction]) -> None:
    """ "设置 (Ctrl+,)": each action with a shortcut names it in its tooltip (once)."""
    for action in actions:
        keys = keys_text(action)
        if action.isSeparator() or not keys:
            continue
        tip = action.toolTip() or action.text().replace("&", "")
        if keys not in tip:
            action.setToolTip(f"{tip} ({keys})")
