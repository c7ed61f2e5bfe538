"""Initial schema: stores, tokens, catalogue, stock ledger, sales, sync, feed, exceptions.

Frozen as created: later changes go into new revisions, never here.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create this revision's tables exactly as they were when it was written."""
    op.create_table(
        "api_tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_table(
        "barcodes",
        sa.Column("code", sa.String(length=14), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_index(op.f("ix_barcodes_sku"), "barcodes", ["sku"], unique=False)
    op.create_table(
        "enrolment_tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("used_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_table(
        "exceptions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("ref", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("store", "kind", "ref", name="exceptions_once"),
    )
    op.create_index("exceptions_time", "exceptions", ["created_at", "id"], unique=False)
    op.create_table(
        "feed",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("store", "seq"),
    )
    op.create_table(
        "feed_counters",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("store"),
    )
    op.create_table(
        "movements",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("delta", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("occurred_at", sa.String(length=32), nullable=False),
        sa.Column("origin", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("store", "id"),
    )
    op.create_index("movements_store_sku", "movements", ["store", "sku"], unique=False)
    op.create_table(
        "nonces",
        sa.Column("keyid", sa.String(length=64), nullable=False),
        sa.Column("nonce", sa.String(length=128), nullable=False),
        sa.Column("created", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("keyid", "nonce"),
    )
    op.create_index(op.f("ix_nonces_created"), "nonces", ["created"], unique=False)
    op.create_table(
        "products",
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("price", sa.BigInteger(), nullable=False),
        sa.Column("vat_rate_bp", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("location", sa.String(length=40), nullable=True),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("sku"),
    )
    op.create_index(op.f("ix_products_updated_at"), "products", ["updated_at"], unique=False)
    op.create_table(
        "returns",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=True),
        sa.Column("occurred_at", sa.String(length=32), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("store", "id"),
    )
    op.create_index(op.f("ix_returns_sale_id"), "returns", ["sale_id"], unique=False)
    op.create_index("returns_store_time", "returns", ["store", "occurred_at", "id"], unique=False)
    op.create_table(
        "sales",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("receipt_no", sa.String(length=80), nullable=False),
        sa.Column("occurred_at", sa.String(length=32), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("voided", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("store", "id"),
        sa.UniqueConstraint("store", "receipt_no", name="sales_receipt_no"),
    )
    op.create_index("sales_id", "sales", ["id"], unique=False)
    op.create_index("sales_store_time", "sales", ["store", "occurred_at", "id"], unique=False)
    op.create_table(
        "shift_reports",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("store", "id"),
    )
    op.create_table(
        "stores",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("keyid", sa.String(length=64), nullable=True),
        sa.Column("public_key", sa.String(length=64), nullable=True),
        sa.Column("enrolled_at", sa.String(length=32), nullable=True),
        sa.Column("last_sync_at", sa.String(length=32), nullable=True),
        sa.Column("clock_skew_open", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
        sa.UniqueConstraint("keyid"),
    )
    op.create_table(
        "sync_events",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("hlc", sa.String(length=100), nullable=False),
        sa.Column("occurred_at", sa.String(length=32), nullable=False),
        sa.Column("device_time", sa.String(length=32), nullable=False),
        sa.Column("received_at", sa.String(length=32), nullable=False),
        sa.Column("body_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("store", "id"),
    )
    op.create_table(
        "voids",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("store", "id"),
    )


def downgrade() -> None:
    op.drop_table("nonces")
    op.drop_table("exceptions")
    op.drop_table("feed_counters")
    op.drop_table("feed")
    op.drop_table("sync_events")
    op.drop_table("shift_reports")
    op.drop_table("voids")
    op.drop_table("returns")
    op.drop_table("sales")
    op.drop_table("movements")
    op.drop_table("barcodes")
    op.drop_table("products")
    op.drop_table("api_tokens")
    op.drop_table("enrolment_tokens")
    op.drop_table("stores")
