"""A staff user at the command line sees their own pay and nothing of anyone else's; the
commands for owners and finance refuse them in one line, with the right exit code."""

import json
import sqlite3

import pytest

from shopdesk.cli import main
from shopdesk.config import Location


def _month(loc: Location) -> str:
    assert loc.sqlite_path is not None
    con = sqlite3.connect(loc.sqlite_path)
    (month,) = con.execute(
        "SELECT max(month) FROM kpi_months WHERE status IN ('final', 'published')"
    ).fetchone()
    con.close()
    assert month
    return str(month)


def _run(loc: Location, who: str, *args: str) -> int:
    return main(["--data-dir", str(loc.data_dir), "--as", who, *args])


def test_kpi_shows_staff_only_their_own_row(
    demo_location: Location, capsys: pytest.CaptureFixture[str]
) -> None:
    month = _month(demo_location)
    assert _run(demo_location, "王芳", "kpi", "--month", month, "--format", "json") == 0
    everyone = {r["agent"] for r in json.loads(capsys.readouterr().out)}
    assert len(everyone) > 1 and "小冯" in everyone
    assert _run(demo_location, "小冯", "kpi", "--month", month, "--format", "json") == 0
    assert {r["agent"] for r in json.loads(capsys.readouterr().out)} == {"小冯"}
    assert _run(demo_location, "陈晨", "kpi", "--month", month, "--format", "csv") == 0
    out = capsys.readouterr().out
    assert not any(agent in out for agent in everyone)  # not an agent: no one's row


@pytest.mark.parametrize(
    "args",
    [
        ("kpi", "--month", "2026-10", "--out", "pay.xlsx"),
        ("audit",),
        ("audit", "--out", "log.xlsx"),
        ("backup",),
        ("restore", "x.db"),
        ("user", "add", "新人", "--role", "owner"),
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_staff_are_refused_in_one_line(
    demo_location: Location, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    assert _run(demo_location, "小冯", *args) == 3
    err = capsys.readouterr().err
    assert "没有权限" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
