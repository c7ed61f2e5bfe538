"""The cloud's route registry and its roles (SPEC §8). Every view declares which roles may
call it; HQ tokens carry `hq`, `readonly` or `shop`, a store node's signed request `store`."""

from __future__ import annotations

from cloud.api.auth import authenticate
from httpshell.routes import Registry

PREFIX = "/api/v1"
HQ = ("hq",)
READ = ("hq", "readonly")
CATALOGUE_READ = ("hq", "readonly", "shop")
ORDERS_WRITE = ("hq", "shop")
STORE = ("store",)
ROLES = ("hq", "readonly", "shop", "store")

REGISTRY = Registry(PREFIX, authenticate)
route = REGISTRY.route
