"""The cloud's route registry and its roles (SPEC §8). Every view declares which roles may
call it; HQ tokens carry `hq`, `readonly` or `shop`, a store node's signed request `store`."""

from __future__ import annotations

from typing import Any

from cloud.api.auth import authenticate
from httpshell.routes import Registry
from shared.models import SKU_PATTERN, STORE_PATTERN, UUID_PATTERN
from shared.reports import NAMES as REPORT_NAMES

PREFIX = "/api/v1"
HQ = ("hq",)
READ = ("hq", "readonly")
CATALOGUE_READ = ("hq", "readonly", "shop")
ORDERS_WRITE = ("hq", "shop")
STORE = ("store",)
ROLES = ("hq", "readonly", "shop", "store")

ID: dict[str, Any] = {"type": "string", "pattern": UUID_PATTERN}
PARAMS: dict[str, dict[str, Any]] = {
    "sku": {"type": "string", "pattern": SKU_PATTERN, "examples": ["MILK"]},
    "store": {"type": "string", "pattern": STORE_PATTERN, "examples": ["S1"]},
    "order_id": ID,
    "hook_id": ID,
    "sale_id": ID,
    "customer_id": ID,
    "promo_id": ID,
    "transfer_id": ID,
    "name": {"type": "string", "enum": list(REPORT_NAMES)},
}

REGISTRY = Registry(PREFIX, authenticate, PARAMS)
route = REGISTRY.route
