"""Team mode: describing and trying a PostgreSQL server before the app switches to it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from shopdesk.errors import ConnectionLost, InvalidInput

DEFAULT_PORT = 5432
DRIVER = "postgresql+psycopg"


@dataclass(frozen=True)
class ServerFields:
    """What the connection dialog asks for."""

    host: str
    port: int = DEFAULT_PORT
    database: str = "shopdesk"
    user: str = "shopdesk"
    password: str = ""


def build_url(fields: ServerFields) -> str:
    """A SQLAlchemy URL; passwords with @ : / are escaped, so any password works."""
    if not fields.host.strip():
        raise InvalidInput("请填写服务器地址 (例如 192.168.1.10)")
    if not fields.database.strip() or not fields.user.strip():
        raise InvalidInput("请填写数据库名和用户名")
    url = URL.create(
        DRIVER,
        username=fields.user.strip(),
        password=fields.password or None,
        host=fields.host.strip(),
        port=fields.port,
        database=fields.database.strip(),
    )
    return url.render_as_string(hide_password=False)


def split_url(url: str) -> ServerFields | None:
    """The fields of a saved server URL (None for a SQLite file or nonsense)."""
    try:
        u = make_url(url)
    except ArgumentError:
        return None
    if u.get_backend_name() != "postgresql":
        return None
    return ServerFields(
        host=u.host or "",
        port=u.port or DEFAULT_PORT,
        database=u.database or "",
        user=u.username or "",
        password=u.password or "",
    )


@dataclass(frozen=True)
class Probe:
    server: str  # "PostgreSQL 15.18"
    has_shop: bool  # ShopDesk tables exist already (another PC set it up)

    def describe(self) -> str:
        where = (
            "数据库里已有 ShopDesk 店铺数据。"
            if self.has_shop
            else "数据库是空的: 第一次打开时会自动建表; "
            "已有的本机数据可用 shopdesk migrate-to 复制过去。"
        )
        return f"连接成功 ({self.server})。{where}"


def probe(url: str, timeout_s: int = 5) -> Probe:
    """Connect once and look; a refusal is a ShopDeskError saying why, in words."""
    try:
        u = make_url(url)
    except ArgumentError as exc:
        raise InvalidInput(f"连接地址格式不对: {exc}") from exc
    if u.get_backend_name() != "postgresql":
        raise InvalidInput("团队模式需要 PostgreSQL 服务器地址 (postgresql+psycopg://…)")
    engine = create_engine(u, connect_args={"connect_timeout": timeout_s})
    try:
        with engine.connect() as conn:
            version = str(conn.execute(text("SHOW server_version")).scalar()).split()[0]
            has_shop = inspect(conn).has_table("alembic_version")
    except DBAPIError as exc:
        raise explain(exc) from exc
    finally:
        engine.dispose()
    return Probe(f"PostgreSQL {version}", has_shop)


def explain(exc: DBAPIError, url: str | None = None) -> ConnectionLost:
    """A failed connection in words: wrong password, no such database, refused, unknown host."""
    where = ""
    if url is not None:
        try:
            u = make_url(url)
            server = f"{u.host or 'localhost'}:{u.port or DEFAULT_PORT}"
            where = f" (服务器 {server}, 数据库 {u.database})"
        except ArgumentError:
            pass
    return ConnectionLost(_why(str(exc.orig)) + where)


def _why(text_: str) -> str:
    low = text_.lower()
    if "password authentication failed" in low or "no password supplied" in low:
        return "用户名或密码不对: 服务器拒绝了登录。"
    if "does not exist" in low and "database" in low:
        return "服务器上没有这个数据库: 请让管理员先创建 (CREATE DATABASE)。"
    if "timeout" in low or "timed out" in low:
        return "连接超时: 请检查服务器地址、网络和防火墙 (端口 5432)。"
    if "refused" in low:
        return "服务器拒绝连接: 地址或端口不对, 或 PostgreSQL 没有在运行 / 没有允许远程连接。"
    if "could not translate host name" in low or "name or service not known" in low:
        return "找不到这个服务器地址: 请检查拼写。"
    return f"连不上数据库服务器: {text_.strip().splitlines()[0] if text_.strip() else '未知原因'}"
