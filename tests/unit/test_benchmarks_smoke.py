"""The benchmark scripts still run and print their figures (on a tiny shop; no timing asserted).

Benchmarks are not run by CI at full size, so without this they rot silently when a service or a
widget changes. Not covered here: `startup` (spawns fresh interpreters, ~10 s a run) and
`team_mode_pg` (needs a PostgreSQL server).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from benchmarks import import_sales, kpi_month, restock_sheet, tabs


def test_tabs_prints_every_figure_with_its_budget(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--data-dir", str(tmp_path / "shop"), "--skus", "60", "--days", "10"]
    argv += ["--agents", "2", "--months", "1", "--runs", "0", "--repeats", "1"]
    assert tabs.main(argv) == 0
    out = capsys.readouterr().out
    assert "product table: 60 rows" in out
    for figure in ("filter worst", "sort worst"):
        assert figure in out and "budget 50 ms" in out
    for key in ("checklist", "inventory", "campaigns", "kpi", "metrics"):
        assert f"  {key} " in out
    assert "budget 300 ms" in out
    assert "peak RSS" in out and "budget 400 MB" in out


def test_kpi_month(capsys: pytest.CaptureFixture[str]) -> None:
    kpi_month.main(3)
    out = capsys.readouterr().out
    assert "baseline: pure scoring of 3 rows" in out and "load the month's grid" in out


def test_restock_sheet(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--skus", "40", "--days", "35", "--density", "0.3", "--repeat", "1"]
    monkeypatch.setattr(sys, "argv", ["restock_sheet", *args])
    restock_sheet.main()
    out = capsys.readouterr().out
    assert "restock sheet (" in out and "ratio sheet / GROUP BY:" in out


def test_import_sales(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Its working folder is fixed under /tmp, where a full-size run may be going on: redirect it.
    real = Path
    monkeypatch.setattr(
        import_sales,
        "Path",
        lambda p: tmp_path / "import" if p == "/tmp/shopdesk-bench-import" else real(p),
    )
    monkeypatch.setattr(sys, "argv", ["import_sales", "--rows", "50", "--skus", "10"])
    import_sales.main()
    out = capsys.readouterr().out
    assert "50 sales rows" in out
