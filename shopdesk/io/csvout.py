"""CSV output of a Report, UTF-8 with BOM so Excel on Windows opens Chinese text correctly."""

from __future__ import annotations

import csv
from pathlib import Path

from shopdesk.reports import Report, format_cell

_RISKY = ("=", "+", "-", "@", "\t", "\r")


def _safe(text: str) -> str:
    """Spreadsheet apps run cells starting with = + - @ as formulas: keep them text."""
    if text.startswith(_RISKY) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


def write_report(report: Report, path: str | Path) -> Path:
    p = Path(path)
    with p.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        has_groups = any(s.title for s in report.sections)
        w.writerow(([""] if has_groups else []) + [c.title for c in report.columns])
        for s in report.sections:
            for row in s.rows:
                cells = [_safe(format_cell(row.get(c.key), c)) for c in report.columns]
                w.writerow(([_safe(s.title or "")] if has_groups else []) + cells)
    return p
