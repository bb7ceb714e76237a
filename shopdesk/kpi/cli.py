"""Command-line commands of this feature (none yet)."""

from __future__ import annotations

import argparse
from typing import Any


def register(
    commands: argparse._SubParsersAction[Any], imports: argparse._SubParsersAction[Any]
) -> None:
    """This feature adds no commands yet."""
