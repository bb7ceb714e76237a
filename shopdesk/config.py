"""Where the shop's data lives: data directory and database URL, from options or environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_DATA_DIR = "SHOPDESK_DATA_DIR"
ENV_DB_URL = "SHOPDESK_DB_URL"
DB_FILE = "shopdesk.db"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("ShopDesk", appauthor=False))


@dataclass(frozen=True)
class Location:
    data_dir: Path
    url: str

    @property
    def sqlite_path(self) -> Path | None:
        prefix = "sqlite:///"
        if self.url.startswith(prefix) and self.url != "sqlite:///:memory:":
            return Path(self.url[len(prefix) :])
        return None

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"


def resolve(data_dir: str | os.PathLike[str] | None = None, url: str | None = None) -> Location:
    """Options win over environment, environment over the per-user default."""
    raw_dir = data_dir or os.environ.get(ENV_DATA_DIR)
    directory = Path(raw_dir).expanduser().resolve() if raw_dir else default_data_dir()
    db_url = url or os.environ.get(ENV_DB_URL) or f"sqlite:///{directory / DB_FILE}"
    return Location(directory, db_url)
