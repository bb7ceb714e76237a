"""Printing command results as an aligned table, JSON or CSV (`--format`)."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from shopdesk.reports import Column

# The window's start builds the command line too (for --format): csv, json and shopdesk.reports
# (and decimal) are imported when something is printed, not before the first paint (~9 ms).
FORMATS = ("table", "json", "csv")


def iso_date(text: str) -> date:
    """An argparse type: YYYY-MM-DD, with a message in the user's words."""
    import argparse

    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD: {text}") from exc


def _json_default(value: Any) -> Any:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(width - _width(text), 0)
    return gap + text if right else text + gap


def emit(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    fmt: str = "table",
    out: TextIO | None = None,
    *,
    json_rows: Sequence[Any] | None = None,
) -> None:
    """Write rows; `json_rows` lets a command give JSON a richer shape than the table."""
    import csv
    import json

    from shopdesk.reports import format_cell

    out = out or sys.stdout
    if fmt == "json":
        json.dump(
            list(json_rows if json_rows is not None else rows),
            out,
            ensure_ascii=False,
            indent=2,
            default=_json_default,
        )
        out.write("\n")
        return
    cells = [[format_cell(r.get(c.key), c) for c in columns] for r in rows]
    if fmt == "csv":
        w = csv.writer(out)
        w.writerow([c.title for c in columns])
        w.writerows(cells)
        return
    widths = [
        max([_width(c.title)] + [_width(row[i]) for row in cells]) for i, c in enumerate(columns)
    ]
    numeric = [c.kind in ("int", "decimal", "money", "percent") for c in columns]
    out.write("  ".join(_pad(c.title, widths[i], numeric[i]) for i, c in enumerate(columns)) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write("  ".join(_pad(v, widths[i], numeric[i]) for i, v in enumerate(row)) + "\n")
    if not cells:
        out.write("(无)\n")
