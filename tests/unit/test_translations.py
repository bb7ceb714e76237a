"""The English translation is complete, current with the code, and compiled into the committed .qm.

Runs Qt's lupdate/lrelease tools (no Qt in this process). When one of these fails after a UI
change: `python resources/translations/build.py --update`, translate the new entries in
resources/translations/shopdesk_en.ts, build again and commit both files.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "shopdesk_en.ts"
QM = TRANSLATIONS / "shopdesk_en.qm"
CJK = re.compile(r"[\u3400-\u9fff]")
FIELD = re.compile(r"\{([^{}:!]*)[^{}]*\}")  # the name of each {field}: {1:02d} -> 1


def _build_script() -> ModuleType:
    """resources/translations/build.py, the one place that knows how lupdate is run."""
    spec = importlib.util.spec_from_file_location("translations_build", TRANSLATIONS / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (ctx.findtext("name") or "", m.findtext("source") or "", m)
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    ]


def test_every_entry_is_translated() -> None:
    messages = _messages(TS)
    assert len(messages) > 900
    unfinished = [
        (ctx, src)
        for ctx, src, m in messages
        if m.find("translation") is None
        or m.find("translation").get("type") is not None  # type: ignore[union-attr]
        or not (m.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_translations_keep_the_format_fields_and_are_english() -> None:
    """ "{0} 条" must become "{0} entries": a lost or renamed field breaks .format() at run time."""
    wrong = []
    # Chinese on purpose: data values and grade/unit words users type into cells
    allowed_chinese = {"简体中文", "良", "店主/采购", "8折", "优20 良15 中10 差0", "15秒"}
    allowed_chinese |= {"迟到5 请假5 旷工10", "早退3", "优/良/中/差"}
    for ctx, src, m in _messages(TS):
        text = m.findtext("translation") or ""
        if sorted(FIELD.findall(src)) != sorted(FIELD.findall(text)):
            wrong.append((ctx, src, text, "fields"))
        rest = text
        for word in sorted(allowed_chinese, key=len, reverse=True):
            rest = rest.replace(word, "")
        if CJK.search(rest):
            wrong.append((ctx, src, text, "chinese"))
    assert wrong == []


def test_ts_is_current_with_the_code(tmp_path: Path) -> None:
    """lupdate over shopdesk/ui finds exactly the strings the .ts already has."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    _build_script().update([copy])
    before = {(c, s) for c, s, _m in _messages(TS)}
    after = {(c, s) for c, s, _m in _messages(copy)}
    assert sorted(after - before) == [], "new strings: run build.py --update and translate them"
    assert sorted(before - after) == [], "strings gone from the code: run build.py --update"


def test_committed_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(TRANSLATIONS / "build.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    assert (tmp_path / QM.name).read_bytes() == QM.read_bytes(), (
        "run resources/translations/build.py"
    )
