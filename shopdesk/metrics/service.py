"""Shop metrics: channels, typed-in days, imports, dashboard and summaries (DOMAIN §5).

Every function takes the Database and the acting user, checks the permission, works in one unit
of work and returns plain dataclasses. Imports go through Core upserts keyed by day (and channel):
importing the same file twice changes nothing, and an empty cell never erases a known figure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shopdesk import audit
from shopdesk.auth.actor import Actor
from shopdesk.auth.permissions import Perm, require
from shopdesk.clock import now, today
from shopdesk.db.conflict import stale_record
from shopdesk.db.engine import Database
from shopdesk.db.upsert import insert_for
from shopdesk.errors import ImportRejected, InvalidInput, NotFound, StaleRecord
from shopdesk.metrics.changes import (
    DEFAULT_THRESHOLD,
    Change,
    PeriodSummary,
    figure_change,
    summarise,
)
from shopdesk.metrics.derive import derive
from shopdesk.metrics.fields import (
    FIGURE_BY_KEY,
    FIGURE_KEYS,
    FIGURES,
    ChannelDay,
    DayFigures,
    canonical_channel,
    format_figure,
)
from shopdesk.metrics.importers import ParsedSheet, RowWarning, parse_sheet
from shopdesk.metrics.install import install
from shopdesk.metrics.models import AdChannel, ChannelDaily, DailyMetric
from shopdesk.metrics.roi import RoiResult, roi_result, shop_roi
from shopdesk.settings import service as settings

#: Figures shown as dashboard cards, in order.
CARD_KEYS: tuple[str, ...] = (
    "visitors",
    "paid_amount",
    "conversion",
    "aov",
    "paying_buyers",
    "orders",
    "page_views",
    "bounce_rate",
    "pages_per_visit",
    "dsr_description",
    "dsr_service",
    "dsr_logistics",
)


# ---------------------------------------------------------------------------- plain rows


@dataclass(frozen=True)
class ChannelInfo:
    id: int
    name: str
    sort_order: int
    active: bool


@dataclass(frozen=True)
class StoredDay:
    """One day as stored, with its channels (name → (spend, sales)) and lock version."""

    figures: DayFigures
    channels: dict[str, tuple[Decimal, Decimal]]
    version: int
    source: str | None


@dataclass(frozen=True)
class SaveResult:
    day: date
    created: bool
    computed: tuple[str, ...]
    warnings: tuple[str, ...]


@dataclass
class ImportResult:
    """What an import did (or, for a dry run or preview, would do)."""

    path: str
    shape: str
    columns: dict[str, str]
    ignored: list[str]
    first_day: date | None
    last_day: date | None
    day_count: int
    new_days: int
    updated_days: int
    channel_rows: int
    new_channels: list[str]
    computed: int
    warnings: list[RowWarning]
    errors: list[Any]
    preview: list[DayFigures] = field(default_factory=list)
    stored: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.errors:
            return f"{len(self.errors)} 处错误, 未保存任何数据"
        span = f"{self.first_day} ~ {self.last_day}" if self.first_day else ""
        verb = "已导入" if self.stored else "将导入"
        text = (
            f"{verb} {self.day_count} 天 ({span}): 新增 {self.new_days} 天, "
            f"更新 {self.updated_days} 天, 渠道数据 {self.channel_rows} 行"
        )
        if self.new_channels:
            text += f"; 新渠道: {', '.join(self.new_channels)}"
        if self.warnings:
            text += f"; {len(self.warnings)} 条提醒"
        return text


@dataclass(frozen=True)
class Card:
    """One dashboard card: a figure yesterday against the day before."""

    key: str
    label: str
    value_text: str
    previous_text: str
    change: Change
    definition: str


@dataclass(frozen=True)
class ChannelRoi:
    channel: str
    spend: Decimal
    sales: Decimal
    roi: RoiResult


@dataclass(frozen=True)
class Dashboard:
    day: date | None  # the latest day with figures on or before the requested day
    before: date | None
    threshold: Decimal
    cards: list[Card]
    channels: list[ChannelRoi]  # for `day`
    shop: RoiResult  # for `day`
    period_channels: list[ChannelRoi]  # over the last `period_days`
    period_shop: RoiResult
    period_start: date | None
    flagged: list[str]  # labels of cards beyond the threshold
    requested: date | None = None  # the day asked for (yesterday by default)

    @property
    def requested_missing(self) -> bool:
        """The day asked for has no figures: the cards show an earlier day (say so)."""
        return self.requested is not None and self.day != self.requested


@dataclass
class MetricsData:
    """Days and channel rows of a range, for charts and tables."""

    start: date
    end: date
    days: list[DayFigures]
    channel_days: list[ChannelDay]
    channels: list[str]  # active channel names in display order


# ---------------------------------------------------------------------------- channels


def _channel_map(s: Session) -> dict[str, AdChannel]:
    return {c.name: c for c in s.execute(select(AdChannel)).scalars()}


def list_channels(
    db: Database, actor: Actor, *, include_inactive: bool = False
) -> list[ChannelInfo]:
    require(actor, Perm.VIEW_METRICS)
    with db.read() as s:
        q = select(AdChannel).order_by(AdChannel.sort_order, AdChannel.id)
        if not include_inactive:
            q = q.where(AdChannel.active.is_(True))
        return [ChannelInfo(c.id, c.name, c.sort_order, c.active) for c in s.execute(q).scalars()]


def add_channel(db: Database, actor: Actor, name: str) -> ChannelInfo:
    """An owner-added ad channel (e.g. 抖音推广); re-adding a retired one revives it."""
    require(actor, Perm.EDIT_METRICS)
    clean = canonical_channel(name)
    if not clean:
        raise InvalidInput("渠道名称不能为空")
    if len(clean) > 32:
        raise InvalidInput("渠道名称太长 (最多 32 个字)")
    with db.write() as s:
        existing = s.execute(select(AdChannel).where(AdChannel.name == clean)).scalar_one_or_none()
        if existing is not None:
            if existing.active:
                raise InvalidInput(f"渠道“{clean}”已存在")
            existing.active = True
            audit.record(
                s,
                actor,
                "ad_channel",
                existing.id,
                "reactivate",
                {"active": False},
                {"active": True},
            )
            return ChannelInfo(existing.id, existing.name, existing.sort_order, True)
        order = (s.scalar(select(func.max(AdChannel.sort_order))) or 0) + 1
        ch = AdChannel(name=clean, sort_order=order, active=True)
        s.add(ch)
        s.flush()
        audit.record(s, actor, "ad_channel", ch.id, "create", None, {"name": clean})
        return ChannelInfo(ch.id, ch.name, ch.sort_order, True)


def set_channel_active(db: Database, actor: Actor, channel_id: int, active: bool) -> None:
    """Retire (or bring back) a channel; its history stays."""
    require(actor, Perm.EDIT_METRICS)
    with db.write() as s:
        ch = s.get(AdChannel, channel_id)
        if ch is None:
            raise NotFound("找不到这个渠道")
        if ch.active != active:
            audit.record(
                s, actor, "ad_channel", ch.id, "update", {"active": ch.active}, {"active": active}
            )
            ch.active = active


# ---------------------------------------------------------------------------- one day


def _figures_of(row: DailyMetric) -> DayFigures:
    return DayFigures(row.day, **{k: getattr(row, k) for k in FIGURE_KEYS})


def get_day(db: Database, actor: Actor, day: date) -> StoredDay | None:
    require(actor, Perm.VIEW_METRICS)
    with db.read() as s:
        row = s.execute(select(DailyMetric).where(DailyMetric.day == day)).scalar_one_or_none()
        chans = s.execute(
            select(AdChannel.name, ChannelDaily.spend, ChannelDaily.sales)
            .join(AdChannel, AdChannel.id == ChannelDaily.channel_id)
            .where(ChannelDaily.day == day)
        ).all()
        if row is None and not chans:
            return None
        figures = _figures_of(row) if row is not None else DayFigures(day)
        return StoredDay(
            figures,
            {name: (spend, sales) for name, spend, sales in chans},
            row.version if row is not None else 0,
            row.source if row is not None else None,
        )


def save_day(
    db: Database,
    actor: Actor,
    figures: DayFigures,
    channels: dict[str, tuple[Decimal, Decimal]] | None = None,
    *,
    expected_version: int | None = None,
) -> SaveResult:
    """The typed-in daily form: store one day exactly as given (None clears a figure).

    `expected_version` is the version the form was opened with; if someone saved the day in
    between, StaleRecord is raised instead of overwriting their figures.
    """
    require(actor, Perm.EDIT_METRICS)
    if figures.day > today():
        raise InvalidInput("不能录入未来日期的数据")
    derived = derive(figures)
    with db.write() as s:
        row = s.execute(
            select(DailyMetric).where(DailyMetric.day == figures.day)
        ).scalar_one_or_none()
        created = row is None
        if row is None:
            if expected_version not in (None, 0):
                raise StaleRecord(f"{figures.day} 的数据已被删除, 请重新打开")
            row = DailyMetric(day=figures.day)
            s.add(row)
            before: dict[str, Any] = {}
        else:
            if expected_version is not None and row.version != expected_version:
                raise stale_record(
                    s, "daily_metric", figures.day.isoformat(), f"{figures.day} 的数据"
                )
            before = {k: getattr(row, k) for k in FIGURE_KEYS}
        after = derived.figures.as_dict()
        for k, v in after.items():
            setattr(row, k, v)
        row.source = "form"
        row.updated_at = now()
        row.updated_by_id = actor.id
        s.flush()
        old, new = audit.changes(before, after) if not created else ({}, after)
        ch_old, ch_new = _store_channels(s, figures.day, channels or {})
        old.update(ch_old)
        new.update(ch_new)
        if old or new:
            audit.record(
                s,
                actor,
                "daily_metric",
                figures.day.isoformat(),
                "create" if created else "update",
                old or None,
                new,
            )
    return SaveResult(
        figures.day, created, derived.computed, tuple(str(w) for w in derived.warnings)
    )


def _store_channels(
    s: Session, day: date, channels: dict[str, tuple[Decimal, Decimal]]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Replace the day's values of the given channels; returns (before, after) for audit."""
    cmap = _channel_map(s)
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    for raw_name, (spend, sales) in channels.items():
        name = canonical_channel(raw_name)
        ch = cmap.get(name)
        if ch is None:
            raise InvalidInput(f"未知渠道“{name}”: 请先在渠道列表中添加")
        if spend < 0 or sales < 0:
            raise InvalidInput(f"{name}: 花费和成交金额不能为负")
        rec = s.execute(
            select(ChannelDaily).where(ChannelDaily.day == day, ChannelDaily.channel_id == ch.id)
        ).scalar_one_or_none()
        if rec is None:
            if spend == 0 and sales == 0:
                continue
            rec = ChannelDaily(day=day, channel_id=ch.id, spend=spend, sales=sales)
            s.add(rec)
            new[f"{name}.spend"], new[f"{name}.sales"] = spend, sales
        elif (rec.spend, rec.sales) != (spend, sales):
            old[f"{name}.spend"], old[f"{name}.sales"] = rec.spend, rec.sales
            new[f"{name}.spend"], new[f"{name}.sales"] = spend, sales
            rec.spend, rec.sales = spend, sales
    s.flush()
    return old, new


