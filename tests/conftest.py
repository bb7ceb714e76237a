import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_SCALE_FACTOR", "1")

from datetime import datetime

import time_machine

# The suite lives on 2026-11-22 (a Sunday, eleven days after 双11), whatever day CI runs it: the
# demo shop, the calendar's holidays and every date in a test agree on one "today". The clock
# still ticks, so timeouts and timestamps behave.
TEST_DAY = datetime(2026, 11, 22, 10, 0).astimezone()
time_machine.travel(TEST_DAY, tick=True).start()

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.bootstrap import open_shop
from shopdesk.config import Location, resolve
from shopdesk.db.engine import Database


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test touches the real user data directory or a developer's environment."""
    monkeypatch.setenv("SHOPDESK_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.delenv("SHOPDESK_DB_URL", raising=False)
    monkeypatch.delenv("SHOPDESK_PIN", raising=False)


# Service tests run against PostgreSQL too when a server is given (.ci/run starts one):
# SHOPDESK_TEST_PG_URL=postgresql+psycopg://user:pass@localhost/postgres
PG_URL = os.environ.get("SHOPDESK_TEST_PG_URL")
# These tests are about the SQLite file itself (pragmas, backups, restore).
SQLITE_ONLY = {"test_database.py", "test_safety.py"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    path = Path(str(metafunc.definition.fspath))
    if (
        PG_URL
        and "db" in metafunc.fixturenames
        and path.parent.name == "services"
        and path.name not in SQLITE_ONLY
    ):
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def _pg_template() -> Iterator[str]:
    """A migrated database with default data, copied for each test (CREATE DATABASE … TEMPLATE)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    assert PG_URL
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"shopdesk_tpl_{os.getpid()}"
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    database = open_shop(Location(Path("/nonexistent"), url))
    database.dispose()
    yield name
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


@pytest.fixture
def location(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[Location]:
    if backend != "postgresql":
        yield resolve(tmp_path / "shop")
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    assert PG_URL
    template = request.getfixturevalue("_pg_template")
    name = f"shopdesk_t_{os.getpid()}_{next(_PG_COUNTER)}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    (tmp_path / "shop").mkdir()
    yield Location(tmp_path / "shop", url)
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


_PG_COUNTER = itertools.count()


@pytest.fixture
def db(location: Location) -> Iterator[Database]:
    """An empty, migrated shop database (with default data) in a temp dir."""
    database = open_shop(location)
    yield database
    database.dispose()


@pytest.fixture
def owner(db: Database) -> Actor:
    return auth.create_owner(db, "店主", None)


@pytest.fixture
def supervisor(db: Database, owner: Actor) -> Actor:
    auth.add_user(db, owner, "主管", "supervisor", job="客服主管")
    return auth.actor_by_name(db, "主管")


@pytest.fixture
def staff(db: Database, owner: Actor, supervisor: Actor) -> Actor:
    auth.add_user(db, owner, "员工", "staff", job="运营")
    return auth.actor_by_name(db, "员工")


@pytest.fixture
def finance(db: Database, owner: Actor) -> Actor:
    auth.add_user(db, owner, "财务", "finance", job="财务")
    return auth.actor_by_name(db, "财务")


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from shopdesk.demo import generate

    loc = resolve(tmp_path_factory.mktemp("demo-template"))
    database = open_shop(loc)
    generate(database, seed=2026, days=120)
    database.dispose()
    assert loc.sqlite_path is not None
    return loc.sqlite_path


@pytest.fixture
def demo_location(_demo_template: Path, tmp_path: Path) -> Location:
    """A private copy of the demo shop (generated once per test session)."""
    loc = resolve(tmp_path / "demo")
    loc.data_dir.mkdir(parents=True)
    assert loc.sqlite_path is not None
    shutil.copy(_demo_template, loc.sqlite_path)
    return loc


@pytest.fixture
def demo_db(demo_location: Location) -> Iterator[Database]:
    database = open_shop(demo_location)
    yield database
    database.dispose()


@pytest.fixture
def demo_owner(demo_db: Database) -> Actor:
    return auth.actor_by_name(demo_db, "王芳")


@pytest.fixture
def ui_ctx(db: Database, owner: Actor, location: Location):  # type: ignore[no-untyped-def]
    from shopdesk.ui.context import UiContext

    return UiContext(db=db, actor=owner, location=location)
