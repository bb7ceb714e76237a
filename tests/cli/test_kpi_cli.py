"""`shopdesk import kpi` and `shopdesk kpi` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shopdesk.cli import main

HEADER = (
    "客服,级别,素质,退款率,纠纷处理,配合度,执行力,迟到,请假,旷工,低质评价,投诉扣分,表扬,突出表现"
)


@pytest.fixture
def shop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    d = str(tmp_path / "shop")
    assert main(["--data-dir", d, "init", "--owner", "王芳"]) == 0
    as_owner = ["--data-dir", d, "--as", "王芳"]
    assert (
        main([*as_owner, "user", "add", "赵敏", "--role", "supervisor", "--job", "客服主管"]) == 0
    )
    for name, level in [("小唐", "高级售后客服"), ("小邓", "普通售后客服")]:
        args = ["user", "add", name, "--role", "staff", "--job", "客服", "--cs-level", level]
        assert main([*as_owner, *args, "--supervisor", "赵敏"]) == 0
    assert main([*as_owner, "user", "add", "钱会计", "--role", "finance", "--job", "财务"]) == 0
    capsys.readouterr()
    return d


def _sheet(tmp_path: Path) -> Path:
    p = tmp_path / "kpi.csv"
    p.write_text(
        "\n".join(
            [
                HEADER,
                "小唐,高级售后客服,优,4.2%,良,优,中,1,0,0,2,,3,3",
                "小邓,普通售后客服,良,0.09,良,良,良,0,0,0,0,10,1,",
            ]
        ),
        encoding="utf-8-sig",
    )
    return p


def test_import_then_json_output_has_exact_money(
    shop: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sup = ["--data-dir", shop, "--as", "赵敏"]
    assert main([*sup, "import", "kpi", str(_sheet(tmp_path)), "--month", "2026-10"]) == 0
    assert "已导入" in capsys.readouterr().out
    assert main([*sup, "kpi", "--month", "2026-10", "--format", "json"]) == 0
    data = {d["agent"]: d for d in json.loads(capsys.readouterr().out)}
    tang = data["小唐"]
    assert tang["level"] == "高级售后客服"
    assert tang["total"] == "109" and tang["passed"] is True
    assert (tang["bonus"], tang["base_pay"], tang["pay"]) == ("838.46", "2500.00", "3338.46")
    assert [i["points"] for i in tang["items"]] == ["20", "30", "15", "20", "10", "15"]
    assert data["小邓"]["bonus"] == "0.00" and data["小邓"]["pay"] == "2000.00"


def test_table_and_csv_output(
    shop: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = ["--data-dir", shop, "--as", "王芳"]
    assert main([*own, "import", "kpi", str(_sheet(tmp_path)), "--month", "2026-10"]) == 0
    capsys.readouterr()
    assert main([*own, "kpi", "--month", "2026-10"]) == 0
    out = capsys.readouterr().out
    assert "3,338.46" in out and "绩效奖金合计: 838.46 元" in out
    assert main([*own, "kpi", "--month", "2026-10", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("客服,级别,售后客服素质")
    assert any(line.startswith("小唐,") and "3,338.46" in line for line in lines)


def test_workflow_and_payroll_export(
    shop: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = ["--data-dir", shop, "--as", "王芳"]
    sup = ["--data-dir", shop, "--as", "赵敏"]
    fin = ["--data-dir", shop, "--as", "钱会计"]
    assert main([*sup, "import", "kpi", str(_sheet(tmp_path)), "--month", "2026-10"]) == 0
    assert main([*sup, "kpi", "--month", "2026-10", "--publish"]) == 0
    assert main([*sup, "kpi", "--month", "2026-10", "--finalise"]) == 0
    assert "已定稿" in capsys.readouterr().out
    # Locked: a re-import is refused with one line and a non-zero exit.
    assert main([*sup, "import", "kpi", str(_sheet(tmp_path)), "--month", "2026-10"]) != 0
    err = capsys.readouterr().err
    assert "已定稿" in err and "Traceback" not in err
    assert main([*sup, "kpi", "--month", "2026-10", "--reopen", "改错"]) == 3
    assert main([*own, "kpi", "--month", "2026-10", "--reopen", "小唐退款率录错"]) == 0
    out = tmp_path / "payroll.xlsx"
    assert main([*fin, "kpi", "--month", "2026-10", "--out", str(out)]) == 0
    from openpyxl import load_workbook

    ws = load_workbook(out).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    tang = next(r for r in values if r[0] == "小唐")
    assert str(tang[6]) == "3338.46"
    assert main([*sup, "kpi", "--month", "2026-10", "--out", str(out)]) == 3  # not for supervisors


def test_user_mistakes_are_one_line(
    shop: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sup = ["--data-dir", shop, "--as", "赵敏"]
    assert main([*sup, "kpi", "--month", "2026-13"]) == 2
    assert "YYYY-MM" in capsys.readouterr().err
    assert main([*sup, "kpi", "--month", "2026-09"]) == 4
    assert "还没有开始考核" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "\n小唐,高级售后客服,好,4.2%,良,优,中,1,0,0,2,,3,3\n", encoding="utf-8")
    assert main([*sup, "import", "kpi", str(bad), "--month", "2026-10"]) == 2
    err = capsys.readouterr().err
    assert "第 2 行 [素质] “好”" in err and "Traceback" not in err


def test_template_download(shop: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "t.xlsx"
    assert (
        main(
            [
                "--data-dir",
                shop,
                "--as",
                "赵敏",
                "kpi",
                "--month",
                "2026-10",
                "--template",
                str(out),
            ]
        )
        == 0
    )
    from shopdesk.io.tabular import read_table

    t = read_table(out)
    assert t.headers[0] == "客服" and {r[0] for r in t.rows} == {"小唐", "小邓"}


def test_payroll_as_pdf_is_the_printed_sheet(
    shop: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil
    import subprocess

    sup = ["--data-dir", shop, "--as", "赵敏"]
    fin = ["--data-dir", shop, "--as", "钱会计"]
    assert main([*sup, "import", "kpi", str(_sheet(tmp_path)), "--month", "2026-10"]) == 0
    out = tmp_path / "out" / "payroll.pdf"
    assert main([*fin, "kpi", "--month", "2026-10", "--out", str(out)]) == 0
    assert "已导出工资表" in capsys.readouterr().err
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "小唐" in text and "3,338.46" in text and "尚未定稿" in text
    assert main([*fin, "kpi", "--month", "2026-10", "--out", str(tmp_path / "p.txt")]) == 2
    assert ".pdf" in capsys.readouterr().err


def test_the_owner_finalises_one_team_with_team(
    shop: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = ["--data-dir", shop, "--as", "王芳"]
    sup = ["--data-dir", shop, "--as", "赵敏"]
    assert main([*own, "user", "add", "李组长", "--role", "supervisor", "--job", "客服主管"]) == 0
    args = ["user", "add", "小林", "--role", "staff", "--job", "客服"]
    assert main([*own, *args, "--cs-level", "普通售后客服", "--supervisor", "李组长"]) == 0
    assert main([*sup, "import", "kpi", str(_sheet(tmp_path)), "--month", "2026-10"]) == 0
    capsys.readouterr()
    assert main([*sup, "kpi", "--month", "2026-10", "--publish"]) == 0
    out = capsys.readouterr().out
    assert "赵敏组: 已发布" in out and "李组长组: 草稿" in out
    assert main([*sup, "kpi", "--month", "2026-10", "--finalise", "--team", "李组长"]) == 3
    assert main([*own, "kpi", "--month", "2026-10", "--finalise", "--team", "赵敏"]) == 0
    assert "赵敏组: 已定稿" in capsys.readouterr().out
