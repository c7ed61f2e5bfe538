"""OpenAPI 3.1 built from a registry and the pydantic models that validate requests, and the
blueprint that serves it at `<prefix>/openapi.json` (no auth: integrators and tools read it
first)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, jsonify
from pydantic import BaseModel

from httpshell.routes import Link, Query, Registry, Route
from shared.models import ErrorBody

REF = "#/components/schemas/{model}"
ERRORS = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    409: "Conflict",
    413: "Body too large",
    422: "Unprocessable",
    429: "Too many requests",
    503: "Database busy or unavailable; retry after Retry-After seconds",
}
Security = Callable[[frozenset[str]], list[dict[str, list[str]]]]
Limited = Callable[[frozenset[str]], bool]  # whether callers with these roles are rate limited


def blueprint(
    name: str,
    registry: Registry,
    title: str,
    schemes: dict[str, Any],
    security: Security,
    limited: Limited | None = None,
) -> Blueprint:
    """`GET <prefix>/openapi.json` for this registry."""
    bp = Blueprint(name, __name__)

    @bp.get(f"{registry.prefix}/openapi.json")
    def openapi() -> Response:
        return jsonify(document(registry, title, schemes, security, limited))

    return bp


def document(
    registry: Registry,
    title: str,
    schemes: dict[str, Any],
    security: Security,
    limited: Limited | None = None,
) -> dict[str, Any]:
    """The whole description; schemas are hoisted into components."""
    schemas: dict[str, Any] = {}
    paths: dict[str, Any] = {}
    for route in registry.routes:
        op = _operation(route, schemas)
        if route.roles is not None and limited is not None and limited(route.roles):
            op["responses"].setdefault("429", _rate_limited())
        if route.roles is not None:
            op["security"] = security(route.roles)
            op["x-roles"] = sorted(route.roles)
        if route.links:
            links = {link.name: _link(registry, link) for link in route.links}
            for code, answer in op["responses"].items():
                if code.startswith("2") and code != "204":
                    answer["links"] = links
        paths.setdefault(route.path, {})[route.method.lower()] = op
    _schema(ErrorBody, schemas)
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": "1"},
        "servers": [{"url": registry.prefix}],
        "paths": paths,
        "components": {"schemas": schemas, "securitySchemes": schemes},
    }


def _link(registry: Registry, link: Link) -> dict[str, Any]:
    """An OpenAPI link object; its target must be a route of the same registry."""
    return {"operationId": registry.find(link.target).operation_id, "parameters": link.parameters}


def _operation(route: Route, schemas: dict[str, Any]) -> dict[str, Any]:
    """One operation object: parameters from the path (with the registry's schema for each
    name) and the declared query parameters with their own schemas."""
    op: dict[str, Any] = {
        "summary": route.summary,
        "operationId": route.operation_id,
        "tags": [route.tag],
        "parameters": [
            {"name": name, "in": "path", "required": True, "schema": schema}
            for name, schema in route.params.items()
        ]
        + [_query(q) for q in route.query],
        "responses": _responses(route, schemas),
    }
    if route.description:
        op["description"] = route.description
    if route.body is not None:
        op["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": _schema(route.body, schemas)}},
        }
    return op


def _rate_limited() -> dict[str, Any]:
    text = {"schema": {"type": "string"}}
    return {
        "description": "Rate limited: retry after Retry-After seconds",
        "headers": {
            "Retry-After": {"schema": {"type": "integer", "minimum": 1}, "required": True},
            "RateLimit": text | {"description": '`"hq";r=0;t=<seconds>`'},
            "RateLimit-Policy": text | {"description": '`"hq";q=<burst>;w=<seconds>`'},
        },
        "content": {"application/json": {"schema": {"$ref": REF.format(model="ErrorBody")}}},
    }


def _query(q: Query) -> dict[str, Any]:
    param: dict[str, Any] = {"name": q.name, "in": "query", "required": q.required}
    if not q.required:
        param["allowEmptyValue"] = True  # empty means absent
    if q.description:
        param["description"] = q.description
    return param | {"schema": q.schema}


def _responses(route: Route, schemas: dict[str, Any]) -> dict[str, Any]:
    """The success answer (a list envelope where the route pages) and the error answers it
    can give, all in the `{"error": {...}}` shape."""
    body: dict[str, Any] = {"type": "object"}
    if route.response is not None:
        body = _schema(route.response, schemas)
    if route.is_list:
        body = {
            "type": "object",
            "required": ["items", "next"],
            "properties": {
                "items": {"type": "array", "items": body},
                "next": {"type": ["string", "null"]},
            },
        }
    content = {"application/json": {"schema": body}}
    content |= {media: {"schema": {"type": "string"}} for media in route.media}
    ok = {"content": content} if route.status != 204 else {}
    responses: dict[str, Any] = {str(route.status): {"description": "OK", **ok}}
    if route.status == 201:
        responses["200"] = {"description": "Identical replay", **ok}
    error = {"content": {"application/json": {"schema": {"$ref": REF.format(model="ErrorBody")}}}}
    codes = set(route.errors) | {400, 503}
    if route.roles is not None:
        codes |= {401, 403}
    if route.body is not None:
        codes |= {413, 422}
    for code in sorted(codes):
        responses[str(code)] = {"description": ERRORS.get(code, "Error"), **error}
    return responses


def _schema(model: type[BaseModel], schemas: dict[str, Any]) -> dict[str, Any]:
    """Add a model (and its nested models) to components; return a $ref to it."""
    schema = model.model_json_schema(ref_template=REF, mode="validation")
    for name, sub in schema.pop("$defs", {}).items():
        schemas.setdefault(name, sub)
    schemas.setdefault(model.__name__, schema)
    return {"$ref": REF.format(model=model.__name__)}
