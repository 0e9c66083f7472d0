"""events by action and time: the month-end check of payments, shipments and receipts

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


def downgrade() -> None:
    op.drop_index("ix_events_action_at", table_name="events")
