"""The console's price book: scheduled price versions, promotions (create, end) and a basket
previewed by the shared pricing engine with the rules HQ holds. The same services as
`POST /api/v1/prices` and `PUT /api/v1/promotions/{id}`, so the stores hear of each change
through their feeds exactly as when the API makes it."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from flask import abort, redirect, render_template, request, url_for
from pydantic import ValidationError
from werkzeug.wrappers.response import Response as AnyResponse

from cloud.console.access import allowed
from cloud.console.forms import money, reason_of, words
from cloud.console.views import _engine, bp
from cloud.services import basket_preview, pricing
from shared.clock import utc_now
from shared.errors import OmnistoreError
from shared.ids import new_id
from shared.models import STORE_PATTERN
from shared.pricing.models import PriceVersionIn, PromotionEndIn, PromotionIn

KINDS = ("percent_off", "amount_off", "multibuy", "bundle", "member_price", "basket_percent_off")
LINE = re.compile(r"^\s*([A-Za-z0-9._-]{1,64})(?:\s+(\d{1,5}))?\s*$")


@bp.get("/pricing")
@allowed("pricing")
def pricing_page(error: str = "", status: int = 200, form: dict[str, str] | None = None) -> Any:
    with _engine().connect() as conn:
        versions = pricing.list_prices(conn, None, None, 1000)[-200:]
        promotions = pricing.list_promotions(conn, None, 1000)
    now = utc_now()
    page = render_template(
        "console/pricing.html",
        versions=list(reversed(versions)),
        promotions=sorted(promotions, key=lambda p: p.starts_at, reverse=True),
        now=now,
        kinds=KINDS,
        error=error,
        form=form or {},
        preview=_preview(),
    )
    return page, status


@bp.post("/pricing/prices")
@allowed("pricing.edit")
def add_price() -> AnyResponse | tuple[str, int]:
    form = request.form.to_dict()
    try:
        body = PriceVersionIn(
            id=new_id(),
            sku=form.get("sku", "").strip(),
            price=money(form.get("price", ""), "price"),
            starts_at=_instant(form.get("starts_at", ""), "starts at"),
            ends_at=_optional_instant(form.get("ends_at", ""), "ends at"),
            stores=words(form.get("stores", "")) or None,
        )
        with _engine().begin() as conn:
            pricing.post_price(conn, body)
    except (ValueError, ValidationError, OmnistoreError) as exc:
        return _refused(exc, form)
    return redirect(url_for("console.pricing_page", saved="price"))


@bp.post("/pricing/promotions")
@allowed("pricing.edit")
def add_promotion() -> AnyResponse | tuple[str, int]:
    form = request.form.to_dict()
    try:
        body = _promotion(form)
        with _engine().begin() as conn:
            pricing.put_promotion(conn, new_id(), body)
    except (ValueError, ValidationError, OmnistoreError) as exc:
        return _refused(exc, form)
    return redirect(url_for("console.pricing_page", saved="promotion"))


@bp.post("/pricing/promotions/<promo_id>/end")
@allowed("pricing.edit")
def end_promotion(promo_id: str) -> AnyResponse:
    try:
        with _engine().begin() as conn:
            pricing.end_promotion(conn, promo_id, PromotionEndIn())
    except OmnistoreError:
        abort(404)
    return redirect(url_for("console.pricing_page", saved="ended"))


def _promotion(form: dict[str, str]) -> PromotionIn:
    """The promotion form: one set of fields per kind, as HQ would type them."""
    kind = form.get("kind", "")
    if kind not in KINDS:
        raise ValueError("kind: choose one of the listed kinds")
    skus = words(form.get("skus", ""))
    params = _params(kind, form, skus)
    categories = words(form.get("categories", ""))
    return PromotionIn(
        name=form.get("name", "").strip(),
        kind=kind,  # type: ignore[arg-type]
        skus=skus or None,
        categories=categories or None,
        params=params,
        starts_at=_instant(form.get("starts_at", ""), "starts at"),
        ends_at=_optional_instant(form.get("ends_at", ""), "ends at"),
        stores=words(form.get("stores", "")) or None,
        coupon=form.get("coupon", "").strip() or None,
        members_only=form.get("members_only") == "on",
        priority=_int(form, "priority", default=0),
        stackable=form.get("stackable") == "on",
    )


def _params(kind: str, form: dict[str, str], skus: list[str]) -> dict[str, Any]:
    """The parameters of a promotion of `kind` from the fields that kind uses."""
    if kind == "percent_off":
        return {"percent_bp": _percent(form)}
    if kind == "amount_off":
        return {"amount": money(form.get("amount", ""), "amount off")}
    if kind == "multibuy":
        return {"buy": _int(form, "buy"), "pay": _int(form, "pay")}
    if kind == "bundle":
        return {"skus": skus, "price": money(form.get("price", ""), "bundle price")}
    if kind == "member_price":
        return {"price": money(form.get("price", ""), "member price")}
    return {
        "min_total": money(form.get("min_total", "") or "0", "minimum basket"),
        "percent_bp": _percent(form),
    }


def _preview() -> dict[str, Any] | None:
    """The basket preview asked for in the query (`lines`, `store`, `member`, `coupons`,
    `at`), priced now; None when none was asked."""
    text = request.args.get("lines", "").strip()
    if not text:
        return None
    store = request.args.get("store", "").strip()
    answer: dict[str, Any] = {"lines": text, "store": store, "error": "", "basket": None}
    try:
        if not re.fullmatch(STORE_PATTERN.strip("^$"), store):
            raise ValueError("store: the code of a store")
        wanted = [_line(row) for row in text.splitlines() if row.strip()][:100]
        at = _optional_instant(request.args.get("at", ""), "at") or utc_now()
        with _engine().connect() as conn:
            answer["basket"] = basket_preview.preview(
                conn,
                store,
                wanted,
                at=at,
                member=request.args.get("member") == "on",
                coupons=words(request.args.get("coupons", "")),
            )
    except (ValueError, OmnistoreError) as exc:
        answer["error"] = reason_of(exc)
    return answer


def _line(row: str) -> tuple[str, int]:
    found = LINE.match(row)
    if found is None:
        raise ValueError(f"basket line {row.strip()[:40]!r}: write SKU and quantity, e.g. MILK 3")
    qty = int(found.group(2) or 1)
    if not 1 <= qty <= 10_000:
        raise ValueError("quantity: 1 to 10,000")
    return found.group(1), qty


def _instant(text: str, label: str) -> datetime:
    """A time typed as `YYYY-MM-DDTHH:MM` (a datetime-local field), read as UTC."""
    found = _optional_instant(text, label)
    if found is None:
        raise ValueError(f"{label}: a date and time (UTC)")
    return found


def _optional_instant(text: str, label: str) -> datetime | None:
    text = text.strip()
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError(f"{label}: a date and time like 2026-12-24T08:00 (UTC)") from exc
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _percent(form: dict[str, str]) -> int:
    text = form.get("percent", "").strip().replace(",", ".").rstrip("%")
    try:
        return round(float(text) * 100)
    except ValueError as exc:
        raise ValueError("percent: a number like 10 or 12.5") from exc


def _int(form: dict[str, str], name: str, default: int | None = None) -> int:
    text = form.get(name, "").strip()
    if not text and default is not None:
        return default
    if not text.isdigit():
        raise ValueError(f"{name}: a whole number")
    return int(text)


def _refused(exc: Exception, form: dict[str, str]) -> tuple[str, int]:
    status = exc.status if isinstance(exc, OmnistoreError) else 422
    page, _ = pricing_page(error=reason_of(exc), status=status, form=form)
    return page, status
