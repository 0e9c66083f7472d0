"""indexes the dashboard and the wall display read: orders by workflow and node, events by time

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 02:10:00
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Counting by node, lateness and the shipments to make read this index alone.
    op.create_index(
        "ix_orders_workflow_status",
        "orders",
        ["workflow_id", "status", "status_since", "due"],
        unique=False,
    )
    # The time spent at each node is read from the last days' events.
    op.create_index("ix_events_at", "events", ["at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_events_at", table_name="events")
    op.drop_index("ix_orders_workflow_status", table_name="orders")
