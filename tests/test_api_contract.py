"""The API contract does not lie (issue 13): `st run --checks all` (examples, coverage,
fuzzing and stateful phases, fixed seed, bounded examples) passes against the cloud and the
node served on loopback, and the specific lies integrators found stay fixed."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from tests import contract

SIGNED = re.compile(
    r"/sync/(?!enroll)"
)  # every sync route but enrolment is signed by the store key


@pytest.mark.integration
@pytest.mark.parametrize("kind", ["cloud", "node"])
def test_schemathesis_checks_all_pass(kind: str) -> None:
    result = contract.run(kind)
    print(f"schemathesis --checks all against the {kind}: {result.seconds:.1f} s")
    assert result.returncode == 0, result.output[-8000:]


@pytest.fixture(scope="module")
def cloud() -> tuple[FlaskClient, dict[str, str]]:
    app, env = contract.cloud_app()
    return app.test_client(), {"Authorization": f"Bearer {env['OMNISTORE_CONTRACT_TOKEN']}"}


def test_405_names_the_allowed_methods(cloud: tuple[FlaskClient, dict[str, str]]) -> None:
    client, auth = cloud
    answer = client.patch("/api/v1/products/MILK", headers=auth)
    assert answer.status_code == 405
    assert set(answer.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "PUT"}
    assert answer.get_json()["error"]["code"]


def test_integral_floats_are_integers(cloud: tuple[FlaskClient, dict[str, str]]) -> None:
    client, auth = cloud
    body = b'{"name": "Tea", "price": 13061.0, "vat_rate_bp": 7e2}'
    answer = client.put(
        "/api/v1/products/TEA", data=body, headers=auth | {"Content-Type": "application/json"}
    )
    assert answer.status_code == 201, answer.get_json()
    assert answer.get_json()["price"] == 13061
    assert answer.get_json()["vat_rate_bp"] == 700
    half = b'{"name": "Tea", "price": 13061.5, "vat_rate_bp": 700}'
    assert client.put("/api/v1/products/TEA", data=half, headers=auth).status_code == 422


def test_empty_query_values_mean_absent(cloud: tuple[FlaskClient, dict[str, str]]) -> None:
    client, auth = cloud
    answer = client.get("/api/v1/products?limit=&cursor=&updated_since=", headers=auth)
    assert answer.status_code == 200
    assert client.get("/api/v1/products?limit=0", headers=auth).status_code == 400
    assert client.get("/api/v1/exceptions?store=a.b", headers=auth).status_code == 400


def test_any_cursor_of_the_declared_pattern_is_taken(
    cloud: tuple[FlaskClient, dict[str, str]],
) -> None:
    client, auth = cloud
    first = client.get("/api/v1/products?limit=1", headers=auth).get_json()
    assert re.fullmatch(contract_cursor(), first["next"])
    second = client.get(f"/api/v1/products?limit=1&cursor={first['next']}", headers=auth)
    assert second.status_code == 200
    assert second.get_json()["items"][0]["sku"] != first["items"][0]["sku"]
    made_up = "2001-01-01T00:00:00.000000Z~A"
    assert client.get(f"/api/v1/products?cursor={made_up}", headers=auth).status_code == 200
    assert client.get("/api/v1/products?cursor=abc", headers=auth).status_code == 400


def contract_cursor() -> str:
    from httpshell.paging import CURSOR_PATTERN

    return CURSOR_PATTERN


def test_document_states_what_the_server_enforces(
    cloud: tuple[FlaskClient, dict[str, str]],
) -> None:
    client, _ = cloud
    doc = client.get("/api/v1/openapi.json").get_json()
    schemas = doc["components"]["schemas"]
    assert schemas["StockMovementIn"]["properties"]["delta"]["not"] == {"const": 0}
    assert "pattern" in schemas["EnrollIn"]["properties"]["public_key"]
    products = doc["paths"]["/products"]["get"]["parameters"]
    limit = next(p for p in products if p["name"] == "limit")
    assert limit["schema"]["type"] == "integer" and limit["allowEmptyValue"] is True
    put = doc["paths"]["/products/{sku}"]["put"]
    assert put["parameters"][0]["schema"]["pattern"]
    assert put["responses"]["201"]["links"]["GetProduct"]["operationId"] == "get__products_sku"
    placed = doc["paths"]["/orders"]["post"]["responses"]["201"]["links"]
    assert placed["GetOrder"]["parameters"] == {"order_id": "$response.body#/id"}
    for path, ops in doc["paths"].items():
        for op in ops.values():
            for code, answer in op["responses"].items():
                if code.startswith(("4", "5")):
                    ref = answer["content"]["application/json"]["schema"]["$ref"]
                    assert ref.endswith("/ErrorBody"), (path, code)
            if SIGNED.search(path):
                assert op["security"] == [
                    {"storeSignature": [], "storeSignatureInput": [], "contentDigest": []}
                ]
            elif "security" in op:
                assert op["security"] == [{"bearer": []}]


def test_node_document_links_sales_and_405_names_the_methods() -> None:
    app, _ = contract.node_app()
    client = app.test_client()
    answer = client.put("/api/v1/sales")
    assert answer.status_code == 405 and answer.headers["Allow"]
    assert {"GET", "POST"} <= set(answer.headers["Allow"].replace(" ", "").split(","))
    doc = client.get("/api/v1/openapi.json").get_json()
    links = doc["paths"]["/sales"]["post"]["responses"]["201"]["links"]
    assert links["GetSale"]["operationId"] == "get__sales_sale_id"
