"""The topic files in docs/ may not drift from the code: every route a topic documents
exists in one of the two route registries, and every topic is listed in the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import cloud.app  # noqa: F401  (declares the cloud's routes)
import edge.web.app  # noqa: F401  (declares the node's routes)
from cloud.api.registry import REGISTRY as CLOUD
from edge.web.registry import REGISTRY as NODE

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "docs").glob("*.md"))
# a documented route: `GET /api/v1/...` in backticks, path parameters as {name}
ROUTE = re.compile(r"`(GET|PUT|POST|PATCH|DELETE) (/[^`\s?]*)")


def declared() -> set[tuple[str, str]]:
    routes = set()
    for registry in (CLOUD, NODE):
        for route in registry.routes:
            routes.add((route.method, registry.prefix + route.path))
    return routes


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_documented_route_exists(doc: Path) -> None:
    known = declared()
    named = {(m, p.rstrip("/") or "/") for m, p in ROUTE.findall(doc.read_text())}
    api = {(m, p) for m, p in named if p.startswith("/api/")}
    missing = sorted(api - known)
    assert not missing, f"{doc.name} documents routes that do not exist: {missing}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_topic_is_listed_in_the_readme(doc: Path) -> None:
    assert f"`docs/{doc.name}`" in (ROOT / "README.md").read_text()


def test_the_route_list_is_read_from_both_registries() -> None:
    known = declared()
    assert ("POST", "/api/v1/sync/push") in known  # cloud
    assert ("POST", "/api/v1/sessions") in known  # node
