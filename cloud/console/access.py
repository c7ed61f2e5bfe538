"""Who may see or do what in the HQ console: one table, checked in one place (`allowed`)
for every page and action. The README and docs/hq-console.md show the same table."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort, current_app, g, redirect, request, url_for

from cloud.services.hq_users import Console, session

F = TypeVar("F", bound=Callable[..., Any])
COOKIE = "omnistore_hq"
EVERYONE = frozenset({"admin", "merchandiser", "analyst", "support"})

PERMISSIONS: dict[str, frozenset[str]] = {
    "fleet": EVERYONE,
    "exceptions": EVERYONE,
    "exceptions.handle": frozenset({"admin", "support"}),
    "catalogue": EVERYONE,
    "catalogue.edit": frozenset({"admin", "merchandiser"}),
    "pricing": EVERYONE,
    "pricing.edit": frozenset({"admin", "merchandiser"}),
    "stock": EVERYONE,
    "transfers": EVERYONE,
    "transfers.edit": frozenset({"admin", "merchandiser"}),
    "orders": frozenset({"admin", "merchandiser", "support"}),
    "analytics": frozenset({"admin", "merchandiser", "analyst"}),
    "customers": frozenset({"admin", "support"}),
    "customers.edit": frozenset({"admin", "support"}),
}


def may(console: Console | None, action: str) -> bool:
    """Whether this user's role (as stored now) may do `action`."""
    return console is not None and console.role in PERMISSIONS[action]


def current() -> Console | None:
    """The signed-in user of this request (looked up once per request)."""
    if "console" not in g:
        token = request.cookies.get(COOKIE, "")
        engine = current_app.extensions["omnistore_engine"]
        g.console = session(engine, token) if token.startswith("hs_") else None
    found: Console | None = g.console
    return found


def allowed(action: str, *, temporary: bool = False) -> Callable[[F], F]:
    """The one check of a page or action: signed in (else to the sign-in page), a password
    of one's own (else to the page that changes it, unless `temporary` says this view is
    open to a temporary password), the role allowed (else 403), and on a POST the session's
    CSRF token (else 400)."""

    def decorate(view: F) -> F:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            console = current()
            if console is None:
                if request.method == "GET":
                    return redirect(url_for("console.sign_in_page", next=request.path))
                abort(401)
            if console.must_change and not temporary:
                if request.method == "GET":
                    return redirect(url_for("console.password_page"))
                abort(403)
            if not may(console, action):
                abort(403)
            if request.method == "POST":
                sent = request.form.get("csrf", "")
                if not hmac.compare_digest(sent, console.csrf):
                    abort(400, description="missing or wrong CSRF token; reload the page")
            return view(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
