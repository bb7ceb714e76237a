"""Engine and units of work.

Write transactions on SQLite start with BEGIN IMMEDIATE: with pysqlite's default deferred
transactions two app instances incrementing the same row lost 178 of 400 updates here, because the
read happened before the write lock. Reads stay deferred so they never wait for a writer.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from shopdesk.db.conflict import conflict_for, stale_objects
from shopdesk.errors import ConnectionLost, ShopDeskError, StaleRecord

BUSY_TIMEOUT_MS = 15_000
OFFLINE = "连不上数据库服务器 — 这次的操作没有完成, 数据没有改动。请检查网络, 程序会自动重试。"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event own transactions (the pysqlite recipe).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str, *, echo: bool = False) -> Engine:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        engine = create_engine(url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def user_facing(exc: BaseException) -> ShopDeskError | None:
    """The database errors a user can act on, said in words; None for real bugs."""
    if isinstance(exc, StaleDataError):
        return StaleRecord("这条记录刚被别人修改过, 你的修改没有保存。请刷新后再改。")
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return ConnectionLost(OFFLINE)
    if isinstance(exc, OperationalError):
        text = str(exc.orig).lower()
        if "disk is full" in text or "disk i/o error" in text or "file too large" in text:
            return ShopDeskError(
                "磁盘已满或无法写入: 这次的修改没有保存, 数据库保持原样。请腾出空间后重试。"
            )
        if "locked" in text or "busy" in text:
            return ShopDeskError(
                "数据库正被另一个窗口或程序长时间占用: 这次的修改没有保存, 请稍后重试。"
            )
        if "readonly" in text or "read-only" in text:
            return ShopDeskError("数据库文件是只读的: 这次的修改没有保存。")
        if "could not connect" in text or "connection" in text or "server closed" in text:
            return ConnectionLost(OFFLINE)
    return None


class Database:
    """A database the app works on; hands out sessions for one read or one write."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        # Every model must be known before the first flush, or a foreign key to a table whose
        # module nobody imported yet cannot be resolved.
        import shopdesk.db.models  # noqa: F401

        self.url = url
        self.engine = make_engine(url, echo=echo)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        write_engine = (
            self.engine.execution_options(sqlite_begin="IMMEDIATE")
            if self.is_sqlite
            else self.engine
        )
        self._read = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._write = sessionmaker(bind=write_engine, expire_on_commit=False)
        # Who "we" are in the change feed (shopdesk.db.changes): our own committed audit rows
        # and the tag on our NOTIFYs, so a window is not told about its own saves.
        self.origin = secrets.token_hex(4)
        self.own_audit_ids: set[int] = set()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; rolled back at the end, so it can never write by accident."""
        with self._read() as session:
            try:
                yield session
            except DBAPIError as exc:
                problem = user_facing(exc)
                if isinstance(problem, ConnectionLost):
                    raise problem from exc
                raise
            finally:
                with suppress(DBAPIError):  # a lost connection has nothing to undo
                    session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: committed once at the end, rolled back on any error.

        A version conflict (StaleDataError) becomes a StaleRecord naming who saved the record
        and when; a lost server connection a ConnectionLost (the transaction did not commit).
        """
        with self._write() as session:
            session.info["origin"] = self.origin
            mine: list[int] = []
            try:
                yield session
                # Ours before the commit makes them visible, so the feed never reports them.
                mine = session.info.get("audit_ids", [])
                if len(self.own_audit_ids) > 100_000:  # nobody is reading the feed
                    self.own_audit_ids.clear()
                self.own_audit_ids.update(mine)
                session.commit()
            except BaseException as exc:
                self.own_audit_ids.difference_update(mine)
                stale = stale_objects(session, exc) if isinstance(exc, StaleDataError) else None
                with suppress(DBAPIError):  # a lost connection committed nothing
                    session.rollback()
                problem = user_facing(exc)
                if stale:
                    problem = self._who_won(stale)
                if problem is not None:
                    raise problem from exc
                raise

    def _who_won(self, rows: list[tuple[type[Any], Any]]) -> StaleRecord:
        with self.read() as s:
            return conflict_for(s, rows)

    def dispose(self) -> None:
        self.engine.dispose()
