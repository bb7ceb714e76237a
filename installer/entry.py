"""Entry point of the frozen app (PyInstaller)."""

from shopdesk.cli import main

raise SystemExit(main())
