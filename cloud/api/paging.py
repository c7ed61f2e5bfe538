"""`?limit=&cursor=` and `?since=` from the request."""

from __future__ import annotations

from flask import request

from shared.api import parse_limit, position
from shared.clock import format_ts, parse_ts
from shared.errors import BadRequest


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
