"""Every service function of every feature, called as every role (DOMAIN §0).

The functions are found, not listed: any public `f(db, actor, ...)` in a shopdesk module outside
the GUI. Each is called first as the owner while `can()` is watched, which reveals the permission
it demands before doing anything (its gate); then as every role, which must be refused exactly
when the role lacks that permission. A new function without a gate fails here until it is added,
with a reason, to OPEN below — so nothing can slip past the role rules by being forgotten.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import shopdesk
from shopdesk.auth import permissions
from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.auth.permissions import ROLE_PERMS, Perm
from shopdesk.db.engine import Database
from shopdesk.errors import PermissionDenied

DEMO_USERS = {"owner": "王芳", "supervisor": "孙浩", "finance": "钱会计", "staff": "陈晨"}

# Functions without a gate of their own, each reviewed: why anyone may call them.
OPEN = {
    "campaigns.service.create_from_preset": "calls create_campaign (EDIT_CAMPAIGNS)",
    "checklist.service.toggle": "calls tick/untick or the campaign task calls (TICK_CHECKLIST)",
    "kpi.importers.card_for_template": "the blank template's column names, no one's figures",
    "kpi.service.list_cards": "card names and versions; every role sees its own card",
    "kpi.service.list_months": "which months exist and their state, no scores",
    "kpi.service.find_month": "one month's id and state, no scores",
    "metrics.service.summaries": "calls load_range (VIEW_METRICS)",
    "metrics.service.day_report": "calls load_range (VIEW_METRICS)",
    "metrics.service.summary_report": "calls load_range (VIEW_METRICS)",
}

# What DOMAIN §0 lets staff change: their checklist ticks (and campaign tasks shown in it), and a
# dispute about their own score. Any other write must refuse them.
STAFF_WRITES = {
    "campaigns.task_service.complete_task",
    "campaigns.task_service.reopen_task",
    "checklist.campaign_tasks.complete",
    "checklist.campaign_tasks.reopen",
    "checklist.service.tick",
    "checklist.service.untick",
    "checklist.service.skip",
    "checklist.service.move",
    "kpi.disputes.raise_dispute",
}
WRITE_WORDS = (
    "add", "create", "update", "save", "delete", "set", "import", "run_import", "receive",
    "publish", "finalise", "reopen", "retire", "reorder", "move", "change", "record", "answer",
    "deactivate", "reset", "tick", "untick", "skip", "complete", "raise", "write",
)  # fmt: skip


def service_functions() -> Iterator[tuple[str, Callable[..., Any]]]:
    for info in pkgutil.walk_packages(shopdesk.__path__, "shopdesk."):
        name = info.name
        if any(part in name.split(".") for part in ("ui", "migrations", "cli", "demo", "__main__")):
            continue
        module = importlib.import_module(name)
        for fname, fn in sorted(vars(module).items()):
            if fname.startswith("_") or not inspect.isfunction(fn) or fn.__module__ != name:
                continue
            if list(inspect.signature(fn).parameters)[:2] == ["db", "actor"]:
                yield f"{name.removeprefix('shopdesk.')}.{fname}", fn


FUNCTIONS = dict(service_functions())


def _call(fn: Callable[..., Any], db: Database, actor: Actor) -> BaseException | None:
    """Call with None for every other required argument: enough to reach the gate."""
    params = list(inspect.signature(fn).parameters.values())[2:]
    args = [None for p in params if p.default is p.empty and p.kind is p.POSITIONAL_OR_KEYWORD]
    kwargs = {p.name: None for p in params if p.default is p.empty and p.kind is p.KEYWORD_ONLY}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # s.get(Model, None) warns; the gate is what we test
        try:
            fn(db, actor, *args, **kwargs)
        except Exception as exc:  # anything after the gate: bad dummy arguments, not found, …
            return exc
    return None


def _gates(db: Database, monkeypatch: pytest.MonkeyPatch) -> dict[str, Perm | None]:
    owner = auth.actor_by_name(db, DEMO_USERS["owner"])
    seen: list[Perm] = []
    real_can = permissions.can

    def spy(actor: Actor, perm: Perm) -> bool:
        seen.append(perm)
        return real_can(actor, perm)

    monkeypatch.setattr(permissions, "can", spy)
    gates: dict[str, Perm | None] = {}
    for name, fn in FUNCTIONS.items():
        seen.clear()
        _call(fn, db, owner)
        gates[name] = seen[0] if seen else None
    monkeypatch.setattr(permissions, "can", real_can)
    return gates


def test_the_features_services_are_all_found() -> None:
    features = {name.split(".")[0] for name in FUNCTIONS}
    assert {"auth", "audit", "checklist", "inventory", "campaigns", "kpi", "metrics"} <= features
    assert len(FUNCTIONS) >= 80


def test_every_service_function_as_every_role(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    gates = _gates(demo_db, monkeypatch)
    ungated = {name for name, gate in gates.items() if gate is None}
    assert ungated <= set(OPEN), f"no permission check (add one, or review into OPEN): {ungated}"
    wrong: list[str] = []
    for role, user in DEMO_USERS.items():
        actor = auth.actor_by_name(demo_db, user)
        for name, gate in gates.items():
            if gate is None:
                continue
            refused = isinstance(_call(FUNCTIONS[name], demo_db, actor), PermissionDenied)
            if refused == (gate in ROLE_PERMS[role]):
                wrong.append(f"{name} as {role}: {'refused' if refused else 'allowed'} ({gate})")
    assert not wrong, "\n".join(wrong)


def test_staff_cannot_change_anything_their_role_forbids(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    gates = _gates(demo_db, monkeypatch)
    staff = ROLE_PERMS["staff"]
    writes = {
        name for name in FUNCTIONS if any(name.rsplit(".", 1)[1].startswith(w) for w in WRITE_WORDS)
    }
    assert len(writes) >= 30
    let_through = {
        n for n in writes - set(OPEN) - STAFF_WRITES if gates[n] is None or gates[n] in staff
    }
    assert not let_through, f"staff may call these writes: {let_through}"


@pytest.mark.parametrize("role", ["staff", "supervisor"])
def test_no_cost_or_pay_gate_is_open_to_staff_or_supervisors(role: str) -> None:
    """The sensitive permissions themselves (cost, everyone's pay, audit, users, settings)."""
    secret = {
        Perm.VIEW_COST,
        Perm.VIEW_ALL_SCORES,
        Perm.VIEW_AUDIT,
        Perm.MANAGE_USERS,
        Perm.EDIT_SETTINGS,
        Perm.RESTORE,
    }
    assert not (secret & ROLE_PERMS[role])
