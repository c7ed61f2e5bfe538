"""Selling: price the lines, settle the tenders, number the receipt, and record the sale,
its stock movements and its outbox event in one transaction."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel
from sqlite_utils import Database

from edge import catalog, clock, customers, loyalty, outbox, pricing, stock
from edge.node import NodeConfig
from edge.recovery import RELEARNED, refuse_while_restoring
from edge.staff import Actor, require_manager
from edge.storage import sales as rows
from edge.storage.db import write
from edge.storage.shifts import current_shift_id
from shared.api import canonical_json
from shared.errors import NotFound, OmnistoreError, Unprocessable, idempotency_conflict
from shared.models import (
    ManualDiscount,
    ManualDiscountIn,
    Payment,
    PriceOverride,
    Sale,
    SaleEvent,
    SaleIn,
    SaleLine,
    SaleLineIn,
    VatSummary,
)
from shared.money import MAX_MONEY, vat_breakdown
from shared.pricing.engine import Manual, PricedLine
from shared.pricing.manual import within_cap
from shared.tenders import change_due
from shared.tills import BasketQuoteIn, BasketQuoteOut, QuotedLine


def request_hash(request: BaseModel) -> str:
    """What makes two requests with one id 'the same request' (idempotency)."""
    return hashlib.sha256(canonical_json(request.model_dump(mode="json")).encode()).hexdigest()


def record_sale(
    db: Database,
    node: NodeConfig,
    actor: Actor,
    request: SaleIn,
    holds: loyalty.HoldAsk | None = None,
) -> tuple[Sale, bool]:
    """Commit a sale once. Returns (sale, created); a retry of the same request returns the
    stored sale, the same id with another body is `idempotency_conflict`. A customer
    attached makes the sale a member's (member prices, members-only promotions) and earns
    points; a points tender is held at the cloud first when `holds` reaches it (else
    redeemed offline)."""
    digest = request_hash(request)
    existing = rows.get_sale(db, request.id)
    if existing is not None:
        if existing[1] not in (digest, RELEARNED):
            raise idempotency_conflict("sale", request.id)
        return existing[0], False
    member = _member(db, request)
    # Approval before the write transaction, so a wrong PIN counts against the throttle,
    # and before any points are held for a sale that would be refused.
    first = quote(db, node, request.lines, request.coupons, request.discount, member)
    manager = _approval(db, actor, request, first)
    redeem = loyalty.tendered(db, request.customer_id, request.payments)
    if redeem is not None:
        change_due(first.total, request.payments)  # a hold only for a sale that settles
        redeem = loyalty.hold(redeem, holds)
    with write(db):
        existing = rows.get_sale(db, request.id)
        if existing is not None:
            if existing[1] not in (digest, RELEARNED):
                raise idempotency_conflict("sale", request.id)
            return existing[0], False
        refuse_while_restoring(db)
        occurred_at, device_time = clock.now(db)
        priced = _price(
            db, node, request.lines, request.coupons, request.discount, occurred_at, member
        )
        if manager is None:  # the rules changed since (a pull in between)
            manager = _approval(db, actor, request, priced)
        lines = _sale_lines(request, priced, manager)
        total = priced.total
        if total > MAX_MONEY:
            raise Unprocessable("amount_too_large", f"sale total exceeds {MAX_MONEY}")
        change = change_due(total, request.payments)
        if change > MAX_MONEY:
            raise Unprocessable("amount_too_large", f"change exceeds {MAX_MONEY}")
        if redeem is not None:
            loyalty.check_offline(db, redeem)
        seq = rows.next_receipt_seq(db, actor.register)
        sale = Sale(
            id=request.id,
            store=node.store,
            register=actor.register,
            receipt_no=f"{node.store}-{actor.register}-{seq}",
            occurred_at=occurred_at,
            cashier=actor.name,
            lines=lines,
            payments=[Payment(**p.model_dump()) for p in request.payments],
            total=total,
            change=change,
            vat=vat_summary(lines),
            customer_id=request.customer_id,
            coupons=request.coupons,
            discount=_manual_record(request.discount, manager, priced.over_cap_basket),
            member=member,
        )
        if request.customer_id is not None:
            sale.loyalty = loyalty.on_sale(
                db,
                node.store,
                sale.id,
                sale.receipt_no,
                request.customer_id,
                sale.total,
                redeem,
                node.currency,
                (occurred_at, device_time),
            )
        rows.insert_sale(db, sale, seq, digest, current_shift_id(db, actor.register))
        movements = stock.record_local(
            db, node.store, [(line.sku, -line.qty) for line in lines], "sale", sale.id, occurred_at
        )
        outbox.append(
            db,
            node.store,
            "sale",
            SaleEvent(sale=sale, movements=movements),
            occurred_at,
            device_time,
        )
    return sale, True


def _member(db: Database, request: SaleIn) -> bool:
    """A customer attached (and known here: else 422 `unknown_customer`) makes the sale a
    member's: member prices and members-only promotions apply."""
    if request.customer_id is None:
        return False
    try:
        customers.resolve(db, request.customer_id)
    except NotFound as exc:
        raise Unprocessable(exc.code, exc.message) from exc
    return True


