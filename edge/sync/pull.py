"""The puller: applies the store's change feed and stores the cursor in the same transaction."""

from __future__ import annotations

import time

from sqlite_utils import Database

from edge import customers, orders, pricing, stock, transfers
from edge.node import NodeConfig
from edge.storage import catalog, state
from edge.storage.db import write
from edge.sync.client import CloudClient
from edge.sync.session import exchange
from shared.clock import format_ts, from_epoch
from shared.customers import IndexEntry
from shared.models import Change, Order, Product, PullOut, StockMovement
from shared.pricing.models import PriceVersion, PricingSettingsOut, Promotion
from shared.transfers import Transfer

PULL_PATH = "/api/v1/sync/pull"
CURSOR_KEY = "cursor"
PAGE = 500


def pull_to_head(db: Database, config: NodeConfig, client: CloudClient, page: int = PAGE) -> int:
    """Pull pages until the feed has nothing more; returns how many changes were applied.
    A crash between pages loses nothing: each page and its cursor commit together."""
    applied = 0
    while True:
        since = state.get(db, CURSOR_KEY) or ""
        answer = exchange(db, client, "GET", PULL_PATH, params={"since": since, "limit": str(page)})
        feed = PullOut.model_validate(answer.data)
        with write(db):
            apply_changes(db, config, feed.changes)
            state.put(db, CURSOR_KEY, feed.cursor)
            state.put(db, "last_pull_at", format_ts(from_epoch(time.time())))
        applied += len(feed.changes)
        if not feed.more:
            return applied


def apply_changes(db: Database, config: NodeConfig, changes: list[Change]) -> None:
    """Apply a page in order; runs of customer index entries go in one statement each (a
    new node pulls the whole chain's customers: a million rows, not a million calls)."""
    entries: list[IndexEntry] = []
    for change in changes:
        if change.kind == "customer":
            entries.append(IndexEntry.model_validate(change.body))
            continue
        customers.apply_entries(db, entries)
        entries = []
        apply_change(db, config, change)
    customers.apply_entries(db, entries)


def apply_change(db: Database, config: NodeConfig, change: Change) -> None:
    """Apply one change; every kind is idempotent, so a replayed page changes nothing."""
    if change.kind == "product":
        catalog.upsert_product(db, Product.model_validate(change.body))
    elif change.kind == "movement":
        stock.record(db, StockMovement.model_validate(change.body), "cloud")
    elif change.kind == "order":
        orders.receive(db, config, Order.model_validate(change.body))
    elif change.kind == "customer":
        customers.apply_entry(db, IndexEntry.model_validate(change.body))
    elif change.kind == "loyalty":
        customers.apply_program(db, change.body)
    elif change.kind == "price_version":
        pricing.apply_version(db, config.store, PriceVersion.model_validate(change.body))
    elif change.kind == "promotion":
        pricing.apply_promotion(db, config.store, Promotion.model_validate(change.body))
    elif change.kind == "pricing_settings":
        pricing.apply_settings(db, PricingSettingsOut.model_validate(change.body))
    elif change.kind == "transfer":
        transfers.receive(db, Transfer.model_validate(change.body))
