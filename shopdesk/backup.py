"""Backups of the SQLite shop file: consistent copies, a rotation, and a careful restore.

Copying the .db file while the app runs gave torn copies (WAL); the SQLite online backup API
copies a consistent snapshot. Each copy is written to a temporary name, fsynced, then renamed, so
a crash never leaves a half-written backup under a real name.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from shopdesk.config import Location
from shopdesk.errors import InvalidInput, SchemaTooNew, ShopDeskError

_NAME = re.compile(r"^shopdesk-(\d{8})-(\d{6})-([a-z-]+)\.db$")
SQLITE_MAGIC = b"SQLite format 3\x00"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


def backup_sqlite(source: Path, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(tmp)
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    return dest


def stamped_name(reason: str, moment: datetime | None = None) -> str:
    moment = moment or datetime.now()
    return f"shopdesk-{moment:%Y%m%d-%H%M%S}-{reason}.db"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: datetime
    reason: str
    size: int


def list_backups(location: Location) -> list[BackupInfo]:
    """Newest first."""
    out = []
    if location.backup_dir.is_dir():
        for p in location.backup_dir.iterdir():
            m = _NAME.match(p.name)
            if not m:
                continue
            try:  # a copied-in file with an impossible time is not ours: skip it, don't fail
                taken = datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S")
            except ValueError:
                continue
            out.append(BackupInfo(p, taken, m.group(3), p.stat().st_size))
    return sorted(out, key=lambda b: b.taken, reverse=True)


def _sqlite_path(location: Location) -> Path:
    path = location.sqlite_path
    if path is None:
        raise InvalidInput("这个数据库在服务器上 (PostgreSQL): 请用服务器自己的备份 (pg_dump)")
    return path


def backup_now(location: Location, reason: str = "manual", out: Path | None = None) -> Path:
    path = _sqlite_path(location)
    if not path.exists():
        raise InvalidInput(f"还没有数据库文件: {path}")
    try:
        return backup_sqlite(path, out or location.backup_dir / stamped_name(reason))
    except OSError as exc:
        raise ShopDeskError(f"备份没有完成 ({exc.strerror}); 数据库没有改动。") from exc


def daily_backup(location: Location, today: date | None = None) -> Path | None:
    """The first start of each day keeps a copy; older copies are thinned out."""
    today = today or date.today()
    if any(b.taken.date() == today for b in list_backups(location)):
        return None
    made = backup_now(location, "daily")
    rotate(location, today)
    return made


def rotate(location: Location, today: date | None = None) -> list[Path]:
    """Keep the newest copy of each of the last 7 days, 4 weeks and 12 months; delete the rest.

    Copies taken before a migration or a restore are kept for the same periods.
    """
    today = today or date.today()
    keep: set[Path] = set()
    seen: set[tuple[str, object]] = set()
    for b in list_backups(location):  # newest first: the first of each bucket is kept
        d = b.taken.date()
        buckets: list[tuple[str, object]] = []
        if today - d < timedelta(days=KEEP_DAILY):
            buckets.append(("day", d))
        if today - d < timedelta(weeks=KEEP_WEEKLY):
            buckets.append(("week", d.isocalendar()[:2]))
        if (today.year - d.year) * 12 + today.month - d.month < KEEP_MONTHLY:
            buckets.append(("month", (d.year, d.month)))
        for bucket in buckets:
            if bucket not in seen:
                seen.add(bucket)
                keep.add(b.path)
    removed = []
    for b in list_backups(location):
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    # Half-written copies left by a crash or kill (never listed); an hour old is surely dead.
    stale = datetime.now().timestamp() - 3600
    for part in location.backup_dir.glob("*.db.part"):
        if part.stat().st_mtime < stale:
            part.unlink(missing_ok=True)
            removed.append(part)
    return removed


def validate_backup(file: Path) -> None:
    """Refuse anything that is not a complete ShopDesk database this version can open."""
    from shopdesk.db.migrate import _graph

    if not file.is_file():
        raise InvalidInput(f"找不到文件: {file}")
    with open(file, "rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise InvalidInput(f"{file.name} 不是 SQLite 数据库文件, 未恢复任何数据")
    try:
        con = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
        try:
            if con.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise InvalidInput(f"{file.name} 已损坏 (integrity_check 未通过), 未恢复任何数据")
            tables = {
                r for (r,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not {"alembic_version", "users", "audit_log"} <= tables:
                raise InvalidInput(f"{file.name} 不是 ShopDesk 的数据库, 未恢复任何数据")
            revisions = {r for (r,) in con.execute("SELECT version_num FROM alembic_version")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise InvalidInput(f"{file.name} 无法读取 ({exc}), 未恢复任何数据") from exc
    if revisions - set(_graph()):
        raise SchemaTooNew(f"{file.name} 来自更新版本的 ShopDesk, 请先升级 ShopDesk")


def restore(location: Location, file: Path) -> Path:
    """Replace the shop's database with a backup; the current one is backed up first.

    Returns the safety copy of what was there before. Close the app's windows first.
    """
    path = _sqlite_path(location)
    validate_backup(file)
    safety = backup_now(location, "before-restore") if path.exists() else None
    try:
        backup_sqlite(file, path.with_name(path.name + ".restore"))
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        os.replace(path.with_name(path.name + ".restore"), path)
    except OSError as exc:
        raise ShopDeskError(f"恢复没有完成 ({exc.strerror}); 原数据库保持不变。") from exc
    return safety or path
