"""The picker page: server-rendered HTML for a store tablet. Session cookie with CSRF
protection, an order queue that updates itself, pick lists by shelf location, picking by
scan or tap, short picks, ready, and handover by pickup code or the customer's QR."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.wrappers.response import Response as Redirect

from edge import catalog, orders
from edge.printing import Printing
from edge.settings import NodeSettings
from edge.staff import Actor, authenticate, sign_in, sign_out
from edge.web.context import config, db
from httpshell.routes import committed
from shared.api import validate
from shared.clock import utc_now
from shared.errors import OmnistoreError
from shared.models import CollectIn, Order, PickIn, SessionIn, ShortIn
from shared.pickup import parse_pickup_qr

bp = Blueprint(
    "picker",
    __name__,
    url_prefix="/picker",
    template_folder="templates",
    static_folder="static",
    static_url_path="/static",
)
F = TypeVar("F", bound=Callable[..., Any])
PICK_TARGET_S = 30 * 60


@bp.before_request
def _csrf() -> None:
    """Every POST carries the session's CSRF token (form field or X-CSRF-Token header)."""
    session.setdefault("csrf", secrets.token_urlsafe(24))
    if request.method == "POST":
        sent = request.form.get("csrf") or request.headers.get("X-CSRF-Token", "")
        if not hmac.compare_digest(sent, session["csrf"]):
            abort(400, description="missing or wrong CSRF token; reload the page")


def picker_required(view: F) -> F:
    """The cookie names a server-side session (the same sessions as the lane API): it ends
    at sign-out, after 12 h, and when the staff member is removed or changes role."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if _signed_in() is None:
            session.pop("token", None)
            return redirect(url_for("picker.home"))
        return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _signed_in() -> Actor | None:
    token = session.get("token")
    if not isinstance(token, str):
        return None
    try:
        return authenticate(db(), token)
    except OmnistoreError:
        return None


@bp.get("/")
def home() -> str:
    if _signed_in() is None:
        return render_template("picker/login.html")
    from edge.web.picker_labels import waiting_count

    return render_template("picker/queue.html", orders=_queue(), labels_waiting=waiting_count())


@bp.post("/login")
def login() -> Redirect:
    """Fields are validated like the lane API's sign-in (bounded name, digits-only PIN)
    before anything is looked up or counted."""
    body = validate(
        SessionIn,
        {"name": request.form.get("name", ""), "pin": request.form.get("pin", "")},
    )
    try:
        token, _, _ = sign_in(db(), body.name, body.pin, "picker")
    except OmnistoreError as exc:
        flash(exc.message, "error")
        return redirect(url_for("picker.home"))
    session.clear()
    session["token"] = token
    session["csrf"] = secrets.token_urlsafe(24)
    return redirect(url_for("picker.home"))


@bp.post("/logout")
def logout() -> Redirect:
    who = _signed_in()
    if who is not None:
        sign_out(db(), who)
    session.clear()
    return redirect(url_for("picker.home"))


@bp.get("/api/orders")
@picker_required
def queue_json() -> Response:
    """What the queue page polls to update without a reload."""
    return jsonify({"orders": _queue()})


@bp.get("/orders/<order_id>")
@picker_required
def order_page(order_id: str) -> str:
    order = orders.get(db(), order_id)
    return render_template("picker/order.html", order=_view(order), lines=_pick_list(order))


@bp.post("/orders/<order_id>/scan")
@picker_required
def scan(order_id: str) -> Redirect:
    code = request.form.get("barcode", "").strip()
    return _act(
        order_id,
        lambda: orders.pick_barcode(
            db(), config(), order_id, catalog.lookup_barcode(db(), code).product.sku
        ),
        f"scanned {code}",
    )


@bp.post("/orders/<order_id>/pick")
@picker_required
def tap(order_id: str) -> Redirect:
    sku = request.form.get("sku", "")
    body = validate(PickIn, {"lines": [{"sku": sku, "qty": 1}]})
    return _act(order_id, lambda: orders.pick(db(), config(), order_id, body), f"picked {sku}")


@bp.post("/orders/<order_id>/short")
@picker_required
def short(order_id: str) -> Redirect:
    sku, reason = request.form.get("sku", ""), request.form.get("reason", "").strip()
    body = validate(ShortIn, {"lines": [{"sku": sku, "reason": reason or "not on the shelf"}]})
    return _act(
        order_id, lambda: orders.short(db(), config(), order_id, body), f"{sku} reported short"
    )


@bp.post("/orders/<order_id>/ready")
@picker_required
def ready(order_id: str) -> Redirect:
    """Ready, and the bag label goes to the node's print queue (a printer that is off
    delays the label, never the order)."""

    def ready_and_label() -> Order:
        order = orders.ready(db(), config(), order_id)
        names = {line.sku: _name(line.sku) for line in order.lines}
        current_app.extensions["printing"].bag_label(order, names)
        return order

    return _act(order_id, ready_and_label, "ready for pickup: bag label sent to the printer")


def _name(sku: str) -> str:
    try:
        return catalog.get(db(), sku).name
    except OmnistoreError:
        return sku


@bp.get("/handover")
@picker_required
def handover_page() -> str:
    ready_orders = [_view(o) for o in orders.list_orders(db(), "ready")]
    return render_template("picker/handover.html", orders=ready_orders)


@bp.post("/handover")
@picker_required
def handover() -> Redirect:
    """The customer's QR (`OMNISTORE:PICKUP:<order id>:<code>`) or order + typed code."""
    order_id, code = _parse_handover(request.form.get("scan", ""), request.form)
    try:
        orders.collect(db(), config(), order_id, CollectIn(pickup_code=code))
    except (OmnistoreError, ValueError) as exc:
        flash(getattr(exc, "message", "the pickup code has six digits"), "error")
        return redirect(url_for("picker.handover_page"))
    committed()
    flash(f"order {order_id[:8]} handed over", "ok")
    return redirect(url_for("picker.handover_page"))


