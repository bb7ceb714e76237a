"""Revision ids are read from migration files without importing or ast-parsing them at start."""

from shopdesk.db.migrate import _revision_ids


def test_one_line_ids_as_alembic_writes_them() -> None:
    source = 'revision: str = "kpi_0003"\ndown_revision: str | None = "inventory_0002"\n'
    assert _revision_ids(source) == {"revision": "kpi_0003", "down_revision": "inventory_0002"}


def test_a_merge_over_several_lines_falls_back_to_parsing() -> None:
    source = 'revision = "merge"\ndown_revision = (\n    "a",\n    "b",\n)\n'
    assert _revision_ids(source) == {"revision": "merge", "down_revision": ("a", "b")}


def test_the_first_revision_has_none_below() -> None:
    assert _revision_ids("revision = '0001'\ndown_revision = None\n")["down_revision"] is None
