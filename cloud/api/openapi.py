"""`GET /api/v1/openapi.json`: OpenAPI 3.1 built from the route registry and the pydantic
models that validate requests."""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Response, jsonify
from pydantic import BaseModel

from cloud.api.registry import PREFIX, ROUTES, RouteDoc
from shared.models import ErrorBody

bp = Blueprint("openapi", __name__)
REF = "#/components/schemas/{model}"
_ERRORS = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    409: "Conflict",
    413: "Body too large",
    422: "Unprocessable",
    429: "Too many",
}


@bp.get(f"{PREFIX}/openapi.json")
def openapi() -> Response:
    """No auth: integrators and tools (schemathesis in the tests) read it first."""
    return jsonify(document())


def document() -> dict[str, Any]:
    """The whole description; schemas are hoisted into components."""
    schemas: dict[str, Any] = {}
    paths: dict[str, Any] = {}
    for doc in ROUTES:
        paths.setdefault(doc.path, {})[doc.method.lower()] = _operation(doc, schemas)
    _schema(ErrorBody, schemas)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Omnistore cloud API", "version": "1"},
        "servers": [{"url": PREFIX}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "storeSignature": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "Signature",
                    "description": "RFC 9421 HTTP Message Signature (Ed25519) of a store node",
                },
            },
        },
    }


def _operation(doc: RouteDoc, schemas: dict[str, Any]) -> dict[str, Any]:
    """One operation object: parameters from the path and the declared query names, security from
    the route's auth."""
    op: dict[str, Any] = {
        "summary": doc.summary,
        "operationId": re.sub(r"\W+", "_", f"{doc.method}_{doc.path}").strip("_").lower(),
        "parameters": [
            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
            for name in re.findall(r"{(\w+)}", doc.path)
        ]
        + [
            {"name": name, "in": "query", "required": False, "schema": {"type": "string"}}
            for name in doc.query
        ],
        "responses": _responses(doc, schemas),
    }
    if doc.auth in ("hq", "read"):
        op["security"] = [{"bearer": []}]
    elif doc.auth == "signed":
        op["security"] = [{"storeSignature": []}]
    if doc.body is not None:
        op["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": _schema(doc.body, schemas)}},
        }
    return op


def _responses(doc: RouteDoc, schemas: dict[str, Any]) -> dict[str, Any]:
    """The success answer (a list envelope where the route pages) and the error answers it can give,
    all in the SPEC §4 shape."""
    body: dict[str, Any] = {"type": "object"}
    if doc.response is not None:
        body = _schema(doc.response, schemas)
    if doc.is_list:
        body = {
            "type": "object",
            "required": ["items", "next"],
            "properties": {
                "items": {"type": "array", "items": body},
                "next": {"type": ["string", "null"]},
            },
        }
    responses: dict[str, Any] = {
        str(doc.status): {"description": "OK", "content": {"application/json": {"schema": body}}}
    }
    if doc.status == 201:
        responses["200"] = {
            "description": "Identical replay",
            "content": {"application/json": {"schema": body}},
        }
    error = {"content": {"application/json": {"schema": {"$ref": REF.format(model="ErrorBody")}}}}
    codes = set(doc.errors) | {400}
    codes |= {401} if doc.auth != "none" else set()
    codes |= {403} if doc.auth == "hq" else set()
    codes |= {413, 422} if doc.body is not None else set()
    for code in sorted(codes):
        responses[str(code)] = {"description": _ERRORS.get(code, "Error"), **error}
    return responses


def _schema(model: type[BaseModel], schemas: dict[str, Any]) -> dict[str, Any]:
    """Add a model (and its nested models) to components; return a $ref to it."""
    schema = model.model_json_schema(ref_template=REF, mode="validation")
    for name, sub in schema.pop("$defs", {}).items():
        schemas.setdefault(name, sub)
    schemas.setdefault(model.__name__, schema)
    return {"$ref": REF.format(model=model.__name__)}
