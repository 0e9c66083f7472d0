"""returns and shipment exceptions: damaged stock, return reasons, shipment trouble

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 01:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

QUANTITY = sa.Numeric(16, 3)

# Who may report a shipment's trouble, resolve the exception and make returns, and at
# which of the seeded nodes: stored definitions gain the same rules as the new defaults.
_NEW_FACTS = {
    "sales": {
        "trouble": ["warehouse", "service"],
        "resolve": ["service", "owner"],
        "return": ["service"],
    },
    "purchase": {"return": ["purchasing"]},
}
_NEW_ALLOWS = {
    "sales": {
        "placed": ["trouble", "resolve"],
        "prepared": ["trouble", "resolve"],
        "shipped": ["trouble", "resolve", "return"],
        "delivered": ["resolve", "return"],
        "paid": ["return"],
        "completed": ["return"],
    },
    "purchase": {"received": ["return"], "paid": ["return"], "completed": ["return"]},
}


def _with_new_facts(kind: str, definition: dict) -> dict:
    new = dict(definition)
    new["facts"] = {**_NEW_FACTS[kind], **definition.get("facts", {})}
    new["nodes"] = {
        code: {
            **node,
            "allows": list(
                dict.fromkeys([*node.get("allows", []), *_NEW_ALLOWS[kind].get(code, [])])
            ),
        }
        for code, node in definition["nodes"].items()
    }
    return new


def _add_new_facts() -> None:
    workflows = sa.table(
        "workflows",
        sa.column("id", sa.Integer),
        sa.column("kind"),
        sa.column("definition", sa.JSON),
    )
    connection = op.get_bind()
    for row in connection.execute(sa.select(workflows).where(workflows.c.kind.in_(_NEW_FACTS))):
        connection.execute(
            workflows.update()
            .where(workflows.c.id == row.id)
            .values(definition=_with_new_facts(row.kind, row.definition))
        )


def upgrade() -> None:
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.add_column(sa.Column("damaged", QUANTITY, nullable=False, server_default="0"))
    with op.batch_alter_table("stock_moves", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("damaged_delta", QUANTITY, nullable=False, server_default="0")
        )
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("reason", sa.String(length=500), nullable=False, server_default="")
        )
    with op.batch_alter_table("receipt_lines", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("condition", sa.String(length=16), nullable=False, server_default="good")
        )
    with op.batch_alter_table("shipments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("trouble", sa.String(length=16), nullable=True))
        batch_op.add_column(
            sa.Column("trouble_reason", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("trouble_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("trouble_source", sa.String(length=32), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("resolution", sa.String(length=16), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("resolved_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("resolution_order_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_shipments_resolution_order_id_orders"),
            "orders",
            ["resolution_order_id"],
            ["id"],
        )
    _add_new_facts()


def downgrade() -> None:
    with op.batch_alter_table("shipments", schema=None) as batch_op:
        batch_op.drop_constraint(
            op.f("fk_shipments_resolution_order_id_orders"), type_="foreignkey"
        )
        for column in (
            "resolution_order_id",
            "resolved_at",
            "resolution",
            "trouble_source",
            "trouble_at",
            "trouble_reason",
            "trouble",
        ):
            batch_op.drop_column(column)
    with op.batch_alter_table("receipt_lines", schema=None) as batch_op:
        batch_op.drop_column("condition")
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_column("reason")
    with op.batch_alter_table("stock_moves", schema=None) as batch_op:
        batch_op.drop_column("damaged_delta")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_column("damaged")
