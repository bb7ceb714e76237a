"""Importing the shop's own spreadsheets: products, stock counts, daily sales, purchase orders.

Every import is parse → check against the database → (preview or) write, all in one unit of
work: if any row is bad, `ImportRejected` carries every RowError and nothing is stored. Writes use
Core `INSERT … ON CONFLICT DO UPDATE` keyed by the natural key (SKU; day × SKU; PO number × SKU),
so importing the same file twice changes nothing and 100,000 sales rows take seconds, not the
minutes the ORM's add_all took here.
"""

from __future__ import annotations

import functools
import gc
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import chain, repeat
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from shopdesk import audit
from shopdesk.auth.actor import Actor
from shopdesk.auth.permissions import Perm, can, require
from shopdesk.clock import now
from shopdesk.db.engine import Database
from shopdesk.db.upsert import insert_for
from shopdesk.errors import (
    ImportRejected,
    InvalidInput,
    PermissionDenied,
    RowError,
    ShopDeskError,
)
from shopdesk.inventory.kinds import KIND_LABELS
from shopdesk.inventory.models import (
    Product,
    PurchaseOrder,
    PurchaseOrderLine,
    Sale,
    StockMovement,
    Supplier,
)
from shopdesk.io.fields import parse_date, parse_flag
from shopdesk.io.tabular import SLOW, Field, Parsed, parse_table, read_table
from shopdesk.numbers import parse_int, parse_money

# Imports that change prices or stock levels: above `audit.bulk_threshold` rows they are flagged.
BULK_KINDS = ("products", "stock")

_PRODUCTS = cast(Table, Product.__table__)
_SALES = cast(Table, Sale.__table__)
_MOVES = cast(Table, StockMovement.__table__)
_PO_LINES = cast(Table, PurchaseOrderLine.__table__)

KINDS = ("products", "stock", "sales", "po")
TIER_WORDS = {
    "热销": "hot",
    "常销": "regular",
    "滞销": "slow",
    "hot": "hot",
    "regular": "regular",
    "slow": "slow",
}
CHUNK = 10_000
Progress = Callable[[int, int], None]


class ImportCancelled(ShopDeskError):
    """The user cancelled (取消) while the file was read or written: nothing was stored."""

    def __init__(self) -> None:
        super().__init__("已取消, 未保存任何数据")


def _memo(fn: Callable[[str], Any]) -> Callable[[str], Any]:
    """Cache a cell parser: a 100,000-row sales sheet has a few dozen distinct dates and
    quantities, so this halves the parse time. Parsed values are immutable, safe to share."""
    return functools.lru_cache(maxsize=1 << 16)(fn)


def _tier(text: str) -> str:
    t = TIER_WORDS.get(text.strip().lower())
    if t is None:
        raise ValueError("应为 热销/常销/滞销 (或 hot/regular/slow)")
    return t


def _text(limit: int) -> Callable[[str], str]:
    def parse(text: str) -> str:
        s = text.strip()
        if len(s) > limit:
            raise ValueError(f"太长 (最多 {limit} 个字符)")
        return s

    return parse


def _count(text: str) -> int:
    return parse_int(text, minimum=0, maximum=10_000_000)


def _positive(text: str) -> int:
    return parse_int(text, minimum=1, maximum=10_000_000)


def _days(text: str) -> int:
    return parse_int(text, minimum=0, maximum=365)


def _signed(text: str) -> int:
    # Platform sales exports carry refunds as negative units on some days.
    return parse_int(text, minimum=-10_000_000, maximum=10_000_000)


def _money(text: str) -> Any:
    return parse_money(text, allow_negative=True)


_FEN = Decimal("0.01")


def _money_fast(value: Any) -> Decimal:
    """A spreadsheet number of yuan without the text round trip: a float that is exactly the
    double nearest to whole fen (19.9, -3.5), or an int. Anything else (59.400000000000006, text,
    blanks) goes to the strict text parser, which decides exactly as before."""
    if type(value) is float:
        fen = round(value * 100) if abs(value) < 1e13 else None
        if fen is not None and fen / 100 == value:
            return Decimal(fen).scaleb(-2)
    elif type(value) is int and abs(value) < 10**15:
        return Decimal(value).quantize(_FEN)
    raise SLOW


