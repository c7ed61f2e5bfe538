"""What a web shop does with the generated client: place a click-and-collect order (and
tell the customer the pickup code), and check that a webhook really came from the cloud.

    python clients/python/example.py https://cloud.example/api/v1 sh_… S1 TEA
"""

from __future__ import annotations

import hashlib
import hmac
import sys
import time
import uuid

from omnistore_cloud_client import AuthenticatedClient
from omnistore_cloud_client.api.orders import post_orders
from omnistore_cloud_client.models import CustomerIn, ErrorBody, Order, OrderIn, OrderLineIn

TOLERANCE_S = 300  # older signed webhooks are refused: a replay gains nothing


def place_order(client: AuthenticatedClient, store: str, sku: str, qty: int = 1) -> Order:
    """One order; the `id` is ours, so a retry after a lost answer is the same order."""
    body = OrderIn(
        id=str(uuid.uuid4()),
        store=store,
        customer=CustomerIn(name="Ada Lovelace", phone="+44 20 7946 0000"),
        lines=[OrderLineIn(sku=sku, qty=qty)],
    )
    answer = post_orders.sync(client=client, body=body)
    if isinstance(answer, ErrorBody):
        raise RuntimeError(f"{answer.error.code}: {answer.error.message}")
    assert isinstance(answer, Order)
    return answer


def verify_signature(secret: str, header: str, body: bytes, now: float | None = None) -> bool:
    """`X-Omnistore-Signature: t=<unix>,v1=<hex>`: HMAC-SHA256 of `<t>.<body>` with the
    subscription's secret, compared in constant time, and not older than TOLERANCE_S."""
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    stamp, mac = fields.get("t", ""), fields.get("v1", "")
    if not stamp.isdigit() or abs((now or time.time()) - int(stamp)) > TOLERANCE_S:
        return False
    expected = hmac.new(secret.encode(), f"{stamp}.".encode() + body, hashlib.sha256)
    return hmac.compare_digest(expected.hexdigest(), mac)


def main(base_url: str, token: str, store: str, sku: str) -> None:
    client = AuthenticatedClient(base_url=base_url, token=token)
    order = place_order(client, store, sku)
    print(f"order {order.id} is {order.status.value}; pickup code {order.pickup_code}")


if __name__ == "__main__":
    main(*sys.argv[1:5])
