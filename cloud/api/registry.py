"""One declaration per route: who may call it, the body model that validates the request and
the model of the answer. The same record drives the view and the OpenAPI document, so the two
cannot drift apart."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, Literal

from flask import Blueprint, g
from pydantic import BaseModel

from cloud.api.auth import request_body, require_hq, verify_signed_request
from shared.api import parse_body

PREFIX = "/api/v1"
Auth = Literal["hq", "read", "signed", "token", "none"]


@dataclass(frozen=True)
class RouteDoc:
    """What the OpenAPI document says about one operation."""

    method: str
    path: str  # OpenAPI form relative to PREFIX: /products/{sku}
    summary: str
    auth: Auth
    body: type[BaseModel] | None = None
    response: type[BaseModel] | None = None
    is_list: bool = False
    status: int = 200
    query: tuple[str, ...] = ()
    errors: tuple[int, ...] = ()


ROUTES: list[RouteDoc] = []


def route(
    bp: Blueprint,
    method: str,
    path: str,
    summary: str,
    *,
    auth: Auth,
    body: type[BaseModel] | None = None,
    response: type[BaseModel] | None = None,
    is_list: bool = False,
    status: int = 200,
    query: tuple[str, ...] = (),
    errors: tuple[int, ...] = (),
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a view at PREFIX + `path` (Flask syntax `<sku>`) and document it. The caller
    is authenticated before the body is read, so strangers learn nothing from validation
    errors; a parsed body is passed to the view as `body=`."""
    doc = RouteDoc(
        method=method,
        path=re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", path),
        summary=summary,
        auth=auth,
        body=body,
        response=response,
        is_list=is_list,
        status=status,
        query=query,
        errors=errors,
    )
    ROUTES.append(doc)

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            authenticate(auth)
            if body is not None:
                kwargs["body"] = parse_body(body, request_body())
            return view(*args, **kwargs)

        bp.add_url_rule(PREFIX + path, view.__name__, wrapper, methods=[method])
        return wrapper

    return decorate


def authenticate(auth: Auth) -> None:
    """HQ roles by bearer token; store nodes by signature (the verified key names the store)."""
    if auth in ("hq", "read"):
        require_hq(write=auth == "hq")
    elif auth == "signed":
        g.store = verify_signed_request()
