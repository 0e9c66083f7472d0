"""indexes the month-end check and the stock figures read: events by action and time,
order lines with their product and quantity

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 06:45:00
"""

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Reconciliation reads one month's events of a few actions against the facts tables;
    # by time alone it reads every event of the month.
    op.create_index("ix_events_action_at", "events", ["action", "at"], unique=False)
    # Shortfalls, goods on order and demand add up the lines of the orders they pick:
    # read from this index alone, not line by line from the table.
    op.create_index(
        "ix_order_lines_order_product_qty",
        "order_lines",
        ["order_id", "product_id", "qty"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_order_lines_order_product_qty", table_name="order_lines")
    op.drop_index("ix_events_action_at", table_name="events")
