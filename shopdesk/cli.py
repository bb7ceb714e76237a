"""The `shopdesk` command: the window by default, and scriptable sub-commands over the services.

Global options come before the command: `shopdesk --data-dir D --as NAME restock --format json`.
A user mistake prints one line on stderr and exits non-zero; never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from shopdesk import __version__
from shopdesk.auth.actor import CS_LEVELS, JOBS, ROLES, Actor
from shopdesk.config import Location, resolve
from shopdesk.errors import ImportRejected, InvalidInput, ShopDeskError

if TYPE_CHECKING:
    from shopdesk.db.engine import Database

ENV_PIN = "SHOPDESK_PIN"

# Each module has `register(commands, imports)` adding its sub-commands and import kinds.
FEATURE_CLIS: tuple[str, ...] = (
    "shopdesk.checklist.cli",
    "shopdesk.inventory.cli",
    "shopdesk.campaigns.cli",
    "shopdesk.kpi.cli",
    "shopdesk.metrics.cli",
    "shopdesk.safety.cli",
)


@dataclass
class CliContext:
    """What a command needs: where the shop is, who acts; the database opens on first use."""

    location: Location
    as_name: str | None
    _db: Database | None = field(default=None, repr=False)

    @property
    def db(self) -> Database:
        if self._db is None:
            from shopdesk.bootstrap import open_shop

            self._db = open_shop(self.location)
        return self._db

    def actor(self) -> Actor:
        """The --as user, after checking their PIN (env SHOPDESK_PIN or a prompt)."""
        from shopdesk.auth import service as auth

        if not self.as_name:
            raise InvalidInput("这个命令需要指定操作人: shopdesk --as 姓名 …")
        users = {u.name: u for u in auth.list_users(self.db)}
        user = users.get(self.as_name)
        pin = None
        if user is not None and user.has_pin:
            pin = os.environ.get(ENV_PIN)
            if pin is None:
                if not sys.stdin.isatty():
                    raise InvalidInput(f"用户 {self.as_name} 设有 PIN: 请设置环境变量 {ENV_PIN}")
                pin = getpass.getpass(f"{self.as_name} 的 PIN: ")
        return auth.login(self.db, self.as_name, pin)


Handler = Callable[[CliContext, argparse.Namespace], int | None]


def _add_format(p: argparse.ArgumentParser) -> None:
    from shopdesk.cli_output import FORMATS

    p.add_argument("--format", choices=FORMATS, default="table", help="输出格式 (默认 table)")


def build_parser(*, features: bool = True) -> argparse.ArgumentParser:
    """The whole command line; `features=False` leaves out the feature modules' sub-commands
    (importing them costs ~50 ms before the window can paint, and the GUI needs none of them)."""
    parser = argparse.ArgumentParser(
        prog="shopdesk",
        description="ShopDesk — 网店团队的日常后台。不带命令时打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"ShopDesk {__version__}")
    parser.add_argument(
        "--data-dir", help="数据目录 (默认: 用户数据目录; 环境变量 SHOPDESK_DATA_DIR)"
    )
    parser.add_argument(
        "--db", help="数据库 URL (环境变量 SHOPDESK_DB_URL), 例如 postgresql+psycopg://…"
    )
    parser.add_argument("--as", dest="as_name", metavar="NAME", help="以此用户身份执行")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = commands.add_parser("gui", help="打开窗口 (默认)")
    p.set_defaults(handler=_cmd_gui)

    p = commands.add_parser("selftest", help="打开窗口并逐个打开每个页面后退出 (安装检查)")
    p.set_defaults(handler=_cmd_selftest)

    p = commands.add_parser("init", help="创建或升级数据库; 可同时创建店主")
    p.add_argument("--owner", metavar="NAME", help="店主姓名 (首次)")
    p.add_argument("--pin", help="店主 PIN, 4–8 位数字 (可选)")
    p.add_argument("--shop", help="店铺名称")
    p.set_defaults(handler=_cmd_init)

    p = commands.add_parser("demo", help="生成示例店铺数据 (固定随机种子)")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--days", type=int, default=180, help="销售历史天数 (默认 180)")
    p.add_argument("--force", action="store_true", help="数据库已有商品时也写入")
    p.set_defaults(handler=_cmd_demo)

    user = commands.add_parser("user", help="用户管理").add_subparsers(
        dest="user_cmd", metavar="ACTION"
    )
    user.required = True
    p = user.add_parser("add", help="添加用户")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument("--pin")
    p.add_argument("--job", choices=JOBS)
    p.add_argument("--cs-level", choices=CS_LEVELS)
    p.add_argument("--supervisor", metavar="NAME")
    p.set_defaults(handler=_cmd_user_add)
    p = user.add_parser("list", help="列出用户")
    p.add_argument("--all", action="store_true", help="包括已停用的")
    _add_format(p)
    p.set_defaults(handler=_cmd_user_list)
    p = user.add_parser("deactivate", help="停用用户 (保留历史)")
    p.add_argument("name")
    p.set_defaults(handler=_cmd_user_deactivate)
    p = user.add_parser("reset-pin", help="重设 PIN (不带 --pin 则清除)")
    p.add_argument("name")
    p.add_argument("--pin")
    p.set_defaults(handler=_cmd_user_reset_pin)

    imp = commands.add_parser("import", help="导入表格 (预览、逐行校验、全部或全不)")
    imports = imp.add_subparsers(dest="import_kind", metavar="KIND")
    imports.required = True

    if features:
        for name in FEATURE_CLIS:
            importlib.import_module(name).register(commands, imports)
    return parser


# Global options that take a value (`--data-dir D`); everything else before the command is a flag.
_VALUED = ("--data-dir", "--db", "--as")


def starts_gui(argv: Sequence[str]) -> bool:
    """True when `argv` opens the window (no command, or `gui`): no feature CLI is needed."""
    words = iter(argv)
    for word in words:
        if word in _VALUED:
            next(words, None)
        elif word.startswith(tuple(f"{o}=" for o in _VALUED)):
            continue
        elif word.startswith("-"):
            return False  # --help, --version, a typo: the full parser answers
        else:
            return word == "gui"
    return True


# -- handlers --------------------------------------------------------------------------------


def _cmd_gui(ctx: CliContext, args: argparse.Namespace) -> int:
    from shopdesk.ui.app import run

    def as_user(db: Database) -> Actor:
        ctx._db = db
        return ctx.actor()

    return run(ctx.location, as_user if ctx.as_name else None, ctx.as_name)


def _cmd_selftest(ctx: CliContext, args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from shopdesk.ui.selftest import run

    for key, ms in run(ctx.location, ctx.actor()):
        print(f"{key}: {ms:.0f} ms")
    print("ok")
    return 0


def _cmd_init(ctx: CliContext, args: argparse.Namespace) -> int:
    from shopdesk.auth import service as auth
    from shopdesk.settings import service as settings

    db = ctx.db
    print(f"数据库已就绪: {ctx.location.url}")
    if args.owner:
        actor = auth.create_owner(db, args.owner, args.pin)
        print(f"已创建店主: {actor.name}")
        if args.shop:
            settings.set_value(db, actor, "shop.name", args.shop)
    elif args.shop:
        settings.set_value(db, ctx.actor(), "shop.name", args.shop)
    return 0


def _cmd_demo(ctx: CliContext, args: argparse.Namespace) -> int:
    from shopdesk.demo import generate

    summary = generate(ctx.db, seed=args.seed, days=args.days, force=args.force)
    print(summary)
    return 0


def _cmd_user_add(ctx: CliContext, args: argparse.Namespace) -> int:
    from shopdesk.auth import service as auth

    row = auth.add_user(
        ctx.db,
        ctx.actor(),
        args.name,
        args.role,
        args.pin,
        job=args.job,
        cs_level=args.cs_level,
        supervisor=args.supervisor,
    )
    print(f"已添加用户 {row.name} ({row.role})")
    return 0


def _cmd_user_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from shopdesk.auth import service as auth
    from shopdesk.auth.actor import ROLE_LABELS
    from shopdesk.auth.permissions import Perm, require
    from shopdesk.cli_output import emit
    from shopdesk.reports import Column

    require(ctx.actor(), Perm.MANAGE_USERS)
    rows = [
        {
            "name": u.name,
            "role": u.role,
            "role_label": ROLE_LABELS.get(u.role, u.role),
            "job": u.job,
            "cs_level": u.cs_level,
            "active": u.active,
            "has_pin": u.has_pin,
        }
        for u in auth.list_users(ctx.db, include_inactive=args.all)
    ]
    cols = [
        Column("name", "姓名"),
        Column("role_label", "角色"),
        Column("job", "岗位"),
        Column("cs_level", "客服级别"),
        Column("active", "启用", "bool"),
        Column("has_pin", "有 PIN", "bool"),
    ]
    emit(rows, cols, args.format)
    return 0


def _cmd_user_deactivate(ctx: CliContext, args: argparse.Namespace) -> int:
    from shopdesk.auth import service as auth

    auth.deactivate(ctx.db, ctx.actor(), args.name)
    print(f"已停用 {args.name}")
    return 0


def _cmd_user_reset_pin(ctx: CliContext, args: argparse.Namespace) -> int:
    from shopdesk.auth import service as auth

    auth.reset_pin(ctx.db, ctx.actor(), args.name, args.pin)
    print(f"已重设 {args.name} 的 PIN")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(features=not starts_gui(words))
    args = parser.parse_args(words)
    ctx = CliContext(location=resolve(args.data_dir, args.db), as_name=args.as_name)
    handler: Handler = getattr(args, "handler", _cmd_gui)
    try:
        return int(handler(ctx, args) or 0)
    except ImportRejected as exc:
        for err in exc.errors:
            print(str(err), file=sys.stderr)
        print(f"shopdesk: {exc}", file=sys.stderr)
        return exc.exit_code
    except ShopDeskError as exc:
        print(f"shopdesk: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("shopdesk: 已取消", file=sys.stderr)
        return 130
    finally:
        if ctx._db is not None:
            ctx._db.dispose()
