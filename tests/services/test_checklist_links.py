"""Live data beside checklist items: hero stock, DSR, and the provider registry."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from shopdesk.checklist import links
from shopdesk.checklist.links import LinkStatus, dsr_score, evaluate, provider
from shopdesk.db.engine import Database
from shopdesk.inventory.models import Product
from shopdesk.metrics.models import DailyMetric

DAY = date(2026, 11, 26)


def add_products(db: Database, rows: list[tuple[str, bool, str, int, int | None]]) -> None:
    with db.write() as s:
        for sku, hero, tier, on_hand, warning in rows:
            s.add(
                Product(
                    sku=sku,
                    name=f"商品{sku}",
                    hero=hero,
                    tier=tier,
                    on_hand=on_hand,
                    warning_level=warning,
                )
            )


def test_hero_stock_counts_heroes_below_their_warning_level(db: Database) -> None:
    assert evaluate(db, ["hero_stock"], DAY)["hero_stock"].text == "尚未设置主推款"
    add_products(
        db,
        [
            ("A1", True, "hot", 49, None),  # tier default 50: below
            ("A2", True, "hot", 50, None),  # at the level: fine
            ("A3", True, "regular", 3, 5),  # own level 5: below
            ("A4", False, "hot", 0, None),  # not a hero
        ],
    )
    st = evaluate(db, ["hero_stock"], DAY)["hero_stock"]
    assert (st.text, st.level, st.target_tab) == ("2 个主推款低于预警量", "bad", "inventory")
    assert "A3 商品A3: 库存 3 / 预警 5" in st.tooltip and "A2" not in st.tooltip
    assert st.target_filter == links.HERO_BELOW_FILTER  # a click shows exactly these in 库存补货
    with db.write() as s:
        s.query(Product).filter(Product.sku == "A3").update({"on_hand": 10})
    st = evaluate(db, ["hero_stock"], DAY)["hero_stock"]
    assert st.text == "1 个主推款低于预警量" and st.target_filter == links.HERO_BELOW_FILTER
    with db.write() as s:
        s.query(Product).filter(Product.sku == "A1").update({"on_hand": 80})
    st = evaluate(db, ["hero_stock"], DAY)["hero_stock"]
    assert (st.text, st.level) == ("主推款库存充足 (3 款)", "ok")


def metric(db: Database, day: date, d: str, s_: str, lg: str) -> None:
    with db.write() as s:
        s.add(
            DailyMetric(
                day=day,
                dsr_description=Decimal(d),
                dsr_service=Decimal(s_),
                dsr_logistics=Decimal(lg),
                after_sales_score=Decimal("4.7"),
            )
        )


def test_dsr_shows_yesterday_and_the_change(db: Database) -> None:
    assert evaluate(db, ["dsr"], DAY)["dsr"].text == "昨日数据未录入"
    metric(db, date(2026, 11, 25), "4.80", "4.85", "4.78")
    st = evaluate(db, ["dsr"], DAY)["dsr"]
    assert st.text == "昨日 DSR 4.81" and "售后综合分 4.70" in st.tooltip
    metric(db, date(2026, 11, 24), "4.82", "4.86", "4.80")
    st = evaluate(db, ["dsr"], DAY)["dsr"]
    assert (st.text, st.level) == ("昨日 DSR 4.81 ↓0.02", "bad")


def test_dsr_score() -> None:
    assert dsr_score(None, None, None) is None
    assert dsr_score(Decimal("4.8"), None, Decimal("4.9")) == Decimal("4.85")


def test_new_providers_plug_in_and_failures_do_not_break(db: Database) -> None:
    @provider("test_ok", "测试")
    def _ok(session: object, day: date) -> LinkStatus:
        return LinkStatus(f"好 {day:%m-%d}")

    @provider("test_boom", "出错")
    def _boom(session: object, day: date) -> LinkStatus:
        raise RuntimeError("boom")

    try:
        got = evaluate(db, ["test_ok", "test_boom", "nope", None], DAY)
        assert got["test_ok"].text == "好 11-26"
        assert got["test_boom"].text == "暂时无法读取"
        assert got["nope"].level == "warn"
        assert links.available()["test_ok"] == "测试"
    finally:
        links._REGISTRY.pop("test_ok", None)
        links._REGISTRY.pop("test_boom", None)


def test_every_default_link_key_has_a_provider() -> None:
    from shopdesk.checklist.defaults import DEFAULT_TEMPLATES

    keys = {t.link_key for t in DEFAULT_TEMPLATES if t.link_key}
    assert keys <= set(links.available())
