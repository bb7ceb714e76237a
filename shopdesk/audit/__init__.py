"""Audit log: `from shopdesk import audit; audit.record(...)`."""

from shopdesk.audit.service import changes, is_bulk, needs_confirmation, record

__all__ = ["changes", "is_bulk", "needs_confirmation", "record"]
