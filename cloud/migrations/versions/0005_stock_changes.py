"""Availability for channels: which SKUs of a store changed, in commit order, and which owe
a `stock.changed` webhook; the event kinds each webhook subscription receives (existing
subscriptions keep receiving order events only).

Frozen as created: later changes go into new revisions, never here.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create this revision's tables exactly as they were when it was written, and one row
    per (store, SKU) that has movements or reservations already, so the feed starts whole."""
    op.create_table(
        "stock_changes",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("pending", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("notified_at", sa.Float(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("store", "sku"),
    )
    op.create_index("stock_changes_seq", "stock_changes", ["store", "seq"], unique=False)
    op.create_index(
        "stock_changes_pending", "stock_changes", ["pending", "notified_at"], unique=False
    )
    op.add_column(
        "webhooks",
        sa.Column("events", sa.String(length=200), server_default="order", nullable=False),
    )
    op.create_table(
        "stock_change_counters",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("store"),
    )
    op.execute(
        """
        INSERT INTO stock_changes (store, sku, seq, updated_at, pending, notified_at)
        SELECT store, sku,
               ROW_NUMBER() OVER (PARTITION BY store ORDER BY MAX(occurred_at), sku),
               MAX(occurred_at), false, 0
        FROM (
            SELECT store, sku, occurred_at FROM movements
            UNION ALL
            SELECT o.store, l.sku, o.updated_at FROM order_lines l
            JOIN orders o ON o.store = l.store AND o.id = l.order_id
        ) AS changed
        GROUP BY store, sku
        """
    )
    op.execute(
        """
        INSERT INTO stock_change_counters (store, seq)
        SELECT store, MAX(seq) FROM stock_changes GROUP BY store
        """
    )


def downgrade() -> None:
    op.drop_column("webhooks", "events")
    op.drop_table("stock_change_counters")
    op.drop_index("stock_changes_pending", table_name="stock_changes")
    op.drop_index("stock_changes_seq", table_name="stock_changes")
    op.drop_table("stock_changes")
