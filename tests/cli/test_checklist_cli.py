"""`shopdesk checklist` and `shopdesk checklist tick|skip|untick` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shopdesk.cli import main


@pytest.fixture
def shop(tmp_path: Path) -> str:
    d = str(tmp_path / "shop")
    assert main(["--data-dir", d, "init", "--owner", "王芳"]) == 0
    assert (
        main(
            [
                "--data-dir",
                d,
                "--as",
                "王芳",
                "user",
                "add",
                "小王",
                "--role",
                "staff",
                "--job",
                "运营",
            ]
        )
        == 0
    )
    return d


def listing(d: str, capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict]:  # type: ignore[type-arg]
    capsys.readouterr()
    assert main(["--data-dir", d, "checklist", "--user", "小王", "--format", "json", *extra]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_list_tick_and_json(shop: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = listing(shop, capsys)
    assert rows and all(r["status"] == "open" for r in rows)
    assert {r["owner"] for r in rows} == {"运营"}
    first = rows[0]["template_id"]
    assert (
        main(["--data-dir", shop, "checklist", "tick", str(first), "--as", "小王", "--note", "ok"])
        == 0
    )
    assert "已完成 (小王)" in capsys.readouterr().out
    rows = listing(shop, capsys)
    done = next(r for r in rows if r["template_id"] == first)
    assert (done["status"], done["status_label"], done["by"], done["note"]) == (
        "done",
        "已完成",
        "小王",
        "ok",
    )
    assert done["ticked_at"]


def test_table_output_shows_progress(shop: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--data-dir", shop, "--as", "小王", "checklist"]) == 0
    out = capsys.readouterr().out
    assert "检查项目" in out and "完成 0/" in out and "店铺检查" in out


def test_number_items_need_a_value(shop: str, capsys: pytest.CaptureFixture[str]) -> None:
    dsr = next(r for r in listing(shop, capsys) if "DSR" in r["title"])["template_id"]
    assert main(["--data-dir", shop, "checklist", "tick", str(dsr), "--as", "小王"]) == 2
    err = capsys.readouterr().err
    assert "DSR 综合评分" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert (
        main(["--data-dir", shop, "checklist", "tick", str(dsr), "--as", "小王", "--value", "4.9"])
        == 0
    )
    rows = listing(shop, capsys)
    assert next(r for r in rows if r["template_id"] == dsr)["value"] == "4.9000"


def test_skip_needs_reason_and_untick(shop: str, capsys: pytest.CaptureFixture[str]) -> None:
    item = str(listing(shop, capsys)[0]["template_id"])
    assert main(["--data-dir", shop, "checklist", "skip", item, "--as", "小王"]) == 2
    assert "原因" in capsys.readouterr().err
    assert (
        main(["--data-dir", shop, "checklist", "skip", item, "--as", "小王", "--note", "停电"]) == 0
    )
    assert "已跳过" in capsys.readouterr().out
    assert main(["--data-dir", shop, "checklist", "untick", item, "--as", "小王"]) == 0
    assert "待完成" in capsys.readouterr().out


def test_user_mistakes(shop: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", shop, "checklist", "tick", "abc", "--as", "小王"]) == 2
    assert "编号" in capsys.readouterr().err
    assert main(["--data-dir", shop, "checklist", "tick", "999", "--as", "小王"]) == 4
    assert (
        main(["--data-dir", shop, "checklist", "tick", "1", "--as", "小王", "--date", "2099-01-01"])
        == 2
    )
    assert "还没到" in capsys.readouterr().err
    # another job's item
    capsys.readouterr()
    assert main(["--data-dir", shop, "--as", "王芳", "checklist", "--all", "--format", "json"]) == 0
    ship = next(r for r in json.loads(capsys.readouterr().out) if r["owner"] == "仓库")
    assert (
        main(["--data-dir", shop, "checklist", "tick", str(ship["template_id"]), "--as", "小王"])
        == 3
    )
    assert "仓库" in capsys.readouterr().err


def test_export_xlsx_report(shop: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "日报.xlsx"
    assert main(["--data-dir", shop, "--as", "王芳", "checklist", "--all", "--out", str(out)]) == 0
    ws = load_workbook(out).active
    text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert "每日检查报告" in text and "店铺检查" in text and "待完成" in text
    assert (
        main(["--data-dir", shop, "--as", "王芳", "checklist", "--out", str(tmp_path / "x.doc")])
        == 2
    )


def test_export_pdf_from_a_fresh_process(shop: str, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    out = tmp_path / "daily.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    cmd = [sys.executable, "-m", "shopdesk", "--data-dir", shop, "--as", "王芳"]
    done = subprocess.run(
        [*cmd, "checklist", "--all", "--out", str(out)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert "已导出" in done.stderr
