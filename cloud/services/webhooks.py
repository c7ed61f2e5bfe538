"""Order webhooks: HMAC-SHA256-signed POSTs, at least once, retried with backoff. Each
event has its own id so receivers can drop duplicates."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time

import httpx
import sqlalchemy as sa

from cloud.storage import webhooks as rows
from shared.clock import now_text, utc_now
from shared.errors import NotFound
from shared.ids import new_id
from shared.models import Order, Webhook, WebhookIn

MAX_BACKOFF_S = 600
LEASE_S = 60


def register(conn: sa.Connection, body: WebhookIn) -> Webhook:
    """A new subscription; the secret is generated when not given and shown in this answer."""
    hook = Webhook(
        id=new_id(),
        url=body.url,
        secret=body.secret or "whsec_" + secrets.token_urlsafe(24),
        created_at=utc_now(),
    )
    rows.add(conn, hook.model_dump(mode="json"))
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
    for hook in rows.all_hooks(conn):
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


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """`t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`: receivers recompute and compare."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def deliver_due(engine: sa.Engine, client: httpx.Client, limit: int = 20) -> int:
    """Claim what is due (a short lease, so no other worker sends it meanwhile), send it
    outside any transaction, then record the outcome. Returns how many were delivered."""
    with engine.begin() as conn:
        items = rows.due(conn, time.time(), limit)
        for item in items:
            rows.mark(conn, item["id"], {"next_attempt_at": time.time() + LEASE_S})
    delivered = 0
    for item in items:
        ok, error = _send(client, item)
        attempts = item["attempts"] + 1
        if ok:
            outcome = {"delivered_at": now_text(), "attempts": attempts, "last_error": None}
            delivered += 1
        else:
            wait = min(MAX_BACKOFF_S, 2**attempts) * (0.5 + secrets.randbelow(1000) / 1000)
            outcome = {
                "attempts": attempts,
                "last_error": error,
                "next_attempt_at": time.time() + wait,
            }
        with engine.begin() as conn:
            rows.mark(conn, item["id"], outcome)
    return delivered


def _send(client: httpx.Client, item: dict[str, object]) -> tuple[bool, str | None]:
    body = str(item["payload"]).encode()
    stamp = int(time.time())
    try:
        answer = client.post(
            str(item["url"]),
            content=body,
            headers={
                "Content-Type": "application/json",
                "X-Omnistore-Event-Id": str(item["event_id"]),
                "X-Omnistore-Signature": signature(str(item["secret"]), stamp, body),
            },
        )
    except httpx.HTTPError as exc:
        return False, f"{type(exc).__name__}: {exc}"[:500]
    return answer.is_success, None if answer.is_success else f"HTTP {answer.status_code}"
