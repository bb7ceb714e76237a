"""The change feed: which kinds of data other windows or PCs have committed.

Every service write records an audit row in its unit of work, so the audit log is the list of
changes. On PostgreSQL `audit.record` also sends NOTIFY (delivered at commit, never for a rolled
back write) and the feed LISTENs on its own connection. On SQLite the feed polls
`PRAGMA data_version` — it changes only when another connection commits, and costs microseconds —
and reads the new audit rows when it moves. A window's own writes are left out (it reloads
itself), so the feed is what other people did.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from shopdesk.errors import ConnectionLost

if TYPE_CHECKING:
    from shopdesk.db.engine import Database

CHANNEL = "shopdesk_changes"
EVERYTHING = "*"  # after a reconnect: notifications may have been missed, reload all
SQLITE_POLL_S = 0.5
# Audit entity → the kind the tabs listen for on `bus.data_changed`.
_PREFIXES = (
    ("checklist", "checklist"),
    ("campaign", "campaign"),
    ("kpi", "kpi"),
    ("daily_metric", "metric"),
    ("ad_channel", "metric"),
    ("metrics", "metric"),
    ("product", "product"),
    ("supplier", "product"),
    ("purchase_order", "product"),
    ("restock", "product"),
    ("import", "product"),
    ("stock", "product"),
    ("sale", "product"),
    ("setting", "setting"),
    ("user", "user"),
    ("demo", EVERYTHING),
)


def kind_of(entity: str) -> str:
    return next((kind for prefix, kind in _PREFIXES if entity.startswith(prefix)), entity)


def announce(session: Session, entity: str, audit_id: int) -> None:
    """Called by `audit.record`: mark the row as ours and, on PostgreSQL, NOTIFY at commit."""
    session.info.setdefault("audit_ids", []).append(audit_id)
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy import text

        origin = session.info.get("origin", "")
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": CHANNEL, "payload": f"{origin} {entity}"},
        )


class ChangeFeed:
    """`wait(timeout)` → the kinds changed by others since the last call (blocks ≤ timeout).

    Raises ConnectionLost while the database cannot be reached; the next call reconnects.
    Use one feed from one thread.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._conn: Any = None
        self._was_connected = False
        self._was_reconnect = False
        self._last_id: int | None = None
        self._version: int | None = None

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None

    def wait(self, timeout: float) -> set[str]:
        try:
            fresh = self._conn is None
            if fresh:
                self._connect()
            kinds = self._wait_pg(timeout) if not self.db.is_sqlite else self._wait_sqlite(timeout)
        except ConnectionLost:
            self.close()
            raise
        except Exception as exc:
            self.close()
            raise ConnectionLost("连不上数据库 — 正在重试。") from exc
        if fresh and self._was_reconnect:
            kinds.add(EVERYTHING)
        return kinds

    # -- connections ---------------------------------------------------------------------
    def _connect(self) -> None:
        self._was_reconnect = self._was_connected
        url = make_url(self.db.url)
        if self.db.is_sqlite:
            import sqlite3

            if not url.database or url.database == ":memory:":
                raise ConnectionLost("内存数据库没有其他窗口")
            # mode=rw: a shop file that went missing must not be recreated empty by the feed.
            uri = Path(url.database).resolve().as_uri() + "?mode=rw"
            lite = sqlite3.connect(uri, uri=True, timeout=1, check_same_thread=False)
            self._conn = lite
            self._version = lite.execute("PRAGMA data_version").fetchone()[0]
            if self._last_id is None:
                newest = lite.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()
                self._last_id = newest[0]
        else:
            import psycopg

            conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
            conn = psycopg.connect(conninfo, autocommit=True, connect_timeout=5)
            self._conn = conn
            conn.execute(f"LISTEN {CHANNEL}")
        self._was_connected = True

    def _mine(self, audit_id: int) -> bool:
        own = self.db.own_audit_ids
        if audit_id in own:
            own.discard(audit_id)
            return True
        return False

    def _wait_pg(self, timeout: float) -> set[str]:
        kinds: set[str] = set()
        conn = self._conn
        got = list(conn.notifies(timeout=timeout, stop_after=1))
        if got:  # a save sends a few; take what arrives together
            got += list(conn.notifies(timeout=0.05))
        for note in got:
            origin, _, entity = note.payload.partition(" ")
            if origin != self.db.origin:
                kinds.add(kind_of(entity))
        return kinds

    def _wait_sqlite(self, timeout: float) -> set[str]:
        conn = self._conn
        deadline = time.monotonic() + timeout
        while True:
            version = conn.execute("PRAGMA data_version").fetchone()[0]
            if version != self._version:
                self._version = version
                kinds: set[str] = set()
                rows = conn.execute(
                    "SELECT id, entity FROM audit_log WHERE id > ? ORDER BY id", (self._last_id,)
                ).fetchall()
                for audit_id, entity in rows:
                    self._last_id = audit_id
                    if not self._mine(audit_id):
                        kinds.add(kind_of(entity))
                if kinds:
                    return kinds
            left = deadline - time.monotonic()
            if left <= 0:
                return set()
            time.sleep(min(SQLITE_POLL_S, left))
