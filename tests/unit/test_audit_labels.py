"""Every entity and action the services write to the audit log has a readable name."""

from __future__ import annotations

import ast
from pathlib import Path

import shopdesk
from shopdesk.audit.labels import ACTION_LABELS, ENTITY_LABELS, action_label, entity_label
from shopdesk.audit.service import AuditRow, audit_report

ROOT = Path(shopdesk.__file__).parent


def _constants(node: ast.expr, module: ast.Module) -> set[str]:
    """String values an audit argument can take: literals, conditionals, module constants."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _constants(node.body, module) | _constants(node.orelse, module)
    if isinstance(node, ast.Name):
        for stmt in module.body:
            if isinstance(stmt, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == node.id for t in stmt.targets
            ):
                return _constants(stmt.value, module)
    return set()


def _audit_keys() -> tuple[set[str], set[str]]:
    entities: set[str] = set()
    actions: set[str] = set()
    for path in ROOT.rglob("*.py"):
        module = ast.parse(path.read_text(encoding="utf-8"))
        for call in ast.walk(module):
            if not isinstance(call, ast.Call) or len(call.args) < 5:
                continue
            f = call.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if name == "record":
                entities |= _constants(call.args[2], module)
                actions |= _constants(call.args[4], module)
    return entities, actions


def test_every_audited_entity_and_action_has_a_label() -> None:
    entities, actions = _audit_keys()
    assert {"product", "campaign", "kpi_score"} <= entities  # the scan finds the services
    assert {"create", "tick", "receive"} <= actions
    assert entities - ENTITY_LABELS.keys() == set()
    assert actions - ACTION_LABELS.keys() == set()


def test_the_report_shows_labels_and_unknown_keys_as_they_are() -> None:
    assert entity_label("product") == "商品"
    assert action_label("something_new") == "something_new"
    from datetime import UTC, datetime

    row = AuditRow(
        id=1,
        at=datetime(2026, 11, 22, 2, tzinfo=UTC),
        user_name="王芳",
        entity="product",
        entity_id="SKU1",
        action="update",
        before={"on_hand": 1},
        after={"on_hand": 2},
        flagged=True,
    )
    (out,) = audit_report([row], "店").rows
    assert (out["entity"], out["action"]) == ("商品", "修改 ⚑")
