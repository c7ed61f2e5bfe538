"""The console's customers: search, one customer's timeline across stores and the web shop,
merge two records, export everything held (JSON download) and erase the personal fields
(at every node, through the feeds). The same services as `/api/v1/customers`."""

from __future__ import annotations

import re
from typing import Any

from flask import Response, abort, current_app, redirect, render_template, request, url_for
from werkzeug.wrappers.response import Response as AnyResponse

from cloud.console.access import allowed
from cloud.console.forms import reason_of
from cloud.console.views import _engine, bp
from cloud.services import customers
from shared.errors import NotFound, OmnistoreError
from shared.models import UUID_PATTERN


def _region() -> str:
    return str(current_app.config["DEFAULT_REGION"])


def _uuid(value: str) -> str:
    if not re.fullmatch(UUID_PATTERN.strip("^$"), value):
        abort(404)
    return value


@bp.get("/customers")
@allowed("customers")
def customers_page() -> str:
    q = request.args.get("q", "").strip()[:200]
    found = []
    if q:
        with _engine().connect() as conn:
            found = customers.search(conn, q, _region(), None, 100)
    return render_template("console/customers.html", q=q, found=found)


@bp.get("/customers/<customer_id>")
@allowed("customers")
def customer_page(customer_id: str, error: str = "", status: int = 200) -> Any:
    with _engine().connect() as conn:
        try:
            customer = customers.get(conn, _uuid(customer_id))
            timeline = customers.timeline(conn, customer_id, 500)
        except NotFound:
            abort(404)
    page = render_template(
        "console/customer.html", customer=customer, timeline=timeline, error=error
    )
    return page, status


@bp.post("/customers/<customer_id>/merge")
@allowed("customers.edit")
def merge_customer(customer_id: str) -> AnyResponse | tuple[str, int]:
    into = request.form.get("into", "").strip()
    try:
        with _engine().begin() as conn:
            customers.merge_request(conn, _uuid(customer_id), into)
    except OmnistoreError as exc:
        page, _ = customer_page(customer_id, error=reason_of(exc), status=exc.status)
        return page, exc.status
    return redirect(url_for("console.customer_page", customer_id=into, merged=1))


@bp.post("/customers/<customer_id>/erase")
@allowed("customers.edit")
def erase_customer(customer_id: str) -> AnyResponse:
    if request.form.get("confirm") != "erase":
        page, _ = customer_page(customer_id, error="tick the box to confirm the erasure")
        return Response(page, status=422)
    try:
        with _engine().begin() as conn:
            customers.erase(conn, _uuid(customer_id))
    except NotFound:
        abort(404)
    return redirect(url_for("console.customers_page", erased=1))


@bp.get("/customers/<customer_id>/export.json")
@allowed("customers")
def export_customer(customer_id: str) -> Response:
    with _engine().connect() as conn:
        try:
            found = customers.export(conn, _uuid(customer_id))
        except NotFound:
            abort(404)
    return Response(
        found.model_dump_json(indent=2),
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="customer-{customer_id}.json"'},
    )
