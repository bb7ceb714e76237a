"""Reading the spreadsheets shops and platforms export.

One reader for every import: .xlsx/.xls/.ods through python-calamine (100,000 rows × 15 columns
in 1.2 s here, openpyxl took 10–17 s) and .csv in UTF-8, UTF-8 with BOM or GBK/GB18030, detected
in that order (detector libraries guessed wrong on short GBK files). Headers are matched against
Chinese and English aliases in any order; every problem is reported as a RowError.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import islice, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shopdesk.errors import InvalidInput, RowError
from shopdesk.numbers import NumberError

if TYPE_CHECKING:
    import pandas as pd

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
MAX_ERRORS = 200  # enough to fix a file; more only buries the first problem
MAX_CELL = 64 * 1024 * 1024  # characters in one CSV cell


def decode_text(data: bytes) -> str:
    """BOM → strict UTF-8 → GB18030 (a superset of GBK/GB2312).

    Excel's "Unicode text" export is UTF-16 with a BOM; GB18030 would decode it to garbage.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InvalidInput("无法识别文件编码 (支持 UTF-8 和 GBK/GB18030)") from exc


@dataclass
class Table:
    """A sheet as text cells; `first_row` is the spreadsheet row number of the first data row.

    With `read_table(path, raw=True)` the cells of a spreadsheet are left as python-calamine
    returns them (str, int, float, date, bool, None): `parse_table` turns each distinct value into
    text only once, which is what makes a 100,000-row import cost little more than the read.
    """

    headers: list[str]
    rows: list[list[Any]]
    first_row: int = 2


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        # Excel shows 15 significant digits; a cached formula value such as 6*9.9 is stored as
        # 59.400000000000006 and must read as the 59.4 the user sees.
        return format(value, ".15g")
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text.removesuffix("T00:00:00")
    return str(value).strip()


def _blank(value: Any) -> bool:
    return _cell_text(value) == ""


def read_table(path: str | Path, *, raw: bool = False) -> Table:
    """The first sheet (or the CSV) as text; the header is the first non-empty row.

    With `raw` the cells of a spreadsheet keep their python-calamine types (see Table)."""
    p = Path(path)
    if not p.exists():
        raise InvalidInput(f"找不到文件: {p}")
    suffix = p.suffix.lower()
    try:
        if suffix in SPREADSHEET_SUFFIXES:
            cells = _read_spreadsheet(p, raw)
        elif suffix in {".csv", ".txt", ".tsv"}:
            cells = _read_csv(p.read_bytes(), "\t" if suffix == ".tsv" else None)
        else:
            raise InvalidInput(f"不支持的文件类型 “{suffix}”: 请使用 .xlsx、.xls 或 .csv")
    except InvalidInput:
        raise
    except Exception as exc:  # a broken file must be a message, not a traceback
        raise InvalidInput(
            f"无法读取 {p.name}: 文件已损坏或格式不对 ({type(exc).__name__})"
        ) from exc
    return _to_table(cells)


def _read_spreadsheet(p: Path, raw: bool = False) -> list[list[Any]]:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(p))
    if not wb.sheet_names:
        return []
    sheet = wb.get_sheet_by_index(0)
    rows: list[list[Any]] = sheet.to_python(skip_empty_area=False)
    if raw:
        return rows
    return [[_cell_text(v) for v in row] for row in rows]


def _read_csv(data: bytes, delimiter: str | None) -> list[list[str]]:
    import csv

    text = decode_text(data)
    if delimiter is None:
        sample = text[:4096]
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    # The default 128 KB cell limit made one pasted description fail the whole file; a cell
    # this big is still read, and the field's own length check names its row and column.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        return [[c.strip() for c in row] for row in reader]
    except csv.Error as exc:
        raise InvalidInput(f"第 {reader.line_num} 行无法读取: {exc}") from exc


TITLE_ROWS = 10  # how far below a title (one merged cell) the real header may start


def _to_table(raw: list[list[Any]]) -> Table:
    start = 0
    while start < len(raw) and all(_blank(c) for c in raw[start]):
        start += 1
    if start >= len(raw):
        raise InvalidInput("文件是空的: 没有找到表头行")
    # Platform exports put a title or "统计日期: …" in one (merged) cell above the header.
    filled = [sum(1 for c in r if not _blank(c)) for r in raw[start : start + TITLE_ROWS]]
    if filled[0] == 1:
        header_at = next((i for i, n in enumerate(filled) if n >= 2), 0)
        start += header_at
    headers = [_norm_header(_cell_text(h)) for h in raw[start]]
    width = len(headers)
    rows = raw[start + 1 :]
    if rows and set(map(len, rows)) != {width}:  # CSV lines of uneven length; sheets are even
        rows = [[*r[:width], *[""] * (width - len(r))] for r in rows]
    # Drop trailing empty rows (spreadsheets often carry formatting below the data).
    while rows and all(_blank(c) for c in rows[-1]):
        rows.pop()
    return Table(headers, rows, first_row=start + 2)


