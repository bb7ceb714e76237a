"""Importing the platform's daily export sheets: encodings, shapes, bad cells, re-import."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shopdesk.auth.actor import Actor
from shopdesk.db.engine import Database
from shopdesk.errors import ImportRejected, InvalidInput, PermissionDenied
from shopdesk.metrics import service as metrics
from shopdesk.metrics.install import install
from shopdesk.metrics.models import AdChannel, ChannelDaily, DailyMetric

SAMPLES = Path(__file__).parent / "samples" / "metrics"


@pytest.fixture
def mdb(db: Database) -> Database:
    with db.write() as s:
        install(s)
    return db


def _count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_utf8_month_with_percent_text(mdb: Database, owner: Actor) -> None:
    r = metrics.import_file(mdb, owner, SAMPLES / "daily_utf8.csv")
    assert r.stored and r.ok
    assert (r.first_day, r.last_day, r.day_count) == (date(2024, 10, 1), date(2024, 10, 31), 31)
    assert r.new_days == 31 and r.updated_days == 0 and r.channel_rows == 62
    day = metrics.get_day(mdb, owner, date(2024, 10, 1))
    assert day is not None
    f = day.figures
    assert (f.visitors, f.page_views, f.paying_buyers, f.orders) == (2163, 6603, 65, 65)
    assert f.paid_amount == D("4742.40")
    assert f.conversion == D("0.0301") and f.bounce_rate == D("0.6897")
    assert f.aov == D("72.96") and f.dsr_description == D("4.8312")
    assert day.channels["直通车"] == (D("230.84"), D("830.35"))
    assert day.channels["淘宝客"] == (D("59.50"), D("395.01"))
    assert day.source == "import"


def test_reimport_upserts_instead_of_doubling(mdb: Database, owner: Actor) -> None:
    metrics.import_file(mdb, owner, SAMPLES / "daily_utf8.csv")
    again = metrics.import_file(mdb, owner, SAMPLES / "daily_utf8.csv")
    assert again.new_days == 0 and again.updated_days == 31
    assert _count(mdb, DailyMetric) == 31
    assert _count(mdb, ChannelDaily) == 62
    with mdb.read() as s:
        assert (
            s.scalar(select(DailyMetric.version).where(DailyMetric.day == date(2024, 10, 1))) == 2
        )


def test_bom_file(mdb: Database, owner: Actor) -> None:
    r = metrics.import_file(mdb, owner, SAMPLES / "daily_bom.csv")
    assert r.day_count == 7 and "统计日期" in r.columns


def test_gbk_file_with_other_header_names_and_decimal_ratios(mdb: Database, owner: Actor) -> None:
    r = metrics.import_file(mdb, owner, SAMPLES / "daily_gbk.csv")
    assert r.day_count == 10 and r.ok
    assert r.columns["成交人数"] == "支付买家数" and r.columns["钻展消耗"] == "钻展/引力魔方 花费"
    day = metrics.get_day(mdb, owner, date(2024, 10, 2))
    assert day is not None
    assert day.figures.conversion == D("0.0230") and day.figures.bounce_rate == D("0.6669")
    assert day.figures.paid_amount == D("5091.35") and day.figures.pages_per_visit == D("2.58")
    assert day.channels["钻展/引力魔方"] == (D("88.00"), D("301.50"))


def test_xlsx_file(mdb: Database, owner: Actor, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb2 = Workbook()
    ws2 = wb2.active
    ws2.append(["统计日期", "访客数", "支付买家数", "支付金额", "支付转化率", "直通车花费"])
    ws2.append([date(2024, 9, 1), 1000, 30, 2700.5, 0.03, 100])
    ws2.append(["2024-09-02", 1100, 33, "2970.00", "3.00%", 110.25])
    path = tmp_path / "export.xlsx"
    wb2.save(path)
    r = metrics.import_file(mdb, owner, path)
    assert r.day_count == 2
    day = metrics.get_day(mdb, owner, date(2024, 9, 1))
    assert day is not None
    assert day.figures.paid_amount == D("2700.50") and day.figures.conversion == D("0.03")
    assert day.figures.aov == D("90.02")  # computed: 2700.50 / 30
    assert day.channels["直通车"] == (D("100.00"), D("0.00"))


def test_malformed_numbers_are_reported_per_row_and_nothing_is_stored(
    mdb: Database, owner: Actor
) -> None:
    with pytest.raises(ImportRejected) as exc:
        metrics.import_file(mdb, owner, SAMPLES / "bad_numbers.csv")
    errors = {(e.row, e.column): e for e in exc.value.errors}
    assert set(errors) == {
        (3, "访客数"),  # 12.5
        (4, "浏览量"),  # abc
        (4, "支付金额"),  # three decimals
        (5, "统计日期"),  # month 13
        (6, "支付买家数"),  # negative
        (6, "支付转化率"),  # 130 %
        (7, "统计日期"),  # same day as row 2
    }
    assert errors[(3, "访客数")].value == "12.5"
    assert errors[(4, "浏览量")].reason
    assert "第 2 行" in errors[(7, "统计日期")].reason
    assert _count(mdb, DailyMetric) == 0 and _count(mdb, ChannelDaily) == 0


def test_preview_reports_errors_without_raising_or_storing(mdb: Database, owner: Actor) -> None:
    r = metrics.preview_import(mdb, owner, SAMPLES / "bad_numbers.csv")
    assert not r.ok and not r.stored and len(r.errors) == 7
    assert "未保存" in r.summary()
    good = metrics.preview_import(mdb, owner, SAMPLES / "daily_utf8.csv")
    assert good.ok and not good.stored and good.new_days == 31 and len(good.preview) == 31
    assert "将导入 31 天" in good.summary()
    assert _count(mdb, DailyMetric) == 0


def test_dry_run_stores_nothing(mdb: Database, owner: Actor) -> None:
    r = metrics.import_file(mdb, owner, SAMPLES / "daily_utf8.csv", dry_run=True)
    assert r.ok and not r.stored and _count(mdb, DailyMetric) == 0


def test_full_width_digits_are_accepted_on_purpose(
    mdb: Database, owner: Actor, tmp_path: Path
) -> None:
    p = tmp_path / "fw.csv"
    p.write_text(
        "统计日期,访客数,支付金额\n2024-10-07,０１３００,３４５６.００\n", encoding="utf-8"
    )
    metrics.import_file(mdb, owner, p)
    day = metrics.get_day(mdb, owner, date(2024, 10, 7))
    assert day is not None and day.figures.visitors == 1300


def test_mismatched_conversion_is_a_warning_not_an_overwrite(mdb: Database, owner: Actor) -> None:
    r = metrics.import_file(mdb, owner, SAMPLES / "mismatch.csv")
    assert [(w.row, w.column) for w in r.warnings] == [(2, "支付转化率"), (3, "客单价")]
    assert "3.25%" in r.warnings[0].reason
    day = metrics.get_day(mdb, owner, date(2024, 10, 1))
    assert day is not None and day.figures.conversion == D("0.04")


def test_channel_sheet_adds_unknown_channels(mdb: Database, owner: Actor) -> None:
    preview = metrics.preview_import(mdb, owner, SAMPLES / "channels.csv")
    assert preview.shape == "channel" and preview.new_channels == ["抖音推广"]
    r = metrics.import_file(mdb, owner, SAMPLES / "channels.csv")
    assert r.channel_rows == 28 and r.day_count == 7
    names = [c.name for c in metrics.list_channels(mdb, owner)]
    assert names[-1] == "抖音推广" and "钻展/引力魔方" in names
    day = metrics.get_day(mdb, owner, date(2024, 10, 2))
    assert day is not None
    assert day.channels["直通车"] == (D("310.00"), D("1255.50"))
    assert day.channels["钻展/引力魔方"] == (D("120.00"), D("401.00"))
    assert _count(mdb, DailyMetric) == 0  # a channel sheet holds no shop figures


def test_channel_sheet_does_not_erase_shop_figures(mdb: Database, owner: Actor) -> None:
    metrics.import_file(mdb, owner, SAMPLES / "daily_utf8.csv")
    metrics.import_file(mdb, owner, SAMPLES / "channels.csv")
    day = metrics.get_day(mdb, owner, date(2024, 10, 1))
    assert day is not None and day.figures.visitors == 2163
    assert set(day.channels) == {"直通车", "淘宝客", "钻展/引力魔方", "短信营销", "抖音推广"}
    assert day.channels["直通车"] == (D("300.00"), D("1200.50"))  # replaced by the later file


def test_empty_cell_keeps_known_value(mdb: Database, owner: Actor, tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text("统计日期,访客数,DSR服务\n2024-10-01,1000,4.81\n", encoding="utf-8")
    metrics.import_file(mdb, owner, p)
    p.write_text("统计日期,访客数,DSR服务\n2024-10-01,1200,\n", encoding="utf-8")
    metrics.import_file(mdb, owner, p)
    day = metrics.get_day(mdb, owner, date(2024, 10, 1))
    assert day is not None and day.figures.visitors == 1200 and day.figures.dsr_service == D("4.81")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("访客数,支付金额\n100,20\n", "统计日期"),
        ("统计日期,备注\n2024-10-01,x\n", "没有找到可导入的数据列"),
        ("统计日期,访客数,UV\n2024-10-01,1,1\n", "重复"),
        ("日期,渠道,成交金额\n2024-10-01,直通车,5\n", "花费"),
        ("统计日期,访客数\n", "没有数据行"),
        ("统计日期,访客数\n2999-01-01,5\n", "未来日期"),
    ],
)
def test_unusable_files_are_one_clear_message(
    mdb: Database, owner: Actor, tmp_path: Path, content: str, message: str
) -> None:
    p = tmp_path / "x.csv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput, match=message):
        metrics.import_file(mdb, owner, p)


def test_staff_may_not_import(mdb: Database, staff: Actor) -> None:
    with pytest.raises(PermissionDenied):
        metrics.import_file(mdb, staff, SAMPLES / "daily_utf8.csv")


def test_import_is_audited_once(mdb: Database, owner: Actor) -> None:
    from shopdesk.audit.models import AuditEntry

    metrics.import_file(mdb, owner, SAMPLES / "daily_utf8.csv")
    with mdb.read() as s:
        rows = (
            s.execute(select(AuditEntry).where(AuditEntry.entity == "metrics_import"))
            .scalars()
            .all()
        )
        assert len(rows) == 1
        assert rows[0].after["days"] == 31 and rows[0].user_name == owner.name


def test_channels_table_untouched_by_daily_only_sheet(
    mdb: Database, owner: Actor, tmp_path: Path
) -> None:
    p = tmp_path / "d.csv"
    p.write_text("统计日期,访客数\n2024-10-01,5\n", encoding="utf-8")
    metrics.import_file(mdb, owner, p)
    assert _count(mdb, AdChannel) == 4 and _count(mdb, ChannelDaily) == 0


def test_dashes_in_a_gbk_export_are_no_value_or_zero(mdb: Database, owner: Actor) -> None:
    """生意参谋 writes "-" (others "--", "—") where there is no figure: a rate, average or score
    is then unknown (derived when it can be), a count or amount is 0."""
    r = metrics.import_file(mdb, owner, SAMPLES / "dashes_gbk.csv")
    assert r.stored and r.ok and r.day_count == 4
    assert "直通车ROI" in r.ignored  # ROI is computed, never read
    quiet = metrics.get_day(mdb, owner, date(2024, 11, 11))  # shop closed for the day
    assert quiet is not None
    f = quiet.figures
    assert (f.visitors, f.paying_buyers, f.orders, f.paid_amount) == (0, 0, 0, D("0.00"))
    assert f.conversion is None and f.aov is None and f.bounce_rate is None  # not 0 %
    assert f.dsr_description is None
    assert quiet.channels["直通车"] == (D("0.00"), D("0.00"))
    long_dash = metrics.get_day(mdb, owner, date(2024, 11, 12))
    assert long_dash is not None
    assert long_dash.figures.paying_buyers == 0 and long_dash.figures.paid_amount == D("0.00")
    assert long_dash.figures.bounce_rate == D("0.7003")
    first = metrics.get_day(mdb, owner, date(2024, 11, 9))
    assert first is not None
    assert first.channels["钻展/引力魔方"] == (D("0.00"), D("0.00"))
    assert first.channels["直通车"] == (D("230.84"), D("830.35"))


def test_a_dash_does_not_erase_a_known_score(mdb: Database, owner: Actor, tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text("统计日期,访客数,DSR服务\n2024-10-01,1000,4.81\n", encoding="utf-8")
    metrics.import_file(mdb, owner, p)
    p.write_text("统计日期,访客数,DSR服务\n2024-10-01,1200,-\n", encoding="utf-8")
    metrics.import_file(mdb, owner, p)
    day = metrics.get_day(mdb, owner, date(2024, 10, 1))
    assert day is not None and day.figures.dsr_service == D("4.81")


def test_dashes_in_a_channel_sheet_are_zero_spend_and_sales(mdb: Database, owner: Actor) -> None:
    r = metrics.import_file(mdb, owner, SAMPLES / "channels_dashes.csv")
    assert r.stored and r.channel_rows == 4
    day = metrics.get_day(mdb, owner, date(2024, 11, 10))
    assert day is not None
    assert day.channels["直通车"] == (D("0.00"), D("0.00"))
    assert day.channels["短信营销"] == (D("12.00"), D("0.00"))


def test_real_garbage_beside_dashes_is_still_rejected_with_reasons(
    mdb: Database, owner: Actor
) -> None:
    with pytest.raises(ImportRejected) as exc:
        metrics.import_file(mdb, owner, SAMPLES / "dashes_and_garbage.csv")
    found = {(e.row, e.column, e.value) for e in exc.value.errors}
    assert found == {
        (3, "访客数", "-5"),
        (4, "支付金额", "N/A"),
        (5, "支付转化率", "-%"),
        (6, "访客数", "1-2"),
        (6, "客单价", "8-1"),
        (7, "支付转化率", "—2%"),
    }
    assert all(e.reason for e in exc.value.errors)
    assert _count(mdb, DailyMetric) == 0
