import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_SCALE_FACTOR", "1")

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


@pytest.fixture
def location(tmp_path: Path) -> Location:
    return resolve(tmp_path / "shop")


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
