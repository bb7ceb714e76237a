"""The restock formula of DOMAIN.md §2, part by part, with the edge cases of issue 3."""

from __future__ import annotations

import math
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shopdesk.inventory.restock import (
    NO_SUPPLIER,
    RESULT_COLUMNS,
    RestockRow,
    RestockSettings,
    compute,
    default_sheet_date,
    format_days_of_cover,
    group_by_supplier,
    to_rows,
)

D = date(2026, 11, 19)  # a Thursday
S = RestockSettings()


def product(pid: int = 1, **kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "product_id": pid,
        "sku": f"SKU{pid:03d}",
        "name": f"商品{pid}",
        "supplier": "义乌小商品",
        "tier": "regular",
        "hero": False,
        "lead_time_days": 5,
        "case_pack": 1,
        "moq": 0,
        "warning_level": 0,
        "on_hand": 0,
        "active": True,
    }
    base.update(kw)
    return base


def daily_sales(pid: int, per_day: int, days: int = 28, end: date = D) -> list[dict[str, Any]]:
    """`per_day` units on each of the `days` days before `end`."""
    return [
        {"product_id": pid, "day": end - timedelta(days=i), "units": per_day}
        for i in range(1, days + 1)
    ]


def one(
    prod: dict[str, Any],
    sales: list[dict[str, Any]] | None = None,
    on_order: list[dict[str, Any]] | None = None,
    campaigns: list[dict[str, Any]] | None = None,
    st_: RestockSettings = S,
) -> dict[str, Any]:
    out = compute([prod], sales or [], on_order, campaigns, st_, D, only_listed=False)
    assert len(out) == 1
    return {str(k): v for k, v in out.iloc[0].to_dict().items()}


# --- velocity --------------------------------------------------------------------------------


def test_velocity_is_window_sum_over_28() -> None:
    r = one(product(), daily_sales(1, 2))
    assert r["units_in_window"] == 56
    assert r["velocity_days"] == 28
    assert r["velocity"] == pytest.approx(2.0)


def test_days_without_sales_count_as_zero() -> None:
    sales = [{"product_id": 1, "day": D - timedelta(days=3), "units": 14}]
    r = one(product(), sales)
    assert r["velocity"] == pytest.approx(0.5)


def test_sales_outside_window_are_ignored() -> None:
    sales = [
        {"product_id": 1, "day": D, "units": 1000},  # the sheet day itself
        {"product_id": 1, "day": D - timedelta(days=29), "units": 1000},  # one day too old
        {"product_id": 1, "day": D - timedelta(days=28), "units": 28},  # first day of window
        {"product_id": 2, "day": D - timedelta(days=1), "units": 500},  # unknown product
    ]
    r = one(product(), sales)
    assert r["units_in_window"] == 28
    assert r["velocity"] == pytest.approx(1.0)


def test_window_setting_changes_divisor() -> None:
    r = one(product(), daily_sales(1, 3, days=28), st_=RestockSettings(window_days=14))
    assert r["units_in_window"] == 42
    assert r["velocity_days"] == 14


def test_dates_may_be_strings_or_datetime64() -> None:
    sales = pd.DataFrame(daily_sales(1, 2))
    as_str = sales.assign(day=sales["day"].astype(str))
    as_dt = sales.assign(day=pd.to_datetime(sales["day"]))
    for frame in (sales, as_str, as_dt):
        out = compute([product()], frame, None, None, S, D, only_listed=False)
        assert out.loc[0, "units_in_window"] == 56


# --- cover days and need ---------------------------------------------------------------------


@pytest.mark.parametrize(("tier", "safety"), [("hot", 7), ("regular", 4), ("slow", 0)])
def test_cover_days_is_lead_plus_review_plus_safety_by_tier(tier: str, safety: int) -> None:
    r = one(product(tier=tier, lead_time_days=10))
    assert r["safety_days"] == safety
    assert r["cover_days"] == 10 + 7 + safety


def test_safety_and_review_come_from_settings() -> None:
    st_ = RestockSettings(review_days=14, safety_days={"hot": 1, "regular": 2, "slow": 3})
    r = one(product(tier="slow", lead_time_days=10), st_=st_)
    assert r["cover_days"] == 10 + 14 + 3


