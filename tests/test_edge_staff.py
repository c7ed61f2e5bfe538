"""Staff sign-in at the node: sessions, and the throttle on wrong PINs."""

from __future__ import annotations

import pytest

from edge import staff
from tests.edge_fixtures import CASHIER, Node


def sign_in(node: Node, name: str, pin: str) -> tuple[int, dict, dict]:
    answer = node.client.post("/api/v1/sessions", json={"name": name, "pin": pin})
    return answer.status_code, answer.get_json(), dict(answer.headers)


def test_session_token_has_prefix_role_and_register(lane_node: Node) -> None:
    status, body, _ = sign_in(lane_node, *CASHIER)
    assert status == 201
    assert body["token"].startswith("ss_")
    assert (body["role"], body["register"], body["name"]) == ("cashier", "1", "ana")


def test_pins_are_stored_as_scrypt_hashes(lane_node: Node) -> None:
    stored = lane_node.db.execute("SELECT pin_hash FROM staff WHERE name = 'ana'").fetchone()[0]
    assert stored.startswith("scrypt$") and CASHIER[1] not in stored
    assert staff.check_pin(CASHIER[1], stored)
    assert not staff.check_pin("0000", stored)


@pytest.mark.parametrize("name", ["ana", "nobody"])
def test_five_failures_lock_the_name_even_for_the_right_pin(lane_node: Node, name: str) -> None:
    for _ in range(5):
        status, body, _ = sign_in(lane_node, name, "0000")
        assert status == 401
        assert body["error"]["code"] == "bad_credentials"
    status, body, headers = sign_in(lane_node, name, CASHIER[1])
    assert status == 429
    assert body["error"]["code"] == "too_many_attempts"
    assert 800 < int(headers["Retry-After"]) <= 900
    other_status, _, _ = sign_in(lane_node, "max", "9876")
    assert other_status == 201


def test_expired_session_is_refused(lane_node: Node) -> None:
    auth = lane_node.token()
    lane_node.db.execute("UPDATE sessions SET expires_at = 0")
    lane_node.db.conn.commit()
    answer = lane_node.client.get("/api/v1/sales", headers=auth)
    assert answer.status_code == 401
