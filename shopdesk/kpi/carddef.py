"""A scorecard as stored data: JSON form and the checks an owner's edited card must pass.

Kept apart from the scoring rules so `scorecard.py` stays about points and pay.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from shopdesk.kpi.scorecard import (
    ADJUST_MODES,
    BAND_UNITS,
    ITEM_KINDS,
    ZERO,
    Adjustment,
    Band,
    Card,
    CardError,
    Item,
    Penalty,
    _fmt_limit,
    _num,
)


def to_dict(card: Card) -> dict[str, Any]:
    def d(x: Decimal) -> str:
        return f"{x:f}"

    return {
        "name": card.name,
        "kind": card.kind,
        "pass_ratio": d(card.pass_ratio),
        "pool": d(card.pool),
        "base_pay": {k: d(v) for k, v in card.base_pay.items()},
        "items": [
            {
                "key": i.key,
                "label": i.label,
                "kind": i.kind,
                "max_points": d(i.max_points),
                "hint": i.hint,
                "grades": [[g, d(p)] for g, p in i.grades],
                "bands": [[d(b.limit), d(b.points)] for b in i.bands],
                "better": i.better,
                "unit": i.unit,
                "penalties": [[p.key, p.label, d(p.each)] for p in i.penalties],
            }
            for i in card.items
        ],
        "adjustments": [
            {
                "key": a.key,
                "label": a.label,
                "sign": a.sign,
                "mode": a.mode,
                "each": d(a.each),
                "min_each": d(a.min_each),
                "max_each": d(a.max_each),
                "hint": a.hint,
            }
            for a in card.adjustments
        ],
    }


def from_dict(data: Mapping[str, Any]) -> Card:
    """Build and validate a card from its stored form."""
    D = Decimal
    try:
        card = Card(
            name=str(data["name"]),
            kind=str(data.get("kind", "custom")),
            pass_ratio=D(str(data.get("pass_ratio", "0.7"))),
            pool=D(str(data.get("pool", "1000"))),
            base_pay={str(k): D(str(v)) for k, v in dict(data.get("base_pay", {})).items()},
            items=tuple(
                Item(
                    key=str(i["key"]),
                    label=str(i["label"]),
                    kind=str(i["kind"]),
                    max_points=D(str(i["max_points"])),
                    hint=str(i.get("hint", "")),
                    grades=tuple((str(g), D(str(p))) for g, p in i.get("grades", [])),
                    bands=tuple(Band(D(str(lim)), D(str(p))) for lim, p in i.get("bands", [])),
                    better=str(i.get("better", "lower")),
                    unit=str(i.get("unit", "percent")),
                    penalties=tuple(
                        Penalty(str(k), str(lab), D(str(e))) for k, lab, e in i.get("penalties", [])
                    ),
                )
                for i in data["items"]
            ),
            adjustments=tuple(
                Adjustment(
                    key=str(a["key"]),
                    label=str(a["label"]),
                    sign=int(a["sign"]),
                    mode=str(a["mode"]),
                    each=D(str(a.get("each", "0"))),
                    min_each=D(str(a.get("min_each", "0"))),
                    max_each=D(str(a.get("max_each", "0"))),
                    hint=str(a.get("hint", "")),
                )
                for a in data.get("adjustments", [])
            ),
        )
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise CardError(f"考核表数据无效: {exc}") from None
    check_card(card)
    return card


def check_card(card: Card) -> None:
    """Refuse a card that would score nonsense; the owner sees the first reason."""
    problems = card_problems(card)
    if problems:
        raise CardError(problems[0])


def card_problems(card: Card) -> list[str]:
    out: list[str] = []
    if not card.name.strip():
        out.append("考核表名称不能为空")
    if not card.items:
        out.append("考核表至少要有一个考核项")
    keys = _all_keys(card)
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        out.append(f"考核项/字段的代码重复: {', '.join(dupes)}")
    labels = _all_labels(card)
    same = sorted({x for x in labels if labels.count(x) > 1})
    if same:
        out.append(f"名称重复 (导入时按名称认列): {', '.join(same)}")
    if any(not x.strip() for x in labels):
        out.append("考核项、出勤情形和加减分项都要有名称")
    if not ZERO < card.pass_ratio <= 1:
        out.append("合格线必须在 0 到 100% 之间")
    if card.pool < 0:
        out.append("奖金池不能为负")
    if not card.base_pay:
        out.append("至少要有一个级别的底薪")
    for level, pay in card.base_pay.items():
        if pay < 0:
            out.append(f"{level} 的底薪不能为负")
    for it in card.items:
        out.extend(_item_problems(it))
    for a in card.adjustments:
        if a.sign not in (-1, 1):
            out.append(f"{a.label}: 必须是扣分或加分")
        if a.mode not in ADJUST_MODES:
            out.append(f"{a.label}: 未知的方式 {a.mode}")
        elif a.mode == "count" and a.each <= 0:
            out.append(f"{a.label}: 每次分值必须大于 0")
        elif a.mode != "count" and not ZERO < a.min_each <= a.max_each:
            out.append(f"{a.label}: 分值范围无效 ({_num(a.min_each)}–{_num(a.max_each)})")
    return out


def _item_problems(it: Item) -> list[str]:
    out: list[str] = []
    if it.kind not in ITEM_KINDS:
        return [f"{it.label}: 未知的考核项类型 {it.kind}"]
    if it.max_points <= 0:
        out.append(f"{it.label}: 满分必须大于 0")
    if it.kind == "grade":
        if not it.grades:
            out.append(f"{it.label}: 至少要有一个等级")
        for g, p in it.grades:
            if not ZERO <= p <= it.max_points:
                out.append(f"{it.label}: 等级 {g} 的分值必须在 0–{_num(it.max_points)} 之间")
    elif it.kind == "band":
        if it.unit not in BAND_UNITS:
            out.append(f"{it.label}: 未知的单位 {it.unit}")
        if it.better not in ("lower", "higher"):
            out.append(f"{it.label}: 方向必须是 lower 或 higher")
        if not it.bands:
            out.append(f"{it.label}: 至少要有一个档位")
        limits = [b.limit for b in it.bands]
        ordered = sorted(limits) if it.better == "lower" else sorted(limits, reverse=True)
        if limits != ordered or len(set(limits)) != len(limits):
            word = "从小到大" if it.better == "lower" else "从大到小"
            out.append(f"{it.label}: 档位界限必须{word}排列且不重复")
        for b in it.bands:
            if not ZERO <= b.points <= it.max_points:
                out.append(f"{it.label}: 档位分值必须在 0–{_num(it.max_points)} 之间")
            if b.limit < 0 or (it.unit == "percent" and b.limit > 1):
                out.append(f"{it.label}: 档位界限 {_fmt_limit(it, b.limit)} 超出范围")
    elif it.kind == "attendance":
        if not it.penalties:
            out.append(f"{it.label}: 至少要有一种扣分情形")
        for pen in it.penalties:
            if pen.each <= 0:
                out.append(f"{it.label}: {pen.label} 每次扣分必须大于 0")
    return out


def _all_keys(card: Card) -> list[str]:
    """Every key a row's inputs or points use; they share one namespace."""
    keys = [i.key for i in card.items]
    keys += [p.key for i in card.items for p in i.penalties]
    keys += [a.key for a in card.adjustments]
    return keys