def test_need_is_ceil_of_demand_minus_stock_and_on_order() -> None:
    # v = 1.5, C = 5 + 7 + 4 = 16 → 24; on hand 5, on order 3 → need 16.
    sales = daily_sales(1, 1) + daily_sales(1, 1, days=14)
    on_order = [{"product_id": 1, "qty": 3, "eta": D + timedelta(days=2)}]
    r = one(product(on_hand=5), sales, on_order)
    assert r["velocity"] == pytest.approx(1.5)
    assert r["need"] == 24 - 5 - 3
    assert r["suggested_qty"] == 16


def test_need_uses_exact_ceiling_not_floats() -> None:
    # 10 units / 28 days × 28 cover days is exactly 10; floats could give 10.000000000000002.
    st_ = RestockSettings(review_days=23, safety_days={"hot": 0, "regular": 0, "slow": 0})
    sales = [{"product_id": 1, "day": D - timedelta(days=1), "units": 10}]
    r = one(product(lead_time_days=5), sales, st_=st_)
    assert r["cover_days"] == 28
    assert r["need"] == 10


def test_lead_time_falls_back_to_supplier_then_default() -> None:
    prods = [
        product(1, lead_time_days=3, supplier_lead_time_days=20),
        product(2, lead_time_days=None, supplier_lead_time_days=20),
        product(3, lead_time_days=None, supplier_lead_time_days=None),
    ]
    out = compute(
        prods, [], None, None, RestockSettings(default_lead_time_days=9), D, only_listed=False
    )
    assert list(out["lead_time"]) == [3, 20, 9]


# --- suggested quantity ----------------------------------------------------------------------


def test_case_pack_one_orders_exactly_the_need() -> None:
    r = one(product(case_pack=1), daily_sales(1, 1))  # C = 16 → need 16
    assert r["suggested_qty"] == 16


def test_need_is_rounded_up_to_whole_cases() -> None:
    r = one(product(case_pack=12), daily_sales(1, 1))  # need 16 → 2 cases
    assert r["need"] == 16
    assert r["suggested_qty"] == 24


def test_moq_larger_than_need_orders_the_moq() -> None:
    r = one(product(case_pack=1, moq=100), daily_sales(1, 1))
    assert r["suggested_qty"] == 100


def test_moq_not_a_case_multiple_is_rounded_up_to_cases() -> None:
    r = one(product(case_pack=12, moq=50), daily_sales(1, 1))
    assert r["suggested_qty"] == 60


def test_moq_does_not_apply_when_nothing_is_needed() -> None:
    r = one(product(moq=100, on_hand=500), daily_sales(1, 1))
    assert r["need"] < 0
    assert r["suggested_qty"] == 0


def test_on_hand_already_enough_is_not_listed() -> None:
    prod = product(on_hand=16, warning_level=5)
    r = one(prod, daily_sales(1, 1))
    assert r["need"] == 0
    assert r["suggested_qty"] == 0
    assert compute([prod], daily_sales(1, 1), None, None, S, D).empty


def test_zero_case_pack_counts_as_one() -> None:
    r = one(product(case_pack=0), daily_sales(1, 1))
    assert r["suggested_qty"] == 16


# --- no sales, new SKU, warning, cover ---------------------------------------------------------


def test_no_sales_gives_infinite_cover_and_no_order() -> None:
    r = one(product(on_hand=3, warning_level=0))
    assert r["velocity"] == 0
    assert math.isinf(r["days_of_cover"])
    assert format_days_of_cover(r["days_of_cover"]) == "∞"
    assert not r["stockout_risk"]
    assert r["suggested_qty"] == 0


def test_new_sku_without_history_is_listed_when_below_warning() -> None:
    new = product(7, tier="hot", warning_level=None, on_hand=0)
    out = compute([new], [], None, None, S, D)
    assert list(out["sku"]) == ["SKU007"]
    row = out.iloc[0]
    assert row["warning_level"] == 50  # hot tier default
    assert bool(row["below_warning"])
    assert row["suggested_qty"] == 0


@pytest.mark.parametrize(("tier", "level"), [("hot", 50), ("regular", 20), ("slow", 5)])
def test_warning_level_defaults_by_tier(tier: str, level: int) -> None:
    r = one(product(tier=tier, warning_level=None, on_hand=level))
    assert r["warning_level"] == level
    assert not r["below_warning"]  # on_hand == level is not below
    r = one(product(tier=tier, warning_level=None, on_hand=level - 1))
    assert r["below_warning"]


