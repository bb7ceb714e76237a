"""Migrations on a shared server: two PCs that start the new version at once must both work."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

import shopdesk.db.models as models
from shopdesk.bootstrap import open_shop
from shopdesk.config import Location
from shopdesk.db import migrate
from shopdesk.db.engine import Database

PG_URL = os.environ.get("SHOPDESK_TEST_PG_URL")
pytestmark = pytest.mark.skipif(not PG_URL, reason="needs SHOPDESK_TEST_PG_URL")


@pytest.fixture
def empty_url() -> Iterator[str]:
    assert PG_URL
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"shopdesk_race_{os.getpid()}"
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_two_pcs_opening_a_new_server_database_at_once_both_succeed(
    empty_url: str, tmp_path: Path
) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(3)

    def pc(n: int) -> None:
        start.wait()
        try:
            open_shop(Location(tmp_path / f"pc{n}", empty_url)).dispose()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=pc, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    db = Database(empty_url)
    try:
        assert migrate.current_revisions(db) == migrate.known_heads()
        with db.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        assert set(models.Base.metadata.tables) <= tables
        with db.read() as s:  # default data went in once, not three times
            templates = s.execute(text("SELECT COUNT(*) FROM checklist_templates")).scalar()
            assert templates and templates == len(
                set(s.execute(text("SELECT title FROM checklist_templates")).scalars())
            )
    finally:
        db.dispose()
