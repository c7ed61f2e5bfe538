"""Alembic environment: always given a live connection by cloud.storage.engine.migrate."""

from __future__ import annotations

from alembic import context

from cloud.storage.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
