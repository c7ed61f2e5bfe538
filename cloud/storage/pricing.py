"""The price book's rows: price versions (recorded once by id) and promotions (replaced whole),
and the pricing settings (in the settings table)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from cloud.storage.dialect import insert_ignore
from cloud.storage.schema import price_versions, promotions, settings
from shared.pricing.models import DEFAULT_CAP_BP, PriceVersion, Promotion

CAP_KEY = "manual_discount_cap_bp"


def insert_version(conn: sa.Connection, version: PriceVersion, request_hash: str) -> bool:
    """Record a version once; False when its id is taken (the caller compares hashes)."""
    wire = version.model_dump(mode="json")
    return insert_ignore(
        conn,
        price_versions,
        {
            "id": version.id,
            "sku": version.sku,
            "starts_at": wire["starts_at"],
            "ends_at": wire["ends_at"],
            "request_hash": request_hash,
            "body": version.model_dump_json(),
        },
    )


def get_version(conn: sa.Connection, version_id: str) -> tuple[PriceVersion, str] | None:
    """A version and the hash of the request that recorded it."""
    row = conn.execute(
        sa.select(price_versions.c.body, price_versions.c.request_hash).where(
            price_versions.c.id == version_id
        )
    ).first()
    return None if row is None else (PriceVersion.model_validate_json(row[0]), str(row[1]))


def versions_of(conn: sa.Connection, sku: str) -> list[PriceVersion]:
    """Every version of a SKU (few per product), to resolve its price at any time."""
    rows = conn.execute(
        sa.select(price_versions.c.body)
        .where(price_versions.c.sku == sku)
        .order_by(price_versions.c.starts_at, price_versions.c.id)
    )
    return [PriceVersion.model_validate_json(body) for (body,) in rows]


def versions_for(conn: sa.Connection, skus: set[str]) -> dict[str, list[PriceVersion]]:
    """The versions of several SKUs at once (a sale's lines)."""
    found: dict[str, list[PriceVersion]] = {sku: [] for sku in skus}
    if not skus:
        return found
    rows = conn.execute(
        sa.select(price_versions.c.body).where(price_versions.c.sku.in_(sorted(skus)))
    )
    for (body,) in rows:
        version = PriceVersion.model_validate_json(body)
        found[version.sku].append(version)
    return found


def list_versions(
    conn: sa.Connection, sku: str | None, after: tuple[str, str] | None, limit: int
) -> list[PriceVersion]:
    """Versions in (starts_at, id) order, optionally of one SKU."""
    query = sa.select(price_versions.c.body)
    if sku is not None:
        query = query.where(price_versions.c.sku == sku)
    if after is not None:
        query = query.where(
            sa.tuple_(price_versions.c.starts_at, price_versions.c.id) > sa.tuple_(*after)
        )
    rows = conn.execute(
        query.order_by(price_versions.c.starts_at, price_versions.c.id).limit(limit)
    )
    return [PriceVersion.model_validate_json(body) for (body,) in rows]


def get_promotion(conn: sa.Connection, promo_id: str) -> Promotion | None:
    row = conn.execute(sa.select(promotions.c.body).where(promotions.c.id == promo_id)).first()
    return None if row is None else Promotion.model_validate_json(row[0])


def put_promotion(conn: sa.Connection, promo: Promotion) -> bool:
    """Insert or replace a promotion; True when it is new."""
    wire = promo.model_dump(mode="json")
    values: dict[str, Any] = {
        "starts_at": wire["starts_at"],
        "ends_at": wire["ends_at"],
        "updated_at": wire["updated_at"],
        "body": promo.model_dump_json(),
    }
    updated = conn.execute(
        sa.update(promotions).where(promotions.c.id == promo.id).values(**values)
    ).rowcount
    if not updated:
        conn.execute(sa.insert(promotions).values(id=promo.id, **values))
    return not updated


def list_promotions(
    conn: sa.Connection, after: tuple[str, str] | None, limit: int
) -> list[Promotion]:
    """Promotions in change order (updated_at, id)."""
    query = sa.select(promotions.c.body)
    if after is not None:
        query = query.where(sa.tuple_(promotions.c.updated_at, promotions.c.id) > sa.tuple_(*after))
    rows = conn.execute(query.order_by(promotions.c.updated_at, promotions.c.id).limit(limit))
    return [Promotion.model_validate_json(body) for (body,) in rows]


def promotion_stamps(conn: sa.Connection, first: str, last: str) -> list[tuple[str, str]]:
    """(id, updated_at) of the promotions in force at some moment from `first` to `last`:
    what says whether a copy parsed earlier is still the one stored."""
    rows = conn.execute(
        sa.select(promotions.c.id, promotions.c.updated_at).where(
            promotions.c.starts_at <= last,
            sa.or_(promotions.c.ends_at.is_(None), promotions.c.ends_at > first),
        )
    )
    return [(str(pid), str(at)) for pid, at in rows]


def promotions_by_id(conn: sa.Connection, ids: list[str]) -> list[tuple[str, Promotion]]:
    """(updated_at, promotion) of these ids."""
    found = []
    for start in range(0, len(ids), 500):
        rows = conn.execute(
            sa.select(promotions.c.updated_at, promotions.c.body).where(
                promotions.c.id.in_(ids[start : start + 500])
            )
        )
        found += [(str(at), Promotion.model_validate_json(body)) for at, body in rows]
    return found


def cap_bp(conn: sa.Connection) -> int:
    value = conn.execute(sa.select(settings.c.value).where(settings.c.key == CAP_KEY)).scalar()
    return DEFAULT_CAP_BP if value is None else int(value)


def set_cap_bp(conn: sa.Connection, cap: int) -> None:
    if not insert_ignore(conn, settings, {"key": CAP_KEY, "value": str(cap)}):
        conn.execute(sa.update(settings).where(settings.c.key == CAP_KEY).values(value=str(cap)))
