"""Build the stand-alone app: `python installer/build.py [--smoke]`.

Produces dist/ShopDesk/ (one folder, the `shopdesk` executable inside). On Windows, then run
`iscc installer\\shopdesk.iss` (Inno Setup 6) to make ShopDesk-Setup.exe. `--smoke` starts the
built app offscreen on a demo shop, opens every tab and quits, and prints the folder size.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "ShopDesk"


def build() -> None:
    translations = ROOT / "resources" / "translations" / "build.py"
    if translations.exists():
        subprocess.run([sys.executable, str(translations)], check=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(ROOT / "dist"),
            "--workpath",
            str(ROOT / "build"),
            str(ROOT / "installer" / "shopdesk.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    print(f"built {DIST} in {time.perf_counter() - started:.0f} s")


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def smoke() -> None:
    exe = DIST / ("shopdesk.exe" if os.name == "nt" else "shopdesk")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as tmp:
        for args in (["demo"], ["--as", "王芳", "selftest"]):
            started = time.perf_counter()
            out = subprocess.run(
                [str(exe), "--data-dir", tmp, *args], env=env, capture_output=True, text=True
            )
            print(out.stdout.strip())
            if out.returncode != 0:
                print(out.stderr, file=sys.stderr)
                raise SystemExit(f"smoke test failed: {' '.join(args)}")
            print(f"  ({' '.join(args)}: {time.perf_counter() - started:.1f} s)")
    print(f"size of {DIST}: {folder_size(DIST) / 1e6:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="smoke-test the build after making it")
    parser.add_argument("--smoke-only", action="store_true", help="smoke-test an existing build")
    args = parser.parse_args()
    if not args.smoke_only:
        if shutil.which("pyinstaller") is None and not _has_pyinstaller():
            raise SystemExit("PyInstaller is missing: python -m pip install 'pyinstaller>=6.10,<7'")
        build()
    if args.smoke or args.smoke_only:
        smoke()


def _has_pyinstaller() -> bool:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    main()
