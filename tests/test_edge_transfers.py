"""Transfers at one node, in-process: the cloud's copies arriving with the pull are merged
so that no fact made here is undone, shipping and receiving check what they are given, the
picker page keeps per-line counts, and only pickers and managers may use it."""

from __future__ import annotations

import re
import uuid
from typing import Any

from edge import transfers
from edge.node import load
from edge.storage.db import write
from edge.sync.pull import apply_change
from shared.barcodes import make_ean13
from shared.clock import utc_now
from shared.models import Change
from shared.transfers import Transfer, TransferLine
from tests.edge_fixtures import CASHIER, MANAGER, PICKER, Node


def remote(
    transfer_id: str, state: str, src: str = "S1", dst: str = "S2", **lines: Any
) -> Transfer:
    now = utc_now()
    return Transfer.model_validate(
        {
            "id": transfer_id,
            "from": src,
            "to": dst,
            "state": state,
            "lines": [TransferLine(sku="MILK", qty=5, **lines).model_dump()],
            "created_at": now,
            "updated_at": now,
            "shipped_at": now if lines.get("shipped") else None,
            "received_at": now if lines.get("received") is not None else None,
        }
    )


def arrive(lane_node: Node, transfer: Transfer) -> None:
    config = load(lane_node.data_dir)
    with write(lane_node.db):
        apply_change(
            lane_node.db, config, Change(kind="transfer", body=transfer.model_dump(mode="json"))
        )


def test_a_shipment_here_survives_the_cloud_cancel_and_learns_the_receipt(lane_node: Node) -> None:
    tid = str(uuid.uuid4())
    arrive(lane_node, remote(tid, "requested"))
    picker = lane_node.token(PICKER)
    post = lane_node.client.post
    url = f"/api/v1/transfers/{tid}"
    for lines, code in (
        ([{"sku": "MILK", "qty": 6}], "over_ship"),
        ([{"sku": "BREAD", "qty": 1}], "not_on_transfer"),
        ([{"sku": "MILK", "qty": 0}], "nothing_shipped"),
    ):
        refused = post(f"{url}/ship", json={"lines": lines}, headers=picker)
        assert refused.get_json()["error"]["code"] == code
    assert (
        post(
            f"{url}/receive", json={"lines": [{"sku": "MILK", "qty": 1}]}, headers=picker
        ).status_code
        == 403
    )
    before = lane_node.count("movements")
    shipped = post(f"{url}/ship", json={"lines": [{"sku": "MILK", "qty": 4}]}, headers=picker)
    assert shipped.status_code == 200 and shipped.get_json()["lines"][0]["in_transit"] == 4
    assert lane_node.count("movements") == before + 1
    arrive(lane_node, remote(tid, "cancelled"))  # HQ cancelled before it heard of the shipment
    assert lane_node.client.get(url, headers=picker).get_json()["state"] == "shipped"
    arrive(lane_node, remote(tid, "received", received=3))  # the other store's receipt
    seen = lane_node.client.get(url, headers=picker).get_json()
    assert seen["state"] == "received"
    assert (seen["lines"][0]["shipped"], seen["lines"][0]["received"]) == (4, 3)
    cashier = lane_node.token(CASHIER)
    assert lane_node.client.get(url, headers=cashier).status_code == 403
    listed = lane_node.client.get("/api/v1/transfers?state=received", headers=picker).get_json()
    assert [t["id"] for t in listed["items"]] == [tid]


def test_receiving_works_before_the_shipment_is_known(lane_node: Node) -> None:
    tid = str(uuid.uuid4())
    arrive(lane_node, remote(tid, "requested", src="S2", dst="S1"))
    manager = lane_node.token(MANAGER)
    url = f"/api/v1/transfers/{tid}/receive"
    got = lane_node.client.post(url, json={"lines": [{"sku": "MILK", "qty": 5}]}, headers=manager)
    assert got.status_code == 200 and got.get_json()["state"] == "received"
    again = lane_node.client.post(url, json={"lines": [{"sku": "MILK", "qty": 5}]}, headers=manager)
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "already_received"
    arrive(lane_node, remote(tid, "shipped", src="S2", dst="S1", shipped=5))
    merged = transfers.get(lane_node.db, tid)
    assert merged.state == "received" and merged.lines[0].received == 5
    assert merged.lines[0].shipped == 5
    cancelled = str(uuid.uuid4())
    arrive(lane_node, remote(cancelled, "cancelled", src="S2", dst="S1"))
    refused = lane_node.client.post(
        f"/api/v1/transfers/{cancelled}/receive",
        json={"lines": [{"sku": "MILK", "qty": 1}]},
        headers=manager,
    )
    assert refused.get_json()["error"]["code"] == "transfer_cancelled"


def test_picker_page_counts_by_scan_and_taps(lane_node: Node) -> None:
    tid = str(uuid.uuid4())
    arrive(lane_node, remote(tid, "requested"))
    page = lane_node.client
    csrf = _csrf(page.get("/picker/").get_data(as_text=True))
    page.post("/picker/login", data={"csrf": csrf, "name": PICKER[0], "pin": PICKER[1]})
    listing = page.get("/picker/transfers").get_data(as_text=True)
    assert tid in listing
    csrf = _csrf(listing)  # signing in starts a new session with a new token
    milk = make_ean13("400000000001")  # MILK's barcode in the test catalogue
    for _ in range(3):
        page.post(f"/picker/transfers/{tid}/scan", data={"csrf": csrf, "barcode": milk})
    page.post(f"/picker/transfers/{tid}/count", data={"csrf": csrf, "sku": "MILK", "delta": "-1"})
    wrong = page.post(
        f"/picker/transfers/{tid}/count", data={"csrf": csrf, "sku": "BREAD"}, follow_redirects=True
    )
    assert "not on this transfer" in wrong.get_data(as_text=True)
    assert transfers.scanned(lane_node.db, tid) == {"MILK": 2}
    assert page.post(f"/picker/transfers/{tid}/ship", data={"csrf": "x"}).status_code == 400
    done = page.post(f"/picker/transfers/{tid}/ship", data={"csrf": csrf}, follow_redirects=True)
    assert "shipped: 2 units" in done.get_data(as_text=True)
    assert transfers.get(lane_node.db, tid).lines[0].shipped == 2
    assert transfers.scanned(lane_node.db, tid) == {}


def test_cashiers_do_not_get_the_transfers_tab(lane_node: Node) -> None:
    page = lane_node.client
    csrf = _csrf(page.get("/picker/").get_data(as_text=True))
    page.post("/picker/login", data={"csrf": csrf, "name": CASHIER[0], "pin": CASHIER[1]})
    assert page.get("/picker/transfers").status_code == 403


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf-token" content="([^"]+)"', html)
    assert match is not None
    return match[1]
