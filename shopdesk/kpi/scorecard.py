"""Scorecard rules (DOMAIN.md §4): a card is plain data, `score()` turns inputs into points and pay.

A card is JSON-serialisable (`to_dict`/`from_dict`) so that a month can keep the exact card
version it was opened with, even after the owner edits the card. Nothing here touches a database
or Qt; the grid, the importer and the CLI all validate cells through `parse_field`, so a value is
refused with the same reason everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from shopdesk.errors import InvalidInput
from shopdesk.numbers import NumberError, parse_decimal, parse_int, parse_percent, yuan

ZERO = Decimal(0)
ITEM_KINDS = ("grade", "band", "attendance", "number")
BAND_UNITS = ("percent", "seconds", "number")
ADJUST_MODES = ("count", "amounts", "once")
MAX_COUNT = 999  # a typo guard: nobody is late a thousand times in a month
GRADE_ALIASES = {
    "excellent": "优",
    "good": "良",
    "fair": "中",
    "average": "中",
    "poor": "差",
    "a": "优",
    "b": "良",
    "c": "中",
    "d": "差",
}


class ScoreInputError(InvalidInput):
    """One input cell is not acceptable; `key`, `value` and `reason` locate it for the user."""

    def __init__(self, key: str, label: str, value: object, reason: str) -> None:
        self.key = key
        self.label = label
        self.value = value
        self.reason = reason
        super().__init__(f"{label}: “{'' if value is None else value}” {reason}")


class CardError(InvalidInput):
    """A scorecard definition that cannot be scored with (owner editing a card)."""


@dataclass(frozen=True)
class Band:
    """`limit` is inclusive: with better="lower" a value ≤ limit earns `points`."""

    limit: Decimal
    points: Decimal


@dataclass(frozen=True)
class Penalty:
    """Attendance: each occurrence of `key` (late, leave, absent) costs `each` points."""

    key: str
    label: str
    each: Decimal


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    kind: str  # grade | band | attendance | number
    max_points: Decimal
    hint: str = ""
    grades: tuple[tuple[str, Decimal], ...] = ()  # best first
    bands: tuple[Band, ...] = ()  # checked in order, best first
    better: str = "lower"  # band: "lower" means value ≤ limit; "higher" means value ≥ limit
    unit: str = "percent"  # band input unit
    penalties: tuple[Penalty, ...] = ()


@dataclass(frozen=True)
class Adjustment:
    """A deduction (sign -1) or addition (+1) after the items, e.g. −5 per low-quality review."""

    key: str
    label: str
    sign: int
    mode: str  # count: n × each; amounts: a list, each in min..max; once: one value in min..max
    each: Decimal = ZERO
    min_each: Decimal = ZERO
    max_each: Decimal = ZERO
    hint: str = ""


@dataclass(frozen=True)
class Card:
    name: str
    kind: str  # after_sales | pre_sales | custom
    items: tuple[Item, ...]
    adjustments: tuple[Adjustment, ...] = ()
    pass_ratio: Decimal = Decimal("0.7")
    pool: Decimal = Decimal("1000.00")
    base_pay: Mapping[str, Decimal] = field(default_factory=dict)

    @property
    def max_total(self) -> Decimal:
        return sum((i.max_points for i in self.items), ZERO)

    @property
    def pass_line(self) -> Decimal:
        return self.max_total * self.pass_ratio

    def item(self, key: str) -> Item:
        for i in self.items:
            if i.key == key:
                return i
        raise KeyError(key)


@dataclass(frozen=True)
class FieldSpec:
    """One input cell of a scoring row, in grid/import order."""

    key: str
    label: str
    kind: str  # grade | percent | seconds | number | count | amounts | once
    item_key: str | None  # the item it feeds, None for adjustments
    choices: tuple[str, ...] = ()
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    hint: str = ""
    required: bool = False


@dataclass(frozen=True)
class ItemPoints:
    key: str
    label: str
    points: Decimal
    max_points: Decimal
    missing: bool = False


@dataclass(frozen=True)
class Result:
    items: tuple[ItemPoints, ...]
    items_total: Decimal
    deductions: Decimal  # positive number of points taken off
    additions: Decimal
    final: Decimal
    max_total: Decimal
    pass_line: Decimal
    passed: bool
    bonus: Decimal
    base_pay: Decimal
    pay: Decimal
    missing: tuple[str, ...] = ()  # labels of required inputs not entered yet

    @property
    def complete(self) -> bool:
        return not self.missing

    def points(self, key: str) -> Decimal:
        for p in self.items:
            if p.key == key:
                return p.points
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON: points as numbers-in-strings, money as strings with two decimals."""
        return {
            "items": [
                {
                    "key": p.key,
                    "label": p.label,
                    "points": _num(p.points),
                    "max": _num(p.max_points),
                }
                for p in self.items
            ],
            "items_total": _num(self.items_total),
            "deductions": _num(self.deductions),
            "additions": _num(self.additions),
            "total": _num(self.final),
            "passed": self.passed,
            "bonus": f"{self.bonus:.2f}",
            "base_pay": f"{self.base_pay:.2f}",
            "pay": f"{self.pay:.2f}",
        }