def delete_day(db: Database, actor: Actor, day: date) -> None:
    """Remove a day typed in by mistake (figures and channel rows), audited with its values."""
    require(actor, Perm.EDIT_METRICS)
    with db.write() as s:
        row = s.execute(select(DailyMetric).where(DailyMetric.day == day)).scalar_one_or_none()
        chans = s.execute(select(ChannelDaily).where(ChannelDaily.day == day)).scalars().all()
        if row is None and not chans:
            raise NotFound(f"{day} 没有数据")
        before: dict[str, Any] = {k: getattr(row, k) for k in FIGURE_KEYS} if row else {}
        names = {c.id: c.name for c in _channel_map(s).values()}
        for c in chans:
            before[f"{names.get(c.channel_id, c.channel_id)}.spend"] = c.spend
            before[f"{names.get(c.channel_id, c.channel_id)}.sales"] = c.sales
            s.delete(c)
        if row is not None:
            s.delete(row)
        audit.record(s, actor, "daily_metric", day.isoformat(), "delete", before, None)


# ---------------------------------------------------------------------------- import


def preview_import(
    db: Database,
    actor: Actor,
    path: str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Read and check a file; nothing is stored. Errors are in the result, not raised."""
    return import_file(db, actor, path, dry_run=True, progress=progress, raise_errors=False)


def import_file(
    db: Database,
    actor: Actor,
    path: str | Path,
    *,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    raise_errors: bool = True,
) -> ImportResult:
    """Import a platform export: all rows or none; re-importing the same file upserts."""
    from shopdesk.io.tabular import read_table

    require(actor, Perm.EDIT_METRICS)
    table = read_table(path)
    parsed = parse_sheet(table, progress=progress)
    future = [d for d in (parsed.last_day,) if d is not None and d > today()]
    if future:
        raise InvalidInput(f"文件中有未来日期 ({future[0]}), 请检查统计日期列")
    result = _result_of(db, Path(path), parsed)
    if parsed.errors:
        if raise_errors:
            raise ImportRejected(parsed.errors)
        return result
    if dry_run:
        return result
    with db.write() as s:
        _upsert(s, actor, parsed)
        audit.record(
            s,
            actor,
            "metrics_import",
            Path(path).name,
            "import",
            None,
            {
                "file": Path(path).name,
                "shape": parsed.shape,
                "days": result.day_count,
                "from": parsed.first_day,
                "to": parsed.last_day,
                "new_days": result.new_days,
                "updated_days": result.updated_days,
                "channel_rows": result.channel_rows,
                "new_channels": result.new_channels,
            },
        )
    result.stored = True
    return result


def _result_of(db: Database, path: Path, parsed: ParsedSheet) -> ImportResult:
    days = sorted({d.day for d in parsed.days} | {c.day for c in parsed.channel_days})
    with db.read() as s:
        existing: set[date] = set()
        if days:
            existing = set(
                s.execute(
                    select(DailyMetric.day).where(DailyMetric.day.between(days[0], days[-1]))
                ).scalars()
            ) | set(
                s.execute(
                    select(ChannelDaily.day).where(ChannelDaily.day.between(days[0], days[-1]))
                ).scalars()
            )
        known = set(s.execute(select(AdChannel.name)).scalars())
    new_days = sum(1 for d in days if d not in existing)
    return ImportResult(
        path=str(path),
        shape=parsed.shape,
        columns=parsed.columns,
        ignored=parsed.ignored,
        first_day=parsed.first_day,
        last_day=parsed.last_day,
        day_count=len(days),
        new_days=new_days,
        updated_days=len(days) - new_days,
        channel_rows=len(parsed.channel_days),
        new_channels=[c for c in parsed.channels if c not in known],
        computed=parsed.computed,
        warnings=parsed.warnings,
        errors=list(parsed.errors),
        preview=sorted(parsed.days, key=lambda d: d.day)[:50],
    )


def _upsert(s: Session, actor: Actor, parsed: ParsedSheet) -> None:
    """Core upserts (executemany), 50× faster than the ORM for a big history."""
    stamp = now()
    if parsed.days:
        t = DailyMetric.__table__
        keys = sorted(parsed.figure_keys)
        rows = [
            {
                "day": d.day,
                **{k: d.get(k) for k in keys},
                "source": "import",
                "updated_at": stamp,
                "updated_by_id": actor.id,
                "version": 1,
            }
            for d in parsed.days
        ]
        stmt = insert_for(s, t)
        # An empty cell means "not in this file": keep what is known instead of erasing it.
        update: dict[str, Any] = {k: func.coalesce(stmt.excluded[k], t.c[k]) for k in keys}
        update.update(
            source=stmt.excluded.source,
            updated_at=stmt.excluded.updated_at,
            updated_by_id=stmt.excluded.updated_by_id,
            version=t.c.version + 1,  # Core bypasses version_id_col: bump it by hand
        )
        for chunk in _chunks(rows, 500):
            s.execute(stmt.on_conflict_do_update(index_elements=["day"], set_=update), chunk)
    if parsed.channel_days:
        cmap = _channel_map(s)
        order = max((c.sort_order for c in cmap.values()), default=0)
        for name in parsed.channels:
            if name not in cmap:
                order += 1
                ch = AdChannel(name=name, sort_order=order, active=True)
                s.add(ch)
                s.flush()
                cmap[name] = ch
                audit.record(
                    s, actor, "ad_channel", ch.id, "create", None, {"name": name, "via": "import"}
                )
            elif not cmap[name].active:
                cmap[name].active = True
        t2 = ChannelDaily.__table__
        rows2 = [
            {"day": c.day, "channel_id": cmap[c.channel].id, "spend": c.spend, "sales": c.sales}
            for c in parsed.channel_days
        ]
        stmt2 = insert_for(s, t2)
        upd2 = {"spend": stmt2.excluded.spend, "sales": stmt2.excluded.sales}
        for chunk in _chunks(rows2, 500):
            s.execute(
                stmt2.on_conflict_do_update(index_elements=["day", "channel_id"], set_=upd2), chunk
            )
    s.flush()


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


# ---------------------------------------------------------------------------- reading


def threshold(db: Database) -> Decimal:
    """The day-over-day flag threshold (setting metrics.change_threshold, default 0.20)."""
    try:
        return Decimal(str(settings.read(db, "metrics.change_threshold")))
    except Exception:  # a broken stored value must not break the dashboard
        return DEFAULT_THRESHOLD


def _load(s: Session, start: date, end: date) -> tuple[list[DayFigures], list[ChannelDay]]:
    t = DailyMetric.__table__
    cols = [t.c.day, *(t.c[k] for k in FIGURE_KEYS)]
    days = [
        DayFigures(r[0], **dict(zip(FIGURE_KEYS, r[1:], strict=True)))
        for r in s.execute(select(*cols).where(t.c.day.between(start, end)).order_by(t.c.day))
    ]
    chans = [
        ChannelDay(day, name, spend, sales)
        for day, name, spend, sales in s.execute(
            select(ChannelDaily.day, AdChannel.name, ChannelDaily.spend, ChannelDaily.sales)
            .join(AdChannel, AdChannel.id == ChannelDaily.channel_id)
            .where(ChannelDaily.day.between(start, end))
            .order_by(ChannelDaily.day, AdChannel.sort_order)
        )
    ]
    return days, chans


def load_range(db: Database, actor: Actor, start: date, end: date) -> MetricsData:
    require(actor, Perm.VIEW_METRICS)
    if start > end:
        raise InvalidInput("开始日期不能晚于结束日期")
    with db.read() as s:
        days, chans = _load(s, start, end)
        names = list(
            s.execute(
                select(AdChannel.name)
                .where(AdChannel.active.is_(True))
                .order_by(AdChannel.sort_order, AdChannel.id)
            ).scalars()
        )
    for c in chans:  # a retired channel with data in the range still shows
        if c.channel not in names:
            names.append(c.channel)
    return MetricsData(start, end, days, chans, names)


def data_span(db: Database, actor: Actor) -> tuple[date | None, date | None]:
    """First and last day with figures (for date pickers)."""
    require(actor, Perm.VIEW_METRICS)
    with db.read() as s:
        lo, hi = s.execute(select(func.min(DailyMetric.day), func.max(DailyMetric.day))).one()
        return lo, hi


def _channel_rois(channel_days: Sequence[ChannelDay], names: Sequence[str]) -> list[ChannelRoi]:
    spend: dict[str, Decimal] = {}
    sales: dict[str, Decimal] = {}
    for c in channel_days:
        spend[c.channel] = spend.get(c.channel, Decimal("0.00")) + c.spend
        sales[c.channel] = sales.get(c.channel, Decimal("0.00")) + c.sales
    order = list(names) + [n for n in spend if n not in names]
    return [
        ChannelRoi(
            n,
            spend.get(n, Decimal("0.00")),
            sales.get(n, Decimal("0.00")),
            roi_result(sales.get(n), spend.get(n)),
        )
        for n in order
    ]


def _shop(days: Sequence[DayFigures], channel_days: Sequence[ChannelDay]) -> RoiResult:
    paid = sum((d.paid_amount or Decimal(0) for d in days), Decimal("0.00"))
    ads = sum((c.spend for c in channel_days), Decimal("0.00"))
    ship = sum((d.free_shipping_cost or Decimal(0) for d in days), Decimal("0.00"))
    disc = sum((d.discounts or Decimal(0) for d in days), Decimal("0.00"))
    return shop_roi(paid, ads, ship, disc)


def shop_roi_of(day: DayFigures, ad_spend: Decimal | None) -> RoiResult:
    """Shop ROI of one day given its total ad spend."""
    return shop_roi(day.paid_amount, ad_spend, day.free_shipping_cost, day.discounts)


def roi_over(data: MetricsData) -> tuple[list[ChannelRoi], RoiResult]:
    """ROI per channel and for the shop over all days of `data`."""
    return _channel_rois(data.channel_days, data.channels), _shop(data.days, data.channel_days)


def dashboard(
    db: Database, actor: Actor, as_of: date | None = None, *, period_days: int = 7
) -> Dashboard:
    """Cards for the latest day on or before `as_of` (default: yesterday) against the day before,
    and ROI per channel and for the shop, for that day and for the last `period_days` days."""
    require(actor, Perm.VIEW_METRICS)
    target = as_of or today() - timedelta(days=1)
    limit = threshold(db)
    with db.read() as s:
        day = s.scalar(select(func.max(DailyMetric.day)).where(DailyMetric.day <= target))
        names = list(
            s.execute(
                select(AdChannel.name)
                .where(AdChannel.active.is_(True))
                .order_by(AdChannel.sort_order, AdChannel.id)
            ).scalars()
        )
        if day is None:
            empty = shop_roi(None, None)
            return Dashboard(None, None, limit, [], [], empty, [], empty, None, [], target)
        # Compared with the latest earlier day that has figures (the UI names it when it is
        # not the day before).
        earlier = s.scalar(select(func.max(DailyMetric.day)).where(DailyMetric.day < day))
        before_day = earlier if earlier is not None else day - timedelta(days=1)
        period_start = day - timedelta(days=period_days - 1)
        days, chans = _load(s, min(period_start, before_day), day)
    by_day = {d.day: d for d in days}
    cur, prev = by_day.get(day), by_day.get(before_day)
    cards = []
    for key in CARD_KEYS:
        spec = FIGURE_BY_KEY[key]
        ch = figure_change(key, cur, prev, limit)
        cards.append(
            Card(
                key,
                spec.label,
                format_figure(key, cur.get(key) if cur else None),
                format_figure(key, prev.get(key) if prev else None),
                ch,
                spec.definition,
            )
        )
    day_chans = [c for c in chans if c.day == day]
    period_chans = [c for c in chans if c.day >= period_start]
    return Dashboard(
        day=day,
        before=before_day if prev is not None else None,
        threshold=limit,
        cards=cards,
        channels=_channel_rois(day_chans, names),
        shop=_shop([cur] if cur else [], day_chans),
        period_channels=_channel_rois(period_chans, names),
        period_shop=_shop([d for d in days if d.day >= period_start], period_chans),
        period_start=period_start,
        flagged=[c.label for c in cards if c.change.flagged],
        requested=target,
    )


def summaries(
    db: Database, actor: Actor, start: date, end: date, period: str
) -> list[PeriodSummary]:
    """Week or month summaries of a range (exact sums, ratios recomputed from the sums)."""
    if period not in ("week", "month"):
        raise InvalidInput("汇总周期应为 week (周) 或 month (月)")
    data = load_range(db, actor, start, end)
    return summarise(data.days, data.channel_days, period)


@dataclass(frozen=True)
class DayReportRow:
    """One line of `shopdesk metrics`: the day's figures, ROI per channel and flagged changes."""

    figures: DayFigures
    channels: list[ChannelRoi]
    shop: RoiResult
    changes: dict[str, Change]

    @property
    def flagged(self) -> list[str]:
        return [FIGURE_BY_KEY[k].label for k, c in self.changes.items() if c.flagged]


def day_report(db: Database, actor: Actor, start: date, end: date) -> list[DayReportRow]:
    data = load_range(db, actor, start - timedelta(days=1), end)
    limit = threshold(db)
    by_day = {d.day: d for d in data.days}
    chans_by_day: dict[date, list[ChannelDay]] = {}
    for c in data.channel_days:
        chans_by_day.setdefault(c.day, []).append(c)
    out = []
    for d in data.days:
        if d.day < start:
            continue
        prev = by_day.get(d.day - timedelta(days=1))
        day_chans = chans_by_day.get(d.day, [])
        out.append(
            DayReportRow(
                d,
                _channel_rois(day_chans, data.channels),
                _shop([d], day_chans),
                {k: figure_change(k, d, prev, limit) for k in CARD_KEYS},
            )
        )
    return out


def summary_report(
    db: Database, actor: Actor, start: date, end: date, period: str, shop_name: str = ""
) -> Any:
    """The week/month summary as a Report (xlsx/csv/print), one column per channel."""
    from shopdesk.reports import Column, Report

    rows_in = summaries(db, actor, start, end, period)
    names = load_range(db, actor, start, end).channels
    cols = [
        Column("label", "周" if period == "week" else "月", "text", 26),
        Column("days", "天数", "int", 6),
        Column("visitors", "访客数", "int", 10),
        Column("paying_buyers", "支付买家数", "int", 10),
        Column("orders", "支付订单数", "int", 10),
        Column("paid_amount", "支付金额", "money", 14),
        Column("conversion", "支付转化率", "percent", 10, 3),
        Column("aov", "客单价", "money", 10),
        Column("bounce_rate", "跳失率", "percent", 9, 3),
        Column("ad_spend", "推广花费", "money", 12),
    ]
    for n in names:
        cols.append(Column(f"roi:{n}", f"{n} ROI", "text", 12))
    cols += [
        Column("shop_cost", "店铺成本", "money", 12),
        Column("shop_roi", "店铺 ROI", "text", 10),
        Column("shop_tier", "等级", "text", 8),
    ]
    rows = []
    for p in rows_in:
        shop = p.shop_roi
        row: dict[str, Any] = {
            "label": p.label,
            "days": p.days,
            "visitors": p.visitors,
            "paying_buyers": p.paying_buyers,
            "orders": p.orders,
            "paid_amount": p.paid_amount,
            "conversion": p.conversion,
            "aov": p.aov,
            "bounce_rate": p.bounce_rate,
            "ad_spend": p.ad_spend,
            "shop_cost": shop.cost,
            "shop_roi": shop.text,
            "shop_tier": shop.tier_label,
            "fail": shop.tier is not None and shop.tier.rank == 0,
        }
        for n in names:
            r = p.channel_roi(n)
            row[f"roi:{n}"] = f"{r.text} {r.tier_label}".strip() if r.ratio is not None else ""
        rows.append(row)
    kind = "周" if period == "week" else "月"
    return Report.simple(
        f"经营数据{kind}汇总",
        cols,
        rows,
        shop=shop_name,
        subtitle=f"{start} ~ {end}",
        notes=[
            "支付转化率 = 支付买家数 ÷ 访客数; 客单价 = 支付金额 ÷ 支付买家数 (按汇总数重新计算)。",
            "店铺 ROI = 支付金额 ÷ (推广花费 + 免邮费用 + 打折促销); "
            "低于 1:3 不及格, 1:3 及格, 1:4 良好, 1:5 优秀。",
            "访客数为每日访客数之和 (同一访客在不同日期会重复计算)。",
        ],
        highlight_key="fail",
    )


__all__ = [
    "CARD_KEYS",
    "FIGURES",
    "Card",
    "ChannelInfo",
    "ChannelRoi",
    "Dashboard",
    "DayReportRow",
    "ImportResult",
    "MetricsData",
    "SaveResult",
    "StoredDay",
    "install",
]
