"""`shopdesk metrics`, `shopdesk metrics-channels` and `shopdesk import metrics FILE`."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from shopdesk.cli_output import iso_date
from shopdesk.errors import InvalidInput


def register(
    commands: argparse._SubParsersAction[Any], imports: argparse._SubParsersAction[Any]
) -> None:
    from shopdesk.cli_output import FORMATS

    p = imports.add_parser("metrics", help="导入经营数据 (生意参谋等导出的日报表 / 推广渠道表)")
    p.add_argument("file", help="文件路径 (.xlsx/.xls/.csv, UTF-8 或 GBK)")
    p.add_argument("--dry-run", action="store_true", help="只检查并预览, 不保存")
    p.set_defaults(handler=_cmd_import)

    p = commands.add_parser(
        "metrics",
        help="经营数据: 每日数据、各渠道 ROI 与等级、超过阈值的变化",
        description="默认显示截至昨天的最近 7 天。--summary 输出周/月汇总。",
    )
    p.add_argument("--from", dest="start", type=iso_date, help="开始日期 YYYY-MM-DD")
    p.add_argument("--to", dest="end", type=iso_date, help="结束日期 YYYY-MM-DD (默认: 昨天)")
    p.add_argument("--summary", choices=("week", "month"), help="按周或按月汇总")
    p.add_argument("--format", choices=FORMATS, default="table", help="输出格式 (默认 table)")
    p.add_argument("--out", help="把汇总导出为 .xlsx 或 .csv (需 --summary)")
    p.set_defaults(handler=_cmd_metrics)

    p = commands.add_parser("metrics-channels", help="推广渠道: 列出、添加、停用")
    p.add_argument("--add", metavar="NAME", help="添加渠道")
    p.add_argument("--retire", metavar="NAME", help="停用渠道 (历史数据保留)")
    p.add_argument("--format", choices=FORMATS, default="table", help="输出格式 (默认 table)")
    p.set_defaults(handler=_cmd_channels)


def _cmd_import(ctx: Any, args: argparse.Namespace) -> int:
    from shopdesk.metrics import service

    result = service.import_file(ctx.db, ctx.actor(), args.file, dry_run=args.dry_run)
    if result.ignored:
        print(f"忽略的列: {', '.join(result.ignored)}", file=sys.stderr)
    for w in result.warnings:
        print(f"提醒: {w}", file=sys.stderr)
    print(result.summary())
    return 0


def _range(ctx: Any, args: argparse.Namespace, actor: Any) -> tuple[date, date]:
    from shopdesk.clock import today

    end = args.end or today() - timedelta(days=1)
    start = args.start or end - timedelta(days=6 if not args.summary else 89)
    if start > end:
        raise InvalidInput("--from 不能晚于 --to")
    return start, end


def _cmd_metrics(ctx: Any, args: argparse.Namespace) -> int:
    from shopdesk.metrics import service

    actor = ctx.actor()
    start, end = _range(ctx, args, actor)
    if args.out and not args.summary:
        raise InvalidInput("--out 需要同时指定 --summary week 或 --summary month")
    if args.summary:
        return _summary(ctx, args, actor, start, end)
    rows = service.day_report(ctx.db, actor, start, end)
    channels = service.load_range(ctx.db, actor, start, end).channels
    _emit_days(rows, channels, args.format)
    return 0


def _emit_days(rows: list[Any], channels: list[str], fmt: str) -> None:
    from shopdesk.cli_output import emit
    from shopdesk.metrics.fields import format_figure
    from shopdesk.reports import Column

    cols = [
        Column("day", "日期", "date"),
        Column("visitors", "访客数", "int"),
        Column("paying_buyers", "买家数", "int"),
        Column("paid_amount", "支付金额", "money"),
        Column("conversion", "转化率", "percent", places=3),
        Column("aov", "客单价", "money"),
        *(Column(f"roi:{n}", f"{n} ROI") for n in channels),
        Column("shop_roi", "店铺 ROI"),
        Column("flags", "变化超过阈值"),
    ]
    table: list[dict[str, Any]] = []
    json_rows: list[dict[str, Any]] = []
    for r in rows:
        f = r.figures
        chans = {c.channel: c for c in r.channels}
        line: dict[str, Any] = {
            "day": f.day,
            "visitors": f.visitors,
            "paying_buyers": f.paying_buyers,
            "paid_amount": f.paid_amount,
            "conversion": f.conversion,
            "aov": f.aov,
            "shop_roi": f"{r.shop.text} {r.shop.tier_label}".strip(),
            "flags": " ".join(
                f"{_label(k)}{c.direction.arrow}{c.text}" for k, c in r.changes.items() if c.flagged
            ),
        }
        for n in channels:
            c = chans.get(n)
            line[f"roi:{n}"] = f"{c.roi.text} {c.roi.tier_label}" if c and c.roi.ratio else ""
        table.append(line)
        json_rows.append(
            {
                "day": f.day,
                "figures": {k: v for k, v in f.as_dict().items() if v is not None},
                "channels": [
                    {
                        "channel": c.channel,
                        "spend": c.spend,
                        "sales": c.sales,
                        "roi": c.roi.text if c.roi.ratio is not None else None,
                        "tier": c.roi.tier.value if c.roi.tier else None,
                        "tier_label": c.roi.tier_label or None,
                    }
                    for c in r.channels
                    if c.spend or c.sales
                ],
                "shop": {
                    "sales": r.shop.sales,
                    "cost": r.shop.cost,
                    "roi": r.shop.text if r.shop.ratio is not None else None,
                    "tier": r.shop.tier.value if r.shop.tier else None,
                },
                "flagged": [
                    {
                        "figure": k,
                        "label": _label(k),
                        "value": format_figure(k, c.value),
                        "previous": format_figure(k, c.previous),
                        "change": c.text,
                    }
                    for k, c in r.changes.items()
                    if c.flagged
                ],
            }
        )
    emit(table, cols, fmt, json_rows=json_rows)


def _label(key: str) -> str:
    from shopdesk.metrics.fields import FIGURE_BY_KEY

    return FIGURE_BY_KEY[key].label


def _summary(ctx: Any, args: argparse.Namespace, actor: Any, start: date, end: date) -> int:
    from shopdesk.cli_output import emit
    from shopdesk.metrics import service
    from shopdesk.settings import service as settings

    report = service.summary_report(
        ctx.db, actor, start, end, args.summary, str(settings.read(ctx.db, "shop.name"))
    )
    if args.out:
        out = Path(args.out)
        suffix = out.suffix.lower()
        out.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".xlsx":
            from shopdesk.io.excel import write_report
        elif suffix == ".csv":
            from shopdesk.io.csvout import write_report
        else:
            raise InvalidInput("--out 只支持 .xlsx 或 .csv")
        write_report(report, out)
        print(f"已导出 {len(report.rows)} 行到 {out}", file=sys.stderr)
        return 0
    rows = [{k: v for k, v in r.items() if k != "fail"} for r in report.rows]
    emit(rows, report.columns, args.format)
    return 0


def _cmd_channels(ctx: Any, args: argparse.Namespace) -> int:
    from shopdesk.cli_output import emit
    from shopdesk.metrics import service
    from shopdesk.reports import Column

    actor = ctx.actor()
    if args.add:
        ch = service.add_channel(ctx.db, actor, args.add)
        print(f"已添加渠道 {ch.name}", file=sys.stderr)
    if args.retire:
        found = [
            c
            for c in service.list_channels(ctx.db, actor, include_inactive=True)
            if c.name == args.retire
        ]
        if not found:
            raise InvalidInput(f"没有名为“{args.retire}”的渠道")
        service.set_channel_active(ctx.db, actor, found[0].id, False)
        print(f"已停用渠道 {args.retire}", file=sys.stderr)
    rows = [
        {"name": c.name, "active": c.active}
        for c in service.list_channels(ctx.db, actor, include_inactive=True)
    ]
    emit(rows, [Column("name", "渠道"), Column("active", "启用", "bool")], args.format)
    return 0