def _num(d: Decimal) -> str:
    """109 rather than 109.00 or 1.09E+2."""
    text = f"{d:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# ---------------------------------------------------------------------------------------------
# Input fields and their validation


def field_specs(card: Card) -> list[FieldSpec]:
    specs: list[FieldSpec] = []
    for it in card.items:
        if it.kind == "grade":
            specs.append(
                FieldSpec(
                    it.key,
                    it.label,
                    "grade",
                    it.key,
                    choices=tuple(g for g, _ in it.grades),
                    hint=it.hint or grade_text(it),
                    required=True,
                )
            )
        elif it.kind == "band":
            lo = ZERO
            hi = Decimal(1) if it.unit == "percent" else None
            specs.append(
                FieldSpec(
                    it.key,
                    it.label,
                    it.unit,
                    it.key,
                    minimum=lo,
                    maximum=hi,
                    hint=it.hint or band_text(it),
                    required=True,
                )
            )
        elif it.kind == "attendance":
            for p in it.penalties:
                specs.append(
                    FieldSpec(
                        p.key,
                        p.label,
                        "count",
                        it.key,
                        minimum=ZERO,
                        maximum=Decimal(MAX_COUNT),
                        hint=f"{it.label}: 每次扣 {_num(p.each)} 分, 满分 {_num(it.max_points)}",
                    )
                )
        elif it.kind == "number":
            specs.append(
                FieldSpec(
                    it.key,
                    it.label,
                    "number",
                    it.key,
                    minimum=ZERO,
                    maximum=it.max_points,
                    hint=it.hint or f"直接填写得分 0–{_num(it.max_points)}",
                    required=True,
                )
            )
    for a in card.adjustments:
        if a.mode == "count":
            specs.append(
                FieldSpec(
                    a.key,
                    a.label,
                    "count",
                    None,
                    minimum=ZERO,
                    maximum=Decimal(MAX_COUNT),
                    hint=a.hint or f"次数, 每次{'扣' if a.sign < 0 else '加'} {_num(a.each)} 分",
                )
            )
        else:
            what = "每次" if a.mode == "amounts" else "每月一次,"
            verb = "扣" if a.sign < 0 else "加"
            specs.append(
                FieldSpec(
                    a.key,
                    a.label,
                    a.mode,
                    None,
                    minimum=a.min_each,
                    maximum=a.max_each,
                    hint=a.hint
                    or f"{what}{verb} {_num(a.min_each)}–{_num(a.max_each)} 分"
                    + (", 多次用逗号分隔, 如 10,15" if a.mode == "amounts" else ""),
                )
            )
    return specs


def field_spec(card: Card, key: str) -> FieldSpec:
    for f in field_specs(card):
        if f.key == key:
            return f
    raise KeyError(key)


def _blank(raw: object) -> bool:
    if raw is None:
        return True
    if isinstance(raw, float) and raw != raw:  # NaN from a spreadsheet's empty cell
        return True
    return isinstance(raw, str) and not raw.strip()


_SPLIT = re.compile(r"[,，、;；+＋\s]+")


