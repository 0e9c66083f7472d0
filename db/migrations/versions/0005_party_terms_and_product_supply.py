"""parties: payment terms, tax number, credit limit; products: minimum stock, supplier,
lead time

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 22:05:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("payment_terms", sa.String(length=100), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("tax_number", sa.String(length=50), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("credit_limit", sa.Numeric(precision=16, scale=2), nullable=True)
        )
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.alter_column("payment_terms", server_default=None)
        batch_op.alter_column("tax_number", server_default=None)

    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "min_stock", sa.Numeric(precision=16, scale=3), nullable=False, server_default="0"
            )
        )
        batch_op.add_column(sa.Column("supplier_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("lead_time_days", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_products_supplier_id_parties"), "parties", ["supplier_id"], ["id"]
        )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.alter_column("min_stock", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_products_supplier_id_parties"), type_="foreignkey")
        batch_op.drop_column("lead_time_days")
        batch_op.drop_column("supplier_id")
        batch_op.drop_column("min_stock")

    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.drop_column("credit_limit")
        batch_op.drop_column("tax_number")
        batch_op.drop_column("payment_terms")
