"""`shopdesk campaigns`, `campaign-preset`, `campaign-stage`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

from shopdesk.cli import main


@pytest.fixture
def shop(tmp_path: Path) -> str:
    d = str(tmp_path / "shop")
    assert main(["--data-dir", d, "init", "--owner", "王芳"]) == 0
    return d


def test_plan_list_and_export(
    shop: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--data-dir", shop, "--as", "王芳"]
    assert main([*base, "campaign-preset", "double11", "--after", "2026-09-01"]) == 0
    assert main([*base, "campaign-preset", "mon_group", "--after", "2026-11-01"]) == 0
    out = capsys.readouterr().out
    assert "2026 双11" in out and "每周一" in out
    assert (
        main([*base, "campaigns", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "json"])
        == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["stage"]) for r in rows] == [
        ("2026 双11", "planned"),
        ("周一团购", "planned"),
    ]
    assert rows[1]["recurrence"] == {"kind": "weekly", "weekdays": [0]}
    d11 = rows[0]["id"]
    assert main([*base, "campaign-stage", str(d11), "registered"]) == 0
    assert main([*base, "campaign-stage", str(d11), "rejected", "--reason", "名额已满"]) == 0
    capsys.readouterr()
    assert main([*base, "campaigns", "--from", "2026-11-01", "--to", "2026-11-30"]) == 0
    table = capsys.readouterr().out
    assert "未通过 (名额已满)" in table and "活动" in table.splitlines()[0]
    ics = tmp_path / "plan.ics"
    assert (
        main([*base, "campaigns", "--from", "2026-10-01", "--to", "2026-12-31", "--out", str(ics)])
        == 0
    )
    events = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert sorted(str(e["SUMMARY"]) for e in events) == ["2026 双11", "周一团购"]


def test_mistakes_are_one_line(shop: str) -> None:
    cmd = [sys.executable, "-m", "shopdesk", "--data-dir", shop, "--as", "王芳"]
    for args in (
        ["campaigns", "--from", "11/01/2026"],
        ["campaigns", "--from", "2026-12-01", "--to", "2026-11-01"],
        ["campaign-stage", "99", "live"],
        ["campaigns", "--out", "/nonexistent-dir/x.ics"],
    ):
        out = subprocess.run(
            [*cmd, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL
        )
        assert out.returncode != 0, args
        assert "Traceback" not in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1, out.stderr


def test_plan_to_xlsx_and_csv(shop: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    base = ["--data-dir", shop, "--as", "王芳"]
    assert main([*base, "campaign-preset", "double11", "--after", "2026-09-01"]) == 0
    assert main([*base, "campaign-preset", "wed_new", "--after", "2026-11-01"]) == 0
    out = tmp_path / "plan.xlsx"
    assert (
        main([*base, "campaigns", "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out)])
        == 0
    )
    ws = load_workbook(out).active
    values = [c.value for row in ws.iter_rows() for c in row if c.value]
    assert "每周/每月固定活动" in values and "2026年11月" in values
    assert "2026 双11" in values and "周三上新" in values
    csv_out = tmp_path / "plan.csv"
    assert (
        main(
            [
                *base,
                "campaigns",
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-30",
                "--out",
                str(csv_out),
            ]
        )
        == 0
    )
    assert "2026 双11" in csv_out.read_text(encoding="utf-8-sig")
