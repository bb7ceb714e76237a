"""`shopdesk migrate-to URL`: a SQLite shop moves to a PostgreSQL server, checked, exactly once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from shopdesk.cli import main

PG_URL = os.environ.get("SHOPDESK_TEST_PG_URL")
needs_pg = pytest.mark.skipif(not PG_URL, reason="needs SHOPDESK_TEST_PG_URL (a PostgreSQL server)")


@pytest.fixture
def empty_pg() -> Iterator[str]:
    """A brand-new, empty database on the test server."""
    assert PG_URL
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"shopdesk_cli_move_{os.getpid()}"
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _shop(tmp_path: Path) -> str:
    d = str(tmp_path / "shop")
    assert main(["--data-dir", d, "init", "--owner", "王芳"]) == 0
    assert main(["--data-dir", d, "--as", "王芳", "user", "add", "小李", "--role", "staff"]) == 0
    return d


@needs_pg
def test_the_shop_moves_and_then_opens_from_the_server(
    tmp_path: Path, empty_pg: str, capsys: pytest.CaptureFixture[str]
) -> None:
    d = _shop(tmp_path)
    capsys.readouterr()
    assert main(["--data-dir", d, "--as", "王芳", "migrate-to", empty_pg]) == 0
    out = capsys.readouterr().out
    assert (
        "users" in out
        and "audit_log" in out
        and "校验一致" in out.replace("和校验值一致", "校验一致")
    )
    # The next start points at the server: the same people are there.
    assert main(["--db", empty_pg, "--as", "小李", "checklist"]) == 0
    # A second run would mix two shops: refused, nothing copied, one line.
    assert main(["--data-dir", d, "--as", "王芳", "migrate-to", empty_pg]) == 2
    err = capsys.readouterr().err
    assert "不是空的" in err and "Traceback" not in err and err.count("\n") == 1


def test_an_unreachable_server_is_one_readable_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = _shop(tmp_path)
    capsys.readouterr()
    url = "postgresql+psycopg://shopdesk:x@127.0.0.1:9/shopdesk"
    assert main(["--data-dir", d, "--as", "王芳", "migrate-to", url]) == 7
    err = capsys.readouterr().err
    assert "拒绝连接" in err and "127.0.0.1:9" in err and "Traceback" not in err


def test_only_the_owner_may_move_the_shop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = _shop(tmp_path)
    capsys.readouterr()
    url = "postgresql+psycopg://shopdesk:x@127.0.0.1:9/shopdesk"
    assert main(["--data-dir", d, "--as", "小李", "migrate-to", url]) == 3
    assert "权限" in capsys.readouterr().err


def test_opening_a_server_that_refuses_the_password_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    if not PG_URL:
        pytest.skip("needs SHOPDESK_TEST_PG_URL (a PostgreSQL server)")
    bad = make_url(PG_URL).set(password="wrong-password").render_as_string(hide_password=False)
    assert main(["--db", bad, "--as", "王芳", "checklist"]) == 7
    err = capsys.readouterr().err
    assert "密码不对" in err and "Traceback" not in err
