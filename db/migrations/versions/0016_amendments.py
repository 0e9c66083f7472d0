"""amendments: changes to approved orders as documents of their own; workflows declare
where an order may be amended and the step back to approval

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 02:00:00

Stored definitions gain the `amend` fact (for whoever edits drafts, at the nodes where
goods may still move) and the step an amendment takes back to approval, so orders
already running on them may be amended too.
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def _with_amendments(old: dict) -> dict:
    new = dict(old)
    nodes = {code: dict(node) for code, node in old["nodes"].items()}
    at = [c for c, n in nodes.items() if {"ship", "receive"} & set(n.get("allows", []))]
    for code in at:
        nodes[code]["allows"] = [*nodes[code]["allows"], "amend"]
    new["nodes"] = nodes
    new["facts"] = {**old["facts"], "amend": list(old["facts"].get("edit", []))}
    submit = next(
        t
        for t in old["transitions"]
        if old["initial"] in t["from"] and t["trigger"] != "auto" and t.get("forward", True)
    )
    reserves = any(t.get("effect") == "reserve_stock" for t in old["transitions"])
    names = {t["name"] for t in old["transitions"]}
    if at and new["facts"]["amend"] and "amend_review" not in names:
        new["transitions"] = [
            *old["transitions"],
            {
                "name": "amend_review",
                "from": at,
                "to": submit["to"],
                "label": {"zh": "改单送审", "en": "Back to approval (amended)"},
                "trigger": "manual",
                "roles": new["facts"]["amend"],
                "guard": None,
                "effect": "release_stock" if reserves else None,
                "requires": ["amendment"],
                "forward": False,
            },
        ]
    return new


def upgrade() -> None:
    op.create_table(
        "amendments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("diff", sa.JSON(), nullable=False),
        sa.Column("total_before", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("total_after", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("reapproval", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_amendments_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_amendments_order_id_orders")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_amendments")),
        sa.UniqueConstraint("number", name=op.f("uq_amendments_number")),
    )
    with op.batch_alter_table("amendments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_amendments_order_id"), ["order_id"], unique=False)

    connection = op.get_bind()
    workflows = sa.table("workflows", sa.column("id", sa.Integer), sa.column("definition", sa.JSON))
    for row in connection.execute(sa.select(workflows)).all():
        if "amend" not in row.definition.get("facts", {}):
            connection.execute(
                workflows.update()
                .where(workflows.c.id == row.id)
                .values(definition=_with_amendments(row.definition))
            )


def downgrade() -> None:
    with op.batch_alter_table("amendments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_amendments_order_id"))
    op.drop_table("amendments")
