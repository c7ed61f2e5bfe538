"""The price book at the node, as pulled from the cloud: price versions, promotions, and the
shelf labels queued for printing."""

from __future__ import annotations

from sqlite_utils import Database

from shared.clock import now_text
from shared.ids import new_id
from shared.pricing.models import PriceVersion, Promotion


def upsert_version(db: Database, version: PriceVersion) -> None:
    db.execute(
        "INSERT INTO price_versions(id, sku, body) VALUES (?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET sku = excluded.sku, body = excluded.body",
        [version.id, version.sku, version.model_dump_json()],
    )


def versions_of(db: Database, sku: str) -> list[PriceVersion]:
    return versions_for(db, {sku})[sku]


def versions_for(db: Database, skus: set[str]) -> dict[str, list[PriceVersion]]:
    """The versions of several SKUs in one query (a basket's lines)."""
    found: dict[str, list[PriceVersion]] = {sku: [] for sku in skus}
    marks = ", ".join("?" * len(skus))
    rows = db.execute(f"SELECT body FROM price_versions WHERE sku IN ({marks})", sorted(skus))
    for (body,) in rows.fetchall():
        version = PriceVersion.model_validate_json(body)
        found[version.sku].append(version)
    return found


def upsert_promotion(db: Database, promo: Promotion) -> Promotion | None:
    """Store the cloud's version of a promotion; returns the one it replaced."""
    row = db.execute("SELECT body FROM promotions WHERE id = ?", [promo.id]).fetchone()
    db.execute(
        "INSERT INTO promotions(id, body) VALUES (?, ?) "
        "ON CONFLICT(id) DO UPDATE SET body = excluded.body",
        [promo.id, promo.model_dump_json()],
    )
    return None if row is None else Promotion.model_validate_json(row[0])


def all_promotions(db: Database) -> list[Promotion]:
    rows = db.execute("SELECT body FROM promotions ORDER BY id").fetchall()
    return [Promotion.model_validate_json(row[0]) for row in rows]


def queue_label(db: Database, sku: str, effective_at: str, reason: str) -> None:
    """One label per SKU and moment the shelf changes; queued again (unprinted) when a later
    change lands on the same moment."""
    db.execute(
        "INSERT INTO labels(id, sku, effective_at, reason, queued_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(sku, effective_at) DO UPDATE SET reason = excluded.reason, "
        "queued_at = excluded.queued_at, printed_at = NULL",
        [new_id(), sku, effective_at, reason, now_text()],
    )


def waiting_labels(db: Database, limit: int) -> list[tuple[str, str, str, str]]:
    """(id, sku, effective_at, reason) of unprinted labels, soonest change first."""
    rows = db.execute(
        "SELECT id, sku, effective_at, reason FROM labels WHERE printed_at IS NULL "
        "ORDER BY effective_at, sku LIMIT ?",
        [limit],
    ).fetchall()
    return [(str(a), str(b), str(c), str(d)) for a, b, c, d in rows]


def mark_printed(db: Database, ids: list[str], at: str) -> int:
    """Mark labels printed; returns how many were waiting."""
    count = 0
    for label_id in ids:
        count += db.execute(
            "UPDATE labels SET printed_at = ? WHERE id = ? AND printed_at IS NULL", [at, label_id]
        ).rowcount
    return count
