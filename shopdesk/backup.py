"""Consistent copies of a SQLite database while it may be in use.

Copying the .db file while the app runs gave torn copies (WAL); the SQLite online backup API
copies a consistent snapshot. The copy is written to a temporary name, fsynced, then renamed.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path


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
