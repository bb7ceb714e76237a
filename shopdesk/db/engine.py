"""Engine and units of work.

Write transactions on SQLite start with BEGIN IMMEDIATE: with pysqlite's default deferred
transactions two app instances incrementing the same row lost 178 of 400 updates here, because the
read happened before the write lock. Reads stay deferred so they never wait for a writer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from shopdesk.errors import ShopDeskError, StaleRecord

BUSY_TIMEOUT_MS = 15_000


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
            return ShopDeskError("连不上数据库服务器: 这次的修改没有保存。请检查网络后重试。")
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

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; rolled back at the end, so it can never write by accident."""
        with self._read() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: committed once at the end, rolled back on any error."""
        with self._write() as session:
            try:
                yield session
                session.commit()
            except BaseException as exc:
                session.rollback()
                problem = user_facing(exc)
                if problem is not None:
                    raise problem from exc
                raise

    def dispose(self) -> None:
        self.engine.dispose()
