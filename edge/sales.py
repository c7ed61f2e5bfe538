"""Selling: price the lines, settle the tenders, number the receipt, and record the sale,
its stock movements and its outbox event in one transaction."""

from __future__ import annotations

import hashlib

from pydantic import BaseModel
from sqlite_utils import Database

from edge import catalog, clock, outbox, stock
from edge.node import NodeConfig
from edge.recovery import RELEARNED, refuse_while_restoring
from edge.staff import Actor
from edge.storage import sales as rows
from edge.storage.db import write
from edge.storage.shifts import current_shift_id
from shared.api import canonical_json
from shared.errors import NotFound, OmnistoreError, Unprocessable, idempotency_conflict
from shared.models import (
    Payment,
    Sale,
    SaleEvent,
    SaleIn,
    SaleLine,
    SaleLineIn,
    VatSummary,
)
from shared.money import MAX_MONEY, line_total, vat_breakdown
from shared.tenders import change_due


def request_hash(request: BaseModel) -> str:
    """What makes two requests with one id 'the same request' (idempotency)."""
    return hashlib.sha256(canonical_json(request.model_dump(mode="json")).encode()).hexdigest()


def record_sale(db: Database, node: NodeConfig, actor: Actor, request: SaleIn) -> tuple[Sale, bool]:
    """Commit a sale once. Returns (sale, created); a retry of the same request returns the
    stored sale, the same id with another body is `idempotency_conflict`."""
    digest = request_hash(request)
    with write(db):
        existing = rows.get_sale(db, request.id)
        if existing is not None:
            if existing[1] not in (digest, RELEARNED):
                raise idempotency_conflict("sale", request.id)
            return existing[0], False
        refuse_while_restoring(db)
        lines = [_price_line(db, line) for line in request.lines]
        total = sum(line.total for line in lines)
        if total > MAX_MONEY:
            raise Unprocessable("amount_too_large", f"sale total exceeds {MAX_MONEY}")
        change = change_due(total, request.payments)
        if change > MAX_MONEY:
            raise Unprocessable("amount_too_large", f"change exceeds {MAX_MONEY}")
        seq = rows.next_receipt_seq(db, actor.register)
        occurred_at, device_time = clock.now(db)
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


def _price_line(db: Database, line: SaleLineIn) -> SaleLine:
    """Price at today's catalogue; the applied price is stored on the line for ever."""
    try:
        found = catalog.resolve(db, line.sku, line.barcode)
    except OmnistoreError as exc:
        raise Unprocessable(exc.code, exc.message) from exc
    total = line_total(found.unit_price, line.qty)
    if total > MAX_MONEY:
        raise Unprocessable("amount_too_large", f"line total exceeds {MAX_MONEY}")
    return SaleLine(
        sku=found.product.sku,
        name=found.product.name,
        qty=line.qty,
        unit_price=found.unit_price,
        total=total,
        vat_rate_bp=found.product.vat_rate_bp,
        barcode=found.barcode,
    )


def list_sales(db: Database, after: tuple[str, str] | None, limit: int) -> list[Sale]:
    """This node's sales in (occurred_at, id) order, after a page position."""
    return rows.list_sales(db, after, limit)
