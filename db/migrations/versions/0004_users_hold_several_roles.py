"""users hold several roles

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 22:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("roles", sa.String(length=200), nullable=True))
    op.execute("UPDATE users SET roles = role")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.alter_column("roles", existing_type=sa.String(length=200), nullable=False)
        batch_op.drop_column("role")


def downgrade() -> None:
    # A user with several roles keeps the first of them in alphabetical order.
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("role", sa.VARCHAR(length=32), nullable=True))
    op.execute(
        "UPDATE users SET role = CASE WHEN instr(roles, ',') > 0 "
        "THEN substr(roles, 1, instr(roles, ',') - 1) ELSE roles END"
        if op.get_bind().dialect.name == "sqlite"
        else "UPDATE users SET role = split_part(roles, ',', 1)"
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.alter_column("role", existing_type=sa.VARCHAR(length=32), nullable=False)
        batch_op.drop_column("roles")
