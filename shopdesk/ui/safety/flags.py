"""Telling the owner, at login, about bulk changes made since they last looked (DOMAIN §0)."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from shopdesk.audit.service import bulk_threshold, flagged_after
from shopdesk.auth.permissions import Perm, can
from shopdesk.ui.context import UiContext


def unseen_bulk_changes(ctx: UiContext) -> list[str]:
    """One line per flagged change the owner has not been shown yet (and marks them seen)."""
    if ctx.actor.role != "owner" or not can(ctx.actor, Perm.VIEW_AUDIT):
        return []
    settings = ctx.ui_settings()
    key = f"audit/seen_flagged/{ctx.actor.id}"
    seen = int(str(settings.value(key, 0) or 0))
    rows = flagged_after(ctx.db, ctx.actor, seen)
    if not rows:
        return []
    settings.setValue(key, rows[-1].id)
    settings.sync()
    return [
        f"{r.at.astimezone():%m-%d %H:%M} {r.user_name}: {r.entity} {r.entity_id} "
        f"{json.dumps(r.after, ensure_ascii=False)[:120]}"
        for r in rows
    ]


def show_bulk_changes(ctx: UiContext, parent: QWidget) -> None:
    lines = unseen_bulk_changes(ctx)
    if not lines:
        return
    box = QMessageBox(QMessageBox.Icon.Information, "ShopDesk", "", parent=parent)
    box.setText(
        QCoreApplication.translate(
            "SafetyFlags", "上次查看以来有 {0} 次批量修改 (价格或库存), 请核对:"
        ).format(len(lines))
    )
    box.setInformativeText("\n".join(lines[-10:]))
    box.setDetailedText("\n".join(lines))
    box.exec()


def confirm_bulk(ctx: UiContext, parent: QWidget, count: int, what: str) -> bool:
    """Ask before one action changes more prices or stock levels than `audit.bulk_threshold`.

    True when the action may go ahead (not bulk, or the user said yes). "No" is the default, so
    an Enter pressed out of habit changes nothing.
    """
    with ctx.db.read() as s:
        threshold = bulk_threshold(s)
    if count <= threshold:
        return True
    box = QMessageBox(QMessageBox.Icon.Warning, "ShopDesk", "", parent=parent)
    box.setText(
        QCoreApplication.translate(
            "SafetyFlags", "这次会修改 {0} 条{1}记录 (超过 {2} 条), 确定吗?"
        ).format(count, what, threshold)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "SafetyFlags", "批量修改会在操作日志中标记, 店主下次登录时会看到 (阈值: 文件 → 设置…)"
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setObjectName("bulk_confirm")
    return box.exec() == QMessageBox.StandardButton.Yes
