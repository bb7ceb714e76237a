"""Starting the window skips the feature sub-commands (their imports delay the first paint)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from shopdesk.cli import FEATURE_CLIS, build_parser, starts_gui

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("argv", "gui"),
    [
        ([], True),
        (["gui"], True),
        (["--data-dir", "/x", "--as", "店主"], True),
        (["--data-dir=/x", "--db", "sqlite:///a.db", "gui"], True),
        (["--as", "gui", "restock"], False),  # a user called "gui" asking for a command
        (["--data-dir", "/x", "checklist", "today"], False),
        (["--help"], False),
        (["--version"], False),
    ],
)
def test_which_command_lines_open_the_window(argv: list[str], gui: bool) -> None:
    assert starts_gui(argv) is gui


def test_the_gui_parser_reads_the_global_options() -> None:
    args = build_parser(features=False).parse_args(["--data-dir", "/x", "--as", "店主", "gui"])
    assert (args.data_dir, args.as_name, args.command) == ("/x", "店主", "gui")


def test_opening_the_window_imports_no_feature_cli() -> None:
    code = (
        "import sys, shopdesk.cli as c\n"
        "c._cmd_gui = lambda ctx, args: 0\n"
        "assert c.main(['--data-dir', sys.argv[1]]) == 0\n"
        f"print(sorted(m for m in {list(FEATURE_CLIS)!r} if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, "/nonexistent-shop"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    assert out.stdout.strip() == "[]"