def _norm_header(h: str) -> str:
    return re.sub(r"\s+", "", str(h)).replace("（", "(").replace("）", ")")


@dataclass(frozen=True)
class Field:
    """One column an importer understands.

    `parse` turns the cell text into a value or raises NumberError/ValueError with a reason.
    """

    name: str
    aliases: tuple[str, ...]
    parse: Callable[[str], Any] = str
    required: bool = True
    label: str = ""
    # Optional fast path for a raw spreadsheet value (e.g. a float of yuan): returns the parsed
    # value or raises SLOW to fall back to `parse` on the cell's text. Must agree with `parse`.
    fast: Callable[[Any], Any] | None = None

    def matches(self, header: str) -> bool:
        h = header.lower()
        return h == self.name.lower() or any(h == a.lower() for a in self.aliases)


class Parsed:
    """Rows that parsed (as dicts keyed by field name) and every problem found.

    When every row parsed clean, the values are kept column by column (`data`) and the row dicts
    are only built if someone asks for `rows`: a writer that works on columns (`column(name)`)
    skips 100,000 dicts. `head(n)` gives the first rows for a preview without building the rest.
    """

    def __init__(
        self,
        rows: list[dict[str, Any]] | None = None,
        row_numbers: list[int] | None = None,
        errors: list[RowError] | None = None,
        columns: dict[str, str] | None = None,
        ignored_headers: list[str] | None = None,
        data: dict[str, Sequence[Any]] | None = None,
    ) -> None:
        self._rows = rows
        self.data = data if rows is None else None  # field name → every row's value
        self.row_numbers: list[int] = [] if row_numbers is None else row_numbers
        self.errors: list[RowError] = [] if errors is None else errors
        self.columns: dict[str, str] = {} if columns is None else columns  # field → header
        self.ignored_headers: list[str] = [] if ignored_headers is None else ignored_headers

    @property
    def rows(self) -> list[dict[str, Any]]:
        if self._rows is None:
            if self.data is None:
                self._rows = []
            else:
                keys = list(self.data)
                # dict(zip(keys, row)) for every row with the loop in C: 2× a listcomp.
                self._rows = list(map(dict, map(zip, repeat(keys), zip(*self.data.values()))))  # noqa: B905
        return self._rows

    @rows.setter
    def rows(self, value: list[dict[str, Any]]) -> None:
        self._rows, self.data = value, None

    def column(self, name: str) -> Sequence[Any]:
        """Every row's value of one field, in row order."""
        if self._rows is None and self.data is not None:
            return self.data[name]
        return [r[name] for r in self.rows]

    def head(self, n: int) -> list[dict[str, Any]]:
        if self._rows is None and self.data is not None:
            keys = list(self.data)
            first = islice(zip(*self.data.values(), strict=True), n)
            return [dict(zip(keys, v, strict=True)) for v in first]
        return self.rows[:n]

    @property
    def ok(self) -> bool:
        return not self.errors

    def __repr__(self) -> str:
        return (
            f"Parsed(rows={len(self.row_numbers)}, errors={len(self.errors)}, "
            f"columns={self.columns!r})"
        )


def map_columns(table: Table, fields: Iterable[Field]) -> tuple[dict[str, int], list[str]]:
    """Field name → column index; raises when a required column is missing or doubled."""
    found: dict[str, int] = {}
    ignored = []
    field_list = list(fields)
    for idx, header in enumerate(table.headers):
        match = next((f for f in field_list if f.matches(header)), None)
        if match is None:
            if header:
                ignored.append(header)
            continue
        if match.name in found:
            raise InvalidInput(f"表头 “{header}” 与另一列重复 (都对应 {match.name})")
        found[match.name] = idx
    missing = [f for f in field_list if f.required and f.name not in found]
    if missing:
        wanted = "; ".join(f"{f.label or f.name} ({'/'.join(f.aliases)})" for f in missing)
        raise InvalidInput(f"缺少必需的列: {wanted}。找到的表头: {', '.join(table.headers)}")
    return found, ignored


class _Bad:
    """A cell that did not parse: its text (cut to 80 characters) and the reason."""

    __slots__ = ("reason", "text")

    def __init__(self, text: str, reason: str) -> None:
        self.text, self.reason = text, reason


_EMPTY = object()