def _all_labels(card: Card) -> list[str]:
    """Every header a sheet may carry for this card: item, attendance-case and adjustment names."""
    labels = [i.label for i in card.items]
    labels += [p.label for i in card.items for p in i.penalties]
    labels += [a.label for a in card.adjustments]
    return labels


# ---------------------------------------------------------------------------------------------
# One-line rule texts, so an owner can edit an item's rule in a table cell


def rule_text(it: Item) -> str:
    """E.g. "优20 良15 中10 差0" / "≤5%:30 ≤8%:20 ≤11%:10" / "迟到5 请假5 旷工10"."""
    if it.kind == "grade":
        return " ".join(f"{g}{_num(p)}" for g, p in it.grades)
    if it.kind == "band":
        op = "≤" if it.better == "lower" else "≥"
        return " ".join(f"{op}{_fmt_limit(it, b.limit)}:{_num(b.points)}" for b in it.bands)
    if it.kind == "attendance":
        return " ".join(f"{p.label}{_num(p.each)}" for p in it.penalties)
    return ""


_GRADE = re.compile(r"^(\D+?)\s*(\d+(?:\.\d+)?)$")
_BAND = re.compile(r"^([≤≥<>]=?)?\s*(\d+(?:\.\d+)?)\s*(%|秒|s)?\s*[:：]\s*(\d+(?:\.\d+)?)$")
_UNITS = {"%": "percent", "秒": "seconds", "s": "seconds"}


