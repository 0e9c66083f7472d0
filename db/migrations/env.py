"""Alembic environment: always given a live connection by db.migrate."""

from alembic import context

from db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    # db.migrate counts the steps for the progress bar
    on_version_apply=context.config.attributes.get("on_version_apply", []),
)
with context.begin_transaction():
    context.run_migrations()
