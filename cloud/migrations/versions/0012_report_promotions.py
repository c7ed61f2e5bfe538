"""The promotions report's rollup: per store, local day and promotion (or `manual`), the
sales it discounted, their units, the discount it gave and what those lines sold for; built
here from the sales already stored (`omnistore cloud rebuild-rollups` does the same later).

Frozen as created: later changes go into new revisions, never here.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the rollup, then rebuild the rollups from the stored sales, returns and voids
    (derived data: the current code's rules)."""
    op.create_table(
        "report_promotions",
        sa.Column("store", sa.String(length=32), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("promotion", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sales", sa.BigInteger(), nullable=False),
        sa.Column("units", sa.BigInteger(), nullable=False),
        sa.Column("discount", sa.BigInteger(), nullable=False),
        sa.Column("sold_total", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("store", "day", "promotion"),
    )
    op.create_index("report_promotions_day", "report_promotions", ["day", "store"])
    from cloud.services.rollups import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_index("report_promotions_day", table_name="report_promotions")
    op.drop_table("report_promotions")
