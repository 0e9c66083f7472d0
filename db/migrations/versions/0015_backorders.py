"""stock moves name the document behind them (shipment, receipt or order number), and
are found by order and product

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 02:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stock_moves", schema=None) as batch_op:
        batch_op.add_column(sa.Column("document", sa.String(length=32), nullable=True))
        batch_op.create_index(
            "ix_stock_moves_order_product", ["order_id", "product_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("stock_moves", schema=None) as batch_op:
        batch_op.drop_index("ix_stock_moves_order_product")
        batch_op.drop_column("document")
