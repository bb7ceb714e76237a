"""The corpus in tests/io/nasty/ through every importer: a clear answer, never a crash, and
either the whole file is stored or nothing is."""

from pathlib import Path

import pytest
from sqlalchemy import func, select

from shopdesk.auth.actor import Actor
from shopdesk.db.base import Base
from shopdesk.db.engine import Database
from shopdesk.errors import InvalidInput, ShopDeskError
from shopdesk.inventory.importers import FIELDS, parse_file, run_import
from shopdesk.io.tabular import parse_table, read_table

NASTY = Path(__file__).parent / "nasty"
FILES = sorted(p for p in NASTY.iterdir() if p.suffix != ".py")


def _counts(db: Database) -> dict[str, int]:
    with db.read() as s:
        return {
            t.name: s.execute(select(func.count()).select_from(t)).scalar_one()
            for t in Base.metadata.sorted_tables
        }


def test_the_corpus_is_there() -> None:
    assert len(FILES) >= 25


@pytest.mark.parametrize("kind", sorted(FIELDS))
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_parses_or_is_refused_in_words(path: Path, kind: str) -> None:
    try:
        parsed = parse_file(kind, path)
    except InvalidInput as exc:
        assert str(exc) and "Traceback" not in str(exc)
        return
    for err in parsed.errors:
        assert err.row >= 2 and err.column and err.reason, err


def _metrics(db: Database, actor: Actor, path: Path) -> None:
    from shopdesk.metrics.service import import_file

    import_file(db, actor, path)


def _kpi(db: Database, actor: Actor, path: Path) -> None:
    from shopdesk.kpi.importers import import_file

    import_file(db, actor, path, "2024-01")


def _inventory(kind: str):  # type: ignore[no-untyped-def]
    return lambda db, actor, path: run_import(db, actor, kind, path)


IMPORTERS = {
    **{f"inventory-{k}": _inventory(k) for k in sorted(FIELDS)},
    "metrics": _metrics,
    "kpi": _kpi,
}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_importer_stores_all_or_nothing(path: Path, db: Database, owner: Actor) -> None:
    from shopdesk.kpi.service import open_month

    open_month(db, owner, "2024-01")  # its own, audited action; the file is all-or-nothing
    for name, importer in IMPORTERS.items():
        before = _counts(db)
        try:
            importer(db, owner, path)
        except ShopDeskError as exc:
            assert str(exc), name
            assert _counts(db) == before, f"{name} stored part of {path.name}"


def test_a_title_merged_over_the_header_is_skipped() -> None:
    parsed = parse_file("stock", NASTY / "merged_title.xlsx")
    assert [(r["sku"], r["on_hand"]) for r in parsed.rows] == [("A1", 3), ("A2", 4)]
    assert parsed.row_numbers == [4, 5]  # the rows the user sees in Excel


def test_a_two_level_header_names_the_missing_column() -> None:
    with pytest.raises(InvalidInput, match=r"缺少必需的列.*SKU编码"):
        parse_file("stock", NASTY / "merged_two_level_header.xlsx")


@pytest.mark.parametrize("name", ["gbk.csv", "utf16_bom.csv", "big5.csv"])
def test_encodings_read_or_say_why(name: str) -> None:
    try:
        parsed = parse_file("stock", NASTY / name)
    except InvalidInput as exc:
        assert name == "big5.csv" and "缺少必需的列" in str(exc)
        return
    assert parsed.rows[0]["sku"].startswith("杯子")


def test_formulas_arrive_as_text() -> None:
    parsed = parse_file("stock", NASTY / "formulas.csv")
    skus = [r["sku"] for r in parsed.rows]
    assert '=HYPERLINK("http://x","点")' in skus and "=1+2" in skus and "@SUM(A1)" in skus


def test_dates_every_platform_form_and_the_bad_ones_named() -> None:
    parsed = parse_file("sales", NASTY / "dates.csv")
    bad = {(e.row, e.column) for e in parsed.errors if "重复" not in e.reason}
    assert {c for _r, c in bad} == {"日期"}
    assert {r for r, _c in bad} == {10, 11, 12, 13}  # 12/13, 01/14/2024, Feb 30, 明天
    days = [r["day"].isoformat() for r in parsed.rows]
    assert days == [f"2024-01-{d:02d}" for d in range(5, 13)]


def test_a_huge_cell_is_a_row_error_not_a_crash(tmp_path: Path) -> None:
    f = tmp_path / "huge.csv"
    f.write_text("SKU编码,库存\n" + "长" * 2_000_000 + ",1\nA2,2\n", encoding="utf-8")
    parsed = parse_file("stock", f)
    assert [e.row for e in parsed.errors] == [2] and len(parsed.errors[0].value) <= 80
    assert [r["sku"] for r in parsed.rows] == ["A2"]


@pytest.mark.slow
def test_a_million_row_csv_is_read(tmp_path: Path) -> None:
    f = tmp_path / "big.csv"
    with f.open("w", encoding="utf-8") as fh:
        fh.write("SKU编码,库存\n")
        fh.writelines(f"S{i},{i % 500}\n" for i in range(1_000_000))
    parsed = parse_table(read_table(f), FIELDS["stock"])
    assert len(parsed.rows) == 1_000_000 and not parsed.errors
    assert parsed.row_numbers[-1] == 1_000_001
