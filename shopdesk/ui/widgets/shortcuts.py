"""Shortcuts shown where users look: a menu entry shows its keys; its tooltip says them too."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget

_MNEMONIC = re.compile(r"\(&\w\)")  # "保存(&S)" → "保存"


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


def press_with(button: QAbstractButton, keys: str, scope: QWidget) -> QShortcut:
    """`keys` clicks `button` while `scope` (its page) is shown and the button is enabled; the
    button's tooltip names the keys. Hidden pages' shortcuts are off, so pages may share keys."""
    shortcut = QShortcut(QKeySequence(keys), scope)
    shortcut.activated.connect(lambda: button.click() if button.isEnabled() else None)
    shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    tip = button.toolTip() or _MNEMONIC.sub("", button.text()).replace("&", "")
    if shown not in tip:
        button.setToolTip(f"{tip} ({shown})")
    return shortcut