SKU = Field(
    "sku", ("SKU编码", "商家编码", "SKU", "货号", "商品编码"), _memo(_text(64)), label="SKU编码"
)

FIELDS: dict[str, tuple[Field, ...]] = {
    "products": (
        SKU,
        # Optional so a price- or warning-only file can update existing SKUs; new SKUs need it.
        Field("name", ("商品名称", "名称", "品名"), _text(256), required=False, label="商品名称"),
        Field("category", ("类目", "分类"), _text(64), required=False, label="类目"),
        Field("tier", ("层级", "分层", "商品层级"), _tier, required=False, label="层级"),
        Field("hero", ("主推", "主推款", "是否主推"), parse_flag, required=False, label="主推"),
        Field("supplier", ("供应商",), _text(128), required=False, label="供应商"),
        Field(
            "lead_time_days",
            ("采购周期", "采购周期(天)", "交期", "lead_time"),
            _days,
            required=False,
            label="采购周期",
        ),
        Field("case_pack", ("箱规", "每箱数量"), _positive, required=False, label="箱规"),
        Field("moq", ("起订量", "最小起订量"), _count, required=False, label="起订量"),
        Field(
            "warning_level",
            ("预警量", "库存预警量", "预警库存"),
            _count,
            required=False,
            label="预警量",
        ),
        Field(
            "cost_price", ("成本价", "成本", "cost"), parse_money, required=False, label="成本价"
        ),
        Field("price", ("售价", "销售价", "价格"), parse_money, required=False, label="售价"),
        Field("active", ("在售", "状态", "是否在售"), parse_flag, required=False, label="在售"),
    ),
    "stock": (
        SKU,
        Field(
            "on_hand",
            ("库存", "库存数量", "现有库存", "可用库存", "数量", "qty"),
            _signed,
            label="库存",
        ),
    ),
    "sales": (
        Field("day", ("日期", "统计日期", "销售日期", "date"), _memo(parse_date), label="日期"),
        SKU,
        Field("units", ("销量", "支付件数", "销售数量", "件数"), _memo(_signed), label="销量"),
        Field(
            "revenue",
            ("销售额", "支付金额", "销售金额", "金额"),
            _money,
            required=False,
            label="销售额",
            fast=_money_fast,
        ),
    ),
    "po": (
        Field("po_number", ("单号", "采购单号", "订单号", "po"), _text(64), label="单号"),
        SKU,
        Field("qty", ("数量", "采购数量", "quantity"), _positive, label="数量"),
        Field(
            "eta",
            ("预计到货", "到货日期", "预计到货日期", "expected"),
            parse_date,
            label="预计到货",
        ),
        Field("supplier", ("供应商",), _text(128), required=False, label="供应商"),
    ),
}
# The natural key of a row within one file: a second row with the same key is an error.
ROW_KEYS = {
    "products": ("sku",),
    "stock": ("sku",),
    "sales": ("day", "sku"),
    "po": ("po_number", "sku"),
}


