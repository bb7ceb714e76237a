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
