"""The user guide (both languages) and the README point at screenshots and pages that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("doc", ["docs/guide.md", "docs/guide.en.md", "README.md"])
def test_links_and_images_exist(doc: str) -> None:
    path = ROOT / doc
    targets = [t for t in LINK.findall(path.read_text(encoding="utf-8")) if "://" not in t]
    assert targets
    missing = [t for t in targets if not (path.parent / t).exists()]
    assert missing == []


def test_guides_cover_the_path_to_a_printed_sheet() -> None:
    zh = (ROOT / "docs/guide.md").read_text(encoding="utf-8")
    en = (ROOT / "docs/guide.en.md").read_text(encoding="utf-8")
    for words in ("安装", "第一次打开", "SKU编码", "补货需求表", "打印预览", "备份", "team-mode"):
        assert words in zh, words
    for words in ("Install", "First start", "SKU编码", "Restock sheet", "Print preview", "Backups"):
        assert words in en, words
    assert "docs/guide.md" in (ROOT / "README.md").read_text(encoding="utf-8")
