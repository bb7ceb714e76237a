"""Conversion, AOV and pages per visit: computed when missing, checked when present."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from shopdesk.metrics.derive import (
    Tolerance,
    average_order_value,
    conversion,
    derive,
    pages_per_visit,
)
from shopdesk.metrics.fields import DayFigures

DAY = date(2024, 5, 1)


def test_definitions() -> None:
    assert conversion(65, 2000) == D("0.0325")
    assert average_order_value(D("5720.00"), 65) == D("88.00")
    assert pages_per_visit(5000, 2000) == D("2.5000")


def test_zero_or_missing_denominator_gives_none() -> None:
    assert conversion(5, 0) is None
    assert conversion(None, 10) is None
    assert average_order_value(D("10"), 0) is None
    assert pages_per_visit(10, None) is None


def test_missing_figures_are_computed() -> None:
    d = derive(
        DayFigures(DAY, visitors=2000, page_views=5000, paying_buyers=65, paid_amount=D("5720"))
    )
    assert d.figures.conversion == D("0.0325")
    assert d.figures.aov == D("88.00")
    assert d.figures.pages_per_visit == D("2.5")
    assert set(d.computed) == {"conversion", "aov", "pages_per_visit"}
    assert d.warnings == ()


def test_stated_figure_within_display_rounding_is_accepted() -> None:
    # 67 / 2000 = 3.35 %; the platform shows 3.35 %
    d = derive(DayFigures(DAY, visitors=2000, paying_buyers=67, conversion=D("0.0335")))
    assert d.warnings == ()
    assert d.computed == ()
    # 1/3 shown as 33.33 %
    d = derive(DayFigures(DAY, visitors=3, paying_buyers=1, conversion=D("0.3333")))
    assert d.warnings == ()


def test_mismatch_is_a_warning_and_keeps_the_stated_value() -> None:
    d = derive(DayFigures(DAY, visitors=2000, paying_buyers=65, conversion=D("0.0400")))
    assert d.figures.conversion == D("0.0400")
    assert [w.key for w in d.warnings] == ["conversion"]
    assert "3.25%" in str(d.warnings[0]) and "4.00%" in str(d.warnings[0])


def test_aov_mismatch_edge() -> None:
    base = DayFigures(DAY, paying_buyers=100, paid_amount=D("10000.00"))
    assert derive(base.with_values(aov=D("101.00"))).warnings == ()  # exactly 1 %
    assert [w.key for w in derive(base.with_values(aov=D("101.01"))).warnings] == ["aov"]


def test_custom_tolerance() -> None:
    # 0.0328 is 0.9 % away from 0.0325: inside the default 1 %, outside a strict tolerance
    day = DayFigures(DAY, visitors=2000, paying_buyers=65, conversion=D("0.0328"))
    assert derive(day).warnings == ()
    strict = {"conversion": Tolerance(D("0"), D("0"))}
    assert [w.key for w in derive(day, strict).warnings] == ["conversion"]


def test_impossible_counts_are_warned() -> None:
    d = derive(DayFigures(DAY, visitors=10, page_views=5, paying_buyers=12, orders=11))
    assert {w.key for w in d.warnings} == {"paying_buyers", "orders", "page_views"}
