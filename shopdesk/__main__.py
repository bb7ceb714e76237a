"""`python -m shopdesk` is the same as the `shopdesk` command."""

from shopdesk.cli import main

raise SystemExit(main())
