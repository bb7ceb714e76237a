"""The layering rule as a test: only shopdesk/ui imports Qt, and the core imports without it."""

import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "shopdesk"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_only_ui_imports_qt() -> None:
    offenders = [
        str(p.relative_to(PKG))
        for p in PKG.rglob("*.py")
        if "ui" not in p.relative_to(PKG).parts[:1] and "PySide6" in _imports(p)
    ]
    assert offenders == []


def test_services_and_cli_import_without_qt_or_heavy_libraries() -> None:
    code = (
        "import sys, importlib, pkgutil, shopdesk\n"
        "for m in pkgutil.walk_packages(shopdesk.__path__, 'shopdesk.'):\n"
        "    if '.ui' in m.name or 'migrations' in m.name or m.name == 'shopdesk.__main__':\n"
        "        continue\n"
        "    importlib.import_module(m.name)\n"
        "import shopdesk.cli; shopdesk.cli.build_parser()\n"
        "heavy = ('PySide6', 'pandas', 'pyqtgraph', 'openpyxl')\n"
        "bad = sorted(k for k in heavy if k in sys.modules)\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
