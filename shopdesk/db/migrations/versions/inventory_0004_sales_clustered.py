"""sales keyed and clustered on (day, product_id): no id, no extra indexes (SQLite: WITHOUT ROWID)

Every query on sales starts with a day range, so the table itself serves them; an import then
writes one B-tree instead of three (rowid table, unique index, covering index).

Revision ID: inventory_0004
Revises: kpi_0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from shopdesk.db.types import Money

revision: str = "inventory_0004"
down_revision: str | Sequence[str] | None = "kpi_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = "day, product_id, units, revenue"


def _new_sales(name: str) -> None:
    op.create_table(
        name,
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("revenue", Money(), nullable=True),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name="fk_sales_product_id_products"
        ),
        sa.PrimaryKeyConstraint("day", "product_id", name="pk_sales"),
        sqlite_with_rowid=False,
    )


def _old_sales(name: str) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("revenue", Money(), nullable=True),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name="fk_sales_product_id_products"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_sales"),
        sa.UniqueConstraint("day", "product_id", name="uq_sales_day_product_id"),
    )


def upgrade() -> None:
    # Both run inside the one transaction Alembic opens: a failure leaves the old table intact.
    if op.get_bind().dialect.name == "sqlite":
        # SQLite cannot change a table's key in place: copy into the new shape (in key order,
        # so the clustered B-tree is written append-only), then swap the names.
        _new_sales("_sales_new")
        op.execute(
            f"INSERT INTO _sales_new ({_COLUMNS}) SELECT {_COLUMNS} FROM sales "
            "ORDER BY day, product_id"
        )
        op.drop_index("ix_sales_day_product_units", table_name="sales")
        op.drop_table("sales")
        op.rename_table("_sales_new", "sales")
        return
    op.drop_index("ix_sales_day_product_units", table_name="sales")
    op.drop_constraint("uq_sales_day_product_id", "sales", type_="unique")
    op.drop_constraint("pk_sales", "sales", type_="primary")
    op.drop_column("sales", "id")
    op.create_primary_key("pk_sales", "sales", ["day", "product_id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _old_sales("_sales_old")
        op.execute(
            f"INSERT INTO _sales_old ({_COLUMNS}) SELECT {_COLUMNS} FROM sales "
            "ORDER BY day, product_id"
        )
        op.drop_table("sales")
        op.rename_table("_sales_old", "sales")
    else:
        op.drop_constraint("pk_sales", "sales", type_="primary")
        op.execute("ALTER TABLE sales ADD COLUMN id SERIAL")
        op.create_primary_key("pk_sales", "sales", ["id"])
        op.create_unique_constraint("uq_sales_day_product_id", "sales", ["day", "product_id"])
    op.create_index("ix_sales_day_product_units", "sales", ["day", "product_id", "units"])
