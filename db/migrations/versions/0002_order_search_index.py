"""covering index for the order list search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 04:19:18.310004
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_orders_created"))
        batch_op.create_index(
            "ix_orders_search", ["created_at", "id", "number", "party_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_search")
        batch_op.create_index(batch_op.f("ix_orders_created"), ["created_at"], unique=False)
