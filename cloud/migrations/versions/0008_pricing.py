"""The price book: product categories, price versions and promotions.

Frozen as created: later changes go into new revisions, never here.

Revision ID: 0008
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create this revision's tables and column exactly as they were when it was written."""
    op.add_column("products", sa.Column("category", sa.String(length=250), nullable=True))
    op.create_table(
        "price_versions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("starts_at", sa.String(length=32), nullable=False),
        sa.Column("ends_at", sa.String(length=32), nullable=True),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("price_versions_sku", "price_versions", ["sku", "starts_at"])
    op.create_table(
        "promotions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("starts_at", sa.String(length=32), nullable=False),
        sa.Column("ends_at", sa.String(length=32), nullable=True),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("promotions_time", "promotions", ["updated_at", "id"])


def downgrade() -> None:
    op.drop_index("promotions_time", table_name="promotions")
    op.drop_table("promotions")
    op.drop_index("price_versions_sku", table_name="price_versions")
    op.drop_table("price_versions")
    with op.batch_alter_table("products") as batch:
        batch.drop_column("category")
