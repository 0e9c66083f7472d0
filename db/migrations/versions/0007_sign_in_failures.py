"""sign-in failures by account and desktop; no lockout columns

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 22:03:07.477919
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("counted", sa.Boolean(), nullable=False),
        sa.Column("noticed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_failures")),
    )
    with op.batch_alter_table("sign_in_failures", schema=None) as batch_op:
        batch_op.create_index("ix_sign_in_failures_source_at", ["source", "at"], unique=False)
        batch_op.create_index("ix_sign_in_failures_user_name_at", ["user_name", "at"], unique=False)

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("locked_until")
        batch_op.drop_column("failed_logins")


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("failed_logins", sa.INTEGER(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("locked_until", sa.DATETIME(), nullable=True))

    with op.batch_alter_table("sign_in_failures", schema=None) as batch_op:
        batch_op.drop_index("ix_sign_in_failures_user_name_at")
        batch_op.drop_index("ix_sign_in_failures_source_at")

    op.drop_table("sign_in_failures")