def test_explicit_warning_level_beats_tier_default() -> None:
    r = one(product(tier="hot", warning_level=3, on_hand=10))
    assert r["warning_level"] == 3
    assert not r["below_warning"]


def test_days_of_cover_and_stockout_risk() -> None:
    r = one(product(on_hand=8, lead_time_days=5), daily_sales(1, 2))
    assert r["days_of_cover"] == pytest.approx(4.0)
    assert r["stockout_risk"]  # 4 days < 5 days lead time
    r = one(product(on_hand=10, lead_time_days=5), daily_sales(1, 2))
    assert r["days_of_cover"] == pytest.approx(5.0)
    assert not r["stockout_risk"]


# --- on order --------------------------------------------------------------------------------


def test_on_order_counts_only_lines_arriving_by_d_plus_lead_time() -> None:
    lines = [
        {"product_id": 1, "qty": 10, "eta": D + timedelta(days=5)},  # on D + lead: counts
        {"product_id": 1, "qty": 20, "eta": D + timedelta(days=6)},  # too late
        {"product_id": 1, "qty": 4, "eta": D - timedelta(days=3)},  # overdue, still expected
    ]
    r = one(product(lead_time_days=5), [], lines)
    assert r["on_order"] == 14


# --- campaigns -------------------------------------------------------------------------------


def camp(
    start: date, end: date, uplift: float | str = 2, stage: str = "approved", pid: int = 1
) -> dict[str, Any]:
    return {"product_id": pid, "start": start, "end": end, "uplift": uplift, "stage": stage}


def test_campaign_extra_counts_only_overlapping_days() -> None:
    # C = 16: window D .. D+15. Campaign D+10 .. D+30 overlaps 6 days.
    c = camp(D + timedelta(days=10), D + timedelta(days=30), uplift="2.5")
    r = one(product(), daily_sales(1, 1), campaigns=[c])
    assert r["campaign_extra"] == pytest.approx(1 * 1.5 * 6)
    assert r["need"] == 16 + 9


def test_campaign_starting_before_the_sheet_counts_from_d() -> None:
    c = camp(D - timedelta(days=10), D + timedelta(days=1), uplift=3, stage="live")
    r = one(product(), daily_sales(1, 2), campaigns=[c])
    # overlap D, D+1 = 2 days; v = 2 over the days before the campaign (baseline rule)
    assert r["velocity"] == pytest.approx(2.0)
    assert r["campaign_extra"] == pytest.approx(2 * 2 * 2)


def test_campaign_outside_window_adds_nothing() -> None:
    c = camp(D + timedelta(days=16), D + timedelta(days=20))  # C = 16 → last day D+15
    r = one(product(), daily_sales(1, 1), campaigns=[c])
    assert r["campaign_extra"] == 0


@pytest.mark.parametrize("stage", ["cancelled", "rejected"])
def test_cancelled_or_rejected_campaign_adds_nothing(stage: str) -> None:
    c = camp(D, D + timedelta(days=3), stage=stage)
    r = one(product(), daily_sales(1, 1), campaigns=[c])
    assert r["campaign_extra"] == 0


def test_planned_campaign_adds_demand() -> None:
    c = camp(D, D + timedelta(days=3), stage="planned")
    r = one(product(), daily_sales(1, 1), campaigns=[c])
    assert r["campaign_extra"] == pytest.approx(4)


def test_campaign_for_another_sku_adds_nothing() -> None:
    c = camp(D, D + timedelta(days=3), pid=99)
    r = one(product(), daily_sales(1, 1), campaigns=[c])
    assert r["campaign_extra"] == 0


def test_missing_uplift_means_one() -> None:
    c = camp(D, D + timedelta(days=3))
    c["uplift"] = None
    r = one(product(), daily_sales(1, 1), campaigns=[c])
    assert r["campaign_extra"] == 0


def test_two_campaigns_add_up() -> None:
    cs = [
        camp(D, D + timedelta(days=1), uplift=2),
        camp(D + timedelta(days=5), D + timedelta(days=5), uplift=4),
    ]
    r = one(product(), daily_sales(1, 1), campaigns=cs)
    assert r["campaign_extra"] == pytest.approx(2 * 1 + 1 * 3)


# --- baseline rule ---------------------------------------------------------------------------


