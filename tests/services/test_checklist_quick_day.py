"""The sqlite3 read of today's checklist gives exactly the rows of the service's day view."""

import sys
from pathlib import Path

import pytest

from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.checklist import quick_day, service
from shopdesk.config import Location
from shopdesk.db.engine import Database


def _path(location: Location) -> Path:
    assert location.sqlite_path is not None
    return location.sqlite_path


@pytest.mark.parametrize("everyone", [False, True])
def test_same_rows_as_the_day_view_for_each_user(
    demo_db: Database, demo_owner: Actor, demo_location: Location, everyone: bool
) -> None:
    users = [auth.actor_by_name(demo_db, u.name) for u in auth.list_users(demo_db)]
    assert len(users) > 3
    for who in users:
        view = service.day_view(demo_db, demo_owner, for_user=who, everyone=everyone, extras=False)
        expected = view.rows
        assert quick_day.day_rows(_path(demo_location), who, everyone=everyone) == expected


def test_ticks_and_notes_read_back_the_same(
    demo_db: Database, demo_owner: Actor, demo_location: Location
) -> None:
    rows = service.day_view(demo_db, demo_owner, everyone=True, extras=False).rows
    item = next(r for r in rows if not r.carried_over and not r.needs_number)
    service.tick(demo_db, demo_owner, item.template_id, note="已核对")
    after = service.day_view(demo_db, demo_owner, everyone=True, extras=False).rows
    quick = quick_day.day_rows(_path(demo_location), demo_owner, everyone=True)
    assert quick == after
    assert any(r.note == "已核对" for r in quick)


def test_reading_it_loads_no_sqlalchemy(demo_location: Location) -> None:
    import subprocess

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from shopdesk.auth.actor import Actor\n"
        "from shopdesk.checklist.quick_day import day_rows\n"
        "rows = day_rows(Path(sys.argv[1]), Actor(1, '王芳', 'owner'), everyone=True)\n"
        "print(len(rows), 'sqlalchemy' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(_path(demo_location))],
        capture_output=True,
        text=True,
        check=True,
    )
    count, loaded = out.stdout.split()
    assert int(count) > 0 and loaded == "False"
