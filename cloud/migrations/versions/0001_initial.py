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


TABLES = [
    "stores",
    "enrolment_tokens",
    "api_tokens",
    "products",
    "barcodes",
    "movements",
    "sales",
    "returns",
    "voids",
    "shift_reports",
    "sync_events",
    "feed",
    "feed_counters",
    "exceptions",
    "nonces",
]


def upgrade() -> None:
    """Create this revision's tables as schema.py defines them. When a later revision alters
    one of them, freeze this one first (copy the definitions here)."""
    metadata.create_all(op.get_bind(), tables=[metadata.tables[name] for name in TABLES])


def downgrade() -> None:
    metadata.drop_all(op.get_bind(), tables=[metadata.tables[name] for name in TABLES])