def parse_field(card: Card, key: str, raw: object) -> Any:
    """Validate one cell. Blank is "not entered" (None), or 0/() where that is the natural default.

    Idempotent: a value that already passed returns unchanged, so stored inputs re-validate.
    """
    spec = field_spec(card, key)
    try:
        return _parse(card, spec, raw)
    except NumberError as exc:
        raise ScoreInputError(spec.key, spec.label, raw, str(exc)) from None


def _parse(card: Card, spec: FieldSpec, raw: object) -> Any:
    def bad(reason: str) -> ScoreInputError:
        return ScoreInputError(spec.key, spec.label, raw, reason)

    lo = spec.minimum if spec.minimum is not None else ZERO
    hi = spec.maximum if spec.maximum is not None else Decimal(MAX_COUNT)

    if spec.kind == "grade":
        if _blank(raw):
            return None
        text = str(raw).strip()
        text = GRADE_ALIASES.get(text.lower(), text)
        if text not in spec.choices:
            raise bad(f"等级必须是 {'/'.join(spec.choices)} 之一")
        return text
    if spec.kind == "percent":
        if _blank(raw):
            return None
        value = parse_percent(raw)
        if value < 0 or value > 1:
            raise bad("必须在 0% 到 100% 之间")
        return value
    if spec.kind in ("seconds", "number"):
        if _blank(raw):
            return None
        value = parse_decimal(raw, places=2)
        if spec.minimum is not None and value < spec.minimum:
            raise bad(f"不能小于 {_num(spec.minimum)}")
        if spec.maximum is not None and value > spec.maximum:
            raise bad(f"不能大于 {_num(spec.maximum)}")
        return value
    if spec.kind == "count":
        if _blank(raw):
            return 0
        return parse_int(raw, minimum=0, maximum=MAX_COUNT)
    if spec.kind == "amounts":
        if _blank(raw):
            return ()
        parts: list[object]
        if isinstance(raw, list | tuple):
            parts = list(raw)
        elif isinstance(raw, str):
            parts = [p for p in _SPLIT.split(raw.strip()) if p]
        else:
            parts = [raw]
        values = []
        for p in parts:
            v = parse_int(p, minimum=None)
            if not lo <= v <= hi:
                raise bad(f"每次必须在 {_num(lo)}–{_num(hi)} 分之间")
            values.append(Decimal(v))
        return tuple(values)
    if spec.kind == "once":
        if _blank(raw):
            return None
        v = parse_int(raw, minimum=None)
        if v == 0:
            return None
        if not lo <= v <= hi:
            raise bad(f"必须在 {_num(lo)}–{_num(hi)} 分之间 (或留空)")
        return Decimal(v)
    raise AssertionError(spec.kind)  # pragma: no cover - field_specs only makes the kinds above


def parse_inputs(
    card: Card, raw: Mapping[str, object]
) -> tuple[dict[str, Any], list[ScoreInputError]]:
    """Validate every field; unknown keys are ignored. Returns (values, errors)."""
    values: dict[str, Any] = {}
    errors: list[ScoreInputError] = []
    for spec in field_specs(card):  # built once: parse_field would rebuild it per field
        value = raw.get(spec.key)
        try:
            values[spec.key] = _parse(card, spec, value)
        except NumberError as exc:
            errors.append(ScoreInputError(spec.key, spec.label, value, str(exc)))
        except ScoreInputError as exc:
            errors.append(exc)
    return values, errors


def format_field(card: Card, key: str, value: Any) -> str:
    """The text a cell shows for a validated value (inverse of `parse_field`)."""
    spec = field_spec(card, key)
    if value is None or value == ():
        return ""
    if spec.kind == "percent":
        return _num((Decimal(value) * 100).normalize()) + "%"
    if spec.kind == "amounts":
        return ",".join(_num(Decimal(v)) for v in value)
    if isinstance(value, Decimal):
        return _num(value)
    return str(value)


def inputs_to_json(card: Card, values: Mapping[str, Any]) -> dict[str, Any]:
    """Stored form: Decimals as strings, amounts as lists (JSON has no Decimal)."""
    out: dict[str, Any] = {}
    for spec in field_specs(card):
        v = values.get(spec.key)
        if isinstance(v, Decimal):
            out[spec.key] = f"{v:f}"
        elif isinstance(v, tuple):
            out[spec.key] = [f"{x:f}" for x in v]
        else:
            out[spec.key] = v
    return out