@dataclass
class ImportResult:
    """What an import did (or, with dry_run, would do); `sample` feeds the preview table."""

    kind: str
    path: str
    rows: int
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    columns: dict[str, str] = field(default_factory=dict)  # field → header in the file
    ignored_headers: list[str] = field(default_factory=list)
    sample: list[dict[str, Any]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    created_suppliers: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        what = KIND_LABELS.get(self.kind, self.kind)
        verb = "将导入" if self.dry_run else "已导入"
        text = (
            f"{verb}{what} {self.rows} 行: 新增 {self.inserted}, 更新 {self.updated}, "
            f"未变 {self.unchanged}"
        )
        if self.created_suppliers:
            text += f"; 新供应商 {len(self.created_suppliers)} 个"
        return text


def parse_file(
    kind: str, path: str | Path, progress: Progress | None = None, *, duplicates: bool = True
) -> Parsed:
    """Read and parse a file, row by row; duplicates of the natural key are row errors.

    `duplicates=False` leaves that check to the caller (the sales writer lets the table's primary
    key find them when it can, see _write_sales)."""
    if kind not in FIELDS:
        raise InvalidInput(f"未知的导入类型: {kind} (可选 {', '.join(KINDS)})")
    table = read_table(path, raw=True)
    parsed = parse_table(table, FIELDS[kind], progress=progress)
    if duplicates:
        _drop_duplicates(kind, parsed, parsed.errors)
    return parsed


def _drop_duplicates(kind: str, parsed: Parsed, errors: list[RowError]) -> bool:
    """A second row with the same natural key becomes an error and leaves `parsed`; True if any."""
    keys = set(zip(*(parsed.column(k) for k in ROW_KEYS[kind]), strict=True))
    if len(keys) == len(parsed.row_numbers):  # no duplicates (the usual case): nothing to drop
        return False
    seen: dict[tuple[Any, ...], int] = {}
    keep_rows: list[dict[str, Any]] = []
    keep_nums: list[int] = []
    for row, num in zip(parsed.rows, parsed.row_numbers, strict=True):
        key = tuple(row[k] for k in ROW_KEYS[kind])
        if key in seen:
            errors.append(
                RowError(
                    num,
                    parsed.columns.get("sku", "sku"),
                    str(row["sku"]),
                    f"与第 {seen[key]} 行重复",
                )
            )
            continue
        seen[key] = num
        keep_rows.append(row)
        keep_nums.append(num)
    parsed.rows, parsed.row_numbers = keep_rows, keep_nums
    return True


def run_import(
    db: Database,
    actor: Actor,
    kind: str,
    path: str | Path,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Import a file all-or-nothing; with dry_run, check everything and store nothing.

    `progress(done, total)` is called while the file is parsed and again while each chunk of rows
    is written; it may raise to stop, and so does `cancelled()` returning True (ImportCancelled):
    the write transaction is then rolled back and nothing of the file is stored."""
    require(actor, Perm.EDIT_STOCK)
    if cancelled is not None:
        progress = _cancellable(progress, cancelled)
    with _gc_paused():
        return _import(db, actor, kind, path, dry_run, progress)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a file is read, parsed and written.

    A 100,000-row sheet is ~500,000 Python objects; each allocation burst triggered collections
    that walked all of them again, ~0.18 s of a 0.78 s import (benchmarks/import_sales.py).
    Reference counting still frees everything as usual; cycles wait until the import ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _import(
    db: Database,
    actor: Actor,
    kind: str,
    path: str | Path,
    dry_run: bool,
    progress: Progress | None,
) -> ImportResult:
    # Sales: the writer checks for repeated (day, SKU) rows itself (see _write_sales).
    parsed = parse_file(kind, path, progress, duplicates=kind != "sales")
    if kind == "products" and not can(actor, Perm.VIEW_COST) and "cost_price" in parsed.columns:
        raise PermissionDenied(f"{actor.name} 没有权限导入成本价: 请删除“成本价”列后再导入")
    result = ImportResult(
        kind=kind,
        path=str(path),
        rows=len(parsed.row_numbers),
        dry_run=dry_run,
        columns=parsed.columns,
        ignored_headers=parsed.ignored_headers,
        sample=parsed.head(200),
    )
    with db.write() as s:
        errors = list(parsed.errors)
        writer = _WRITERS[kind]
        writer(s, actor, parsed, result, errors, dry_run, progress)
        if errors:
            errors.sort(key=lambda e: e.row)
            result.errors = errors
            raise ImportRejected(errors)
        if dry_run:
            s.rollback()
            return result
        changed = result.inserted + result.updated
        audit.record(
            s,
            actor,
            "import",
            kind,
            "import",
            None,
            {
                "file": Path(path).name,
                "rows": result.rows,
                "inserted": result.inserted,
                "updated": result.updated,
                "suppliers_created": result.created_suppliers,
            },
            flagged=kind in BULK_KINDS and audit.is_bulk(s, changed),
        )
        _report(progress, result.rows, result.rows)  # a last chance to cancel before commit
    return result


# --- writers ----------------------------------------------------------------------------------


def _sku_map(s: Session) -> dict[str, int]:
    return dict(s.execute(select(Product.sku, Product.id)).tuples().all())


def _unknown_skus(
    parsed: Parsed, skus: dict[str, int], errors: list[RowError]
) -> list[tuple[dict[str, Any], int]]:
    """Rows whose SKU exists, paired with the product id; the others become errors."""
    good: list[tuple[dict[str, Any], int]] = []
    header = parsed.columns.get("sku", "SKU编码")
    for row, num in zip(parsed.rows, parsed.row_numbers, strict=True):
        pid = skus.get(row["sku"])
        if pid is None:
            errors.append(RowError(num, header, row["sku"], "没有这个 SKU: 请先导入商品"))
        else:
            good.append((row, pid))
    return good


def _suppliers(
    s: Session, names: set[str], result: ImportResult, actor: Actor, dry_run: bool
) -> dict[str, int]:
    existing = dict(s.execute(select(Supplier.name, Supplier.id)).tuples().all())
    for name in sorted(names - set(existing)):
        result.created_suppliers.append(name)
        if dry_run:
            existing[name] = -1
            continue
        sup = Supplier(name=name)
        s.add(sup)
        s.flush()
        existing[name] = sup.id
        audit.record(s, actor, "supplier", sup.id, "create", None, {"name": name})
    return existing


_PRODUCT_COLUMNS = (
    "name",
    "category",
    "tier",
    "hero",
    "lead_time_days",
    "case_pack",
    "moq",
    "warning_level",
    "cost_price",
    "price",
    "active",
)


def _write_products(
    s: Session,
    actor: Actor,
    parsed: Parsed,
    result: ImportResult,
    errors: list[RowError],
    dry_run: bool,
    progress: Progress | None = None,
) -> None:
    if errors:
        return
    present = [c for c in _PRODUCT_COLUMNS if c in parsed.columns]
    has_supplier = "supplier" in parsed.columns
    sup_ids = (
        _suppliers(
            s, {r["supplier"] for r in parsed.rows if r.get("supplier")}, result, actor, dry_run
        )
        if has_supplier
        else {}
    )
    cols = [Product.sku, *(getattr(Product, c) for c in present)]
    if has_supplier:
        cols.append(Product.supplier_id)
    old = {r[0]: tuple(r[1:]) for r in s.execute(select(*cols)).tuples()}
    names = dict(s.execute(select(Product.sku, Product.name)).tuples().all())
    stamp = now()
    values: list[dict[str, Any]] = []
    for row, num in zip(parsed.rows, parsed.row_numbers, strict=True):
        if row["sku"] not in old and not row.get("name"):
            errors.append(
                RowError(num, parsed.columns.get("name", "商品名称"), "", "新商品需要商品名称")
            )
            continue
        v: dict[str, Any] = {"sku": row["sku"], **{c: row[c] for c in present}}
        if not v.get("name"):  # an update file without names keeps the stored name
            v["name"] = names[row["sku"]]
        for c, default in (
            ("tier", "regular"),
            ("hero", False),
            ("case_pack", 1),
            ("moq", 0),
            ("active", True),
        ):
            if c in v and v[c] is None:
                v[c] = default
        if has_supplier:
            v["supplier_id"] = sup_ids.get(row["supplier"]) if row.get("supplier") else None
        before = old.get(row["sku"])
        new = tuple(v[c] for c in [*present, *(["supplier_id"] if has_supplier else [])])
        if before is None:
            result.inserted += 1
        elif before != new:
            result.updated += 1
        else:
            result.unchanged += 1
            continue
        values.append(v)
    if dry_run or errors or not values:
        return
    table = _PRODUCTS
    for i in range(0, len(values), CHUNK):
        _report(progress, i, len(values))
        chunk = values[i : i + CHUNK]
        for v in chunk:
            v.setdefault("updated_at", stamp)
            v.setdefault("updated_by_id", actor.id)
        stmt = insert_for(s, table)
        update_cols = {c: stmt.excluded[c] for c in chunk[0] if c != "sku"}
        update_cols["version"] = table.c.version + 1
        s.execute(stmt.on_conflict_do_update(index_elements=["sku"], set_=update_cols), chunk)


def _write_stock(
    s: Session,
    actor: Actor,
    parsed: Parsed,
    result: ImportResult,
    errors: list[RowError],
    dry_run: bool,
    progress: Progress | None = None,
) -> None:
    good = _unknown_skus(parsed, _sku_map(s), errors)
    if errors:
        return
    old = dict(s.execute(select(Product.id, Product.on_hand)).tuples().all())
    stamp = now()
    changes: list[dict[str, Any]] = []
    moves: list[dict[str, Any]] = []
    for row, pid in good:
        delta = row["on_hand"] - old[pid]
        if delta == 0:
            result.unchanged += 1
            continue
        result.updated += 1
        changes.append({"pid": pid, "qty": row["on_hand"]})
        moves.append(
            {
                "product_id": pid,
                "at": stamp,
                "delta": delta,
                "reason": "import",
                "ref": Path(result.path).name[:64],
                "user_id": actor.id,
            }
        )
    if dry_run or not changes:
        return
    stmt = (
        update(_PRODUCTS)
        .where(_PRODUCTS.c.id == bindparam("pid"))
        .values(
            on_hand=bindparam("qty"),
            stock_counted_at=stamp,
            updated_at=stamp,
            updated_by_id=actor.id,
            version=_PRODUCTS.c.version + 1,
        )
    )
    conn = s.connection()
    for i in range(0, len(changes), CHUNK):
        _report(progress, i, len(changes))
        conn.execute(stmt, changes[i : i + CHUNK])
        conn.execute(_MOVES.insert(), moves[i : i + CHUNK])


def _write_sales(
    s: Session,
    actor: Actor,
    parsed: Parsed,
    result: ImportResult,
    errors: list[RowError],
    dry_run: bool,
    progress: Progress | None = None,
) -> None:
    """Compare with what is stored (as plain day text, product id, units, fen) and write only
    new or changed rows.

    Column by column, with each distinct date and amount converted once. On SQLite the rows go
    to the driver as multi-row INSERTs (`VALUES (…), (…), …`, a few thousand rows a statement):
    the Core statement's per-row bind processing cost 4× the insert itself, and even the
    driver's executemany spends more time per row than the B-tree does.

    Repeated (day, SKU) rows in the file are errors. When the period has no stored rows (a new
    month's file) SQLite gets a plain INSERT and the primary key finds them: the rows are only
    compared in Python (a set of 100,000 keys, ~5 % of the import) if it refuses one."""
    conn = s.connection()
    day_col = parsed.column("day")
    iso = {d: d.isoformat() for d in set(day_col)}
    stored: set[tuple[str, int, int, int | None]] = set()
    if iso:
        rows = _plain_rows(
            s,
            "SELECT day, product_id, units, revenue FROM sales WHERE day >= :a AND day <= :b",
            {"a": min(iso.values()), "b": max(iso.values())},
        )
        if conn.dialect.name == "sqlite":  # already (day text, id, units, fen) tuples
            stored = set(rows)
        else:
            stored = {(d.isoformat(), p, u, rev) for d, p, u, rev in rows}
    # The primary key can find repeats only in a plain INSERT on SQLite that really runs.
    key_checks = not (conn.dialect.name == "sqlite" and not stored and not dry_run and not errors)
    if key_checks and _drop_duplicates("sales", parsed, errors):
        day_col = parsed.column("day")
    skus = _sku_map(s)
    sku_col = parsed.column("sku")
    pids = list(map(skus.get, sku_col))
    if None in pids:
        # The same errors as with the check done first: repeats, then unknown SKUs of the rest.
        if not key_checks and _drop_duplicates("sales", parsed, errors):
            sku_col = parsed.column("sku")
            pids = list(map(skus.get, sku_col))
        header = parsed.columns.get("sku", "SKU编码")
        for sku, num, pid in zip(sku_col, parsed.row_numbers, pids, strict=True):
            if pid is None:
                errors.append(RowError(num, header, sku, "没有这个 SKU: 请先导入商品"))
        return
    if errors or not pids:
        return
    rev_col = parsed.column("revenue")
    fen = {v: None if v is None else int(v * 100) for v in set(rev_col)}
    keyed: list[tuple[str, int, int, int | None]] = list(
        zip(
            map(iso.__getitem__, day_col),
            cast(list[int], pids),
            parsed.column("units"),
            map(fen.__getitem__, rev_col),
            strict=True,
        )
    )
    if not stored:  # a new period (the usual case): every row is new
        result.inserted = len(keyed)
        values = keyed
    else:
        values = [row for row in keyed if row not in stored]
        result.unchanged = len(keyed) - len(values)
        stored_keys = {(d, p) for d, p, _u, _f in stored} if values else set()
        result.updated = sum(1 for d, p, _u, _f in values if (d, p) in stored_keys)
        result.inserted = len(values) - result.updated
    if dry_run or not values:
        return
    total = len(values)
    if conn.dialect.name == "sqlite":
        try:
            _insert_sales_sqlite(conn, values, upsert=bool(stored), progress=progress)
        except IntegrityError:
            # The file repeats a (day, SKU): name the rows; the caller rolls everything back.
            if key_checks or not _drop_duplicates("sales", parsed, errors):
                raise
            return
    else:
        stmt = insert_for(s, _SALES)
        stmt = stmt.on_conflict_do_update(
            index_elements=["day", "product_id"],
            set_={"units": stmt.excluded.units, "revenue": stmt.excluded.revenue},
        )
        for i in range(0, total, CHUNK):
            _report(progress, i, total)
            conn.execute(
                stmt,
                [
                    {
                        "day": date.fromisoformat(d),
                        "product_id": p,
                        "units": u,
                        "revenue": None if f is None else Decimal(f).scaleb(-2),
                    }
                    for d, p, u, f in values[i : i + CHUNK]
                ],
            )
    _report(progress, total, total)


# Rows per multi-row INSERT: 2,500 × 4 values, within SQLite's default limit of 32,766 bound
# variables (3.32+); measured as fast as 8,000 rows a statement and ~1.6× faster than executemany.
_ROWS_PER_INSERT = 2_500


def _insert_sales_sqlite(
    conn: Connection,
    values: list[tuple[str, int, int, int | None]],
    *,
    upsert: bool,
    progress: Progress | None,
) -> None:
    """Write rows in the session's transaction, as plain tuples to the driver (engine events
    still fire). `upsert`: some rows of the period are stored already, so a key seen again
    updates units and revenue; otherwise a plain INSERT (the file's own duplicates were refused
    before). Progress is reported (and 取消 checked) every CHUNK rows."""
    raw = conn.connection.driver_connection
    limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) if raw is not None else 999
    per = max(1, min(_ROWS_PER_INSERT, CHUNK, limit // 4))
    tail = (
        " ON CONFLICT (day, product_id) DO UPDATE SET units = excluded.units, "
        "revenue = excluded.revenue"
        if upsert
        else ""
    )
    head = "INSERT INTO sales (day, product_id, units, revenue) VALUES "
    total = len(values)
    for i in range(0, total, per):
        if i % CHUNK < per:
            _report(progress, i, total)
        part = values[i : i + per]
        sql = head + ",".join(repeat("(?,?,?,?)", len(part))) + tail
        conn.exec_driver_sql(sql, tuple(chain.from_iterable(part)))


def _cancellable(progress: Progress | None, cancelled: Callable[[], bool]) -> Progress:
    def report(done: int, total: int) -> None:
        if cancelled():
            raise ImportCancelled()
        if progress is not None:
            progress(done, total)

    return report


def _report(progress: Progress | None, done: int, total: int) -> None:
    """Progress of the database write; the callback may raise (取消) to roll everything back."""
    if progress is not None:
        progress(done, total)


def _plain_rows(s: Session, sql: str, params: dict[str, Any]) -> list[Any]:
    """Rows of a read query as plain tuples; on SQLite straight from the driver (dates as text,
    money as integer fen, as stored), elsewhere with money turned back into fen."""
    conn = s.connection()
    if conn.dialect.name == "sqlite":
        raw = conn.connection.driver_connection
        assert raw is not None
        return list(raw.execute(sql, params).fetchall())
    from sqlalchemy import text

    rows = conn.execute(text(sql), {k: date.fromisoformat(v) for k, v in params.items()}).tuples()
    return [(d, p, u, None if f is None else int(f)) for d, p, u, f in rows]


def _write_po(
    s: Session,
    actor: Actor,
    parsed: Parsed,
    result: ImportResult,
    errors: list[RowError],
    dry_run: bool,
    progress: Progress | None = None,
) -> None:
    good = _unknown_skus(parsed, _sku_map(s), errors)
    if errors:
        return
    sup_ids = _suppliers(
        s, {r["supplier"] for r, _ in good if r.get("supplier")}, result, actor, dry_run
    )
    pos = dict(s.execute(select(PurchaseOrder.po_number, PurchaseOrder.id)).tuples().all())
    lines = {
        (po, pid): (qty, eta, received)
        for po, pid, qty, eta, received in s.execute(
            select(
                PurchaseOrderLine.po_id,
                PurchaseOrderLine.product_id,
                PurchaseOrderLine.qty,
                PurchaseOrderLine.eta,
                PurchaseOrderLine.received_at,
            )
        ).tuples()
    }
    header = parsed.columns.get("sku", "SKU编码")
    for (row, pid), num in zip(good, parsed.row_numbers, strict=True):
        po_id = pos.get(row["po_number"])
        if po_id is None:
            if dry_run:
                pos[row["po_number"]] = po_id = -len(pos) - 1
            else:
                po = PurchaseOrder(
                    po_number=row["po_number"],
                    created_by_id=actor.id,
                    supplier_id=sup_ids.get(row.get("supplier") or ""),
                )
                s.add(po)
                s.flush()
                pos[row["po_number"]] = po_id = po.id
                audit.record(
                    s, actor, "purchase_order", po.id, "create", None, {"po_number": po.po_number}
                )
        before = lines.get((po_id, pid))
        if before is not None and before[2] is not None:
            if before[:2] != (row["qty"], row["eta"]):
                errors.append(RowError(num, header, row["sku"], "这一行已收货, 不能再修改"))
            else:
                result.unchanged += 1
            continue
        if before is None:
            result.inserted += 1
        elif before[:2] == (row["qty"], row["eta"]):
            result.unchanged += 1
            continue
        else:
            result.updated += 1
        if not dry_run:
            stmt = insert_for(s, _PO_LINES)
            s.execute(
                stmt.on_conflict_do_update(
                    index_elements=["po_id", "product_id"],
                    set_={"qty": stmt.excluded.qty, "eta": stmt.excluded.eta},
                ),
                {"po_id": po_id, "product_id": pid, "qty": row["qty"], "eta": row["eta"]},
            )


_WRITERS: dict[str, Callable[..., None]] = {
    "products": _write_products,
    "stock": _write_stock,
    "sales": _write_sales,
    "po": _write_po,
}


def template_headers(kind: str) -> list[str]:
    """The Chinese headers a blank template for `kind` starts with."""
    return [f.label or f.name for f in FIELDS[kind]]


def sales_days(s: Session) -> tuple[date | None, date | None]:
    first, last = s.execute(select(func.min(Sale.day), func.max(Sale.day))).one()
    return first, last


__all__: Sequence[str] = (
    "FIELDS",
    "KINDS",
    "ImportCancelled",
    "ImportResult",
    "parse_file",
    "run_import",
)
