"""`shopdesk checklist [--date D] [--user NAME] [--format table|json|csv] [--out FILE]`
and `shopdesk checklist tick|skip|untick ITEM_ID --as NAME`.

ITEM_ID is the number in the 编号 column: `12` (that item on --date, default today), `12@2026-11-20`
(an earlier occurrence, e.g. an overdue weekly item) or `c7` (campaign task 7).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from shopdesk.cli_output import iso_date
from shopdesk.errors import InvalidInput


def register(
    commands: argparse._SubParsersAction[Any], imports: argparse._SubParsersAction[Any]
) -> None:
    from shopdesk.cli_output import FORMATS

    p = commands.add_parser(
        "checklist",
        help="今日检查: 列出要做的项目, 或勾选/跳过",
        description="列出某天要做的检查项目及状态; 子命令 tick/skip/untick 勾选、跳过或撤销。",
    )
    p.add_argument("--date", type=iso_date, help="日期 YYYY-MM-DD (默认今天)")
    p.add_argument("--user", metavar="NAME", help="查看此人的项目 (默认 --as 的用户)")
    p.add_argument("--all", action="store_true", help="所有人的项目")
    p.add_argument("--format", choices=FORMATS, default="table", help="输出格式 (默认 table)")
    p.add_argument("--out", help="导出当天报告: .xlsx / .pdf / .csv")
    p.set_defaults(handler=_cmd_list)
    actions = p.add_subparsers(dest="checklist_cmd", metavar="ACTION")

    for name, help_text in (
        ("tick", "勾选完成"),
        ("skip", "跳过 (必须填写原因 --note)"),
        ("untick", "撤销勾选或跳过"),
    ):
        a = actions.add_parser(name, help=help_text)
        a.add_argument("item", metavar="ITEM_ID", help="编号: 12, 12@2026-11-20 或 c7 (活动任务)")
        # --as may also come after the command here; SUPPRESS keeps a global --as when absent.
        a.add_argument("--as", dest="as_name", metavar="NAME", default=argparse.SUPPRESS)
        a.add_argument(
            "--date", type=iso_date, default=argparse.SUPPRESS, help="属于哪一天 (默认今天)"
        )
        if name != "untick":
            a.add_argument("--note", help="备注 (跳过时为原因)")
        if name == "tick":
            a.add_argument("--value", help="数值 (例如 DSR 4.8)")
        a.set_defaults(handler=_cmd_action, action=name)


def parse_item(text: str, default_day: date | None) -> tuple[str, int, date | None]:
    """'12' / '12@2026-11-20' / 'c7' → (kind, id, day)."""
    raw = text.strip()
    try:
        if raw.lower().startswith("c"):
            return "campaign", int(raw[1:]), None
        if "@" in raw:
            ident, day = raw.split("@", 1)
            return "template", int(ident), date.fromisoformat(day)
        return "template", int(raw), default_day
    except ValueError as exc:
        raise InvalidInput(f"项目编号 “{text}” 无效, 应为 12、12@2026-11-20 或 c7") from exc


def _as(ctx: Any, args: argparse.Namespace) -> None:
    as_name = getattr(args, "as_name", None)
    if as_name:
        ctx.as_name = as_name


def _cmd_list(ctx: Any, args: argparse.Namespace) -> int:
    from shopdesk.auth import service as auth
    from shopdesk.checklist import report, service
    from shopdesk.cli_output import emit
    from shopdesk.reports import Column

    if not ctx.as_name and args.user:
        ctx.as_name = args.user  # "show me my list" without repeating the name
    actor = ctx.actor()
    who = auth.actor_by_name(ctx.db, args.user) if args.user else None
    view = service.day_view(ctx.db, actor, args.date, everyone=args.all, for_user=who)
    if args.out:
        from shopdesk.reports import export
        from shopdesk.settings import service as settings

        rep = report.daily_report(view, settings.read(ctx.db, "shop.name"))
        export(rep, args.out)
        print(f"已导出 {len(view.rows)} 项到 {args.out}", file=sys.stderr)
        return 0
    rows = report.rows_for_cli(view.rows, view.day)
    cols = [
        Column("id", "编号"),
        Column("section", "分组"),
        Column("title", "检查项目"),
        Column("owner", "负责"),
        Column("status", "状态"),
        Column("by", "勾选人"),
        Column("at", "时间"),
        Column("value", "数值", "decimal", places=2),
        Column("note", "备注"),
    ]
    if args.format == "json":
        emit(rows, cols, "json", json_rows=[_json(r) for r in rows])
        return 0
    emit(rows, cols, args.format)
    if args.format == "table":
        p = view.progress
        sections = "  ".join(f"{k} {v.text}" for k, v in view.sections.items())
        print(f"\n{view.for_name} {report.day_title(view.day)}: 完成 {p.text}   {sections}")
        for r in view.reminders:
            print(f"提醒: {r.text}")
    return 0


def _json(row: dict[str, Any]) -> dict[str, Any]:
    keep = (
        "key",
        "template_id",
        "task_id",
        "source",
        "day",
        "section",
        "title",
        "owner",
        "status_code",
        "status",
        "by",
        "ticked_at",
        "value",
        "note",
        "carried_over",
        "rule",
    )
    out = {k: row[k] for k in keep}
    out["status_label"] = out.pop("status")
    out["status"] = out.pop("status_code")
    return out


def _cmd_action(ctx: Any, args: argparse.Namespace) -> int:
    from shopdesk.checklist import campaign_tasks, service

    _as(ctx, args)
    actor = ctx.actor()
    kind, ident, day = parse_item(args.item, getattr(args, "date", None))
    note = getattr(args, "note", None)
    if kind == "campaign":
        if args.action == "tick":
            task = campaign_tasks.complete(ctx.db, actor, ident, note)
        elif args.action == "untick":
            task = campaign_tasks.reopen(ctx.db, actor, ident)
        else:
            raise InvalidInput("活动任务不能跳过; 请在活动日历里调整")
        label = campaign_tasks.task_label(task) if task is not None else f"活动任务 {ident}"
        print(f"{label}: 已{'完成' if args.action == 'tick' else '撤销'}")
        return 0
    if args.action == "tick":
        row = service.tick(ctx.db, actor, ident, day, note=note, value=args.value)
    elif args.action == "skip":
        row = service.skip(ctx.db, actor, ident, day, note or "")
    else:
        row = service.untick(ctx.db, actor, ident, day)
    who = f" ({row.by_name})" if row.by_name else ""
    print(f"{row.title} ({row.day:%m-%d}): {row.status_label}{who}")
    return 0
