"""How to reach the pass line next month: concrete steps from an agent's own card.

An agent who failed sees how many points they are short and which changes are worth the most,
in the card's own terms (a better grade, the next refund-rate band, full attendance).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from shopdesk.kpi.scorecard import (
    ZERO,
    Card,
    Result,
    _fmt_limit,
    _num,
    adjustment_points,
    band_points,
    parse_inputs,
)


@dataclass(frozen=True)
class Step:
    gain: Decimal
    text: str


@dataclass(frozen=True)
class Advice:
    gap: Decimal  # points still missing to the pass line (0 when passed)
    summary: str
    steps: tuple[Step, ...]


def advise(card: Card, inputs: Mapping[str, object], result: Result) -> Advice:
    values, _errors = parse_inputs(card, inputs)
    gap = max(result.pass_line - result.final, ZERO)
    steps = _steps(card, values)
    steps.sort(key=lambda s: s.gain, reverse=True)
    if gap > 0:
        summary = (
            f"本月 {_num(result.final)} 分, 合格线 {_num(result.pass_line)} 分, "
            f"还差 {_num(gap)} 分。下个月可以从这些方面提高:"
        )
    else:
        margin = result.final - result.pass_line
        summary = (
            f"本月 {_num(result.final)} 分, 已达到合格线 {_num(result.pass_line)} 分 "
            f"(高出 {_num(margin)} 分)。继续提高可以增加奖金:"
        )
    return Advice(gap=gap, summary=summary, steps=tuple(s for s in steps if s.gain > 0))


def _steps(card: Card, values: Mapping[str, Any]) -> list[Step]:
    out: list[Step] = []
    for it in card.items:
        if it.kind == "grade":
            grade = values.get(it.key)
            if grade is None:
                continue
            table = dict(it.grades)
            now = table[grade]
            better = [(g, p) for g, p in it.grades if p > now]
            if better:
                g, p = better[-1]  # the next grade up (grades are listed best first)
                out.append(
                    Step(p - now, f"{it.label}: 从“{grade}”提高到“{g}”, +{_num(p - now)} 分")
                )
        elif it.kind == "band":
            value = values.get(it.key)
            if value is None:
                continue
            now = band_points(it, Decimal(value))
            higher = [b for b in it.bands if b.points > now]
            if higher:
                b = higher[-1]
                op = "不高于" if it.better == "lower" else "不低于"
                out.append(
                    Step(
                        b.points - now,
                        f"{it.label}: {op} {_fmt_limit(it, b.limit)}, +{_num(b.points - now)} 分",
                    )
                )
        elif it.kind == "attendance":
            lost = sum((p.each * int(values.get(p.key) or 0) for p in it.penalties), ZERO)
            lost = min(lost, it.max_points)
            if lost > 0:
                out.append(
                    Step(lost, f"{it.label}: 全勤 (不迟到、不请假、不旷工), +{_num(lost)} 分")
                )
    for a in card.adjustments:
        if a.sign < 0:
            lost = adjustment_points(a, values.get(a.key))
            if lost > 0:
                out.append(Step(lost, f"避免{a.label}, +{_num(lost)} 分"))
        elif a.mode == "count":
            out.append(Step(a.each, f"{a.label}: 每次 +{_num(a.each)} 分"))
        elif values.get(a.key) is None:
            out.append(Step(a.max_each, f"{a.label}: +{_num(a.min_each)}–{_num(a.max_each)} 分"))
    return out
