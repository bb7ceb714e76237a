"""The change feed: one client learns what another committed, on SQLite and PostgreSQL."""

from collections.abc import Iterator

import pytest

from shopdesk import audit
from shopdesk.auth.actor import Actor
from shopdesk.db.changes import EVERYTHING, ChangeFeed, kind_of
from shopdesk.db.engine import Database
from shopdesk.inventory import service as inventory
from shopdesk.settings import service as settings


@pytest.fixture
def other_pc(db: Database) -> Iterator[Database]:
    other = Database(db.url)
    yield other
    other.dispose()


@pytest.fixture
def feed(db: Database) -> Iterator[ChangeFeed]:
    f = ChangeFeed(db)
    f.wait(0)  # connected: from here on every commit counts
    yield f
    f.close()


def _drain(feed: ChangeFeed, want: str, seconds: float = 5.0) -> set[str]:
    got: set[str] = set()
    for _ in range(int(seconds / 0.5)):
        got |= feed.wait(0.5)
        if want in got:
            break
    return got


def test_another_pcs_save_arrives_as_its_kind(
    db: Database, other_pc: Database, owner: Actor, feed: ChangeFeed
) -> None:
    inventory.create_product(other_pc, owner, "L1", "别处新建")
    assert "product" in _drain(feed, "product")


def test_a_setting_changed_elsewhere_is_reported(
    db: Database, other_pc: Database, owner: Actor, feed: ChangeFeed
) -> None:
    settings.set_value(other_pc, owner, "audit.bulk_threshold", 77)
    assert "setting" in _drain(feed, "setting")


def test_own_saves_and_rolled_back_writes_are_not_reported(
    db: Database, other_pc: Database, owner: Actor, feed: ChangeFeed
) -> None:
    inventory.create_product(db, owner, "L2", "自己新建")  # this window reloads by itself
    with pytest.raises(RuntimeError), other_pc.write() as s:
        audit.record(s, owner, "product", "L3", "create")
        raise RuntimeError("cancelled before commit")
    assert feed.wait(1.0) == set()


def test_a_quiet_database_reports_nothing_and_costs_little(
    db: Database, owner: Actor, feed: ChangeFeed
) -> None:
    assert feed.wait(0.3) == set()


def test_audit_entities_map_to_the_kinds_tabs_listen_for() -> None:
    assert kind_of("checklist_occurrence") == "checklist"
    assert kind_of("purchase_order") == "product"
    assert kind_of("import") == "product"
    assert kind_of("kpi_score") == "kpi"
    assert kind_of("daily_metric") == "metric"
    assert kind_of("campaign_task") == "campaign"
    assert kind_of("demo") == EVERYTHING
    assert kind_of("something_new") == "something_new"
