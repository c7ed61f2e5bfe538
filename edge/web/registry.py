"""The node's route registry and the roles of SPEC §8. A lane session (bearer token from
`POST /api/v1/sessions`) carries a staff member whose role is read on every request; each
route names the roles that may call it, and approvals (a manager's PIN in the body) are
checked by the services after parsing."""

from __future__ import annotations

from typing import Any

from flask import g, request

from edge.staff import authenticate as session_actor
from edge.web.context import db
from httpshell.routes import Caller, Registry
from shared.errors import Unauthorized
from shared.models import SKU_PATTERN, UUID_PATTERN

PREFIX = "/api/v1"
ROLES = ("cashier", "picker", "manager")
STAFF = ROLES
SELL = ("cashier", "manager")  # sales, returns, voids (with approval), shifts
STOCK = ("picker", "manager")  # counts, transfers
ORDERS = ROLES  # pick, short, ready, hand over


def authenticate(roles: frozenset[str]) -> Caller:
    """The staff member behind `Authorization: Bearer ss_…`; 401 when there is none."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("unauthorized", "send Authorization: Bearer <session token>")
    g.actor = session_actor(db(), token.strip())
    return Caller(role=g.actor.role, name=g.actor.name, session=g.actor.session)


ID: dict[str, Any] = {"type": "string", "pattern": UUID_PATTERN}
PARAMS: dict[str, dict[str, Any]] = {
    "sku": {"type": "string", "pattern": SKU_PATTERN, "examples": ["MILK"]},
    "sale_id": ID,
    "order_id": ID,
    "customer_id": ID,
    "shift_id": ID,
    "transfer_id": ID,
}

REGISTRY = Registry(PREFIX, authenticate, PARAMS)
route = REGISTRY.route
