"""`shopdesk campaigns`: list the calendar, export it as iCalendar (.ics) or print the plan.

Also `campaign-preset` (create 双11, 周一团购 … in one step) and `campaign-stage` (move a
campaign to another stage), so a plan can be scripted.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shopdesk.errors import InvalidInput

if TYPE_CHECKING:
    from shopdesk.campaigns.rows import CampaignRow
    from shopdesk.cli import CliContext


def _day(text: str | None, what: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{what}“{text}”不是日期, 请写成 2026-11-01") from None


def _range(args: argparse.Namespace) -> tuple[date, date]:
    from shopdesk.campaigns.calendar import add_months
    from shopdesk.clock import today

    start = _day(args.date_from, "--from") or today().replace(day=1)
    end = _day(args.date_to, "--to") or add_months(start, 3) - timedelta(days=1)
    if end < start:
        raise InvalidInput("--to 不能早于 --from")
    return start, end


def _json(c: CampaignRow) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "kind": c.kind,
        "platform": c.platform,
        "stage": c.stage,
        "stage_label": c.stage_label,
        "start": c.start,
        "end": c.end,
        "signup_deadline": c.signup_deadline,
        "discount_text": c.discount_text,
        "budget": c.budget,
        "owner": c.owner_name,
        "recurrence": c.recurrence.to_json() if c.recurrence else None,
        "reject_reason": c.reject_reason,
        "skus": c.sku_count,
        "actual_sales": c.actual_sales,
        "actual_cost": c.actual_cost,
    }


def _cmd_campaigns(ctx: CliContext, args: argparse.Namespace) -> int:
    from shopdesk.campaigns import service
    from shopdesk.cli_output import emit
    from shopdesk.reports import Column

    actor = ctx.actor()
    start, end = _range(args)
    if args.out:
        out = Path(args.out)
        try:
            if out.suffix.lower() == ".ics":
                out.write_bytes(service.export_ics(ctx.db, actor, start, end))
            else:  # the printable plan: .xlsx / .csv / .pdf
                from shopdesk.reports import export

                export(service.plan_report(ctx.db, actor, start, end), str(out))
        except OSError as exc:
            raise InvalidInput(f"无法写入 {out}: {exc.strerror}") from None
        print(f"已导出 {start} 至 {end} 的活动: {out}")
        return 0
    rows = service.list_campaigns(ctx.db, actor, start, end, stage=args.stage, kind=args.kind)
    table = [
        {
            "id": c.id,
            "name": c.name,
            "kind": c.kind_label,
            "platform": c.platform,
            "start": c.start,
            "end": c.end,
            "repeat": c.recurrence_text,
            "signup": c.signup_deadline,
            "stage": c.stage_label + (f" ({c.reject_reason})" if c.reject_reason else ""),
            "owner": c.owner_name,
        }
        for c in rows
    ]
    cols = [
        Column("id", "编号", "int"),
        Column("name", "活动"),
        Column("kind", "类型"),
        Column("platform", "平台"),
        Column("start", "开始", "date"),
        Column("end", "结束", "date"),
        Column("repeat", "重复"),
        Column("signup", "报名截止", "date"),
        Column("stage", "阶段"),
        Column("owner", "负责人"),
    ]
    emit(table, cols, args.format, json_rows=[_json(c) for c in rows])
    return 0


def _cmd_preset(ctx: CliContext, args: argparse.Namespace) -> int:
    from shopdesk.campaigns import service
    from shopdesk.clock import today

    actor = ctx.actor()
    after = _day(args.after, "--after") or today()
    cid = service.create_from_preset(ctx.db, actor, args.preset, after)
    c = service.get_campaign(ctx.db, actor, cid).campaign
    print(f"已创建活动 #{c.id} {c.name}: {c.start} 至 {c.end} {c.recurrence_text}".rstrip())
    return 0


def _cmd_stage(ctx: CliContext, args: argparse.Namespace) -> int:
    from shopdesk.campaigns import service

    row = service.change_stage(ctx.db, ctx.actor(), args.id, args.stage, reason=args.reason)
    print(f"活动 #{row.id} {row.name} → {row.stage_label}")
    return 0


def register(
    commands: argparse._SubParsersAction[Any], imports: argparse._SubParsersAction[Any]
) -> None:
    from shopdesk.campaigns.presets import PRESET_KEYS
    from shopdesk.campaigns.stages import ALL_STAGES, KINDS
    from shopdesk.cli_output import FORMATS

    p = commands.add_parser(
        "campaigns",
        help="活动日历: 列出活动, 或用 --out 导出 .ics",
        description="列出与日期范围重叠的活动 (默认本月起三个月); --out FILE.ics 导出 iCalendar。",
    )
    p.add_argument("--from", dest="date_from", metavar="D", help="开始日期 YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="D", help="结束日期 YYYY-MM-DD")
    p.add_argument("--stage", choices=ALL_STAGES, help="只列此阶段")
    p.add_argument("--kind", choices=KINDS, help="official 官方活动 / own 自主活动")
    p.add_argument("--format", choices=FORMATS, default="table", help="输出格式 (默认 table)")
    p.add_argument(
        "--out", metavar="FILE", help="导出: .ics 日历文件, 或 .xlsx / .csv / .pdf 活动计划表"
    )
    p.set_defaults(handler=_cmd_campaigns)

    p = commands.add_parser("campaign-preset", help="按模板创建活动 (双11、周一团购 …)")
    p.add_argument("preset", choices=PRESET_KEYS)
    p.add_argument("--after", metavar="D", help="从此日期起的下一次 (默认今天)")
    p.set_defaults(handler=_cmd_preset)

    p = commands.add_parser("campaign-stage", help="改变活动阶段 (未通过需 --reason)")
    p.add_argument("id", type=int)
    p.add_argument("stage", choices=ALL_STAGES)
    p.add_argument("--reason", help="未通过的原因")
    p.set_defaults(handler=_cmd_stage)
