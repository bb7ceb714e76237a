"""Cell parsers shared by importers: dates in the forms platforms export, flags, text."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y年%m月%d日")
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date(text: str) -> date:
    """2026-11-26, 2026/11/26, 2026.11.26, 20261126, 2026年11月26日, ISO times, Excel serials."""
    s = text.strip().translate(str.maketrans("０１２３４５６７８９／－", "0123456789/-"))
    s = re.sub(r"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$", "", s)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    if re.fullmatch(r"\d{5}(\.0+)?", s):  # an Excel serial number left as a number
        return _EXCEL_EPOCH + timedelta(days=int(float(s)))
    raise ValueError("不是有效日期 (例如 2026-11-26)")


_TRUE = {"是", "y", "yes", "true", "1", "√", "✓", "主推"}
_FALSE = {"否", "n", "no", "false", "0", "", "×"}


def parse_flag(text: str) -> bool:
    s = text.strip().lower()
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise ValueError("应为 是/否 或 1/0")


def parse_text(max_len: int = 256) -> object:
    def _parse(text: str) -> str:
        s = text.strip()
        if len(s) > max_len:
            raise ValueError(f"太长 (最多 {max_len} 个字符)")
        return s

    return _parse
