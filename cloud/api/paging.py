"""`?limit=&cursor=` paging over (time, id) ordered lists, and `?since=` parsing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from flask import request

from shared.api import decode_cursor, encode_cursor, parse_limit
from shared.clock import format_ts, parse_ts
from shared.errors import BadRequest

T = TypeVar("T")


def page_args() -> tuple[int, tuple[str, str] | None]:
    """The limit and the position after which the page starts."""
    limit = parse_limit(request.args.get("limit"))
    position = decode_cursor(request.args.get("cursor"))
    if position is None:
        return limit, None
    if not (
        isinstance(position, list)
        and len(position) == 2
        and all(isinstance(p, str) for p in position)
    ):
        raise BadRequest("bad_cursor", "cursor is not one this server issued")
    return limit, (position[0], position[1])


def since_arg(name: str = "since") -> str | None:
    """An ISO 8601 instant from the query, in the stored text form; bad values are 400."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return None
    try:
        return format_ts(parse_ts(raw))
    except ValueError as exc:
        raise BadRequest(f"bad_{name}", f"{name} must be an ISO 8601 instant") from exc


def page(
    items: Sequence[T], limit: int, key: Callable[[T], tuple[str, str]], dump: Callable[[T], Any]
) -> dict[str, Any]:
    """`{"items", "next"}` from up to limit+1 fetched rows."""
    shown = list(items[:limit])
    more = len(items) > limit
    next_cursor = encode_cursor(list(key(shown[-1]))) if more and shown else None
    return {"items": [dump(item) for item in shown], "next": next_cursor}
