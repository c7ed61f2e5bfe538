"""Order webhooks: HMAC-SHA256-signed POSTs, at least once, retried with backoff. Each
event has its own id so receivers can drop duplicates."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import httpx
import sqlalchemy as sa

from cloud.services import webhook_targets
from cloud.storage import orders as order_rows
from cloud.storage import stock as stock_rows
from cloud.storage import stock_changes
from cloud.storage import webhooks as rows
from shared.clock import now_text, utc_now
from shared.errors import NotFound
from shared.ids import new_id
from shared.models import Order, Webhook, WebhookIn

log = logging.getLogger("omnistore.cloud.webhooks")
MAX_BACKOFF_S = 600
LEASE_S = 60
WORKERS = 4
# Short, so a receiver that never answers holds a sending thread for seconds, not minutes.
SEND_TIMEOUT = httpx.Timeout(5.0, connect=2.0, pool=2.0)


def register(conn: sa.Connection, body: WebhookIn) -> Webhook:
    """A new subscription; the secret is generated when not given and shown in this answer.
    A URL on this machine or a private network is refused (webhook_targets)."""
    webhook_targets.check_url(body.url)
    hook = Webhook(
        id=new_id(),
        url=body.url,
        secret=body.secret or "whsec_" + secrets.token_urlsafe(24),
        events=sorted(set(body.events)),
        created_at=utc_now(),
    )
    rows.add(conn, hook.model_dump(mode="json") | {"events": ",".join(hook.events)})
    return hook


def list_hooks(conn: sa.Connection) -> list[Webhook]:
    return [Webhook.model_validate(r | {"secret": None}) for r in rows.all_hooks(conn)]


def delete(conn: sa.Connection, hook_id: str) -> None:
    if not rows.remove(conn, hook_id):
        raise NotFound("unknown_webhook", f"no webhook {hook_id}")


def notify(conn: sa.Connection, order: Order) -> None:
    """Queue `order.<status>` for every subscription, in the order's own transaction."""
    event_id = new_id()
    payload = json.dumps(
        {
            "id": event_id,
            "type": f"order.{order.status}",
            "created_at": now_text(),
            "order": order.model_dump(
                mode="json", exclude={"pickup_code", "pickup_qr", "pickup_code_hash"}
            ),
        }
    )
    for hook in rows.all_hooks(conn, "order"):
        rows.enqueue(
            conn,
            {
                "id": new_id(),
                "webhook_id": hook["id"],
                "event_id": event_id,
                "payload": payload,
                "attempts": 0,
                "next_attempt_at": time.time(),
            },
        )


