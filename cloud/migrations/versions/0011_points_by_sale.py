"""Points ledger entries found by the sale they belong to: a return at another store asks
what earlier returns already gave back of a sale's points.

Frozen as created: later changes go into new revisions, never here.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("points_ref", "points", ["ref"])


def downgrade() -> None:
    op.drop_index("points_ref", table_name="points")
