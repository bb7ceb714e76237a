"""Errors a user can read.

Anything derived from ShopDeskError carries a message meant for the person at the keyboard: the
CLI prints it on one line and exits non-zero, the GUI shows it in a message box. Everything else is
a bug and may show a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


class ShopDeskError(Exception):
    """A problem the user can fix or understand; `str(err)` is the message."""

    exit_code = 1


class PermissionDenied(ShopDeskError):
    exit_code = 3


class NotFound(ShopDeskError):
    exit_code = 4


class InvalidInput(ShopDeskError):
    exit_code = 2


class StaleRecord(ShopDeskError):
    """Someone else saved the record after we read it: reload instead of overwriting."""

    exit_code = 5


class ConnectionLost(ShopDeskError):
    """The database server cannot be reached; nothing was half-written, retrying may work."""

    exit_code = 7


class SchemaTooNew(ShopDeskError):
    exit_code = 6


@dataclass(frozen=True)
class RowError:
    """One problem in an imported file, located so a user can find and fix it."""

    row: int  # 1-based row number as the user sees it in the spreadsheet (header = row 1)
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"第 {self.row} 行 [{self.column}] “{self.value}”: {self.reason}"


class ImportRejected(ShopDeskError):
    """The file had bad rows, so nothing was stored."""

    exit_code = 2

    def __init__(self, errors: list[RowError], message: str | None = None) -> None:
        self.errors = errors
        super().__init__(message or f"导入未执行: {len(errors)} 处错误, 未保存任何数据")
