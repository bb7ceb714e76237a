"""Problems a new user met in the campaign dialog (QA walk-through), typed as a user would."""

from __future__ import annotations

import re
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


@pytest.fixture(autouse=True)
def _discard_unsaved(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """qtbot closes left-open dialogs after each test: half-typed edits are discarded then
    instead of asking 保存/放弃/取消 with nobody there to answer; tests asking for
    `real_question` drive the real box (and call `_quiet` before they end)."""
    if "real_question" not in request.fixturenames:
        monkeypatch.setattr(CampaignDialog, "ask_unsaved", lambda self: "discard")


@pytest.fixture
def real_question(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    return lambda: monkeypatch.setattr(CampaignDialog, "ask_unsaved", lambda self: "discard")


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
    (text,) = shown  # the frozen clock ticks: the minute may be 10:00 or 10:01
    assert re.fullmatch(
        r"活动已被 主管 于 11-22 10:0\d 修改 — 请刷新后再改。你的修改没有保存。", text
    )
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
    assert re.search(r"已被 主管 于 11-22 10:0\d 修改", str(caught.value))


def _answer_unsaved(qtbot, text: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """When the 未保存 question comes up, note its text and click the button `text`."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "unsavedBox":
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        (button,) = [b for b in box.buttons() if b.text() == text]
        button.click()

    QTimer.singleShot(0, click)


def test_closing_without_changes_asks_nothing(
    qtbot, ui_ctx: UiContext, owner: Actor, real_question
) -> None:  # type: ignore[no-untyped-def]
    cid = svc.create_campaign(ui_ctx.db, owner, D11)
    dlg = _dialog(qtbot, ui_ctx, cid)
    dlg.activateWindow()
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert not dlg.isVisible()


@pytest.mark.parametrize("how", ["esc", "close_button", "window_close"])
def test_unsaved_changes_are_asked_about_and_cancel_keeps_them(
    qtbot, ui_ctx: UiContext, owner: Actor, how: str, real_question
) -> None:  # type: ignore[no-untyped-def]
    cid = svc.create_campaign(ui_ctx.db, owner, D11)
    dlg = _dialog(qtbot, ui_ctx, cid)
    dlg.activateWindow()
    dlg.budget.insert("5000")
    seen: list[str] = []
    _answer_unsaved(qtbot, "取消", seen)
    if how == "esc":
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    elif how == "close_button":
        (close,) = [b for b in dlg.findChildren(QPushButton) if b.text() == "关闭"]
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    else:
        dlg.close()
    assert seen == ["活动有未保存的修改。要保存吗?"]
    assert dlg.isVisible() and dlg.budget.text() == "5000"
    real_question()  # the test ends: qtbot's close discards


def test_unsaved_changes_save_or_discard(
    qtbot, ui_ctx: UiContext, owner: Actor, real_question
) -> None:  # type: ignore[no-untyped-def]
    cid = svc.create_campaign(ui_ctx.db, owner, D11)
    dlg = _dialog(qtbot, ui_ctx, cid)
    dlg.activateWindow()
    dlg.budget.insert("5000")
    seen: list[str] = []
    _answer_unsaved(qtbot, "保存", seen)
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert not dlg.isVisible()
    assert svc.get_campaign(ui_ctx.db, owner, cid).campaign.budget == D("5000")

    dlg = _dialog(qtbot, ui_ctx, cid)
    dlg.activateWindow()
    dlg.review_page.summary.insertPlainText("写了一半的总结")
    _answer_unsaved(qtbot, "放弃", seen)
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert len(seen) == 2 and not dlg.isVisible()
    assert svc.get_campaign(ui_ctx.db, owner, cid).review.summary is None


def test_a_preset_opens_the_dialog_filled_and_creates_only_on_save(
    qtbot, ui_ctx: UiContext, owner: Actor, real_question
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from shopdesk.ui.campaigns_tab import CampaignsTab

    tab = CampaignsTab(ui_ctx)
    qtbot.addWidget(tab)
    tab.show()
    found: list[CampaignDialog] = []

    def close_untouched() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, CampaignDialog)
        found.append(dlg)
        dlg.grab().save("/tmp/campaign-preset-dialog.png")
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)  # nothing typed: closes without a question

    QTimer.singleShot(0, close_untouched)
    tab.create_preset("double11")
    (dlg,) = found
    assert dlg.name.text() == "2027 双11"  # 2026 双11 is over (today 11-22)
    assert dlg.start.date().toString("yyyy-MM-dd") == "2027-11-01"
    assert dlg.has_signup.isChecked() and "满300减50" in dlg.discount.text()
    assert "请核对日期和预算" in dlg.preset_hint.text()
    assert svc.list_campaigns(ui_ctx.db, owner) == []  # nothing created yet

    def check_and_save() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, CampaignDialog)
        dlg.budget.insert("20000")
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
        found.append(dlg)
        dlg.accept()

    QTimer.singleShot(0, check_and_save)
    tab.create_preset("double11")
    cid = found[-1].campaign_id
    assert cid is not None
    detail = svc.get_campaign(ui_ctx.db, owner, cid)
    assert detail.campaign.budget == D("20000") and detail.campaign.owner_id == owner.id
    assert {t.stage for t in detail.tasks} >= {"registered", "stock_prepared", "page_designed"}
