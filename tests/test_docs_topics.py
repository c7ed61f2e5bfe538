"""The topic files in docs/ may not drift from the code: every API route a topic documents
exists in one of the two route registries, every route of both registries is documented
in some topic, and every topic is listed in the README."""

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
PREFIX = "/api/v1"
# a documented route: `GET /api/v1/...` or, in the API tables, `GET /sales` (prefix implied)
ROUTE = re.compile(r"`(GET|PUT|POST|PATCH|DELETE) (/[^`\s?]*)")
# served by the shell or a page blueprint, not by a registry route
NOT_API = re.compile(
    r"^/(healthz|metrics|api/docs|api/v1/openapi\.json|openapi\.json|picker|hq)(/|$)"
)


def _shape(path: str) -> str:
    """Path parameters as `{}`: a topic may call `{sale_id}` just `{id}`."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def declared() -> set[tuple[str, str]]:
    """(method, full path) of every route of both apps."""
    return {(r.method, _shape(reg.prefix + r.path)) for reg in (CLOUD, NODE) for r in reg.routes}


def documented(doc: Path) -> set[tuple[str, str]]:
    """(method, full path) of every route the topic names; the API prefix is implied."""
    named = set()
    for method, path in ROUTE.findall(doc.read_text()):
        path = path.rstrip("/") or "/"
        if NOT_API.match(path):
            continue
        full = path if path.startswith(PREFIX + "/") else PREFIX + path
        named.add((method, _shape(full)))
    return named


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_documented_route_exists(doc: Path) -> None:
    missing = sorted(documented(doc) - declared())
    assert not missing, f"{doc.name} documents routes that do not exist: {missing}"


def test_every_route_is_documented_in_a_topic() -> None:
    named = set().union(*(documented(doc) for doc in DOCS))
    undocumented = sorted(declared() - named)
    assert not undocumented, f"routes no file in docs/ names: {undocumented}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_topic_is_listed_in_the_readme(doc: Path) -> None:
    assert f"`docs/{doc.name}`" in (ROOT / "README.md").read_text()


def test_the_route_list_is_read_from_both_registries() -> None:
    known = declared()
    assert ("POST", "/api/v1/sync/push") in known  # cloud
    assert ("POST", "/api/v1/sessions") in known  # node
