"""The HQ console through Flask's test client: users, sign-in with CSRF and the throttle,
sessions, the role table per page and action, bad input 4xx with nothing changed, the
fleet's node reports."""

from __future__ import annotations

import re
from typing import Any

import pytest
import sqlalchemy as sa

from cloud.console.access import PERMISSIONS
from cloud.services import hq_users
from cloud.storage.schema import exception_states, products
from shared.errors import TooManyRequests, Unprocessable
from tests.cloud_fixtures import CloudUnderTest, push, sale_event

PASSWORD = "correct horse battery"
PAGES = {
    "fleet": "/hq/fleet",
    "exceptions": "/hq/exceptions",
    "catalogue": "/hq/catalogue",
    "stock": "/hq/stock?sku=MILK",
    "orders": "/hq/orders",
    "analytics": "/hq/analytics",
}


def _user(cloud: CloudUnderTest, email: str, role: str) -> None:
    with cloud.engine.begin() as conn:
        hq_users.add_user(conn, email, role, PASSWORD)


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html
    return found.group(1)


def sign_in(cloud: CloudUnderTest, email: str, password: str = PASSWORD) -> Any:
    page = cloud.client.get("/hq/sign-in")
    return cloud.client.post(
        "/hq/sign-in",
        data={"csrf": _csrf(page.get_data(as_text=True)), "email": email, "password": password},
    )


def test_passwords_are_scrypt_hashed_and_checked() -> None:
    stored = hq_users.hash_password(PASSWORD)
    assert stored.startswith("scrypt$") and PASSWORD not in stored
    assert hq_users.check_password(PASSWORD, stored)
    assert not hq_users.check_password(PASSWORD + "x", stored)
    assert not hq_users.check_password(PASSWORD, None)


def test_add_user_refuses_bad_input(cloud: CloudUnderTest) -> None:
    with cloud.engine.begin() as conn:
        for email, role, password in [
            ("nope", "admin", PASSWORD),
            ("a@b.example", "boss", PASSWORD),
            ("a@b.example", "admin", "short"),
        ]:
            with pytest.raises(Unprocessable):
                hq_users.add_user(conn, email, role, password)


def test_sign_in_needs_csrf_then_sets_a_strict_cookie(cloud: CloudUnderTest) -> None:
    _user(cloud, "ana@chain.example", "admin")
    assert cloud.client.get("/hq/fleet").status_code == 302  # to the sign-in page
    refused = cloud.client.post(
        "/hq/sign-in", data={"email": "ana@chain.example", "password": PASSWORD}
    )
    assert refused.status_code == 400
    answer = sign_in(cloud, "ana@chain.example")
    assert answer.status_code == 302
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/hq" in cookie
    page = cloud.client.get("/hq/fleet")
    assert page.status_code == 200
    csp = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    # a form without the session's CSRF token changes nothing
    assert cloud.client.post("/hq/sign-out").status_code == 400
    html = page.get_data(as_text=True)
    assert cloud.client.post("/hq/sign-out", data={"csrf": _csrf(html)}).status_code == 302
    assert cloud.client.get("/hq/fleet").status_code == 302  # the session ended


def test_five_failures_lock_the_email_for_15_minutes(cloud: CloudUnderTest) -> None:
    _user(cloud, "ana@chain.example", "admin")
    for _ in range(5):
        assert sign_in(cloud, "ana@chain.example", "wrong password!").status_code == 401
    locked = sign_in(cloud, "ana@chain.example")  # the right password too
    assert locked.status_code == 429
    assert 880 <= int(locked.headers["Retry-After"]) <= 900
    assert sign_in(cloud, "someone@else.example", "whatever12").status_code == 401


@pytest.mark.parametrize("role", ["admin", "merchandiser", "analyst", "support"])
def test_each_role_sees_the_pages_of_the_table(cloud: CloudUnderTest, role: str) -> None:
    _user(cloud, f"{role}@chain.example", role)
    assert sign_in(cloud, f"{role}@chain.example").status_code == 302
    for action, path in PAGES.items():
        status = cloud.client.get(path).status_code
        assert status == (200 if role in PERMISSIONS[action] else 403), (role, path)
    csv = cloud.client.get("/hq/analytics/top_products.csv")
    assert csv.status_code == (200 if role in PERMISSIONS["analytics"] else 403)


