"""A backup process killed mid-copy: never a torn copy under a real name, the shop untouched.

Imports killed or out of disk mid-write: test_import_faults.py."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest


def _wait_for(proc: subprocess.Popen[str], word: str) -> None:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert word in line, line


BACKUP = r"""
import sys
from shopdesk.backup import backup_now
from shopdesk.config import resolve
loc = resolve(sys.argv[1])
print("copying", flush=True)
for i in range(1000):
    name = f"shopdesk-20260101-{i // 60:04d}{i % 60:02d}-manual.db"  # a real time: 00MMSS
    backup_now(loc, "manual", loc.backup_dir / name)
"""


@pytest.mark.slow
def test_kill_during_backup_never_leaves_a_torn_copy(demo_location) -> None:  # type: ignore[no-untyped-def]
    from shopdesk.backup import list_backups, validate_backup

    before = demo_location.sqlite_path.read_bytes()
    with subprocess.Popen(
        [sys.executable, "-c", BACKUP, str(demo_location.data_dir)],
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        _wait_for(proc, "copying")
        time.sleep(0.7)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    listed = list_backups(demo_location)
    assert listed  # some copies finished before the kill…
    for b in listed:  # …and every copy the dialog lists is whole and restorable
        validate_backup(b.path)
    partial = list(demo_location.backup_dir.glob("*.part"))
    assert len(partial) <= 1 and all(p not in {b.path for b in listed} for p in partial)
    assert demo_location.sqlite_path.read_bytes() == before
    src = sqlite3.connect(demo_location.sqlite_path)
    assert src.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    src.close()
