"""Metrics service: typed-in days, channels, dashboard, summaries, permissions and audit."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlalchemy import select

from shopdesk.audit.models import AuditEntry
from shopdesk.auth.actor import Actor
from shopdesk.db.engine import Database
from shopdesk.errors import InvalidInput, NotFound, PermissionDenied, StaleRecord
from shopdesk.metrics import service as metrics
from shopdesk.metrics.changes import Direction
from shopdesk.metrics.fields import DayFigures
from shopdesk.metrics.install import install
from shopdesk.metrics.roi import RoiTier
from shopdesk.settings import service as settings

D1 = date(2024, 5, 1)
D2 = date(2024, 5, 2)


@pytest.fixture
def mdb(db: Database) -> Database:
    with db.write() as s:
        install(s)
    return db


def _day(day: date, visitors: int, buyers: int, paid: str, **kw: object) -> DayFigures:
    return DayFigures(day, visitors=visitors, paying_buyers=buyers, paid_amount=D(paid), **kw)  # type: ignore[arg-type]


def test_install_is_idempotent(mdb: Database, owner: Actor) -> None:
    with mdb.write() as s:
        assert install(s) == 0
    names = [c.name for c in metrics.list_channels(mdb, owner)]
    assert names == ["直通车", "钻展/引力魔方", "淘宝客", "短信营销"]


def test_save_day_computes_missing_and_audits(mdb: Database, owner: Actor) -> None:
    r = metrics.save_day(mdb, owner, _day(D1, 2000, 65, "5720"), {"直通车": (D("100"), D("450"))})
    assert r.created and set(r.computed) == {"conversion", "aov"} and r.warnings == ()
    got = metrics.get_day(mdb, owner, D1)
    assert got is not None
    assert got.figures.conversion == D("0.0325") and got.figures.aov == D("88.00")
    assert got.channels == {"直通车": (D("100.00"), D("450.00"))}
    assert got.version == 1 and got.source == "form"
    with mdb.read() as s:
        entry = s.execute(
            select(AuditEntry).where(AuditEntry.entity == "daily_metric")
        ).scalar_one()
        assert entry.action == "create" and entry.after["visitors"] == 2000
        assert entry.after["直通车.spend"] == "100"


def test_save_day_update_records_before_and_after(mdb: Database, owner: Actor) -> None:
    metrics.save_day(mdb, owner, _day(D1, 2000, 65, "5720"))
    v = metrics.get_day(mdb, owner, D1)
    assert v is not None
    metrics.save_day(mdb, owner, v.figures.with_values(visitors=2100), expected_version=v.version)
    with mdb.read() as s:
        entry = s.execute(
            select(AuditEntry).where(
                AuditEntry.action == "update", AuditEntry.entity == "daily_metric"
            )
        ).scalar_one()
        assert entry.before == {"visitors": 2000} and entry.after == {"visitors": 2100}


def test_mismatch_in_form_is_warned_and_kept(mdb: Database, owner: Actor) -> None:
    r = metrics.save_day(mdb, owner, _day(D1, 2000, 65, "5720", conversion=D("0.05")))
    assert len(r.warnings) == 1 and "3.25%" in r.warnings[0]
    got = metrics.get_day(mdb, owner, D1)
    assert got is not None and got.figures.conversion == D("0.05")


def test_two_windows_editing_the_same_day(mdb: Database, owner: Actor, supervisor: Actor) -> None:
    metrics.save_day(mdb, owner, _day(D1, 2000, 65, "5720"))
    a = metrics.get_day(mdb, owner, D1)
    b = metrics.get_day(mdb, supervisor, D1)
    assert a is not None and b is not None
    metrics.save_day(mdb, owner, a.figures.with_values(visitors=1), expected_version=a.version)
    with pytest.raises(StaleRecord):
        metrics.save_day(
            mdb, supervisor, b.figures.with_values(visitors=2), expected_version=b.version
        )
    got = metrics.get_day(mdb, owner, D1)
    assert got is not None and got.figures.visitors == 1


def test_future_day_and_unknown_channel_are_refused(mdb: Database, owner: Actor) -> None:
    with pytest.raises(InvalidInput, match="未来"):
        metrics.save_day(mdb, owner, _day(date.today() + timedelta(days=2), 1, 1, "1"))
    with pytest.raises(InvalidInput, match="未知渠道"):
        metrics.save_day(mdb, owner, _day(D1, 1, 1, "1"), {"火星推广": (D(1), D(1))})
    assert metrics.get_day(mdb, owner, D1) is None  # all or nothing


def test_permissions(mdb: Database, staff: Actor, finance: Actor) -> None:
    assert metrics.list_channels(mdb, staff)
    metrics.dashboard(mdb, finance, D1)
    for actor in (staff, finance):
        with pytest.raises(PermissionDenied):
            metrics.save_day(mdb, actor, _day(D1, 1, 1, "1"))
        with pytest.raises(PermissionDenied):
            metrics.add_channel(mdb, actor, "抖音")


def test_channels_add_retire_revive(mdb: Database, owner: Actor) -> None:
    ch = metrics.add_channel(mdb, owner, " 抖音推广 ")
    assert ch.name == "抖音推广" and ch.sort_order > 3
    with pytest.raises(InvalidInput, match="已存在"):
        metrics.add_channel(mdb, owner, "ZTC")  # alias of 直通车
    with pytest.raises(InvalidInput):
        metrics.add_channel(mdb, owner, "  ")
    metrics.set_channel_active(mdb, owner, ch.id, False)
    assert "抖音推广" not in [c.name for c in metrics.list_channels(mdb, owner)]
    assert "抖音推广" in [c.name for c in metrics.list_channels(mdb, owner, include_inactive=True)]
    assert metrics.add_channel(mdb, owner, "抖音推广").active
    with pytest.raises(NotFound):
        metrics.set_channel_active(mdb, owner, 9999, False)


def test_delete_day(mdb: Database, owner: Actor) -> None:
    metrics.save_day(mdb, owner, _day(D1, 5, 1, "9"), {"淘宝客": (D(1), D(2))})
    metrics.delete_day(mdb, owner, D1)
    assert metrics.get_day(mdb, owner, D1) is None
    with pytest.raises(NotFound):
        metrics.delete_day(mdb, owner, D1)


def _two_days(db: Database, owner: Actor) -> None:
    metrics.save_day(
        db,
        owner,
        _day(D1, 2000, 60, "6000", bounce_rate=D("0.60"), free_shipping_cost=D("100")),
        {"直通车": (D("400"), D("1600")), "淘宝客": (D("100"), D("500"))},
    )
    metrics.save_day(
        db,
        owner,
        _day(D2, 2500, 60, "5000", bounce_rate=D("0.50"), discounts=D("50")),
        {"直通车": (D("400"), D("1199.99")), "淘宝客": (D("100"), D("300"))},
    )


def test_dashboard_cards_and_roi(mdb: Database, owner: Actor) -> None:
    _two_days(mdb, owner)
    dash = metrics.dashboard(mdb, owner, D2 + timedelta(days=3))  # latest day on or before
    assert dash.day == D2 and dash.before == D1 and dash.threshold == D("0.20")
    cards = {c.key: c for c in dash.cards}
    assert cards["visitors"].value_text == "2,500" and cards["visitors"].previous_text == "2,000"
    assert cards["visitors"].change.text == "+25.0%" and cards["visitors"].change.flagged
    assert cards["paid_amount"].change.direction is Direction.DOWN
    assert not cards["paid_amount"].change.flagged  # exactly -16.7 %
    assert cards["bounce_rate"].change.better is True  # bounce went down
    assert "访客数" in dash.flagged and "支付金额" not in dash.flagged
    rois = {c.channel: c for c in dash.channels}
    assert rois["直通车"].roi.tier is RoiTier.FAIL  # 1199.99 / 400 just below 1:3
    assert rois["淘宝客"].roi.tier is RoiTier.PASS
    assert rois["短信营销"].roi.ratio is None
    assert dash.shop.cost == D("550") and dash.shop.sales == D("5000")
    assert dash.shop.tier is RoiTier.EXCELLENT
    period = {c.channel: c for c in dash.period_channels}
    assert (
        period["直通车"].spend == D("800") and period["直通车"].roi.tier is RoiTier.PASS
    )  # 1:3.49
    assert dash.period_shop.cost == D("1000") + D("150")


def test_threshold_setting_changes_flags(mdb: Database, owner: Actor) -> None:
    _two_days(mdb, owner)
    settings.set_value(mdb, owner, "metrics.change_threshold", "0.30")
    dash = metrics.dashboard(mdb, owner, D2)
    assert dash.threshold == D("0.30") and "访客数" not in dash.flagged


def test_dashboard_without_data(mdb: Database, owner: Actor) -> None:
    dash = metrics.dashboard(mdb, owner, D1)
    assert dash.day is None and dash.cards == [] and dash.shop.ratio is None


def test_dashboard_without_day_before(mdb: Database, owner: Actor) -> None:
    metrics.save_day(mdb, owner, _day(D2, 10, 1, "10"))
    dash = metrics.dashboard(mdb, owner, D2)
    assert dash.before is None and dash.flagged == []
    assert all(c.change.direction is Direction.UNKNOWN for c in dash.cards)


def test_day_report_and_summaries(mdb: Database, owner: Actor) -> None:
    _two_days(mdb, owner)
    rows = metrics.day_report(mdb, owner, D1, D2)
    assert [r.figures.day for r in rows] == [D1, D2]
    assert rows[0].flagged == [] and "访客数" in rows[1].flagged
    weeks = metrics.summaries(mdb, owner, D1, D2, "week")
    assert len(weeks) == 1 and weeks[0].visitors == 4500 and weeks[0].ad_spend == D("1000")
    with pytest.raises(InvalidInput):
        metrics.summaries(mdb, owner, D1, D2, "year")
    with pytest.raises(InvalidInput):
        metrics.load_range(mdb, owner, D2, D1)
    assert metrics.data_span(mdb, owner) == (D1, D2)


def test_summary_report_to_xlsx(mdb: Database, owner: Actor, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from shopdesk.io.excel import write_report

    _two_days(mdb, owner)
    report = metrics.summary_report(mdb, owner, D1, D2, "month", "示例小店")
    path = write_report(report, tmp_path / "m.xlsx")
    ws = load_workbook(path).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    header = values[2]
    assert header[0] == "月" and "直通车 ROI" in header and "店铺 ROI" in header
    data = values[3]
    assert data[0] == "2024年05月" and data[header.index("访客数")] == 4500
    assert data[header.index("直通车 ROI")] == "1:3.49 及格"
    assert data[header.index("店铺 ROI")] == "1:9.56"


def test_dashboard_says_when_the_asked_day_has_no_figures(mdb: Database, owner: Actor) -> None:
    metrics.save_day(mdb, owner, _day(D1, 10, 1, "10"))
    metrics.save_day(mdb, owner, _day(D2, 12, 1, "10"))
    later = D2 + timedelta(days=3)
    dash = metrics.dashboard(mdb, owner, later)
    assert dash.requested == later and dash.requested_missing
    assert dash.day == D2 and dash.before == D1
    assert not metrics.dashboard(mdb, owner, D2).requested_missing


def test_dashboard_compares_with_the_latest_earlier_day_across_a_gap(
    mdb: Database, owner: Actor
) -> None:
    metrics.save_day(mdb, owner, _day(D1, 10, 1, "10"))
    gap = D1 + timedelta(days=4)
    metrics.save_day(mdb, owner, _day(gap, 20, 1, "10"))
    dash = metrics.dashboard(mdb, owner, gap)
    assert dash.before == D1
    (visitors,) = [c for c in dash.cards if c.key == "visitors"]
    assert visitors.previous_text == "10" and visitors.change.flagged
