"""What every tab is given: the database, who is logged in, and the app-wide signal bus."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from shopdesk.config import Location

if TYPE_CHECKING:  # the window paints before the database layer is imported
    from shopdesk.auth.actor import Actor
    from shopdesk.db.engine import Database


class Bus(QObject):
    """App-wide notifications so tabs stay in step without knowing each other."""

    # An entity kind ("product", "checklist", "campaign", "kpi", "metric"...) changed.
    data_changed = Signal(str)
    # Ask the main window to show a tab ("inventory", ...) with an optional filter text.
    open_tab = Signal(str, str)
    # A one-line message for the status bar.
    status = Signal(str)


@dataclass
class UiContext:
    db: Database
    actor: Actor
    location: Location
    bus: Bus = field(default_factory=Bus)

    def ui_settings(self) -> QSettings:
        return ui_settings(self.location)


def ui_settings(location: Location) -> QSettings:
    """Window and table layouts, kept per data directory (not in the shared database)."""
    return QSettings(str(Path(location.data_dir) / "ui.ini"), QSettings.Format.IniFormat)
