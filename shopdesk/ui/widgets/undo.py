"""Undo/redo for edits saved straight to the database (table cells): Edit → 撤销 / 重做.

A table edit is saved the moment the cell editor closes, so the command is pushed *after* it
succeeded: its first redo() does nothing, and undo()/redo() save the old/new value again through
the same path as a typed edit (permission, validation, audit, optimistic lock). When that fails
(someone else changed the row meanwhile, or the month was finalised) the command is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtGui import QUndoCommand, QUndoStack


class SavedEdit(QUndoCommand):
    def __init__(self, text: str, undo: Callable[[], bool], redo: Callable[[], bool]) -> None:
        super().__init__(text)
        self._undo = undo
        self._redo = redo
        self._applied = True  # pushed after the edit was saved

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        if not self._redo():
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._undo():
            self.setObsolete(True)


class EditHistory:
    """A tab's undo stack, and whether an edit now comes from undo/redo (not to be pushed)."""

    def __init__(self, stack: QUndoStack) -> None:
        self.stack = stack
        self.replaying = False

    def push(self, text: str, undo: Callable[[], bool], redo: Callable[[], bool]) -> None:
        if not self.replaying:
            self.stack.push(SavedEdit(text, self._guard(undo), self._guard(redo)))

    def _guard(self, fn: Callable[[], bool]) -> Callable[[], bool]:
        def run() -> bool:
            with self.replay():
                return fn()

        return run

    @contextmanager
    def replay(self) -> Iterator[None]:
        self.replaying = True
        try:
            yield
        finally:
            self.replaying = False