def spike_sales() -> list[dict[str, Any]]:
    """1 a day, except 50 a day during a 7-day promotion D-10 .. D-4."""
    rows = daily_sales(1, 1)
    for r in rows:
        if D - timedelta(days=10) <= r["day"] <= D - timedelta(days=4):
            r["units"] = 50
    return rows


PAST = camp(D - timedelta(days=10), D - timedelta(days=4), stage="reviewed")


def test_baseline_leaves_campaign_days_out_of_sum_and_divisor() -> None:
    r = one(product(), spike_sales(), campaigns=[PAST])
    assert r["velocity_days"] == 21
    assert r["units_in_window"] == 21
    assert r["velocity"] == pytest.approx(1.0)


def test_baseline_rule_off_keeps_the_spike() -> None:
    r = one(product(), spike_sales(), campaigns=[PAST], st_=RestockSettings(baseline_rule=False))
    assert r["velocity_days"] == 28
    assert r["units_in_window"] == 21 + 7 * 50


def test_baseline_ignores_campaigns_that_never_ran() -> None:
    for stage in ("planned", "registered", "rejected", "cancelled"):
        r = one(product(), spike_sales(), campaigns=[{**PAST, "stage": stage}])
        assert r["velocity_days"] == 28, stage


def test_baseline_uses_all_days_when_whole_window_was_campaign() -> None:
    c = camp(D - timedelta(days=40), D + timedelta(days=2), stage="live")
    r = one(product(), daily_sales(1, 3), campaigns=[c])
    assert r["velocity_days"] == 28
    assert r["velocity"] == pytest.approx(3.0)


def test_baseline_overlapping_campaigns_are_not_double_counted() -> None:
    cs = [PAST, {**PAST, "start": D - timedelta(days=8), "end": D - timedelta(days=2)}]
    r = one(product(), spike_sales(), campaigns=cs)
    assert r["velocity_days"] == 28 - 9  # D-10 .. D-2


# --- listing and order -----------------------------------------------------------------------


def test_sheet_lists_active_skus_with_order_or_below_warning_only() -> None:
    prods = [
        product(1, on_hand=0),  # order
        product(2, on_hand=100, warning_level=200),  # below warning, nothing to order
        product(3, on_hand=100),  # neither
        product(4, on_hand=0, active=False),  # inactive
    ]
    sales = daily_sales(1, 1) + daily_sales(3, 1) + daily_sales(4, 1)
    out = compute(prods, sales, None, None, S, D)
    assert sorted(out["sku"]) == ["SKU001", "SKU002"]
    assert tuple(out.columns) == RESULT_COLUMNS


def test_sheet_is_grouped_by_supplier_hero_first_then_days_of_cover() -> None:
    prods = [
        product(1, supplier="B厂", on_hand=10),
        product(2, supplier="A厂", on_hand=10),
        product(3, supplier="A厂", on_hand=2),
        product(4, supplier="A厂", on_hand=20, hero=True),
        product(5, supplier=None, on_hand=1),
        product(6, supplier="A厂", on_hand=0, hero=True),
    ]
    sales = [s for p in range(1, 7) for s in daily_sales(p, 2)]
    out = compute(prods, sales, None, None, S, D)
    assert list(out["sku"]) == ["SKU006", "SKU004", "SKU003", "SKU002", "SKU001", "SKU005"]
    rows = to_rows(out)
    assert [g for g, _ in group_by_supplier(rows)] == ["A厂", "B厂", NO_SUPPLIER]
    assert all(isinstance(r, RestockRow) for r in rows)


def test_infinite_cover_sorts_last_within_supplier() -> None:
    prods = [product(1, warning_level=10, on_hand=5), product(2, on_hand=0)]
    out = compute(prods, daily_sales(2, 1), None, None, S, D)
    assert list(out["sku"]) == ["SKU002", "SKU001"]


# --- inputs as dataclasses / keyed by sku ----------------------------------------------------


def test_frames_may_be_keyed_by_sku() -> None:
    prod = {k: v for k, v in product().items() if k != "product_id"}
    sales = [{"sku": "SKU001", "day": s["day"], "units": 1} for s in daily_sales(1, 1)]
    out = compute([prod], sales, [{"sku": "SKU001", "qty": 2, "eta": D}], None, S, D)
    r = to_rows(out)[0]
    assert r.product_id is None
    assert r.on_order == 2
    assert r.suggested_qty == 14


