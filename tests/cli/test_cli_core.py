import json
import subprocess
import sys
from pathlib import Path

import pytest

from shopdesk.cli import main


def run(*args: str) -> int:
    return main(list(args))


def test_init_creates_owner_and_user_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = str(tmp_path / "shop")
    assert run("--data-dir", d, "init", "--owner", "王芳", "--shop", "小美家居") == 0
    assert (
        run(
            "--data-dir",
            d,
            "--as",
            "王芳",
            "user",
            "add",
            "小李",
            "--role",
            "staff",
            "--job",
            "仓库",
        )
        == 0
    )
    capsys.readouterr()
    assert run("--data-dir", d, "--as", "王芳", "user", "list", "--format", "json") == 0
    users = json.loads(capsys.readouterr().out)
    assert {u["name"] for u in users} == {"王芳", "小李"}
    assert run("--data-dir", d, "--as", "王芳", "user", "deactivate", "小李") == 0
    capsys.readouterr()
    assert run("--data-dir", d, "--as", "王芳", "user", "list", "--format", "csv") == 0
    assert "小李" not in capsys.readouterr().out


def test_user_mistakes_are_one_line_with_nonzero_exit(tmp_path: Path) -> None:
    d = str(tmp_path / "shop")
    assert main(["--data-dir", d, "init", "--owner", "王芳", "--pin", "1234"]) == 0
    cmd = [sys.executable, "-m", "shopdesk", "--data-dir", d]
    out = subprocess.run(
        [*cmd, "--as", "王芳", "user", "list"],
        capture_output=True,
        text=True,
        env={"SHOPDESK_PIN": "9999", "PATH": ""},
        stdin=subprocess.DEVNULL,
    )
    assert out.returncode != 0
    assert "PIN 不正确" in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    out = subprocess.run(
        [*cmd, "user", "list"], capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    assert out.returncode != 0 and "--as" in out.stderr and "Traceback" not in out.stderr


def test_staff_cannot_add_users_from_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = str(tmp_path / "shop")
    run("--data-dir", d, "init", "--owner", "王芳")
    run("--data-dir", d, "--as", "王芳", "user", "add", "小李", "--role", "staff")
    assert run("--data-dir", d, "--as", "小李", "user", "add", "小王", "--role", "owner") == 3
    assert "没有权限" in capsys.readouterr().err


def test_demo_fills_a_realistic_shop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy import func, select

    from shopdesk.bootstrap import open_shop
    from shopdesk.config import resolve
    from shopdesk.inventory.models import Product, Sale, Supplier

    d = tmp_path / "demo"
    assert run("--data-dir", str(d), "demo", "--days", "60") == 0
    db = open_shop(resolve(d))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 300
        assert s.scalar(select(func.count()).select_from(Supplier)) == 6
        assert {t for (t,) in s.execute(select(Product.tier).distinct())} == {
            "hot",
            "regular",
            "slow",
        }
        assert s.scalar(select(func.count(func.distinct(Sale.day)))) == 60
    db.dispose()
    # Same seed, same shop.
    capsys.readouterr()
    assert run("--data-dir", str(d), "demo") == 2
    assert "已有商品" in capsys.readouterr().err


def test_help_for_every_command() -> None:
    from shopdesk.cli import build_parser

    parser = build_parser()
    with pytest.raises(SystemExit) as exc:
        parser.parse_args(["--help"])
    assert exc.value.code == 0
