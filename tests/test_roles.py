"""The role matrix of SPEC §8, generated from each app's route registry: for every route and
every role, a caller whose role the route does not name gets 403 before its body is parsed
(the body sent here is not even JSON), and a caller whose role it names gets past the role
check (never 401/403 from it)."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest

from cloud.api.registry import REGISTRY as CLOUD
from cloud.api.registry import ROLES as CLOUD_ROLES
from cloud.services.tokens import create_api_token
from edge.web.registry import REGISTRY as NODE
from edge.web.registry import ROLES as NODE_ROLES
from httpshell.routes import Route
from tests.cloud_fixtures import CloudUnderTest
from tests.edge_fixtures import CASHIER, MANAGER, PICKER, Node

NOT_JSON = b"{this is not json"
NODE_STAFF = {"cashier": CASHIER, "manager": MANAGER, "picker": PICKER}


def _url(route: Route) -> str:
    path = re.sub(r"{\w+}", str(uuid.uuid4()), route.path)
    return "/api/v1" + path


def _expect(route: Route, role: str, status: int, body: dict[str, Any] | None) -> None:
    where = f"{route.method} {route.path} as {role}"
    assert route.roles is not None
    if role in route.roles:
        code = (body or {}).get("error", {}).get("code")
        assert status not in (401,) and code != "forbidden", f"{where}: {status} {body}"
    else:
        assert status == 403, f"{where}: {status} {body}"
        assert body is not None and body["error"]["code"] == "forbidden", where


def test_every_lane_route_answers_each_staff_role_as_the_table_says(lane_node: Node) -> None:
    protected = [r for r in NODE.routes if r.roles is not None]
    assert len(protected) >= 20
    for route in protected:
        for role in NODE_ROLES:
            auth = lane_node.token(NODE_STAFF[role])
            answer = lane_node.client.open(
                _url(route),
                method=route.method,
                data=NOT_JSON if route.body is not None else None,
                headers=auth | {"Content-Type": "application/json"},
            )
            _expect(route, role, answer.status_code, answer.get_json(silent=True))


def test_the_lane_table_matches_the_spec(lane_node: Node) -> None:
    """Spot checks of the table itself, so the matrix above tests the right thing."""
    roles = {(r.method, r.path): r.roles for r in NODE.routes}
    assert roles[("POST", "/sales")] == {"cashier", "manager"}
    assert roles[("POST", "/stock/{sku}/count")] == {"picker", "manager"}
    assert roles[("POST", "/orders/{order_id}/pick")] == {"cashier", "picker", "manager"}
    assert roles[("POST", "/shifts/{shift_id}/close")] == {"cashier", "manager"}
    assert roles[("POST", "/sessions")] is None


def test_every_cloud_route_answers_each_role_as_the_table_says(cloud: CloudUnderTest) -> None:
    with cloud.engine.begin() as conn:
        shop = create_api_token(conn, "web shop", "shop")
    node = cloud.node("S1")
    tokens = {
        "hq": cloud.hq,
        "readonly": cloud.readonly,
        "shop": {"Authorization": f"Bearer {shop}"},
    }
    protected = [r for r in CLOUD.routes if r.roles is not None]
    assert len(protected) >= 15
    for route in protected:
        for role in CLOUD_ROLES:
            data = NOT_JSON if route.body is not None else None
            if role == "store":
                answer = node.request(route.method, _url(route), raw=data)
            else:
                answer = cloud.client.open(
                    _url(route),
                    method=route.method,
                    data=data,
                    headers=tokens[role] | {"Content-Type": "application/json"},
                )
            _expect(route, role, answer.status_code, answer.get_json(silent=True))


def test_the_cloud_table_matches_the_spec() -> None:
    roles = {(r.method, r.path): r.roles for r in CLOUD.routes}
    assert roles[("PUT", "/products/{sku}")] == {"hq"}
    assert roles[("GET", "/products/{sku}")] == {"hq", "readonly", "shop"}
    assert roles[("POST", "/orders")] == {"hq", "shop"}
    assert roles[("GET", "/exceptions")] == {"hq", "readonly"}
    assert roles[("POST", "/sync/push")] == {"store"}
    assert roles[("POST", "/sync/enroll")] is None


@pytest.mark.parametrize("role", ["hq", "readonly"])
def test_a_refused_role_costs_no_parsing(cloud: CloudUnderTest, role: str) -> None:
    """A readonly token writing a 1 MB body of garbage is 403, not 400: the body is never read."""
    headers = cloud.readonly if role == "readonly" else cloud.hq
    answer = cloud.client.put(
        "/api/v1/products/X",
        data=b"[" * 900_000,
        headers=headers | {"Content-Type": "application/json"},
    )
    if role == "readonly":
        assert answer.status_code == 403
    else:
        assert answer.status_code == 400 and answer.get_json()["error"]["code"] == "malformed_json"
