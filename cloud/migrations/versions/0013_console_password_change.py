"""A console user whose password an admin set (`cloud add-user --temporary`) must choose
their own at the next sign-in.

Frozen as created: later changes go into new revisions, never here.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("hq_users") as batch:
        batch.add_column(
            sa.Column("must_change", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("hq_users") as batch:
        batch.drop_column("must_change")
