"""Every role against the services that guard money and people (DOMAIN §0): who is refused,
and what a staff user can never see — in rows, exports or CLI output."""

import json
from pathlib import Path

import pytest

from shopdesk.audit import service as audit_service
from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.cli import main
from shopdesk.config import Location
from shopdesk.db.engine import Database
from shopdesk.errors import PermissionDenied
from shopdesk.inventory import service as inventory
from shopdesk.settings import service as settings

ROLES = {"owner": "王芳", "supervisor": "孙浩", "finance": "钱会计", "staff": "陈晨"}


def _actor(db: Database, role: str) -> Actor:
    return auth.actor_by_name(db, ROLES[role])


@pytest.mark.parametrize(
    ("role", "sees_cost"),
    [("owner", True), ("finance", True), ("supervisor", False), ("staff", False)],
)
def test_cost_price_only_for_owner_and_finance(
    demo_db: Database, role: str, sees_cost: bool
) -> None:
    table = inventory.list_products(demo_db, _actor(demo_db, role))
    costs = [r.cost_price for r in table.rows]
    assert table.show_cost is sees_cost
    assert any(c is not None for c in costs) is sees_cost


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("owner", {"settings", "users", "audit", "save_sheet"}),
        ("finance", {"audit"}),
        ("supervisor", {"save_sheet"}),
        ("staff", set()),
    ],
)
def test_who_is_refused(
    demo_db: Database, demo_location: Location, role: str, allowed: set[str]
) -> None:
    actor = _actor(demo_db, role)
    calls = {
        "settings": lambda: settings.set_value(demo_db, actor, "shop.platform", "天猫"),
        "users": lambda: auth.add_user(demo_db, actor, f"新人{role}", "staff"),
        "audit": lambda: audit_service.list_entries(demo_db, actor, limit=5),
        "save_sheet": lambda: inventory.save_sheet(
            demo_db, actor, inventory.default_sheet_date(demo_db)
        ),
    }
    for name, call in calls.items():
        if name in allowed:
            call()
        else:
            with pytest.raises(PermissionDenied):
                call()


def test_staff_cli_and_exports_carry_no_cost(
    demo_location: Location, demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = str(demo_location.data_dir)
    demo_db.dispose()
    with demo_db.read() as s:
        from sqlalchemy import select

        from shopdesk.inventory.models import Product

        costs = {f"{c:.2f}" for c in s.scalars(select(Product.cost_price)) if c is not None}
    assert main(["--data-dir", d, "--as", "陈晨", "restock", "--format", "json"]) == 0
    out = capsys.readouterr().out
    rows = json.loads(out)
    assert rows and all("cost" not in k for row in rows for k in row)
    xlsx = tmp_path / "sheet.csv"
    assert main(["--data-dir", d, "--as", "陈晨", "restock", "--out", str(xlsx)]) == 0
    header = xlsx.read_text(encoding="utf-8-sig").splitlines()[0]
    assert "成本" not in header and "cost" not in header.lower()
    assert costs  # the shop has cost prices; none of them is a column for staff
