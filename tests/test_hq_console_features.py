"""The HQ console's pages for the price book, customers and transfers, through Flask's
test client: each role sees the pages of its table, a merchandiser schedules prices and
promotions and previews a basket priced by the shared engine, support finds, merges,
exports and erases customers, HQ sees and cancels transfers; bad input is a 4xx that
changes nothing."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import pytest

from cloud.console.access import PERMISSIONS
from tests.cloud_fixtures import CloudUnderTest, event, movement, push
from tests.test_hq_console import _csrf, _user, sign_in

PAGES = {
    "pricing": "/hq/pricing",
    "customers": "/hq/customers?q=ana",
    "transfers": "/hq/transfers",
}


def signed_in(cloud: CloudUnderTest, role: str) -> str:
    """Sign a user of `role` in; the CSRF token of their session."""
    _user(cloud, f"{role}@chain.example", role)
    assert sign_in(cloud, f"{role}@chain.example").status_code == 302
    return _csrf(cloud.client.get("/hq/fleet").get_data(as_text=True))


def text(answer: Any) -> str:
    return str(answer.get_data(as_text=True))


@pytest.mark.parametrize("role", ["admin", "merchandiser", "analyst", "support"])
def test_each_role_sees_the_pages_of_the_table(cloud: CloudUnderTest, role: str) -> None:
    signed_in(cloud, role)
    for action, path in PAGES.items():
        status = cloud.client.get(path).status_code
        assert status == (200 if role in PERMISSIONS[action] else 403), (role, path)


def test_a_merchandiser_schedules_prices_and_promotions_and_previews_a_basket(
    cloud: CloudUnderTest,
) -> None:
    cloud.add_store("S1")
    cloud.product("MILK", price=129)
    cloud.product("WINE", price=899)
    csrf = signed_in(cloud, "merchandiser")
    price = {"csrf": csrf, "sku": "MILK", "price": "1.19", "starts_at": "2026-01-01T00:00"}
    assert cloud.client.post("/hq/pricing/prices", data=price).status_code == 302
    promo = {
        "csrf": csrf,
        "name": "3 for 2 milk",
        "kind": "multibuy",
        "skus": "MILK",
        "buy": "3",
        "pay": "2",
        "starts_at": "2026-01-01T00:00",
    }
    assert cloud.client.post("/hq/pricing/promotions", data=promo).status_code == 302
    page = text(cloud.client.get("/hq/pricing"))
    assert "3 for 2 milk" in page and "1.19" in page
    preview = cloud.client.get(
        "/hq/pricing",
        query_string={"store": "S1", "lines": "MILK 3\nWINE 1", "at": "2026-06-01T12:00"},
    )
    shown = text(preview)
    total = re.search(r'id="preview-total">([^<]+)<', shown)
    assert total is not None and total.group(1) == f"{(2 * 119 + 899) / 100:.2f}"
    # the stores hear of both through their feeds (the same services as the API)
    feed = cloud.client.get("/api/v1/promotions", headers=cloud.hq).get_json()
    assert [p["name"] for p in feed["items"]] == ["3 for 2 milk"]
    promo_id = feed["items"][0]["id"]
    ended = cloud.client.post(f"/hq/pricing/promotions/{promo_id}/end", data={"csrf": csrf})
    assert ended.status_code == 302
    after = cloud.client.get(f"/api/v1/promotions/{promo_id}", headers=cloud.hq).get_json()
    assert after["ends_at"] is not None


def test_bad_price_book_input_is_refused_and_changes_nothing(cloud: CloudUnderTest) -> None:
    cloud.product("MILK", price=129)
    csrf = signed_in(cloud, "merchandiser")
    before = cloud.counts()
    for form in [
        {"sku": "MILK", "price": "1.199", "starts_at": "2026-01-01T00:00"},
        {"sku": "NOPE", "price": "1.00", "starts_at": "2026-01-01T00:00"},
        {"sku": "MILK", "price": "1.00", "starts_at": "yesterday"},
        {
            "sku": "MILK",
            "price": "1.00",
            "starts_at": "2026-01-02T00:00",
            "ends_at": "2026-01-01T00:00",
        },
    ]:
        answer = cloud.client.post("/hq/pricing/prices", data={"csrf": csrf} | form)
        assert answer.status_code in (404, 422) and 'role="alert"' in text(answer), form
    bad_promo = {"csrf": csrf, "name": "x", "kind": "multibuy", "skus": "MILK", "buy": "2",
                 "pay": "3", "starts_at": "2026-01-01T00:00"}  # fmt: skip
    assert cloud.client.post("/hq/pricing/promotions", data=bad_promo).status_code == 422
    preview = cloud.client.get("/hq/pricing", query_string={"store": "S1", "lines": "NOPE 2"})
    assert "no product with SKU NOPE" in text(preview)
    assert cloud.counts() == before


@pytest.mark.parametrize("role", ["analyst", "support"])
def test_who_may_not_change_prices_cannot(cloud: CloudUnderTest, role: str) -> None:
    cloud.product("MILK", price=129)
    csrf = signed_in(cloud, role)
    before = cloud.counts()
    form = {"csrf": csrf, "sku": "MILK", "price": "0.01", "starts_at": "2026-01-01T00:00"}
    assert cloud.client.post("/hq/pricing/prices", data=form).status_code == 403
    assert "Schedule a price" not in text(cloud.client.get("/hq/pricing"))
    assert cloud.counts() == before


def _customer(cloud: CloudUnderTest, name: str, phone: str) -> str:
    customer_id = str(uuid.uuid4())
    answer = cloud.client.put(
        f"/api/v1/customers/{customer_id}", headers=cloud.hq, json={"name": name, "phone": phone}
    )
    assert answer.status_code == 201, answer.get_json()
    return customer_id


def test_support_finds_merges_exports_and_erases_a_customer(cloud: CloudUnderTest) -> None:
    ana = _customer(cloud, "Ana Lima", "+49 30 1234567")
    other = _customer(cloud, "Ana L.", "+49 30 7654321")
    csrf = signed_in(cloud, "support")
    found = text(cloud.client.get("/hq/customers", query_string={"q": "+49301234567"}))
    assert f'data-id="{ana}"' in found and f'data-id="{other}"' not in found
    by_name = text(cloud.client.get("/hq/customers", query_string={"q": "ana"}))
    assert f'data-id="{ana}"' in by_name and f'data-id="{other}"' in by_name
    merged = cloud.client.post(f"/hq/customers/{other}/merge", data={"csrf": csrf, "into": ana})
    assert merged.status_code == 302
    assert (
        cloud.client.get(f"/api/v1/customers/{other}", headers=cloud.hq).get_json()["merged_into"]
        == ana
    )
    export = cloud.client.get(f"/hq/customers/{ana}/export.json")
    assert export.status_code == 200 and "attachment" in export.headers["Content-Disposition"]
    held = json.loads(export.get_data())
    assert held["customer"]["id"] == ana and [m["id"] for m in held["merged"]] == [other]
    unconfirmed = cloud.client.post(f"/hq/customers/{ana}/erase", data={"csrf": csrf})
    assert unconfirmed.status_code == 422
    assert cloud.client.get(f"/api/v1/customers/{ana}", headers=cloud.hq).get_json()["name"]
    erased = cloud.client.post(
        f"/hq/customers/{ana}/erase", data={"csrf": csrf, "confirm": "erase"}
    )
    assert erased.status_code == 302
    assert "Erased here" in text(cloud.client.get(erased.headers["Location"]))
    gone = cloud.client.get(f"/api/v1/customers/{ana}", headers=cloud.hq)
    assert gone.status_code == 404 and gone.get_json()["error"]["code"] == "customer_erased"
    assert cloud.client.get(f"/hq/customers/{ana}").status_code == 404
    found = text(cloud.client.get("/hq/customers", query_string={"q": "+49301234567"}))
    assert f'data-id="{ana}"' not in found


def test_bad_customer_actions_are_refused(cloud: CloudUnderTest) -> None:
    ana = _customer(cloud, "Ana Lima", "+49 30 1234567")
    csrf = signed_in(cloud, "support")
    assert cloud.client.get("/hq/customers/not-an-id").status_code == 404
    assert cloud.client.get(f"/hq/customers/{uuid.uuid4()}").status_code == 404
    before = cloud.counts()
    into_self = cloud.client.post(f"/hq/customers/{ana}/merge", data={"csrf": csrf, "into": ana})
    assert into_self.status_code == 409 and 'role="alert"' in text(into_self)
    no_csrf = cloud.client.post(f"/hq/customers/{ana}/erase", data={"confirm": "erase"})
    assert no_csrf.status_code in (400, 403)
    assert cloud.counts() == before


def test_transfers_in_transit_and_hq_cancel(cloud: CloudUnderTest) -> None:
    s1 = cloud.node("S1")
    cloud.add_store("S2")
    cloud.product("MILK", price=129)
    moving = str(uuid.uuid4())
    sent = {"id": moving, "from": "S1", "to": "S2", "lines": [{"sku": "MILK", "qty": 6}]}
    assert cloud.client.post("/api/v1/transfers", headers=cloud.hq, json=sent).status_code == 201
    transfer = cloud.client.get(f"/api/v1/transfers/{moving}", headers=cloud.hq).get_json()
    transfer |= {"state": "shipped", "lines": [{"sku": "MILK", "qty": 6, "shipped": 5}]}
    shipment = {
        "action": "ship",
        "transfer": transfer,
        "movements": [movement("S1", "MILK", -5, "transfer_out", moving)],
    }
    assert push(s1, event("transfer", shipment))[0]["status"] == "accepted"
    requested = str(uuid.uuid4())
    body = {"id": requested, "from": "S1", "to": "S2", "lines": [{"sku": "MILK", "qty": 4}]}
    assert cloud.client.post("/api/v1/transfers", headers=cloud.hq, json=body).status_code == 201
    csrf = signed_in(cloud, "merchandiser")
    waiting = text(cloud.client.get("/hq/transfers", query_string={"state": "requested"}))
    assert f'data-id="{requested}"' in waiting and "Cancel" in waiting
    shipped_page = text(cloud.client.get("/hq/transfers"))
    assert 'id="in-transit">5 units' in shipped_page and f'data-id="{moving}"' in shipped_page
    stock = text(cloud.client.get("/hq/stock", query_string={"sku": "MILK"}))
    assert re.search(rf'data-id="{moving}">.*S1 → S2</td><td class="num">5<', stock)
    cancel = cloud.client.post(f"/hq/transfers/{requested}/cancel", data={"csrf": csrf})
    assert cancel.status_code == 302
    state = cloud.client.get(f"/api/v1/transfers/{requested}", headers=cloud.hq).get_json()
    assert state["state"] == "cancelled"
    assert cloud.client.get("/hq/transfers", query_string={"state": "lost"}).status_code == 400


def test_the_product_form_keeps_the_category_promotions_select_on(cloud: CloudUnderTest) -> None:
    csrf = signed_in(cloud, "merchandiser")
    form = {"csrf": csrf, "sku": "OJ", "name": "Orange juice", "price": "2.49"}
    form |= {"vat_rate_bp": "700", "category": "drinks/juice", "active": "on"}
    assert cloud.client.post("/hq/catalogue", data=form).status_code == 302
    product = cloud.client.get("/api/v1/products/OJ", headers=cloud.hq).get_json()
    assert product["category"] == "drinks/juice"
    assert 'value="drinks/juice"' in text(cloud.client.get("/hq/catalogue/OJ"))