def get_sale(db: Database, sale_id: str) -> Sale:
    """A sale recorded at this node, or 404 `unknown_sale`."""
    found = rows.get_sale(db, sale_id)
    if found is None:
        raise NotFound("unknown_sale", f"no sale {sale_id} at this node")
    return found[0]


def by_receipt(db: Database, receipt_no: str) -> list[Sale]:
    """The sale printed with this receipt number at this node, as a list of none or one."""
    sale_id = rows.sale_id_for_receipt(db, receipt_no)
    return [] if sale_id is None else [get_sale(db, sale_id)]


def vat_summary(lines: list[SaleLine]) -> list[VatSummary]:
    """VAT per rate, computed per line with half-up rounding, for receipts and reports."""
    return [
        VatSummary(rate_bp=v.rate_bp, gross=v.gross, vat=v.vat, net=v.net)
        for v in vat_breakdown((line.total, line.vat_rate_bp) for line in lines)
    ]


@dataclass(frozen=True)
class Quote:
    """A sale's lines priced by the engine, with what needs a manager."""

    names: list[str]
    barcodes: list[str | None]
    lines: list[PricedLine]
    total: int
    over_cap_lines: set[int]
    over_cap_basket: bool

    overrides: bool = False

    @property
    def needs_manager(self) -> bool:
        return bool(self.over_cap_lines) or self.over_cap_basket or self.overrides


def quote(
    db: Database,
    node: NodeConfig,
    lines: list[SaleLineIn],
    coupons: list[str],
    discount: ManualDiscountIn | None,
    member: bool = False,
) -> Quote:
    """What a basket costs now, line by line, exactly as `record_sale` will price it
    (nothing is recorded): for the till to show each discount as it is scanned."""
    return _price(db, node, lines, coupons, discount, clock.now(db)[0], member)


def quote_basket(db: Database, node: NodeConfig, body: BasketQuoteIn) -> BasketQuoteOut:
    """`quote` as the wire answers it, for a till (local or remote) to show each line's
    discounts; unknown products are 422 like a sale's."""
    found = quote(db, node, body.lines, body.coupons, body.discount, body.customer_id is not None)
    return BasketQuoteOut(
        lines=[
            QuotedLine(
                sku=line.sku,
                qty=line.qty,
                unit_price=line.unit_price,
                total=line.total,
                discounts=line.discounts,
            )
            for line in found.lines
        ],
        total=found.total,
        needs_manager=found.needs_manager,
    )


