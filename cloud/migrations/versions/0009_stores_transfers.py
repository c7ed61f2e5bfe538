"""Stores together: store coordinates and time zones, and transfers between stores.

Frozen as created: later changes go into new revisions, never here.

Revision ID: 0009
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create this revision's tables exactly as they were when it was written."""
    op.create_table(
        "store_places",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("tz", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("store"),
    )
    op.create_table(
        "transfers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("from_store", sa.String(length=32), nullable=False),
        sa.Column("to_store", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_transfers_from_store", "transfers", ["from_store"])
    op.create_index("ix_transfers_to_store", "transfers", ["to_store"])
    op.create_index("transfers_state", "transfers", ["state", "created_at", "id"])


def downgrade() -> None:
    op.drop_table("transfers")
    op.drop_table("store_places")
