"""Real processes, really killed: the database must come back whole and all-or-nothing."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shopdesk.bootstrap import open_shop
from shopdesk.config import resolve

WRITER = r"""
import sys
from datetime import date, timedelta
from sqlalchemy import insert
from shopdesk.bootstrap import open_shop
from shopdesk.config import resolve
from shopdesk.inventory.models import Product, Sale
db = open_shop(resolve(sys.argv[1]))
with db.write() as s:
    s.execute(insert(Product), [{"sku": f"S{i}", "name": "x"} for i in range(1, 101)])
    rows = [{"day": date(2024, 1, 1) + timedelta(days=d), "product_id": p, "units": 1}
            for d in range(1000) for p in range(1, 101)]
    for i in range(0, len(rows), 5000):
        s.execute(insert(Sale), rows[i:i + 5000])
        if i == 20000:
            print("writing", flush=True)
            import time; time.sleep(30)
"""


def _wait_for(proc: subprocess.Popen[str], word: str) -> None:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert word in line, line


@pytest.mark.slow
def test_kill_during_a_100k_row_write_stores_nothing(tmp_path: Path) -> None:
    loc = resolve(tmp_path)
    open_shop(loc).dispose()
    with subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    ) as proc:
        _wait_for(proc, "writing")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    db = open_shop(loc)
    assert loc.sqlite_path is not None
    con = sqlite3.connect(loc.sqlite_path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("SELECT count(*) FROM sales").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM products").fetchone() == (0,)
    con.close()
    db.dispose()


BACKUP = r"""
import sys
from pathlib import Path
from shopdesk.backup import backup_sqlite
print("copying", flush=True)
for i in range(1000):
    backup_sqlite(Path(sys.argv[1]), Path(sys.argv[2]))
"""


@pytest.mark.slow
def test_kill_during_backup_never_leaves_a_torn_copy(demo_location, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dest = tmp_path / "copy.db"
    with subprocess.Popen(
        [sys.executable, "-c", BACKUP, str(demo_location.sqlite_path), str(dest)],
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        _wait_for(proc, "copying")
        time.sleep(0.7)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    if dest.exists():  # a finished copy under the real name is always whole
        con = sqlite3.connect(dest)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        con.close()
    src = sqlite3.connect(demo_location.sqlite_path)
    assert src.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    src.close()


FULL_DISK = r"""
import resource, signal, sys
from shopdesk.bootstrap import open_shop
from shopdesk.config import resolve
from shopdesk.errors import ShopDeskError
from sqlalchemy import insert
from shopdesk.inventory.models import Product
db = open_shop(resolve(sys.argv[1]))
size = __import__("os").path.getsize(sys.argv[1] + "/shopdesk.db")
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (size + 64 * 1024, size + 64 * 1024))
try:
    with db.write() as s:
        s.execute(insert(Product), [{"sku": f"S{i}", "name": "长名字" * 40} for i in range(50000)])
except ShopDeskError as exc:
    print("refused:", exc)
"""


@pytest.mark.slow
def test_full_disk_during_import_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    loc = resolve(tmp_path)
    open_shop(loc).dispose()
    out = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(tmp_path)], capture_output=True, text=True
    )
    assert "refused:" in out.stdout and "磁盘已满" in out.stdout, out.stdout + out.stderr
    assert "Traceback" not in out.stderr
    con = sqlite3.connect(loc.sqlite_path)  # type: ignore[arg-type]
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("SELECT count(*) FROM products").fetchone() == (0,)
    con.close()
