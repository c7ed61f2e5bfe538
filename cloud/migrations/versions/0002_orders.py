"""Click-and-collect orders, their reservations, webhooks and server settings.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

from cloud.storage.schema import metadata

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None
TABLES = ["orders", "order_lines", "settings", "webhooks", "webhook_deliveries"]


def upgrade() -> None:
    metadata.create_all(op.get_bind(), tables=[metadata.tables[name] for name in TABLES])


def downgrade() -> None:
    metadata.drop_all(op.get_bind(), tables=[metadata.tables[name] for name in TABLES])
