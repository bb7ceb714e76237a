"""Finding icons, translations and the stylesheet, in a checkout, an install or a frozen build."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon


@cache
def resource_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if checkout.is_dir():
        return checkout
    from importlib.resources import files

    return Path(str(files("shopdesk_resources")))


def path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def app_icon() -> QIcon:
    return QIcon(str(path("icons", "shopdesk.svg")))
