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
    """Options win over environment, environment over the saved server connection (文件 →
    连接到服务器…), that over the shop file in the per-user data directory."""
    raw_dir = data_dir or os.environ.get(ENV_DATA_DIR)
    directory = Path(raw_dir).expanduser().resolve() if raw_dir else default_data_dir()
    db_url = (
        url
        or os.environ.get(ENV_DB_URL)
        or saved_url(directory)
        or f"sqlite:///{directory / DB_FILE}"
    )
    return Location(directory, db_url)


CONNECTION_FILE = "connection.ini"  # per data directory, never in the shared database


def saved_url(directory: Path) -> str | None:
    """The server this PC was told to use (team mode), or None for the local shop file."""
    import configparser

    path = directory / CONNECTION_FILE
    if not path.is_file():
        return None
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except configparser.Error:
        return None
    return parser.get("database", "url", fallback=None) or None


def save_url(directory: Path, url: str | None) -> Path:
    """Remember the server for the next start; None goes back to the local shop file."""
    import configparser

    path = directory / CONNECTION_FILE
    directory.mkdir(parents=True, exist_ok=True)
    parser = configparser.ConfigParser(interpolation=None)
    parser["database"] = {"url": url or ""}
    with path.open("w", encoding="utf-8") as f:
        f.write("# ShopDesk: the shared database this PC uses (empty = the local shop file)\n")
        parser.write(f)
    if os.name == "posix":
        path.chmod(0o600)  # it may hold the database password
    return path
