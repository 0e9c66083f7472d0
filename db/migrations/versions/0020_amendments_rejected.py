"""an owner's rejection undoes an amendment: amendments record when they were rejected;
workflows declare the step back for a rejected amendment

Revision ID: 0020
Revises: 0017
Create Date: 2026-12-02 07:00:00

Stored definitions that send amended orders back to approval gain the step back from it,
to the node orders are placed at, reserving again where approval does.
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0017"
branch_labels = None
depends_on = None


def _with_rejection(old: dict) -> dict:
    review = next((t for t in old["transitions"] if t["name"] == "amend_review"), None)
    if review is None or any(t["name"] == "amend_reject" for t in old["transitions"]):
        return old
    approvals = [
        t
        for t in old["transitions"]
        if review["to"] in t["from"] and t["trigger"] != "auto" and t.get("forward", True)
    ]
    if not approvals:
        return old
    approve = approvals[0]
    rejection = {
        "name": "amend_reject",
        "from": [review["to"]],
        "to": approve["to"],
        "label": {"zh": "驳回改单", "en": "Reject the amendment"},
        "trigger": "manual",
        "roles": list(approve.get("roles", [])),
        "guard": None,
        "effect": approve.get("effect"),
        "requires": ["amendment", "comment"],
        "forward": False,
    }
    return {**old, "transitions": [*old["transitions"], rejection]}


def upgrade() -> None:
    with op.batch_alter_table("amendments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rejected_at", sa.DateTime(), nullable=True))
    connection = op.get_bind()
    workflows = sa.table("workflows", sa.column("id", sa.Integer), sa.column("definition", sa.JSON))
    for row in connection.execute(sa.select(workflows)).all():
        new = _with_rejection(row.definition)
        if new is not row.definition:
            connection.execute(
                workflows.update().where(workflows.c.id == row.id).values(definition=new)
            )


def downgrade() -> None:
    with op.batch_alter_table("amendments", schema=None) as batch_op:
        batch_op.drop_column("rejected_at")
