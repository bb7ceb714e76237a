from pathlib import Path

import pytest

from shopdesk.cli import main


def test_backup_list_check_and_refused_restore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = str(tmp_path / "shop")
    assert main(["--data-dir", d, "init", "--owner", "王芳"]) == 0
    assert main(["--data-dir", d, "--as", "王芳", "backup"]) == 0
    assert "已备份到" in capsys.readouterr().out
    assert main(["--data-dir", d, "--as", "王芳", "backup", "--list"]) == 0
    assert "manual" in capsys.readouterr().out
    assert main(["--data-dir", d, "--as", "王芳", "check"]) == 0
    assert "一切正常" in capsys.readouterr().out
    bad = tmp_path / "bad.db"
    bad.write_text("hello")
    assert main(["--data-dir", d, "--as", "王芳", "restore", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "不是 SQLite" in err and "Traceback" not in err


def test_staff_cannot_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = str(tmp_path / "shop")
    main(["--data-dir", d, "init", "--owner", "王芳"])
    main(["--data-dir", d, "--as", "王芳", "user", "add", "小李", "--role", "staff"])
    copy = tmp_path / "copy.db"
    main(["--data-dir", d, "--as", "王芳", "backup", "--out", str(copy)])
    assert main(["--data-dir", d, "--as", "小李", "restore", str(copy)]) == 3
    assert "没有权限" in capsys.readouterr().err


def test_check_reports_a_stock_mismatch_and_fix_stock_repairs_it(
    demo_location, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    con = sqlite3.connect(demo_location.sqlite_path)
    con.execute("UPDATE products SET on_hand = on_hand + 3 WHERE id = 1")
    con.commit()
    con.close()
    d = str(demo_location.data_dir)
    assert main(["--data-dir", d, "--as", "王芳", "check"]) == 1
    out = capsys.readouterr()
    assert "✗ 1 个商品的库存与出入库记录合计不符" in out.out and "--fix-stock" in out.out
    assert "发现 1 个问题" in out.err
    assert main(["--data-dir", d, "--as", "陈晨", "check", "--fix-stock"]) == 3
    capsys.readouterr()
    assert main(["--data-dir", d, "--as", "王芳", "check", "--fix-stock"]) == 0
    out = capsys.readouterr()
    assert "已补记" in out.out and "一切正常" in out.out
