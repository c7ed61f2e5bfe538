"""Stores' places and stock elsewhere: every store's level of one SKU, nearest first."""

from __future__ import annotations

import sqlalchemy as sa

from cloud.services.catalog import get_product
from cloud.services.tokens import require_store
from cloud.storage import places, stores
from shared.clock import now_text, utc_now
from shared.geo import haversine_km
from shared.stores import StockElsewhere, StorePlace, StorePlaceIn, StoreStock


def put_store(conn: sa.Connection, code: str, body: StorePlaceIn) -> tuple[StorePlace, bool]:
    """Name and place a store; a new code registers the store (enrolment still needs
    `omnistore cloud add-store`'s token)."""
    is_new = stores.get_store(conn, code) is None
    stores.add_store(conn, code, body.name, now_text())
    places.put_place(conn, code, body.lat, body.lon, body.tz)
    return StorePlace(code=code, name=body.name, lat=body.lat, lon=body.lon, tz=body.tz), is_new


def stock_elsewhere(conn: sa.Connection, sku: str, near: str | None) -> StockElsewhere:
    """The SKU in every store; with `near`, nearest first (stores without coordinates last,
    `distance_km` null)."""
    get_product(conn, sku)
    origin = None
    if near is not None:
        require_store(conn, near)
    rows = places.stores_with_places(conn)
    if near is not None:
        origin = next((r for r in rows if r["code"] == near and r["lat"] is not None), None)
    on_hand = places.on_hand_by_store(conn, sku)
    reserved = places.reserved_by_store(conn, sku)
    moving = places.in_transit_by_store(conn, sku)
    items = []
    for row in rows:
        distance = None
        if origin is not None and row["lat"] is not None:
            km = haversine_km(origin["lat"], origin["lon"], row["lat"], row["lon"])
            distance = round(km, 1)
        code = str(row["code"])
        items.append(
            StoreStock(
                store=code,
                name=str(row["name"]),
                on_hand=on_hand.get(code, 0),
                reserved=reserved.get(code, 0),
                available=on_hand.get(code, 0) - reserved.get(code, 0),
                in_transit=moving.get(code, 0),
                distance_km=distance,
            )
        )
    items.sort(key=lambda s: (s.distance_km is None, s.distance_km or 0.0, s.store))
    return StockElsewhere(sku=sku, as_of=utc_now(), live=True, items=items)
