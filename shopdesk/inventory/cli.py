"""`shopdesk import products|stock|sales|po FILE` and `shopdesk restock`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from shopdesk.cli_output import iso_date
from shopdesk.errors import InvalidInput, NotFound

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
        p.add_argument("--yes", action="store_true", help="批量修改 (超过阈值) 不再询问")
        p.set_defaults(handler=_cmd_import, kind=kind)

    p = commands.add_parser("restock", help="本周补货需求表")
    p.add_argument("--date", type=iso_date, help="表日 YYYY-MM-DD (默认: 本周补货日)")
    p.add_argument("--format", choices=FORMATS, default="table", help="输出格式 (默认 table)")
    p.add_argument("--out", help="导出到文件: .xlsx / .pdf / .csv")
    p.add_argument("--save", action="store_true", help="保存为这一周的补货单")
    p.set_defaults(handler=_cmd_restock)

    po = commands.add_parser("po", help="采购单 (到货计划): 新建、列出、从补货单生成")
    actions = po.add_subparsers(dest="po_cmd", metavar="ACTION")
    actions.required = True
    p = actions.add_parser("create", help="新建采购单")
    p.add_argument("--supplier", required=True, help="供应商名称")
    p.add_argument(
        "--line",
        action="append",
        required=True,
        type=_po_line,
        metavar="SKU:QTY[:ETA]",
        help="一行: SKU:数量[:预计到货 YYYY-MM-DD] (可重复; 不写日期 = 今天 + 采购周期)",
    )
    p.add_argument("--number", help="单号 (默认 PO<今天>-NN)")
    p.add_argument("--note", help="备注")
    p.set_defaults(handler=_cmd_po_create)
    p = actions.add_parser("list", help="列出采购单的行")
    p.add_argument("--open", action="store_true", help="只看未到货")
    p.add_argument("--format", choices=FORMATS, default="table", help="输出格式 (默认 table)")
    p.set_defaults(handler=_cmd_po_list)
    p = actions.add_parser(
        "from-sheet",
        help="生成采购单: 按已保存的补货单, 每个供应商一张 (预计到货 = 今天 + 采购周期)",
    )
    p.add_argument("--date", type=iso_date, help="补货单表日 (默认: 本周补货日)")
    p.set_defaults(handler=_cmd_po_from_sheet)
    p = actions.add_parser("cancel", help="作废采购单 (还没有到货的单; 补货单上的行可再次下单)")
    p.add_argument("po_number", help="单号")
    p.set_defaults(handler=_cmd_po_cancel)
    p = actions.add_parser("unreceive", help="撤销到货: 已收货的行回到未到货, 库存减回")
    p.add_argument("po_number", help="单号")
    p.add_argument("--sku", action="append", help="只撤销这些 SKU (可重复; 默认整单已到货的行)")
    p.set_defaults(handler=_cmd_po_unreceive)

    p = commands.add_parser("receive", help="到货: 把到货计划的行标为已收货 (计入库存)")
    p.add_argument("po_number", help="单号")
    p.add_argument("--sku", action="append", help="只收这些 SKU (可重复; 默认整单)")
    p.set_defaults(handler=_cmd_receive)


def _cmd_import(ctx: Any, args: argparse.Namespace) -> int:
    from shopdesk.inventory.importers import run_import

    actor = ctx.actor()
    if not args.dry_run and not args.yes:
        _confirm_bulk(ctx, actor, args)
    result = run_import(ctx.db, actor, args.kind, args.file, dry_run=args.dry_run)
    if result.ignored_headers:
        print(f"忽略的列: {', '.join(result.ignored_headers)}", file=sys.stderr)
    print(result.summary())
    return 0


def _confirm_bulk(ctx: Any, actor: Any, args: argparse.Namespace) -> None:
    """Ask before an import changes more prices or stock levels than the bulk threshold, as the
    window does; without a terminal to ask, refuse and name `--yes`."""
    from shopdesk.audit.service import bulk_threshold
    from shopdesk.inventory.importers import BULK_KINDS, run_import
    from shopdesk.inventory.kinds import KIND_LABELS

    if args.kind not in BULK_KINDS:
        return
    preview = run_import(ctx.db, actor, args.kind, args.file, dry_run=True)
    count = preview.inserted + preview.updated
    with ctx.db.read() as s:
        threshold = bulk_threshold(s)
    if count <= threshold:
        return
    question = f"这次会修改 {count} 条{KIND_LABELS[args.kind]}记录 (超过 {threshold} 条)"
    if sys.stdin.isatty():
        answer = input(f"{question}, 确定吗? 批量修改会标记给店主 [y/N] ")
        if answer.strip().lower() in ("y", "yes", "是"):
            return
        raise InvalidInput("未导入, 没有改动任何数据")
    raise InvalidInput(f"未导入: {question}; 确定的话加 --yes")


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


def _po_lines(ctx: Any, actor: Any, number: str) -> list[Any]:
    from shopdesk.inventory import service

    lines = [ln for ln in service.list_po_lines(ctx.db, actor) if ln.po_number == number]
    if not lines:
        raise NotFound(f"没有单号为 {number} 的采购单")
    return lines


def _cmd_po_cancel(ctx: Any, args: argparse.Namespace) -> int:
    from shopdesk.inventory import service

    actor = ctx.actor()
    lines = _po_lines(ctx, actor, args.po_number)
    service.cancel_po(ctx.db, actor, lines[0].po_id)
    print(f"已作废采购单 {args.po_number} ({len(lines)} 行, 共 {sum(ln.qty for ln in lines)} 件)")
    return 0


def _cmd_po_unreceive(ctx: Any, args: argparse.Namespace) -> int:
    from shopdesk.inventory import service

    actor = ctx.actor()
    lines = [
        ln
        for ln in _po_lines(ctx, actor, args.po_number)
        if not ln.open and (not args.sku or ln.sku in args.sku)
    ]
    if not lines:
        raise InvalidInput(f"单号 {args.po_number} 没有可撤销的到货")
    total = service.unreceive_lines(ctx.db, actor, [ln.id for ln in lines])
    print(f"已撤销到货 {len(lines)} 行, 共 {total} 件 (库存已减回)")
    return 0


def _po_line(text: str) -> Any:
    """SKU:QTY[:YYYY-MM-DD] as a NewLine (an argparse type, so a typo is one clear line)."""
    from shopdesk.inventory.service import NewLine
    from shopdesk.numbers import NumberError, parse_int

    parts = text.rsplit(":", 2) if text.count(":") >= 2 else text.rsplit(":", 1)
    if len(parts) < 2 or not parts[0].strip():
        raise argparse.ArgumentTypeError(f"应为 SKU:数量[:YYYY-MM-DD]: {text}")
    try:
        qty = parse_int(parts[1], minimum=1, maximum=10_000_000)
    except NumberError as exc:
        raise argparse.ArgumentTypeError(f"{text}: 数量 {exc}") from exc
    eta = iso_date(parts[2]) if len(parts) == 3 else None
    return NewLine(parts[0].strip(), qty, eta)


def _cmd_po_create(ctx: Any, args: argparse.Namespace) -> int:
    from shopdesk.inventory import service

    made = service.create_po(
        ctx.db,
        ctx.actor(),
        args.line,
        supplier=args.supplier,
        po_number=args.number,
        note=args.note,
    )
    print(_po_text(made))
    return 0


def _po_text(po: Any) -> str:
    eta = po.first_eta.isoformat()
    if po.last_eta != po.first_eta:
        eta += f" – {po.last_eta.isoformat()}"
    who = po.supplier or "无供应商"
    return f"已新建采购单 {po.po_number} ({who}): {po.lines} 行, 共 {po.units} 件, 预计到货 {eta}"


def _cmd_po_list(ctx: Any, args: argparse.Namespace) -> int:
    from shopdesk.cli_output import emit
    from shopdesk.inventory import service
    from shopdesk.reports import Column

    lines = service.list_po_lines(ctx.db, ctx.actor(), open_only=args.open)
    rows = [
        {
            "po_number": ln.po_number,
            "supplier": ln.supplier,
            "sku": ln.sku,
            "name": ln.name,
            "qty": ln.qty,
            "eta": ln.eta,
            "status": "已到货" if ln.received_at else "未到货",
            "received_at": ln.received_at,
            "received_by": ln.received_by,
        }
        for ln in lines
    ]
    cols = [
        Column("po_number", "单号"),
        Column("supplier", "供应商"),
        Column("sku", "SKU编码"),
        Column("name", "商品名称"),
        Column("qty", "数量", "int"),
        Column("eta", "预计到货", "date"),
        Column("status", "状态"),
    ]
    emit(rows, cols, args.format)
    return 0


def _cmd_po_from_sheet(ctx: Any, args: argparse.Namespace) -> int:
    from shopdesk.inventory import service

    actor = ctx.actor()
    day = args.date or service.default_sheet_date(ctx.db)
    sheet = service.sheet_for_date(ctx.db, actor, day)
    if sheet.id is None:
        raise InvalidInput(f"{day} 的补货单还没有保存: 先运行 shopdesk restock --date {day} --save")
    for po in service.order_from_sheet(ctx.db, actor, sheet.id):
        print(_po_text(po))
    return 0
