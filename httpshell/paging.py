"""`?limit=&cursor=` and `?since=` from the request, and the `{"items", "next"}` answer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from flask import Response, jsonify, request
from pydantic import BaseModel

from httpshell.routes import Query
from shared.api import MAX_LIMIT, page, parse_limit, position
from shared.clock import format_ts, parse_ts
from shared.errors import BadRequest

M = TypeVar("M", bound=BaseModel)
LIMIT = Query("limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT})
CURSOR = Query("cursor")
PAGED = (LIMIT, CURSOR)


def since(name: str = "since") -> Query:
    """A query parameter naming an RFC 3339 instant."""
    return Query(name, {"type": "string", "format": "date-time"})


def page_args() -> tuple[int, tuple[str, str] | None]:
    """The limit and the position after which the page starts."""
    return parse_limit(request.args.get("limit")), position(request.args.get("cursor"))


def since_arg(name: str = "since") -> str | None:
    """An ISO 8601 instant from the query, in the stored text form; bad values are 400."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return None
    try:
        return format_ts(parse_ts(raw))
    except ValueError as exc:
        raise BadRequest(f"bad_{name}", f"{name} must be an ISO 8601 instant") from exc


def paged(items: Sequence[M], limit: int, key: Callable[[M], tuple[Any, str]]) -> Response:
    """A page of models fetched with limit + 1 rows; `key` gives the (time, id) position
    that the next cursor resumes after (the same order the storage query sorts by)."""

    def position_of(item: M) -> tuple[str, str]:
        moment, ident = key(item)
        return (moment if isinstance(moment, str) else format_ts(moment), ident)

    return jsonify(page(items, limit, position_of, lambda m: m.model_dump(mode="json")))


def whole(items: Sequence[BaseModel]) -> dict[str, Any]:
    """A list that is never paged (it is short by nature) in the `{"items", "next"}` shape."""
    return {"items": [item.model_dump(mode="json") for item in items], "next": None}
