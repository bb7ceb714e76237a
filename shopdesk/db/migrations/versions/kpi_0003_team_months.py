"""KPI months are published and finalised per supervisor's team (kpi_team_months)

Revision ID: kpi_0003
Revises: inventory_0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from shopdesk.db.types import UTCDateTime

revision: str = "kpi_0003"
down_revision: str | Sequence[str] | None = "inventory_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "kpi_team_months",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("published_at", UTCDateTime(), nullable=True),
        sa.Column("finalised_at", UTCDateTime(), nullable=True),
        sa.Column("finalised_by_id", sa.Integer(), nullable=True),
        sa.Column("reopen_reason", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["finalised_by_id"],
            ["users.id"],
            name=op.f("fk_kpi_team_months_finalised_by_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["month_id"],
            ["kpi_months.id"],
            name=op.f("fk_kpi_team_months_month_id_kpi_months"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kpi_team_months")),
        sa.UniqueConstraint(
            "month_id", "team_id", name=op.f("uq_kpi_team_months_month_id_team_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("kpi_team_months")
