"""`GET /api/v1/openapi.json` on the node: the lane API, built from its route registry."""

from __future__ import annotations

from edge.web.registry import REGISTRY
from httpshell import docs, openapi

SCHEMES = {
    "session": {
        "type": "http",
        "scheme": "bearer",
        "description": "A lane session token (`ss_…`) from `POST /api/v1/sessions`",
    }
}


def security(_roles: frozenset[str]) -> list[dict[str, list[str]]]:
    """Every protected lane route takes a session token."""
    return [{"session": []}]


def document() -> dict[str, object]:
    """The lane API's OpenAPI 3.1 document."""
    return openapi.document(REGISTRY, "Omnistore node lane API", SCHEMES, security)


bp = openapi.blueprint("openapi", REGISTRY, "Omnistore node lane API", SCHEMES, security)
docs_bp = docs.blueprint(f"{REGISTRY.prefix}/openapi.json", "Omnistore node lane API")
