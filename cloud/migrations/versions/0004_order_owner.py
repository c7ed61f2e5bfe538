"""Which HQ token placed an order (a `shop` token reads and cancels only its own).

Frozen as created: later changes go into new revisions, never here.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The hash of the placing token (NULL for orders placed before this revision)."""
    op.add_column("orders", sa.Column("placed_by", sa.String(length=64), nullable=True))


def downgrade() -> None:
    op.drop_column("orders", "placed_by")
