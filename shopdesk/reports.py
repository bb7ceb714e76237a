"""A report described once, rendered to .xlsx, .csv, HTML and print/PDF.

Features build a `Report` from service rows; `shopdesk.io.excel`, `shopdesk.io.html` and
`shopdesk.ui.printing` render it, so every printout and export looks the same and escapes text the
same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

# Column kinds and how they are shown.
KINDS = ("text", "int", "decimal", "money", "percent", "date", "bool")


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: str = "text"
    width: int = 12  # characters, for xlsx and proportional widths in print
    places: int = 2  # for decimal/percent


@dataclass
class Section:
    """A group of rows under an optional heading (e.g. one supplier on the restock sheet)."""

    title: str | None
    rows: list[dict[str, Any]]


@dataclass
class Report:
    title: str
    columns: list[Column]
    sections: list[Section]
    shop: str = ""
    subtitle: str = ""
    notes: list[str] = field(default_factory=list)
    landscape: bool = True
    # Row keys whose truthy value marks the row as highlighted (e.g. below warning level).
    highlight_key: str | None = None

    @classmethod
    def simple(
        cls, title: str, columns: Sequence[Column], rows: list[dict[str, Any]], **kw: Any
    ) -> Report:
        return cls(title=title, columns=list(columns), sections=[Section(None, rows)], **kw)

    @property
    def rows(self) -> list[dict[str, Any]]:
        return [r for s in self.sections for r in s.rows]


def format_cell(value: Any, column: Column) -> str:
    """Text for HTML/CSV/table output."""
    if value is None or value == "":
        return ""
    kind = column.kind
    if kind == "bool":
        return "是" if value else ""
    if kind == "money":
        return f"{Decimal(value):,.2f}"
    if kind == "percent":
        return f"{Decimal(value) * 100:.{max(column.places - 2, 0) + 1}f}%"
    if kind == "decimal":
        return f"{Decimal(value):.{column.places}f}"
    if kind == "int":
        return f"{int(value)}"
    if kind == "date" and isinstance(value, date | datetime):
        return value.isoformat()[:10] if isinstance(value, date) else f"{value:%Y-%m-%d %H:%M}"
    return str(value)


EXPORT_SUFFIXES = (".xlsx", ".csv", ".pdf")


def export(report: Report, path: str | Path) -> Path:
    """Write the report as .xlsx, .csv or .pdf, chosen by the file's suffix."""
    from shopdesk.errors import InvalidInput

    out = Path(path)
    suffix = out.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise InvalidInput("只能导出 .xlsx、.csv 或 .pdf 文件")
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".xlsx":
        from shopdesk.io.excel import write_report

        return write_report(report, out)
    if suffix == ".csv":
        from shopdesk.io.csvout import write_report as write_csv

        return write_csv(report, out)
    from shopdesk.ui.printing import write_pdf  # the CLI may borrow ui/printing for PDF

    return write_pdf(report, out)
