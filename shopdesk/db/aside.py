"""One heavy read on a second connection, on the other core, while the caller goes on.

SQLite and PostgreSQL answer a query without holding Python's GIL, so a long read started here runs
beside the caller's own queries and Python work: the restock sheet's 28-day GROUP BY takes about as
long as everything else the sheet loads put together. Two connections read two snapshots, though.
Every write is audited, so the audit log's last id names a snapshot: when the two differ (someone
committed in between), or the aside read failed, the caller's own session reads again and the
result always comes from the caller's snapshot. (PostgreSQL reads committed data statement by
statement, in one session as across two, so there the aside read is as good as the caller's.)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

T = TypeVar("T")

_STAMP = text("SELECT max(id) FROM audit_log")


def _stamp(session: Session) -> int | None:
    value = session.execute(_STAMP).scalar()
    return None if value is None else int(value)


class ReadAside(Generic[T]):
    """`read(session)` started now on its own connection; `result()` waits for it."""

    def __init__(self, session: Session, read: Callable[[Session], T]) -> None:
        self._session = session
        self._read = read
        self._value: T | None = None
        self._stamp: int | None = None
        self._failed = False
        bind = session.get_bind()
        engine = bind if isinstance(bind, Engine) else bind.engine
        url = engine.url
        if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
            self._thread = None  # a memory database is private to its connection
            return
        self._thread = threading.Thread(target=self._run, args=(engine,), name="read-aside")
        self._thread.start()

    def _run(self, engine: Engine) -> None:
        try:
            with Session(engine) as s:
                self._stamp = _stamp(s)
                self._value = self._read(s)
                s.rollback()
        except Exception:  # the caller's session reads again and reports it
            self._failed = True

    def result(self) -> T:
        if self._thread is not None:
            self._thread.join()
            if not self._failed and self._stamp == _stamp(self._session):
                return self._value  # type: ignore[return-value]
        return self._read(self._session)
