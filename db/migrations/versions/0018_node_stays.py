"""node stays: each order's stays at its workflow's nodes, from the audit trail; the
orders' amounts by order date indexed

Revision ID: 0018
Revises: 0020
Create Date: 2026-12-02 06:30:00

The dashboard measured the time spent at each node by reading every step's event and
its JSON; from now on the engine writes each stay as a row. The stays before this
revision are read from the audit trail once, as the dashboard read them: a step's event
says which node the order left and since when (events older than that field: since the
order's step or creation before it); each order's current node is a stay still open.
Each ended stay keeps how long it lasted in whole seconds.
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0020"
branch_labels = None
depends_on = None


def _stamp(text, dialect: str):
    """An ISO time written in an event's JSON as the column stores times: on SQLite the
    text SQLAlchemy writes (`YYYY-MM-DD HH:MM:SS.ffffff`), so times compare as text."""
    if dialect != "sqlite":
        return sa.cast(text, sa.DateTime)
    seconds = sa.func.replace(sa.func.substr(text, 1, 19), "T", " ")
    fraction = sa.func.substr(sa.func.substr(text, 21).concat("000000"), 1, 6)
    return seconds.concat(".").concat(fraction)


def _seconds_between(later, earlier, dialect: str):
    if dialect == "sqlite":
        lasted = (sa.func.julianday(later) - sa.func.julianday(earlier)) * 86400
    else:
        lasted = sa.func.extract("epoch", later - earlier)
    return sa.cast(sa.func.round(lasted), sa.Integer)


def _backfill() -> None:
    connection = op.get_bind()
    dialect = connection.dialect.name
    events = sa.table(
        "events",
        sa.column("id", sa.Integer),
        sa.column("order_id", sa.Integer),
        sa.column("at", sa.DateTime),
        sa.column("action", sa.String),
        sa.column("before", sa.JSON),
    )
    orders = sa.table(
        "orders",
        sa.column("id", sa.Integer),
        sa.column("workflow_id", sa.Integer),
        sa.column("status", sa.String),
        sa.column("status_since", sa.DateTime),
    )
    stays = sa.table(
        "node_stays",
        sa.column("order_id", sa.Integer),
        sa.column("workflow_id", sa.Integer),
        sa.column("node", sa.String),
        sa.column("entered_at", sa.DateTime),
        sa.column("left_at", sa.DateTime),
        sa.column("seconds", sa.Integer),
    )
    columns = ["order_id", "workflow_id", "node", "entered_at", "left_at"]
    steps = (
        sa.select(
            events.c.order_id,
            events.c.at,
            events.c.action,
            events.c.before["status"].as_string().label("node"),
            events.c.before["since"].as_string().label("since"),
            # When the step or creation before this one happened, for events without `since`.
            sa.func.max(events.c.at)
            .over(partition_by=events.c.order_id, order_by=events.c.id, rows=(None, -1))
            .label("came"),
        )
        .where(events.c.order_id.is_not(None), events.c.action.in_(("create", "transition")))
        .subquery()
    )
    entered = sa.func.coalesce(_stamp(steps.c.since, dialect), steps.c.came)
    connection.execute(
        stays.insert().from_select(
            columns,
            sa.select(steps.c.order_id, orders.c.workflow_id, steps.c.node, entered, steps.c.at)
            .join(orders, orders.c.id == steps.c.order_id)
            .where(steps.c.action == "transition", entered.is_not(None)),
        )
    )
    connection.execute(
        stays.update().values(
            seconds=_seconds_between(stays.c.left_at, stays.c.entered_at, dialect)
        )
    )
    connection.execute(
        stays.insert().from_select(
            columns,
            sa.select(
                orders.c.id,
                orders.c.workflow_id,
                orders.c.status,
                orders.c.status_since,
                sa.null(),
            ),
        )
    )


def upgrade() -> None:
    op.create_table(
        "node_stays",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("workflow_id", sa.Integer(), nullable=False),
        sa.Column("node", sa.String(length=32), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.Column("left_at", sa.DateTime(), nullable=True),
        sa.Column("seconds", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_node_stays_order_id_orders")
        ),
        sa.ForeignKeyConstraint(
            ["workflow_id"], ["workflows.id"], name=op.f("fk_node_stays_workflow_id_workflows")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_node_stays")),
    )
    _backfill()
    # Made after the rows are in: one sort each instead of an index kept up row by row.
    with op.batch_alter_table("node_stays", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_node_stays_order_id"), ["order_id"], unique=False)
        batch_op.create_index(
            "ix_node_stays_node",
            ["workflow_id", "node", "left_at", "seconds", "order_id"],
            unique=False,
        )
    # The dashboard's amounts by order date are summed from this index alone.
    op.create_index(
        "ix_orders_created_amounts",
        "orders",
        ["created_at", "kind", "workflow_id", "status", "total"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_orders_created_amounts", table_name="orders")
    with op.batch_alter_table("node_stays", schema=None) as batch_op:
        batch_op.drop_index("ix_node_stays_node")
        batch_op.drop_index(batch_op.f("ix_node_stays_order_id"))
    op.drop_table("node_stays")
