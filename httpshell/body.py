"""Request bodies with hard caps: the raw bytes (also when sent chunked, without a
Content-Length) and, for gzip bodies, the inflated bytes, so a small bomb costs no memory."""

from __future__ import annotations

import gzip
import zlib

from flask import g, request

from shared.errors import BadRequest, PayloadTooLarge

MAX_BODY_BYTES = 1_000_000
MAX_INFLATED_BYTES = 4_000_000


def raw_body(limit: int = MAX_BODY_BYTES) -> bytes:
    """The bytes as sent, read once per request. A chunked body past the limit is 413, never
    silently cut short (which would turn into a misleading `malformed_json`)."""
    if "raw_body" not in g:
        if request.content_length is not None and request.content_length > limit:
            raise PayloadTooLarge("payload_too_large", f"body exceeds {limit} bytes")
        data = request.stream.read(limit + 1)
        if len(data) > limit:
            raise PayloadTooLarge("payload_too_large", f"body exceeds {limit} bytes")
        g.raw_body = data
    data_: bytes = g.raw_body
    return data_


def json_bytes(limit: int = MAX_INFLATED_BYTES) -> bytes:
    """The body as JSON bytes: gzip bodies (sync) are inflated with a cap on the result;
    uncompressed bodies are taken as they are."""
    raw = raw_body()
    if request.headers.get("Content-Encoding", "").strip().lower() != "gzip":
        return raw
    try:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        data = inflater.decompress(raw, limit)
    except (zlib.error, gzip.BadGzipFile) as exc:
        raise BadRequest("bad_encoding", "body is not valid gzip") from exc
    if inflater.unconsumed_tail:
        raise PayloadTooLarge("payload_too_large", f"inflated body exceeds {limit} bytes")
    if not inflater.eof:
        raise BadRequest("bad_encoding", "gzip body is truncated")
    return data