@pytest.mark.parametrize("role", ["analyst", "support"])
def test_who_may_not_edit_a_product_cannot(cloud: CloudUnderTest, role: str) -> None:
    cloud.product("MILK", price=129)
    _user(cloud, f"{role}@chain.example", role)
    sign_in(cloud, f"{role}@chain.example")
    page = cloud.client.get("/hq/catalogue/MILK")
    assert page.status_code == 200 and "disabled" in page.get_data(as_text=True)
    assert cloud.client.get("/hq/catalogue/new").status_code == 403
    fleet = cloud.client.get("/hq/fleet").get_data(as_text=True)
    form = {"csrf": _csrf(fleet), "sku": "MILK", "name": "Free milk", "price": "0.01"}
    answer = cloud.client.post("/hq/catalogue", data=form | {"vat_rate_bp": "700"})
    assert answer.status_code == 403
    with cloud.engine.connect() as conn:
        price = conn.execute(sa.select(products.c.price).where(products.c.sku == "MILK"))
        assert price.scalar_one() == 129


def test_a_merchandiser_creates_a_product_and_bad_input_is_422(cloud: CloudUnderTest) -> None:
    _user(cloud, "mia@chain.example", "merchandiser")
    sign_in(cloud, "mia@chain.example")
    csrf = _csrf(cloud.client.get("/hq/catalogue/new").get_data(as_text=True))
    good = {"csrf": csrf, "sku": "TEA", "name": "Tea", "price": "3.49", "vat_rate_bp": "700"}
    before = cloud.counts()
    for bad in (
        {"price": "3.499"},
        {"price": "lots"},
        {"vat_rate_bp": "99999"},
        {"sku": "no spaces"},
    ):
        answer = cloud.client.post("/hq/catalogue", data=good | bad)
        assert answer.status_code == 422, bad
        assert 'role="alert"' in answer.get_data(as_text=True)
    assert cloud.counts() == before
    answer = cloud.client.post("/hq/catalogue", data=good | {"active": "on"})
    assert answer.status_code == 302
    got = cloud.client.get("/api/v1/products/TEA", headers=cloud.readonly).get_json()
    assert got["price"] == 349 and got["vat_rate_bp"] == 700 and got["active"] is True