def _parse_handover(scan_text: str, form: Any) -> tuple[str, str]:
    scanned = parse_pickup_qr(scan_text)
    if scanned is not None:
        return scanned
    return str(form.get("order_id", "")), str(form.get("code", "") or scan_text.strip())


def _act(order_id: str, change: Callable[[], Order], done: str) -> Redirect:
    try:
        change()
    except OmnistoreError as exc:
        flash(exc.message, "error")
    except ValueError as exc:
        flash(str(exc).splitlines()[0], "error")
    else:
        committed()
        flash(done, "ok")
    return redirect(url_for("picker.order_page", order_id=order_id))


def _queue() -> list[dict[str, Any]]:
    return [_view(o) for o in orders.list_orders(db(), None)]


def _view(order: Order) -> dict[str, Any]:
    age = orders.age_s(order, utc_now())
    return {
        "id": order.id,
        "short_id": order.id[:8],
        "status": order.status,
        "customer": order.customer.get("name", ""),
        "age_s": int(age),
        "age_min": int(age // 60),
        "target_min": PICK_TARGET_S // 60,
        "late": age > PICK_TARGET_S,
        "units": sum(line.qty for line in order.lines),
        "picked": sum(line.picked for line in order.lines),
    }


def shelf_place(sku: str) -> tuple[str, str]:
    """A product's name and shelf location for a picking list (the SKU and `—` when the
    node does not know it)."""
    try:
        product = catalog.get(db(), sku)
    except OmnistoreError:
        return sku, "—"
    return product.name, product.location or "—"


def _pick_list(order: Order) -> list[dict[str, Any]]:
    """Lines in shelf order, so the picker walks the store once."""
    lines = []
    for line in order.lines:
        name, location = shelf_place(line.sku)
        lines.append(
            {
                "sku": line.sku,
                "name": name,
                "location": location,
                "qty": line.qty,
                "picked": line.picked,
                "short_reason": line.short_reason,
                "done": line.picked >= line.qty,
            }
        )
    return sorted(lines, key=lambda item: (item["location"], item["name"]))


def register(app: Any, settings: NodeSettings) -> None:
    """Mount the picker page with a session key from the data dir, and the node's printer."""
    from edge.node import web_secret

    app.secret_key = web_secret(app.config["DATA_DIR"])
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict")
    import edge.web.picker_labels  # noqa: F401  (its routes join the blueprint)

    app.register_blueprint(bp)
    app.extensions.setdefault("printing", Printing(app.config["NODE"], paper_mm=settings.paper_mm))


# The Transfers tab's views join this blueprint (imported last: it needs `bp` defined).
from edge.web import picker_transfers as _transfers_tab  # noqa: E402,F401
