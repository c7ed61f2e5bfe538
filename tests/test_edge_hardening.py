"""Holes a security review found at the node, each tried again over real HTTP against a real
`omnistore edge serve` (one node for the module; every test uses its own staff names so the
throttles do not meet)."""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.harness import omnistore
from tests.system import CASHIER, MANAGER, System, start_system

PICKER = ("pia", "2468")


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    system = start_system(tmp_path_factory.mktemp("hardening"))
    try:
        system.edge.add_staff(*_staff(PICKER, "picker"))
        skus = system.create_products(2, 50)
        system.wait_pulled(skus, 50)
        yield system
    finally:
        system.edge.stop()
        system.cloud.stop()


def _staff(who: tuple[str, str], role: str) -> tuple[str, str, str]:
    return who[0], role, who[1]


def _sell(lane: httpx.Client, method: str = "cash") -> dict:
    sale = {
        "id": str(uuid.uuid4()),
        "lines": [{"sku": "SKU0000", "qty": 1}],
        "payments": [{"method": method, "amount": 100, "ref": "A1" if method == "card" else None}],
    }
    answer = lane.post("/sales", json=sale)
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def _sign_in(node: System, name: str, pin: str) -> httpx.Response:
    return httpx.post(f"{node.edge.url}/api/v1/sessions", json={"name": name, "pin": pin})


def test_manager_pins_are_throttled_per_session(node: System) -> None:
    """Five wrong PINs lock approvals in that session: the sixth try, with the right PIN,
    is 429 with Retry-After, and nothing was voided."""
    with node.lane() as lane:
        sale = _sell(lane)
        void = {"id": str(uuid.uuid4()), "reason": "wrong item"}
        for n in range(5):
            answer = lane.post(f"/sales/{sale['id']}/void", json=void | {"manager_pin": f"000{n}"})
            assert answer.status_code == 403 and answer.json()["error"]["code"] == "bad_manager_pin"
        locked = lane.post(f"/sales/{sale['id']}/void", json=void | {"manager_pin": MANAGER[1]})
        assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 800
        assert lane.get(f"/sales/{sale['id']}").json().get("voided") in (None, False)


def test_a_manager_locked_out_of_sign_in_approves_nothing(node: System) -> None:
    node.edge.add_staff("mona", "manager", "55556666")
    for _ in range(5):
        assert _sign_in(node, "mona", "00000000").status_code == 401
    with node.lane() as lane:
        sale = _sell(lane)
        void = {"id": str(uuid.uuid4()), "reason": "x", "manager_pin": "55556666"}
        answer = lane.post(f"/sales/{sale['id']}/void", json=void)
        assert answer.status_code == 429, answer.text


def test_roles_at_the_node(node: System) -> None:
    node.edge.add_staff("cleo", "cashier", "4321")
    with node.lane(("cleo", "4321"), register="7") as cleo, node.lane(PICKER) as picker:
        shift = cleo.post("/shifts", json={"id": str(uuid.uuid4()), "float_amount": 5000})
        assert shift.status_code == 201, shift.text
        shift_id = shift.json()["shift_id"]
        closed = picker.post(f"/shifts/{shift_id}/close", json={"counted": 0})
        assert closed.status_code == 403
        with node.lane(CASHIER, register="7") as other:
            mine = other.post(f"/shifts/{shift_id}/close", json={"counted": 0})
            assert mine.status_code == 403 and mine.json()["error"]["code"] == "not_your_shift"
        count = {"id": str(uuid.uuid4()), "counted": -1_000_000_000}
        assert picker.post("/stock/SKU0001/count", json=count).status_code == 422
        card_sale = _sell(cleo, "card")
        refund = {
            "id": str(uuid.uuid4()),
            "sale_id": card_sale["id"],
            "lines": [{"sku": "SKU0000", "qty": 1}],
            "refunds": [{"method": "cash", "amount": 100}],
        }
        refused = cleo.post("/returns", json=refund)
        assert (
            refused.status_code == 403 and refused.json()["error"]["code"] == "manager_pin_required"
        )