def test_support_resolves_an_exception_with_a_note(cloud: CloudUnderTest) -> None:
    node = cloud.node("S1")
    cloud.product("MILK")
    push(node, sale_event("S1", "MILK", 2))  # no stock: an oversell exception
    _user(cloud, "sam@chain.example", "support")
    sign_in(cloud, "sam@chain.example")
    html = cloud.client.get("/hq/exceptions?state=open").get_data(as_text=True)
    exception_id = re.search(r'data-id="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    url = f"/hq/exceptions/{exception_id}"
    csrf = _csrf(html)
    assert cloud.client.post(url, data={"csrf": csrf, "action": "resolved"}).status_code == 400
    assert cloud.client.post(url, data={"csrf": csrf, "action": "delete"}).status_code == 400
    assert (
        cloud.client.post(
            "/hq/exceptions/nope", data={"csrf": csrf, "action": "acknowledged"}
        ).status_code
        == 404
    )
    answer = cloud.client.post(url, data={"csrf": csrf, "action": "resolved", "note": "counted"})
    assert answer.status_code == 302
    with cloud.engine.connect() as conn:
        row = conn.execute(sa.select(exception_states)).mappings().one()
    assert (row["state"], row["note"], row["by"]) == ("resolved", "counted", "sam@chain.example")
    assert exception_id not in cloud.client.get("/hq/exceptions?state=open").get_data(as_text=True)


def test_fleet_shows_what_nodes_report(cloud: CloudUnderTest) -> None:
    node = cloud.node("S1")
    cloud.add_store("S2")  # never enrolled
    answer = node.request(
        "POST",
        "/api/v1/sync/push",
        {"clock_offset_s": 2.5, "events": []},
        headers={"X-Omnistore-Version": "9.9.9", "X-Omnistore-Outbox": "17"},
    )
    assert answer.status_code == 200
    _user(cloud, "ana@chain.example", "analyst")
    sign_in(cloud, "ana@chain.example")
    html = cloud.client.get("/hq/fleet").get_data(as_text=True)
    row = html[html.index('data-store="S1"') :][:1200]
    assert "online" in row and "9.9.9" in row and "17" in row and "2.5 s" in row
    assert "not enrolled" in html[html.index('data-store="S2"') :][:400]


def test_analytics_bad_range_is_400(cloud: CloudUnderTest) -> None:
    _user(cloud, "ana@chain.example", "analyst")
    sign_in(cloud, "ana@chain.example")
    assert cloud.client.get("/hq/analytics?from=2026-02-01&to=2026-01-01").status_code == 400
    assert cloud.client.get("/hq/analytics?from=junk").status_code == 400
    assert cloud.client.get("/hq/analytics?store=NOPE").status_code == 404
    assert cloud.client.get("/hq/analytics/nothing.csv").status_code == 404


def test_the_orders_board_shows_an_open_order_by_state_and_age(cloud: CloudUnderTest) -> None:
    node = cloud.node("S1")
    cloud.product("MILK")
    cloud.receive("S1", "MILK", 10)
    push(node)  # a store that just synced: no safety buffer
    order = {
        "id": "0192f0c4-8e1a-7c3b-9d2e-00000000abcd",
        "store": "S1",
        "customer": {"name": "Ada"},
        "lines": [{"sku": "MILK", "qty": 2}],
    }
    answer = cloud.client.post("/api/v1/orders", json=order, headers=cloud.hq)
    assert answer.status_code == 201, answer.get_json()
    _user(cloud, "sam@chain.example", "support")
    sign_in(cloud, "sam@chain.example")
    html = cloud.client.get("/hq/orders").get_data(as_text=True)
    status = answer.get_json()["status"]
    column = html[html.index(f'data-status="{status}"') :]
    column = column[: column.index("</section>")]
    assert f'data-order="{order["id"]}"' in column and "2 units" in column and "0 min" in column
    assert cloud.client.get("/hq/orders?store=S9").status_code == 200
    assert cloud.client.get("/hq/orders?store=bad store").status_code == 400


def test_a_temporary_password_must_be_replaced_before_any_page(cloud: CloudUnderTest) -> None:
    with cloud.engine.begin() as conn:
        hq_users.add_user(conn, "tem@chain.example", "admin", PASSWORD, temporary=True)
    assert sign_in(cloud, "tem@chain.example").status_code == 302
    for path in PAGES.values():
        answer = cloud.client.get(path)
        assert answer.status_code == 302 and answer.headers["Location"].endswith("/hq/password")
    page = cloud.client.get("/hq/password")
    assert page.status_code == 200 and "Choose your password" in page.get_data(as_text=True)
    csrf = _csrf(page.get_data(as_text=True))
    assert cloud.client.post("/hq/catalogue", data={"csrf": csrf}).status_code == 403
    new = "my very own passphrase"
    for form, code in (
        ({"current": PASSWORD, "new": new, "again": new + "!"}, 422),  # differ
        ({"current": "wrong password!", "new": new, "again": new}, 422),
        ({"current": PASSWORD, "new": "short", "again": "short"}, 422),
        ({"current": PASSWORD, "new": PASSWORD, "again": PASSWORD}, 422),
        ({"current": PASSWORD, "new": new, "again": new}, 302),
    ):
        answer = cloud.client.post("/hq/password", data=form | {"csrf": csrf})
        assert answer.status_code == code, (form, answer.get_data(as_text=True)[-300:])
    assert cloud.client.get("/hq/fleet").status_code == 302  # every session ended
    assert sign_in(cloud, "tem@chain.example").status_code == 401  # the old one is gone
    assert sign_in(cloud, "tem@chain.example", new).status_code == 302
    assert cloud.client.get("/hq/fleet").status_code == 200  # no longer temporary
    assert cloud.client.post("/hq/password", data={"current": new}).status_code == 400  # CSRF


def test_guessing_the_current_password_counts_against_the_sign_in_throttle(
    cloud: CloudUnderTest,
) -> None:
    # A stolen session must not let anyone try passwords at /hq/password without limit.
    _user(cloud, "gus@chain.example", "analyst")
    assert sign_in(cloud, "gus@chain.example").status_code == 302
    csrf = _csrf(cloud.client.get("/hq/password").get_data(as_text=True))
    new = "a brand new passphrase"
    for _ in range(5):
        form = {"csrf": csrf, "current": "a wrong guess!", "new": new, "again": new}
        assert cloud.client.post("/hq/password", data=form).status_code == 422
    right = {"csrf": csrf, "current": PASSWORD, "new": new, "again": new}
    locked = cloud.client.post("/hq/password", data=right)
    assert locked.status_code == 429 and "too many" in locked.get_data(as_text=True)
    with pytest.raises(TooManyRequests):  # one count for both
        hq_users.sign_in(cloud.engine, "gus@chain.example", PASSWORD)
