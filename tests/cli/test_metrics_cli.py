"""`shopdesk import metrics`, `shopdesk metrics` and `shopdesk metrics-channels`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from shopdesk.cli import main

SAMPLES = Path(__file__).parents[1] / "io" / "samples" / "metrics"


@pytest.fixture
def shop(tmp_path: Path) -> list[str]:
    base = ["--data-dir", str(tmp_path / "shop")]
    assert main([*base, "init", "--owner", "店主"]) == 0
    return [*base, "--as", "店主"]


def test_import_dry_run_then_real(shop: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*shop, "import", "metrics", str(SAMPLES / "daily_utf8.csv"), "--dry-run"]) == 0
    assert "将导入 31 天" in capsys.readouterr().out
    assert (
        main([*shop, "metrics", "--from", "2024-10-01", "--to", "2024-10-31", "--format", "json"])
        == 0
    )
    assert json.loads(capsys.readouterr().out) == []  # the dry run stored nothing
    assert main([*shop, "import", "metrics", str(SAMPLES / "daily_utf8.csv")]) == 0
    assert "已导入 31 天" in capsys.readouterr().out


def test_bad_file_prints_row_errors_and_fails(
    shop: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*shop, "import", "metrics", str(SAMPLES / "bad_numbers.csv")]) == 2
    err = capsys.readouterr().err
    assert "第 3 行 [访客数] “12.5”: 必须是整数" in err
    assert "未保存任何数据" in err and "Traceback" not in err


def test_mismatch_warnings_go_to_stderr(
    shop: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*shop, "import", "metrics", str(SAMPLES / "mismatch.csv")]) == 0
    out = capsys.readouterr()
    assert "提醒: 第 2 行 [支付转化率]" in out.err and "2 条提醒" in out.out


def test_metrics_table_json_csv(shop: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    main([*shop, "import", "metrics", str(SAMPLES / "daily_utf8.csv")])
    capsys.readouterr()
    rng = ["--from", "2024-10-01", "--to", "2024-10-07"]
    assert main([*shop, "metrics", *rng]) == 0
    table = capsys.readouterr().out
    assert "直通车 ROI" in table and "1:3.59 及格" in table and "1:2.85 不及格" in table
    assert "访客数▲+38.4%" in table

    assert main([*shop, "metrics", *rng, "--format", "json"]) == 0
    days = json.loads(capsys.readouterr().out)
    assert [d["day"] for d in days][:2] == ["2024-10-01", "2024-10-02"]
    first = days[0]
    assert first["figures"]["paid_amount"] == "4742.40"
    assert first["channels"][0] == {
        "channel": "直通车",
        "spend": "230.84",
        "sales": "830.35",
        "roi": "1:3.59",
        "tier": "pass",
        "tier_label": "及格",
    }
    assert first["flagged"] == []
    flagged = {f["figure"]: f for f in days[4]["flagged"]}
    assert flagged["visitors"]["change"] == "+38.4%"

    assert main([*shop, "metrics", *rng, "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][0] == "日期" and len(rows) == 8


def test_summary_and_export(
    shop: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main([*shop, "import", "metrics", str(SAMPLES / "daily_utf8.csv")])
    capsys.readouterr()
    rng = ["--from", "2024-10-01", "--to", "2024-10-31"]
    assert main([*shop, "metrics", *rng, "--summary", "week", "--format", "json"]) == 0
    weeks = json.loads(capsys.readouterr().out)
    assert len(weeks) == 5 and weeks[0]["label"].startswith("2024年第40周")
    out = tmp_path / "w.xlsx"
    assert main([*shop, "metrics", *rng, "--summary", "month", "--out", str(out)]) == 0
    assert out.exists() and "已导出 1 行" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["metrics", "--from", "2024-10-09", "--to", "2024-10-01"], "不能晚于"),
        (["metrics", "--out", "x.xlsx"], "--summary"),
        (["metrics", "--summary", "week", "--out", "x.pdf"], ".xlsx"),
        (["metrics-channels", "--retire", "火星"], "没有名为"),
    ],
)
def test_user_mistakes_are_one_line(
    shop: list[str], capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main([*shop, *args]) != 0
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_channels(shop: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*shop, "metrics-channels", "--add", "抖音推广", "--format", "json"]) == 0
    names = [c["name"] for c in json.loads(capsys.readouterr().out)]
    assert names == ["直通车", "钻展/引力魔方", "淘宝客", "短信营销", "抖音推广"]
    assert main([*shop, "metrics-channels", "--retire", "短信营销", "--format", "json"]) == 0
    rows = {c["name"]: c["active"] for c in json.loads(capsys.readouterr().out)}
    assert rows["短信营销"] is False