def test_sessions_end_at_sign_out_removal_and_role_change(node: System) -> None:
    node.edge.add_staff("dora", "manager", "77778888")
    node.edge.add_staff("eve", "cashier", "1111")
    with node.lane(("dora", "77778888")) as dora, node.lane(("eve", "1111")) as eve:
        assert dora.get("/sync/status").status_code == 200
        node.edge.add_staff("dora", "cashier", "77778888")  # demoted
        assert dora.get("/sync/status").status_code == 401
        omnistore("edge", "remove-staff", "--data-dir", str(node.edge.data_dir), "eve")
        assert eve.get("/sync/status").status_code == 401
    with node.lane() as lane:
        assert lane.delete("/sessions/current").status_code == 204
        assert lane.get("/sync/status").status_code == 401


def test_picker_cookies_are_server_side_sessions(node: System) -> None:
    with httpx.Client(base_url=node.edge.url, follow_redirects=False) as page:
        page.get("/picker/")
        csrf = _csrf(page)
        answer = page.post(
            "/picker/login", data={"name": PICKER[0], "pin": PICKER[1], "csrf": csrf}
        )
        assert answer.status_code == 302
        assert page.get("/picker/api/orders").status_code == 200
        stolen = dict(page.cookies)
        page.post("/picker/logout", data={"csrf": _csrf(page)})
    with httpx.Client(base_url=node.edge.url, cookies=stolen, follow_redirects=False) as replay:
        assert replay.get("/picker/api/orders").status_code == 302  # back to the sign-in page


def _csrf(page: httpx.Client) -> str:
    html = page.get("/picker/").text
    marker = 'name="csrf-token" content="' if "csrf-token" in html else 'name="csrf" value="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def test_unauthenticated_requests_cannot_fill_the_disk(node: System) -> None:
    db_file = node.edge.data_dir / "edge.db"
    before = _failure_rows(db_file)
    with httpx.Client(base_url=node.edge.url) as page:
        page.get("/picker/")
        for _ in range(5):
            answer = page.post(
                "/picker/login", data={"name": "x" * 900_000, "pin": "1", "csrf": _csrf(page)}
            )
            assert answer.status_code == 422
    assert _failure_rows(db_file) == before


def _failure_rows(db_file: Path) -> int:
    with sqlite3.connect(db_file) as conn:
        return int(conn.execute("SELECT count(*) FROM login_failures").fetchone()[0])


@pytest.mark.parametrize(
    ("method", "path", "content"),
    [
        ("POST", "/api/v1/sessions", b"[" * 100_000 + b"]" * 100_000),
        ("GET", "/api/v1/sales?limit=%C2%B2", None),
        ("GET", "/api/v1/sales?limit=-1", None),  # empty means absent (issue 13)
    ],
)
def test_odd_input_is_4xx(node: System, method: str, path: str, content: bytes | None) -> None:
    with node.lane() as lane:
        headers = dict(lane.headers) | {"Content-Type": "application/json"}
    answer = httpx.request(method, node.edge.url + path, content=content, headers=headers)
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["code"] in ("malformed_json", "bad_limit")


def test_parallel_wrong_pins_get_at_most_five_checks(node: System) -> None:
    node.edge.add_staff("finn", "cashier", "2222")
    statuses: list[int] = []

    def guess() -> None:
        statuses.append(_sign_in(node, "finn", "9999").status_code)

    threads = [threading.Thread(target=guess) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(statuses) == 40
    assert statuses.count(401) <= 5 and statuses.count(429) >= 35
    assert _sign_in(node, "finn", "2222").status_code == 429  # the right PIN, locked too


def test_chunked_bodies_over_the_cap_are_413(node: System) -> None:
    with node.lane() as lane:
        headers = dict(lane.headers) | {"Content-Type": "application/json"}

    def chunks() -> Iterator[bytes]:
        yield b'{"id": "' + b"x" * 1_200_000 + b'"}'

    answer = httpx.post(f"{node.edge.url}/api/v1/sales", content=chunks(), headers=headers)
    assert answer.status_code == 413, answer.text
    assert answer.json()["error"]["code"] == "payload_too_large"


def test_the_node_serves_its_own_openapi_document(node: System) -> None:
    doc = httpx.get(f"{node.edge.url}/api/v1/openapi.json").json()
    assert doc["openapi"] == "3.1.0"
    assert doc["paths"]["/sales"]["post"]["x-roles"] == ["cashier", "manager"]
    assert "session" in doc["components"]["securitySchemes"]
    assert json.dumps(doc)  # serialisable as served
