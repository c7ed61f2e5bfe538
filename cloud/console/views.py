"""The console's pages and actions. Each is guarded by `access.allowed(<action>)`; each
form carries the session's CSRF token; every refusal of input is a 4xx with the page
saying why, and changes nothing."""

from __future__ import annotations

import re
import secrets
from typing import Any
from urllib.parse import urlencode

import sqlalchemy as sa
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers.response import Response as AnyResponse
from werkzeug.wrappers.response import Response as Redirect

from cloud.console import analytics
from cloud.console.access import COOKIE, PERMISSIONS, allowed, current, may
from cloud.console.forms import money, reason_of
from cloud.services import catalog, fleet, hq_users, reports, transfers
from cloud.services.reporting import EXCEPTION_KINDS
from cloud.storage import console as console_rows
from cloud.storage import stores as store_rows
from shared.clock import now_text, utc_now
from shared.errors import OmnistoreError
from shared.models import OPEN_ORDER_STATUSES, SKU_PATTERN, STORE_PATTERN, Order, ProductIn
from shared.reports import COMMON, REPORTS
from shared.transfers import Transfer

bp = Blueprint(
    "console",
    __name__,
    url_prefix="/hq",
    template_folder="templates",
    static_folder="static",
    static_url_path="/static",
)
PRE_COOKIE = "omnistore_hq_pre"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
STATES = ("open", "acknowledged", "resolved")


def _engine() -> sa.Engine:
    engine: sa.Engine = current_app.extensions["omnistore_engine"]
    return engine


@bp.after_request
def _headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    if not request.path.startswith("/hq/static/"):
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.errorhandler(HTTPException)
def _error(exc: HTTPException) -> tuple[str, int]:
    return render_template("console/error.html", error=exc), exc.code or 500


@bp.app_context_processor
def _context() -> dict[str, Any]:
    return {"me": current, "may": lambda action: may(current(), action), "PERMISSIONS": PERMISSIONS}


def _cookie(response: AnyResponse, name: str, value: str, max_age: int | None) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/hq",
        httponly=True,
        samesite="Strict",
        secure=bool(current_app.config.get("HQ_SECURE_COOKIE")),
    )


# --- sign-in ------------------------------------------------------------------------------


@bp.get("/")
def home() -> Redirect:
    return redirect(url_for("console.fleet_page"))


@bp.get("/sign-in")
def sign_in_page(error: str = "", status: int = 200) -> Response:
    """The sign-in form; its CSRF token is a random cookie the form must echo."""
    pre = request.cookies.get(PRE_COOKIE) or secrets.token_urlsafe(24)
    changed = request.args.get("changed") == "1"
    page = render_template(
        "console/sign_in.html", csrf=pre, error=error, next=_next(), changed=changed
    )
    response = make_response(page, status)
    _cookie(response, PRE_COOKIE, pre, 3600)
    return response


def _next() -> str:
    """Where to go after signing in: a console path only."""
    target = request.values.get("next", "")
    return target if _local(target) else "/hq/fleet"


def _local(target: str) -> bool:
    """A path of this console (never another site: no scheme, host or `//`)."""
    return target.startswith("/hq/") and "//" not in target and "\\" not in target


@bp.post("/sign-in")
def sign_in() -> AnyResponse:
    pre = request.cookies.get(PRE_COOKIE, "")
    if not pre or not secrets.compare_digest(request.form.get("csrf", ""), pre):
        abort(400, description="missing or wrong CSRF token; reload the page")
    email, password = request.form.get("email", ""), request.form.get("password", "")
    try:
        token, _ = hq_users.sign_in(_engine(), email, password)
    except OmnistoreError as exc:
        page = sign_in_page(exc.message, exc.status)
        page.headers.update(exc.headers)
        return page
    response = redirect(_next())
    _cookie(response, COOKIE, token, hq_users.SESSION_TTL_S)
    return response


@bp.get("/password")
@allowed("fleet", temporary=True)
def password_page(error: str = "", status: int = 200) -> tuple[str, int]:
    """Choose a new password (at once after signing in with a temporary one)."""
    console = current()
    assert console is not None  # `allowed` saw to it
    page = render_template("console/password.html", must_change=console.must_change, error=error)
    return page, status