def notify_stock(conn: sa.Connection, now: float, window_s: float, limit: int = 500) -> int:
    """Queue `stock.changed` for every subscription and every (store, SKU) whose stock
    changed since its last one, at most one per (store, SKU) per `window_s` seconds: the
    changes within a window coalesce into one event carrying the level at queueing time.
    Returns how many SKUs were announced. Runs on the cloud's job thread."""
    hooks = rows.all_hooks(conn, "stock.changed")
    announced = 0
    for change in stock_changes.owed(conn, now - window_s, limit):
        store, sku = change["store"], change["sku"]
        on_hand = stock_rows.on_hand(conn, store, sku)
        reserved = order_rows.reserved(conn, store, sku)
        event_id = new_id()
        payload = json.dumps(
            {
                "id": event_id,
                "type": "stock.changed",
                "created_at": now_text(),
                "stock": {
                    "store": store,
                    "sku": sku,
                    "on_hand": on_hand,
                    "reserved": reserved,
                    "available": on_hand - reserved,
                    "updated_at": change["updated_at"],
                },
            }
        )
        for hook in hooks:
            rows.enqueue(
                conn,
                {
                    "id": new_id(),
                    "webhook_id": hook["id"],
                    "event_id": event_id,
                    "payload": payload,
                    "attempts": 0,
                    "next_attempt_at": now,
                },
            )
        stock_changes.notified(conn, store, sku, now)
        announced += 1
    return announced


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """`t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`: receivers recompute and compare."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


class Dispatcher:
    """Sends due deliveries on a small pool of threads, each with short timeouts, so a
    receiver that never answers holds one thread for a few seconds and delays nobody else.
    At most one delivery per subscription is in flight, so one slow receiver with a backlog
    cannot take the whole pool. Each delivery is leased (claimed) in the database first, so
    no other worker sends it meanwhile; the outcome is recorded by the thread that sent it."""

    def __init__(
        self, engine: sa.Engine, workers: int = WORKERS, client: httpx.Client | None = None
    ) -> None:
        self.engine = engine
        self.workers = workers
        # No kept-alive connections: a connection is opened to a checked address with the
        # TLS name of one URL and must not carry a request for another URL on that address.
        self.client = client or httpx.Client(
            timeout=SEND_TIMEOUT,
            follow_redirects=False,
            limits=httpx.Limits(max_keepalive_connections=0),
        )
        self.pool = ThreadPoolExecutor(workers, thread_name_prefix="omnistore-webhook")
        self.in_flight: dict[str, str] = {}  # delivery id -> webhook id
        self.lock = threading.Lock()

    def dispatch(self) -> list[Future[bool]]:
        """Claim what is due, as much as there are free threads, and start sending it."""
        with self.lock:
            free = self.workers - len(self.in_flight)
            busy = set(self.in_flight.values())
        if free <= 0:
            return []
        picked: list[dict[str, Any]] = []
        with self.engine.begin() as conn:
            for item in rows.due(conn, time.time(), free * 4):
                if len(picked) == free:
                    break
                if item["webhook_id"] in busy:
                    continue
                busy.add(item["webhook_id"])
                picked.append(item)
                rows.mark(conn, item["id"], {"next_attempt_at": time.time() + LEASE_S})
        futures = []
        for item in picked:
            with self.lock:
                self.in_flight[item["id"]] = item["webhook_id"]
            futures.append(self.pool.submit(self._deliver, item))
        return futures

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.client.close()

    def _deliver(self, item: dict[str, Any]) -> bool:
        try:
            ok, error = send(self.client, item)
            attempts = item["attempts"] + 1
            if ok:
                outcome: dict[str, Any] = {
                    "delivered_at": now_text(),
                    "attempts": attempts,
                    "last_error": None,
                }
            else:
                wait = min(MAX_BACKOFF_S, 2**attempts) * (0.5 + secrets.randbelow(1000) / 1000)
                outcome = {
                    "attempts": attempts,
                    "last_error": error,
                    "next_attempt_at": time.time() + wait,
                }
            with self.engine.begin() as conn:
                rows.mark(conn, item["id"], outcome)
            return ok
        except Exception:  # the lease runs out and the delivery is tried again
            log.exception("webhook delivery %s failed", item["id"])
            return False
        finally:
            with self.lock:
                self.in_flight.pop(item["id"], None)


def deliver_due(engine: sa.Engine, client: httpx.Client, workers: int = WORKERS) -> int:
    """One round, waited for (tools and tests): how many deliveries succeeded."""
    dispatcher = Dispatcher(engine, workers, client)
    try:
        return sum(future.result() for future in dispatcher.dispatch())
    finally:
        dispatcher.pool.shutdown(wait=True)


def send(client: httpx.Client, item: dict[str, Any]) -> tuple[bool, str | None]:
    """POST one delivery to the address its URL resolves to, after checking that address
    (webhook_targets); (delivered, error)."""
    try:
        target = webhook_targets.resolve(str(item["url"]))
    except webhook_targets.ForbiddenTarget as exc:
        return False, f"{exc.code}: {exc.message}"[:500]
    body = str(item["payload"]).encode()
    stamp = int(time.time())
    try:
        answer = client.post(
            target.url,
            content=body,
            headers={
                "Host": target.host_header,
                "Content-Type": "application/json",
                "X-Omnistore-Event-Id": str(item["event_id"]),
                "X-Omnistore-Signature": signature(str(item["secret"]), stamp, body),
            },
            extensions={"sni_hostname": target.server_name},
        )
    except httpx.HTTPError as exc:
        return False, f"{type(exc).__name__}: {exc}"[:500]
    return answer.is_success, None if answer.is_success else f"HTTP {answer.status_code}"
