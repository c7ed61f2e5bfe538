"""The last copy of each SKU's stock in the other stores, answered while the cloud is away."""

from __future__ import annotations

from sqlite_utils import Database

from shared.clock import format_ts
from shared.stores import StockElsewhere


def get(db: Database, sku: str) -> StockElsewhere | None:
    row = db.execute("SELECT body FROM stock_elsewhere WHERE sku = ?", [sku]).fetchone()
    return None if row is None else StockElsewhere.model_validate_json(row[0])


def put(db: Database, answer: StockElsewhere) -> None:
    db.execute(
        "INSERT INTO stock_elsewhere(sku, as_of, body) VALUES (?, ?, ?) "
        "ON CONFLICT(sku) DO UPDATE SET as_of = excluded.as_of, body = excluded.body",
        [answer.sku, format_ts(answer.as_of), answer.model_dump_json()],
    )
