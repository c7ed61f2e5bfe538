"""Sign-in costs the same for unknown names, and the picker page prints the bag label when
an order is marked ready (through the node's print queue)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from edge import node, staff
from edge.web.app import create_app
from tests.edge_fixtures import PICKER, Node
from tests.test_pos_desk import ORDER_ID, receive_order


def test_an_unknown_name_costs_one_pin_check_like_a_known_one(
    lane_node: Node, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks: list[str] = []
    real = staff.check_pin
    monkeypatch.setattr(staff, "check_pin", lambda pin, h: checks.append(h) or real(pin, h))
    for name in ("ana", "nobody-at-all"):
        answer = lane_node.client.post("/api/v1/sessions", json={"name": name, "pin": "0000"})
        assert answer.status_code == 401
        assert answer.get_json()["error"]["code"] == "bad_credentials"
    assert len(checks) == 2


def test_ready_on_the_picker_page_prints_the_bag_label(lane_node: Node, tmp_path: Path) -> None:
    label = tmp_path / "printer.bin"
    config = dataclasses.replace(node.load(lane_node.data_dir), printer=f"file:{label}")
    node.save(lane_node.data_dir, config)
    client = create_app(lane_node.data_dir).test_client()
    session = _Session(lane_node)
    receive_order(session, "MILK", 2, ready=False)
    client.get("/picker/")
    with client.session_transaction() as cookie:
        csrf = cookie["csrf"]
    signed_in = client.post(
        "/picker/login", data={"name": PICKER[0], "pin": PICKER[1], "csrf": csrf}
    )
    assert signed_in.status_code == 302
    with client.session_transaction() as cookie:
        csrf = cookie["csrf"]
    for _ in range(2):
        client.post(f"/picker/orders/{ORDER_ID}/pick", data={"sku": "MILK", "csrf": csrf})
    assert client.post(f"/picker/orders/{ORDER_ID}/ready", data={"csrf": csrf}).status_code == 302
    printed = label.read_bytes()
    assert ORDER_ID[:8].encode() in printed and b"Milk 1L" in printed


@pytest.mark.parametrize(
    ("path", "form"),
    [
        (f"/picker/orders/{ORDER_ID}/pick", {"sku": ""}),
        (f"/picker/orders/{ORDER_ID}/short", {"sku": "MILK", "reason": "r" * 300}),
    ],
)
def test_odd_picker_forms_are_422(lane_node: Node, path: str, form: dict[str, str]) -> None:
    client = lane_node.client
    client.get("/picker/")
    with client.session_transaction() as cookie:
        csrf = cookie["csrf"]
    client.post("/picker/login", data={"name": PICKER[0], "pin": PICKER[1], "csrf": csrf})
    with client.session_transaction() as cookie:
        csrf = cookie["csrf"]
    answer = client.post(path, data=form | {"csrf": csrf})
    assert answer.status_code == 422 and answer.get_json()["error"]["code"] == "validation_error"


@dataclasses.dataclass
class _Session:
    """What `receive_order` needs of a till session: the node's database and config."""

    node_: Node

    @property
    def db(self):  # type: ignore[no-untyped-def]
        return self.node_.db

    @property
    def config(self) -> node.NodeConfig:
        return node.load(self.node_.data_dir)
