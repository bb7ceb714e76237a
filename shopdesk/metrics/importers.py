"""Reading the platform's daily export sheets into days (no database here).

Two shapes are understood:
- a daily sheet: one row per 统计日期 with the shop figures and, optionally, per-channel columns
  such as 直通车花费 / 直通车成交金额;
- a channel sheet: one row per date and 渠道 with 花费 and 成交金额.
Every bad cell becomes a RowError (row, column, value, reason); the caller stores all or nothing.
Derived figures are filled in or cross-checked here, and mismatches come back as warnings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from shopdesk.errors import InvalidInput, RowError
from shopdesk.io.tabular import MAX_ERRORS, Table
from shopdesk.metrics.derive import derive
from shopdesk.metrics.fields import (
    FIGURE_BY_KEY,
    ChannelColumn,
    ChannelDay,
    DayFigures,
    canonical_channel,
    match_header,
    parse_day,
    parse_figure,
)
from shopdesk.numbers import NumberError, parse_money

DAILY = "daily"
CHANNEL = "channel"
# What the platforms write where there is no figure: 生意参谋 "-", other exports "--" or "—".
NO_VALUE_MARKS = frozenset({"-", "--", "---", "—", "——", "–", "－", "―", "- -"})


def is_no_value(text: str) -> bool:
    """True for a dash the platform writes instead of a number."""
    return text.strip() in NO_VALUE_MARKS


def dash_value(key: str) -> int | Decimal | None:
    """What a dash means for this figure: a count or amount (summable) the platform leaves as
    "-" is 0 (nobody bought, nothing spent); a rate, average or score is "no value" (conversion
    with no visitors, 客单价 with no buyers, no DSR yet), so it is derived or left unknown."""
    spec = FIGURE_BY_KEY[key]
    if not spec.summable:
        return None
    return 0 if spec.kind.value == "count" else Decimal("0.00")


@dataclass(frozen=True)
class RowWarning:
    """A row that was accepted but deserves a look (e.g. a stated conversion that disagrees)."""

    row: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"第 {self.row} 行 [{self.column}] “{self.value}”: {self.reason}"


@dataclass
class ParsedSheet:
    """What a sheet holds, ready to store, with everything the preview shows."""

    shape: str  # DAILY or CHANNEL
    columns: dict[str, str]  # header → what it was understood as (Chinese)
    ignored: list[str]
    days: list[DayFigures] = field(default_factory=list)
    day_rows: list[int] = field(default_factory=list)  # sheet row of each day
    figure_keys: set[str] = field(default_factory=set)  # figures the sheet (or derivation) fills
    channel_days: list[ChannelDay] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)  # channel names met, in sheet order
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)
    computed: int = 0  # derived values filled in

    @property
    def first_day(self) -> date | None:
        all_days = [d.day for d in self.days] + [c.day for c in self.channel_days]
        return min(all_days) if all_days else None

    @property
    def last_day(self) -> date | None:
        all_days = [d.day for d in self.days] + [c.day for c in self.channel_days]
        return max(all_days) if all_days else None

    @property
    def day_count(self) -> int:
        return len({d.day for d in self.days} | {c.day for c in self.channel_days})


def _plan(table: Table) -> tuple[str, dict[int, str | ChannelColumn], dict[str, str], list[str]]:
    """Which column holds what; raises InvalidInput for sheets no row of which can be read."""
    plan: dict[int, str | ChannelColumn] = {}
    seen: dict[str | ChannelColumn, str] = {}
    ignored: list[str] = []
    for idx, header in enumerate(table.headers):
        what = match_header(header)
        if what is None:
            if header:
                ignored.append(header)
            continue
        if what in seen:
            raise InvalidInput(f"表头 “{header}” 与 “{seen[what]}” 重复, 请删去其中一列")
        seen[what] = header
        plan[idx] = what
    if "day" not in seen:
        raise InvalidInput(
            "缺少必需的列: 统计日期 (日期/date)。找到的表头: " + ", ".join(table.headers)
        )
    shape = CHANNEL if "channel" in seen else DAILY
    if shape == CHANNEL:
        # In a channel sheet 成交金额/支付金额 is the channel's attributed sales.
        for idx, what in list(plan.items()):
            if what == "paid_amount" and "sales" not in seen:
                plan[idx] = "sales"
                seen["sales"] = table.headers[idx]
            elif what not in ("day", "channel", "spend", "sales"):
                ignored.append(table.headers[idx])
                del plan[idx]
        if "spend" not in seen:
            raise InvalidInput("渠道表缺少必需的列: 花费 (消耗/spend)")
    else:
        for idx, what in list(plan.items()):
            if what in ("spend", "sales", "channel"):
                ignored.append(table.headers[idx])
                del plan[idx]
        if len(plan) == 1:
            raise InvalidInput(
                "没有找到可导入的数据列 (如 访客数、支付金额、直通车花费)。找到的表头: "
                + ", ".join(table.headers)
            )
    columns = {table.headers[i]: _describe(w) for i, w in plan.items()}
    return shape, plan, columns, ignored


def _describe(what: str | ChannelColumn) -> str:
    if isinstance(what, ChannelColumn):
        return f"{what.channel} {'花费' if what.what == 'spend' else '成交金额'}"
    names = {"day": "统计日期", "channel": "渠道", "spend": "花费", "sales": "成交金额"}
    if what in names:
        return names[what]
    return FIGURE_BY_KEY[what].label


def parse_sheet(table: Table, *, progress: Callable[[int, int], None] | None = None) -> ParsedSheet:
    """Parse every row of an export; collects all problems instead of stopping at the first."""
    shape, plan, columns, ignored = _plan(table)
    result = ParsedSheet(shape, columns, ignored)
    total = len(table.rows)
    seen_rows: dict[object, int] = {}
    for offset, cells in enumerate(table.rows):
        if progress is not None and offset % 2000 == 0:
            progress(offset, total)
        if not any(cells):
            continue
        row_no = table.first_row + offset
        if shape == DAILY:
            _daily_row(result, plan, table.headers, cells, row_no, seen_rows)
        else:
            _channel_row(result, plan, table.headers, cells, row_no, seen_rows)
        if len(result.errors) >= MAX_ERRORS:
            break
    if not result.days and not result.channel_days and not result.errors:
        raise InvalidInput("文件里没有数据行")
    if progress is not None:
        progress(total, total)
    return result


def _add_error(result: ParsedSheet, row: int, column: str, value: str, reason: str) -> None:
    if len(result.errors) < MAX_ERRORS:
        result.errors.append(RowError(row, column, value[:80], reason))


def _day_of(
    result: ParsedSheet,
    plan: dict[int, str | ChannelColumn],
    headers: list[str],
    cells: list[str],
    row_no: int,
) -> date | None:
    idx = next(i for i, w in plan.items() if w == "day")
    try:
        return parse_day(cells[idx])
    except (NumberError, ValueError) as exc:
        _add_error(result, row_no, headers[idx], cells[idx], str(exc))
        return None


def _daily_row(
    result: ParsedSheet,
    plan: dict[int, str | ChannelColumn],
    headers: list[str],
    cells: list[str],
    row_no: int,
    seen_rows: dict[object, int],
) -> None:
    day = _day_of(result, plan, headers, cells, row_no)
    values: dict[str, int | Decimal | None] = {}
    spend: dict[str, Decimal] = {}
    sales: dict[str, Decimal] = {}
    bad = day is None
    for idx, what in plan.items():
        text = cells[idx]
        if what == "day" or not text.strip():
            continue
        if is_no_value(text):
            if isinstance(what, ChannelColumn):  # no spend / no attributed sales that day
                (spend if what.what == "spend" else sales)[what.channel] = Decimal("0.00")
            elif (zero := dash_value(what)) is not None:
                values[what] = zero
            continue
        try:
            if isinstance(what, ChannelColumn):
                amount = parse_money(text)
                (spend if what.what == "spend" else sales)[what.channel] = amount
            else:
                values[what] = parse_figure(what, text)
        except (NumberError, ValueError) as exc:
            _add_error(result, row_no, headers[idx], text, str(exc))
            bad = True
    if day is not None and day in seen_rows:
        _add_error(
            result,
            row_no,
            _day_header(plan, headers),
            cells[_day_idx(plan)],
            f"日期重复: 第 {seen_rows[day]} 行已有这一天",
        )
        bad = True
    if bad or day is None:
        return
    seen_rows[day] = row_no
    derived = derive(DayFigures(day, **values))  # type: ignore[arg-type]
    result.days.append(derived.figures)
    result.day_rows.append(row_no)
    result.figure_keys.update(values)
    result.figure_keys.update(derived.computed)
    result.computed += len(derived.computed)
    for w in derived.warnings:
        header = _header_of(plan, headers, w.key)
        result.warnings.append(RowWarning(row_no, header, str(w.stated), w.reason))
    for channel in [*spend, *(c for c in sales if c not in spend)]:
        _note_channel(result, channel)
        result.channel_days.append(
            ChannelDay(
                day,
                channel,
                spend.get(channel, Decimal("0.00")),
                sales.get(channel, Decimal("0.00")),
            )
        )


def _channel_row(
    result: ParsedSheet,
    plan: dict[int, str | ChannelColumn],
    headers: list[str],
    cells: list[str],
    row_no: int,
    seen_rows: dict[object, int],
) -> None:
    day = _day_of(result, plan, headers, cells, row_no)
    bad = day is None
    channel = ""
    amounts: dict[str, Decimal] = {}
    for idx, what in plan.items():
        text = cells[idx]
        if what == "channel":
            channel = canonical_channel(text) if text.strip() else ""
            if not channel:
                _add_error(result, row_no, headers[idx], text, "渠道不能为空")
                bad = True
            elif len(channel) > 32:
                _add_error(result, row_no, headers[idx], text, "渠道名称太长 (最多 32 个字)")
                bad = True
        elif what in ("spend", "sales"):
            if (not text.strip() and what == "sales") or is_no_value(text):
                amounts[str(what)] = Decimal("0.00")
                continue
            try:
                amounts[str(what)] = parse_money(text)
            except (NumberError, ValueError) as exc:
                _add_error(result, row_no, headers[idx], text, str(exc))
                bad = True
    key = (day, channel)
    if day is not None and channel and key in seen_rows:
        _add_error(
            result,
            row_no,
            _day_header(plan, headers),
            cells[_day_idx(plan)],
            f"重复: 第 {seen_rows[key]} 行已有 {channel} 这一天的数据",
        )
        bad = True
    if bad or day is None:
        return
    seen_rows[key] = row_no
    _note_channel(result, channel)
    result.channel_days.append(
        ChannelDay(day, channel, amounts["spend"], amounts.get("sales", Decimal("0.00")))
    )


def _note_channel(result: ParsedSheet, channel: str) -> None:
    if channel not in result.channels:
        result.channels.append(channel)


def _day_idx(plan: dict[int, str | ChannelColumn]) -> int:
    return next(i for i, w in plan.items() if w == "day")


def _day_header(plan: dict[int, str | ChannelColumn], headers: list[str]) -> str:
    return headers[_day_idx(plan)]


def _header_of(plan: dict[int, str | ChannelColumn], headers: list[str], key: str) -> str:
    for i, w in plan.items():
        if w == key:
            return headers[i]
    return FIGURE_BY_KEY[key].label
