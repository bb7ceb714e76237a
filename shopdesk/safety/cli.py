"""`shopdesk backup`, `shopdesk restore FILE`, `shopdesk check`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shopdesk.cli_output import iso_date

if TYPE_CHECKING:
    from shopdesk.cli import CliContext


def register(
    commands: argparse._SubParsersAction[Any], imports: argparse._SubParsersAction[Any]
) -> None:
    p = commands.add_parser("backup", help="备份数据库 (列出已有备份: --list)")
    p.add_argument("--out", type=Path, help="备份到这个文件 (默认: 数据目录/backups/)")
    p.add_argument("--list", action="store_true", help="列出已有的备份")
    p.set_defaults(handler=_cmd_backup)
    p = commands.add_parser("restore", help="从备份恢复 (先自动备份当前数据库)")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=_cmd_restore)
    p = commands.add_parser("audit", help="操作日志 (店主/财务): 按用户、对象、日期筛选")
    p.add_argument("--user")
    p.add_argument("--entity")
    p.add_argument("--from", dest="since", type=iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="until", type=iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--out", help="导出到 .xlsx / .csv / .pdf")
    p.set_defaults(handler=_cmd_audit)
    p = commands.add_parser(
        "migrate-to", help="把本机 SQLite 店铺复制到空的 PostgreSQL 数据库 (团队模式)"
    )
    p.add_argument("url", help="postgresql+psycopg://用户:密码@服务器/数据库")
    p.set_defaults(handler=_cmd_migrate_to)
    p = commands.add_parser("check", help="检查数据库完整性、操作日志哈希链和库存记录")
    p.add_argument(
        "--fix-stock",
        action="store_true",
        help="盘点确认后 (店主): 按显示的库存补记出入库记录, 使两者一致",
    )
    p.set_defaults(handler=_cmd_check)


def _cmd_backup(ctx: CliContext, args: argparse.Namespace) -> int:
    from shopdesk.auth.permissions import Perm, require
    from shopdesk.backup import backup_now, list_backups

    require(ctx.actor(), Perm.BACKUP)
    if args.list:
        for b in list_backups(ctx.location):
            print(f"{b.taken:%Y-%m-%d %H:%M:%S}  {b.size / 1e6:8.1f} MB  {b.reason:16}  {b.path}")
        return 0
    print(f"已备份到 {backup_now(ctx.location, 'manual', args.out)}")
    return 0


def _cmd_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    from shopdesk.auth.permissions import Perm, require
    from shopdesk.backup import restore, validate_backup

    require(ctx.actor(), Perm.RESTORE)
    validate_backup(args.file)
    ctx.db.dispose()  # release the file before it is replaced
    safety = restore(ctx.location, args.file)
    print(f"已从 {args.file} 恢复。恢复前的数据库已另存为 {safety}")
    return 0


def _cmd_audit(ctx: CliContext, args: argparse.Namespace) -> int:
    from shopdesk.audit.service import audit_report, list_entries
    from shopdesk.cli_output import emit
    from shopdesk.reports import export
    from shopdesk.settings import service as settings

    rows = list_entries(
        ctx.db,
        ctx.actor(),
        user=args.user,
        entity=args.entity,
        since=args.since,
        until=args.until,
        limit=args.limit,
    )
    report = audit_report(rows, settings.read(ctx.db, "shop.name"))
    if args.out:
        print(f"已导出 {len(rows)} 条到 {export(report, args.out)}")
        return 0
    emit(report.rows, report.columns, args.format)
    return 0


def _cmd_migrate_to(ctx: CliContext, args: argparse.Namespace) -> int:
    from shopdesk.auth.permissions import Perm, require
    from shopdesk.db.transfer import migrate_to

    require(ctx.actor(), Perm.RESTORE)
    report = migrate_to(ctx.db, args.url)
    for t in report:
        print(f"{t.table:28} {t.rows:>9} 行  校验 {t.checksum}")
    print(f"已复制 {sum(t.rows for t in report)} 行, 每张表的行数和校验值一致。")
    print("以后用 shopdesk --db URL 打开 (或设置环境变量 SHOPDESK_DB_URL)。")
    return 0


def _cmd_check(ctx: CliContext, args: argparse.Namespace) -> int:
    from shopdesk.safety.check import run_checks

    if args.fix_stock:
        from shopdesk.safety.repair import reconcile_stock

        for fix in reconcile_stock(ctx.db, ctx.actor()):
            print(f"已补记 {fix.sku}: 记录合计 {fix.recorded} → 库存 {fix.on_hand}")
    findings = run_checks(ctx.db)
    for f in findings:
        print(f"{'✓' if f.ok else '✗'} {f.what}")
        if f.detail:
            print(f"    {f.detail}")
        if f.advice:
            print(f"    怎么办: {f.advice}")
    bad = [f for f in findings if not f.ok]
    print(
        "一切正常。" if not bad else f"发现 {len(bad)} 个问题。",
        file=sys.stderr if bad else sys.stdout,
    )
    return 1 if bad else 0
