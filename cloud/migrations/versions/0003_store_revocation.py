"""A store can be cut off (revoked) until HQ resets it.

Frozen as created: later changes go into new revisions, never here.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """When HQ revoked the store's node (NULL: not revoked)."""
    op.add_column("stores", sa.Column("revoked_at", sa.String(length=32), nullable=True))


def downgrade() -> None:
    op.drop_column("stores", "revoked_at")
