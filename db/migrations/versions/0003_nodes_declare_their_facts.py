"""workflow nodes declare their facts, documents, owner and colour; notifications keep
their parameters instead of a Chinese sentence

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 22:00:00

Until now only the seeded version 1 of each workflow could exist, and the program
itself said where facts could be recorded. This rewrites those stored definitions
in the new form with the same rules, so orders on them behave as before.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# The rules the program applied to version-1 definitions before this revision.
_FACT_ROLES = {
    "sales": {"edit": ["sales"], "ship": ["warehouse"], "sign": ["service"], "pay": ["finance"]},
    "purchase": {"edit": ["purchasing"], "receive": ["warehouse"], "pay": ["finance"]},
}
_SHIPPABLE = {"placed", "prepared"}
_RECEIVABLE = {"placed"}
_NOT_YET_PAYABLE = {"draft", "submitted"}
_COLORS = {
    "draft": "#8a8f98",
    "submitted": "#d48806",
    "placed": "#1677ff",
    "prepared": "#13a8a8",
    "shipped": "#2f54eb",
    "delivered": "#08979c",
    "received": "#08979c",
    "paid": "#389e0d",
    "completed": "#237804",
    "cancelled": "#a8071a",
}


def _converted(kind: str, old: dict) -> dict:
    new = dict(old)
    nodes = old["nodes"]
    cancelled = next(c for c, n in nodes.items() if n.get("terminal") and not n.get("owner"))
    new["void"] = cancelled
    new["facts"] = _FACT_ROLES[kind]
    leaving = {code: [t for t in old["transitions"] if code in t["from"]] for code in nodes}
    new_nodes = {}
    for code, node in nodes.items():
        terminal = bool(node.get("terminal"))
        owners = sorted({r for t in leaving[code] if t.get("forward", True) for r in t["roles"]})
        allows = []
        if code == old["initial"]:
            allows.append("edit")
        if kind == "sales" and code in _SHIPPABLE:
            allows += ["ship", "sign"]
        if kind == "sales" and code == "shipped":
            allows.append("sign")
        if kind == "purchase" and code in _RECEIVABLE:
            allows.append("receive")
        if code not in _NOT_YET_PAYABLE and not terminal:
            allows.append("pay")
        prints = [] if code in (old["initial"], cancelled) else ["order"]
        if kind == "sales" and prints and code != "submitted":
            prints.append("delivery-note")
        new_nodes[code] = {
            "label": node["label"],
            "owner": None if terminal else (owners[0] if owners else None),
            "limit_hours": node.get("limit_hours"),
            "color": _COLORS.get(code, "#8a8f98"),
            "allows": allows,
            "prints": prints,
            "terminal": terminal,
        }
    new["nodes"] = new_nodes
    return new


def upgrade() -> None:
    connection = op.get_bind()
    workflows = sa.table(
        "workflows",
        sa.column("id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("definition", sa.JSON),
    )
    for row in connection.execute(sa.select(workflows)).all():
        if "facts" not in row.definition and row.kind in _FACT_ROLES:
            connection.execute(
                workflows.update()
                .where(workflows.c.id == row.id)
                .values(definition=_converted(row.kind, row.definition))
            )

    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("params", sa.JSON(), nullable=True))
    notifications = sa.table(
        "notifications", sa.column("params", sa.JSON), sa.column("message", sa.Text)
    )
    # Older rows were worded once, in Chinese: they keep that wording as their only parameter.
    for (message,) in connection.execute(sa.select(notifications.c.message).distinct()).all():
        connection.execute(
            notifications.update()
            .where(notifications.c.message == message)
            .values(params={"message": message})
        )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.alter_column("params", existing_type=sa.JSON(), nullable=False)
        batch_op.drop_column("message")


def downgrade() -> None:
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("message", sa.Text(), nullable=False, server_default=""))
        batch_op.drop_column("params")