def with_rule_text(it: Item, text: str, taken: Iterable[str] = ()) -> Item:
    """The item with its rule replaced by `text` (the form `rule_text` writes); CardError if not.

    A band rule may say its direction (≤ or ≥) and unit (%, 秒): then the item takes them, so the
    owner changes "lower is better" to "higher is better" by writing ≥. An attendance rule may name
    a new case (早退3); it gets a fresh key, not one in `taken`.
    """
    parts = [p for p in re.split(r"[\s,，;；]+", text.strip()) if p]
    if not parts and it.kind != "number":
        raise CardError(f"{it.label}: 规则不能为空")
    try:
        if it.kind == "grade":
            grades = []
            for p in parts:
                m = _GRADE.match(p)
                if not m:
                    raise CardError(f"{it.label}: “{p}” 应写成 等级+分数, 如 优20")
                grades.append((m.group(1), Decimal(m.group(2))))
            return replace(it, grades=tuple(grades))
        if it.kind == "band":
            return _with_bands(it, parts)
        if it.kind == "attendance":
            return _with_penalties(it, parts, taken)
    except ArithmeticError:
        raise CardError(f"{it.label}: 规则中的数字无效") from None
    return it


def _with_bands(it: Item, parts: list[str]) -> Item:
    found = []
    for p in parts:
        m = _BAND.match(p)
        if not m:
            raise CardError(f"{it.label}: “{p}” 应写成 界限:分数, 如 ≤5%:30")
        found.append(m)
    ops = {"lower" if m.group(1)[0] in "≤<" else "higher" for m in found if m.group(1)}
    units = {_UNITS[m.group(3)] for m in found if m.group(3)}
    if len(ops) > 1:
        raise CardError(f"{it.label}: 档位要么都是 ≤ (越低越好), 要么都是 ≥ (越高越好)")
    if len(units) > 1:
        raise CardError(f"{it.label}: 档位的单位必须一致 (都是 % 或都是 秒)")
    better = ops.pop() if ops else it.better
    unit = units.pop() if units else it.unit
    bands = []
    for m in found:
        limit = Decimal(m.group(2))
        if unit == "percent":
            limit = limit / 100
        bands.append(Band(limit, Decimal(m.group(4))))
    return replace(it, bands=tuple(bands), better=better, unit=unit)


def _with_penalties(it: Item, parts: list[str], taken: Iterable[str]) -> Item:
    by_label = {p.label: p for p in it.penalties}
    used = set(taken) | {p.key for p in it.penalties}
    penalties = []
    for p in parts:
        m = _GRADE.match(p)
        if not m:
            raise CardError(f"{it.label}: “{p}” 应写成 情形+每次扣分, 如 迟到5")
        label = m.group(1).strip()
        old = by_label.get(label)
        if old is None:
            key = fresh_key(f"{it.key}_", used)
            used.add(key)
            old = Penalty(key, label, ZERO)
        penalties.append(replace(old, each=Decimal(m.group(2))))
    return replace(it, penalties=tuple(penalties))


# ---------------------------------------------------------------------------------------------
# Building blocks for the owner's editor: new items, a changed kind, deductions and additions

KIND_LABELS = {"grade": "等级", "band": "档位", "attendance": "出勤", "number": "直接打分"}
MODE_LABELS = {"count": "按次数", "amounts": "每次自定分值", "once": "每月一次"}


def fresh_key(prefix: str, taken: Iterable[str]) -> str:
    """prefix1, prefix2, … — the first not in `taken` (keys are internal, never shown)."""
    used = set(taken)
    n = 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"


def fresh_label(base: str, taken: Iterable[str]) -> str:
    used = set(taken)
    if base not in used:
        return base
    n = 2
    while f"{base}{n}" in used:
        n += 1
    return f"{base}{n}"


