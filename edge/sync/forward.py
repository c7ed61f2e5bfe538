"""Signed calls the node makes for its staff while they wait (transfer requests, stock
elsewhere, endless-aisle orders): a short timeout, the cloud's refusals passed on as they
are, and "the cloud is away" told apart so each caller can queue, fall back or say so."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import httpx
from sqlite_utils import Database

from edge import node
from edge.sync.client import Answer, CloudClient, CloudRefused, CloudUnavailable
from edge.sync.session import exchange
from shared.aisle import AisleOrderIn
from shared.customers import TimelineItem
from shared.errors import OmnistoreError, ServiceUnavailable
from shared.models import Order
from shared.stores import StockElsewhere
from shared.transfers import Transfer, TransferIn

TIMEOUT = httpx.Timeout(8.0, connect=2.0)
TRANSFERS_PATH = "/api/v1/sync/transfers"
STOCK_PATH = "/api/v1/sync/stock"
ORDERS_PATH = "/api/v1/sync/orders"
CUSTOMERS_PATH = "/api/v1/sync/customers"


def call(
    data_dir: Path,
    db: Database,
    method: str,
    path: str,
    *,
    params: dict[str, str] | None = None,
    body: Any = None,
) -> Answer:
    """One signed request; raises CloudUnavailable, or the cloud's 4xx as an error of ours."""
    try:
        return exchange(db, _client(data_dir), method, path, params=params, body=body)
    except CloudRefused as exc:
        raise OmnistoreError(exc.code, f"the cloud refused: {exc}", status=exc.status) from exc


_threads = threading.local()


def _client(data_dir: Path) -> CloudClient:
    """One client per thread and node identity, kept: building an HTTP client (its TLS
    context) costs more than the call itself, and a kept connection skips the handshake."""
    config = node.load(data_dir)
    clients: dict[tuple[str, str, str], CloudClient] = _threads.__dict__.setdefault("clients", {})
    ident = (str(data_dir), config.cloud_url, config.keyid)
    if ident not in clients:
        key = node.load_key(data_dir)
        clients[ident] = CloudClient(config.cloud_url, config.keyid, key, timeout=TIMEOUT)
    return clients[ident]


def transfer_forwarder(data_dir: Path, db: Database) -> Any:
    """Sends a manager's transfer request; None when the cloud is away (the node queues)."""

    def forward(body: TransferIn) -> Transfer | None:
        try:
            answer = call(data_dir, db, "POST", TRANSFERS_PATH, body=body.model_dump(mode="json"))
        except CloudUnavailable:
            return None
        return Transfer.model_validate(answer.data)

    return forward


def stock_fetcher(data_dir: Path, db: Database) -> Any:
    """Asks the cloud for a SKU's stock in every store; None when the cloud is away."""

    def fetch(sku: str) -> StockElsewhere | None:
        try:
            answer = call(data_dir, db, "GET", f"{STOCK_PATH}/{sku}")
        except CloudUnavailable:
            return None
        return StockElsewhere.model_validate(answer.data)

    return fetch


def order_sender(data_dir: Path, db: Database) -> Any:
    """Places an endless-aisle order at the cloud; 503 `cloud_unavailable` when it is away."""

    def send(body: AisleOrderIn) -> tuple[Order, bool]:
        try:
            answer = call(data_dir, db, "POST", ORDERS_PATH, body=body.model_dump(mode="json"))
        except CloudUnavailable as exc:
            raise ServiceUnavailable(
                "cloud_unavailable",
                "placing an order at another store needs the cloud, which is not reachable now",
                headers={"Retry-After": "30"},
            ) from exc
        return Order.model_validate(answer.data), answer.status == 201

    return send


def recent_purchases(data_dir: Path, db: Database, customer_id: str) -> list[TimelineItem]:
    """A customer's latest purchases in every store, asked of the cloud while the cashier
    waits; 503 `cloud_unavailable` when it is away (the till simply shows none)."""
    try:
        answer = call(data_dir, db, "GET", f"{CUSTOMERS_PATH}/{customer_id}/recent")
    except CloudUnavailable as exc:
        raise ServiceUnavailable(
            "cloud_unavailable",
            "a customer's purchases in other stores need the cloud, which is not reachable now",
            headers={"Retry-After": "30"},
        ) from exc
    return [TimelineItem.model_validate(item) for item in answer.data["items"]]
