"""One declaration per route: the body model that validates the request is the same one the
OpenAPI document describes, so the two cannot drift apart."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from flask import Blueprint, g, request
from pydantic import BaseModel

from shared.api import parse_body


@dataclass(frozen=True)
class RouteDoc:
    method: str
    path: str
    summary: str
    auth: str  # "hq", "read", "signed", "token", "none"
    body: type[BaseModel] | None = None
    response: type[BaseModel] | None = None
    is_list: bool = False
    status: int = 200
    query: tuple[str, ...] = ()
    errors: tuple[int, ...] = field(default=())


ROUTES: list[RouteDoc] = []


def route(
    bp: Blueprint, method: str, path: str, doc: RouteDoc
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a view at `path` (Flask syntax `<sku>`) and document it; when the route has a
    body model the parsed body is passed as `body=`."""
    ROUTES.append(doc)

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if doc.body is not None:
                raw = g.get("raw_body")
                kwargs["body"] = parse_body(
                    doc.body, raw if raw is not None else request.get_data()
                )
            return view(*args, **kwargs)

        bp.add_url_rule(path, view.__name__, wrapper, methods=[method])
        return wrapper

    return decorate
