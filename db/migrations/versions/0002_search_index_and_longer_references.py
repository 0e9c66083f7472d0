"""order list search index; audit references as long as party names

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 04:33:32.718431
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.alter_column(
            "entity_ref",
            existing_type=sa.VARCHAR(length=64),
            type_=sa.String(length=200),
            existing_nullable=False,
        )

    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_orders_created"))
        batch_op.create_index(
            "ix_orders_search", ["created_at", "id", "number", "party_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_search")
        batch_op.create_index(batch_op.f("ix_orders_created"), ["created_at"], unique=False)

    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.alter_column(
            "entity_ref",
            existing_type=sa.String(length=200),
            type_=sa.VARCHAR(length=64),
            existing_nullable=False,
        )
