"""The real inventory importer in a real process: killed mid-write, or out of disk mid-write.

The 100,000-row sales file goes through `run_import` exactly as 数据 → 导入销量表 does; a hook on
the engine holds the process inside its write transaction (after the first chunk of rows went to
the database) so the kill or the size limit lands where it hurts.
"""

import os
import signal
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from shopdesk.auth import service as auth
from shopdesk.bootstrap import open_shop
from shopdesk.config import Location, resolve
from shopdesk.inventory.importers import run_import
from shopdesk.safety.check import run_checks

SKUS = 100
DAYS = 1000  # × 100 SKUs = 100,000 rows

CHILD = r"""
import resource, signal, sys, time
from sqlalchemy import event
from shopdesk.auth import service as auth
from shopdesk.bootstrap import open_shop
from shopdesk.config import resolve
from shopdesk.errors import ShopDeskError
from shopdesk.inventory.importers import run_import

data_dir, path, mode = sys.argv[1:4]
db = open_shop(resolve(data_dir))
owner = auth.actor_by_name(db, "王芳")
chunks = 0

@event.listens_for(db.engine, "after_cursor_execute")
def _hold(conn, cursor, statement, params, context, executemany):
    global chunks
    if statement.lstrip().upper().startswith("INSERT INTO SALES"):
        chunks += 1
        if chunks == 2:
            if mode == "kill":
                print("writing", flush=True)
                time.sleep(60)
            elif mode == "full":  # the disk fills up now: the file may not grow any more
                size = __import__("os").path.getsize(data_dir + "/shopdesk.db")
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

try:
    r = run_import(db, owner, "sales", path)
    print("stored", r.rows, flush=True)
except ShopDeskError as exc:
    print("refused:", exc, flush=True)
"""


def _shop(tmp_path: Path) -> tuple[Location, Path]:
    loc = resolve(tmp_path / "shop")
    db = open_shop(loc)
    owner = auth.create_owner(db, "王芳", None)
    products = tmp_path / "products.csv"
    products.write_text(
        "SKU编码,商品名称\n" + "".join(f"S{i},商品{i}\n" for i in range(SKUS)), encoding="utf-8"
    )
    run_import(db, owner, "products", products)
    db.dispose()
    sales = tmp_path / "sales.csv"
    with sales.open("w", encoding="utf-8") as fh:
        fh.write("日期,SKU编码,销量\n")
        for d in range(DAYS):
            day = date(2020, 1, 1) + timedelta(days=d)
            fh.writelines(f"{day},S{i},{(d + i) % 7}\n" for i in range(SKUS))
    return loc, sales


def _after(loc: Location) -> tuple[int, list[str]]:
    assert loc.sqlite_path is not None
    con = sqlite3.connect(loc.sqlite_path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    (sales,) = con.execute("SELECT count(*) FROM sales").fetchone()
    con.close()
    db = open_shop(loc)
    problems = [f.what for f in run_checks(db) if not f.ok]
    db.dispose()
    return sales, problems


def _child(loc: Location, sales: Path, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(loc.data_dir), str(sales), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_kill_9_during_a_100k_row_sales_import_stores_nothing(tmp_path: Path) -> None:
    loc, sales = _shop(tmp_path)
    with _child(loc, sales, "kill") as proc:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "writing", line + (proc.stderr.read() if proc.stderr else "")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert _after(loc) == (0, [])  # whole file, nothing of the import, every check passes


@pytest.mark.slow
def test_the_same_import_without_a_kill_stores_all_100k_rows(tmp_path: Path) -> None:
    """The control: the hook itself does not stop the import (so the kill above is what did)."""
    loc, sales = _shop(tmp_path)
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(loc.data_dir), str(sales), "none"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.stdout.strip() == f"stored {SKUS * DAYS}", out.stdout + out.stderr
    assert _after(loc) == (SKUS * DAYS, [])


@pytest.mark.slow
def test_a_full_disk_during_the_import_refuses_it_in_words_and_changes_nothing(
    tmp_path: Path,
) -> None:
    loc, sales = _shop(tmp_path)
    assert loc.sqlite_path is not None
    before = loc.sqlite_path.read_bytes()
    with _child(loc, sales, "full") as proc:
        out, err = proc.communicate(timeout=120)
    assert out.startswith("refused: 磁盘已满"), out + err
    assert "Traceback" not in err
    assert _after(loc) == (0, [])
    assert loc.sqlite_path.read_bytes() == before  # not one page changed