def _parse_column(cells: Sequence[Any], f: Field) -> tuple[list[Any], bool]:
    """Each cell parsed once per distinct value: the value, _EMPTY, or a _Bad; and whether any
    cell was empty or bad.

    A sales sheet of 100,000 rows has a few dozen distinct dates and quantities and a few thousand
    SKUs, so the text conversion and strict parsing run a few thousand times, not 400,000, and
    the values are spread back to the cells by a C-level map over a dict.
    """
    try:
        distinct = set(cells)
    except TypeError:  # an unhashable value (never from the readers, but be safe)
        out = [_parse_cell(v, f) for v in cells]
        return out, any(v is _EMPTY or type(v) is _Bad for v in out)
    if any(type(v) is bool for v in distinct):
        # True == 1 in Python but reads differently ("True" vs "1"): key by type as well.
        typed = {(type(v), v): _parse_cell(v, f) for v in distinct}
        out = [typed[(type(v), v)] for v in cells]
        results: Iterable[Any] = typed.values()
    else:
        cache = {v: _parse_cell(v, f) for v in distinct}
        out = list(map(cache.__getitem__, cells))
        results = cache.values()
    return out, any(v is _EMPTY or type(v) is _Bad for v in results)


def _parse_cell(value: Any, f: Field) -> Any:
    if f.fast is not None:
        try:
            return f.fast(value)
        except _Slow:
            pass
    text = _cell_text(value)
    if text == "":
        return _EMPTY
    try:
        return f.parse(text)
    except (NumberError, ValueError) as exc:
        return _Bad(text[:80], str(exc) or "格式不对")


class _Slow(Exception):
    """Raised by a Field's `fast` parser for a value it leaves to the text parser."""


SLOW = _Slow


def parse_table(
    table: Table,
    fields: Iterable[Field],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Parsed:
    """Parse every row; collects errors (up to MAX_ERRORS) instead of stopping at the first.

    Column by column (each distinct cell value parsed once), then the rows are put together;
    the errors come out in row order, then column order, as a person reads the sheet."""
    field_list = list(fields)
    columns, ignored = map_columns(table, field_list)
    result = Parsed(
        columns={n: table.headers[i] for n, i in columns.items()}, ignored_headers=ignored
    )
    plan = [(f, columns[f.name]) for f in field_list if f.name in columns]
    rows = table.rows
    total = len(rows)
    if progress is not None:
        progress(0, total)
    parsed_cols = []
    clean_cols = True
    # The sheet turned into columns once, in C (every row has the header's width, see _to_table).
    cells_by_col = list(zip(*rows, strict=True)) if rows else [() for _ in table.headers]
    for done, (f, idx) in enumerate(plan, 1):
        col, special = _parse_column(cells_by_col[idx], f)
        parsed_cols.append(col)
        clean_cols = clean_cols and not special
        if progress is not None:
            progress(total * done // (len(plan) + 1), total)
    names = [f.name for f, _ in plan]
    absent = {f.name: None for f in field_list if f.name not in columns}
    required = [f.required for f, _ in plan]
    headers = [table.headers[idx] for _, idx in plan]
    first = table.first_row
    if clean_cols and parsed_cols:  # no empty or bad cell anywhere: every row is a good row
        # Kept as columns; the row dicts are built only if a caller asks for `rows`.
        nones = [None] * total
        result.data = {
            **dict(zip(names, parsed_cols, strict=True)),
            **{name: nones for name in absent},
        }
        result.row_numbers = list(range(first, first + total))
        if progress is not None:
            progress(total, total)
        return result
    out_rows = result.rows
    out_nums = result.row_numbers
    errors = result.errors
    if not parsed_cols:  # no known column at all: every non-blank row is a row of Nones
        for offset, cells in enumerate(rows):
            if not all(_blank(c) for c in cells):
                out_rows.append(dict(absent))
                out_nums.append(first + offset)
        return result
    for offset, values in enumerate(zip(*parsed_cols, strict=True)):
        if not any(v is _EMPTY or type(v) is _Bad for v in values):
            row = dict(zip(names, values, strict=True))
            if absent:
                row.update(absent)
            out_rows.append(row)
            out_nums.append(first + offset)
            continue
        # A row with an empty or bad cell: blank rows are skipped, the rest say what is wrong.
        if all(v is _EMPTY for v in values) and all(_blank(c) for c in rows[offset]):
            continue
        row_no = first + offset
        bad = False
        clean: dict[str, Any] = {}
        for name, v, req, header in zip(names, values, required, headers, strict=True):
            if v is _EMPTY:
                if req:
                    if len(errors) < MAX_ERRORS:
                        errors.append(RowError(row_no, header, "", "不能为空"))
                    bad = True
                clean[name] = None
            elif type(v) is _Bad:
                if len(errors) < MAX_ERRORS:
                    errors.append(RowError(row_no, header, v.text, v.reason))
                bad = True
            else:
                clean[name] = v
        if not bad:
            clean.update(absent)
            out_rows.append(clean)
            out_nums.append(row_no)
    if progress is not None:
        progress(total, total)
    return result


def _add(result: Parsed, error: RowError) -> None:
    if len(result.errors) < MAX_ERRORS:
        result.errors.append(error)


def read_frame(path: str | Path) -> pd.DataFrame:
    """The table as a pandas DataFrame of text, for code that prefers frames."""
    import pandas as pd

    t = read_table(path)
    return pd.DataFrame(t.rows, columns=t.headers, dtype=str)