def _share(max_points: Decimal, num: int, den: int) -> Decimal:
    """max × num/den in whole points, so starting rules read like a person wrote them."""
    return (max_points * num / den).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def with_kind(it: Item, kind: str, taken: Iterable[str] = ()) -> Item:
    """The item scored another way, with a starting rule the owner then edits.

    The description (hint) is dropped: it described the old rule.
    """
    if kind not in ITEM_KINDS:
        raise CardError(f"{it.label}: 未知的考核项类型 {kind}")
    if kind == it.kind:
        return it
    top = it.max_points
    base = replace(it, kind=kind, hint="", grades=(), bands=(), penalties=())
    if kind == "grade":
        grades = (("优", top), ("良", _share(top, 3, 4)), ("中", _share(top, 1, 2)), ("差", ZERO))
        return replace(base, grades=grades)
    if kind == "band":
        return replace(
            base,
            better="lower",
            unit="percent",
            bands=(
                Band(Decimal("0.05"), top),
                Band(Decimal("0.10"), _share(top, 2, 3)),
                Band(Decimal("0.15"), _share(top, 1, 3)),
            ),
        )
    if kind == "attendance":
        used = set(taken) - {p.key for p in it.penalties}
        penalties = []
        for key, label, each in (("late", "迟到", 5), ("leave", "请假", 5), ("absent", "旷工", 10)):
            k = key if key not in used else fresh_key(f"{it.key}_{key}", used)
            used.add(k)
            penalties.append(Penalty(k, label, Decimal(each)))
        return replace(base, penalties=tuple(penalties))
    return base


def new_item(card: Card, kind: str = "grade") -> Item:
    """A new item worth 10 points with a starting rule; key and label not used yet."""
    keys = _all_keys(card)
    labels = [i.label for i in card.items] + [a.label for a in card.adjustments]
    blank = Item(
        key=fresh_key("item", keys),
        label=fresh_label("新考核项", labels),
        kind="number",
        max_points=Decimal(10),
    )
    return with_kind(blank, kind, keys)


def new_adjustment(card: Card, sign: int = -1) -> Adjustment:
    keys = _all_keys(card)
    labels = [i.label for i in card.items] + [a.label for a in card.adjustments]
    base = "新扣分项" if sign < 0 else "新加分项"
    return Adjustment(
        fresh_key("adj", keys), fresh_label(base, labels), sign, "count", each=Decimal(5)
    )


def value_text(a: Adjustment) -> str:
    """ "5" for a per-time value, "5–20" for a range."""
    if a.mode == "count":
        return _num(a.each)
    return f"{_num(a.min_each)}–{_num(a.max_each)}"


_RANGE = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:[-–—~～至到]\s*(\d+(?:\.\d+)?))?$")


def with_value_text(a: Adjustment, text: str) -> Adjustment:
    """Read "5" (count) or "5-20" / "5–20" / "5到20" (range modes); CardError says the form."""
    m = _RANGE.match(text.strip())
    if a.mode == "count":
        if not m or m.group(2) is not None:
            raise CardError(f"{a.label}: 按次数时填每次的分值, 如 5")
        return replace(a, each=Decimal(m.group(1)), min_each=ZERO, max_each=ZERO)
    if not m:
        raise CardError(f"{a.label}: 填分值范围, 如 5-20 (或一个数, 如 3)")
    lo = Decimal(m.group(1))
    hi = Decimal(m.group(2)) if m.group(2) is not None else lo
    return replace(a, each=ZERO, min_each=lo, max_each=hi)


def with_mode(a: Adjustment, mode: str) -> Adjustment:
    """Another way of counting, keeping the amounts where they still make sense."""
    if mode not in ADJUST_MODES:
        raise CardError(f"{a.label}: 未知的方式 {mode}")
    if mode == a.mode:
        return a
    if mode == "count":
        each = a.each if a.each > 0 else (a.min_each or Decimal(5))
        return replace(a, mode=mode, each=each, min_each=ZERO, max_each=ZERO, hint="")
    lo = a.min_each if a.min_each > 0 else (a.each or Decimal(2))
    hi = a.max_each if a.max_each >= lo else lo
    return replace(a, mode=mode, each=ZERO, min_each=lo, max_each=hi, hint="")
