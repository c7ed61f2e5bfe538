"""Initial schema: stores, tokens, catalogue, stock ledger, sales, sync, feed, exceptions.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from alembic import op

from cloud.storage.schema import metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the tables as schema.py defines them at this revision. When a later revision
    changes one of them, freeze this one first (copy the definitions here)."""
    metadata.create_all(op.get_bind())


def downgrade() -> None:
    metadata.drop_all(op.get_bind())
