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
    return installed_dir()


def installed_dir(package: str = "shopdesk_resources") -> Path:
    """Installed, resources/ is a data-only (namespace) package, whose
    importlib.resources.files() is a MultiplexedPath, not a directory name."""
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"ShopDesk is installed without its resources ({package})")
    return Path(next(iter(spec.submodule_search_locations)))


def path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def app_icon() -> QIcon:
    return QIcon(str(path("icons", "shopdesk.svg")))