def _price(
    db: Database,
    node: NodeConfig,
    request_lines: list[SaleLineIn],
    coupons: list[str],
    discount: ManualDiscountIn | None,
    at: datetime,
    member: bool,
) -> Quote:
    """The book's price at the node's corrected clock, then the shared engine."""
    resolved = [_resolve(db, line) for line in request_lines]
    to_price = [
        pricing.LineToPrice(
            product=found.product,
            qty=line.qty,
            barcode=found.barcode,
            override=None if line.price_override is None else line.price_override.price,
            manual=_manual(line.discount),
        )
        for found, line in zip(resolved, request_lines, strict=True)
    ]
    basket = pricing.price_sale(
        db,
        node.store,
        to_price,
        at,
        member=member,
        coupons=coupons,
        basket_manual=_manual(discount),
    )
    for line in basket.lines:
        if line.unit_price * line.qty > MAX_MONEY:
            raise Unprocessable("amount_too_large", f"line total exceeds {MAX_MONEY}")
    cap = pricing.cap_bp(db)
    over = {
        n
        for n, (line, priced) in enumerate(zip(request_lines, basket.lines, strict=True))
        if _over_cap(line.discount, priced.unit_price * priced.qty, cap)
    }
    list_total = sum(line.unit_price * line.qty for line in basket.lines)
    basket_over = _over_cap(discount, list_total, cap)
    return Quote(
        [found.product.name for found in resolved],
        [found.barcode for found in resolved],
        basket.lines,
        basket.total,
        over,
        basket_over,
        any(line.price_override is not None for line in request_lines),
    )


def _over_cap(given: ManualDiscountIn | None, list_total: int, cap: int) -> bool:
    manual = _manual(given)
    return manual is not None and not within_cap(manual, list_total, cap)


def _resolve(db: Database, line: SaleLineIn) -> catalog.Resolved:
    try:
        return catalog.resolve(db, line.sku, line.barcode)
    except OmnistoreError as exc:
        raise Unprocessable(exc.code, exc.message) from exc


def _manual(given: ManualDiscountIn | None) -> Manual | None:
    return None if given is None else Manual(given.percent_bp, given.amount)


def _approval(db: Database, actor: Actor, request: SaleIn, priced: Quote) -> str | None:
    """A price override, and a manual discount above HQ's cap, need a manager (PIN in the
    request, or a manager's own session); the approving manager's name, else None."""
    if not priced.needs_manager:
        return None
    return require_manager(db, actor, request.manager_pin)


def _sale_lines(request: SaleIn, priced: Quote, manager: str | None) -> list[SaleLine]:
    """The lines as stored for ever: list price, discount, promotions, what the cashier did."""
    out = []
    for n, (line, result) in enumerate(zip(request.lines, priced.lines, strict=True)):
        override = line.price_override
        out.append(
            SaleLine(
                sku=result.sku,
                name=priced.names[n],
                qty=result.qty,
                unit_price=result.unit_price,
                total=result.total,
                vat_rate_bp=result.vat_rate_bp,
                barcode=priced.barcodes[n],
                discount=result.discount,
                promotions=result.promotions,
                discounts=result.discounts,
                manual_discount=_manual_record(line.discount, manager, n in priced.over_cap_lines),
                price_override=None
                if override is None
                else PriceOverride(
                    price=override.price, reason=override.reason, approved_by=manager
                ),
            )
        )
    return out


def _manual_record(
    given: ManualDiscountIn | None, manager: str | None, over_cap: bool
) -> ManualDiscount | None:
    """A manual discount as recorded; the approving manager is named when it was needed."""
    if given is None:
        return None
    return ManualDiscount(
        percent_bp=given.percent_bp,
        amount=given.amount,
        reason=given.reason,
        approved_by=manager if over_cap else None,
    )


def list_sales(db: Database, after: tuple[str, str] | None, limit: int) -> list[Sale]:
    """This node's sales in (occurred_at, id) order, after a page position."""
    return rows.list_sales(db, after, limit)
