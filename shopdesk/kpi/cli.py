"""`shopdesk import kpi FILE --month YYYY-MM` and `shopdesk kpi --month YYYY-MM`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from shopdesk.errors import InvalidInput

PAYROLL_SUFFIXES = (".xlsx", ".csv", ".pdf")


def register(
    commands: argparse._SubParsersAction[Any], imports: argparse._SubParsersAction[Any]
) -> None:
    from shopdesk.cli_output import FORMATS

    p = imports.add_parser("kpi", help="导入客服绩效表 (主管填写的月度表)")
    p.add_argument("file", help="文件路径 (.xlsx/.xls/.csv)")
    p.add_argument("--month", required=True, help="考核月 YYYY-MM")
    p.add_argument("--card", help="考核表名称 (默认: 售后客服考核)")
    p.add_argument("--dry-run", action="store_true", help="只检查并预览, 不保存")
    p.set_defaults(handler=_cmd_import)

    p = commands.add_parser("kpi", help="客服绩效: 查看、导出工资表、发布、定稿")
    p.add_argument("--month", required=True, help="考核月 YYYY-MM")
    p.add_argument("--card", help="考核表名称 (默认: 售后客服考核)")
    p.add_argument("--format", choices=FORMATS, default="table", help="输出格式 (默认 table)")
    p.add_argument("--out", help="导出工资表: .xlsx / .csv / .pdf (店主、财务)")
    p.add_argument("--template", metavar="FILE.xlsx", help="导出空白录入模板")
    p.add_argument(
        "--team",
        metavar="主管",
        help="发布/定稿/重新打开哪位主管的组 (主管: 自己的组; 店主默认全部)",
    )
    action = p.add_mutually_exclusive_group()
    action.add_argument("--open", action="store_true", help="开始这个月的考核")
    action.add_argument("--publish", action="store_true", help="发布草稿给客服 (开始申诉期)")
    action.add_argument("--finalise", action="store_true", help="定稿 (锁定)")
    action.add_argument("--reopen", metavar="REASON", help="重新打开已定稿的月份 (店主, 需写原因)")
    p.set_defaults(handler=_cmd_kpi)


def _cmd_import(ctx: Any, args: argparse.Namespace) -> int:
    from shopdesk.kpi.importers import import_file

    actor = ctx.actor()
    preview = import_file(
        ctx.db, actor, args.file, args.month, card_name=args.card, dry_run=args.dry_run
    )
    if preview.ignored_headers:
        print(f"忽略的列: {', '.join(preview.ignored_headers)}", file=sys.stderr)
    counts: dict[str, int] = {}
    for r in preview.rows:
        counts[r.change] = counts.get(r.change, 0) + 1
    detail = ", ".join(f"{k} {v}" for k, v in counts.items()) or "没有数据行"
    verb = "已导入" if preview.stored else "检查通过 (未保存)"
    print(f"{verb}: {preview.card_name} {preview.month}, {len(preview.rows)} 人 ({detail})")
    return 0


def _cmd_kpi(ctx: Any, args: argparse.Namespace) -> int:
    from shopdesk.cli_output import emit
    from shopdesk.kpi import exports, service

    actor = ctx.actor()
    db = ctx.db
    month = service.check_month(args.month)
    if args.template:
        path = exports.write_template(db, actor, args.template, card_name=args.card)
        print(f"已导出空白模板到 {path}", file=sys.stderr)
        return 0
    if args.open:
        info = service.open_month(db, actor, month, args.card)
        print(f"{info.month} {info.card_name} (第 {info.card_version} 版): {info.status_label}")
        return 0
    info = service.find_month(db, actor, month, args.card)
    team = _team(db, args.team) if args.team else None
    if args.publish:
        info = service.publish(db, actor, info.id, team)
    elif args.finalise:
        info = service.finalise(db, actor, info.id, team)
    elif args.reopen is not None:
        info = service.reopen(db, actor, info.id, args.reopen, team)
    if args.publish or args.finalise or args.reopen is not None:
        print(f"{info.month} {info.card_name}: {info.status_label}")
        if len(info.teams) > 1:
            for t in info.teams:
                print(f"  {t.supervisor}组: {t.status_label}")
        return 0
    if args.out:
        out = Path(args.out)
        if out.suffix.lower() not in PAYROLL_SUFFIXES:
            raise InvalidInput("--out 只支持 .xlsx、.csv 或 .pdf")
        _export(exports.payroll_report(db, actor, info.id), out)
        print(f"已导出工资表到 {out}", file=sys.stderr)
        return 0
    g = service.grid(db, actor, info.id)
    rows, cols = exports.score_rows(g), exports.score_columns(g)
    emit(rows, cols, args.format, json_rows=exports.json_rows(g))
    if args.format == "table":
        print(f"{info.month} {info.card_name} (第 {info.card_version} 版) · {info.status_label}")
        if g.bonus_total is not None:
            print(f"绩效奖金合计: {g.bonus_total:,.2f} 元")
    return 0


def _team(db: Any, name: str) -> int:
    from sqlalchemy import select

    from shopdesk.auth.models import User

    with db.read() as s:
        uid = s.execute(select(User.id).where(User.name == name.strip())).scalar_one_or_none()
    if uid is None:
        raise InvalidInput(f"没有名为 “{name}” 的主管")
    return int(uid)


def _export(report: Any, out: Path) -> None:
    """.xlsx / .csv / .pdf by suffix; the PDF is laid out by the same code as the window's print
    (Qt is imported only for .pdf, see shopdesk.reports.export)."""
    from shopdesk.reports import export

    export(report, out)
