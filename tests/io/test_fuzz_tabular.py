"""Whatever a user feeds the importers, the reader answers with a Table or a clear InvalidInput."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopdesk.errors import InvalidInput
from shopdesk.io.fields import parse_date
from shopdesk.io.tabular import Field, parse_table, read_table

FIELDS = [Field("sku", ("SKU编码",)), Field("units", ("销量",), int, required=False)]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".xls", ".txt"]))
def test_random_bytes_never_crash(tmp_path: Path, data: bytes, suffix: str) -> None:
    f = tmp_path / f"x{suffix}"
    f.write_bytes(data)
    try:
        table = read_table(f)
    except InvalidInput:
        return
    try:
        parsed = parse_table(table, FIELDS)
    except InvalidInput:
        return
    for err in parsed.errors:
        assert err.row >= 2 and err.column


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(st.tuples(st.text(max_size=30), st.text(max_size=12)), min_size=0, max_size=30),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
)
def test_any_text_csv_in_any_supported_encoding(
    tmp_path: Path, rows: list[tuple[str, str]], encoding: str
) -> None:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["SKU编码", "销量"])
    w.writerows(rows)
    f = tmp_path / "x.csv"
    try:
        f.write_bytes(buf.getvalue().encode(encoding))
    except UnicodeEncodeError:
        return
    try:
        parsed = parse_table(read_table(f), FIELDS)
    except InvalidInput:
        return
    assert len(parsed.rows) + len({e.row for e in parsed.errors}) <= len(rows)


def test_formula_cells_stay_text(tmp_path: Path) -> None:
    f = tmp_path / "x.csv"
    f.write_text('SKU编码,销量\n"=HYPERLINK(""http://x"")",1\n', encoding="utf-8")
    parsed = parse_table(read_table(f), FIELDS)
    assert parsed.rows[0]["sku"] == '=HYPERLINK("http://x")'


@given(st.text(max_size=20))
def test_dates_parse_or_say_why(text: str) -> None:
    try:
        parse_date(text)
    except ValueError as exc:
        assert str(exc)


CELL = st.one_of(
    st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=15),  # xlsx cannot hold Cc
    st.sampled_from(["=1+1", "@SUM(A1)", "-3", "１２", "2024/1/5", "45301", "是", "<b>x</b>", ""]),
    st.integers(-(10**12), 10**12).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=st.sampled_from(["products", "stock", "sales", "po"]),
    titles=st.integers(0, 2),
    data=st.data(),
    as_xlsx=st.booleans(),
)
def test_random_sheets_through_every_inventory_kind(
    tmp_path: Path, kind: str, titles: int, data: st.DataObject, as_xlsx: bool
) -> None:
    """Title rows (merged cells), any column order, any cell: rows parse or name row and column."""
    from openpyxl import Workbook

    from shopdesk.inventory.importers import FIELDS as KINDS
    from shopdesk.inventory.importers import parse_file

    fields = KINDS[kind]
    headers = data.draw(st.permutations([f.label or f.name for f in fields]))
    rows = data.draw(
        st.lists(st.lists(CELL, min_size=len(headers), max_size=len(headers)), max_size=12)
    )
    grid = [["报表标题 2024-01"] + [""] * (len(headers) - 1)] * titles + [headers, *rows]
    f = tmp_path / ("x.xlsx" if as_xlsx else "x.csv")
    if as_xlsx:
        wb = Workbook()
        ws = wb.active
        assert ws is not None
        for r in grid:
            ws.append([c or None for c in r])
        for i in range(titles):
            ws.merge_cells(start_row=i + 1, start_column=1, end_row=i + 1, end_column=len(headers))
        wb.save(f)
    else:
        import csv

        with f.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(grid)
    try:
        parsed = parse_file(kind, f)
    except InvalidInput as exc:
        assert "缺少必需的列" not in str(exc)  # the header is always found under the titles
        return
    first, last = titles + 2, titles + 1 + len(rows)
    assert parsed.columns  # found the real header
    for err in parsed.errors:
        assert first <= err.row <= last and err.column in headers, err
    assert all(first <= n <= last for n in parsed.row_numbers)
