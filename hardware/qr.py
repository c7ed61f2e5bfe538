"""What the QR codes on our paper say, and how a scan of one is read back.

- A sale receipt: `OMNISTORE:SALE:<sale id>`; the till scans it to find the sale for a return.
- A click-and-collect bag label: `OMNISTORE:ORDER:<order id>`.

Ids are UUIDs. Parsing ignores surrounding whitespace and the case of the text (a keyboard
wedge with Caps Lock on inverts it) and returns the id in lower case, as it is stored."""

from __future__ import annotations

import re

SALE_QR_PREFIX = "OMNISTORE:SALE:"
ORDER_QR_PREFIX = "OMNISTORE:ORDER:"
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def receipt_qr(sale_id: str) -> str:
    return SALE_QR_PREFIX + sale_id


def parse_receipt_qr(text: str) -> str | None:
    """The sale id in a scanned receipt QR, or None for anything else (a product barcode)."""
    return _parse(SALE_QR_PREFIX, text)


def order_qr(order_id: str) -> str:
    return ORDER_QR_PREFIX + order_id


def parse_order_qr(text: str) -> str | None:
    """The order id in a scanned bag label, or None for anything else."""
    return _parse(ORDER_QR_PREFIX, text)


def _parse(prefix: str, text: str) -> str | None:
    text = text.strip().lower()
    if not text.startswith(prefix.lower()):
        return None
    ident = text[len(prefix) :]
    return ident if _UUID.fullmatch(ident) else None
