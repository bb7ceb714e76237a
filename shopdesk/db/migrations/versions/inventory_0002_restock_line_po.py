"""restock lines remember the purchase order made from them (生成采购单)

Revision ID: inventory_0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "inventory_0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("restock_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("po_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_restock_lines_po_id_purchase_orders"),
            "purchase_orders",
            ["po_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("restock_lines", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_restock_lines_po_id_purchase_orders"), type_="foreignkey"
        )
        batch_op.drop_column("po_id")