# ---------------------------------------------------------------------------------------------
# Scoring


def item_points(item: Item, values: Mapping[str, Any]) -> tuple[Decimal, bool]:
    """Points of one item and whether its input is missing (missing scores 0 until entered)."""
    if item.kind == "grade":
        grade = values.get(item.key)
        if grade is None:
            return ZERO, True
        return dict(item.grades)[grade], False
    if item.kind == "band":
        value = values.get(item.key)
        if value is None:
            return ZERO, True
        return band_points(item, Decimal(value)), False
    if item.kind == "attendance":
        lost = sum((p.each * int(values.get(p.key) or 0) for p in item.penalties), ZERO)
        return max(item.max_points - lost, ZERO), False
    if item.kind == "number":
        value = values.get(item.key)
        if value is None:
            return ZERO, True
        return min(max(Decimal(value), ZERO), item.max_points), False
    raise CardError(f"未知的考核项类型: {item.kind}")


def band_points(item: Item, value: Decimal) -> Decimal:
    for b in item.bands:
        if (value <= b.limit) if item.better == "lower" else (value >= b.limit):
            return b.points
    return ZERO


def adjustment_points(adj: Adjustment, value: Any) -> Decimal:
    """Always ≥ 0; the caller applies the sign."""
    if adj.mode == "count":
        return adj.each * int(value or 0)
    if adj.mode == "amounts":
        return sum((Decimal(v) for v in value or ()), ZERO)
    return ZERO if value is None else Decimal(value)


def score(card: Card, inputs: Mapping[str, object], level: str | None) -> Result:
    """Score one agent's month. Raises ScoreInputError for the first bad input."""
    values, errors = parse_inputs(card, inputs)
    if errors:
        raise errors[0]
    if level is None or level not in card.base_pay:
        levels = "/".join(card.base_pay)
        raise ScoreInputError(
            "level", "级别", level, f"不在考核表“{card.name}”的底薪级别中 ({levels})"
        )
    points: list[ItemPoints] = []
    missing: list[str] = []
    for it in card.items:
        p, miss = item_points(it, values)
        points.append(ItemPoints(it.key, it.label, p, it.max_points, miss))
        if miss:
            missing.append(it.label)
    items_total = sum((p.points for p in points), ZERO)
    deductions = sum(
        (adjustment_points(a, values.get(a.key)) for a in card.adjustments if a.sign < 0), ZERO
    )
    additions = sum(
        (adjustment_points(a, values.get(a.key)) for a in card.adjustments if a.sign > 0), ZERO
    )
    max_total = card.max_total
    final = min(max(items_total - deductions + additions, ZERO), max_total)
    passed = final >= card.pass_line
    bonus = yuan(card.pool * final / max_total) if passed and max_total > 0 else yuan(ZERO)
    base = yuan(card.base_pay[level])
    return Result(
        items=tuple(points),
        items_total=items_total,
        deductions=deductions,
        additions=additions,
        final=final,
        max_total=max_total,
        pass_line=card.pass_line,
        passed=passed,
        bonus=bonus,
        base_pay=base,
        pay=base + bonus,
        missing=tuple(missing),
    )


# ---------------------------------------------------------------------------------------------
# Texts shown as tooltips and in the agent's breakdown


def grade_text(item: Item) -> str:
    return " / ".join(f"{g} {_num(p)}" for g, p in item.grades)


def _fmt_limit(item: Item, limit: Decimal) -> str:
    if item.unit == "percent":
        return _num((limit * 100).normalize()) + "%"
    if item.unit == "seconds":
        return _num(limit) + "秒"
    return _num(limit)


def band_text(item: Item) -> str:
    op = "≤" if item.better == "lower" else "≥"
    parts = [f"{op}{_fmt_limit(item, b.limit)}: {_num(b.points)}分" for b in item.bands]
    parts.append("其余: 0分")
    return "; ".join(parts)