def test_empty_inputs() -> None:
    assert compute([], [], [], [], S, D).empty
    assert tuple(compute([], None, None, None, S, D).columns) == RESULT_COLUMNS


def test_duplicate_products_are_refused() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        compute([product(1), product(1)], [], None, None, S, D)


# --- settings and sheet date -----------------------------------------------------------------


def test_settings_round_trip() -> None:
    st_ = RestockSettings(review_days=5, baseline_rule=False)
    assert RestockSettings.from_dict({**st_.as_dict(), "unknown": 1}) == st_


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 16), date(2026, 11, 19)),  # Monday → this Thursday
        (date(2026, 11, 19), date(2026, 11, 19)),  # Thursday itself
        (date(2026, 11, 22), date(2026, 11, 19)),  # Sunday → the Thursday just gone
    ],
)
def test_default_sheet_date_is_this_weeks_restock_day(today: date, expected: date) -> None:
    assert default_sheet_date(today) == expected
    assert default_sheet_date(today, 0) == expected - timedelta(days=3)


# --- properties ------------------------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(
    units=st.lists(st.integers(0, 500), min_size=28, max_size=28),
    on_hand=st.integers(0, 3000),
    case_pack=st.integers(1, 48),
    moq=st.integers(0, 500),
    lead=st.integers(0, 60),
    tier=st.sampled_from(["hot", "regular", "slow"]),
    uplift=st.decimals("0.5", "5", places=3),
    c_from=st.integers(-5, 40),
    c_len=st.integers(0, 20),
)
def test_matches_exact_fraction_formula(
    units: list[int],
    on_hand: int,
    case_pack: int,
    moq: int,
    lead: int,
    tier: str,
    uplift: Any,
    c_from: int,
    c_len: int,
) -> None:
    sales = [
        {"product_id": 1, "day": D - timedelta(days=i + 1), "units": u} for i, u in enumerate(units)
    ]
    # "planned": adds demand but never touches the baseline, which this model leaves out.
    c = camp(
        D + timedelta(days=c_from),
        D + timedelta(days=c_from + c_len),
        uplift=uplift,
        stage="planned",
    )
    r = one(
        product(on_hand=on_hand, case_pack=case_pack, moq=moq, lead_time_days=lead, tier=tier),
        sales,
        campaigns=[c],
    )
    cover = lead + 7 + {"hot": 7, "regular": 4, "slow": 0}[tier]
    v = Fraction(sum(units), 28)
    overlap = max(0, min(c_from + c_len, cover - 1) - max(c_from, 0) + 1)
    extra = v * (Fraction(uplift) - 1) * overlap
    need = math.ceil(v * cover + extra) - on_hand
    assert r["need"] == need
    q = r["suggested_qty"]
    if need <= 0:
        assert q == 0
    else:
        assert q >= need and q >= moq and q % case_pack == 0
        assert q - case_pack < max(need, moq)  # no more than one case too many


def test_twenty_thousand_skus_are_fast() -> None:
    rng = np.random.default_rng(7)
    n = 20_000
    prods = pd.DataFrame(
        {
            "product_id": np.arange(n),
            "sku": [f"S{i:05d}" for i in range(n)],
            "name": "x",
            "supplier": np.array(["A", "B", "C", None], dtype=object)[rng.integers(0, 4, n)],
            "tier": rng.choice(["hot", "regular", "slow"], n),
            "hero": rng.random(n) < 0.05,
            "lead_time_days": rng.integers(3, 30, n),
            "case_pack": rng.integers(1, 24, n),
            "moq": rng.integers(0, 50, n),
            "warning_level": None,
            "on_hand": rng.integers(0, 300, n),
            "active": True,
        }
    )
    days = np.datetime64(D) - np.arange(1, 29)
    sales = pd.DataFrame(
        {
            "product_id": np.repeat(np.arange(n), 28),
            "day": np.tile(days, n),
            "units": rng.integers(0, 20, n * 28),
        }
    )
    camps = pd.DataFrame(
        {
            "product_id": rng.integers(0, n, 2000),
            "start": np.datetime64(D) + rng.integers(-30, 20, 2000),
            "end": np.datetime64(D) + rng.integers(20, 40, 2000),
            "uplift": 1.5,
            "stage": "approved",
        }
    )
    out = compute(prods, sales, None, camps, S, D)  # how fast: benchmarks/restock_sheet.py
    assert len(out) > 0