@bp.post("/password")
@allowed("fleet", temporary=True)
def change_password() -> AnyResponse | tuple[str, int]:
    """The current password and the new one twice; then every session ends, this one too."""
    console = current()
    assert console is not None
    new = request.form.get("new", "")
    if new != request.form.get("again", ""):
        return password_page("the two new passwords differ", 422)
    try:
        hq_users.change_password(_engine(), console, request.form.get("current", ""), new)
    except OmnistoreError as exc:
        return password_page(exc.message, exc.status)
    response = redirect(url_for("console.sign_in_page", changed=1))
    response.delete_cookie(COOKIE, path="/hq")
    return response


@bp.post("/sign-out")
@allowed("fleet", temporary=True)
def sign_out() -> AnyResponse:
    console = current()
    if console is not None:
        hq_users.sign_out(_engine(), console)
    response = redirect(url_for("console.sign_in_page"))
    response.delete_cookie(COOKIE, path="/hq")
    return response


# --- fleet and exceptions -------------------------------------------------------------------


@bp.get("/fleet")
@allowed("fleet")
def fleet_page() -> str:
    with _engine().connect() as conn:
        rows = fleet.fleet(conn, current_app.config["HQ_OFFLINE_AFTER_S"])
    return render_template("console/fleet.html", stores=rows)


@bp.get("/exceptions")
@allowed("exceptions")
def exceptions_page() -> tuple[str, int]:
    store = _arg("store", STORE_PATTERN)
    kind = request.args.get("kind") or None
    state = request.args.get("state") or None
    if (kind and kind not in EXCEPTION_KINDS) or (state and state not in STATES):
        abort(400, description="unknown kind or state")
    with _engine().connect() as conn:
        rows = console_rows.exception_list(conn, store, kind, state, 200)
    page = render_template(
        "console/exceptions.html",
        rows=rows,
        kinds=sorted(EXCEPTION_KINDS),
        states=STATES,
        chosen={"store": store or "", "kind": kind or "", "state": state or ""},
    )
    return page, 200


@bp.post("/exceptions/<exception_id>")
@allowed("exceptions.handle")
def handle_exception(exception_id: str) -> Redirect:
    action = request.form.get("action", "")
    note = request.form.get("note", "").strip()
    if action not in ("acknowledged", "resolved") or len(note) > 1000:
        abort(
            400,
            description="action: acknowledged or resolved; a note: at most 1000 characters",
        )
    if action == "resolved" and not note:
        abort(400, description="resolving needs a note saying what was done")
    console = current()
    assert console is not None
    with _engine().begin() as conn:
        if not console_rows.exception_exists(conn, exception_id):
            abort(404)
        console_rows.set_exception_state(
            conn, exception_id, action, note or None, console.email, now_text()
        )
    back = request.form.get("back", "")
    return redirect(back if _local(back) else url_for("console.exceptions_page"))


def _arg(name: str, pattern: str) -> str | None:
    """An optional query argument that must match its pattern (else 400)."""
    value = request.args.get(name, "").strip()
    if not value:
        return None
    if not re.fullmatch(pattern.strip("^$"), value):
        abort(400, description=f"bad {name}")
    return value


# --- catalogue and stock --------------------------------------------------------------------


@bp.get("/catalogue")
@allowed("catalogue")
def catalogue_page() -> str:
    text = request.args.get("q", "").strip()[:100]
    with _engine().connect() as conn:
        rows = console_rows.search_products(conn, text, 200)
    return render_template("console/catalogue.html", rows=rows, q=text)


@bp.get("/catalogue/new")
@allowed("catalogue.edit")
def new_product() -> str:
    return render_template("console/product.html", product=None, form={}, error="")


@bp.get("/catalogue/<sku>")
@allowed("catalogue")
def product_page(sku: str) -> str:
    with _engine().connect() as conn:
        try:
            product = catalog.get_product(conn, sku)
        except OmnistoreError:
            abort(404)
    form = product.model_dump() | {"barcodes": " ".join(product.barcodes)}
    return render_template("console/product.html", product=product, form=form, error="")


