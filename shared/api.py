"""HTTP-agnostic request helpers both apps share: body parsing, limits, cursors."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from shared.errors import BadRequest, Unprocessable

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
MAX_BODY_BYTES = 1_000_000


def describe(exc: ValidationError) -> str:
    """Pydantic's errors as one readable line: `lines.0.qty: Input should be ...`."""
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err["loc"]) or "body"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def parse_body(model: type[M], raw: bytes) -> M:
    """Malformed JSON is 400; well-formed JSON of the wrong shape or out of bounds is 422.
    The bytes are parsed once, straight into the model (no intermediate Python objects)."""
    try:
        data = json.loads(raw or b"null", parse_float=_number)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadRequest("malformed_json", f"request body is not valid JSON: {exc}") from exc
    except RecursionError as exc:
        raise BadRequest("malformed_json", "request body is nested too deeply") from exc
    return validate(model, data)


def _number(text: str) -> int | float:
    """A JSON number with a fraction or exponent: integral values (`13061.0`, `1e3`) are the
    integers JSON Schema says they are, so integer fields accept them; others stay floats.
    Beyond 2**53 a float is no longer exact and stays a float (integer fields refuse it)."""
    value = float(text)
    if value.is_integer() and abs(value) <= 2**53:
        return int(value)
    return value


def validate(model: type[M], data: Any) -> M:
    """Validate decoded JSON against a wire model in JSON mode, where strict models accept
    ISO 8601 text for instants but still refuse "1" for an integer."""
    if not isinstance(data, dict):
        raise Unprocessable("validation_error", "request body must be a JSON object")
    try:
        return model.model_validate_json(json.dumps(data))
    except ValidationError as exc:
        raise Unprocessable("validation_error", describe(exc)) from exc


def parse_limit(raw: str | None) -> int:
    """`?limit=`: an integer in 1..1000, default 100; anything else is 400."""
    if raw is None:
        return DEFAULT_LIMIT
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 4) or not 1 <= int(raw) <= MAX_LIMIT:
        raise BadRequest("bad_limit", f"limit must be an integer from 1 to {MAX_LIMIT}")
    return int(raw)


def encode_cursor(position: Any) -> str:
    """An opaque page cursor from any JSON-able position."""
    text = json.dumps(position, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> Any:
    """The position behind a cursor; a cursor we did not make is 400."""
    if cursor is None:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        return json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadRequest("bad_cursor", "cursor is not one this server issued") from exc


def canonical_json(data: Any) -> str:
    """Stable JSON text for hashing request bodies (idempotency comparisons)."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def position(cursor: str | None) -> tuple[str, str] | None:
    """The (time, id) after which a page of a time-ordered list starts."""
    decoded = decode_cursor(cursor)
    if decoded is None:
        return None
    if not (
        isinstance(decoded, list)
        and len(decoded) == 2
        and all(isinstance(part, str) for part in decoded)
    ):
        raise BadRequest("bad_cursor", "cursor is not one this server issued")
    return decoded[0], decoded[1]


def page(
    items: Sequence[T],
    limit: int,
    key: Callable[[T], tuple[str, str]],
    dump: Callable[[T], Any],
) -> dict[str, Any]:
    """`{"items", "next"}` from up to limit + 1 fetched rows (the extra one says 'more')."""
    shown = list(items[:limit])
    more = len(items) > limit
    next_cursor = encode_cursor(list(key(shown[-1]))) if more and shown else None
    return {"items": [dump(item) for item in shown], "next": next_cursor}
