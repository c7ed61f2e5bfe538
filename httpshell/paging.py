"""`?limit=&cursor=` and `?since=` from the request, and the `{"items", "next"}` answer."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from flask import Response, jsonify, request
from pydantic import BaseModel

from httpshell import query
from httpshell.routes import Query
from shared.api import DEFAULT_LIMIT, MAX_LIMIT, parse_limit
from shared.clock import format_ts
from shared.errors import BadRequest

M = TypeVar("M", bound=BaseModel)
LIMIT = Query(
    "limit",
    {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
    description=f"Page size, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT}); empty means the default",
)
# A cursor is the (time, id) position the next page starts after, written `<time>~<id>`:
# every value of this pattern is a position the server can start after, so the schema
# allows exactly what the server takes (clients pass `next` on as it is).
CURSOR_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z~[A-Za-z0-9._-]{1,64}$"
)
CURSOR = Query(
    "cursor",
    {"type": "string", "pattern": CURSOR_PATTERN},
    description="The `next` of the previous page, passed on as it is; empty means the start",
)
PAGED = (LIMIT, CURSOR)


def since(name: str = "since", what: str = "changed") -> Query:
    """A query parameter naming an RFC 3339 instant."""
    return Query(
        name,
        {"type": "string", "format": "date-time"},
        description=f"Only records {what} at or after this RFC 3339 instant; empty means all",
    )


def limit_arg(default: int = DEFAULT_LIMIT) -> int:
    """`?limit=`: absent or empty is the default; else an integer in 1..MAX_LIMIT (400)."""
    raw = request.args.get("limit")
    return default if raw is None or raw == "" else parse_limit(raw)


def page_args() -> tuple[int, tuple[str, str] | None]:
    """The limit and the position after which the page starts (an empty cursor: the start)."""
    raw = request.args.get("cursor") or None
    if raw is None:
        return limit_arg(), None
    if not re.match(CURSOR_PATTERN, raw):
        raise BadRequest("bad_cursor", "cursor is not one this server issued")
    moment, _, ident = raw.partition("~")
    return limit_arg(), (moment, ident)


def since_arg(name: str = "since") -> str | None:
    """An RFC 3339 instant from the query (already checked against its declared schema by
    the route), in the stored text form; absent or empty is None."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return None
    if query.rfc3339(raw) is None:
        raise BadRequest(f"bad_{name}", f"{name} must be an RFC 3339 instant")
    return query.instant_text(raw)


def instant_arg(name: str) -> datetime | None:
    """An RFC 3339 instant from the query as an aware UTC datetime; absent or empty is None."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return None
    moment = query.rfc3339(raw)
    if moment is None:
        raise BadRequest(f"bad_{name}", f"{name} must be an RFC 3339 instant")
    return moment


def paged(items: Sequence[M], limit: int, key: Callable[[M], tuple[Any, str]]) -> Response:
    """A page of models fetched with limit + 1 rows; `key` gives the (time, id) position
    that the next cursor resumes after (the same order the storage query sorts by)."""

    def position_of(item: M) -> tuple[str, str]:
        moment, ident = key(item)
        return (moment if isinstance(moment, str) else format_ts(moment), ident)

    shown = list(items[:limit])
    more = len(items) > limit and bool(shown)
    return jsonify(
        {
            "items": [item.model_dump(mode="json") for item in shown],
            "next": "~".join(position_of(shown[-1])) if more else None,
        }
    )


def whole(items: Sequence[BaseModel]) -> dict[str, Any]:
    """A list that is never paged (it is short by nature) in the `{"items", "next"}` shape."""
    return {"items": [item.model_dump(mode="json") for item in items], "next": None}