@bp.post("/catalogue")
@allowed("catalogue.edit")
def save_product() -> AnyResponse | tuple[str, int]:
    form = request.form.to_dict()
    sku = form.get("sku", "").strip()
    try:
        price = money(form.get("price", ""))
        body = ProductIn(
            name=form.get("name", "").strip(),
            price=price,
            vat_rate_bp=int(form.get("vat_rate_bp", "") or "-1"),
            barcodes=form.get("barcodes", "").split(),
            active=form.get("active") == "on",
            location=form.get("location", "").strip() or None,
            category=form.get("category", "").strip() or None,
        )
        if not re.fullmatch(SKU_PATTERN.strip("^$"), sku):
            raise ValueError("SKU: 1–64 letters, digits, '-', '_' or '.'")
        with _engine().begin() as conn:
            catalog.put_product(conn, sku, body)
    except (ValueError, ValidationError, OmnistoreError) as exc:
        message = reason_of(exc)
        status = exc.status if isinstance(exc, OmnistoreError) else 422
        page = render_template("console/product.html", product=None, form=form, error=message)
        return page, status
    return redirect(url_for("console.product_page", sku=sku, saved=1))


@bp.get("/stock")
@allowed("stock")
def stock_page() -> str:
    sku = _arg("sku", SKU_PATTERN)
    rows: list[dict[str, Any]] = []
    moving: list[tuple[Transfer, int]] = []
    product = None
    if sku:
        with _engine().connect() as conn:
            rows = console_rows.stock_across(conn, sku)
            try:
                product = catalog.get_product(conn, sku)
            except OmnistoreError:
                product = None
            moving = transfers.in_transit_of(conn, sku)
        for row in rows:
            row["available"] = row["on_hand"] - row["reserved"]
    return render_template(
        "console/stock.html", sku=sku or "", rows=rows, product=product, moving=moving
    )


# --- orders ---------------------------------------------------------------------------------


@bp.get("/orders")
@allowed("orders")
def orders_page() -> str:
    store = _arg("store", STORE_PATTERN)
    with _engine().connect() as conn:
        bodies = console_rows.open_orders(conn, store, 1000)
    now = utc_now()
    board: dict[str, list[dict[str, Any]]] = {status: [] for status in OPEN_ORDER_STATUSES}
    for body in bodies:
        order = Order.model_validate_json(body)
        age = int((now - order.created_at).total_seconds() // 60)
        board[order.status].append(
            {"order": order, "age_min": age, "units": sum(line.qty for line in order.lines)}
        )
    for cards in board.values():
        cards.sort(key=lambda card: -card["age_min"])
    return render_template("console/orders.html", board=board, store=store or "")


# --- analytics ------------------------------------------------------------------------------


def _window(conn: sa.Connection) -> reports.Window:
    try:
        return reports.window(
            conn,
            request.args.get("from") or None,
            request.args.get("to") or None,
            _arg("store", STORE_PATTERN),
        )
    except OmnistoreError as exc:
        abort(exc.status, description=exc.message)


@bp.get("/analytics")
@allowed("analytics")
def analytics_page() -> str:
    sections = []
    with _engine().connect() as conn:
        win = _window(conn)
        codes = [row["code"] for row in store_rows.list_stores(conn)]
        for name, (title, columns, text) in REPORTS.items():
            rows = reports.run(conn, name, win)
            sections.append(
                {
                    "name": name,
                    "title": title,
                    "columns": columns,
                    "definition": text,
                    "rows": rows,
                    "chart": analytics.chart(name, title, rows, win),
                    "csv": url_for("console.analytics_csv", name=name) + "?" + _query(win),
                }
            )
    return render_template(
        "console/analytics.html",
        sections=sections,
        common=COMMON,
        win=win,
        store=(win.stores or [""])[0],
        stores=codes,
    )


def _query(win: reports.Window) -> str:
    args = {"from": win.start, "to": win.end}
    if win.stores:
        args["store"] = win.stores[0]
    return urlencode(args)


@bp.get("/analytics/<name>.csv")
@allowed("analytics")
def analytics_csv(name: str) -> Response:
    if name not in REPORTS:
        abort(404)
    with _engine().connect() as conn:
        rows = reports.run(conn, name, _window(conn))
    return Response(
        reports.as_csv(name, rows),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )
