"""Customers and loyalty: customers, the points ledger, points holds and each customer's
activity across stores and the web shop (SPEC §9).

Frozen as created: later changes go into new revisions, never here.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create this revision's tables exactly as they were when it was written."""
    op.create_table(
        "customers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("card", sa.String(length=13), nullable=True),
        sa.Column("marketing", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
        sa.Column("erased_at", sa.String(length=32), nullable=True),
        sa.Column("overdraft_open", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("phone", "email", "card", "merged_into"):
        op.create_index(f"customers_{column}", "customers", [column], unique=False)
    op.create_table(
        "points",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("delta", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=True),
        sa.Column("store", sa.String(length=32), nullable=True),
        sa.Column("occurred_at", sa.String(length=32), nullable=False),
        sa.Column("hold_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_points_customer_id", "points", ["customer_id"], unique=False)
    op.create_table(
        "points_holds",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("expires_at", sa.String(length=32), nullable=False),
        sa.Column("used", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_points_holds_customer_id", "points_holds", ["customer_id"], unique=False)
    op.create_table(
        "customer_activity",
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("receipt_no", sa.String(length=80), nullable=True),
        sa.Column("store", sa.String(length=32), nullable=True),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "id"),
    )
    op.create_index(
        "customer_activity_customer", "customer_activity", ["customer_id", "at"], unique=False
    )


def downgrade() -> None:
    op.drop_table("customer_activity")
    op.drop_table("points_holds")
    op.drop_table("points")
    op.drop_table("customers")
