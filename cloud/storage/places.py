"""Where each store is (coordinates, time zone), and one SKU's stock in every store in
grouped queries (stock elsewhere)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from cloud.storage.dialect import insert_ignore
from cloud.storage.schema import movements, order_lines, store_places, stores, transfers
from shared.transfers import Transfer


def put_place(
    conn: sa.Connection, store: str, lat: float | None, lon: float | None, tz: str
) -> None:
    """Set a store's place (insert or replace)."""
    values = {"lat": lat, "lon": lon, "tz": tz}
    if not insert_ignore(conn, store_places, {"store": store, **values}):
        conn.execute(sa.update(store_places).where(store_places.c.store == store).values(**values))


def stores_with_places(conn: sa.Connection) -> list[dict[str, Any]]:
    """Every store with its name and place (lat/lon None, tz UTC where none was set)."""
    query = (
        sa.select(
            stores.c.code, stores.c.name, store_places.c.lat, store_places.c.lon, store_places.c.tz
        )
        .select_from(stores.outerjoin(store_places, store_places.c.store == stores.c.code))
        .order_by(stores.c.code)
    )
    return [dict(row) | {"tz": row["tz"] or "UTC"} for row in conn.execute(query).mappings()]


def on_hand_by_store(conn: sa.Connection, sku: str) -> dict[str, int]:
    rows = conn.execute(
        sa.select(movements.c.store, sa.func.sum(movements.c.delta))
        .where(movements.c.sku == sku)
        .group_by(movements.c.store)
    )
    return {str(store): int(total or 0) for store, total in rows}


def reserved_by_store(conn: sa.Connection, sku: str) -> dict[str, int]:
    rows = conn.execute(
        sa.select(order_lines.c.store, sa.func.sum(order_lines.c.reserved))
        .where(order_lines.c.sku == sku)
        .group_by(order_lines.c.store)
    )
    return {str(store): int(total or 0) for store, total in rows}


def in_transit_by_store(conn: sa.Connection, sku: str) -> dict[str, int]:
    """Units of a SKU shipped to each store and not yet received."""
    found: dict[str, int] = {}
    rows = conn.execute(sa.select(transfers.c.body).where(transfers.c.state == "shipped"))
    for (body,) in rows:
        transfer = Transfer.model_validate_json(body)
        units = sum(line.shipped for line in transfer.lines if line.sku == sku)
        if units:
            found[transfer.to] = found.get(transfer.to, 0) + units
    return found


def time_zones(conn: sa.Connection, codes: Iterable[str] | None = None) -> dict[str, str]:
    """The IANA time zone set for each store that has one (of `codes`, or all)."""
    query = sa.select(store_places.c.store, store_places.c.tz)
    if codes is not None:
        query = query.where(store_places.c.store.in_(sorted(set(codes))))
    return {store: tz for store, tz in conn.execute(query)}
