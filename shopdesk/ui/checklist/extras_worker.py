"""Loads the slow parts of the day view off the GUI thread on first show.

Campaign tasks, reminders and live link data need other features' modules and queries; the
checklist shows its own items first and merges these in when they arrive.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QObject, QRunnable, Signal

from shopdesk.auth.actor import Actor
from shopdesk.checklist import links, service
from shopdesk.db.engine import Database

log = logging.getLogger(__name__)


class ExtrasSignals(QObject):
    # generation, tasks, reminders, link states
    done = Signal(int, object, object, object)


class ExtrasJob(QRunnable):
    def __init__(
        self,
        generation: int,
        db: Database,
        who: Actor,
        day: date,
        link_keys: list[str],
        with_links: bool,
    ) -> None:
        super().__init__()
        self.signals = ExtrasSignals()
        self.generation = generation
        self.db = db
        self.who = who
        self.day = day
        self.link_keys = link_keys
        self.with_links = with_links
        self.setAutoDelete(False)  # the tab keeps a reference until the result arrives

    def run(self) -> None:
        try:
            tasks, reminders = service.day_extras(self.db, self.who, self.day)
            states = links.evaluate(self.db, self.link_keys, self.day) if self.with_links else {}
        except Exception:  # a bug here must not leave the tab waiting: show what we have
            log.exception("loading checklist extras failed")
            tasks, reminders, states = [], [], {}
        try:
            self.signals.done.emit(self.generation, tasks, reminders, states)
        except RuntimeError:  # the tab was closed meanwhile
            log.debug("checklist closed before its extras arrived")
