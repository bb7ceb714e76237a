"""Compile the translations: resources/translations/*.ts → .qm (pyside6-lrelease).

    python resources/translations/build.py            # compile every .ts next to this script
    python resources/translations/build.py --update   # first collect new strings from shopdesk/ui
    python resources/translations/build.py --out DIR  # write the .qm files elsewhere (tests)

The compiled .qm files are committed (CI has no build step); tests/unit/test_translations.py
fails when a committed .qm differs from what its .ts compiles to, or when a .ts has an
unfinished entry. installer/build.py runs this script before PyInstaller.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the same environment as this Python."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: pip install PySide6-Essentials")
    return found


def update(ts_files: list[Path]) -> None:
    """Collect the strings of shopdesk/ui into each .ts (new ones unfinished, removed ones go)."""
    for ts in ts_files:
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-extensions",
                "py",
                "-locations",
                "none",
                "-no-obsolete",
                str(ROOT / "shopdesk" / "ui"),
                "-ts",
                str(ts),
            ],
            check=True,
            cwd=ROOT,
        )


def compile_all(ts_files: list[Path], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in ts_files:
        qm = out / ts.with_suffix(".qm").name
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
            check=True,
        )
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="run lupdate over shopdesk/ui first")
    parser.add_argument("--out", type=Path, default=HERE, help="where to write the .qm files")
    args = parser.parse_args(argv)
    ts_files = sorted(HERE.glob("*.ts"))
    if args.update:
        update(ts_files)
    for qm in compile_all(ts_files, args.out):
        print(qm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
