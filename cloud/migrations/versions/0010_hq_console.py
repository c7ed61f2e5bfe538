"""HQ console: console users, their sessions and failed sign-ins, exception handling states,
what each node last reported about itself, and the report rollups (built here from the
sales already stored; `omnistore cloud rebuild-rollups` does the same later).

Frozen as created: later changes go into new revisions, never here.

Revision ID: 0010
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create this revision's tables exactly as they were when it was written, then fill the
    rollups from the stored sales, returns and voids (derived data: the current code's rules)."""
    op.create_table(
        "hq_users",
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=300), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("email"),
    )
    op.create_table(
        "hq_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("csrf", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index("ix_hq_sessions_email", "hq_sessions", ["email"], unique=False)
    op.create_table(
        "hq_signin_failures",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("hq_signin_failures_email", "hq_signin_failures", ["email", "at"])
    op.create_table(
        "exception_states",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("note", sa.String(length=1000), nullable=True),
        sa.Column("by", sa.String(length=254), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "node_reports",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=True),
        sa.Column("outbox", sa.BigInteger(), nullable=True),
        sa.Column("clock_offset_s", sa.Float(), nullable=True),
        sa.Column("last_push_at", sa.String(length=32), nullable=True),
        sa.Column("last_pull_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("store"),
    )
    _rollup_tables()
    from cloud.services.rollups import rebuild

    rebuild(op.get_bind())


def _rollup_tables() -> None:
    op.create_table(
        "report_hours",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("hour", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("receipts", sa.BigInteger(), nullable=False),
        sa.Column("sold_units", sa.BigInteger(), nullable=False),
        sa.Column("sold_total", sa.BigInteger(), nullable=False),
        sa.Column("returned_units", sa.BigInteger(), nullable=False),
        sa.Column("returned_total", sa.BigInteger(), nullable=False),
        sa.Column("discount", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("store", "day", "hour"),
    )
    op.create_index("report_hours_day", "report_hours", ["day", "store"])
    op.create_table(
        "report_days",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("receipts", sa.BigInteger(), nullable=False),
        sa.Column("sold_units", sa.BigInteger(), nullable=False),
        sa.Column("sold_total", sa.BigInteger(), nullable=False),
        sa.Column("returned_units", sa.BigInteger(), nullable=False),
        sa.Column("returned_total", sa.BigInteger(), nullable=False),
        sa.Column("discount", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("store", "day"),
    )
    op.create_index("report_days_day", "report_days", ["day", "store"])
    for name, key, width in (("report_chain_days", "day", 10), ("report_chain_months", "month", 7)):
        op.create_table(
            name,
            sa.Column(key, sa.String(length=width), nullable=False),
            sa.Column("sku", sa.String(length=64), nullable=False),
            sa.Column("units", sa.BigInteger(), nullable=False),
            sa.Column("total", sa.BigInteger(), nullable=False),
            sa.PrimaryKeyConstraint(key, "sku"),
        )
    op.create_table(
        "report_store_months",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("units", sa.BigInteger(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("store", "month", "sku"),
    )
    op.create_table(
        "report_products",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("units", sa.BigInteger(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("store", "day", "sku"),
    )
    op.create_index("report_products_day", "report_products", ["day", "store"])
    op.create_table(
        "report_tenders",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("payments", sa.BigInteger(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("store", "day", "method"),
    )


def downgrade() -> None:
    for table in (
        "report_tenders",
        "report_chain_months",
        "report_chain_days",
        "report_products",
        "report_store_months",
        "report_days",
        "report_hours",
        "node_reports",
        "exception_states",
        "hq_signin_failures",
        "hq_sessions",
        "hq_users",
    ):
        op.drop_table(table)
