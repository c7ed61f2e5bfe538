"""HQ API rate limits per token, shared by every worker through the database: bursts up to
the limit, then 429 with Retry-After and RateLimit headers; other tokens and store nodes'
signed pushes are not affected."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient

from cloud.app import create_app
from cloud.services.tokens import create_api_token
from tests.cloud_fixtures import CloudUnderTest, push, sale_event

BURST, RATE = 20, 1.0  # slow refill: a loaded machine's slow requests must not refill much


def app_for(db: str) -> FlaskClient:
    return create_app(db, config={"HQ_RATE_PER_S": RATE, "HQ_RATE_BURST": BURST}).test_client()


def test_a_token_gets_its_burst_then_429_with_headers(tmp_path: Path) -> None:
    db = str(tmp_path / "cloud.db")
    # Two app objects on one database stand for two gunicorn workers.
    one, two = app_for(db), app_for(db)
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        token = {"Authorization": f"Bearer {create_api_token(conn, 'shop', 'shop')}"}
        other = {"Authorization": f"Bearer {create_api_token(conn, 'hq', 'hq')}"}
    engine.dispose()
    answers = [(one if n % 2 else two).get("/api/v1/products", headers=token) for n in range(30)]
    codes = [a.status_code for a in answers]
    # A request may refill a little while the burst is sent, never by 10.
    assert BURST <= codes.count(200) < BURST + 5, codes
    assert codes[:BURST] == [200] * BURST and codes[-1] == 429
    first = answers[0].headers
    assert first["RateLimit-Policy"] == f'"hq";q={BURST};w={int(BURST / RATE)}'
    assert first["RateLimit"].startswith(f'"hq";r={BURST - 1};')
    refused = answers[-1]
    assert refused.get_json()["error"]["code"] == "rate_limited"
    assert int(refused.headers["Retry-After"]) >= 1
    assert refused.headers["RateLimit"].startswith('"hq";r=0;')
    # Another token has its own budget; the budget comes back with time.
    assert one.get("/api/v1/products", headers=other).status_code == 200
    time.sleep(1 / RATE * 2)
    assert two.get("/api/v1/products", headers=token).status_code == 200


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_store_pushes_are_never_limited(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = str(tmp_path / "c.db") if backend == "sqlite" else request.getfixturevalue("pg_database")
    app = create_app(url, config={"HQ_RATE_PER_S": 1.0, "HQ_RATE_BURST": 2})
    engine: sa.Engine = app.extensions["omnistore_engine"]
    with engine.begin() as conn:
        hq = {"Authorization": f"Bearer {create_api_token(conn, 'hq', 'hq')}"}
    cloud = CloudUnderTest(app.test_client(), engine, hq, hq)
    node = cloud.node("S1")
    for _ in range(10):
        assert push(node, sale_event("S1"))[0]["status"] in ("accepted", "rejected")
    codes = [cloud.client.get("/api/v1/stores", headers=hq).status_code for _ in range(4)]
    assert codes[:2] == [200, 200] and 429 in codes
    engine.dispose()


def test_the_document_declares_429_for_hq_routes_only(cloud: CloudUnderTest) -> None:
    doc = cloud.client.get("/api/v1/openapi.json").get_json()
    assert "Retry-After" in doc["paths"]["/products"]["get"]["responses"]["429"]["headers"]
    assert "429" not in doc["paths"]["/sync/push"]["post"]["responses"]
