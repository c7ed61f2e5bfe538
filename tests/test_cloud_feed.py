"""The change feed and the schema on SQLite and PostgreSQL: sequences that never let a reader
skip a row, pull limits and `more`, and migrations that build exactly schema.py."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from cloud.api.registry import REGISTRY
from cloud.app import create_app
from cloud.storage import feed
from cloud.storage.schema import metadata
from tests.cloud_fixtures import PULL, CloudUnderTest


def test_concurrent_appends_commit_in_sequence_order(cloud: CloudUnderTest) -> None:
    """Writers append while a reader follows the feed by its last seen seq: the reader ends
    with every row exactly once, which fails if a lower seq could commit after a higher one."""
    writers, per_writer = 4, 25
    seen: list[int] = []
    done = threading.Event()

    def write(n: int) -> None:
        for i in range(per_writer):
            with cloud.engine.begin() as conn:
                feed.append(conn, "S1", "movement", {"writer": n, "i": i})

    def follow() -> None:
        last = 0
        while True:
            finished = done.is_set()
            with cloud.engine.connect() as conn:
                rows = feed.read(conn, "S1", last, 1000)
            seen.extend(seq for seq, _, _ in rows)
            last = rows[-1][0] if rows else last
            if finished and not rows:
                return

    reader = threading.Thread(target=follow)
    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    reader.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    reader.join()
    assert seen == list(range(1, writers * per_writer + 1))


def test_feeds_are_numbered_per_store_and_the_catalogue_once(cloud: CloudUnderTest) -> None:
    with cloud.engine.begin() as conn:
        numbers = [
            feed.append(conn, store, "product", {})
            for store in (feed.CATALOGUE, "S1", "S1", "S2", feed.CATALOGUE)
        ]
    assert numbers == [1, 1, 2, 1, 2]


def pull_all(node: Any, limit: int | None) -> tuple[list[dict[str, Any]], int, str]:
    changes: list[dict[str, Any]] = []
    cursor, pages = "", 0
    while True:
        query = f"since={cursor}" + (f"&limit={limit}" if limit else "")
        data = node.request("GET", PULL, query=query).get_json()
        assert len(data["changes"]) <= (limit or 500)
        changes += data["changes"]
        cursor, pages = data["cursor"], pages + 1
        if not data["more"]:
            return changes, pages, cursor


@pytest.mark.parametrize(("limit", "pages"), [(None, 2), (1000, 1), (7, 87), (1, 608)])
def test_pull_limits_default_500_and_at_most_1000(
    cloud: CloudUnderTest, limit: int | None, pages: int
) -> None:
    node = cloud.node("S1")
    with cloud.engine.begin() as conn:
        for n in range(600):
            feed.append(conn, feed.CATALOGUE, "product", {"n": n})
        for n in range(8):
            feed.append(conn, "S1", "movement", {"n": n})
        feed.append(conn, "S2", "movement", {"n": -1})
    changes, used, cursor = pull_all(node, limit)
    assert [c["body"]["n"] for c in changes] == list(range(600)) + list(range(8))
    assert used == pages and cursor == "c600.s8"


def test_hq_movements_reach_only_their_store(cloud: CloudUnderTest) -> None:
    cloud.product("MILK")
    node_a, node_b = cloud.node("S1"), cloud.node("S2")
    a = [cloud.receive("S1", "MILK", n)["id"] for n in (1, 2)]
    b = cloud.receive("S2", "MILK", 3)["id"]
    for node, expected in ((node_a, a), (node_b, [b])):
        changes, _, cursor = pull_all(node, None)
        assert [c["body"]["id"] for c in changes if c["kind"] == "movement"] == expected
        assert changes[0]["kind"] == "product"
    assert cursor == "c1.s1"


def test_migrations_build_exactly_the_declared_schema(cloud: CloudUnderTest) -> None:
    with cloud.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
        version = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    assert diff == [] and version is not None


def test_openapi_lists_every_registered_route_with_resolvable_schemas(
    cloud: CloudUnderTest,
) -> None:
    doc = cloud.client.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"] == "3.1.0" and doc["servers"] == [{"url": "/api/v1"}]
    schemas = doc["components"]["schemas"]
    for route in REGISTRY.routes:
        operation = doc["paths"][route.path][route.method.lower()]
        assert str(route.status) in operation["responses"]
        if route.roles is not None:
            assert operation["security"] and "401" in operation["responses"]
        if route.body is not None:
            ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            assert ref == f"#/components/schemas/{route.body.__name__}"
    for ref in _refs(doc):
        assert ref.startswith("#/components/schemas/") and ref.rsplit("/", 1)[1] in schemas
    assert {"PushIn", "PushOut", "PullOut", "EnrollIn", "SaleLookup", "ErrorBody"} <= set(schemas)


def _refs(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if "$ref" in node else []
        return found + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def test_healthz_is_503_when_the_database_is_down() -> None:
    app = create_app("postgresql://nobody@127.0.0.1:1/none", run_migrations=False)
    answer = app.test_client().get("/healthz")
    assert answer.status_code == 503 and answer.get_json()["status"] != "ok"


def test_an_unexpected_failure_is_still_a_json_500(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "cloud.db"))

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("bug")

    answer = app.test_client().get("/boom")
    assert answer.status_code == 500
    assert answer.get_json()["error"]["code"] == "internal_error"
