"""One day's checklist from templates and records: order, carry-over, progress."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from shopdesk.checklist.dayview import OVERDUE_SECTION, Record, TemplateSpec, build_day
from shopdesk.checklist.defaults import DEFAULT_TEMPLATES
from shopdesk.checklist.recurrence import KINDS, Rule, is_due

TODAY = date(2026, 11, 26)  # a Thursday


def spec(tid: int, section: str, kind: str = "daily", **kw: object) -> TemplateSpec:
    wd = kw.pop("weekdays", frozenset())
    md = kw.pop("month_day", None)
    return TemplateSpec(
        id=tid,
        section=section,
        title=f"item {tid}",
        rule=Rule(kind, wd, md),  # type: ignore[arg-type]
        sort_order=tid,
        **kw,  # type: ignore[arg-type]
    )


def test_rows_grouped_by_section_in_template_order() -> None:
    ts = [
        spec(1, "店铺检查"),
        spec(2, "订单"),
        spec(3, "店铺检查"),
        spec(4, "采购", "weekly", weekdays=frozenset({3})),
        spec(5, "团队", "weekly", weekdays=frozenset({4})),  # Friday: not today
    ]
    view = build_day(ts, [], TODAY, TODAY)
    assert [(r.section, r.template_id) for r in view.rows] == [
        ("店铺检查", 1),
        ("店铺检查", 3),
        ("订单", 2),
        ("采购", 4),
    ]
    assert all(r.status == "open" for r in view.rows)
    assert view.progress.text == "0/4"


def test_records_set_status_and_progress() -> None:
    ts = [spec(1, "A"), spec(2, "A"), spec(3, "B")]
    at = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
    recs = [
        Record(1, TODAY, "done", "小王", at, "ok", Decimal("4.8")),
        Record(3, TODAY, "skipped", "小李", at, "断网"),
        Record(2, TODAY - timedelta(1), "done"),  # yesterday: not today's
    ]
    view = build_day(ts, recs, TODAY, TODAY)
    assert [r.status for r in view.rows] == ["done", "open", "skipped"]
    assert view.rows[0].by_name == "小王"
    assert view.rows[0].value == Decimal("4.8")
    assert view.progress.text == "2/3"
    assert view.sections["A"].text == "1/2"
    assert view.sections["B"].text == "1/1"


def test_rolls_over_item_carried_to_top_until_handled() -> None:
    thu = frozenset({3})
    ts = [spec(1, "店铺检查"), spec(2, "采购", "weekly", weekdays=thu, miss_policy="rolls_over")]
    last_thu, prev_thu = TODAY - timedelta(7), TODAY - timedelta(14)
    view = build_day(ts, [], TODAY, TODAY, carry_from=TODAY - timedelta(20))
    assert [(r.template_id, r.day, r.status, r.carried_over) for r in view.rows] == [
        (2, prev_thu, "overdue", True),
        (2, last_thu, "overdue", True),
        (1, TODAY, "open", False),
        (2, TODAY, "open", False),
    ]
    assert view.progress.text == "0/2"  # carried rows count on their own days
    assert len(view.overdue) == 2
    # tick one and skip the other: both leave the top
    recs = [Record(2, prev_thu, "done"), Record(2, last_thu, "skipped", note="放假")]
    view = build_day(ts, recs, TODAY, TODAY, carry_from=TODAY - timedelta(20))
    assert view.overdue == []


def test_expires_item_never_piles_up_but_shows_missed_on_its_day() -> None:
    ts = [spec(1, "店铺检查")]
    view = build_day(ts, [], TODAY, TODAY)
    assert [r.status for r in view.rows] == ["open"]
    past = build_day(ts, [], TODAY - timedelta(1), TODAY)
    assert [r.status for r in past.rows] == ["missed"]
    assert past.overdue == []


def test_past_day_view_shows_overdue_and_late_ticks() -> None:
    ts = [spec(1, "A", "weekly", weekdays=frozenset({0}), miss_policy="rolls_over"), spec(2, "A")]
    monday = TODAY - timedelta(3)
    late = datetime(2026, 11, 26, 4, tzinfo=UTC)
    view = build_day(ts, [Record(2, monday, "done", "小王", late)], monday, TODAY)
    assert [r.status for r in view.rows] == ["overdue", "done"]
    assert not any(r.carried_over for r in view.rows)
    assert view.rows[1].late


def test_retired_and_not_yet_active_templates() -> None:
    ts = [
        spec(1, "A", retired_on=TODAY),
        spec(2, "A", active_from=TODAY + timedelta(1)),
        spec(3, "A", "weekly", weekdays=frozenset({0}), miss_policy="rolls_over", retired_on=TODAY),
        spec(4, "A", retired_on=TODAY + timedelta(1)),
    ]
    view = build_day(ts, [], TODAY, TODAY)
    assert [r.template_id for r in view.rows] == [4]
    # history before retirement still shows
    old = build_day(ts, [Record(1, TODAY - timedelta(1), "done")], TODAY - timedelta(1), TODAY)
    assert [(r.template_id, r.status) for r in old.rows] == [(1, "done"), (4, "missed")]


def test_carry_over_respects_active_from() -> None:
    ts = [
        spec(
            1,
            "A",
            "weekly",
            weekdays=frozenset({3}),
            miss_policy="rolls_over",
            active_from=TODAY - timedelta(8),
        )
    ]
    view = build_day(ts, [], TODAY, TODAY, carry_from=TODAY - timedelta(60))
    assert [r.day for r in view.overdue] == [TODAY - timedelta(7)]


def test_row_key_and_labels() -> None:
    row = build_day([spec(12, "A")], [], TODAY, TODAY).rows[0]
    assert row.key == "12@2026-11-26"
    assert row.status_label == "待完成"
    assert row.rule_text == "每天"
    assert OVERDUE_SECTION == "逾期未完成"


# --- defaults ----------------------------------------------------------------------------------


def test_defaults_cover_domain_table() -> None:
    assert len(DEFAULT_TEMPLATES) == 19
    sections = list(dict.fromkeys(t.section for t in DEFAULT_TEMPLATES))
    assert sections == ["店铺检查", "订单", "数据", "推广", "客服", "活动", "采购", "团队"]
    for t in DEFAULT_TEMPLATES:
        assert t.kind in KINDS
        assert t.rule.kind == t.kind  # builds a valid Rule
        assert len(t.section) <= 32 and len(t.job) <= 32
    daily = [t for t in DEFAULT_TEMPLATES if t.kind == "daily"]
    assert len(daily) == 12
    assert all(t.miss_policy == "expires" for t in daily)
    assert all(t.miss_policy == "rolls_over" for t in DEFAULT_TEMPLATES if t.kind != "daily")


def test_defaults_links_and_numbers() -> None:
    links = {t.link_key: t for t in DEFAULT_TEMPLATES if t.link_key}
    assert set(links) == {"hero_stock", "dsr", "traffic", "ad_roi"}
    assert links["dsr"].needs_number
    assert "主推款" in links["hero_stock"].title


def test_default_week_has_one_activity_item_each_weekday() -> None:
    activity = [t for t in DEFAULT_TEMPLATES if t.section == "活动"]
    monday = date(2026, 11, 23)
    for i, prefix in enumerate(["周一", "周二", "周三", "周四"]):
        due = [t for t in activity if is_due(t.rule, monday + timedelta(i))]
        assert len(due) == 1 and due[0].title.startswith(prefix)
    assert not any(is_due(t.rule, monday + timedelta(4)) for t in activity)
    monthly = [t for t in DEFAULT_TEMPLATES if t.kind == "monthly"]
    assert [t.month_day for t in monthly] == [1]
