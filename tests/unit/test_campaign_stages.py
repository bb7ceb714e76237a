"""Stage pipeline rules (DOMAIN.md §3)."""

from __future__ import annotations

import pytest

from shopdesk.campaigns import stages
from shopdesk.campaigns.stages import StageFacts, allowed_targets, check_transition, next_stage
from shopdesk.errors import InvalidInput

OFFICIAL = StageFacts(kind="official")
OWN = StageFacts(kind="own")
DONE = StageFacts(kind="official", has_actuals=True, has_summary=True)


def test_stages_match_the_model_columns() -> None:
    from shopdesk.campaigns import models

    assert stages.STAGES == models.STAGES
    assert stages.END_STAGES == models.END_STAGES
    assert set(stages.STAGE_LABELS) == set(stages.ALL_STAGES) == set(stages.STAGE_COLOURS)


def test_official_pipeline_in_order() -> None:
    seen = ["planned"]
    while (nxt := next_stage(seen[-1], "official")) is not None:
        seen.append(nxt)
    assert [stages.label(s) for s in seen] == [
        "计划", "已报名", "已通过", "备货", "已通知", "页面设计", "推广准备", "进行中", "已总结",
    ]  # fmt: skip


def test_own_activity_skips_signup() -> None:
    assert next_stage("planned", "own") == "stock_prepared"
    with pytest.raises(InvalidInput, match="不需要报名"):
        check_transition("planned", "registered", OWN)
    check_transition("planned", "stock_prepared", OWN)


def test_rejected_needs_registration_and_reason() -> None:
    with pytest.raises(InvalidInput, match="原因"):
        check_transition("registered", "rejected", OFFICIAL, reason="  ")
    with pytest.raises(InvalidInput, match="已报名"):
        check_transition("planned", "rejected", OFFICIAL, reason="价格")
    check_transition("registered", "rejected", OFFICIAL, reason="销量门槛不够")


def test_official_must_be_approved_before_stock() -> None:
    with pytest.raises(InvalidInput, match="已通过"):
        check_transition("registered", "stock_prepared", OFFICIAL)
    with pytest.raises(InvalidInput, match="已通过"):
        check_transition("planned", "live", OFFICIAL)
    check_transition("planned", "approved", OFFICIAL)  # approval implies the sign-up
    check_transition("approved", "page_designed", OFFICIAL)  # skipping after approval is fine


def test_reviewed_needs_actuals_and_summary() -> None:
    with pytest.raises(InvalidInput, match="实际销售额和实际成本、活动总结"):
        check_transition("live", "reviewed", OFFICIAL)
    with pytest.raises(InvalidInput, match="活动总结"):
        check_transition("live", "reviewed", StageFacts(has_actuals=True))
    check_transition("live", "reviewed", DONE)


def test_back_one_step_only() -> None:
    check_transition("page_designed", "notified", OFFICIAL)
    with pytest.raises(InvalidInput, match="上一个阶段"):
        check_transition("page_designed", "approved", OFFICIAL)


def test_end_stages() -> None:
    check_transition("live", "cancelled", OFFICIAL)
    with pytest.raises(InvalidInput, match="不能取消"):
        check_transition("reviewed", "cancelled", DONE)
    with pytest.raises(InvalidInput, match="重新设为"):
        check_transition("rejected", "registered", OFFICIAL)
    check_transition("rejected", "planned", OFFICIAL)
    check_transition("cancelled", "planned", OFFICIAL)
    assert not stages.is_active("rejected") and stages.is_active("live")


def test_same_and_unknown_stage() -> None:
    with pytest.raises(InvalidInput, match="已经是"):
        check_transition("live", "live", OFFICIAL)
    with pytest.raises(InvalidInput, match="未知"):
        check_transition("live", "party", OFFICIAL)
    with pytest.raises(InvalidInput):
        stages.stage_index("party")


def test_allowed_targets_for_buttons() -> None:
    assert allowed_targets("registered", OFFICIAL) == [
        "planned", "approved", "rejected", "cancelled",
    ]  # fmt: skip
    assert "reviewed" not in allowed_targets("live", OFFICIAL)
    assert "reviewed" in allowed_targets("live", DONE)
    assert stages.stage_index("cancelled") > stages.stage_index("reviewed")
