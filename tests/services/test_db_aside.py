"""db.aside: a read on a second connection gives the caller's snapshot, or is read again."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.db.aside import ReadAside
from shopdesk.db.engine import Database


def _users(s: Session) -> tuple[int, str]:
    count = int(s.execute(text("SELECT count(*) FROM users")).scalar_one())
    return count, threading.current_thread().name


def test_the_read_runs_on_another_thread_and_agrees(db: Database, owner: Actor) -> None:
    auth.add_user(db, owner, "小王", "staff")
    with db.read() as s:
        count, thread = ReadAside(s, _users).result()
    assert (count, thread) == (2, "read-aside")


def test_a_commit_between_the_snapshots_is_read_again_in_the_callers(
    db: Database, owner: Actor
) -> None:
    with db.read() as s:
        before = _users(s)[0]  # the caller's snapshot starts here
        auth.add_user(db, owner, "小王", "staff")  # another connection commits (audited)
        count, thread = ReadAside(s, _users).result()
        mine = _users(s)[0]
        snapshot = s.get_bind().dialect.name == "sqlite"
    assert before == 1
    assert count == mine  # always what the caller's own session reads
    if snapshot:
        # The aside connection saw 2 users; the caller's snapshot has 1, so it read again itself.
        # (PostgreSQL reads committed data statement by statement: the caller sees 2 as well.)
        assert (count, thread) == (1, threading.current_thread().name)


def test_a_failing_read_raises_in_the_caller(db: Database, owner: Actor) -> None:
    def broken(s: Session) -> None:
        s.execute(text("SELECT nothing FROM no_such_table"))

    with db.read() as s, pytest.raises(Exception, match="no_such_table"):
        ReadAside(s, broken).result()
