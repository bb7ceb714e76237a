"""Audit log: `from shopdesk import audit; audit.record(...)`."""

from shopdesk.audit.service import changes, record

__all__ = ["changes", "record"]
