"""Pickup codes: six digits the customer shows at the store. The cloud derives the code from
a secret and the order id (so an identical replay of the order answers the same code without
storing it); stores only ever see a slow salted hash of it."""

from __future__ import annotations

import hashlib
import hmac

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def pickup_code_for(secret: bytes, order_id: str) -> str:
    """The order's code: HMAC-SHA256(secret, order id) reduced to six digits."""
    digest = hmac.new(secret, order_id.encode(), hashlib.sha256).digest()
    return f"{int.from_bytes(digest[:8], 'big') % 1_000_000:06d}"


def hash_pickup_code(order_id: str, code: str) -> str:
    """scrypt salted with the order id: a million codes cost hours to try offline."""
    salt = hashlib.sha256(order_id.encode()).digest()[:16]
    return hashlib.scrypt(code.encode(), salt=salt, **_SCRYPT).hex()


def check_pickup_code(order_id: str, code: str, stored_hash: str) -> bool:
    """Constant-time check of a typed or scanned code."""
    return hmac.compare_digest(hash_pickup_code(order_id, code), stored_hash)


PICKUP_QR_PREFIX = "OMNISTORE:PICKUP:"


def pickup_qr(order_id: str, code: str) -> str:
    """What the customer's QR code says: the order and its code, so one scan hands over."""
    return f"{PICKUP_QR_PREFIX}{order_id}:{code}"


def parse_pickup_qr(text: str) -> tuple[str, str] | None:
    """(order id, code) from a scanned pickup QR, or None for anything else."""
    text = text.strip()
    if not text.startswith(PICKUP_QR_PREFIX):
        return None
    order_id, _, code = text[len(PICKUP_QR_PREFIX) :].rpartition(":")
    return (order_id, code) if order_id and code else None
