"""Scorecard rules of DOMAIN.md §4: the worked example, band edges, validation, property tests."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shopdesk.kpi import carddef
from shopdesk.kpi import scorecard as sc
from shopdesk.kpi.advice import advise
from shopdesk.kpi.cards import after_sales_card, builtin_cards, pre_sales_card
from shopdesk.kpi.scorecard import Band, CardError, ScoreInputError, score

D = Decimal
CARD = after_sales_card()

WORKED = {
    "quality": "优",
    "refund_rate": "4.2%",
    "disputes": "良",
    "teamwork": "优",
    "execution": "中",
    "late": 1,
    "low_reviews": 2,
    "praises": 3,
    "outstanding": 3,
}


def full(**over: object) -> dict[str, object]:
    """All 优, refund 0%, nothing else: 130 points."""
    base: dict[str, object] = {
        "quality": "优",
        "refund_rate": "0",
        "disputes": "优",
        "teamwork": "优",
        "execution": "优",
    }
    base.update(over)
    return base


def test_after_sales_card_is_130_points_with_pass_line_91() -> None:
    assert CARD.max_total == 130
    assert CARD.pass_line == 91


def test_worked_example_from_domain() -> None:
    r = score(CARD, WORKED, "高级售后客服")
    assert [p.points for p in r.items] == [20, 30, 15, 20, 10, 15]
    assert r.items_total == 110
    assert r.deductions == 10
    assert r.additions == 9
    assert r.final == 109
    assert r.passed
    assert r.bonus == D("838.46")
    assert r.base_pay == D("2500.00")
    assert r.pay == D("3338.46")
    assert str(r.pay) == "3338.46"
    assert r.complete


def test_result_json_has_money_as_two_decimal_strings() -> None:
    data = score(CARD, WORKED, "高级售后客服").to_dict()
    assert data["bonus"] == "838.46"
    assert data["pay"] == "3338.46"
    assert data["base_pay"] == "2500.00"
    assert data["total"] == "109"
    json.dumps(data)


@pytest.mark.parametrize(
    ("rate", "points"),
    [
        ("0%", 30),
        ("5%", 30),
        ("0.05", 30),
        ("5.01%", 20),
        ("8%", 20),
        ("8.001%", 10),
        ("11%", 10),
        ("0.11", 10),
        ("11.01%", 0),
        ("100%", 0),
    ],
)
def test_refund_rate_band_edges(rate: str, points: int) -> None:
    r = score(CARD, full(refund_rate=rate), "普通售后客服")
    assert r.points("refund_rate") == points


def test_exactly_91_points_passes_and_90_fails() -> None:
    # All 优 (130) minus complaints 20 + 19 = 91 exactly.
    r = score(CARD, full(complaint_deduction="20,19"), "普通售后客服")
    assert r.final == 91
    assert r.passed
    assert r.bonus == D("700.00")  # 1000 × 91/130
    r = score(CARD, full(complaint_deduction="20,20"), "普通售后客服")
    assert r.final == 90
    assert not r.passed
    assert r.bonus == D("0.00")
    assert r.pay == D("2000.00")


def test_attendance_never_below_zero() -> None:
    r = score(CARD, full(late=2, leave=1, absent=3), "普通售后客服")
    assert r.points("attendance") == 0
    r = score(CARD, full(leave=1, absent=1), "普通售后客服")
    assert r.points("attendance") == 5


def test_final_is_clamped_to_0_and_max() -> None:
    low = score(
        CARD,
        {
            "quality": "差",
            "refund_rate": "50%",
            "disputes": "差",
            "teamwork": "差",
            "execution": "差",
            "absent": 2,
            "low_reviews": 3,
        },
        "售后组长",
    )
    assert low.final == 0
    assert low.pay == D("3000.00")
    high = score(CARD, full(praises=10, outstanding=5), "售后组长")
    assert high.final == 130
    assert high.bonus == D("1000.00")


def test_half_up_rounding_to_the_fen() -> None:
    # 1000 × 92/130 = 707.6923… → 707.69 ; 1000 × 97/130 = 746.1538… → 746.15
    r = score(CARD, full(complaint_deduction="20,18"), "普通售后客服")
    assert r.final == 92
    assert r.bonus == D("707.69")
    # pool 0.13 × 105/130 = 0.105 exactly → 0.11 (half-up, not banker's 0.10)
    card = replace(CARD, pool=D("0.13"))
    r = score(card, full(complaint_deduction="20,5"), "普通售后客服")
    assert r.final == 105
    assert r.bonus == D("0.11")


def test_missing_inputs_score_zero_and_are_listed() -> None:
    r = score(CARD, {"quality": "优"}, "普通售后客服")
    assert not r.complete
    assert "退款率" in r.missing and "纠纷处理" in r.missing
    assert r.points("refund_rate") == 0
    assert r.points("attendance") == 20  # counts default to 0: full attendance


@pytest.mark.parametrize(
    ("key", "raw", "reason"),
    [
        ("quality", "好", "优/良/中/差"),
        ("refund_rate", "120%", "0% 到 100%"),
        ("refund_rate", "-1%", "0% 到 100%"),
        ("refund_rate", "abc", "不是有效数字"),
        ("late", "-1", "不能小于 0"),
        ("late", "1.5", "整数"),
        ("low_reviews", "x", "不是有效数字"),
        ("complaint_deduction", "4", "5–20"),
        ("complaint_deduction", "10,21", "5–20"),
        ("outstanding", "1", "2–5"),
        ("outstanding", "6", "2–5"),
        ("praises", "-2", "不能小于 0"),
    ],
)
def test_invalid_inputs_are_refused_with_a_reason(key: str, raw: str, reason: str) -> None:
    with pytest.raises(ScoreInputError) as exc:
        sc.parse_field(CARD, key, raw)
    assert exc.value.key == key
    assert reason in exc.value.reason
    with pytest.raises(ScoreInputError):
        score(CARD, full(**{key: raw}), "普通售后客服")


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("quality", " 良 ", "良"),
        ("quality", "Excellent", "优"),
        ("refund_rate", "4.2%", D("0.042")),
        ("refund_rate", "0.042", D("0.042")),
        ("refund_rate", "４.２％", D("0.042")),  # full-width, common in Chinese input
        ("refund_rate", "", None),
        ("late", "", 0),
        ("late", "2.0", 2),
        ("complaint_deduction", "10，15", (D(10), D(15))),
        ("complaint_deduction", "10+5", (D(10), D(5))),
        ("complaint_deduction", 12, (D(12),)),
        ("complaint_deduction", [5, "20"], (D(5), D(20))),
        ("complaint_deduction", "", ()),
        ("outstanding", "", None),
        ("outstanding", "0", None),
        ("outstanding", "5", D(5)),
    ],
)
def test_valid_inputs_are_parsed(key: str, raw: object, expected: object) -> None:
    value = sc.parse_field(CARD, key, raw)
    assert value == expected
    # Idempotent: parsing the parsed value again gives the same value.
    assert sc.parse_field(CARD, key, value) == expected


def test_format_field_round_trips() -> None:
    values, errors = sc.parse_inputs(CARD, {**WORKED, "complaint_deduction": "10,15"})
    assert not errors
    for key, value in values.items():
        text = sc.format_field(CARD, key, value)
        assert sc.parse_field(CARD, key, text) == value
    assert sc.format_field(CARD, "refund_rate", D("0.042")) == "4.2%"


def test_inputs_to_json_round_trips() -> None:
    values, _ = sc.parse_inputs(CARD, {**WORKED, "complaint_deduction": "10,15"})
    stored = json.loads(json.dumps(sc.inputs_to_json(CARD, values)))
    again, errors = sc.parse_inputs(CARD, stored)
    assert not errors
    assert again == values


def test_unknown_level_is_refused() -> None:
    with pytest.raises(ScoreInputError, match="底薪级别"):
        score(CARD, WORKED, "售前客服")


def test_card_round_trips_through_json() -> None:
    for card in builtin_cards():
        data = json.loads(json.dumps(carddef.to_dict(card)))
        again = carddef.from_dict(data)
        assert again == card


def test_copied_card_with_other_pool_and_pass_line() -> None:
    card = replace(CARD, name="严格版", pool=D("1300"), pass_ratio=D("0.8"))
    carddef.check_card(card)
    r = score(card, WORKED, "高级售后客服")
    assert r.final == 109
    assert r.passed  # 109 ≥ 104
    assert r.bonus == D("1090.00")
    r = score(card, full(complaint_deduction="20,7"), "高级售后客服")  # 103 < 104
    assert not r.passed


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"pass_ratio": D("1.5")}, "合格线"),
        ({"pass_ratio": D("0")}, "合格线"),
        ({"pool": D("-1")}, "奖金池"),
        ({"base_pay": {}}, "底薪"),
        ({"base_pay": {"普通售后客服": D("-5")}}, "底薪不能为负"),
        ({"name": " "}, "名称"),
        ({"items": ()}, "至少要有一个考核项"),
    ],
)
def test_bad_cards_are_refused(change: dict[str, object], message: str) -> None:
    card = replace(CARD, **change)  # type: ignore[arg-type]
    with pytest.raises(CardError, match=message):
        carddef.check_card(card)


def test_bands_out_of_order_are_refused() -> None:
    item = CARD.item("refund_rate")
    bad = replace(item, bands=(Band(D("0.08"), D(20)), Band(D("0.05"), D(30))))
    card = replace(CARD, items=tuple(bad if i.key == "refund_rate" else i for i in CARD.items))
    with pytest.raises(CardError, match="从小到大"):
        carddef.check_card(card)
    big = replace(item, bands=(Band(D("0.05"), D(40)),))
    card = replace(CARD, items=tuple(big if i.key == "refund_rate" else i for i in CARD.items))
    with pytest.raises(CardError, match="0–30"):
        carddef.check_card(card)


def test_duplicate_keys_are_refused() -> None:
    dup = replace(CARD.item("teamwork"), key="quality")
    card = replace(CARD, items=tuple(dup if i.key == "teamwork" else i for i in CARD.items))
    with pytest.raises(CardError, match="重复"):
        carddef.check_card(card)


def test_from_dict_refuses_garbage() -> None:
    with pytest.raises(CardError):
        carddef.from_dict({"name": "x"})
    data = carddef.to_dict(CARD)
    data["items"][1]["bands"][0][0] = "not a number"
    with pytest.raises(CardError):
        carddef.from_dict(data)


# --- pre-sales card ----------------------------------------------------------------------------

PRE = pre_sales_card()


def test_pre_sales_card_bands() -> None:
    assert PRE.max_total == 100
    r = score(PRE, {"response_time": "15", "satisfaction": "95%", "conversion": "60%"}, "售前客服")
    assert [p.points for p in r.items] == [30, 30, 40]
    assert r.final == 100 and r.bonus == D("1000.00")
    r = score(
        PRE, {"response_time": "15.5", "satisfaction": "94.9%", "conversion": "0.2999"}, "售前客服"
    )
    assert [p.points for p in r.items] == [20, 20, 0]
    assert r.final == 40 and not r.passed
    r = score(PRE, {"response_time": "61", "satisfaction": "0.84", "conversion": "0.3"}, "售前客服")
    assert [p.points for p in r.items] == [0, 0, 10]


def test_pre_sales_response_time_refuses_negative() -> None:
    with pytest.raises(ScoreInputError, match="不能小于 0"):
        sc.parse_field(PRE, "response_time", "-3")


def test_field_specs_order_and_kinds() -> None:
    specs = sc.field_specs(CARD)
    assert [f.key for f in specs] == [
        "quality",
        "refund_rate",
        "disputes",
        "teamwork",
        "execution",
        "late",
        "leave",
        "absent",
        "low_reviews",
        "complaint_deduction",
        "praises",
        "outstanding",
    ]
    assert specs[0].choices == ("优", "良", "中", "差")
    assert specs[1].kind == "percent"
    assert all(f.hint for f in specs)


def test_band_text_for_tooltips() -> None:
    assert sc.band_text(CARD.item("refund_rate")) == "≤5%: 30分; ≤8%: 20分; ≤11%: 10分; 其余: 0分"


# --- advice ------------------------------------------------------------------------------------


def test_advice_for_a_failing_agent() -> None:
    inputs = {
        "quality": "中",
        "refund_rate": "9%",
        "disputes": "良",
        "teamwork": "良",
        "execution": "中",
        "late": 2,
        "low_reviews": 1,
    }
    r = score(CARD, inputs, "普通售后客服")
    assert r.final == 10 + 10 + 15 + 15 + 10 + 10 - 5 == 65
    a = advise(CARD, inputs, r)
    assert a.gap == 26
    assert "还差 26 分" in a.summary
    texts = [s.text for s in a.steps]
    assert "退款率: 不高于 8%, +10 分" in texts
    assert "出勤率: 全勤 (不迟到、不请假、不旷工), +10 分" in texts
    assert "避免低质评价, +5 分" in texts
    assert "售后客服素质: 从“中”提高到“良”, +5 分" in texts
    gains = [s.gain for s in a.steps]
    assert gains == sorted(gains, reverse=True)


def test_advice_for_a_passing_agent() -> None:
    r = score(CARD, WORKED, "高级售后客服")
    a = advise(CARD, WORKED, r)
    assert a.gap == 0
    assert "已达到合格线" in a.summary


# --- property tests ----------------------------------------------------------------------------

grades = st.sampled_from(["优", "良", "中", "差"])
counts = st.integers(min_value=0, max_value=40)


@st.composite
def after_sales_inputs(draw: st.DrawFn) -> dict[str, object]:
    return {
        "quality": draw(grades),
        "refund_rate": draw(
            st.decimals(min_value=0, max_value=1, places=4, allow_nan=False, allow_infinity=False)
        ),
        "disputes": draw(grades),
        "teamwork": draw(grades),
        "execution": draw(grades),
        "late": draw(counts),
        "leave": draw(counts),
        "absent": draw(counts),
        "low_reviews": draw(counts),
        "complaint_deduction": draw(st.lists(st.integers(5, 20), max_size=6)),
        "praises": draw(counts),
        "outstanding": draw(st.one_of(st.none(), st.integers(2, 5))),
    }


@given(
    after_sales_inputs(),
    st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["普通售后客服", "高级售后客服", "售后组长"]),
)
def test_total_bonus_and_pay_stay_in_range(
    inputs: dict[str, object], pool: Decimal, level: str
) -> None:
    card = replace(CARD, pool=pool)
    r = score(card, inputs, level)
    assert 0 <= r.final <= 130
    assert 0 <= r.bonus <= pool
    assert r.bonus == 0 or r.passed
    assert r.passed == (r.final >= 91)
    assert r.pay == r.base_pay + r.bonus
    assert r.pay >= 0
    assert r.bonus == r.bonus.quantize(D("0.01"))
    for p in r.items:
        assert 0 <= p.points <= p.max_points


@given(after_sales_inputs())
def test_more_praise_never_lowers_the_score(inputs: dict[str, object]) -> None:
    r1 = score(CARD, inputs, "普通售后客服")
    r2 = score(CARD, {**inputs, "praises": int(inputs["praises"]) + 1}, "普通售后客服")  # type: ignore[call-overload]
    assert r2.final >= r1.final
    assert r2.bonus >= r1.bonus


# --- rule texts the owner edits in the card editor ----------------------------------------------


@pytest.mark.parametrize("card", builtin_cards(), ids=lambda c: c.kind)
def test_rule_text_round_trips(card: sc.Card) -> None:
    for item in card.items:
        assert carddef.with_rule_text(item, carddef.rule_text(item)) == item


def test_edited_rule_text_changes_scoring() -> None:
    item = carddef.with_rule_text(CARD.item("refund_rate"), "≤3%:30, ≤6%:20；≤9%:10")
    assert [b.limit for b in item.bands] == [D("0.03"), D("0.06"), D("0.09")]
    card = replace(CARD, items=tuple(item if i.key == item.key else i for i in CARD.items))
    carddef.check_card(card)
    assert score(card, full(refund_rate="5%"), "普通售后客服").points("refund_rate") == 20
    att = carddef.with_rule_text(CARD.item("attendance"), "迟到2 请假5 旷工10")
    assert [p.each for p in att.penalties] == [2, 5, 10]


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        ("quality", "优 良15", "如 优20"),
        ("refund_rate", "5%=30", "界限:分数"),
        ("attendance", "早退", "如 迟到5"),
        ("refund_rate", "≤5%:30 ≥8%:20", "要么都是 ≤"),
        ("refund_rate", "≤5%:30 ≤8秒:20", "单位必须一致"),
        ("quality", "  ", "不能为空"),
    ],
)
def test_bad_rule_text_is_refused(key: str, text: str, message: str) -> None:
    with pytest.raises(CardError, match=message):
        carddef.with_rule_text(CARD.item(key), text)


# --- building blocks of the owner's editor: new items, other kinds, deductions/additions -------


def test_band_rule_text_sets_direction_and_unit() -> None:
    item = carddef.with_rule_text(CARD.item("refund_rate"), "≥98%:30 ≥95%:10")
    assert (item.better, item.unit) == ("higher", "percent")
    assert [b.limit for b in item.bands] == [D("0.98"), D("0.95")]
    secs = carddef.with_rule_text(item, "≤15秒:30 ≤30秒:10")
    assert (secs.better, secs.unit, secs.bands[0].limit) == ("lower", "seconds", 15)
    # Without ≤/≥ or a unit the item keeps its own.
    plain = carddef.with_rule_text(CARD.item("refund_rate"), "5:30 8:20")
    assert (plain.better, plain.unit, plain.bands[0].limit) == ("lower", "percent", D("0.05"))


def test_attendance_rule_may_name_a_new_case_with_a_fresh_key() -> None:
    taken = carddef._all_keys(CARD)
    att = carddef.with_rule_text(CARD.item("attendance"), "迟到5 旷工10 早退3", taken)
    assert [p.label for p in att.penalties] == ["迟到", "旷工", "早退"]
    assert att.penalties[0].key == "late" and att.penalties[2].key not in taken
    card = replace(CARD, items=tuple(att if i.key == att.key else i for i in CARD.items))
    carddef.check_card(card)
    r = score(card, full(**{att.penalties[2].key: 2}), "普通售后客服")
    assert r.points("attendance") == 14


@pytest.mark.parametrize("kind", sc.ITEM_KINDS)
def test_every_kind_change_gives_a_card_that_scores(kind: str) -> None:
    for item in CARD.items:
        taken = [
            k
            for k in carddef._all_keys(CARD)
            if k not in (item.key, *(p.key for p in item.penalties))
        ]
        new = carddef.with_kind(item, kind, taken)
        assert new.kind == kind and new.max_points == item.max_points and new.key == item.key
        if kind != item.kind:
            assert new.hint == ""  # the old description spelled out the old rule
        items = tuple(new if i.key == item.key else i for i in CARD.items)
        card = replace(CARD, items=items)
        problems = carddef.card_problems(card)
        # Only a second attendance item repeats the case names 迟到/请假/旷工.
        assert problems == [] or (kind == "attendance" and "名称重复" in problems[0])
        if not problems:
            score(card, {}, "普通售后客服")


def test_new_items_and_adjustments_have_unused_keys_and_names() -> None:
    card = CARD
    for kind in sc.ITEM_KINDS:
        it = carddef.new_item(card, kind)
        assert it.key not in carddef._all_keys(card)
        card = replace(card, items=(*card.items, it))
        if kind == "attendance":  # a second 迟到/请假/旷工: the owner is told to rename them
            assert "名称重复" in carddef.card_problems(card)[0]
            it = carddef.with_rule_text(it, "早退2", carddef._all_keys(card))
            card = replace(card, items=(*card.items[:-1], it))
        carddef.check_card(card)
    assert [i.label for i in card.items[-4:]] == ["新考核项", "新考核项2", "新考核项3", "新考核项4"]
    assert card.max_total == 170
    minus = carddef.new_adjustment(card, -1)
    plus = carddef.new_adjustment(replace(card, adjustments=(*card.adjustments, minus)), 1)
    card = replace(card, adjustments=(*card.adjustments, minus, plus))
    carddef.check_card(card)
    assert (minus.sign, plus.sign, minus.key != plus.key) == (-1, 1, True)
    assert carddef.from_dict(carddef.to_dict(card)) == card


def test_adjustment_values_and_modes() -> None:
    low = CARD.adjustments[0]
    assert carddef.value_text(low) == "5"
    assert carddef.with_value_text(low, "3").each == 3
    with pytest.raises(CardError, match="每次的分值"):
        carddef.with_value_text(low, "5-10")
    complaint = next(a for a in CARD.adjustments if a.key == "complaint_deduction")
    assert carddef.value_text(complaint) == "5–20"
    for text in ("5-30", "5–30", "5到30", "5 ~ 30"):
        wider = carddef.with_value_text(complaint, text)
        assert (wider.min_each, wider.max_each) == (5, 30)
    once = carddef.with_mode(low, "once")
    assert (once.mode, once.min_each, once.max_each, once.each) == ("once", 5, 5, 0)
    back = carddef.with_mode(carddef.with_value_text(once, "2-5"), "count")
    assert (back.mode, back.each) == ("count", 2)
    with pytest.raises(CardError, match="未知的方式"):
        carddef.with_mode(low, "sometimes")
    upside = replace(complaint, min_each=D(20), max_each=D(5))
    bad = replace(CARD, adjustments=(upside,))
    assert "分值范围无效" in carddef.card_problems(bad)[0]


def test_duplicate_names_are_refused() -> None:
    items = tuple(replace(i, label="素质") if i.key == "teamwork" else i for i in CARD.items)
    twin = replace(CARD, items=(*items[:1], replace(items[0], key="q2"), *items[1:]))
    assert any("名称重复" in p for p in carddef.card_problems(twin))
