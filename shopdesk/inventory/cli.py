"""`shopdesk import products|stock|sales|po FILE` and `shopdesk restock`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from shopdesk.cli_output import iso_date
from shopdesk.errors import InvalidInput

EXPORT_SUFFIXES = (".xlsx", ".pdf", ".csv")


def register(
    commands: argparse._SubParsersAction[Any], imports: argparse._SubParsersAction[Any]
) -> None:
    from shopdesk.cli_output import FORMATS
    from shopdesk.inventory.kinds import KIND_LABELS

    for kind, label in KIND_LABELS.items():
        p = imports.add_parser(kind, help=f"导入{label}表 (.xlsx/.xls/.csv)")
        p.add_argument("file", help="文件路径")
        p.add_argument("--dry-run", action="store_true", help="只检查并预览, 不保存")
        p.set_defaults(handler=_cmd_import, kind=kind)

    p = commands.add_parser("restock", help="本周补货需求表")
    p.add_argument("--date", type=iso_date, help="表日 YYYY-MM-DD (默认: 本周补货日)")
    p.add_argument("--format", choices=FORMATS, default="table", help="输出格式 (默认 table)")
    p.add_argument("--out", help="导出到文件: .xlsx / .pdf / .csv")
    p.add_argument("--save", action="store_true", help="保存为这一周的补货单")
    p.set_defaults(handler=_cmd_restock)

    p = commands.add_parser("receive", help="到货: 把到货计划的行标为已收货 (计入库存)")
    p.add_argument("po_number", help="单号")
    p.add_argument("--sku", action="append", help="只收这些 SKU (可重复; 默认整单)")
    p.set_defaults(handler=_cmd_receive)


def _cmd_import(ctx: Any, args: argparse.Namespace) -> int:
    from shopdesk.inventory.importers import run_import

    actor = ctx.actor()
    result = run_import(ctx.db, actor, args.kind, args.file, dry_run=args.dry_run)
    if result.ignored_headers:
        print(f"忽略的列: {', '.join(result.ignored_headers)}", file=sys.stderr)
    print(result.summary())
    return 0


def _cmd_restock(ctx: Any, args: argparse.Namespace) -> int:
    from shopdesk.cli_output import emit
    from shopdesk.inventory import service
    from shopdesk.inventory.report import COLUMNS, json_line, line_dict, sheet_report

    if args.out and Path(args.out).suffix.lower() not in EXPORT_SUFFIXES:
        raise InvalidInput("--out 只支持 .xlsx、.pdf 或 .csv")
    actor = ctx.actor()
    db = ctx.db
    day = args.date or service.default_sheet_date(db)
    if args.save:
        sheet = service.save_sheet(db, actor, day)
    else:
        sheet = service.sheet_for_date(db, actor, day)
    if args.out:
        out = Path(args.out)
        report = sheet_report(sheet, service.shop_name(db))
        _export(report, out)
        print(f"已导出 {len(sheet.lines)} 行到 {out}", file=sys.stderr)
        return 0
    rows = [line_dict(ln) for ln in sheet.lines]
    cols = [COLUMNS[0], _supplier_col(), *COLUMNS[1:]]
    emit(rows, cols, args.format, json_rows=[json_line(ln) for ln in sheet.lines])
    return 0


def _supplier_col() -> Any:
    from shopdesk.reports import Column

    return Column("supplier", "供应商", width=12)


def _export(report: Any, out: Path) -> None:
    suffix = out.suffix.lower()
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".xlsx":
        from shopdesk.io.excel import write_report

        write_report(report, out)
    elif suffix == ".csv":
        from shopdesk.io.csvout import write_report as write_csv

        write_csv(report, out)
    else:
        # Qt lays the PDF out; this helper starts a windowless QApplication when needed.
        from shopdesk.ui.printing import write_pdf

        write_pdf(report, out)


def _cmd_receive(ctx: Any, args: argparse.Namespace) -> int:
    from shopdesk.inventory import service

    actor = ctx.actor()
    lines = [
        ln
        for ln in service.list_po_lines(ctx.db, actor, open_only=True)
        if ln.po_number == args.po_number and (not args.sku or ln.sku in args.sku)
    ]
    if not lines:
        raise InvalidInput(f"单号 {args.po_number} 没有待收货的行")
    total = service.receive_lines(ctx.db, actor, [ln.id for ln in lines])
    print(f"已收货 {len(lines)} 行, 共 {total} 件")
    return 0
