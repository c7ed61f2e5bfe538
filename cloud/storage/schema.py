"""The cloud's tables (SQLAlchemy Core). Every per-store table carries `store` in its key so
the data can be sharded by store; idempotency keys are unique constraints kept for ever.
Alembic revisions in cloud/migrations create and evolve exactly these tables."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()
Money = sa.BigInteger

stores = sa.Table(
    "stores",
    metadata,
    sa.Column("code", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("keyid", sa.String(64), unique=True),
    sa.Column("public_key", sa.String(64)),
    sa.Column("enrolled_at", sa.String(32)),
    sa.Column("last_sync_at", sa.String(32)),
    sa.Column("clock_skew_open", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("revoked_at", sa.String(32)),
)

enrolment_tokens = sa.Table(
    "enrolment_tokens",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("store", sa.String(32), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("used_at", sa.String(32)),
)

api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
)

products = sa.Table(
    "products",
    metadata,
    sa.Column("sku", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("price", Money, nullable=False),
    sa.Column("vat_rate_bp", sa.Integer, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("location", sa.String(40)),
    sa.Column("updated_at", sa.String(32), nullable=False, index=True),
    # revision 0008_pricing: a path such as drinks/juice, for promotions by category
    sa.Column("category", sa.String(250)),
)

barcodes = sa.Table(
    "barcodes",
    metadata,
    sa.Column("code", sa.String(14), primary_key=True),
    sa.Column("sku", sa.String(64), nullable=False, index=True),
)

movements = sa.Table(
    "movements",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("sku", sa.String(64), nullable=False),
    sa.Column("delta", sa.BigInteger, nullable=False),
    sa.Column("reason", sa.String(16), nullable=False),
    sa.Column("ref", sa.String(64)),
    sa.Column("note", sa.String(500)),
    sa.Column("occurred_at", sa.String(32), nullable=False),
    sa.Column("origin", sa.String(8), nullable=False),
    sa.Index("movements_store_sku", "store", "sku"),
)

sales = sa.Table(
    "sales",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("receipt_no", sa.String(80), nullable=False),
    sa.Column("occurred_at", sa.String(32), nullable=False),
    sa.Column("total", Money, nullable=False),
    sa.Column("voided", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("body", sa.Text, nullable=False),
    sa.UniqueConstraint("store", "receipt_no", name="sales_receipt_no"),
    sa.Index("sales_store_time", "store", "occurred_at", "id"),
    sa.Index("sales_id", "id"),
)

returns = sa.Table(
    "returns",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("sale_id", sa.String(36), index=True),
    sa.Column("occurred_at", sa.String(32), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Index("returns_store_time", "store", "occurred_at", "id"),
)

voids = sa.Table(
    "voids",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("sale_id", sa.String(36), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
)

shift_reports = sa.Table(
    "shift_reports",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("body", sa.Text, nullable=False),
)

sync_events = sa.Table(
    "sync_events",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("hlc", sa.String(100), nullable=False),
    sa.Column("occurred_at", sa.String(32), nullable=False),
    sa.Column("device_time", sa.String(32), nullable=False),
    sa.Column("received_at", sa.String(32), nullable=False),
    sa.Column("body_hash", sa.String(64), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("reason", sa.String(500)),
)

feed = sa.Table(
    "feed",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
)

feed_counters = sa.Table(
    "feed_counters",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("seq", sa.BigInteger, nullable=False),
)

exceptions = sa.Table(
    "exceptions",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("store", sa.String(32), nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.UniqueConstraint("store", "kind", "ref", name="exceptions_once"),
    sa.Index("exceptions_time", "created_at", "id"),
)

nonces = sa.Table(
    "nonces",
    metadata,
    sa.Column("keyid", sa.String(64), primary_key=True),
    sa.Column("nonce", sa.String(128), primary_key=True),
    sa.Column("created", sa.BigInteger, nullable=False, index=True),
)

orders = sa.Table(
    "orders",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("expires_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
    sa.Column("request_hash", sa.String(64), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("placed_by", sa.String(64)),
    sa.Index("orders_id", "id"),
    sa.Index("orders_expiry", "status", "expires_at"),
)

order_lines = sa.Table(
    "order_lines",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("order_id", sa.String(36), primary_key=True),
    sa.Column("sku", sa.String(64), primary_key=True),
    sa.Column("reserved", sa.BigInteger, nullable=False),
    sa.Index("order_lines_reserved", "store", "sku"),
)

settings = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

webhooks = sa.Table(
    "webhooks",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("url", sa.String(500), nullable=False),
    sa.Column("secret", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    # revision 0005_stock_changes: the event kinds it receives, comma separated
    sa.Column("events", sa.String(200), nullable=False, server_default="order"),
)

webhook_deliveries = sa.Table(
    "webhook_deliveries",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("webhook_id", sa.String(36), nullable=False),
    sa.Column("event_id", sa.String(36), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_attempt_at", sa.Float, nullable=False),
    sa.Column("delivered_at", sa.String(32)),
    sa.Column("last_error", sa.String(500)),
    sa.Index("webhook_due", "delivered_at", "next_attempt_at"),
)

# Availability for channels (revision 0005_stock_changes): one row per store and SKU whose
# on_hand or reserved changed, renumbered on every change from the store's counter (held
# until commit, so rows commit in `seq` order, as in the feed). `pending`: a `stock.changed`
# webhook is owed; `notified_at`: when the last one was queued (coalescing).
stock_changes = sa.Table(
    "stock_changes",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("sku", sa.String(64), primary_key=True),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
    sa.Column("pending", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("notified_at", sa.Float, nullable=False, server_default="0"),
    sa.Index("stock_changes_seq", "store", "seq"),
    sa.Index("stock_changes_pending", "pending", "notified_at"),
)

stock_change_counters = sa.Table(
    "stock_change_counters",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("seq", sa.BigInteger, nullable=False),
)

# HQ API request budgets (revision 0006_rate_limits): a GCRA theoretical arrival time per
# token (cloud/storage/rate_limits.py), shared by every worker.
rate_limits = sa.Table(
    "rate_limits",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("tat", sa.Float, nullable=False),
)

# revision 0007_customers: customers, their points ledger, holds and timeline (SPEC §9)
customers = sa.Table(
    "customers",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(200)),
    sa.Column("phone", sa.String(40)),
    sa.Column("email", sa.String(200)),
    sa.Column("card", sa.String(13)),
    sa.Column("marketing", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
    sa.Column("merged_into", sa.String(36)),
    sa.Column("erased_at", sa.String(32)),
    sa.Column("overdraft_open", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Index("customers_phone", "phone"),
    sa.Index("customers_email", "email"),
    sa.Index("customers_card", "card"),
    sa.Index("customers_merged_into", "merged_into"),
)

points = sa.Table(
    "points",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("customer_id", sa.String(36), nullable=False, index=True),
    sa.Column("delta", sa.BigInteger, nullable=False),
    sa.Column("reason", sa.String(16), nullable=False),
    sa.Column("ref", sa.String(64)),
    sa.Column("store", sa.String(32)),
    sa.Column("occurred_at", sa.String(32), nullable=False),
    sa.Column("hold_id", sa.String(36)),
    sa.Index("points_ref", "ref"),
)

points_holds = sa.Table(
    "points_holds",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("customer_id", sa.String(36), nullable=False, index=True),
    sa.Column("store", sa.String(32), nullable=False),
    sa.Column("points", sa.BigInteger, nullable=False),
    sa.Column("expires_at", sa.String(32), nullable=False),
    sa.Column("used", sa.Boolean, nullable=False, server_default=sa.false()),
)

customer_activity = sa.Table(
    "customer_activity",
    metadata,
    sa.Column("kind", sa.String(8), primary_key=True),
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("customer_id", sa.String(36), nullable=False),
    sa.Column("receipt_no", sa.String(80)),
    sa.Column("store", sa.String(32)),
    sa.Column("channel", sa.String(8), nullable=False),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("amount", Money, nullable=False),
    sa.Index("customer_activity_customer", "customer_id", "at"),
)

# The price book (revision 0008_pricing): price versions (immutable once recorded, by id),
# promotions (replaced whole by PUT), each kept whole as its wire JSON beside the columns
# that queries need. `stores` is a comma-separated list, NULL for chain-wide.
price_versions = sa.Table(
    "price_versions",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("sku", sa.String(64), nullable=False),
    sa.Column("starts_at", sa.String(32), nullable=False),
    sa.Column("ends_at", sa.String(32)),
    sa.Column("request_hash", sa.String(64), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Index("price_versions_sku", "sku", "starts_at"),
)

promotions = sa.Table(
    "promotions",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("starts_at", sa.String(32), nullable=False),
    sa.Column("ends_at", sa.String(32)),
    sa.Column("updated_at", sa.String(32), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Index("promotions_time", "updated_at", "id"),
)

# Stores together (revision 0009_stores_transfers): where a store is (stock elsewhere sorts
# by distance) and its time zone; transfers between two stores, the body as both feeds see it.
store_places = sa.Table(
    "store_places",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("tz", sa.String(64), nullable=False),
)

transfers = sa.Table(
    "transfers",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("from_store", sa.String(32), nullable=False, index=True),
    sa.Column("to_store", sa.String(32), nullable=False, index=True),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("request_hash", sa.String(64), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Index("transfers_state", "state", "created_at", "id"),
)

# HQ console (revision 0010_hq_console): users who sign in at /hq/, their server-side
# sessions, failed sign-ins (the throttle), what HQ did about each exception, what each node
# last reported about itself, and the report rollups maintained as pushes are applied.
hq_users = sa.Table(
    "hq_users",
    metadata,
    sa.Column("email", sa.String(254), primary_key=True),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("password_hash", sa.String(300)),
    sa.Column("created_at", sa.String(32), nullable=False),
    # the password an admin set is temporary: the user must choose their own at sign-in
    sa.Column("must_change", sa.Boolean, nullable=False, server_default=sa.false()),
)

hq_sessions = sa.Table(
    "hq_sessions",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("email", sa.String(254), nullable=False, index=True),
    sa.Column("csrf", sa.String(64), nullable=False),
    sa.Column("expires_at", sa.Float, nullable=False),
)

hq_signin_failures = sa.Table(
    "hq_signin_failures",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("email", sa.String(254), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
    sa.Index("hq_signin_failures_email", "email", "at"),
)

exception_states = sa.Table(
    "exception_states",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("state", sa.String(16), nullable=False),  # acknowledged | resolved
    sa.Column("note", sa.String(1000)),
    sa.Column("by", sa.String(254), nullable=False),
    sa.Column("at", sa.String(32), nullable=False),
)

node_reports = sa.Table(
    "node_reports",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("version", sa.String(40)),
    sa.Column("outbox", sa.BigInteger),
    sa.Column("clock_offset_s", sa.Float),
    sa.Column("last_push_at", sa.String(32)),
    sa.Column("last_pull_at", sa.String(32)),
)

# Rollups: days and hours are the store's local ones (its time zone when the sale was
# ingested; `omnistore cloud rebuild-rollups` recomputes them all).
report_hours = sa.Table(
    "report_hours",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("day", sa.String(10), primary_key=True),
    sa.Column("hour", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("receipts", sa.BigInteger, nullable=False),
    sa.Column("sold_units", sa.BigInteger, nullable=False),
    sa.Column("sold_total", Money, nullable=False),
    sa.Column("returned_units", sa.BigInteger, nullable=False),
    sa.Column("returned_total", Money, nullable=False),
    sa.Column("discount", Money, nullable=False),
    sa.Index("report_hours_day", "day", "store"),
)

report_days = sa.Table(
    "report_days",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("day", sa.String(10), primary_key=True),
    sa.Column("receipts", sa.BigInteger, nullable=False),
    sa.Column("sold_units", sa.BigInteger, nullable=False),
    sa.Column("sold_total", Money, nullable=False),
    sa.Column("returned_units", sa.BigInteger, nullable=False),
    sa.Column("returned_total", Money, nullable=False),
    sa.Column("discount", Money, nullable=False),
    sa.Index("report_days_day", "day", "store"),
)

report_products = sa.Table(
    "report_products",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("day", sa.String(10), primary_key=True),
    sa.Column("sku", sa.String(64), primary_key=True),
    sa.Column("units", sa.BigInteger, nullable=False),
    sa.Column("total", Money, nullable=False),
    sa.Index("report_products_day", "day", "store"),
)

report_store_months = sa.Table(
    "report_store_months",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("month", sa.String(7), primary_key=True),
    sa.Column("sku", sa.String(64), primary_key=True),
    sa.Column("units", sa.BigInteger, nullable=False),
    sa.Column("total", Money, nullable=False),
)

# Chain-wide product rollups (every store's local days together), so that top products of
# the whole chain over a year sum months, not store-days: small tables (days or months ×
# SKUs), updated by every store's pushes (in key order, as the last step of the push).
report_chain_days = sa.Table(
    "report_chain_days",
    metadata,
    sa.Column("day", sa.String(10), primary_key=True),
    sa.Column("sku", sa.String(64), primary_key=True),
    sa.Column("units", sa.BigInteger, nullable=False),
    sa.Column("total", Money, nullable=False),
)

report_chain_months = sa.Table(
    "report_chain_months",
    metadata,
    sa.Column("month", sa.String(7), primary_key=True),
    sa.Column("sku", sa.String(64), primary_key=True),
    sa.Column("units", sa.BigInteger, nullable=False),
    sa.Column("total", Money, nullable=False),
)

report_tenders = sa.Table(
    "report_tenders",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("day", sa.String(10), primary_key=True),
    sa.Column("method", sa.String(16), primary_key=True),
    sa.Column("payments", sa.BigInteger, nullable=False),
    sa.Column("amount", Money, nullable=False),
)

# What each promotion gave (revision 0012_report_promotions): per store, local day and
# promotion id (or `manual`); `name` is the name the latest push carried for it.
report_promotions = sa.Table(
    "report_promotions",
    metadata,
    sa.Column("store", sa.String(32), primary_key=True),
    sa.Column("day", sa.String(10), primary_key=True),
    sa.Column("promotion", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("sales", sa.BigInteger, nullable=False),
    sa.Column("units", sa.BigInteger, nullable=False),
    sa.Column("discount", Money, nullable=False),
    sa.Column("sold_total", Money, nullable=False),
    sa.Index("report_promotions_day", "day", "store"),
)
