"""Problems a new user met in the campaign dialog (QA walk-through), typed as a user would."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from shopdesk.auth.actor import Actor
from shopdesk.campaigns import service as svc
from shopdesk.campaigns.rows import CampaignInput, SkuInput
from shopdesk.db.engine import Database
from shopdesk.inventory.models import Product
from shopdesk.ui.campaigns.dialog import CampaignDialog
from shopdesk.ui.context import UiContext

D11 = CampaignInput(
    name="双11主会场",
    kind="official",
    platform="天猫",
    start=date(2026, 11, 1),
    end=date(2026, 11, 11),
    signup_deadline=date(2026, 10, 10),
    discount_text="8折",
)


@pytest.fixture
def product(db: Database) -> int:
    with db.write() as s:
        p = Product(sku="A1", name="保温杯", price=D("100"), cost_price=D("50"), lead_time_days=10)
        s.add(p)
        s.flush()
        return p.id


def _dialog(qtbot, ctx: UiContext, cid: int) -> CampaignDialog:  # type: ignore[no-untyped-def]
    dlg = CampaignDialog(ctx, cid)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_profit_check_answers_while_commission_is_typed(
    qtbot, ui_ctx: UiContext, owner: Actor, product: int
) -> None:  # type: ignore[no-untyped-def]
    cid = svc.create_campaign(ui_ctx.db, owner, D11, skus=[SkuInput(product, D("2"))])
    dlg = _dialog(qtbot, ui_ctx, cid)
    dlg.tabs.setCurrentIndex(3)
    page = dlg.profit_page
    assert "不填按 0" in page.commission.placeholderText()  # not a grey "5%" that looks set
    assert page.model.data(page.model.index(0, 6)) == "¥30.00"  # 80 − 50
    qtbot.keyClicks(page.commission, "5%")
    qtbot.keyClicks(page.promotion, "27")
    assert page.model.data(page.model.index(0, 4)) == "¥4.00"
    assert page.model.data(page.model.index(0, 6)) == "¥-1.00"  # 80 − 50 − 4 − 27
    assert page.verdict.text() == "结论: 不建议报名(亏损)"
    page.commission.setText("5%%")
    assert page.verdict.text().startswith("⚠ 佣金比例")


def test_dialog_save_keeps_the_review_typed_on_its_page(
    qtbot, ui_ctx: UiContext, owner: Actor
) -> None:  # type: ignore[no-untyped-def]
    cid = svc.create_campaign(ui_ctx.db, owner, D11)
    dlg = _dialog(qtbot, ui_ctx, cid)
    dlg.tabs.setCurrentIndex(4)
    review = dlg.review_page
    qtbot.keyClicks(review.sales, "150000")
    qtbot.keyClicks(review.cost, "37500")
    assert review.roi.text() == "1:4.00  良好"  # shown while typing, before any save
    review.summary.insertPlainText("预售转化好, 尾款日客服不够")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)  # the big 保存, not 保存总结
    assert review.summary.toPlainText() == "预售转化好, 尾款日客服不够"
    assert review.sales.text() == "150000.00"
    saved = svc.get_campaign(ui_ctx.db, owner, cid).review
    assert (saved.actual_sales, saved.actual_cost) == (D("150000"), D("37500"))
    assert saved.summary == "预售转化好, 尾款日客服不够"


def test_dialog_save_with_a_bad_review_amount_saves_nothing(
    qtbot, ui_ctx: UiContext, owner: Actor
) -> None:  # type: ignore[no-untyped-def]
    cid = svc.create_campaign(ui_ctx.db, owner, D11)
    dlg = _dialog(qtbot, ui_ctx, cid)
    dlg.name.setText("双11 改名")
    qtbot.keyClicks(dlg.review_page.sales, "15w")
    assert dlg.review_page.roi.text() == "—"
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert "活动总结的金额" in dlg.message.text()
    assert svc.get_campaign(ui_ctx.db, owner, cid).campaign.name == "双11主会场"
    assert dlg.findChild(QPushButton, "saveReview") is not None


def test_dialog_save_conflict_names_who_changed_it_and_when(
    qtbot, ui_ctx: UiContext, owner: Actor, supervisor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import shopdesk.ui.campaigns.dialog as dialog_module

    shown: list[str] = []
    monkeypatch.setattr(dialog_module, "show_error", lambda _p, exc: shown.append(str(exc)))
    cid = svc.create_campaign(ui_ctx.db, owner, D11)
    dlg = _dialog(qtbot, ui_ctx, cid)
    # another PC: the supervisor changes the budget while this dialog is open
    svc.update_campaign(ui_ctx.db, supervisor, cid, D11, expected_version=1)
    dlg.name.insert("(改)")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert shown == ["活动已被 主管 于 11-22 10:00 修改 — 请刷新后再改。你的修改没有保存。"]
    assert svc.get_campaign(ui_ctx.db, owner, cid).campaign.name == "双11主会场"


def test_a_save_racing_another_pc_names_the_winner(
    ui_ctx: UiContext, owner: Actor, supervisor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other PC commits between our read and our flush (no version check could see it)."""
    from sqlalchemy.orm import object_session

    from shopdesk.campaigns.models import Campaign
    from shopdesk.errors import StaleRecord

    cid = svc.create_campaign(ui_ctx.db, owner, D11)
    svc.update_campaign(ui_ctx.db, supervisor, cid, D11)
    real_apply = svc._apply

    def racing_apply(c: Campaign, data: CampaignInput, actor: Actor) -> None:
        s = object_session(c)
        assert s is not None
        s.execute(Campaign.__table__.update().values(version=Campaign.version + 1))
        real_apply(c, data, actor)

    monkeypatch.setattr(svc, "_apply", racing_apply)
    with pytest.raises(StaleRecord) as caught:
        svc.update_campaign(ui_ctx.db, owner, cid, D11)
    assert "已被 主管 于 11-22 10:00 修改" in str(caught.value)
